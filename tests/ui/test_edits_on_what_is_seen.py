"""Edits land on what the translator sees (an X11 audit): the right-click menu acts on the sentence under the
pointer, no key changes a link the Show filter hides, Find shows what it found, and the pale highlight follows
the selection."""

from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication

from editor.bitext.document import AlignmentDocument, Bead, BeadStatus, Side
from editor.ui.view.alignment_view import BeadFilter


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
    chosen = []

    def show(menu, _global_pos):
        chosen.extend(a for a in menu.actions() if a.text().replace("&", "") == text)

    pane.show_menu = show
    point = pane.segment_rect(pos).center().toPoint()
    QApplication.sendEvent(pane, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, pane.mapToGlobal(point)))
    assert chosen, f"no context-menu entry {text!r}"
    assert chosen[0].isEnabled()
    chosen[0].trigger()


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
