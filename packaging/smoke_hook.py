"""Start-up probe for smoke tests and screenshots; does nothing unless DUIQI_SMOKE_QUIT_MS is set.

The frozen app runs it as a PyInstaller runtime hook (before editor/__main__.py), and packaging/screenshot.sh
imports it before editor.app. When QApplication.exec() starts (the main window is shown), it waits
DUIQI_SMOKE_QUIT_MS milliseconds of event loop, prints the window title and how long start-up took, optionally
resizes the window (DUIQI_SMOKE_SIZE=1280x800) and saves a screenshot of it (DUIQI_SMOKE_SCREENSHOT=path.png),
and quits. With DUIQI_SMOKE_ALIGN=1 it first re-aligns the open document as Align > Align Automatically does
and prints the outcome. It exists because the editor otherwise runs until someone closes it.
"""

import os
import sys
import time

_STARTED = time.perf_counter()


def _install() -> None:
    delay = os.environ.get("DUIQI_SMOKE_QUIT_MS")
    if not delay:
        return
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    original_exec = QApplication.exec

    def main_window():
        return next((w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow) and w.isVisible()), None)

    def finish(ready: float) -> None:
        window = main_window()
        shot = os.environ.get("DUIQI_SMOKE_SCREENSHOT")
        if window is not None and shot:
            window.grab().save(shot)
        title = window.windowTitle() if window is not None else "(no main window)"
        from PySide6.QtCore import QCoreApplication
        cancel = QCoreApplication.translate("QPlatformTheme", "Cancel")   # translated only if qtbase_*.qm loaded
        print(f"duiqi smoke: main window {title!r} ready {ready:.2f} s after Python started; "
              f"Qt's Cancel reads {cancel!r}", flush=True)
        QApplication.exit(0)   # not quit(): that asks the window to close, and unsaved work would prompt

    def exec_and_quit(*_args):
        ready = time.perf_counter() - _STARTED
        window = main_window()
        size = os.environ.get("DUIQI_SMOKE_SIZE")
        if window is not None and size:
            width, height = (int(n) for n in size.lower().split("x"))
            window.resize(width, height)
        start_alignment = getattr(window, "start_alignment", None)
        if os.environ.get("DUIQI_SMOKE_ALIGN") and start_alignment is not None:
            # Align the open document again the way the Align menu does (in the aligner process, which a
            # frozen app starts by running itself again), and quit once the result is back.
            began = time.perf_counter()

            def done(outcome: str) -> None:
                print(f"duiqi smoke: alignment {outcome} after {time.perf_counter() - began:.2f} s", flush=True)
                QTimer.singleShot(int(delay), lambda: finish(ready))

            def align() -> None:     # once the event loop has opened the command line's files
                signals = start_alignment(keep_fixed=False)
                jobs = getattr(window, "alignment_jobs", None)
                running = jobs.job if jobs is not None else None
                if signals is None and running is not None:
                    signals = running.signals     # `--sample` aligns at launch: follow that alignment
                if signals is None:
                    done("did not start")
                else:
                    signals.succeeded.connect(lambda _change: done("succeeded"))
                    signals.failed.connect(lambda exc: done(f"failed: {exc!r}"))

            QTimer.singleShot(0, align)
        else:
            QTimer.singleShot(int(delay), lambda: finish(ready))
        return original_exec()   # a static method: app.exec() passes no arguments on

    QApplication.exec = exec_and_quit


try:
    _install()
except Exception as exc:  # a broken probe must never stop the app
    print(f"duiqi smoke: probe not installed: {exc}", file=sys.stderr)
