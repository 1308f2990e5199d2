"""Files and safety: unsaved-changes prompt, bad files keep the current document, save and reopen, alignment undo."""

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication, QMessageBox

from editor.bitext.document import AlignmentDocument
from editor.ui.window.main_window import MainWindow
from tests.conftest import ENGINE_TIMEOUT_MS, EVENT_TIMEOUT_MS
from tests.sample_gold import assert_is_the_gold
from tests.ui.editor_fixtures import mark_clean


def _make_a_change(window):
    window.view.select_bead(0)
    window.actions_.unlink.trigger()
    assert window.is_modified() and window.isWindowModified()


def test_closing_with_unsaved_changes_asks_and_cancel_keeps_the_window(qtbot, window, monkeypatch):
    _make_a_change(window)
    asked = []

    def answer(*args, **kwargs):
        asked.append(args[1])
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", answer)
    assert not window.close()
    assert asked and window.isVisible()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    assert window.close()


def test_opening_a_file_with_unsaved_changes_asks_first(qtbot, window, monkeypatch, tmp_path):
    _make_a_change(window)
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.Cancel)
    before = window.document.snapshot()
    assert not window.open_paths([tmp_path / "other.duiqi"])
    assert asked and window.document.snapshot() == before


def test_opening_a_damaged_project_shows_an_error_naming_it_and_keeps_the_document(qtbot, window, monkeypatch,
                                                                                   tmp_path):
    bad = tmp_path / "broken.duiqi"
    bad.write_text("{ this is not json", encoding="utf-8")
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append((box.text(), box.informativeText())) or 0)
    before = window.document.snapshot()
    assert not window.open_paths([bad])
    assert shown and "broken.duiqi" in shown[0][0]
    assert window.document.snapshot() == before


def test_opening_a_binary_text_file_shows_an_error_and_keeps_the_document(qtbot, window, monkeypatch, tmp_path):
    bad = tmp_path / "noise.txt"
    bad.write_bytes(bytes(range(256)) * 4)
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    before = window.document.snapshot()
    assert not window.open_paths([bad], ask=False)
    assert shown and "noise.txt" in shown[0]
    assert window.document.snapshot() == before


def test_save_then_reopen_gives_the_same_document_and_a_clean_window(qtbot, window, tmp_path):
    _make_a_change(window)
    path = tmp_path / "sample.duiqi"
    assert window._save_to(path)
    assert not window.is_modified() and path.exists()
    saved = window.document.snapshot()
    other = MainWindow(AlignmentDocument(), autosave=False)
    qtbot.addWidget(other)
    assert other.open_paths([path])
    assert other.document.snapshot() == saved
    assert not other.is_modified() and other.project_path == path


def test_aligning_in_the_background_is_one_undoable_step(qtbot):
    from editor.workflow import import_document
    from editor.resources import sample_path

    doc = import_document([sample_path()])
    unaligned = doc.snapshot()
    win = MainWindow(doc, autosave=False)
    qtbot.addWidget(win, before_close_func=mark_clean)
    with qtbot.waitSignal(win.qdoc.changed, timeout=EVENT_TIMEOUT_MS):
        task = win.start_alignment(keep_fixed=False)
        assert task is not None
    assert_is_the_gold(win.document)
    assert win.undo_stack.count() == 1
    win.undo_stack.undo()
    assert win.document.snapshot() == unaligned
    win.undo_stack.setClean()


def test_realign_the_rest_keeps_confirmed_links(qtbot, window):
    from editor.bitext import edits

    doc = window.document
    window.view.select_bead(0)
    window.actions_.unlink.trigger()          # a hand-made split the aligner would undo
    k = next(i for i, b in enumerate(doc.beads) if i > 2 and len(doc.beads[i].tgt) == 1 and
             len(doc.beads[i + 1].tgt) >= 1 and doc.beads[i + 1].src)
    # a link by hand that takes the next link's first English sentence: what is left of it is cut loose
    window.push_change(lambda d: edits.link(d, d.beads[k].src, (*d.beads[k].tgt, d.beads[k + 1].tgt[0])))
    assert any(b.confidence == edits.REFLOWED_CONFIDENCE and not b.is_fixed for b in doc.beads)
    kept = [b for b in doc.beads if b.is_fixed]
    with qtbot.waitSignal(window.qdoc.changed, timeout=EVENT_TIMEOUT_MS):
        window.actions_.realign.trigger()
    assert all(b in doc.beads for b in kept)
    assert window.undo_stack.undoText() == "Re-align the rest"


def test_the_links_of_a_realignment_arrive_where_the_translator_moved_meanwhile(qtbot, window):
    # an X11 audit: Ctrl+R at link 503, a walk to 523 while the rest aligned, and the selection snapped back to 503
    # when the links arrived
    doc = window.document
    window.view.select_bead(0)
    window.actions_.unlink.trigger()                     # something for Re-align the Rest to do
    window.view.select_bead(1)
    with qtbot.waitSignal(window.alignment_jobs.aligned, timeout=EVENT_TIMEOUT_MS):
        assert window.start_alignment(keep_fixed=True) is not None
        last = len(doc.beads) - 1
        window.view.select_bead(last)                    # (the result arrives through the event loop: after this)
        moved_to = doc.beads[last].src[0] if doc.beads[last].src else doc.beads[last].tgt[0]
    assert window.view.current_bead() == doc.bead_index_of(moved_to)


def test_the_window_autosaves_unsaved_work_that_loads_back_the_same(qtbot, sample_doc):
    from editor.bitext.project import load_project

    win = MainWindow(sample_doc, autosave=True)
    qtbot.addWidget(win, before_close_func=mark_clean)
    win.view.select_bead(0)
    win.actions_.unlink.trigger()
    path = win._autosaver.save_now()
    assert path is not None and path.exists()
    assert load_project(path).snapshot() == win.document.snapshot()
    win._autosaver.stop()


def test_the_cycle_collector_runs_on_the_gui_thread_only(qtbot):
    import gc

    from editor.ui.jobs.main_thread_gc import MainThreadGarbageCollector

    collector = MainThreadGarbageCollector()
    try:
        assert not gc.isenabled()
        collector._on_timer_timeout()
    finally:
        collector.stop()
    assert gc.isenabled()


def test_cancelling_a_running_alignment_changes_nothing(qtbot):
    from editor.resources import sample_path
    from editor.workflow import import_document

    doc = import_document([sample_path()])
    unaligned = doc.snapshot()
    win = MainWindow(doc, autosave=False)
    qtbot.addWidget(win, before_close_func=mark_clean)
    signals = win.start_alignment(keep_fixed=False)
    assert signals is not None
    assert win.progress.isVisibleTo(win) and not win.actions_.realign.isEnabled()
    ended = []
    signals.succeeded.connect(lambda change: ended.append("succeeded"))
    signals.failed.connect(lambda exc: ended.append("failed"))
    win.actions_.cancel_alignment.trigger()
    assert not win.is_aligning() and win.actions_.realign.isEnabled()
    # The worker stops at its next should_stop() check (or finishes); either way nothing may be applied.
    qtbot.waitUntil(lambda: bool(ended) and QThreadPool.globalInstance().activeThreadCount() == 0,
                    timeout=EVENT_TIMEOUT_MS)
    QApplication.processEvents()         # deliver whatever the worker posted to the window
    assert win.document.snapshot() == unaligned
    assert win.undo_stack.count() == 0


@pytest.mark.slow
def test_alignment_runs_in_the_aligner_process_which_restarts_after_dying(qtbot, monkeypatch):
    from editor.resources import sample_path
    from editor.ui.jobs.workers import alignment_service
    from editor.workflow import import_document

    alignment_service().shutdown()      # a fresh process: it is still starting when it is killed below
    win = MainWindow(import_document([sample_path()]), autosave=False)
    qtbot.addWidget(win, before_close_func=mark_clean)
    unaligned = win.document.snapshot()
    signals = win.start_alignment(keep_fixed=False, mode="fast")
    assert signals.parent() is alignment_service()
    process = alignment_service()._process
    assert process is not None and process.is_alive()
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.informativeText()) or 0)
    with qtbot.waitSignal(signals.failed, timeout=ENGINE_TIMEOUT_MS):   # the process dies mid-job: the job fails
        process.kill()
    assert win.document.snapshot() == unaligned and not win.is_aligning()
    assert shown and "aligner process stopped" in shown[0]
    with qtbot.waitSignal(win.qdoc.changed, timeout=ENGINE_TIMEOUT_MS):  # and the next job starts a new process
        win.start_alignment(keep_fixed=False, mode="fast")
    assert alignment_service()._process is not process
    assert_is_the_gold(win.document)


@pytest.mark.slow
def test_a_warmed_up_aligner_process_preloads_then_aligns(qtbot):
    from editor.resources import sample_path
    from editor.ui.jobs.workers import alignment_service, warm_up_aligner
    from editor.workflow import import_document

    warm_up_aligner()                       # what app.main() does once the window is up
    assert alignment_service()._process is not None and alignment_service()._process.is_alive()
    win = MainWindow(import_document([sample_path()]), autosave=False)
    qtbot.addWidget(win, before_close_func=mark_clean)
    with qtbot.waitSignal(win.qdoc.changed, timeout=ENGINE_TIMEOUT_MS):
        win.start_alignment(keep_fixed=False, mode="fast")
    assert_is_the_gold(win.document)


def test_realign_the_rest_keeps_the_translator_where_they_were(qtbot, window):
    """Re-align the Rest after fixing a link near the end used to select the text's first link and scroll to
    the top (the re-alignment replaced every link, so the view 'landed where the edit was': link 1)."""
    from editor.bitext.document import Side
    window.resize(1280, 720)
    qtbot.waitUntil(lambda: (window.width(), window.height()) == (1280, 720), timeout=EVENT_TIMEOUT_MS)
    doc, view = window.document, window.view
    k = len(doc.beads) - 2
    view.select_bead(k)
    window.actions_.unlink.trigger()          # a fix near the end: a hand-made link the aligner keeps
    side, pos = view.current_segment()
    sentence = doc.segments(side)[pos].id
    with qtbot.waitSignal(window.alignment_jobs.aligned, timeout=EVENT_TIMEOUT_MS):
        window.actions_.realign.trigger()
    k = view.current_bead()
    assert k == doc.bead_index_of(sentence)                      # the same link is selected
    layout, vh = view.layout_model, view.viewport_height()
    for s in Side:                                               # and in view, whole
        top, height = layout.sides[s].bead_tops[k] - view.offset(s), layout.sides[s].bead_heights[k]
        assert not height or (top >= 0 and top + height <= vh + 0.5), (s, top, height, vh)
    assert view.scrollbar.value() > 0                            # not back at the top of the text


def test_a_project_reopens_on_the_link_selected_when_it_was_last_saved_or_closed(qtbot, sample_doc, tmp_path):
    # an X11 audit: a saved project always opened at link 1, and the reviewer looked for their place
    from editor.bitext.project import save_project
    from tests.ui.editor_fixtures import show_window

    path = tmp_path / "book.duiqi"
    save_project(sample_doc, path)
    win = show_window(qtbot)
    assert win.open_paths([path], ask=False)
    assert win.view.current_bead() == 0
    win.view.select_bead(7)
    win._save_settings()                                          # as closing the window does
    again = show_window(qtbot)
    assert again.open_paths([path], ask=False)
    assert again.view.current_bead() == 7 and again.view.selection_in_view()


def test_a_re_align_the_rest_that_changes_nothing_adds_no_undo_step_and_says_so(qtbot, window):
    # an X11 audit: Ctrl+R after confirming links (nothing an edit cut loose) added an empty undo step and said
    # nothing
    said = []
    window.alignment_jobs.message.connect(lambda text, ms: said.append(text))
    window.view.select_bead(2)
    window.actions_.confirm_next.trigger()
    steps = window.undo_stack.count()
    with qtbot.waitSignal(window.alignment_jobs.aligned, timeout=EVENT_TIMEOUT_MS):
        window.actions_.realign.trigger()
    assert window.undo_stack.count() == steps
    assert any(text.startswith("Re-align the Rest changed no link") for text in said)
