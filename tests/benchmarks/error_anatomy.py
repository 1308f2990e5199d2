"""Error anatomy of the best mode on MAC-dev: where the strict-F1 errors come from.

usage: python tests/benchmarks/error_anatomy.py [--shared PATH] [--loco [NAMES]] [--show N]

Gold and output are two partitions of the same sentence pairs; where they share a cut (a node (i, j) at a
bead boundary of both) they agree or not, so each stretch between shared cuts where they differ is one error
region, with its gold beads (missed: recall errors) and output beads (wrong: precision errors). A region is
classed by the first rule that fits:

- beyond the bead set: a gold bead of a type the DP does not consider (e.g. 1-6, 3-3);
- missed 1-0/0-1: gold has a sentence without counterpart and the output none;
- spurious 1-0/0-1: the output skips a sentence gold links;
- boundary shift: as many beads on both sides, a boundary moved (English sentences across a Chinese
  sentence boundary, "target side"; or Chinese sentences across an English boundary, "source side");
- over-merge / over-split: the output has fewer / more beads than gold there.

Regions are also marked "dialogue" when a sentence in them holds a quotation mark.

With `--loco`, each chapter is aligned with the constants NAMES (default: the clause pass's two) fitted on
the other five chapters (see loco.py), as the leave-one-chapter-out figure is measured.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve()
sys.path.insert(0, str(HERE.parent))

from bench_align import score  # noqa: E402
from macdev import MODULES, MacDev, default_shared  # noqa: E402

QUOTES = "“”「」『』\"‘’"
CLASSES = ("boundary shift, target side", "boundary shift, source side", "boundary shift, both sides",
           "over-merge", "over-split", "missed 1-0/0-1", "spurious 1-0/0-1", "beyond the bead set")


def ranges(beads):
    """Beads as (s0, s1, t0, t1) in order (a skipped sentence sits between its neighbours)."""
    out, i, j = [], 0, 0
    for s, t in beads:
        s0 = s[0] if s else i
        t0 = t[0] if t else j
        out.append((s0, s0 + len(s), t0, t0 + len(t)))
        i, j = s0 + len(s), t0 + len(t)
    return out


def regions(gold, test):
    """Error regions: (gold beads, output beads) between consecutive shared cuts where the two differ."""
    g, t = ranges(gold), ranges(test)
    end = lambda b: (b[1], b[3])  # noqa: E731
    out = []
    gi = ti = 0
    while gi < len(g) and ti < len(t):
        gs, ts = [g[gi]], [t[ti]]
        gi, ti = gi + 1, ti + 1
        while end(gs[-1]) != end(ts[-1]):
            # extend the side that is behind (both partitions end at (n, m), so this stops)
            if (sum(end(gs[-1])) <= sum(end(ts[-1])) and gi < len(g)) or ti >= len(t):
                gs.append(g[gi])
                gi += 1
            else:
                ts.append(t[ti])
                ti += 1
        if gs != ts:
            out.append((gs, ts))
    return out


def classify(gs, ts, bead_types) -> str:
    types = lambda bs: [(b[1] - b[0], b[3] - b[2]) for b in bs]  # noqa: E731
    if any(ty not in bead_types for ty in types(gs)):
        return "beyond the bead set"
    gskip = [ty for ty in types(gs) if 0 in ty]
    tskip = [ty for ty in types(ts) if 0 in ty]
    if len(gskip) > len(tskip):
        return "missed 1-0/0-1"
    if len(tskip) > len(gskip):
        return "spurious 1-0/0-1"
    if len(gs) == len(ts):
        src_same = [b[:2] for b in gs] == [b[:2] for b in ts]
        tgt_same = [b[2:] for b in gs] == [b[2:] for b in ts]
        if src_same:
            return "boundary shift, target side"
        if tgt_same:
            return "boundary shift, source side"
        return "boundary shift, both sides"
    return "over-merge" if len(ts) < len(gs) else "over-split"


def anatomy(md: MacDev, tests, show: int = 0) -> dict:
    from editor.alignment import scoring

    rows = Counter()
    missed = Counter()
    wrong = Counter()
    dialogue = Counter()
    gold_types, found_types = Counter(), Counter()
    shown = 0
    for ch, test in zip(md.chapters, tests):
        ts = set(test)
        for s, t in ch.gold:
            ty = (len(s), len(t))
            gold_types[ty] += 1
            found_types[ty] += (s, t) in ts
        for gs, tb in regions(ch.gold, test):
            cls = classify(gs, tb, scoring.BEAD_TYPES)
            rows[cls] += 1
            missed[cls] += len(gs)
            wrong[cls] += len(tb)
            zs = "".join(ch.zh[i] for b in gs for i in range(b[0], b[1]))
            es = " ".join(ch.en[j] for b in gs for j in range(b[2], b[3]))
            if any(q in zs + es for q in QUOTES):
                dialogue[cls] += 1
            if shown < show:
                shown += 1
                fmt = lambda bs: " ".join(f"{b[1] - b[0]}-{b[3] - b[2]}@{b[0]},{b[2]}" for b in bs)  # noqa: E731
                print(f"  {ch.name} {cls}: gold {fmt(gs)} | output {fmt(tb)}")
    return dict(rows=rows, missed=missed, wrong=wrong, dialogue=dialogue, gold_types=gold_types,
                found_types=found_types)


def report(md: MacDev, tests, show: int = 0) -> None:
    pairs = [(ch.gold, t) for ch, t in zip(md.chapters, tests)]
    s = score(pairs)
    per = [round(score([p])["f1_strict"], 3) for p in pairs]
    print(f"strict F1 {s['f1_strict']:.4f} (P {s['p_strict']:.3f} R {s['r_strict']:.3f}) per chapter {per}")
    a = anatomy(md, tests, show)
    tot_m, tot_w = sum(a["missed"].values()), sum(a["wrong"].values())
    print("\n| error class | regions | gold beads missed | output beads wrong | share of errors | in dialogue |")
    print("|---|---|---|---|---|---|")
    for cls in sorted(CLASSES, key=lambda c: -(a["missed"][c] + a["wrong"][c])):
        if a["rows"][cls]:
            share = (a["missed"][cls] + a["wrong"][cls]) / max(tot_m + tot_w, 1)
            print(f"| {cls} | {a['rows'][cls]} | {a['missed'][cls]} | {a['wrong'][cls]} | {share:.0%} | "
                  f"{a['dialogue'][cls]} |")
    print(f"| total | {sum(a['rows'].values())} | {tot_m} | {tot_w} | 100% | {sum(a['dialogue'].values())} |")
    print("\n| gold bead type | count | found exactly | recall |")
    print("|---|---|---|---|")
    for ty, c in a["gold_types"].most_common():
        print(f"| {ty[0]}-{ty[1]} | {c} | {a['found_types'][ty]} | {a['found_types'][ty] / c:.2f} |")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(default_shared()))
    ap.add_argument("--loco", nargs="?", const="CLAUSE_MOVE_MARGIN,SCORE_WEIGHT", default=None,
                    help="fit these constants (comma-separated) leave-one-chapter-out")
    ap.add_argument("--show", type=int, default=0, help="list the first N error regions")
    ap.add_argument("--sets", default="mac", help="comma-separated: mac, news, pert (see macdev.load_docs)")
    args = ap.parse_args(argv)
    md = MacDev(Path(args.shared), sets=args.sets)
    if args.loco:
        from loco import GRIDS, Counts, loco
        names = args.loco.split(",")
        base = {n: getattr(next(m for m in MODULES if hasattr(m, n)), n) for n in GRIDS}
        _, _, fits = loco(Counts(md), base, names)
        tests = [md.run(dict(base, **fits[k]), [k])[0] for k in range(len(md.chapters))]
        print(f"leave-one-chapter-out, fitted: {names}")
    else:
        tests = md.run()
        print("shipped constants")
    report(md, tests, args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
