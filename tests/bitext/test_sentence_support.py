"""Every sentence in a link has its own support (issue 20, point 3): a sentence of a many-to-one link with no
dictionary, number or meaning support of its own makes the link doubtful, "sentence N may have no
translation", and one edit splits it off as unlinked."""

from __future__ import annotations

import pytest

from editor.alignment.support import unsupported_in_links
from editor.bitext import edits
from editor.bitext.document import AlignmentDocument, Bead, BeadStatus, Segment
from editor.bitext.review import Mark, Reason, ReviewPolicy, unsupported_sentence
from editor.errors import InvalidEditError

ZH = ["今天天气很好。", "他的猫住在上海的一座老房子里。", "我们去公园散步。"]
EN = ["The weather is fine today.", "We go for a walk in the park."]


def test_a_sentence_glued_to_its_neighbours_link_without_support_of_its_own_is_found():
    bad_src, bad_tgt = unsupported_in_links(ZH, EN, [((0, 1), (0,)), ((2,), (1,))], use_embeddings=False)
    assert bad_src == {1} and bad_tgt == set()


def test_sentences_that_share_one_translation_are_each_supported():
    zh = ["我们去公园散步。", "公园里有很多人。"]
    en = ["We go for a walk in the park, where there are many people."]
    assert unsupported_in_links(zh, en, [((0, 1), (0,))], use_embeddings=False) == (set(), set())


@pytest.mark.parametrize("order", [(0, 1), (1, 0)])
def test_when_no_sentence_of_a_link_has_support_only_the_weakest_is_named(order):
    # an X11 audit on a literary book: the translated "自此宝玉视袭人……" (its names rendered as "Bao-yu" and "Aroma",
    # embedding cosine 0.21) and the omitted "这话暂且不提。" (-0.05) in one 2-1 link were both below every
    # threshold; the first was named, and S split off the sentence that is translated
    both = ["自此宝玉视袭人更自不同，袭人待宝玉也越发尽职了。", "这话暂且不提。"]
    zh = [both[k] for k in order]
    en = ["From then on Bao-yu treated Aroma with even greater consideration than before, whilst Aroma for her "
          "part redoubled the devotion with which she served him."]
    assert unsupported_in_links(zh, en, [((0, 1), (0,))]) == ({zh.index(both[1])}, set())


def test_without_embeddings_a_link_with_no_supported_sentence_names_one_of_them():
    zh = ["他的猫住在上海的一座老房子里。", "她笑了。"]
    en = ["The weather is fine today."]
    bad_src, _ = unsupported_in_links(zh, en, [((0, 1), (0,))], use_embeddings=False)
    assert len(bad_src) == 1

def test_an_inline_code_marker_shared_with_the_translation_is_no_support():
    # "may have no translation": a glued sentence whose only tie to the English was the code marker {5}
    zh = ["今天天气很好。", "他的猫住在上海的一座老房子里{5}。", "我们去公园散步。"]
    en = ["The weather is fine today{5}.", "We go for a walk in the park."]
    links = [((0, 1), (0,)), ((2,), (1,))]
    assert unsupported_in_links(zh, en, links, use_embeddings=False, markers={"{5}"}) == ({1}, set())
    assert unsupported_in_links(zh, en, links, use_embeddings=False) == (set(), set())   # typed: a number


def test_aligning_a_document_with_inline_codes_gives_the_support_check_its_markers(monkeypatch):
    from pathlib import Path

    from editor.alignment import support
    from editor.exchange.opening import load_alignment
    from editor.workflow import align_document

    asked = []
    monkeypatch.setattr(support, "unsupported_in_links",
                        lambda *args, markers=(), **kwargs: asked.append(set(markers)) or (set(), set()))
    doc = load_alignment(Path(__file__).resolve().parents[1] / "data" / "exchange" / "xliff12-every-code.xlf")
    align_document(doc, mode="fast", keep_fixed=False)
    assert asked == [{"{1}", "{/1}", "{2}", "{3}", "{/3}", "{4}", "{5}", "{6}", "{/6}", "{7}", "{/7}"}]


def _doc(status=BeadStatus.AUTO) -> AlignmentDocument:
    n = len(ZH)
    src = [Segment(i, t, i, (Mark.UNSUPPORTED,) if i == 1 else ()) for i, t in enumerate(ZH)]
    tgt = [Segment(n + j, t, j) for j, t in enumerate(EN)]
    return AlignmentDocument(src, tgt, [Bead((0, 1), (n,), 0.99, status), Bead((2,), (n + 1,), 0.99)])


def test_the_link_is_doubtful_and_names_the_sentence_until_a_person_vouches_for_it():
    doc = _doc()
    policy = ReviewPolicy.for_document(doc)
    assert policy.reasons(doc, doc.beads[0]) == [Reason.NO_TRANSLATION]
    assert policy.doubtful_flags(doc) == [True, False]
    assert unsupported_sentence(doc, doc.beads[0]) == 1
    vouched = _doc(BeadStatus.CONFIRMED)
    assert ReviewPolicy.for_document(vouched).doubtful_flags(vouched) == [False, False]


def test_split_off_makes_the_sentence_a_confirmed_unlinked_one_and_undoes():
    doc = _doc()
    before = doc.snapshot()
    undo = doc.apply(edits.split_off(doc, 0, 1))
    assert [(b.src, b.tgt, b.status) for b in doc.beads[:2]] == [
        ((0,), (3,), BeadStatus.AUTO), ((1,), (), BeadStatus.CONFIRMED)]
    doc.check()
    policy = ReviewPolicy.for_document(doc)
    assert not any(policy.doubtful_flags(doc))
    doc.apply(undo)
    assert doc.snapshot() == before
    with pytest.raises(InvalidEditError):
        edits.split_off(doc, 1, 0)                  # not a sentence of that link


# an omitted sentence beside an added line: the engine may pair the two orphans 1-1 (an X11 audit: confidence
# 0.99, dictionary cover 0 %, out of the review list, exported as translated)
ORPHANS_ZH = ["我们去公园散步。", "她放下电话，转身走进了厨房。", "公园里有很多人。"]
ORPHANS_EN = ["We go for a walk in the park.", "(Editor's note: the original title of this chapter is omitted.)",
              "There are many people in the park."]


def test_a_one_to_one_link_of_two_unrelated_sentences_is_found_and_right_ones_are_not():
    links = [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]
    assert unsupported_in_links(ORPHANS_ZH, ORPHANS_EN, links) == ({1}, {1})
    # without the embeddings (mode "fast") 1-1 links are not weighed: the dictionary alone flags too many
    assert unsupported_in_links(ORPHANS_ZH, ORPHANS_EN, links, use_embeddings=False) == (set(), set())


def _orphans_doc(marked=(1, 4)) -> AlignmentDocument:
    src = [Segment(i, t, i, (Mark.UNSUPPORTED,) if i in marked else ()) for i, t in enumerate(ORPHANS_ZH)]
    tgt = [Segment(3 + j, t, j, (Mark.UNSUPPORTED,) if 3 + j in marked else ()) for j, t in enumerate(ORPHANS_EN)]
    return AlignmentDocument(src, tgt, [Bead((i,), (3 + i,), 0.99) for i in range(3)])


def test_a_one_to_one_link_whose_two_sentences_lack_support_is_doubtful_and_split_off_unlinks_it():
    doc = _orphans_doc()
    policy = ReviewPolicy.for_document(doc)
    assert policy.doubtful_flags(doc) == [False, True, False]
    assert policy.reasons(doc, doc.beads[1]) == [Reason.NO_TRANSLATION]
    assert unsupported_sentence(doc, doc.beads[1]) == 1
    before = doc.snapshot()
    undo = doc.apply(edits.split_off(doc, 1, 1))
    # the Chinese sentence has no translation (a person said so); the English one is left unlinked, still listed
    assert [(b.src, b.tgt, b.status) for b in doc.beads[1:3]] == [
        ((1,), (), BeadStatus.CONFIRMED), ((), (4,), BeadStatus.AUTO)]
    assert doc.beads[2].confidence == edits.REFLOWED_CONFIDENCE        # not the wrong link's 0.99
    doc.check()
    assert ReviewPolicy.for_document(doc).doubtful_flags(doc) == [False, False, True, False]
    doc.apply(undo)
    assert doc.snapshot() == before
    doc.apply(edits.split_off(doc, 1, 4))           # from the English side: the Chinese one is left, first
    assert [(b.src, b.tgt, b.status) for b in doc.beads[1:3]] == [
        ((1,), (), BeadStatus.AUTO), ((), (4,), BeadStatus.CONFIRMED)]
    doc.check()


def test_one_marked_sentence_of_a_one_to_one_link_is_a_mark_left_by_an_edit_and_not_doubtful():
    doc = _orphans_doc(marked=(1,))                 # left from a 2-1 link an edit cut down
    assert ReviewPolicy.for_document(doc).doubtful_flags(doc) == [False, False, False]
    assert unsupported_sentence(doc, doc.beads[1]) is None


def test_the_rest_of_a_doubtful_link_stays_automatic_and_in_the_review_list_after_split_off():
    # seen in an X11 audit: S on "11-12 <-> 17" (sentence 11 may have no translation) left "12 <-> 17 · made by
    # hand", out of the list and exported approved, though the right link was 12 <-> 16-17: the reviewer judged
    # sentence 11, not the pairing left
    n = len(ZH)
    src = [Segment(i, t, i, (Mark.UNSUPPORTED,) if i == 1 else ()) for i, t in enumerate(ZH)]
    tgt = [Segment(n + j, t, j) for j, t in enumerate(EN)]
    doc = AlignmentDocument(src, tgt, [Bead((0, 1), (n,), 0.40), Bead((2,), (n + 1,), 0.99)])
    doc.apply(edits.split_off(doc, 0, 1))
    rest = doc.beads[0]
    assert (rest.src, rest.tgt, rest.status, rest.confidence) == ((0,), (n,), BeadStatus.AUTO, 0.40)
    assert not rest.is_fixed
    assert ReviewPolicy.for_document(doc).doubtful_flags(doc) == [True, False, False]
