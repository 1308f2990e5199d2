"""A link holding a footnote reference is doubtful and says so, and the export check counts it as an import artefact
(an X11 audit: "frontline staff.[1] Wang Kuiwan…" was exported as a trusted unit)."""

from editor.bitext import artefacts, review
from editor.bitext.artefacts import check_document
from editor.bitext.document import AlignmentDocument, Bead, Segment
from editor.bitext.review import ReviewPolicy


def _doc(zh, en, confidence=0.999):
    n = len(zh)
    return AlignmentDocument([Segment(i, t, 0) for i, t in enumerate(zh)],
                             [Segment(n + j, t, 0) for j, t in enumerate(en)],
                             [Bead((i,), (n + i,), confidence) for i in range(n)])


def test_a_link_holding_a_footnote_reference_is_doubtful_and_counted_as_an_import_artefact():
    zh = ["1月8日，李波慰问一线工作人员。", "双方交换了意见。", "他们明天回国。①", "合同第3条(注1)另有规定。", "他说了[sic]。"]
    en = ["On January 8, Li Bo sent consolation to the frontline staff.[1] Wang Kuiwan took part.",
          "The two sides exchanged views.", "They return home tomorrow.", "Article 3 provides otherwise.",
          "He wrote [sic] that. 1. The Seller shall deliver."]
    doc = _doc(zh, en)
    policy = ReviewPolicy(0.96)
    assert policy.doubtful_flags(doc) == [True, False, True, True, False]
    assert [policy.reasons(doc, b) for b in doc.beads] == [[review.Reason.FOOTNOTE], [], [review.Reason.FOOTNOTE],
                                                           [review.Reason.FOOTNOTE], []]
    report = check_document(doc)
    assert report.beads == [0, 2, 3] and all(report.reasons[k] == [artefacts.Artefact.FOOTNOTE] for k in report.beads)


def test_a_reference_the_splitter_cut_off_as_a_sentence_of_its_own_is_flagged_in_its_link():
    doc = AlignmentDocument([Segment(0, "巩固来之不易的防控成果。", 0), Segment(1, "①", 0)],
                            [Segment(2, "Consolidate the hard-won results.", 0)], [Bead((0, 1), (2,), 0.99)])
    assert ReviewPolicy(0.96).reasons(doc, doc.beads[0]) == [review.Reason.FOOTNOTE]


def test_a_reference_after_the_final_stop_is_flagged_in_the_sentence_the_splitter_keeps_it_with():
    from editor.segmentation import split_sentences

    zh = split_sentences("我们要解决这个问题 。 ①", "zh") + split_sentences("我们要解决这个问题。②", "zh")
    en = split_sentences("We must solve this problem. [1]", "en") + split_sentences("We go.[2]", "en")
    assert len(zh) == len(en) == 2
    doc = _doc(zh, en)
    assert [ReviewPolicy(0.96).reasons(doc, b) for b in doc.beads] == [[review.Reason.FOOTNOTE]] * 2
