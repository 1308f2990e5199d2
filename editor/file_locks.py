"""Operating-system file locks: taken without waiting, dropped by the operating system when the process dies,
however it dies. Autosave sessions and collections use them to know whether another Duiqi has a file open."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO


def lock_file(handle: IO[bytes]) -> bool:
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


def unlock_file(handle: IO[bytes]) -> None:
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


class HeldLock:
    """An exclusive lock on `path`, held until `release()`; the file records the holder's process id."""

    def __init__(self, path: Path, handle: IO[bytes]) -> None:
        self.path, self._handle = path, handle

    @classmethod
    def take(cls, path: Path | str) -> HeldLock | None:
        """Lock `path` (creating it); None when another holder (another process, or another open of it in
        this one) has it. Raises OSError when the file cannot be made (say, a read-only folder)."""
        path = Path(path)
        handle = open(path, "a+b")
        if not lock_file(handle):
            handle.close()
            return None
        try:
            handle.truncate(0)
            handle.write(f"{os.getpid()}\n".encode())
            handle.flush()
        except OSError:
            pass
        return cls(path, handle)

    @staticmethod
    def holder(path: Path | str) -> int | None:
        """The process id the holder of the lock at `path` wrote, if it can be read."""
        try:
            return int(Path(path).read_text(encoding="ascii").split()[0])
        except (OSError, ValueError, IndexError, UnicodeDecodeError):
            return None

    @property
    def held(self) -> bool:
        return self._handle is not None

    def release(self) -> None:
        handle, self._handle = self._handle, None
        if handle is None:
            return
        unlock_file(handle)
        handle.close()
