"""Crash recovery when the journal or the disk is damaged (issue 26): recovery never deletes a journal or a
snapshot it could not use (a copy is kept aside and the recovery says so), and it offers the newest state
that can be read, from the journal or from the snapshot. Qt-free: editor/ui/safety/sessions.py."""

from __future__ import annotations

import json
import random
import time

import pytest

from editor.bitext.project import save_project
from editor.ui.safety import sessions
from editor.ui.safety.sessions import DAMAGED_FOLDER, find_recoveries
from tests.bitext.test_journal import Session


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("DUIQI_HOME", str(tmp_path / "home"))
    return sessions.autosave_dir()


def crashed_session(folder, *, edits=10, save_at=None, snapshot_at=None, clock=None):
    """A session of `edits` edits (saved after edit `save_at`), its journal one record per edit, and an
    autosave snapshot of the state after edit `snapshot_at`; returns (journal path, states by edit)."""
    name = "session-20260101-000000-1-abcdef"
    journal = folder / f"{name}.journal"
    session = Session(journal)
    rng = random.Random(7)
    states = [session.doc.snapshot()]
    for edit in range(1, edits + 1):
        session.push(rng)
        if edit == save_at:
            session.save()
        states.append(session.doc.snapshot())
        if edit == snapshot_at:
            time.sleep(0.01)
            save_project(session.doc, folder / f"{name}.duiqi")
            (folder / f"{name}.json").write_text(json.dumps({"saved_at": time.time(), "title": "t"}), "utf-8")
            time.sleep(0.01)
    session.journal.close()
    return journal, states


def lines(path):
    return path.read_bytes().splitlines(keepends=True)


def test_a_damaged_record_after_a_save_is_offered_and_the_journal_kept(folder):
    journal, states = crashed_session(folder, save_at=1)
    records = lines(journal)
    records[2] = b"0badc0de {garbage}\n"              # record 3: edit 2 onwards cannot be read
    journal.write_bytes(b"".join(records))
    found = find_recoveries()
    assert len(found) == 1 and found[0].source == "journal"
    assert "damaged at record 3" in found[0].note and DAMAGED_FOLDER in found[0].note
    assert found[0].load().snapshot() == states[1]
    assert journal.exists() and (folder / DAMAGED_FOLDER / journal.name).read_bytes() == journal.read_bytes()


@pytest.mark.parametrize("cut_after", [1, 3])
def test_a_cut_journal_offers_the_newer_snapshot(folder, cut_after):
    journal, states = crashed_session(folder, snapshot_at=5)
    journal.write_bytes(b"".join(lines(journal)[:cut_after]) + b"0000")
    found = find_recoveries()
    assert len(found) == 1 and found[0].source == "snapshot"
    assert found[0].load_history() is None
    assert found[0].load().snapshot() == states[5]
    assert (folder / DAMAGED_FOLDER / journal.name).exists()


def test_a_damaged_journal_newer_than_the_snapshot_offers_the_journal(folder):
    journal, states = crashed_session(folder, snapshot_at=2)
    journal.write_bytes(b"".join(lines(journal)[:9]) + b"torn")      # edits 1-8 readable
    found = find_recoveries()
    assert found[0].source == "journal"
    assert found[0].load().snapshot() == states[8]


def test_a_journal_that_stopped_being_written_offers_the_newer_snapshot(folder):
    journal, states = crashed_session(folder, snapshot_at=10)
    journal.write_bytes(b"".join(lines(journal)[:6]))     # a full disk: edits 6-10 never reached the journal
    found = find_recoveries()
    assert found[0].source == "snapshot" and "ends before the last autosave" in found[0].note
    assert found[0].load().snapshot() == states[10]


def test_an_unreadable_journal_without_a_snapshot_is_kept_aside_not_deleted(folder):
    journal, _ = crashed_session(folder)
    journal.write_bytes(b"not a journal\n")
    assert find_recoveries() == []
    assert (folder / DAMAGED_FOLDER / journal.name).read_bytes() == b"not a journal\n"


def test_an_unreadable_journal_with_a_snapshot_offers_the_snapshot(folder):
    journal, states = crashed_session(folder, snapshot_at=4)
    journal.write_bytes(b"garbage\n")
    found = find_recoveries()
    assert found[0].source == "snapshot" and "could not be read" in found[0].note
    assert found[0].load().snapshot() == states[4]


def test_a_whole_clean_journal_is_still_removed(folder):
    journal, _ = crashed_session(folder, save_at=10)
    assert find_recoveries() == []
    assert not journal.exists() and not (folder / DAMAGED_FOLDER).exists()
