"""Sentence segmentation: split_sentences(text, lang) -> list of sentences (never across paragraphs)."""

from __future__ import annotations

from editor.bitext.document import writes_without_spaces
from editor.segmentation.chinese import split_chinese
from editor.segmentation.english import split_english


def split_sentences(text: str, lang: str) -> list[str]:
    """Return the sentences of one paragraph, stripped, none empty (Chinese rules for Chinese, and for
    Japanese, which ends sentences with the same full-width marks; else English rules)."""
    return split_chinese(text) if writes_without_spaces(lang) else split_english(text)
