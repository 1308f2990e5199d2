"""Every link knows when it was created and last changed: the aligner, edits, undo/redo, the project file
and the crash journal all keep those times (TMX export writes them: tests/exporting/test_tmx_dates.py)."""

from __future__ import annotations

import json
import os
from datetime import datetime, timedelta, timezone

import pytest

from editor import alignment
from editor.bitext import document, edits
from editor.bitext.document import AlignmentDocument, Bead, BeadStatus, Side
from editor.bitext.journal import History, Journal, Step, _decode, _encode, copy_document, read_journal
from editor.bitext.project import document_to_dict, load_project, save_project
from editor.errors import MalformedFileError
from editor.workflow import align_document, alignment_change

UTC = timezone.utc
ALIGNED = datetime(2026, 3, 1, 9, 0, 0, tzinfo=UTC)
EDITED = datetime(2026, 3, 2, 14, 30, 5, tzinfo=UTC)
LATER = datetime(2026, 3, 3, 8, 15, 0, tzinfo=UTC)
REPLAYED = datetime(2026, 3, 9, 23, 0, 0, tzinfo=UTC)


class Clock:
    """A clock the test sets by hand (document.clock is replaced by it: no sleeping)."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock(monkeypatch) -> Clock:
    fake = Clock(ALIGNED)
    monkeypatch.setattr(document, "clock", fake)
    return fake


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
                                "changed": "2026-03-02T14:30:05Z", "created": "2026-03-01T09:00:00Z"}
    assert "created" not in data["beads"][0]          # left out when it equals "changed"
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
        if isinstance(value, list) and len(value) in (5, 6) and isinstance(value[3], str) \
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
