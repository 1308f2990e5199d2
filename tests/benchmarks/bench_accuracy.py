"""Accuracy of the best mode where documents differ: omissions, merges, headlines, and plain-file books.

usage: python tests/benchmarks/bench_accuracy.py [--shared PATH] [--sets mac,news,pert,book,moved] [--seed N] [--json]

For each set, the engine as a user runs it, strict and lax precision / recall / F1 of beads (the metric of
../shared/bench/score.py) and precision / recall of the 1-0 / 0-1 beads (sentences without counterpart):

- mac:  MAC-dev, six literary chapters, one sentence a line (pre-segmented), chapter by chapter;
- news: ../shared/bench/news-dev, eleven news documents with omitted and merged sentences;
- pert: MAC-dev perturbed by perturb.py (omitted runs of 1-3 beads, merged neighbours, headlines; seeded);
- book: MAC-dev's six chapters joined into one Chinese and one English plain file, imported as a user's
  plain files are (not pre-segmented: each line a paragraph, split into sentences) and aligned by
  `workflow.align_document` (the paragraph path); the output is mapped back to lines (the sentences of a
  line stay together) and scored against the chapters' gold joined, next to `mac` chapter by chapter;
- moved: news-dev and MAC-dev as plain paragraphs with the translation's headline moved after the lead
  paragraph (perturb.moved_headlines; the gold has the two headlines without counterpart), aligned with the
  paragraphs (the paragraph-first path of two plain files).

No constant is fitted here; loco.py fits and reports leave-one-document-out figures.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve()
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE.parent))

from bench_align import paragraph_beads, score  # noqa: E402
from perturb import load_set, moved_headlines, perturbed  # noqa: E402


def skip_counts(gold, test) -> tuple[int, int, int]:
    """(right, output, gold) counts of 1-0 / 0-1 beads."""
    g = {b for b in gold if not (b[0] and b[1])}
    t = {b for b in test if not (b[0] and b[1])}
    return len(g & t), len(t), len(g)


def summary(pairs) -> dict:
    s = score(pairs)
    right = out = gold = 0
    for g, t in pairs:
        a, b, c = skip_counts(g, t)
        right, out, gold = right + a, out + b, gold + c
    s.update(skip_p=right / out if out else 1.0, skip_r=right / gold if gold else 1.0,
             skip_right=right, skip_out=out, skip_gold=gold)
    return s


def align_docs(docs, res) -> list:
    """Engine beads (src, tgt) for each (name, zh, en, gold), pre-segmented, no paragraphs."""
    from editor.alignment.best import align_best

    return [[(b.src, b.tgt) for b in align_best(zh, en, res=res)] for _, zh, en, _ in docs]


def book(docs) -> tuple[list, list]:
    """Gold and output line beads of the chapters joined into two plain files, aligned as a user's import."""
    from editor import workflow

    zh_all, en_all, gold = [], [], []
    for _, zh, en, g in docs:
        i0, j0 = len(zh_all), len(en_all)
        gold += [(tuple(i + i0 for i in s), tuple(j + j0 for j in t)) for s, t in g]
        zh_all += zh
        en_all += en
    with tempfile.TemporaryDirectory() as tmp:
        zp, ep = Path(tmp) / "book_zh.txt", Path(tmp) / "book_en.txt"
        zp.write_text("\n".join(zh_all) + "\n", encoding="utf-8")
        ep.write_text("\n".join(en_all) + "\n", encoding="utf-8")
        doc = workflow.import_document([zp, ep])
    if max(s.paragraph for s in doc.src) != len(zh_all) - 1 or max(t.paragraph for t in doc.tgt) != len(en_all) - 1:
        raise RuntimeError("the plain-file import did not read one paragraph per line")
    change = workflow.align_document(doc, mode="best")
    doc.apply(change)
    pos_s = {s.id: k for k, s in enumerate(doc.src)}
    pos_t = {t.id: k for k, t in enumerate(doc.tgt)}
    beads = [(tuple(pos_s[i] for i in b.src), tuple(pos_t[j] for j in b.tgt)) for b in doc.beads]
    zpar, epar = [s.paragraph for s in doc.src], [t.paragraph for t in doc.tgt]
    return gold, paragraph_beads(beads, zpar, epar)


def measure(shared: Path, sets=("mac", "news", "pert", "book", "moved"), seed: int = 1) -> dict:
    from editor.alignment.engine import one_blas_thread, resources

    res = resources(use_embeddings=True)
    mac = load_set(shared / "bench" / "mac-dev")
    out = {}
    with one_blas_thread():
        for name in sets:
            if name == "book":
                gold, test = book(mac)
                out[name] = summary([(gold, test)])
                continue
            if name == "moved":
                from editor.alignment.best import align_best

                docs = moved_headlines(load_set(shared / "bench" / "news-dev") + mac)
                pairs = [(g, [(b.src, b.tgt) for b in align_best(zh, en, src_paragraphs=zp, tgt_paragraphs=ep,
                                                                 res=res)]) for _, zh, en, g, zp, ep in docs]
                out[name] = summary(pairs)
                out[name]["per_doc"] = [round(score([p])["f1_strict"], 3) for p in pairs]
                continue
            docs = {"mac": mac, "news": load_set(shared / "bench" / "news-dev") if name == "news" else None,
                    "pert": perturbed(mac, seed) if name == "pert" else None}[name]
            tests = align_docs(docs, res)
            pairs = [(d[3], t) for d, t in zip(docs, tests)]
            out[name] = summary(pairs)
            out[name]["per_doc"] = [round(score([p])["f1_strict"], 3) for p in pairs]
    return out


LABELS = {"mac": "MAC-dev (chapters)", "news": "news-dev", "pert": "perturbed MAC-dev",
          "book": "MAC-dev as one plain-file book",
          "moved": "news-dev + MAC-dev, headline moved after the lead (plain files)"}


def report(r: dict) -> str:
    lines = ["| set | strict P / R / F1 | lax F1 | 1-0/0-1 P | 1-0/0-1 R |", "|---|---|---|---|---|"]
    for k, s in r.items():
        lines.append(f"| {LABELS.get(k, k)} | {s['p_strict']:.3f} / {s['r_strict']:.3f} / **{s['f1_strict']:.3f}** | "
                     f"{s['f1_lax']:.3f} | {s['skip_p']:.2f} ({s['skip_right']}/{s['skip_out']}) | "
                     f"{s['skip_r']:.2f} ({s['skip_right']}/{s['skip_gold']}) |")
    if "mac" in r and "book" in r:
        lines.append(f"\nplain-file book vs chapter by chapter: {r['book']['f1_strict'] - r['mac']['f1_strict']:+.3f} "
                     "strict F1")
    for k, s in r.items():
        if "per_doc" in s:
            lines.append(f"{k} per document strict F1: {s['per_doc']}")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=os.environ.get("DUIQI_SHARED", str(ROOT.parent / "shared")))
    ap.add_argument("--sets", default="mac,news,pert,book,moved")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    r = measure(Path(args.shared), args.sets.split(","), args.seed)
    print(json.dumps(r) if args.json else report(r))
    return 0


if __name__ == "__main__":
    sys.exit(main())
