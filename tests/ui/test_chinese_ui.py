"""The Chinese UI: key names as Qt writes them natively, one term for "doubtful", the export dialog readable."""

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence


@pytest.fixture
def chinese(qapp):
    """The Chinese interface as the app sets it up: translators and the CJK application font."""
    from editor.app import _install_translators, choose_cjk_font

    installed = _install_translators(qapp, "zh_CN")
    assert installed
    font = qapp.font()
    qapp.setFont(choose_cjk_font())
    yield
    qapp.setFont(font)
    for translator in installed:
        QCoreApplication.removeTranslator(translator)


def test_shortcuts_show_qts_native_key_names_not_translated_ones(qtbot, chinese):
    from PySide6.QtWidgets import QMainWindow, QMenu

    from editor.ui.dialogs.help_dialogs import ShortcutsDialog
    from editor.ui.window.actions import WindowActions

    window = QMainWindow()
    qtbot.addWidget(window)
    actions = WindowActions(window)
    assert actions.boundary_up.text() != "Move &Boundary Up"               # the UI is Chinese
    assert "Alt+Up" in actions.boundary_up.toolTip() and "上方向" not in actions.boundary_up.toolTip()
    assert actions.confirm_next.shortcut().toString(QKeySequence.SequenceFormat.NativeText) == "Return"
    menu = QMenu(window)
    for action in (actions.boundary_up, actions.boundary_down, actions.confirm_next):
        menu.addAction(action)
    dialog = ShortcutsDialog([menu], window)
    qtbot.addWidget(dialog)
    keys = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    assert "Alt+Up" in keys and "Alt+Down" in keys and "Up / Down" in keys and "PgUp / PgDown" in keys
    assert not any(ch in "".join(keys) for ch in "上下回车翻页")


@pytest.mark.parametrize("preset", ["trados", "memoq", "phrase"])
def test_the_language_code_note_wraps_and_is_not_clipped_in_chinese(qtbot, chinese, preset, tmp_path):
    from PySide6.QtWidgets import QApplication

    from editor.app import sample_document
    from editor.ui.dialogs.export_dialog import ExportDialog

    doc = sample_document()
    doc.meta.src_lang, doc.meta.chinese_script = "zh-TW", "traditional"
    dialog = ExportDialog(None, doc, tmp_path / "book.duiqi")
    qtbot.addWidget(dialog)
    dialog.preset_combo.setCurrentIndex(dialog.preset_combo.findData(preset))
    dialog.show()
    qtbot.waitExposed(dialog)
    QApplication.processEvents()
    note = dialog.pair_warning
    assert note.isVisible() and "zh-HK" in note.text()
    assert note.height() >= note.heightForWidth(note.width())           # every wrapped line shown whole
    for other in (dialog.codes_label, dialog.only_confirmed, dialog.preset_notes):
        assert not note.geometry().intersects(other.geometry()), other    # and nothing drawn over it
    assert dialog.height() <= 720 and dialog.width() <= 1280           # fits a 1280×720 screen


def test_work_restored_from_an_english_sessions_journal_has_a_chinese_undo_history(qtbot, chinese):
    # seen in an X11 session: after a crash in the English interface, the work restored in the Chinese one
    # showed "撤销 Confirm" in the Edit menu and an English undo history
    from editor.bitext import edits
    from editor.bitext.document import AlignmentDocument, Bead
    from editor.bitext.journal import History, Step, copy_document
    from editor.settings import Settings
    from editor.ui.window.main_window import MainWindow

    doc = AlignmentDocument.from_texts([("今天天气很好。", 0), ("我们去公园吧！", 0)],
                                       [("The weather is fine today.", 0), ("Let's go to the park!", 0)])
    doc.beads = [Bead((0,), (2,), 0.9), Bead((1,), (3,), 0.4)]
    base = copy_document(doc)
    confirm = edits.confirm(doc, 0)
    doc.apply(confirm)
    unlink = edits.unlink(doc, 1)
    history = History(base, [Step("Confirm", (confirm,)), Step("Unlink", (unlink,))], index=2)
    win = MainWindow(AlignmentDocument(), settings=Settings(), autosave=False)
    qtbot.addWidget(win, before_close_func=lambda w: w.undo_stack.setClean())
    win.restore_history(history, None)
    stack = win.undo_stack
    assert [stack.text(i) for i in range(stack.count())] == ["确认", "取消链接"]
    assert stack.undoText() == "取消链接"


def test_the_export_report_is_chinese_in_the_chinese_interface(chinese):
    from types import SimpleNamespace
    from pathlib import Path

    from editor.ui.dialogs.export_dialog import export_finished_text

    report = SimpleNamespace(written=217, skipped_unlinked=2, skipped_unconfirmed=0, skipped_too_long=0,
                             skipped_doubtful=5, removed_characters=0, normalised_whitespace=1)
    text = export_finished_text(report, Path("/tmp/lit.xlf"))
    assert text.splitlines() == ["已将 217 个句对写入 /tmp/lit.xlf。", "未写入 2 个未链接的句子。",
                                 "未写入 5 个存疑的链接。", "句子中的 1 个制表符或换行符已写为空格。"]
    xliff = SimpleNamespace(written=10, written_unlinked=3, skipped_unlinked=0, skipped_unconfirmed=0,
                            skipped_too_long=0, skipped_doubtful=0, removed_characters=0, normalised_whitespace=0)
    assert export_finished_text(xliff, Path("/tmp/lit.xlf")).splitlines() == [
        "已将 7 个句对写入 /tmp/lit.xlf。", "另写入 3 个没有对应译文的句子（另一侧为空）。"]


def _core_errors(tmp_path):
    """Errors the core raises for bad input, each made the way a user meets it."""
    from editor.collection import Collection
    from editor.errors import EditorError, EmptyFileError, EncryptedFileError, MalformedFileError, \
        MarkupOnlyFileError, UndecodableFileError
    from editor.file_checks import check_input_file
    from editor.importing import load_document

    made = []
    for attempt in (lambda: check_input_file(tmp_path / "missing.txt"), lambda: check_input_file(tmp_path),
                    lambda: Collection.open(tmp_path)):
        try:
            attempt()
        except EditorError as exc:
            made.append(exc)
    binary = tmp_path / "data.txt"
    binary.write_bytes(bytes(range(256)) * 64)
    try:
        load_document(binary)
    except EditorError as exc:
        made.append(exc)
    made += [UndecodableFileError(binary, ("gb18030",)), EmptyFileError(binary), MarkupOnlyFileError(binary),
             EncryptedFileError(binary), MalformedFileError(binary, "not well-formed XML: mismatched tag", line=3)]
    assert len(made) == 9
    return made


def test_the_cores_reasons_for_bad_input_are_chinese_in_the_chinese_ui(qtbot, chinese, tmp_path):
    # an X11 audit: "无法打开 missing.txt。" over the English reason "no such file"
    import re

    from editor.ui.error_text import reason_text

    for exc in _core_errors(tmp_path):
        text = reason_text(exc.message)
        assert re.search("[\u4e00-\u9fff]", text) and text != exc.message, exc.message
    assert reason_text("line 3: not well-formed XML: mismatched tag") == "第 3 行：XML 格式不正确：mismatched tag"
    assert reason_text("cannot read the file (Permission denied)") == "无法读取该文件（Permission denied）"
    assert reason_text("a reason no template knows") == "a reason no template knows"
    # a failed document of a collection: "empty.txt: the file contains no text" stayed English (an X11 re-test)
    assert reason_text("empty.txt: the file contains no text") == "empty.txt：该文件不含任何文本"
    assert reason_text("notes.txt: a reason no template knows") == "notes.txt: a reason no template knows"


def test_the_window_shows_a_file_error_with_its_reason_in_the_ui_language(qtbot, chinese, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from editor.ui.window.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append((box.text(), box.informativeText())) or 0)
    assert not win.open_paths([tmp_path / "missing.txt"], ask=False)
    assert shown and "missing.txt" in shown[0][0] and "文件不存在" in shown[0][1], shown


def test_the_cores_reasons_stay_as_they_are_in_the_english_ui(qtbot, tmp_path):
    from editor.ui.error_text import reason_text

    for exc in _core_errors(tmp_path):
        assert reason_text(exc.message) == exc.message


def test_an_exports_warnings_are_chinese_in_the_chinese_ui(qtbot, chinese, tmp_path):
    # an X11 re-test: the collection export's result listed "001: left out 1 unlinked sentence group(s) (0-1 or
    # 1-0), which this format cannot hold" in English in the Chinese interface
    import re

    from editor.bitext.document import AlignmentDocument, Bead
    from editor.collection.merge import TMX_PROPS_DROPPED
    from editor.exporting import ExportOptions, export_document
    from editor.ui.error_text import reason_text

    doc = AlignmentDocument.from_texts([("第一句。", 0), ("第二句。", 0), ("第三句。", 0)],
                                       [("One.", 0), ("Two.", 0)])
    z, e = [s.id for s in doc.src], [t.id for t in doc.tgt]
    doc.beads = [Bead((z[0],), (e[0],), 0.99), Bead((z[1],), (e[1],), 0.2), Bead((z[2],), (), 0.0)]
    warnings = []
    from editor.exporting.presets import apply_preset

    for preset in ("generic", "trados"):
        options = apply_preset(ExportOptions(), preset)
        warnings += export_document(doc, tmp_path / f"{preset}.tmx", options).warnings
    assert any("doubtful" in w for w in warnings)
    warnings += [TMX_PROPS_DROPPED, "its source language zh-TW differs from the file's (zh-CN)",
                 "its languages zh-TW/en-GB differ from the file's (zh-CN/en-US)"]
    assert len(warnings) >= 5
    for warning in warnings:
        text = reason_text(warning)
        assert re.search("[\u4e00-\u9fff]", text) and text != warning, warning


def test_the_undo_menu_text_names_the_step_with_the_accelerator_at_the_end(qtbot, chinese):
    # an X11 audit: "撤销(U) 确认": Qt writes the prefix, a space and the step, so the Chinese accelerator stood in
    # the middle
    from editor.bitext import edits
    from editor.bitext.document import AlignmentDocument, Bead
    from editor.settings import Settings
    from editor.ui.window.main_window import MainWindow

    doc = AlignmentDocument.from_texts([("今天天气很好。", 0)], [("The weather is fine today.", 0)])
    doc.beads = [Bead((0,), (1,), 0.9)]
    win = MainWindow(doc, settings=Settings(), autosave=False)
    qtbot.addWidget(win, before_close_func=lambda w: w.undo_stack.setClean())
    win.push_change(lambda d: edits.confirm(d, 0))
    assert win.undo_action.text() == "撤销确认(&U)"
    win.undo_action.trigger()
    assert win.redo_action.text() == "重做确认(&R)" and win.undo_action.text() == "撤销(&U)"


def test_no_two_items_of_a_menu_or_the_export_dialog_share_an_accelerator_in_chinese(qtbot, chinese):
    # an X11 audit in the Chinese UI: 下一个存疑链接(D) and 边界下移(D), 中文语言代码(C) and 仅导出已确认的链接(C)
    from PySide6.QtWidgets import QAbstractButton, QLabel

    from editor.bitext.document import AlignmentDocument, Bead
    from editor.settings import Settings
    from editor.ui.dialogs.export_dialog import ExportDialog
    from editor.ui.window.main_window import MainWindow
    from tests.ui.test_link_commands import _mnemonics

    doc = AlignmentDocument.from_texts([("今天天气很好。", 0)], [("The weather is fine today.", 0)])
    doc.beads = [Bead((0,), (1,), 0.9)]
    win = MainWindow(doc, settings=Settings(), autosave=False)
    qtbot.addWidget(win, before_close_func=lambda w: w.undo_stack.setClean())
    for menu_action in win.menuBar().actions():
        menu = menu_action.menu()
        letters = _mnemonics(a.text() for a in menu.actions() if not a.isSeparator() and a.text())
        assert len(letters) == len(set(letters)), (menu.title(), sorted(letters))
    dialog = ExportDialog(win, doc, None)
    qtbot.addWidget(dialog)
    letters = _mnemonics([w.text() for w in dialog.findChildren(QAbstractButton)] +
                         [w.text() for w in dialog.findChildren(QLabel)])
    assert len(letters) == len(set(letters)), sorted(letters)
