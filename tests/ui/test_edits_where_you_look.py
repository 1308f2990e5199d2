"""Edits land only where the translator looks: the "⋯" rows, keyboard edits on hidden selections, drops
onto linked sentences, Unlink's state, and level link ends in the default view."""

from PySide6.QtCore import QPoint, Qt

from editor.bitext.document import Side
from editor.ui.view.alignment_view import BeadFilter
from editor.ui.view.bead_layout import GAP_HEIGHT


def _problems_grid(window):
    view = window.view
    window.actions_.compact.setChecked(True)
    view.set_filter(BeadFilter.PROBLEMS)
    layout = view.layout_model
    gaps = [k for k, g in enumerate(layout.gap_before) if g]
    assert gaps, "the sample has hidden runs under Show: Problems"
    return view, layout, gaps


def test_a_click_on_a_hidden_run_row_selects_no_hidden_link(qtbot, window):
    view, layout, gaps = _problems_grid(window)
    # Select a link, then one the filter hides (as a link chosen earlier, before the filter, would be).
    hidden = next(k for k in range(len(window.document.beads)) if view.bead_hidden(k))
    view.select_bead(hidden)
    k = next(g for g in gaps if g > 0)
    view.ensure_bead_visible(k, force=True)
    pane = view.panes[Side.TGT]
    geo = layout.sides[Side.TGT]
    y = int(geo.bead_tops[k] - GAP_HEIGHT / 2 - view.offset(Side.TGT))
    qtbot.mouseClick(pane, Qt.MouseButton.LeftButton, pos=QPoint(pane.width() // 2, y))
    current = view.current_bead()
    assert current is None or not view.bead_hidden(current)


def test_unlink_is_enabled_whenever_a_link_shows_as_selected_after_an_undo(qtbot, window):
    view, doc, act = window.view, window.document, window.actions_
    k = 3
    view.select_bead(k)
    view.panes[Side.SRC].setFocus()
    act.merge_beads.trigger()                       # links k and k+1 become one
    view.select_bead(k)                             # the merged link is selected (as the review list does)
    assert act.unlink.isEnabled()
    window.undo_stack.undo()                        # two links again
    first, last = view.current_bead_range()
    # What is shown selected (the highlighted sentences of each side) is one link, and Unlink acts on it.
    for side in Side:
        segs = doc.segments(side)
        assert {doc.bead_index_of(segs[p].id) for p in view.selected_positions(side)} <= {first}
    assert first == last and act.unlink.isEnabled()
