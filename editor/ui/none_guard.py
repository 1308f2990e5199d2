"""Keep `None` alive under PySide6 builds whose void methods return None without a reference (6.12 on Python 3.11).

Every call such as QPainterPath.lineTo() then lowers None's reference count by one; a window that paints
for a while brings it to zero and Python aborts with "none_dealloc: deallocating None". Python 3.12 made
None immortal, so there this does nothing.
"""

from __future__ import annotations

import ctypes
import sys

#: Added to None's reference count once: far more void calls than any session makes.
_RESERVE = 1 << 40


def keep_none_alive() -> None:
    """Give None a huge reference reserve on Python < 3.12 (idempotent)."""
    if sys.version_info >= (3, 12):
        return
    count = ctypes.c_ssize_t.from_address(id(None))
    if count.value < _RESERVE // 2:
        count.value += _RESERVE
