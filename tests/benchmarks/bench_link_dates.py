"""What dating every link costs: this checkout against a baseline checkout, in alternating child processes.

usage: python tests/benchmarks/bench_link_dates.py --baseline DIR [--beads 20000] [--rounds 5]

DIR is another checkout of the repository (e.g. `git archive <commit> editor tests | tar -x -C DIR` for
the commit before link dates). Each round runs one child process per checkout (alternating, so a busy
machine slows both alike) that times, on a document of `beads` 1-1 links: building the beads, saving and
opening the .duiqi project, exporting and opening a TMX, and one edit (confirm) built and applied ("build
beads" makes them without times, so each reads the clock: the worst case; the aligner, the importers and
the project reader pass one time to all their beads instead). Prints
the best time of each step per checkout and the ratio this/baseline. Absolute times depend on the
machine's load; compare the ratios.

`--people` gives every link a creator and a changer (as a client's TMX would: ANN and BOB) in a
checkout whose beads keep them (Bead.created_by); a baseline from before that has none, so the ratios
are the whole cost of keeping who created and changed each link (e.g. against the commit before
`created_by` was added). "open .tmx" reads the creationid/changeid the export wrote in either case.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
STEPS = ("build beads", "save .duiqi", "open .duiqi", "export .tmx", "open .tmx", "edit")


def child(beads: int, people: bool = False) -> dict[str, float]:
    from editor.bitext import edits
    from editor.bitext.document import AlignmentDocument, Bead, BeadStatus
    from editor.bitext.project import load_project, save_project
    from editor.exporting import export_document
    from editor.exchange.opening import load_alignment

    doc = AlignmentDocument.from_texts([(f"第{k}句，天气很好。", k // 20) for k in range(beads)],
                                       [(f"Sentence {k}, the weather is fine.", k // 20) for k in range(beads)])
    out: dict[str, float] = {}
    t = time.perf_counter()
    doc.beads = [Bead((k,), (beads + k,), 0.9, BeadStatus.CONFIRMED if k % 5 == 0 else BeadStatus.AUTO)
                 for k in range(beads)]
    out["build beads"] = time.perf_counter() - t
    if people and hasattr(Bead, "created_by"):
        doc.beads = [b.with_history(b.created, b.changed, "ANN", "BOB") for b in doc.beads]
    with tempfile.TemporaryDirectory() as tmp:
        for name, step in (("save .duiqi", lambda: save_project(doc, Path(tmp) / "a.duiqi")),
                           ("open .duiqi", lambda: load_project(Path(tmp) / "a.duiqi")),
                           ("export .tmx", lambda: export_document(doc, Path(tmp) / "a.tmx")),
                           ("open .tmx", lambda: load_alignment(Path(tmp) / "a.tmx")),
                           ("edit", lambda: doc.apply(edits.confirm(doc, beads // 2 + 1)))):
            t = time.perf_counter()
            step()
            out[name] = time.perf_counter() - t
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", type=Path, help="another checkout to compare with")
    parser.add_argument("--beads", type=int, default=20000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--people", action="store_true", help="every link names its creator and changer")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.beads, args.people)))
        return 0
    if args.baseline is None:
        parser.error("--baseline DIR is required")
    trees = {"this": ROOT, "baseline": args.baseline.resolve()}
    best: dict[str, dict[str, float]] = {name: {} for name in trees}
    for _ in range(args.rounds):
        for name, tree in trees.items():
            env = dict(os.environ, PYTHONPATH=str(tree))
            command = [sys.executable, str(Path(__file__).resolve()), "--child", "--beads", str(args.beads)]
            result = subprocess.run(command + (["--people"] if args.people else []), cwd=tree, env=env,
                                    check=True, capture_output=True, text=True)
            for step, seconds in json.loads(result.stdout.strip().splitlines()[-1]).items():
                best[name][step] = min(seconds, best[name].get(step, float("inf")))
    print(f"{args.beads} links{' naming their creator and changer' if args.people else ''}, best of "
          f"{args.rounds} alternating rounds; ratio = this / baseline")
    print(f"{'step':<14}{'this s':>9}{'base s':>9}{'ratio':>7}")
    for step in STEPS:
        this, base = best["this"][step], best["baseline"][step]
        print(f"{step:<14}{this:>9.3f}{base:>9.3f}{this / base:>7.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
