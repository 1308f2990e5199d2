"""Damaged caches are rebuilt, never used and never a crash (issue 26), and two installs of one version share
the engine's cached arrays instead of rebuilding each other's (issue 19)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import time

import numpy as np
import pytest

from editor.alignment import arrays
from editor.alignment.arrays import cached_arrays, file_stamp, source_tag


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("DUIQI_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(arrays, "_digests", None)
    return tmp_path / "cache"


def counted_build(builds: list):
    def build():
        builds.append(1)
        return {"values": np.arange(6, dtype=np.int64).reshape(2, 3), "words": np.array(["a", "bc"])}
    return build


def damage_zero_byte(folder):
    (folder / "values.npy").write_bytes(b"")


def damage_short(folder):
    raw = (folder / "values.npy").read_bytes()
    (folder / "values.npy").write_bytes(raw[:-8])


def damage_folder_is_a_file(folder):
    shutil.rmtree(folder)
    folder.write_bytes(b"not a folder")


def damage_content_in_place(folder):
    path = folder / "values.npy"
    raw = bytearray(path.read_bytes())
    raw[-1] ^= 0xFF                              # same size and shape, one value changed
    path.write_bytes(bytes(raw))
    later = time.time() + 5
    os.utime(path, (later, later))


def damage_manifest(folder):
    (folder / arrays.MANIFEST).write_text("{", encoding="utf-8")


def damage_missing_array(folder):
    (folder / "words.npy").unlink()


@pytest.mark.parametrize("damage", [damage_zero_byte, damage_short, damage_folder_is_a_file, damage_content_in_place,
                                    damage_manifest, damage_missing_array])
def test_a_damaged_array_cache_is_rebuilt(cache, damage):
    builds = []
    cached_arrays("thing", "v1", counted_build(builds))
    damage(cache / "thing-v1")
    again = cached_arrays("thing", "v1", counted_build(builds))
    assert len(builds) == 2
    assert again["values"].tolist() == [[0, 1, 2], [3, 4, 5]] and again["words"].tolist() == ["a", "bc"]
    assert isinstance(again["values"], np.memmap)               # stored again, not only built in memory
    assert len(cached_arrays("thing", "v1", counted_build(builds))["values"]) == 2 and len(builds) == 2


def test_a_cache_folder_that_is_a_file_builds_in_memory(tmp_path, monkeypatch):
    not_a_folder = tmp_path / "cache"
    not_a_folder.write_bytes(b"x")
    monkeypatch.setenv("DUIQI_CACHE_DIR", str(not_a_folder))
    assert cached_arrays("thing", "v1", lambda: {"values": np.ones(2)})["values"].tolist() == [1.0, 1.0]


def test_two_installs_of_one_version_share_one_cache(cache, tmp_path):
    first, second = tmp_path / "venv1" / "dict.txt", tmp_path / "venv2" / "dict.txt"
    for path, when in ((first, 1_000_000), (second, 2_000_000)):
        path.parent.mkdir()
        path.write_text("词 10\n", encoding="utf-8")
        os.utime(path, (when, when))
    tags = [source_tag("jieba", "0.42", file_stamp(p)) for p in (first, second)]
    assert tags[0] == tags[1]
    builds = []
    for tag in tags * 3:                        # switching between the two installs
        cached_arrays("jieba", tag, counted_build(builds))
    assert len(builds) == 1


def test_two_installs_of_different_versions_keep_both_caches(cache, tmp_path):
    builds = []
    for _ in range(3):
        cached_arrays("jieba", "old", counted_build(builds))
        cached_arrays("jieba", "new", counted_build(builds))
    assert len(builds) == 2
    assert sorted(p.name for p in cache.iterdir() if p.name.startswith("jieba")) == ["jieba-new", "jieba-old"]


def test_a_source_file_is_hashed_once_per_stat(cache, tmp_path, monkeypatch):
    source = tmp_path / "weights.npz"
    source.write_bytes(b"weights")
    stamp = file_stamp(source)
    monkeypatch.setattr(arrays, "_digests", None)          # a new process: the digest comes from the cache folder
    opened = []
    real_open = open
    monkeypatch.setattr("builtins.open", lambda f, *a, **k: opened.append(str(f)) or real_open(f, *a, **k))
    assert file_stamp(source) == stamp
    assert str(source) not in opened
    source.write_bytes(b"other!!")                          # changed content: a new digest
    assert file_stamp(source) != stamp


# -- the embedding cache (sqlite) --------------------------------------------------------------------------

embedding = pytest.importorskip("editor.alignment.embedding")
needs_model = pytest.mark.skipif(not embedding.available(), reason="the embedding model is not installed")
TEXTS = ["第一句话很短。", "The first sentence is short.", "第三段只有一句。"]


def fresh_sums(cache_dir):
    encoder = embedding.Encoder(disk_cache=True)
    sums, counts = encoder.pooled(TEXTS)
    if encoder._db is not None:
        encoder._db.close()
    return sums, counts


@needs_model
def test_short_and_bad_embedding_rows_are_encoded_again(cache):
    expected, counts = fresh_sums(cache)
    db = sqlite3.connect(str(cache / f"{embedding.MODEL_TAG}.sqlite"))
    keys = [embedding.Encoder._key(t) for t in TEXTS]
    db.execute("UPDATE pooled SET v = ? WHERE key = ?", (np.float32([1.0]).tobytes(), keys[0]))
    db.execute("UPDATE pooled SET v = ? WHERE key = ?", (np.full(embedding.DIM, np.nan, np.float32).tobytes(), keys[1]))
    db.execute("UPDATE pooled SET n = ? WHERE key = ?", ("many", keys[2]))
    db.commit()
    db.close()
    sums, again = fresh_sums(cache)
    np.testing.assert_array_equal(sums, expected)
    np.testing.assert_array_equal(again, counts)
    db = sqlite3.connect(str(cache / f"{embedding.MODEL_TAG}.sqlite"))
    assert all(len(v) == embedding.DIM * 4 for (v,) in db.execute("SELECT v FROM pooled"))   # replaced
    db.close()


@needs_model
@pytest.mark.parametrize("where", ["header", "pages"])
def test_a_malformed_embedding_database_is_started_afresh(cache, where):
    expected, _ = fresh_sums(cache)
    path = cache / f"{embedding.MODEL_TAG}.sqlite"
    for suffix in ("-wal", "-shm"):
        (cache / f"{path.name}{suffix}").unlink(missing_ok=True)
    raw = bytearray(path.read_bytes())
    start = 0 if where == "header" else 4096
    raw[start:start + 8192] = os.urandom(len(raw[start:start + 8192]))
    path.write_bytes(bytes(raw))
    sums, _ = fresh_sums(cache)
    np.testing.assert_array_equal(sums, expected)


def test_align_rebuilds_damaged_engine_caches_instead_of_failing(tmp_path):
    from tests.hostile.limited import duiqi

    cache = tmp_path / "cache"
    zh, en = tmp_path / "zh.txt", tmp_path / "en.txt"
    zh.write_text("第一句话很短。第二句话有数字42。\n", encoding="utf-8")
    en.write_text("The first sentence is short. The second one has the number 42.\n", encoding="utf-8")
    env = {"DUIQI_CACHE_DIR": str(cache)}
    first = duiqi(tmp_path, "align", zh, en, "-o", tmp_path / "a.json", "--mode", "fast", "-q", env=env)
    assert first.status == 0, first.stderr
    folders = [p for p in cache.iterdir() if p.is_dir()]
    assert folders
    for folder in folders:                                   # every cached array emptied or replaced by a file
        victim = next(folder.glob("*.npy"))
        victim.write_bytes(b"")
    second = duiqi(tmp_path, "align", zh, en, "-o", tmp_path / "b.json", "--mode", "fast", "-q", env=env)
    assert (second.status, second.stderr) == (0, "")
    assert (tmp_path / "a.json").read_text("utf-8") == (tmp_path / "b.json").read_text("utf-8")
