"""Work off the GUI thread: a QRunnable Task reporting through signals, and the alignment job built on it."""

from __future__ import annotations

import gc
import threading
import time
from functools import partial
from typing import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from editor.bitext.document import AlignmentDocument
from editor.ui.qt_document import copy_document

#: Progress signals are throttled to about ten a second (STYLE §5).
PROGRESS_INTERVAL = 0.1


class TaskSignals(QObject):
    succeeded = Signal(object)
    failed = Signal(object)              # the exception
    progressed = Signal(float)           # fraction done, 0.0 .. 1.0


class Task(QRunnable):
    """Run func() in the thread pool and report the outcome through signals."""

    def __init__(self, func: Callable[[], object]) -> None:
        super().__init__()
        # Python keeps every running task alive (_RUNNING) and drops it once run() has returned;
        # the pool must then not delete it as well.
        self.setAutoDelete(False)
        self.func, self.signals = func, TaskSignals()

    def run(self) -> None:
        try:
            try:
                result = self.func()
            except Exception as exc:         # handed to the GUI, never swallowed
                self.signals.failed.emit(exc)
            else:
                self.signals.succeeded.emit(result)
        except RuntimeError:
            pass        # the application quit while this ran: nobody is left to tell
        finally:
            with _RUNNING_LOCK:
                _FINISHED.append(self)   # released by the next start(), after this run() has returned

    def start(self, pool: QThreadPool | None = None) -> None:
        """Run in the pool (the global one by default), keeping this object alive while it runs."""
        # Collect garbage here, in the GUI thread: otherwise Python's cycle collector may run inside the
        # worker and destroy dead widgets (dialogs, editors) from the wrong thread, which crashes Qt.
        gc.collect()
        with _RUNNING_LOCK:
            for done in _FINISHED:
                _RUNNING.discard(done)
            _FINISHED.clear()
            _RUNNING.add(self)
        (pool or QThreadPool.globalInstance()).start(self)


_RUNNING: set[Task] = set()
_FINISHED: list[Task] = []
_RUNNING_LOCK = threading.Lock()


class ThrottledProgress:
    """A progress callback for the engine that emits at most every PROGRESS_INTERVAL seconds (and at 1.0)."""

    def __init__(self, signal) -> None:
        self._signal, self._last = signal, 0.0

    def __call__(self, fraction: float) -> None:
        now = time.monotonic()
        if fraction >= 1.0 or now - self._last >= PROGRESS_INTERVAL:
            self._last = now
            self._signal.emit(float(fraction))


def start_alignment(doc: AlignmentDocument, *, mode: str, keep_fixed: bool,
                    cancel: threading.Event, pool: QThreadPool | None = None,
                    connect: tuple | None = None) -> TaskSignals:
    """Start aligning a copy of `doc` in the thread pool; return the signals (`succeeded` carries the Change).

    The Change fits the document as it was when the task started (the caller checks its revision).
    """
    from editor.workflow import align_document

    copy = copy_document(doc)
    task = Task(lambda: None)
    progress = ThrottledProgress(task.signals.progressed)
    task.func = partial(align_document, copy, mode=mode, keep_fixed=keep_fixed,
                        progress=progress, should_stop=cancel.is_set)
    signals = task.signals
    if connect is not None:
        # Connected before start() so no outcome can be missed; bound methods of GUI objects → queued delivery.
        succeeded, failed, progressed = connect
        signals.succeeded.connect(succeeded)
        signals.failed.connect(failed)
        signals.progressed.connect(progressed)
    task.start(pool)
    return signals
