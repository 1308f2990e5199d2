"""Every move of the undo stack written to the session's edit journal at once, fsynced within a second."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from editor.bitext.journal import History, Journal, Step
from editor.errors import EditorError
from editor.ui.safety.autosaver import Autosaver
from editor.ui.safety.sessions import JOURNAL_SYNC_MS, session_title

log = logging.getLogger(__name__)

class EditRecorder(QObject):
    """Write every move of an undo stack (push, undo, redo, save) to the session's edit journal at once.

    The record is written with one write() before control returns to the event loop, so killing the
    process loses nothing that reached the screen; an fsync follows within JOURNAL_SYNC_MS on a worker
    thread (past a power cut too), and the journal is compacted at the autosave interval when it has
    grown. It shares the autosaver's session name and lock, so recovery finds both files together.
    A failed write is logged and reported through `failed`; the journal is then rewritten whole at the
    next edit, so a torn record never hides the edits after it.
    """

    recorded = Signal(int)        # the undo index now on disk (page cache)
    failed = Signal(str)
    #: Compact at the interval only when this many records were appended since the last compaction
    #: (rewriting the whole history serialises the document: a hitch for a big one).
    COMPACT_AFTER_RECORDS = 50

    def __init__(self, autosaver: Autosaver, qdoc, undo_stack, project_path_provider: Callable[[], Path | None],
                 parent: QObject | None = None, opened_path_provider: Callable[[], Path | None] = lambda: None
                 ) -> None:
        super().__init__(parent)
        self._autosaver, self._qdoc, self._stack = autosaver, qdoc, undo_stack
        self._project_path_provider = project_path_provider
        self._opened_path_provider = opened_path_provider      # the TMX, XLIFF or table opened, if any
        # closed for good: the window's document reset after close() (a collection's document shown) made a closed
        # recorder open a journal again, pairing its old undo stack with the new document ("the undo history does
        # not fit the document", reported as a failed journal, after Confirm All Above then New Collection; an
        # X11 audit)
        self._closed = False
        self._journal: Journal | None = None
        self._sync_timer = QTimer(self)
        self._sync_timer.setSingleShot(True)
        self._sync_timer.setInterval(JOURNAL_SYNC_MS)
        self._sync_timer.timeout.connect(self._on_sync_timer_timeout)
        self._compact_timer = QTimer(self)
        self._compact_timer.setInterval(autosaver.interval_seconds() * 1000)
        self._compact_timer.timeout.connect(self._on_compact_timer_timeout)
        self._compact_timer.start()
        # where the translator is (a segment: side and id), written to the journal within JOURNAL_SYNC_MS of a
        # move, so a crashed session comes back there (it came back on the last link changed: after Return on
        # link 4 and a walk to link 9, on link 4; an X11 audit)
        self._position: list | None = None
        self._draft: list | None = None          # the text typed in an open in-place editor: [side, id, text]
        self._position_timer = QTimer(self)
        self._position_timer.setSingleShot(True)
        self._position_timer.setInterval(JOURNAL_SYNC_MS)
        self._position_timer.timeout.connect(self._on_position_timer_timeout)
        undo_stack.indexChanged.connect(self._on_stack_changed)
        undo_stack.cleanChanged.connect(self._on_stack_changed)
        qdoc.reset.connect(self._on_document_reset)
        self._on_document_reset()

    @property
    def journal(self) -> Journal | None:
        return self._journal

    def set_interval(self, seconds: int) -> None:
        """Follow the autosave interval (compaction happens at that pace)."""
        self._compact_timer.setInterval(max(1, int(seconds)) * 1000)

    def note_position(self, side: str, segment_id: int) -> None:
        """The translator is at this segment now (written with the next step, or within JOURNAL_SYNC_MS)."""
        position = [side, int(segment_id)]
        if position != self._position:
            self._position = position
            if not self._position_timer.isActive():
                self._position_timer.start()

    def note_draft(self, draft) -> None:
        """The text being typed in an in-place editor ([side value, segment id, text], None once it closed),
        written within JOURNAL_SYNC_MS: a kill while typing lost the text (an X11 audit)."""
        if draft != self._draft:
            self._draft = draft
            if not self._position_timer.isActive():
                self._position_timer.start()

    def close(self, *, remove: bool = True) -> None:
        """Stop recording, for good; with `remove` (a clean exit) the journal is deleted."""
        self._closed = True
        self._sync_timer.stop()
        self._position_timer.stop()
        self._compact_timer.stop()
        if self._journal is not None:
            self._journal.close(remove=remove)
            self._journal = None

    # -- slots -------------------------------------------------------------------------------------

    def _on_document_reset(self) -> None:
        if self._closed:
            return
        self._position = self._draft = None     # another document: no place in it yet
        if self._journal is not None:
            self._journal.close(remove=True)
            self._journal = None
        try:
            doc = self._qdoc.doc
        except RuntimeError:           # the window is being destroyed
            return
        if not (doc.src or doc.tgt):
            return
        try:
            self._autosaver.acquire_lock()
            history = History(doc, self._steps(), self._stack.index(), self._stack.cleanIndex(), self._info())
            if history.index:
                from editor.bitext.journal import history_from_steps
                history = history_from_steps(doc, history.steps, history.index, history.clean, history.info)
            self._journal = Journal(self._autosaver.journal_path, history)
        except (OSError, EditorError) as exc:
            self._report(exc)
            return
        self.recorded.emit(self._stack.index())

    def _on_stack_changed(self, *_args) -> None:
        journal = self._journal
        if journal is None:
            return
        try:
            steps, index, clean = self._steps(), self._stack.index(), self._stack.cleanIndex()
        except RuntimeError:
            # The window is being destroyed without closing (QApplication.exit): its undo stack goes first
            # and says so. Stop recording; the journal stays, as after a crash, and is offered only if unsaved.
            self.close(remove=False)
            return
        try:
            written = journal.record_history(steps, index, clean)   # after a failed write: the whole file
            journal.record_info(**self._info())
        except (OSError, EditorError) as exc:
            self._report(exc)
            return
        if written:
            self.recorded.emit(self._stack.index())
        if not self._sync_timer.isActive():
            self._sync_timer.start()

    def _on_sync_timer_timeout(self) -> None:
        if self._journal is not None:
            self._journal.sync_in_background()

    def _on_position_timer_timeout(self) -> None:
        journal = self._journal
        if journal is None:
            return
        try:
            journal.record_info(**self._info())
        except (OSError, EditorError) as exc:
            self._report(exc)
            return
        if not self._sync_timer.isActive():
            self._sync_timer.start()

    def _on_compact_timer_timeout(self) -> None:
        journal = self._journal
        if journal is None or not journal.grown(self.COMPACT_AFTER_RECORDS):
            return
        try:
            journal.compact()
        except OSError as exc:
            self._report(exc)

    # -- helpers -----------------------------------------------------------------------------------

    def _steps(self) -> list[Step]:
        return stack_steps(self._stack)

    def _info(self) -> dict:
        original, opened = self._project_path_provider(), self._opened_path_provider()
        return {"original_path": str(Path(original).absolute()) if original else None,
                "opened_path": str(Path(opened).absolute()) if opened else None,
                "title": session_title(original, opened, self._qdoc.doc),
                "pid": os.getpid(), "position": self._position, "draft": self._draft}

    def _report(self, exc: BaseException) -> None:
        log.warning("edit journal %s: %s", self._autosaver.journal_path, exc)
        self.failed.emit(str(exc))


def stack_steps(stack) -> list[Step]:
    """The journal steps of every command of an undo stack, in order (each command carries its `journal_step`)."""
    steps = []
    for i in range(stack.count()):
        step = getattr(stack.command(i), "journal_step", None)
        if step is None:
            raise EditorError("an undo step cannot be written to the edit journal")
        steps.append(step)
    return steps
