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
