"""The New Alignment dialog reads the chosen files, shows how, and builds the document the user agreed to."""

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialog

from editor.ui.dialogs import import_dialog as import_dialog_module
from editor.ui.dialogs.import_dialog import ImportDialog
from tests.conftest import EVENT_TIMEOUT_MS

DATA = Path(__file__).resolve().parents[1] / "data"
MIXED = DATA / "dlg_mixed.txt"
ZH_GB18030 = DATA / "dlg_gb18030_zh.txt"
ZH, EN = DATA / "dlg_zh.txt", DATA / "dlg_en.txt"


def _dialog(qtbot, paths):
    dialog = ImportDialog(None, paths)
    qtbot.addWidget(dialog)
    return dialog


def _import(dialog):
    assert dialog.import_button.isEnabled(), dialog.error_label.text()
    dialog.import_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.error_label.text()
    return dialog.document()


def _fix_items(dialog):
    return [dialog.cleanup_list.topLevelItem(i) for i in range(dialog.cleanup_list.topLevelItemCount())]


def test_a_mixed_file_is_split_by_language_and_previewed(qtbot):
    dialog = _dialog(qtbot, [MIXED])
    assert dialog.mixed_file.isChecked()
    assert "UTF-8" in dialog.rows[0].info.text() and "4 paragraphs" in dialog.rows[0].info.text()
    assert "2 Chinese and 2 English" in dialog.split_summary.text()
    assert "Simplified Chinese" in dialog.zh_paragraphs_heading.text()
    assert dialog.zh_paragraphs.toPlainText().startswith("1. 河畔图书")
    assert "2. A United Nations delegate" in dialog.en_paragraphs.toPlainText()
    assert dialog.zh_sentences_heading.text() == "Chinese: 3 sentences"
    assert dialog.en_sentences_heading.text() == "English: 3 sentences"


def test_a_mixed_file_with_all_cleanup_accepted_gives_the_cleaned_document(qtbot):
    dialog = _dialog(qtbot, [MIXED])
    items = _fix_items(dialog)
    assert len(items) == 3 and all(i.checkState(0) == Qt.CheckState.Checked for i in items)
    assert [i.text(1) for i in items] == ["Chinese ¶1, character 5", "Chinese ¶2, characters 2–7",
                                          "English ¶1, characters 63–64"]
    assert "(lián)" in items[1].text(3) and "(lián)" not in items[1].text(4)
    doc = _import(dialog)
    assert [s.text for s in doc.src] == ["河畔图书馆于三月二日正式开放。", "首日接待读者两千余人。",
                                         "联合国代表也参观了图书馆。"]
    assert doc.tgt[1].text == "It welcomed more than 2,000 readers on its first day."
    assert len(doc.meta.cleanup_applied) == 3
    assert {c["original"] for c in doc.meta.cleanup_applied} == {" ", "(lián)", "  "}
    assert doc.meta.src_file == str(MIXED) and doc.meta.src_lang == "zh-CN"
    assert all(not (b.src and b.tgt) for b in doc.beads)     # unaligned: the window aligns it next
    doc.check()


def test_rejected_cleanup_leaves_the_text_as_it_was(qtbot):
    dialog = _dialog(qtbot, [MIXED])
    dialog.reject_all_button.click()
    doc = _import(dialog)
    assert doc.src[0].text == "河畔图书 馆于三月二日正式开放。"
    assert doc.src[2].text == "联(lián)合国代表也参观了图书馆。"
    assert "more than  2,000" in doc.tgt[1].text
    assert doc.meta.cleanup_applied == []


def test_each_fix_can_be_accepted_or_rejected_on_its_own(qtbot):
    dialog = _dialog(qtbot, [MIXED])
    pinyin = next(i for i in _fix_items(dialog) if "lián" in i.text(3))
    pinyin.setCheckState(0, Qt.CheckState.Unchecked)
    qtbot.waitUntil(lambda: "3. 联(lián)合国" in dialog.zh_sentences.toPlainText(),
                    timeout=EVENT_TIMEOUT_MS)
    doc = _import(dialog)
    assert doc.src[0].text == "河畔图书馆于三月二日正式开放。"        # accepted
    assert doc.src[2].text == "联(lián)合国代表也参观了图书馆。"       # rejected
    assert [c["original"] for c in doc.meta.cleanup_applied] == [" ", "  "]


def test_two_files_give_a_document_with_each_files_encoding(qtbot):
    dialog = _dialog(qtbot, [ZH_GB18030, EN])
    assert dialog.two_files.isChecked()
    assert "GB18030" in dialog.rows[0].info.text()
    doc = _import(dialog)
    assert [s.text for s in doc.src] == ["今天天气很好。"]
    assert [t.text for t in doc.tgt] == ["The weather is fine today.", "Let's go to the park!",
                                         "There are many people in the park."]
    assert (doc.meta.src_encoding, doc.meta.tgt_encoding) == ("gb18030", "utf-8")
    assert (doc.meta.src_file, doc.meta.tgt_file) == (str(ZH_GB18030), str(EN))


def test_two_files_given_english_first_are_swapped_and_the_user_is_told(qtbot):
    dialog = _dialog(qtbot, [EN, ZH])
    assert dialog.rows[0].path() == ZH and dialog.rows[1].path() == EN
    assert "swapped" in dialog.note_label.text() and dialog.note_label.isVisibleTo(dialog)
    doc = _import(dialog)
    assert doc.src[0].text == "今天天气很好。"


def test_a_binary_file_shows_an_error_naming_it_and_cannot_be_imported(qtbot):
    dialog = _dialog(qtbot, [DATA / "dlg_binary.txt", EN])
    assert "dlg_binary.txt" in dialog.rows[0].info.text()
    assert "not a text file" in dialog.rows[0].info.text()
    assert dialog.error_label.isVisibleTo(dialog)
    assert not dialog.import_button.isEnabled()
    dialog.accept()                          # even forced, it does not close
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.document() is None


def test_a_missing_file_shows_an_error_naming_it(qtbot, tmp_path):
    dialog = _dialog(qtbot, [tmp_path / "gone.txt", EN])
    assert "gone.txt" in dialog.rows[0].info.text()
    assert not dialog.import_button.isEnabled()


def test_a_mixed_file_without_english_says_what_is_missing(qtbot):
    dialog = _dialog(qtbot, [DATA / "dlg_zh_only.txt"])
    assert "no English paragraphs" in dialog.error_label.text()
    assert "dlg_zh_only.txt" in dialog.error_label.text()
    assert not dialog.import_button.isEnabled()


def test_choosing_another_encoding_reads_the_file_again(qtbot):
    dialog = _dialog(qtbot, [ZH_GB18030, EN])
    row = dialog.rows[0]
    row.encoding.setCurrentIndex(row.encoding.findData("utf-8"))
    assert "not a text file" in row.info.text() and not dialog.import_button.isEnabled()
    row.encoding.setCurrentIndex(row.encoding.findData("gb18030"))
    assert "GB18030 (chosen)" in row.info.text()
    assert dialog.import_options().encodings == {str(ZH_GB18030): "gb18030"}
    doc = _import(dialog)
    assert doc.src[0].text == "今天天气很好。" and doc.meta.src_encoding == "gb18030"


def test_presegmented_input_keeps_each_line_as_one_segment(qtbot):
    dialog = _dialog(qtbot, [ZH, EN])
    assert dialog.zh_sentences_heading.text() == "Chinese: 3 sentences"
    dialog.presegmented.setChecked(True)
    assert dialog.zh_sentences_heading.text() == "Chinese: 2 sentences"
    doc = _import(dialog)
    assert [s.text for s in doc.src] == ["今天天气很好。我们去公园吧！", "公园里有很多人。"]
    assert doc.meta.presegmented


def test_traditional_chinese_is_detected_and_suggests_zh_tw(qtbot):
    dialog = _dialog(qtbot, [DATA / "dlg_zh_traditional.txt", EN])
    assert "Traditional Chinese" in dialog.zh_paragraphs_heading.text()
    assert dialog.src_lang.currentText() == "zh-TW"
    doc = _import(dialog)
    assert doc.meta.chinese_script == "traditional" and doc.meta.src_lang == "zh-TW"


def test_chosen_language_codes_go_into_the_document(qtbot):
    dialog = _dialog(qtbot, [ZH, EN])
    dialog.src_lang.setCurrentText("zh-SG")
    dialog.tgt_lang.setCurrentText("en-GB")
    doc = _import(dialog)
    assert (doc.meta.src_lang, doc.meta.tgt_lang) == ("zh-SG", "en-GB")


def test_switching_to_a_mixed_file_uses_only_the_first_row(qtbot):
    dialog = _dialog(qtbot, None)
    assert not dialog.import_button.isEnabled()
    dialog.mixed_file.setChecked(True)
    assert not dialog.rows[1].path_edit.isVisibleTo(dialog)
    dialog.rows[0].path_edit.setText(str(MIXED))
    dialog.rows[0].path_edit.editingFinished.emit()
    assert dialog.paths() == [MIXED]
    assert len(_import(dialog).src) == 3


def test_a_file_that_breaks_after_the_preview_is_reported_in_the_dialog(qtbot, tmp_path):
    copy = tmp_path / "mixed.txt"
    shutil.copy(MIXED, copy)
    dialog = _dialog(qtbot, [copy])
    copy.write_bytes(b"")                   # emptied between preview and Import
    dialog.import_button.click()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "mixed.txt" in dialog.error_label.text() and "no text" in dialog.error_label.text()


def test_without_cleanup_support_the_dialog_still_imports(qtbot, monkeypatch):
    monkeypatch.setattr(import_dialog_module, "suggest_cleanup", None)
    dialog = _dialog(qtbot, [MIXED])
    assert dialog.cleanup_list.topLevelItemCount() == 0
    assert "not available" in dialog.cleanup_summary.text()
    doc = _import(dialog)
    assert doc.src[0].text == "河畔图书 馆于三月二日正式开放。" and doc.meta.cleanup_applied == []


def test_exec_returns_accepted_and_the_document(qtbot):
    dialog = _dialog(qtbot, [ZH, EN])
    QTimer.singleShot(50, dialog.import_button.click)
    assert dialog.exec() == QDialog.DialogCode.Accepted
    assert [s.text for s in dialog.document().src][:2] == ["今天天气很好。", "我们去公园吧！"]


@pytest.mark.parametrize("default, path, expected", [
    ("zh-HK", "dlg_zh_traditional.txt", "zh-HK"),     # the default fits the script: kept
    ("zh-CN", "dlg_zh_traditional.txt", "zh-TW"),     # it does not: the script wins
    ("zh-HK", "dlg_zh.txt", "zh-CN"),
    ("zh-SG", "dlg_zh.txt", "zh-SG"),
])
def test_the_default_chinese_code_is_kept_when_it_fits_the_detected_script(qtbot, default, path, expected):
    dialog = ImportDialog(None, [DATA / path, EN], src_lang=default, tgt_lang="en-GB")
    qtbot.addWidget(dialog)
    assert dialog.src_lang.currentText() == expected
    assert dialog.tgt_lang.currentText() == "en-GB"


def test_a_chinese_code_the_user_typed_is_not_overridden_by_detection(qtbot):
    dialog = _dialog(qtbot, [ZH, EN])
    dialog.src_lang.lineEdit().clear()
    qtbot.keyClicks(dialog.src_lang.lineEdit(), "zh-MO")
    dialog.rows[0].path_edit.setText(str(DATA / "dlg_zh_traditional.txt"))
    dialog.rows[0].path_edit.editingFinished.emit()
    assert dialog.src_lang.currentText() == "zh-MO"


def _drop(qtbot, widget, paths):
    from PySide6.QtCore import QMimeData, QPoint, QPointF, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QApplication
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    import warnings
    with warnings.catch_warnings():      # PySide marks the only QDragEnterEvent constructor as deprecated
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                                Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    accepted = enter.isAccepted()
    if accepted:
        drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                          Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(widget, drop)
    return accepted


def test_dropping_one_file_on_the_dialog_reads_it_as_a_mixed_file(qtbot):
    dialog = _dialog(qtbot, [ZH, EN])
    assert _drop(qtbot, dialog, [MIXED])
    assert dialog.mixed_file.isChecked() and dialog.paths() == [MIXED]
    assert len(_import(dialog).src) == 3


def test_dropping_two_files_reads_them_as_chinese_and_english(qtbot):
    dialog = _dialog(qtbot, None)
    assert _drop(qtbot, dialog, [EN, ZH_GB18030])          # any order: English first is swapped
    assert dialog.two_files.isChecked() and dialog.paths() == [ZH_GB18030, EN]
    assert _import(dialog).meta.src_encoding == "gb18030"


def test_dropping_three_files_is_refused(qtbot):
    dialog = _dialog(qtbot, None)
    assert not _drop(qtbot, dialog, [ZH, EN, MIXED])
    assert dialog.paths() == []


LAYOUTS = DATA / "importing"


def test_a_same_line_file_shows_the_layout_found_and_imports_its_pairs(qtbot):
    dialog = _dialog(qtbot, [LAYOUTS / "same_line_zh_first.txt"])
    assert dialog.layout_summary.text() == ("Layout found: Chinese and English on the same line: 7 lines · "
                                            "headings paired as anchors: 2")
    assert dialog.zh_paragraphs.toPlainText().startswith("1. 第一章 新馆\n2. 河畔图书馆")
    doc = _import(dialog)
    assert doc.meta.layout == "same-line pairs (7), headings (2)"
    assert doc.tgt[0].text == "Chapter One: The New Library"


def test_a_table_with_a_lone_heading_previews_the_rows_and_the_heading_left_unpaired(qtbot):
    dialog = _dialog(qtbot, [LAYOUTS / "bilingual_table.html"])
    text = dialog.layout_summary.text()
    # three rows: the header row 中文 | English is not a row pair
    assert "table rows (a Chinese and an English column): 3" in text and "alternating paragraphs: 3" in text
    assert text.endswith("1 headings without a counterpart (kept as links of their own)")


def test_an_epub_pair_is_previewed_as_books_with_their_chapters_paired(qtbot):
    dialog = _dialog(qtbot, [LAYOUTS / "book-zh.epub", LAYOUTS / "book-en.epub"])
    assert dialog.rows[0].info.text() == "EPUB book · 9 paragraphs"
    assert not dialog.rows[0].encoding.isEnabled()
    assert dialog.layout_summary.text() == "Layout found: two files · headings paired as anchors: 3"
    assert dialog.import_button.isEnabled()


def test_subtitle_cues_are_previewed_as_one_segment_each(qtbot, tmp_path):
    zh = tmp_path / "zh.srt"
    zh.write_text("1\n00:00:01,000 --> 00:00:03,500\n真好。下个月我也去。\n\n2\n00:00:04,000 --> 00:00:05,000\n再见。\n",
                  encoding="utf-8")
    dialog = _dialog(qtbot, [zh, LAYOUTS / "film-en.srt"])
    assert dialog.layout_summary.text() == "Layout found: two files · subtitle cues paired: 2"
    assert dialog.zh_sentences_heading.text() == "Chinese: 2 sentences"       # 真好。下个月我也去。 is one cue
    assert dialog.zh_sentences.toPlainText().startswith("1. 真好。下个月我也去。\n2. 再见。")
    assert "subtitles, encoding UTF-8" in dialog.rows[0].info.text()


def test_files_typed_the_wrong_way_round_are_swapped_and_labelled_before_import(qtbot):
    dialog = _dialog(qtbot, None)
    dialog.rows[0].path_edit.setText(str(EN))          # the English file typed into the Chinese row
    dialog.rows[0].path_edit.editingFinished.emit()
    dialog.rows[1].path_edit.setText(str(ZH))
    dialog.rows[1].path_edit.editingFinished.emit()
    # Each row holds what its label says, and the dialog says so before Import is pressed.
    assert dialog.rows[0].path() == ZH and dialog.rows[1].path() == EN
    assert "swapped" in dialog.note_label.text() and dialog.note_label.isVisibleTo(dialog)
    assert dialog.zh_paragraphs.toPlainText().count("今天") >= 1


def test_the_encoding_box_is_wide_enough_for_the_detected_encoding_in_chinese(qtbot, tmp_path):
    from PySide6.QtCore import QCoreApplication, QTranslator
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QApplication
    from tests.ui.test_translation import QM

    translator = QTranslator()
    assert translator.load(QM.stem, str(QM.parent))
    QCoreApplication.installTranslator(translator)
    try:
        dialog = _dialog(qtbot, None)
        dialog.show()                                   # shown first, as New Alignment opens it empty
        QApplication.processEvents()
        with_bom = tmp_path / "zh_bom.txt"
        with_bom.write_bytes("今天天气很好。".encode("utf-16"))      # detected as utf-16-le: a long name
        dialog.set_paths([with_bom, EN])
        QApplication.processEvents()
        combo = dialog.rows[0].encoding
        text = combo.currentText()
        assert "utf-16" in text.lower() and text.startswith("自动检测")
        # The text (plus the arrow) fits the box: nothing is clipped.
        assert QFontMetrics(combo.font()).horizontalAdvance(text) + 20 <= combo.width()
    finally:
        QCoreApplication.removeTranslator(translator)


def test_the_dialog_opens_in_the_mode_chosen_last_time(qtbot):
    dialog = ImportDialog(None, None, one_file=True)
    qtbot.addWidget(dialog)
    assert dialog.mixed_file.isChecked() and dialog.one_file()
    dialog.two_files.setChecked(True)
    assert not dialog.one_file()


def test_with_only_the_chinese_file_of_two_chosen_no_layout_is_claimed(qtbot):
    # an X11 audit: "Layout found: alternating paragraphs: 7" for the one monolingual Chinese file chosen so far
    dialog = _dialog(qtbot, None)
    dialog.two_files.setChecked(True)
    dialog.rows[0].path_edit.setText(str(ZH))
    dialog.rows[0].path_edit.editingFinished.emit()            # as leaving the field does
    qtbot.waitUntil(lambda: "Now choose the English file" in dialog.split_summary.text())
    assert dialog.layout_summary.text() == ""
    dialog.rows[1].path_edit.setText(str(EN))
    dialog.rows[1].path_edit.editingFinished.emit()
    qtbot.waitUntil(lambda: "the English file" in dialog.split_summary.text()
                    and "Now choose" not in dialog.split_summary.text())
    assert dialog.layout_summary.text().startswith("Layout found: two files")


def test_the_folder_of_a_text_chosen_with_browse_is_where_the_next_file_dialog_starts(qtbot, tmp_path, monkeypatch):
    # an X11 audit: texts chosen in /tmp/audit-rev with Browse, then the first Ctrl+S opened in the home folder
    from editor.ui.dialogs import file_dialogs

    monkeypatch.setattr(file_dialogs, "_last_folder", [""])      # the process-wide last folder, restored after
    folder = tmp_path / "texts"
    folder.mkdir()
    shutil.copy(ZH, folder / "zh.txt")
    monkeypatch.setattr(import_dialog_module, "choose_text_file", lambda *a: str(folder / "zh.txt"))
    dialog = _dialog(qtbot, [])
    dialog.two_files.setChecked(True)
    dialog.rows[0].browse_button.click()
    assert dialog.rows[0].path() == folder / "zh.txt"
    assert file_dialogs.start_folder() == folder
