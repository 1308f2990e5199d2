"""Checks on the files Duiqi reads and writes, made before the work starts: inputs, outputs, stale temp files.

The CLI (and `duiqi batch`) call these before aligning, so a bad path fails in a second with a sentence
naming the file instead of a traceback after the whole alignment has run.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import tempfile
import time
from pathlib import Path
from typing import Sequence

from editor.errors import InputFileError, OutputFileError

#: The largest text input (bytes) aligned at all. Measured peak memory of `duiqi align --mode fast` grows
#: about 90-100 MB per MB of input pair above a ~270 MB base, so a 12 MB pair stays under 1.5 GB
#: (tests/benchmarks/bench_memory.py re-measures it). Above this the CLI and the editor refuse, saying so.
MAX_TEXT_INPUT_BYTES = 6 * 1000 * 1000
#: The most sentences on either side that one alignment may hold in each mode, so that it stays under 1.5 GB.
#: The peak grows with the sentences more than with the bytes: 500,000 one-character lines (1 MB) went over
#: 7.5 GB in best mode. Measured with tests/hostile/measure_peaks.py (N one-character lines a side, no
#: anchors, the worst case): best 25,000 -> 693 MB; fast 25,000 -> 964 MB; length 25,000 -> 2,199 MB (its
#: band grows with the length of the gap it aligns, so its peak grows with the square of the sentences).
MAX_SENTENCES = {"best": 50_000, "fast": 35_000, "length": 18_000}
#: The largest alignment or project file opened (they hold both texts plus markup or JSON).
MAX_ALIGNMENT_INPUT_BYTES = 60 * 1000 * 1000
#: Temporary files of an interrupted atomic save older than this are removed (seconds).
STALE_TEMP_SECONDS = 24 * 3600
#: What atomic_write_bytes names its temporary file: `.NAME.duiqi-XXXXXXXX.tmp` (tempfile's 8 characters);
#: older versions wrote `.NAME.XXXXXXXX.tmp`, which the sweep also recognises.
TEMP_MARKER = "duiqi-"


def megabytes(size: int) -> str:
    return f"{size / 1e6:.0f} MB" if size >= 10e6 else f"{size / 1e6:.1f} MB"


def check_input_file(path: Path | str, limit: int | None = MAX_TEXT_INPUT_BYTES) -> os.stat_result:
    """Make sure `path` is a regular file (after symlinks) no larger than `limit`; return its stat.

    Refuses folders, devices (a symlink to /dev/zero), FIFOs and sockets, which would be read without
    end or block. Raises InputFileError naming the file.
    """
    path = Path(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputFileError("no such file", path=path) from None
    except OSError as exc:
        raise InputFileError(f"cannot read the file ({exc.strerror})", path=path) from None
    if stat.S_ISDIR(info.st_mode):
        raise InputFileError("this is a folder, not a file", path=path)
    if not stat.S_ISREG(info.st_mode):
        raise InputFileError("not a regular file (a device, pipe or socket); give a text file", path=path)
    if limit is not None and info.st_size > limit:
        raise InputFileError(f"the file is too large to align ({megabytes(info.st_size)}; the limit is "
                             f"{megabytes(limit)}); split it into parts", path=path)
    return info


def check_sentence_count(src: int, tgt: int, mode: str, path: Path | str | None = None) -> None:
    """Raise InputFileError when either side has more sentences than `mode` aligns within the memory limit."""
    limit = MAX_SENTENCES.get(mode)
    count = max(src, tgt)
    if limit is not None and count > limit:
        other = [m for m, n in sorted(MAX_SENTENCES.items(), key=lambda item: -item[1]) if n >= count and m != mode]
        advice = f" or align with --mode {other[0]}" if other else ""
        raise InputFileError(f"the texts hold too many sentences to align in {mode} mode ({count:,}; the limit is "
                             f"{limit:,} a side); split them into parts{advice}", path=path)


def check_output_path(output: Path | str, inputs: Sequence[Path | str] = ()) -> Path:
    """Make sure an output file can be written before any work is done; return it as an absolute path.

    Refuses a missing or unwritable folder, a folder as the output, an existing file that is not a
    regular file (/dev/null would be replaced), and one of the inputs. Writes and removes a probe file,
    so a read-only mount or a permission problem shows up now. Raises OutputFileError naming the file.
    """
    path = Path(output).absolute()
    folder = path.parent
    if not folder.exists():
        raise OutputFileError("the folder does not exist", path=path)
    if not folder.is_dir():
        raise OutputFileError(f"{folder} is not a folder", path=path)
    try:
        info = path.stat()
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise OutputFileError(f"cannot write the file ({exc.strerror})", path=path) from None
    if info is not None:
        if stat.S_ISDIR(info.st_mode):
            raise OutputFileError("this is a folder; give a file name", path=path)
        if not stat.S_ISREG(info.st_mode):
            raise OutputFileError("not a regular file; write to a file (or '-' for standard output)", path=path)
        for source in inputs:
            try:
                same = os.path.samefile(source, path)
            except OSError:
                same = False
            if same:
                raise OutputFileError("this is one of the input files; choose another output name", path=path)
    try:
        fd, probe = tempfile.mkstemp(prefix=temp_prefix(path.name), suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputFileError(f"cannot write in {folder} ({describe_os_error(exc)})", path=path) from None
    os.close(fd)
    Path(probe).unlink(missing_ok=True)
    return path


def describe_os_error(exc: OSError) -> str:
    """Return why an OSError happened in a few words ("No space left on device")."""
    if exc.strerror:
        return exc.strerror
    if exc.errno is not None:
        return os.strerror(exc.errno)
    return str(exc) or type(exc).__name__


def write_error(exc: OSError, path: Path | str | None) -> OutputFileError:
    """Return the OutputFileError telling which file could not be written and why."""
    where = path if path is not None else exc.filename
    reason = describe_os_error(exc)
    if exc.errno == errno.ENOSPC:
        reason += "; free some space and run it again"
    return OutputFileError(f"cannot write the file ({reason})", path=where)


#: bytes of the output's name that its temporary file's name keeps: `.NAME.duiqi-XXXXXXXX.tmp` must fit in the
#: 255 bytes a file name may have, so a legal 250-byte output name can be written atomically too
_TEMP_NAME_BYTES = 255 - len(f"..{TEMP_MARKER}") - 8 - len(".tmp")


def temp_name_part(name: str) -> str:
    """The part of an output's file name that its temporary files' names keep (all of it, up to 235 bytes)."""
    encoded = name.encode("utf-8", "surrogateescape")
    if len(encoded) <= _TEMP_NAME_BYTES:
        return name
    return encoded[:_TEMP_NAME_BYTES].decode("utf-8", "ignore")


def temp_prefix(name: str) -> str:
    """The prefix of an output's temporary files: `.NAME.duiqi-`."""
    return f".{temp_name_part(name)}.{TEMP_MARKER}"


def _temp_pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"^\.{re.escape(temp_name_part(name))}\.(?:{TEMP_MARKER})?[a-z0-9_]{{8}}\.tmp$")


def sweep_stale_temp_files(path: Path | str, max_age: float = STALE_TEMP_SECONDS) -> list[Path]:
    """Remove the temporary files that interrupted atomic saves of `path` left beside it, if older than
    `max_age` seconds (a younger one may belong to a save in progress); return what was removed."""
    path = Path(path)
    pattern = _temp_pattern(path.name)
    removed = []
    now = time.time()
    try:
        candidates = list(path.parent.glob(f".{glob_escape(temp_name_part(path.name))}.*.tmp"))
    except OSError:
        return removed
    for candidate in candidates:
        if not pattern.match(candidate.name):
            continue
        try:
            info = candidate.lstat()
            if stat.S_ISREG(info.st_mode) and now - info.st_mtime > max_age:
                candidate.unlink()
                removed.append(candidate)
        except OSError:
            continue
    return removed


def sweep_folder(folder: Path | str, max_age: float = STALE_TEMP_SECONDS) -> list[Path]:
    """Remove every stale Duiqi temporary file in a folder (the autosave folder at start-up)."""
    folder = Path(folder)
    removed = []
    pattern = re.compile(rf"^\..+\.(?:{TEMP_MARKER})?[a-z0-9_]{{8}}\.tmp$")
    now = time.time()
    try:
        candidates = list(folder.glob(".*.tmp"))
    except OSError:
        return removed
    for candidate in candidates:
        try:
            info = candidate.lstat()
            if pattern.match(candidate.name) and stat.S_ISREG(info.st_mode) and now - info.st_mtime > max_age:
                candidate.unlink()
                removed.append(candidate)
        except OSError:
            continue
    return removed


def glob_escape(name: str) -> str:
    return re.sub(r"([\[\]*?])", r"[\1]", name)
