"""Where every segment sits vertically: per-side positions and bead rows, and the scroll mapping that keeps links level."""

from __future__ import annotations

import math
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Sequence

from editor.bitext.document import AlignmentDocument, Side

#: Height of the "⋯" marker standing for a run of beads hidden by the problem filter.
GAP_HEIGHT = 16.0


@dataclass
class SideGeometry:
    """Segment positions of one side, in document order: top and height (0 for hidden segments)."""

    tops: list[float] = field(default_factory=list)
    heights: list[float] = field(default_factory=list)
    bead_tops: list[float] = field(default_factory=list)      # per bead: where its segments start
    bead_heights: list[float] = field(default_factory=list)   # per bead: their total height (0 if none)
    total: float = 0.0

    def first_at(self, y: float) -> int:
        """Return the position of the first segment whose bottom is below y."""
        lo, hi = 0, len(self.tops)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.tops[mid] + self.heights[mid] <= y:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def position_at(self, y: float) -> int | None:
        """Return the position of the visible segment containing y, or None."""
        pos = self.first_at(y)
        while pos < len(self.tops) and self.heights[pos] == 0:
            pos += 1
        if pos < len(self.tops) and self.tops[pos] <= y < self.tops[pos] + self.heights[pos]:
            return pos
        return None


def _differences(cum: list[float], starts: list[int]) -> list[float]:
    """Return cum[starts[k + 1]] - cum[starts[k]] for each k (plain locals: this runs per bead on every edit)."""
    ends = [cum[i] for i in starts]
    return [b - a for a, b in zip(ends, ends[1:])]


class BeadLayout:
    """Lay out both sides of a document.

    Continuous mode stacks each side's segments without gaps and scrolls the two sides at slightly
    different speeds so the beads at the reference line stay level. Row mode gives each bead one row
    as high as its taller side, so both sides share every row. Hidden beads (problem filter) take no
    space; each run of them leaves a small gap marker.
    """

    def __init__(self, doc: AlignmentDocument, heights: dict[Side, Sequence[float]], *,
                 row_mode: bool = False, visible: Sequence[bool] | None = None) -> None:
        """Lay out `doc` from each side's segment heights (per position, measured by the view and kept
        across edits, so a layout never measures text)."""
        self.row_mode = row_mode
        self.sides = {Side.SRC: SideGeometry(), Side.TGT: SideGeometry()}
        self.row_tops: list[float] = []
        self.row_heights: list[float] = []
        self.gap_before: list[bool] = []          # per bead: a hidden run starts here (marker drawn above it)
        self.gaps: list[float] = []               # per bead: height of that marker (0 for most beads)
        if visible is None:
            self._lay_out_all(doc, heights)
        else:
            self._lay_out_filtered(doc, heights, visible)

    def _lay_out_all(self, doc: AlignmentDocument, heights: dict[Side, Sequence[float]]) -> None:
        """Every bead shown: prefix sums (itertools.accumulate) instead of a Python loop per segment."""
        beads = doc.beads
        n = len(beads)
        cums, starts = {}, {}
        for side in Side:
            counts = [len(b.src) for b in beads] if side is Side.SRC else [len(b.tgt) for b in beads]
            starts[side] = list(accumulate(counts, initial=0))           # first segment of each bead
            cums[side] = list(accumulate(heights[side], initial=0.0))    # top of each segment, stacked
        bead_h = {side: _differences(cums[side], starts[side]) for side in Side}
        row_heights = [a if a > b else b for a, b in zip(bead_h[Side.SRC], bead_h[Side.TGT])]
        row_tops = list(accumulate(row_heights, initial=0.0))
        self.total_rows = row_tops.pop()
        self.row_tops, self.row_heights = row_tops, row_heights
        self.gap_before = [False] * n
        self.gaps = [0.0] * n
        for side in Side:
            geo = self.sides[side]
            cum, start = cums[side], starts[side]
            geo.heights = list(heights[side])
            geo.bead_heights = bead_h[side]
            if self.row_mode:
                geo.bead_tops = list(row_tops)
                # A segment sits at its bead's row top plus the heights before it within the bead.
                firsts = [cum[i] for i in start]
                shift = [top - first for top, first, a, b in zip(row_tops, firsts, start, start[1:]) for _ in range(b - a)]
                geo.tops = [c + d for c, d in zip(cum, shift)]
                geo.total = self.total_rows
            else:
                geo.bead_tops = [cum[a] for a in start[:-1]]
                geo.tops = cum[:-1]
                geo.total = cum[-1]

    def _lay_out_filtered(self, doc: AlignmentDocument, heights: dict[Side, Sequence[float]],
                          visible: Sequence[bool]) -> None:
        """Some beads hidden (the problem filter): they take no space, and each hidden run leaves a gap."""
        for side in Side:
            n = len(doc.segments(side))
            self.sides[side].tops = [0.0] * n
            self.sides[side].heights = [0.0] * n
        src_geo, tgt_geo = self.sides[Side.SRC], self.sides[Side.TGT]
        src_tops, src_heights, tgt_tops, tgt_heights = src_geo.tops, src_geo.heights, tgt_geo.tops, tgt_geo.heights
        src_btops, src_bheights, tgt_btops, tgt_bheights = (src_geo.bead_tops, src_geo.bead_heights,
                                                            tgt_geo.bead_tops, tgt_geo.bead_heights)
        src_measured, tgt_measured = heights[Side.SRC], heights[Side.TGT]
        row_tops, row_heights, gap_before = self.row_tops, self.row_heights, self.gap_before
        ys = yt = row = 0.0
        ps = pt = 0
        hidden_run = False
        row_mode = self.row_mode
        for k, bead in enumerate(doc.beads):
            shown = visible[k]
            gap = 0.0
            if not shown:
                if not hidden_run:
                    gap = GAP_HEIGHT
                hidden_run = True
            else:
                hidden_run = False
            gap_before.append(gap > 0)
            self.gaps.append(gap)
            if row_mode:
                ys = yt = row
            ys += gap
            yt += gap
            start_s, start_t = ys, yt
            # Beads cover each side's segments once and in order, so positions simply advance.
            for _ in bead.src:
                h = src_measured[ps] if shown else 0.0
                src_tops[ps] = ys
                src_heights[ps] = h
                ys += h
                ps += 1
            for _ in bead.tgt:
                h = tgt_measured[pt] if shown else 0.0
                tgt_tops[pt] = yt
                tgt_heights[pt] = h
                yt += h
                pt += 1
            src_btops.append(start_s)
            src_bheights.append(ys - start_s)
            tgt_btops.append(start_t)
            tgt_bheights.append(yt - start_t)
            height = gap + max(ys - start_s, yt - start_t)
            row_tops.append(row)
            row_heights.append(height)
            row += height
            if row_mode:
                ys = yt = row
        self.total_rows = row
        src_geo.total = row if row_mode else ys
        tgt_geo.total = row if row_mode else yt

    # -- scrolling ----------------------------------------------------------------------------

    def side_offset(self, side: Side, value: float, viewport: float) -> float:
        """Return how far a side's pane is scrolled when the shared scroll bar stands at `value`.

        The reference line moves from the top of the viewport (at the start) to its bottom (at the
        end), so both sides start and end flush; at the reference line the two sides show the same bead.
        """
        if self.row_mode:
            return value
        span = max(1.0, self.total_rows - viewport)
        ref = viewport * min(1.0, max(0.0, value / span)) if self.total_rows > viewport else 0.0
        return self.side_y(side, value + ref) - ref

    def side_y(self, side: Side, u: float) -> float:
        """Map a row coordinate to a y of one side (piecewise linear, bead by bead)."""
        if not self.row_tops:
            return u
        k = max(0, bisect_right(self.row_tops, u) - 1)
        geo = self.sides[side]
        height = self.row_heights[k]
        gap = self.gaps[k]
        if height <= 0:
            return geo.bead_tops[k] - gap
        frac = min(1.0, max(0.0, (u - self.row_tops[k]) / height))
        return geo.bead_tops[k] - gap + frac * (geo.bead_heights[k] + gap)

    def value_showing_bead(self, bead: int, viewport: float) -> float:
        """Return a scroll value that brings a bead near the upper third of the viewport."""
        if not self.row_tops:
            return 0.0
        return max(0.0, min(self.row_tops[bead] - viewport / 3, self.total_rows - viewport))

    def value_levelling_bead(self, bead: int, viewport: float) -> float:
        """Return the scroll value at which the reference line (see side_offset) runs through the middle of
        the bead's row: both sides then show the bead's middle at the same height."""
        if not self.row_tops or self.total_rows <= viewport:
            return 0.0
        span = max(1.0, self.total_rows - viewport)
        u = self.row_tops[bead] + self.row_heights[bead] / 2
        # value + ref(value) = u, with ref = viewport * value / span
        return max(0.0, min(span, u / (1.0 + viewport / span)))

    def value_showing_whole_bead(self, bead: int, value: float, viewport: float) -> float:
        """Return the scroll value nearest `value` at which the bead is whole on screen on both sides, or
        `value` itself when no value shows it whole (a bead taller than the viewport).

        Levelling puts the bead's middle on the reference line, which runs along the viewport's top edge at the
        start of a document and along its bottom edge at the end: there a levelled link is cut in half (the
        first link of a text would show only its lower half). Each side's offset grows with the scroll value,
        so the values showing the bead whole on one side are an interval, found by bisection."""
        if self.row_mode or not self.row_tops or self.total_rows <= viewport:
            return value
        span = max(1.0, self.total_rows - viewport)
        lo_all, hi_all = 0.0, span
        for side in Side:
            geo = self.sides[side]
            top, height = geo.bead_tops[bead], geo.bead_heights[bead]
            if height <= 0:
                continue
            if height > viewport:
                return value
            # smallest value whose offset reaches top + height - viewport; largest whose offset stays <= top
            lo = self._first_value(side, top + height - viewport, viewport, span)
            hi = self._last_value(side, top, viewport, span)
            lo_all, hi_all = max(lo_all, lo), min(hi_all, hi)
        lo_all, hi_all = math.ceil(lo_all - 0.5), math.floor(hi_all + 0.5)     # the scroll bar takes whole pixels
        if lo_all > hi_all:
            return value
        return float(min(max(value, lo_all), hi_all))

    def _first_value(self, side: Side, offset: float, viewport: float, span: float) -> float:
        """The smallest scroll value (to a hundredth of a pixel) at which the side's offset is >= offset."""
        if self.side_offset(side, 0.0, viewport) >= offset:
            return 0.0
        a, b = 0.0, span
        if self.side_offset(side, b, viewport) < offset:
            return span + 1.0              # never: the caller finds an empty interval
        while b - a > 0.01:
            mid = (a + b) / 2
            if self.side_offset(side, mid, viewport) >= offset:
                b = mid
            else:
                a = mid
        return b

    def _last_value(self, side: Side, offset: float, viewport: float, span: float) -> float:
        """The largest scroll value (to a hundredth of a pixel) at which the side's offset is <= offset."""
        if self.side_offset(side, span, viewport) <= offset:
            return span
        a, b = 0.0, span
        if self.side_offset(side, a, viewport) > offset:
            return -1.0
        while b - a > 0.01:
            mid = (a + b) / 2
            if self.side_offset(side, mid, viewport) <= offset:
                a = mid
            else:
                b = mid
        return a

    def bead_range_at(self, tops: dict[Side, float], viewport: float) -> tuple[int, int]:
        """Return the beads (first, last inclusive) with something visible on either side."""
        n = len(self.row_tops)
        if n == 0:
            return 0, -1
        first, last = n, -1
        for side, top in tops.items():
            geo = self.sides[side]
            lo, hi = 0, n
            while lo < hi:          # first bead ending below the top
                mid = (lo + hi) // 2
                if geo.bead_tops[mid] + geo.bead_heights[mid] < top:
                    lo = mid + 1
                else:
                    hi = mid
            first = min(first, lo)
            k = bisect_right(geo.bead_tops, top + viewport)
            last = max(last, k - 1)
        return max(0, first - 1), min(n - 1, last + 1)
