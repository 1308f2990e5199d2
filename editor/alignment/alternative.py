"""The engine's best alternatives for the region of a link: the best paths through the lattice over the link
and its two neighbours that differ from the chosen one there (one misplaced boundary makes two links wrong, so
an alternative usually moves a boundary between the link and a neighbour), best first.

Measured with tests/benchmarks/bench_review.py --alternatives (MAC-dev: how often the first, and one of the
first three, alternatives of a wrong link's region is exactly the gold alignment of that region).
"""

from __future__ import annotations

from typing import Collection, Sequence


from editor.alignment import scoring
from editor.alignment.engine import BAND_SLACK, Resources, _bead_score, band_scores, text_ratio
from editor.alignment.search import diagonal_band

Bead4 = tuple[int, int, int, int]

#: links on each side of the chosen one whose sentences the editor scores for its alternative
WINDOW = 12
#: alternatives the editor offers for a link, best first (the strip shows one; a key shows the next)
COUNT = 4


def region(k: int, count: int, keep: Collection[int] = ()) -> tuple[int, int]:
    """The beads [first, last] the alternative of bead k may change: k and its two neighbours, less a neighbour
    in `keep` (a link a person confirmed or made: the alternative leaves it as it is)."""
    first = k - 1 if k > 0 and k - 1 not in keep else k
    last = k + 1 if k + 1 < count and k + 1 not in keep else k
    return first, last


def ranked_region_alternatives(src: Sequence[str], tgt: Sequence[str], ratio: float, res: Resources,
                               path: Sequence[Bead4], links: Sequence[int], keep: Collection[int] = (),
                               count: int = COUNT) -> dict[int, list[Bead4 | None]]:
    """For each bead index in `links`, up to `count` segmentations of its region other than the path's, best
    first (k-best Viterbi over the same scores): the one after the best is often the right one when the best
    is not; none keeps link k itself, and those that leave more sentences unlinked come last (MAC-dev: the first
    is the gold alignment of a wrong link's region for 49 % of them; bench_review.py --alternatives)."""
    from editor.alignment.confidence import band_around_path

    n, m = len(src), len(tgt)
    sides = scoring.Sides(src, tgt, ratio, res.lexicon, res.encoder)
    band = diagonal_band(n, m, max(n, m)) if n * m <= 40_000 else band_around_path(path, n, m, BAND_SLACK)
    pb = sides.pair_band(band)
    margins = sides.margins(pb)
    scores = band_scores(sides, band, pb, margins, n)
    out: dict[int, list] = {}
    for k in links:
        first, last = region(k, len(path), keep)
        current = list(path[first:last + 1])
        ranked = _ranked(band, scores, current, count, tuple(path[k]))
        # those that leave more sentences unlinked than the region has now come last (in their order): skipping a
        # long sentence is cheap in the lattice, so such variants crowd the top, and they are rarely right (an
        # unlinked sentence is one key, S or Ctrl+U, anyway). MAC-dev: the first alternative right for 38.1 % of
        # the wrong links -> 48.6 %, MAC-dev with omissions made from its gold 38.5 % -> 42.2 %.
        out[k] = sorted(ranked, key=lambda alt: _unlinked(alt) > _unlinked(current))
    return out


def _unlinked(beads: Sequence[Bead4]) -> int:
    """The sentences `beads` leave without counterpart."""
    return sum(b - a + d - c for a, b, c, d in beads if a == b or c == d)


def _ranked(band, scores, beads: list[Bead4], count: int, without: Bead4 | None = None) -> list[list[Bead4]]:
    """The best `count` paths from the first node of `beads` to their last other than `beads` and not through the
    link `without` (k-best Viterbi: each node keeps its count + 1 best partial paths, so count remain once the
    chosen one is left out). An alternative is asked for a link the translator doubts: one that keeps that link
    and moves a neighbour's boundary cannot be right when the link is wrong, and ranked first it hid the right
    one (MAC-dev: the first alternative of a wrong link's region was its gold alignment for 26 % of the wrong
    links with such alternatives allowed, 38 % without; bench_review.py --alternatives)."""
    per_node = count + 1
    s_start, t_start = beads[0][0], beads[0][2]
    s_end, t_end = beads[-1][1], beads[-1][3]
    best: dict[tuple[int, int], list[tuple[float, tuple[Bead4, ...]]]] = {(s_start, t_start): [(0.0, ())]}
    for i in range(s_start, s_end + 1):
        for j in range(t_start, t_end + 1):
            if (i, j) == (s_start, t_start):
                continue
            cands = []
            for a, b in scoring.BEAD_TYPES:
                i0, j0 = i - a, j - b
                if i0 < s_start or j0 < t_start or (i0, j0) not in best:
                    continue
                if (i0, i, j0, j) == without:
                    continue
                g = _bead_score(band, scores, i0, i, j0, j)
                if g is None:
                    continue
                for sc, p in best[(i0, j0)]:
                    cands.append((sc + g, p + ((i0, i, j0, j),)))
            if cands:
                cands.sort(key=lambda c: -c[0])
                best[(i, j)] = cands[:per_node]
    current = tuple(beads)
    return [list(p) for _, p in best.get((s_end, t_end), []) if p != current][:count]


def link_alternatives(src: Sequence[str], tgt: Sequence[str], path: Sequence[Bead4], k: int,
                      res: Resources, keep: Collection[int] = (), count: int = COUNT) -> list[list[Bead4]]:
    """The best alternatives (up to `count`, best first) for the region of link k of a whole document
    (positions of the whole text), scored over a window of WINDOW links each side (the editor asks for one link
    at a time; off the GUI thread); a neighbour in `keep` stays as it is."""
    lo, hi = max(0, k - WINDOW), min(len(path), k + WINDOW + 1)
    part = list(path[lo:hi])
    s0, t0 = part[0][0], part[0][2]
    s1, t1 = part[-1][1], part[-1][3]
    sub_src, sub_tgt = src[s0:s1], tgt[t0:t1]
    if not sub_src or not sub_tgt:
        return []
    ratio = text_ratio(src, tgt)
    local = [(a - s0, b - s0, c - t0, d - t0) for a, b, c, d in part]
    alts = ranked_region_alternatives(sub_src, sub_tgt, ratio, res, local, [k - lo], [b - lo for b in keep],
                                      count)[k - lo]
    return [[(a + s0, b + s0, c + t0, d + t0) for a, b, c, d in alt] for alt in alts]

