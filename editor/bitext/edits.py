"""Reversible edits: each function reads the document and returns a Change; `document.apply(change)` returns its undo.

The functions never mutate the document, so the GUI can check an edit before it is pushed,
and the same edits serve the CLI, the tests and the Qt undo commands.

Dates: every edit takes a keyword `now=` (default: `document.clock()`, read once per edit) and dates the
beads it makes or changes with it (`date_change`): `changed` is `now`; `created` is kept from the link the
bead was already part of, so a link that gains or loses sentences, is confirmed or has its text edited
keeps its creation date. A bead made from several old beads (merging links, re-linking sentences of
several links) keeps the earliest creation date among the *links* it takes sentences from; a link made
only of unlinked sentences is new and was created `now`; splitting a link gives each part the creation
date of the link split. Beads an edit leaves as they were keep both dates. The time is fixed when the
edit is built, so it is stored in the Change: undo puts back the old beads with their old dates, and redo
(and the crash journal's replay) put back the edit's beads with the time of the edit, not the time of
the redo; the link was last edited when the translator edited it.

People go with the dates: a bead an edit makes or changes was last changed by the person editing, so
its `changed_by` is None (whoever exports: the TMX export's creation_id), and its `created_by` is that
of the link whose creation date it keeps (merge: the link created first, the first of those created in
the same second; split: the link split); a link made only of unlinked sentences has None for both. Such a
bead carries the edit record (`Bead.edited`): the exporters credit the person exporting with it.
Beads an edit leaves alone keep both, and undo, redo and replay restore them with the beads.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace
from datetime import datetime
from typing import Callable, Collection, Sequence, TypeVar

from editor.bitext import document
from editor.bitext.document import (
    AlignmentDocument, Bead, BeadStatus, Change, CodeRecords, Segment, Side, Splice, join_segments,
    writes_without_spaces,
)
from editor.bitext.markers import MARKER
from editor.errors import InvalidEditError

#: Confidence given to neighbouring beads an edit cut into: low, so the editor sends the user there.
REFLOWED_CONFIDENCE = 0.0


def date_beads(old: Sequence[Bead], new: Sequence[Bead], now: datetime) -> tuple[Bead, ...]:
    """Return `new` with the beads an edit made dated `now` and credited to the person editing (see the
    module docstring); beads that are (the very objects) in `old` are unchanged and keep their dates and
    people."""
    kept = {id(b) for b in old}
    owner = {i: b for b in old for i in (*b.src, *b.tgt)}      # segment ids are unique across both sides
    out = []
    for bead in new:
        if id(bead) in kept:
            out.append(bead)
            continue
        parents = {id(o): o for i in (*bead.src, *bead.tgt) if (o := owner.get(i)) is not None}.values()
        if bead.is_link:
            parents = [o for o in parents if o.is_link]
        origin = min(parents, key=_creation, default=None)       # the first of the earliest
        if origin is None:
            out.append(bead.with_history(now, now, None, None, edited=True))
        else:
            out.append(bead.with_history(min(origin.created, now), now, origin.created_by, None, edited=True))
    return tuple(out)


def _creation(bead: Bead) -> datetime:
    return bead.created


def date_change(change: Change, now: datetime | None = None) -> Change:
    """Return the change with the beads it makes dated `now` (default: the document clock)."""
    if change.beads is None:
        return change
    now = document.link_time(now if now is not None else document.clock())
    beads = change.beads
    return replace(change, beads=Splice(beads.first, beads.old, date_beads(beads.old, beads.new, now)))


_Edit = TypeVar("_Edit", bound=Callable[..., Change])


def _dated(func: _Edit) -> _Edit:
    """Decorator: give an edit the keyword `now=` and date the beads its Change makes (date_change)."""
    @functools.wraps(func)
    def edit(*args, now: datetime | None = None, **kwargs) -> Change:
        return date_change(func(*args, **kwargs), now)
    return edit          # type: ignore[return-value]


def _bead_splice(doc: AlignmentDocument, first: int, last: int, new: Sequence[Bead]) -> Splice:
    return Splice(first, tuple(doc.beads[first:last + 1]), tuple(new))


def _restrict(bead: Bead, src_keep: set[int], tgt_keep: set[int]) -> Bead | None:
    """Return the bead cut down to the kept ids, marked doubtful if it lost any; None if nothing is left."""
    src = tuple(i for i in bead.src if i in src_keep)
    tgt = tuple(i for i in bead.tgt if i in tgt_keep)
    if not (src or tgt):
        return None
    if (src, tgt) == (bead.src, bead.tgt):
        return bead
    return Bead(src, tgt, REFLOWED_CONFIDENCE, BeadStatus.AUTO)


def _contiguous_positions(doc: AlignmentDocument, ids: Sequence[int], side: Side) -> tuple[int, int]:
    positions = []
    for i in ids:
        found_side, pos = doc.locate(i)
        if found_side is not side:
            raise InvalidEditError(f"segment {i} is not on the {side.value} side")
        positions.append(pos)
    positions.sort()
    if positions != list(range(positions[0], positions[-1] + 1)):
        raise InvalidEditError("linked segments must be neighbours")
    return positions[0], positions[-1]


@_dated
def link(doc: AlignmentDocument, src_ids: Sequence[int], tgt_ids: Sequence[int],
         status: BeadStatus = BeadStatus.EDITED) -> Change:
    """Link a run of source segments with a run of target segments as one bead.

    The beads around are re-flowed so the order invariant holds: segments that lie before the new
    bead on one side and after it on the other lose their link (they become 1-0/0-1 beads).
    """
    if not src_ids or not tgt_ids:
        raise InvalidEditError("a link needs segments on both sides")
    sa, sb = _contiguous_positions(doc, src_ids, Side.SRC)
    ta, tb = _contiguous_positions(doc, tgt_ids, Side.TGT)
    src_sel = {s.id for s in doc.src[sa:sb + 1]}
    tgt_sel = {t.id for t in doc.tgt[ta:tb + 1]}
    touched = [k for k, b in enumerate(doc.beads) if src_sel.intersection(b.src) or tgt_sel.intersection(b.tgt)]
    first, last = min(touched), max(touched)
    window = doc.beads[first:last + 1]
    src_before = {s.id for s in doc.src[:sa]}
    tgt_before = {t.id for t in doc.tgt[:ta]}
    src_after = {s.id for s in doc.src[sb + 1:]}
    tgt_after = {t.id for t in doc.tgt[tb + 1:]}
    before: list[Bead] = []
    after: list[Bead] = []
    for bead in window:
        # A bead that straddles the new link keeps its "before" half before it and its "after" half after
        # it; a bead whose source lies before and target after (or the reverse) is thereby unlinked.
        b = _restrict(bead, src_before, tgt_before)
        if b is not None:
            before.append(b)
        a = _restrict(bead, src_after, tgt_after)
        if a is not None:
            after.append(a)
    new = [*before, Bead(tuple(s.id for s in doc.src[sa:sb + 1]), tuple(t.id for t in doc.tgt[ta:tb + 1]),
                         1.0, status), *after]
    return Change("Link", beads=_bead_splice(doc, first, last, new))


@_dated
def unlink(doc: AlignmentDocument, bead_index: int) -> Change:
    """Dissolve a bead: each of its segments becomes unlinked (source ones first)."""
    bead = _bead(doc, bead_index)
    if not (bead.src and bead.tgt) and len(bead.src) + len(bead.tgt) == 1:
        raise InvalidEditError("the segment is not linked")
    new = [Bead((i,), (), 1.0, BeadStatus.EDITED) for i in bead.src] + \
          [Bead((), (j,), 1.0, BeadStatus.EDITED) for j in bead.tgt]
    return Change("Unlink", beads=_bead_splice(doc, bead_index, bead_index, new))


@_dated
def merge_beads(doc: AlignmentDocument, first: int, last: int) -> Change:
    """Join beads first..last into one bead (an n-m link) made by hand."""
    if not 0 <= first < last < len(doc.beads):
        raise InvalidEditError(f"cannot merge beads {first}..{last}")
    old = doc.beads[first:last + 1]
    merged = Bead(tuple(i for b in old for i in b.src), tuple(j for b in old for j in b.tgt), 1.0,
                  BeadStatus.EDITED)
    return Change("Merge links", beads=_bead_splice(doc, first, last, [merged]))


@_dated
def shift_boundary(doc: AlignmentDocument, bead_index: int, side: Side, delta: int) -> Change:
    """Move the boundary between bead `bead_index` and the next on one side.

    delta=-1 moves the bead's last segment on that side down into the next bead;
    delta=+1 pulls the next segment on that side up into this bead: the first one of the next bead that has one
    on that side (unlinked sentences of the other side in between stay where they are: with "50 <-> –" between
    "49 <-> 67-68" and "– <-> 69", Alt+Down on the English side did nothing, without a word; an X11 audit).
    A bead left empty disappears.
    """
    if not 0 <= bead_index < len(doc.beads) - 1 or delta not in (-1, 1):
        raise InvalidEditError("no boundary to move there")
    # the link the translator moves the boundary of is made by hand; the neighbour that gave or got the sentence
    # is left to review, automatic at the reflow confidence: made "by hand" too, it left the review list and
    # counted as confirmed though nobody had looked at it (an X11 re-test: a right doubtful link cut down to a
    # wrong one went green)
    if delta > 0:
        below = next_on_side(doc, bead_index, side)
        if below is None:
            raise InvalidEditError("no segment on that side after the bead to move up")
        upper, lower = doc.beads[bead_index], doc.beads[below]
        low_ids = list(lower.ids(side))
        up_ids = [*upper.ids(side), low_ids.pop(0)]
        between = list(doc.beads[bead_index + 1:below])
    else:
        below = bead_index + 1
        upper, lower = doc.beads[bead_index], doc.beads[below]
        up_ids, low_ids = list(upper.ids(side)), list(lower.ids(side))
        if not up_ids:
            raise InvalidEditError("the bead has no segment on that side to move down")
        low_ids.insert(0, up_ids.pop())
        between = []
    new = []
    if up_ids or upper.ids(side.other):
        new.append(_with_ids(upper, side, up_ids))
    new += between
    if low_ids or lower.ids(side.other):
        new.append(_with_ids(lower, side, low_ids, REFLOWED_CONFIDENCE, BeadStatus.AUTO))
    return Change("Move boundary", beads=_bead_splice(doc, bead_index, below, new))


def next_on_side(doc: AlignmentDocument, bead_index: int, side: Side) -> int | None:
    """The index of the first bead after `bead_index` with a segment on `side`, or None."""
    return next((k for k in range(bead_index + 1, len(doc.beads)) if doc.beads[k].ids(side)), None)


def _with_ids(bead: Bead, side: Side, ids: Sequence[int], confidence: float = 1.0,
              status: BeadStatus = BeadStatus.EDITED) -> Bead:
    """The bead with `ids` on `side` (made by hand, unless told otherwise)."""
    src, tgt = (tuple(ids), bead.tgt) if side is Side.SRC else (bead.src, tuple(ids))
    return Bead(src, tgt, confidence, status)


@_dated
def set_status(doc: AlignmentDocument, first: int, last: int, status: BeadStatus,
               description: str = "Confirm", skip: Collection[int] = ()) -> Change:
    """Give beads first..last a status (confirming keeps their confidence); the beads at the indices in `skip`
    keep theirs."""
    if not 0 <= first <= last < len(doc.beads):
        raise InvalidEditError(f"no beads {first}..{last}")
    old = doc.beads[first:last + 1]
    # a link made or changed by hand stays EDITED when confirmed; a sentence an edit left unlinked becomes
    # CONFIRMED: the person says it has no counterpart (editor.bitext.review.vouched)
    new = [Bead(b.src, b.tgt, b.confidence, status) if b.status is not status and first + k not in skip and (
           b.status is not BeadStatus.EDITED or status is BeadStatus.AUTO or not (b.src and b.tgt)) else b
           for k, b in enumerate(old)]
    return Change(description, beads=Splice(first, tuple(old), tuple(new)))


def confirm(doc: AlignmentDocument, bead_index: int, *, now: datetime | None = None) -> Change:
    """Mark one bead as checked by a person."""
    return set_status(doc, bead_index, bead_index, BeadStatus.CONFIRMED, now=now)


def confirm_through(doc: AlignmentDocument, bead_index: int, *, skip: Collection[int] = (),
                    now: datetime | None = None) -> Change:
    """Confirm every bead from the first one to `bead_index`, but those at the indices in `skip` (the doubtful
    ones nobody reviewed, when the translator says so)."""
    return set_status(doc, 0, bead_index, BeadStatus.CONFIRMED, "Confirm all above", skip, now=now)


@_dated
def edit_text(doc: AlignmentDocument, segment_id: int, text: str) -> Change:
    """Replace a segment's text. The link keeps its review status (a text edit vouches for nobody's
    alignment; a doubtful link stays doubtful) and is dated as changed by the person editing."""
    side, pos = doc.locate(segment_id)
    old = doc.segments(side)[pos]
    if old.text == text:
        raise InvalidEditError("the text did not change")
    seg_splice = Splice(pos, (old,), (Segment(old.id, text, old.paragraph),))
    k = doc.bead_index_of(segment_id)
    bead = doc.beads[k]
    beads = Splice(k, (bead,), (Bead(bead.src, bead.tgt, bead.confidence, bead.status),))
    return _side_change("Edit text", side, seg_splice, beads)


def _side_change(description: str, side: Side, seg_splice: Splice, beads: Splice | None,
                 codes: tuple[CodeRecords, ...] = (), unit_ids: tuple = ()) -> Change:
    if side is Side.SRC:
        return Change(description, src=seg_splice, beads=beads, codes=codes, unit_ids=unit_ids)
    return Change(description, tgt=seg_splice, beads=beads, codes=codes, unit_ids=unit_ids)


def _unit_ids_retired(doc: AlignmentDocument, segment_id: int) -> tuple[tuple[str, str | None, str | None], ...]:
    """Move the unit ids (DocumentMeta.unit_ids) of the links that hold a segment being split to a key no link
    has ("~" and the old key): no part is that unit any more, though the first part keeps the segment's id (linked
    1-1 again, it took the unit's id), and the id stays taken, so no new unit is given it."""
    own = str(segment_id)
    return tuple(record for key, unit_id in doc.meta.unit_ids.items() if own in key.split()
                 for record in ((key, unit_id, None), ("~" + key, doc.meta.unit_ids.get("~" + key), unit_id)))


def _shared_codes(doc: AlignmentDocument, sources: Sequence[int],
                  parts: Sequence[tuple[int, str]]) -> tuple[CodeRecords, ...]:
    """Return the code records that give each of `parts` (segment id, its new text) the records, among those of
    the `sources` segments (the first one's winning), of the markers its text holds; the first part also keeps
    those of markers no part holds (deleted from the text, they count again if typed back), and a source that is
    no part loses its records. A split and a merge lost them: the export wrote the markers of the new sentence
    as text, or as generic codes (an X11 audit)."""
    if not doc.meta.inline_codes:
        return ()
    pool: tuple[dict, dict] = ({}, {})
    for i in reversed(sources):
        for table, records in zip(pool, doc.code_records(i)):
            table.update(records)
    if not pool[0]:
        return ()
    held = [set(MARKER.findall(text)) for _, text in parts]
    unheld = set(pool[0]) - set().union(*held)
    targets = [*parts, *((i, None) for i in sources if i not in {p for p, _ in parts})]
    out = []
    for k, (segment_id, text) in enumerate(targets):
        keep = set() if text is None else held[k] | unheld if k == 0 else held[k]
        old = doc.code_records(segment_id)
        new = tuple(tuple(sorted((m, c) for m, c in table.items() if m in keep)) for table in pool)
        if new != old:
            out.append(CodeRecords(segment_id, old[0], new[0], old[1], new[1]))
    return tuple(out)


@_dated
def split_segment(doc: AlignmentDocument, segment_id: int, offset: int) -> Change:
    """Split a segment at a character offset into two segments of the same bead (whitespace at the cut is dropped).
    The link keeps its review status, as for a text edit: splitting a sentence vouches for nobody's alignment (it
    marked a doubtful link made by hand, out of the review list: an X11 audit)."""
    side, pos = doc.locate(segment_id)
    old = doc.segments(side)[pos]
    head, tail = old.text[:offset].rstrip(), old.text[offset:].lstrip()
    if not head or not tail:
        raise InvalidEditError("a split needs text on both sides of the cursor")
    first, second = Segment(old.id, head, old.paragraph), Segment(doc.new_id(), tail, old.paragraph)
    k = doc.bead_index_of(segment_id)
    bead = doc.beads[k]
    ids = list(bead.ids(side))
    ids.insert(ids.index(old.id) + 1, second.id)
    src, tgt = (tuple(ids), bead.tgt) if side is Side.SRC else (bead.src, tuple(ids))
    beads = Splice(k, (bead,), (Bead(src, tgt, bead.confidence, bead.status),))
    return _side_change("Split sentence", side, Splice(pos, (old,), (first, second)), beads,
                        _shared_codes(doc, (old.id,), ((first.id, head), (second.id, tail))),
                        _unit_ids_retired(doc, old.id))


@_dated
def merge_segments(doc: AlignmentDocument, segment_id: int) -> Change:
    """Merge a segment with the next one on its side; their beads (and any between) become one bead, made by hand.
    Two sentences of one link stay in that link with its review status, as for a text edit."""
    side, pos = doc.locate(segment_id)
    segs = doc.segments(side)
    if pos + 1 >= len(segs):
        raise InvalidEditError("the last segment has no next segment to merge with")
    a, b = segs[pos], segs[pos + 1]
    lang = doc.meta.src_lang if side is Side.SRC else doc.meta.tgt_lang
    merged = Segment(a.id, join_segments([a.text, b.text], lang) if not writes_without_spaces(lang)
                     else a.text.rstrip() + b.text.lstrip(), a.paragraph)
    ka, kb = doc.bead_index_of(a.id), doc.bead_index_of(b.id)
    old = doc.beads[ka:kb + 1]
    src = tuple(i for bead in old for i in bead.src if i != b.id)
    tgt = tuple(j for bead in old for j in bead.tgt if j != b.id)
    status = old[0].status if len(old) == 1 else BeadStatus.EDITED
    new_bead = Bead(src, tgt, min(bd.confidence for bd in old) if len(old) == 1 else 1.0, status)
    return _side_change("Merge sentences", side, Splice(pos, (a, b), (merged,)),
                        Splice(ka, tuple(old), (new_bead,)), _shared_codes(doc, (a.id, b.id), ((a.id, merged.text),)))


@_dated
def insert_segment(doc: AlignmentDocument, side: Side, position: int, text: str = "",
                   paragraph: int | None = None) -> Change:
    """Insert a new segment before `position` on one side (position == len appends), unlinked unless it
    falls inside a bead (between two segments of the same bead: the link keeps its review status)."""
    segs = doc.segments(side)
    if not 0 <= position <= len(segs):
        raise InvalidEditError(f"no position {position}")
    prev = segs[position - 1] if position > 0 else None
    nxt = segs[position] if position < len(segs) else None
    para = paragraph if paragraph is not None else (prev.paragraph if prev else (nxt.paragraph if nxt else 0))
    new_seg = Segment(doc.new_id(), text, para)
    seg_splice = Splice(position, (), (new_seg,))
    if prev is not None and nxt is not None and doc.bead_index_of(prev.id) == doc.bead_index_of(nxt.id):
        k = doc.bead_index_of(prev.id)
        bead = doc.beads[k]
        ids = list(bead.ids(side))
        ids.insert(ids.index(prev.id) + 1, new_seg.id)
        src, tgt = (tuple(ids), bead.tgt) if side is Side.SRC else (bead.src, tuple(ids))
        beads = Splice(k, (bead,), (Bead(src, tgt, bead.confidence, bead.status),))
    else:
        at = doc.bead_index_of(prev.id) + 1 if prev is not None else (
            doc.bead_index_of(nxt.id) if nxt is not None else len(doc.beads))
        if prev is None and nxt is None:
            # The side is empty: put the segment after every bead (they all belong to the other side).
            at = len(doc.beads)
        new_bead = Bead((new_seg.id,), (), 1.0, BeadStatus.EDITED) if side is Side.SRC else \
            Bead((), (new_seg.id,), 1.0, BeadStatus.EDITED)
        beads = Splice(at, (), (new_bead,))
    return _side_change("Insert sentence", side, seg_splice, beads)


@_dated
def delete_segment(doc: AlignmentDocument, segment_id: int) -> Change:
    """Delete a segment; a bead left empty disappears, the rest of the bead keeps its review status."""
    side, pos = doc.locate(segment_id)
    old = doc.segments(side)[pos]
    k = doc.bead_index_of(segment_id)
    bead = doc.beads[k]
    src = tuple(i for i in bead.src if i != segment_id)
    tgt = tuple(j for j in bead.tgt if j != segment_id)
    new = (Bead(src, tgt, bead.confidence, bead.status),) if (src or tgt) else ()
    return _side_change("Delete sentence", side, Splice(pos, (old,), ()), Splice(k, (bead,), new))


@_dated
def replace_beads(doc: AlignmentDocument, first: int, last: int, new: Sequence[Bead],
                  description: str = "Align") -> Change:
    """Swap beads first..last (inclusive; last = first - 1 inserts) for `new`, which must cover the same segments."""
    change = Change(description, beads=_bead_splice(doc, first, last, new))
    old_src = [i for b in doc.beads[first:last + 1] for i in b.src]
    old_tgt = [j for b in doc.beads[first:last + 1] for j in b.tgt]
    if old_src != [i for b in new for i in b.src] or old_tgt != [j for b in new for j in b.tgt]:
        raise InvalidEditError("the new beads do not cover the same segments")
    return change


def _bead(doc: AlignmentDocument, index: int) -> Bead:
    if not 0 <= index < len(doc.beads):
        raise InvalidEditError(f"no bead {index}")
    return doc.beads[index]


@_dated
def split_into_one_to_one(doc: AlignmentDocument, bead_index: int) -> Change:
    """Split an n-m link into 1-1 links, pairing its sentences in order; the leftovers become 1-0/0-1 beads."""
    bead = _bead(doc, bead_index)
    if len(bead.src) <= 1 and len(bead.tgt) <= 1:
        raise InvalidEditError("the link already pairs single sentences")
    pairs = min(len(bead.src), len(bead.tgt))
    new = [Bead((bead.src[i],), (bead.tgt[i],), 1.0, BeadStatus.EDITED) for i in range(pairs)]
    new += [Bead((i,), (), 1.0, BeadStatus.EDITED) for i in bead.src[pairs:]]
    new += [Bead((), (j,), 1.0, BeadStatus.EDITED) for j in bead.tgt[pairs:]]
    return Change("Split link into 1:1", beads=_bead_splice(doc, bead_index, bead_index, new))


@_dated
def split_off(doc: AlignmentDocument, bead_index: int, segment_id: int) -> Change:
    """Take one sentence at the start or end of its side of a link out of it, as a sentence with no translation
    (confirmed: a person said so). The review list's answer to "sentence N may have no translation".

    The rest of the link keeps its status and confidence: the person judged the sentence taken out, not the
    pairing that remains, so an automatic link stays automatic and, if the engine doubted it, in the review list
    (it was marked "made by hand", left the list and was exported approved: a wrong rest went unread into the
    TM; an X11 audit)."""
    bead = _bead(doc, bead_index)
    side = bead.src if segment_id in bead.src else bead.tgt if segment_id in bead.tgt else None
    if side is None:
        raise InvalidEditError("the sentence is not in that link")
    one_one = bead.kind == (1, 1)
    if not (bead.src and bead.tgt) or (len(side) < 2 and not one_one):
        raise InvalidEditError("only a sentence of a link with another sentence on its side can be split off")
    if segment_id not in (side[0], side[-1]):
        raise InvalidEditError("only the first or last sentence of a side can be split off")
    rest = tuple(i for i in side if i != segment_id)
    # of a 1-1 link (two sentences that may not translate each other) the other sentence is left unlinked, as
    # the engine left it: still in the review list until a person links or confirms it
    status = bead.status if bead.status is BeadStatus.AUTO or rest else BeadStatus.EDITED
    # (left unlinked, it no longer carries the link's confidence: an XLIFF gave it the wrong link's 0.92)
    link = _with_ids(bead, Side.SRC if side is bead.src else Side.TGT, rest,
                     bead.confidence if rest else REFLOWED_CONFIDENCE, status)
    alone = Bead((segment_id,), (), 1.0, BeadStatus.CONFIRMED) if side is bead.src else \
        Bead((), (segment_id,), 1.0, BeadStatus.CONFIRMED)
    # the sentence taken out goes where it stood; the two halves of a 1-1 link, source first
    alone_first = side is bead.src if one_one else segment_id == side[0]
    new = [alone, link] if alone_first else [link, alone]
    return Change("Split off as unlinked", beads=_bead_splice(doc, bead_index, bead_index, new))


@_dated
def merge_with_previous(doc: AlignmentDocument, bead_index: int) -> Change:
    """Join a bead with the bead before it into one link made by hand."""
    if not 0 < bead_index < len(doc.beads):
        raise InvalidEditError("the first link has no previous link to merge with")
    change = merge_beads.__wrapped__(doc, bead_index - 1, bead_index)
    return Change("Merge with previous link", beads=change.beads)


#: a letter or digit that makes a match part of a longer word for "whole words only": any word character but
#: the CJK ideographs (Chinese is written without spaces: a Chinese match between Chinese characters is whole)
_WORD_CHAR = r"[^\W\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]"


def compile_pattern(find: str, *, regex: bool = False, case_sensitive: bool = False,
                    whole_words: bool = False) -> "re.Pattern[str]":
    """Return the search pattern for find & replace; raises InvalidEditError for an empty or invalid pattern.
    With `whole_words`, a match must not continue a word on either side ("the" finds no "them")."""
    if not find:
        raise InvalidEditError("nothing to find")
    flags = 0 if case_sensitive else re.IGNORECASE
    body = find if regex else re.escape(find)
    if whole_words:
        body = f"(?<!{_WORD_CHAR})(?:{body})(?!{_WORD_CHAR})"
    try:
        return re.compile(body, flags)
    except re.error as exc:
        raise InvalidEditError(f"invalid regular expression: {exc}") from None


@_dated
def replace_text(doc: AlignmentDocument, side: Side, find: str, replacement: str, *, regex: bool = False,
                 case_sensitive: bool = False, positions: Sequence[int] | None = None,
                 whole_words: bool = False) -> Change:
    """Replace every match of `find` in one side's segments (or only at `positions`) as one change.

    With `regex`, `find` is a Python regular expression and `replacement` may use \\1 or \\g<name>.
    The links of changed segments keep their review status (Replace All on punctuation approves nothing)
    and are dated as changed by the person editing. Raises InvalidEditError when nothing matches,
    the pattern is invalid, or a replacement would leave a segment empty.
    """
    pattern = compile_pattern(find, regex=regex, case_sensitive=case_sensitive, whole_words=whole_words)
    segs = doc.segments(side)
    where = range(len(segs)) if positions is None else sorted(set(positions))
    changed: dict[int, Segment] = {}
    for pos in where:
        seg = segs[pos]
        try:
            text = pattern.sub(replacement if regex else replacement.replace("\\", "\\\\"), seg.text)
        except (re.error, IndexError) as exc:
            raise InvalidEditError(f"invalid replacement: {exc}") from None
        if text != seg.text:
            if not text.strip():
                raise InvalidEditError(f"the replacement would empty sentence {pos + 1}")
            changed[pos] = Segment(seg.id, text, seg.paragraph)
    if not changed:
        raise InvalidEditError("no match")
    first, last = min(changed), max(changed)
    seg_splice = Splice(first, tuple(segs[first:last + 1]),
                        tuple(changed.get(p, segs[p]) for p in range(first, last + 1)))
    touched = {doc.bead_index_of(segs[p].id) for p in changed}
    k0, k1 = min(touched), max(touched)
    old_beads = doc.beads[k0:k1 + 1]
    new_beads = tuple(Bead(b.src, b.tgt, b.confidence, b.status) if k0 + n in touched else b
                      for n, b in enumerate(old_beads))
    return _side_change("Replace", side, seg_splice, Splice(k0, tuple(old_beads), new_beads))


def count_matches(doc: AlignmentDocument, side: Side, find: str, *, regex: bool = False,
                  case_sensitive: bool = False, whole_words: bool = False) -> int:
    """Return how many matches of `find` one side's segments hold (raises InvalidEditError for a bad pattern)."""
    return match_counts(doc, side, find, regex=regex, case_sensitive=case_sensitive, whole_words=whole_words)[0]


def match_counts(doc: AlignmentDocument, side: Side, find: str, *, regex: bool = False,
                 case_sensitive: bool = False, whole_words: bool = False) -> tuple[int, int]:
    """Return (matches, segments holding one) of `find` on one side, in one pass (InvalidEditError for a bad
    pattern)."""
    pattern = compile_pattern(find, regex=regex, case_sensitive=case_sensitive, whole_words=whole_words)
    found = [len(pattern.findall(s.text)) for s in doc.segments(side)]
    return sum(found), sum(1 for n in found if n)


def matching_positions(doc: AlignmentDocument, side: Side, find: str, *, regex: bool = False,
                       case_sensitive: bool = False, whole_words: bool = False) -> list[int]:
    """Return the positions of one side's segments that hold a match of `find` (InvalidEditError for a bad
    pattern): Find Next and Replace go through them one by one."""
    pattern = compile_pattern(find, regex=regex, case_sensitive=case_sensitive, whole_words=whole_words)
    return [p for p, seg in enumerate(doc.segments(side)) if pattern.search(seg.text)]
