"""Review-triage benchmark: does the editor's "doubtful" send the translator to the wrong links?

usage: python tests/benchmarks/bench_review.py [--shared PATH] [--thresholds 0.5,0.9,...]

On MAC-dev (gold-aligned literary chapters) and on the mixed-news sample it aligns with the default
("best") mode, asks `editor.bitext.review` which links are doubtful, and prints:

- the share of links marked doubtful at each threshold (the default one starred);
- the share of the wrong links among them (recall of errors);
- the share of links a lowest-first review (the review list sorted by confidence) must read to find
  80/90/95 % of the wrong links.

A link is wrong when it is not exactly a gold bead (strict). MAC-dev is reported twice: with the shipped
confidence weights (fitted on all six chapters, so in-sample) and with weights refitted leave-one-chapter-out
(fitted on five chapters, scored on the sixth): the honest figure for unseen text. The mixed sample is
held-out data for both. Accuracy figures do not depend on the machine; the run takes a few minutes.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve()
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE.parent))

from bench_align import read_beads  # noqa: E402

DEPTHS = (0.8, 0.9, 0.95)


def _document(zh, en, beads, confidences, zh_par=None, en_par=None, marks=None):
    """An AlignmentDocument of the texts with the engine's beads (positions) and the given confidences."""
    from editor.bitext.document import AlignmentDocument, Bead
    from editor.bitext.document import Segment

    marks = marks or {}
    src = [Segment(i, t, zh_par[i] if zh_par else 0, marks.get(("zh", i), ())) for i, t in enumerate(zh)]
    tgt = [Segment(len(zh) + j, t, en_par[j] if en_par else 0, marks.get(("en", j), ())) for j, t in enumerate(en)]
    doc_beads = [Bead(tuple(s), tuple(len(zh) + j for j in t), c) for (s, t), c in zip(beads, confidences)]
    return AlignmentDocument(src, tgt, doc_beads)


def triage(docs_and_gold, threshold):
    """Return (links, wrong, marked, wrong among marked, review depth per DEPTHS) over several documents."""
    from editor.bitext.review import ReviewPolicy, review_priority

    rows = []       # (priority, doubtful, wrong)
    for doc, gold, n_src in docs_and_gold:
        policy = ReviewPolicy.for_document(doc, threshold)
        gs = set(gold)
        for bead in doc.beads:
            pos = (bead.src, tuple(j - n_src for j in bead.tgt))
            rows.append((review_priority(policy, doc, bead), policy.is_doubtful(doc, bead), pos not in gs))
    n, wrong = len(rows), sum(w for _, _, w in rows)
    marked = sum(d for _, d, _ in rows)
    caught = sum(w for _, d, w in rows if d)
    depth = {}
    found = 0
    for k, (_, _, w) in enumerate(sorted(rows, key=lambda r: r[0]), start=1):
        found += w
        for q in DEPTHS:
            if q not in depth and wrong and found >= q * wrong:
                depth[q] = k / n
    return n, wrong, marked, caught, depth


def print_table(label, docs_and_gold, thresholds, default):
    print(f"\n## {label}")
    print("  threshold   links  wrong   marked doubtful   wrong links caught")
    for t in thresholds:
        n, wrong, marked, caught, _ = triage(docs_and_gold, t)
        star = "*" if t == default else " "
        print(f"  {t:5.2f}{star}    {n:6d} {wrong:6d}   {marked:5d} = {marked / n:5.1%}     "
              + (f"{caught:4d} = {caught / wrong:5.1%}" if wrong else "   – (no wrong links)"))
    n, wrong, _, _, depth = triage(docs_and_gold, default)
    shown = ", ".join(f"{int(q * 100)} % of the wrong links after {depth[q]:.1%} of the links" for q in DEPTHS
                      if q in depth)
    print(f"  lowest-first review (review list by confidence): {shown or 'no wrong links'}")


def macdev(shared: Path, res):
    from fit_weights import fit
    import numpy as np

    from editor.alignment import engine
    from editor.alignment.best import align_region_beads

    d = shared / "bench" / "mac-dev"
    chapters = []
    for name in sorted(os.listdir(d / "gold")):
        zh = (d / "zh" / name).read_text(encoding="utf-8").rstrip("\n").split("\n")
        en = (d / "en" / name).read_text(encoding="utf-8").rstrip("\n").split("\n")
        gold = read_beads(d / "gold" / name)
        raw = align_region_beads(zh, en, res)
        chapters.append((name, zh, en, gold, raw))
        print(f"  aligned chapter {name}: {len(raw)} links", file=sys.stderr, flush=True)
    with_emb = res.encoder is not None

    def beads_of(raw):
        return [(tuple(range(b.s0, b.s1)), tuple(range(b.t0, b.t1))) for b in raw]

    shipped = [(_document(zh, en, beads_of(raw), [round(engine.confidence(b, with_emb), 4) for b in raw]), gold, len(zh))
               for name, zh, en, gold, raw in chapters]

    loco = []
    for k, (name, zh, en, gold, raw) in enumerate(chapters):
        X, y = [], []
        for q, (_, _, _, g, r) in enumerate(chapters):
            if q == k:
                continue
            gs = set(g)
            for b in r:
                if b.s1 > b.s0 and b.t1 > b.t0:
                    X.append(engine.confidence_inputs(b))
                    y.append(float((tuple(range(b.s0, b.s1)), tuple(range(b.t0, b.t1))) in gs))
        wx, wt = fit(np.array(X), np.array(y), np.zeros(len(y), dtype=int), 1, l2=1e-2)
        conf = []
        for b in raw:
            if b.s1 > b.s0 and b.t1 > b.t0:
                z = float(wt[0] + np.dot(wx, engine.confidence_inputs(b)))
                conf.append(round(1 / (1 + math.exp(-max(-30.0, min(30.0, z)))), 4))
            else:
                conf.append(engine.SKIP_CONFIDENCE)
        loco.append((_document(zh, en, beads_of(raw), conf), gold, len(zh)))
    return shipped, loco


def mixed(shared: Path):
    from editor.alignment import align
    from editor.importing.script import detect_chinese_script
    from editor.workflow import sentence_marks

    g = json.loads((shared / "samples" / "mixed-news" / "gold.json").read_text(encoding="utf-8"))
    zh = [x["text"] for x in g["zh_sentences"]]
    en = [x["text"] for x in g["en_sentences"]]
    zp = [x["para"] for x in g["zh_sentences"]]
    ep = [x["para"] for x in g["en_sentences"]]
    gold = [(tuple(a), tuple(b)) for a, b in g["sentence_beads"]]
    marks = {}
    for side, texts, paras in (("zh", zh, zp), ("en", en, ep)):
        paragraphs = [""] * (max(paras) + 1)
        for t, p in zip(texts, paras):
            paragraphs[p] += t if side == "zh" else (" " + t if paragraphs[p] else t)
        for k, m in enumerate(sentence_marks(paragraphs, list(zip(texts, paras)), detect_chinese_script("".join(zh)))):
            if m:
                marks[(side, k)] = m
    beads = align(zh, en, src_paragraphs=zp, tgt_paragraphs=ep, mode="best")
    doc = _document(zh, en, [(b.src, b.tgt) for b in beads], [b.confidence for b in beads], zp, ep, marks)
    return [(doc, gold, len(zh))], len(marks)


def main(argv=None) -> int:
    from editor.alignment.engine import resources
    from editor.bitext.review import DEFAULT_THRESHOLD

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--thresholds", default="0.5,0.8,0.9,0.93,0.95,0.97,0.98")
    args = ap.parse_args(argv)
    shared = Path(args.shared)
    thresholds = sorted({float(t) for t in args.thresholds.split(",")} | {DEFAULT_THRESHOLD})
    res = resources(use_embeddings=True)
    print(f"# Duiqi review-triage benchmark (mode best; default threshold {DEFAULT_THRESHOLD}, starred)")
    if (shared / "bench" / "mac-dev").is_dir():
        shipped, loco = macdev(shared, res)
        print_table("MAC-dev, leave-one-chapter-out (confidence refitted on five chapters, scored on the sixth)",
                    loco, thresholds, DEFAULT_THRESHOLD)
        print_table("MAC-dev, shipped confidence weights (fitted on all six chapters: in-sample)",
                    shipped, thresholds, DEFAULT_THRESHOLD)
    else:
        print(f"MAC-dev not found under {shared}")
    if (shared / "samples" / "mixed-news" / "gold.json").is_file():
        docs, n_marked = mixed(shared)
        print_table(f"mixed-news sample (held out; {n_marked} sentence(s) carry import warnings)", docs,
                    thresholds, DEFAULT_THRESHOLD)
    return 0


if __name__ == "__main__":
    sys.exit(main())
