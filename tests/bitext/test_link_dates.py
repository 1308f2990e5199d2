"""Every link knows when it was created and last changed, and by whom (None: whoever exports): the aligner,
edits, undo/redo, the project file and the crash journal all keep those times and people (TMX export
writes them: tests/exchange/test_tmx_dates.py)."""

from __future__ import annotations

import json
import os
from datetime import datetime, timedelta, timezone

import pytest

from editor import alignment
from editor.bitext import edits
from editor.bitext.document import AlignmentDocument, Bead, BeadStatus, Side
from editor.bitext.journal import History, Journal, Step, _decode, _encode, copy_document, read_journal
from editor.bitext.project import document_to_dict, load_project, save_project
from editor.errors import MalformedFileError
from editor.workflow import align_document, alignment_change
from tests.conftest import CLOCK_START

UTC = timezone.utc
ALIGNED = CLOCK_START        # where the `clock` fixture (tests/conftest.py) starts
EDITED = datetime(2026, 3, 2, 14, 30, 5, tzinfo=UTC)
LATER = datetime(2026, 3, 3, 8, 15, 0, tzinfo=UTC)
REPLAYED = datetime(2026, 3, 9, 23, 0, 0, tzinfo=UTC)


def times(doc: AlignmentDocument) -> list[tuple[datetime, datetime]]:
    return [(b.created, b.changed) for b in doc.beads]


def aligned_document() -> AlignmentDocument:
    """Four 1-1 links (and nothing unlinked) made by the aligner at ALIGNED."""
    doc = AlignmentDocument.from_texts([(f"第{i}句。", 0) for i in range(4)],
                                       [(f"Sentence {i}.", 0) for i in range(4)])
    doc.apply(alignment_change(doc, [alignment.AlignedBead((i,), (i,), 0.9) for i in range(4)], now=ALIGNED))
    return doc


# -- the model -------------------------------------------------------------------------------------


def test_dates_do_not_take_part_in_bead_equality_or_hash():
    a = Bead((0,), (1,), 0.5, BeadStatus.AUTO, ALIGNED, ALIGNED)
    b = Bead((0,), (1,), 0.5, BeadStatus.AUTO, ALIGNED, EDITED)
    assert a == b and hash(a) == hash(b) and (a.changed, b.changed) == (ALIGNED, EDITED)


def test_a_bead_made_without_dates_reads_the_clock_and_times_are_utc_whole_seconds(clock):
    assert (Bead((0,), ()).created, Bead((0,), ()).changed) == (ALIGNED, ALIGNED)
    local = datetime(2026, 3, 2, 22, 30, 5, 999, tzinfo=timezone(timedelta(hours=8)))
    assert Bead((0,), (), changed=local).changed == EDITED == Bead((0,), (), changed=local).created


def test_the_aligner_dates_its_links_with_the_time_of_the_alignment(clock):
    doc = AlignmentDocument.from_texts([("今天天气很好。", 0), ("我们去公园。", 0)],
                                       [("The weather is nice today.", 0), ("We go to the park.", 0)])
    clock.now = EDITED
    doc.apply(align_document(doc, mode="fast"))
    assert [b.kind for b in doc.beads] == [(1, 1), (1, 1)]
    assert times(doc) == [(EDITED, EDITED)] * 2


def test_re_alignment_keeps_the_dates_of_links_it_gives_again_and_dates_the_new_ones():
    doc = aligned_document()
    again = [alignment.AlignedBead((0,), (0,), 0.9), alignment.AlignedBead((1,), (1,), 0.9),
             alignment.AlignedBead((2, 3), (2, 3), 0.7)]
    doc.apply(alignment_change(doc, again, now=EDITED))
    assert times(doc) == [(ALIGNED, ALIGNED), (ALIGNED, ALIGNED), (EDITED, EDITED)]


# -- edits -----------------------------------------------------------------------------------------


def test_an_edit_dates_the_link_it_changes_and_leaves_the_others_alone(clock):
    doc = aligned_document()
    clock.now = EDITED
    doc.apply(edits.edit_text(doc, doc.tgt[1].id, "Sentence one, edited."))
    assert times(doc) == [(ALIGNED, ALIGNED), (ALIGNED, EDITED), (ALIGNED, ALIGNED), (ALIGNED, ALIGNED)]


def test_confirming_and_unconfirming_date_the_link_and_keep_its_creation():
    doc = aligned_document()
    doc.apply(edits.confirm(doc, 2, now=EDITED))
    assert doc.beads[2].status is BeadStatus.CONFIRMED and times(doc)[2] == (ALIGNED, EDITED)
    doc.apply(edits.set_status(doc, 2, 2, BeadStatus.AUTO, "Unconfirm", now=LATER))
    assert times(doc)[2] == (ALIGNED, LATER) and times(doc)[1] == (ALIGNED, ALIGNED)


def test_confirming_a_link_already_confirmed_leaves_its_dates():
    doc = aligned_document()
    doc.apply(edits.confirm(doc, 0, now=EDITED))
    doc.apply(edits.confirm_through(doc, 1, now=LATER))
    assert times(doc)[:2] == [(ALIGNED, EDITED), (ALIGNED, LATER)]


def test_a_merge_keeps_the_earliest_creation_date_of_the_links_merged():
    doc = aligned_document()
    doc.beads[1] = doc.beads[1].dated(EDITED, EDITED)          # a link made later by hand
    doc.apply(edits.merge_beads(doc, 0, 1, now=LATER))
    assert times(doc) == [(ALIGNED, LATER), (ALIGNED, ALIGNED), (ALIGNED, ALIGNED)]


def test_splitting_a_link_gives_each_part_the_links_creation_date():
    doc = aligned_document()
    doc.apply(edits.merge_beads(doc, 0, 1, now=EDITED))
    doc.apply(edits.split_into_one_to_one(doc, 0, now=LATER))
    assert times(doc)[:2] == [(ALIGNED, LATER), (ALIGNED, LATER)]


def test_a_link_made_of_unlinked_sentences_is_new_and_one_taken_from_a_link_keeps_its_creation():
    doc = aligned_document()
    doc.apply(edits.unlink(doc, 3, now=EDITED))
    assert [b.kind for b in doc.beads[3:]] == [(1, 0), (0, 1)] and times(doc)[3:] == [(ALIGNED, EDITED)] * 2
    doc.apply(edits.link(doc, [doc.src[3].id], [doc.tgt[3].id], now=LATER))
    assert times(doc)[3] == (LATER, LATER)
    doc.apply(edits.link(doc, [doc.src[0].id], [doc.tgt[0].id, doc.tgt[1].id], now=LATER))
    assert doc.beads[0].kind == (1, 2) and times(doc)[0] == (ALIGNED, LATER)


def test_sentence_edits_date_the_link_that_holds_the_sentence(clock):
    doc = aligned_document()
    clock.now = EDITED
    doc.apply(edits.split_segment(doc, doc.src[0].id, 2))
    doc.apply(edits.insert_segment(doc, Side.TGT, 4, "Appended."))
    assert times(doc) == [(ALIGNED, EDITED)] + [(ALIGNED, ALIGNED)] * 3 + [(EDITED, EDITED)]
    clock.now = LATER
    doc.apply(edits.merge_segments(doc, doc.tgt[1].id))
    doc.apply(edits.replace_text(doc, Side.SRC, "第3句", "第三句"))
    assert times(doc) == [(ALIGNED, EDITED), (ALIGNED, LATER), (ALIGNED, LATER), (EDITED, EDITED)]


def test_undo_restores_the_old_dates_exactly_and_redo_puts_back_the_time_of_the_edit(clock):
    doc = aligned_document()
    before = times(doc)
    clock.now = EDITED
    change = edits.merge_beads(doc, 1, 2)
    undo = doc.apply(change)
    after = times(doc)
    assert after[1] == (ALIGNED, EDITED)
    clock.now = LATER                     # undo and redo happen later: neither reads the clock
    doc.apply(undo)
    assert times(doc) == before
    doc.apply(change)
    assert times(doc) == after


# -- the project file ------------------------------------------------------------------------------


def test_save_and_open_keep_every_links_dates(tmp_path, clock):
    doc = aligned_document()
    doc.apply(edits.confirm(doc, 1, now=EDITED))
    doc.apply(edits.link(doc, [doc.src[2].id], [doc.tgt[2].id, doc.tgt[3].id], now=LATER))
    save_project(doc, tmp_path / "a.duiqi")
    data = json.loads((tmp_path / "a.duiqi").read_text(encoding="utf-8"))
    assert data["version"] == 3
    assert data["beads"][1] == {"src": [1], "tgt": [5], "confidence": 0.9, "status": "confirmed",
                                "changed": "2026-03-02T14:30:05Z", "created": "2026-03-01T09:00:00Z",
                                "edited": True}       # the edit record: a person confirmed it here
    assert "created" not in data["beads"][0]          # left out when it equals "changed"
    assert "edited" not in data["beads"][0]           # the engine's link: no edit record
    clock.now = REPLAYED
    again = load_project(tmp_path / "a.duiqi")
    assert again.snapshot() == doc.snapshot() and times(again) == times(doc)


@pytest.mark.parametrize("version", [1, 2])
def test_an_old_project_opens_with_its_links_dated_when_the_file_was_saved(tmp_path, clock, version):
    data = document_to_dict(aligned_document())
    data["version"] = version
    for bead in data["beads"]:
        del bead["changed"]
    if version == 1:
        del data["marks"]
    path = tmp_path / "old.duiqi"
    path.write_text(json.dumps(data), encoding="utf-8")
    os.utime(path, (LATER.timestamp(), LATER.timestamp()))
    clock.now = REPLAYED
    doc = load_project(path)
    assert [b.kind for b in doc.beads] == [(1, 1)] * 4 and times(doc) == [(LATER, LATER)] * 4


def test_a_project_with_a_time_that_is_not_one_names_the_file_and_the_link(tmp_path):
    path = tmp_path / "bad.duiqi"
    save_project(aligned_document(), path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["beads"][2]["changed"] = "yesterday"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(MalformedFileError, match=r"bad\.duiqi.*change time of link 3.*yesterday"):
        load_project(path)


# -- the crash journal -----------------------------------------------------------------------------


def edited_session(tmp_path) -> tuple[Journal, AlignmentDocument, list[Step]]:
    """A journal of three edits at EDITED, LATER, LATER with the last one undone."""
    doc = aligned_document()
    journal = Journal(tmp_path / "s.journal", History(copy_document(doc), [], 0, -1))
    steps: list[Step] = []
    for build in (lambda d: edits.confirm(d, 0, now=EDITED),
                  lambda d: edits.merge_beads(d, 1, 2, now=LATER),
                  lambda d: edits.edit_text(d, d.src[0].id, "改过的句子。", now=LATER)):
        change = build(doc)
        doc.apply(change)
        steps.append(Step(change.description, (change,)))
        journal.record_history(steps, len(steps), -1)
    for change in reversed(steps[-1].changes):
        doc.apply(change.inverted())
    journal.record_history(steps, 2, -1)
    return journal, doc, steps


def test_journal_replay_gives_the_links_the_times_of_the_edits_not_of_the_replay(tmp_path, clock):
    journal, doc, _ = edited_session(tmp_path)
    journal.close()
    clock.now = REPLAYED
    replay = read_journal(tmp_path / "s.journal")
    assert replay.stopped is None
    history = replay.history
    assert times(history.document()) == times(doc) == [(ALIGNED, EDITED), (ALIGNED, LATER), (ALIGNED, ALIGNED)]
    history.index = 3                                  # redo the undone edit from the replayed history
    assert times(history.document())[0] == (ALIGNED, LATER)
    journal = Journal(tmp_path / "s.journal", history)     # compaction writes the base with its times
    journal.close()
    assert times(read_journal(tmp_path / "s.journal").history.document())[0] == (ALIGNED, LATER)


def test_a_version_1_journal_replays_with_its_links_dated_when_the_file_was_written(tmp_path, clock):
    journal, doc, _ = edited_session(tmp_path)
    journal.close()
    path = tmp_path / "s.journal"
    records = [_decode(line) for line in path.read_bytes().splitlines(keepends=True)]

    def strip(value):                        # version 1 wrote beads as [src, tgt, confidence, status]
        if isinstance(value, list) and len(value) in (5, 6, 8, 9) and isinstance(value[3], str) \
                and value[3] in {"auto", "confirmed", "edited"}:
            return value[:4]
        if isinstance(value, list):
            return [strip(v) for v in value]
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items()}
        return value

    records = [strip(r) for r in records]
    records[0]["v"] = 1
    path.write_bytes(b"".join(_encode(r) for r in records))
    os.utime(path, (LATER.timestamp(), LATER.timestamp()))
    clock.now = REPLAYED
    replay = read_journal(path)
    assert replay.stopped is None and replay.history.document().snapshot() == doc.snapshot()
    assert set(times(replay.history.document())) == {(LATER, LATER)}


# -- who created and changed each link ---------------------------------------------------------------


def people(doc: AlignmentDocument) -> list[tuple[str | None, str | None]]:
    return [(b.created_by, b.changed_by) for b in doc.beads]


def foreign_document() -> AlignmentDocument:
    """Four 1-1 links as a client's TM gave them: created by ANN, DAN, ANN, CAT and changed by BOB, BOB,
    ANN, CAT, at ALIGNED except the second (created at EDITED)."""
    doc = aligned_document()
    who = [("ANN", "BOB"), ("DAN", "BOB"), ("ANN", "ANN"), ("CAT", "CAT")]
    doc.beads = [b.with_history(EDITED if k == 1 else ALIGNED, EDITED if k == 1 else ALIGNED, *who[k])
                 for k, b in enumerate(doc.beads)]
    return doc


def test_people_do_not_take_part_in_bead_equality_and_are_kept_stripped():
    a = Bead((0,), (1,), 0.5, BeadStatus.AUTO, ALIGNED, ALIGNED)
    b = Bead((0,), (1,), 0.5, BeadStatus.AUTO, ALIGNED, ALIGNED, " ANN ", "")
    assert a == b and hash(a) == hash(b)
    assert (a.created_by, a.changed_by) == (None, None) and (b.created_by, b.changed_by) == ("ANN", None)
    assert b.dated(EDITED, LATER).created_by == "ANN"                 # other times, the same people


@pytest.mark.parametrize("value, problem", [
    (42, "not text"), ("A\tB", "control character"), ("A\x85B", "control character"), ("x" * 300, "300 characters"),
    ("\ud800", "surrogate"),
])
def test_a_bead_refuses_a_person_no_id_can_be(value, problem):
    with pytest.raises(ValueError, match=problem):
        Bead((0,), (1,), 0.5, BeadStatus.AUTO, ALIGNED, ALIGNED, value, None)


def test_re_alignment_keeps_the_people_of_links_it_gives_again_and_new_links_have_none():
    doc = foreign_document()
    doc.apply(edits.confirm(doc, 3, now=EDITED))                      # fixed: CAT created it, the user confirmed
    again = [alignment.AlignedBead((0,), (0,), 0.9), alignment.AlignedBead((1, 2), (1, 2), 0.7),
             alignment.AlignedBead((3,), (3,), 0.9)]
    doc.apply(alignment_change(doc, again, now=LATER))
    assert people(doc) == [("ANN", "BOB"), (None, None), ("CAT", None)]
    assert times(doc) == [(ALIGNED, ALIGNED), (LATER, LATER), (ALIGNED, EDITED)]


def test_an_edit_credits_the_link_it_changes_to_whoever_exports_and_keeps_its_creator(clock):
    doc = foreign_document()
    clock.now = LATER
    doc.apply(edits.edit_text(doc, doc.tgt[0].id, "Sentence zero, edited."))
    doc.apply(edits.confirm(doc, 2))
    assert people(doc) == [("ANN", None), ("DAN", "BOB"), ("ANN", None), ("CAT", "CAT")]


def test_a_merge_keeps_the_creator_of_the_link_created_first():
    doc = foreign_document()                     # link 1 (DAN) was created after links 0 (ANN) and 2 (ANN)
    doc.apply(edits.merge_beads(doc, 1, 2, now=LATER))
    assert people(doc) == [("ANN", "BOB"), ("ANN", None), ("CAT", "CAT")] and times(doc)[1] == (ALIGNED, LATER)
    doc = foreign_document()
    doc.beads[1] = doc.beads[1].dated(ALIGNED, ALIGNED)      # created in the same second: the first one's creator
    doc.apply(edits.merge_beads(doc, 0, 1, now=LATER))
    assert people(doc)[0] == ("ANN", None)
    doc = foreign_document()
    doc.beads[0] = doc.beads[0].dated(LATER, LATER)          # now DAN's link is the older one
    doc.apply(edits.merge_beads(doc, 0, 1, now=LATER))
    assert people(doc)[0] == ("DAN", None) and times(doc)[0] == (EDITED, LATER)


def test_splitting_a_link_gives_each_part_the_creator_of_the_link_split():
    doc = foreign_document()
    doc.apply(edits.merge_beads(doc, 0, 1, now=EDITED))
    doc.beads[0] = doc.beads[0].with_history(ALIGNED, EDITED, "ANN", "EVE")
    doc.apply(edits.split_into_one_to_one(doc, 0, now=LATER))
    assert people(doc)[:2] == [("ANN", None), ("ANN", None)]


def test_a_link_made_of_unlinked_sentences_has_no_creator_and_one_taken_from_a_link_keeps_it():
    doc = foreign_document()
    doc.apply(edits.unlink(doc, 3, now=EDITED))
    assert people(doc)[3:] == [("CAT", None), ("CAT", None)]           # the sentences were part of CAT's link
    doc.apply(edits.link(doc, [doc.src[3].id], [doc.tgt[3].id], now=LATER))
    assert people(doc)[3] == (None, None)
    doc.apply(edits.link(doc, [doc.src[1].id], [doc.tgt[1].id], now=LATER))          # re-linked, same sentences
    assert people(doc)[1] == ("DAN", None)
    doc.apply(edits.link(doc, [doc.src[1].id], [doc.tgt[1].id, doc.tgt[2].id], now=LATER))
    assert doc.beads[1].kind == (1, 2) and people(doc)[1] == ("ANN", None)   # ANN's link 2 is older than DAN's


def test_undo_restores_the_people_exactly_and_redo_puts_back_the_edits():
    doc = foreign_document()
    before = people(doc)
    change = edits.merge_beads(doc, 0, 1, now=LATER)
    undo = doc.apply(change)
    after = people(doc)
    assert after[0] == ("ANN", None)
    doc.apply(undo)
    assert people(doc) == before
    doc.apply(change)
    assert people(doc) == after


def test_save_and_open_keep_every_links_people_and_write_them_only_when_known(tmp_path, clock):
    doc = foreign_document()
    doc.apply(edits.confirm(doc, 0, now=LATER))
    doc.apply(edits.link(doc, [doc.src[3].id], [doc.tgt[3].id], now=LATER, status=BeadStatus.EDITED))
    doc.beads[3] = doc.beads[3].with_history(LATER, LATER, None, None)
    save_project(doc, tmp_path / "a.duiqi")
    data = json.loads((tmp_path / "a.duiqi").read_text(encoding="utf-8"))
    assert data["version"] == 3
    assert [(b.get("created_by"), b.get("changed_by")) for b in data["beads"]] == people(doc) == [
        ("ANN", None), ("DAN", "BOB"), ("ANN", "ANN"), (None, None)]
    assert "changed_by" not in data["beads"][0] and not {"created_by", "changed_by"} & set(data["beads"][3])
    clock.now = REPLAYED
    again = load_project(tmp_path / "a.duiqi")
    assert again.snapshot() == doc.snapshot() and people(again) == people(doc) and times(again) == times(doc)


@pytest.mark.parametrize("version", [1, 2, 3])
def test_a_project_from_before_people_opens_with_links_by_whoever_exports(tmp_path, version):
    data = document_to_dict(aligned_document())
    data["version"] = version
    assert not any({"created_by", "changed_by"} & set(b) for b in data["beads"])
    if version < 3:
        for bead in data["beads"]:
            del bead["changed"]
    path = tmp_path / "old.duiqi"
    path.write_text(json.dumps(data), encoding="utf-8")
    doc = load_project(path)
    assert [b.kind for b in doc.beads] == [(1, 1)] * 4 and people(doc) == [(None, None)] * 4


@pytest.mark.parametrize("key, value, problem", [
    ("created_by", 42, r"creator of link 3 is 42, not text"),
    ("changed_by", ["BOB"], r"last changer of link 3 is list, not text"),
    ("created_by", "A\tB", r"creator of link 3.*control character \(U\+0009\)"),
    ("changed_by", "B" * 1000, r"last changer of link 3.*1000 characters long"),
    ("created_by", "\ud800", r"creator of link 3.*surrogate"),
])
def test_a_project_with_a_person_that_is_not_one_names_the_file_and_the_link(tmp_path, key, value, problem):
    path = tmp_path / "bad.duiqi"
    save_project(foreign_document(), path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["beads"][2][key] = value
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(MalformedFileError, match=r"bad\.duiqi.*" + problem):
        load_project(path)


def test_journal_replay_gives_back_the_people_of_every_link(tmp_path, clock):
    doc = foreign_document()
    journal = Journal(tmp_path / "p.journal", History(copy_document(doc), [], 0, -1))
    steps: list[Step] = []
    for build in (lambda d: edits.confirm(d, 0, now=EDITED), lambda d: edits.merge_beads(d, 1, 2, now=LATER)):
        change = build(doc)
        doc.apply(change)
        steps.append(Step(change.description, (change,)))
        journal.record_history(steps, len(steps), -1)
    journal.close()
    expected = [("ANN", None), ("ANN", None), ("CAT", "CAT")]
    assert people(doc) == expected
    clock.now = REPLAYED
    history = read_journal(tmp_path / "p.journal").history
    assert people(history.document()) == expected and times(history.document()) == times(doc)
    history.index = 1                                       # undo the merge from the replayed history
    assert people(history.document()) == [("ANN", None), ("DAN", "BOB"), ("ANN", "ANN"), ("CAT", "CAT")]
    journal = Journal(tmp_path / "p.journal", history)      # compaction writes the base with its people
    journal.close()
    assert people(read_journal(tmp_path / "p.journal").history.base) == people(foreign_document())


def test_a_version_2_journal_from_before_people_still_replays(tmp_path, clock):
    journal, doc, _ = edited_session(tmp_path)               # links without people: written as version 2 did
    journal.close()
    path = tmp_path / "s.journal"
    records = [_decode(line) for line in path.read_bytes().splitlines(keepends=True)]
    records[0]["v"] = 2
    path.write_bytes(b"".join(_encode(r) for r in records))
    replay = read_journal(path)
    assert replay.stopped is None and replay.history.document().snapshot() == doc.snapshot()
    assert times(replay.history.document()) == times(doc) and set(people(replay.history.document())) == {(None, None)}


def test_a_journal_with_a_person_that_is_not_one_is_damaged(tmp_path):
    journal = Journal(tmp_path / "p.journal", History(foreign_document(), [], 0, -1))
    journal.close()
    path = tmp_path / "p.journal"
    record = _decode(path.read_bytes())
    record["doc"]["beads"][1][6] = "A\x00B"
    path.write_bytes(_encode(record))
    with pytest.raises(MalformedFileError, match=r"p\.journal.*creator.*control character"):
        read_journal(path)
