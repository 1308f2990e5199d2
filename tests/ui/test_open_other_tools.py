"""Opening another tool's file in the editor: a multilingual TMX asks for two languages and the status
bar says what was left out."""

from pathlib import Path

from PySide6.QtWidgets import QDialog

from editor.ui.dialogs.language_pair_dialog import LanguagePairDialog

DATA = Path(__file__).resolve().parents[1] / "data" / "exchange"


def test_a_multilingual_tmx_opens_with_the_two_languages_chosen_and_says_what_was_left_out(window, monkeypatch):
    shown = []

    def choose_japanese(dialog):
        shown.append(dialog.pair())                       # what the dialog preselected
        dialog.target.setCurrentText("ja-JP")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(LanguagePairDialog, "exec", choose_japanese)
    assert window.open_paths([DATA / "multilingual-en-ja-zh.tmx"], ask=False)
    assert shown == [("zh-CN", "en-US")]
    doc = window.qdoc.doc
    assert [doc.bead_texts(b) for b in doc.beads][0] == ("保存文件。", "ファイルを保存します。")
    assert "en-US (3)" in window.statusBar().currentMessage()


def test_cancelling_the_choice_of_languages_opens_nothing(window, monkeypatch):
    before = window.qdoc.doc
    monkeypatch.setattr(LanguagePairDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    assert not window.open_paths([DATA / "multilingual-en-ja-zh.tmx"], ask=False)
    assert window.qdoc.doc is before


def test_the_language_dialog_refuses_the_same_language_on_both_sides(qtbot):
    dialog = LanguagePairDialog(None, "x.tmx", ["en-US", "ja-JP", "zh-CN"])
    qtbot.addWidget(dialog)
    assert dialog.pair() == ("zh-CN", "en-US")
    dialog.target.setCurrentText("zh-CN")
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()


def test_an_opened_exchange_file_is_unmodified_and_names_the_window_and_the_project_to_save(window, tmp_path,
                                                                                           monkeypatch):
    # an X11 audit: opening an export marked the window modified ("*", Undo empty), asked to save on quitting,
    # offered it for recovery after a kill, and named the window after the source text (a TSV: nothing)
    from PySide6.QtWidgets import QFileDialog

    from editor.exporting import ExportOptions, export_document

    for suffix in (".tmx", ".tsv"):
        out = tmp_path / f"client memory{suffix}"
        export_document(window.document, out, ExportOptions())
        assert window.open_paths([out], ask=False)
        assert not window.is_modified() and not window.isWindowModified()
        assert window.windowTitle().startswith(f"client memory{suffix}")
        assert window.file_label.text().startswith(str(out))             # the status bar names it too
        offered = []
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: offered.append(a[2]) or ("", ""))
        window.save_as()
        assert offered and offered[-1].endswith("client memory.duiqi")
