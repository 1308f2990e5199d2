"""The Export dialog returns the file and options the user chose, and refuses what cannot be written."""

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from editor.bitext.document import AlignmentDocument, Bead, BeadStatus, Change, DocumentMeta, Splice
from editor.exporting import export_document
from editor.ui.dialogs.export_dialog import ExportDialog


@pytest.fixture
def document(tmp_path):
    meta = DocumentMeta(src_lang="zh-TW", tgt_lang="en-GB", src_file=str(tmp_path / "紅樓夢.txt"))
    doc = AlignmentDocument.from_texts([("你好。", 0), ("再見。", 0)], [("Hello.", 0), ("Goodbye.", 0)], meta)
    beads = (Bead((0,), (2,), 0.9, BeadStatus.CONFIRMED), Bead((1,), (3,), 0.5))
    doc.apply(Change("align", beads=Splice(0, tuple(doc.beads), beads)))
    return doc


def _choose(dialog, name_part):
    index = next(i for i in range(dialog.format_combo.count()) if name_part in dialog.format_combo.itemText(i))
    dialog.format_combo.setCurrentIndex(index)


def _ok(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_the_registered_formats_are_offered_by_name(qtbot, document, tmp_path):
    dialog = ExportDialog(None, document, tmp_path / "book.duiqi")
    qtbot.addWidget(dialog)
    names = [dialog.format_combo.itemText(i) for i in range(dialog.format_combo.count())]
    for expected in ("TMX", "XLIFF 1.2", "XLIFF 2.0", "TSV", "Excel"):
        assert any(expected in n for n in names), names
    assert not any(".xliff)" in n for n in names)      # the alias is not listed twice


def test_defaults_come_from_the_document_and_the_suggested_path(qtbot, document, tmp_path):
    dialog = ExportDialog(None, document, tmp_path / "book.duiqi")
    qtbot.addWidget(dialog)
    assert dialog.path() == tmp_path / "book.tmx"
    options = dialog.options()
    assert (options.src_lang, options.tgt_lang) == ("zh-TW", "en-GB")
    assert not options.only_confirmed and options.max_segment_length is None and not options.excel_bom
    assert _ok(dialog).isEnabled()


def test_without_a_suggested_path_the_source_texts_folder_and_name_are_used(qtbot, document, tmp_path):
    dialog = ExportDialog(None, document, None)
    qtbot.addWidget(dialog)
    assert dialog.path() == tmp_path / "紅樓夢.tmx"


def test_the_chosen_path_and_options_come_back_after_accept(qtbot, document, tmp_path):
    dialog = ExportDialog(None, document, tmp_path / "book.duiqi")
    qtbot.addWidget(dialog)
    _choose(dialog, "TSV")
    assert dialog.path() == tmp_path / "book.tsv"        # the suffix follows the format
    dialog.only_confirmed.setChecked(True)
    dialog.limit_length.setChecked(True)
    dialog.max_length.setValue(200)
    dialog.excel_bom.setChecked(True)
    dialog.src_lang.setCurrentText("zh-CN")
    dialog.tgt_lang.setCurrentText("en-US")
    _ok(dialog).click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    options = dialog.options()
    assert dialog.path() == tmp_path / "book.tsv"
    assert options.only_confirmed and options.max_segment_length == 200 and options.excel_bom
    assert (options.src_lang, options.tgt_lang) == ("zh-CN", "en-US")
    report = export_document(document, dialog.path(), options)
    data = dialog.path().read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and "你好。" in data.decode("utf-8-sig")
    assert "再見" not in data.decode("utf-8-sig")           # only the confirmed bead
    assert report.skipped_unconfirmed == 1


def test_xliff_2_sets_the_xliff_version(qtbot, document, tmp_path):
    dialog = ExportDialog(None, document, tmp_path / "book.duiqi")
    qtbot.addWidget(dialog)
    _choose(dialog, "XLIFF 2.0")
    assert dialog.path().suffix == ".xlf" and dialog.options().xliff_version == "2.0"
    _choose(dialog, "XLIFF 1.2")
    assert dialog.options().xliff_version == "1.2"


def test_the_excel_bom_only_applies_to_tsv(qtbot, document, tmp_path):
    dialog = ExportDialog(None, document, tmp_path / "book.duiqi")
    qtbot.addWidget(dialog)
    dialog.excel_bom.setChecked(True)
    _choose(dialog, "TMX")
    assert not dialog.excel_bom.isEnabled() and not dialog.options().excel_bom


def test_typing_a_known_suffix_selects_its_format(qtbot, document, tmp_path):
    dialog = ExportDialog(None, document, tmp_path / "book.duiqi")
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(tmp_path / "out.xlsx"))
    assert dialog.current_format().suffix == ".xlsx"
    assert _ok(dialog).isEnabled()


def test_a_missing_folder_or_a_bad_language_code_disables_export_and_says_why(qtbot, document, tmp_path):
    dialog = ExportDialog(None, document, tmp_path / "book.duiqi")
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(tmp_path / "no-such-folder" / "out.tmx"))
    assert not _ok(dialog).isEnabled()
    assert "does not exist" in dialog.error_label.text()
    dialog.path_edit.setText(str(tmp_path / "out.tmx"))
    assert _ok(dialog).isEnabled()
    dialog.tgt_lang.setCurrentText("en-")
    assert not _ok(dialog).isEnabled() and "language code" in dialog.error_label.text()
    dialog.accept()                      # refused while invalid
    assert dialog.result() != QDialog.DialogCode.Accepted


def test_the_summary_counts_links_not_beads(qtbot, document, tmp_path):
    dialog = ExportDialog(None, document, Path(tmp_path / "b.duiqi"))
    qtbot.addWidget(dialog)
    assert "2 links" in dialog.summary.text() and "1 confirmed" in dialog.summary.text()
    assert "bead" not in dialog.summary.text() + dialog.only_confirmed.text()


@pytest.mark.parametrize("answer, accepted", [("No", False), ("Yes", True)])
def test_an_existing_file_is_only_replaced_after_asking(qtbot, document, tmp_path, monkeypatch, answer, accepted):
    from PySide6.QtWidgets import QMessageBox
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *args, **kw: asked.append(args) or getattr(QMessageBox.StandardButton, answer))
    (tmp_path / "book.tmx").write_text("old", "utf-8")
    dialog = ExportDialog(None, document, tmp_path / "book.duiqi")
    qtbot.addWidget(dialog)
    _ok(dialog).click()
    assert asked and (dialog.result() == QDialog.DialogCode.Accepted) is accepted


def test_the_preset_is_applied_and_the_dialog_says_what_it_leaves_out(qtbot, document, tmp_path):
    dialog = ExportDialog(None, document, tmp_path / "book.duiqi")
    qtbot.addWidget(dialog)
    assert dialog.preset() == "generic" and dialog.preset_notes.isHidden() is False   # TMX: pairs only
    dialog.preset_combo.setCurrentIndex(dialog.preset_combo.findData("trados"))
    options = dialog.options()
    assert (options.preset, options.duiqi_props, options.keep_doubtful, options.max_segment_length) == \
        ("trados", False, False, 2000)
    notes = dialog.preset_notes.text()
    assert "Doubtful links" in notes and "2000 characters" in notes and "Duiqi's own data" in notes


def test_traditional_chinese_shows_the_code_written_and_the_exact_pair_warning(qtbot, document, tmp_path):
    dialog = ExportDialog(None, document, tmp_path / "book.duiqi")
    qtbot.addWidget(dialog)
    offered = [dialog.src_lang.itemText(i) for i in range(dialog.src_lang.count())]
    assert {"zh-TW", "zh-HK", "zh-Hant", "zh-CN"} <= set(offered)
    assert "zh-TW → en-GB" in dialog.codes_label.text() and not dialog.pair_warning.isHidden()
    assert "must match exactly" in dialog.pair_warning.text()
    dialog.src_lang.setCurrentText("zh-Hant")
    dialog.preset_combo.setCurrentIndex(dialog.preset_combo.findData("trados"))
    assert "zh-TW → en-GB" in dialog.codes_label.text()          # Trados TMs need a region
    dialog.preset_combo.setCurrentIndex(dialog.preset_combo.findData("omegat"))
    assert "zh-Hant → en-GB" in dialog.codes_label.text()
    dialog.src_lang.setCurrentText("zh-CN")
    assert dialog.pair_warning.isHidden() is (document.meta.chinese_script != "traditional")


def test_tables_name_no_language_codes(qtbot, document, tmp_path):
    dialog = ExportDialog(None, document, tmp_path / "book.duiqi")
    qtbot.addWidget(dialog)
    _choose(dialog, "TSV")
    assert dialog.codes_label.isHidden() and dialog.pair_warning.isHidden()


def test_links_the_translator_confirmed_are_exported_under_their_name_and_untouched_ones_under_duiqis(qtbot, document, tmp_path):
    from lxml import etree

    dialog = ExportDialog(None, document, tmp_path / "book.tmx", creation_id="Li Na")
    qtbot.addWidget(dialog)
    _choose(dialog, "TMX")
    _ok(dialog).click()
    assert dialog.options().creation_id == "Li Na"
    export_document(document, dialog.path(), dialog.options())
    tus = etree.parse(str(dialog.path())).findall(".//tu")
    # the confirmed link names the translator as its changeid; the engine's untouched one says Duiqi (no credit
    # for a review that did not happen); both were made by the engine
    assert [(tu.get("creationid"), tu.get("changeid")) for tu in tus] == [("Duiqi", "Li Na"), ("Duiqi", "Duiqi")]
    unnamed = ExportDialog(None, document, tmp_path / "book.tmx")     # no name in the settings: "Duiqi"
    qtbot.addWidget(unnamed)
    assert unnamed.options().creation_id == "Duiqi"


@pytest.mark.parametrize("given, expected", [("Li Na", "Li Na"), ("", "login")])
def test_with_no_name_in_the_settings_the_window_exports_under_the_login_name(qtbot, monkeypatch, given, expected):
    # seen in an X11 audit: with no name set, confirmed links were exported with changeid "Duiqi", as the
    # engine's untouched ones, so a TM (the Trados preset has no status props) could not tell them apart
    import getpass

    from editor.settings import Settings, exporter_id
    from editor.ui.dialogs import export_dialog
    from editor.ui.window.main_window import MainWindow

    monkeypatch.setattr(getpass, "getuser", lambda: "  ann  ")
    assert exporter_id(Settings(translator_id=given)) == ("ann" if expected == "login" else expected)
    seen = []

    class Recording(export_dialog.ExportDialog):
        def exec(self):
            seen.append(self.options().creation_id)
            return 0                                     # cancelled: nothing written

    monkeypatch.setattr(export_dialog, "ExportDialog", Recording)
    win = MainWindow(settings=Settings(translator_id=given), autosave=False)
    qtbot.addWidget(win)
    from editor.app import sample_document
    win.set_document(sample_document(aligned=True), None)
    win.undo_stack.setClean()
    win.files.export()
    assert seen == ["ann" if expected == "login" else expected]
    monkeypatch.setattr(getpass, "getuser", lambda: (_ for _ in ()).throw(OSError("no login name")))
    assert exporter_id(Settings()) == "Duiqi"
