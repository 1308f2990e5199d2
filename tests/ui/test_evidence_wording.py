"""The strip and the review list name a link's dictionary coverage whatever ran before: the aligner runs in a
process of its own, so the window opens the dictionary itself (on a worker thread) once a link is shown."""

from __future__ import annotations

from editor.bitext.document import AlignmentDocument, Bead, Segment

ZH = ["今天天气很好。", "我们去公园散步。"]
EN = ["The weather is fine today.", "We go for a walk in the park."]


def test_the_dictionary_coverage_is_named_once_a_link_is_shown(qtbot, monkeypatch):
    # seen in a real X11 session: the same link read "no numbers, length ratio 2.5 (typical 3.5)" in one run and
    # "..., dictionary cover 22 %, ..." in another, depending on whether an alternative had been computed
    from editor.alignment import lexicon
    from editor.settings import Settings
    from editor.ui.window.main_window import MainWindow

    monkeypatch.setattr(lexicon, "_shared", None)       # a process in which nothing opened the dictionary yet
    n = len(ZH)
    src = [Segment(i, t, i) for i, t in enumerate(ZH)]
    tgt = [Segment(n + j, t, j) for j, t in enumerate(EN)]
    doc = AlignmentDocument(src, tgt, [Bead((0,), (n,), 0.50), Bead((1,), (n + 1,), 0.99)])
    win = MainWindow(doc, settings=Settings(), autosave=False)
    qtbot.addWidget(win, before_close_func=lambda w: w.undo_stack.setClean())
    win.show()
    qtbot.waitExposed(win)
    win.review_list.show()
    win.view.select_bead(0)
    qtbot.waitUntil(lambda: "dictionary cover" in win.strip.label.text(), timeout=120_000)
    model = win.review_list.model
    qtbot.waitUntil(lambda: model.beads() == [0] and "dictionary cover" in model.why(0), timeout=120_000)


def test_the_strip_does_not_count_inline_code_markers_as_numbers(qapp):
    # an X11 audit: "版本号为{4}，日期为{5}。" / "Version {4}, dated {5}." read "numbers 2 matched, 0 unmatched"
    from pathlib import Path

    from editor.exchange.opening import load_alignment
    from editor.ui.view.explanation_strip import evidence_reasons

    doc = load_alignment(Path(__file__).resolve().parents[1] / "data" / "exchange" / "xliff12-every-code.xlf")
    assert doc.bead_texts(doc.beads[3]) == ("版本号为{4}，日期为{5}。", "Version {4}, dated {5}.")
    assert "no numbers" in evidence_reasons(doc, doc.beads[3], 3.0)
