"""The language splitter: paragraph records of one mixed file, or of two files, into Chinese and English
paragraphs with the anchors their layout gives (a table row, a same-line pair, a heading, a subtitle cue)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Sequence

from editor.importing.records import Paragraph, heading_number
from editor.importing.same_line import plausible_pair, script_of, split_scripts

#: two subtitle cues overlapping for at least this share of the shorter one show the same words
CUE_OVERLAP = 0.5


class Layout(StrEnum):
    """How the paragraphs of the input were found to correspond (counted in BilingualText.counts)."""

    TWO_FILES = "two files"                     # a Chinese file and an English file
    ALTERNATING = "alternating paragraphs"      # one file, paragraphs alternate between the languages
    SAME_LINE = "same-line pairs"               # one file, Chinese and English on the same line
    TABLE = "table rows"                        # a table with a Chinese and an English column
    CUES = "subtitle cues"                      # subtitle cues (paired by time in two files, by cue in one)
    HEADINGS = "headings"                       # headings paired as anchors


@dataclass(frozen=True, slots=True)
class Anchor:
    """Chinese paragraphs [src_start, src_end) correspond to English paragraphs [tgt_start, tgt_end).

    `hard`: the file's structure says so (a table row, a cue, a heading pair), and alignment never crosses it;
    otherwise it is a soft anchor: the paragraphs are a pair for paragraph-first alignment.
    """

    src_start: int
    src_end: int
    tgt_start: int
    tgt_end: int
    hard: bool = True

    def as_list(self) -> list[int]:
        return [self.src_start, self.src_end, self.tgt_start, self.tgt_end, int(self.hard)]


@dataclass
class BilingualText:
    """The Chinese and English paragraphs of the input, in order, and the anchors between them."""

    zh: list[Paragraph] = field(default_factory=list)
    en: list[Paragraph] = field(default_factory=list)
    anchors: list[Anchor] = field(default_factory=list)
    counts: dict[Layout, int] = field(default_factory=dict)    # how many pairs/paragraphs each layout gave

    def count(self, layout: Layout, n: int = 1) -> None:
        self.counts[layout] = self.counts.get(layout, 0) + n

    @property
    def layouts(self) -> list[Layout]:
        """The layouts found, most frequent first (headings last: they come with any layout)."""
        def rank(k: Layout) -> tuple[int, int]:
            return (0 if k is Layout.TWO_FILES else 2 if k is Layout.HEADINGS else 1, -self.counts[k])

        return sorted(self.counts, key=rank)

    def summary(self) -> str:
        """E.g. "same-line pairs (12), alternating paragraphs (3), headings (2)" or "two files, headings (3)"."""
        return ", ".join(k.value if k is Layout.TWO_FILES else f"{k.value} ({self.counts[k]})" for k in self.layouts)

    def heading_numbers(self, side: str) -> list[int]:
        """Paragraph numbers of the headings of one side ("zh" or "en")."""
        return [i for i, p in enumerate(self.zh if side == "zh" else self.en) if p.is_heading]

    def _add(self, zh: Sequence[Paragraph], en: Sequence[Paragraph], hard: bool | None) -> None:
        """Append paragraphs; with `hard` not None, they form an anchor when both sides have some."""
        z0, e0 = len(self.zh), len(self.en)
        self.zh.extend(zh)
        self.en.extend(en)
        if hard is not None and zh and en:
            self.anchors.append(Anchor(z0, len(self.zh), e0, len(self.en), hard))


#: Separators that join a Chinese and an English text in one cell or line: 买卖合同 / Sales Contract,
#: 甲方｜Party A, 签字⏎Signature.  Tried in this order; the first that cuts the text into a Chinese and an
#: English part wins.
_SEPARATORS = (re.compile(r"\s*\n\s*"), re.compile(r"\s+[/|／｜]\s+"), re.compile(r"\s*[／｜]\s*"),
               re.compile(r"\s*[/|]\s*"))
_SEPARATOR_EDGES = re.compile(r"^[\s/|／｜]+|[\s/|／｜]+$")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]")
_WORD = re.compile(r"[A-Za-z]{2,}")


def _chinese_side(text: str) -> bool:
    return bool(_HAN.search(text)) and script_of(text) == "zh"


def _english_side(text: str) -> bool:
    return not _HAN.search(text) and bool(_WORD.search(text))


def split_at_separator(text: str) -> tuple[str, str] | None:
    """Return (Chinese, English) for a text that joins a Chinese and an English part with a separator
    (/, |, ／, ｜ or a line break), in either order, without the separator; else None."""
    if "\n" not in text and not any(c in text for c in "/|／｜"):
        return None
    for separator in _SEPARATORS:
        for match in separator.finditer(text):
            left, right = text[:match.start()].strip(), text[match.end():].strip()
            if not left or not right:
                continue
            if _chinese_side(left) and _english_side(right):
                return left, right
            if _english_side(left) and _chinese_side(right):
                return right, left
    return None


def strip_separators(text: str) -> str:
    """A part of a same-line pair without the separator left at its edge: "/ Sales Contract" -> "Sales Contract"."""
    return _SEPARATOR_EDGES.sub("", text) or text


def _script_parts(text: str) -> list[tuple[str, str]]:
    """(lang, text) parts of a line: at a separator when one joins a Chinese and an English part, else at the
    change of script (same_line.split_scripts), without separators left at the parts' edges."""
    pair = split_at_separator(text)
    if pair is not None:
        return [("zh", pair[0]), ("en", pair[1])]
    return [(lang, strip_separators(part)) for lang, part in split_scripts(text)]


def _has_both_scripts(text: str) -> bool:
    """True when a paragraph has Han characters and Latin letters (only those can be same-line pairs)."""
    from editor.importing import _HAN, _LATIN

    return bool(_HAN.search(text) and _LATIN.search(text))


def _language(p: Paragraph, previous: str) -> str:
    if p.lang in ("zh", "en"):
        return p.lang
    from editor.importing import is_chinese_paragraph, has_letters

    if not has_letters(p.text):
        return previous          # a number or a row of asterisks belongs to the text it sits in
    return "zh" if is_chinese_paragraph(p.text) else "en"


def _row_parts(records: Sequence[Paragraph]) -> tuple[list[Paragraph], list[Paragraph]]:
    """The Chinese and English paragraphs of one row: by column language, else split by script."""
    zh: list[Paragraph] = []
    en: list[Paragraph] = []
    for p in records:
        if p.lang == "zh":
            zh.append(p)
        elif p.lang == "en":
            en.append(p)
        else:
            for lang, text in _script_parts(p.text):
                (zh if lang == "zh" else en).append(replace(p, text=text, lang=lang))
    return zh, en


def split_mixed(records: Sequence[Paragraph]) -> BilingualText:
    """Split one file's paragraphs into Chinese and English ones, whatever mixture of layouts it uses.

    Rows (a table's, a cue's) become hard anchors; a paragraph holding a plausible Chinese–English pair on
    one line becomes a soft paragraph pair; other paragraphs go to their language (alternating paragraphs).
    Paired headings become hard anchors (see `pair_headings`).
    """
    out = BilingualText()
    previous = "zh"
    k = 0
    while k < len(records):
        p = records[k]
        if p.row is not None:
            end = k
            while end < len(records) and records[end].row == p.row:
                end += 1
            zh, en = _row_parts(records[k:end])
            out._add(zh, en, hard=True)
            if zh and en:
                out.count(Layout.CUES if any(r.time or r.whole for r in records[k:end]) else Layout.TABLE)
            k = end
            continue
        k += 1
        if p.lang is None and _has_both_scripts(p.text):
            parts = _script_parts(p.text)
            zh_text = "".join(t for lang, t in parts if lang == "zh")
            en_text = " ".join(t for lang, t in parts if lang == "en")
            separated = split_at_separator(p.text) is not None      # 买卖合同 / Sales Contract: a pair as it stands
            if zh_text and en_text and (separated or plausible_pair(zh_text, en_text)):
                out._add([replace(p, text=zh_text, lang="zh")], [replace(p, text=en_text, lang="en")],
                         hard=p.is_heading)
                out.count(Layout.SAME_LINE)
                continue
        previous = _language(p, previous)
        out._add([p] if previous == "zh" else [], [p] if previous == "en" else [], hard=None)
        out.count(Layout.ALTERNATING)
    pair_headings(out)
    return out


def pair_files(zh: Sequence[Paragraph], en: Sequence[Paragraph]) -> BilingualText:
    """Put a Chinese file's and an English file's paragraphs side by side, anchored by their cue times
    (subtitles) or their headings."""
    out = BilingualText(list(zh), list(en))
    out.count(Layout.TWO_FILES)
    if any(p.time for p in zh) and any(p.time for p in en):
        out.anchors = cue_anchors(out.zh, out.en)
        if out.anchors:
            out.count(Layout.CUES, len(out.anchors))
    pair_headings(out)
    return out


def pair_headings(text: BilingualText) -> None:
    """Anchor the headings not yet in an anchor, in order, when both sides have the same number of them
    and pairing them keeps the anchors in order (a book with the same chapters aligns chapter by chapter)."""
    def free(side: list[Paragraph], covered: set[int]) -> list[int]:
        return [i for i, p in enumerate(side) if p.is_heading and i not in covered]

    covered_zh = {i for a in text.anchors for i in range(a.src_start, a.src_end)}
    covered_en = {i for a in text.anchors for i in range(a.tgt_start, a.tgt_end)}
    paired_before = sum(1 for a in text.anchors if a.hard and a.src_end - a.src_start == 1
                        and text.zh[a.src_start].is_heading)
    zh_heads, en_heads = free(text.zh, covered_zh), free(text.en, covered_en)
    new: list[Anchor] = []
    if zh_heads and en_heads:
        if len(zh_heads) == len(en_heads):
            pairs = list(zip(zh_heads, en_heads))
        else:
            pairs = _numbered_pairs([(i, heading_number(text.zh[i].text)) for i in zh_heads],
                                    [(i, heading_number(text.en[i].text)) for i in en_heads])
        candidates = sorted(text.anchors + [Anchor(z, z + 1, e, e + 1) for z, e in pairs],
                            key=lambda a: (a.src_start, a.tgt_start))
        if all(a.src_end <= b.src_start and a.tgt_end <= b.tgt_start for a, b in zip(candidates, candidates[1:])):
            text.anchors = candidates
            new = [a for a in candidates if a.src_start in zh_heads]
    if paired_before + len(new):
        text.count(Layout.HEADINGS, paired_before + len(new))


def _numbered_pairs(zh: list[tuple[int, int | None]], en: list[tuple[int, int | None]]) -> list[tuple[int, int]]:
    """Pair headings with the same chapter number, in order (the longest common subsequence of the numbers):
    a preface or a chapter present on one side only does not shift the others."""
    n, m = len(zh), len(en)
    best = [[0] * (m + 1) for _ in range(n + 1)]
    for a in range(n - 1, -1, -1):
        for b in range(m - 1, -1, -1):
            same = zh[a][1] is not None and zh[a][1] == en[b][1]
            best[a][b] = best[a + 1][b + 1] + 1 if same else max(best[a + 1][b], best[a][b + 1])
    pairs, a, b = [], 0, 0
    while a < n and b < m:
        if zh[a][1] is not None and zh[a][1] == en[b][1]:
            pairs.append((zh[a][0], en[b][0]))
            a, b = a + 1, b + 1
        elif best[a + 1][b] >= best[a][b + 1]:
            a += 1
        else:
            b += 1
    return pairs


def cue_anchors(zh: Sequence[Paragraph], en: Sequence[Paragraph]) -> list[Anchor]:
    """Group the cues of two subtitle files that overlap in time into anchors (n-m where cues were cut
    differently); cues that overlap nothing on the other side are left to the aligner."""
    def overlaps(a: tuple[float, float], b: tuple[float, float]) -> bool:
        shared = min(a[1], b[1]) - max(a[0], b[0])
        shorter = max(1e-3, min(a[1] - a[0], b[1] - b[0]))
        return shared / shorter >= CUE_OVERLAP

    anchors: list[Anchor] = []
    i = j = 0
    while i < len(zh) and j < len(en):
        a, b = zh[i].time, en[j].time
        if a is None:
            i += 1
            continue
        if b is None:
            j += 1
            continue
        if not overlaps(a, b):
            if a[1] <= b[1]:
                i += 1
            else:
                j += 1
            continue
        i1, j1 = i + 1, j + 1
        grown = True
        while grown:            # take in every cue that overlaps the group on the other side
            grown = False
            if i1 < len(zh) and zh[i1].time and any(overlaps(zh[i1].time, en[k].time) for k in range(j, j1)):
                i1, grown = i1 + 1, True
            elif j1 < len(en) and en[j1].time and any(overlaps(en[j1].time, zh[k].time) for k in range(i, i1)):
                j1, grown = j1 + 1, True
        anchors.append(Anchor(i, i1, j, j1))
        i, j = i1, j1
    return anchors
