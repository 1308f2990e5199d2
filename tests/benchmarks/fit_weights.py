"""Fit the learned constants of the alignment engine on MAC-dev, and print them for pasting into the code.

usage: python tests/benchmarks/fit_weights.py [--shared PATH] [--perceptron [--loco]] [--confidence]

- `--perceptron`: LINEAR_LEX / LINEAR_EMB in editor/alignment/scoring.py, a linear bead score (a dozen
  global weights: one per score term, one bias per bead type) fitted by an averaged structured perceptron
  over whole-chapter alignments, starting from the hand weights. `--loco` adds leave-one-chapter-out F1,
  the honest estimate for unseen text. (It beat the hand weights for the lexical-only fallback only; the
  embedding mode keeps its hand weights, chosen by coordinate ascent over seven global weights.)
- `--confidence`: CONFIDENCE_EMB / CONFIDENCE_LEX in editor/alignment/engine.py, a logistic regression of
  "this bead is exactly right" over the bead's own terms and its posterior, on the engine's output.

With neither option, both are fitted.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve()
sys.path.insert(0, str(HERE.parents[2]))

sys.path.insert(0, str(HERE.parent))
from bench_align import read_beads  # noqa: E402  (the benchmark's reader of gold bead files)
from editor.alignment import engine, scoring  # noqa: E402
from editor.alignment.search import (band_from_anchors, best_chain, diagonal_band,  # noqa: E402
                                     top_k_candidates)


def load_macdev(shared: Path):
    d = shared / "bench" / "mac-dev"
    data = []
    for name in sorted(os.listdir(d / "gold")):
        zh = (d / "zh" / name).read_text(encoding="utf-8").rstrip("\n").split("\n")
        en = (d / "en" / name).read_text(encoding="utf-8").rstrip("\n").split("\n")
        data.append((name, zh, en, read_beads(d / "gold" / name)))
    return data


def fit(X, y, T, n_types, l2=1e-3, iters=30):
    """Newton's method for logistic regression with one bias per group (T holds each row's group)."""
    onehot = np.zeros((len(T), n_types))
    onehot[np.arange(len(T)), T] = 1.0
    Z = np.concatenate([X, onehot], axis=1)
    w = np.zeros(Z.shape[1])
    for _ in range(iters):
        p = 1 / (1 + np.exp(-np.clip(Z @ w, -30, 30)))
        g = Z.T @ (p - y) + l2 * w
        H = (Z * (p * (1 - p))[:, None]).T @ Z + l2 * np.eye(len(w))
        step = np.linalg.solve(H, g)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return w[:X.shape[1]], w[X.shape[1]:]


def chapter_tables(zh, en, gold, res, with_emb):
    """Band and linear inputs of every bead type for one chapter, and its gold beads as ranges."""
    ratio = (sum(map(scoring.text_length, en)) or 1) / (sum(scoring.text_length(scoring.clean_chinese(s))
                                                              for s in zh) or 1)
    sides = scoring.Sides(zh, en, ratio, res.lexicon, res.encoder if with_emb else None)
    n, m = len(zh), len(en)
    if n * m <= 40_000:
        band = diagonal_band(n, m, max(n, m))
    else:
        half = max(engine.ANCHOR_HALF_WIDTH_MIN, int(engine.ANCHOR_HALF_WIDTH_SHARE * max(n, m)))
        band = band_from_anchors(best_chain(top_k_candidates(sides.sentence_sims, n, m, half), m), n, m,
                                 engine.BAND_SLACK)
    pb = sides.pair_band(band)
    margins = sides.margins(pb)
    tables = []
    for a, b in scoring.BEAD_TYPES:
        tm = scoring.bead_terms(sides, band, pb, margins, a, b)
        inputs = scoring.linear_inputs(tm.feats, a, b, with_emb) if tm.feats else {}
        tables.append((tm.valid, inputs))
    gold_r = {(s[0], s[-1] + 1, t[0], t[-1] + 1) if s and t else
              ((s[0], s[-1] + 1, None, None) if s else (None, None, t[0], t[-1] + 1)) for s, t in gold}
    return band, tables, gold, gold_r


def _scores(tables, lin):
    from editor.alignment.search import NEG
    out = []
    for t, (valid, inputs) in enumerate(tables):
        s = np.full(valid.shape, lin["bias"][scoring.BEAD_TYPES[t]], dtype=np.float64)
        for name, x in inputs.items():
            s = s + lin["w"].get(name, 0.0) * x
        out.append(np.where(valid, s, NEG))
    return out


def _phi(band, tables, bead):
    """Feature vector (dict) of one bead given as (s0, s1, t0, t1), or None if outside the model."""
    s0, s1, t0, t1 = bead
    a, b = s1 - s0, t1 - t0
    if (a, b) not in scoring.BEAD_TYPES:
        return None
    t = scoring.BEAD_TYPES.index((a, b))
    valid, inputs = tables[t]
    w = t1 - band.lo[s1]
    if not (0 <= w < band.width) or not valid[s1, w]:
        return None
    phi = {("bias", (a, b)): 1.0}
    for name, x in inputs.items():
        phi[("w", name)] = float(x[s1, w])
    return phi


def _gold_ranges(gold, n, m):
    """Gold beads as (s0, s1, t0, t1), placing skips between their neighbours."""
    out, i, j = [], 0, 0
    for s, t in gold:
        a, b = len(s), len(t)
        out.append((i, i + a, j, j + b))
        i, j = i + a, j + b
    return out


def perceptron(chapters, start, epochs, lr):
    from editor.alignment.search import banded_dp
    lin = {"w": dict(start["w"]), "bias": dict(start["bias"])}
    keys = [("w", k) for k in sorted({k for _, tables, _ in chapters for _, inp in tables for k in inp})] + \
           [("bias", t) for t in scoring.BEAD_TYPES]
    get = lambda k: lin[k[0]].get(k[1], 0.0)  # noqa: E731
    avg = {k: 0.0 for k in keys}
    steps = 0
    rng = np.random.default_rng(0)
    for _ in range(epochs):
        for c in rng.permutation(len(chapters)):
            band, tables, gold = chapters[c]
            path = banded_dp(band, scoring.BEAD_TYPES, _scores(tables, lin))
            pred = {p[:4] for p in path}
            delta: dict = {}
            for bead, sign in [(g, 1.0) for g in gold if g not in pred] + [(p, -1.0) for p in pred if p not in gold]:
                phi = _phi(band, tables, bead)
                if phi is None:
                    continue
                for k, v in phi.items():
                    delta[k] = delta.get(k, 0.0) + sign * v
            for (kind, name), v in delta.items():
                lin[kind][name] = lin[kind].get(name, 0.0) + lr * v
            steps += 1
            for k in keys:
                avg[k] += get(k)
    out = {"w": {}, "bias": {}}
    for (kind, name), v in avg.items():
        out[kind][name] = round(v / steps, 4)
    return out


def fit_perceptron(data, res, epochs, lr, loco):
    from editor.alignment.search import banded_dp
    from tests.benchmarks.bench_align import score as bench_score
    for key, with_emb in (("EMB", True), ("LEX", False)):
        chapters = []
        for _, zh, en, gold in data:
            band, tables, gold_b, _ = chapter_tables(zh, en, gold, res, with_emb)
            chapters.append((band, tables, set(_gold_ranges(gold_b, len(zh), len(en)))))

        def f1(lin, idx):
            pairs = []
            for c in idx:
                band, tables, gold = chapters[c]
                path = banded_dp(band, scoring.BEAD_TYPES, _scores(tables, lin))
                conv = lambda b: (tuple(range(b[0], b[1])), tuple(range(b[2], b[3])))  # noqa: E731
                pairs.append(([conv(g) for g in sorted(gold)], [conv(p) for p in path]))
            return bench_score(pairs)["f1_strict"]

        start = scoring.hand_linear(with_emb)
        print(f"# {key}: hand weights F1 {f1(start, range(len(chapters))):.4f}")
        lin = perceptron(chapters, start, epochs, lr)
        print(f"# {key}: perceptron F1 (in sample) {f1(lin, range(len(chapters))):.4f}")
        if loco:
            pairs_f = []
            for k in range(len(chapters)):
                rest = [chapters[q] for q in range(len(chapters)) if q != k]
                lk = perceptron(rest, start, epochs, lr)
                pairs_f.append(f1(lk, [k]))
            print(f"# {key}: leave-one-chapter-out F1 per chapter {[round(x, 3) for x in pairs_f]}")
        print(f"LINEAR_{key} = {lin!r}")


def fit_confidence(data, res):
    """Fit CONFIDENCE_EMB / CONFIDENCE_LEX: P(bead exactly right | its own terms), on the engine's output."""
    from editor.alignment.best import align_region_beads

    for key, with_emb in (("EMB", True), ("LEX", False)):
        r = engine.Resources(res.lexicon, res.encoder if with_emb else None)
        X, y = [], []
        for _, zh, en, gold in data:
            gs = set(gold)
            for b in align_region_beads(zh, en, r):
                if b.s1 > b.s0 and b.t1 > b.t0:
                    X.append(engine.confidence_inputs(b))
                    y.append(float((tuple(range(b.s0, b.s1)), tuple(range(b.t0, b.t1))) in gs))
        X, y = np.array(X), np.array(y)
        wx, wt = fit(X, y, np.zeros(len(y), dtype=int), 1, l2=1e-2)
        print(f"CONFIDENCE_{key} = ({round(float(wt[0]), 4)}, {tuple(round(float(v), 4) for v in wx)})"
              f"   # {len(y)} beads, {y.mean():.3f} right")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(HERE.parents[3] / "shared"))
    ap.add_argument("--confidence", action="store_true", help="fit CONFIDENCE_EMB / CONFIDENCE_LEX")
    ap.add_argument("--perceptron", action="store_true",
                    help="fit LINEAR_EMB / LINEAR_LEX (structured perceptron over whole-chapter alignments)")
    ap.add_argument("--loco", action="store_true", help="with --perceptron: leave-one-chapter-out F1 too")
    ap.add_argument("--epochs", type=int, default=15)
    ap.add_argument("--lr", type=float, default=0.0002)
    args = ap.parse_args(argv)
    data = load_macdev(Path(args.shared))
    res = engine.resources()
    if args.perceptron or not args.confidence:
        fit_perceptron(data, res, args.epochs, args.lr, args.loco)
    if args.confidence or not args.perceptron:
        fit_confidence(data, res)


if __name__ == "__main__":
    main()
