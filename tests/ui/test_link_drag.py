"""Dragging a sentence from one pane onto the other links them, with real mouse events."""

from PySide6.QtCore import QPoint, Qt

from editor.bitext.document import BeadStatus, Side
from tests.conftest import EVENT_TIMEOUT_MS


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


def _make_two_to_two(window):
    """Link Chinese 0-1 with English 0-1 as one bead and select it, as after splitting a sentence."""
    doc = window.document
    window.push_change(lambda d: __import__("editor.bitext.edits", fromlist=["link"]).link(
        d, (d.src[0].id, d.src[1].id), (d.tgt[0].id, d.tgt[1].id)))
    window.view.select_bead(doc.bead_index_of(doc.src[0].id))
    assert list(window.view.selected_positions(Side.SRC)) == [0, 1]
    assert list(window.view.selected_positions(Side.TGT)) == [0, 1]


def test_a_drop_links_the_sentence_under_the_pointer_not_the_selected_link(qtbot, window):
    doc = window.document
    view = window.view
    _make_two_to_two(window)
    end = _drag(qtbot, view.panes[Side.SRC], 1, view.panes[Side.TGT], 1)
    assert list(view.drag.target_positions(Side.TGT)) == [1]       # only the hovered sentence is highlighted
    qtbot.mouseRelease(view.panes[Side.TGT], Qt.MouseButton.LeftButton, pos=end)
    dropped = doc.beads[doc.bead_index_of(doc.src[1].id)]
    assert dropped.src == (doc.src[1].id,) and dropped.tgt == (doc.tgt[1].id,)
    rest = doc.beads[doc.bead_index_of(doc.src[0].id)]
    assert rest.src == (doc.src[0].id,) and rest.tgt == (doc.tgt[0].id,)    # Chinese 1 keeps its link
    doc.check()


def test_after_unlink_the_old_selection_does_not_catch_the_drop(qtbot, window):
    doc = window.document
    view = window.view
    _make_two_to_two(window)
    window.actions_.unlink.trigger()
    end = _drag(qtbot, view.panes[Side.SRC], 0, view.panes[Side.TGT], 1)
    assert list(view.drag.target_positions(Side.TGT)) == [1]
    qtbot.mouseRelease(view.panes[Side.TGT], Qt.MouseButton.LeftButton, pos=end)
    bead = doc.beads[doc.bead_index_of(doc.src[0].id)]
    assert bead.src == (doc.src[0].id,) and bead.tgt == (doc.tgt[1].id,)


def _half_visible_at_bottom(pane):
    """Return the position of the sentence cut by the pane's bottom edge."""
    pos = pane.position_at(pane.height() - 2)
    assert pos is not None and pane.segment_rect(pos).bottom() > pane.height()
    return pos


def test_pressing_a_half_visible_sentence_does_not_scroll_and_drags_that_sentence(qtbot, window):
    doc = window.document
    view = window.view
    src_pane, tgt_pane = view.panes[Side.SRC], view.panes[Side.TGT]
    window.resize(1000, 420)                              # shorter than the sample: a sentence is cut at the bottom
    qtbot.waitUntil(lambda: src_pane.height() < 300, timeout=EVENT_TIMEOUT_MS)
    for height in range(420, 380, -4):                    # (a few pixels more or less: one that cuts a sentence)
        pos = src_pane.position_at(src_pane.height() - 2)
        if pos is not None and src_pane.segment_rect(pos).bottom() > src_pane.height() + 4:
            break
        window.resize(1000, height - 4)
        qtbot.waitUntil(lambda h=height: window.height() == h - 4, timeout=EVENT_TIMEOUT_MS)
    before = view.scrollbar.value()
    pos = _half_visible_at_bottom(src_pane)
    press = QPoint(src_pane.width() // 2, int((src_pane.segment_rect(pos).top() + src_pane.height()) / 2))
    qtbot.mousePress(src_pane, Qt.MouseButton.LeftButton, pos=press)
    assert view.scrollbar.value() == before
    assert view.cursor_position(Side.SRC) == pos
    target = tgt_pane.position_at(tgt_pane.height() // 2)
    end = _centre(tgt_pane, target)
    qtbot.mouseMove(src_pane, press + QPoint(12, -3))
    qtbot.mouseMove(tgt_pane, end)
    qtbot.mouseRelease(tgt_pane, Qt.MouseButton.LeftButton, pos=end)
    bead = doc.beads[doc.bead_index_of(doc.src[pos].id)]
    assert bead.src == (doc.src[pos].id,) and bead.tgt == (doc.tgt[target].id,)


def test_dragging_near_the_bottom_edge_scrolls_and_drops_on_the_sentence_then_under_the_pointer(qtbot, window):
    doc = window.document
    view = window.view
    src_pane, tgt_pane = view.panes[Side.SRC], view.panes[Side.TGT]
    window.resize(1000, 420)                              # much shorter than the sample: room to scroll
    qtbot.waitUntil(lambda: view.scrollbar.maximum() > 200, timeout=EVENT_TIMEOUT_MS)
    start = _centre(src_pane, 0)
    qtbot.mousePress(src_pane, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(src_pane, start + QPoint(12, 3))
    qtbot.mouseMove(tgt_pane, QPoint(tgt_pane.width() // 2, tgt_pane.height() - 6))
    assert view.drag.autoscrolling()
    qtbot.waitUntil(lambda: view.scrollbar.value() > 150, timeout=EVENT_TIMEOUT_MS)
    middle = QPoint(tgt_pane.width() // 2, tgt_pane.height() // 2)
    qtbot.mouseMove(tgt_pane, middle)
    assert not view.drag.autoscrolling()
    target = tgt_pane.position_at(middle.y())
    assert list(view.drag.target_positions(Side.TGT)) == [target]
    qtbot.mouseRelease(tgt_pane, Qt.MouseButton.LeftButton, pos=middle)
    bead = doc.beads[doc.bead_index_of(doc.src[0].id)]
    assert bead.src == (doc.src[0].id,) and bead.tgt == (doc.tgt[target].id,)
    assert target > 3
    doc.check()


def test_dragging_near_the_top_edge_scrolls_up(qtbot, window):
    view = window.view
    src_pane, tgt_pane = view.panes[Side.SRC], view.panes[Side.TGT]
    window.resize(1000, 420)
    qtbot.waitUntil(lambda: view.scrollbar.maximum() > 200, timeout=EVENT_TIMEOUT_MS)
    view.scrollbar.setValue(view.scrollbar.maximum())
    top = view.scrollbar.value()
    start = QPoint(src_pane.width() // 2, src_pane.height() // 2)
    qtbot.mousePress(src_pane, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(src_pane, start + QPoint(12, 3))
    qtbot.mouseMove(tgt_pane, QPoint(tgt_pane.width() // 2, 3))
    qtbot.waitUntil(lambda: view.scrollbar.value() < top - 100, timeout=EVENT_TIMEOUT_MS)
    qtbot.mouseRelease(tgt_pane, Qt.MouseButton.LeftButton, pos=QPoint(tgt_pane.width() // 2, 3))
    assert not view.drag.active and not view.drag.autoscrolling()


def test_dragging_onto_a_linked_sentence_shows_what_it_replaces_and_leaves_unlinked(qtbot, window):
    doc, view = window.document, window.view
    k = next(k for k in range(len(doc.beads) - 1)
             if doc.beads[k].kind == (1, 1) and doc.beads[k + 1].kind == (1, 1))
    zh = doc.locate(doc.beads[k].src[0])[1]             # zh n, linked with en n
    en_next = doc.locate(doc.beads[k + 1].tgt[0])[1]     # en n+1, linked with zh n+1
    en = doc.locate(doc.beads[k].tgt[0])[1]
    zh_next = doc.locate(doc.beads[k + 1].src[0])[1]
    src_pane, tgt_pane = view.panes[Side.SRC], view.panes[Side.TGT]
    end = _drag(qtbot, tgt_pane, en_next, src_pane, zh)
    assert view.drag.active
    # While dragging: the links it replaces and the sentences it leaves unlinked are named and marked.
    note = view.drop_note
    assert note.isVisible()
    assert f"zh {zh + 1} ↔ en {en + 1}" in note.text() and f"zh {zh_next + 1} ↔ en {en_next + 1}" in note.text()
    assert "unlinked" in note.text() and f"en {en + 1}" in note.text().split("\n")[-1]
    assert view.drop_orphans(Side.TGT) == [en] and view.drop_orphans(Side.SRC) == [zh_next]
    qtbot.mouseRelease(src_pane, Qt.MouseButton.LeftButton, pos=end)
    assert not note.isVisible()
    # The sentence left over is a 0-1 link, and the review list holds it.
    orphan = doc.bead_index_of(doc.tgt[en].id)
    assert doc.beads[orphan].kind == (0, 1)
    window.review_list.refresh(doc, view.review, None)
    assert orphan in window.review_list.model.beads()
