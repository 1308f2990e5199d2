"""Engine data built once into the cache folder as .npy files and memory-mapped on every later start.

Parsing the dictionary, jieba's word list and the embedding model's vocabulary and weights into Python objects
took seconds at every start. Here each is built once into sorted arrays (`editor.paths.cache_dir()/<name>/`,
written to a temporary folder and renamed, so a half-written cache is never read, and rebuilt when the
source's version changes), opened with `mmap_mode="r"` (nothing is read until it is used), and looked up
for a whole text at once with `np.searchsorted`.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import threading
from pathlib import Path
from typing import Callable, Iterable

import numpy as np

_SEPARATOR = "\x01"        # between texts in `SortedStrings.cover`: no key contains it
_lock = threading.Lock()


def source_tag(*parts: object) -> str:
    """A short tag for the versions and files the arrays were built from (part of the cache folder's name)."""
    return hashlib.blake2b(repr(parts).encode("utf-8"), digest_size=6).hexdigest()


def file_stamp(path: Path | str) -> tuple[str, int, int]:
    """Name, size and modification time of a source file, for `source_tag`."""
    st = os.stat(path)
    return (Path(path).name, st.st_size, st.st_mtime_ns)


def cached_arrays(name: str, tag: str, build: Callable[[], dict[str, np.ndarray]]) -> dict[str, np.ndarray]:
    """Return the arrays `build()` makes, memory-mapped from `cache_dir()/name-tag/`; build and store them first
    if they are not there. Without a usable cache folder they are built in memory every time."""
    from editor.paths import cache_dir

    with _lock:
        try:
            root = cache_dir()
        except OSError:
            return build()
        folder = root / f"{name}-{tag}"
        if not folder.is_dir():
            arrays = build()
            tmp = root / f".{name}-{tag}.{os.getpid()}.{threading.get_ident()}.tmp"
            try:
                shutil.rmtree(tmp, ignore_errors=True)
                tmp.mkdir()
                for key, value in arrays.items():
                    np.save(tmp / f"{key}.npy", np.ascontiguousarray(value), allow_pickle=False)
                try:
                    os.rename(tmp, folder)
                except OSError:         # another process finished first: use its copy
                    shutil.rmtree(tmp, ignore_errors=True)
                _remove_stale(root, name, keep=folder.name)
            except OSError:
                shutil.rmtree(tmp, ignore_errors=True)
                return arrays
        try:
            return {p.stem: np.load(p, mmap_mode="r", allow_pickle=False) for p in folder.glob("*.npy")}
        except (OSError, ValueError):   # damaged: build again next time
            shutil.rmtree(folder, ignore_errors=True)
            return build()


def _remove_stale(root: Path, name: str, keep: str) -> None:
    """Delete the caches of `name` built from older sources."""
    for old in root.glob(f"{name}-*"):
        if old.is_dir() and old.name != keep:
            shutil.rmtree(old, ignore_errors=True)


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
