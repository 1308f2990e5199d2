"""Review policy: whether a link is doubtful, and why. The link painter, F8, the problem filter, the review list,
the status bar and the exporters all ask this module; none of them holds a threshold of its own.

A link is **doubtful** when no person has vouched for it (status AUTO; for a sentence with no counterpart,
anything but CONFIRMED: see `vouched`) and at least one of these holds:
its confidence is below the review threshold; one of its sentences carries an import warning (a `Mark`);
it holds an import artefact (a page number or footer line, leftover markup, a side of punctuation only:
`artefact_sentence`); it holds a footnote reference ("staff.[1] Wang", "成果。①": `footnote_sentence`); its length
ratio is far from the document's typical ratio; it is a 1-0 or 0-1 link (a sentence with no counterpart); its two
sides disagree on another tool's inline codes (a marker such as {5} on one side only, or half of a pair {1}…{/1}
gone: editor.bitext.markers).
"""

from __future__ import annotations

import enum
import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

from editor.bitext.markers import code_mismatch

if TYPE_CHECKING:
    from editor.bitext.document import AlignmentDocument, Bead

#: The default review threshold: an automatic link below this confidence is doubtful. Chosen with
#: tests/benchmarks/bench_review.py as the lowest threshold that marks at least 90 % of the wrong links of MAC-dev
#: in leave-one-chapter-out (0.96: 90.3 % of them, marking 40.0 % of the links; 0.95: 84.5 %, 35.9 %). With the
#: posteriors at temperature 0.03 (engine.POSTERIOR_TEMPERATURE; fit_confidence.py --loo, the six chapters) 0.95
#: catches 92.3 % marking 36.8 %, and 0.96 96.2 % marking 42.0 %. 0.96 stays: on held-out chapters the review
#: caught 86 % where this measure said 90.3 %, so 0.95 would likely fall under 90 % on text the model never saw.
DEFAULT_THRESHOLD = 0.96
MIN_THRESHOLD, MAX_THRESHOLD = 0.0, 1.0
#: A 1-1 link whose length ratio is this many times above or below the document's typical ratio is doubtful.
LENGTH_RATIO_FACTOR = 3.0
#: ... but only when the longer side has at least this many characters (short lines vary too much).
LENGTH_RATIO_MIN_CHARS = 12


class Mark(enum.Enum):
    """A warning carried by a sentence: what the import found and could not repair, or what the alignment
    found about the sentence itself."""

    GARBLED = "garbled"            # a mojibake run the user was told to retype
    LEFTOVER = "leftover"          # a leftover "?!" glued to Chinese text (usually a damaged "。“")
    EMPTY = "empty"                # an empty sentence
    UNSUPPORTED = "unsupported"    # in a many-to-one link, no dictionary, number or meaning support of its own
                                   # (set by each alignment: editor.alignment.support)


class Reason(enum.Enum):
    """Why a link is doubtful (in the order the review list names them)."""

    UNLINKED = "unlinked"                  # 1-0 or 0-1
    GARBLED = "garbled"
    LEFTOVER = "leftover"
    EMPTY = "empty"
    ARTEFACT = "artefact"                  # a page number, leftover markup, a side of punctuation only
    CODES_DIFFER = "codes_differ"          # inline-code markers on one side only, or a pair broken
    FOOTNOTE = "footnote"                  # a footnote reference left in a sentence ("staff.[1] Wang")
    NO_TRANSLATION = "no_translation"      # a sentence of a many-to-one link may have no translation
    LENGTH_RATIO = "length_ratio"
    LOW_CONFIDENCE = "low_confidence"
    RESHAPED = "reshaped"                  # an edit beside it took or gave a sentence: no confidence of its own


_MARK_REASON = {Mark.GARBLED: Reason.GARBLED, Mark.LEFTOVER: Reason.LEFTOVER, Mark.EMPTY: Reason.EMPTY,
                Mark.UNSUPPORTED: Reason.NO_TRANSLATION}


#: a page number or footer a PDF or a printed page left as a line of its own: a number between dashes, "Page N
#: (of M)", "p. N", "N / M", "第 N 页（共 M 页）" (an X11 audit: "- 2 -" <-> "Page 2 of 3" linked at 0.999, trusted)
PAGE_NUMBER = re.compile(r"^\s*(?:[-–—·•]+\s*\d{1,4}\s*[-–—·•]+|(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?"
                         r"|\d{1,4}\s*/\s*\d{1,4}|第\s*\d{1,4}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,4}\s*页)?"
                         r"|共\s*\d{1,4}\s*页)\s*$", re.IGNORECASE)
#: a news page's footer line: the editor's credit ("（责任编辑：李明）", "编辑：王芳") or the end mark "（完）" (an X11
#: audit: the credit line rode in the last link of a news file)
NEWS_FOOTER = re.compile(r"^\s*[（(]?\s*(?:(?:责任编辑|編輯|编辑|校对|校對|审核|審核)\s*[:：]\s*[^()（）。！？!?]{1,16}|完)\s*[）)]?\s*$")
#: markup a plain text should not hold: a tag (with a name, so "a < b > c" is none) or an HTML entity
MARKUP = re.compile(r"</?[A-Za-z][A-Za-z0-9:-]*(?:\s+[^<>]*)?/?>|&(?:[A-Za-z]{2,8}|#\d{1,6}|#x[0-9A-Fa-f]{1,6});")


def page_line(text: str) -> bool:
    """True for a page number or footer line (PAGE_NUMBER, NEWS_FOOTER)."""
    return len(text) <= 40 and (PAGE_NUMBER.match(text) is not None or NEWS_FOOTER.match(text) is not None)


def has_markup(text: str) -> bool:
    """True when the text holds an HTML/XML tag or a character entity (MARKUP)."""
    return ("<" in text or "&" in text) and MARKUP.search(text) is not None


def punctuation_only(text: str) -> bool:
    """True for a text with characters but none that carry text: punctuation, a separator, a lone mark."""
    return bool(text.strip()) and text_length(text) == 0


@functools.lru_cache(maxsize=1 << 16)
def artefact_sentence(text: str) -> bool:
    """True for a sentence that is a page number or footer line (a news page's editor credit too), or holds
    leftover markup: an import artefact wherever it ends up (its own link, or glued into a neighbour's)."""
    return page_line(text) or has_markup(text)


@functools.lru_cache(maxsize=1 << 16)
def footnote_sentence(text: str) -> bool:
    """True for a sentence that holds a footnote reference by its shape alone ("staff.[1] Wang", "成果。①", "(注1)",
    "said.²") or is only one: an import artefact a translation memory must not get unread (an X11 audit:
    "frontline staff.[1] Wang Kuiwan…" was exported as trusted). Its note, or a sequence of references, need not
    be in the document: the clean-up offers to remove it only then (editor.importing.note_marks)."""
    from editor.importing.note_marks import has_footnote_reference

    return has_footnote_reference(text)


@functools.lru_cache(maxsize=1 << 16)     # the status bar counts every link after each edit
def text_length(text: str) -> int:
    """Characters that carry text (letters, digits, CJK), the measure of the length ratio: str.isalnum, the
    Unicode letters and numbers (categories L and N), counted in C (a merged export of 100,000 links measures
    every text once)."""
    return sum(map(str.isalnum, text))


def typical_ratio(src: Sequence[str], tgt: Sequence[str]) -> float | None:
    """Return the document's target characters per source character, or None when a side is empty."""
    s, t = sum(map(text_length, src)), sum(map(text_length, tgt))
    return t / s if s and t else None


def vouched(bead: "Bead") -> bool:
    """True when a person vouched for the bead. A link edited or confirmed by hand is vouched for; a sentence
    left unlinked is vouched for only when a person confirmed it: one left over by an edit (Split into 1:1,
    Unlink, a link started and cancelled) stays in the review list and on F8's path until confirmed."""
    return vouched_status(bead.status, bool(bead.src and bead.tgt))


def reshaped(bead: "Bead") -> bool:
    """True for a link nobody vouched for that an edit beside it cut down or extended (Alt+Up / Alt+Down, a
    sentence linked away from it): the engine's confidence no longer describes it, and the edit gave it
    edits.REFLOWED_CONFIDENCE, which the review list and the strip show as no value rather than as 0.00 (a right
    link read "confidence 0.00" after its neighbour took a sentence: an X11 audit)."""
    from editor.bitext.document import BeadStatus
    from editor.bitext.edits import REFLOWED_CONFIDENCE

    return bead.edited and bead.status is BeadStatus.AUTO and bead.confidence == REFLOWED_CONFIDENCE


def vouched_status(status, linked: bool) -> bool:
    """`vouched` from a status and whether there is text on both sides (what the exporters know of a link)."""
    from editor.bitext.document import BeadStatus

    if status is BeadStatus.AUTO:
        return False
    return linked or status is BeadStatus.CONFIRMED


@dataclass(frozen=True)
class ReviewPolicy:
    """The review threshold and the document's typical length ratio: everything `is_doubtful` needs besides
    the link and its sentences."""

    threshold: float = DEFAULT_THRESHOLD
    ratio: float | None = None

    @classmethod
    def for_document(cls, doc: "AlignmentDocument", threshold: float = DEFAULT_THRESHOLD) -> "ReviewPolicy":
        return cls(threshold, typical_ratio([s.text for s in doc.src], [t.text for t in doc.tgt]))

    def reasons(self, doc: "AlignmentDocument", bead: "Bead") -> list[Reason]:
        """Return why the link is doubtful, most important first; [] when it is not (or a person vouched)."""
        if vouched(bead):
            return []
        out: list[Reason] = []
        if not (bead.src and bead.tgt):
            out.append(Reason.UNLINKED)
        marks = {m for i in (*bead.src, *bead.tgt) for m in doc.segment(i).marks}
        if not _unsupported_link(doc, bead):
            marks.discard(Mark.UNSUPPORTED)
        out += [_MARK_REASON[m] for m in Mark if m in marks and m is not Mark.UNSUPPORTED]
        if bead.src and bead.tgt and _holds_artefact(doc, bead):
            out.append(Reason.ARTEFACT)
        if bead.src and bead.tgt and _holds_footnote(doc, bead):
            out.append(Reason.FOOTNOTE)
        if code_mismatch(doc, bead):
            out.append(Reason.CODES_DIFFER)
        if Mark.UNSUPPORTED in marks:
            out.append(Reason.NO_TRANSLATION)
        if bead.src and bead.tgt and self._ratio_off(doc, bead):
            out.append(Reason.LENGTH_RATIO)
        if bead.src and bead.tgt and reshaped(bead):
            out.append(Reason.RESHAPED)
        elif bead.src and bead.tgt and bead.confidence < self.threshold:
            out.append(Reason.LOW_CONFIDENCE)
        return out

    def is_doubtful(self, doc: "AlignmentDocument", bead: "Bead") -> bool:
        """True when nobody vouched for the link and it needs a look (see the module docstring)."""
        if vouched(bead):
            return False
        if not (bead.src and bead.tgt) or bead.confidence < self.threshold:
            return True
        # bool(self.reasons(...)) without building the list: a merged export asks this of every link
        for i in (*bead.src, *bead.tgt):
            for mark in doc.segment(i).marks:
                if mark is not Mark.UNSUPPORTED or _unsupported_link(doc, bead):
                    return True
        return _holds_artefact(doc, bead) or _holds_footnote(doc, bead) or self._ratio_off(doc, bead) \
            or bool(code_mismatch(doc, bead))

    def _ratio_off(self, doc: "AlignmentDocument", bead: "Bead") -> bool:
        if self.ratio is None or bead.kind != (1, 1):
            return False
        s = text_length(doc.segment(bead.src[0]).text)
        t = text_length(doc.segment(bead.tgt[0]).text)
        if max(s * self.ratio, t) < LENGTH_RATIO_MIN_CHARS:
            return False
        if not s or not t:
            return True
        r = (t / s) / self.ratio
        return r > LENGTH_RATIO_FACTOR or r < 1 / LENGTH_RATIO_FACTOR

    def doubtful_flags(self, doc: "AlignmentDocument") -> list[bool]:
        """Return is_doubtful for every link of the document, in order."""
        return [self.is_doubtful(doc, b) for b in doc.beads]


def _unsupported_link(doc: "AlignmentDocument", bead: "Bead") -> bool:
    """True when the link's Mark.UNSUPPORTED marks count: a sentence on the many side of a many-to-one link
    with no support of its own, or a 1-1 link whose two sentences both have none in each other (two unrelated
    sentences side by side: an omission beside an addition). One marked sentence of a 1-1 link is a mark left
    from a larger link an edit cut down, and says nothing."""
    if not (bead.src and bead.tgt):
        return False
    if len(bead.src) > 1 or len(bead.tgt) > 1:
        return any(Mark.UNSUPPORTED in doc.segment(i).marks for i in (*bead.src, *bead.tgt))
    return Mark.UNSUPPORTED in doc.segment(bead.src[0]).marks and Mark.UNSUPPORTED in doc.segment(bead.tgt[0]).marks


def _holds_artefact(doc: "AlignmentDocument", bead: "Bead") -> bool:
    """True when a sentence of the link is a page number or holds leftover markup, or a side is only
    punctuation (a separator, a lone mark): what a translation memory must not get unread."""
    sides = (bead.src, bead.tgt)
    if any(artefact_sentence(doc.segment(i).text) for side in sides for i in side):
        return True
    return any(side and all(punctuation_only(doc.segment(i).text) for i in side) for side in sides)


def _holds_footnote(doc: "AlignmentDocument", bead: "Bead") -> bool:
    """True when a sentence of the link holds a footnote reference (`footnote_sentence`)."""
    return any(footnote_sentence(doc.segment(i).text) for i in (*bead.src, *bead.tgt))


@dataclass(frozen=True)
class ReviewCounts:
    """Review progress as the status bar shows it. Links only: a 1-0 or 0-1 bead is an unlinked sentence
    group, not a link, so unlinking a link never raises the confirmed share."""

    links: int           # beads with sentences on both sides
    confirmed: int       # links a person vouched for
    doubtful: int        # beads (links and unlinked sentences) still doubtful
    unlinked: int        # 1-0 / 0-1 beads
    vouched: int = 0     # beads a person vouched for, unlinked sentences confirmed as such included

    @property
    def percent_confirmed(self) -> float:
        return 100.0 * self.confirmed / self.links if self.links else 0.0


def whole_percent(value: float) -> str:
    """A share in whole percent that says 0 or 100 only when it is exactly that: 1 link of 217 confirmed is
    "<1", not "0" (the status bar said "0 % confirmed" after a confirmation), 216 of 217 is ">99"."""
    if 0.0 < value < 1.0:
        return "<1"
    if 99.0 < value < 100.0:
        return ">99"
    return f"{value:.0f}"


def review_counts(doc: "AlignmentDocument", policy: ReviewPolicy) -> ReviewCounts:
    """Count the document's links, confirmed links, doubtful beads and unlinked sentence groups."""
    links = confirmed = doubtful = unlinked = vouched = 0
    for bead in doc.beads:
        if bead.src and bead.tgt:
            links += 1
            confirmed += bead.is_fixed
        else:
            unlinked += 1
        vouched += bead.is_fixed
        doubtful += policy.is_doubtful(doc, bead)
    return ReviewCounts(links, confirmed, doubtful, unlinked, vouched)


# -- import warnings --------------------------------------------------------------------------------------

_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
#: Two or more ASCII ? / ! glued to Chinese ("座談?!霸谛", "??"), or any at the very start of a Chinese text. A
#: single ? or ! after Chinese is punctuation: many Chinese texts use the half-width marks (MAC-dev's 红楼梦
#: chapter has 31 sentences like "知道他如今是怎样?", all of which were flagged as damaged imports before).
_LEFTOVER = re.compile(f"(?<=[{_HAN}])[?!]{{2,}}|[?!]{{2,}}(?=[{_HAN}])|^\\s*[?!]+(?=[{_HAN}])")


def has_leftover_marks(text: str) -> bool:
    """True when ASCII ? or ! left over from a damaged "。“" sits glued to Chinese characters: a run of two or
    more, or one that starts the text. A single mark after Chinese is taken for punctuation."""
    return bool(_LEFTOVER.search(text))


def mark_values(marks: Sequence[Mark]) -> list[str]:
    """The project file's spelling of marks."""
    return [m.value for m in marks]


def marks_from_values(values: object) -> tuple[Mark, ...]:
    """Read marks from the project file; unknown ones (from a newer Duiqi) are ignored. Raises ValueError
    when `values` is not a list of strings."""
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise ValueError("marks must be a list of names")
    known = {m.value: m for m in Mark}
    return tuple(known[v] for v in values if v in known)


def review_priority(policy: ReviewPolicy, doc: "AlignmentDocument", bead: "Bead") -> float:
    """The review list's "lowest confidence first" key: the confidence itself (its value, never its rounded
    text); a sentence with no counterpart counts as 0 (it has no link to be sure of); vouched links last."""
    if vouched(bead):
        return 2.0
    if not (bead.src and bead.tgt):
        return 0.0
    return bead.confidence


def confidence_text(value: float, threshold: float | None = None) -> str:
    """A confidence as people read it: two decimals, or as many more (up to four) as it takes to tell it from
    the threshold when the two would read the same ("0.955 below 0.96", never "0.96 below 0.96")."""
    for digits in (2, 3, 4):
        text = f"{value:.{digits}f}"
        if threshold is None or (value < threshold) == (float(text) < threshold):
            return text
    return f"{value:.4f}"


#: the review list's orders: lowest confidence first (links doubtful for another reason than their confidence
#: before them), or document order
BY_CONFIDENCE, BY_POSITION = "confidence", "position"


def review_order(policy: ReviewPolicy, doc: "AlignmentDocument", order: str = BY_CONFIDENCE, *,
                 unlisted: bool = False) -> list[int]:
    """The review list: indices of the doubtful links of `doc`, in the order a reviewer reads them.

    By confidence: `review_priority` (the confidence's value, never its rounded text), ties by position. By
    position: document order. With `unlisted`, the links that are not doubtful follow in the same order (what a
    lowest-first reading goes on to after the list). The Qt review list, the CLI and the benchmarks all read
    this order."""
    flags = policy.doubtful_flags(doc)
    listed = [k for k, d in enumerate(flags) if d]
    rest = [k for k, d in enumerate(flags) if not d] if unlisted else []
    return sort_for_review(policy, doc, listed, order) + sort_for_review(policy, doc, rest, order)


def sort_for_review(policy: ReviewPolicy, doc: "AlignmentDocument", beads: Sequence[int],
                    order: str = BY_CONFIDENCE) -> list[int]:
    """Bead indices in the review list's order (see `review_order`), for a list of other links (the export
    check's "Review these")."""
    if order == BY_CONFIDENCE:
        return sorted(beads, key=lambda k: (review_priority(policy, doc, doc.beads[k]), k))
    return sorted(beads)


def unsupported_sentence(doc: "AlignmentDocument", bead: "Bead") -> int | None:
    """The id of the first sentence of a many-to-one link that may have no translation (Mark.UNSUPPORTED),
    or None: the sentence "split it off as unlinked" takes out of the link."""
    if not _unsupported_link(doc, bead):
        return None
    return next((i for i in (*bead.src, *bead.tgt) if Mark.UNSUPPORTED in doc.segment(i).marks), None)
