"""Split an n-m link into 1-1 links, merge with the previous link, and replace text: the Qt-free edits."""

import pytest

from editor.bitext import edits
from editor.bitext.document import AlignmentDocument, Bead, BeadStatus, Side
from editor.errors import InvalidEditError


def _doc() -> AlignmentDocument:
    doc = AlignmentDocument.from_texts([("一。", 0), ("二。", 0), ("三。", 0)],
                                       [("One.", 0), ("Two.", 0), ("Three.", 0), ("Four.", 1)])
    s, t = [x.id for x in doc.src], [x.id for x in doc.tgt]
    doc.beads = [Bead((s[0], s[1]), (t[0], t[1], t[2]), 0.7), Bead((s[2],), (t[3],), 0.9)]
    doc.check()
    return doc


def test_splitting_a_two_to_three_link_pairs_in_order_and_leaves_one_unlinked():
    doc = _doc()
    before = doc.snapshot()
    s, t = [x.id for x in doc.src], [x.id for x in doc.tgt]
    undo = doc.apply(edits.split_into_one_to_one(doc, 0))
    assert [(b.src, b.tgt) for b in doc.beads[:3]] == [((s[0],), (t[0],)), ((s[1],), (t[1],)), ((), (t[2],))]
    assert all(b.status is BeadStatus.EDITED for b in doc.beads[:3])
    doc.check()
    doc.apply(undo)
    assert doc.snapshot() == before


def test_splitting_a_one_to_one_link_is_refused():
    with pytest.raises(InvalidEditError):
        edits.split_into_one_to_one(_doc(), 1)


def test_merging_with_the_previous_link_joins_both_and_the_first_link_cannot():
    doc = _doc()
    doc.apply(edits.merge_with_previous(doc, 1))
    assert len(doc.beads) == 1 and doc.beads[0].kind == (3, 4)
    assert edits.merge_with_previous(_doc(), 1).description == "Merge with previous link"
    with pytest.raises(InvalidEditError):
        edits.merge_with_previous(_doc(), 0)


def test_replace_text_with_a_regex_group_changes_only_matching_segments_of_one_side():
    doc = _doc()
    before = doc.snapshot()
    undo = doc.apply(edits.replace_text(doc, Side.TGT, r"^(T\w+)\.$", r"\1!", regex=True, case_sensitive=True))
    assert [t.text for t in doc.tgt] == ["One.", "Two!", "Three!", "Four."]
    assert [s.text for s in doc.src] == ["一。", "二。", "三。"]
    assert [b.status for b in doc.beads] == [BeadStatus.AUTO] * len(doc.beads)   # text edits vouch for no link
    doc.apply(undo)
    assert doc.snapshot() == before


def test_plain_replace_treats_pattern_and_backslashes_literally_and_ignores_case_by_default():
    doc = _doc()
    doc.apply(edits.replace_text(doc, Side.TGT, "t", "\\1"))
    assert [t.text for t in doc.tgt] == ["One.", "\\1wo.", "\\1hree.", "Four."]


def test_whole_words_only_leaves_longer_words_alone_on_english_and_counts_chinese_matches_as_whole():
    from editor.bitext.document import AlignmentDocument, Bead, Segment

    src = [Segment(0, "他们在新图书馆看书。", 0), Segment(1, "图书馆很大。", 0)]
    tgt = [Segment(2, "They read in the new library; the rest of them (the others) stayed.", 0),
           Segment(3, "The library is big, THE biggest, thereabouts.", 0)]
    doc = AlignmentDocument(src, tgt, [Bead((0,), (2,)), Bead((1,), (3,))])
    assert edits.count_matches(doc, Side.TGT, "the") == 9           # They, them, others, thereabouts too
    assert edits.count_matches(doc, Side.TGT, "the", whole_words=True) == 5
    assert edits.count_matches(doc, Side.TGT, "the", whole_words=True, case_sensitive=True) == 3
    assert edits.match_counts(doc, Side.TGT, "rest", whole_words=True) == (1, 1)
    doc.apply(edits.replace_text(doc, Side.TGT, "the", "a", whole_words=True, case_sensitive=True))
    assert [t.text for t in doc.tgt] == ["They read in a new library; a rest of them (a others) stayed.",
                                         "The library is big, THE biggest, thereabouts."]
    assert edits.count_matches(doc, Side.SRC, "图书馆", whole_words=True) == 2   # no spaces in Chinese
    assert edits.count_matches(doc, Side.TGT, r"b\w+", regex=True, whole_words=True) == 2   # big, biggest


def test_replace_refuses_no_match_an_invalid_regex_and_an_emptied_sentence():
    doc = _doc()
    with pytest.raises(InvalidEditError, match="no match"):
        edits.replace_text(doc, Side.SRC, "四", "4")
    with pytest.raises(InvalidEditError, match="regular expression"):
        edits.replace_text(doc, Side.SRC, "(", "", regex=True)
    with pytest.raises(InvalidEditError, match="empty"):
        edits.replace_text(doc, Side.SRC, "一。", "")
    assert edits.count_matches(doc, Side.TGT, "o") == 3
