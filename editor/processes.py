"""Worker processes for CPU-bound jobs (the batch's alignments, a collection's merged export)."""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading


def can_fork() -> bool:
    """True where a pool may fork: on POSIX, from a process with no other thread (the CLI before it loads a
    model). fork starts workers in milliseconds with this process's modules imported; a process with threads
    (the editor: Qt's) must spawn, as forking a threaded process can deadlock the child."""
    if "fork" not in multiprocessing.get_all_start_methods() or os.name != "posix":
        return False
    if "PySide6.QtCore" in sys.modules:
        return False             # Qt starts threads of its own, which threading does not count
    return threading.current_thread() is threading.main_thread() and threading.active_count() == 1


def pool_context():
    """The multiprocessing context for a pool started from this process now (see can_fork)."""
    return multiprocessing.get_context("fork" if can_fork() else "spawn")
