"""The seed sample's gold: paragraphs split by language and sentence boundaries, measured exactly."""

import json

import pytest

from editor.importing import load_document, split_by_language
from editor.segmentation import split_sentences
from tests.conftest import need_shared

pytestmark = pytest.mark.shared         # the mixed-news gold in ../shared

SAMPLE = ("samples", "mixed-news", "000_e15ace7d525266b0.txt")
GOLD = ("samples", "mixed-news", "gold.json")
MOJIBAKE_PARAGRAPH = 16          # zh paragraph whose "?!" hides a 。“ break: either split is accepted


def _gold() -> dict:
    return json.loads(need_shared(*GOLD).read_text(encoding="utf-8"))


def _paragraphs() -> tuple[list[str], list[str]]:
    return split_by_language(load_document(need_shared(*SAMPLE)).paragraphs)


def test_mixed_file_splits_into_exactly_the_gold_chinese_and_english_paragraphs():
    gold = _gold()
    lines = need_shared(*SAMPLE).read_text(encoding="utf-8").split("\n")
    zh, en = _paragraphs()
    assert (len(zh), len(en)) == (27, 26)
    assert zh == [lines[i] for i in gold["paragraphs"]["zh"]]
    assert en == [lines[i] for i in gold["paragraphs"]["en"]]


def test_english_sentences_equal_the_gold_50():
    gold = [(s["para"], s["text"]) for s in _gold()["en_sentences"]]
    _, en = _paragraphs()
    ours = [(i, s) for i, p in enumerate(en) for s in split_sentences(p, "en-US")]
    assert len(gold) == 50
    assert ours == gold


def _breaks(sentences: list[str]) -> set[int]:
    """Character offsets of the sentence boundaries inside one paragraph."""
    return {len("".join(sentences[:k])) for k in range(1, len(sentences))}


def test_chinese_sentences_equal_the_gold_38_with_the_mojibake_break_either_way():
    gold = [(s["para"], s["text"]) for s in _gold()["zh_sentences"]]
    zh, _ = _paragraphs()
    ours = [(i, s) for i, p in enumerate(zh) for s in split_sentences(p, "zh-TW")]
    assert len(gold) == 38
    assert [x for x in ours if x[0] != MOJIBAKE_PARAGRAPH] == [x for x in gold if x[0] != MOJIBAKE_PARAGRAPH]
    paragraph = zh[MOJIBAKE_PARAGRAPH]
    hidden_break = {paragraph.index("?!") + len("?!")}
    ours_breaks = _breaks([s for i, s in ours if i == MOJIBAKE_PARAGRAPH])
    gold_breaks = _breaks([s for i, s in gold if i == MOJIBAKE_PARAGRAPH])
    assert ours_breaks in (gold_breaks, gold_breaks | hidden_break)


def test_chinese_sentence_count_is_the_gold_38_plus_at_most_the_hidden_break():
    zh, _ = _paragraphs()
    assert sum(len(split_sentences(p, "zh-TW")) for p in zh) in (38, 39)


def test_joining_a_paragraphs_sentences_rebuilds_it():
    zh, en = _paragraphs()
    assert all("".join(split_sentences(p, "zh")) == p for p in zh)
    assert all(" ".join(split_sentences(p, "en")) == p for p in en)
