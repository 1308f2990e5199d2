"""Run Python's cycle collector on the GUI thread only, so dead Qt objects are never destroyed from a worker."""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

#: How often the GUI thread checks whether a collection is due.
CHECK_MS = 500


class MainThreadGarbageCollector(QObject):
    """Turn off automatic collection and collect from a GUI-thread timer when the thresholds say so.

    Automatic collection runs in whichever thread happens to allocate; if that is a worker (alignment,
    autosave), finalizing an unreachable widget there crashes Qt.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._threshold = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._timer.start()

    def _on_timer_timeout(self) -> None:
        counts = gc.get_count()
        if counts[0] > self._threshold[0]:
            generation = 0
            if counts[1] > self._threshold[1]:
                generation = 2 if counts[2] > self._threshold[2] else 1
            gc.collect(generation)

    def stop(self) -> None:
        self._timer.stop()
        gc.enable()
