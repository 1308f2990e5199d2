"""The application entry point: command-line files, the sample, the CJK font and the crash hook."""

import sys

from PySide6.QtWidgets import QMessageBox

from editor.app import _install_excepthook, choose_cjk_font, open_arguments
from editor.bitext.project import save_project
from editor.ui.main_window import MainWindow
from tests.ui.editor_fixtures import mark_clean


def _window(qtbot):
    win = MainWindow(autosave=False)
    qtbot.addWidget(win, before_close_func=mark_clean)
    return win


def test_sample_argument_opens_the_bundled_sample_already_aligned(qtbot, sample_doc):
    win = _window(qtbot)
    open_arguments(win, ["--sample"])
    assert win.document.snapshot() == sample_doc.snapshot()
    assert any(b.src and b.tgt for b in win.document.beads)
    assert not win.is_modified()


def test_a_project_on_the_command_line_is_opened(qtbot, sample_doc, tmp_path):
    path = tmp_path / "book.duiqi"
    save_project(sample_doc, path)
    win = _window(qtbot)
    open_arguments(win, [str(path)])
    assert win.project_path == path and win.document.snapshot() == sample_doc.snapshot()
    assert "book.duiqi" in win.windowTitle()


def test_two_text_files_on_the_command_line_are_imported_and_aligned(qtbot, tmp_path):
    zh, en = tmp_path / "zh.txt", tmp_path / "en.txt"
    zh.write_text("第一句话。第二句话有数字42。\n", encoding="utf-8")
    en.write_text("The first sentence. The second one has the number 42.\n", encoding="utf-8")
    win = _window(qtbot)
    with qtbot.waitSignal(win.qdoc.changed, timeout=20000):
        open_arguments(win, [str(zh), str(en)])
    assert len(win.document.src) == 2 and len(win.document.tgt) == 2
    assert all(b.src and b.tgt for b in win.document.beads)


def test_the_application_font_has_a_chinese_family_when_one_is_installed(qtbot):
    from PySide6.QtGui import QFontDatabase

    font = choose_cjk_font(13)
    assert font.pointSizeF() == 13
    if QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        assert len(font.families()) == 2


def test_an_unexpected_error_is_logged_and_shown(qtbot, monkeypatch):
    from editor.paths import log_dir

    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: shown.append(a[2]))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(sys, "stderr", open("/dev/null", "w") if sys.platform != "win32" else sys.stderr)
    _install_excepthook()
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    logs = list(log_dir().glob("crash-*.log"))
    assert logs and "RuntimeError: boom" in logs[0].read_text(encoding="utf-8")
    assert shown and "boom" in shown[0]


def test_a_restored_crash_recovery_opens_as_unsaved_work_with_its_project_path(qtbot, sample_doc, tmp_path,
                                                                             monkeypatch):
    from editor.app import _offer_recovery

    project = tmp_path / "book.duiqi"
    monkeypatch.setattr("editor.ui.autosave.offer_recovery", lambda parent: (sample_doc, project))
    win = _window(qtbot)
    assert _offer_recovery(win)
    assert win.document is sample_doc and win.project_path == project
    assert win.is_modified() and win.isWindowModified()
