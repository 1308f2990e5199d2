"""Kill -9 at random moments loses no edit: a real editor process edits, is killed, restarts and restores.

Each trial starts tests/ui/journal_child.py (a MainWindow with its autosaver and edit journal, editing on a
15 ms timer, compacting and snapshotting every second), waits until it has reported a random number of
moves, kills it with SIGKILL at a random moment after that, and starts the next process, which restores
what the killed one left through the recovery dialog. The restored document must be the one after the
last move the killed process reported as done (or the one after the move it was making), with the whole
undo history: undoing everything must lead back to the first document.
"""

from __future__ import annotations

import os
import random
import selectors
import signal
import subprocess
import sys
import time

import pytest

from tests.conftest import REPO

TRIALS = 30
#: Only a guard against a hung child (the test waits on the child's lines, not on time).
HANG_GUARD_SECONDS = 600


class Child:
    def __init__(self, seed: int, env: dict, log_path) -> None:
        self.log = open(log_path, "wb")
        self.proc = subprocess.Popen([sys.executable, "-m", "tests.ui.journal_child", str(seed)], cwd=REPO,
                                     env=env, stdout=subprocess.PIPE, stderr=self.log)
        self.selector = selectors.DefaultSelector()
        self.selector.register(self.proc.stdout, selectors.EVENT_READ)
        self.lines: list[list[str]] = []

    def next_line(self) -> list[str]:
        if not self.selector.select(HANG_GUARD_SECONDS):
            raise AssertionError(f"the editor process said nothing for {HANG_GUARD_SECONDS} s")
        line = self.proc.stdout.readline()
        if not line:
            self.proc.wait()
            raise AssertionError(f"the editor process ended by itself: {self._stderr()}")
        words = line.decode().split()
        self.lines.append(words)
        return words

    def kill(self) -> None:
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait()
        for line in self.proc.stdout.read().decode().splitlines():      # what it printed before dying
            self.lines.append(line.split())
        self.proc.stdout.close()
        self.selector.close()
        self.log.close()
        assert self.proc.returncode == -signal.SIGKILL

    def _stderr(self) -> str:
        self.log.flush()
        return open(self.log.name, encoding="utf-8", errors="replace").read()[-3000:]


@pytest.mark.slow
def test_killing_the_editor_at_random_moments_loses_no_edit(tmp_path):
    env = dict(os.environ, DUIQI_HOME=str(tmp_path / "home"), QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    rng = random.Random(20261130)
    made = lost = in_flight_kept = 0
    first_digest = None
    done: dict[int, tuple[str, int, int]] = {}
    upcoming: dict[int, str] = {}
    children: list[Child] = []
    try:
        for trial in range(TRIALS + 1):
            child = Child(rng.randrange(1 << 30), env, tmp_path / f"child-{trial}.log")
            children.append(child)
            head = child.next_line()
            if trial == 0:
                assert head[0] == "STARTED", head
                first_digest = head[1]
            else:
                assert head[0] == "RESTORED", head
                digest, count, index, bottom = head[1], int(head[2]), int(head[3]), head[4]
                last = max(done)
                if digest == done[last][0] and (count, index) == done[last][1:]:
                    pass
                elif upcoming.get(last + 1) == digest:
                    # (A move that changes nothing, such as confirming a confirmed link, leaves the digest as it
                    # was: only the history position tells it was written.)
                    in_flight_kept += 1            # killed after writing the move, before saying it was done
                else:
                    assert digest != done[last][0], "the undo history did not come back whole"
                    earlier = [n for n, (d, _, _) in done.items() if d == digest]
                    assert earlier, f"trial {trial}: the restored document was never on screen"
                    lost += last - max(earlier)
                assert bottom == first_digest, "undoing the restored history does not lead back to the start"
                made += last
            if trial == TRIALS:
                child.kill()
                break
            target = rng.randint(1, 60)
            while True:
                words = child.next_line()
                if words[0] == "DONE" and int(words[1]) >= target:
                    break
            time.sleep(rng.uniform(0, 0.05))     # lands the kill anywhere in the next few moves
            child.kill()
            done = {int(w[1]): (w[2], int(w[3]), int(w[4])) for w in child.lines if w[0] == "DONE"}
            upcoming = {int(w[1]): w[2] for w in child.lines if w[0] == "NEXT"}
    finally:        # a failed trial must not leave an editor editing on in the background
        for child in children:
            if child.proc.poll() is None:
                child.proc.kill()
                child.proc.wait()
    print(f"\njournal kill test: {TRIALS} trials, {made} moves (edits, undos, redos) made, {lost} lost; "
          f"{in_flight_kept} kills fell between a move's journal write and its report")
    assert lost == 0
