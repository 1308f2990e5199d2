"""Autosave: unsaved work is written periodically, a crashed session's work is offered back, clean exits leave nothing."""

import json
import os
import subprocess
import sys
import textwrap
import threading

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

from editor.bitext import edits
from editor.bitext.document import AlignmentDocument, Bead, BeadStatus, Change, Splice
from editor.bitext.project import load_project
from editor.ui.safety import autosaver as autosave_module
from editor.ui.safety import sessions
from editor.ui.safety.autosaver import Autosaver
from editor.ui.safety.recovery import RecoveryDialog, offer_recovery
from editor.ui.safety.sessions import autosave_dir, find_recoveries
from tests.conftest import ENGINE_TIMEOUT_MS, EVENT_TIMEOUT_MS


def _document() -> AlignmentDocument:
    doc = AlignmentDocument.from_texts([("今天天气很好。", 0), ("我们去公园吧！", 0)],
                                       [("The weather is fine today.", 0), ("Let's go to the park!", 0)])
    beads = (Bead((0,), (2,), 0.9, BeadStatus.CONFIRMED), Bead((1,), (3,), 0.4))
    doc.apply(Change("align", beads=Splice(0, tuple(doc.beads), beads)))
    doc.meta.src_file = "/texts/天气.txt"
    return doc


_SAVERS: list[Autosaver] = []


@pytest.fixture(autouse=True)
def _stop_autosavers():
    """Stop every autosaver a test made, even when the test fails, so none fires during a later test."""
    yield
    while _SAVERS:
        saver = _SAVERS.pop()
        saver.stop()
        saver.wait_for_background_save()


class Session:
    """What a main window gives the autosaver: the document, whether it is modified, its project path."""

    def __init__(self, doc=None, modified=True, project=None):
        self.doc, self.modified, self.project = doc, modified, project

    def autosaver(self, interval=60, parent=None) -> Autosaver:
        saver = Autosaver(lambda: self.doc, lambda: self.modified, lambda: self.project, interval, parent)
        _SAVERS.append(saver)
        return saver


def _dead_pid() -> int:
    child = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                           capture_output=True, text=True, check=True)
    return int(child.stdout)


def _simulate_crash(saver: Autosaver) -> None:
    """Leave the files as a killed process would: lock released by the OS, sidecar naming a dead pid."""
    saver._timer.stop()
    saver._lock_handle.close()          # the OS drops the lock when a process dies
    saver._lock_handle = None
    sidecar = saver.autosave_path.with_suffix(".json")
    data = json.loads(sidecar.read_text("utf-8"))
    data["pid"] = _dead_pid()
    sidecar.write_text(json.dumps(data), "utf-8")


def test_a_modified_document_is_autosaved_after_the_interval(qtbot):
    session = Session(_document())
    saver = session.autosaver(interval=1)
    saver.start()
    assert not saver.autosave_path.exists()
    with qtbot.waitSignal(saver.saved, timeout=EVENT_TIMEOUT_MS):
        pass
    assert saver.autosave_path.exists()
    assert saver.autosave_path.parent == autosave_dir()
    assert AlignmentDocument.snapshot(load_project(saver.autosave_path)) == session.doc.snapshot()
    sidecar = json.loads(saver.autosave_path.with_suffix(".json").read_text("utf-8"))
    assert sidecar["pid"] == os.getpid() and sidecar["original_path"] is None
    saver.stop()
    saver.clear()


def test_an_unmodified_document_is_not_autosaved(qtbot):
    saver = Session(_document(), modified=False).autosaver()
    assert saver.save_now() is None
    assert not saver.autosave_path.exists()
    saver = Session(None).autosaver()
    assert saver.save_now() is None


def test_the_autosave_of_a_running_session_is_not_offered_for_recovery(qtbot):
    saver = Session(_document()).autosaver()
    saver.start()
    assert saver.save_now() == saver.autosave_path
    assert find_recoveries() == []      # the session holds its lock: another editor must not take its work
    saver.stop()
    assert find_recoveries() == []      # still locked: the autosave waits for clear() or a crash
    saver.clear()


def test_a_crashed_sessions_autosave_is_found_and_restores_the_same_document(qtbot, tmp_path):
    project = tmp_path / "天气.duiqi"
    session = Session(_document(), project=project)
    saver = session.autosaver()
    saver.start()
    saver.save_now()
    _simulate_crash(saver)
    [recovery] = find_recoveries()
    assert recovery.original_path == project.absolute()
    assert recovery.title == "天气.duiqi"
    assert recovery.pid != os.getpid()
    assert recovery.load().snapshot() == session.doc.snapshot()
    assert recovery.load().meta.src_file == "/texts/天气.txt"


def test_a_really_killed_process_leaves_a_recoverable_autosave(tmp_path):
    script = textwrap.dedent("""
        import os, sys
        from PySide6.QtCore import QCoreApplication
        from editor.bitext.document import AlignmentDocument
        from editor.ui.safety.autosaver import Autosaver
        app = QCoreApplication([])
        doc = AlignmentDocument.from_texts([("你好。", 0)], [("Hello.", 0)])
        saver = Autosaver(lambda: doc, lambda: True, lambda: None, 60)
        saver.start()
        saver.save_now()
        os._exit(9)      # a crash: no clean-up runs
    """)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True,
                            timeout=ENGINE_TIMEOUT_MS / 1000)
    assert result.returncode == 9, result.stderr
    [recovery] = find_recoveries()
    assert recovery.original_path is None
    assert [s.text for s in recovery.load().src] == ["你好。"]


def test_clear_removes_the_sessions_autosave(qtbot):
    saver = Session(_document()).autosaver()
    saver.start()
    saver.save_now()
    assert saver.autosave_path.exists()
    saver.clear()
    assert not saver.autosave_path.exists()
    assert not saver.autosave_path.with_suffix(".json").exists()
    saver.stop()
    assert list(autosave_dir().iterdir()) == []     # a clean exit leaves nothing behind
    assert find_recoveries() == []


def test_saving_to_a_clean_state_removes_the_old_autosave(qtbot):
    session = Session(_document())
    saver = session.autosaver()
    saver.start()
    saver.save_now()
    session.modified = False            # e.g. the user undid back to the saved state
    saver.save_now()
    assert not saver.autosave_path.exists()
    saver.stop()


def test_a_failed_autosave_is_reported_and_retried_soon_without_raising(qtbot, monkeypatch):
    monkeypatch.setattr(autosave_module, "RETRY_SECONDS", 0.05)
    saver = Session(_document()).autosaver(interval=3600)      # the regular timer cannot fire during the test
    saver.start()
    real_save = autosave_module.save_project

    def failing_save(doc, path):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(autosave_module, "save_project", failing_save)
    failed, saved = [], []                  # save_now() writes on this thread: it reports before it returns
    saver.failed.connect(failed.append)
    saver.saved.connect(lambda *args: saved.append(args))
    assert saver.save_now() is None
    assert len(failed) == 1 and "No space left" in failed[0] and saved == []
    monkeypatch.setattr(autosave_module, "save_project", real_save)     # the disk has room again
    with qtbot.waitSignal(saver.saved, timeout=EVENT_TIMEOUT_MS):       # the retry, long before the hour is up
        pass
    assert saver.autosave_path.exists() and len(failed) == 1
    assert saver.next_save_in_ms() > 60_000                             # back to the normal pace
    saver.stop()
    saver.clear()


def test_a_document_provider_that_raises_does_not_crash_the_timer(qtbot):
    def broken():
        raise RuntimeError("bug")

    saver = Autosaver(broken, lambda: True, lambda: None, 1)
    _SAVERS.append(saver)
    saver.start()
    with qtbot.waitSignal(saver.failed, timeout=EVENT_TIMEOUT_MS):
        pass
    saver.stop()


def test_the_interval_can_be_changed_while_running(qtbot):
    saver = Session(_document()).autosaver(interval=3600)
    saver.start()
    saver.set_interval(1)                   # from the settings dialog: an hour becomes a second
    with qtbot.waitSignal(saver.saved, timeout=EVENT_TIMEOUT_MS):
        pass
    assert saver.autosave_path.exists() and saver.is_active()
    saver.stop()


def _crashed(doc=None, project=None) -> sessions.Recovery:
    saver = Session(doc or _document(), project=project).autosaver()
    saver.start()
    saver.save_now()
    _simulate_crash(saver)
    return next(r for r in find_recoveries() if r.session == saver.session)


def test_restoring_in_the_dialog_returns_the_document_and_sets_the_autosave_aside(qtbot, tmp_path):
    recovery = _crashed(project=tmp_path / "book.duiqi")
    dialog = RecoveryDialog(find_recoveries())
    qtbot.addWidget(dialog)
    assert dialog.list.topLevelItemCount() == 1
    assert dialog.list.topLevelItem(0).text(0) == "book.duiqi"
    dialog.restore_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    doc, original = dialog.restored()
    assert doc.snapshot() == _document().snapshot()
    assert original == (tmp_path / "book.duiqi").absolute()
    assert find_recoveries() == []      # not offered twice
    assert (autosave_dir() / "restored" / recovery.autosave_path.name).exists()   # but kept, just in case


def test_discarding_in_the_dialog_deletes_the_autosave(qtbot):
    first = _crashed()
    second = _crashed()
    dialog = RecoveryDialog(find_recoveries())
    qtbot.addWidget(dialog)
    assert dialog.list.topLevelItemCount() == 2
    dialog.discard(first)
    assert not first.autosave_path.exists()
    assert dialog.list.topLevelItemCount() == 1 and dialog.isVisible() is False
    assert [r.session for r in find_recoveries()] == [second.session]


def test_a_damaged_autosave_shows_an_error_in_the_dialog_and_is_kept(qtbot):
    recovery = _crashed()
    recovery.autosave_path.write_text("{ not json", "utf-8")
    dialog = RecoveryDialog([recovery])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.restore_button.click()
    assert dialog.isVisible() and dialog.restored() is None
    assert dialog.error_label.isVisible() and "cannot be read" in dialog.error_label.text()
    assert recovery.autosave_path.exists()
    dialog.later_button.click()


def test_offer_recovery_without_crashed_sessions_shows_nothing(qtbot):
    assert offer_recovery(None) is None


@pytest.mark.parametrize("button, restored", [("restore_button", True), ("later_button", False)])
def test_offer_recovery_returns_the_restored_document_or_none_for_later(qtbot, button, restored):
    _crashed()

    problems = []

    def press():                # runs inside the dialog's own event loop
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, RecoveryDialog):
            problems.append(f"expected the recovery dialog, found {dialog!r}")
            if dialog is not None:
                dialog.reject()     # never leave a modal dialog open: the test then fails instead of hanging
            return
        getattr(dialog, button).click()

    QTimer.singleShot(0, press)
    result = offer_recovery(None)
    assert problems == []
    if restored:
        doc, original = result
        assert doc.snapshot() == _document().snapshot() and original is None
        assert find_recoveries() == []
    else:
        assert result is None
        assert len(find_recoveries()) == 1     # "Later" keeps the work for the next start


def test_the_timer_writes_on_a_worker_thread_a_copy_taken_when_it_fired(qtbot, monkeypatch):
    session = Session(_document())
    saver = session.autosaver(interval=60)
    saver.start()
    threads = []
    edited = threading.Event()
    real_save = autosave_module.save_project

    def save_after_the_edit(doc, path):
        threads.append(threading.current_thread().name)
        assert edited.wait(EVENT_TIMEOUT_MS / 1000)        # the worker writes only once the edit below is made
        real_save(doc, path)

    monkeypatch.setattr(autosave_module, "save_project", save_after_the_edit)
    expected = session.doc.snapshot()
    with qtbot.waitSignal(saver.saved, timeout=EVENT_TIMEOUT_MS):
        assert saver.save_in_background()
        # An edit made while the worker writes does not leak into this autosave.
        session.doc.apply(Change("edit", src=Splice(0, (session.doc.src[0],),
                                                    (session.doc.src[0].__class__(0, "改了。", 0),))))
        edited.set()
    assert threads == ["duiqi-autosave"]
    assert load_project(saver.autosave_path).snapshot() == expected
    saver.stop()
    saver.clear()


class _LockThatTells:
    """The autosaver's write lock, telling when the GUI thread starts waiting for it."""

    def __init__(self, lock, waiting: threading.Event) -> None:
        self._lock, self._waiting = lock, waiting

    def __enter__(self):
        if threading.current_thread() is threading.main_thread():
            self._waiting.set()
        return self._lock.__enter__()

    def __exit__(self, *exc):
        return self._lock.__exit__(*exc)

    def acquire(self, *args, **kwargs):
        return self._lock.acquire(*args, **kwargs)

    def release(self) -> None:
        self._lock.release()


def test_clear_during_a_background_write_leaves_no_autosave(qtbot, monkeypatch):
    saver = Session(_document()).autosaver(interval=60)
    saver.start()
    writing, clear_waits = threading.Event(), threading.Event()
    saver._write_lock = _LockThatTells(saver._write_lock, clear_waits)
    real_save = autosave_module.save_project

    def save_while_clear_waits(doc, path):
        writing.set()
        assert clear_waits.wait(EVENT_TIMEOUT_MS / 1000)   # clear() was called in the middle of this write
        real_save(doc, path)

    monkeypatch.setattr(autosave_module, "save_project", save_while_clear_waits)
    failures = []
    saver.failed.connect(failures.append)
    assert saver.save_in_background()
    assert writing.wait(EVENT_TIMEOUT_MS / 1000)
    saver.clear()                   # the project was saved meanwhile
    saver.wait_for_background_save()
    qtbot.waitUntil(lambda: not saver._writing, timeout=EVENT_TIMEOUT_MS)    # the worker's report arrived
    assert failures == [] and clear_waits.is_set()
    assert not saver.autosave_path.exists()
    saver.stop()
    assert list(autosave_dir().iterdir()) == []


def test_a_failed_background_autosave_is_reported_and_retried(qtbot, monkeypatch):
    monkeypatch.setattr(autosave_module, "RETRY_SECONDS", 0.05)
    saver = Session(_document()).autosaver(interval=3600)
    saver.start()
    real_save = autosave_module.save_project

    def failing_save(doc, path):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(autosave_module, "save_project", failing_save)
    with qtbot.waitSignal(saver.failed, timeout=EVENT_TIMEOUT_MS) as blocker:
        saver.save_in_background()
    assert "Permission denied" in blocker.args[0]
    monkeypatch.setattr(autosave_module, "save_project", real_save)
    with qtbot.waitSignal(saver.saved, timeout=EVENT_TIMEOUT_MS):      # retried by the timer on its own
        pass
    assert saver.autosave_path.exists()
    saver.stop()
    saver.clear()


def test_the_recovery_list_counts_confirmed_links_as_the_export_dialog_does(qtbot, tmp_path):
    # an X11 audit: "13 links, 2 confirmed" in the recovery list, "13 links (1 confirmed)" in the export dialog:
    # a sentence left unlinked by a boundary move and confirmed was counted as a confirmed link
    doc = _document()
    doc.apply(edits.unlink(doc, 1))
    doc.apply(edits.set_status(doc, 1, 1, BeadStatus.CONFIRMED))     # the Chinese sentence left without counterpart
    recovery = _crashed(doc, project=tmp_path / "book.duiqi")
    dialog = RecoveryDialog([recovery])
    qtbot.addWidget(dialog)
    assert dialog.list.topLevelItem(0).text(2) == "1 links, 1 confirmed"


def test_the_recovery_list_shows_what_the_autosave_holds_and_warns_when_the_project_is_newer(qtbot, tmp_path):
    project = tmp_path / "book.duiqi"
    project.write_text("{}", "utf-8")
    recovery = _crashed(project=project)
    assert recovery.counts == {"src": 2, "tgt": 2, "beads": 2, "confirmed": 1, "unlinked": 0, "confirmed_links": 1}
    dialog = RecoveryDialog([recovery])
    qtbot.addWidget(dialog)
    assert dialog.list.topLevelItem(0).text(2) == "2 links, 1 confirmed"
    assert "changed since" not in dialog.list.topLevelItem(0).text(3)
    os.utime(project, (recovery.saved_at + 60, recovery.saved_at + 60))
    assert recovery.project_is_newer()
    dialog = RecoveryDialog([recovery])
    qtbot.addWidget(dialog)
    assert "changed since" in dialog.list.topLevelItem(0).text(3)


def _press_later(button: str, problems: list) -> None:
    """Click `button` of the recovery dialog once it is up (inside its own event loop)."""
    def press():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, RecoveryDialog):
            problems.append(f"expected the recovery dialog, found {dialog!r}")
            if dialog is not None:
                dialog.reject()
            return
        getattr(dialog, button).click()
    QTimer.singleShot(0, press)


def _start_window(qtbot):
    from editor.ui.window.main_window import MainWindow
    from tests.ui.editor_fixtures import mark_clean

    win = MainWindow(autosave=False)
    qtbot.addWidget(win, before_close_func=mark_clean)
    return win


def test_started_on_the_project_a_crash_left_the_editor_offers_its_unsaved_work_first(qtbot, tmp_path):
    # seen in an X11 session: `duiqi-gui book.duiqi` after a kill opened the project at its saved state and
    # said nothing; the edits were offered only at a later start without arguments
    from editor.app import recover_then_open
    from editor.bitext.project import save_project

    project = tmp_path / "book.duiqi"
    saved = _document()
    saved.apply(Change("unconfirm", beads=Splice(0, tuple(saved.beads), (Bead((0,), (2,), 0.9), saved.beads[1]))))
    save_project(saved, project)                       # the project as last saved: nothing confirmed
    _crashed(project=project)                          # the crashed session had confirmed link 1
    win = _start_window(qtbot)
    problems: list = []
    _press_later("restore_button", problems)
    assert recover_then_open(win, [str(project)])
    assert problems == []
    assert win.document.snapshot() == _document().snapshot() and win.is_modified()
    assert win.project_path == project.absolute()
    assert "not opened" not in win.statusBar().currentMessage()          # it is the file asked for
    assert find_recoveries() == []


def test_restored_work_of_another_file_says_the_file_named_was_not_opened(qtbot, tmp_path):
    from editor.app import recover_then_open
    from editor.bitext.project import save_project

    other = tmp_path / "other.duiqi"
    save_project(_document(), other)
    _crashed(project=tmp_path / "book.duiqi")
    win = _start_window(qtbot)
    problems: list = []
    _press_later("restore_button", problems)
    assert recover_then_open(win, [str(other)])
    assert problems == [] and win.project_path == (tmp_path / "book.duiqi").absolute()
    assert "other.duiqi was not opened" in win.statusBar().currentMessage()


@pytest.mark.parametrize("crash", [False, True])
def test_started_on_a_file_with_nothing_restored_the_file_opens(qtbot, tmp_path, crash):
    from editor.app import recover_then_open
    from editor.bitext.project import save_project

    project = tmp_path / "book.duiqi"
    save_project(_document(), project)
    if crash:
        _crashed()
    win = _start_window(qtbot)
    problems: list = []
    if crash:
        _press_later("later_button", problems)        # "Later": the work stays for the next start
    assert not recover_then_open(win, [str(project)])
    assert problems == []
    assert win.project_path == project and not win.is_modified()
    assert len(find_recoveries()) == (1 if crash else 0)


def _crashed_after_opening(opened):
    """An autosave of a document the window had opened from `opened` (an XLIFF), left by a crash; `opened`."""
    saver = Autosaver(_document, lambda: True, lambda: None, 60, opened_path_provider=lambda: opened)
    _SAVERS.append(saver)
    saver.start()
    saver.save_now()
    _simulate_crash(saver)
    return opened


def test_a_snapshot_of_a_document_read_from_an_xliff_is_listed_under_the_xliff(qtbot, tmp_path):
    # an X11 re-test: the XLIFF's `original` attribute named it (here the source text, 天气.txt)
    xliff = _crashed_after_opening(tmp_path / "handbook.xlf")
    [recovery] = find_recoveries()
    assert recovery.title == "handbook.xlf" and recovery.opened_path == xliff.absolute()


def test_restored_work_imported_from_the_texts_named_does_not_say_they_were_not_opened(qtbot, tmp_path):
    # an X11 re-test: after restoring the import of ch006.zh.txt and ch006.en.txt, started on those very files,
    # the status bar said "ch006.zh.txt, ch006.en.txt was not opened"
    from editor.app import recover_then_open

    zh, en = tmp_path / "ch006.zh.txt", tmp_path / "ch006.en.txt"
    doc = _document()
    doc.meta.src_file, doc.meta.tgt_file = str(zh), str(en)
    _crashed(doc)
    win = _start_window(qtbot)
    problems: list = []
    _press_later("restore_button", problems)
    assert recover_then_open(win, [str(en), str(zh)])
    assert problems == [] and win.is_modified()
    assert "not opened" not in win.statusBar().currentMessage()
    _crashed(doc)                                                 # another text named: said
    win = _start_window(qtbot)
    _press_later("restore_button", problems)
    assert recover_then_open(win, [str(tmp_path / "ch007.zh.txt"), str(en)])
    assert problems == [] and "ch007.zh.txt, ch006.en.txt was not opened" in win.statusBar().currentMessage()


def test_restored_work_of_the_xliff_named_does_not_say_it_was_not_opened(qtbot, tmp_path):
    from editor.app import recover_then_open

    xliff = _crashed_after_opening(tmp_path / "handbook.xlf")
    win = _start_window(qtbot)
    problems: list = []
    _press_later("restore_button", problems)
    assert recover_then_open(win, [str(xliff)])
    assert problems == [] and win.opened_path == xliff.absolute()
    assert "not opened" not in win.statusBar().currentMessage()
