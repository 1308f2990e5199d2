"""List marks and footnote references in the editor (an X11 audit: "• " and "staff.[1] Wang Kuiwan…" reached the
TMX): the import dialog ticks list marks and offers footnote references unticked, the strip says why a link holding
a reference is doubtful, and the export dialog counts it among the import artefacts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from editor.bitext.document import AlignmentDocument, Bead, Segment
from editor.bitext.review import ReviewPolicy
from editor.ui.dialogs.export_dialog import ExportDialog
from editor.ui.dialogs.import_dialog import ImportDialog
from editor.ui.view.explanation_strip import ExplanationStrip


def _footnote_doc() -> AlignmentDocument:
    zh = ["1月8日，李波慰问一线工作人员，汪夔万参加督导。", "双方交换了意见。"]
    en = ["On January 8, Li Bo sent consolation to the frontline staff.[1] Wang Kuiwan took part.",
          "The two sides exchanged views."]
    return AlignmentDocument([Segment(i, t, 0) for i, t in enumerate(zh)],
                             [Segment(2 + j, t, 0) for j, t in enumerate(en)],
                             [Bead((i,), (2 + i,), 0.999) for i in range(2)])


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


def test_the_strip_says_a_link_is_doubtful_for_its_footnote_reference(qtbot):
    strip = ExplanationStrip([])
    qtbot.addWidget(strip)
    doc = _footnote_doc()
    strip.show_bead(doc, 0, None, ReviewPolicy(0.96))
    assert "doubtful: footnote reference left in the text ([1], ¹, (注1)): remove it or confirm the link" \
        in strip.label.text()
    strip.show_bead(doc, 1, None, ReviewPolicy(0.96))
    assert "doubtful" not in strip.label.text()


def test_the_export_dialog_counts_a_link_with_a_footnote_reference_as_an_import_artefact(qtbot, tmp_path):
    dialog = ExportDialog(None, _footnote_doc(), tmp_path / "news.tmx")
    qtbot.addWidget(dialog)
    assert not dialog.artefact_label.isHidden()
    assert dialog.artefact_label.text().startswith("1 link(s) that look like import artefacts")
    assert "a footnote reference" in dialog.artefact_label.text()
    assert dialog.artefact_beads() == [0]
