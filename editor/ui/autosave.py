"""Crash safety: periodic autosaves of the open document, and restoring those a crashed session left behind.

Each running editor is a *session* with its own files in `paths.data_dir()/autosave/`:
`<session>.duiqi` (the document, written atomically), `<session>.json` (where it came from, when, which pid)
and `<session>.lock`, which the session keeps locked with an operating-system file lock for as long as it runs.
The operating system drops that lock when the process dies, however it dies, so "the lock can be taken"
means "the session crashed": that is how two running editors keep their hands off each other's autosaves,
and why a reused pid cannot hide a crash.

Beside the periodic snapshot, every edit goes to `<session>.journal` (editor.bitext.journal) the moment
it is made, so a crash loses nothing that was on screen; `EditRecorder` feeds the undo stack to it,
fsyncs it within a second, and compacts it at the autosave interval. Recovery replays the journal
(the undo history comes back with it) and falls back to the snapshot when there is no readable journal.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import secrets
import sys
import threading
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QMessageBox,
                               QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from editor import paths
from editor.bitext.document import AlignmentDocument
from editor.bitext.journal import JOURNAL_SUFFIX, History, Journal, Replay, Step, read_journal
from editor.bitext.project import PROJECT_SUFFIX, atomic_write_bytes, load_project, save_project
from editor.errors import EditorError
from editor.file_checks import sweep_folder
from editor.text_safety import utf8

log = logging.getLogger(__name__)

AUTOSAVE_FOLDER = "autosave"
SIDECAR_SUFFIX = ".json"
LOCK_SUFFIX = ".lock"
#: After a failed autosave, try again this soon (seconds) instead of waiting a whole interval.
RETRY_SECONDS = 10
#: fsync the edit journal this long after a write (milliseconds): a kill loses nothing written, and a
#: power cut nothing older than this.
JOURNAL_SYNC_MS = 500


def autosave_dir() -> Path:
    """Return (creating it) the folder of autosaves."""
    folder = paths.data_dir() / AUTOSAVE_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    return folder


# -- operating-system file locks ------------------------------------------------------------------

def _lock(handle: IO[bytes]) -> bool:
    """Take an exclusive lock on an open file without waiting; return False when another holder has it."""
    try:
        if sys.platform == "win32":
            import msvcrt
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _unlock(handle: IO[bytes]) -> None:
    try:
        if sys.platform == "win32":
            import msvcrt
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        else:
            import fcntl
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
    except OSError:
        pass


def _session_is_running(lock_path: Path) -> bool:
    """True when some process (this one included) holds the session's lock."""
    try:
        handle = open(lock_path, "rb+")
    except FileNotFoundError:
        return False
    except OSError:
        return True          # unreadable: assume its owner is alive rather than steal its work
    with handle:
        if _lock(handle):
            _unlock(handle)
            return False
        return True


# -- finding what crashed sessions left -----------------------------------------------------------

@dataclass(frozen=True)
class Recovery:
    """An autosave left by a session that is no longer running."""

    session: str
    autosave_path: Path                 # the .duiqi file holding the unsaved work
    original_path: Path | None          # the project it was opened from; None for an unsaved new alignment
    saved_at: float                     # seconds since the epoch
    pid: int | None
    title: str                          # a name for the list: the project's or the source text's file name
    counts: dict | None = None          # AlignmentDocument.counts() when it was autosaved

    def project_is_newer(self) -> bool:
        """True when the original project file changed after this autosave (it may hold the work already)."""
        if self.original_path is None:
            return False
        try:
            return self.original_path.stat().st_mtime > self.saved_at
        except OSError:
            return False

    @property
    def sidecar_path(self) -> Path:
        return self.autosave_path.with_suffix(SIDECAR_SUFFIX)

    @property
    def lock_path(self) -> Path:
        return self.autosave_path.with_suffix(LOCK_SUFFIX)

    @property
    def journal_path(self) -> Path:
        return self.autosave_path.with_suffix(JOURNAL_SUFFIX)

    def replay(self) -> Replay | None:
        """Return the replayed edit journal, or None when there is none or it cannot be read at all."""
        if not self.journal_path.exists():
            return None
        try:
            return read_journal(self.journal_path)
        except EditorError as exc:
            log.warning("cannot replay %s: %s", self.journal_path, exc)
            return None

    def load_history(self) -> History | None:
        """Return the undo history the journal holds (None without a readable journal)."""
        replay = self.replay()
        return replay.history if replay is not None else None

    def load(self) -> AlignmentDocument:
        """Return the unsaved document: the journal replayed, else the last snapshot.

        Raises MalformedFileError if neither can be read.
        """
        history = self.load_history()
        if history is not None:
            return history.document()
        return load_project(self.autosave_path)

    def discard(self) -> None:
        """Delete the autosave and its side files."""
        for path in (self.autosave_path, self.sidecar_path, self.journal_path, self.lock_path):
            path.unlink(missing_ok=True)


def _read_sidecar(path: Path) -> dict:
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return {}
    return data if isinstance(data, dict) else {}


def find_recoveries() -> list[Recovery]:
    """Return the autosaves of sessions that are no longer running (they crashed), newest first.

    A crashed session whose journal ends where its project file was saved lost nothing: its files are
    removed instead of being offered.
    """
    folder = autosave_dir()
    sweep_folder(folder)            # temporary files of snapshots that a kill interrupted
    found: list[Recovery] = []
    sessions = {p.stem for p in (*folder.glob(f"*{PROJECT_SUFFIX}"), *folder.glob(f"*{JOURNAL_SUFFIX}"))
                if not p.name.startswith(".")}
    for session in sessions:
        autosave = folder / f"{session}{PROJECT_SUFFIX}"
        if _session_is_running(autosave.with_suffix(LOCK_SUFFIX)):
            continue
        meta = _read_sidecar(autosave.with_suffix(SIDECAR_SUFFIX))
        journal = autosave.with_suffix(JOURNAL_SUFFIX)
        replay = None
        if journal.exists():
            recovery = Recovery(session, autosave, None, 0.0, None, "")
            replay = recovery.replay()
            if replay is not None and not replay.history.modified:
                recovery.discard()          # the project file holds all of it
                continue
        info = replay.history.info if replay is not None else {}
        original = info.get("original_path", meta.get("original_path"))
        original_path = Path(original) if isinstance(original, str) and original else None
        saved_at = meta.get("saved_at") if replay is None else None
        if not isinstance(saved_at, (int, float)):
            try:
                saved_at = (journal if replay is not None else autosave).stat().st_mtime
            except OSError:
                continue
        pid = info.get("pid", meta.get("pid"))
        pid = pid if isinstance(pid, int) else None
        title = info.get("title", meta.get("title"))
        title = title if isinstance(title, str) else ""
        title = title or (original_path.name if original_path else autosave.name)
        counts = replay.history.document().counts() if replay is not None else meta.get("counts")
        counts = counts if isinstance(counts, dict) else None
        found.append(Recovery(session, autosave, original_path, float(saved_at), pid, title, counts))
    _remove_orphan_locks(folder)
    return sorted(found, key=lambda r: r.saved_at, reverse=True)


def _remove_orphan_locks(folder: Path) -> None:
    """Delete lock files of finished sessions that left no autosave (they exited cleanly or saved)."""
    for lock in folder.glob(f"*{LOCK_SUFFIX}"):
        if not lock.with_suffix(PROJECT_SUFFIX).exists() and not lock.with_suffix(JOURNAL_SUFFIX).exists() \
                and not _session_is_running(lock):
            lock.unlink(missing_ok=True)
            lock.with_suffix(SIDECAR_SUFFIX).unlink(missing_ok=True)


# -- the autosaver --------------------------------------------------------------------------------

def _new_session_name() -> str:
    return f"session-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}-{secrets.token_hex(3)}"


class Autosaver(QObject):
    """Save the open document every `interval_seconds` while it has unsaved changes.

    `document_provider()` returns the open document (or None), `is_modified()` says whether it has changes
    that are not in its project file, and `project_path_provider()` returns that project file (None if
    never saved). The timer's autosaves copy the document on the GUI thread and write it on a worker
    thread (a 10,000-bead project takes about 0.2 s to serialise, a visible hitch otherwise).
    A failed autosave is logged, reported through `failed`, and retried after RETRY_SECONDS;
    it never raises into the event loop.
    """

    saved = Signal(str)       # the autosave file written
    failed = Signal(str)      # why the autosave could not be written
    _background_finished = Signal(object, object)     # (path or None, exception or None), from the worker

    def __init__(self, document_provider: Callable[[], AlignmentDocument | None],
                 is_modified: Callable[[], bool],
                 project_path_provider: Callable[[], Path | None],
                 interval_seconds: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document_provider = document_provider
        self._is_modified = is_modified
        self._project_path_provider = project_path_provider
        self._interval_seconds = max(1, int(interval_seconds))
        self.session = _new_session_name()
        self._folder = autosave_dir()            # fixed for the session, even if the environment changes
        self._lock_handle: IO[bytes] | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(self._interval_seconds * 1000)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._write_lock = threading.Lock()     # one writer at a time; clear() waits for a running write
        self._generation = 0                     # bumped by clear(): pending writes of older state are dropped
        self._writing = False
        self._background_finished.connect(self._on_background_finished)

    # -- paths ---------------------------------------------------------------------------------

    @property
    def autosave_path(self) -> Path:
        """The .duiqi file this session autosaves to."""
        return self._folder / f"{self.session}{PROJECT_SUFFIX}"

    @property
    def journal_path(self) -> Path:
        """The edit journal of this session (written by an EditRecorder)."""
        return self.autosave_path.with_suffix(JOURNAL_SUFFIX)

    @property
    def _sidecar_path(self) -> Path:
        return self.autosave_path.with_suffix(SIDECAR_SUFFIX)

    @property
    def _lock_path(self) -> Path:
        return self.autosave_path.with_suffix(LOCK_SUFFIX)

    # -- control -------------------------------------------------------------------------------

    def interval_seconds(self) -> int:
        return self._interval_seconds

    def set_interval(self, seconds: int) -> None:
        """Change the autosave interval (from the settings dialog); takes effect at once."""
        self._interval_seconds = max(1, int(seconds))
        self._timer.setInterval(self._interval_seconds * 1000)

    def is_active(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        """Take this session's lock and start the timer."""
        self._acquire_lock()
        self._timer.start(self._interval_seconds * 1000)

    def stop(self) -> None:
        """Stop the timer; the lock is released too unless an autosave is waiting to be recovered."""
        self._timer.stop()
        self.wait_for_background_save()
        if not self.autosave_path.exists() and not self.journal_path.exists():
            self._release_lock()

    def save_now(self) -> Path | None:
        """Autosave at once (on this thread) if the document has unsaved changes; return the file written, or None.

        With nothing unsaved the session's old autosave is removed (the project file holds everything).
        Never raises: a failure is logged, emitted through `failed`, and retried soon.
        """
        job = self._prepare()
        if job is None:
            return None
        return self._finish(*self._write(*job))

    def save_in_background(self) -> bool:
        """Start an autosave on a worker thread (what the timer does); False if nothing needed saving.

        The document is copied here, on the GUI thread, so edits made while the copy is written do not
        disturb it; `saved` or `failed` is emitted when the worker is done.
        """
        if self._writing:
            return True                  # the previous autosave is still being written; the timer comes back
        job = self._prepare()
        if job is None:
            return False
        self._writing = True
        threading.Thread(target=self._write_and_report, args=job, name="duiqi-autosave", daemon=True).start()
        return True

    def wait_for_background_save(self, timeout: float = 10.0) -> None:
        """Block until a running background autosave has finished writing (tests, shutdown)."""
        if self._write_lock.acquire(timeout=timeout):
            self._write_lock.release()

    def clear(self) -> None:
        """Remove this session's autosave: call it after a successful save and on a clean exit.

        An autosave being written at that moment is waited for and then removed too, so a saved project
        never leaves a stale autosave behind to be offered after the next crash.
        """
        with self._write_lock:
            self._generation += 1        # a background write that has not started yet is dropped
            self._remove_files()
        if not self._timer.isActive() and not self.journal_path.exists():
            self._release_lock()

    # -- internals -----------------------------------------------------------------------------

    def _on_timer_timeout(self) -> None:
        self.save_in_background()

    def _prepare(self) -> tuple[AlignmentDocument, dict, int] | None:
        """On the GUI thread: return (a copy of the document, the sidecar data, generation), or None."""
        try:
            document = self._document_provider()
            if document is None or not self._is_modified():
                with self._write_lock:
                    self._remove_files()
                return None
            self._acquire_lock()
            original = self._project_path_provider()
            sidecar = {
                "original_path": str(Path(original).absolute()) if original else None,
                "saved_at": time.time(),
                "pid": os.getpid(),
                "title": Path(original).name if original else _document_title(document),
                "counts": document.counts(),
            }
            # Segments and beads are frozen, so copying the lists is enough for a consistent snapshot.
            copy = AlignmentDocument(list(document.src), list(document.tgt), list(document.beads),
                                     dataclasses.replace(document.meta,
                                                         cleanup_applied=list(document.meta.cleanup_applied)))
        except Exception as exc:       # noqa: BLE001 - an autosave must never take the editor down
            self._finish(None, exc)
            return None
        return copy, sidecar, self._generation

    def _write(self, document: AlignmentDocument, sidecar: dict, generation: int
               ) -> tuple[Path | None, Exception | None]:
        """Write the autosave and its sidecar (any thread); return (path or None, error or None)."""
        with self._write_lock:
            if generation != self._generation:
                return None, None            # cleared meanwhile: the work is in the project file
            try:
                save_project(document, self.autosave_path)
                atomic_write_bytes(self._sidecar_path,
                                   utf8(json.dumps(sidecar, ensure_ascii=False, indent=1)))
            except Exception as exc:       # noqa: BLE001
                return None, exc
            return self.autosave_path, None

    def _write_and_report(self, document: AlignmentDocument, sidecar: dict, generation: int) -> None:
        try:
            path, error = self._write(document, sidecar, generation)
        except BaseException as exc:       # noqa: BLE001 - reported, never lost in a thread
            path, error = None, exc
        try:
            self._background_finished.emit(path, error)      # queued to the GUI thread
        except RuntimeError:           # the autosaver was deleted meanwhile (the window closed)
            pass

    def _on_background_finished(self, path: object, error: object) -> None:
        self._writing = False
        self._finish(path, error)

    def _finish(self, path: Path | None, error: BaseException | None) -> Path | None:
        """On the GUI thread: report the outcome and set the timer's pace."""
        if error is not None:
            log.warning("autosave to %s failed: %s", self.autosave_path, error, exc_info=error)
            if self._timer.isActive():
                self._timer.start(min(RETRY_SECONDS, self._interval_seconds) * 1000)
            self.failed.emit(str(error))
            return None
        if self._timer.isActive() and self._timer.interval() != self._interval_seconds * 1000:
            self._timer.start(self._interval_seconds * 1000)     # back to the normal pace after a retry
        if path is not None:
            self.saved.emit(str(path))
        return path

    def _remove_files(self) -> None:
        for path in (self.autosave_path, self._sidecar_path):
            try:
                path.unlink(missing_ok=True)
            except OSError as exc:
                log.warning("cannot remove the autosave %s: %s", path, exc)

    def acquire_lock(self) -> None:
        """Take the session's lock (the edit journal's recorder does, before it writes)."""
        self._acquire_lock()

    def _acquire_lock(self) -> None:
        if self._lock_handle is not None:
            return
        handle = open(self._lock_path, "ab+")
        if not _lock(handle):        # cannot happen for a fresh random session name; be safe anyway
            handle.close()
            raise OSError(f"the autosave lock {self._lock_path} is held by another process")
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n".encode())
        handle.flush()
        self._lock_handle = handle

    def _release_lock(self) -> None:
        if self._lock_handle is None:
            return
        _unlock(self._lock_handle)
        self._lock_handle.close()
        self._lock_handle = None
        try:
            self._lock_path.unlink(missing_ok=True)
        except OSError:
            pass


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
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._autosaver, self._qdoc, self._stack = autosaver, qdoc, undo_stack
        self._project_path_provider = project_path_provider
        self._journal: Journal | None = None
        self._needs_rewrite = False
        self._sync_timer = QTimer(self)
        self._sync_timer.setSingleShot(True)
        self._sync_timer.setInterval(JOURNAL_SYNC_MS)
        self._sync_timer.timeout.connect(self._on_sync_timer_timeout)
        self._compact_timer = QTimer(self)
        self._compact_timer.setInterval(autosaver.interval_seconds() * 1000)
        self._compact_timer.timeout.connect(self._on_compact_timer_timeout)
        self._compact_timer.start()
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

    def close(self, *, remove: bool = True) -> None:
        """Stop recording; with `remove` (a clean exit) the journal is deleted."""
        self._sync_timer.stop()
        self._compact_timer.stop()
        if self._journal is not None:
            self._journal.close(remove=remove)
            self._journal = None

    # -- slots -------------------------------------------------------------------------------------

    def _on_document_reset(self) -> None:
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
            if self._needs_rewrite:
                journal.compact()
                self._needs_rewrite = False
            written = journal.record_history(steps, index, clean)
            info = self._info()
            journal.record_info(**info)
        except (OSError, EditorError) as exc:
            self._needs_rewrite = True
            self._report(exc)
            return
        if written:
            self.recorded.emit(self._stack.index())
        if not self._sync_timer.isActive():
            self._sync_timer.start()

    def _on_sync_timer_timeout(self) -> None:
        journal = self._journal
        if journal is not None and journal.dirty:
            threading.Thread(target=_sync_quietly, args=(journal,), name="duiqi-journal-sync", daemon=True).start()

    def _on_compact_timer_timeout(self) -> None:
        journal = self._journal
        if journal is None or not (self._needs_rewrite or journal.records_since_compaction >= self.COMPACT_AFTER_RECORDS):
            return
        try:
            journal.compact()
            self._needs_rewrite = False
        except OSError as exc:
            self._report(exc)

    # -- helpers -----------------------------------------------------------------------------------

    def _steps(self) -> list[Step]:
        steps = []
        for i in range(self._stack.count()):
            step = getattr(self._stack.command(i), "journal_step", None)
            if step is None:
                raise EditorError("an undo step cannot be written to the edit journal")
            steps.append(step)
        return steps

    def _info(self) -> dict:
        original = self._project_path_provider()
        return {"original_path": str(Path(original).absolute()) if original else None,
                "title": Path(original).name if original else _document_title(self._qdoc.doc),
                "pid": os.getpid()}

    def _report(self, exc: BaseException) -> None:
        log.warning("edit journal %s: %s", self._autosaver.journal_path, exc)
        self.failed.emit(str(exc))


def _sync_quietly(journal: Journal) -> None:
    try:
        journal.sync()
    except OSError as exc:           # a closed or replaced file: the next sync covers it
        log.debug("journal sync: %s", exc)


def _document_title(document: AlignmentDocument) -> str:
    names = [Path(p).name for p in (document.meta.src_file, document.meta.tgt_file) if p]
    return " + ".join(dict.fromkeys(names))


class Restored(tuple):
    """What the user restored: unpacks as (document, original project path or None); `history` is the
    undo history replayed from the edit journal (None when only a snapshot was left)."""

    history: History | None

    def __new__(cls, document: AlignmentDocument, path: Path | None, history: History | None = None) -> "Restored":
        self = super().__new__(cls, (document, path))
        self.history = history
        return self


# -- the recovery dialog --------------------------------------------------------------------------

class RecoveryDialog(QDialog):
    """Lists unsaved work from crashed sessions: Restore one, Discard, or decide Later."""

    def __init__(self, recoveries: list[Recovery], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Recover Unsaved Work"))
        self._recoveries = list(recoveries)
        self._result: Restored | None = None

        intro = QLabel(self.tr("Duiqi did not close properly last time. "
                               "The following work was saved automatically but not in a project file. "
                               "Restore it now, discard it, or decide later (it is kept until you do)."))
        intro.setWordWrap(True)

        self.list = QTreeWidget()
        self.list.setColumnCount(4)
        self.list.setHeaderLabels([self.tr("Document"), self.tr("Saved automatically"), self.tr("Content"),
                                   self.tr("Project file")])
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.list.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.list.header().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.list.itemDoubleClicked.connect(self._on_list_item_double_clicked)

        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.hide()

        buttons = QDialogButtonBox()
        self.restore_button = QPushButton(self.tr("&Restore"))
        self.discard_button = QPushButton(self.tr("&Discard"))
        self.later_button = QPushButton(self.tr("&Later"))
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.discard_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(self.later_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.restore_button.setDefault(True)
        self.restore_button.clicked.connect(self._on_restore_clicked)
        self.discard_button.clicked.connect(self._on_discard_clicked)
        self.later_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.resize(720, 300)
        self._fill()

    def _fill(self) -> None:
        self.list.clear()
        for recovery in self._recoveries:
            when = datetime.fromtimestamp(recovery.saved_at).strftime("%Y-%m-%d %H:%M:%S")
            where = str(recovery.original_path) if recovery.original_path else self.tr("(never saved)")
            if recovery.project_is_newer():
                where = self.tr("%1 (changed since: check before restoring)").replace("%1", where)
            content = ""
            if recovery.counts:
                links = recovery.counts.get("beads")
                if isinstance(links, int) and isinstance(recovery.counts.get("unlinked"), int):
                    links -= recovery.counts["unlinked"]
                content = self.tr("%1 links, %2 confirmed").replace(
                    "%1", str(links if links is not None else "?")).replace(
                    "%2", str(recovery.counts.get("confirmed", "?")))
            item = QTreeWidgetItem([recovery.title, when, content, where])
            item.setToolTip(3, where)
            item.setData(0, Qt.ItemDataRole.UserRole, recovery.session)
            self.list.addTopLevelItem(item)
        if self._recoveries:
            self.list.setCurrentItem(self.list.topLevelItem(0))
        self.restore_button.setEnabled(bool(self._recoveries))
        self.discard_button.setEnabled(bool(self._recoveries))

    def recoveries(self) -> list[Recovery]:
        """Return the recoveries still listed."""
        return list(self._recoveries)

    def selected(self) -> Recovery | None:
        row = self.list.indexOfTopLevelItem(self.list.currentItem()) if self.list.currentItem() else -1
        return self._recoveries[row] if 0 <= row < len(self._recoveries) else None

    def select(self, recovery: Recovery) -> None:
        self.list.setCurrentItem(self.list.topLevelItem(self._recoveries.index(recovery)))

    def restored(self) -> Restored | None:
        """After Restore: (document, the project file it belongs to or None if never saved); `.history` is
        the undo history when the journal held it."""
        return self._result

    def _on_list_item_double_clicked(self) -> None:
        self._on_restore_clicked()

    def _on_restore_clicked(self) -> None:
        recovery = self.selected()
        if recovery is None:
            return
        try:
            history = recovery.load_history()
            document = history.document() if history is not None else recovery.load()
        except EditorError as exc:
            self._show_error(self.tr("This autosave cannot be read: %1").replace("%1", exc.message))
            return
        self._result = Restored(document, recovery.original_path, history)
        _set_aside(recovery)
        self.accept()

    def _on_discard_clicked(self) -> None:
        recovery = self.selected()
        if recovery is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Discard Unsaved Work"),
            self.tr("Delete the unsaved work in “%1” for good?").replace("%1", recovery.title),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Discard:
            return
        self.discard(recovery)

    def discard(self, recovery: Recovery) -> None:
        """Delete one recovery without asking; close the dialog when none are left."""
        try:
            recovery.discard()
        except OSError as exc:
            self._show_error(self.tr("Cannot delete the autosave: %1").replace("%1", str(exc)))
            return
        self._recoveries.remove(recovery)
        self.error_label.hide()
        self._fill()
        if not self._recoveries:
            self.reject()

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()


RESTORED_FOLDER = "restored"
KEEP_RESTORED = 5


def _set_aside(recovery: Recovery) -> None:
    """Move a restored autosave out of the way (it is not offered again) but keep the last few, just in case."""
    folder = autosave_dir() / RESTORED_FOLDER
    try:
        folder.mkdir(exist_ok=True)
        if recovery.autosave_path.exists():
            os.replace(recovery.autosave_path, folder / recovery.autosave_path.name)
        for side_file in (recovery.sidecar_path, recovery.journal_path):
            if side_file.exists():
                os.replace(side_file, folder / side_file.name)
        recovery.lock_path.unlink(missing_ok=True)
        kept = sorted({p.with_suffix("") for p in (*folder.glob(f"*{PROJECT_SUFFIX}"),
                                                   *folder.glob(f"*{JOURNAL_SUFFIX}"))},
                      key=_newest_mtime, reverse=True)
        for old in kept[KEEP_RESTORED:]:
            for suffix in (PROJECT_SUFFIX, SIDECAR_SUFFIX, JOURNAL_SUFFIX):
                old.with_suffix(suffix).unlink(missing_ok=True)
    except OSError as exc:
        log.warning("cannot set the restored autosave %s aside: %s", recovery.autosave_path, exc)


def _newest_mtime(stem: Path) -> float:
    times = [p.stat().st_mtime for p in (stem.with_suffix(PROJECT_SUFFIX), stem.with_suffix(JOURNAL_SUFFIX))
             if p.exists()]
    return max(times, default=0.0)


def offer_recovery(parent: QWidget | None = None) -> Restored | None:
    """If crashed sessions left unsaved work, ask the user what to do with it.

    Returns (document, original project path or None) when the user restores one, with its undo history
    as `.history`, else None
    (no recoveries, Discard, or Later: "Later" keeps them for the next start).
    """
    recoveries = find_recoveries()
    if not recoveries:
        return None
    dialog = RecoveryDialog(recoveries, parent)
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.restored()
        return None
    finally:
        dialog.deleteLater()
