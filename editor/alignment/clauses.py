"""A second pass over the best path: move a target sentence across the boundary of two adjacent beads when
it matches the clauses at the end of one source sentence clearly better than those at the start of the next.

A long Chinese sentence is often translated by several English sentences, split at its clause commas; the
bead scores see each Chinese sentence whole, so the English sentence on the boundary between two such beads
can land on the wrong side. Here each Chinese sentence is cut at clause punctuation (，；： and their ASCII
forms), and the boundary sentence is compared (embedding cosine; without embeddings, the cosine of hashed
dictionary translations) with the best clause suffix of the left sentence and the best clause prefix of the
right one.
"""

from __future__ import annotations

import re
import zlib
from typing import Callable, Sequence

import numpy as np

# A move is made when  clause evidence + SCORE_WEIGHT * (change of the two beads' scores) > CLAUSE_MOVE_MARGIN,
# where the clause evidence is how much better (cosine) the boundary sentence matches the other bead's clauses.
# The two global weights were chosen on a grid on MAC-dev (margin 0..0.22, weight 0..0.5); the middle of the
# plateau is used (MAC-dev strict F1 0.912 -> 0.930). Leave-one-chapter-out strict F1 (grid fitted on five
# chapters, tested on the sixth), per chapter: 0.964 0.863 0.888 0.960 0.924 0.944, pooled 0.923 (pass off:
# 0.971 0.834 0.884 0.950 0.915 0.915, pooled 0.912); with the margin alone (no score weight) it was 0.914.
# Measured and dropped: a single round (0.928), only between beads with one source sentence each (0.922), and
# the same idea for crossing 1-1 + 1-1 vs 2-2 (a clause of one sentence translated with the next): no signal;
# the mirror move (a Chinese sentence across a boundary, by the English clauses cut at , ; : —): 0.929.
#: the evidence needed before a boundary sentence is moved (None: the pass is off)
CLAUSE_MOVE_MARGIN: float | None = 0.06
#: how much the change in the two beads' own scores counts against (or for) the clause evidence
SCORE_WEIGHT = 0.4
#: rounds of the pass at most (a move can open the way for the next one; in practice two rounds settle it)
ROUNDS = 5
#: the same without embeddings (mode "fast"): cosines of hashed dictionary-translation vectors instead of
#: sentence embeddings. Grid on MAC-dev (margin -0.05..0.3, weight 0..3): strict F1 0.842 -> 0.856;
#: leave-one-chapter-out per chapter 0.952 0.664 0.784 0.922 0.897 0.901, pooled 0.851 (off: 0.949 0.659
#: 0.793 0.922 0.887 0.842, pooled 0.842)
LEX_CLAUSE_MOVE_MARGIN: float | None = 0.0
LEX_SCORE_WEIGHT = 1.0

_CLAUSE_END = re.compile(r"(?<=[，；：,;:])")

PathT = list[tuple[int, int, int, int, float]]


def clauses(text: str) -> list[str]:
    """The clauses of a Chinese sentence, each keeping its closing punctuation."""
    return [c for c in _CLAUSE_END.split(text) if c.strip()] or [text]


class _HashedClauses:
    """The encoder's interface over dictionary translations (hashed stem vectors, as `Sides._hashed`), for
    the pass without embeddings."""

    def __init__(self, lexicon, dim: int = 1024) -> None:
        self.lexicon, self.dim = lexicon, dim

    def pooled(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        out = np.zeros((len(texts), self.dim), np.float32)
        for i, tokens in enumerate(self.lexicon.zh_tokens_many(texts)):   # all clauses' words in one look-up
            for tok in tokens:
                share = 1.0 / len(tok.translations)
                for s in tok.translations:
                    out[i, zlib.crc32(s.encode()) % self.dim] += share
        return out, np.ones(len(texts), np.float32)

    @staticmethod
    def head(sums: np.ndarray, counts: np.ndarray) -> np.ndarray:
        return sums / np.maximum(np.linalg.norm(sums, axis=1, keepdims=True), 1e-6)


def _edge_embeddings(enc, sides, rows: list[int]) -> dict[int, tuple[np.ndarray, np.ndarray]]:
    """For each source sentence in `rows`: unit embeddings of its clause prefixes and of its clause suffixes
    (both include the whole sentence)."""
    parts = {i: clauses(sides.src[i]) for i in rows}
    flat = [c for i in rows for c in parts[i]]
    sums, counts = enc.pooled(flat)
    pre_s, pre_c, suf_s, suf_c, spans = [], [], [], [], {}
    k = 0
    for i in rows:
        q = len(parts[i])
        s, c = sums[k:k + q].astype(np.float64), counts[k:k + q].astype(np.float64)
        k += q
        cs, cc = np.cumsum(s, axis=0), np.cumsum(c)
        start = len(pre_s)
        pre_s.extend(cs)
        pre_c.extend(cc)
        suf_s.extend(cs[-1] - np.concatenate([np.zeros((1, s.shape[1])), cs[:-1]]))
        suf_c.extend(cc[-1] - np.concatenate([[0.0], cc[:-1]]))
        spans[i] = (start, start + q)
    pre = enc.head(np.asarray(pre_s, np.float32), np.asarray(pre_c, np.float32))
    suf = enc.head(np.asarray(suf_s, np.float32), np.asarray(suf_c, np.float32))
    return {i: (pre[a:b], suf[a:b]) for i, (a, b) in spans.items()}


def refine_boundaries(path: PathT, sides, fits: Callable[[int, int, int, int], float | None],
                      margin: float | None = None) -> PathT:
    """Return `path` with boundary target sentences moved between adjacent beads where the clauses of the
    source sentences on either side of the boundary say so; repeated until nothing moves (at most ROUNDS).

    `fits(s0, s1, t0, t1)` gives the score of a candidate bead, or None if the engine cannot make it;
    `margin` defaults to CLAUSE_MOVE_MARGIN (None there: the pass is off)."""
    if sides.ez is not None:
        enc, ee, weight = sides.encoder, sides.ee[0], SCORE_WEIGHT
        margin = CLAUSE_MOVE_MARGIN if margin is None else margin
    elif sides.lexicon is not None:
        enc, ee, weight = _HashedClauses(sides.lexicon), sides._hashed()[1], LEX_SCORE_WEIGHT
        margin = LEX_CLAUSE_MOVE_MARGIN if margin is None else margin
    else:
        return path
    if margin is None:
        return path
    edges: dict[int, tuple[np.ndarray, np.ndarray]] = {}
    for _ in range(ROUNDS):
        new = _one_round(path, sides, enc, ee, weight, fits, margin, edges)
        if new == path:
            break
        path = new
    return path


def _one_round(path: PathT, sides, enc, ee, weight: float, fits, margin: float, edges: dict) -> PathT:
    cands = []
    for k in range(len(path) - 1):
        (ls0, ls1, lt0, lt1, _), (rs0, rs1, rt0, rt1, _) = path[k], path[k + 1]
        if ls1 - ls0 >= 1 and rs1 - rs0 >= 1 and lt1 > lt0 and rt1 > rt0 and (lt1 - lt0 >= 2 or rt1 - rt0 >= 2):
            cands.append(k)
    if not cands:
        return path
    need = ({path[k][1] - 1 for k in cands} | {path[k + 1][0] for k in cands}) - edges.keys()
    if need:
        edges.update(_edge_embeddings(enc, sides, sorted(need)))
    moves = []
    for k in cands:
        (ls0, ls1, lt0, lt1, _), (rs0, rs1, rt0, rt1, _) = path[k], path[k + 1]
        suf_left, pre_right = edges[ls1 - 1][1], edges[rs0][0]
        if lt1 - lt0 >= 2:      # the left bead's last target sentence goes right?
            e = ee[lt1 - 1]
            d = float((pre_right @ e).max() - (suf_left @ e).max())
            moves.append((d, k, (ls0, ls1, lt0, lt1 - 1), (rs0, rs1, rt0 - 1, rt1)))
        if rt1 - rt0 >= 2:      # the right bead's first target sentence goes left?
            e = ee[rt0]
            d = float((suf_left @ e).max() - (pre_right @ e).max())
            moves.append((d, k, (ls0, ls1, lt0, lt1 + 1), (rs0, rs1, rt0 + 1, rt1)))
    ranked = []
    for d, k, left, right in moves:
        gl, gr = fits(*left), fits(*right)
        if gl is not None and gr is not None:
            d += weight * (gl + gr - path[k][4] - path[k + 1][4])
            ranked.append((d, k, (*left, gl), (*right, gr)))
    out = list(path)
    touched: set[int] = set()
    for d, k, left, right in sorted(ranked, reverse=True):
        if d <= margin:
            break
        if k in touched or k + 1 in touched:
            continue
        out[k], out[k + 1] = left, right
        touched.update((k, k + 1))
    return out
