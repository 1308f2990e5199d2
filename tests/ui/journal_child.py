"""A real editor process for the kill test (tests/ui/test_journal_kill.py): restores what a killed editor
left, reports it, then edits on and on until it is killed itself.

Usage: python -m tests.ui.journal_child SEED [KILL_AT PHASE]. It prints, flushed, one line per event:
  RESTORED <digest> <count> <index> <digest after undoing everything> | STARTED <digest>
  NEXT <n> <digest>    the document the n-th move will produce (printed before the move)
  WRITTEN <n> <digest> <count> <index>   the n-th move is applied and in the journal, not yet reported
  DONE <n> <digest> <count> <index>   the n-th move is applied, on screen and in the journal

With KILL_AT and PHASE the process SIGKILLs itself at a point of move KILL_AT fixed by the seed's replay, so a
failing trial can be replayed exactly: `next` (before the move is made), `written` (the move is in the journal,
not yet reported), `done` (after its report), `compact` (while the journal is being compacted after the move:
the new journal written, not yet renamed over the old one) or `snapshot` (the same, in the autosave snapshot).
"""

from __future__ import annotations

import hashlib
import os
import random
import signal
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from editor.bitext.document import AlignmentDocument  # noqa: E402
from editor.settings import Settings  # noqa: E402
from editor.ui.safety import edit_recorder, recovery, sessions  # noqa: E402
from editor.ui.model.commands import ApplyChange  # noqa: E402
from editor.ui.window.main_window import MainWindow  # noqa: E402
from tests.bitext.edit_script import random_change, start_document  # noqa: E402


def digest(doc: AlignmentDocument) -> str:
    return hashlib.sha1(repr(doc.snapshot()).encode("utf-8", "surrogatepass")).hexdigest()[:16]


def say(*words: object) -> None:
    try:
        sys.stdout.write(" ".join(map(str, words)) + "\n")
        sys.stdout.flush()
    except (BrokenPipeError, ValueError):     # the test is gone (it failed or was stopped): so is this editor
        os._exit(0)


PHASES = ("next", "written", "done", "compact", "snapshot")


def die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def main() -> None:
    rng = random.Random(int(sys.argv[1]))
    kill_at, phase = (int(sys.argv[2]), sys.argv[3]) if len(sys.argv) > 3 else (None, None)
    app = QApplication([])
    # Compact and snapshot every second, so kills land during those too.
    edit_recorder.EditRecorder.COMPACT_AFTER_RECORDS = 5
    window = MainWindow(settings=Settings(autosave_seconds=1))
    window.show()
    recoveries = sessions.find_recoveries()
    if recoveries:
        dialog = recovery.RecoveryDialog(recoveries, window)
        dialog.restore_button.click()            # what the user does in the recovery dialog
        restored = dialog.restored()
        window.restore_history(restored.history, restored[1])
        stack = window.undo_stack
        count, index, current = stack.count(), stack.index(), digest(window.document)
        stack.setIndex(0)
        bottom = digest(window.document)
        stack.setIndex(index)
        assert digest(window.document) == current
        say("RESTORED", current, count, index, bottom)
    else:
        window.set_document(start_document(), None, modified=True)
        say("STARTED", digest(window.document))
    moves = [0]

    def move() -> None:
        stack, doc = window.undo_stack, window.document
        n = moves[0] + 1
        roll = rng.random()
        if roll < 0.15 and stack.canUndo():
            act, preview = stack.undo, [c.inverted() for c in reversed(stack.command(stack.index() - 1).changes)]
        elif roll < 0.25 and stack.canRedo():
            act, preview = stack.redo, list(stack.command(stack.index()).changes)
        else:
            change = random_change(doc, rng)
            act, preview = (lambda: stack.push(ApplyChange(window.qdoc, change))), [change]
        undo = [doc.apply(c) for c in preview]
        say("NEXT", n, digest(doc))
        for c in reversed(undo):
            doc.apply(c)
        killing = n == kill_at
        if killing and phase == "next":
            die()
        act()
        moves[0] = n
        if killing and phase == "written":
            say("WRITTEN", n, digest(doc), stack.count(), stack.index())
            die()
        say("DONE", n, digest(doc), stack.count(), stack.index())
        if killing and phase == "done":
            die()
        if killing and phase in ("compact", "snapshot"):
            timer.stop()
            suffix = ".journal" if phase == "compact" else ".duiqi"
            real_replace = os.replace

            def replace_then_die(src, dst, *args, **kwargs):
                if str(dst).endswith(suffix):
                    die()               # the new file is written beside the old one, not yet renamed over it
                return real_replace(src, dst, *args, **kwargs)

            os.replace = replace_then_die
            if phase == "compact":
                window._recorder.journal.compact()
            else:
                window._autosaver.save_now()
            say("NOWRITE", n, phase)     # nothing to write (no change since the last one): a kill after the move
            die()

    timer = QTimer(window)
    timer.setInterval(15)
    timer.timeout.connect(move)
    timer.start()
    app.exec()


if __name__ == "__main__":
    main()
