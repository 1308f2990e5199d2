"""Sentence segmentation: split_sentences(text, lang) -> list of sentences (never across paragraphs)."""

from __future__ import annotations

from editor.bitext.document import is_chinese_lang
from editor.segmentation.chinese import split_chinese
from editor.segmentation.english import split_english


def split_sentences(text: str, lang: str) -> list[str]:
    """Return the sentences of one paragraph, stripped, none empty (Chinese rules for zh*, else English)."""
    return split_chinese(text) if is_chinese_lang(lang) else split_english(text)
