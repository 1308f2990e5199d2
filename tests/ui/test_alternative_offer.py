"""For a doubtful link, the engine's best alternative for its region is shown in the explanation strip and one
key accepts it, confirms it and re-aligns the rest around it (issue 20, point 4)."""

from __future__ import annotations

import pytest

from editor.bitext.document import AlignmentDocument, Bead, BeadStatus, Segment
from tests.conftest import ENGINE_TIMEOUT_MS

ZH = ["今天天气很好。", "我们去公园散步。", "公园里有很多人。", "孩子们在放风筝。"]
EN = ["The weather is fine today.", "We go for a walk in the park.", "There are many people in the park.",
      "The children are flying kites."]
N = len(ZH)


def _window(qtbot, monkeypatch, first: Bead | None = None, realign: bool = False):
    """A window on the four sentences: link 1 a doubtful 2-1, then a stray 0-1; `first` replaces link 0. Its
    re-alignments are recorded in `win.started` (keep_fixed of each), not run (`realign`: run by the engine)."""
    from editor.settings import Settings
    from editor.ui.window.main_window import MainWindow

    src = [Segment(i, t, i) for i, t in enumerate(ZH)]
    tgt = [Segment(N + j, t, j) for j, t in enumerate(EN)]
    beads = [first or Bead((0,), (N,), 0.99), Bead((1, 2), (N + 1,), 0.40), Bead((), (N + 2,), 0.2),
             Bead((3,), (N + 3,), 0.99)]
    win = MainWindow(AlignmentDocument(src, tgt, beads), settings=Settings(), autosave=False)
    qtbot.addWidget(win, before_close_func=lambda w: w.undo_stack.setClean())
    win.show()
    qtbot.waitExposed(win)
    win.started = []
    if not realign:
            monkeypatch.setattr(win, "start_alignment",
                            lambda keep_fixed=True, mode="best", fold_into=None: win.started.append(keep_fixed))
    with qtbot.waitSignal(win.alternative.offered, timeout=120_000):
        win.view.select_bead(1)
    return win


def test_the_alternative_of_a_doubtful_link_is_offered_and_one_key_accepts_it(qtbot, monkeypatch):
    n = N
    win = _window(qtbot, monkeypatch)
    assert "alternative 1 of 4: 1 ↔ 1, 2 ↔ 2, 3 ↔ 3 (Alt+Return accepts it, Alt+Right shows the next)" in \
        win.strip.label.text()
    assert win.alternative.action.isEnabled()
    win.alternative.action.trigger()
    doc = win.document
    # the links it makes are confirmed; the neighbour it leaves as it was keeps its status (an X11 re-test saw an
    # untouched neighbour written to the TMX as confirmed)
    assert [(b.src, b.tgt, b.status) for b in doc.beads[:3]] == [
        ((0,), (n,), BeadStatus.AUTO), ((1,), (n + 1,), BeadStatus.CONFIRMED), ((2,), (n + 2,), BeadStatus.CONFIRMED)]
    assert doc.beads[0].confidence == 0.99
    assert win.started == [True]                    # and the rest is re-aligned around it
    # on the link made where the doubtful one was, not on the untouched neighbour first in the region (an X11
    # audit: the selection went to a 0.99 link not in the review list)
    assert win.view.current_bead() == 1
    win.undo_stack.undo()
    assert doc.beads[1].src == (1, 2)


def test_accepting_the_alternative_leaves_a_confirmed_neighbour_as_it_was(qtbot, monkeypatch):
    # seen in a real X11 session: after confirming a link, the next doubtful link's alternative re-cut the
    # confirmed one ("alternative: 118 ↔ 158-159, 119 ↔ 160-164, ..."), and accepting it would replace it
    n = N
    confirmed = Bead((0,), (n,), 1.0, BeadStatus.CONFIRMED)
    win = _window(qtbot, monkeypatch, confirmed)
    assert "alternative 1 of 4: 2 ↔ 2, 3 ↔ 3" in win.strip.label.text()
    assert "1 ↔" not in win.strip.label.text().split("alternative 1 of 4:")[1]
    win.alternative.action.trigger()
    doc = win.document
    assert doc.beads[0] is confirmed                 # the very same link: its dates and people kept
    assert [(b.src, b.tgt) for b in doc.beads[:3]] == [((0,), (n,)), ((1,), (n + 1,)), ((2,), (n + 2,))]


def test_one_key_shows_the_next_alternative_and_accepting_takes_the_one_shown(qtbot, monkeypatch):
    # the best alternative is the right one for a quarter of MAC-dev's wrong links, one of the first three for
    # half of them (bench_review.py --alternatives): the strip steps through them
    n = N
    win = _window(qtbot, monkeypatch)
    offer = win.alternative
    first = win.strip.label.text().split("alternative 1 of 4: ")[1].split(" (")[0]
    assert offer.next_action.isEnabled()
    offer.next_action.trigger()
    second = win.strip.label.text().split("alternative 2 of 4: ")[1].split(" (")[0]
    assert second != first
    for _ in range(3):
        offer.next_action.trigger()                   # 3, 4, then the best again
    assert "alternative 1 of 4: " + first in win.strip.label.text()
    offer.next_action.trigger()
    offer.action.trigger()                            # accepts the second, the one shown
    doc = win.document
    expected = [(_positions(s), _positions(t)) for s, t in (link.split(" ↔ ") for link in second.split(", "))]
    got = [(b.src, tuple(j - n for j in b.tgt)) for b in doc.beads[:len(expected)]]
    assert got == expected
    before = {((0,), (n,))}                           # the one link of the region that was there before, untouched
    assert all(b.status is (BeadStatus.AUTO if (b.src, b.tgt) in before else BeadStatus.CONFIRMED)
               for b in doc.beads[:len(expected)])


def test_the_same_link_selected_again_keeps_the_alternative_shown_for_alt_return(qtbot, monkeypatch):
    # an X11 audit: the strip showed "alternative 3 of 4: 43–44 ↔ 62–63, …", and Alt+Return made other links: the
    # same link selected again (the review list re-selects its row when it refreshes) started the offer over at
    # the first alternative
    n = N
    win = _window(qtbot, monkeypatch)
    offer = win.alternative
    offer.next_action.trigger()
    second = win.strip.label.text().split("alternative 2 of 4: ")[1].split(" (")[0]
    win.view.select_bead(1)
    offer.request()                                   # as a refresh selecting the row again
    assert "alternative 2 of 4: " + second in win.strip.label.text() and offer.action.isEnabled()
    offer.action.trigger()
    expected = [(_positions(s), _positions(t)) for s, t in (link.split(" ↔ ") for link in second.split(", "))]
    assert [(b.src, tuple(j - n for j in b.tgt)) for b in win.document.beads[:len(expected)]] == expected


def test_the_next_alternative_brings_its_link_into_view(qtbot, monkeypatch):
    # an X11 re-test: Alt+Right on a link scrolled out of sight changed the strip and showed nothing of the link
    win = _window(qtbot, monkeypatch)
    view = win.view
    view.resize(view.width(), 120)                    # a view too low for the four links
    view.scrollbar.setValue(view.scrollbar.maximum())
    qtbot.waitUntil(lambda: not view._bead_whole(1))
    win.alternative.next_action.trigger()
    assert "alternative 2 of 4" in win.strip.label.text() and view._bead_whole(1)


@pytest.mark.slow
def test_one_undo_takes_back_the_accepted_alternative_and_its_realignment(qtbot, monkeypatch):
    # seen in an X11 session: after Alt+Return, Ctrl+Z undid only the re-alignment, and the accepted links
    # stayed confirmed until a second Ctrl+Z
    win = _window(qtbot, monkeypatch, realign=True)
    doc, stack = win.document, win.undo_stack
    before = [(b.src, b.tgt, b.status) for b in doc.beads]
    steps = stack.count()
    said = []
    win.alignment_jobs.message.connect(lambda text, ms: said.append(text))
    with qtbot.waitSignal(win.alignment_jobs.aligned, timeout=ENGINE_TIMEOUT_MS):
        win.alternative.action.trigger()
    assert stack.count() == steps + 1                         # one step for the key press
    # the status bar says it is done (a re-alignment with nothing to change left "Aligning…": an X11 audit), and
    # what was done ("Aligned: 158 links" read as if the whole text had been aligned again: an X11 re-test)
    assert said and said[-1].startswith("Alternative accepted; the rest aligned around it")
    assert doc.beads[1].status is BeadStatus.CONFIRMED and doc.beads[1].src == (1,)
    after = [(b.src, b.tgt, b.status) for b in doc.beads]
    stack.undo()
    assert [(b.src, b.tgt, b.status) for b in doc.beads] == before
    stack.redo()
    assert [(b.src, b.tgt, b.status) for b in doc.beads] == after


def _positions(span: str) -> tuple[int, ...]:
    """"2–3" → (1, 2), "2" → (1,), "–" → () (the strip numbers sentences from 1)."""
    if span == "–":
        return ()
    first, _, last = span.partition("–")
    return tuple(range(int(first) - 1, int(last or first)))


def test_after_accepting_the_alternative_return_goes_on_down_the_review_list(qtbot, monkeypatch):
    # seen in an X11 audit: after Alt+Return no row of the review list was selected, and Return went on to the
    # next unconfirmed link of the text instead of the list's next row
    from editor.settings import Settings
    from editor.ui.review.review_list import ReviewOrder
    from editor.ui.window.main_window import MainWindow

    zh = ZH + ["图书馆每天上午九点开门。", "周一上午闭馆整理。", "报名请访问图书馆网站。"]
    en = EN + ["The library opens at 9 a.m. every day.", "It is closed on Monday mornings.",
               "To sign up, visit the library's website."]
    n = len(zh)
    src = [Segment(i, t, i) for i, t in enumerate(zh)]
    tgt = [Segment(n + j, t, j) for j, t in enumerate(en)]
    beads = [Bead((0,), (n,), 0.99), Bead((1, 2), (n + 1,), 0.40), Bead((), (n + 2,), 0.2),
             Bead((3,), (n + 3,), 0.99), Bead((4,), (n + 4,), 0.99), Bead((5,), (n + 5,), 0.99),
             Bead((6,), (n + 6,), 0.5)]
    win = MainWindow(AlignmentDocument(src, tgt, beads), settings=Settings(), autosave=False)
    qtbot.addWidget(win, before_close_func=lambda w: w.undo_stack.setClean())
    win.resize(1280, 720)
    win.show()
    qtbot.waitExposed(win)
    monkeypatch.setattr(win, "start_alignment", lambda keep_fixed=True, mode="best", fold_into=None: None)
    panel = win.review_list
    win.review_list_action.trigger()
    panel.set_order(ReviewOrder.CONFIDENCE)
    panel.refresh(win.document, win.view.review, None)
    listed = panel.model.beads()
    assert listed.index(1) < listed.index(6)                 # the doubtful 2-1 link, later the 0.5 one
    with qtbot.waitSignal(win.alternative.offered, timeout=120_000):
        panel.choose_row(listed.index(1))
    win.alternative.action.trigger()                         # accepted and confirmed (the rest not re-aligned)
    assert win.document.beads[1].status is BeadStatus.CONFIRMED
    win.actions_.confirm_next.trigger()                      # Return
    doc = win.document
    assert doc.beads[win.view.current_bead()].tgt == (n + 6,)   # the list's next link, not the text's next one
