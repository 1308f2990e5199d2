"""Does a change of the engine's code (for speed) leave its output exactly as it was?

usage: python tests/benchmarks/same_output.py --save FILE [--shared PATH]
       python tests/benchmarks/same_output.py --compare FILE [--shared PATH]

Aligns in best mode: MAC-dev's six chapters pre-segmented, the same chapters as plain files (imported as a
user's are: each line a paragraph, split into sentences, aligned paragraph-first), chapter 001 with every
10th gold link fixed (the rescoring path), news-dev pre-segmented, and a 3,000-line slice of the book that
bench_align.py builds (MAC-dev's chapters repeated with "（k）" / " (k)" marks; longer than engine.CHUNK_MAX
on the English side, so it is aligned in chunks). For each it keeps the beads, their gains, the confidence
model's inputs and the unrounded confidences, and the sentences `support.unsupported_in_links` flags.
--save writes them; --compare aligns again and reports every difference: beads and flags must be equal,
numbers within 1e-9. Exit 1 on a difference.
"""

from __future__ import annotations

import argparse
import os
import pickle
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve()
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))

TOL = 1e-9


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").rstrip("\n").split("\n")


def cases(shared: Path) -> list[tuple[str, list[str], list[str], dict]]:
    """(label, src, tgt, keyword arguments of align_best) of every alignment the check runs."""
    from editor import workflow
    from editor.alignment import FixedSpan

    mac = shared / "bench" / "mac-dev"
    names = sorted(os.listdir(mac / "gold"))
    out = []
    for n in names:
        out.append((f"mac {n} presegmented", _lines(mac / "zh" / n), _lines(mac / "en" / n), {}))
    for n in names:
        doc = workflow.import_document([mac / "zh" / n, mac / "en" / n])
        out.append((f"mac {n} plain", [s.text for s in doc.src], [t.text for t in doc.tgt],
                    dict(src_paragraphs=[s.paragraph for s in doc.src],
                         tgt_paragraphs=[t.paragraph for t in doc.tgt])))
    import ast
    gold = []
    for line in (mac / "gold" / names[0]).read_text(encoding="utf-8").splitlines():
        if line.strip():
            s, t = line.split(":", 1)
            gold.append((ast.literal_eval(s), ast.literal_eval(t)))
    fixed = [FixedSpan(s[0], s[-1] + 1, t[0], t[-1] + 1) for k, (s, t) in enumerate(gold) if k % 10 == 0 and s and t]
    out.append((f"mac {names[0]} fixed", _lines(mac / "zh" / names[0]), _lines(mac / "en" / names[0]),
                dict(fixed=fixed)))
    news = shared / "bench" / "news-dev"
    for n in sorted(os.listdir(news / "gold")):
        out.append((f"news {n}", _lines(news / "zh" / n), _lines(news / "en" / n), {}))
    zh_all, en_all, k = [], [], 0
    while len(zh_all) < 3000:
        for n in names:
            zh_all += [x + (f"（{k}）" if k else "") for x in _lines(mac / "zh" / n)]
            en_all += [x + (f" ({k})" if k else "") for x in _lines(mac / "en" / n)]
        k += 1
    # the lines of the slice's first 3,000 Chinese lines and the English lines of the same chapters
    ratio = len(en_all) / len(zh_all)
    out.append(("book slice 3000", zh_all[:3000], en_all[:int(3000 * ratio)], {}))
    return out


def run(shared: Path) -> dict:
    from editor.alignment.best import align_best
    from editor.alignment.engine import PATH_CONFIDENCE_EMB, confidence_from_inputs, one_blas_thread, resources
    from editor.alignment.support import unsupported_in_links

    res = resources(use_embeddings=True)
    result = {}
    for label, src, tgt, kw in cases(shared):
        raw: list = []
        beads = align_best(src, tgt, res=res, raw_out=raw, **kw)
        confs = [None if x is None else confidence_from_inputs(x, PATH_CONFIDENCE_EMB) for x in raw]
        with one_blas_thread():
            flags = unsupported_in_links(src, tgt, [(b.src, b.tgt) for b in beads])
        result[label] = {"beads": [(b.src, b.tgt) for b in beads], "gain": [b.score for b in beads],
                         "conf": [b.confidence for b in beads], "raw_conf": confs, "inputs": raw,
                         "flags": (sorted(flags[0]), sorted(flags[1]))}
        print(f"{label}: {len(src)}+{len(tgt)} sentences, {len(beads)} beads", file=sys.stderr)
    return result


def _close(a, b) -> bool:
    if a is None or b is None:
        return a is b
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(_close(x, y) for x, y in zip(a, b))
    return abs(a - b) <= TOL


def compare(old: dict, new: dict) -> list[str]:
    problems = []
    for label, o in old.items():
        n = new.get(label)
        if n is None:
            problems.append(f"{label}: missing")
            continue
        if o["beads"] != n["beads"]:
            diff = sum(1 for x, y in zip(o["beads"], n["beads"]) if x != y) + abs(len(o["beads"]) - len(n["beads"]))
            problems.append(f"{label}: beads differ ({diff})")
            continue
        if o["flags"] != n["flags"]:
            problems.append(f"{label}: unsupported sentences differ")
        for key in ("gain", "conf", "raw_conf", "inputs"):
            bad = [k for k, (x, y) in enumerate(zip(o[key], n[key])) if not _close(x, y)]
            if bad:
                k = bad[0]
                problems.append(f"{label}: {key} differs at {len(bad)} beads, first bead {k}: {o[key][k]} vs {n[key][k]}")
    return problems


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    group = ap.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path)
    group.add_argument("--compare", type=Path)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory():
        result = run(Path(args.shared))
    if args.save:
        args.save.write_bytes(pickle.dumps(result))
        print(f"saved {len(result)} alignments to {args.save}")
        return 0
    problems = compare(pickle.loads(args.compare.read_bytes()), result)
    for p in problems:
        print(p)
    print(f"{len(result)} alignments: " + ("identical" if not problems else f"{len(problems)} differences"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
