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


def _quote_open(unit: str, closer: str) -> bool:
    """True when `closer` would close a quotation opened in `unit` (so it belongs to `unit`)."""
    if closer in _ASCII_QUOTES:
        return unit.count(closer) % 2 == 1
    opener = next((o for o, c in _CURLY_PAIRS.items() if c == closer), None)
    return opener is not None and unit.count(opener) > unit.count(closer)


def _starts_sentence(text: str) -> bool:
    """True when `text` can begin a new sentence: Han, an upper-case letter, a digit or an opening quote."""
    for ch in text:
        if ch.isspace():
            continue
        if ch in _OPENERS or ch.isdigit() or _HAN.match(ch) or ch in "—-–*•·":
            return True
        return ch.isalpha() and ch.isupper()
    return False


def _units(text: str) -> list[str]:
    """Cut a line after each sentence end (with the closing quotes it owns) that a new sentence follows."""
    units, start, i, n = [], 0, 0, len(text)
    while i < n:
        ch = text[i]
        if ch in _ZH_END or ch in _EN_END:
            j = i + 1
            while j < n and (text[j] in _ZH_END or text[j] in _EN_END):
                j += 1
            while j < n and (text[j] in _CLOSERS or text[j] in _ASCII_QUOTES) and _quote_open(text[start:j], text[j]):
                j += 1
            rest = text[j:]
            # English ends need a space or a Han character after them (3.5, e.g., U.S. do not end anything)
            if ch in _EN_END and rest and not (rest[0].isspace() or _HAN.match(rest[0]) or rest[0] in _OPENERS):
                i = j
                continue
            if not rest.strip() or _starts_sentence(rest):
                units.append(text[start:j])
                start = j
            i = j
            continue
        i += 1
    if text[start:].strip():
        units.append(text[start:])
    return [u for u in (u.strip() for u in units) if u]


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


def _pure_split(unit: str) -> list[str]:
    """Cut an unpunctuated unit where one run of Han meets one run of English words, if that is all it holds."""
    kinds = []          # (kind, position) of each Han character or Latin letter
    for pos, ch in enumerate(unit):
        if _HAN.match(ch):
            kinds.append(("h", pos))
        elif ch.isascii() and ch.isalpha():
            kinds.append(("l", pos))
    changes = [k for k in range(1, len(kinds)) if kinds[k][0] != kinds[k - 1][0]]
    if len(changes) != 1:
        return [unit]
    end1, start2 = kinds[changes[0] - 1][1] + 1, kinds[changes[0]][1]
    gap = unit[end1:start2]
    if not gap or any(ch in "：:，,、" for ch in gap):   # 他说OK; 他写道：We will win. (a quotation)
        return [unit]
    latin = unit[start2:] if kinds[-1][0] == "l" else unit[:end1]
    if len(_LATIN_WORD.findall(latin)) < 2:
        return [unit]
    cut = next((end1 + k for k, ch in enumerate(gap) if ch in _OPENERS), None)
    if cut is None:
        cut = next((end1 + k for k, ch in enumerate(gap) if ch.isspace()), start2)
    left, right = unit[:cut].strip(), unit[cut:].strip()
    return [part for part in (left, right) if part]


def split_scripts(line: str) -> list[tuple[str, str]]:
    """Return the line as (lang, text) parts in order, consecutive sentences of one language joined.

    lang is "zh" or "en".  Numbers and punctuation alone (a list number, a dash) go with the part after
    them, or before them at the end of the line.
    """
    pieces: list[tuple[str | None, str]] = []
    for unit in _units(line):
        for piece in _pure_split(unit):
            pieces.append((script_of(piece), piece))
    parts: list[list] = []
    pending = ""
    for lang, piece in pieces:
        if lang is None:
            pending += piece
            continue
        if pending:
            piece, pending = _join(pending, piece, lang), ""
        if parts and parts[-1][0] == lang:
            parts[-1][1] = _join(parts[-1][1], piece, lang)
        else:
            parts.append([lang, piece])
    if pending:
        if parts:
            parts[-1][1] = _join(parts[-1][1], pending, parts[-1][0])
        else:
            return []
    return [(lang, text) for lang, text in parts]


def _join(a: str, b: str, lang: str) -> str:
    if lang == "zh" and (_HAN.search(a[-1:]) or a[-1:] in _ZH_END or a[-1:] in _CLOSERS):
        return a + b
    return f"{a} {b}"


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
