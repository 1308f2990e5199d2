"""Edits land on what the translator sees (an X11 audit): the right-click menu acts on the sentence under the
pointer, no key changes a link the Show filter hides, Find shows what it found, and the pale highlight follows
the selection."""

import pytest
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication

from editor.bitext.document import AlignmentDocument, Bead, BeadStatus, Side


def _window(qtbot, n_src: int, n_tgt: int, beads):
    """A window on `n_src` Chinese and `n_tgt` English sentences linked by beads(z, e) (ids), shown."""
    from editor.settings import Settings
    from editor.ui.window.main_window import MainWindow

    doc = AlignmentDocument.from_texts([(f"第{i}句话在这里。", 0) for i in range(n_src)],
                                       [(f"Sentence number {j} is here.", 0) for j in range(n_tgt)])
    z, e = [s.id for s in doc.src], [t.id for t in doc.tgt]
    doc.beads = beads(z, e)
    win = MainWindow(doc, settings=Settings(), autosave=False)
    qtbot.addWidget(win, before_close_func=lambda w: w.undo_stack.setClean())
    win.resize(1100, 700)
    win.show()
    qtbot.waitExposed(win)
    return win, z, e


def _context_menu_action(pane, pos: int, text: str):
    """Right-click the sentence at `pos` and trigger the menu entry whose text (without &) is `text`."""
    from tests.ui.test_link_commands import _context_menu_action as right_click

    right_click(None, pane, pos, text)


def _one_to_two(z, e):
    # zh 1 <-> en 1-2 (as the audit's link 36 <-> en 47-48), the rest 1-1
    return [Bead((z[0],), (e[0], e[1]), 0.9), *[Bead((z[i],), (e[i + 1],), 0.99) for i in range(1, len(z))]]


def test_edit_sentence_from_the_right_click_menu_opens_the_sentence_right_clicked_in_a_selected_link(qtbot):
    win, z, e = _window(qtbot, 4, 5, _one_to_two)
    view = win.view
    view.select_bead(0)                                   # the link: en 1-2 selected, en 2 its current end
    _context_menu_action(view.panes[Side.TGT], 0, "Edit Sentence")
    editor = view.editing()
    assert editor is not None and editor.segment_id == e[0]
    assert list(view.selected_positions(Side.TGT)) == [0, 1]       # the selection it lay in is kept


def test_delete_sentence_from_the_right_click_menu_deletes_the_sentence_right_clicked_in_a_selected_link(qtbot):
    win, z, e = _window(qtbot, 4, 5, _one_to_two)
    view = win.view
    view.select_bead(0)
    _context_menu_action(view.panes[Side.TGT], 0, "Delete Sentence")
    assert [t.id for t in win.document.tgt] == [e[1], *e[2:]]


def test_a_right_click_outside_the_selection_makes_that_sentence_current(qtbot):
    win, z, e = _window(qtbot, 4, 5, _one_to_two)
    view = win.view
    view.select_bead(0)
    _context_menu_action(view.panes[Side.TGT], 3, "Edit Sentence")
    assert view.editing() is not None and view.editing().segment_id == e[3]
    assert list(view.selected_positions(Side.TGT)) == [3]


def _filtered(qtbot):
    """Eight 1-1 links, the first and the last doubtful: under Show "Doubtful and unlinked" links 1-2 and 7-8 show
    and links 3-6 are one hidden "⋯" run (link 2 the context row above it, link 7 the one below)."""
    def beads(z, e):
        return [Bead((z[i],), (e[i],), 0.3 if i in (0, 7) else 0.99) for i in range(8)]

    win, z, e = _window(qtbot, 8, 8, beads)
    win.actions_.problems_only.setChecked(True)              # Ctrl+Shift+P
    view = win.view
    assert [view.bead_hidden(k) for k in range(8)] == [False, False, True, True, True, True, False, False]
    return win, z, e


def _key_on_link(win, k: int, action) -> None:
    view = win.view
    view.select_bead(k)
    view.panes[Side.SRC].setFocus()
    view.set_focus_side(Side.SRC)
    assert view.selection_in_view() and action.isEnabled()
    action.trigger()


def _refused_and_shown(win, before, hidden: int) -> None:
    assert win.document.snapshot() == before                          # no link the translator cannot see changed
    assert not win.view.bead_hidden(hidden)                           # it is shown now
    assert "Show filter" in win.statusBar().currentMessage()          # and the status bar says why


def test_ctrl_m_on_the_context_row_above_a_hidden_run_does_not_merge_the_hidden_link(qtbot):
    win, z, e = _filtered(qtbot)
    before = win.document.snapshot()
    _key_on_link(win, 1, win.actions_.merge_beads)
    _refused_and_shown(win, before, 2)
    win.actions_.merge_beads.trigger()                                # shown now: the key merges
    assert win.document.beads[1].src == (z[1], z[2])


@pytest.mark.parametrize("name, k, hidden", [("boundary_up", 1, 2), ("boundary_down", 1, 2),
                                             ("merge_segments", 1, 2), ("merge_previous", 6, 5)])
def test_no_edit_key_that_takes_in_a_neighbour_changes_a_link_the_filter_hides(qtbot, name, k, hidden):
    win, z, e = _filtered(qtbot)
    action = getattr(win.edit_controller if name == "merge_previous" else win.actions_, name)
    before = win.document.snapshot()
    _key_on_link(win, k, action)
    _refused_and_shown(win, before, hidden)


def test_linking_across_a_hidden_run_changes_no_hidden_link(qtbot):
    win, z, e = _filtered(qtbot)
    view = win.view
    before = win.document.snapshot()
    view.select_segment(Side.SRC, 1)
    view.select_segment(Side.TGT, 6)
    win.actions_.link.trigger()                                       # Ctrl+L: zh 2 <-> en 7 unlinks links 3-6
    _refused_and_shown(win, before, 3)
    win2, *_ = _filtered(qtbot)
    before = win2.document.snapshot()
    win2.view.request_link(range(1, 2), range(6, 7))                  # the same by a drop
    _refused_and_shown(win2, before, 3)


def test_a_text_edit_and_a_confirmation_under_the_filter_still_apply(qtbot):
    win, z, e = _filtered(qtbot)
    _key_on_link(win, 7, win.actions_.confirm_next)
    assert win.document.beads[7].status is BeadStatus.CONFIRMED


def test_find_shows_a_match_the_filter_hid(qtbot):
    win, z, e = _filtered(qtbot)
    view = win.view
    view.select_bead(0)
    win.find_bar.open()
    win.find_bar.field.setText("Sentence number 4 ")
    win.find_bar.field.returnPressed.emit()                          # Return in the find field
    assert view.current_segment() == (Side.TGT, 4)
    assert not view.bead_hidden(4) and view.selection_in_view()     # found and shown, not behind "⋯"
    assert view.bead_hidden(2)                                       # the rest of the run stays hidden


def test_the_selection_said_shown_now_is_shown_and_the_next_key_acts(qtbot):
    win, z, e = _filtered(qtbot)
    view = win.view
    view.select_bead(3)                     # a hidden link selected (as Find did, or the review list, a jump)
    view.panes[Side.SRC].setFocus()
    before = win.document.snapshot()
    win.actions_.unlink.trigger()                                     # Ctrl+U
    assert win.document.snapshot() == before
    assert "it is shown now" in win.statusBar().currentMessage()
    assert not view.bead_hidden(3) and view.selection_in_view()       # the promise holds
    win.actions_.unlink.trigger()                                     # so the key acts the second time
    assert win.document.beads[3].tgt == () and win.document.beads[4].src == ()


def _bead_under_pointer(view):
    """The link of the sentence under the mouse pointer, or None."""
    from PySide6.QtGui import QCursor

    for side, pane in view.panes.items():
        local = pane.mapFromGlobal(QCursor.pos())
        if pane.rect().contains(local) and pane.childAt(local) is None:
            pos = pane.position_at(local.y())
            if pos is not None:
                return view.doc.bead_index_of(view.doc.segments(side)[pos].id)
    return None


def test_after_undoing_a_drag_no_sentence_away_from_the_pointer_is_shown_hovered(qtbot):
    # an X11 audit: zh 13 stayed pale after undoing a drag from it, while 12 <-> 16 was selected
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtGui import QCursor

    win, z, e = _window(qtbot, 6, 6, lambda z, e: [Bead((z[i],), (e[i],), 0.99) for i in range(6)])
    view = win.view
    src, tgt = view.panes[Side.SRC], view.panes[Side.TGT]
    start = src.segment_rect(2).center().toPoint()
    qtbot.mouseMove(src, start)                                      # the pointer over zh 3: its link hovered
    qtbot.waitUntil(lambda: view.hovered_bead == 2)
    qtbot.mousePress(src, Qt.MouseButton.LeftButton, pos=start)
    drop = tgt.segment_rect(4).center().toPoint()
    qtbot.mouseMove(src, src.mapFromGlobal(tgt.mapToGlobal(QPoint(drop.x(), drop.y() - 3))))
    qtbot.mouseMove(tgt, drop)
    qtbot.mouseRelease(tgt, Qt.MouseButton.LeftButton, pos=drop)      # zh 3 <-> en 5
    QCursor.setPos(tgt.mapToGlobal(drop))                              # where the drop left the pointer
    assert any(b.src == (z[2],) and b.tgt == (e[4],) for b in win.document.beads)
    win.undo_stack.undo()
    assert view.hovered_bead == _bead_under_pointer(view)


def test_a_jump_to_a_sentence_without_counterpart_leaves_no_sentence_of_the_link_before_selected(qtbot):
    # an X11 audit: en 16-17 stayed pale while the unlinked zh 11 was selected
    win, z, e = _window(qtbot, 3, 3, lambda z, e: [Bead((z[0],), (e[0], e[1]), 0.99), Bead((z[1],), (), 0.0),
                                                   Bead((z[2],), (e[2],), 0.99)])
    view = win.view
    view.select_bead(0)
    win.actions_.next_doubtful.trigger()                              # F8: the unlinked zh 2
    assert view.current_segment() == (Side.SRC, 1)
    assert list(view.selected_positions(Side.TGT)) == []
    assert not win.actions_.link.isEnabled()                          # nothing on the English side to link with


def test_opening_the_editor_after_a_scroll_hovers_only_the_link_under_the_pointer(qtbot):
    # an X11 audit: zh 13-14 stayed pale while en 26 was edited
    win, z, e = _window(qtbot, 40, 40, lambda z, e: [Bead((z[i],), (e[i],), 0.99) for i in range(40)])
    view = win.view
    src = view.panes[Side.SRC]
    qtbot.mouseMove(src, src.segment_rect(3).center().toPoint())
    qtbot.waitUntil(lambda: view.hovered_bead == 3)
    view.select_segment(Side.TGT, 30)                                  # the keys went on, the panes scrolled
    win.actions_.edit_text.trigger()                                  # F2
    assert view.editing() is not None
    assert view.hovered_bead == _bead_under_pointer(view) != 3


def _lagging_english(qtbot):
    """Short Chinese sentences against long English ones: at the top the English pane shows far fewer links."""
    from editor.settings import Settings
    from editor.ui.window.main_window import MainWindow

    doc = AlignmentDocument.from_texts([(f"第{i}句。", 0) for i in range(30)],
                                       [(f"Sentence {i} is long enough to wrap " + "over several lines " * 12, 0)
                                        for i in range(30)])
    doc.beads = [Bead((s.id,), (t.id,), 0.99) for s, t in zip(doc.src, doc.tgt)]
    win = MainWindow(doc, settings=Settings(), autosave=False)
    qtbot.addWidget(win, before_close_func=lambda w: w.undo_stack.setClean())
    win.resize(1100, 700)
    win.show()
    qtbot.waitExposed(win)
    win.view.scrollbar.setValue(0)
    return win


def _in_view(view, side: Side, pos: int) -> bool:
    geo = view.layout_model.sides[side]
    top = geo.tops[pos] - view.offset(side)
    return top + geo.heights[pos] > 0 and top < view.viewport_height()


def test_a_click_on_a_sentence_brings_its_counterpart_out_of_sight_into_view(qtbot):
    from PySide6.QtCore import Qt

    win = _lagging_english(qtbot)
    view = win.view
    src = view.panes[Side.SRC]
    pos = max(p for p in range(30) if _in_view(view, Side.SRC, p) and src.segment_rect(p).bottom() < src.height())
    assert not _in_view(view, Side.TGT, pos)                           # its English far below the English pane
    qtbot.mouseClick(src, Qt.MouseButton.LeftButton, pos=src.segment_rect(pos).center().toPoint())
    assert view.current_segment() == (Side.SRC, pos)
    assert _in_view(view, Side.TGT, pos) and _in_view(view, Side.SRC, pos)


def test_a_click_on_a_sentence_whose_counterpart_is_in_view_moves_nothing(qtbot):
    from PySide6.QtCore import Qt

    win = _lagging_english(qtbot)
    view = win.view
    src = view.panes[Side.SRC]
    assert _in_view(view, Side.TGT, 1)
    qtbot.mouseClick(src, Qt.MouseButton.LeftButton, pos=src.segment_rect(1).center().toPoint())
    assert view.current_segment() == (Side.SRC, 1) and view.scrollbar.value() == 0


def test_a_double_click_edits_the_sentence_clicked_when_the_first_click_moved_the_panes(qtbot):
    from PySide6.QtCore import QEvent, QPointF, Qt
    from PySide6.QtGui import QMouseEvent

    win = _lagging_english(qtbot)
    view = win.view
    src = view.panes[Side.SRC]
    pos = max(p for p in range(30) if _in_view(view, Side.SRC, p) and src.segment_rect(p).bottom() < src.height())
    point = src.segment_rect(pos).center().toPoint()
    qtbot.mouseClick(src, Qt.MouseButton.LeftButton, pos=point)                  # the first click moves the panes
    assert view.scrollbar.value() > 0
    QApplication.sendEvent(src, QMouseEvent(QEvent.Type.MouseButtonDblClick, QPointF(point), src.mapToGlobal(QPointF(point)),
                                            Qt.MouseButton.LeftButton, Qt.MouseButton.LeftButton,
                                            Qt.KeyboardModifier.NoModifier))
    editor = view.editing()
    assert editor is not None and editor.segment_id == win.document.src[pos].id


def test_a_right_click_on_a_hidden_run_row_leaves_the_menu_nothing_to_edit(qtbot):
    from editor.ui.view.bead_layout import GAP_HEIGHT

    win, z, e = _filtered(qtbot)
    view = win.view
    view.select_bead(3)                                               # a link the filter hides, selected earlier
    pane = view.panes[Side.SRC]
    shown = []
    pane.show_menu = lambda menu, _pos: shown.append([a for a in menu.actions() if a.isEnabled()])
    y = int(view.layout_model.sides[Side.SRC].bead_tops[6] - GAP_HEIGHT / 2 - view.offset(Side.SRC))
    point = pane.rect().center()
    point.setY(y)
    QApplication.sendEvent(pane, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, pane.mapToGlobal(point)))
    assert view.current_bead() is None
    act = win.actions_
    assert shown and not any(a in shown[0] for a in (act.merge_beads, act.unlink, act.delete, act.edit_text))
