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


def test_the_problems_filter_carried_to_a_document_without_problems_shows_all_and_says_so(qtbot, window):
    from editor.bitext import edits
    view = window.view
    window.actions_.problems_only.setChecked(True)
    assert any(view.bead_hidden(k) for k in range(len(window.document.beads)))
    doc = window.document
    clean = doc.__class__.from_texts([("你好。", 0), ("再见。", 0)], [("Hello.", 0), ("Goodbye.", 0)], doc.meta)
    clean.apply(edits.link(clean, (clean.src[0].id,), (clean.tgt[0].id,)))
    clean.apply(edits.link(clean, (clean.src[1].id,), (clean.tgt[1].id,)))
    window.set_document(clean, None)
    assert window.actions_.problems_only.isChecked()             # the filter carries over
    assert not any(view.bead_hidden(k) for k in range(len(clean.beads)))
    assert all(view.layout_model.row_heights[k] > 0 for k in range(len(clean.beads)))
    assert view.filter_note.isVisibleTo(view) and view.filter_note.text() == "No doubtful links — showing all"


def _pilcrow_fits(pane, largest: int) -> bool:
    """The ¶ (drawn from the margin's left + 2) and the right-aligned number leave a gap of 2 pixels."""
    fm = pane._small_fm
    return fm.horizontalAdvance("¶") + fm.horizontalAdvance(str(largest)) + 6 <= pane.number_width()


def test_four_digit_sentence_numbers_do_not_run_into_the_paragraph_mark(qtbot):
    from editor.bitext.document import AlignmentDocument, DocumentMeta
    from tests.ui.editor_fixtures import show_window

    n = 1200
    doc = AlignmentDocument.from_texts([(f"第{i}句。", i) for i in range(n)], [(f"Sentence {i}.", i) for i in range(n)],
                                       DocumentMeta(src_lang="zh-CN", tgt_lang="en-US"))
    window = show_window(qtbot, doc)
    for side in Side:
        assert _pilcrow_fits(window.view.panes[side], n), side


def test_the_inline_editor_does_not_cover_the_next_grid_row(qtbot, window):
    view = window.view
    window.actions_.compact.setChecked(True)
    k = 4
    view.select_bead(k)
    pane = view.panes[Side.SRC]
    pane.setFocus()
    window.actions_.edit_text.trigger()
    editor = view.editing()
    assert editor is not None
    layout = view.layout_model
    next_row_top = layout.row_tops[k + 1] - view.offset(Side.SRC)
    assert editor.geometry().bottom() < next_row_top
    pos = window.document.locate(window.document.beads[k].src[0])[1]
    assert editor.geometry().top() >= pane.segment_rect(pos).top() - 1       # nor the row above (rounding)


def _middles(view, k):
    layout = view.layout_model
    return {side: layout.sides[side].bead_tops[k] + layout.sides[side].bead_heights[k] / 2 - view.offset(side)
            for side in Side}


def _whole(view, k):
    layout, vh = view.layout_model, view.viewport_height()
    for side in Side:
        top = layout.sides[side].bead_tops[k] - view.offset(side)
        height = layout.sides[side].bead_heights[k]
        if height and not (top >= 0 and top + height <= vh + 0.5):
            return False
    return True


def test_in_the_default_view_the_selected_links_ends_are_kept_level_at_1280x720(qtbot, window):
    from tests.conftest import EVENT_TIMEOUT_MS
    window.resize(1280, 720)
    view = window.view
    qtbot.waitUntil(lambda: (window.width(), window.height()) == (1280, 720), timeout=EVENT_TIMEOUT_MS)
    assert not view.row_mode and not view.compact
    doc = window.document
    layout = view.layout_model
    assert layout.total_rows > view.viewport_height()      # the sample scrolls at this size
    unlevel = set()

    def shown_level_and_whole(k):
        middles = _middles(view, k)
        assert _whole(view, k), k                                       # never cut by the pane's edge
        if abs(middles[Side.SRC] - middles[Side.TGT]) > 3:
            # only where levelling would cut it: the reference line runs along the top edge at the start
            # of the text and along the bottom edge at its end
            levelled = layout.value_levelling_bead(k, view.viewport_height())
            assert abs(view.scrollbar.value() - levelled) > 1, (k, middles)
            unlevel.add(k)
        assert all(0 <= m <= view.viewport_height() for m in middles.values())

    for k in range(len(doc.beads)):
        if not (doc.beads[k].src and doc.beads[k].tgt):
            continue
        view.select_bead(k)                                             # as the review list and F8 do
        shown_level_and_whole(k)
    assert len(unlevel) <= 3 and all(k < 2 or k > len(doc.beads) - 3 for k in unlevel), unlevel
    # Moving with the arrow keys keeps the link level too.
    view.select_bead(0)
    pane = view.panes[Side.SRC]
    pane.setFocus()
    for _ in range(len(doc.src) - 1):
        qtbot.keyClick(pane, Qt.Key.Key_Down)
        k = view.current_bead()
        if doc.beads[k].src and doc.beads[k].tgt:
            shown_level_and_whole(k)


def _long_window(qtbot, n=80):
    """A window on n 1-1 links: long enough to scroll far."""
    from editor.bitext.document import AlignmentDocument, Bead, Change, DocumentMeta, Splice
    from tests.ui.editor_fixtures import show_window

    doc = AlignmentDocument.from_texts([(f"这是第{i}句。", i // 4) for i in range(n)],
                                       [(f"This is sentence {i}.", i // 4) for i in range(n)],
                                       DocumentMeta(src_lang="zh-CN", tgt_lang="en-US"))
    beads = tuple(Bead((doc.src[i].id,), (doc.tgt[i].id,), 0.9) for i in range(n))
    doc.apply(Change("align", beads=Splice(0, tuple(doc.beads), beads)))
    return show_window(qtbot, doc)


def test_a_key_edits_nothing_out_of_sight_it_scrolls_to_the_selection_instead(qtbot):
    window = _long_window(qtbot)
    view, doc = window.view, window.document
    view.select_bead(5)
    pane = view.panes[Side.SRC]
    window.activateWindow()
    pane.setFocus()
    qtbot.waitUntil(pane.hasFocus)
    view.scrollbar.setValue(view.scrollbar.maximum())            # the translator scrolled away
    assert not view.selection_in_view()
    before = doc.snapshot()
    qtbot.keyClick(pane, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)     # Move Boundary Down
    assert doc.snapshot() == before                                          # nothing changed out of sight
    assert view.selection_in_view()                                          # the selection is shown instead
    qtbot.keyClick(pane, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)   # now, in view, the key acts
    assert doc.snapshot() != before
    view.scrollbar.setValue(view.scrollbar.maximum())
    before = doc.snapshot()
    qtbot.keyClick(pane, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)    # Unlink, out of sight
    assert doc.snapshot() == before and view.selection_in_view()


def test_a_key_does_not_edit_a_link_the_filter_hides(qtbot, window):
    view, doc = window.view, window.document
    window.actions_.compact.setChecked(True)
    view.select_bead(next(k for k in range(len(doc.beads)) if doc.beads[k].kind == (1, 1)))
    view.set_filter(BeadFilter.PROBLEMS)
    if not view.bead_hidden(view.current_bead()):
        view.select_bead(next(k for k in range(len(doc.beads)) if view.bead_hidden(k)))
    hidden = view.current_bead()
    assert view.bead_hidden(hidden)
    before = doc.snapshot()
    pane = view.panes[Side.SRC]
    pane.setFocus()
    for key, mods in ((Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier), (Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier),
                      (Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)):
        view.set_filter(BeadFilter.PROBLEMS)         # hidden again (a key shows the selection it did not edit)
        view.select_bead(hidden)
        assert view.bead_hidden(hidden)
        qtbot.keyClick(pane, key, mods)
        assert doc.snapshot() == before
        assert not view.bead_hidden(hidden) and view.selection_in_view()     # shown instead, as the status bar says


def test_ctrl_c_copies_the_selected_link_as_zh_tab_en_or_the_selected_sentences(qtbot, window):
    from PySide6.QtWidgets import QApplication
    view, doc = window.view, window.document
    k = next(k for k in range(len(doc.beads)) if doc.beads[k].kind == (1, 1))
    view.select_bead(k)
    pane = view.panes[Side.SRC]
    pane.setFocus()
    qtbot.keyClick(pane, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    bead = doc.beads[k]
    assert QApplication.clipboard().text() == f"{doc.segment(bead.src[0]).text}\t{doc.segment(bead.tgt[0]).text}"
    view.select_segment(Side.TGT, 1)
    view.select_segment(Side.TGT, 2, extend=True)
    qtbot.keyClick(view.panes[Side.TGT], Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == f"{doc.tgt[1].text}\n{doc.tgt[2].text}"
    assert any(a is window.actions_.copy for a in view.context_actions)         # and in the context menu


def test_insert_then_escape_leaves_no_empty_sentence(qtbot, window):
    view, doc = window.view, window.document
    view.select_segment(Side.TGT, 2)
    pane = view.panes[Side.TGT]
    pane.setFocus()
    before = doc.snapshot()
    qtbot.keyClick(pane, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    editor = view.editing()
    assert editor is not None and len(doc.tgt) == len(before[1]) + 1
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert view.editing() is None
    assert doc.snapshot() == before and not any(s.text == "" for s in doc.tgt)


def test_the_strip_numbers_links_as_the_view_does(qtbot, window):
    view, doc = window.view, window.document
    # a link whose Chinese sentence number is not its link number (after the sample's unlinked English sentence)
    k = next(k for k in range(3, len(doc.beads)) if doc.beads[k].src and doc.beads[k].tgt
             and doc.locate(doc.beads[k].src[-1])[1] != k)
    view.select_bead(k)
    src, tgt = doc.positions(doc.beads[k])
    first = window.strip.label.text().split(" · ")[0]
    assert first == f"Link {src[-1] + 1} ↔ {tgt[-1] + 1}"                # sentence numbers, as the panes show
    window.actions_.compact.setChecked(True)
    first = window.strip.label.text().split(" · ")[0]
    assert first == f"Link {k + 1}"                                      # the link's number, as the grid shows


def test_after_a_click_on_a_hidden_run_row_the_edits_are_off(qtbot, window):
    view, layout, gaps = _problems_grid(window)
    k = next(g for g in gaps if g > 0)
    view.ensure_bead_visible(k, force=True)
    pane = view.panes[Side.TGT]
    y = int(layout.sides[Side.TGT].bead_tops[k] - GAP_HEIGHT / 2 - view.offset(Side.TGT))
    qtbot.mouseClick(pane, Qt.MouseButton.LeftButton, pos=QPoint(pane.width() // 2, y))
    act = window.actions_
    assert view.current_bead() is None
    assert not any(a.isEnabled() for a in (act.boundary_up, act.boundary_down, act.unlink, act.merge_beads,
                                           act.confirm_next, act.edit_text, act.delete))


def test_the_selected_link_stays_whole_when_the_panes_get_shorter(qtbot, window):
    # seen in a real X11 session: the last link of a chapter, selected whole, lost its last line when the strip
    # under the panes grew a line (the link's alternatives arrived)
    from tests.conftest import EVENT_TIMEOUT_MS
    window.resize(1280, 720)
    view = window.view
    qtbot.waitUntil(lambda: (window.width(), window.height()) == (1280, 720), timeout=EVENT_TIMEOUT_MS)
    doc = window.document
    last = max(k for k, b in enumerate(doc.beads) if b.src and b.tgt)
    view.select_bead(last)
    assert _whole(view, last)
    for height in (700, 680, 650):                   # the panes lose 20-70 pixels at the bottom
        before = view.viewport_height()
        window.resize(1280, height)
        qtbot.waitUntil(lambda: view.viewport_height() < before, timeout=EVENT_TIMEOUT_MS)
        qtbot.waitUntil(lambda: _whole(view, last), timeout=EVENT_TIMEOUT_MS)
    # a link the reader scrolled away from is left where it is
    view.scrollbar.setValue(0)
    before = view.viewport_height()
    window.resize(1280, 620)
    qtbot.waitUntil(lambda: view.viewport_height() < before, timeout=EVENT_TIMEOUT_MS)
    assert view.scrollbar.value() == 0


def _on_screen(view, side) -> bool:
    """One side's selected sentences are at least partly inside the pane."""
    geo = view.layout_model.sides[side]
    return any(geo.tops[p] - view.offset(side) + geo.heights[p] > 0
               and geo.tops[p] - view.offset(side) < view.viewport_height() for p in view.selected_positions(side))


def test_ctrl_l_links_nothing_with_a_selection_on_the_other_side_that_is_out_of_view(qtbot):
    # an X11 audit: the import left link 1 selected; the translator scrolled down, clicked Chinese sentence 10
    # and pressed Ctrl+L: it was linked to English sentence 1, off screen, as a link "made by hand"
    window = _long_window(qtbot)
    view, doc = window.view, window.document
    view.select_bead(0)
    view.scrollbar.setValue(view.scrollbar.maximum() // 2)      # the translator scrolled away
    assert not _on_screen(view, Side.TGT)
    zh = view.panes[Side.SRC]
    window.activateWindow()
    zh.setFocus()
    qtbot.waitUntil(zh.hasFocus)
    tops = view.layout_model.sides[Side.SRC].tops
    shown = next(p for p in range(len(doc.src)) if tops[p] - view.offset(Side.SRC) > 40)   # one on screen
    view.select_segment(Side.SRC, shown, scroll=False)          # as a mouse press does
    assert _on_screen(view, Side.SRC) and not _on_screen(view, Side.TGT)
    before = doc.snapshot()
    qtbot.keyClick(zh, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert doc.snapshot() == before
    assert "out of view" in window.statusBar().currentMessage()
    # with a visible English selection, chosen by the translator, it links
    counterpart = shown + 2
    view.select_segment(Side.TGT, counterpart, scroll=False)
    assert _on_screen(view, Side.TGT)
    view.select_segment(Side.SRC, shown, scroll=False)
    qtbot.keyClick(zh, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    k = doc.bead_index_of(doc.src[shown].id)
    assert doc.beads[k].tgt == (doc.tgt[counterpart].id,)
    assert "out of view" not in window.statusBar().currentMessage()     # the refusal said before is gone


def test_tab_into_the_other_pane_keeps_the_link_the_translator_clicked_current(qtbot, window):
    # an X11 audit: click Chinese sentence 3, Tab twice to "Confirm and Go to Next", Space: link 1 (whose English
    # sentence the English pane still held from the import) was confirmed, not link 3
    from editor.bitext.document import BeadStatus

    view, doc = window.view, window.document
    view.select_bead(0)
    ones = [k for k, b in enumerate(doc.beads) if b.kind == (1, 1)]
    k = ones[2]
    zh, en = view.panes[Side.SRC], view.panes[Side.TGT]
    window.activateWindow()
    zh.setFocus()
    qtbot.waitUntil(zh.hasFocus)
    view.select_segment(Side.SRC, doc.locate(doc.beads[k].src[0])[1], scroll=False)   # the click on it
    assert view.current_bead() == k
    en.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(en.hasFocus)
    assert view.focus_side is Side.TGT and view.current_bead() == k
    assert view.selected_ids(Side.TGT) == doc.beads[k].tgt
    window.actions_.confirm_next.trigger()
    assert doc.beads[k].status is not BeadStatus.AUTO and doc.beads[0].status is BeadStatus.AUTO


def test_f2_edits_a_sentence_whole_on_screen_where_it_is(qtbot):
    # an X11 audit: F2 on a sentence in full view scrolled it 240-370 px to level its link first
    from editor.bitext.document import AlignmentDocument, Bead, Change, DocumentMeta, Splice
    from tests.ui.editor_fixtures import show_window

    n = 60
    doc = AlignmentDocument.from_texts([(f"第{i}句。", i) for i in range(n)],
                                       [(f"Sentence {i} is a long one, " + "with many more words in it " * 6, i)
                                        for i in range(n)], DocumentMeta(src_lang="zh-CN", tgt_lang="en-US"))
    doc.apply(Change("align", beads=Splice(0, tuple(doc.beads),
                                           tuple(Bead((doc.src[i].id,), (doc.tgt[i].id,), 0.9) for i in range(n)))))
    window = show_window(qtbot, doc)
    view = window.view
    view.scrollbar.setValue(view.scrollbar.maximum() // 3)
    geo = view.layout_model.sides[Side.SRC]
    vh = view.viewport_height()
    pos = next(p for p in range(n) if 60 < geo.tops[p] - view.offset(Side.SRC) < vh - geo.heights[p] - 60)
    k = doc.bead_index_of(doc.src[pos].id)
    assert not view._bead_level(k)                     # its English end lies elsewhere: a jump would level it
    view.select_segment(Side.SRC, pos, scroll=False)   # the click on it

    def on_screen() -> tuple[float, float]:
        """Where the sentence is in its pane, and the English pane's offset."""
        return view.layout_model.sides[Side.SRC].tops[pos] - view.offset(Side.SRC), view.offset(Side.TGT)

    before = on_screen()
    view.edit_segment(Side.SRC, pos)
    assert view.editing() is not None
    after = on_screen()                                # (the editor's own room may nudge the rows a little)
    assert abs(after[0] - before[0]) < 16 and abs(after[1] - before[1]) < 16, (before, after)


def test_undoing_a_regrouping_after_moving_on_selects_where_it_was_undone(qtbot):
    # an X11 re-test: Alt+Return on a link, Return (on to a link far up the list), Ctrl+Z: the panes went to the
    # undone links but the selection stayed on the other link, off screen
    from editor.bitext import edits

    window = _long_window(qtbot)
    view = window.view
    view.select_bead(50)
    window.push_change(lambda d: edits.merge_beads(d, 50, 51))      # a regrouping of links 50-51
    view.select_bead(5)                                              # the translator moved on
    window.undo_stack.undo()
    assert view.current_bead() in (50, 51)
    assert view.selection_in_view()


def test_redoing_a_step_of_several_changes_selects_where_its_first_change_was_made(qtbot):
    # an X11 audit: Alt+Return (the accepted alternative, then the re-alignment after it, one undo step), Ctrl+Z,
    # Ctrl+Y: the selection landed ~200 sentences away, where the re-alignment's change began
    from editor.bitext import edits
    from editor.ui.model.commands import build_compound

    window = _long_window(qtbot)
    view = window.view
    view.select_bead(30)
    window.undo_stack.push(build_compound(window.qdoc, "Accept", [lambda d: edits.merge_beads(d, 30, 31),
                                                                  lambda d: edits.merge_beads(d, 60, 61)]))
    window.undo_stack.undo()
    assert view.current_bead() in (30, 31)
    window.undo_stack.redo()
    assert view.current_bead() == 30 and view.selection_in_view()


def test_redoing_a_step_whose_later_change_takes_links_before_it_selects_its_first_change(qtbot):
    # a second X11 audit: Alt+Return, Ctrl+Z, Ctrl+Shift+Z in a book: the re-alignment in the same step merged
    # links earlier in the text, and the selection landed on the first change's old position, 24 links early
    from editor.bitext import edits
    from editor.ui.model.commands import build_compound

    window = _long_window(qtbot)
    view, doc = window.view, window.document
    view.select_bead(60)
    sentence = doc.beads[60].src[0]
    window.undo_stack.push(build_compound(window.qdoc, "Accept", [lambda d: edits.merge_beads(d, 60, 61),
                                                                  lambda d: edits.merge_beads(d, 10, 14)]))
    window.undo_stack.undo()
    window.undo_stack.redo()
    assert view.current_bead() == doc.bead_index_of(sentence) == 56 and view.selection_in_view()


def test_redoing_an_accepted_alternative_that_starts_with_an_unlinked_sentence_selects_its_link(qtbot):
    # a third X11 audit: the alternative "- <-> 2909, 2209-2210 <-> 2910-2912" accepted, Ctrl+Z, Ctrl+Shift+Z:
    # the selection landed on the unlinked English 2909, not on the accepted link
    from editor.bitext import edits
    from editor.bitext.document import Bead, BeadStatus
    from editor.ui.model.commands import build_compound

    window = _long_window(qtbot)
    view, doc = window.view, window.document
    a, b = doc.beads[40], doc.beads[41]
    accepted = [Bead((), (a.tgt[0],), 1.0, BeadStatus.CONFIRMED),
                Bead((*a.src, *b.src), (*a.tgt[1:], *b.tgt), 1.0, BeadStatus.CONFIRMED)]
    assert accepted[1].tgt, "the two links need English beside the sentence taken out"
    window.undo_stack.push(build_compound(window.qdoc, "Accept", [
        lambda d: edits.replace_beads(d, 40, 41, accepted), lambda d: edits.merge_beads(d, 10, 11)]))
    window.undo_stack.undo()
    window.undo_stack.redo()
    now = doc.beads[view.current_bead()]
    assert now.src == accepted[1].src and now.tgt == accepted[1].tgt


def test_ctrl_home_and_ctrl_end_select_the_first_and_last_sentences_the_filter_shows(qtbot, window):
    # an X11 audit: under Show "Doubtful and unlinked", Ctrl+Home selected link 1 (hidden), and Return then said
    # "The selection was out of view; it is shown now" again and again without showing anything
    view, doc = window.view, window.document
    view.set_filter(BeadFilter.PROBLEMS)
    shown = [k for k in range(len(doc.beads)) if not view.bead_hidden(k) and doc.beads[k].src]
    assert view.bead_hidden(0) and shown
    pane = view.panes[Side.SRC]
    window.activateWindow()
    pane.setFocus()
    qtbot.waitUntil(pane.hasFocus)
    view.select_bead(shown[-1])
    qtbot.keyClick(pane, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert view.current_bead() == shown[0] and not view.bead_hidden(view.current_bead())
    qtbot.keyClick(pane, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert view.current_bead() == shown[-1]
