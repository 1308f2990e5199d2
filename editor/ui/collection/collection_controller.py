"""The open collection in the window: which documents are open (each with its own undo history and edit journal),
which one the panes show, the document list's model, the background alignment, saving, F8 across documents and
the merged export."""

from __future__ import annotations

import json
import logging
import threading
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog, QMessageBox, QProgressDialog, QWidget

from editor.bitext.document import AlignmentDocument
from editor.bitext.journal import copy_document
from editor.bitext.project import atomic_write_bytes
from editor.bitext.review import ReviewPolicy, review_counts
from editor.collection.review import CollectionReview
from editor.collection.store import Collection, DocumentEntry
from editor.errors import AlignmentCancelled, EditorError
from editor.settings import exporter_id
from editor.ui.collection.collection_aligner import CollectionAligner
from editor.ui.collection.document_journal import (
    JOURNAL_FOLDER,
    PLACE_FILE,
    DocumentJournal,
    journal_path,
    leftover_history,
    read_place,
)
from editor.ui.collection.document_list import DocumentListModel
from editor.ui.error_text import reason_text
from editor.ui.jobs.workers import Task
from editor.ui.model.commands import ApplyChange, restored_text
from editor.ui.model.qt_document import QtDocument
from editor.ui.safety.sessions import JOURNAL_SYNC_MS

log = logging.getLogger(__name__)


class CollectionHost(Protocol):
    """What the controller needs of the window."""

    qdoc: QtDocument

    def show_collection_document(self, doc: AlignmentDocument, stack: QUndoStack, title: str) -> None: ...

    def review_threshold(self) -> float: ...

    def finish_editing(self) -> None: ...

    def select_first_doubtful(self) -> bool: ...

    def select_last_doubtful(self) -> bool: ...

    def return_to(self, position) -> None: ...


@dataclass
class OpenDocument:
    """A document loaded in this session: its current state, its undo history and its journal."""

    entry: DocumentEntry
    doc: AlignmentDocument
    stack: QUndoStack
    journal: DocumentJournal
    counts: tuple[int, int, int] = (0, 0, 0)       # links, doubtful, confirmed
    vouched: int = 0                                # beads a person vouched for (ReviewCounts.vouched)
    edited: str | None = None                        # ISO time (UTC) of its last edit in this session
    on_clean: object = None                          # the slot told when its stack gets clean or not
    position: list | None = None                     # where the translator was in it: [side value, segment id]


class CollectionController(QObject):
    """Owns the collection while the window shows it. Documents load when first opened and stay open (with
    their undo history) until the collection closes; only the shown one is in the panes.

    Signals go up: `message` (status bar), `error(title, exc)` (the window shows it naming the file),
    `document_shown(name)`, `modified_changed()` (for the window's title and Save).
    """

    message = Signal(str, int)
    error = Signal(str, object)
    export_finished = Signal(object)          # the MergeReport of a merged export that ran to its end
    document_shown = Signal(str)
    modified_changed = Signal()

    def __init__(self, host: CollectionHost, collection: Collection, dialog_parent: QWidget,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.host, self.collection, self.dialog_parent = host, collection, dialog_parent
        self.open_documents: dict[str, OpenDocument] = {}
        self.shown: str | None = None
        # the collection's lock (Collection.lock), released when the collection closes
        self.lock = None
        self.exporting: Task | None = None           # a merged export running on a worker thread
        self._stop_export = threading.Event()
        self.export_progress: QProgressDialog | None = None
        self.export_finished.connect(self._on_export_finished)
        self.model = DocumentListModel(collection, self._live_counts, self, edited=self._last_edit)
        #: the whole collection's review list rows (open documents with their unsaved edits)
        self.review = CollectionReview(collection, host.review_threshold(), self._live_document)
        self.aligner = CollectionAligner(collection, self)
        self.aligner.document_started.connect(lambda name: self.model.set_progress(name, 0.0))
        self.aligner.document_progressed.connect(self.model.set_progress)
        self.aligner.document_finished.connect(self._on_document_aligned)
        self.aligner.document_failed.connect(self._on_document_failed)
        self.aligner.document_stopped.connect(lambda name: self.model.set_progress(name, None))
        self.aligner.finished.connect(self._on_alignment_finished)
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(150)
        self._count_timer.timeout.connect(self._recount_shown)
        host.qdoc.changed.connect(self._on_shown_document_changed)
        # where the translator is (the shown document and its sentence), written to PLACE_FILE within a second
        # of a move: the collection reopens there, after a kill too (it reopened in the first document with
        # unsaved edits, at its first link, and every document opened at link 1: an X11 audit)
        self._place: dict | None = None
        # where the translator was in each document (in this session and, from PLACE_FILE, the last one): a
        # document replayed after a kill came back on its last change, not where the translator had been (an
        # X11 re-test)
        self._saved = read_place(self.collection.folder)                      # what the last session left, read once
        self._positions: dict[str, list] = dict(self._saved.get("positions", {}))
        self._place_timer = QTimer(self)
        self._place_timer.setSingleShot(True)
        # as the single document's journal: a kill 0.85 s after the last key lost the text being typed (an X11
        # re-test; the place was written a second after the first change)
        self._place_timer.setInterval(JOURNAL_SYNC_MS)
        self._place_timer.timeout.connect(self._write_place)

    @property
    def name(self) -> str:
        return self.collection.folder.name

    # -- the list's counts --------------------------------------------------------------------------------

    def _live_document(self, name: str) -> AlignmentDocument | None:
        opened = self.open_documents.get(name)
        return opened.doc if opened is not None else None

    def _live_counts(self, name: str) -> tuple | None:
        opened = self.open_documents.get(name)
        if opened is None:
            return None
        return (*opened.counts, not opened.stack.isClean(), opened.vouched)

    def _count(self, opened: OpenDocument) -> None:
        counts = review_counts(opened.doc, ReviewPolicy.for_document(opened.doc, self.host.review_threshold()))
        opened.counts = (counts.links, counts.doubtful, counts.confirmed)
        opened.vouched = counts.vouched

    def _last_edit(self, name: str) -> str | None:
        opened = self.open_documents.get(name)
        return opened.edited if opened is not None else None

    def _on_shown_document_changed(self, *_args) -> None:
        if self.shown is not None:
            opened = self.open_documents.get(self.shown)
            if opened is not None:
                # "Last change" is the last edit, not the last save (it kept the save's time: an X11 audit)
                opened.edited = datetime.now(timezone.utc).isoformat(timespec="seconds")
            self._count_timer.start()

    def _recount_shown(self) -> None:
        opened = self.open_documents.get(self.shown) if self.shown else None
        if opened is not None:
            self._count(opened)
            self.model.refresh(opened.entry.name)

    def recount_all(self) -> None:
        """Count the open documents again (the review threshold changed)."""
        for opened in self.open_documents.values():
            self._count(opened)
        self.model.refresh()
        self.review.set_threshold(self.host.review_threshold())

    # -- where the translator is ------------------------------------------------------------------------------

    def note_position(self, side: str, segment_id: int) -> None:
        """The translator is at this sentence of the shown document (kept per document, and on disk)."""
        opened = self.open_documents.get(self.shown) if self.shown else None
        if opened is None:
            return
        opened.position = [side, int(segment_id)]
        self._note_place(opened.position, self._place.get("draft") if self._place else None)

    def note_draft(self, draft) -> None:
        """The text being typed in an in-place editor of the shown document ([side value, segment id, text], None
        once it closed), written with the place: a kill while typing lost it (an X11 audit)."""
        opened = self.open_documents.get(self.shown) if self.shown else None
        if opened is None:
            return
        self._note_place(opened.position, draft)

    def _note_place(self, position, draft) -> None:
        if position is not None:
            self._positions[self.shown] = position
        place = {"document": self.shown, "position": position, "draft": draft, "positions": dict(self._positions)}
        if place != self._place:
            self._place = place
            if not self._place_timer.isActive():
                self._place_timer.start()

    def _place_path(self) -> Path:
        return self.collection.folder / JOURNAL_FOLDER / PLACE_FILE

    def _write_place(self) -> None:
        if self._place is None:
            return
        path = self._place_path()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(path, json.dumps(self._place).encode("utf-8"))
        except OSError as exc:                       # a read-only collection: it opens at its start, no more
            log.info("cannot note the place in %s: %s", path, exc)

    def last_place(self) -> tuple[str, list | None, list | None] | None:
        """(document name, [side value, segment id] or None, the text being typed there [side value, segment id,
        text] or None) where the last session was, when that document is in the collection; None otherwise."""
        name = self._saved.get("document")
        if name is None:
            return None
        try:
            self.collection.entry(name)
        except KeyError:
            return None
        return name, self._saved["position"], self._saved["draft"]

    # -- opening documents ---------------------------------------------------------------------------------

    def leftovers(self) -> list[str]:
        """Documents with unsaved edits a session that ended left in their journals."""
        return [e.name for e in self.collection.entries
                if journal_path(self.collection.folder, e.name).is_file()
                and leftover_history(self.collection.folder, e.name) is not None]

    def show(self, name: str, position: list | None = None) -> bool:
        """Show document `name` in the panes (loading it, and replaying what a killed session left, on first
        opening), where the translator was in it this session, else at `position` ([side value, segment id]).
        False, with the reason said, when it cannot be shown."""
        try:
            entry = self.collection.entry(name)
        except KeyError:
            return False
        if name == self.shown:
            return True
        if name in self.aligner.waiting():
            self.message.emit(self.tr("%1 is still aligning; it opens when it is aligned.").replace("%1", name), 5000)
            return False
        self.host.finish_editing()
        opened = self.open_documents.get(name)
        recovered = None
        if opened is None:
            problem = entry.error
            if problem:
                self.error.emit(self.tr("Could not open the document"),
                                EditorError(self.tr("%1 failed: %2").replace("%2", reason_text(problem)).replace("%1", name)))
                return False
            try:
                doc = self.collection.load(entry)
            except EditorError as exc:
                self.error.emit(self.tr("Could not open the document"), exc)
                return False
            recovered = leftover_history(self.collection.folder, name)
            stack = QUndoStack(self)
            journal = DocumentJournal(journal_path(self.collection.folder, name), stack,
                                      lambda n=name: self.open_documents[n].doc, lambda n=name: self.shown == n, self)
            journal.failed.connect(lambda why: self.message.emit(
                self.tr("The edit journal could not be written: %1").replace("%1", why), 8000))
            opened = OpenDocument(entry, doc, stack, journal)
            self.open_documents[name] = opened
            opened.on_clean = lambda _clean, n=name: self._on_clean_changed(n)
            stack.cleanChanged.connect(opened.on_clean)
            if recovered is not None:
                opened.doc = copy_document(recovered.base)
        if opened.position is not None:
            position = opened.position              # (showing it selects its first link, which notes that)
        elif position is None:
            position = self._positions.get(name)    # where the last session was in it
        left = self.open_documents.get(self.shown) if self.shown else None
        if left is not None:
            # the document left is counted now: its count waited for a timer that then counted the next one
            # (Return on a document's last row went on to the next document and the list kept its old count: an
            # X11 re-test)
            self._count(left)
            self.model.refresh(left.entry.name)
        self.shown = name
        self.host.show_collection_document(opened.doc, opened.stack, f"{self.name} › {name}")
        if recovered is not None:
            for step in recovered.steps:
                opened.stack.push(ApplyChange(self.host.qdoc, step.changes, restored_text(step)))
            opened.stack.setIndex(recovered.index)
            opened.stack.resetClean()
            # the whole collection's review list may have counted it while it was shown before the replay: its rows
            # came from the saved state and stayed (links fixed before a kill listed again; an X11 audit)
            self.review.forget(name)
            self.message.emit(self.tr("Recovered %n unsaved edit(s) of %1 from its edit journal.", "",
                                      recovered.index).replace("%1", name), 10000)
        self._count(opened)
        self.model.refresh(name)
        self.document_shown.emit(name)
        if position is not None:
            self.host.return_to(position)
        return True

    def _on_clean_changed(self, name: str) -> None:
        self.model.refresh(name)
        self.modified_changed.emit()

    # -- saving and closing ----------------------------------------------------------------------------------

    def is_modified(self) -> bool:
        return any(not o.stack.isClean() for o in self.open_documents.values())

    def modified_names(self) -> list[str]:
        return [n for n, o in self.open_documents.items() if not o.stack.isClean()]

    def save_all(self) -> bool:
        """Save every open document with changes into the collection; True when all were saved."""
        self.host.finish_editing()
        ok = True
        for opened in self.open_documents.values():
            if opened.stack.isClean():
                continue
            try:
                self.collection.save_document(opened.entry, opened.doc)
            except (EditorError, OSError) as exc:
                self.error.emit(self.tr("Could not save"), exc)
                ok = False
                continue
            opened.stack.setClean()
            opened.journal.close(remove=True)
            self._count(opened)
        self.model.refresh()
        if ok:
            self.message.emit(self.tr("Saved the collection %1").replace("%1", str(self.collection.folder)), 4000)
        return ok

    def close(self, *, discard: bool) -> None:
        """Stop aligning and close every document. With `discard` the unsaved edits are dropped on purpose (their
        journals go); otherwise the journals stay, to be replayed when the collection opens again."""
        if self.aligner.running:
            self.aligner.cancel()
        if self._place_timer.isActive():             # the place of the last second too
            self._place_timer.stop()
            self._write_place()
        self._stop_export.set()                      # a merged export still running stops, writing nothing
        for opened in self.open_documents.values():
            opened.journal.close(remove=discard or opened.stack.isClean())
            opened.stack.cleanChanged.disconnect(opened.on_clean)
        self.open_documents.clear()
        self.shown = None
        if self.lock is not None:
            self.lock.release()
            self.lock = None
        try:
            self.host.qdoc.changed.disconnect(self._on_shown_document_changed)
        except (RuntimeError, TypeError):
            pass

    # -- alignment -----------------------------------------------------------------------------------------

    def align_all(self) -> int:
        """Align every document not aligned yet (in the aligner process, one after another)."""
        count = self.aligner.start()
        if count:
            self.model.set_waiting(self.aligner.waiting())
        return count

    def retry(self, name: str) -> bool:
        """Align a failed document again from its sources."""
        entry = self.collection.entry(name)
        entry.error, entry.file = None, None
        self.review.forget(name)
        self.model.refresh(name)
        started = self.aligner.start([entry])
        self.model.set_waiting(self.aligner.waiting())
        return bool(started)

    def _on_document_aligned(self, name: str) -> None:
        self.review.forget(name)
        self.model.set_progress(name, None)
        self.model.refresh(name)
        if self.shown is None:
            self.show(name)          # the first aligned document is reviewable while the rest align

    def _on_document_failed(self, name: str, reason: str) -> None:
        self.review.forget(name)
        self.model.set_progress(name, None)
        self.model.refresh(name)
        self.message.emit(self.tr("%1 failed: %2").replace("%1", name).replace("%2", reason), 10000)

    def _on_alignment_finished(self, cancelled: bool) -> None:
        self.model.set_waiting([])
        if cancelled:
            self.message.emit(self.tr("Alignment of the collection cancelled; the rest stays to align."), 6000)
        else:
            failed = sum(1 for e in self.collection.entries if e.error)
            self.message.emit(self.tr("The collection is aligned.") + (" " + self.tr(
                "%n document(s) failed.", "", failed) if failed else ""), 8000)

    # -- review across documents ---------------------------------------------------------------------------------

    def _doubtful_left(self, entry: DocumentEntry) -> int:
        live = self._live_counts(entry.name)
        if live is not None:
            return live[1]
        return entry.stats.doubtful if entry.stats is not None and entry.file and not entry.error else 0

    def next_document_with_doubtful(self, forward: bool = True) -> bool:
        """F8 past the last doubtful link: show the next document (in the list's order) that has doubtful links,
        at its first one. False, with a message, when no other document has any."""
        names = [e.name for e in self.collection.entries]
        start = names.index(self.shown) if self.shown in names else -1
        order = names[start + 1:] + names[:max(start, 0)] if forward else \
            list(reversed(names[:max(start, 0)])) + list(reversed(names[start + 1:]))
        waiting = set(self.aligner.waiting())
        for name in order:
            entry = self.collection.entry(name)
            if name in waiting or self._doubtful_left(entry) == 0 or self.collection.problem(entry):
                continue
            if self.show(name):
                if forward:
                    self.host.select_first_doubtful()
                else:
                    self.host.select_last_doubtful()
                said = self.tr("Next document with doubtful links: %1") if forward else \
                    self.tr("Previous document with doubtful links: %1")
                self.message.emit(said.replace("%1", name), 4000)
                return True
        self.message.emit(self.tr("No more doubtful links in the collection."), 5000)
        return False

    # -- the merged export ---------------------------------------------------------------------------------------

    def export(self, path: Path, options) -> object:
        """Write every document into one TMX or XLIFF file, here and now (the open ones as the editor has them,
        unsaved edits included); returns the MergeReport."""
        from editor.collection.merge import export_collection

        self.host.finish_editing()
        live = {name: opened.doc for name, opened in self.open_documents.items()}
        return export_collection(self.collection, path, options, live=live)

    def start_export(self, path: Path, options) -> Task:
        """Write the merged file on a worker thread, with a progress dialog (Cancel stops it; nothing is written
        then). The open documents go as they are now, unsaved edits included (copies: editing may go on).
        `export_finished(report)` follows; failures go to `error`."""
        from editor.collection.merge import export_collection

        self.host.finish_editing()
        live = {name: copy_document(opened.doc) for name, opened in self.open_documents.items()}
        collection, stop = self.collection, threading.Event()
        self._stop_export = stop
        task = Task(lambda: export_collection(collection, path, options, live=live, should_stop=stop.is_set,
                                              progress=lambda done, total: task.signals.progressed.emit(done / total)))
        dialog = QProgressDialog(self.tr("Exporting the collection to %1…").replace("%1", Path(path).name),
                                 self.tr("Cancel"), 0, 1000, self.dialog_parent)
        dialog.setWindowTitle(self.tr("Export Collection"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(stop.set)
        self.export_progress = dialog
        task.signals.progressed.connect(lambda fraction: dialog.setValue(round(fraction * 1000)))

        def succeeded(report) -> None:
            dialog.close()
            self.exporting = None
            self.export_finished.emit(report)

        def failed(exc) -> None:
            dialog.close()
            self.exporting = None
            if isinstance(exc, AlignmentCancelled):
                self.message.emit(self.tr("Export cancelled: nothing was written."), 5000)
            elif isinstance(exc, (EditorError, OSError)):
                self.error.emit(self.tr("Could not export"), exc)
            else:
                raise exc

        task.signals.succeeded.connect(succeeded)
        task.signals.failed.connect(failed)
        self.exporting = task
        task.start()
        return task

    def ask_and_export(self, settings=None) -> None:
        """File → Export Collection: the export dialog (TMX and XLIFF only), then the merged file."""
        from editor.ui.dialogs.export_dialog import ExportDialog

        sample = next(iter(self.open_documents.values())).doc if self.open_documents else None
        if sample is None:
            entry = next((e for e in self.collection.entries if e.file and not self.collection.problem(e)), None)
            if entry is None:
                self.message.emit(self.tr("No document of the collection is aligned yet."), 5000)
                return
            try:
                sample = self.collection.load(entry)
            except EditorError as exc:
                self.error.emit(self.tr("Could not export"), exc)
                return
        suggested = self.collection.folder.parent / f"{self.name}.tmx"
        dialog = ExportDialog(self.dialog_parent, sample, suggested,
                              creation_id=exporter_id(settings))
        dialog.setWindowTitle(self.tr("Export Collection"))
        dialog.show_collection(*self._export_totals())
        # the merge format exported last (after an XLIFF export the dialog offered TMX again: an X11 audit)
        _only_merge_formats(dialog, settings.collection_export if settings is not None else "")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        if settings is not None:
            fmt = dialog.current_format()
            settings.collection_export = f"{fmt.suffix} {fmt.xliff_version or ''}".strip()
        path, options = dialog.path(), dialog.options()
        options.review_threshold = self.host.review_threshold()
        self.start_export(path, options)

    def _export_totals(self) -> tuple[int, int, int, int | None]:
        """(aligned documents, links, confirmed links, unlinked sentence groups or None if a document's count is
        not known) of the whole collection, the open documents as edited."""
        policy = ReviewPolicy(self.host.review_threshold())
        documents = links = confirmed = 0
        unlinked: int | None = 0
        for entry in self.collection.entries:
            if not entry.file or self.collection.problem(entry):
                continue
            opened = self.open_documents.get(entry.name)
            if opened is not None:
                counts = review_counts(opened.doc, policy)
                links, confirmed = links + counts.links, confirmed + counts.confirmed
                unlinked = None if unlinked is None else unlinked + counts.unlinked
            elif entry.stats is not None:
                links, confirmed = links + entry.stats.links, confirmed + entry.stats.confirmed
                unlinked = None if unlinked is None or entry.stats.unlinked is None else unlinked + entry.stats.unlinked
            else:
                unlinked = None
            documents += 1
        return documents, links, confirmed, unlinked

    def _on_export_finished(self, report) -> None:
        lines = [self.tr("%n unit(s) of %1 document(s) written to %2.", "", report.written)
                 .replace("%1", str(report.documents)).replace("%2", str(report.path))]
        for name, why in report.left_out:
            lines.append(self.tr("Left out %1: %2").replace("%1", name).replace("%2", why))
        from editor.ui.error_text import reason_text

        for warning in report.warnings:         # "document: what", in the interface's language
            name, sep, what = warning.partition(": ")
            lines.append(f"{name}{sep}{reason_text(what)}" if sep else reason_text(warning))
        QMessageBox.information(self.dialog_parent, self.tr("Export finished"), "\n".join(lines))


def _only_merge_formats(dialog, chosen: str = "") -> None:
    """Keep TMX and XLIFF in an ExportDialog's format list (a collection merges into those only); select `chosen`
    ("SUFFIX [XLIFF version]", as Settings.collection_export keeps it), else the first."""
    from editor.collection.merge import MERGE_SUFFIXES

    keep = [f for f in dialog.formats if f.suffix in MERGE_SUFFIXES]
    dialog.format_combo.blockSignals(True)
    dialog.format_combo.clear()
    dialog.formats = keep
    for fmt in keep:
        dialog.format_combo.addItem(f"{fmt.name} ({fmt.suffix})")
    dialog.format_combo.blockSignals(False)
    names = [f"{f.suffix} {f.xliff_version or ''}".strip() for f in keep]
    dialog.format_combo.setCurrentIndex(names.index(chosen) if chosen in names else 0)
    dialog._on_format_changed()
