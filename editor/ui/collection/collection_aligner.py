"""Aligning every document of a collection in the background, one after another: each is read off the GUI
thread and aligned in the aligner process; a failing document records its reason and the queue goes on."""

from __future__ import annotations

from PySide6.QtCore import QObject, QThreadPool, Signal

from editor.bitext.document import AlignmentDocument, Change
from editor.collection.store import Collection, DocumentEntry
from editor.errors import AlignmentCancelled, EditorError
from editor.ui.jobs.workers import AlignmentJob, Task, start_alignment


class CollectionAligner(QObject):
    """Aligns the collection's documents that have no alignment yet and saves each into the collection.

    Signals go up: `document_started(name)`, `document_progressed(name, fraction)`, `document_finished(name)`
    (aligned and saved: it can be reviewed now), `document_failed(name, reason)`, `document_stopped(name)`
    (cancelled: still to align), `progressed(fraction)` over the whole run, and `finished(cancelled)`.
    """

    document_stopped = Signal(str)
    document_started = Signal(str)
    document_progressed = Signal(str, float)
    document_finished = Signal(str)
    document_failed = Signal(str, str)
    progressed = Signal(float)
    finished = Signal(bool)

    def __init__(self, collection: Collection, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.collection = collection
        self._queue: list[DocumentEntry] = []
        self._total = 0
        self._done = 0
        self._current: DocumentEntry | None = None
        self._job: AlignmentJob | None = None
        self._reading: Task | None = None
        self._cancelled = False

    @property
    def running(self) -> bool:
        return self._current is not None or bool(self._queue)

    @property
    def current(self) -> str | None:
        return self._current.name if self._current is not None else None

    def waiting(self) -> list[str]:
        """Names of the documents still to align (the current one first)."""
        names = [self._current.name] if self._current is not None else []
        return names + [e.name for e in self._queue]

    def start(self, entries: list[DocumentEntry] | None = None) -> int:
        """Align `entries` (default: every document not aligned and not failed); returns how many."""
        if entries is None:
            entries = [e for e in self.collection.entries if e.file is None and not e.error]
        todo = [e for e in entries if e is not self._current and e not in self._queue]
        if not todo:
            return 0
        if not self.running:
            self._total, self._done, self._cancelled = 0, 0, False
        self._queue.extend(todo)
        self._total += len(todo)
        if self._current is None:
            self._next()
        return len(todo)

    def cancel(self) -> None:
        """Stop: the running document stops at once; the waiting ones stay "to align"."""
        self._cancelled = True
        self._queue.clear()
        if self._job is not None:
            self._job.cancel()
        name = self.current
        self._current, self._job, self._reading = None, None, None
        if name is not None:
            self.document_stopped.emit(name)
        self.finished.emit(True)

    # -- the queue ------------------------------------------------------------------------------------

    def _next(self) -> None:
        if not self._queue:
            self._current = None
            if self._cancelled:
                return
            self.progressed.emit(1.0)
            self.finished.emit(False)
            return
        entry = self._current = self._queue.pop(0)
        self.document_started.emit(entry.name)
        self._report(0.0)
        sources = self.collection.sources(entry)
        settings = self.collection.settings

        def read() -> AlignmentDocument:
            from editor.workflow import ImportOptions, import_document

            options = ImportOptions(presegmented=settings.presegmented, src_lang=settings.src_lang,
                                    tgt_lang=settings.tgt_lang or "en-US", clean=settings.clean)
            return import_document(sources, options)

        task = self._reading = Task(read)
        task.signals.succeeded.connect(lambda doc, e=entry: self._on_read(e, doc))
        task.signals.failed.connect(lambda exc, e=entry: self._on_failed(e, exc))
        task.start(QThreadPool.globalInstance())

    def _on_read(self, entry: DocumentEntry, doc: AlignmentDocument) -> None:
        if entry is not self._current:
            return              # cancelled meanwhile
        self._reading = None
        self._job = start_alignment(doc, mode=self.collection.settings.mode, keep_fixed=False,
                                    pool=QThreadPool.globalInstance(),
                                    connect=(lambda change, e=entry, d=doc: self._on_aligned(e, d, change),
                                             lambda exc, e=entry: self._on_failed(e, exc),
                                             lambda fraction, e=entry: self._on_progressed(e, fraction)))

    def _on_progressed(self, entry: DocumentEntry, fraction: float) -> None:
        if entry is self._current:
            fraction = min(max(fraction, 0.0), 1.0)
            self.document_progressed.emit(entry.name, fraction)
            self._report(fraction)

    def _on_aligned(self, entry: DocumentEntry, doc: AlignmentDocument, change: Change) -> None:
        if entry is not self._current:
            return
        try:
            doc.apply(change)
            doc.meta.alignment_mode = self.collection.settings.mode
            self.collection.save_document(entry, doc)
        except (EditorError, OSError) as exc:
            self._fail(entry, _reason(exc))
            return
        self._current = self._job = None
        self._done += 1
        self.document_finished.emit(entry.name)
        if self._current is None:
            self._next()

    def _on_failed(self, entry: DocumentEntry, exc: BaseException) -> None:
        if entry is not self._current:
            return
        if isinstance(exc, AlignmentCancelled):
            return
        self._fail(entry, _reason(exc))

    def _fail(self, entry: DocumentEntry, reason: str) -> None:
        self._current = self._job = self._reading = None
        try:
            self.collection.fail(entry, reason)
        except EditorError:
            entry.error = reason
        self._done += 1
        self.document_failed.emit(entry.name, reason)
        if self._current is None:
            self._next()

    def _report(self, fraction: float) -> None:
        if self._total:
            self.progressed.emit(min(1.0, (self._done + fraction) / self._total))


def _reason(exc: BaseException) -> str:
    """One line saying why a document failed, naming its file when the error does."""
    path = getattr(exc, "path", None)
    text = " ".join(str(getattr(exc, "message", None) or exc).split()) or type(exc).__name__
    if path is not None and str(path) not in text:
        from pathlib import Path
        text = f"{Path(path).name}: {text}"
    return text
