"""Exporting a whole collection once: one TMX, or one XLIFF with one `<file>` per document.

The file is written document by document, in the collection's order, with the single-document exporter's
code (so every export option applies as it does there): a TMX's units are serialised per document (on worker
processes for a large collection, one per core) and numbered on as they are written; an XLIFF's `<file>` is
copied from the document's own export. The file streams to disk: only a few documents are held at a time. Each TMX unit names its document in a
`<prop type="x-document">`, which Trados and memoQ can keep as a field; a preset that leaves props out
leaves that out too, and the report says so. An XLIFF `<file>` names its document in `original`.
"""

from __future__ import annotations

import io
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from collections import deque
from typing import Callable, Mapping

from lxml import etree

from editor.bitext.document import AlignmentDocument
from editor.collection.store import Collection, DocumentEntry
from editor.errors import AlignmentCancelled, EditorError, InputFileError, OutputFileError, UnsupportedFormatError
from editor.exchange.options import ExportReport

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


#: a merged TMX renders its documents on worker processes (one per core, at most MAX_WORKERS) when this many
#: links or more come from files: below it, starting the workers costs more than it saves
PARALLEL_MIN_LINKS = 20_000
MAX_WORKERS = 4


def export_collection(collection: Collection, path: Path | str, options=None, *, fmt: str | None = None,
                      load: Loader | None = None, live: Mapping[str, AlignmentDocument] | None = None,
                      progress: Callable[[int, int], None] | None = None,
                      should_stop: Callable[[], bool] = lambda: False, workers: int | None = None) -> MergeReport:
    """Write every aligned document of `collection` into one TMX or XLIFF file at `path` (atomically: a
    temporary file renamed at the end). Documents are read from their files, except those `live` holds by name
    (the editor's open documents, unsaved edits included); `load` replaces both (every document read through
    it, in this process). A TMX's documents are rendered on `workers` processes (None: one per core when the
    collection is large, see PARALLEL_MIN_LINKS; 0 or 1: here), the file still written in document order and
    streamed: at most a few documents are held at a time. Documents that failed or are not aligned are left
    out and named in the report. Raises InputFileError naming the file of a document that cannot be read
    (nothing is written); AlignmentCancelled when `should_stop` says so between documents."""
    from editor.exporting import ExportOptions

    suffix = merge_suffix(path, fmt)
    options = options or ExportOptions()
    live = live or {}
    path = Path(path)
    report = MergeReport(path)
    entries = []
    for entry in collection.entries:
        problem = None if entry.name in live else collection.problem(entry)
        if entry.file is None and not problem and entry.name not in live:
            problem = "not aligned yet"
        if problem:
            report.left_out.append((entry.name, problem))
        else:
            entries.append(entry)
    if not entries:
        raise InputFileError("the collection has no aligned document to export", path=collection.index_path)
    if suffix == ".tmx" and not options.duiqi_props:
        report.warnings.append(TMX_PROPS_DROPPED)

    def document(entry: DocumentEntry) -> AlignmentDocument:
        if load is not None:
            return load(entry)
        doc = live.get(entry.name)
        return doc if doc is not None else collection.load(entry)

    folder = path.absolute().parent
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputFileError(f"{path}: cannot write here: {exc.strerror or exc}", path=path) from None
    try:
        with os.fdopen(fd, "wb") as out:
            if suffix == ".tmx":
                from_files = [] if load is not None else [e for e in entries if e.name not in live]
                count = _worker_count(workers, from_files)
                _write_tmx(out, collection, entries, options, report, document,
                           {e.name for e in from_files} if count else set(), count, progress, should_stop)
            else:
                _write_xliff(out, entries, options, report, document, progress, should_stop)
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


def _worker_count(workers: int | None, from_files: list[DocumentEntry]) -> int:
    if workers is None:
        links = sum(e.stats.links for e in from_files if e.stats is not None)
        if links < PARALLEL_MIN_LINKS or len(from_files) < 2:
            return 0
        workers = min(os.cpu_count() or 1, MAX_WORKERS)
    return min(workers, len(from_files)) if workers > 1 else 0


def _check_stop(should_stop: Callable[[], bool]) -> None:
    if should_stop():
        raise AlignmentCancelled()


# -- TMX: each document's units rendered (here or on a worker), written in order, numbered on ----------------


@dataclass
class _Rendered:
    """One document's part of the merged TMX: its `<tu>`s serialised (by lxml), its header, its report."""

    units: list[bytes]
    report: ExportReport
    srclang: str
    header: bytes


@dataclass
class _Failed:
    """A document a worker could not read (errors cross processes as text: their classes may not pickle)."""

    message: str
    path: str | None


class _UnitSink:
    """What tmx.write_units writes into: each `<tu>` serialised on its own (UTF-8, no declaration)."""

    def __init__(self) -> None:
        self.units: list[bytes] = []

    def write(self, element, pretty_print: bool = False) -> None:
        self.units.append(etree.tostring(element, encoding="UTF-8", pretty_print=pretty_print))


def _render_tmx(doc: AlignmentDocument, name: str, options, srclang: str | None) -> _Rendered:
    from editor.exchange import tmx
    from editor.exchange.entries import export_languages

    sink, report = _UnitSink(), ExportReport()
    tmx.write_units(sink, doc, options, report, props=((PROP_DOCUMENT, name),))
    tmx.finish_report(report)
    header = etree.tostring(tmx.tmx_header(doc, options, srclang), encoding="UTF-8", pretty_print=True)
    return _Rendered(sink.units, report, export_languages(doc, options).src, header)


def _render_tmx_file(folder: Path, entry: DocumentEntry, options, srclang: str | None) -> _Rendered | _Failed:
    """On a worker: read the document from its file and render it."""
    try:
        doc = Collection(folder).load(entry)
    except EditorError as exc:
        return _Failed(exc.message, str(exc.path) if exc.path is not None else None)
    return _render_tmx(doc, entry.name, options, srclang)


_TU_START = b'<tu tuid="'


def _write_tmx(out, collection: Collection, entries: list[DocumentEntry], options, report: MergeReport,
               document: Callable[[DocumentEntry], AlignmentDocument], remote: set[str], workers: int,
               progress, should_stop) -> None:
    """Write the merged TMX: the documents named in `remote` rendered on `workers` processes, the others
    here, at most 2 x workers ahead of the writing."""
    header_srclang = _header_srclang(entries, options)
    pool = None
    if workers:
        import concurrent.futures

        from editor.processes import pool_context

        pool = concurrent.futures.ProcessPoolExecutor(max_workers=workers, mp_context=pool_context())
    window = 2 * workers
    number = 0
    srclang = None
    try:
        pending: deque = deque()

        def results():
            for entry in entries:
                if pool is not None and entry.name in remote:
                    pending.append((entry, pool.submit(_render_tmx_file, collection.folder, entry, options,
                                                       header_srclang)))
                else:
                    pending.append((entry, None))
                while len(pending) > window:
                    yield _take(pending.popleft(), document, options, header_srclang)
            while pending:
                yield _take(pending.popleft(), document, options, header_srclang)

        for done, (entry, rendered) in enumerate(results(), 1):
            _check_stop(should_stop)
            if isinstance(rendered, _Failed):
                raise InputFileError(rendered.message, path=rendered.path)
            if srclang is None:
                srclang = header_srclang or rendered.srclang
                out.write(b"<?xml version='1.0' encoding='UTF-8'?>\n<tmx version=\"1.4\">\n")
                out.write(rendered.header)
                out.write(b"<body>\n")
            elif rendered.srclang not in (srclang, "*all*"):
                report.warnings.append(f"{entry.name}: its source language {rendered.srclang} differs from the "
                                       f"file's ({srclang})")
            parts = []
            for unit in rendered.units:             # numbered on through the whole file
                number += 1
                end = unit.index(b'"', len(_TU_START))
                parts.append(_TU_START + str(number).encode() + unit[end:])
            out.write(b"".join(parts))
            report.add(entry.name, rendered.report)
            if progress is not None:
                progress(done, len(entries))
        out.write(b"</body>\n</tmx>\n")
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


def _take(item, document, options, srclang):
    entry, future = item
    if future is not None:
        return entry, future.result()
    return entry, _render_tmx(document(entry), entry.name, options, srclang)


def _header_srclang(entries: list[DocumentEntry], options) -> str | None:
    """The header's srclang when the documents' sources differ: "*all*" (TMX's word for mixed); else None
    (the first document's)."""
    if options.tgt_lang if options.reverse else options.src_lang:
        return None                  # given: every document writes it
    langs = {(e.stats.tgt_lang if options.reverse else e.stats.src_lang) for e in entries if e.stats is not None}
    langs.discard(None)
    return "*all*" if len(langs) > 1 else None


# -- XLIFF: each document's `<file>` copied from its own export ------------------------------------------------


def _write_xliff(out, entries: list[DocumentEntry], options, report: MergeReport,
                 document: Callable[[DocumentEntry], AlignmentDocument], progress, should_stop) -> None:
    writer = _XliffMerger(options)
    with etree.xmlfile(out, encoding="UTF-8") as xf:
        xf.write_declaration()
        for number, entry in enumerate(entries, 1):
            _check_stop(should_stop)
            writer.add(xf, number, entry.name, document(entry), report)
            if progress is not None:
                progress(number, len(entries))
        writer.close(xf)


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

