"""Exporting a whole collection once: one TMX, or one XLIFF with one `<file>` per document.

The file is written document by document, in the collection's order, with the single-document exporter's
code (so every export option applies as it does there): each document is serialised on its own (a TMX's units,
numbered on as they are written; an XLIFF's `<file>`, taken from the document's own export), on worker
processes for a large collection (one per core), and the file streams to disk: only a few documents are held
at a time. Each TMX unit names its document in a
`<prop type="x-document">`, which Trados and memoQ can keep as a field; a preset that leaves props out
leaves that out too, and the report says so. An XLIFF `<file>` names its document in `original`.
"""

from __future__ import annotations

import io
import logging
import os
from collections import deque
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Mapping

from lxml import etree

from editor.bitext.document import AlignmentDocument
from editor.collection.store import Collection, DocumentEntry
from editor.errors import AlignmentCancelled, EditorError, InputFileError, OutputFileError, UnsupportedFormatError
from editor.exchange.options import ExportReport

log = logging.getLogger(__name__)

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


def merge_suffix(path: Path | str, fmt: str | None = None) -> str:
    suffix = f".{fmt.lstrip('.').lower()}" if fmt else Path(path).suffix.lower()
    if suffix not in MERGE_SUFFIXES:
        what = suffix or "a file without an extension"
        raise UnsupportedFormatError(f"a collection merges into one TMX or XLIFF file, not {what}; "
                                     "use .tmx, .xlf or .xliff", path=path)
    return suffix


#: a merged export renders its documents on worker processes (one per core, at most MAX_WORKERS) when this many
#: links or more come from files: below it, starting the workers costs more than it saves
PARALLEL_MIN_LINKS = 20_000
MAX_WORKERS = 4


def export_collection(collection: Collection, path: Path | str, options=None, *, fmt: str | None = None,
                      live: Mapping[str, AlignmentDocument] | None = None,
                      progress: Callable[[int, int], None] | None = None,
                      should_stop: Callable[[], bool] = lambda: False, workers: int | None = None) -> MergeReport:
    """Write every aligned document of `collection` into one TMX or XLIFF file at `path` (atomically: a
    temporary file renamed at the end). Documents are read from their files, except those `live` holds by name
    (the editor's open documents, unsaved edits included), which are rendered in this process. The documents are rendered on `workers` processes (None: one per core when the
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
        doc = live.get(entry.name)
        return doc if doc is not None else collection.load(entry)

    from editor.bitext.project import atomic_writer

    from_files = [e for e in entries if e.name not in live]
    count = _worker_count(workers, from_files)
    try:
        with atomic_writer(path.absolute()) as out:
            rendered = _in_order(collection, entries, suffix, options, document,
                                 {e.name for e in from_files} if count else set(), count)
            write = _write_tmx if suffix == ".tmx" else _write_xliff
            write(out, rendered, len(entries), options, report, progress, should_stop)
    except OSError as exc:
        raise OutputFileError(f"cannot write: {exc.strerror or exc}", path=path) from None
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


# -- each document rendered (here, or on a worker process), then written in the collection's order -------------


@dataclass
class _Rendered:
    """One document's part of the merged file, serialised by lxml: a TMX's `<tu>`s or an XLIFF's `<file>`s,
    the start of the file as this document would open it (TMX: its `<header>`; XLIFF: the `<xliff>` root, its
    closing tag apart), its languages and its export report."""

    parts: list[bytes]
    report: ExportReport
    langs: tuple[str | None, str | None]
    start: bytes
    end: bytes = b""


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


def _render(suffix: str, doc: AlignmentDocument, name: str, number: int, options, srclang: str | None) -> _Rendered:
    return (_render_tmx if suffix == ".tmx" else _render_xliff)(doc, name, number, options, srclang)


def _render_tmx(doc: AlignmentDocument, name: str, number: int, options, srclang: str | None) -> _Rendered:
    from editor.exchange import tmx
    from editor.exchange.entries import export_languages

    sink, report = _UnitSink(), ExportReport()
    tmx.write_units(sink, doc, options, report, props=((PROP_DOCUMENT, name),))
    tmx.finish_report(report)
    header = etree.tostring(tmx.tmx_header(doc, options, srclang), encoding="UTF-8", pretty_print=True)
    return _Rendered(sink.units, report, (export_languages(doc, options).src, None), header)


def _render_xliff(doc: AlignmentDocument, name: str, number: int, options, srclang: str | None) -> _Rendered:
    """The document's own XLIFF export, its `<file>`s named after the document (and numbered, in XLIFF 2)."""
    payload, report = _export_bytes(doc, ".xlf", options)
    root = etree.fromstring(payload, etree.XMLParser(**_PARSER_OPTIONS))
    ns = etree.QName(root).namespace
    version = root.get("version")
    parts = []
    for file_el in root.findall(f"{{{ns}}}file"):
        file_el.set("original", name)
        if version == "2.0":
            file_el.set("id", f"f{number}")
        else:
            # unique in the whole file, not only in its <file>: every document's ids started at 1, and a tool that
            # matches units by id (a client's OmegaT check) paired one document's target with another's source
            # (an X11 audit: 29 units "conflicting")
            for unit in file_el.iter(f"{{{ns}}}trans-unit"):
                unit.set("id", f"{number}-{unit.get('id')}")
        parts.append(etree.tostring(file_el, encoding="UTF-8", pretty_print=True))
    # the root's start and end tags, as lxml writes them (its namespaces and attributes)
    shell = etree.Element(root.tag, dict(root.attrib), nsmap=dict(root.nsmap))
    shell.text = "\n"
    text = etree.tostring(shell, encoding="UTF-8")
    cut = text.rindex(b"</")
    return _Rendered(parts, report, (root.get("srcLang"), root.get("trgLang")) if version == "2.0" else (None, None),
                     text[:cut], text[cut:] + b"\n")


def _render_file(suffix: str, folder: Path, entry: DocumentEntry, number: int, options,
                 srclang: str | None) -> _Rendered | _Failed:
    """On a worker: read the document from its file and render it."""
    try:
        doc = Collection(folder).load(entry)
    except EditorError as exc:
        return _Failed(exc.message, str(exc.path) if exc.path is not None else None)
    return _render(suffix, doc, entry.name, number, options, srclang)


def _in_order(collection: Collection, entries: list[DocumentEntry], suffix: str, options,
              document: Callable[[DocumentEntry], AlignmentDocument], remote: set[str], workers: int):
    """Yield (entry, _Rendered) in the collection's order: the documents named in `remote` rendered on `workers`
    processes, the others here, at most 2 x workers documents ahead of the one being written. The pool is shut
    down when the caller stops reading (done, cancelled or failed)."""
    srclang = _header_srclang(entries, options) if suffix == ".tmx" else None
    pool = None
    if workers:
        import concurrent.futures

        from editor.processes import pool_context

        pool = concurrent.futures.ProcessPoolExecutor(max_workers=workers, mp_context=pool_context())
    pending: deque = deque()

    def take():
        nonlocal pool
        number, entry, future = pending.popleft()
        if future is not None:
            try:
                rendered = future.result()
            except BrokenProcessPool:        # a worker died (killed, out of memory): the rest is done here
                log.warning("a worker process of the merged export stopped; rendering the rest in this process")
                pool = None
            else:
                if isinstance(rendered, _Failed):
                    raise InputFileError(rendered.message, path=rendered.path)
                return entry, rendered
        return entry, _render(suffix, document(entry), entry.name, number, options, srclang)

    started = pool
    try:
        for number, entry in enumerate(entries, 1):
            future = None
            if pool is not None and entry.name in remote:
                future = pool.submit(_render_file, suffix, collection.folder, entry, number, options, srclang)
            pending.append((number, entry, future))
            while len(pending) > 2 * workers:
                yield take()
        while pending:
            yield take()
    finally:
        if started is not None:
            started.shutdown(wait=True, cancel_futures=True)


_TU_START = b'<tu tuid="'


def _write_tmx(out, rendered, total: int, options, report: MergeReport, progress, should_stop) -> None:
    """The merged TMX: the first document's header, every document's units numbered on through the file."""
    number = 0
    srclang = None
    for done, (entry, part) in enumerate(rendered, 1):
        _check_stop(should_stop)
        if done == 1:
            srclang = _header_srclang_of(part.start)
            out.write(b"<?xml version='1.0' encoding='UTF-8'?>\n<tmx version=\"1.4\">\n")
            out.write(part.start)
            out.write(b"<body>\n")
        elif part.langs[0] not in (srclang, "*all*") and srclang != "*all*":
            report.warnings.append(f"{entry.name}: its source language {part.langs[0]} differs from the "
                                   f"file's ({srclang})")
        units = []
        for unit in part.parts:
            number += 1
            end = unit.index(b'"', len(_TU_START))
            units.append(_TU_START + str(number).encode() + unit[end:])
        out.write(b"".join(units))
        report.add(entry.name, part.report)
        if progress is not None:
            progress(done, total)
    out.write(b"</body>\n</tmx>\n")


def _header_srclang_of(header: bytes) -> str | None:
    return etree.fromstring(header).get("srclang")


def _write_xliff(out, rendered, total: int, options, report: MergeReport, progress, should_stop) -> None:
    """The merged XLIFF: the first document's root, every document's `<file>`s."""
    langs, end = None, b""
    for done, (entry, part) in enumerate(rendered, 1):
        _check_stop(should_stop)
        if done == 1:
            langs, end = part.langs, part.end
            out.write(b"<?xml version='1.0' encoding='UTF-8'?>\n")
            out.write(part.start)
        elif part.langs != langs:
            report.warnings.append(f"{entry.name}: its languages {part.langs[0]}/{part.langs[1]} differ "
                                   f"from the file's ({langs[0]}/{langs[1]})")
        out.write(b"".join(part.parts))
        report.add(entry.name, part.report)
        if progress is not None:
            progress(done, total)
    out.write(end)


def _header_srclang(entries: list[DocumentEntry], options) -> str | None:
    """The header's srclang when the documents' sources differ: "*all*" (TMX's word for mixed); else None
    (the first document's)."""
    if options.tgt_lang if options.reverse else options.src_lang:
        return None                  # given: every document writes it
    langs = {(e.stats.tgt_lang if options.reverse else e.stats.src_lang) for e in entries if e.stats is not None}
    langs.discard(None)
    return "*all*" if len(langs) > 1 else None


def _export_bytes(doc: AlignmentDocument, suffix: str, options) -> tuple[bytes, object]:
    from editor.exporting import exporter_for

    buffer = io.BytesIO()
    report = exporter_for(f"out{suffix}")(doc, buffer, options)
    return buffer.getvalue(), report


_PARSER_OPTIONS = dict(resolve_entities=False, no_network=True, huge_tree=True, remove_blank_text=True)
