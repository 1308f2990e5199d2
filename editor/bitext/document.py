"""The alignment document: two sentence lists with stable ids, the beads linking them, and splices that change them."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from functools import lru_cache
from typing import Callable, Iterable, Sequence

from editor.errors import InvalidEditError


class Side(enum.Enum):
    """Which text a segment belongs to: the source (Chinese by default) or the target (English)."""

    SRC = "src"
    TGT = "tgt"

    @property
    def other(self) -> "Side":
        return Side.TGT if self is Side.SRC else Side.SRC


class BeadStatus(enum.Enum):
    """How much a person has vouched for a bead."""

    AUTO = "auto"            # suggested by the engine, nobody looked yet
    CONFIRMED = "confirmed"  # a person accepted it
    EDITED = "edited"        # a person made or changed it by hand


@dataclass(frozen=True, slots=True)
class Segment:
    """One sentence (or pre-segmented line) of one side. `id` never changes; `paragraph` counts from 0 per side."""

    id: int
    text: str
    paragraph: int = 0
    marks: tuple = ()        # import warnings (editor.bitext.review.Mark) the user has not dealt with yet


def utc_now() -> datetime:
    """Return the current time in UTC, in whole seconds (the precision of TMX dates, so every file keeps it)."""
    return datetime.now(timezone.utc).replace(microsecond=0)


#: The clock that dates links: beads made without times and edits made without `now=` read it. Tests
#: replace it (monkeypatch `editor.bitext.document.clock`) instead of sleeping.
clock: Callable[[], datetime] = utc_now


def link_time(moment: datetime) -> datetime:
    """Return a time as links keep it: UTC, whole seconds (a naive time counts as UTC)."""
    if moment.tzinfo is timezone.utc and not moment.microsecond:
        return moment
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    elif moment.utcoffset():
        moment = moment.astimezone(timezone.utc)
    return moment.replace(microsecond=0) if moment.microsecond else moment


#: The longest creator/changer id a link keeps (a TMX creationid/changeid: a user name, an e-mail address).
MAX_PERSON_LENGTH = 256
# Control characters (C0, DEL, C1), line and paragraph separators and lone surrogates: never part of an id.
_NOT_IN_PERSON = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


@lru_cache(maxsize=256)
def _person(value: str) -> str | None:
    value = value.strip()
    if len(value) > MAX_PERSON_LENGTH:
        raise ValueError(f"is {len(value)} characters long (at most {MAX_PERSON_LENGTH})")
    bad = _NOT_IN_PERSON.search(value)
    if bad is not None:
        code = ord(bad.group())
        what = "a lone UTF-16 surrogate" if 0xD800 <= code <= 0xDFFF else "a control character"
        raise ValueError(f"holds {what} (U+{code:04X})")
    return value or None


def person_id(value: object) -> str | None:
    """Return who created or changed a link as links keep it: the text stripped, None for None or empty
    text (None: whoever exports, the export's creation_id). Raises ValueError saying what is wrong (the
    caller names the file) for a value that is not text, is longer than MAX_PERSON_LENGTH or holds a
    control character."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"is {type(value).__name__}, not text")
    return _person(value)


@dataclass(frozen=True, slots=True)
class Bead:
    """Source segments `src` translate target segments `tgt` (segment ids). Frozen: undo keeps it, tests compare with ==.

    `created` is when the link came into being and `changed` when it was last edited (UTC, whole seconds;
    TMX writes them as each tu's creationdate and changedate). They do not take part in == or hash: two
    beads linking the same segments the same way are the same link, whenever they were made. A bead made
    without times gets `clock()` for both (`changed` alone given: `created` is the same time).

    `created_by` and `changed_by` are who created the link and who last changed it (TMX creationid and
    changeid, kept from the file the link was opened from); None, the default, stands for whoever
    exports: the TMX gets the export's id (ExportOptions.creation_id). An edit sets `changed_by` to None
    (the person editing is the one exporting) and keeps `created_by` as it keeps `created`. They do not
    take part in == or hash either, and are checked with `person_id` (stripped; ValueError for text no
    id holds).

    `edited` is the edit record: True when an edit in Duiqi made or changed the link (linked, merged, split,
    confirmed, its text edited: editor.bitext.edits dates such beads). It is how the exporters know that a
    person changed the link here, which its dates cannot say (a TMX unit from another tool has a change date
    later than its creation date without anyone touching it in Duiqi). Not part of == or hash.
    """

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    confidence: float = 1.0
    status: BeadStatus = BeadStatus.AUTO
    created: datetime | None = field(default=None, compare=False)
    changed: datetime | None = field(default=None, compare=False)
    created_by: str | None = field(default=None, compare=False)
    changed_by: str | None = field(default=None, compare=False)
    edited: bool = field(default=False, compare=False)

    def __post_init__(self) -> None:
        if not (self.src or self.tgt):
            raise ValueError("a bead needs at least one segment")
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"confidence {self.confidence} outside [0, 1]")
        changed, created = self.changed, self.created
        if changed is None:
            changed = created if created is not None else clock()
        changed = link_time(changed)
        object.__setattr__(self, "changed", changed)
        object.__setattr__(self, "created", changed if created is None or created is changed else link_time(created))
        if self.created_by is not None or self.changed_by is not None:
            object.__setattr__(self, "created_by", person_id(self.created_by))
            object.__setattr__(self, "changed_by", person_id(self.changed_by))

    @property
    def is_link(self) -> bool:
        """True when the bead has segments on both sides (a 1-0 or 0-1 bead is not a link)."""
        return bool(self.src) and bool(self.tgt)

    def dated(self, created: datetime, changed: datetime) -> "Bead":
        """Return the same bead with other times (and the same people and edit record)."""
        return Bead(self.src, self.tgt, self.confidence, self.status, created, changed,
                    self.created_by, self.changed_by, self.edited)

    def with_history(self, created: datetime, changed: datetime, created_by: str | None,
                     changed_by: str | None, edited: bool | None = None) -> "Bead":
        """Return the same bead with other times and people (None: whoever exports), and the edit record
        `edited` (None: the bead's own)."""
        return Bead(self.src, self.tgt, self.confidence, self.status, created, changed, created_by, changed_by,
                    self.edited if edited is None else edited)

    def ids(self, side: Side) -> tuple[int, ...]:
        return self.src if side is Side.SRC else self.tgt

    @property
    def kind(self) -> tuple[int, int]:
        """The bead type, e.g. (1, 2) for one source sentence and two target sentences."""
        return len(self.src), len(self.tgt)

    @property
    def is_fixed(self) -> bool:
        """True when a person vouched for the bead, so re-alignment must keep it."""
        return self.status is not BeadStatus.AUTO


@dataclass(frozen=True, slots=True)
class Splice:
    """Replace items[first:first+len(old)] (which must equal `old`) by `new`."""

    first: int
    old: tuple = ()
    new: tuple = ()

    def inverted(self) -> "Splice":
        return Splice(self.first, self.new, self.old)


#: A segment's inline-code records as a change holds them: sorted (marker, record) pairs, () for none.
CodeRecord = tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True, slots=True)
class CodeRecords:
    """The inline-code records of one segment (DocumentMeta.inline_codes and inline_origins) before and after a
    change: a split gives the new sentence the records of the markers it took, a merge gives the merged sentence
    both sentences' records (they were lost, and the export wrote those markers as text or generic codes)."""

    segment: int
    old_codes: CodeRecord = ()
    new_codes: CodeRecord = ()
    old_origins: CodeRecord = ()
    new_origins: CodeRecord = ()

    def inverted(self) -> "CodeRecords":
        return CodeRecords(self.segment, self.new_codes, self.old_codes, self.new_origins, self.old_origins)


@dataclass(frozen=True, slots=True)
class Change:
    """One undoable edit: splices of the source segments, the target segments and the beads, applied together,
    the inline-code records of the segments it makes or merges (`codes`) and the unit ids it takes from the links
    it splits (`unit_ids`: (DocumentMeta.unit_ids key, id before, id after), None for none)."""

    description: str
    src: Splice | None = None
    tgt: Splice | None = None
    beads: Splice | None = None
    codes: tuple[CodeRecords, ...] = ()
    unit_ids: tuple[tuple[str, str | None, str | None], ...] = ()

    def inverted(self) -> "Change":
        return Change(self.description,
                      *(s.inverted() if s is not None else None for s in (self.src, self.tgt, self.beads)),
                      tuple(c.inverted() for c in self.codes), tuple((k, new, old) for k, old, new in self.unit_ids))

    @property
    def touches_segments(self) -> bool:
        return self.src is not None or self.tgt is not None


@dataclass
class DocumentMeta:
    """Where the texts came from and what was done to them on import."""

    src_lang: str = "zh-CN"
    tgt_lang: str = "en-US"
    src_file: str | None = None
    tgt_file: str | None = None
    src_encoding: str | None = None
    tgt_encoding: str | None = None
    chinese_script: str | None = None          # "simplified" / "traditional"
    presegmented: bool = False
    cleanup_applied: list[dict] = field(default_factory=list)
    alignment_mode: str | None = None
    layout: str | None = None                  # how the input's paragraphs corresponded, e.g. "same-line pairs (12)"
    # Paragraph pairs the input's structure gave (a table row, a same-line pair, a heading pair, a cue group):
    # [src paragraph start, end, tgt paragraph start, end, hard (1) or soft (0)], half-open, in order.
    anchors: list[list[int]] = field(default_factory=list)
    src_headings: list[int] = field(default_factory=list)     # paragraph numbers of headings, per side
    tgt_headings: list[int] = field(default_factory=list)
    # Inline codes of sentences opened from another tool's TMX/XLIFF: segment id (as text) -> marker such as
    # "{1}" or "{/1}" -> [kind ("ph", "start", "end"), native code]; exports write those markers as codes.
    inline_codes: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    # Of those, the codes of a TMX or XLIFF 1.2 file: segment id -> marker -> [format ("tmx", "xliff12"), the
    # element as the file wrote it], so an export to that format writes it back (editor.exchange.inline). Kept
    # apart from inline_codes so that a project file stays readable by a Duiqi from before them.
    inline_origins: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    # Opened from an XLIFF 1.2 file: its <file> attributes (original, datatype, source-language,
    # target-language). Opened from an XLIFF 1.2, XLIFF 2.0 or TMX file: each unit's id (trans-unit id, unit id,
    # tuid) by the segment ids of its link ("0 5" -> "u1"), which an export to that format (unit_ids_format:
    # "xliff12", "xliff20", "tmx"; None in projects from before it, of an XLIFF 1.2) writes back (a link split or
    # merged since is no longer that unit and gets a new id; the id of a link whose sentence was split is kept
    # under "~" and its old key, which no link has, so no new unit is given it).
    xliff_file: dict[str, str] = field(default_factory=dict)
    unit_ids: dict[str, str] = field(default_factory=dict)
    unit_ids_format: str | None = None


class AlignmentDocument:
    """Two segment lists and the beads over them; the only mutable state of an open project.

    Every change goes through `apply(change)`, which returns the change that undoes it.
    Invariant (checked by `check()`): the beads, read in order, list every source segment id
    exactly once in the order of `src`, and likewise every target segment id in the order of `tgt`.
    """

    def __init__(self, src: Sequence[Segment] = (), tgt: Sequence[Segment] = (),
                 beads: Sequence[Bead] | None = None, meta: DocumentMeta | None = None) -> None:
        self.src: list[Segment] = list(src)
        self.tgt: list[Segment] = list(tgt)
        self.beads: list[Bead] = list(beads) if beads is not None else unaligned_beads(self.src, self.tgt)
        self.meta = meta or DocumentMeta()
        self._next_id = max((s.id for s in (*self.src, *self.tgt)), default=-1) + 1
        self._index: dict[int, tuple[Side, int]] | None = None
        self._bead_of: dict[int, int] | None = None

    # -- construction -------------------------------------------------------------------------

    @classmethod
    def from_texts(cls, src: Iterable[tuple[str, int]], tgt: Iterable[tuple[str, int]],
                   meta: DocumentMeta | None = None) -> "AlignmentDocument":
        """Build a document from (text, paragraph) pairs per side; ids are 0..n-1 then n..n+m-1; no links yet."""
        src_segments = [Segment(i, text, para) for i, (text, para) in enumerate(src)]
        tgt_segments = [Segment(len(src_segments) + j, text, para) for j, (text, para) in enumerate(tgt)]
        return cls(src_segments, tgt_segments, None, meta)

    def new_id(self) -> int:
        """Return an id no segment of this document has had (ids are never reused)."""
        self._next_id += 1
        return self._next_id - 1

    # -- reading ------------------------------------------------------------------------------

    def segments(self, side: Side) -> list[Segment]:
        return self.src if side is Side.SRC else self.tgt

    def _build_index(self) -> None:
        self._index = {}
        for side in Side:
            for pos, seg in enumerate(self.segments(side)):
                self._index[seg.id] = (side, pos)
        self._bead_of = {i: b for b, bead in enumerate(self.beads) for i in (*bead.src, *bead.tgt)}

    def locate(self, segment_id: int) -> tuple[Side, int]:
        """Return (side, position) of a segment id; raises InvalidEditError for an unknown id."""
        if self._index is None:
            self._build_index()
        try:
            return self._index[segment_id]
        except KeyError:
            raise InvalidEditError(f"no segment with id {segment_id}") from None

    def segment(self, segment_id: int) -> Segment:
        side, pos = self.locate(segment_id)
        return self.segments(side)[pos]

    def bead_index_of(self, segment_id: int) -> int:
        """Return the index of the bead holding a segment."""
        self.locate(segment_id)
        return self._bead_of[segment_id]

    def bead_texts(self, bead: Bead) -> tuple[str, str]:
        """Return the bead's source and target text, each joined the way its language needs."""
        return (join_segments([self.segment(i).text for i in bead.src], self.meta.src_lang),
                join_segments([self.segment(i).text for i in bead.tgt], self.meta.tgt_lang))

    def segment_pairs(self, *, only_confirmed: bool = False) -> list[tuple[str, str]]:
        """Return (src, tgt) text pairs of the beads with text on both sides, in order."""
        return [self.bead_texts(b) for b in self.beads
                if b.src and b.tgt and (not only_confirmed or b.is_fixed)]

    def positions(self, bead: Bead) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """Return the bead's segments as positions in `src` and `tgt` instead of ids."""
        return (tuple(self.locate(i)[1] for i in bead.src), tuple(self.locate(i)[1] for i in bead.tgt))

    def snapshot(self) -> tuple:
        """Return a hashable value equal for equal documents (tests compare states with ==)."""
        return tuple(self.src), tuple(self.tgt), tuple(self.beads)

    # -- changing -----------------------------------------------------------------------------

    def apply(self, change: Change) -> Change:
        """Apply a change; return the change that undoes it. Raises InvalidEditError if `old` does not match."""
        for splice, items in ((change.src, self.src), (change.tgt, self.tgt), (change.beads, self.beads)):
            if splice is not None and tuple(items[splice.first:splice.first + len(splice.old)]) != splice.old:
                raise InvalidEditError(f"change {change.description!r} does not fit the document")
        for splice, items in ((change.src, self.src), (change.tgt, self.tgt), (change.beads, self.beads)):
            if splice is not None:
                items[splice.first:splice.first + len(splice.old)] = splice.new
                for item in splice.new:
                    if isinstance(item, Segment):
                        self._next_id = max(self._next_id, item.id + 1)
        for record in change.codes:
            key = str(record.segment)
            for table, value in ((self.meta.inline_codes, record.new_codes),
                                 (self.meta.inline_origins, record.new_origins)):
                if value:
                    table[key] = {marker: list(code) for marker, code in value}
                else:
                    table.pop(key, None)
        for key, _, unit_id in change.unit_ids:
            if unit_id is None:
                self.meta.unit_ids.pop(key, None)
            else:
                self.meta.unit_ids[key] = unit_id
        self._index = self._bead_of = None
        return change.inverted()

    def code_records(self, segment_id: int) -> tuple[CodeRecord, CodeRecord]:
        """Return a segment's inline-code records (DocumentMeta.inline_codes, inline_origins) as a change holds
        them."""
        key = str(segment_id)
        return (tuple(sorted((m, tuple(c)) for m, c in self.meta.inline_codes.get(key, {}).items())),
                tuple(sorted((m, tuple(c)) for m, c in self.meta.inline_origins.get(key, {}).items())))

    def check(self) -> None:
        """Raise InvalidEditError unless every segment is in exactly one bead, in order on both sides."""
        for side in Side:
            linked = [i for bead in self.beads for i in bead.ids(side)]
            if linked != [s.id for s in self.segments(side)]:
                raise InvalidEditError(f"the beads do not cover the {side.value} segments once and in order")
        ids = [s.id for s in (*self.src, *self.tgt)]
        if len(set(ids)) != len(ids):
            raise InvalidEditError("two segments share an id")

    # -- statistics ---------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """Return the numbers the status bar shows."""
        return {
            "src": len(self.src), "tgt": len(self.tgt), "beads": len(self.beads),
            "confirmed": sum(b.is_fixed for b in self.beads),
            "unlinked": sum(not (b.src and b.tgt) for b in self.beads),
            # links only, as the status bar and the export dialog count them (a confirmed sentence without
            # counterpart is not a confirmed link)
            "confirmed_links": sum(b.is_fixed and bool(b.src and b.tgt) for b in self.beads),
        }


def unaligned_beads(src: Sequence[Segment], tgt: Sequence[Segment]) -> list[Bead]:
    """Return beads that leave every segment unlinked (all 1-0, then all 0-1), dated now."""
    now = clock()
    return ([Bead((s.id,), (), 0.0, BeadStatus.AUTO, now, now) for s in src]
            + [Bead((), (t.id,), 0.0, BeadStatus.AUTO, now, now) for t in tgt])


# Primary language subtags (and the ISO 639-2/3 codes other tools write) of Chinese: not `ja`, which is
# Japanese. Cantonese, Classical Chinese and Wu count, as their texts are written in Chinese characters.
_CHINESE = {"zh", "zho", "chi", "cmn", "yue", "lzh", "wuu"}
# Languages written without spaces between sentences: Chinese, and Japanese too.
_UNSPACED = _CHINESE | {"ja", "jpn"}


@lru_cache(maxsize=64)       # asked for every link an export writes
def _primary(lang: str) -> str:
    return (lang or "").strip().replace("_", "-").split("-")[0].lower()


def is_chinese_lang(lang: str) -> bool:
    """True for a Chinese language code: zh, zh-Hans, ZH-CN, zho, chi, cmn, yue (`ja` and `jpn` are not)."""
    return _primary(lang) in _CHINESE


def writes_without_spaces(lang: str) -> bool:
    """True for a language whose sentences follow each other without a space (Chinese, Japanese)."""
    return _primary(lang) in _UNSPACED


def join_segments(texts: Sequence[str], lang: str) -> str:
    """Join sentences of one language: nothing between Chinese (or Japanese) sentences, one space between
    English ones."""
    if writes_without_spaces(lang):
        return "".join(t.strip() for t in texts)
    return " ".join(t.strip() for t in texts if t.strip())


def with_status(bead: Bead, status: BeadStatus, confidence: float | None = None) -> Bead:
    return replace(bead, status=status, confidence=bead.confidence if confidence is None else confidence)
