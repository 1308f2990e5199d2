"""Oracles on MAC-dev as one pre-segmented book: which coupling between chapters costs what.

usage: python tests/benchmarks/book_oracles.py [--shared PATH]

The six chapters joined into one text lose strict F1 against the same chapters aligned one by one. Here each
chapter is aligned in its own lattice (its own anchors and band) with some of the statistics the book's run
computes (its local length ratio, its document frequencies, its similarity margins), the book in one lattice
with every bead kept inside its chapter, and the book in sections cut at (or near) the chapters' joins. Each
line prints the strict F1 of the whole book and of each chapter's part. The book's run is built here step by
step as `engine.align_region` aligned a book before sections (`SECTION_MAX`).
"""

from __future__ import annotations

import argparse
import copy
import sys
from pathlib import Path

HERE = Path(__file__).resolve()
sys.path.insert(0, str(HERE.parents[2]))
sys.path.insert(0, str(HERE.parent))

from bench_align import score  # noqa: E402
from fit_weights import load_macdev  # noqa: E402
from macdev import default_shared  # noqa: E402
from editor.alignment import engine, scoring  # noqa: E402
from editor.alignment.engine import band_scores, decode, keep_inside_blocks  # noqa: E402
from editor.alignment.search import band_from_anchors, best_chain, diagonal_band, top_k_candidates  # noqa: E402


def ratio_of(zh, en) -> float:
    return (sum(map(scoring.text_length, en)) or 1) / \
        (sum(scoring.text_length(scoring.clean_chinese(s)) for s in zh) or 1)


def anchors_band(sides, n: int, m: int):
    """The anchors and band `engine.align_region` uses for a region of n x m sentences."""
    if n * m <= 40_000:
        return None, diagonal_band(n, m, max(n, m))
    half = max(engine.ANCHOR_HALF_WIDTH_MIN, int(engine.ANCHOR_HALF_WIDTH_SHARE * max(n, m)))
    anchors = best_chain(top_k_candidates(sides.sentence_sims, n, m, half, engine.ANCHOR_TOP_K), m)
    return anchors, band_from_anchors(anchors, n, m, engine.BAND_SLACK)


def decode_region(sides, band, margins, blocks=None):
    pb = sides.pair_band(band)
    scores = band_scores(sides, band, pb, margins, sides.n)
    if blocks is not None:
        keep_inside_blocks(band, scores, blocks)
    return decode(band, scores, sides)


def beads(path, i0: int = 0, j0: int = 0):
    return [(tuple(range(s0 + i0, s1 + i0)), tuple(range(t0 + j0, t1 + j0))) for s0, s1, t0, t1, *_ in path]


class Book:
    def __init__(self, shared: Path) -> None:
        self.chapters = load_macdev(shared)
        self.res = engine.resources()
        self.offs, i, j = [], 0, 0
        for _, zh, en, _ in self.chapters:
            self.offs.append((i, i + len(zh), j, j + len(en)))
            i, j = i + len(zh), j + len(en)
        self.zh = [s for c in self.chapters for s in c[1]]
        self.en = [s for c in self.chapters for s in c[2]]
        self.gold = [(tuple(a + i0 for a in s), tuple(b + j0 for b in t))
                     for (i0, _, j0, _), c in zip(self.offs, self.chapters) for s, t in c[3]]
        n, m = len(self.zh), len(self.en)
        # the book's run (engine.align_region without sections)
        self.sides = scoring.Sides(self.zh, self.en, ratio_of(self.zh, self.en), self.res.lexicon, self.res.encoder)
        self.anchors, self.band = anchors_band(self.sides, n, m)
        self.sides.local_ratio = scoring.local_ratio(self.sides, self.anchors, engine.LOCAL_RATIO_HALF)
        self.margins = self.sides.margins(self.sides.pair_band(self.band))
        # each chapter's own run
        self.own = []
        for _, zh, en, _ in self.chapters:
            sides = scoring.Sides(zh, en, ratio_of(zh, en), self.res.lexicon, self.res.encoder)
            _, band = anchors_band(sides, len(zh), len(en))
            self.own.append((sides, band, sides.margins(sides.pair_band(band))))

    def report(self, label: str, test) -> str:
        per = []
        for i0, i1, j0, j1 in self.offs:
            def inside(b, i0=i0, i1=i1, j0=j0, j1=j1):
                return i0 <= b[0][0] < i1 if b[0] else j0 <= b[1][0] < j1
            per.append(round(score([([b for b in self.gold if inside(b)], [b for b in test if inside(b)])])["f1_strict"], 4))
        return f"| {label} | {score([(self.gold, test)])['f1_strict']:.4f} | {per} |"

    def chapter_lattices(self, ratio=False, idf=False, margins=False):
        """Each chapter in its own lattice, with the book's statistics where asked."""
        out = []
        b = self.sides
        for k, (i0, i1, j0, j1) in enumerate(self.offs):
            sides, band, own_margins = self.own[k]
            sides = copy.copy(sides)
            if ratio:
                sides.local_ratio = b.local_ratio[i0:i1 + 1]
            if idf:
                sides.zh_w, sides.en_w, sides.nz, sides.ne = b.zh_w[i0:i1], b.en_w[j0:j1], b.nz[i0:i1], b.ne[j0:j1]
            mg = (self.margins[0][i0:i1], self.margins[1][j0:j1]) if margins else own_margins
            out += beads(decode_region(sides, band, mg), i0, j0)
        return out

    def in_sections(self, cuts):
        """The book cut at (i, j) points, each section aligned alone as engine.align_region does."""
        pts = [(0, 0)] + list(cuts) + [(len(self.zh), len(self.en))]
        out = []
        for (i0, j0), (i1, j1) in zip(pts, pts[1:]):
            beads_ = engine.align_region(self.zh[i0:i1], self.en[j0:j1], ratio_of(self.zh[i0:i1], self.en[j0:j1]),
                                         self.res, sections=False)
            out += [(tuple(range(x.s0 + i0, x.s1 + i0)), tuple(range(x.t0 + j0, x.t1 + j0))) for x in beads_]
        return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(default_shared()))
    args = ap.parse_args(argv)
    with engine.one_blas_thread():
        bk = Book(Path(args.shared))
        print("| the six chapters aligned ... | strict F1 | per chapter |\n|---|---|---|")
        rows = [("each alone", {}),
                ("each in its own lattice, the book's ratio + frequencies + margins",
                 {"ratio": True, "idf": True, "margins": True}),
                ("each in its own lattice, the book's local length ratio", {"ratio": True}),
                ("each in its own lattice, the book's document frequencies", {"idf": True}),
                ("each in its own lattice, the book's similarity margins", {"margins": True})]
        for label, kw in rows:
            print(bk.report(label, bk.chapter_lattices(**kw)), flush=True)
        print(bk.report("as one book", beads(decode_region(bk.sides, bk.band, bk.margins))), flush=True)
        blocks = list(bk.offs)
        print(bk.report("as one book, every bead inside its chapter",
                        beads(decode_region(bk.sides, bk.band, bk.margins, blocks))), flush=True)
        chain = set(bk.anchors)
        solid = [(i, j) for i, j in bk.anchors if (i - 1, j - 1) in chain and (i + 1, j + 1) in chain]
        joins = [o[0] for o in bk.offs[1:]]
        print(bk.report("in sections cut exactly at the joins", bk.in_sections([(o[0], o[2]) for o in bk.offs[1:]])))
        for d in (3, -3, 10, -10, 25, -25):
            cuts = [min(solid, key=lambda p, t=t: abs(p[0] - t - d)) for t in joins]
            print(bk.report(f"in sections cut at the solid anchor nearest each join {d:+d} "
                            f"(off by {[c[0] - t for c, t in zip(cuts, joins)]})", bk.in_sections(cuts)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
