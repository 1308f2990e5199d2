"""Leave-one-document-out figures of the fitted constants on every path the benchmark prints, plain files included.

usage: python tests/benchmarks/loco_paths.py [--shared PATH] [--names SKIP_SCORE,GAP_OPEN,W_SKIP_LENGTH]
                                             [--section-grid 300,400,600,800,0] [--no-book]

loco.py measures the held-out accuracy of pre-segmented documents only. The same constants also decide the
plain-file paths, where the engine aligns paragraphs first (and cuts a book into sections of at most
`SECTION_MAX` source sentences where its vocabulary changes). Here each fold leaves out one group (a MAC-dev
chapter with its perturbed copy, or one news document), fits `--names` on the rest of MAC-dev + news-dev + perturbed MAC-dev exactly as
`loco.py --sets mac,news,pert --no-priors` does, and aligns the left-out document on every path with them:

- pre-segmented: MAC-dev chapters, news-dev, perturbed MAC-dev (loco.py's figures);
- plain chapter: the same gold sentences grouped into paragraphs as a plain file is read (bench_review.py's
  "plain chapter": a paragraph break between gold beads every 2-6 beads, seeded by the document's name), on
  MAC-dev and news-dev, through the paragraph-first path;
- plain-file book: MAC-dev's six chapters as two plain files (bench_accuracy.py's "book"); in the fold of
  chapter c, `SECTION_MAX` is also chosen (from `--section-grid`; 0: no sections) on the book's other five chapters, and
  only chapter c's part of the book is scored (a bead belongs to the chapter of its first sentence);
- anchored re-alignment (bench_align.py): chapter 001 with every 10th gold bead fixed, with its fold's constants;
- mixed-news (bench_align.py's "mixed" rows) is in no fitting set: its figure with the shipped constants is
  already held out, and is printed as such.

No constant is changed by this script; it prints, for each path, pooled held-out strict F1 and 1-0/0-1
precision / recall, next to the figure with the shipped constants.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve()
sys.path.insert(0, str(HERE.parent))

from bench_accuracy import book, summary  # noqa: E402
from bench_review import plain_paragraphs  # noqa: E402
from loco import GRIDS, Counts, loco  # noqa: E402
from macdev import MODULES, MacDev, constants, default_shared  # noqa: E402


def chapter_part(beads, lo: int, hi: int):
    """The beads whose first sentence (source, else target) lies in source lines lo..hi-1 / the target range."""
    return [b for b in beads if lo <= (b[0][0] if b[0] else b[1][0]) < hi]


def book_parts(gold, test, offsets):
    """(gold, test) pairs of each chapter of the book; offsets: (zh start, en start) of each chapter."""
    out = []
    for k, (i0, j0) in enumerate(offsets):
        i1, j1 = offsets[k + 1] if k + 1 < len(offsets) else (10 ** 9, 10 ** 9)

        def inside(b):
            return i0 <= b[0][0] < i1 if b[0] else j0 <= b[1][0] < j1
        out.append(([b for b in gold if inside(b)], [b for b in test if inside(b)]))
    return out


def line(label: str, held, shipped) -> str:
    h, s = summary(held), summary(shipped)
    return (f"| {label} | {h['f1_strict']:.4f} | {h['skip_right']}/{h['skip_out']} | {h['skip_right']}/{h['skip_gold']} "
            f"| {s['f1_strict']:.4f} | {s['skip_right']}/{s['skip_out']} | {s['skip_right']}/{s['skip_gold']} |")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(default_shared()))
    ap.add_argument("--names", default="SKIP_SCORE,GAP_OPEN,W_SKIP_LENGTH")
    ap.add_argument("--section-grid", default="300,400,600,800,0", help="SECTION_MAX values (0: no sections)")
    ap.add_argument("--no-book", action="store_true")
    args = ap.parse_args(argv)
    from editor.alignment.best import align_best
    from editor.alignment.engine import one_blas_thread

    shared = Path(args.shared)
    names = args.names.split(",")
    md = MacDev(shared, sets="mac,news,pert")
    cnt = Counts(md)
    base = {n: getattr(next(m for m in MODULES if hasattr(m, n)), n) for n in GRIDS}
    with one_blas_thread():
        _, _, fits = loco(cnt, base, names, priors=False, rounds=1)
    docs = md.chapters
    fold = {d.name: dict(base, **fits[k]) for k, d in enumerate(docs)}
    rows = ["| path | held-out strict F1 | 1-0/0-1 P | 1-0/0-1 R | shipped strict F1 | P | R |", "|---|---|---|---|---|---|---|"]

    # pre-segmented (as loco.py)
    held = [md.run(fold[d.name], [k])[0] for k, d in enumerate(docs)]
    shipped = md.run(base)
    for prefix, label in (("", "MAC-dev, pre-segmented chapters"), ("news", "news-dev, pre-segmented"),
                          ("pert", "perturbed MAC-dev, pre-segmented")):
        ks = [k for k, d in enumerate(docs) if (d.name.startswith(prefix) if prefix else d.name[:1].isdigit())]
        rows.append(line(label, [(docs[k].gold, held[k]) for k in ks], [(docs[k].gold, shipped[k]) for k in ks]))
        print(rows[-1], file=sys.stderr, flush=True)

    # plain chapters: paragraphs as a plain file gives them, the paragraph-first path
    with one_blas_thread():
        for prefix, set_name, label in (("", "mac-dev", "MAC-dev, plain chapters"),
                                        ("news", "news-dev", "news-dev, plain documents")):
            ks = [k for k, d in enumerate(docs) if (d.name.startswith(prefix) if prefix else d.name[:1].isdigit())]
            h, s = [], []
            for k in ks:
                d = docs[k]
                zp, ep = plain_paragraphs(d.gold, f"{set_name}/{d.name.removeprefix(prefix)}")
                for params, out in ((fold[d.name], h), (base, s)):
                    with constants(params):
                        beads = align_best(d.zh, d.en, src_paragraphs=zp, tgt_paragraphs=ep, res=md.res)
                    out.append((d.gold, [(b.src, b.tgt) for b in beads]))
            rows.append(line(label, h, s))
            print(rows[-1], file=sys.stderr, flush=True)

    # the plain-file book: SECTION_MAX chosen per fold on the other chapters of the book
    if not args.no_book:
        chapters = [(d.name, d.zh, d.en, d.gold) for d in docs if d.name[:1].isdigit()]
        offsets, i0, j0 = [], 0, 0
        for _, zh, en, _ in chapters:
            offsets.append((i0, j0))
            i0, j0 = i0 + len(zh), j0 + len(en)
        from editor.alignment import engine

        grid = [int(x) or 10 ** 9 for x in args.section_grid.split(",")]
        memo: dict = {}

        def book_run(params):
            key = json.dumps(sorted((k, params[k]) for k in names + ["SECTION_MAX"]), default=str)
            if key not in memo:
                with constants(params), one_blas_thread():
                    gold, test = book(chapters)
                memo[key] = book_parts(gold, test, offsets)
                print(f"  book aligned with {key}", file=sys.stderr, flush=True)
            return memo[key]

        held_book, chosen = [], []
        for c, (name, *_rest) in enumerate(chapters):
            params = {k: fold[name][k] for k in names}
            others = [q for q in range(len(chapters)) if q != c]
            shipped_max = engine.SECTION_MAX
            best = max(grid, key=lambda v: (summary([book_run(dict(params, SECTION_MAX=v))[q] for q in others])
                                            ["f1_strict"], v == shipped_max))
            chosen.append(best)
            held_book.append(book_run(dict(params, SECTION_MAX=best))[c])
        shipped_book = book_run({**{k: base[k] for k in names}, "SECTION_MAX": engine.SECTION_MAX})
        rows.append(line("MAC-dev as one plain-file book", held_book, shipped_book))
        rows.append(f"\nSECTION_MAX chosen per book fold: {[v if v < 10 ** 9 else 0 for v in chosen]}")

    # anchored re-alignment (bench_align.py): chapter 001 with every 10th gold bead fixed, its fold's constants
    from editor.alignment import FixedSpan

    first = next(d for d in docs if d.name[:1].isdigit())
    fixed = [FixedSpan(s[0], s[-1] + 1, t[0], t[-1] + 1) for k, (s, t) in enumerate(first.gold)
             if k % 10 == 0 and s and t]
    anchored = []
    with one_blas_thread():
        for params in (fold[first.name], base):
            with constants(params):
                beads = align_best(first.zh, first.en, fixed=fixed, res=md.res)
            anchored.append([(first.gold, [(b.src, b.tgt) for b in beads])])
    rows.append(line(f"MAC-dev {first.name}, every 10th gold bead fixed", *anchored))

    mixed = shared / "samples" / "mixed-news" / "gold.json"
    if mixed.is_file():
        g = json.loads(mixed.read_text(encoding="utf-8"))
        zh, en = [x["text"] for x in g["zh_sentences"]], [x["text"] for x in g["en_sentences"]]
        zp, ep = [x["para"] for x in g["zh_sentences"]], [x["para"] for x in g["en_sentences"]]
        gold = [(tuple(a), tuple(b)) for a, b in g["sentence_beads"]]
        with one_blas_thread():
            for label, kw in (("with paragraphs", dict(src_paragraphs=zp, tgt_paragraphs=ep)), ("sentences only", {})):
                pair = [(gold, [(b.src, b.tgt) for b in align_best(zh, en, res=md.res, **kw)])]
                rows.append(line(f"mixed-news {label} (in no fitting set: shipped = held out)", pair, pair))
    print("\n".join(rows))
    print("\nfitted per fold (pre-segmented and plain): "
          + "; ".join(f"{d.name} {fits[k]}" for k, d in enumerate(docs) if fits[k] != {n: base[n] for n in names}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
