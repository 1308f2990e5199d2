"""A real editor process for the collection kill test (tests/ui/test_collection_kill.py): opens a collection,
reports every document as it comes back (replaying what a killed editor left in the documents' journals),
then edits several documents on and on, switching between them, until it is killed.

Usage: DUIQI_ALIGN_IN=thread python -m tests.ui.collection_child FOLDER SEED (the test sets the environment; importing
this module for its constants changes none). It prints, flushed, one line per event:
  STATE <name> <digest> <undo count> <undo index>   a document as it opened
  NEXT <n> <name> <digest>    the document the n-th move will produce (printed before the move)
  DONE <n> <name> <digest>    the n-th move is applied, on screen and in the document's journal
"""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from editor.settings import Settings  # noqa: E402
from editor.ui.model.commands import ApplyChange  # noqa: E402
from editor.ui.window.main_window import MainWindow  # noqa: E402
from tests.bitext.edit_script import random_change  # noqa: E402
from tests.ui.journal_child import digest, say  # noqa: E402

EDITED = ("letter", "memo", "dialogue")


def main() -> None:
    folder, rng = Path(sys.argv[1]), random.Random(int(sys.argv[2]))
    app = QApplication([])
    window = MainWindow(settings=Settings(autosave_seconds=1))
    window.show()
    assert window.open_collection(folder, ask=False)
    controller = window.collection
    for name in EDITED:
        assert controller.show(name), name
        say("STATE", name, digest(window.document), window.undo_stack.count(), window.undo_stack.index())
    moves = [0]

    def move() -> None:
        if rng.random() < 0.3:
            controller.show(rng.choice(EDITED))
        name, stack, doc = controller.shown, window.undo_stack, window.document
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
        say("NEXT", n, name, digest(doc))
        for c in reversed(undo):
            doc.apply(c)
        act()
        moves[0] = n
        say("DONE", n, name, digest(doc))

    timer = QTimer(window)
    timer.setInterval(15)
    timer.timeout.connect(move)
    timer.start()
    app.exec()


if __name__ == "__main__":
    main()
