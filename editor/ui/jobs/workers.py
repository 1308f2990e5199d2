"""Work off the GUI thread: a QRunnable Task reporting through signals, and the alignment job built on it."""

from __future__ import annotations

import gc
import threading
import time
from functools import partial
from typing import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from editor.bitext.document import AlignmentDocument
from editor.ui.model.qt_document import copy_document

#: Progress signals are throttled to about ten a second (STYLE §5).
PROGRESS_INTERVAL = 0.1


class TaskSignals(QObject):
    succeeded = Signal(object)
    failed = Signal(object)              # the exception
    progressed = Signal(float)           # fraction done, 0.0 .. 1.0 (of the current phase)
    phase_changed = Signal(str)          # "loading", "embedding", "aligning" (alignment_process.PHASES)


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


class AlignmentJob:
    """A running alignment: `signals` report it (succeeded carries the Change); cancel() stops it."""

    def __init__(self, signals: TaskSignals, cancel: Callable[[], None]) -> None:
        self.signals = signals
        self._cancel = cancel

    def cancel(self) -> None:
        self._cancel()


class AlignmentService(QObject):
    """The application's aligner process (editor.ui.jobs.alignment_process), started on first use and kept warm.

    Replies are read on the GUI thread from a timer, so signals are emitted from the GUI thread.
    If the process dies, its jobs fail and the next job starts a new one.
    """

    POLL_MS = 30

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._process = None
        self._conn = None
        self._jobs: dict[int, TaskSignals] = {}
        self._next_job = 0
        self._timer = QTimer(self)
        self._timer.setInterval(self.POLL_MS)
        self._timer.timeout.connect(self._on_timer_timeout)

    def _ensure_process(self) -> None:
        if self._process is not None and self._process.is_alive():
            return
        import multiprocessing

        from editor.ui.jobs.alignment_process import serve

        context = multiprocessing.get_context("spawn")   # no fork: the parent has Qt threads
        parent_end, child_end = context.Pipe(duplex=True)
        process = context.Process(target=serve, args=(child_end,), name="duiqi-aligner", daemon=True)
        process.start()
        child_end.close()
        self._process, self._conn = process, parent_end

    def warm_up(self, mode: str = "best") -> None:
        """Start the process and let it load the dictionary and model now, so the first alignment starts at once."""
        self._ensure_process()
        self._conn.send(("preload", mode))

    def start(self, doc: AlignmentDocument, mode: str, keep_fixed: bool) -> AlignmentJob:
        """Send a copy of the document to the aligner process; raises OSError if it cannot start."""
        self._ensure_process()
        job = self._next_job
        self._next_job += 1
        signals = TaskSignals(self)
        self._jobs[job] = signals
        self._conn.send(("align", job, copy_document(doc), mode, keep_fixed))
        self._timer.start()
        return AlignmentJob(signals, partial(self._cancel, job))

    def _cancel(self, job: int) -> None:
        if self._jobs.pop(job, None) is not None and self._conn is not None:
            try:
                self._conn.send(("cancel", job))
            except OSError:
                pass

    def _on_timer_timeout(self) -> None:
        from editor.errors import AlignmentCancelled, EditorError

        try:
            while self._conn is not None and self._conn.poll():
                kind, job, *rest = self._conn.recv()
                signals = self._jobs.get(job)
                if kind not in ("progress", "phase"):
                    self._jobs.pop(job, None)
                if signals is None:
                    continue            # cancelled meanwhile
                if kind == "progress":
                    signals.progressed.emit(rest[0])
                elif kind == "phase":
                    signals.phase_changed.emit(rest[0])
                elif kind == "ok":
                    signals.succeeded.emit(rest[0])
                elif kind == "cancelled":
                    signals.failed.emit(AlignmentCancelled())
                else:
                    signals.failed.emit(EditorError(rest[0]))
        except (EOFError, OSError):
            self._process_died()
        if not self._jobs:
            self._timer.stop()

    def _process_died(self) -> None:
        jobs, self._jobs = self._jobs, {}
        self._process, self._conn = None, None
        for signals in jobs.values():
            signals.failed.emit(RuntimeError("the aligner process stopped unexpectedly"))

    def shutdown(self) -> None:
        """Ask the process to quit (and make sure it does)."""
        process, conn = self._process, self._conn
        self._process = self._conn = None
        self._jobs.clear()
        self._timer.stop()
        if conn is not None:
            try:
                conn.send(None)
            except OSError:
                pass
        if process is not None:
            process.join(1.0)
            if process.is_alive():
                process.terminate()
                process.join(1.0)


_SERVICE: list[AlignmentService] = []

#: Set to "thread" to align in a thread of this process instead of the aligner process.
ALIGN_IN_ENV = "DUIQI_ALIGN_IN"


def alignment_service() -> AlignmentService:
    """Return the application's aligner service (stopped when the application quits)."""
    if not _SERVICE:
        from PySide6.QtCore import QCoreApplication

        service = AlignmentService()
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(service.shutdown)
        import atexit

        atexit.register(service.shutdown)
        _SERVICE.append(service)
    return _SERVICE[0]


def warm_up_aligner() -> None:
    """Start the aligner process in the background and preload the engine's data (no-op when aligning in threads)."""
    import os

    if os.environ.get(ALIGN_IN_ENV, "process") == "thread":
        return
    try:
        alignment_service().warm_up()
    except (OSError, ImportError, RuntimeError, ValueError):
        pass                    # the first alignment will start it (or fall back to a thread)


def start_alignment(doc: AlignmentDocument, *, mode: str, keep_fixed: bool,
                    pool: QThreadPool | None = None, connect: tuple | None = None) -> AlignmentJob:
    """Align `doc` (a copy of it) off the GUI thread: in the aligner process, else in the thread pool.

    The job's `signals.succeeded` carries a Change that fits the document as it was when the job started
    (the caller checks its revision). `connect` = (succeeded, failed, progressed) slots.
    """
    import os

    job = None
    if os.environ.get(ALIGN_IN_ENV, "process") != "thread":
        try:
            job = alignment_service().start(doc, mode, keep_fixed)
        except (OSError, ImportError, RuntimeError, ValueError):
            job = None          # no process on this system: a thread will do
    if job is None:
        job = _start_alignment_thread(doc, mode=mode, keep_fixed=keep_fixed, pool=pool)
    if connect is not None:
        succeeded, failed, progressed = connect
        job.signals.succeeded.connect(succeeded)
        job.signals.failed.connect(failed)
        job.signals.progressed.connect(progressed)
    return job


def _start_alignment_thread(doc: AlignmentDocument, *, mode: str, keep_fixed: bool,
                            pool: QThreadPool | None = None) -> AlignmentJob:
    from editor.workflow import align_document

    copy = copy_document(doc)
    cancel = threading.Event()
    task = Task(lambda: None)
    progress = ThrottledProgress(task.signals.progressed)
    signals_ = task.signals

    def align_in_phases():
        # The same phases the aligner process reports (no separate embedding step here).
        signals_.phase_changed.emit("loading")
        if mode != "length":
            from editor.alignment import preload
            preload(mode)
        signals_.phase_changed.emit("aligning")
        return align_document(copy, mode=mode, keep_fixed=keep_fixed, progress=progress, should_stop=cancel.is_set)

    task.func = align_in_phases
    signals = task.signals
    # Started on the next turn of the event loop, so the caller connects first and misses nothing.
    QTimer.singleShot(0, partial(task.start, pool))
    return AlignmentJob(signals, cancel.set)
