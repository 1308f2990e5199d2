"""Every edit pushed as an ApplyChange on a bare QUndoStack undoes and redoes to the exact document state."""

import pytest
from PySide6.QtGui import QUndoStack

from editor.bitext import edits
from editor.bitext.document import Side
from editor.ui.model.commands import ApplyChange, build_compound
from editor.ui.model.qt_document import QtDocument

EDITS = {
    "link": lambda d: edits.link(d, [d.src[0].id], [d.tgt[1].id]),
    "unlink": lambda d: edits.unlink(d, 0),
    "merge beads": lambda d: edits.merge_beads(d, 1, 3),
    "move boundary": lambda d: edits.shift_boundary(d, 2, Side.TGT, +1),
    "confirm": lambda d: edits.confirm(d, 4),
    "confirm above": lambda d: edits.confirm_through(d, 6),
    "edit text": lambda d: edits.edit_text(d, d.src[2].id, "改过的句子。"),
    "split": lambda d: edits.split_segment(d, d.tgt[0].id, 10),
    "merge sentences": lambda d: edits.merge_segments(d, d.src[3].id),
    "insert": lambda d: edits.insert_segment(d, Side.SRC, 5, "新句子。"),
    "delete": lambda d: edits.delete_segment(d, d.tgt[4].id),
    "split link into 1:1": lambda d: edits.split_into_one_to_one(
        d, next(k for k, b in enumerate(d.beads) if max(b.kind) > 1)),
    "merge with previous": lambda d: edits.merge_with_previous(d, 5),
    "replace": lambda d: edits.replace_text(d, Side.TGT, r"(\w+)ing\b", r"\1ed", regex=True),
}
#: the document an edit needs, made before the edit (the aligned sample has only 1-1 links and one 0-1)
SETUP = {
    "split link into 1:1": lambda d: d.apply(edits.merge_beads(d, 1, 3)),
}


@pytest.mark.parametrize("name", sorted(EDITS))
def test_an_edit_command_undoes_and_redoes_exactly(qtbot, sample_doc, name):
    if name in SETUP:
        SETUP[name](sample_doc)
    qdoc = QtDocument(sample_doc)
    stack = QUndoStack()
    before = sample_doc.snapshot()
    told = []
    qdoc.changed.connect(lambda *args: told.append(args))     # emitted synchronously by push(): nothing to wait for
    stack.push(ApplyChange(qdoc, EDITS[name](sample_doc)))
    assert len(told) == 1
    after = sample_doc.snapshot()
    assert after != before
    sample_doc.check()
    stack.undo()
    assert sample_doc.snapshot() == before
    stack.redo()
    assert sample_doc.snapshot() == after


def test_a_compound_edit_is_one_undo_step(qtbot, sample_doc):
    qdoc = QtDocument(sample_doc)
    stack = QUndoStack()
    before = sample_doc.snapshot()
    seg = sample_doc.src[0].id
    command = build_compound(qdoc, "Split sentence", [lambda d: edits.edit_text(d, seg, "第一部分，第二部分。"),
                                                      lambda d: edits.split_segment(d, seg, 5)])
    assert sample_doc.snapshot() == before          # building leaves the document as it was
    stack.push(command)
    assert [s.text for s in sample_doc.src[:2]] == ["第一部分，", "第二部分。"]
    assert stack.count() == 1
    stack.undo()
    assert sample_doc.snapshot() == before
