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
    parser.add_argument("--align-seconds", type=float, default=8.0,
                        help="also align an unaligned copy in the background this long and measure GUI latency")
    args = parser.parse_args(argv)

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from editor.app import choose_cjk_font
    app.setFont(choose_cjk_font())
    from editor.ui.window.main_window import MainWindow

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
    if args.align_seconds > 0:
        measure_alignment_latency(app, window, doc, args.align_seconds)
    window.undo_stack.setClean()
    window.close()
    return 0


def measure_alignment_latency(app, window, doc, seconds: float) -> None:
    """Align an unaligned copy in the thread pool while a 10 ms GUI timer runs; report its worst delay."""
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer

    from editor.bitext.document import AlignmentDocument

    unaligned = AlignmentDocument(doc.src, doc.tgt, None, doc.meta)
    window.set_document(unaligned, None)
    gaps: list[float] = []
    stalls: list[tuple[float, float]] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]

    def tick() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        if now - last[0] > 200:
            stalls.append((now - last[0], now))
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    progress: list[float] = []
    signals = window.start_alignment(keep_fixed=False)
    signals.progressed.connect(progress.append)
    done = []
    signals.succeeded.connect(lambda change: done.append(True))
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    signals.succeeded.connect(loop.quit)
    t0 = time.perf_counter()
    loop.exec()
    elapsed = time.perf_counter() - t0
    finished = bool(done)
    if not finished:
        window.cancel_alignment()
    timer.stop()
    gaps.sort()
    print(f"aligning {len(doc.src)} x {len(doc.tgt)} in the background: "
          + (f"finished in {elapsed:.1f} s" if finished else f"cancelled after {elapsed:.1f} s at "
             f"{(progress[-1] if progress else 0) * 100:.0f} %")
          + f"; GUI timer (10 ms) delay median {statistics.median(gaps):.0f} ms, "
            f"p99 {gaps[int(len(gaps) * 0.99)]:.0f} ms, max {gaps[-1]:.0f} ms; {len(progress)} progress updates")
    if stalls:
        print("  stalls over 200 ms (length, at ms since start): "
              + ", ".join(f"{length:.0f} @ {at:.0f}" for length, at in stalls))


if __name__ == "__main__":
    sys.exit(main())
