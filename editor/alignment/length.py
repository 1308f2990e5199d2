"""Gale–Church length-based alignment on character counts (mode "length", the baseline)."""

from __future__ import annotations

import math
from typing import Sequence

from editor.alignment import AlignedBead, FixedSpan, ProgressCallback, StopCallback, regions

#: log prior of each bead type (source count, target count); zh-en translation is free, 1-2 is common.
BEAD_PRIORS = {(1, 1): math.log(0.62), (1, 2): math.log(0.2), (2, 1): math.log(0.06), (1, 3): math.log(0.05),
               (2, 2): math.log(0.02), (1, 0): math.log(0.01), (0, 1): math.log(0.01), (3, 1): math.log(0.01),
               (2, 3): math.log(0.01), (1, 4): math.log(0.01)}
#: zh-en length ratios vary about four times more than those of European pairs.
VARIANCE = 6.8 * 4
BAND_MIN = 60


def text_length(text: str) -> int:
    """Count characters without spaces (Chinese has none, English word spacing is noise)."""
    return len("".join(text.split()))     # split() cuts at exactly the characters isspace() names


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
    import numpy as np

    from editor.alignment.scoring import log_erfc
    from editor.alignment.search import NEG, banded_dp, diagonal_band

    band = diagonal_band(n, m, max(BAND_MIN, int(0.01 * max(n, m))))
    cz = np.concatenate([[0.0], np.cumsum(src_lens[i0:i1])])
    ce = np.concatenate([[0.0], np.cumsum(tgt_lens[j0:j1])])
    r = np.arange(n + 1)[:, None]
    j = band.lo[:, None] + np.arange(band.width)[None, :]
    types = list(BEAD_PRIORS)
    scores = []
    for da, db in types:
        a0, b0 = r - da, j - db
        pw = b0 - band.lo[np.clip(a0, 0, n)]
        valid = (a0 >= 0) & (b0 >= 0) & (j <= m) & (pw >= 0) & (pw < band.width)
        if da and db:
            sl = cz[np.broadcast_to(r, j.shape)] - cz[np.clip(a0, 0, n)]
            tl = ce[np.clip(j, 0, m)] - ce[np.clip(b0, 0, m)]
            mean = (sl + tl / ratio) / 2
            delta = (ratio * sl - tl) / np.sqrt(np.maximum(mean, 1.0) * VARIANCE * ratio)
            score = BEAD_PRIORS[(da, db)] + np.maximum(log_erfc(np.abs(delta) / math.sqrt(2)), math.log(1e-12))
        else:
            score = np.full(j.shape, BEAD_PRIORS[(da, db)] - 4.0)
        scores.append(np.where(valid, score, NEG))
    path = banded_dp(band, types, scores, should_stop)
    return [AlignedBead(tuple(range(i0 + s0, i0 + s1)), tuple(range(j0 + t0, j0 + t1)),
                        round(min(1.0, max(0.0, math.exp(gain / 4))), 4), gain)
            for s0, s1, t0, t1, gain in path]
