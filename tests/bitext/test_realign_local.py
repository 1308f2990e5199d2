"""Re-align the Rest changes links only where an edit left the engine's alignment (workflow.keep_untouched): an
anchored re-alignment of a book aligned each stretch between anchors on its own and broke right links chapters
away from the one link a translator confirmed (an X11 audit); and a link given again keeps its history."""

from __future__ import annotations

from datetime import datetime, timezone

from editor import alignment
from editor.bitext import edits
from editor.bitext.document import AlignmentDocument, BeadStatus
from editor.workflow import align_document, alignment_change, keep_untouched

T0 = datetime(2026, 1, 1, tzinfo=timezone.utc)


def _doc(n: int = 8) -> AlignmentDocument:
    """n 1-1 links at 0.99, as the aligner left them."""
    doc = AlignmentDocument.from_texts([(f"第{i}句。", i) for i in range(n)], [(f"Sentence {i}.", i) for i in range(n)])
    doc.apply(alignment_change(doc, [alignment.AlignedBead((i,), (i,), 0.99) for i in range(n)], now=T0))
    return doc


def _aligned_park() -> AlignmentDocument:
    """Five sentence pairs aligned by the engine (mode fast), as a user's Align leaves them."""
    zh = ["今天天气很好。", "我们去公园散步。", "公园里有很多人。", "孩子们在草地上玩。", "天黑了，我们回家。"]
    en = ["The weather is fine today.", "We go for a walk in the park.", "There are many people in the park.",
          "Children play on the grass.", "It gets dark and we go home."]
    doc = AlignmentDocument.from_texts([(t, i) for i, t in enumerate(zh)], [(t, i) for i, t in enumerate(en)])
    doc.apply(align_document(doc, mode="fast"))
    return doc


def _realign(doc, engine):
    doc.apply(alignment_change(doc, keep_untouched(doc, engine)[0], "Re-align the rest", never_surer=True))


def test_links_no_edit_touched_stay_as_they_were_whatever_the_anchored_run_gives():
    doc = _doc()
    doc.apply(edits.confirm(doc, 1))
    # the translator links Chinese 5 with English 5-6: the 1-1 link 6 loses its English sentence (left over)
    doc.apply(edits.link(doc, [doc.src[5].id], [doc.tgt[5].id, doc.tgt[6].id]))
    assert [(b.kind, b.status) for b in doc.beads[5:7]] == [((1, 2), BeadStatus.EDITED), ((1, 0), BeadStatus.AUTO)]
    before = list(doc.beads)
    # the anchored run: links 2-3 regrouped as a 2-2 far from the edit (its sections differed), and the left-over
    # Chinese 6 linked with English 7 after the edit, Chinese 7 unlinked
    engine = [alignment.AlignedBead((0,), (0,), 0.99), alignment.AlignedBead((1,), (1,), 1.0),
              alignment.AlignedBead((2, 3), (2, 3), 0.98), alignment.AlignedBead((4,), (4,), 0.99),
              alignment.AlignedBead((5,), (5, 6), 1.0), alignment.AlignedBead((6,), (7,), 0.90),
              alignment.AlignedBead((7,), (), 0.5)]
    _realign(doc, engine)
    assert doc.beads[:6] == before[:6] and all(a is b for a, b in zip(doc.beads[:6], before[:6]))
    assert [(b.kind, b.status) for b in doc.beads[6:]] == [((1, 1), BeadStatus.AUTO), ((1, 0), BeadStatus.AUTO)]
    assert doc.beads[6].confidence == 0.90           # never surer than the unreviewed link 7 whose English it took
    doc.check()


def test_a_link_confirmed_as_the_engine_gave_it_changes_nothing_on_re_align():
    doc = _doc()
    doc.apply(edits.confirm(doc, 4))
    before = list(doc.beads)
    engine = [alignment.AlignedBead((0, 1), (0, 1), 0.97), alignment.AlignedBead((2,), (2,), 0.99),
              alignment.AlignedBead((3,), (3,), 0.99), alignment.AlignedBead((4,), (4,), 1.0),
              alignment.AlignedBead((5,), (), 0.3), alignment.AlignedBead((6,), (5, 6), 0.8),
              alignment.AlignedBead((7,), (7,), 0.99)]
    _realign(doc, engine)
    assert all(a is b for a, b in zip(doc.beads, before)) and len(doc.beads) == len(before)


def test_a_document_never_aligned_is_aligned_in_full_around_the_hand_made_links():
    doc = AlignmentDocument.from_texts([(f"第{i}句。", i) for i in range(4)], [(f"Sentence {i}.", i) for i in range(4)])
    doc.apply(edits.link(doc, [doc.src[0].id], [doc.tgt[0].id]))
    engine = [alignment.AlignedBead((i,), (i,), 0.9) for i in range(4)]
    _realign(doc, engine)
    assert [b.kind for b in doc.beads] == [(1, 1)] * 4


def test_re_align_keeps_the_history_of_a_text_edited_link_it_gives_again():
    # an X11 audit: Replace All, then Ctrl+R: 30 of 52 links whose English had been edited were exported as
    # created at the re-alignment by the engine, and lost their edit record
    doc = _doc(4)
    doc.apply(edits.confirm(doc, 0))
    doc.apply(edits.replace_text(doc, edits.Side.TGT, "Sentence 2", "Phrase 2"))
    edited = doc.beads[2]
    assert edited.edited and edited.status is BeadStatus.AUTO
    engine = [alignment.AlignedBead((0,), (0,), 1.0), alignment.AlignedBead((1,), (1,), 0.99),
              alignment.AlignedBead((2,), (2,), 0.93), alignment.AlignedBead((3,), (3,), 0.99)]
    # as in a stretch Re-align the Rest does change (keep_untouched keeps a merely text-edited link as it is)
    doc.apply(alignment_change(doc, engine, "Re-align the rest", never_surer=True))
    again = doc.beads[2]
    assert (again.src, again.tgt, again.confidence) == (edited.src, edited.tgt, 0.93)
    assert (again.created, again.changed, again.created_by, again.changed_by, again.edited) == \
        (edited.created, edited.changed, edited.created_by, edited.changed_by, True)


def test_re_align_the_rest_of_an_aligned_text_after_a_confirm_changes_no_link():
    doc = _aligned_park()
    before = list(doc.beads)
    doc.apply(edits.confirm(doc, 2))
    change = align_document(doc, mode="fast", keep_fixed=True)
    assert change.beads is None or (not change.beads.old and not change.beads.new)
    doc.apply(change)
    assert [(b.src, b.tgt, b.confidence) for b in doc.beads] == [(b.src, b.tgt, b.confidence) for b in before]


def test_a_replace_all_re_aligns_nothing():
    # a second X11 audit: Replace All "Grannie (Liu)" -> "Granny \1" in 162 sentences, then Ctrl+R: 12 links were
    # regrouped into 16 wrong ones and six English sentences left unlinked; a text edit changes no grouping
    doc = _doc()
    doc.apply(edits.confirm(doc, 0))
    doc.apply(edits.replace_text(doc, edits.Side.TGT, "Sentence [3-5]", "Phrase", regex=True))
    assert all(doc.beads[k].edited and not doc.beads[k].is_fixed for k in (3, 4, 5))
    before = list(doc.beads)
    engine = [alignment.AlignedBead((i,), (i,), 0.99) for i in range(3)] + \
        [alignment.AlignedBead((3, 4), (3,), 0.9), alignment.AlignedBead((5,), (4, 5), 0.9)] + \
        [alignment.AlignedBead((i,), (i,), 0.99) for i in range(6, 8)]
    _realign(doc, engine)
    assert len(doc.beads) == len(before) and all(a is b for a, b in zip(doc.beads, before))


def test_re_align_the_rest_keeps_the_no_translation_marks_of_the_links_it_keeps():
    # the same audit: after Replace All and Ctrl+R three links lost "sentence N may have no translation" (the new
    # spelling scored differently) and left the review list, though the re-alignment kept them
    from editor.bitext.document import Segment
    from editor.bitext.review import Mark

    doc = _aligned_park()
    assert [b.kind for b in doc.beads] == [(1, 1)] * 5
    doc.apply(edits.confirm(doc, 0))
    marked = doc.src[3]
    doc.src[3] = Segment(marked.id, marked.text, marked.paragraph, (Mark.UNSUPPORTED,))  # as an earlier run left it
    change = align_document(doc, mode="fast", keep_fixed=True)
    doc.apply(change)
    assert Mark.UNSUPPORTED in doc.src[3].marks


def test_a_replace_all_in_every_sentence_re_aligns_nothing_either():
    # every automatic link text-edited: still an aligned document, not one never aligned
    doc = _doc()
    doc.apply(edits.confirm(doc, 0))
    doc.apply(edits.replace_text(doc, edits.Side.TGT, "Sentence", "Phrase"))
    before = list(doc.beads)
    engine = [alignment.AlignedBead((0,), (0,), 1.0), alignment.AlignedBead((1, 2), (1, 2), 0.9)] + \
        [alignment.AlignedBead((i,), (i,), 0.99) for i in range(3, 8)]
    _realign(doc, engine)
    assert len(doc.beads) == len(before) and all(a is b for a, b in zip(doc.beads, before))


def test_ctrl_r_with_no_link_confirmed_yet_also_changes_only_what_edits_cut_loose(monkeypatch):
    # a second X11 audit: with nothing confirmed, Replace All then Ctrl+R aligned the whole text again ("Aligned:
    # 355 link(s)", the step "Align automatically"), cutting links differently and changing 137 confidences
    from editor import workflow

    doc = _aligned_park()
    doc.apply(edits.replace_text(doc, edits.Side.TGT, "park", "garden"))
    before = list(doc.beads)
    regrouped = [alignment.AlignedBead((0, 1), (0, 1), 0.9)] + \
        [alignment.AlignedBead((i,), (i,), 0.9) for i in range(2, 5)]
    monkeypatch.setattr(workflow.alignment, "align", lambda *a, **k: list(regrouped))
    change = align_document(doc, mode="fast", keep_fixed=True)
    assert change.description == "Re-align the rest"
    doc.apply(change)
    assert all(a is b for a, b in zip(doc.beads, before)) and len(doc.beads) == len(before)
    # Align Automatically (keeps nothing) still aligns it all
    doc.apply(align_document(doc, mode="fast", keep_fixed=False))
    assert doc.beads[0].kind == (2, 2)
