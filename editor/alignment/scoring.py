"""Bead scores: embedding similarity, dictionary coverage, length and bead-type prior, for every bead in a band.

Each score term is computed for all candidate beads of one type at once (arrays over the DP band), and
`combine()` weights and adds them. The weights are a handful of global constants chosen on MAC-dev.
"""

from __future__ import annotations

import math
import zlib
from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np

from editor.alignment.lexicon import Lexicon, ZhToken, clean_chinese
from editor.alignment.search import NEG, Band

#: bead types the DP considers (source count, target count)
BEAD_TYPES: tuple[tuple[int, int], ...] = ((0, 1), (1, 0), (1, 1), (1, 2), (1, 3), (1, 4), (2, 1), (2, 2),
                                           (2, 3), (3, 1), (3, 2), (4, 1))
#: how often each bead type occurs in literary zh-en translation
TYPE_PRIOR = {(1, 1): 0.62, (1, 2): 0.21, (1, 3): 0.06, (2, 1): 0.05, (1, 4): 0.02, (2, 2): 0.02, (2, 3): 0.01,
              (3, 1): 0.01, (3, 2): 0.004, (4, 1): 0.003, (1, 0): 0.004, (0, 1): 0.004}
MAX_RUN = 4

# weights of the score terms (embeddings available / lexical only)
W_LEXICAL = 0.8
W_LENGTH = 0.01
W_PRIOR = 0.02
SKIP_SCORE = -0.2
LENGTH_VARIANCE = 30.0
#: without embeddings the lexical term carries the match, so it needs a length-ratio factor and more weight
W_LEXICAL_ALONE = 1.0
W_LENGTH_ALONE = 0.05


def text_length(text: str) -> int:
    """Characters without spaces."""
    return sum(1 for ch in text if not ch.isspace())


def log_erfc(x: np.ndarray) -> np.ndarray:
    """log(erfc(x)) for x >= 0 (Abramowitz–Stegun 7.1.26 written in log space, so it never underflows)."""
    t = 1.0 / (1.0 + 0.3275911 * x)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    return np.log(poly) - x * x


@dataclass
class PairBand:
    """Per-sentence-pair lexical counts for zh sentence i and en sentence plo[i] + w."""
    plo: np.ndarray
    width: int
    zh_matched: np.ndarray     # (n, width) zh token weight of sentence i matched by en sentence j
    en_matched: np.ndarray     # (n, width) en token weight of sentence j matched by zh sentence i


class Sides:
    """Everything measured once per sentence of a region: lengths, tokens, embeddings."""

    def __init__(self, src: Sequence[str], tgt: Sequence[str], ratio: float,
                 lexicon: Lexicon | None, encoder, should_stop: Callable[[], bool] | None = None,
                 timings: dict | None = None) -> None:
        import time

        self.n, self.m = len(src), len(tgt)
        self.src = [clean_chinese(s) for s in src]
        self.tgt = list(tgt)
        self.ratio = ratio
        self.zl = np.array([text_length(s) for s in self.src], dtype=np.float64)
        self.el = np.array([text_length(t) for t in self.tgt], dtype=np.float64)
        self.czl = np.concatenate([[0.0], np.cumsum(self.zl)])
        self.cel = np.concatenate([[0.0], np.cumsum(self.el)])
        t0 = time.perf_counter()
        self.lexicon = lexicon
        if lexicon is not None:
            self.zh_tok = [lexicon.zh_tokens(s) for s in self.src]
            self.en_tok = [lexicon.en_tokens(t) for t in self.tgt]
            self.zh_w = [np.ones(len(t)) for t in self.zh_tok]
            self.en_w = [np.ones(len(t)) for t in self.en_tok]
            self.nz = np.array([w.sum() for w in self.zh_w])
            self.ne = np.array([w.sum() for w in self.en_w])
        t1 = time.perf_counter()
        self.encoder = encoder
        self.ez = self.ee = None
        if encoder is not None:
            zs, zc = encoder.pooled(self.src, should_stop)
            es, ec = encoder.pooled(self.tgt, should_stop)
            self.ez = encoder.run_embeddings(zs, zc, MAX_RUN)
            self.ee = encoder.run_embeddings(es, ec, MAX_RUN)
        t2 = time.perf_counter()
        if timings is not None:
            timings["lexical"] = timings.get("lexical", 0.0) + t1 - t0
            timings["embed"] = timings.get("embed", 0.0) + t2 - t1

    # ----- sentence-level similarity for anchors -----
    def sentence_sims(self, r0: int, r1: int, c0: int, c1: int) -> np.ndarray:
        """Similarity of source sentences r0..r1-1 with target sentences c0..c1-1."""
        if self.ez is not None:
            return self.ez[0][r0:r1] @ self.ee[0][c0:c1].T
        zv, ev = self._hashed()
        return zv[r0:r1] @ ev[c0:c1].T

    def _hashed(self, dim: int = 1024):
        if getattr(self, "_hv", None) is None:
            zv = np.zeros((self.n, dim), np.float32)
            ev = np.zeros((self.m, dim), np.float32)
            for i, toks in enumerate(self.zh_tok):
                for tok in toks:
                    share = 1.0 / len(tok.translations)
                    for s in tok.translations:
                        zv[i, zlib.crc32(s.encode()) % dim] += share
            for j, toks in enumerate(self.en_tok):
                for s in toks:
                    ev[j, zlib.crc32(s.encode()) % dim] += 1.0
            for v in (zv, ev):
                v /= np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-6)
            self._hv = (zv, ev)
        return self._hv

    # ----- pair band -----
    def pair_band(self, band: Band) -> PairBand:
        """Lexical matches of every sentence pair a bead in `band` can contain."""
        n, lo, W = self.n, band.lo, band.width
        idx = np.arange(n)
        plo = lo[np.clip(idx - (MAX_RUN - 1), 0, n)]
        phi = lo[np.clip(idx + MAX_RUN, 0, n)] + W
        width = int((phi - plo).max()) if n else 1
        zm = np.zeros((n, width))
        em = np.zeros((n, width))
        if self.lexicon is not None:
            en_sets = [frozenset(t) for t in self.en_tok]
            for i in range(n):
                toks = self.zh_tok[i]
                if not toks:
                    continue
                union = frozenset().union(*(t.translations for t in toks))
                zw = self.zh_w[i]
                for j in range(int(plo[i]), min(self.m, int(phi[i]))):
                    common = union & en_sets[j]
                    if not common:
                        continue
                    zm[i, j - plo[i]] = sum(w for t, w in zip(toks, zw) if not t.translations.isdisjoint(common))
                    em[i, j - plo[i]] = sum(w for t, w in zip(self.en_tok[j], self.en_w[j]) if t in common)
        return PairBand(plo, width, zm, em)

    def margins(self, pb: PairBand) -> tuple[np.ndarray, np.ndarray]:
        """Mean similarity of each sentence with the other side's sentences near it (the similarity floor)."""
        bz = np.zeros(self.n)
        be_sum = np.zeros(self.m)
        be_cnt = np.zeros(self.m)
        if self.ez is None:
            return bz, np.zeros(self.m)
        for i in range(self.n):
            j0, j1 = int(pb.plo[i]), min(self.m, int(pb.plo[i]) + pb.width)
            if j1 <= j0:
                continue
            s = self.ee[0][j0:j1] @ self.ez[0][i]
            bz[i] = s.mean()
            be_sum[j0:j1] += s
            be_cnt[j0:j1] += 1
        return bz, be_sum / np.maximum(be_cnt, 1)


def _gather_pair(mat: np.ndarray, pb: PairBand, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    w = j - pb.plo[np.clip(i, 0, len(pb.plo) - 1)]
    ok = (i >= 0) & (i < len(pb.plo)) & (w >= 0) & (w < pb.width)
    return np.where(ok, mat[np.clip(i, 0, mat.shape[0] - 1), np.clip(w, 0, pb.width - 1)], 0.0)


@dataclass
class TermArrays:
    """Score terms of one bead type over the band (rows = end node r, columns = lo[r] + w)."""
    valid: np.ndarray
    cos: np.ndarray | None
    margin: np.ndarray | None
    coverage: np.ndarray | None
    length: np.ndarray
    len_factor: np.ndarray


def bead_terms(sides: Sides, band: Band, pb: PairBand, margins, a: int, b: int) -> TermArrays:
    """Compute the score terms of every (a, b) bead that fits the band."""
    n, m, lo, W = band.n, band.m, band.lo, band.width
    r = np.arange(n + 1)[:, None]
    j = lo[:, None] + np.arange(W)[None, :]
    i0, j0 = r - a, j - b
    pw = j0 - lo[np.clip(i0, 0, n)][:, :1] if False else j0 - lo[np.clip(i0, 0, n)]
    valid = (i0 >= 0) & (j0 >= 0) & (j <= m) & (pw >= 0) & (pw < W)
    i0c, j0c = np.clip(i0, 0, n), np.clip(j0, 0, m)
    rc, jc = np.broadcast_to(r, j.shape), np.clip(j, 0, m)
    lz = sides.czl[rc] - sides.czl[i0c]
    le = sides.cel[jc] - sides.cel[j0c]
    c = sides.ratio
    if a and b:
        delta = np.abs(le - c * lz) / np.sqrt(np.maximum(lz, 1.0) * LENGTH_VARIANCE)
        length = log_erfc(delta / math.sqrt(2))
        lo_, hi_ = np.minimum(lz, le / c), np.maximum(lz, le / c)
        len_factor = np.log2(1.0 + lo_ / np.maximum(hi_, 1e-9))
    else:
        length = np.zeros(j.shape)
        len_factor = np.zeros(j.shape)
    cos = margin = coverage = None
    if a and b and sides.ez is not None:
        cos = np.zeros(j.shape)
        ez, ee = sides.ez[a - 1], sides.ee[b - 1]
        blk = 128
        for q0 in range(0, n + 1, blk):
            q1 = min(n + 1, q0 + blk)
            rows_i0 = i0c[q0:q1, 0]
            cmin = int(j0c[q0:q1].min())
            cmax = int(j0c[q0:q1].max()) + 1
            cmax = min(cmax, len(ee))
            rmax = len(ez)
            if cmax <= cmin or rmax == 0:
                continue
            sims = ez[np.clip(rows_i0, 0, rmax - 1)] @ ee[cmin:cmax].T
            cols = np.clip(j0c[q0:q1] - cmin, 0, cmax - cmin - 1)
            cos[q0:q1] = np.take_along_axis(sims, cols, axis=1)
        bz, be = margins
        cbz = np.concatenate([[0.0], np.cumsum(bz)])
        cbe = np.concatenate([[0.0], np.cumsum(be)])
        margin = ((cbz[rc] - cbz[i0c]) / a + (cbe[jc] - cbe[j0c]) / b) / 2
    if sides.lexicon is not None and a and b:
        zh_m = np.zeros(j.shape)
        for di in range(a):
            ii = i0 + di
            tot = np.zeros(j.shape)
            for dj in range(b):
                tot += _gather_pair(pb.zh_matched, pb, ii, j0 + dj)
            zh_m += np.minimum(tot, sides.nz[np.clip(ii, 0, max(n - 1, 0))] if n else 0)
        en_m = np.zeros(j.shape)
        for dj in range(b):
            jj = j0 + dj
            tot = np.zeros(j.shape)
            for di in range(a):
                tot += _gather_pair(pb.en_matched, pb, i0 + di, jj)
            en_m += np.minimum(tot, sides.ne[np.clip(jj, 0, max(m - 1, 0))] if m else 0)
        cnz = np.concatenate([[0.0], np.cumsum(sides.nz)])
        cne = np.concatenate([[0.0], np.cumsum(sides.ne)])
        total = (cnz[rc] - cnz[i0c]) + (cne[jc] - cne[j0c])
        coverage = np.where(total > 0, (zh_m + en_m) / np.maximum(total, 1e-9), 0.0)
    return TermArrays(valid, cos, margin, coverage, length, len_factor)


def combine(terms: TermArrays, a: int, b: int, with_embeddings: bool) -> np.ndarray:
    """Weighted sum of the terms (NEG where the bead does not fit)."""
    prior = W_PRIOR * math.log(TYPE_PRIOR[(a, b)])
    if not (a and b):
        s = np.full(terms.valid.shape, SKIP_SCORE + prior)
    elif with_embeddings:
        s = (terms.cos - terms.margin) * terms.len_factor + W_LENGTH * terms.length + prior
        if terms.coverage is not None:
            s = s + W_LEXICAL * terms.coverage
    else:
        s = W_LEXICAL_ALONE * (terms.coverage if terms.coverage is not None else 0.0) * terms.len_factor \
            + W_LENGTH_ALONE * terms.length + prior
    return np.where(terms.valid, s, NEG)
