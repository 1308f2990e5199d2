"""Import artefacts among the units a translation memory would get: the check run before an export.

A unit (a link with text on both sides that nobody confirmed) looks like an artefact of the import when:
- a side is only punctuation or a separator ("/", "|", "—"), or starts or ends with a separator left over
  from a split cell ("/ Sales Contract");
- a side still holds pinyin with tone marks in parentheses after a Chinese character (聯(lián)絡);
- a side holds a garbled run (an import warning, U+FFFD, a leftover "?!" glued to Chinese);
- a side is in the wrong script (the Chinese side has no Chinese, the English side is mostly Chinese);
- it is a header row: both sides only name languages (中文 ↔ English);
- its length ratio is more than LENGTH_RATIO_FACTOR times the document's typical ratio either way;
- a side is a page number or page footer ("- 2 -", "Page 2 of 3", "第 2 页 共 3 页", a news page's "（责任编辑：李明）");
- a side holds leftover markup: an HTML/XML tag or a character entity ("<strong>", "<br/>", "&nbsp;");
- a side holds a footnote reference glued to a sentence ("staff.[1] Wang", "成果。①", "(注1)").

Qt-free: the CLI prints a line with the count, the export dialog warns and offers to review them, and an
export that leaves out doubtful links leaves these out too.
"""

from __future__ import annotations

import enum
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Sequence

from editor.bitext.review import (LENGTH_RATIO_FACTOR, LENGTH_RATIO_MIN_CHARS, Mark, footnote_sentence,
                                  has_leftover_marks, has_markup, page_line, punctuation_only, text_length,
                                  typical_ratio)

if TYPE_CHECKING:
    from editor.bitext.document import AlignmentDocument, Bead


class Artefact(enum.Enum):
    """What makes a unit look like an import artefact (in the order they are checked and named)."""

    HEADER_ROW = "header row"
    PUNCTUATION = "punctuation or separator"
    PINYIN = "pinyin in parentheses"
    GARBLED = "garbled text"
    WRONG_SCRIPT = "wrong script"
    LENGTH_RATIO = "length ratio"
    PAGE_NUMBER = "page number or footer"
    MARKUP = "leftover markup"
    FOOTNOTE = "footnote reference"


_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_CHAR = re.compile(f"[{_HAN}]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
_SEPARATOR_EDGE = re.compile(r"^\s*[/|／｜]\s|\s[/|／｜]\s*$|^\s*[/|／｜]\s*$")
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_TONED_PINYIN = re.compile(f"(?<=[{_HAN}])[(（][a-zü{_TONED}]{{0,5}}[{_TONED}][a-zü{_TONED}]{{0,5}}[)）]",
                           re.IGNORECASE)
_GARBLE = re.compile(r"[\ufffd\ue000-\uf8ff]")
#: the Chinese side needs some Chinese; an English side whose letters are mostly Han is Chinese
MAX_ENGLISH_HAN_SHARE = 0.5
#: ... and a Chinese side without Han characters is English when it has at least this many English words
MIN_WRONG_SCRIPT_WORDS = 3


def _wrong_script(src: str, tgt: str) -> bool:
    if not _HAN_CHAR.search(src) and len(_LATIN_WORD.findall(src)) >= MIN_WRONG_SCRIPT_WORDS:
        return True                     # an English sentence on the Chinese side (a name or a code is shorter)
    han = len(_HAN_CHAR.findall(tgt))
    latin = sum(len(w) for w in _LATIN_WORD.findall(tgt))
    return han > 0 and han / (han + latin) > MAX_ENGLISH_HAN_SHARE


def _header_row(src: str, tgt: str) -> bool:
    from editor.importing.table import is_language_name

    return is_language_name(src) and is_language_name(tgt)


def _ratio_off(src: str, tgt: str, ratio: float | None) -> bool:
    if ratio is None:
        return False
    s, t = text_length(src), text_length(tgt)
    if max(s * ratio, t) < LENGTH_RATIO_MIN_CHARS or not s or not t:
        return False
    r = (t / s) / ratio
    return r > LENGTH_RATIO_FACTOR or r < 1 / LENGTH_RATIO_FACTOR


def unit_artefacts(src: str, tgt: str, *, ratio: float | None = None,
                   marks: Sequence[Mark] = ()) -> list[Artefact]:
    """Return why the unit (Chinese `src`, English `tgt`) looks like an import artefact; [] when it does not.

    `ratio` is the document's typical English characters per Chinese character (None: not checked), `marks`
    the import warnings of its sentences."""
    if not src.strip() or not tgt.strip():
        return []
    out: list[Artefact] = []
    if _header_row(src, tgt):
        out.append(Artefact.HEADER_ROW)
    if any(punctuation_only(t) or _SEPARATOR_EDGE.search(t) for t in (src, tgt)):
        out.append(Artefact.PUNCTUATION)
    if _TONED_PINYIN.search(src) or _TONED_PINYIN.search(tgt):
        out.append(Artefact.PINYIN)
    if (Mark.GARBLED in marks or Mark.LEFTOVER in marks or _GARBLE.search(src) or _GARBLE.search(tgt)
            or has_leftover_marks(src)):
        out.append(Artefact.GARBLED)
    if Artefact.HEADER_ROW not in out and _wrong_script(src, tgt):
        out.append(Artefact.WRONG_SCRIPT)
    page = page_line(src) or page_line(tgt)
    if page:
        out.append(Artefact.PAGE_NUMBER)
    if has_markup(src) or has_markup(tgt):
        out.append(Artefact.MARKUP)
    if footnote_sentence(src) or footnote_sentence(tgt):     # (an X11 audit: "staff.[1] Wang" reached the TMX)
        out.append(Artefact.FOOTNOTE)
    if Artefact.PUNCTUATION not in out and not page and _ratio_off(src, tgt, ratio):
        out.append(Artefact.LENGTH_RATIO)
    return out


def bead_artefacts(doc: "AlignmentDocument", bead: "Bead", ratio: float | None) -> list[Artefact]:
    """Return why a link of `doc` looks like an import artefact; [] for unlinked sentences and for links a
    person confirmed or edited (they vouched for them)."""
    if bead.is_fixed or not (bead.src and bead.tgt):
        return []
    src, tgt = doc.bead_texts(bead)
    marks = [m for i in (*bead.src, *bead.tgt) for m in doc.segment(i).marks]
    return unit_artefacts(src, tgt, ratio=ratio, marks=marks)


@dataclass
class ArtefactReport:
    """The links that look like import artefacts: their bead indices, in order, and why."""

    beads: list[int] = field(default_factory=list)
    reasons: dict[int, list[Artefact]] = field(default_factory=dict)

    @property
    def count(self) -> int:
        return len(self.beads)

    def by_kind(self) -> Counter:
        """How many links each kind of artefact concerns (a link may count under several kinds)."""
        return Counter(a for k in self.beads for a in self.reasons[k])

    def summary(self) -> str:
        """E.g. "3 units that look like import artefacts (header row 1, pinyin in parentheses 2)"; "" for none."""
        if not self.beads:
            return ""
        kinds = ", ".join(f"{a.value} {n}" for a, n in sorted(self.by_kind().items(),
                                                              key=lambda kv: list(Artefact).index(kv[0])))
        noun = "unit that looks like an import artefact" if self.count == 1 else \
            "units that look like import artefacts"
        return f"{self.count} {noun} ({kinds})"


def check_document(doc: "AlignmentDocument") -> ArtefactReport:
    """Find the links of `doc` that look like import artefacts (see the module docstring)."""
    ratio = typical_ratio([s.text for s in doc.src], [t.text for t in doc.tgt])
    report = ArtefactReport()
    for k, bead in enumerate(doc.beads):
        found = bead_artefacts(doc, bead, ratio)
        if found:
            report.beads.append(k)
            report.reasons[k] = found
    return report
