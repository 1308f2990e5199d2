"""The export dialog warns about units that look like import artefacts, and "Review these" lists them."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from editor.bitext.artefacts import check_document
from editor.ui.dialogs import export_dialog as export_dialog_module
from editor.ui.dialogs.export_dialog import ExportDialog
from editor.workflow import ImportOptions, align_document, import_document
from tests.importing.artefact_fixtures import article_texts
from tests.ui.editor_fixtures import show_window


def _doc_with_a_pinyin_leftover(tmp_path):
    doc = import_document(article_texts(tmp_path), ImportOptions(clean=False))     # 聯(lián) stays
    doc.apply(align_document(doc, mode="fast"))
    assert check_document(doc).beads == [1]
    return doc


def test_the_export_dialog_counts_the_artefacts_it_would_write_or_leave_out(qtbot, tmp_path):
    doc = _doc_with_a_pinyin_leftover(tmp_path)
    dialog = ExportDialog(None, doc, tmp_path / "contract.tmx")
    qtbot.addWidget(dialog)
    assert not dialog.artefact_label.isHidden() and not dialog.review_artefacts_button.isHidden()
    assert dialog.artefact_label.text().startswith("1 link(s) that look like import artefacts")
    assert dialog.artefact_label.text().endswith("would go into the file: pinyin in parentheses (1).")
    dialog.preset_combo.setCurrentIndex(dialog.preset_combo.findData("trados"))     # drops doubtful links
    assert dialog.artefact_label.text().endswith("will be left out with the doubtful links: pinyin in parentheses (1).")
    assert dialog.artefact_beads() == [1]


def test_a_clean_document_shows_no_artefact_warning(qtbot, tmp_path):
    doc = import_document(article_texts(tmp_path))
    doc.apply(align_document(doc, mode="fast"))
    dialog = ExportDialog(None, doc, tmp_path / "contract.tmx")
    qtbot.addWidget(dialog)
    assert dialog.artefact_label.isHidden() and dialog.review_artefacts_button.isHidden()


def _reviewed_these(qtbot, tmp_path, monkeypatch):
    """A window on the pinyin leftover whose export dialog was closed by its Review these: (window, the dialog)."""
    win = show_window(qtbot, _doc_with_a_pinyin_leftover(tmp_path))
    shown = []

    def exec_and_review(dialog):
        shown.append(dialog)
        dialog.review_artefacts_button.click()
        return dialog.result()

    monkeypatch.setattr(export_dialog_module.ExportDialog, "exec", exec_and_review)
    win.files.export()
    return win, shown


def test_review_these_closes_the_dialog_and_lists_only_the_artefacts(qtbot, tmp_path, monkeypatch):
    win, shown = _reviewed_these(qtbot, tmp_path, monkeypatch)
    assert shown and shown[0].result() == QDialog.DialogCode.Rejected and shown[0].review_requested()
    qtbot.waitUntil(lambda: win.review_list.isVisible())
    assert win.review_list.model.beads() == [1]
    assert win.review_list.count_label.text() == "1 link(s) that look like import artefacts"
    # the Why column says what the import left behind
    assert win.review_list.model.why(1).startswith("import artefact: pinyin in parentheses")
    assert win.view.current_bead() == 1             # on the first listed link (the panes stayed elsewhere)
    # closed and opened again (Ctrl+Shift+L twice), it lists the doubtful links, not only the artefacts (an X11
    # re-test saw the artefacts' list stay; not reproduced here: this holds it)
    win.review_list_action.trigger()
    qtbot.waitUntil(lambda: not win.review_list.isVisible())
    win.review_list_action.trigger()
    qtbot.waitUntil(lambda: win.review_list.count_label.text().endswith("doubtful link(s) left"))
    assert not win.review_list.back_button.isVisible()


def test_a_button_in_sight_goes_back_from_the_artefacts_to_the_doubtful_links(qtbot, tmp_path, monkeypatch):
    # an X11 audit: after "Review these" nothing in sight led back to the doubtful links (they came back only
    # after an edit), and the dialog listed every kind of artefact there is (a header row, a separator, pinyin,
    # …) for a book whose only ones were links of an odd length ratio
    win, shown = _reviewed_these(qtbot, tmp_path, monkeypatch)
    label = shown[0].artefact_label.text()
    assert label.endswith("would go into the file: pinyin in parentheses (1).") and "header row" not in label
    qtbot.waitUntil(lambda: win.review_list.isVisible())
    list_ = win.review_list
    assert list_.model.beads() == [1] and list_.back_button.isVisible()
    list_.back_button.click()
    assert list_.count_label.text().endswith("doubtful link(s) left") and not list_.back_button.isVisible()


def test_the_why_column_says_an_odd_length_ratio_once(qtbot):
    from editor.bitext.artefacts import Artefact, bead_artefacts
    from editor.bitext.document import AlignmentDocument, Bead, Change, DocumentMeta, Splice
    from editor.bitext.review import Reason

    zh = [f"今天我们在河边的公园里散步了很久，第{i}次。" for i in range(12)] + ["好。"]
    en = [f"Today we walked for a long time in the park by the river, time number {i}." for i in range(12)]
    en += ["Well then, said the old man slowly, after looking for a long while at the river and the boats and "
           "the people walking along its banks in the evening light, I suppose we had better go home now."]
    doc = AlignmentDocument.from_texts([(t, i) for i, t in enumerate(zh)], [(t, i) for i, t in enumerate(en)],
                                       DocumentMeta(src_lang="zh-CN", tgt_lang="en-US"))
    beads = tuple(Bead((doc.src[i].id,), (doc.tgt[i].id,), 0.5 if i == 12 else 0.99) for i in range(13))
    doc.apply(Change("align", beads=Splice(0, tuple(doc.beads), beads)))
    win = show_window(qtbot, doc)
    win.review_list.show()
    model = win.review_list.model
    qtbot.waitUntil(lambda: 12 in model.beads())
    assert Artefact.LENGTH_RATIO in bead_artefacts(doc, doc.beads[12], win._typical_ratio)
    assert Reason.LENGTH_RATIO in win.view.review.reasons(doc, doc.beads[12])         # both say it ...
    why = model.why(12)
    assert why.startswith("length ratio far from the document's: a wrong link or an import artefact")
    assert why.count("length ratio far") == 1, why                                     # ... the list once


def test_the_export_dialog_counts_the_doubtful_links_it_would_write_and_review_list_opens_the_list(qtbot, tmp_path,
                                                                                                  monkeypatch):
    # an X11 audit: 43 doubtful links nobody reviewed went into the TMX and the dialog named one import artefact
    from editor.bitext.document import Bead, BeadStatus

    doc = _doc_with_a_pinyin_leftover(tmp_path)
    doc.beads = [Bead(b.src, b.tgt, 0.5 if k in (0, 2) else 0.99, BeadStatus.AUTO) for k, b in enumerate(doc.beads)]
    dialog = ExportDialog(None, doc, tmp_path / "contract.tmx")
    qtbot.addWidget(dialog)
    links = [k for k, b in enumerate(doc.beads) if b.src and b.tgt]
    assert {0, 1, 2} <= set(links)
    doubtful = len(dialog._doubtful)
    assert {0, 2} <= set(dialog._doubtful)
    assert not dialog.doubtful_label.isHidden()
    assert dialog.doubtful_label.text().startswith(f"{doubtful} doubtful link(s) that nobody has reviewed would go")
    dialog.only_confirmed.setChecked(True)           # left out: nothing to warn about
    assert dialog.doubtful_label.isHidden() and dialog.review_doubtful_button.isHidden()
    dialog.only_confirmed.setChecked(False)
    dialog.preset_combo.setCurrentIndex(dialog.preset_combo.findData("trados"))     # drops doubtful links
    assert dialog.doubtful_label.isHidden()

    win = show_window(qtbot, doc)
    win.view.select_bead(len(doc.beads) - 1)

    def exec_and_review(d):
        d.review_doubtful_button.click()
        return d.result()

    monkeypatch.setattr(export_dialog_module.ExportDialog, "exec", exec_and_review)
    win.files.export()
    qtbot.waitUntil(lambda: win.review_list.isVisible())
    assert win.review_list.count_label.text().endswith("doubtful link(s) left")
    assert win.view.current_bead() == win.review_list.model.beads()[0]
