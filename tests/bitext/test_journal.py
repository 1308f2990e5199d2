"""The edit journal: written record by record, replayed onto its base, a torn last record is a normal case."""

from __future__ import annotations

import random

import pytest

from editor.bitext.document import AlignmentDocument
from editor.bitext.journal import History, Journal, Step, copy_document, history_from_steps, read_journal
from editor.errors import MalformedFileError
from tests.bitext.edit_script import random_change, start_document


class Session:
    """An undo stack in miniature (push discards what was undone), written to a journal after each move."""

    def __init__(self, path, doc: AlignmentDocument | None = None) -> None:
        self.doc = doc or start_document()
        self.steps: list[Step] = []
        self.index = 0
        self.clean = -1
        self.journal = Journal(path, History(self.doc, [], 0, -1, {"title": "天气"}))
        self.states = [self.doc.snapshot()]          # the document after each recorded move

    def push(self, rng: random.Random) -> None:
        change = random_change(self.doc, rng)
        self.doc.apply(change)
        self.steps = self.steps[:self.index] + [Step(change.description, (change,))]
        if self.clean > self.index:
            self.clean = -1               # as QUndoStack: the clean state was discarded
        self.index += 1
        self._record()

    def undo(self) -> None:
        for change in reversed(self.steps[self.index - 1].changes):
            self.doc.apply(change.inverted())
        self.index -= 1
        self._record()

    def redo(self) -> None:
        for change in self.steps[self.index].changes:
            self.doc.apply(change)
        self.index += 1
        self._record()

    def save(self) -> None:
        self.clean = self.index
        self._record()

    def random_move(self, rng: random.Random) -> None:
        roll = rng.random()
        if roll < 0.2 and self.index > 0:
            self.undo()
        elif roll < 0.3 and self.index < len(self.steps):
            self.redo()
        elif roll < 0.33:
            self.save()
        else:
            self.push(rng)

    def _record(self) -> None:
        self.journal.record_history(self.steps, self.index, self.clean)
        self.states.append(self.doc.snapshot())


def _history_matches(history: History, session: Session) -> None:
    assert history.document().snapshot() == session.doc.snapshot()
    assert history.index == session.index and history.clean == session.clean
    assert [s.changes for s in history.steps] == [s.changes for s in session.steps]
    assert [s.text for s in history.steps] == [s.text for s in session.steps]


@pytest.mark.parametrize("seed", range(5))
def test_a_replayed_journal_gives_back_the_document_and_its_undo_history(tmp_path, seed):
    rng = random.Random(seed)
    session = Session(tmp_path / "s.journal")
    for _ in range(60):
        session.random_move(rng)
    replay = read_journal(tmp_path / "s.journal")
    assert replay.stopped is None
    _history_matches(replay.history, session)
    assert replay.history.info["title"] == "天气"
    # Undoing every step of the recovered history leads back to the document the session started from.
    assert replay.history.base.snapshot() == session.states[0]


def test_a_torn_last_record_replays_up_to_that_record_at_every_cut(tmp_path):
    rng = random.Random(7)
    path = tmp_path / "s.journal"
    session = Session(path)
    for _ in range(8):
        session.push(rng)
    whole = path.read_bytes()
    before_last = whole[:whole.rstrip(b"\n").rfind(b"\n") + 1]
    assert len(before_last) < len(whole)
    for cut in range(len(before_last), len(whole)):       # every way a write can be cut short by a kill
        path.write_bytes(whole[:cut])
        replay = read_journal(path)
        assert replay.history.document().snapshot() == session.states[-2], cut
        assert replay.history.index == session.index - 1
        assert (replay.stopped is None) == (cut == len(before_last))
    path.write_bytes(whole)
    assert read_journal(path).history.document().snapshot() == session.states[-1]


def test_a_damaged_record_ends_the_replay_and_keeps_what_came_before(tmp_path):
    rng = random.Random(3)
    path = tmp_path / "s.journal"
    session = Session(path)
    for _ in range(6):
        session.push(rng)
    lines = path.read_bytes().splitlines(keepends=True)
    damaged = bytearray(lines[4])
    damaged[20] ^= 0x01                          # one flipped bit: the checksum catches it
    path.write_bytes(b"".join(lines[:4]) + bytes(damaged) + b"".join(lines[5:]))
    replay = read_journal(path)
    assert replay.records == 4 and "checksum" in replay.stopped
    assert replay.history.document().snapshot() == session.states[3]


def test_a_record_that_does_not_fit_the_document_ends_the_replay(tmp_path):
    rng = random.Random(5)
    path = tmp_path / "s.journal"
    session = Session(path)
    session.push(rng)
    other = Session(tmp_path / "other.journal", start_document(5))
    other.push(rng)
    other.push(rng)
    foreign = (tmp_path / "other.journal").read_bytes().splitlines(keepends=True)[2]
    path.write_bytes(path.read_bytes() + foreign)
    replay = read_journal(path)
    assert replay.stopped is not None and replay.records == 2
    assert replay.history.document().snapshot() == session.doc.snapshot()


def test_compaction_keeps_the_history_and_drops_undone_branches(tmp_path):
    rng = random.Random(11)
    path = tmp_path / "s.journal"
    session = Session(path)
    for _ in range(10):
        session.push(rng)
    for _ in range(4):
        session.undo()
    session.push(rng)                   # discards the four undone steps
    size = path.stat().st_size
    session.journal.compact()
    assert len(path.read_bytes().splitlines()) == 1
    assert path.stat().st_size < size
    replay = read_journal(path)
    _history_matches(replay.history, session)
    session.push(rng)                   # appending goes on after a compaction
    _history_matches(read_journal(path).history, session)


def test_a_journal_without_a_readable_base_is_a_clear_error_naming_the_file(tmp_path):
    path = tmp_path / "s.journal"
    for content in (b"", b"garbage\n", b"00000000 {}\n"):
        path.write_bytes(content)
        with pytest.raises(MalformedFileError) as caught:
            read_journal(path)
        assert str(path) in str(caught.value)


def test_the_history_of_a_current_document_finds_its_base_by_undoing(tmp_path):
    rng = random.Random(2)
    session = Session(tmp_path / "s.journal")
    for _ in range(5):
        session.push(rng)
    session.undo()
    history = history_from_steps(copy_document(session.doc), session.steps, session.index, session.clean)
    assert history.base.snapshot() == session.states[0]
    assert history.document().snapshot() == session.doc.snapshot()


def test_sync_fsyncs_the_journal_file_and_close_removes_it(tmp_path, monkeypatch):
    import os

    from editor.bitext import journal as journal_module

    synced = []
    monkeypatch.setattr(journal_module.os, "fsync", lambda fd: synced.append(os.fstat(fd).st_ino))
    session = Session(tmp_path / "s.journal")
    session.push(random.Random(1))
    assert session.journal.dirty
    synced.clear()                      # the base record's atomic write fsyncs too
    session.journal.sync()
    assert not session.journal.dirty
    assert synced == [os.stat(tmp_path / "s.journal").st_ino]      # the journal's own file reached the disk
    session.journal.close(remove=True)
    assert not (tmp_path / "s.journal").exists()


def test_a_write_that_fails_part_way_makes_the_next_record_rewrite_the_whole_file(tmp_path, monkeypatch):
    """A full disk can cut a record short: the torn bytes would end a replay there and hide every later record.
    The next record rewrites the file whole first, and `grown` says a compaction is due meanwhile."""
    import os

    from editor.bitext import journal as journal_module

    rng = random.Random(5)
    path = tmp_path / "s.journal"
    session = Session(path)
    session.push(rng)
    real_write = os.write

    def half_then_full_disk(fd, data):
        real_write(fd, bytes(data[:len(data) // 2]))
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(journal_module.os, "write", half_then_full_disk)
    with pytest.raises(OSError):
        session.push(rng)
    monkeypatch.setattr(journal_module.os, "write", real_write)
    assert read_journal(path).stopped is not None                # the torn record is in the file
    assert session.journal.grown(10_000)
    session.push(rng)
    replay = read_journal(path)
    assert replay.stopped is None and replay.history.index == session.index
    assert replay.history.document().snapshot() == session.states[-1]
    assert not session.journal.grown(10_000)
