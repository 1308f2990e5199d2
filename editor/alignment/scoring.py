"""Bead scores: embedding similarity, dictionary coverage, length and bead-type prior, for every bead in a band.

Each score term is computed for all candidate beads of one type at once (arrays over the DP band), and
`combine()` weights and adds them. The weights are a handful of global constants chosen on MAC-dev.
"""

from __future__ import annotations

import math
import re
import zlib
from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np

from editor.alignment.length import text_length  # noqa: F401  (scoring.text_length: the engine's name for it)
from editor.alignment.lexicon import Lexicon, clean_chinese
from editor.alignment.search import NEG, Band

#: bead types the DP considers (source count, target count)
BEAD_TYPES: tuple[tuple[int, int], ...] = ((0, 1), (1, 0), (1, 1), (1, 2), (1, 3), (1, 4), (2, 1), (2, 2),
                                           (2, 3), (3, 1), (3, 2), (4, 1), (1, 5))
#: how often each bead type occurs in literary zh-en translation
TYPE_PRIOR = {(1, 1): 0.62, (1, 2): 0.21, (1, 3): 0.06, (2, 1): 0.05, (1, 4): 0.02, (2, 2): 0.02, (2, 3): 0.01,
              (3, 1): 0.01, (3, 2): 0.004, (4, 1): 0.003, (1, 0): 0.004, (0, 1): 0.004,
              (1, 5): 0.003}
MAX_RUN = 5

# Weights of the score terms with embeddings (chosen on MAC-dev by coordinate ascent over these global
# weights; see tests/benchmarks/). A bead scores
#   (cos - MARGIN_WEIGHT * margin) * len_factor + W_LEXICAL * coverage + W_LENGTH * length
#   + W_PRIOR * log p(type) + W_PUNCT * punct + W_QUOTE * quote + W_QOPEN * qopen + W_ENDMARK * endmark
W_LEXICAL = 0.4
W_LENGTH = 0.01
W_PRIOR = 0.02
SKIP_SCORE = 0.0
#: a run of skipped sentences (1-0 beads in a row, or 0-1 beads in a row) scores GAP_OPEN once, then each
#: skipped sentence its own SKIP_SCORE + prior: an omitted paragraph is one event
GAP_OPEN = -0.2
#: a skipped sentence scores W_SKIP_LENGTH * min(its length / SKIP_LENGTH_FULL Chinese characters, 1) more: the
#: evidence terms of a bead are ratios (similarity, dictionary coverage), so a long sentence with no
#: counterpart costs its neighbour's bead little when it rides along in it; this is what it should cost
W_SKIP_LENGTH = 0.2
SKIP_LENGTH_FULL = 60.0
#: without embeddings (mode "fast", the fitted LINEAR_LEX): skips one by one, as fitted
LEX_GAP_OPEN = 0.0


def gap_open(with_embeddings: bool) -> float:
    """The score of opening a run of skipped sentences (see GAP_OPEN)."""
    return GAP_OPEN if with_embeddings else LEX_GAP_OPEN
LENGTH_VARIANCE = 30.0
MARGIN_WEIGHT = 1.2
#: question and exclamation marks counted on both sides of the bead
W_PUNCT = 0.02
#: a bead whose last sentence closes a quotation on one side only
W_QUOTE = 0.15
#: opening quotation marks that do not balance across the bead
W_QOPEN = 0.08
#: the bead's last sentences end with different marks (question / exclamation / other)
W_ENDMARK = 0.02
#: a headline, dateline or other line without final punctuation joined with other sentences on its side of a
#: bead (not fitted: no such bead in the gold of MAC-dev or news-dev; larger than any evidence a bead earns)
W_TITLE = 1.0
#: weight dictionary matches by inverse document frequency (rare words are better evidence)
USE_IDF = True

# Measured on MAC-dev and dropped (no gain; see docs/alignment-accuracy.md): the weakest member sentence of
# an n-m bead (embedding / dictionary coverage) in the score, the cosine of translation-stem vectors, a cost
# per bead, coverage scaled by the length factor, embedding the joined text of runs instead of summing
# per-sentence token features, and the evidence terms scaled by the bead's size.

#: hand weights without embeddings (superseded by LINEAR_LEX below, kept as the perceptron's starting point)
W_LEXICAL_ALONE = 1.0
W_LENGTH_ALONE = 0.05


_EN_OPEN_QUOTE = re.compile(r"(?:^|(?<=[\s(\[—-]))['‘“\"](?=\w)")


def _final_mark(text: str) -> int:
    """1 for a question, 2 for an exclamation, 0 otherwise (closing quotes and brackets ignored)."""
    t = text.rstrip().rstrip("'’”\"」』)）]… ")
    if t.endswith(("?", "？")):
        return 1
    if t.endswith(("!", "！")):
        return 2
    return 0


_CLOSERS = "'\"’”」』）)]"
_ENDS_TEXT = ".!?。！？…;；:：,，、"
_DASHES = "—–-"
#: a line ending in a dash is a dateline ("Chongqing, 8 Jan (Xinhua) —") when it is this short
DATELINE_MAX = 40


#: a credit line: "Reporting by Li Ming; editing by Zhang Wei." / "(Additional reporting by ...)" /
#: "（记者 李明）" / "责任编辑：张伟"; it ends with a full stop, but it is a line of its own like a byline
_CREDIT_LINE = re.compile(r"^[(\[（【]?\s*(?:(?:(?:additional\s+)?reporting|writing|editing|edited|written|compiled|"
                          r"translated|photos?)\s+by\s|(?:记者|编辑|责任编辑|通讯员|撰稿|翻译|摄影|实习生)\s*[：:\s])",
                          re.IGNORECASE)


def is_title_like(text: str) -> bool:
    """A headline, byline, dateline or other one-line paragraph: no sentence-final punctuation or comma
    before its closing quotes (a short line ending in a bare dash is a dateline; a dash inside quotes is
    interrupted speech), or a credit line (reporting / editing by ..., 记者 / 编辑 ...) whatever its end.
    Translators keep such lines apart from the body text."""
    t = text.strip()
    if _CREDIT_LINE.match(t):
        return True
    core = t.rstrip(_CLOSERS + " \u3000")
    if not core or core[-1] in _ENDS_TEXT:
        return False
    if core[-1] in _DASHES:
        return core == t and len(t) <= DATELINE_MAX
    return True


def _title_flags(texts: Sequence[str]) -> np.ndarray:
    """1.0 for each title-like sentence, where such lines stand out: on a side where most sentences end with
    punctuation (not in subtitle cues, verse or lists, where a line without a final mark is ordinary)."""
    flags = np.array([is_title_like(t) for t in texts], dtype=np.float64)
    return flags if flags.sum() * TITLE_SHARE_MAX <= len(texts) else np.zeros(len(texts))


#: title-like lines count as headlines only on a side where at most 1 / TITLE_SHARE_MAX of the sentences are
TITLE_SHARE_MAX = 4


#: a sentence that opens with its dateline: "新华社重庆1月8日电 ..." / "Chongqing, 8 Jan (Xinhua) -- ..."
_OPENS_WITH_DATELINE = re.compile(r"^(?:\S.{0,30}?日电|(?=[^—–]{0,40}\d).{2,40}?\s[—–-]{1,2}\s)")


def opens_with_dateline(text: str) -> bool:
    """The sentence starts with a dateline run into it (what the other side may have as a line of its own)."""
    return bool(_OPENS_WITH_DATELINE.match(text.strip()))


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
                 timings: dict | None = None, max_run: int = MAX_RUN) -> None:
        import time

        self.n, self.m = len(src), len(tgt)
        self.src = [clean_chinese(s) for s in src]
        self.tgt = list(tgt)
        self.ratio = ratio
        self.zl = np.array([text_length(s) for s in self.src], dtype=np.float64)
        self.el = np.array([text_length(t) for t in self.tgt], dtype=np.float64)
        # question and exclamation marks: translators keep them, and they sit on the sentence boundaries
        self.zq = np.array([[t.count("？") + t.count("?"), t.count("！") + t.count("!")] for t in self.src],
                           dtype=np.float64).reshape(-1, 2)
        self.eq = np.array([[t.count("?"), t.count("!")] for t in self.tgt], dtype=np.float64).reshape(-1, 2)
        # does the sentence close a quotation? (dialogue: both sides of a bead end inside or outside a quote)
        self.zclose = np.array([t.rstrip().endswith(("”", "」", "\"", "’", "』")) for t in self.src], dtype=np.float64)
        self.eclose = np.array([t.rstrip().endswith(("'", "’", "”", "\"")) for t in self.tgt], dtype=np.float64)
        self.zopen = np.array([t.count("“") + t.count("「") for t in self.src], dtype=np.float64)
        self.eopen = np.array([len(_EN_OPEN_QUOTE.findall(t)) for t in self.tgt], dtype=np.float64)
        self.zend = np.array([_final_mark(t) for t in self.src], dtype=np.float64)
        self.eend = np.array([_final_mark(t) for t in self.tgt], dtype=np.float64)
        self.ztitle = _title_flags(self.src)
        self.etitle = _title_flags(self.tgt)
        self.ctz = np.concatenate([[0.0], np.cumsum(self.ztitle)])
        self.cte = np.concatenate([[0.0], np.cumsum(self.etitle)])
        # a dateline line on one side may join the lead when the other side runs it into its first sentence
        self.zdate = np.array([opens_with_dateline(t) for t in self.src], dtype=np.float64)
        self.edate = np.array([opens_with_dateline(t) for t in self.tgt], dtype=np.float64)
        self.czo = np.concatenate([[0.0], np.cumsum(self.zopen)])
        self.ceo = np.concatenate([[0.0], np.cumsum(self.eopen)])
        self.czq = np.concatenate([np.zeros((1, 2)), np.cumsum(self.zq, axis=0)])
        self.ceq = np.concatenate([np.zeros((1, 2)), np.cumsum(self.eq, axis=0)])
        self.czl = np.concatenate([[0.0], np.cumsum(self.zl)])
        self.cel = np.concatenate([[0.0], np.cumsum(self.el)])
        t0 = time.perf_counter()
        self.lexicon = lexicon
        if lexicon is not None:
            self.zh_tok = lexicon.zh_tokens_many(self.src)
            self.en_tok = [lexicon.en_tokens(t) for t in self.tgt]
            if USE_IDF:
                from collections import Counter

                zdf = Counter(w for toks in self.zh_tok for w in {t.word for t in toks})
                edf = Counter(w for toks in self.en_tok for w in set(toks))
                zn, en_ = max(self.n, 1), max(self.m, 1)
                self.zh_w = [np.array([math.log(1 + zn / zdf[t.word]) for t in toks]) for toks in self.zh_tok]
                self.en_w = [np.array([math.log(1 + en_ / edf[t]) for t in toks]) for toks in self.en_tok]
            else:
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
            # runs as long as a bead type has on that side (4 source, 5 target sentences)
            self.ez = encoder.run_embeddings(zs, zc, min(max_run, max(a for a, _ in BEAD_TYPES)))
            self.ee = encoder.run_embeddings(es, ec, min(max_run, max(b for _, b in BEAD_TYPES)))
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
    def pair_window(self, band: Band) -> PairBand:
        """The sentence pairs a bead in `band` can contain, without their lexical matches (what `margins` reads)."""
        n, lo, W = self.n, band.lo, band.width
        idx = np.arange(n)
        plo = lo[np.clip(idx - (MAX_RUN - 1), 0, n)]
        phi = lo[np.clip(idx + MAX_RUN, 0, n)] + W
        width = int((phi - plo).max()) if n else 1
        return PairBand(plo, width, None, None)

    def pair_band(self, band: Band) -> PairBand:
        """Lexical matches of every sentence pair a bead in `band` can contain."""
        n = self.n
        window = self.pair_window(band)
        plo, width = window.plo, window.width
        phi = band.lo[np.clip(np.arange(n) + MAX_RUN, 0, n)] + band.width
        zm = np.zeros((n, width))
        em = np.zeros((n, width))
        if self.lexicon is not None:
            # the weights as Python floats (the same sums, in the same order, as over numpy scalars: a few
            # times quicker), each sentence's words with their weights listed once
            en_sets = [frozenset(t) for t in self.en_tok]
            en_pairs = [list(zip(t, w.tolist())) for t, w in zip(self.en_tok, self.en_w)]
            for i in range(n):
                toks = self.zh_tok[i]
                if not toks:
                    continue
                union = frozenset().union(*(t.translations for t in toks))
                zh_pairs = list(zip([t.translations for t in toks], self.zh_w[i].tolist()))
                p0 = int(plo[i])
                for j in range(p0, min(self.m, int(phi[i]))):
                    common = union & en_sets[j]
                    if not common:
                        continue
                    zm[i, j - p0] = sum(w for tr, w in zh_pairs if not tr.isdisjoint(common))
                    em[i, j - p0] = sum(w for t, w in en_pairs[j] if t in common)
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
    feats: dict[str, np.ndarray]


def _run_vs_sentence_min(sides: Sides, i0c, j0c, a: int, b: int, shape) -> tuple[np.ndarray, np.ndarray]:
    """For a bead, the lowest similarity of one of its sentences with the other side's whole run
    (a sentence that does not belong lowers it), for the source and the target side."""
    n1 = len(sides.ez[0])
    m1 = len(sides.ee[0])
    ez_run, ee_run = sides.ez[a - 1], sides.ee[b - 1]
    zmin = np.full(shape, 1.0)
    emin = np.full(shape, 1.0)
    if a > 1:
        for di in range(a):
            zi = np.clip(i0c + di, 0, n1 - 1)
            zmin = np.minimum(zmin, _rowdot(sides.ez[0], zi, ee_run, np.clip(j0c, 0, len(ee_run) - 1)))
    if b > 1:
        for dj in range(b):
            ej = np.clip(j0c + dj, 0, m1 - 1)
            emin = np.minimum(emin, _rowdot(ez_run, np.clip(i0c, 0, len(ez_run) - 1), sides.ee[0], ej))
    return zmin, emin


def _rowdot(A: np.ndarray, ia: np.ndarray, B: np.ndarray, ib: np.ndarray) -> np.ndarray:
    """A[ia] · B[ib] elementwise over index arrays of one shape, computed block by block of rows."""
    ia, ib = np.broadcast_arrays(ia, ib)
    out = np.zeros(ia.shape)
    blk = 128
    for q0 in range(0, ia.shape[0], blk):
        q1 = min(ia.shape[0], q0 + blk)
        ra = ia[q0:q1]
        rb = ib[q0:q1]
        if ra.size == 0:
            continue
        amin, amax = int(ra.min()), int(ra.max()) + 1
        bmin, bmax = int(rb.min()), int(rb.max()) + 1
        sims = A[amin:amax] @ B[bmin:bmax].T
        out[q0:q1] = sims[ra - amin, rb - bmin]
    return out


def ratio_at(sides: Sides, rows: np.ndarray):
    """English characters per Chinese character at DP rows `rows`: the document's ratio, or the local one
    when `sides.local_ratio` holds one per row."""
    local = getattr(sides, "local_ratio", None)
    return sides.ratio if local is None else local[np.clip(rows, 0, len(local) - 1)]


def local_ratio(sides: Sides, anchors: Sequence[tuple[int, int]], half: int) -> np.ndarray:
    """English characters per Chinese character around each DP row: over the source sentences within `half`
    rows and the target sentences the 1-1 anchors put opposite them (a book joins chapters by different
    translators, and one ratio for all of it misjudges the lengths of every bead)."""
    n, m = sides.n, sides.m
    ai = np.array([0] + [i for i, _ in anchors] + [n], dtype=np.float64)
    aj = np.array([0] + [j for _, j in anchors] + [m], dtype=np.float64)
    r = np.arange(n + 1)
    r0, r1 = np.clip(r - half, 0, n), np.clip(r + half, 0, n)
    j0 = np.clip(np.interp(r0, ai, aj).astype(np.int64), 0, m)
    j1 = np.clip(np.interp(r1, ai, aj).astype(np.int64), 0, m)
    zl = sides.czl[r1] - sides.czl[r0]
    el = sides.cel[j1] - sides.cel[j0]
    return np.where((zl > 0) & (el > 0), el / np.maximum(zl, 1e-9), sides.ratio)


def bead_terms(sides: Sides, band: Band, pb: PairBand, margins, a: int, b: int,
               rows: tuple[int, int] | None = None) -> TermArrays:
    """Compute the score terms of every (a, b) bead that fits the band, ending in DP rows r0..r1-1
    (all rows by default; long texts go block by block to keep memory flat)."""
    n, m, lo, W = band.n, band.m, band.lo, band.width
    r0, r1 = rows if rows is not None else (0, n + 1)
    r = np.arange(r0, r1)[:, None]
    j = lo[r0:r1, None] + np.arange(W)[None, :]
    i0, j0 = r - a, j - b
    pw = j0 - lo[np.clip(i0, 0, n)]
    valid = (i0 >= 0) & (j0 >= 0) & (j <= m) & (pw >= 0) & (pw < W)
    feats: dict[str, np.ndarray] = {}
    if not (a and b):
        # the length of the skipped sentence, in Chinese characters (English ones divided by the ratio)
        if a:
            feats["skip_len"] = np.broadcast_to(sides.zl[np.clip(r - 1, 0, max(sides.n - 1, 0))], j.shape) \
                if sides.n else np.zeros(j.shape)
        else:
            feats["skip_len"] = sides.el[np.clip(j - 1, 0, max(sides.m - 1, 0))] / ratio_at(sides, r) \
                if sides.m else np.zeros(j.shape)
        return TermArrays(valid, feats)
    if a > sides.n or b > sides.m or not valid.any():
        return TermArrays(np.zeros_like(valid), feats)
    i0c, j0c = np.clip(i0, 0, n), np.clip(j0, 0, m)
    rc, jc = np.broadcast_to(r, j.shape), np.clip(j, 0, m)
    lz = sides.czl[rc] - sides.czl[i0c]
    le = sides.cel[jc] - sides.cel[j0c]
    c = ratio_at(sides, rc)
    delta = np.abs(le - c * lz) / np.sqrt(np.maximum(lz, 1.0) * LENGTH_VARIANCE)
    feats["length"] = log_erfc(delta / math.sqrt(2))
    lo_, hi_ = np.minimum(lz, le / c), np.maximum(lz, le / c)
    feats["len_factor"] = np.log2(1.0 + lo_ / np.maximum(hi_, 1e-9))
    dq = (sides.czq[rc] - sides.czq[i0c]) - (sides.ceq[jc] - sides.ceq[j0c])
    feats["punct"] = -np.abs(dq).sum(axis=-1)
    last_z = sides.zclose[np.clip(rc - 1, 0, max(sides.n - 1, 0))] if sides.n else np.zeros(j.shape)
    last_e = sides.eclose[np.clip(jc - 1, 0, max(sides.m - 1, 0))] if sides.m else np.zeros(j.shape)
    feats["quote"] = -np.abs(last_z - last_e)
    end_z = sides.zend[np.clip(rc - 1, 0, max(sides.n - 1, 0))] if sides.n else np.zeros(j.shape)
    end_e = sides.eend[np.clip(jc - 1, 0, max(sides.m - 1, 0))] if sides.m else np.zeros(j.shape)
    feats["endmark"] = -(end_z != end_e).astype(np.float64)
    # headlines and other one-line paragraphs joined with other sentences on their side
    # (not counted: a first sentence that is a dateline when the other side's first sentence opens with one)
    title = np.zeros(j.shape)
    if a > 1:
        first = sides.ztitle[np.clip(i0c, 0, sides.n - 1)] * sides.edate[np.clip(j0c, 0, max(sides.m - 1, 0))]
        title -= sides.ctz[rc] - sides.ctz[i0c] - first
    if b > 1:
        first = sides.etitle[np.clip(j0c, 0, sides.m - 1)] * sides.zdate[np.clip(i0c, 0, max(sides.n - 1, 0))]
        title -= sides.cte[jc] - sides.cte[j0c] - first
    feats["title"] = title
    feats["qopen"] = -np.abs((sides.czo[rc] - sides.czo[i0c]) - (sides.ceo[jc] - sides.ceo[j0c]))
    if sides.ez is not None:
        ez, ee = sides.ez[a - 1], sides.ee[b - 1]
        cos = _rowdot(ez, np.clip(i0c, 0, len(ez) - 1), ee, np.clip(j0c, 0, len(ee) - 1))
        bz, be = margins
        cbz = np.concatenate([[0.0], np.cumsum(bz)])
        cbe = np.concatenate([[0.0], np.cumsum(be)])
        margin = ((cbz[rc] - cbz[i0c]) / a + (cbe[jc] - cbe[j0c]) / b) / 2
        feats["cos"] = cos
        feats["margin"] = margin
        zmin, emin = _run_vs_sentence_min(sides, i0c, j0c, a, b, j.shape)
        feats["zmin"] = zmin - margin
        feats["emin"] = emin - margin
    if sides.lexicon is not None:
        zh_m = np.zeros(j.shape)
        zfrac_min = np.ones(j.shape)
        for di in range(a):
            ii = i0 + di
            tot = np.zeros(j.shape)
            for dj in range(b):
                tot += _gather_pair(pb.zh_matched, pb, ii, j0 + dj)
            nzi = sides.nz[np.clip(ii, 0, max(n - 1, 0))]
            got = np.minimum(tot, nzi)
            zh_m += got
            if a > 1:
                zfrac_min = np.minimum(zfrac_min, np.where(nzi > 0, got / np.maximum(nzi, 1e-9), 0.5))
        en_m = np.zeros(j.shape)
        efrac_min = np.ones(j.shape)
        for dj in range(b):
            jj = j0 + dj
            tot = np.zeros(j.shape)
            for di in range(a):
                tot += _gather_pair(pb.en_matched, pb, i0 + di, jj)
            nej = sides.ne[np.clip(jj, 0, max(m - 1, 0))]
            got = np.minimum(tot, nej)
            en_m += got
            if b > 1:
                efrac_min = np.minimum(efrac_min, np.where(nej > 0, got / np.maximum(nej, 1e-9), 0.5))
        cnz = np.concatenate([[0.0], np.cumsum(sides.nz)])
        cne = np.concatenate([[0.0], np.cumsum(sides.ne)])
        total = (cnz[rc] - cnz[i0c]) + (cne[jc] - cne[j0c])
        feats["coverage"] = np.where(total > 0, (zh_m + en_m) / np.maximum(total, 1e-9), 0.0)
        feats["zfrac_min"] = zfrac_min
        feats["efrac_min"] = efrac_min
    return TermArrays(valid, feats)


def combine(terms: TermArrays, a: int, b: int, with_embeddings: bool) -> np.ndarray:
    """Weighted sum of the terms (NEG where the bead does not fit)."""
    prior = W_PRIOR * math.log(TYPE_PRIOR[(a, b)])
    if not (a and b):
        linear = LINEAR_EMB if with_embeddings else LINEAR_LEX
        if linear is not None:
            return np.where(terms.valid, linear["bias"][(a, b)], NEG)
        s = np.full(terms.valid.shape, SKIP_SCORE + prior)
        if W_SKIP_LENGTH and "skip_len" in terms.feats:
            s = s + W_SKIP_LENGTH * np.minimum(terms.feats["skip_len"] / SKIP_LENGTH_FULL, 1.0)
        return np.where(terms.valid, s, NEG)
    f = terms.feats
    if not f:
        return np.full(terms.valid.shape, NEG)
    linear = LINEAR_EMB if with_embeddings else LINEAR_LEX
    if linear is not None:
        s = linear["bias"][(a, b)]
        for name, x in linear_inputs(f, a, b, with_embeddings).items():
            s = s + linear["w"].get(name, 0.0) * x
        return np.where(terms.valid, s, NEG)
    if with_embeddings:
        cm = f["cos"] - MARGIN_WEIGHT * f["margin"]
        s = cm * f["len_factor"] + W_LENGTH * f["length"] + prior + W_PUNCT * f["punct"] \
            + W_QUOTE * f["quote"] + W_QOPEN * f["qopen"] + W_ENDMARK * f["endmark"] + W_TITLE * f["title"]
        if "coverage" in f:
            s = s + W_LEXICAL * f["coverage"]
    else:
        s = W_LEXICAL_ALONE * f.get("coverage", 0.0) * f["len_factor"] + W_LENGTH_ALONE * f["length"] + prior
    return np.where(terms.valid, s, NEG)


def linear_inputs(f: dict[str, np.ndarray], a: int, b: int, with_embeddings: bool) -> dict[str, np.ndarray]:
    """The inputs of the linear bead score (a weighted sum plus one bias per bead type)."""
    out = {"length": f["length"], "len_factor": f["len_factor"], "punct": f["punct"], "quote": f["quote"],
           "qopen": f["qopen"], "endmark": f["endmark"], "title": f["title"]}
    if with_embeddings and "cos" in f:
        cm = f["cos"] - f["margin"]
        out["cm_lf"] = cm * f["len_factor"]
        out["cm"] = cm
        out["weakest"] = (np.minimum(f["zmin"] if a > 1 else cm, f["emin"] if b > 1 else cm) - cm) \
            if (a > 1 or b > 1) else np.zeros_like(cm)
    if "coverage" in f:
        out["coverage"] = f["coverage"]
        out["cov_lf"] = f["coverage"] * f["len_factor"]
        out["covmin"] = (np.minimum(f["zfrac_min"], f["efrac_min"]) - 1.0) if (a > 1 or b > 1) \
            else np.zeros_like(f["coverage"])
    return out


def hand_linear(with_embeddings: bool) -> dict:
    """The hand-set weights written as a linear model (the perceptron's starting point)."""
    bias = {t: W_PRIOR * math.log(TYPE_PRIOR[t]) for t in BEAD_TYPES}
    bias[(1, 0)] += SKIP_SCORE
    bias[(0, 1)] += SKIP_SCORE
    if with_embeddings:
        w = {"cm_lf": 1.0, "length": W_LENGTH, "coverage": W_LEXICAL}
    else:
        w = {"cov_lf": W_LEXICAL_ALONE, "length": W_LENGTH_ALONE}
    return {"w": w, "bias": bias}


#: linear bead scores fitted by tests/benchmarks/fit_weights.py --perceptron; None: the hand weights above
LINEAR_EMB: dict | None = None
#: the dialogue cues were added after the fit, with the weights of the embedding mode
LEX_QUOTE, LEX_QOPEN, LEX_ENDMARK = 0.15, 0.08, 0.02
#: fitted on MAC-dev (15 epochs, lr 0.0002): leave-one-chapter-out strict F1 per chapter
#: 0.949 0.522 0.739 0.895 0.913 0.837 (hand weights: 0.950 0.434 0.698 0.852 0.839 0.766)
LINEAR_LEX: dict | None = {
    'w': {'cov_lf': 0.9859, 'coverage': -0.0096, 'covmin': 0.0466, 'len_factor': -0.044, 'length': 0.0339,
          'punct': 0.0644, 'quote': LEX_QUOTE, 'qopen': LEX_QOPEN, 'endmark': LEX_ENDMARK, 'title': 1.0},
    'bias': {(0, 1): -0.3228, (1, 0): -0.3084, (1, 1): 0.0044, (1, 2): -0.0169, (1, 3): -0.0671, (1, 4): -0.0989,
             (2, 1): -0.0586, (2, 2): -0.0872, (2, 3): -0.1075, (3, 1): -0.0931, (3, 2): -0.1176, (4, 1): -0.1168,
             (1, 5): -0.13}}   # 1-5 added after the fit: extrapolated from 1-3, 1-4
