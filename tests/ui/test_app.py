"""The application entry point: command-line files, the sample, the CJK font and the crash hook."""

import sys

import pytest
from PySide6.QtWidgets import QMessageBox

from editor.app import _install_excepthook, choose_cjk_font, open_arguments
from editor.bitext.project import save_project
from editor.ui.window.main_window import MainWindow
from tests.conftest import EVENT_TIMEOUT_MS
from tests.editor_probe import run_editor
from tests.sample_gold import document_links, document_sentences, sample_gold, strict_scores
from tests.ui.editor_fixtures import mark_clean


def _window(qtbot):
    win = MainWindow(autosave=False)
    qtbot.addWidget(win, before_close_func=mark_clean)
    return win


def test_sample_argument_opens_the_bundled_sample_already_aligned(qtbot):
    win = _window(qtbot)
    with qtbot.waitSignal(win.qdoc.changed, timeout=EVENT_TIMEOUT_MS):     # the texts show first, the links follow
        open_arguments(win, ["--sample"])
    doc = win.document
    gold = sample_gold()
    assert document_sentences(doc, "zh") == gold.sentences("zh")
    assert document_sentences(doc, "en") == gold.sentences("en")
    # Aligned (by the default engine, in best mode): every link it is sure of is right, and it finds nearly all.
    confident = [link for link, bead in zip(document_links(doc), doc.beads) if bead.confidence >= 0.9]
    assert confident and set(confident) <= set(gold.links)
    assert strict_scores(doc)[2] >= 0.85
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
    with qtbot.waitSignal(win.qdoc.changed, timeout=EVENT_TIMEOUT_MS):
        open_arguments(win, [str(zh), str(en)])
    assert len(win.document.src) == 2 and len(win.document.tgt) == 2
    assert all(b.src and b.tgt for b in win.document.beads)


def test_chinese_renders_with_real_glyphs_in_the_application_font_not_boxes(qtbot):
    """Lays out the sample's Chinese and the Chinese interface's strings the way a widget draws them (fallback
    fonts included) and checks that no character comes out as the missing-glyph box (glyph 0)."""
    from PySide6.QtGui import QFontDatabase, QTextLayout

    from editor.resources import sample_path

    font = choose_cjk_font(13)
    assert font.pointSizeF() == 13
    chosen = font.families()[-1]
    assert QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(chosen), \
        f"{chosen!r} is not a Chinese font: install one (Debian: fonts-noto-cjk)"
    chinese = "".join(ch for ch in sample_path().read_text(encoding="utf-8") if "\u4e00" <= ch <= "\u9fff")
    text = chinese + "对齐文件编辑未命名取消确认链接"
    layout = QTextLayout(text, font)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(1_000_000)
    layout.endLayout()
    glyphs = [g for run in layout.glyphRuns() for g in run.glyphIndexes()]
    assert len(glyphs) == len(text)
    assert glyphs.count(0) == 0, f"{glyphs.count(0)} of {len(text)} Chinese characters would render as boxes"


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
    monkeypatch.setattr("editor.ui.safety.recovery.offer_recovery", lambda parent: (sample_doc, project))
    win = _window(qtbot)
    assert _offer_recovery(win)
    assert win.document is sample_doc and win.project_path == project
    assert win.is_modified() and win.isWindowModified()


@pytest.mark.slow
def test_duiqi_dash_dash_sample_starts_the_editor_on_the_aligned_sample(tmp_path):
    """`duiqi --sample` end to end: editor.app.main() in its own process, the real engine and aligner process."""
    state = run_editor(["--sample"], tmp_path / "home")
    gold = sample_gold()
    assert [tuple(s) for s in state["zh"]] == gold.sentences("zh")
    assert [tuple(s) for s in state["en"]] == gold.sentences("en")
    links = [(tuple(zh), tuple(en)) for zh, en, _ in state["links"]]
    confident = [link for link, (_, _, confidence) in zip(links, state["links"]) if confidence >= 0.9]
    assert confident and set(confident) <= set(gold.links)
    assert len(set(links) & set(gold.links)) / len(gold.links) >= 0.85
    assert not state["modified"]


@pytest.mark.parametrize("flag", ["--help", "-h", "--version"])
def test_help_and_version_are_printed_without_opening_the_editor(flag, capsys, monkeypatch):
    # found by an X11 re-test: `duiqi-gui --help` opened the editor and said "Could not open --help"
    from PySide6.QtWidgets import QApplication

    import editor.app
    from editor import __version__

    monkeypatch.setattr(QApplication, "exec", lambda *a: pytest.fail("the editor started"))
    assert editor.app.main([flag]) == 0
    out = capsys.readouterr().out
    assert (f"duiqi-gui {__version__}" in out) if flag == "--version" else ("usage: duiqi-gui" in out)
