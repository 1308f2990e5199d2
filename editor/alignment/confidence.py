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
