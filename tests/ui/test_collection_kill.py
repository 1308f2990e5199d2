"""Kill -9 loses no edit in any document of a collection: a real editor process edits three documents of a
collection, switching between them, and is killed at a random moment; the next process opens the collection
and every document comes back as the killed one last showed it (from the documents' own edit journals)."""

from __future__ import annotations

import os
import random

import pytest

from tests.collection.helpers import make_collection
from tests.conftest import REPO
from tests.ui.test_journal_kill import Child

TRIALS = 6


class CollectionChild(Child):
    def __init__(self, folder, seed: int, env: dict, log_path) -> None:
        import selectors
        import subprocess
        import sys

        self.log = open(log_path, "wb")
        self.proc = subprocess.Popen([sys.executable, "-m", "tests.ui.collection_child", str(folder), str(seed)],
                                     cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=self.log)
        self.selector = selectors.DefaultSelector()
        self.selector.register(self.proc.stdout, selectors.EVENT_READ)
        self.lines = []


@pytest.mark.slow
def test_killing_the_editor_loses_no_edit_in_any_document_of_a_collection(tmp_path):
    from tests.ui.collection_child import EDITED

    folder = make_collection(tmp_path).folder
    env = dict(os.environ, DUIQI_HOME=str(tmp_path / "home"), QT_QPA_PLATFORM="offscreen", DUIQI_ALIGN_IN="thread",
               PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    rng = random.Random(20261207)
    expected: dict[str, set[str]] | None = None
    children = []
    edited_documents = set()
    moves = 0
    try:
        for trial in range(TRIALS + 1):
            child = CollectionChild(folder, rng.randrange(1 << 30), env, tmp_path / f"child-{trial}.log")
            children.append(child)
            states = {}
            while len(states) < len(EDITED):
                words = child.next_line()
                assert words[0] == "STATE", words
                states[words[1]] = words[2]
            if expected is not None:
                for name, digest in states.items():
                    assert digest in expected[name], f"trial {trial}: {name} did not come back as it was shown"
            if trial == TRIALS:
                child.kill()
                break
            target = rng.randint(20, 80)
            while True:
                words = child.next_line()
                if words[0] == "DONE" and int(words[1]) >= target:
                    break
            child.kill()        # the child edits on by its own timer: the kill lands anywhere in its next move
            expected = {name: {digest} for name, digest in states.items()}
            for words in child.lines:
                if words[0] == "DONE":
                    expected[words[2]] = {words[3]}
                    edited_documents.add(words[2])
                    moves += 1
            for words in child.lines:        # a kill between a move's journal write and its report
                if words[0] == "NEXT" and not any(w[0] == "DONE" and w[1] == words[1] for w in child.lines):
                    expected[words[2]].add(words[3])
    finally:
        for child in children:
            if child.proc.poll() is None:
                child.proc.kill()
                child.proc.wait()
    print(f"\ncollection kill test: {TRIALS} kills, {moves} moves in {len(edited_documents)} documents, none lost")
    assert len(edited_documents) >= 2
