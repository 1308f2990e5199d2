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
    rf"^(第\s?[{_CN_NUMBER}]+\s?[章节回卷部篇集幕课讲]|[卷]\s*[{_CN_NUMBER}]+"
    r"|序章|序言|序幕|楔子|引子|前言|尾声|后记|後記|终章|終章|附录|附錄|目录|目錄)(?![，,。课])")
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


_ZH_DIGITS = {"零": 0, "〇": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3, "四": 4, "肆": 4,
              "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9}
_ZH_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000}
_EN_NUMBERS = {w: n for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_EN_NUMBERS.update({"thirty": 30, "forty": 40, "fifty": 50, "first": 1, "second": 2, "third": 3, "fourth": 4,
                    "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10})
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
_ZH_NUMBERED = re.compile(rf"第\s*([{_CN_NUMBER}]+)\s*[章节回卷部篇集幕课讲]")
_EN_NUMBERED = re.compile(r"\b(?:chapter|part|book|section|lesson|volume|act|canto)\s+([a-z]+(?:[-\s][a-z]+)?|\d+)\b",
                          re.IGNORECASE)


def _chinese_number(text: str) -> int | None:
    text = text.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if text.isdigit():
        return int(text)
    total = current = 0
    for ch in text:
        if ch in _ZH_DIGITS:
            current = _ZH_DIGITS[ch]
        elif ch in _ZH_UNITS:
            total += (current or 1) * _ZH_UNITS[ch]
            current = 0
        else:
            return None
    return total + current


def _english_number(text: str) -> int | None:
    text = text.lower()
    if text.isdigit():
        return int(text)
    words = re.split(r"[-\s]", text)
    if all(w in _EN_NUMBERS for w in words):
        return sum(_EN_NUMBERS[w] for w in words)
    if all(ch in _ROMAN for ch in text):
        values = [_ROMAN[ch] for ch in text]
        return sum(-v if k + 1 < len(values) and v < values[k + 1] else v for k, v in enumerate(values))
    first = words[0]
    return _EN_NUMBERS.get(first)


def heading_number(text: str) -> int | None:
    """The number of a chapter-like heading: 第十二章 → 12, Chapter Twelve / Chapter XII / Chapter 12 → 12."""
    match = _ZH_NUMBERED.search(text)
    if match:
        return _chinese_number(match.group(1))
    match = _EN_NUMBERED.search(text)
    if match:
        return _english_number(match.group(1))
    return None
