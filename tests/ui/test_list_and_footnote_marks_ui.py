"""List marks and footnote references in the editor (an X11 audit: "• " and "staff.[1] Wang Kuiwan…" reached the
TMX): the import dialog ticks list marks and offers footnote references unticked."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from editor.ui.dialogs.import_dialog import ImportDialog


def test_the_import_dialog_ticks_list_marks_and_offers_a_confirmed_footnote_reference_unticked(qtbot, tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_text("\n".join([
        "• 李波一行先后到江北国际机场联防联控工作组。", "• Li Bo and his team visited the joint prevention group.",
        "1月8日，李波慰问一线工作人员。", "On January 8, Li Bo thanked the frontline staff.[1] Wang Kuiwan took part.",
        "[1] The staff of the airport and the quarantine hotels."]) + "\n", encoding="utf-8")
    dialog = ImportDialog(None, [path])
    qtbot.addWidget(dialog)
    items = {dialog.cleanup_list.topLevelItem(i).text(2): dialog.cleanup_list.topLevelItem(i)
             for i in range(dialog.cleanup_list.topLevelItemCount())}
    assert items["List mark"].checkState(0) == Qt.CheckState.Checked
    assert items["Footnote reference"].checkState(0) == Qt.CheckState.Unchecked
    assert "[[1]]" in items["Footnote reference"].text(3)
    items["Footnote reference"].setCheckState(0, Qt.CheckState.Checked)
    dialog.import_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.error_label.text()
    doc = dialog.document()
    assert doc.src[0].text == "李波一行先后到江北国际机场联防联控工作组。"
    assert "staff. Wang Kuiwan" in " ".join(s.text for s in doc.tgt)
    assert {c["kind"] for c in doc.meta.cleanup_applied} == {"list mark", "footnote reference"}
