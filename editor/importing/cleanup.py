"""Suggested clean-up of imported text (pinyin artifacts, mojibake, whitespace, Chinese punctuation), each
fix with its position.

Nothing here changes a text by itself: `suggest_cleanup()` lists fixes, the user accepts some, and
`apply_fixes()` applies the accepted ones.  A fix whose `replacement` is None is only flagged: it cannot
be repaired without losing or guessing text.

The CLI and the editor share one default (`Fix.default`): the safe repairs (pinyin leftovers, garbled
runs that decode back exactly, stray spaces other than the one after an article or clause number, list marks
such as "• ") are on; "Chinese punctuation" (ASCII , : ; ? ! and () around Chinese made full-width) and footnote
references ("[1]", "¹", "(注1)") are offered, off by default.

List marks and footnote references depend on the rest of a side ("- " starts a list item only in a run of such
paragraphs; a reference counts when its note or its neighbours in a sequence are there): `suggest_side_cleanup()`
reads a side's paragraphs together.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import Iterable, Sequence

from editor.importing.note_marks import ListMark, NoteReference, confirmed_references, list_marks
from editor.importing.script import ChineseScript, char_script, detect_chinese_script


class FixKind(StrEnum):
    """What kind of defect a fix addresses."""

    PINYIN = "pinyin artifact"
    MOJIBAKE = "mojibake"
    WHITESPACE = "whitespace"
    PUNCTUATION = "Chinese punctuation"
    MARKUP = "leftover markup"
    LIST_MARK = "list mark"
    FOOTNOTE = "footnote reference"


#: The kinds applied when nobody chose: the safe repairs.  PUNCTUATION and FOOTNOTE are offered but off by default:
#: a footnote reference ties its sentence to a note that stays in the text, and its shapes are content elsewhere
#: (a citation "[3]" is a paper's only attribution, "①" numbers a figure), which the file's evidence makes only
#: likely; review flags a link that holds one, so it never reaches a translation memory unread.  A list mark
#: ("• ", or "- " in a run of items) carries nothing the item's text does not: removed by default.
DEFAULT_KINDS = frozenset({FixKind.PINYIN, FixKind.MOJIBAKE, FixKind.WHITESPACE, FixKind.MARKUP, FixKind.LIST_MARK})


@dataclass(frozen=True, slots=True)
class Fix:
    """Replace text[start:end] (== original) by `replacement`; a None replacement only flags the span."""

    kind: FixKind
    start: int
    end: int
    original: str
    replacement: str | None
    note: str = ""

    @property
    def repairable(self) -> bool:
        return self.replacement is not None

    @property
    def default(self) -> bool:
        """True for a repair applied by default (the CLI without --no-clean, ticked in the editor)."""
        return self.repairable and self.kind in DEFAULT_KINDS

    def to_dict(self) -> dict:
        """Plain data for the project file's `cleanup_applied` list."""
        return {"kind": self.kind.value, "start": self.start, "end": self.end, "original": self.original,
                "replacement": self.replacement, "note": self.note}


_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff"
_HAN_CHAR = re.compile(f"[{_HAN}]")
# CJK characters and punctuation: no spaces belong between two of them.
_CJK = f"{_HAN}\u3000-\u303f\uff00-\uffef\u2018\u2019\u201c\u201d\u2026\u00b7"


# --- pinyin artifacts --------------------------------------------------------------------------------------

_PINYIN_GROUP = re.compile(r"[(（]([a-zA-ZüÜ\u00c0-\u024f\u0300-\u036f]{1,7}[1-5]?)[)）]")
_TONE_MARKS = re.compile(r"[\u0304\u0301\u030c\u0300]")


def _plain_syllable(syllable: str) -> str:
    """'lǘ' -> 'lv', 'jié' -> 'jie', 'xian4' -> 'xian': the toneless spelling used to compare readings."""
    decomposed = unicodedata.normalize("NFD", syllable.lower().rstrip("12345"))
    return "".join(c for c in decomposed if not unicodedata.combining(c) or c == "\u0308") \
        .replace("u\u0308", "v").replace("ü", "v")


def _has_tone_mark(syllable: str) -> bool:
    return bool(_TONE_MARKS.search(unicodedata.normalize("NFD", syllable))) or syllable[-1:].isdigit()


@cache
def _readings() -> dict[int, frozenset[str]]:
    from editor.alignment.lexicon import import_pypinyin

    import_pypinyin()
    from pypinyin.pinyin_dict import pinyin_dict   # loaded on first use: a large table

    return {code: frozenset(_plain_syllable(r) for r in value.split(",")) for code, value in pinyin_dict.items()}


@cache
def _syllables() -> frozenset[str]:
    return frozenset().union(*_readings().values())


def _pinyin_fixes(text: str) -> list[Fix]:
    fixes = []
    for match in _PINYIN_GROUP.finditer(text):
        syllable = match.group(1)
        plain = _plain_syllable(syllable)
        if plain not in _syllables() or match.start() == 0:
            continue
        before = text[match.start() - 1]
        after = text[match.end():match.end() + 1]
        if _HAN_CHAR.match(before):
            readings = _readings().get(ord(before))
            # A Han character annotated with one of its own readings: 聯(lián).  Unknown characters
            # count when the syllable carries a tone, which ordinary parenthesised words do not.
            if readings is not None and plain not in readings:
                continue
            if readings is None and not _has_tone_mark(syllable):
                continue
        elif not (_has_tone_mark(syllable) and _HAN_CHAR.match(after or " ")):
            # A toned syllable inside Chinese text after a damaged character (mojibake): still an artifact.
            continue
        fixes.append(Fix(FixKind.PINYIN, match.start(), match.end(), match.group(), "",
                         f"pinyin annotation of {before!r}"))
    return fixes


# --- mojibake ----------------------------------------------------------------------------------------------

_LATIN1_RUN = re.compile(r"[\u00c0-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
                         r"\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
                         r"\u0080-\u00bf]{2,}")
_ODD_SYMBOL = re.compile(r"[\ufffd\u2500-\u259f\ue000-\uf8ff]")
_GLUED_ASCII = re.compile(f"(?<=[{_HAN}])[?!]+|[?!]+(?=[{_HAN}])")
MIN_SUSPICIOUS = 3        # suspicious characters a run needs before it is flagged
MAX_GAP = 2               # ordinary characters allowed between two suspicious ones in a run


def _repair(run: str) -> str | None:
    """Undo a wrong decoding when it can be done exactly (round trip reproduces `run`), else None."""
    for wrong, right in (("gb18030", "utf-8"), ("gbk", "utf-8"), ("cp1252", "utf-8"), ("latin-1", "utf-8")):
        try:
            fixed = run.encode(wrong).decode(right)
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if fixed != run and fixed.encode(right).decode(wrong) == run and not _ODD_SYMBOL.search(fixed):
            return fixed
    return None


def _suspicious_positions(text: str, script: ChineseScript) -> list[int]:
    other = ChineseScript.SIMPLIFIED if script is ChineseScript.TRADITIONAL else ChineseScript.TRADITIONAL
    native_codec = "big5" if script is ChineseScript.TRADITIONAL else "gb2312"
    # each distinct character is judged once (a paragraph repeats most of its characters), then found
    suspicious = {char for char in set(text) if _ODD_SYMBOL.match(char) or (
        _HAN_CHAR.match(char) and (char_script(char) is other or not _in_codec(char, native_codec)))}
    positions = {i for i, char in enumerate(text) if char in suspicious} if suspicious else set()
    for match in _GLUED_ASCII.finditer(text):
        positions.update(range(match.start(), match.end()))
    return sorted(positions)


@cache
def _in_codec(char: str, codec: str) -> bool:
    try:
        char.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


def _mojibake_fixes(text: str, script: ChineseScript) -> list[Fix]:
    fixes = []
    for match in _LATIN1_RUN.finditer(text):        # UTF-8 read as Latin-1/cp1252: "cafÃ©"
        fixed = _repair(match.group())
        if fixed is not None:
            fixes.append(Fix(FixKind.MOJIBAKE, match.start(), match.end(), match.group(), fixed,
                             "UTF-8 text that was decoded as Latin-1"))
    taken = [(f.start, f.end) for f in fixes]
    runs: list[list[int]] = []
    for pos in _suspicious_positions(text, script):
        if any(s <= pos < e for s, e in taken):
            continue
        if runs and pos - runs[-1][-1] <= MAX_GAP + 1:
            runs[-1].append(pos)
        else:
            runs.append([pos])
    for run in runs:
        if len(run) < MIN_SUSPICIOUS:
            continue
        start, end = run[0], run[-1] + 1
        repaired = _repair_around(text, start, end, script)
        if repaired is not None:
            start, end, fixed = repaired
            fixes.append(Fix(FixKind.MOJIBAKE, start, end, text[start:end], fixed,
                             "UTF-8 text that was decoded as GBK"))
        else:
            fixes.append(Fix(FixKind.MOJIBAKE, start, end, text[start:end], None,
                             "garbled characters (a wrong decoding); the original bytes are lost, so retype this part"))
    return fixes


_GARBLE_CHAR = re.compile(r"[^\x00-\x7f\u3000-\u303f\uff00-\uffef“”‘’…—·]")
MAX_TRIM = 3        # correct characters that may sit between a garbled run's edge and its suspicious core


def _repair_around(text: str, start: int, end: int, script: ChineseScript) -> tuple[int, int, str] | None:
    """Find the widest span around text[start:end] that decodes back exactly; (start, end, repaired) or None.

    The suspicious characters are only the garbled run's core: its edges may look like ordinary
    characters, so the whole stretch of non-ASCII, non-punctuation text around it is tried, then trimmed.
    """
    lo, hi = start, end
    while lo > 0 and _GARBLE_CHAR.match(text[lo - 1]):
        lo -= 1
    while hi < len(text) and _GARBLE_CHAR.match(text[hi]):
        hi += 1
    before = len(_suspicious_positions(text[lo:hi], script))
    spans = sorted(((s, e) for s in range(lo, min(start, lo + MAX_TRIM) + 1)
                    for e in range(max(end, hi - MAX_TRIM), hi + 1)), key=lambda se: se[0] - se[1])
    for s, e in spans:
        fixed = _repair(text[s:e])
        if fixed is not None and len(_suspicious_positions(fixed, script)) < before:
            return s, e, fixed
    return None


# --- whitespace --------------------------------------------------------------------------------------------

_INVISIBLE = re.compile(r"[\u200b\u2060\ufeff\u00ad]+")
_CJK_SPACE = re.compile(f"(?<=[{_CJK}])[ \\t\u00a0\u3000]+(?=[{_CJK}])")
_ODD_SPACE = re.compile(r"[\t\u00a0\u2000-\u200a\u202f\u205f]")
_MULTI_SPACE = re.compile(r" {2,}")
_EDGE_SPACE = re.compile(r"^[\s\u3000]+|[\s\u3000]+$")


_CN_NUMERAL = "一二三四五六七八九十百千零〇两壹贰叁肆伍陆柒捌玖拾0-9０-９"
#: An article or clause number that starts a paragraph or a sentence: 第一条, 第3款, （一）, (2), 1、 …
#: The space after it is meaningful (第一条 本合同…), never stray.
_CLAUSE_NUMBER = re.compile(
    rf"(?:^|(?<=[。！？；：\n]))\s*(?:第\s?[{_CN_NUMERAL}]+\s?[条條款项項章节節篇部编編]"
    rf"|[（(][{_CN_NUMERAL}]+[）)]|[{_CN_NUMERAL}]+(?:[.．][{_CN_NUMERAL}]+)*[.．、])$")


CLAUSE_WINDOW = 48

#: A short line of names each set off by one space: a byline (a role, then names: "新华社记者 张伟 王芳") or a list
#: of three or more names, where the spaces part the names; joined, they ran together (an X11 audit). Two words
#: with no role ("中国 上海") are not told from a stray space, and are joined as before.
_ROLE = "(?:记者|記者|通讯员|通訊員|编辑|編輯|摄影|攝影|摄|攝|作者|译者|譯者|撰稿|撰文|报道|報導)"
_NAME_LIST = re.compile(f"^[ \u3000]*(?:[{_HAN}]{{0,8}}{_ROLE}(?:[ \u3000][{_HAN}]{{2,4}})+"
                        f"|[{_HAN}]{{2,4}}(?:[ \u3000][{_HAN}]{{2,4}}){{2,}})[ \u3000]*$")
NAME_LIST_MAX = 30
#: a space after a full-width Chinese mark, before more text (an X11 re-test: "开局”， 12月8日" kept it, as the
#: next character, a digit, is not Chinese)
_SPACE_AFTER_CJK_MARK = re.compile(f"(?<=[，。！？；：、])[ \\t\u00a0\u3000]+(?=[0-9０-９{_HAN}“‘「『（《【])")
#: a space before an English sentence's punctuation ('he said " we will try " .': a news source that sets its
#: punctuation off with spaces; the stop's space reached the TM after the quotes' were fixed: an X11 re-test). Only
#: after a word, a digit or a closing quote or bracket, and before a mark that ends there (space, end, quote), so
#: an ellipsis " ..." and a decimal " .5" stay
_SPACE_BEFORE_EN_MARK = re.compile("(?<=[A-Za-z0-9\"”’)\\]])[ \t]+(?=[.,;:!?](?:[\\s\"”’)]|$))")


#: spaces just inside a pair of straight double quotes, or between one and a Chinese character or mark: a news
#: source that sets its punctuation off with spaces ('他说 " 我们 " ……', 'he said " we will "' reached the TM; an
#: X11 re-test)
_QUOTE_SPACES = " \t\u00a0\u3000"
_CJK_CHAR = re.compile(f"[{_CJK}]")


def _spaces_before(text: str, k: int) -> int:
    """Where the run of spaces that ends at text[k] starts (k when there is none)."""
    start = k
    while start and text[start - 1] in _QUOTE_SPACES:
        start -= 1
    return start


def _spaces_after(text: str, k: int) -> int:
    """Where the run of spaces that starts at text[k] ends (k when there is none)."""
    end = k
    while end < len(text) and text[end] in _QUOTE_SPACES:
        end += 1
    return end


def _quote_pairs(text: str) -> list[tuple[int, int]]:
    """The positions of the straight double quotes of `text` as (opening, closing) pairs, in order; none when
    they do not pair up: an odd count, or a quote after a digit (5" is an inch), or an opening one glued to a
    word before it or a closing one glued to a word after it (the pairing would then be a guess)."""
    quotes = [m.start() for m in re.finditer('"', text)]
    if not quotes or len(quotes) % 2:
        return []
    pairs = list(zip(quotes[::2], quotes[1::2]))
    for opening, closing in pairs:
        before = text[opening - 1] if opening else " "
        after = text[closing + 1] if closing + 1 < len(text) else " "
        if (before.isdigit() or text[closing - 1].isdigit() or not text[opening + 1:closing].strip()
                or (before.isalnum() and not _HAN_CHAR.match(before))
                or (after.isalnum() and not _HAN_CHAR.match(after))):
            return []
    return pairs


def after_clause_number(text: str, position: int) -> bool:
    """True when text[:position] ends with an article or clause number that starts a sentence."""
    # a clause number is short: search the last CLAUSE_WINDOW characters only (the look-behind still sees the
    # character before the window, and `^` only the text's real start), so each space costs O(1), not O(n)
    return bool(_CLAUSE_NUMBER.search(text, max(0, position - CLAUSE_WINDOW), position))


def _whitespace_fixes(text: str) -> list[Fix]:
    fixes: list[Fix] = []
    used: list[tuple[int, int]] = []            # sorted by start, never overlapping (a long line has thousands)

    def take(start: int, end: int) -> bool:
        i = bisect.bisect_left(used, (start, start))
        if _overlaps(used, i, start, end):
            return False
        used.insert(i, (start, end))
        return True

    def add(start: int, end: int, replacement: str, note: str) -> None:
        if start < end and take(start, end):
            fixes.append(Fix(FixKind.WHITESPACE, start, end, text[start:end], replacement, note))

    for m in _EDGE_SPACE.finditer(text):
        add(m.start(), m.end(), "", "space at the start or end")
    for m in _INVISIBLE.finditer(text):
        add(m.start(), m.end(), "", "invisible character")
    names = len(text) <= NAME_LIST_MAX and _NAME_LIST.match(text) is not None
    for m in _CJK_SPACE.finditer(text):
        if names and m.group() in (" ", "\u3000"):
            take(m.start(), m.end())                 # 记者 张伟 王芳: the spaces part the names
            continue
        if after_clause_number(text, m.start()):     # 第一条 本合同: the space after the number stays
            if m.group() in (" ", "\u3000"):
                take(m.start(), m.end())
            else:
                add(m.start(), m.end(), " ", "irregular space after an article or clause number")
            continue
        add(m.start(), m.end(), "", "space between Chinese characters")
    for m in _SPACE_AFTER_CJK_MARK.finditer(text):     # "开局”， 12月8日": full-width marks carry their own space
        if after_clause_number(text, m.start()):     # 1、 总则: the space after the number stays
            take(m.start(), m.end())
            continue
        add(m.start(), m.end(), "", "space after Chinese punctuation")
    if '"' in text:
        for opening, closing in _quote_pairs(text):
            add(opening + 1, _spaces_after(text, opening + 1), "", "space inside quotation marks")
            add(_spaces_before(text, closing), closing, "", "space inside quotation marks")
            # ticked by default as the other stray spaces: only spaces go, and only where every quote pairs up
            # (an odd count, an inch mark or a quote glued to a word leaves the paragraph alone), so the worst a
            # wrong guess does is close a gap; left, they reach the TM in every such sentence.  Outside the
            # quotes, only next to Chinese, which sets no spaces ('他说 "我们"', but 'said "we"')
            start = _spaces_before(text, opening)
            if start and _CJK_CHAR.match(text, start - 1):
                add(start, opening, "", "space before a quotation mark in Chinese")
            end = _spaces_after(text, closing + 1)
            if _CJK_CHAR.match(text, end):
                add(closing + 1, end, "", "space after a quotation mark in Chinese")
    for m in _SPACE_BEFORE_EN_MARK.finditer(text):
        add(m.start(), m.end(), "", "space before punctuation")
    for m in re.finditer(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]{2,}|[\t\u00a0\u2000-\u200a\u202f\u205f]",
                         text):
        add(m.start(), m.end(), " ", "irregular space")
    return fixes


# --- leftover markup: HTML tags and character entities in a text copied from a web page or an export -------------

#: the HTML tags a text copied from a page or a CMS export keeps (an X11 audit: "<strong>…</strong>", "<br/>" and
#: "&nbsp;" in plain news files reached the TMX, and "<br/>" kept two sentences from being split); only known tag
#: names, so "a <b> c" in prose about HTML is the one thing also taken, and "x < y > z" is not
_BREAK_TAGS = "br|p|div|li|ul|ol|h[1-6]|tr|td|th|table|tbody|thead|blockquote"
_INLINE_TAGS = "strong|b|i|em|u|span|font|a|sup|sub|small|big|mark|s|strike|ins|del|code"
_MARKUP_TAG = re.compile(f"</?(?:({_BREAK_TAGS})|{_INLINE_TAGS})(?=[\\s/>])[^<>]{{0,200}}>", re.IGNORECASE)
#: a named or numeric character entity (html.unescape decodes it; an unknown name is left alone)
_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,7}|#\d{1,6}|#[xX][0-9A-Fa-f]{1,6});")


def _markup_fixes(text: str) -> list[Fix]:
    import html

    fixes: list[Fix] = []
    for m in _MARKUP_TAG.finditer(text):
        # a line or block break parts two words (or two sentences): a space, unless one is there already
        before = m.start() > 0 and text[m.start() - 1].isspace()
        after = m.end() < len(text) and text[m.end()].isspace()
        replacement = " " if m.group(1) and not (before or after) and 0 < m.start() and m.end() < len(text) else ""
        end = m.end() + 1 if before and after else m.end()      # "one. <br/> Two": one space is left, not two
        fixes.append(Fix(FixKind.MARKUP, m.start(), end, text[m.start():end], replacement, "leftover HTML tag"))
    for m in _ENTITY.finditer(text):
        decoded = html.unescape(m.group()).replace("\u00a0", " ")
        if decoded != m.group():
            fixes.append(Fix(FixKind.MARKUP, m.start(), m.end(), m.group(), decoded, "HTML character entity"))
    return fixes


# --- list marks and footnote references: what the rest of the side tells ------------------------------------

@dataclass(frozen=True, slots=True)
class ParagraphContext:
    """What a side's other paragraphs tell about one of them: its list marks ("- " needs a run of items) and the
    footnote references the side confirms (their note or a sequence is there).  See editor.importing.note_marks."""

    list_marks: tuple[ListMark, ...] = ()
    references: tuple[NoteReference, ...] = ()


def side_contexts(paragraphs: Sequence[str]) -> list[ParagraphContext]:
    """The ParagraphContext of each paragraph of one side (a file, or one language of a mixed file)."""
    return [ParagraphContext(tuple(marks), tuple(refs))
            for marks, refs in zip(list_marks(paragraphs), confirmed_references(paragraphs))]


def _list_mark_fixes(context: ParagraphContext, text: str) -> list[Fix]:
    # (an X11 audit: "• " stayed at the start of both sentences of a linked pair and reached the TMX)
    return [Fix(FixKind.LIST_MARK, m.start, m.end, text[m.start:m.end], "", f"list mark {m.mark!r}")
            for m in context.list_marks]


def _footnote_fixes(context: ParagraphContext, text: str) -> list[Fix]:
    # (an X11 audit: "frontline staff.[1] Wang Kuiwan…" reached the TMX, and kept the two sentences together)
    return [Fix(FixKind.FOOTNOTE, r.start, r.end, text[r.start:r.end], "",
                "footnote reference (its note or the next reference is in the text)") for r in context.references]


# --- Chinese punctuation (offered, off by default) ----------------------------------------------------------

_FULL_WIDTH = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}
_CJK_CLOSER = "”’）》」』】〕"
_CJK_OPENER = "“‘（《「『【〔"
_ASCII_MARK = re.compile(r"[,:;?!] *")
_PAREN_GROUP = re.compile(r"\(([^()\n]{1,200})\)")
#: a URL or an e-mail address; an address starts where its run of address characters starts (the lookbehind), so
#: a long line without one is scanned once, not once per position (`\S+@` made a 5 MB line never finish)
_URL = re.compile(r"(?:https?|ftp)://\S+|www\.\S+|(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+",
                  re.IGNORECASE)


def _chinese_before(text: str, k: int) -> bool:
    """A Chinese character or closing mark before position k, or a parenthesis group after one (聯(lián),)."""
    if k > 0 and text[k - 1] == ")":
        opening = text.rfind("(", max(0, k - 40), k - 1)
        return opening > 0 and "\n" not in text[opening:k] and _chinese_before(text, opening)
    return k > 0 and (bool(_HAN_CHAR.match(text[k - 1])) or text[k - 1] in _CJK_CLOSER)


def _chinese_after(text: str, k: int) -> bool:
    return k < len(text) and (bool(_HAN_CHAR.match(text[k])) or text[k] in _CJK_OPENER)


def _punctuation_fixes(text: str) -> list[Fix]:
    """ASCII , : ; ? ! between Chinese (a Chinese character or closing mark before, one or an opening mark or
    the end after) and () around Chinese, made full-width; digits (1,000), Latin runs and URLs are left."""
    urls = [(m.start(), m.end()) for m in _URL.finditer(text)]      # in order, never overlapping
    url_starts = [a for a, _ in urls]

    def in_url(k: int) -> bool:
        i = bisect.bisect_right(url_starts, k) - 1
        return i >= 0 and k < urls[i][1]

    fixes = []
    for m in _ASCII_MARK.finditer(text):
        k = m.start()
        mark = text[k]
        end_ok = m.end() == len(text) and mark in "?!;:"
        number_after = m.end() < len(text) and text[m.end()].isdigit() and mark in ",:;"     # 表示,2021年
        if in_url(k) or not _chinese_before(text, k) or not (_chinese_after(text, m.end()) or end_ok
                                                                or number_after):
            continue
        fixes.append(Fix(FixKind.PUNCTUATION, k, m.end(), m.group(), _FULL_WIDTH[mark],
                         f"ASCII {mark!r} in Chinese text"))
    for m in _PAREN_GROUP.finditer(text):
        inner = m.group(1)
        outside = _chinese_before(text, m.start()) and (_chinese_after(text, m.end()) or m.end() == len(text)
                                                         or text[m.end()] in "，。；：！？、")
        if in_url(m.start()) or not (_HAN_CHAR.search(inner) or outside):
            continue
        fixes.append(Fix(FixKind.PUNCTUATION, m.start(), m.start() + 1, "(", "（", "ASCII parenthesis around Chinese"))
        fixes.append(Fix(FixKind.PUNCTUATION, m.end() - 1, m.end(), ")", "）", "ASCII parenthesis around Chinese"))
    return fixes


# --- API ---------------------------------------------------------------------------------------------------

def suggest_side_cleanup(paragraphs: Sequence[str], *, script: str | None = None,
                         kinds: Iterable[FixKind] = tuple(FixKind)) -> list[list[Fix]]:
    """Return `suggest_cleanup` of each paragraph of one side, read together (list runs, footnotes' notes)."""
    kinds = tuple(kinds)
    contexts = side_contexts(paragraphs) if {FixKind.LIST_MARK, FixKind.FOOTNOTE} & set(kinds) else \
        [ParagraphContext()] * len(paragraphs)
    return [suggest_cleanup(p, script=script, kinds=kinds, context=c) for p, c in zip(paragraphs, contexts)]


def suggest_cleanup(text: str, *, script: str | None = None,
                    kinds: Iterable[FixKind] = tuple(FixKind), context: ParagraphContext | None = None) -> list[Fix]:
    """Return the suggested fixes for `text`, sorted by position; repairable ones never overlap.

    `script` ("simplified"/"traditional") says which Chinese characters are expected; by default it is
    detected from `text`.  `context`: what the other paragraphs of its side tell (`side_contexts`); by default
    `text` is read alone.  Flag-only mojibake fixes may contain other fixes' spans.
    """
    kinds = set(kinds)
    chosen = ChineseScript(script) if script else ChineseScript(detect_chinese_script(text))
    if context is None:
        context = side_contexts([text])[0] if {FixKind.LIST_MARK, FixKind.FOOTNOTE} & kinds else ParagraphContext()
    groups: list[list[Fix]] = []
    if FixKind.MARKUP in kinds:
        groups.append(_markup_fixes(text))
    if FixKind.LIST_MARK in kinds:               # before the spaces: "  • item" is one fix, not two
        groups.append(_list_mark_fixes(context, text))
    if FixKind.MOJIBAKE in kinds:
        groups.append(_mojibake_fixes(text, chosen))
    if FixKind.PINYIN in kinds:
        groups.append(_pinyin_fixes(text))
    if FixKind.WHITESPACE in kinds:
        groups.append(_whitespace_fixes(text))
    if FixKind.FOOTNOTE in kinds:                # after the default repairs: an unticked one never blocks them
        groups.append(_footnote_fixes(context, text))
    if FixKind.PUNCTUATION in kinds:             # "(注1)" is removed whole, not made "（注1）"
        groups.append(_punctuation_fixes(text))
    fixes: list[Fix] = []
    taken: list[tuple[int, int]] = []              # the repairs kept so far, sorted by start, never overlapping
    for group in groups:                           # earlier kinds win an overlap between repairs
        kept: list[tuple[int, int]] = []           # this kind's repairs, in order: merged into `taken` after it
        for fix in sorted(group, key=lambda f: (f.start, f.end)):
            if fix.repairable:
                i = bisect.bisect_left(taken, (fix.start, fix.start))
                if _overlaps(taken, i, fix.start, fix.end) or (kept and fix.start < kept[-1][1]
                                                                and kept[-1][0] < fix.end):
                    continue
                kept.append((fix.start, fix.end))
            fixes.append(fix)
        taken = sorted(taken + kept)               # two sorted runs: linear
    return sorted(fixes, key=lambda f: (f.start, f.end))


def _overlaps(taken: list[tuple[int, int]], i: int, start: int, end: int) -> bool:
    """Whether [start, end) overlaps a span of `taken` (sorted, never overlapping; `i` where start would go):
    the one before it, or those after it that start before `end` (spans touching at an end do not overlap)."""
    if i > 0 and taken[i - 1][0] < end and start < taken[i - 1][1]:
        return True
    j = i
    while j < len(taken) and taken[j][0] < end:
        if start < taken[j][1]:
            return True
        j += 1
    return False


def apply_fixes(text: str, fixes: Iterable[Fix]) -> str:
    """Return `text` with the repairable `fixes` applied (flag-only ones are skipped).

    Raises ValueError when a fix does not match the text or two repairs overlap.
    """
    repairs = sorted((f for f in fixes if f.repairable), key=lambda f: f.start)
    out, pos = [], 0
    for fix in repairs:
        if text[fix.start:fix.end] != fix.original:
            raise ValueError(f"fix at {fix.start}..{fix.end} does not match the text ({fix.original!r})")
        if fix.start < pos:
            raise ValueError(f"fixes overlap at {fix.start}")
        out += [text[pos:fix.start], fix.replacement]
        pos = fix.end
    out.append(text[pos:])
    return "".join(out)


def clean_text(text: str, *, script: str | None = None, punctuation: bool = False) -> tuple[str, list[Fix]]:
    """Return `text` with the default repairs applied (and the Chinese punctuation ones when `punctuation`),
    and the fixes that were applied."""
    fixes = [f for f in suggest_cleanup(text, script=script) if chosen_by_default(f, punctuation=punctuation)]
    return apply_fixes(text, fixes), fixes


def chosen_by_default(fix: Fix, *, punctuation: bool = False) -> bool:
    """True for a fix applied when the user has not chosen fix by fix: the safe repairs, plus the Chinese
    punctuation ones when that clean-up is ticked."""
    return fix.default or (punctuation and fix.repairable and fix.kind is FixKind.PUNCTUATION)
