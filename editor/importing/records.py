"""Paragraph records: the one shape every input format returns, with its heading, row and cue marks."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    """What a paragraph is in its document's structure."""

    BODY = "body"
    HEADING = "heading"      # a chapter or section heading: an anchor, never glued to a sentence


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of an input file and what the file's structure says about it.

    `row`: paragraphs of one file that its author paired (a table row, a subtitle cue) share a row number;
    the bilingual splitter makes each row a fixed paragraph pair.  `lang` ("zh"/"en") is set when the
    structure says which language a paragraph is in (a table column); None: detect it from the text.
    `whole`: the paragraph is one segment, never split into sentences (a subtitle cue).
    `time`: a subtitle cue's (start, end) in seconds, for pairing two subtitle files.
    """

    text: str
    role: Role = Role.BODY
    level: int = 0                      # heading level 1..6; 0 for body text
    row: int | None = None
    lang: str | None = None
    whole: bool = False
    time: tuple[float, float] | None = None

    @property
    def is_heading(self) -> bool:
        return self.role is Role.HEADING


def heading(text: str, level: int = 1, **marks) -> Paragraph:
    """Return a heading record."""
    return Paragraph(text, Role.HEADING, level, **marks)


_CN_NUMBER = "一二三四五六七八九十百千万零〇两壹贰叁肆伍陆柒捌玖拾佰0-9０-９"
_ZH_HEADING = re.compile(
    rf"^(第[{_CN_NUMBER}]+[章节回卷部篇集幕课讲]|[卷]\s*[{_CN_NUMBER}]+"
    r"|序章|序言|序幕|楔子|引子|前言|尾声|后记|後記|终章|終章|附录|附錄|目录|目錄)(?![，,。])")
_EN_NUMBER = (r"(?:\d+|[IVXLCDM]+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
              r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|"
              r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)")
_EN_HEADING = re.compile(
    rf"^(?:(?:chapter|part|book|section|lesson|volume|act|canto)\s+{_EN_NUMBER}\b(?:[-\s]{_EN_NUMBER}\b)?"
    r"|(?:prologue|epilogue|preface|foreword|afterword|introduction|appendix|contents)\b)",
    re.IGNORECASE)
_SENTENCE_END = re.compile(r"[。！？!?；;]|[a-z]{2,}\.\s*$")
MAX_HEADING_CHARS = 60


def looks_like_heading(line: str) -> bool:
    """True for a plain-text line that reads as a chapter or section heading: 第一章 …, Chapter One …, 序言.

    Long lines and lines that end like a sentence are text, even when they start with such a word.
    """
    line = line.strip()
    if not line or len(line) > MAX_HEADING_CHARS:
        return False
    if not (_ZH_HEADING.match(line) or _EN_HEADING.match(line)):
        return False
    return not _SENTENCE_END.search(line)
