"""The window's alignment job: align or re-align the rest off the GUI thread, cancel, and show the progress."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject, QThreadPool, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QAbstractButton, QProgressBar

from editor.bitext.document import Change
from editor.errors import AlignmentCancelled
from editor.ui.jobs.workers import AlignmentJob, TaskSignals, start_alignment
from editor.ui.model.commands import ApplyChange
from editor.ui.model.qt_document import QtDocument


class AlignmentJobs(QObject):
    """Runs at most one alignment of `qdoc` at a time (in the aligner process) and pushes its result on
    `undo_stack` as one undoable command.

    The window hands in the status bar's progress bar and Cancel button; this controller shows, fills and
    hides them. `finish_editing()` is called before a job starts (an open sentence editor commits first).
    Signals go up: `busy_changed` (the window enables its actions), `message` (status bar text and
    milliseconds), `failed` (an alignment failed other than by Cancel) and `aligned` (the result was applied).
    """

    busy_changed = Signal(bool)
    message = Signal(str, int)
    failed = Signal(object)              # the exception
    aligned = Signal(int)                # links in the document after the alignment

    def __init__(self, qdoc: QtDocument, undo_stack: QUndoStack, progress: QProgressBar,
                 cancel_button: QAbstractButton, finish_editing: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self._qdoc, self._undo_stack = qdoc, undo_stack
        self.progress, self.cancel_button = progress, cancel_button
        self._finish_editing = finish_editing
        # (the job, the document revision it started from, the undo step its result joins or None)
        self._running: tuple[AlignmentJob, int, ApplyChange | None] | None = None
        self._opened_clean = True
        self._phase_format = ""
        cancel_button.clicked.connect(self.cancel_by_user)

    @property
    def busy(self) -> bool:
        return self._running is not None

    @property
    def job(self) -> AlignmentJob | None:
        """The running job (None when idle)."""
        return self._running[0] if self._running is not None else None

    def set_undo_stack(self, stack: QUndoStack) -> None:
        """Push results on `stack` from now on (a collection's document shown with its own history)."""
        self.cancel()
        self._undo_stack = stack

    def document_replaced(self, opened_clean: bool) -> None:
        """Another document is shown: stop aligning the old one. `opened_clean`: the new one has no unsaved
        work, so its first alignment does not mark it changed (the sample, a project)."""
        self.cancel()
        self._opened_clean = opened_clean

    def start(self, keep_fixed: bool = True, mode: str = "best",
              fold_into: ApplyChange | None = None) -> TaskSignals | None:
        """Align off the GUI thread (the aligner process); the result arrives as an undoable command.

        `fold_into`: the undo step that asked for this alignment (an accepted alternative: one key accepts it
        and re-aligns the rest). When it is still the last step once the result arrives, the result joins it,
        so one Undo takes back the whole key press; otherwise the result is a step of its own.

        Returns the job's signals, or None when nothing can be aligned or an alignment is running.
        """
        doc = self._qdoc.doc
        if self._running is not None or not (doc.src and doc.tgt):
            return None
        self._finish_editing()
        job = start_alignment(doc, mode=mode, keep_fixed=keep_fixed, pool=QThreadPool.globalInstance(),
                              connect=(self._on_succeeded, self._on_failed, self.on_progressed))
        self._running = (job, self._qdoc.revision, fold_into)
        job.signals.phase_changed.connect(self.on_phase_changed)
        self._phase_format = self.tr("Aligning… %p%")
        self.progress.setFormat(self._phase_format)
        self.progress.setRange(0, 0)        # busy until the engine reports a fraction (it loads its data first)
        self.progress.show()
        self.cancel_button.show()
        self.busy_changed.emit(True)
        return job.signals

    def cancel(self) -> None:
        if self._running is not None:
            self._running[0].cancel()
            self._finish()

    def cancel_by_user(self) -> None:
        if self._running is not None:
            self.cancel()
            if any(b.src and b.tgt for b in self._qdoc.doc.beads):
                self.message.emit(self.tr("Alignment cancelled; nothing was changed."), 5000)
            else:
                # a text just imported: "nothing was changed" read as if an earlier alignment were still there
                # (an X11 audit, after discarding the aligned book and importing it again)
                self.message.emit(self.tr("Alignment cancelled: no sentence is linked yet (Align ▸ Align "
                                          "Automatically, Ctrl+Shift+A, links them)."), 0)

    def _finish(self) -> None:
        self._running = None
        self.progress.hide()
        self.cancel_button.hide()
        self.busy_changed.emit(False)

    def on_phase_changed(self, phase: str) -> None:
        """Name what the aligner does now (loading models, embedding, aligning); progress restarts per phase."""
        texts = {"loading": self.tr("Loading models…"), "embedding": self.tr("Embedding sentences… %p%"),
                 "aligning": self.tr("Aligning… %p%")}
        self._phase_format = texts.get(phase, self.tr("Aligning… %p%"))
        self.progress.setFormat(self._phase_format)
        self.progress.setRange(0, 0)                  # busy until the phase reports a fraction
        self.message.emit(self._phase_format.replace(" %p%", ""), 0)

    def on_progressed(self, fraction: float) -> None:
        if fraction >= 1.0:
            # The engine still scores and checks the result after its last step: say so, do not sit at 100 %.
            self.progress.setRange(0, 0)
            self.progress.setFormat(self.tr("Finishing…"))
            return
        if self.progress.maximum() == 0:
            self.progress.setRange(0, 1000)
            self.progress.setFormat(self._phase_format)
        self.progress.setValue(int(fraction * 1000))

    def _on_succeeded(self, change: Change) -> None:
        running = self._running
        if running is None or self.sender() is not running[0].signals:
            return      # a cancelled run finishing late
        revision = running[1]
        self._finish()
        if revision != self._qdoc.revision:
            self.message.emit(self.tr("The text changed while aligning; run the alignment again."), 8000)
            return
        stack = self._undo_stack
        fold = running[2]
        if change.src is None and change.tgt is None and (change.beads is None or not (change.beads.old or
                                                                                      change.beads.new)):
            # nothing to change (Re-align the Rest re-aligns only what edits cut loose): no empty undo step, and
            # say so (a Ctrl+R that changed nothing added a step and said nothing: an X11 audit)
            beads = self._qdoc.doc.beads
            from editor.workflow import REALIGN     # (loaded by the alignment already: nothing at start-up)

            if fold is None and change.description == REALIGN:
                self.message.emit(self.tr("Re-align the Rest changed no link: it aligns again only the sentences "
                                          "an edit cut out of their links."), 8000)
            else:       # (after Alt+Return too: "Aligning…" stayed in the status bar, a second audit found)
                self.message.emit(self._done_text(fold, beads), 5000)
            self.aligned.emit(len(beads))
            return
        was_pristine = stack.count() == 0 and stack.isClean()
        if fold is not None and stack.index() == stack.count() and stack.index() > 0 and \
                stack.command(stack.index() - 1) is fold:
            # one step: take the asking step back, then push it again with the alignment after it (the same
            # changes in the same order, so the document ends as the two steps would leave it)
            stack.undo()
            stack.push(ApplyChange(self._qdoc, fold.changes + (change,), fold.text()))
        else:
            stack.push(ApplyChange(self._qdoc, change))
        if was_pristine and self._opened_clean:
            stack.setClean()       # a file opened for reading (the sample) is not "changed" by its alignment
        beads = self._qdoc.doc.beads
        # links, as the status bar counts them: an unlinked sentence is a bead but no link ("Aligned: 15 links"
        # stood beside "14 links" on the sample)
        self.message.emit(self._done_text(fold, beads), 5000)
        self.aligned.emit(len(beads))

    def _done_text(self, fold, beads) -> str:
        """What the status bar says when an alignment ends: after Alt+Return, that the alternative was taken
        and the rest aligned around it ("Aligned: 158 links" read as if the whole text had been aligned again;
        an X11 re-test)."""
        links = sum(1 for b in beads if b.src and b.tgt)
        if fold is not None:
            return self.tr("Alternative accepted; the rest aligned around it (%n link(s)).", "", links)
        return self.tr("Aligned: %n link(s).", "", links)

    def _on_failed(self, exc: BaseException) -> None:
        running = self._running
        if running is None or self.sender() is not running[0].signals:
            return
        self._finish()
        if isinstance(exc, AlignmentCancelled):
            return
        self.failed.emit(exc)
