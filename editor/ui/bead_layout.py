"""Where every segment sits vertically: per-side positions and bead rows, and the scroll mapping that keeps links level."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Callable, Sequence

from editor.bitext.document import AlignmentDocument, Segment, Side

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


class BeadLayout:
    """Lay out both sides of a document.

    Continuous mode stacks each side's segments without gaps and scrolls the two sides at slightly
    different speeds so the beads at the reference line stay level. Row mode gives each bead one row
    as high as its taller side, so both sides share every row. Hidden beads (problem filter) take no
    space; each run of them leaves a small gap marker.
    """

    def __init__(self, doc: AlignmentDocument, measure: Callable[[Side, Segment, bool], float], *,
                 row_mode: bool = False, visible: Sequence[bool] | None = None) -> None:
        self.row_mode = row_mode
        self.sides = {Side.SRC: SideGeometry(), Side.TGT: SideGeometry()}
        self.row_tops: list[float] = []
        self.row_heights: list[float] = []
        self.gap_before: list[bool] = []          # per bead: a hidden run starts here (marker drawn above it)
        self.gaps: list[float] = []               # per bead: height of that marker (0 for most beads)
        for side in Side:
            n = len(doc.segments(side))
            self.sides[side].tops = [0.0] * n
            self.sides[side].heights = [0.0] * n
        src_geo, tgt_geo = self.sides[Side.SRC], self.sides[Side.TGT]
        # Plain locals instead of dicts keyed by Side: this loop runs once per bead on every edit.
        src_tops, src_heights, tgt_tops, tgt_heights = src_geo.tops, src_geo.heights, tgt_geo.tops, tgt_geo.heights
        src_btops, src_bheights, tgt_btops, tgt_bheights = (src_geo.bead_tops, src_geo.bead_heights,
                                                            tgt_geo.bead_tops, tgt_geo.bead_heights)
        src_segs, tgt_segs = doc.src, doc.tgt
        row_tops, row_heights, gap_before = self.row_tops, self.row_heights, self.gap_before
        measure_src = lambda seg, para: measure(Side.SRC, seg, para)  # noqa: E731
        measure_tgt = lambda seg, para: measure(Side.TGT, seg, para)  # noqa: E731
        ys = yt = row = 0.0
        ps = pt = 0
        last_src_para = last_tgt_para = None
        hidden_run = False
        row_mode = self.row_mode
        for k, bead in enumerate(doc.beads):
            shown = visible is None or visible[k]
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
                seg = src_segs[ps]
                para_start = seg.paragraph != last_src_para
                last_src_para = seg.paragraph
                h = measure_src(seg, para_start) if shown else 0.0
                src_tops[ps] = ys
                src_heights[ps] = h
                ys += h
                ps += 1
            for _ in bead.tgt:
                seg = tgt_segs[pt]
                para_start = seg.paragraph != last_tgt_para
                last_tgt_para = seg.paragraph
                h = measure_tgt(seg, para_start) if shown else 0.0
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
