"""How many links fit on screen: a literary chapter at 1280×720, in the continuous, row and compact-grid modes.

Run: QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_density.py [--chapter 001] [--size 1280x720]
Reads MAC-dev chapter texts and gold links from ../shared/bench/mac-dev at run time (measurement only: the
texts never enter the repository). Counts the links whose sentences are wholly in view on both sides, at
20 scroll positions, and prints the median and the minimum per mode.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Default settings, and none of the user's changed (the window saves the modes it ends in).
os.environ.setdefault("DUIQI_HOME", __import__("tempfile").mkdtemp(prefix="duiqi-density-"))
REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"


def chapter_document(name: str):
    """Return a document of one MAC-dev chapter with its gold links (None when ../shared is absent)."""
    from editor.bitext.document import AlignmentDocument, Bead, BeadStatus

    mac = SHARED / "bench" / "mac-dev"
    if not (mac / "gold" / name).is_file():
        mac = Path("/work/shared/bench/mac-dev")
        if not (mac / "gold" / name).is_file():
            return None
    zh = (mac / "zh" / name).read_text(encoding="utf-8").rstrip("\n").split("\n")
    en = (mac / "en" / name).read_text(encoding="utf-8").rstrip("\n").split("\n")
    doc = AlignmentDocument.from_texts([(t, 0) for t in zh], [(t, 0) for t in en])
    beads = []
    for line in (mac / "gold" / name).read_text(encoding="utf-8").split("\n"):
        if line.strip():
            left, right = line.split(":")
            src = tuple(doc.src[int(i)].id for i in left.strip("[]").split(",") if i.strip())
            tgt = tuple(doc.tgt[int(j)].id for j in right.strip("[]").split(",") if j.strip())
            beads.append(Bead(src, tgt, 0.9, BeadStatus.AUTO))
    out = AlignmentDocument(doc.src, doc.tgt, beads, doc.meta)
    out.check()
    return out


def links_in_view(view) -> int:
    """Count the links whose sentences are wholly inside the viewport on both sides."""
    from editor.bitext.document import Side

    layout = view.layout_model
    vh = view.viewport_height()
    first, last = view.visible_bead_range()
    count = 0
    for k in range(first, last + 1):
        inside = True
        for side in Side:
            geo = layout.sides[side]
            top, height = geo.bead_tops[k] - view.offset(side), geo.bead_heights[k]
            if height > 0 and (top < 0 or top + height > vh):
                inside = False
        count += inside
    return count


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--chapter", default="001")
    parser.add_argument("--size", default="1280x720")
    args = parser.parse_args(argv)
    width, height = (int(v) for v in args.size.split("x"))

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from editor.app import choose_cjk_font
    app.setFont(choose_cjk_font())
    from editor.ui.window.main_window import MainWindow

    doc = chapter_document(args.chapter)
    if doc is None:
        print("no MAC-dev data beside the repository (../shared/bench/mac-dev): nothing measured")
        return 0
    window = MainWindow(doc, autosave=False)
    window.resize(width, height)
    window.show()
    app.processEvents()
    view = window.view
    print(f"chapter {args.chapter}: {len(doc.src)} Chinese and {len(doc.tgt)} English sentences, "
          f"{len(doc.beads)} links; window {width}x{height}, text {view.panes[next(iter(view.panes))].font().pointSize()} pt")
    for label, rows, compact in (("continuous (default)", False, False), ("row mode", True, False),
                                 ("compact grid", False, True)):
        window.actions_.row_mode.setChecked(rows)
        window.actions_.compact.setChecked(compact)
        app.processEvents()
        bar = view.scrollbar
        counts = []
        for i in range(20):
            bar.setValue(int(bar.maximum() * i / 19))
            app.processEvents()
            counts.append(links_in_view(view))
        print(f"{label:22s} links wholly in view: median {statistics.median(counts):.0f}, min {min(counts)}, "
              f"max {max(counts)} (viewport {view.viewport_height():.0f} px)")
    window.undo_stack.setClean()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
