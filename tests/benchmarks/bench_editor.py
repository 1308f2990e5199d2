"""Editor benchmark: a 10,000-bead document — open + first paint, scroll step repaint, an edit, memory.

Run: QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_editor.py [--beads 10000]
Prints figures; not a timed test.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def make_document(n: int):
    from editor.bitext.document import AlignmentDocument, Bead, BeadStatus

    rng = random.Random(7)
    zh_words = "图书馆 每天 上午 开门 晚上 闭馆 翻译 工作坊 读者 年轻 参考书 免费 借阅 城市 客厅 安静 角落 学生".split()
    en_words = ("library opens every morning closes evening translation workshop readers young reference "
                "books free borrow city living room quiet corner students").split()
    src, tgt = [], []
    for i in range(n):
        src.append(("".join(rng.choices(zh_words, k=rng.randint(4, 18))) + "。", i // 5))
        tgt.append((" ".join(rng.choices(en_words, k=rng.randint(6, 30))).capitalize() + ".", i // 5))
    doc = AlignmentDocument.from_texts(src, tgt)
    beads = [Bead((doc.src[i].id,), (doc.tgt[i].id,), rng.random(), BeadStatus.AUTO) for i in range(n)]
    return AlignmentDocument(doc.src, doc.tgt, beads, doc.meta)


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--beads", type=int, default=10_000)
    parser.add_argument("--steps", type=int, default=200)
    args = parser.parse_args(argv)

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from editor.app import choose_cjk_font
    app.setFont(choose_cjk_font())
    from editor.bitext.document import Side
    from editor.ui.main_window import MainWindow

    base = rss_mb()
    doc = make_document(args.beads)
    t0 = time.perf_counter()
    window = MainWindow(doc, autosave=False)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    window.grab()                     # forces a full paint
    open_s = time.perf_counter() - t0
    t = time.perf_counter()
    while window.view._relayout_timer.isActive() and time.perf_counter() - t < 2:
        app.processEvents()           # the settle-after-resize re-measure, if the first show resized
    settle_s = time.perf_counter() - t
    after_open = rss_mb()

    view = window.view
    bar = view.scrollbar

    def repaint_both() -> None:
        for pane in view.panes.values():
            pane.repaint()
        view.canvas.repaint()

    step_times = []
    for i in range(args.steps):
        t = time.perf_counter()
        bar.setValue(bar.value() + bar.singleStep())
        repaint_both()
        step_times.append(time.perf_counter() - t)
    page_times = []
    for i in range(50):
        t = time.perf_counter()
        bar.setValue(int(bar.maximum() * i / 50))
        repaint_both()
        page_times.append(time.perf_counter() - t)

    k = len(doc.beads) // 2
    view.select_bead(k)
    t = time.perf_counter()
    window.actions_.merge_beads.trigger()
    repaint_both()
    merge_s = time.perf_counter() - t
    t = time.perf_counter()
    window.undo_stack.undo()
    repaint_both()
    undo_s = time.perf_counter() - t
    view.select_bead(k)
    t = time.perf_counter()
    window.actions_.confirm_next.trigger()
    repaint_both()
    confirm_s = time.perf_counter() - t
    t = time.perf_counter()
    window.resize(1000, 800)
    app.processEvents()
    view._on_relayout_timer_timeout()
    repaint_both()
    relayout_s = time.perf_counter() - t

    ms = lambda s: f"{s * 1000:.1f} ms"  # noqa: E731
    print(f"document: {len(doc.beads)} beads, {len(doc.src)} + {len(doc.tgt)} sentences")
    print(f"open + first paint:           {ms(open_s)}")
    print(f"settling after first show:    {ms(settle_s)}")
    print(f"scroll step + repaint:        median {ms(statistics.median(step_times))}, "
          f"p95 {ms(sorted(step_times)[int(len(step_times) * 0.95)])}, max {ms(max(step_times))}")
    print(f"jump anywhere + repaint:      median {ms(statistics.median(page_times))}, max {ms(max(page_times))}")
    print(f"merge two links (+ repaint):  {ms(merge_s)}")
    print(f"undo it (+ repaint):          {ms(undo_s)}")
    print(f"confirm and next (+ repaint): {ms(confirm_s)}")
    print(f"re-measure after resize:      {ms(relayout_s)}")
    print(f"memory: {base:.0f} MB before, {after_open:.0f} MB after opening (max RSS, {after_open - base:.0f} MB more)")
    window.undo_stack.setClean()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
