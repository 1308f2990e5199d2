"""Import-layout benchmark: cost of the language splitter and of layout anchors, as ratios in one process.

usage: python tests/benchmarks/bench_import.py [--copies 150] [--mode fast] [--shared PATH]

Builds, from the bundled mixed sample (editor/assets/samples/sample-mixed.txt, alternating paragraphs),
`copies` marked copies (so nothing is served from a cache) in four layouts of the same paragraph pairs:
two files, alternating paragraphs, same-line pairs and a two-column CSV table; then prints
- the splitter: split_mixed() (same-line detection, rows, headings) against the old paragraph-only
  split_by_language() on the alternating file: time ratio;
- import + alignment of each layout against two files: time ratio, and the share of links that equal
  the two-file alignment's (the anchored layouts may only differ where a row boundary decides).
With ../shared (or --shared), also the same-line splitter's accuracy on MAC-dev's gold links: every link
with text on both sides written as one line, Chinese first and English first, must split back into exactly
its two sides; and no single sentence of either side may be taken for a same-line pair.
Absolute times depend on the machine's load; compare the ratios.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def _pairs(copies: int) -> list[tuple[str, str]]:
    from editor.importing import is_chinese_paragraph
    from editor.resources import sample_path

    lines = [ln.strip() for ln in Path(sample_path()).read_text(encoding="utf-8").splitlines() if ln.strip()]
    base, k = [], 0
    while k + 1 < len(lines):
        if is_chinese_paragraph(lines[k]) and not is_chinese_paragraph(lines[k + 1]):
            base.append((lines[k], lines[k + 1]))
            k += 2
        else:
            k += 1
    return [(f"第{n + 1}条。{zh}", f"Item {n + 1}. {en}") for n in range(copies) for zh, en in base]


def _timed(func):
    start = time.perf_counter()
    result = func()
    return result, time.perf_counter() - start


def same_line_accuracy(shared: Path) -> None:
    """Print how often a gold link written on one line splits back into its two sides (both orders)."""
    import ast

    from editor.importing.same_line import same_line_pair

    root = shared / "bench" / "mac-dev"
    right = {"zh first": 0, "en first": 0}
    links = false_pairs = sentences = 0
    for chapter in sorted((root / "gold").iterdir()):
        zh = (root / "zh" / chapter.name).read_text(encoding="utf-8").splitlines()
        en = (root / "en" / chapter.name).read_text(encoding="utf-8").splitlines()
        for line in chapter.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            src, tgt = (ast.literal_eval(half) for half in line.split(":"))
            if not src or not tgt:
                continue
            z, e = "".join(zh[i].strip() for i in src), " ".join(en[j].strip() for j in tgt)
            links += 1
            right["zh first"] += same_line_pair(f"{z}{e}") == (z, e)
            right["en first"] += same_line_pair(f"{e} {z}") == (z, e)
        for sentence in zh + en:
            if sentence.strip():
                sentences += 1
                false_pairs += same_line_pair(sentence.strip()) is not None
    print(f"same-line splitter on MAC-dev ({links} gold links): "
          + ", ".join(f"{k} {v / links:.1%} exact" for k, v in right.items())
          + f"; single sentences taken for a pair: {false_pairs} of {sentences}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=150)
    parser.add_argument("--mode", default="fast", choices=("length", "fast", "best"))
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args(argv)
    if (args.shared / "bench" / "mac-dev").is_dir():
        same_line_accuracy(args.shared)

    from editor.importing import load_document, split_by_language
    from editor.importing.bilingual import split_mixed
    from editor.workflow import align_document, import_document

    pairs = _pairs(args.copies)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        files = {
            "two files": [tmp / "zh.txt", tmp / "en.txt"],
            "alternating": [tmp / "alternating.txt"],
            "same-line": [tmp / "same_line.txt"],
            "table (csv)": [tmp / "table.csv"],
        }
        files["two files"][0].write_text("\n".join(z for z, _ in pairs), encoding="utf-8")
        files["two files"][1].write_text("\n".join(e for _, e in pairs), encoding="utf-8")
        files["alternating"][0].write_text("\n".join(f"{z}\n{e}" for z, e in pairs), encoding="utf-8")
        files["same-line"][0].write_text("\n".join(f"{z}{e}" for z, e in pairs), encoding="utf-8")
        files["table (csv)"][0].write_text("\n".join('"{}","{}"'.format(z.replace('"', '""'), e.replace('"', '""'))
                                                     for z, e in pairs), encoding="utf-8")

        raw = load_document(files["alternating"][0])
        split_by_language(raw.paragraphs)          # warm-up
        rounds = 5
        _, old = _timed(lambda: [split_by_language(raw.paragraphs) for _ in range(rounds)])
        _, new = _timed(lambda: [split_mixed(raw.records) for _ in range(rounds)])
        print(f"{len(pairs)} paragraph pairs, {rounds} rounds")
        print(f"splitter: split_by_language {old / rounds * 1000:.1f} ms, split_mixed {new / rounds * 1000:.1f} ms, "
              f"ratio {new / old:.2f}")

        def run(paths):
            doc = import_document(paths)
            doc.apply(align_document(doc, mode=args.mode))
            return doc, {doc.bead_texts(b) for b in doc.beads}

        run(files["two files"])                      # warm-up: dictionary, jieba
        results = {}
        for name, paths in files.items():
            (doc, links), seconds = _timed(lambda paths=paths: run(paths))
            results[name] = (links, seconds, doc.meta.layout)
        base_links, base_time, _ = results["two files"]
        print(f"import + align ({args.mode} mode), ratio against two files:")
        for name, (links, seconds, layout) in results.items():
            same = len(links & base_links) / max(1, len(base_links))
            print(f"  {name:12} {seconds:6.2f} s  ratio {seconds / base_time:5.2f}  links equal to two files' "
                  f"{same:6.1%}  layout: {layout}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
