"""Splitting one line of 中英对照 text at its change of script into its Chinese and English parts.

The boundary rules: English words, numbers and product names inside a Chinese sentence stay in it
(他们使用Python和Excel管理借阅记录。 is one Chinese sentence); Chinese names inside an English sentence stay
in it; quotation marks belong to the side they enclose.  A line is cut only where a sentence ends and the
next one starts in the other script, or, without punctuation, at the one place where a run of Han
characters meets a run of at least two English words (第一章 出发 Chapter One: Departure).
"""

from __future__ import annotations

import re

_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]")
_SCRIPT_RUN = re.compile(r"([\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]+)|([A-Za-z]+)")
_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+(?:['’][A-Za-z]+)?")
_ZH_END = "。！？…；"
_EN_END = ".!?;"
_CURLY_PAIRS = {"“": "”", "‘": "’", "「": "」", "『": "』", "（": "）", "(": ")", "《": "》", "【": "】", "[": "]"}
_CLOSERS = set(_CURLY_PAIRS.values())
_OPENERS = set(_CURLY_PAIRS) | {'"', "'"}
_ASCII_QUOTES = {'"', "'"}
#: an English word counts as this many Han characters when weighing which script a sentence is in
HAN_PER_WORD = 1.5
#: plausible English letters per Han character of a same-line pair (zh-en translations run about 2-4)
MIN_LETTERS_PER_HAN, MAX_LETTERS_PER_HAN = 0.5, 12.0


def _quotes(unit: str, quote: str) -> int:
    """How many times `quote` stands in `unit` as a quotation mark (an apostrophe between letters does not)."""
    return sum(1 for k, ch in enumerate(unit) if ch == quote and not (
        quote == "'" and 0 < k < len(unit) - 1 and unit[k - 1].isalpha() and unit[k + 1].isalpha()))


def _quote_open(unit: str, closer: str) -> bool:
    """True when `closer` would close a quotation opened in `unit` (so it belongs to `unit`)."""
    if closer in _ASCII_QUOTES:
        return _quotes(unit, closer) % 2 == 1
    opener = next((o for o, c in _CURLY_PAIRS.items() if c == closer), None)
    return opener is not None and unit.count(opener) > unit.count(closer)


def _closing_at(text: str, k: int) -> bool:
    """True for a straight quote glued to the word or mark before it with a space or the end after it: it
    closes a quotation (which may have opened on an earlier line)."""
    return (text[k] in _ASCII_QUOTES and k > 0 and not text[k - 1].isspace()
            and (k + 1 == len(text) or text[k + 1].isspace()))


def _opening_at(text: str, k: int) -> bool:
    """True for an opening quote or bracket: a curly one, or a straight quote not glued to a word before it
    and glued to one after it."""
    ch = text[k]
    if ch in _ASCII_QUOTES:
        return (k == 0 or not text[k - 1].isalnum()) and k + 1 < len(text) and not text[k + 1].isspace()
    return ch in _OPENERS


def _starts_sentence(text: str) -> bool:
    """True when `text` can begin a new sentence: Han, an upper-case letter, a digit or an opening quote."""
    for ch in text:
        if ch.isspace():
            continue
        if ch in _OPENERS or ch.isdigit() or _HAN.match(ch) or ch in "—-–*•·":
            return True
        return ch.isalpha() and ch.isupper()
    return False


def _units(text: str) -> list[tuple[int, int]]:
    """Cut a line after each sentence end (with the closing quotes of quotations open in the line so far)
    that a new sentence follows;
    return the (start, end) spans of the pieces."""
    units, start, i, n = [], 0, 0, len(text)
    while i < n:
        ch = text[i]
        if ch in _ZH_END or ch in _EN_END:
            j = i + 1
            while j < n and (text[j] in _ZH_END or text[j] in _EN_END):
                j += 1
            while True:          # closing quotes it owns, even after a stray space (摔交。 ”)
                k = j
                while k < n and text[k] == " ":
                    k += 1
                if k < n and (text[k] in _CLOSERS or text[k] in _ASCII_QUOTES) and (
                        _quote_open(text[:k], text[k]) or _closing_at(text, k) or (k == j and text[k] in _CLOSERS)):
                    j = k + 1
                else:
                    break
            rest = text[j:]
            # English ends need a space or a Han character after them (3.5, e.g., U.S. do not end anything)
            if ch in _EN_END and rest and not (rest[0].isspace() or _HAN.match(rest[0]) or rest[0] in _OPENERS):
                i = j
                continue
            if not rest.strip() or _starts_sentence(rest):
                units.append((start, j))
                start = j
            i = j
            continue
        i += 1
    units.append((start, n))
    return [(a, b) for a, b in units if text[a:b].strip()]


def script_of(text: str) -> str | None:
    """Return "zh" or "en" for a sentence by its matrix script (an English word weighs 1.5 Han), None if neither."""
    han = len(_HAN.findall(text))
    words = len(_LATIN_WORD.findall(text))
    if not han and not words:
        return None
    weight = han - HAN_PER_WORD * words
    if weight == 0:
        return "zh" if text.rstrip()[-1:] in _ZH_END else "en"
    return "zh" if weight > 0 else "en"


def _pure_split(line: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut an unpunctuated span where one run of Han meets one run of English words, if that is all it holds."""
    unit = line[start:end]
    runs: list[list] = []           # [kind, first position, end position] of runs of one script
    for match in _SCRIPT_RUN.finditer(unit):
        kind = "h" if match.group(1) else "l"
        if runs and runs[-1][0] == kind:
            runs[-1][2] = match.end()
        else:
            runs.append([kind, match.start(), match.end()])
    if len(runs) != 2:
        return [(start, end)]
    end1, start2 = runs[0][2], runs[1][1]
    gap = unit[end1:start2]
    han_first = runs[0][0] == "h"
    han, latin = (unit[:end1], unit[start2:]) if han_first else (unit[start2:], unit[:end1])
    if not gap or len(_LATIN_WORD.findall(latin)) < 2:     # 他说OK, 我喜欢Python: one sentence
        return [(start, end)]
    # 他写道：We will win. is a quotation; 他说，她不敢相信：Chen said she could not believe it. is a pair
    letters = sum(len(w) for w in _LATIN_WORD.findall(latin))
    if any(ch in "：:，,、" for ch in gap) and letters < 1.5 * len(_HAN.findall(han)):
        return [(start, end)]
    cut = next((end1 + k for k in range(len(gap)) if _opening_at(unit, end1 + k)), None)
    if cut is None:
        cut = next((end1 + k for k, ch in enumerate(gap) if ch.isspace()), start2)
    return [(start, start + cut), (start + cut, end)]


def split_scripts(line: str) -> list[tuple[str, str]]:
    """Return the line as (lang, text) parts in order, consecutive sentences of one language joined as they
    stand in the line.

    lang is "zh" or "en".  Numbers and punctuation alone (a list number, a dash) go with the part after
    them, or before them at the end of the line.
    """
    pieces: list[tuple[str | None, int, int]] = []
    for a, b in _units(line):
        for c, d in _pure_split(line, a, b):
            if line[c:d].strip():
                pieces.append((script_of(line[c:d]), c, d))
    parts: list[list] = []          # [lang, start, end]
    pending: int | None = None
    for lang, a, b in pieces:
        if lang is None:
            pending = a if pending is None else pending
            continue
        if pending is not None:
            a, pending = pending, None
        if parts and parts[-1][0] == lang:
            parts[-1][2] = b
        else:
            parts.append([lang, a, b])
    if pending is not None:
        if not parts:
            return []
        parts[-1][2] = len(line)
    return [(lang, line[a:b].strip()) for lang, a, b in parts]


def plausible_pair(zh: str, en: str) -> bool:
    """True when `en` is of a length that could translate `zh` (a quoted English phrase in a Chinese
    paragraph is not a same-line translation)."""
    han = len(_HAN.findall(zh))
    letters = sum(len(w) for w in _LATIN_WORD.findall(en))
    if not han or not letters:
        return False
    return MIN_LETTERS_PER_HAN <= letters / han <= MAX_LETTERS_PER_HAN


def same_line_pair(line: str) -> tuple[str, str] | None:
    """Return (Chinese, English) when the line holds a sentence-or-more of each, in either order; else None.

    The Chinese parts are joined with nothing, the English ones with a space (a line may alternate).
    """
    parts = split_scripts(line)
    zh = "".join(t for lang, t in parts if lang == "zh")
    en = " ".join(t for lang, t in parts if lang == "en")
    if not zh or not en or not plausible_pair(zh, en):
        return None
    return zh, en
