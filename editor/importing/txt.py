"""Plain-text paragraphs: one per line, or one per blank-line-separated block when the lines are wrapped."""

from __future__ import annotations

import re
from enum import StrEnum

from editor.importing import is_chinese_paragraph
from editor.importing.records import Paragraph, heading, looks_like_heading

_LINE_BREAK = re.compile(r"\r\n|\r|\n|\u2028|\u2029|\x0b|\x0c|\x85")
# A line that ends a paragraph rather than being wrapped: sentence-final punctuation, maybe closed by a quote.
_ENDS_SENTENCE = re.compile(r"[.!?:;。！？：；…]['\"’”」』）)\]]*$")
# Characters after or before which a wrapped line joins without a space (CJK text has no spaces).
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef\U00020000-\U0003ffff]")


class ParagraphLayout(StrEnum):
    """How a text file marks its paragraphs."""

    LINES = "lines"      # each non-empty line is a paragraph
    BLOCKS = "blocks"    # blank lines separate paragraphs; the lines inside a block are wrapped


def split_lines(text: str) -> list[str]:
    """Return the lines of `text` for CRLF, CR and LF line ends (and Unicode line/paragraph separators)."""
    return _LINE_BREAK.split(text)


def join_wrapped(lines: list[str]) -> str:
    """Join the stripped lines of one wrapped paragraph: no space between CJK characters, one otherwise."""
    out = ""
    for line in (ln.strip() for ln in lines):
        if not line:
            continue
        if out and not (_CJK.match(out[-1]) and _CJK.match(line[0])):
            out += " "
        out += line
    return out


def detect_layout(lines: list[str]) -> ParagraphLayout:
    """Return BLOCKS when blank lines separate blocks whose inner line breaks mostly look like wrapping."""
    wrapped = unwrapped = 0
    for this, following in zip(lines, lines[1:]):
        if this.strip() and following.strip():
            # A Chinese line followed by an English one (a bilingual block) is never one wrapped paragraph.
            if (_ENDS_SENTENCE.search(this.strip()) or looks_like_heading(this)
                    or is_chinese_paragraph(this) != is_chinese_paragraph(following)):
                unwrapped += 1
            else:
                wrapped += 1
    has_blank_separators = any(not ln.strip() for ln in lines[1:-1])
    if has_blank_separators and wrapped and wrapped >= unwrapped:
        return ParagraphLayout.BLOCKS
    return ParagraphLayout.LINES


def text_paragraphs(text: str, layout: ParagraphLayout | None = None) -> tuple[list[str], ParagraphLayout]:
    """Return the non-empty paragraphs of a text file's contents (stripped) and the layout they were read by.

    `layout` None: detect it.
    """
    lines = split_lines(text)
    layout = layout or detect_layout(lines)
    if layout is ParagraphLayout.LINES:
        return [ln.strip() for ln in lines if ln.strip()], layout
    paragraphs, block = [], []
    for line in lines + [""]:
        if line.strip() and not block and looks_like_heading(line):
            paragraphs.append(line.strip())      # a heading above its text, with no blank line between
        elif line.strip():
            block.append(line)
        elif block:
            paragraphs.append(join_wrapped(block))
            block = []
    return paragraphs, layout


def text_records(text: str, layout: ParagraphLayout | None = None) -> tuple[list[Paragraph], ParagraphLayout]:
    """Return a text file's paragraphs as records, lines like 第一章 / Chapter One marked as headings."""
    paragraphs, used = text_paragraphs(text, layout)
    return [heading(p) if looks_like_heading(p) else Paragraph(p) for p in paragraphs], used
