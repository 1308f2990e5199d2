"""The search: 1-1 anchors from a similarity matrix, a band around them, and a banded DP over bead types.

All functions are numpy-vectorised per row, so time grows linearly with the document length.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np

from editor.errors import AlignmentCancelled

NEG = -1e9


def best_chain(cands: Sequence[tuple[int, int, float]], m: int) -> list[tuple[int, int]]:
    """Return the strictly increasing (i, j) chain of candidate pairs with the largest total weight.

    `cands` must be sorted by i. A Fenwick tree over j gives prefix maxima: O(K log m).
    """
    size = m + 1
    tree_val = [0.0] * (size + 1)
    tree_arg = [-1] * (size + 1)
    back: list[int] = []
    best_total, best_end = 0.0, -1
    k = 0
    cands = list(cands)
    while k < len(cands):
        i = cands[k][0]
        row_end = k
        while row_end < len(cands) and cands[row_end][0] == i:
            row_end += 1
        updates = []
        for idx in range(k, row_end):
            _, j, w = cands[idx]
            # query prefix max over columns < j (tree positions 1..j)
            pos, val, arg = j, 0.0, -1
            while pos > 0:
                if tree_val[pos] > val:
                    val, arg = tree_val[pos], tree_arg[pos]
                pos -= pos & -pos
            total = val + w
            back.append(arg)
            updates.append((j, total, idx))
            if total > best_total:
                best_total, best_end = total, idx
        for j, total, idx in updates:
            pos = j + 1
            while pos <= size:
                if total > tree_val[pos]:
                    tree_val[pos], tree_arg[pos] = total, idx
                pos += pos & -pos
        k = row_end
    chain = []
    idx = best_end
    while idx >= 0:
        chain.append((cands[idx][0], cands[idx][1]))
        idx = back[idx]
    chain.reverse()
    return chain


def top_k_candidates(sim_rows: Callable[[int, int, int, int], np.ndarray], n: int, m: int,
                     half_width: int, k: int = 3, block: int = 256,
                     should_stop: Callable[[], bool] | None = None) -> list[tuple[int, int, float]]:
    """For each source sentence, the k best target sentences inside a diagonal band, as (i, j, sim)."""
    out: list[tuple[int, int, float]] = []
    for r0 in range(0, n, block):
        if should_stop is not None and should_stop():
            raise AlignmentCancelled()
        r1 = min(n, r0 + block)
        c0 = max(0, int(r0 * m / max(n, 1)) - half_width)
        c1 = min(m, int(r1 * m / max(n, 1)) + half_width + 1)
        if c1 <= c0:
            continue
        sims = sim_rows(r0, r1, c0, c1)
        cols = np.arange(c0, c1)
        for r in range(r0, r1):
            centre = r * m / max(n, 1)
            row = np.where(np.abs(cols - centre) <= half_width, sims[r - r0], -np.inf)
            kk = min(k, len(row))
            top = np.argpartition(-row, kk - 1)[:kk]
            for t in sorted(top, key=lambda t: -row[t]):
                if np.isfinite(row[t]):
                    out.append((r, int(c0 + t), float(row[t])))
    return out


@dataclass
class Band:
    """Allowed columns of each DP row r (0..n): lo[r] .. lo[r] + width - 1, clipped to 0..m."""
    lo: np.ndarray
    width: int
    n: int
    m: int


def band_from_anchors(anchors: Sequence[tuple[int, int]], n: int, m: int, slack: int = 5,
                      max_width: int = 400) -> Band:
    """Band of DP nodes around the path through 1-1 anchors (i, j): row r may use columns from the column of
    the last anchor node above it - slack to the column of the first anchor node below it + slack."""
    nodes = [(0, 0)]
    for i, j in anchors:
        for node in ((i, j), (i + 1, j + 1)):
            if node[0] >= nodes[-1][0] and node[1] >= nodes[-1][1] and node != nodes[-1] \
                    and node[0] <= n and node[1] <= m:
                nodes.append(node)
    if nodes[-1] != (n, m):
        nodes.append((n, m))
    rows = np.array([nd[0] for nd in nodes])
    cols_ = np.array([nd[1] for nd in nodes])
    r = np.arange(n + 1)
    k_prev = np.searchsorted(rows, r, side="left") - 1          # last node with row < r
    k_next = np.searchsorted(rows, r, side="right")             # first node with row > r
    k_prev = np.clip(k_prev, 0, len(nodes) - 1)
    k_next = np.clip(k_next, 0, len(nodes) - 1)
    a = cols_[k_prev] - slack
    b = cols_[k_next] + slack
    wide = b - a + 1 > max_width
    if wide.any():
        span = np.maximum(rows[k_next] - rows[k_prev], 1)
        centre = cols_[k_prev] + (cols_[k_next] - cols_[k_prev]) * (r - rows[k_prev]) / span
        a = np.where(wide, (centre - max_width // 2).astype(np.int64), a)
        b = np.where(wide, (centre + max_width // 2).astype(np.int64), b)
    lo = np.clip(a, 0, m).astype(np.int64)
    hi = np.clip(b, 0, m).astype(np.int64)
    # monotone bounds keep every path between rows connected
    lo = np.minimum.accumulate(lo[::-1])[::-1]
    hi = np.maximum.accumulate(hi)
    lo[0], hi[n] = 0, m
    lo = np.minimum(lo, hi)
    width = int((hi - lo).max()) + 1
    return Band(lo, width, n, m)


def diagonal_band(n: int, m: int, half_width: int) -> Band:
    """A band of the given half-width around the straight diagonal."""
    r = np.arange(n + 1)
    centre = r * m / max(n, 1)
    lo = np.clip((centre - half_width).astype(np.int64), 0, m)
    hi = np.clip((centre + half_width).astype(np.int64) + 1, 0, m)
    lo[0], hi[n] = 0, m
    lo = np.minimum.accumulate(lo[::-1])[::-1]
    hi = np.maximum.accumulate(hi)
    # each row reaches the next row's first column, so a steep diagonal (1 sentence against 400) stays
    # connected: the path walks along a row by insertions to where the next row begins
    hi[:-1] = np.maximum(hi[:-1], lo[1:])
    return Band(lo, int((hi - lo).max()) + 1, n, m)


def banded_dp(band: Band, bead_types: Sequence[tuple[int, int]], scores: Sequence[np.ndarray],
              should_stop: Callable[[], bool] | None = None,
              progress: Callable[[float], None] | None = None,
              gap_open: float = 0.0) -> list[tuple[int, int, int, int, float]]:
    """Maximise the summed bead scores over monotone paths from (0, 0) to (n, m) inside `band`.

    scores[t][r, w] is the score of a bead of type bead_types[t] = (a, b) ending at node (r, lo[r] + w)
    (source r-a..r-1, target j-b..j-1); NEG where not allowed. Returns beads as (src_start, src_end,
    tgt_start, tgt_end, gain).

    Skips are runs (affine gaps): a run of consecutive 1-0 beads (sentences of one source stretch without
    counterpart), or of consecutive 0-1 beads, scores `gap_open` (<= 0) once plus each skipped sentence's own
    1-0 / 0-1 score, so an omitted paragraph is one event rather than one penalty per sentence. The gain of
    the first bead of a run includes `gap_open`.
    """
    n, m, lo, W = band.n, band.m, band.lo, band.width
    lol = lo.tolist()
    D = np.full((n + 1, W), NEG, dtype=np.float64)
    B = np.full((n + 1, W), -1, dtype=np.int8)          # the bead type that ends a best path at the node
    Bb = np.full((n + 1, W), -1, dtype=np.int8)         # the same among paths not ending in a 0-1 run
    Ist = np.zeros((n + 1, W), dtype=np.int32)          # where the 0-1 run ending at the node starts (column)
    Eo = np.zeros((n + 1, W), dtype=bool)               # the 1-0 run ending at the node starts there (opens)
    E = np.full(W, NEG)                                  # best paths ending in a 1-0 bead, current row
    cols = np.arange(W)
    types = list(bead_types)
    ins = types.index((0, 1)) if (0, 1) in types else None
    dele = types.index((1, 0)) if (1, 0) in types else None
    others = [t for t in range(len(types)) if t not in (ins, dele)]
    for r in range(n + 1):
        if r % 256 == 0:
            if should_stop is not None and should_stop():
                raise AlignmentCancelled()
            if progress is not None:
                progress(r / (n + 1))
        best = np.full(W, NEG)
        arg = np.full(W, -1, dtype=np.int8)
        if r == 0:
            best[0] = 0.0 if lo[0] == 0 else NEG
        js = lo[r] + cols
        for t in others:
            a, b = types[t]
            if a > r:
                continue
            # the bead's start node in row r - a is column w + c of that row: a shifted slice
            prev = _shifted(D[r - a], lol[r] - b - lol[r - a], W, W)
            cand = prev + scores[t][r]
            better = cand > best
            best = np.where(better, cand, best)
            arg = np.where(better, t, arg)
        if dele is not None and r > 0:
            c = lol[r] - lol[r - 1]
            s = scores[dele][r]
            opened = _shifted(D[r - 1], c, W, W) + gap_open + s
            extended = _shifted(E, c, W, W) + s
            E = np.maximum(opened, extended)
            Eo[r] = opened >= extended
            E = np.where(s > NEG / 2, E, NEG)
            better = E > best
            best = np.where(better, E, best)
            arg = np.where(better, dele, arg)
        Bb[r] = arg
        if ins is not None:
            s = np.where(scores[ins][r] > NEG / 2, scores[ins][r], -1e4)
            C = np.cumsum(s)                     # C[w] - C[w'] = the 0-1 beads from column w' to w
            v = best - C
            acc = np.maximum.accumulate(v)
            start = np.maximum.accumulate(np.where(v >= acc, cols, 0))
            run = np.full(W, NEG)
            run[1:] = acc[:-1] + C[1:] + gap_open
            ok = scores[ins][r] > NEG / 2
            from_left = ok & (run > best + 1e-12)
            best = np.where(from_left, run, best)
            arg = np.where(from_left, ins, arg)
            Ist[r, 1:] = start[:-1]
        valid = js <= m
        D[r] = np.where(valid, best, NEG)
        B[r] = np.where(valid, arg, -1)
    # trace back
    out = []
    r, j = n, m
    state = "D"
    while (r, j) != (0, 0):
        w = j - lo[r]
        if state == "E":            # inside a 1-0 run
            opened = bool(Eo[r, w])
            out.append((r - 1, r, j, j, float(scores[dele][r, w]) + (gap_open if opened else 0.0)))
            r -= 1
            state = "D" if opened else "E"
            continue
        t = int(B[r, w]) if state == "D" else int(Bb[r, w])
        if t < 0:
            raise RuntimeError("alignment band is disconnected")
        if t == ins:
            w0 = int(Ist[r, w])
            for k in range(w, w0, -1):
                out.append((r, r, lo[r] + k - 1, lo[r] + k,
                            float(scores[ins][r, k]) + (gap_open if k == w0 + 1 else 0.0)))
            j = lo[r] + w0
            state = "Db"            # the run starts after a path that does not end in a 0-1 run
            continue
        if t == dele:
            state = "E"
            continue
        a, b = types[t]
        prev_total = D[r - a, j - b - lo[r - a]]
        out.append((r - a, r, j - b, j, float(D[r, w] - prev_total)))
        r, j = r - a, j - b
        state = "D"
    out.reverse()
    return out


def _shifted(row: np.ndarray, c: int, width: int, n_cols: int) -> np.ndarray:
    """out[w] = row[w + c] where 0 <= w + c < n_cols, else NEG (w = 0..width-1): the values at the start nodes of
    the beads ending in each column, as a slice (the same values fancy indexing would pick, far quicker)."""
    out = np.full(width, NEG)
    x0, x1 = max(0, -c), min(width, n_cols - c)
    if x1 > x0:
        out[x0:x1] = row[x0 + c:x1 + c]
    return out


def _skip_cumsum(row: np.ndarray, temperature: float) -> np.ndarray | None:
    """Cumulative 0-1 scores along a DP row (divided by the temperature; C[w] - C[w'] is the run of 0-1 beads
    from column w' to w), or None when the row has no 0-1 bead."""
    ok = row > NEG / 2
    if not ok.any():
        return None
    return np.cumsum(np.where(ok, row, -1e4) / temperature)


def _forward(band: Band, types, scores, temperature: float) -> np.ndarray:
    """log-sum-exp over all paths from (0, 0) to each node (the DP with max replaced by a soft max)."""
    n, lo, W = band.n, band.lo, band.width
    lol = lo.tolist()
    F = np.full((n + 1, W), NEG, dtype=np.float64)
    cols = np.arange(W)
    ins = types.index((0, 1)) if (0, 1) in types else None
    for r in range(n + 1):
        acc = np.full(W, NEG)
        if r == 0 and lo[0] == 0:
            acc[0] = 0.0
        js = lo[r] + cols
        for t, (a, b) in enumerate(types):
            if t == ins or a > r:
                continue
            prev = _shifted(F[r - a], lol[r] - b - lol[r - a], W, W)
            acc = np.logaddexp(acc, prev + scores[t][r] / temperature)
        if ins is not None:
            C = _skip_cumsum(scores[ins][r], temperature)
            if C is not None:
                acc = np.logaddexp.accumulate(acc - C) + C
        F[r] = np.where(js <= band.m, np.maximum(acc, NEG), NEG)
    return F


def _backward(band: Band, types, scores, temperature: float) -> np.ndarray:
    """log-sum-exp over all paths from each node to (n, m)."""
    n, m, lo, W = band.n, band.m, band.lo, band.width
    lol = lo.tolist()
    G = np.full((n + 1, W), NEG, dtype=np.float64)
    cols = np.arange(W)
    ins = types.index((0, 1)) if (0, 1) in types else None
    for r in range(n, -1, -1):
        acc = np.full(W, NEG)
        js = lo[r] + cols
        if r == n:
            acc[m - lo[n]] = 0.0
        for t, (a, b) in enumerate(types):
            if t == ins or r + a > n:
                continue
            c = lol[r] + b - lol[r + a]
            x0, x1 = max(0, -c), min(W, W - c, m - lol[r] - b + 1)
            nxt = np.full(W, NEG)
            if x1 > x0:
                nxt[x0:x1] = G[r + a, x0 + c:x1 + c] + scores[t][r + a, x0 + c:x1 + c] / temperature
            acc = np.logaddexp(acc, nxt)
        if ins is not None:
            # a 0-1 bead from (r, j) to (r, j+1), scored at its end node
            C = _skip_cumsum(scores[ins][r], temperature)
            if C is not None:
                acc = np.logaddexp.accumulate((acc + C)[::-1])[::-1] - C
        G[r] = np.where(js <= m, np.maximum(acc, NEG), NEG)
    return G


def bead_posteriors(band: Band, bead_types: Sequence[tuple[int, int]], scores: Sequence[np.ndarray],
                    path: Sequence[tuple[int, int, int, int, float]], temperature: float) -> list[float]:
    """Probability of each path bead among all alignments in the band, with P(path) ∝ exp(score / temperature)."""
    types = list(bead_types)
    F = _forward(band, types, scores, temperature)
    G = _backward(band, types, scores, temperature)
    lo = band.lo
    Z = F[band.n, band.m - lo[band.n]]
    out = []
    for s0, s1, t0, t1, _ in path:
        a, b = s1 - s0, t1 - t0
        t = types.index((a, b))
        lp = F[s0, t0 - lo[s0]] + scores[t][s1, t1 - lo[s1]] / temperature + G[s1, t1 - lo[s1]] - Z
        out.append(float(np.exp(min(0.0, lp))))
    return out


def all_posteriors(band: Band, bead_types: Sequence[tuple[int, int]], scores: Sequence[np.ndarray],
                   temperature: float) -> list[np.ndarray]:
    """Posterior probability of every candidate bead (same layout as `scores`)."""
    types = list(bead_types)
    F = _forward(band, types, scores, temperature)
    G = _backward(band, types, scores, temperature)
    n, lo, W = band.n, band.lo, band.width
    Z = F[n, band.m - lo[n]]
    out = []
    r = np.arange(n + 1)[:, None]
    js = lo[:, None] + np.arange(W)[None, :]
    for t, (a, b) in enumerate(types):
        r0 = np.clip(r - a, 0, n)
        pw = js - b - lo[r0]
        ok = (r >= a) & (pw >= 0) & (pw < W)
        start = np.where(ok, F[r0, np.clip(pw, 0, W - 1)], NEG)
        lp = start + scores[t] / temperature + G - Z
        out.append(np.where(ok & (scores[t] > NEG / 2), np.exp(np.minimum(lp, 0.0)), 0.0))
    return out


def _xlogx(x: np.ndarray) -> np.ndarray:
    x = np.asarray(x, dtype=np.float64)
    return np.where(x > 0, x * np.log(np.maximum(x, 1e-300)), 0.0)


def vocabulary_change(words: Sequence[Sequence[object]]) -> np.ndarray:
    """For each split point i (0..n) of a sequence of sentences (each a list of words), how much better two
    word distributions, one for sentences 0..i-1 and one for i..n-1, explain the words than one for all: the
    log-likelihood ratio (G² / 2) of the multinomial split. Largest where the vocabulary changes, e.g. where a
    text joins chapters of different books (names, places, a translator's words). Computed for every split at
    once from each word's running counts: linear in the number of words (after a sort)."""
    n = len(words)
    ids: dict[object, int] = {}
    sent, wid = [], []
    for i, ws in enumerate(words):
        for w in ws:
            sent.append(i)
            wid.append(ids.setdefault(w, len(ids)))
    out = np.zeros(n + 1)
    if not sent:
        return out
    sent_a, wid_a = np.array(sent, dtype=np.int64), np.array(wid, dtype=np.int64)
    # (sentence, word) occurrences with their counts, ordered by word then sentence
    key = np.unique(wid_a * (n + 1) + sent_a, return_counts=True)
    w_of, s_of, c = key[0] // (n + 1), key[0] % (n + 1), key[1].astype(np.float64)
    total_w = np.bincount(w_of, weights=c)
    before = np.cumsum(c) - c                            # the word's count in earlier sentences, across words
    first = np.concatenate([[0], np.cumsum(np.bincount(w_of))[:-1]])
    before -= (np.cumsum(c) - c)[first][w_of]            # ... restarted at each word
    t = total_w[w_of]
    d_left = _xlogx(before + c) - _xlogx(before)
    d_right = _xlogx(t - before - c) - _xlogx(t - before)
    per_left = np.bincount(s_of, weights=d_left, minlength=n)
    per_right = np.bincount(s_of, weights=d_right, minlength=n)
    tokens = np.bincount(s_of, weights=c, minlength=n)
    whole = float(_xlogx(total_w).sum())
    left = np.concatenate([[0.0], np.cumsum(per_left)])
    right = whole + np.concatenate([[0.0], np.cumsum(per_right)])
    nl = np.concatenate([[0.0], np.cumsum(tokens)])
    tot = nl[-1]
    out = left + right - _xlogx(nl) - _xlogx(tot - nl) - (whole - float(_xlogx(tot)))
    return np.maximum(out, 0.0)
