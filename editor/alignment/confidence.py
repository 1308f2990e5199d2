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


#: The inputs of the path confidence model (engine.path_confidence_inputs), in order: the bead's own score terms
#: and lattice posteriors (engine.CONFIDENCE_INPUTS), its merge evidence (engine.merge_evidence), its
#: neighbours' lower posterior and boundary posterior and whether an unlinked sentence sits beside it, and
#: the cross-pair evidence (cross_pair_evidence).
PATH_INPUTS = ("gain", "cos_m", "coverage", "length", "size", "len_factor", "weakest_cos", "weakest_cov",
               "one_one", "posterior_logit", "boundary_logit", "merge", "near_posterior_logit",
               "near_boundary_logit", "near_unlinked", "cross_dict")

# Measured and left out (2026-12-07, commit "Experiment ... ensemble disagreement", reverted): the evidence
# of a second, differently-built aligner. From the score terms band_scores already builds (no second import
# or embedding), the best path through the same band scored with the dictionary and lengths only (mode
# "fast"'s bead scores; "agree_lex": 1 if it has exactly the link) or with embeddings and lengths only
# ("agree_emb"), and the link's posterior in those two lattices. Leave-one-document-out, a lowest-first
# review finds 80/90/95 % of the wrong links on MAC-dev pre-segmented after 35.5/45.8/54.9 % of the links
# without them; with agree_lex 34.6/45.8/55.8, agree_emb 36.0/46.1/55.3, both 35.5/45.3/56.2, both with the
# posteriors 35.4/49.4/57.3; mode "fast" run end to end as agree_lex (its upper bound) 33.5/45.8/56.2. At
# 90 % on the pre-segmented book: 37.5 without, 38.2 / 37.9 / 38.3 / 39.9 with. Marked and caught at the
# threshold moved by <= 1 point with the agreements alone; news-dev (3 wrong links) did not move. The other
# aligners make the same mistakes: of the wrong links the model puts at >= 0.9 (23 on MAC-dev pre-segmented)
# the lexical path disagrees on 3 (fast end to end on 4), of the right ones there on 3 % (5 %); at >= 0.96 on
# none of the 4 wrong ones; and where they disagree the lattice's posteriors are already low. CPU per MAC-dev
# alignment (process time, 6 chapters warm, same process): the two extra paths within noise (ratios 0.998,
# 0.992), with their posteriors 1.21.

# Measured and left out (2026-12-07, offline on fit_confidence.py's alignments, leave-one-document-out, MAC-dev
# pre-segmented chapters read lowest first over all chapters at once, depth for 90 % of the wrong links; this
# model: 35.0 %): the share of doubtful links and the mean posterior logit over 5 / 10 / 20 / 40 links either side
# (34.3-36.3 %: noise); the lattice posteriors at two or three temperatures at once (0.01-1.0; 35.4-42.2 %); a
# model of the same inputs with pairwise interactions (40.4-43.5 %), splines (33.2 %, 95 %: 44.6 % against 40.4),
# or gradient-boosted trees (34.2-35.9 %, and not "a few numbers"). The ranking is the lattice posterior's:
# permuting any other input moves the trees' AUC by 0.002 at most, the posterior's by 0.11. Nor did word-level
# evidence from the sentence encoder (which embeds single words across the languages: cos(脾气, temper) 0.83):
# the share of a link's words whose best match lies in a neighbouring link rather than its own, each sentence's
# own word coverage and its minimum, per link and per sentence (about 40 variants of level and margin): depth for
# 90 % 31.8-35.6 % (a shuffled copy of the input: 34.8-35.9 %), bench_review's caught at 0.96 1-3 points lower on
# every path, depth for 95 % 4-8 points higher on the book. Nor the clause pass's evidence at the link's boundaries
# (clauses.py: how much better a boundary target sentence matches the other side's clauses; the largest such
# difference of a link's two boundaries): 35.9 %. What would move it is a better lattice, not a richer
# model of the same evidence.

# The path model: a logistic regression of "this link is exactly a gold bead" over PATH_INPUTS, (bias, weights).
# Written by tests/benchmarks/fit_confidence.py --write (fitted on MAC-dev, news-dev and omissions/merges made
# from MAC-dev's gold); do not edit by hand between the markers. Leave-one-document-out at the review threshold
# 0.96 (tests/benchmarks/bench_review.py, 2026-12-07, posteriors at engine.POSTERIOR_TEMPERATURE 0.03): MAC-dev
# pre-segmented chapters 43.3 % of the links marked, 96.2 % of the 105 wrong ones caught, a lowest-first reading
# finds 80/90/95 % of them after 32.3/45.3/49.3 % of the links (plain chapters 42.7 %, 94.9 %, 32.6/42.1/48.7 %);
# news-dev 3 wrong links, 2 caught, 18 % marked.
# -- fitted model: begin --
# (2726 links, 239 wrong)
PATH_CONFIDENCE_EMB = (3.0765, (0.3671, 1.1619, -0.358, 0.592, -0.1392, -1.4575, 2.7816, 2.618, -2.4372, 0.1109,
                                0.1167, -0.0658, -0.3378, 0.3446, 0.414, -3.6077))
# -- fitted model: end --


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


def cross_pair_evidence(sides, path: Sequence[tuple]) -> list[dict[str, float]]:
    """For each bead of `path` (beads as (s0, s1, t0, t1, ...)), whether its sentences hold their own
    translation or find it in the neighbouring beads (the issue's "1-1 + 1-1 where a 2-2 belongs": the content
    crosses between two sentences): "cross_dict", the share of the bead's dictionary words (idf weights, both
    sides) translated on the other side of a neighbouring bead and not on the other side of its own bead
    (0 without a dictionary, and for a 1-0 / 0-1 bead).

    It reads the bead and its two neighbours only, never the band: the same link has the same value on every
    import path and at any text length. (An embedding version, how much closer a sentence of the bead is to a
    sentence of a neighbour than to its own counterpart, was measured and left out: leave-one-document-out it
    moved the depth of a lowest-first review to 90 % of the wrong links by +1.6 points on MAC-dev
    pre-segmented, -2.6 on the book: noise; so was the neighbours' cross_dict as an input of its own: +0.7,
    +0.9, -1.0, -1.7 points on the four MAC-dev paths. tests/benchmarks/bench_review.py --drop.)"""
    out: list[dict[str, float]] = []
    if getattr(sides, "lexicon", None) is None:
        return [{"cross_dict": 0.0} for _ in path]
    en_sets: dict[int, frozenset] = {}

    def en_set(j: int) -> frozenset:
        if j not in en_sets:
            en_sets[j] = frozenset(sides.en_tok[j])
        return en_sets[j]

    for k, (s0, s1, t0, t1, *_) in enumerate(path):
        if s1 == s0 or t1 == t0:
            out.append({"cross_dict": 0.0})
            continue
        near_s = [i for q in (k - 1, k + 1) if 0 <= q < len(path) for i in range(path[q][0], path[q][1])]
        near_t = [j for q in (k - 1, k + 1) if 0 <= q < len(path) for j in range(path[q][2], path[q][3])]
        own_en = frozenset().union(*(en_set(j) for j in range(t0, t1)))
        near_en = frozenset().union(*(en_set(j) for j in near_t))
        own_tr = frozenset().union(*(t.translations for i in range(s0, s1) for t in sides.zh_tok[i]))
        near_tr = frozenset().union(*(t.translations for i in near_s for t in sides.zh_tok[i]))
        total = away = 0.0
        for i in range(s0, s1):
            for tok, w in zip(sides.zh_tok[i], sides.zh_w[i]):
                total += w
                if tok.translations.isdisjoint(own_en) and not tok.translations.isdisjoint(near_en):
                    away += w
        for j in range(t0, t1):
            for word, w in zip(sides.en_tok[j], sides.en_w[j]):
                total += w
                if word not in own_tr and word in near_tr:
                    away += w
        out.append({"cross_dict": float(away / total) if total > 0 else 0.0})
    return out


#: the length terms the confidence reads measure a link's lengths against the ratio of English to Chinese
#: characters over this many links either side of it along the path (not the ratio of the whole text, which
#: is another one when the same chapter is aligned alone or inside a book)
LENGTH_RATIO_LINKS = 20


def path_length_terms(sides, path: Sequence[tuple], half: int = LENGTH_RATIO_LINKS) -> list[dict[str, float]]:
    """For each bead of `path` (beads as (s0, s1, t0, t1, ...)): its "length" and "len_factor" score terms
    (scoring.bead_terms' formulas) with the length ratio of the `half` links either side of it on the path;
    {} for a 1-0 / 0-1 bead. The same link with the same neighbours gets the same terms in a text of any
    length."""
    from editor.alignment.scoring import LENGTH_VARIANCE, log_erfc

    zl = np.array([sides.czl[s1] - sides.czl[s0] if s1 > s0 and t1 > t0 else 0.0 for s0, s1, t0, t1, *_ in path])
    el = np.array([sides.cel[t1] - sides.cel[t0] if s1 > s0 and t1 > t0 else 0.0 for s0, s1, t0, t1, *_ in path])
    cz, ce = np.concatenate([[0.0], np.cumsum(zl)]), np.concatenate([[0.0], np.cumsum(el)])
    out: list[dict[str, float]] = []
    for k, (s0, s1, t0, t1, *_) in enumerate(path):
        if s1 == s0 or t1 == t0:
            out.append({})
            continue
        a, b = max(0, k - half), min(len(path), k + half + 1)
        z, e = cz[b] - cz[a], ce[b] - ce[a]
        c = e / z if z > 0 and e > 0 else sides.ratio
        lz, le = float(zl[k]), float(el[k])
        delta = abs(le - c * lz) / np.sqrt(max(lz, 1.0) * LENGTH_VARIANCE)
        lo_, hi_ = min(lz, le / c), max(lz, le / c)
        out.append({"length": float(log_erfc(np.array(delta / np.sqrt(2)))),
                    "len_factor": float(np.log2(1.0 + lo_ / max(hi_, 1e-9)))})
    return out


def path_evidence(sides, path: Sequence[tuple]) -> list[dict[str, float]]:
    """What the confidence reads of each bead beyond the lattice: cross_pair_evidence and path_length_terms
    (which replace the score's length terms in the confidence's inputs)."""
    return [{**x, **y} for x, y in zip(cross_pair_evidence(sides, path), path_length_terms(sides, path))]
