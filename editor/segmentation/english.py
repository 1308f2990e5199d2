"""English sentence boundaries: . ! ? (and ellipses) before a capital or an opening quote, minus abbreviations."""

from __future__ import annotations

import re

from editor.segmentation.note_references import NOTE_MARK, attach_trailing_mark

# Titles and other abbreviations that a name, number or word always follows: never a sentence end.
TITLES = frozenset({
    "Mr", "Mrs", "Ms", "Messrs", "Mme", "Mlle", "Dr", "Prof", "Rev", "Hon", "Fr", "Sr", "Jr", "St", "Mt", "Ft",
    "Gen", "Col", "Lt", "Maj", "Capt", "Cmdr", "Sgt", "Cpl", "Adm", "Gov", "Sen", "Rep", "Pres", "Amb", "Supt",
    "Art", "Fig", "Figs", "Vol", "Vols", "Ch", "Sec", "vs", "v", "cf", "ca",
    "approx", "Ave", "Blvd", "Rd", "Dept", "Univ", "Assn", "Bros", "Jan", "Feb", "Aug", "Sept", "Sep", "Oct",
    "Nov", "Dec", "e.g", "i.e", "viz", "al", "Ph.D", "Op", "Ed", "Eds", "est",
})
# "No. 5", "p. 12", "pp. 3-4": no rule needed, a sentence never ends before a digit here.
# Abbreviations that may also end a sentence ("... and so on, etc. The next ..."): a boundary before a capital.
SENTENCE_FINAL_ABBREVIATIONS = frozenset({"etc", "Inc", "Ltd", "Co", "Corp", "a.m", "p.m", "A.M", "P.M", "B.C",
                                          "A.D"})

_OPENERS = "\"'“‘(\\[«"
_CLOSERS = "\"'”’)\\]»"
# A run of terminators (". ! ? … ..."), the closers glued to it, then the space before the next sentence.
# A dash cutting off a quotation ("But I—' 'You what?") ends a sentence as well. A footnote reference glued
# after them stays with the sentence ("problem.[1] Next": an X11 re-test found no boundary there at all).
_CANDIDATE = re.compile(rf"(?P<end>(?:[.!?]+|…+|[—–-]+(?=[{_CLOSERS}]))[{_CLOSERS}]*)(?:{NOTE_MARK})?"
                        rf"(?=\s+[{_OPENERS}]*[A-Z0-9{_OPENERS}])")
_INITIAL_AHEAD = re.compile(r"\s+[A-Z]\.")
_WORD_BEFORE = re.compile(r"(?:^|(?<=[\s(\[\"'“‘]))([\w.'’-]*\w)\.+$")


#: how far around a candidate boundary its words are looked at: enough for any word, and a window, so that a
#: paragraph of 5 MB is split in linear time (slicing the whole rest of it at each full stop was quadratic)
_LOOK = 256
_SPACES = re.compile(r"\s*")


def _is_boundary(text: str, match: re.Match[str]) -> bool:
    terminators = match.group("end").rstrip(_CLOSERS.replace("\\", ""))
    start = _SPACES.match(text, match.end()).end()
    following = text[start:start + _LOOK]
    next_word = following.lstrip(_OPENERS.replace("\\", ""))
    opens_quote = following[:1] in _OPENERS.replace("\\", "")
    if terminators != "." :
        # "!", "?", "...", "?!": a boundary before a capital or a quotation, not before a number.
        return bool(next_word[:1].isupper()) or opens_quote
    before = text[max(0, match.start() + 1 - _LOOK):match.start() + 1]
    word_match = _WORD_BEFORE.search(before)
    if word_match and word_match.start() == 0 and match.start() + 1 > _LOOK:
        word_match = _WORD_BEFORE.search(text[:match.start() + 1])     # a word longer than the window
    word = word_match.group(1) if word_match else ""
    if not next_word[:1].isupper() and not opens_quote:
        return False                       # "No. 5", "p. 12", "in 2020. 3 people" stays together
    if word in TITLES or word.rstrip(".") in TITLES:
        return False
    if word in SENTENCE_FINAL_ABBREVIATIONS or match.group("end") != terminators:
        return True                        # "etc. The", or a quotation closed after the full stop: 'A.M." "Wow'
    if word == "I":
        return not _INITIAL_AHEAD.match(text, match.end())    # "so was I. At", but "I. M. Pei"
    if len(word) == 1 and word.isupper():
        return False                       # an initial: "George W. Bush"
    if re.fullmatch(r"(?:[A-Z]\.)+[A-Z]", word):
        return False                       # "U.S.", "U.K.", "U.N." before a capital is usually a name part
    return True


def split_english(text: str) -> list[str]:
    """Return the sentences of one English paragraph, stripped, none empty."""
    sentences, start = [], 0
    for match in _CANDIDATE.finditer(text):
        if _is_boundary(text, match):
            sentences.append(text[start:match.end()])
            start = match.end()
    return attach_trailing_mark(sentences, text[start:])
