"""Exchange-file benchmark: export and re-open each format, as ratios to the .duiqi project in one process.

usage: python tests/benchmarks/bench_exchange.py [--beads 5000] [--repeat 3]

Builds a document of `beads` links (a third of them 2-1, with inline-code-like braces and quotes), then for
.duiqi (the baseline), .tmx, .xlf (1.2), .tsv and .xlsx: the best of `repeat` exports (export_document)
and re-opens (load_alignment). Prints seconds and the ratio to the project's. Absolute times depend on
the machine's load; compare the ratios.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def _document(beads: int):
    from editor.bitext.document import AlignmentDocument, Bead, BeadStatus, Segment
    src, tgt, out = [], [], []
    for k in range(beads):
        zh = [Segment(len(src), f"第{k}句，“共{{1}}页”。", k // 20)]
        src.extend(zh)
        if k % 3 == 0:
            zh.append(Segment(len(src), "另一句。", k // 20))
            src.append(zh[-1])
        out.append((zh, f'"Sentence {k}," {{1}} pages.', k))
    n = len(src)
    beads_out = []
    for zh, en, k in out:
        tgt.append(Segment(n + len(tgt), en, k // 20))
        beads_out.append(Bead(tuple(s.id for s in zh), (tgt[-1].id,), 0.3 if k % 7 == 0 else 0.9,
                              BeadStatus.CONFIRMED if k % 5 == 0 else BeadStatus.AUTO))
    return AlignmentDocument(src, tgt, beads_out)


def _best(func, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - started)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--beads", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    from editor.exporting import export_document
    from editor.exchange.opening import load_alignment

    doc = _document(args.beads)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for suffix in (".duiqi", ".tmx", ".xlf", ".tsv", ".xlsx"):
            path = Path(tmp) / f"bench{suffix}"
            export_s = _best(lambda: export_document(doc, path), args.repeat)
            load_s = _best(lambda: load_alignment(path), args.repeat)
            rows.append((suffix, export_s, load_s))
    base_export, base_load = rows[0][1], rows[0][2]
    print(f"{args.beads} links, best of {args.repeat}; ratios to .duiqi in this process")
    print(f"{'format':8} {'export s':>9} {'ratio':>6} {'open s':>8} {'ratio':>6}")
    for suffix, export_s, load_s in rows:
        print(f"{suffix:8} {export_s:9.3f} {export_s / base_export:6.1f} {load_s:8.3f} {load_s / base_load:6.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
