"""Sentence segmentation: split_sentences(text, lang) -> list of sentences (never across paragraphs)."""

from __future__ import annotations

import re

from editor.bitext.document import is_chinese_lang

_ZH_END = re.compile(r"(?<=[。！？!?])(?=[^。！？!?”’」』）)\"'])|(?<=……)(?=[^”’」』）)…])")
_EN_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘(]?[A-Z0-9])")


def split_sentences(text: str, lang: str) -> list[str]:
    """Return the sentences of one paragraph, stripped, none empty."""
    pattern = _ZH_END if is_chinese_lang(lang) else _EN_END
    return [s.strip() for s in pattern.split(text) if s.strip()]
