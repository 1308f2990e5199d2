"""The collection folder: index, documents saved one per file, counts for the list, and bad input named."""

from __future__ import annotations

import json
import shutil

import pytest

from editor.collection import INDEX_NAME, Collection, is_collection
from editor.collection.store import FAILED, REVIEWED, TO_ALIGN, TO_REVIEW, UNCHECKED
from editor.errors import InputFileError
from tests.collection.helpers import make_collection


def test_a_collection_saves_one_project_per_document_and_an_index_with_relative_paths(tmp_path):
    collection = make_collection(tmp_path)
    folder = collection.folder
    assert is_collection(folder) and is_collection(folder / INDEX_NAME)
    names = sorted(e.name for e in collection.entries)
    assert names == ["dialogue", "letter", "memo", "sample"]
    assert sorted(p.name for p in folder.glob("*.duiqi")) == [f"{n}.duiqi" for n in names]
    data = json.loads((folder / INDEX_NAME).read_text(encoding="utf-8"))
    assert all(not d["file"].startswith("/") and not d["zh"].startswith("/") for d in data["documents"])
    again = Collection.open(folder)
    letter = again.entry("letter")
    assert letter.stats.links == 3 and again.sources(letter)[0].name == "letter.zh.txt"
    assert len(again.load(letter).beads) == 3 and not again.stale(letter)


def test_a_moved_collection_folder_still_opens(tmp_path):
    collection = make_collection(tmp_path)
    moved = tmp_path / "elsewhere" / "archive"
    moved.parent.mkdir()
    shutil.move(str(collection.folder), str(moved))
    again = Collection.open(moved)
    assert [again.problem(e) for e in again.entries] == [None] * 4
    assert len(again.load(again.entry("memo")).beads) == 2


def test_statuses_follow_the_documents(tmp_path):
    from editor.bitext import edits

    collection = make_collection(tmp_path)
    memo = collection.entry("memo")
    # nothing doubtful and nobody has confirmed a link: not "reviewed", the engine's word is not a review
    assert memo.stats.doubtful == 0 and memo.stats.confirmed == 0 and memo.status == UNCHECKED
    doc = collection.load(memo)
    for k in range(len(doc.beads)):
        doc.apply(edits.confirm(doc, k))
    collection.save_document(memo, doc)
    assert memo.status == REVIEWED and memo.stats.percent_confirmed == 100.0
    collection.fail(collection.entry("letter"), "letter.zh.txt: cannot read")
    assert collection.entry("letter").status == FAILED
    assert Collection.open(collection.folder).entry("letter").error == "letter.zh.txt: cannot read"
    collection.entry("dialogue").file = None
    collection.entry("dialogue").error = None
    assert collection.entry("dialogue").status == TO_ALIGN
    assert collection.entry("sample").status in (TO_REVIEW, UNCHECKED)


def test_a_document_whose_only_doubtful_sentences_were_confirmed_unlinked_is_reviewed(tmp_path):
    # an X11 audit: a document whose only flagged items were sentences without counterpart, each confirmed as such,
    # read "nothing doubtful" (0 % confirmed: no link was), as if nobody had looked at it
    from editor.bitext import edits
    from editor.bitext.document import Bead

    collection = make_collection(tmp_path)
    memo = collection.entry("memo")
    doc = collection.load(memo)
    first = doc.beads[0]
    doc.apply(edits.replace_beads(doc, 0, 0, [Bead(first.src, ()), Bead((), first.tgt)], "unlink"))
    for k in (0, 1):
        doc.apply(edits.confirm(doc, k))
    collection.save_document(memo, doc)
    assert memo.stats.confirmed == 0 and memo.stats.doubtful == 0 and memo.status == REVIEWED
    assert Collection.open(collection.folder).entry("memo").status == REVIEWED        # kept in the index


def test_a_damaged_index_is_named(tmp_path):
    collection = make_collection(tmp_path)
    index = collection.folder / INDEX_NAME
    index.write_text('{"format": "duiqi-collection", "version": 1, "documents": [', encoding="utf-8")
    with pytest.raises(InputFileError, match="collection index is damaged") as caught:
        Collection.open(collection.folder)
    assert caught.value.path == index
    index.write_text('{"format": "duiqi-collection", "version": 1, "documents": [{"file": "a.duiqi"}]}',
                     encoding="utf-8")
    with pytest.raises(InputFileError, match="document 1 has no name"):
        Collection.open(collection.folder)
    index.write_text('{"format": "duiqi-collection", "version": 9, "documents": []}', encoding="utf-8")
    with pytest.raises(InputFileError, match="newer Duiqi"):
        Collection.open(collection.folder)


def test_a_folder_without_an_index_is_named(tmp_path):
    with pytest.raises(InputFileError, match="not a Duiqi collection") as caught:
        Collection.open(tmp_path)
    assert caught.value.path == tmp_path


def test_a_moved_document_file_is_named_and_the_others_still_open(tmp_path):
    collection = make_collection(tmp_path)
    (collection.folder / "memo.duiqi").rename(tmp_path / "memo.duiqi")
    again = Collection.open(collection.folder)
    assert "memo.duiqi" in again.problem(again.entry("memo"))
    with pytest.raises(InputFileError, match="missing") as caught:
        again.load(again.entry("memo"))
    assert caught.value.path == collection.folder / "memo.duiqi"
    assert again.refresh_stats() == ["memo"]
    assert len(again.load(again.entry("letter")).beads) == 3


def test_a_document_changed_outside_is_counted_again(tmp_path):
    from editor.bitext.project import save_project

    collection = make_collection(tmp_path)
    memo = collection.entry("memo")
    doc = collection.load(memo)
    from editor.bitext import edits
    doc.apply(edits.unlink(doc, 0))
    save_project(doc, collection.path_of(memo))
    again = Collection.open(collection.folder)
    assert again.stale(again.entry("memo"))
    again.refresh_stats()
    assert again.entry("memo").stats.links == 1 and not again.stale(again.entry("memo"))


def test_creating_over_an_existing_collection_is_refused(tmp_path):
    collection = make_collection(tmp_path)
    from editor.collection.pairing import Pairing
    with pytest.raises(InputFileError, match="holds a collection already"):
        Collection.create(collection.folder, Pairing())


def test_the_collection_lock_is_held_until_released_and_names_the_holder(tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    from editor.collection.store import LOCK_NAME

    collection = make_collection(tmp_path)
    held = Collection.open(collection.folder).lock()
    assert held is not None and held.held
    with pytest.raises(InputFileError) as caught:
        Collection.open(collection.folder).lock()
    assert str(collection.folder) in str(caught.value) and f"process {os.getpid()}" in str(caught.value)
    held.release()
    again = Collection.open(collection.folder).lock()
    assert again is not None
    again.release()
    # another process holding it: refused while it runs; the lock goes with the process, however it ends
    child = subprocess.Popen([sys.executable, "-c", "import sys; from editor.file_locks import HeldLock; "
                              f"held = HeldLock.take({str(collection.folder / LOCK_NAME)!r}); print('held', flush=True); "
                              "sys.stdin.read()"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                             cwd=Path(__file__).resolve().parents[2])
    try:
        assert child.stdout.readline().strip() == "held"
        with pytest.raises(InputFileError, match=f"process {child.pid}"):
            Collection.open(collection.folder).lock()
    finally:
        child.kill()
        child.wait()
    last = Collection.open(collection.folder).lock()
    assert last is not None
    last.release()


def test_the_index_counts_unlinked_sentence_groups_and_counts_again_an_index_that_did_not(tmp_path):
    from editor.bitext import edits
    from editor.bitext.project import save_project

    collection = make_collection(tmp_path)
    memo = collection.entry("memo")
    doc = collection.load(memo)
    doc.apply(edits.unlink(doc, 0))                  # one link becomes a Chinese and an English group
    save_project(doc, collection.path_of(memo))
    collection.record_stats(memo, doc)
    collection.write_index()
    again = Collection.open(collection.folder)
    assert again.entry("memo").stats.unlinked == 2 and not again.stale(again.entry("memo"))
    data = json.loads(again.index_path.read_text(encoding="utf-8"))
    for item in data["documents"]:                   # an index written before it kept the count
        item.get("stats", {}).pop("unlinked", None)
    again.index_path.write_text(json.dumps(data), encoding="utf-8")
    old = Collection.open(collection.folder)
    assert old.entry("memo").stats.unlinked is None and old.stale(old.entry("memo"))
    old.refresh_stats()
    assert old.entry("memo").stats.unlinked == 2 and old.entry("letter").stats.unlinked == 0
