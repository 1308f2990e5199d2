"""Fit the path confidence model (editor.alignment.confidence.PATH_CONFIDENCE_EMB): a logistic regression of
"this link is exactly a gold bead" on the inputs of `engine.path_confidence_inputs` (confidence.PATH_INPUTS:
the lattice posterior of the link and of its boundaries, score terms: similarity margin, dictionary coverage
overall and of the weakest sentence, length, link type, the merge evidence against its neighbours, the
neighbours' posteriors, and the cross-pair evidence: is the link's translation in a neighbouring link?).

usage: python tests/benchmarks/fit_confidence.py [--shared PATH] [--cache FILE] [--loo] [--drop NAMES] [--write]

A refit is one command: `fit_confidence.py --write` fits on everything and writes the model between the
markers in editor/alignment/confidence.py (run bench_review.py afterwards for the figures to quote there).
`--drop cross_dict` fits without that input (its column set to 0), to measure what one brings. `--cache FILE`
keeps the alignments between runs; a cache made by another version of editor/alignment/ is made again.

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


def engine_fingerprint() -> str:
    """A digest of the aligner's source (editor/alignment/*.py): alignments cached under another one are stale
    (the engine or the confidence's inputs changed since) and are made again."""
    import hashlib

    digest = hashlib.sha1()
    for path in sorted((ROOT / "editor" / "alignment").glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def load_cache(cache_path: str | None) -> dict:
    """The alignments cached in `cache_path` when they were made by this engine ({} otherwise)."""
    if cache_path and Path(cache_path).is_file():
        cache = json.loads(Path(cache_path).read_text())
        if isinstance(cache, dict) and cache.get("_engine") == engine_fingerprint():
            return cache
        print(f"  {cache_path}: made by another version of the engine; aligning again", file=sys.stderr)
    return {"_engine": engine_fingerprint()}


def rows(shared: Path, cache_path: str | None = None, keys_out: list | None = None):
    """[(group, inputs, right)] of every link the engine makes on the training documents (and, in `keys_out`,
    the document key of each: a perturbed copy's key ends in "+perturbed", its group is its chapter's)."""
    from editor.alignment import best, engine

    cache = load_cache(cache_path)
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
        if keys_out is not None:
            keys_out += [key] * len(cache[key])
    if cache_path:
        Path(cache_path).write_text(json.dumps(cache))
    return out


def _columns(drop=()) -> list[int]:
    from editor.alignment.confidence import PATH_INPUTS

    unknown = set(drop) - set(PATH_INPUTS)
    if unknown:
        raise SystemExit(f"unknown input(s) {', '.join(sorted(unknown))}; the inputs are {', '.join(PATH_INPUTS)}")
    return [k for k, name in enumerate(PATH_INPUTS) if name in drop]


def fit_model(data, drop=()) -> tuple[float, tuple[float, ...]]:
    X = np.array([x for _, x, _ in data], dtype=float)
    X[:, _columns(drop)] = 0.0            # an input set to 0 everywhere keeps weight 0 (the L2 pulls it there)
    y = np.array([float(r) for _, _, r in data])
    w, b = fit(X, y, np.zeros(len(y), dtype=int), 1, l2=L2, iters=50)
    return round(float(b[0]), 4), tuple(round(float(v), 4) for v in w)


def loo_models(shared: Path, cache_path: str | None = None, drop=()) -> dict:
    """{document key: the model fitted without that document (and its perturbed copy)}."""
    data = rows(shared, cache_path or str(Path("/tmp") / "duiqi-fit-confidence.json"))
    groups = sorted({g for g, _, _ in data})
    return {g: fit_model([r for r in data if r[0] != g], drop) for g in groups}


MARK_BEGIN, MARK_END = "# -- fitted model: begin --\n", "# -- fitted model: end --\n"


def model_text(model, n_links: int, n_wrong: int) -> str:
    """The lines the package ships, as they go between the markers of confidence.py."""
    bias, weights = model
    lines, line = [], f"PATH_CONFIDENCE_EMB = ({bias}, ("
    indent = " " * len(line)
    for k, w in enumerate(weights):
        item = f"{w}, " if k < len(weights) - 1 else f"{w}))"
        if len(line) + len(item) > 115:
            lines.append(line.rstrip())
            line = indent
        line += item
    lines.append(line)
    return f"# ({n_links} links, {n_wrong} wrong)\n" + "\n".join(lines) + "\n"


def write_model(text: str) -> Path:
    """Put `text` between the markers of editor/alignment/confidence.py."""
    path = ROOT / "editor" / "alignment" / "confidence.py"
    source = path.read_text(encoding="utf-8")
    a, b = source.index(MARK_BEGIN) + len(MARK_BEGIN), source.index(MARK_END)
    path.write_text(source[:a] + text + source[b:], encoding="utf-8")
    return path


def main(argv=None) -> int:
    from editor.alignment import engine

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--cache", default=None)
    ap.add_argument("--loo", action="store_true")
    ap.add_argument("--drop", default="", help="inputs to leave out (comma-separated names of PATH_INPUTS)")
    ap.add_argument("--write", action="store_true", help="write the model into editor/alignment/confidence.py")
    args = ap.parse_args(argv)
    shared = Path(args.shared)
    drop = tuple(x for x in args.drop.split(",") if x)
    _columns(drop)
    keys: list[str] = []
    data = rows(shared, args.cache, keys)
    n_wrong = sum(not r for _, _, r in data)
    print(f"{len(data)} links, {n_wrong} wrong")
    if args.loo:
        models = loo_models(shared, args.cache, drop)
        # the real documents only (a perturbed copy is fitted on, and left out with its chapter, never scored)
        scored = [(engine.confidence_from_inputs(x, models[g]), r, g) for (g, x, r), k in zip(data, keys)
                  if "+" not in k]
        for name, keep in (("all", lambda g: True),) + tuple((s, (lambda s: lambda g: g.startswith(s))(s))
                                                             for s in SETS):
            part = [(c, r) for c, r, g in scored if keep(g)]
            wrong = sum(not r for _, r in part)
            for t in (0.5, 0.8, 0.9, 0.93, 0.95, 0.96, 0.97, 0.98):
                marked = sum(c < t for c, _ in part)
                caught = sum(c < t and not r for c, r in part)
                print(f"  LOO {name:8s} threshold {t:.2f}: marked {marked / len(part):5.1%}, "
                      f"caught {caught / max(1, wrong):5.1%}")
    text = model_text(fit_model(data, drop), len(data), n_wrong)
    print(text, end="")
    if args.write:
        print(f"written into {write_model(text)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
