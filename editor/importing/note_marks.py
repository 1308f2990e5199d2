"""List marks and footnote references a converted file leaves on its sentences ("• ", "- ", "[1]", "¹", "(注1)"):
where they are in a side's paragraphs, and whether the rest of that side shows them to be what they look like.

An X11 audit found "• " kept at the start of both sentences of a linked pair and "staff.[1] Wang Kuiwan…" in a
translation memory. Numbered list markers ("1.", "(a)", "（一）") are content (a contract's clauses): never here.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Sequence

_SPACE = "[ \\t\u00a0\u3000]"
#: bullets that mark a list item wherever they start a paragraph or a sentence
BULLETS = "•●▪◦‣⁃·"
#: a bullet at a paragraph's start (with the spaces before it), or after the end of the sentence before it
_BULLET = re.compile(f"(?:^{_SPACE}*|(?<=[。！？；：.!?;:])|(?<=[。！？；：.!?;:]{_SPACE}))[{BULLETS}]{_SPACE}*(?=\\S)")
#: "- " and "* " start list items only in a run of paragraphs that start with the same mark (MIN_LIST_RUN)
_DASH_ITEM = re.compile(f"^{_SPACE}*([-*]){_SPACE}+(?=\\S)")
MIN_LIST_RUN = 2
_WORD = re.compile(r"[^\W\d_]")          # a letter or a Han character: "- 2 -" (a page number) holds none

_SUPER = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_DIGIT = "0-9０-９"
_CIRCLED = "\u2460-\u2473"               # ① .. ⑳
#: the shapes of a footnote reference; which of them counts depends on what is around it (`_candidate`)
_REFERENCE = re.compile(
    f"(?P<bracket>[\\[［](?P<bn>[{_DIGIT}]{{1,3}})[\\]］])"
    f"|(?P<super>[{_SUPER}]{{1,3}})"
    f"|\\^(?P<caret>[0-9]{{1,3}})"
    f"|(?P<note>[（(]注{_SPACE}?(?P<nn>[{_DIGIT}]{{1,3}}|[{_CIRCLED}])[）)]|注(?P<nc>[{_CIRCLED}]))"
    f"|(?P<circled>[{_CIRCLED}])")
#: a note itself: a paragraph that starts with the mark and goes on with its text ("[1] See…", "注1：…", "①…")
_NOTE_LINE = re.compile(
    f"^{_SPACE}*(?:[\\[［](?P<bracket>[{_DIGIT}]{{1,3}})[\\]］]|(?P<super>[{_SUPER}]{{1,3}})|\\^(?P<caret>[0-9]{{1,3}})"
    f"|[（(]?注{_SPACE}?(?P<note>[{_DIGIT}]{{1,3}}|[{_CIRCLED}])[）)]?|(?P<circled>[{_CIRCLED}]))"
    f"{_SPACE}*[:：.．、]?{_SPACE}*(?=\\S)")
_SENTENCE_END = ".!?。！？"
#: what a reference may follow directly ("staff.[1]", "成果。①", "said,²")
_AFTER_PUNCTUATION = _SENTENCE_END + ",，;；:：、)）\"”'’」』》"
#: a superscript or ^N after a Latin word this short is an exponent or a unit (m², x^2), not a reference
MIN_WORD_BEFORE = 3
_TRAILING_SPACE = re.compile(r"\s+\Z")


@dataclass(frozen=True, slots=True)
class NoteReference:
    """text[start:end] looks like a footnote reference numbered `number` in the family `family` ("bracket",
    "super", "caret", "cjk" for 注N and circled digits). `strong`: its shape alone says so (after punctuation,
    "[N]" glued to a sentence's end, any "(注N)"), whatever the rest of the file holds."""

    start: int
    end: int
    family: str
    number: int
    strong: bool


def _number(text: str) -> int:
    if text[0] in _SUPER:
        return int("".join(str(_SUPER.index(c)) for c in text))
    if "\u2460" <= text[0] <= "\u2473":
        return ord(text[0]) - 0x2460 + 1
    return int("".join(str(unicodedata.digit(c)) for c in text))


def _candidate(text: str, m: re.Match) -> NoteReference | None:
    before = text[m.start() - 1] if m.start() else ""
    after = text[m.end()] if m.end() < len(text) else ""
    if m.group("note") is not None:
        if not before:                                         # "注①：…" starting a paragraph is the note itself
            return None
        number = m.group("nn") or m.group("nc")
        return NoteReference(m.start(), m.end(), "cjk", _number(number), True)
    if not before or before.isspace() or before.isdigit():    # not glued, or an exponent (10¹², 2^10)
        return None
    after_punctuation = before in _AFTER_PUNCTUATION
    at_end = after == "" or after in _SENTENCE_END or _TRAILING_SPACE.match(text, m.end()) is not None
    if m.group("bracket") is not None:
        if not (after_punctuation or at_end):                 # array[1] = 5
            return None
        return NoteReference(m.start(), m.end(), "bracket", _number(m.group("bn")), True)
    if m.group("circled") is not None:
        # "：①加强…" numbers a list item: a reference is followed by the end, a space or punctuation
        if after and not (after.isspace() or after in _AFTER_PUNCTUATION):
            return None
        strong = before in _SENTENCE_END
        if not (after_punctuation or (at_end and _is_han(before))):
            return None
        return NoteReference(m.start(), m.end(), "cjk", _number(m.group("circled")), strong)
    digits = m.group("super") or m.group("caret")
    family = "super" if m.group("super") is not None else "caret"
    if after_punctuation:
        return NoteReference(m.start(), m.end(), family, _number(digits), True)
    k = m.start()          # the Latin letters before it, counted backwards (a search from the start is O(n) each)
    while k > 0 and m.start() - k < MIN_WORD_BEFORE and text[k - 1].isascii() and text[k - 1].isalpha():
        k -= 1
    word_ok = _is_han(before) or m.start() - k >= MIN_WORD_BEFORE
    if at_end and word_ok:                                     # "results¹." (but m², x^2)
        return NoteReference(m.start(), m.end(), family, _number(digits), False)
    return None


def _is_han(char: str) -> bool:
    return bool(char) and unicodedata.category(char) == "Lo" and "\u3400" <= char <= "\U0003ffff"


def footnote_references(text: str) -> list[NoteReference]:
    """The marks of `text` that look like footnote references glued to a sentence, in order."""
    if not any(c in text for c in "[［^（(注") and not re.search(f"[{_SUPER}{_CIRCLED}]", text):
        return []
    out = []
    for m in _REFERENCE.finditer(text):
        found = _candidate(text, m)
        if found is not None:
            out.append(found)
    return out


#: a sentence that is nothing but a reference: the splitter cut "成果。①" after "。"
_LONE_REFERENCE = re.compile(f"{_SPACE}*(?:[\\[［][{_DIGIT}]{{1,3}}[\\]］]|[{_SUPER}]{{1,3}}|[{_CIRCLED}]"
                             f"|[（(]注{_SPACE}?(?:[{_DIGIT}]{{1,3}}|[{_CIRCLED}])[）)]){_SPACE}*")


#: a sentence that ends with such a mark after its stop and a space: the splitter keeps "问题。 ①" and "problem. [1]"
#: at a paragraph's end together (editor.segmentation.note_references)
_TRAILING_REFERENCE = re.compile(f"[{_SENTENCE_END}][\"”'’」』)）]*{_LONE_REFERENCE.pattern}\\Z")


def has_footnote_reference(text: str) -> bool:
    """True when a sentence holds a mark that is a footnote reference by its shape alone (`NoteReference.strong`),
    or is only such a mark, or ends with one after its stop: what review flags, as it sees sentences, not the
    file."""
    return (_LONE_REFERENCE.fullmatch(text) is not None or any(r.strong for r in footnote_references(text))
            or _TRAILING_REFERENCE.search(text) is not None)


def _note_line(paragraph: str) -> tuple[str, int] | None:
    m = _NOTE_LINE.match(paragraph)
    if m is None:
        return None
    family = next(k for k in ("bracket", "super", "caret", "note", "circled") if m.group(k) is not None)
    return ("cjk" if family in ("note", "circled") else family), _number(m.group(family))


def confirmed_references(paragraphs: Sequence[str]) -> list[list[NoteReference]]:
    """The footnote references of each paragraph of one side that the side confirms: it also holds their note (a
    paragraph starting with the same mark) or the references of a family form a sequence (the one numbered N
    has N-1 or N+1 beside it: [1] … [2])."""
    found = [footnote_references(p) for p in paragraphs]
    notes = {key for p in paragraphs if (key := _note_line(p)) is not None}
    numbers: dict[str, set[int]] = {}
    for refs in found:
        for r in refs:
            numbers.setdefault(r.family, set()).add(r.number)

    def confirmed(r: NoteReference) -> bool:
        seen = numbers.get(r.family, set())
        return (r.family, r.number) in notes or r.number - 1 in seen - {0} or r.number + 1 in seen

    return [[r for r in refs if confirmed(r)] for refs in found]


@dataclass(frozen=True, slots=True)
class ListMark:
    """text[start:end] is a list mark (with the spaces around it) to take off, keeping the item's text."""

    start: int
    end: int
    mark: str


def list_marks(paragraphs: Sequence[str]) -> list[list[ListMark]]:
    """The list marks of each paragraph of one side: bullets at a paragraph's or a sentence's start, and "- " or
    "* " at the start of paragraphs in a run of at least MIN_LIST_RUN that start with the same mark."""
    out: list[list[ListMark]] = []
    for paragraph in paragraphs:
        out.append([ListMark(m.start(), m.end(), m.group().strip()) for m in _BULLET.finditer(paragraph)]
                   if any(b in paragraph for b in BULLETS) else [])
    dashes = []
    for paragraph in paragraphs:
        m = _DASH_ITEM.match(paragraph)
        dashes.append(m if m is not None and _WORD.search(paragraph, m.end()) else None)
    k = 0
    while k < len(paragraphs):
        if dashes[k] is None:
            k += 1
            continue
        run = k
        while run < len(paragraphs) and dashes[run] is not None and dashes[run].group(1) == dashes[k].group(1):
            run += 1
        if run - k >= MIN_LIST_RUN:
            for i in range(k, run):
                m = dashes[i]
                out[i].insert(0, ListMark(m.start(), m.end(), m.group(1)))
        k = run
    return out
