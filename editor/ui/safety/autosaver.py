"""The periodic autosave of the open document into its session's snapshot file (a QObject timer)."""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import threading
import time
from pathlib import Path
from typing import IO, Callable

from PySide6.QtCore import QObject, QTimer, Signal

from editor.bitext.document import AlignmentDocument
from editor.bitext.journal import JOURNAL_SUFFIX
from editor.bitext.project import PROJECT_SUFFIX, atomic_write_bytes, save_project
from editor.file_locks import lock_file, unlock_file
from editor.text_safety import utf8
from editor.ui.safety.sessions import (LOCK_SUFFIX, RETRY_SECONDS, SIDECAR_SUFFIX, autosave_dir, session_title,
                                       new_session_name)

log = logging.getLogger(__name__)

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
                 interval_seconds: int, parent: QObject | None = None, folder: Path | None = None,
                 opened_path_provider: Callable[[], Path | None] = lambda: None) -> None:
        super().__init__(parent)
        self._document_provider = document_provider
        self._is_modified = is_modified
        self._project_path_provider = project_path_provider
        self._opened_path_provider = opened_path_provider      # the TMX, XLIFF or table opened, if any
        self._interval_seconds = max(1, int(interval_seconds))
        self.session = new_session_name()
        # fixed for the session, even if the environment changes; `folder`: one the user picked because
        # Duiqi's own folder cannot be used
        self._folder = Path(folder) if folder is not None else autosave_dir()
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

    def next_save_in_ms(self) -> int:
        """Milliseconds until the timer next autosaves (-1 when stopped): the interval, or sooner after a failure."""
        return self._timer.remainingTime() if self._timer.isActive() else -1

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
            original, opened = self._project_path_provider(), self._opened_path_provider()
            sidecar = {
                "original_path": str(Path(original).absolute()) if original else None,
                "opened_path": str(Path(opened).absolute()) if opened else None,
                "saved_at": time.time(),
                "pid": os.getpid(),
                "title": session_title(original, opened, document),
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
                self._timer.start(round(min(RETRY_SECONDS, self._interval_seconds) * 1000))
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
        if not lock_file(handle):        # cannot happen for a fresh random session name; be safe anyway
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
        unlock_file(self._lock_handle)
        self._lock_handle.close()
        self._lock_handle = None
        try:
            self._lock_path.unlink(missing_ok=True)
        except OSError:
            pass
