"""Gale–Church length-based alignment on character counts (the fast baseline mode)."""

from __future__ import annotations

import math
from typing import Sequence

from editor.alignment import AlignedBead, FixedSpan, ProgressCallback, StopCallback, regions
from editor.errors import AlignmentCancelled

#: log prior of each bead type (source count, target count); zh-en translation is free, 1-2 is common.
BEAD_PRIORS = {(1, 1): math.log(0.62), (1, 2): math.log(0.2), (2, 1): math.log(0.06), (1, 3): math.log(0.05),
               (2, 2): math.log(0.02), (1, 0): math.log(0.01), (0, 1): math.log(0.01), (3, 1): math.log(0.01),
               (2, 3): math.log(0.01), (1, 4): math.log(0.01)}
#: zh-en length ratios vary about four times more than those of European pairs.
VARIANCE = 6.8 * 4
BAND_MIN = 60


def text_length(text: str) -> int:
    """Count characters without spaces (Chinese has none, English word spacing is noise)."""
    return sum(1 for ch in text if not ch.isspace())


def length_score(src_len: int, tgt_len: int, ratio: float) -> float:
    """Return the Gale–Church log-probability that `tgt_len` characters translate `src_len` characters."""
    if src_len == 0 and tgt_len == 0:
        return 0.0
    mean = (src_len + tgt_len / ratio) / 2
    delta = (ratio * src_len - tgt_len) / math.sqrt(max(mean, 1.0) * VARIANCE * ratio)
    return math.log(max(math.erfc(abs(delta) / math.sqrt(2)), 1e-12))


def align_by_length(src: Sequence[str], tgt: Sequence[str], *,
                    fixed: Sequence[FixedSpan] = (),
                    progress: ProgressCallback | None = None,
                    should_stop: StopCallback | None = None) -> list[AlignedBead]:
    """Align by length only, keeping `fixed` beads and aligning the gaps between them."""
    src_lens = [text_length(s) for s in src]
    tgt_lens = [text_length(t) for t in tgt]
    ratio = (sum(tgt_lens) or 1) / (sum(src_lens) or 1)
    result: list[AlignedBead] = []
    total = max(1, len(src) + len(tgt))
    for span, is_fixed in regions(len(src), len(tgt), fixed):
        if is_fixed:
            result.append(AlignedBead(tuple(range(span.src_start, span.src_end)),
                                      tuple(range(span.tgt_start, span.tgt_end)), 1.0))
        else:
            result.extend(_align_gap(src_lens, tgt_lens, span.src_start, span.src_end,
                                     span.tgt_start, span.tgt_end, ratio, should_stop))
        if progress is not None:
            progress((span.src_end + span.tgt_end) / total)
    return result


def _align_gap(src_lens, tgt_lens, i0, i1, j0, j1, ratio, should_stop) -> list[AlignedBead]:
    n, m = i1 - i0, j1 - j0
    if n <= 0 and m <= 0:
        return []
    if n <= 0 or m <= 0:
        return [AlignedBead((i,), (), 0.5) for i in range(i0, i1)] + \
               [AlignedBead((), (j,), 0.5) for j in range(j0, j1)]
    band = max(BAND_MIN, int(0.01 * max(n, m)))   # around the diagonal a*m/n, so |n - m| needs no extra room
    best: dict[tuple[int, int], tuple[float, tuple[int, int] | None]] = {(0, 0): (0.0, None)}
    for a in range(n + 1):
        if should_stop is not None and should_stop():
            raise AlignmentCancelled()
        centre = a * m / n
        for b in range(max(0, int(centre - band)), min(m, int(centre + band)) + 1):
            if a == 0 and b == 0:
                continue
            top = None
            for (da, db), prior in BEAD_PRIORS.items():
                prev = best.get((a - da, b - db))
                if prev is None:
                    continue
                sl = sum(src_lens[i0 + a - da:i0 + a])
                tl = sum(tgt_lens[j0 + b - db:j0 + b])
                total = prev[0] + prior + (length_score(sl, tl, ratio) if da and db else -4.0)
                if top is None or total > top[0]:
                    top = (total, (da, db))
            if top is not None:
                best[(a, b)] = top
    beads = []
    a, b = n, m
    while (a, b) != (0, 0):
        total, step = best[(a, b)]
        da, db = step
        prev_total = best[(a - da, b - db)][0]
        gain = total - prev_total
        beads.append(AlignedBead(tuple(range(i0 + a - da, i0 + a)), tuple(range(j0 + b - db, j0 + b)),
                                 round(min(1.0, max(0.0, math.exp(gain / 4))), 4), gain))
        a, b = a - da, b - db
    beads.reverse()
    return beads
