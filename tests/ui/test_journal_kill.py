"""Kill -9 at random moments loses no edit: a real editor process edits, is killed, restarts and restores.

Each trial starts tests/ui/journal_child.py (a MainWindow with its autosaver and edit journal, editing on a
15 ms timer, compacting and snapshotting every second), which SIGKILLs itself at a move and a phase the
trial's seed picks: before a move, after its journal write, after its report, or in the middle of a journal
compaction or an autosave snapshot. The next process restores what the killed one left through the recovery
dialog. The restored document, undo count and undo index must be exactly those after the last move the
killed process wrote, and undoing everything must lead back to the first document. A failing trial prints
the command that replays it.
"""

from __future__ import annotations

import os
import random
import selectors
import signal
import subprocess
import sys

import pytest

from tests.conftest import REPO
from tests.ui.journal_child import PHASES

TRIALS = 30
#: Only a guard against a hung child (the test waits on the child's lines, not on time).
HANG_GUARD_SECONDS = 600


class Child:
    def __init__(self, args: list[str], env: dict, log_path) -> None:
        self.args = args
        self.log = open(log_path, "wb")
        self.proc = subprocess.Popen([sys.executable, "-m", "tests.ui.journal_child", *args], cwd=REPO,
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
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait()
        for line in self.proc.stdout.read().decode().splitlines():      # what it printed before dying
            self.lines.append(line.split())
        self.proc.stdout.close()
        self.selector.close()
        self.log.close()
        assert self.proc.returncode == -signal.SIGKILL

    def read_until_it_dies(self) -> None:
        """Read its lines until it ends (it kills itself); only a hung child trips the guard."""
        while True:
            if not self.selector.select(HANG_GUARD_SECONDS):
                raise AssertionError(f"the editor process said nothing for {HANG_GUARD_SECONDS} s")
            line = self.proc.stdout.readline()
            if not line:
                return
            self.lines.append(line.decode().split())

    def _stderr(self) -> str:
        self.log.flush()
        return open(self.log.name, encoding="utf-8", errors="replace").read()[-3000:]


@pytest.mark.slow
def test_killing_the_editor_at_random_moments_loses_no_edit(tmp_path):
    env = dict(os.environ, DUIQI_HOME=str(tmp_path / "home"), QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    rng = random.Random(20261207)
    first_digest = None
    expected: tuple[str, int, int] | None = None
    made = 0
    phases_seen: dict[str, int] = {}
    children: list[Child] = []
    try:
        for trial in range(TRIALS + 1):
            seed, kill_at, phase = rng.randrange(1 << 30), rng.randint(1, 60), rng.choice(PHASES)
            args = [str(seed)] if trial == TRIALS else [str(seed), str(kill_at), phase]
            child = Child(args, env, tmp_path / f"child-{trial}.log")
            children.append(child)
            head = child.next_line()
            replay = f"(replay: DUIQI_HOME=... python -m tests.ui.journal_child {' '.join(children[-2].args)}" \
                     f" then {' '.join(args)})" if trial else ""
            if trial == 0:
                assert head[0] == "STARTED", head
                first_digest = head[1]
                expected = (first_digest, 0, 0)
            else:
                assert head[0] == "RESTORED", head
                restored = (head[1], int(head[2]), int(head[3]))
                assert restored == expected, f"trial {trial}: restored {restored}, expected {expected} {replay}"
                assert head[4] == first_digest, f"undoing the restored history does not lead to the start {replay}"
            if trial == TRIALS:
                child.kill()
                break
            child.read_until_it_dies()
            child.kill()
            assert child.proc.returncode == -signal.SIGKILL, \
                f"trial {trial} did not die by its own SIGKILL: {child._stderr()} {replay}"
            planned = [w for w in child.lines if w[0] == "NEXT"][-1]
            assert int(planned[1]) == kill_at, f"trial {trial}: died at move {planned[1]}, not {kill_at} {replay}"
            written = [w for w in child.lines if w[0] in ("DONE", "WRITTEN") and int(w[1]) <= kill_at]
            if phase == "next":             # killed before move kill_at was made
                written = [w for w in written if int(w[1]) < kill_at]
            if written:
                expected = (written[-1][2], int(written[-1][3]), int(written[-1][4]))
            made += kill_at
            phases_seen[phase] = phases_seen.get(phase, 0) + 1
    finally:        # a failed trial must not leave an editor editing on in the background
        for child in children:
            if child.proc.poll() is None:
                child.proc.kill()
                child.proc.wait()
    print(f"\njournal kill test: {TRIALS} trials, {made} moves (edits, undos, redos) made, none lost; "
          f"kills by phase {phases_seen}")
