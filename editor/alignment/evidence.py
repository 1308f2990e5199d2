"""Why a bead looks right or wrong, in numbers a person can read (the editor's explanation strip)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from editor.alignment.length import text_length

_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")


@dataclass(frozen=True, slots=True)
class BeadEvidence:
    """The parts of a bead's score. None: the engine did not measure that part."""

    length_ratio: float | None            # English characters per Chinese character in this bead
    typical_ratio: float                  # the same over the whole document
    numbers_matched: int                  # numbers found on both sides
    numbers_unmatched: int                # numbers found on one side only
    dictionary_coverage: float | None = None    # share of words with a dictionary translation on the other side
    similarity: float | None = None             # sentence-embedding cosine, when embeddings are available


def document_ratio(src: Sequence[str], tgt: Sequence[str]) -> float:
    """Return the document's English characters per Chinese character (the typical length ratio)."""
    return (sum(map(text_length, tgt)) or 1) / (sum(map(text_length, src)) or 1)


def _numbers(text: str) -> list[str]:
    return [m.group().replace(",", "") for m in _DIGITS.finditer(text)]


def explain(src_texts: Sequence[str], tgt_texts: Sequence[str], typical_ratio: float) -> BeadEvidence:
    """Return the evidence for linking these source sentences with these target sentences."""
    src_len = sum(map(text_length, src_texts))
    tgt_len = sum(map(text_length, tgt_texts))
    ratio = tgt_len / src_len if src_len and tgt_len else None
    src_numbers, tgt_numbers = _numbers(" ".join(src_texts)), _numbers(" ".join(tgt_texts))
    pool = list(tgt_numbers)
    matched = 0
    for n in src_numbers:
        if n in pool:
            pool.remove(n)
            matched += 1
    return BeadEvidence(ratio, typical_ratio, matched, len(src_numbers) - matched + len(pool))
