"""A big collection: 200 documents with 100,000 links in all, opened and listed, and exported once.

Run: QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_collection.py [--documents 200] [--links 100000]
     [--runs 3] [--keep DIR]
(--documents 3 --links 300 --runs 1 checks the script in seconds.) Each measurement runs in a fresh process
(`--measure open|export FOLDER`), so the peak memory (ru_maxrss) is that step's alone:

- open: Collection.open + the counts of the list (refresh_stats) + the Documents dock's model read in full
  (every cell of every row, as the table paints and sorts them), in the window's own classes;
- export: the merged TMX of the whole collection (editor.collection.merge.export_collection), its documents
  rendered on worker processes as the CLI and the editor do for a collection this large (the peak is the
  writing process's; worker_cpu_s is the workers' CPU time in all);
- export-1: the same in one process (workers=0), for comparison.

The collection is made of synthetic documents (numbered Chinese and English sentences, 1-1 links, a tenth of
them doubtful), written as the editor saves them (.duiqi projects and the index). Prints the median of the runs
and the peak memory of each step, and the peak of a process that only loads one document, for comparison.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))


def make_collection(folder: Path, documents: int, links: int) -> None:
    """Write a collection of `documents` documents with `links` 1-1 links in all."""
    from editor.bitext.document import AlignmentDocument, Bead, BeadStatus
    from editor.collection.pairing import Pair, Pairing
    from editor.collection.store import Collection

    sources = folder.parent / "sources"
    sources.mkdir(parents=True, exist_ok=True)
    pairing = Pairing()
    for d in range(documents):
        zh, en = sources / f"doc{d:04d}.zh.txt", sources / f"doc{d:04d}.en.txt"
        zh.write_text("-\n", encoding="utf-8")
        en.write_text("-\n", encoding="utf-8")
        pairing.add(Pair(f"doc{d:04d}", zh, en))
    collection = Collection.create(folder, pairing)
    per_doc, extra = divmod(links, documents)
    for d, entry in enumerate(collection.entries):
        n = per_doc + (d < extra)
        doc = AlignmentDocument.from_texts(
            [(f"第{d}篇第{i}句：今天的会议讨论了预算和明年的计划。", i // 5) for i in range(n)],
            [(f"Document {d}, sentence {i}: today's meeting discussed the budget and next year's plans.", i // 5)
             for i in range(n)])
        doc.beads = [Bead((doc.src[i].id,), (doc.tgt[i].id,), 0.5 if i % 10 == 0 else 0.99, BeadStatus.AUTO)
                     for i in range(n)]
        collection.save_document(entry, doc, write_index=False)
    collection.write_index()


def measure(step: str, folder: Path) -> dict:
    """One step in this process: seconds and peak resident memory (MB)."""
    if step == "open":
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QApplication

        from editor.collection.store import Collection
        from editor.ui.collection.document_list import DocumentListModel

        app = QApplication.instance() or QApplication([])      # noqa: F841 - the model needs one
        started = time.perf_counter()
        collection = Collection.open(folder)
        collection.refresh_stats()
        model = DocumentListModel(collection, lambda name: None)
        for row in range(model.rowCount()):
            for column in range(model.columnCount()):
                index = model.index(row, column)
                index.data(Qt.ItemDataRole.DisplayRole)
                index.data(Qt.ItemDataRole.UserRole + 1)
        seconds = time.perf_counter() - started
        result = {"documents": model.rowCount()}
    elif step in ("export", "export-1"):
        from editor.collection.merge import export_collection
        from editor.collection.store import Collection

        started = time.perf_counter()
        report = export_collection(Collection.open(folder), folder.parent / "merged.tmx",
                                   workers=0 if step == "export-1" else None)
        seconds = time.perf_counter() - started
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        result = {"units": report.written, "documents": report.documents,
                  "worker_cpu_s": round(children.ru_utime + children.ru_stime, 2)}
    elif step == "one":
        from editor.collection.store import Collection

        started = time.perf_counter()
        collection = Collection.open(folder)
        doc = collection.load(collection.entries[0])
        seconds = time.perf_counter() - started
        result = {"links": len(doc.beads)}
    else:
        raise SystemExit(f"unknown step {step}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    return {"step": step, "seconds": round(seconds, 3), "peak_mb": round(peak, 1), **result}


def run_step(step: str, folder: Path) -> dict:
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    out = subprocess.run([sys.executable, __file__, "--measure", step, str(folder)], env=env, check=True,
                         capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--links", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", metavar="DIR", help="build the collection in DIR and keep it")
    parser.add_argument("--measure", nargs=2, metavar=("STEP", "FOLDER"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure:
        print(json.dumps(measure(args.measure[0], Path(args.measure[1]))))
        return 0
    os.environ.setdefault("DUIQI_HOME", tempfile.mkdtemp(prefix="duiqi-bench-collection-"))
    base = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="duiqi-collection-"))
    folder = base / "collection"
    if not (folder / "duiqi-collection.json").is_file():
        started = time.perf_counter()
        make_collection(folder, args.documents, args.links)
        print(f"made {args.documents} documents, {args.links} links in {time.perf_counter() - started:.1f} s "
              f"({folder})")
    for step in ("one", "open", "export", "export-1"):
        runs = [run_step(step, folder) for _ in range(max(1, args.runs))]
        seconds = statistics.median(r["seconds"] for r in runs)
        peak = max(r["peak_mb"] for r in runs)
        extra = {k: v for k, v in runs[0].items() if k not in ("step", "seconds", "peak_mb")}
        print(f"{step:>8}: median {seconds:.3f} s of {len(runs)} run(s), peak {peak:.0f} MB {extra}")
    if args.links and (base / "merged.tmx").exists():
        print(f"merged TMX: {(base / 'merged.tmx').stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
