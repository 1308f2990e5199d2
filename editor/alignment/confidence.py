"""Lattice evidence for the confidence of the chosen beads: their posteriors and their boundaries' posteriors.

Most wrong beads come in pairs (a boundary placed one sentence off makes both neighbours wrong), so besides
the probability of the bead itself, the confidence model reads how sure the lattice is of the bead's two
boundaries: the probability that an alignment passes through the node where the bead starts, and through
the node where it ends (with P(path) ∝ exp(score / temperature), the same forward-backward sums).
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

from editor.alignment.search import Band, _backward, _forward


def path_posteriors(band: Band, bead_types: Sequence[tuple[int, int]], scores: Sequence[np.ndarray],
                    path: Sequence[tuple[int, int, int, int, float]], temperature: float
                    ) -> tuple[list[float], list[float]]:
    """Return, for each bead of `path`, its posterior probability and the smaller posterior of its two
    boundary nodes (both in [0, 1]; the bead posterior never exceeds either boundary's)."""
    types = list(bead_types)
    F = _forward(band, types, scores, temperature)
    G = _backward(band, types, scores, temperature)
    lo = band.lo
    Z = F[band.n, band.m - lo[band.n]]

    def node(r: int, j: int) -> float:
        return float(np.exp(min(0.0, F[r, j - lo[r]] + G[r, j - lo[r]] - Z)))

    beads, bounds = [], []
    for s0, s1, t0, t1, _ in path:
        t = types.index((s1 - s0, t1 - t0))
        lp = F[s0, t0 - lo[s0]] + scores[t][s1, t1 - lo[s1]] / temperature + G[s1, t1 - lo[s1]] - Z
        beads.append(float(np.exp(min(0.0, lp))))
        bounds.append(min(node(s0, t0), node(s1, t1)))
    return beads, bounds


def band_around_path(path: Sequence[tuple[int, int, int, int]], n: int, m: int, slack: int) -> Band:
    """A band holding every node of `path` (beads as (s0, s1, t0, t1)), `slack` rows and columns around it:
    the lattice in which an alignment found some other way (paragraph by paragraph, between anchors) is
    weighed against its neighbours, as a one-pass alignment of the whole region is."""
    pmin = np.full(n + 1, m, dtype=np.int64)
    pmax = np.zeros(n + 1, dtype=np.int64)
    for s0, s1, t0, t1 in path:
        for r in range(s0, s1 + 1):
            pmin[r] = min(pmin[r], t0)
            pmax[r] = max(pmax[r], t1)
    seen = pmax >= pmin
    # rows no bead touches (none on a path that covers the region) take their neighbours' columns
    if not seen.all():
        idx = np.where(seen)[0]
        near = idx[np.clip(np.searchsorted(idx, np.arange(n + 1)), 0, len(idx) - 1)]
        pmin, pmax = pmin[near], pmax[near]
    lo = np.array([pmin[max(0, r - slack):r + slack + 1].min() for r in range(n + 1)]) - slack
    hi = np.array([pmax[max(0, r - slack):r + slack + 1].max() for r in range(n + 1)]) + slack
    lo = np.clip(lo, 0, m).astype(np.int64)
    hi = np.clip(hi, 0, m).astype(np.int64)
    lo = np.minimum.accumulate(lo[::-1])[::-1]
    hi = np.maximum.accumulate(hi)
    lo[0], hi[n] = 0, m
    lo = np.minimum(lo, hi)
    return Band(lo, int((hi - lo).max()) + 1, n, m)
