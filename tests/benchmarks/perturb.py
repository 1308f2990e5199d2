"""Perturb a gold alignment set the way real documents differ: omissions, merged sentences, headlines.

usage: python tests/benchmarks/perturb.py GOLD_SET OUT_DIR [--seed N]      # GOLD_SET: e.g. ../shared/bench/mac-dev

Reads a set in the ../shared/bench layout (zh/NAME, en/NAME one sentence a line, gold/NAME one bead a line)
and writes the same layout with, for each document (seeded by the seed and the document's name, so the
output is deterministic):

- omissions: runs of 1-3 consecutive beads lose every sentence of one side (a translator skipped a
  sentence or a paragraph; or the other side added it): the other side's sentences become 1-0 / 0-1 beads;
- merges: two neighbouring beads become one by joining the last sentence of the first with the first sentence
  of the second on one side (1-1 + 1-1 -> 2-1 or 1-2, as a translator joins or splits sentences);
- headlines: a short line (the first clause of a bead's first sentence on each side, so the lead repeats it)
  is inserted before a bead as its own 1-1 bead: at the start of every document and before about 1 % of the
  other beads; a third of them are kept on one side only (a 1-0 / 0-1 headline).

Writing into the project is never needed: `perturbed(docs, seed)` returns the documents in memory (used by
bench_accuracy.py). Never copy the bench texts into the project.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import zlib
from pathlib import Path

#: share of beads that start an omitted run, the run lengths and their weights
OMIT_RATE = 0.04
RUN_LENGTHS = ((1, 0.5), (2, 0.3), (3, 0.2))
#: share of beads merged with the next one on one side
MERGE_RATE = 0.08
#: share of beads (besides the first) that get a headline before them; share of headlines kept on one side only
HEADLINE_RATE = 0.01
ONE_SIDED_HEADLINE = 1 / 3

_ZH_CLAUSE = re.compile(r"[，；：,;:—。！？!?]")
_EN_CLAUSE = re.compile(r"[,;:—.!?]\s|[,;:—](?=\S)|[.!?]$")


def _headline(zh: str, en: str) -> tuple[str, str] | None:
    """The first clause of each side as a headline, or None when either is too short or too long."""
    z = _ZH_CLAUSE.split(zh.strip(), maxsplit=1)[0].strip(" “”「」\"'")
    e = _EN_CLAUSE.split(en.strip(), maxsplit=1)[0].strip(" “”‘’\"'")
    if not (3 <= len(z) <= 30 and 2 <= len(e.split()) <= 14):
        return None
    return z, e[:1].upper() + e[1:]


def _run_length(rng: random.Random) -> int:
    x, acc = rng.random(), 0.0
    for k, w in RUN_LENGTHS:
        acc += w
        if x < acc:
            return k
    return RUN_LENGTHS[-1][0]


def perturb(name: str, zh: list[str], en: list[str], gold: list[tuple[tuple, tuple]], seed: int = 1
            ) -> tuple[list[str], list[str], list[tuple[tuple, tuple]], dict]:
    """Return (zh, en, gold, counts) of the perturbed document."""
    rng = random.Random(zlib.crc32(f"{seed}:{name}".encode()))
    # beads as lists of texts; events act on these, then everything is renumbered
    beads = [([zh[i] for i in s], [en[j] for j in t]) for s, t in gold]
    counts = {"omitted runs": 0, "omitted sentences": 0, "merges": 0, "headlines": 0, "one-sided headlines": 0}
    out: list[tuple[list[str], list[str]]] = []
    k = 0
    while k < len(beads):
        zs, es = beads[k]
        if k == 0 or rng.random() < HEADLINE_RATE:
            head = _headline(zs[0], es[0]) if zs and es else None
            if head is not None:
                z, e = head
                counts["headlines"] += 1
                if rng.random() < ONE_SIDED_HEADLINE:
                    counts["one-sided headlines"] += 1
                    out.append(([z], []) if rng.random() < 0.5 else ([], [e]))
                else:
                    out.append(([z], [e]))
        x = rng.random()
        if x < OMIT_RATE and zs and es:
            run = [b for b in beads[k:k + _run_length(rng)] if b[0] and b[1]]
            side = rng.randrange(2)       # 0: the Chinese side is dropped (the English is "added"), 1: the English
            for bz, be in run:
                if side == 0:
                    out.extend(([], [e]) for e in be)
                else:
                    out.extend(([z], []) for z in bz)
                kept = be if side == 0 else bz
                counts["omitted sentences"] += len(kept)
            counts["omitted runs"] += 1
            k += len(run) if run else 1
            continue
        if x < OMIT_RATE + MERGE_RATE and k + 1 < len(beads) and zs and es and beads[k + 1][0] and beads[k + 1][1]:
            nz, ne = beads[k + 1]
            if rng.random() < 0.5:      # join on the Chinese side
                zs2 = zs[:-1] + [zs[-1] + nz[0]] + nz[1:]
                out.append((zs2, es + ne))
            else:
                es2 = es[:-1] + [es[-1].rstrip() + " " + ne[0].lstrip()] + ne[1:]
                out.append((zs + nz, es2))
            counts["merges"] += 1
            k += 2
            continue
        out.append((zs, es))
        k += 1
    new_zh, new_en, new_gold = [], [], []
    for zs, es in out:
        s = tuple(range(len(new_zh), len(new_zh) + len(zs)))
        t = tuple(range(len(new_en), len(new_en) + len(es)))
        new_zh += zs
        new_en += es
        new_gold.append((s, t))
    return new_zh, new_en, new_gold, counts


def perturbed(docs, seed: int = 1):
    """[(name, zh, en, gold)] -> the same, perturbed (deterministic for a seed)."""
    return [(name, *perturb(name, zh, en, gold, seed)[:3]) for name, zh, en, gold in docs]


def moved_headlines(docs, seed: str = "moved"):
    """Each document as two plain files would hold it, with its translation's headline moved after the lead:
    [(name, zh, en, gold, zh paragraphs, en paragraphs)]. Paragraphs of 2-6 gold beads, drawn as
    bench_review.plain_paragraphs does; the first gold bead (when 1-1: a headline, a chapter title) is a paragraph
    of its own on both sides; on the English side it is moved after the first paragraph that follows it. The gold
    then has the two headlines without counterpart (a crossing cannot be one monotonic link). Documents whose first
    bead is not 1-1 or that have one paragraph only are left out."""
    out = []
    for name, zh, en, gold in docs:
        rng = random.Random(f"{seed}/{name}")
        zp, ep, par, left = {}, {}, 0, rng.randint(2, 6)
        for k, (s, t) in enumerate(gold):
            if k == 1:
                par, left = par + 1, rng.randint(2, 6)         # the headline's paragraph ends after it
            for i in s:
                zp[i] = par
            for j in t:
                ep[j] = par
            left -= 1
            if left == 0 and k:
                par, left = par + 1, rng.randint(2, 6)
        s0, t0 = gold[0]
        if len(s0) != 1 or len(t0) != 1:
            continue
        head = t0[0]
        order = [j for j in range(len(en)) if j != head]
        lead = [j for j in order if ep[j] == ep[head] + 1]
        if not lead or len(set(ep.values())) < 3:
            continue
        at = order.index(lead[-1]) + 1
        order = order[:at] + [head] + order[at:]
        new_par, en_par = {}, []
        for j in order:                                    # the moved headline: a paragraph between the two
            key = ep[j] + 0.5 if j == head else ep[j]
            en_par.append(new_par.setdefault(key, len(new_par)))
        pos = {j: k for k, j in enumerate(order)}
        gold2 = [(tuple(s), () if k == 0 else tuple(pos[j] for j in t)) for k, (s, t) in enumerate(gold)]
        gold2.append(((), (pos[head],)))
        out.append((name, zh, [en[j] for j in order], _in_order(gold2), [zp[i] for i in range(len(zh))], en_par))
    return out


def _in_order(beads):
    """Beads sorted into a monotonic sequence (the one-sided ones where their side puts them)."""
    placed = [b for b in beads if b[0] and b[1]]
    for b in beads:
        if b[0] and b[1]:
            continue
        if b[0]:
            k = next((q for q, p in enumerate(placed) if p[0] and p[0][0] > b[0][0]), len(placed))
        else:
            k = next((q for q, p in enumerate(placed) if p[1] and p[1][0] > b[1][0]), len(placed))
        placed.insert(k, b)
    return placed


def load_set(path: Path):
    """[(name, zh, en, gold)] of a set in the ../shared/bench layout."""
    import ast

    docs = []
    for g in sorted((path / "gold").iterdir()):
        zh = (path / "zh" / g.name).read_text(encoding="utf-8").rstrip("\n").split("\n")
        en = (path / "en" / g.name).read_text(encoding="utf-8").rstrip("\n").split("\n")
        gold = []
        for line in g.read_text(encoding="utf-8").splitlines():
            if line.strip():
                s, t = line.strip().split(":", 1)
                gold.append((tuple(ast.literal_eval(s)), tuple(ast.literal_eval(t))))
        docs.append((g.name, zh, en, gold))
    return docs


def _fmt(ids) -> str:
    return "[" + ",".join(map(str, ids)) + "]"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold_set", type=Path)
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    for sub in ("zh", "en", "gold"):
        (args.out_dir / sub).mkdir(parents=True, exist_ok=True)
    for name, zh, en, gold in load_set(args.gold_set):
        z, e, g, counts = perturb(name, zh, en, gold, args.seed)
        (args.out_dir / "zh" / name).write_text("\n".join(z) + "\n", encoding="utf-8")
        (args.out_dir / "en" / name).write_text("\n".join(e) + "\n", encoding="utf-8")
        (args.out_dir / "gold" / name).write_text("".join(f"{_fmt(s)}:{_fmt(t)}\n" for s, t in g), encoding="utf-8")
        print(name, counts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
