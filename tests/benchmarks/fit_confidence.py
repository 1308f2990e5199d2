"""Fit the path confidence model (editor.alignment.engine.PATH_CONFIDENCE_EMB): a logistic regression of
"this link is exactly a gold bead" on the inputs of `engine.path_confidence_inputs` (the lattice posterior of
the link and of its boundaries, score terms: similarity margin, dictionary coverage overall and of the
weakest sentence, length, link type, the merge evidence against its neighbours, and the neighbours'
posteriors).

usage: python tests/benchmarks/fit_confidence.py [--shared PATH] [--cache FILE] [--loo]

Training documents: the six MAC-dev chapters, the eleven news-dev documents, and each MAC-dev chapter
perturbed from its gold the way news-dev was made (some sentences dropped on one side, alone or in runs of up
to three: omissions; some adjacent 1-1 pairs merged into one sentence on one side: 1-2 / 2-1), all aligned
pre-segmented in best mode. `--loo` prints, for each threshold, marked and caught shares when every document
is scored by a model fitted without it (and without its perturbed copy). Without `--loo` it prints the model
fitted on everything, as the line to put in engine.py.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve()
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE.parent))

from fit_weights import fit  # noqa: E402

L2 = 1e-1
SETS = ("mac-dev", "news-dev")


def perturb(zh, en, gold, seed: str):
    """A copy of a gold-aligned document with omissions (runs of 1-3 sentences dropped on one side) and merges
    (two adjacent 1-1 pairs whose sentences on one side are joined into one), and its gold."""
    rng = random.Random(seed)
    beads = [([zh[i] for i in s], [en[j] for j in t]) for s, t in gold]
    out = []
    k = 0
    while k < len(beads):
        z, e = beads[k]
        r = rng.random()
        if z and e and r < 0.04:                   # omission: a run of 1-3 links loses one side
            side = rng.randrange(2)
            for q in range(k, min(len(beads), k + rng.randint(1, 3))):
                zq, eq = beads[q]
                kept = zq if side == 0 else eq
                out += [([x], []) if side == 0 else ([], [x]) for x in kept]
                k = q
            k += 1
            continue
        if r < 0.10 and k + 1 < len(beads) and len(z) == 1 and len(e) == 1 and \
                len(beads[k + 1][0]) == 1 and len(beads[k + 1][1]) == 1:
            z2, e2 = beads[k + 1]
            if rng.randrange(2):
                out.append((z + z2, [e[0] + " " + e2[0]]))
            else:
                out.append(([z[0] + z2[0]], e + e2))
            k += 2
            continue
        out.append((z, e))
        k += 1
    zh2, en2, gold2 = [], [], []
    for z, e in out:
        gold2.append((tuple(range(len(zh2), len(zh2) + len(z))), tuple(range(len(en2), len(en2) + len(e)))))
        zh2 += z
        en2 += e
    return zh2, en2, gold2


def documents(shared: Path):
    """[(key, held-out group, zh, en, gold)]: the dev documents and the perturbed MAC-dev chapters."""
    from bench_review import load_set

    out = []
    for set_name in SETS:
        if not (shared / "bench" / set_name).is_dir():
            continue
        for name, zh, en, gold in load_set(shared, set_name):
            key = f"{set_name}/{name}"
            out.append((key, key, zh, en, gold))
            if set_name == "mac-dev":
                out.append((key + "+perturbed", key, *perturb(zh, en, gold, key)))
    return out


def rows(shared: Path, cache_path: str | None = None):
    """[(group, inputs, right)] of every link the engine makes on the training documents."""
    from editor.alignment import best, engine

    cache = {}
    if cache_path and Path(cache_path).is_file():
        cache = json.loads(Path(cache_path).read_text())
    res = engine.resources(use_embeddings=True)
    out = []
    for key, group, zh, en, gold in documents(shared):
        if key not in cache:
            raw: list = []
            beads = best.align_best(zh, en, res=res, raw_out=raw)
            gs = set(gold)
            cache[key] = [(x, (tuple(b.src), tuple(b.tgt)) in gs) for b, x in zip(beads, raw) if x is not None]
            print(f"  aligned {key}: {len(beads)} links", file=sys.stderr, flush=True)
        out += [(group, x, bool(y)) for x, y in cache[key]]
    if cache_path:
        Path(cache_path).write_text(json.dumps(cache))
    return out


def fit_model(data) -> tuple[float, tuple[float, ...]]:
    X = np.array([x for _, x, _ in data], dtype=float)
    y = np.array([float(r) for _, _, r in data])
    w, b = fit(X, y, np.zeros(len(y), dtype=int), 1, l2=L2, iters=50)
    return round(float(b[0]), 4), tuple(round(float(v), 4) for v in w)


def loo_models(shared: Path, cache_path: str | None = None) -> dict:
    """{document key: the model fitted without that document (and its perturbed copy)}."""
    data = rows(shared, cache_path or str(Path("/tmp") / "duiqi-fit-confidence.json"))
    groups = sorted({g for g, _, _ in data})
    return {g: fit_model([r for r in data if r[0] != g]) for g in groups}


def main(argv=None) -> int:
    from editor.alignment import engine

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--cache", default=None)
    ap.add_argument("--loo", action="store_true")
    args = ap.parse_args(argv)
    shared = Path(args.shared)
    data = rows(shared, args.cache)
    print(f"{len(data)} links, {sum(not r for _, _, r in data)} wrong")
    if args.loo:
        models = loo_models(shared, args.cache)
        scored = [(engine.confidence_from_inputs(x, models[g]), r, g) for g, x, r in data if "+" not in g]
        for name, keep in (("all", lambda g: True),) + tuple((s, (lambda s: lambda g: g.startswith(s))(s))
                                                             for s in SETS):
            part = [(c, r) for c, r, g in scored if keep(g)]
            wrong = sum(not r for _, r in part)
            for t in (0.5, 0.8, 0.9, 0.93, 0.95, 0.96, 0.97, 0.98):
                marked = sum(c < t for c, _ in part)
                caught = sum(c < t and not r for c, r in part)
                print(f"  LOO {name:8s} threshold {t:.2f}: marked {marked / len(part):5.1%}, "
                      f"caught {caught / max(1, wrong):5.1%}")
    model = fit_model(data)
    print(f"PATH_CONFIDENCE_EMB = {model}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
