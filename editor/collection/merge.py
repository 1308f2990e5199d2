"""Exporting a whole collection once: one TMX, or one XLIFF with one `<file>` per document.

The file is written document by document: each document is loaded and its units are written with the
single-document exporter's code (so every export option applies as it does there): a TMX's units straight
into the merged file, an XLIFF's `<file>` copied from the document's own export. The file streams to disk;
only one document is in memory at a time. Each TMX unit names its document in a
`<prop type="x-document">`, which Trados and memoQ can keep as a field; a preset that leaves props out
leaves that out too, and the report says so. An XLIFF `<file>` names its document in `original`.
"""

from __future__ import annotations

import io
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from lxml import etree

from editor.bitext.document import AlignmentDocument
from editor.collection.store import Collection, DocumentEntry
from editor.errors import InputFileError, OutputFileError, UnsupportedFormatError

PROP_DOCUMENT = "x-document"
MERGE_SUFFIXES = (".tmx", ".xlf", ".xliff")
TMX_PROPS_DROPPED = ("the preset leaves props out, so the units do not name their documents "
                     "(no x-document prop); export with the generic or omegat preset to keep them")


@dataclass
class MergeReport:
    """What a merged export wrote and left out, over all documents."""

    path: Path | None = None             # the file written
    documents: int = 0                   # documents written
    written: int = 0                     # units written
    skipped_unlinked: int = 0
    skipped_unconfirmed: int = 0
    skipped_too_long: int = 0
    skipped_doubtful: int = 0
    left_out: list[tuple[str, str]] = field(default_factory=list)     # (document, why)
    warnings: list[str] = field(default_factory=list)
    units: dict[str, int] = field(default_factory=dict)              # units written per document

    def add(self, name: str, report) -> None:
        self.documents += 1
        self.units[name] = report.written
        self.written += report.written
        self.skipped_unlinked += report.skipped_unlinked
        self.skipped_unconfirmed += report.skipped_unconfirmed
        self.skipped_too_long += report.skipped_too_long
        self.skipped_doubtful += report.skipped_doubtful
        for warning in report.warnings:
            line = f"{name}: {warning}"
            if line not in self.warnings:
                self.warnings.append(line)


Loader = Callable[[DocumentEntry], AlignmentDocument]


def merge_suffix(path: Path | str, fmt: str | None = None) -> str:
    suffix = f".{fmt.lstrip('.').lower()}" if fmt else Path(path).suffix.lower()
    if suffix not in MERGE_SUFFIXES:
        what = suffix or "a file without an extension"
        raise UnsupportedFormatError(f"a collection merges into one TMX or XLIFF file, not {what}; "
                                     "use .tmx, .xlf or .xliff", path=path)
    return suffix


def export_collection(collection: Collection, path: Path | str, options=None, *, fmt: str | None = None,
                      load: Loader | None = None, progress: Callable[[int, int], None] | None = None,
                      should_stop: Callable[[], bool] = lambda: False) -> MergeReport:
    """Write every aligned document of `collection` into one TMX or XLIFF file at `path` (atomically: a
    temporary file renamed at the end). `load` reads a document (default: from its file; the editor passes
    its open, edited documents). Documents that failed or are not aligned are left out and named in the
    report. Raises InputFileError naming the file of a document that cannot be read (nothing is written)."""
    from editor.exporting import ExportOptions

    suffix = merge_suffix(path, fmt)
    options = options or ExportOptions()
    load = load or collection.load
    path = Path(path)
    report = MergeReport(path)
    entries = []
    for entry in collection.entries:
        problem = collection.problem(entry)
        if entry.file is None and not problem:
            problem = "not aligned yet"
        if problem:
            report.left_out.append((entry.name, problem))
        else:
            entries.append(entry)
    if not entries:
        raise InputFileError("the collection has no aligned document to export", path=collection.index_path)
    writer = _TmxMerger(collection, entries, options) if suffix == ".tmx" else _XliffMerger(options)
    if suffix == ".tmx" and not options.duiqi_props:
        report.warnings.append(TMX_PROPS_DROPPED)
    folder = path.absolute().parent
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputFileError(f"{path}: cannot write here: {exc.strerror or exc}", path=path) from None
    try:
        with os.fdopen(fd, "wb") as out:
            with etree.xmlfile(out, encoding="UTF-8") as xf:
                xf.write_declaration()
                for number, entry in enumerate(entries, 1):
                    if should_stop():
                        from editor.errors import AlignmentCancelled
                        raise AlignmentCancelled()
                    doc = load(entry)
                    writer.add(xf, number, entry.name, doc, report)
                    del doc
                    if progress is not None:
                        progress(number, len(entries))
                writer.close(xf)
            out.flush()
            os.fsync(out.fileno())
        try:
            os.chmod(tmp, 0o666 & ~_umask())
        except OSError:
            pass
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputFileError(f"{path}: cannot write: {exc.strerror or exc}", path=path) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return report


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _export_bytes(doc: AlignmentDocument, suffix: str, options) -> tuple[bytes, object]:
    from editor.exporting import exporter_for

    buffer = io.BytesIO()
    report = exporter_for(f"out{suffix}")(doc, buffer, options)
    return buffer.getvalue(), report


_PARSER_OPTIONS = dict(resolve_entities=False, no_network=True, huge_tree=True, remove_blank_text=True)


class _TmxMerger:
    """Copies each document's `tu`s into one `<tmx><body>`, numbering them on and naming their document."""

    def __init__(self, collection: Collection, entries: list[DocumentEntry], options) -> None:
        self.options = options
        self.number = 0
        self._body = None
        self._root = None
        self._srclang = self._header_srclang(entries)

    def _header_srclang(self, entries: list[DocumentEntry]) -> str | None:
        """The header's srclang: the one every document's source has, else "*all*" (TMX's word for mixed)."""
        o = self.options
        if (o.tgt_lang if o.reverse else o.src_lang):
            return None                  # given: every document writes it
        langs = {(e.stats.tgt_lang if o.reverse else e.stats.src_lang) for e in entries if e.stats is not None}
        langs.discard(None)
        return "*all*" if len(langs) > 1 else None

    def add(self, xf, number: int, name: str, doc: AlignmentDocument, report: MergeReport) -> None:
        from editor.exchange import tmx
        from editor.exchange.entries import export_languages
        from editor.exchange.options import ExportReport

        srclang = export_languages(doc, self.options).src
        if self._root is None:
            header = tmx.tmx_header(doc, self.options, self._srclang)     # with the first document's props
            self._srclang = header.get("srclang")
            self._root = xf.element("tmx", version="1.4")
            self._root.__enter__()
            xf.write("\n")
            xf.write(header, pretty_print=True)
            self._body = xf.element("body")
            self._body.__enter__()
            xf.write("\n")
        elif srclang not in (self._srclang, "*all*"):
            report.warnings.append(f"{name}: its source language {srclang} differs from the file's "
                                   f"({self._srclang})")
        single = ExportReport()
        # the units go straight into the merged file, numbered on, each naming its document
        self.number += tmx.write_units(xf, doc, self.options, single, first=self.number + 1,
                                       props=((PROP_DOCUMENT, name),))
        tmx.finish_report(single)
        report.add(name, single)

    def close(self, xf) -> None:
        if self._root is not None:
            self._body.__exit__(None, None, None)
            xf.write("\n")
            self._root.__exit__(None, None, None)


class _XliffMerger:
    """Copies each document's `<file>` into one `<xliff>`, named after its document."""

    def __init__(self, options) -> None:
        self.options = options
        self._root = None
        self._langs: tuple[str | None, str | None] | None = None

    def add(self, xf, number: int, name: str, doc: AlignmentDocument, report: MergeReport) -> None:
        payload, single = _export_bytes(doc, ".xlf", self.options)
        report.add(name, single)
        root = etree.fromstring(payload, etree.XMLParser(**_PARSER_OPTIONS))
        ns = etree.QName(root).namespace
        version = root.get("version")
        if self._root is None:
            nsmap = dict(root.nsmap)
            attributes = {k: v for k, v in root.attrib.items()}
            self._langs = (root.get("srcLang"), root.get("trgLang"))
            self._root = xf.element(f"{{{ns}}}xliff", attributes, nsmap=nsmap)
            self._root.__enter__()
        elif version == "2.0" and (root.get("srcLang"), root.get("trgLang")) != self._langs:
            report.warnings.append(f"{name}: its languages {root.get('srcLang')}/{root.get('trgLang')} differ "
                                   f"from the file's ({self._langs[0]}/{self._langs[1]})")
        for file_el in root.findall(f"{{{ns}}}file"):
            file_el.set("original", name)
            if version == "2.0":
                file_el.set("id", f"f{number}")
            xf.write(file_el, pretty_print=True)

    def close(self, xf) -> None:
        if self._root is not None:
            self._root.__exit__(None, None, None)

