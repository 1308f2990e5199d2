"""The engine's memory-mapped caches: built once, rebuilt for a new source, never read half-written; and the
vocabulary walk finds exactly what a full dictionary would."""

import numpy as np

from editor.alignment.arrays import SortedStrings, cached_arrays, string_array


def test_arrays_are_built_once_and_memory_mapped(tmp_path, monkeypatch):
    monkeypatch.setenv("DUIQI_CACHE_DIR", str(tmp_path))
    builds = []

    def build():
        builds.append(1)
        return {"values": np.arange(5)}

    first = cached_arrays("thing", "v1", build)
    second = cached_arrays("thing", "v1", build)
    assert len(builds) == 1
    assert isinstance(second["values"], np.memmap) and second["values"].tolist() == [0, 1, 2, 3, 4]
    assert first["values"].tolist() == [0, 1, 2, 3, 4]


def test_a_new_source_version_keeps_the_other_cache_until_it_is_unused_for_a_month(tmp_path, monkeypatch):
    import os
    import time

    from editor.alignment import arrays

    monkeypatch.setenv("DUIQI_CACHE_DIR", str(tmp_path))
    cached_arrays("thing", "v1", lambda: {"values": np.zeros(2)})
    assert cached_arrays("thing", "v2", lambda: {"values": np.ones(2)})["values"].tolist() == [1.0, 1.0]
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("thing")) == ["thing-v1", "thing-v2"]
    month_ago = time.time() - arrays.STALE_SECONDS - 60
    os.utime(tmp_path / "thing-v1", (month_ago, month_ago))
    cached_arrays("thing", "v3", lambda: {"values": np.ones(3)})
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("thing")) == ["thing-v2", "thing-v3"]


def test_a_build_that_fails_leaves_no_cache_behind(tmp_path, monkeypatch):
    monkeypatch.setenv("DUIQI_CACHE_DIR", str(tmp_path))

    def broken():
        raise RuntimeError("interrupted")

    try:
        cached_arrays("thing", "v1", broken)
    except RuntimeError:
        pass
    assert list(tmp_path.iterdir()) == []
    assert cached_arrays("thing", "v1", lambda: {"values": np.ones(1)})["values"].tolist() == [1.0]


def test_the_vocabulary_walk_finds_every_entry_a_dictionary_lookup_would():
    words = {"中", "中国", "中国人", "国", "国人", "人", "人民", "民", "a", "ab", "abc"}
    prefixes = {w[:k] for w in words for k in range(1, len(w) + 1)}
    table = SortedStrings(string_array(prefixes))
    texts = ["中国人民", "abcd", "人中", "国a人"]
    found = table.cover(texts, table.width)
    expected = {t[i:j] for t in texts for i in range(len(t)) for j in range(i + 1, len(t) + 1)} & prefixes
    assert set(found) == expected
    keys = table.keys.tolist()
    assert all(keys[k] == w for w, k in found.items())


def test_a_query_longer_than_every_key_is_not_found():
    table = SortedStrings(string_array(["ab", "abc"]))
    assert table.find(["abcdef", "abc", "x"]).tolist() == [-1, 1, -1]
