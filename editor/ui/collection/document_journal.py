"""The edit journal of one open document of a collection: every move of its undo stack is written at once to
`.journals/NAME.journal` in the collection folder, so killing the editor loses nothing in any document; the
next session replays it when the document is opened again."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from editor.bitext.document import AlignmentDocument
from editor.bitext.journal import (
    JOURNAL_SUFFIX,
    History,
    Journal,
    Step,
    history_from_steps,
    read_journal,
)
from editor.errors import EditorError
from editor.ui.safety.edit_recorder import EditRecorder, stack_steps
from editor.ui.safety.sessions import JOURNAL_SYNC_MS

log = logging.getLogger(__name__)

JOURNAL_FOLDER = ".journals"
#: where a collection notes the document and sentence the translator is at (and the text being typed there)
PLACE_FILE = "place.json"


def journal_path(folder: Path, name: str) -> Path:
    """Where the collection in `folder` keeps the journal of document `name`."""
    safe = "".join(c if c.isalnum() or c in "-_. ()" else "_" for c in name).strip(". ") or "document"
    return folder / JOURNAL_FOLDER / f"{safe}{JOURNAL_SUFFIX}"


def leftover_history(folder: Path, name: str) -> History | None:
    """The unsaved history a session that ended without saving left for document `name`, or None."""
    path = journal_path(folder, name)
    if not path.is_file():
        return None
    try:
        history = read_journal(path).history
    except EditorError as exc:
        log.warning("edit journal %s: %s", path, exc)
        return None
    return history if history.modified else None


def collection_leftovers(folder: Path) -> list[str]:
    """The documents of the collection in `folder` whose journals hold unsaved edits a session that ended
    without saving left (by the journal's file name), none while another Duiqi has the collection open (its
    journals are live). A start without files offers them (editor.app.offer_collection_recovery)."""
    from editor.collection.store import LOCK_NAME
    from editor.file_locks import HeldLock

    journals = sorted((Path(folder) / JOURNAL_FOLDER).glob(f"*{JOURNAL_SUFFIX}"))
    drafted = _drafted_document(Path(folder))
    if not journals and drafted is None:
        return []
    try:
        held = HeldLock.take(Path(folder) / LOCK_NAME)
    except OSError:
        held = None                     # a read-only folder: say what is there all the same
    else:
        if held is None:
            return []                   # in use: another window has the collection open
        held.release()
    out = []
    for path in journals:
        try:
            if read_journal(path).history.modified:
                out.append(path.name[:-len(JOURNAL_SUFFIX)])
        except EditorError as exc:
            log.warning("edit journal %s: %s", path, exc)
    if drafted is not None and drafted not in out:
        out.append(drafted)
    return out


def _drafted_document(folder: Path) -> str | None:
    """The document whose sentence editor held typed text when the last session ended (the collection's place
    file keeps it, and opening the collection makes it an edit), or None. A kill while typing, with no edit
    committed before, left only that text: a start without files did not offer the collection (an X11 re-test)."""
    place = read_place(folder)
    return place["document"] if place.get("document") is not None and place.get("draft") is not None else None


def read_place(folder: Path) -> dict:
    """The collection's PLACE_FILE as the last session left it, its malformed parts dropped ({} when there is
    none): {"document", "position" [side, id], "draft" [side, id, text], "positions" {document: [side, id]}}."""
    try:
        place = json.loads((Path(folder) / JOURNAL_FOLDER / PLACE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(place, dict):
        return {}
    positions = place.get("positions")
    return {"document": place.get("document") if isinstance(place.get("document"), str) else None,
            "position": _listed(place.get("position"), 2), "draft": _listed(place.get("draft"), 3),
            "positions": {name: pos for name, pos in positions.items() if _listed(pos, 2)}
            if isinstance(positions, dict) else {}}


def _listed(value, length: int) -> list | None:
    """`value` when it is a list of `length` items (as PLACE_FILE holds a place), else None."""
    return value if isinstance(value, list) and len(value) == length else None


class DocumentJournal(QObject):
    """Records one document's undo stack in its journal. The journal file is made at the first edit (a document
    only read writes nothing), holds the history from the document as opened, and is removed when the
    document is saved or closed. Writes happen before control returns to the event loop; an fsync follows
    within JOURNAL_SYNC_MS on a worker thread."""

    failed = Signal(str)
    #: as the single document's journal (EditRecorder): rewrite the file as one record once this many were
    #: appended, at most every COMPACT_MS, so a long review does not leave a journal of thousands of records
    COMPACT_AFTER_RECORDS = EditRecorder.COMPACT_AFTER_RECORDS
    COMPACT_MS = 30_000

    def __init__(self, path: Path, stack: QUndoStack, document: Callable[[], AlignmentDocument],
                 shown: Callable[[], bool], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path, self._stack, self._document, self._shown = path, stack, document, shown
        self._journal: Journal | None = None
        self._sync_timer = QTimer(self)
        self._sync_timer.setSingleShot(True)
        self._sync_timer.setInterval(JOURNAL_SYNC_MS)
        self._sync_timer.timeout.connect(self._on_sync_timer_timeout)
        self._compact_timer = QTimer(self)
        self._compact_timer.setSingleShot(True)
        self._compact_timer.setInterval(self.COMPACT_MS)
        self._compact_timer.timeout.connect(self.compact_if_grown)
        stack.indexChanged.connect(self._on_stack_changed)
        stack.cleanChanged.connect(self._on_stack_changed)

    @property
    def active(self) -> bool:
        return self._journal is not None

    def _steps(self) -> list[Step]:
        return stack_steps(self._stack)

    def _on_stack_changed(self, *_args) -> None:
        if not self._shown():
            return              # only the shown document's stack moves; this fires while switching
        try:
            steps, index, clean = self._steps(), self._stack.index(), self._stack.cleanIndex()
            if self._journal is None:
                if index == clean:
                    return
                self.path.parent.mkdir(parents=True, exist_ok=True)
                history = history_from_steps(self._document(), steps, index, clean)
                self._journal = Journal(self.path, history)
            else:
                self._journal.record_history(steps, index, clean)   # after a failed write: the whole file
        except (OSError, EditorError) as exc:
            log.warning("edit journal %s: %s", self.path, exc)
            self.failed.emit(str(exc))
            return
        if not self._sync_timer.isActive():
            self._sync_timer.start()
        if self._journal.grown(self.COMPACT_AFTER_RECORDS) and not self._compact_timer.isActive():
            self._compact_timer.start()

    def compact_if_grown(self) -> None:
        """Rewrite the journal as one record when it has grown (COMPACT_AFTER_RECORDS appended since)."""
        journal = self._journal
        if journal is None or not journal.grown(self.COMPACT_AFTER_RECORDS):
            return
        try:
            journal.compact()
        except OSError as exc:
            log.warning("edit journal %s: %s", self.path, exc)
            self.failed.emit(str(exc))

    def _on_sync_timer_timeout(self) -> None:
        if self._journal is not None:
            self._journal.sync_in_background()

    def close(self, *, remove: bool = True) -> None:
        """Stop recording; with `remove` (saved, or discarded on purpose) the journal file goes too."""
        self._sync_timer.stop()
        self._compact_timer.stop()
        if self._journal is not None:
            self._journal.close(remove=remove)
            self._journal = None
        elif remove:
            self.path.unlink(missing_ok=True)
