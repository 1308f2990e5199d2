"""Dragging a sentence from one pane onto the other links them, with real mouse events."""

from PySide6.QtCore import QPoint, Qt

from editor.bitext.document import BeadStatus, Side


def _centre(pane, pos: int) -> QPoint:
    return pane.segment_rect(pos).center().toPoint()


def _drag(qtbot, source, source_pos, target, target_pos):
    start, end = _centre(source, source_pos), _centre(target, target_pos)
    qtbot.mousePress(source, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(source, start + QPoint(12, 3))
    qtbot.mouseMove(target, end)
    return end


def test_dragging_a_chinese_sentence_onto_an_english_one_links_them(qtbot, window):
    doc = window.document
    src_pane, tgt_pane = window.view.panes[Side.SRC], window.view.panes[Side.TGT]
    before = doc.snapshot()
    end = _drag(qtbot, src_pane, 0, tgt_pane, 1)
    assert window.view.drag.active
    assert list(window.view.drag.target_positions(Side.TGT)) == [1]     # the drop target is highlighted
    qtbot.mouseRelease(tgt_pane, Qt.MouseButton.LeftButton, pos=end)
    bead = doc.beads[doc.bead_index_of(doc.src[0].id)]
    assert bead.src == (doc.src[0].id,) and bead.tgt == (doc.tgt[1].id,)
    assert bead.status is BeadStatus.EDITED
    doc.check()                                  # the order invariant still holds
    assert window.is_modified()
    window.undo_stack.undo()
    assert doc.snapshot() == before


def test_dragging_a_selected_range_onto_a_range_makes_one_n_to_m_link(qtbot, window):
    doc = window.document
    view = window.view
    src_pane, tgt_pane = view.panes[Side.SRC], view.panes[Side.TGT]
    view.select_segment(Side.TGT, 2)
    view.select_segment(Side.TGT, 3, extend=True)
    view.select_segment(Side.SRC, 2)
    view.select_segment(Side.SRC, 3, extend=True)
    end = _drag(qtbot, src_pane, 3, tgt_pane, 2)
    qtbot.mouseRelease(tgt_pane, Qt.MouseButton.LeftButton, pos=end)
    bead = doc.beads[doc.bead_index_of(doc.src[2].id)]
    assert bead.src == (doc.src[2].id, doc.src[3].id)
    assert bead.tgt == (doc.tgt[2].id, doc.tgt[3].id)


def test_releasing_outside_the_other_pane_cancels_the_drag(qtbot, window):
    doc = window.document
    src_pane = window.view.panes[Side.SRC]
    before = doc.snapshot()
    start = _centre(src_pane, 0)
    qtbot.mousePress(src_pane, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(src_pane, start + QPoint(0, 40))
    qtbot.mouseRelease(src_pane, Qt.MouseButton.LeftButton, pos=start + QPoint(0, 40))
    assert not window.view.drag.active
    assert doc.snapshot() == before
    assert window.undo_stack.count() == 0


def test_selecting_on_both_sides_and_pressing_ctrl_l_links_the_selections(qtbot, window):
    doc = window.document
    view = window.view
    view.select_segment(Side.SRC, 4)
    view.select_segment(Side.TGT, 5)
    view.select_segment(Side.TGT, 6, extend=True)
    window.actions_.link.trigger()
    bead = doc.beads[doc.bead_index_of(doc.src[4].id)]
    assert bead.src == (doc.src[4].id,) and bead.tgt == (doc.tgt[5].id, doc.tgt[6].id)
    doc.check()


def test_files_dropped_on_the_window_are_opened(qtbot, window, sample_doc, tmp_path, monkeypatch):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    from editor.bitext.project import save_project

    path = tmp_path / "dropped.duiqi"
    doc = window.document
    save_project(doc, path)
    window.view.select_bead(0)
    window.actions_.unlink.trigger()
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.question",
                        lambda *a, **k: __import__("PySide6.QtWidgets", fromlist=["QMessageBox"])
                        .QMessageBox.StandardButton.Discard)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    from editor.bitext.project import load_project

    assert window.project_path == path
    assert window.document.snapshot() == load_project(path).snapshot()
    assert not window.is_modified()
