"""Engine data built once into the cache folder as .npy files and memory-mapped on every later start.

Parsing the dictionary, jieba's word list and the embedding model's vocabulary and weights into Python objects
took seconds at every start. Here each is built once into sorted arrays (`editor.paths.cache_dir()/<name>/`,
written to a temporary folder and renamed, so a half-written cache is never read; keyed by the source's
version and content, checked against a manifest of dtypes, shapes and checksums, and rebuilt when damaged), opened with `mmap_mode="r"` (nothing is read until it is used), and looked up
for a whole text at once with `np.searchsorted`.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import threading
import time
from pathlib import Path
from typing import Callable, Iterable

import numpy as np

_SEPARATOR = "\x01"        # between texts in `SortedStrings.cover`: no key contains it
_lock = threading.Lock()


#: each cache folder's record of its arrays: dtype, shape, checksum, and the file's stat when last verified
MANIFEST = "manifest.json"
#: a cache of another source (another install, an older version) is removed when unused this long; until then
#: two installs of different versions each keep theirs instead of rebuilding each other's at every switch
STALE_SECONDS = 30 * 24 * 3600
#: a cache folder's modification time is refreshed when opened this long after the last refresh
_TOUCH_SECONDS = 24 * 3600
#: the content digests of source files already hashed, by path and stat (`file_stamp`)
DIGESTS = "file-digests.json"
_digests: dict[str, str] | None = None


def source_tag(*parts: object) -> str:
    """A short tag for the versions and files the arrays were built from (part of the cache folder's name)."""
    return hashlib.blake2b(repr(parts).encode("utf-8"), digest_size=6).hexdigest()


def file_stamp(path: Path | str) -> tuple[str, int, str]:
    """Name, size and content digest of a source file, for `source_tag`.

    Keyed by content, not by modification time: two installs (venvs) of one version hold the same dictionary
    and weights with different times, and share one cache instead of rebuilding it at every switch. A file is
    hashed once per path, size, time and inode; the digest is remembered in the cache folder."""
    st = os.stat(path)
    key = f"{os.path.realpath(path)}|{st.st_size}|{st.st_mtime_ns}|{st.st_ino}"
    known = _known_digests()
    digest = known.get(key)
    if digest is None:
        h = hashlib.blake2b(digest_size=16)
        with open(path, "rb") as f:
            while chunk := f.read(1 << 20):
                h.update(chunk)
        digest = known[key] = h.hexdigest()
        _save_digests(known)
    return (Path(path).name, st.st_size, digest)


def _known_digests() -> dict[str, str]:
    global _digests
    if _digests is None:
        _digests = {}
        try:
            from editor.paths import cache_dir

            loaded = json.loads((cache_dir() / DIGESTS).read_text("utf-8"))
            if isinstance(loaded, dict):
                _digests = {k: v for k, v in loaded.items() if isinstance(k, str) and isinstance(v, str)}
        except (OSError, ValueError):
            pass                     # none yet, or damaged: hash again
    return _digests


def _save_digests(known: dict[str, str]) -> None:
    try:
        from editor.paths import cache_dir

        root = cache_dir()
        tmp = root / f".{DIGESTS}.{os.getpid()}.{threading.get_ident()}.tmp"
        tmp.write_text(json.dumps(dict(list(known.items())[-200:])), encoding="utf-8")
        os.replace(tmp, root / DIGESTS)
    except OSError:
        pass


def _digest(array: np.ndarray) -> str:
    flat = np.ascontiguousarray(array).reshape(-1)
    return hashlib.blake2b(memoryview(flat.view(np.uint8)), digest_size=16).hexdigest()


def _stat_key(st: os.stat_result) -> list[int]:
    return [st.st_size, st.st_mtime_ns, st.st_ino]


def cached_arrays(name: str, tag: str, build: Callable[[], dict[str, np.ndarray]]) -> dict[str, np.ndarray]:
    """Return the arrays `build()` makes, memory-mapped from `cache_dir()/name-tag/`; build and store them first
    if they are not there. Without a usable cache folder they are built in memory every time.

    A cache is never the user's data: a damaged one (a zero-byte or short .npy, a file where the folder should
    be, a missing or wrong manifest, an array whose dtype, shape or checksum differs from the manifest's) is
    removed and built again."""
    from editor.paths import cache_dir

    with _lock:
        try:
            root = cache_dir()
        except OSError:
            return build()
        folder = root / f"{name}-{tag}"
        arrays = _open(folder)
        if arrays is not None:
            _touch(folder)
            return arrays
        _discard(folder)
        arrays = build()
        if not _store(root, folder, name, tag, arrays):
            return arrays
        _remove_stale(root, name, keep=folder.name)
        stored = _open(folder)
        return stored if stored is not None else arrays


def _open(folder: Path) -> dict[str, np.ndarray] | None:
    """The arrays of a cache folder, memory-mapped, or None when it is missing or damaged.

    Each array's dtype and shape are checked against the manifest on every open; its checksum when the file's
    size, time or inode differ from when it was last verified (a file changed in place), so a start does not
    read every page of the arrays."""
    try:
        if not folder.is_dir():
            return None
        manifest = json.loads((folder / MANIFEST).read_text("utf-8"))
        entries = manifest["arrays"]
        out, reverified = {}, False
        for key, entry in entries.items():
            path = folder / f"{key}.npy"
            array = np.load(path, mmap_mode="r", allow_pickle=False)
            if array.dtype.str != entry["dtype"] or list(array.shape) != entry["shape"]:
                return None
            st = os.stat(path)
            if _stat_key(st) != entry["stat"]:
                if _digest(array) != entry["digest"]:
                    return None
                entry["stat"], reverified = _stat_key(st), True
            out[key] = array
        if reverified:
            _write_manifest(folder, entries)
        return out
    except Exception:      # noqa: BLE001 - EOFError, ValueError, OSError, KeyError, TypeError: damaged
        return None


def _write_manifest(folder: Path, entries: dict) -> None:
    tmp = folder / f".{MANIFEST}.{os.getpid()}.tmp"
    try:
        tmp.write_text(json.dumps({"arrays": entries}), encoding="utf-8")
        os.replace(tmp, folder / MANIFEST)
    except OSError:
        pass


def _store(root: Path, folder: Path, name: str, tag: str, arrays: dict[str, np.ndarray]) -> bool:
    """Write the arrays into a temporary folder and rename it to `folder`; False when that cannot be done."""
    tmp = root / f".{name}-{tag}.{os.getpid()}.{threading.get_ident()}.tmp"
    try:
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir()
        entries = {}
        for key, value in arrays.items():
            value = np.ascontiguousarray(value)
            path = tmp / f"{key}.npy"
            np.save(path, value, allow_pickle=False)
            entries[key] = {"dtype": value.dtype.str, "shape": list(value.shape), "digest": _digest(value),
                            "stat": _stat_key(os.stat(path))}
        (tmp / MANIFEST).write_text(json.dumps({"arrays": entries}), encoding="utf-8")
        try:
            os.rename(tmp, folder)
        except OSError:         # another process finished first: use its copy
            shutil.rmtree(tmp, ignore_errors=True)
        return True
    except OSError:
        shutil.rmtree(tmp, ignore_errors=True)
        return False


def _discard(folder: Path) -> None:
    """Remove a damaged cache (a folder, or a file where the folder should be)."""
    try:
        if folder.is_dir() and not folder.is_symlink():
            shutil.rmtree(folder, ignore_errors=True)
        elif os.path.lexists(folder):
            folder.unlink()
    except OSError:
        pass


def _touch(folder: Path) -> None:
    try:
        if time.time() - folder.stat().st_mtime > _TOUCH_SECONDS:
            os.utime(folder)
    except OSError:
        pass


def _remove_stale(root: Path, name: str, keep: str) -> None:
    """Delete the caches of `name` from other sources that have not been used for STALE_SECONDS."""
    now = time.time()
    for old in root.glob(f"{name}-*"):
        try:
            if old.is_dir() and old.name != keep and now - old.stat().st_mtime > STALE_SECONDS:
                shutil.rmtree(old, ignore_errors=True)
        except OSError:
            continue


def string_array(keys: Iterable[str]) -> np.ndarray:
    """Sorted unique keys as a fixed-width unicode array (what `SortedStrings` searches)."""
    keys = sorted(set(keys))
    width = max((len(k) for k in keys), default=1)
    return np.array(keys, dtype=f"<U{max(width, 1)}")


class SortedStrings:
    """A sorted fixed-width unicode array of keys (memory-mapped), searched many keys at a time."""

    def __init__(self, keys: np.ndarray) -> None:
        self.keys = keys
        self.width = keys.dtype.itemsize // 4
        self._n = len(keys)

    def find(self, queries: list[str]) -> np.ndarray:
        """Index of each query in the keys, or -1."""
        out = np.full(len(queries), -1, dtype=np.int64)
        if not queries or not self._n:
            return out
        fits = np.fromiter((len(q) <= self.width for q in queries), dtype=bool, count=len(queries))
        if not fits.all():       # a longer query would be cut to the width and could match a shorter key
            sel = np.flatnonzero(fits)
            if len(sel):
                out[sel] = self.find([queries[i] for i in sel])
            return out
        arr = np.array(queries, dtype=f"<U{self.width}")
        idx = np.minimum(np.searchsorted(self.keys, arr), self._n - 1)
        hit = self.keys[idx] == arr
        out[hit] = idx[hit]
        return out

    def cover(self, texts: Iterable[str], max_len: int) -> dict[str, int]:
        """Every substring (up to `max_len` characters) of the texts that is a key, with its index.

        The keys must be prefix-closed (every prefix of a key is a key), like a vocabulary with its prefixes:
        then a walk from each position that stops at the first non-key finds them all, as a tokenizer does."""
        big = _SEPARATOR.join(texts)
        found: dict[str, int] = {}
        alive = list(range(len(big)))
        n = len(big)
        for length in range(1, max_len + 1):
            alive = [i for i in alive if i + length <= n]
            if not alive:
                break
            cands = [big[i:i + length] for i in alive]
            uniq = list(set(cands))
            idx = self.find(uniq)
            level = {u: int(k) for u, k in zip(uniq, idx) if k >= 0}
            if not level:
                break
            found.update(level)
            alive = [i for i, c in zip(alive, cands) if c in level]
        return found
