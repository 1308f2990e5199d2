"""Leave-one-chapter-out (LOCO) fitting and ablation of the alignment constants on MAC-dev.

usage:
  python tests/benchmarks/loco.py [--shared PATH] [--drop NAMES]   # LOCO fit of the weights, per chapter
  python tests/benchmarks/loco.py --ablate                         # each constant: fitted alone (LOCO) vs removed

A constant is fitted on five chapters (a grid; several constants by coordinate ascent from the shipped
values, one round of steps to a neighbouring grid value; the bead-type prior re-counted from the five
chapters' gold) and tested on the sixth; the pooled strict F1 of the six held-out chapters is the expected
accuracy on unseen text. `--drop` removes constants (their neutral value) before fitting the rest.
`--ablate` gives each constant's LOCO contribution: F1 with it fitted alone on the five chapters minus F1
with it removed (its neutral value); under 0.003 it is noise.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve()
sys.path.insert(0, str(HERE.parent))

from bench_align import _counts  # noqa: E402
from macdev import MacDev, default_shared  # noqa: E402

#: fitted together by default (USE_IDF and LENGTH_VARIANCE change the cached terms: fitted alone, --ablate)
JOINT = ["W_LEXICAL", "W_LENGTH", "W_PRIOR", "SKIP_SCORE", "GAP_OPEN", "W_SKIP_LENGTH", "W_QUOTE",
         "CLAUSE_MOVE_MARGIN", "SCORE_WEIGHT", "MARGIN_WEIGHT", "W_PUNCT", "W_QOPEN", "W_ENDMARK"]
#: the fitted constants: grid of values, and the neutral value that removes the term (None: cannot be removed)
GRIDS: dict[str, tuple[list, object]] = {
    "W_LEXICAL": ([0.2, 0.3, 0.4, 0.5, 0.6], 0.0),
    "W_LENGTH": ([0.0, 0.005, 0.01, 0.02, 0.04], 0.0),
    "W_PRIOR": ([0.0, 0.01, 0.02, 0.03, 0.05], 0.0),
    "SKIP_SCORE": ([-0.3, -0.2, -0.1, 0.0, 0.05], None),
    "GAP_OPEN": ([-0.4, -0.3, -0.2, -0.1, 0.0], 0.0),
    "W_SKIP_LENGTH": ([0.0, 0.1, 0.15, 0.2, 0.25], 0.0),
    "W_TITLE": ([0.0, 1.0], 0.0),
    "LENGTH_VARIANCE": ([10.0, 20.0, 30.0, 50.0, 80.0], None),
    "MARGIN_WEIGHT": ([0.8, 1.0, 1.2, 1.4], 1.0),
    "W_PUNCT": ([0.0, 0.01, 0.02, 0.04], 0.0),
    "W_QUOTE": ([0.0, 0.05, 0.1, 0.15, 0.2, 0.3], 0.0),
    "W_QOPEN": ([0.0, 0.04, 0.08, 0.12], 0.0),
    "W_ENDMARK": ([0.0, 0.01, 0.02, 0.04], 0.0),
    "USE_IDF": ([False, True], False),
    "CLAUSE_MOVE_MARGIN": ([None, 0.02, 0.04, 0.06, 0.08, 0.1, 0.14], None),
    "SCORE_WEIGHT": ([0.0, 0.2, 0.4, 0.6], 0.0),
}


class Counts:
    """Per-chapter strict counts of a configuration (memoised), so F1 over any set of chapters is a sum."""

    def __init__(self, md: MacDev) -> None:
        self.md = md
        self.memo: dict = {}

    def __call__(self, params: dict) -> list[tuple[list[int], list[int]]]:
        key = repr(sorted(params.items()))
        if key not in self.memo:
            out = []
            for ch, test in zip(self.md.chapters, self.md.run(params)):
                nodel = lambda al: [(x, y) for x, y in al if x and y]  # noqa: E731
                out.append((_counts(ch.gold, test), _counts(nodel(test), nodel(ch.gold))))
            self.memo[key] = out
        return self.memo[key]


def f1(counts, idx) -> float:
    p = [sum(counts[k][0][q] for k in idx) for q in range(4)]
    r = [sum(counts[k][1][q] for k in idx) for q in range(4)]
    ps = p[0] / max(p[0] + p[1], 1)
    rs = r[0] / max(r[0] + r[1], 1)
    return 2 * ps * rs / (ps + rs) if ps + rs else 0.0


def coordinate_ascent(cnt: Counts, base: dict, names, train, rounds: int = 4) -> dict:
    """Maximise F1 on the `train` chapters over the grids of `names` from `base`: one constant at a time,
    to a neighbouring grid value (a constant fitted alone tries its whole grid), until nothing improves."""
    cur = dict(base)
    best = f1(cnt(cur), train)
    for _ in range(rounds):
        moved = False
        for name in names:
            grid = GRIDS[name][0]
            if len(names) > 1 and cur[name] in grid:
                k = grid.index(cur[name])
                grid = grid[max(k - 1, 0):k + 2]
            for v in grid:
                trial = dict(cur, **{name: v})
                s = f1(cnt(trial), train)
                if s > best + 1e-9:
                    best, cur, moved = s, trial, True
        if not moved:
            break
    return cur


def type_prior(chapters) -> dict:
    """Bead-type frequencies in the gold of `chapters` (add-one smoothed over the modelled types)."""
    from editor.alignment import scoring

    c = Counter((len(s), len(t)) for ch in chapters for s, t in ch.gold)
    total = sum(c[t] for t in scoring.BEAD_TYPES) + len(scoring.BEAD_TYPES)
    return {t: round((c[t] + 1) / total, 4) for t in scoring.BEAD_TYPES}


def loco(cnt: Counts, base: dict, names, priors: bool = False,
         rounds: int = 4) -> tuple[float, list[float], list[dict]]:
    """Fit `names` on all documents but one group (a MAC-dev chapter with its perturbed copy, or one news
    document), test on that group, for each group: pooled F1, per-document F1 and each document's fitted
    constants. With `priors`, TYPE_PRIOR is also estimated from the training documents' gold."""
    from macdev import group_of

    docs = cnt.md.chapters
    n = len(docs)
    groups = {}
    for k, d in enumerate(docs):
        groups.setdefault(group_of(d.name), []).append(k)
    held, fits = [None] * n, [None] * n
    for test in groups.values():
        train = [q for q in range(n) if q not in test]
        start = dict(base, TYPE_PRIOR=type_prior([docs[q] for q in train])) if priors else base
        p = coordinate_ascent(cnt, start, names, train, rounds) if names else dict(start)
        for k in test:
            held[k] = cnt(p)[k]
            fits[k] = {name: p[name] for name in names + (["TYPE_PRIOR"] if priors else [])}
    per = [f1([c], [0]) for c in held]
    return f1(held, range(n)), per, fits


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(default_shared()))
    ap.add_argument("--ablate", action="store_true")
    ap.add_argument("--names", help="comma-separated constants to fit (default: JOINT; with --ablate: GRIDS)")
    ap.add_argument("--drop", default="", help="comma-separated constants to remove before fitting")
    ap.add_argument("--rounds", type=int, default=1, help="coordinate-ascent rounds of the joint fit")
    ap.add_argument("--no-priors", action="store_true", help="keep the shipped bead-type prior in every fold")
    ap.add_argument("--sets", default="mac", help="comma-separated: mac, news, pert (see macdev.load_docs)")
    args = ap.parse_args(argv)
    md = MacDev(Path(args.shared), sets=args.sets)
    cnt = Counts(md)
    drop = [d for d in args.drop.split(",") if d]
    names = args.names.split(",") if args.names else (list(GRIDS) if args.ablate else JOINT)
    names = [n for n in names if n not in drop]
    from macdev import MODULES
    base = {name: getattr(next(m for m in MODULES if hasattr(m, name)), name) for name in GRIDS}
    base.update({d: GRIDS[d][1] for d in drop})
    all6 = range(len(md.chapters))
    print(f"{'shipped' if not drop else 'without ' + ', '.join(drop)}: full strict F1 {f1(cnt(base), all6):.4f}, per chapter "
          f"{[round(f1([c], [0]), 3) for c in cnt(base)]}")
    if args.ablate:
        print(f"{'constant':20s} {'shipped':>8s} {'LOCO fit':>8s} {'removed':>8s} {'contrib':>8s}  fits")
        for name in names:
            neutral = GRIDS[name][1]
            fit_f1, _, fits = loco(cnt, base, [name])
            rem = f1(cnt(dict(base, **{name: neutral})), all6) if neutral is not None or name == "CLAUSE_MOVE_MARGIN" \
                else float("nan")
            print(f"{name:20s} {str(base[name]):>8s} {fit_f1:8.4f} {rem:8.4f} {fit_f1 - rem:8.4f}  "
                  f"{[f[name] for f in fits]}", flush=True)
        return 0
    pooled, per, fits = loco(cnt, base, names, priors=not args.no_priors, rounds=args.rounds)
    print(f"leave-one-document-out strict F1 {pooled:.4f} per document {[round(x, 3) for x in per]}")
    held = [md.run(dict(base, **fits[k]), [k])[0] for k in range(len(md.chapters))]
    print_sets(md, held)
    for k, fit in enumerate(fits):
        shown = {n: v for n, v in fit.items() if n != "TYPE_PRIOR"}
        print(f"  fold {md.chapters[k].name}: {shown}")
    return 0


def print_sets(md: MacDev, tests) -> None:
    """Strict F1 and 1-0/0-1 precision / recall of `tests` for each set (mac, news, pert) of the documents."""
    from bench_accuracy import summary

    for prefix, label in (("", "MAC-dev"), ("news", "news-dev"), ("pert", "perturbed MAC-dev")):
        pairs = [(c.gold, t) for c, t in zip(md.chapters, tests)
                 if (c.name.startswith(prefix) if prefix else c.name[:1].isdigit())]
        if pairs:
            s = summary(pairs)
            print(f"  {label}: strict F1 {s['f1_strict']:.4f}, 1-0/0-1 P {s['skip_right']}/{s['skip_out']} "
                  f"R {s['skip_right']}/{s['skip_gold']}")


if __name__ == "__main__":
    sys.exit(main())
