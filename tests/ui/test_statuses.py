"""Statuses never lie (issue 20, point 7): text-only edits keep a link's review status, a sentence left unlinked
by any edit is in the review list and on F8's path, and aligning from scratch asks before it discards links a
person confirmed or edited."""

from __future__ import annotations

from lxml import etree
from PySide6.QtWidgets import QMessageBox

from editor.bitext import edits
from editor.bitext.document import AlignmentDocument, Bead, BeadStatus, Segment, Side
from editor.exporting import ExportOptions, export_document
from editor.exchange.xliff import XLIFF12_NS

ZH = ["第一句话。", "第二句话。", "第三句话。", "第四句话。", "第五句话。"]
EN = ["The first sentence.", "The second sentence.", "The third sentence.", "The fourth sentence.",
      "The fifth sentence."]


def _doc() -> AlignmentDocument:
    n = len(ZH)
    beads = [Bead((0,), (n,), 0.99), Bead((1, 2), (n + 1, n + 2), 0.99), Bead((3,), (n + 3,), 0.99),
             Bead((4,), (n + 4,), 0.99, BeadStatus.CONFIRMED)]
    return AlignmentDocument([Segment(i, t, i) for i, t in enumerate(ZH)],
                             [Segment(n + j, t, j) for j, t in enumerate(EN)], beads)


def _window(qtbot):
    from editor.settings import Settings
    from editor.ui.window.main_window import MainWindow

    win = MainWindow(_doc(), settings=Settings(), autosave=False)
    qtbot.addWidget(win, before_close_func=lambda w: w.undo_stack.setClean())
    win.resize(1280, 720)
    win.show()
    qtbot.waitExposed(win)
    return win


def _visit_f8(win) -> list[int]:
    view = win.view
    view.select_bead(0)
    seen = []
    for _ in range(len(win.document.beads)):
        before = view.current_bead()
        win.actions_.next_doubtful.trigger()
        if view.current_bead() == before:
            break
        seen.append(view.current_bead())
    return seen


def test_replace_all_on_punctuation_keeps_every_link_unreviewed_and_the_xliff_approves_nothing(qtbot, tmp_path):
    win = _window(qtbot)
    win.edit_controller._on_replace_requested(Side.TGT, ".", "!", False, False)
    doc = win.document
    assert [t.text[-1] for t in doc.tgt] == ["!"] * len(EN)
    assert [b.status for b in doc.beads] == [BeadStatus.AUTO] * 3 + [BeadStatus.CONFIRMED]
    path = tmp_path / "out.xlf"
    export_document(doc, path, ExportOptions())
    units = etree.parse(str(path)).getroot().findall(f".//{{{XLIFF12_NS}}}trans-unit")
    states = [u.find(f"{{{XLIFF12_NS}}}target").get("state") for u in units]
    assert states.count("final") == 1               # only the link a person confirmed


def test_the_sentences_split_into_one_to_one_leaves_unlinked_are_listed_and_reached_by_f8(qtbot):
    win = _window(qtbot)
    doc = win.document
    n = len(ZH)
    win.push_change(lambda d: edits.link(d, [1, 2], [n + 1]))
    k = next(i for i, b in enumerate(doc.beads) if b.src == (1, 2))
    win.view.select_bead(k)
    win.edit_controller.split_link.trigger()
    leftovers = [i for i, b in enumerate(doc.beads) if not (b.src and b.tgt)]
    assert leftovers
    assert set(leftovers) <= set(_visit_f8(win))
    win.review_list_action.trigger()
    qtbot.waitUntil(lambda: set(leftovers) <= set(win.review_list.model.beads()))


def test_ctrl_i_then_esc_leaves_no_unlinked_sentence_outside_the_review_list(qtbot):
    win = _window(qtbot)
    doc = win.document
    win.view.select_segment(Side.TGT, 3)
    win.actions_.insert.trigger()
    win.view.finish_editing(commit=False)           # Esc: the empty sentence is taken back out, or listed
    left = [i for i, b in enumerate(doc.beads) if not (b.src and b.tgt)]
    assert set(left) <= set(_visit_f8(win))
    win.review_list_action.trigger()
    qtbot.waitUntil(lambda: win.review_list.isVisible())
    qtbot.waitUntil(lambda: set(left) <= set(win.review_list.model.beads()))
    # an edit that does leave one (the insert kept with Enter, nothing typed) lists it and F8 reaches it
    win.view.select_segment(Side.TGT, 3)
    win.actions_.insert.trigger()
    win.view.finish_editing(commit=True)
    left = [i for i, b in enumerate(doc.beads) if not (b.src and b.tgt)]
    assert left and set(left) <= set(_visit_f8(win))
    qtbot.waitUntil(lambda: set(left) <= set(win.review_list.model.beads()))


def test_aligning_from_scratch_asks_before_it_discards_confirmed_links(qtbot, monkeypatch):
    win = _window(qtbot)
    asked, started = [], []
    monkeypatch.setattr(win, "start_alignment", lambda keep_fixed=True, mode="best": started.append(keep_fixed))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Cancel)
    win.actions_.align.trigger()
    assert len(asked) == 1 and "1 link" in asked[0] and started == []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    win.actions_.align.trigger()
    assert started == [True]                        # keep them: re-align the rest around them
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    win.actions_.align.trigger()
    assert started == [True, False]


def test_aligning_a_document_nobody_reviewed_does_not_ask(qtbot, monkeypatch):
    win = _window(qtbot)
    win.push_change(lambda d: edits.set_status(d, 3, 3, BeadStatus.AUTO))
    started = []
    monkeypatch.setattr(win, "start_alignment", lambda keep_fixed=True, mode="best": started.append(keep_fixed))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: (_ for _ in ()).throw(AssertionError("asked")))
    win.actions_.align.trigger()
    assert started == [False]


def test_return_on_a_sentence_an_edit_left_unlinked_confirms_it_as_having_no_counterpart(qtbot):
    # an X11 audit: Return on "50 <-> –" (left by an edit, "made by hand") moved on without recording anything,
    # and the sentence stayed doubtful and listed
    win = _window(qtbot)
    win.view.select_bead(2)
    win.actions_.unlink.trigger()                       # 3 <-> 8 -> two sentences left unlinked, not vouched
    k = next(i for i, b in enumerate(win.document.beads) if b.src == (3,))
    assert win.document.beads[k].status is BeadStatus.EDITED and win.view.is_doubtful(win.document.beads[k])
    count = win.undo_stack.count()
    win.view.select_bead(k)
    win.actions_.confirm_next.trigger()
    assert win.undo_stack.count() == count + 1
    assert win.document.beads[k].status is BeadStatus.CONFIRMED
    assert not win.view.is_doubtful(win.document.beads[k])
    assert win.view.current_bead() == k + 1             # on to the other one, still not vouched
    win.view.select_bead(0)
    assert win.navigator.next_unconfirmed(start=k) and win.view.current_bead() == k + 1   # not skipped either


def test_the_strip_says_a_confirmed_unlinked_sentence_is_settled(qtbot):
    # an X11 audit: "confirmed" in the unlinked red, then "unlinked: drag the sentence onto its translation ..."
    from editor.ui.view.link_style import COLOURS, LinkState

    win = _window(qtbot)
    win.view.select_bead(2)
    win.actions_.unlink.trigger()
    k = next(i for i, b in enumerate(win.document.beads) if b.src == (3,))
    win.view.select_bead(k)
    assert "unlinked</span> · drag the sentence" in win.strip.label.text()
    assert "made by hand" not in win.strip.label.text()
    win.actions_.confirm_next.trigger()
    win.view.select_bead(k)
    text = win.strip.label.text()
    assert "no counterpart" in text and "drag the sentence onto its translation, or" not in text
    assert COLOURS[LinkState.CONFIRMED].name() in text and COLOURS[LinkState.UNLINKED].name() not in text
    assert win.view.bead_colour(win.document.beads[k]) == COLOURS[LinkState.CONFIRMED]    # its mark in the panes
    assert win.view.bead_colour(win.document.beads[k + 1]) == COLOURS[LinkState.UNLINKED]  # the other one: red
