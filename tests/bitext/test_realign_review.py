"""Re-align the Rest hides nothing from the review list (issue 20, point 5): a link nobody reviewed is never
surer after an anchored re-alignment than the unreviewed links whose sentences it takes."""

from __future__ import annotations

from editor import alignment
from editor.bitext import edits
from editor.bitext.document import AlignmentDocument, BeadStatus
from editor.bitext.review import ReviewPolicy, review_order
from editor.workflow import alignment_change


def _doc(confidences) -> AlignmentDocument:
    """1-1 links with these confidences, as the aligner left them."""
    n = len(confidences)
    doc = AlignmentDocument.from_texts([(f"第{i}句。", i) for i in range(n)], [(f"Sentence {i}.", i) for i in range(n)])
    doc.apply(alignment_change(doc, [alignment.AlignedBead((i,), (i,), c) for i, c in enumerate(confidences)]))
    return doc


def test_two_doubtful_links_merged_by_a_re_align_stay_as_unsure_as_the_less_sure_of_them():
    # what the simulated translator saw on a perturbed MAC-dev chapter: after a fix elsewhere, Ctrl+R merged two
    # doubtful links (0.82, 0.45) into one wrong link at 0.97, and it left the review list unread
    doc = _doc([0.99, 0.82, 0.45, 0.99])
    doc.apply(edits.confirm(doc, 0))
    policy = ReviewPolicy(0.96)
    assert review_order(policy, doc) == [2, 1]
    engine = [alignment.AlignedBead((0,), (0,), 1.0), alignment.AlignedBead((1, 2), (1, 2), 0.97),
              alignment.AlignedBead((3,), (3,), 0.99)]
    doc.apply(alignment_change(doc, engine, "Re-align the rest", never_surer=True))
    assert [b.kind for b in doc.beads] == [(1, 1), (2, 2), (1, 1)]
    assert doc.beads[1].confidence == 0.45
    assert review_order(policy, doc) == [1]          # its sentences are still in the list
    assert doc.beads[2].confidence == 0.99           # a link given again, as sure as before


def test_a_link_given_again_keeps_the_lower_of_its_old_and_new_confidence():
    doc = _doc([0.99, 0.90, 0.99])
    doc.apply(edits.confirm(doc, 0))
    engine = [alignment.AlignedBead((i,), (i,), c) for i, c in enumerate((1.0, 0.98, 0.97))]
    doc.apply(alignment_change(doc, engine, "Re-align the rest", never_surer=True))
    assert [b.confidence for b in doc.beads] == [0.99, 0.90, 0.97]
    assert doc.beads[0].status is BeadStatus.CONFIRMED


def test_a_link_that_takes_in_part_of_a_link_an_edit_cut_stays_in_the_list():
    # linking by hand cuts the neighbouring 2-2 link: its leftover 1-1 gets confidence 0 so that the editor
    # sends the user there; re-aligning it with the next link into a 2-2 does not vouch for it
    doc = _doc([0.99, 0.99, 0.99, 0.99])
    doc.apply(alignment_change(doc, [alignment.AlignedBead((0,), (0,), 0.99),
                                     alignment.AlignedBead((1, 2), (1, 2), 0.99),
                                     alignment.AlignedBead((3,), (3,), 0.99)]))
    doc.apply(edits.link(doc, [doc.src[1].id], [doc.tgt[1].id]))
    assert [(b.kind, b.confidence) for b in doc.beads[2:]] == [((1, 1), edits.REFLOWED_CONFIDENCE), ((1, 1), 0.99)]
    engine = [alignment.AlignedBead((0,), (0,), 0.99), alignment.AlignedBead((1,), (1,), 1.0),
              alignment.AlignedBead((2, 3), (2, 3), 0.98)]
    doc.apply(alignment_change(doc, engine, "Re-align the rest", never_surer=True))
    assert doc.beads[2].kind == (2, 2) and doc.beads[2].confidence == edits.REFLOWED_CONFIDENCE
    assert 2 in review_order(ReviewPolicy(0.96), doc)


def test_sentences_never_aligned_pass_no_confidence_on():
    # a link made by hand before the first alignment, then Ctrl+R: the engine's confidences stand (the
    # unaligned sentences were never in a link whose confidence could be kept)
    doc = AlignmentDocument.from_texts([(f"第{i}句。", i) for i in range(3)], [(f"Sentence {i}.", i) for i in range(3)])
    doc.apply(edits.link(doc, [doc.src[0].id], [doc.tgt[0].id]))
    engine = [alignment.AlignedBead((0,), (0,), 1.0), alignment.AlignedBead((1,), (1,), 0.98),
              alignment.AlignedBead((2,), (2,), 0.97)]
    doc.apply(alignment_change(doc, engine, "Re-align the rest", never_surer=True))
    assert [b.confidence for b in doc.beads[1:]] == [0.98, 0.97]
