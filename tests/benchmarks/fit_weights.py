"""Fit the bead model of `editor.alignment.scoring` (a logistic regression over score terms) on MAC-dev.

usage: python tests/benchmarks/fit_weights.py [--shared PATH] [--loco]

Every candidate bead inside the search band of each chapter is an example (label: it is a gold bead).
The model is a handful of global weights: one bias per bead type and one weight per score term, for the
embedding model and for the lexical-only fallback. `--loco` also reports leave-one-chapter-out strict F1,
the honest estimate for unseen text. Paste the printed MODEL into editor/alignment/scoring.py.
"""

from __future__ import annotations

import argparse
import ast
import os
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve()
sys.path.insert(0, str(HERE.parents[2]))

from editor.alignment import engine, scoring  # noqa: E402
from editor.alignment.search import (band_from_anchors, best_chain, diagonal_band,  # noqa: E402
                                     top_k_candidates)


def read_beads(path):
    out = []
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if line:
            s, t = line.split(":", 1)
            out.append((tuple(ast.literal_eval(s)), tuple(ast.literal_eval(t))))
    return out


def load_macdev(shared: Path):
    d = shared / "bench" / "mac-dev"
    data = []
    for name in sorted(os.listdir(d / "gold")):
        zh = (d / "zh" / name).read_text(encoding="utf-8").rstrip("\n").split("\n")
        en = (d / "en" / name).read_text(encoding="utf-8").rstrip("\n").split("\n")
        data.append((name, zh, en, read_beads(d / "gold" / name)))
    return data


def chapter_examples(zh, en, gold, res, with_emb):
    """Design rows, labels and type ids of every candidate bead of one chapter."""
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
    gold_set = set(gold)
    X, y, T = [], [], []
    for t, (a, b) in enumerate(scoring.BEAD_TYPES):
        if not (a and b):
            continue
        tm = scoring.bead_terms(sides, band, pb, margins, a, b)
        cols = scoring.design(tm.feats, with_emb)
        rr, ww = np.nonzero(tm.valid)
        X.append(np.stack([c[rr, ww] for c in cols], axis=1).astype(np.float64))
        jj = band.lo[rr] + ww
        y.append(np.array([(tuple(range(r - a, r)), tuple(range(j - b, j))) in gold_set
                           for r, j in zip(rr.tolist(), jj.tolist())], dtype=np.float64))
        T.append(np.full(len(rr), t))
    return np.concatenate(X), np.concatenate(y), np.concatenate(T)


def fit(X, y, T, n_types, l2=1e-3, iters=30):
    """Newton's method for logistic regression with one bias per bead type."""
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


def to_model(wx, wt):
    return {"w": tuple(round(float(v), 4) for v in wx),
            "bias": {scoring.BEAD_TYPES[t]: round(float(wt[t]), 4) for t in range(len(scoring.BEAD_TYPES))
                     if all(scoring.BEAD_TYPES[t])}}


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
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(HERE.parents[3] / "shared"))
    ap.add_argument("--loco", action="store_true")
    ap.add_argument("--confidence", action="store_true", help="fit only the confidence model")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(Path(args.shared) / "bench"))
    import score as S
    from editor.alignment.best import align_best

    data = load_macdev(Path(args.shared))
    res = engine.resources()
    if args.confidence:
        fit_confidence(data, res)
        return
    models = {}
    per = {}
    for key, with_emb in (("emb", True), ("lex", False)):
        per[key] = [chapter_examples(zh, en, gold, res, with_emb) for _, zh, en, gold in data]
        X = np.concatenate([p[0] for p in per[key]])
        y = np.concatenate([p[1] for p in per[key]])
        T = np.concatenate([p[2] for p in per[key]])
        models[key] = to_model(*fit(X, y, T, len(scoring.BEAD_TYPES)))
        print(f"# {key}: {len(y)} candidate beads, {int(y.sum())} gold")
    print("MODEL =", models)
    if args.loco:
        for key, with_emb in (("emb", True), ("lex", False)):
            pairs = []
            for k in range(len(data)):
                rest = [per[key][q] for q in range(len(data)) if q != k]
                X = np.concatenate([p[0] for p in rest])
                y = np.concatenate([p[1] for p in rest])
                T = np.concatenate([p[2] for p in rest])
                scoring.MODEL = dict(models)
                scoring.MODEL[key] = to_model(*fit(X, y, T, len(scoring.BEAD_TYPES)))
                _, zh, en, gold = data[k]
                r = engine.Resources(res.lexicon, res.encoder if with_emb else None)
                beads = align_best(zh, en, res=r)
                pairs.append((gold, [(b.src, b.tgt) for b in beads]))
            print(f"leave-one-chapter-out strict F1 ({key}): {S.score(pairs)['f1_strict']:.4f}")


if __name__ == "__main__":
    main()
