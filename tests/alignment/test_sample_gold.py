"""Segmentation and alignment of the bundled sample against its hand-made gold (tests/data/sample-mixed.gold.json)."""

import pytest

from editor.resources import sample_path
from editor.workflow import align_document, import_document
from tests.sample_gold import assert_is_the_gold, document_links, document_sentences, sample_gold

#: A link the engine gives at least this confidence on the bundled sample is a gold link (no README figure is
#: claimed here: the review figures live in tests/benchmarks/bench_review.py).
CONFIDENT = 0.9


def _aligned(mode: str):
    doc = import_document([sample_path()])
    doc.apply(align_document(doc, mode=mode))
    doc.check()
    return doc


def test_the_sample_splits_into_the_gold_paragraphs_and_sentences():
    doc = import_document([sample_path()])
    gold = sample_gold()
    assert document_sentences(doc, "zh") == gold.sentences("zh")
    assert document_sentences(doc, "en") == gold.sentences("en")


def test_fast_mode_aligns_the_sample_exactly_as_the_gold():
    assert_is_the_gold(_aligned("fast"))


def test_best_mode_aligns_the_sample_exactly_as_the_gold():
    assert_is_the_gold(_aligned("best"))


@pytest.mark.parametrize("mode", ["fast", "best"])
def test_every_link_the_engine_is_confident_about_is_a_gold_link(mode):
    doc = _aligned(mode)
    gold = set(sample_gold().links)
    confident = [link for link, bead in zip(document_links(doc), doc.beads) if bead.confidence >= CONFIDENT]
    assert confident, "no confident link at all"
    assert [link for link in confident if link not in gold] == []
