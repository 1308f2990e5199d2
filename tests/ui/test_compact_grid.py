"""Density: paragraph starts are marks, not lines; the compact grid shows one numbered row per link without curves."""

from PySide6.QtCore import QPoint, Qt

from editor.bitext.document import Segment, Side


def test_a_paragraph_start_takes_no_extra_height(qtbot, window):
    pane = window.view.panes[Side.SRC]
    doc = window.document
    starts = [p for p in range(1, len(doc.src)) if window.view.paragraph_start(Side.SRC, p)]
    assert starts                                              # the sample has several paragraphs
    geo = window.view.layout_model.sides[Side.SRC]
    p = starts[0]
    assert geo.heights[p] == pane.measure(doc.src[p], pane.text_width())            # no header line on top
    same_text = Segment(999, doc.src[p].text, doc.src[p - 1].paragraph)              # the same, mid-paragraph
    assert pane.measure(same_text, pane.text_width()) == geo.heights[p]


def test_ctrl_shift_g_switches_to_the_compact_grid_with_more_links_in_view_and_back(qtbot, window):
    view = window.view
    pane = view.panes[Side.SRC]
    pane.setFocus()
    rows_before = len([k for k in range(*view.visible_bead_range()) if view.layout_model.row_heights[k] > 0])
    tall_before = sum(view.layout_model.row_heights) / len(view.layout_model.row_heights)
    qtbot.keyClick(pane, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert view.compact and window.actions_.compact.isChecked()
    assert not view.canvas.isVisible()                        # no curves
    layout = view.layout_model
    assert layout.row_mode                                     # one row per link: both columns share it
    for k in range(len(window.document.beads)):
        for side in Side:
            geo = layout.sides[side]
            assert geo.bead_tops[k] == layout.row_tops[k] or geo.bead_heights[k] == 0
    assert sum(layout.row_heights) / len(layout.row_heights) < tall_before
    rows_after = len([k for k in range(*view.visible_bead_range()) if layout.row_heights[k] > 0])
    assert rows_after >= rows_before
    qtbot.keyClick(pane, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert not view.compact and view.canvas.isVisible()


def test_clicking_a_row_of_the_compact_grid_selects_that_sentence(qtbot, window):
    view = window.view
    window.actions_.compact.setChecked(True)
    tgt = view.panes[Side.TGT]
    k = 3
    geo = view.layout_model.sides[Side.TGT]
    pos = window.document.locate(window.document.beads[k].tgt[0])[1]
    point = QPoint(tgt.width() // 2, int(geo.tops[pos] - view.offset(Side.TGT) + geo.heights[pos] / 2))
    qtbot.mouseClick(tgt, Qt.MouseButton.LeftButton, pos=point)
    assert view.cursor_position(Side.TGT) == pos and view.current_bead() == k
