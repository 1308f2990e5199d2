"""The whole collection's review list (editor.collection.review): every document's doubtful links in one list,
worst first, each row naming its document; open documents count with their unsaved edits."""

from __future__ import annotations

from dataclasses import replace

from editor.bitext.review import Reason, ReviewPolicy, review_order, review_priority
from editor.collection.review import CollectionReview, collection_review, merge_rows
from tests.collection.helpers import add_doubtful_links, make_collection


def _with_confidence(doc, k: int, confidence: float) -> None:
    doc.beads[k] = replace(doc.beads[k], confidence=confidence)


def test_the_whole_collection_list_merges_every_document_worst_first(tmp_path):
    collection = make_collection(tmp_path)
    made = add_doubtful_links(collection)

    rows = collection_review(collection)

    assert {r.document for r in rows} == {"sample", "memo"}
    assert [r.priority for r in rows] == sorted(r.priority for r in rows)        # worst first across documents
    for name in ("sample", "memo"):                      # within a document, editor.bitext.review's order
        doc = collection.load(collection.entry(name))
        policy = ReviewPolicy.for_document(doc)
        mine = [r for r in rows if r.document == name]
        assert [r.bead for r in mine] == review_order(policy, doc)
        assert all(r.priority == review_priority(policy, doc, doc.beads[r.bead]) for r in mine)
    linked = [(r.document, r.bead, r.confidence) for r in rows if r.linked]
    assert linked == [("sample", made["sample"][0], 0.3), ("memo", made["memo"][0], 0.5),
                      ("sample", made["sample"][1], 0.8)]
    unlinked = [r for r in rows if not r.linked]
    assert {r.document for r in unlinked} == {"sample", "memo"} and rows[:len(unlinked)] == unlinked
    assert all(Reason.UNLINKED in r.reasons for r in unlinked)
    low = next(r for r in rows if r.document == "memo" and r.linked)
    assert Reason.LOW_CONFIDENCE in low.reasons and low.src_text == "请带上报告。" and low.src_positions == (1,)


def test_ties_keep_the_collections_order_of_documents_then_position():
    from editor.collection.review import ReviewRow

    def row(doc, k, p):
        return ReviewRow(doc, k, p, p, True, (Reason.LOW_CONFIDENCE,), (k,), (k,), "", "")

    a = [row("a", 0, 0.5), row("a", 3, 0.7)]
    b = [row("b", 1, 0.5), row("b", 2, 0.6)]
    assert [(r.document, r.bead) for r in merge_rows([a, b])] == [("a", 0), ("b", 1), ("b", 2), ("a", 3)]


def test_an_open_document_counts_with_its_unsaved_state_and_one_document_is_counted_again(tmp_path):
    collection = make_collection(tmp_path)
    letter = collection.load(collection.entry("letter"))
    _with_confidence(letter, 2, 0.1)                                   # an unsaved edit of an open document
    review = CollectionReview(collection, live=lambda name: letter if name == "letter" else None)
    first_link = next(r for r in review.rows() if r.linked)          # the sample's unlinked sentences come first
    assert (first_link.document, first_link.bead, first_link.confidence) == ("letter", 2, 0.1)
    assert not [r for r in collection_review(collection) if r.document == "letter"]    # the file has none
    _with_confidence(letter, 2, 0.99)
    review.update("letter")
    assert not [r for r in review.rows() if r.document == "letter"]
    assert any(r.document == "sample" for r in review.rows())


def test_documents_that_cannot_be_read_are_left_out_and_named(tmp_path):
    collection = make_collection(tmp_path)
    collection.path_of(collection.entry("sample")).unlink()
    review = CollectionReview(collection)
    assert review.rows() == []
    assert "missing" in review.skipped["sample"]
