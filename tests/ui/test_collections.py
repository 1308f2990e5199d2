"""A translator's path through a collection, end to end in the window: New Collection (pairing preview, fix, add,
drop), background alignment of every document (first one reviewable while the rest align, a failing one does
not stop the others, Cancel), the document list (sort, filter, Enter opens), F8 across documents, undo per
document, save, reopen, the merged export, a batch output folder opened as a collection, and bad input."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from lxml import etree
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from editor.bitext import edits
from editor.bitext.document import Side
from editor.cli import main as cli_main
from editor.collection import INDEX_NAME, Collection, Pair, pair_folder
from editor.collection.store import FAILED, TO_ALIGN
from editor.ui.collection.document_list import DOUBTFUL, NAME, STATUS
from editor.ui.collection.new_collection_dialog import NewCollectionDialog
from editor.ui.window.main_window import MainWindow
from tests.collection.helpers import DATA, make_collection, make_sources
from tests.conftest import EVENT_TIMEOUT_MS, schema_path


def _forget_changes(win: MainWindow) -> None:
    """Teardown: no question about unsaved changes in any document."""
    if win.collection is not None:
        for opened in win.collection.open_documents.values():
            opened.stack.setClean()
    win.undo_stack.setClean()


def _window(qtbot) -> MainWindow:
    win = MainWindow(autosave=False)
    qtbot.addWidget(win, before_close_func=_forget_changes)
    win.resize(1280, 720)
    win.show()
    qtbot.waitExposed(win)
    return win


def _wait_aligned(qtbot, win: MainWindow) -> None:
    qtbot.waitUntil(lambda: not win.collection.aligner.running, timeout=EVENT_TIMEOUT_MS)


def _new_collection(tmp_path: Path) -> Collection:
    sources = make_sources(tmp_path / "client")
    pairing = pair_folder(sources)
    [sample] = [p for p in pairing.unpaired if p.name == "sample.txt"]
    pairing.add(Pair("sample", sample))
    return Collection.create(tmp_path / "archive", pairing)


def test_new_collection_dialog_previews_the_pairing_and_lets_pairs_be_fixed_added_and_dropped(qtbot, tmp_path):
    sources = make_sources(tmp_path / "client")
    (sources / "notes.txt").write_text("笔记。\n\nNotes.\n", encoding="utf-8")
    dialog = NewCollectionDialog()
    qtbot.addWidget(dialog)
    dialog.set_one_folder(sources)
    names = lambda: [dialog.pairs_table.item(r, 0).text() for r in range(dialog.pairs_table.rowCount())]  # noqa: E731
    assert names() == ["dialogue", "letter", "memo"]
    assert sorted(dialog.unpaired_list.item(r).text() for r in range(dialog.unpaired_list.count())) == \
        ["notes.txt", "sample.txt"]
    dialog.pair_files([sources / "sample.txt"])                  # a bilingual file: a document of its own
    assert "sample" in names() and dialog.unpaired_list.count() == 1
    dialog.drop_pair(names().index("memo"))                       # dropped: its files are listed again
    assert "memo" not in names() and dialog.unpaired_list.count() == 3
    dialog.pair_files([sources / "memo.en.txt", sources / "memo.zh.txt"])    # tags put Chinese first
    memo = next(p for p in dialog.pairing.pairs if p.name == "memo")
    assert memo.zh.name == "memo.zh.txt" and memo.en.name == "memo.en.txt"
    dialog.pairs_table.item(names().index("letter"), 0).setText("letter-2024")   # renamed in place
    assert "letter-2024" in names()
    dialog.set_destination(tmp_path / "archive")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    collection = dialog.collection()
    assert sorted(e.name for e in collection.entries) == ["dialogue", "letter-2024", "memo", "sample"]
    assert (tmp_path / "archive" / INDEX_NAME).is_file()
    assert [Path(u).name for u in collection.unpaired] == ["notes.txt"]
    assert collection.settings.clean          # the safe repairs, as a single import and `duiqi batch` do


def test_return_in_a_folder_field_lists_the_pairs_and_creates_nothing(qtbot, tmp_path):
    # an X11 re-test: the folder typed and Return pressed, the dialog ran Create and Align at once (its default
    # button) into a default folder, before the pairs could be looked at or a lone file added
    from PySide6.QtCore import Qt

    from editor.ui.collection.new_collection_dialog import ONE_FOLDER

    sources = make_sources(tmp_path / "client")
    dialog = NewCollectionDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.source_kind.setCurrentIndex(ONE_FOLDER)
    dialog.one_folder.edit.setText(str(sources))
    dialog.one_folder.edit.setFocus()
    qtbot.keyClick(dialog.one_folder.edit, Qt.Key.Key_Return)
    assert dialog.pairs_table.rowCount() == 3 and dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted


def test_new_collection_dialog_names_bad_input_and_creates_nothing(qtbot, tmp_path):
    (tmp_path / "zh").mkdir()
    make_sources(tmp_path / "en")
    dialog = NewCollectionDialog()
    qtbot.addWidget(dialog)
    dialog.set_two_folders(tmp_path / "zh", tmp_path / "en")
    assert "holds no files" in dialog.error_label.text() and str(tmp_path / "zh") in dialog.error_label.text()
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    sources = tmp_path / "en"
    dialog.set_mixed_files([sources / "sample.txt"])
    dialog.pairing.add(Pair("again", sources / "sample.txt"))      # the same file in two pairs
    dialog.set_destination(tmp_path / "archive")
    dialog.accept()
    assert "in two pairs" in dialog.error_label.text() and "sample.txt" in dialog.error_label.text()
    assert dialog.result() != QDialog.DialogCode.Accepted and not (tmp_path / "archive").exists()


def test_pair_selected_files_takes_the_languages_from_the_two_folders_not_the_click_order(qtbot, tmp_path):
    # an X11 audit: clicking contract-03.txt (English folder) then 合同-03.txt (Chinese folder) and Pair Selected
    # Files paired the English file as the Chinese one; nothing in the list said which folder a file was in
    zh, en = tmp_path / "zh", tmp_path / "en"
    zh.mkdir()
    en.mkdir()
    (zh / "合同-03.txt").write_text("合同第一条。\n", encoding="utf-8")
    (en / "contract-03.txt").write_text("Article one of the contract.\n", encoding="utf-8")
    dialog = NewCollectionDialog()
    qtbot.addWidget(dialog)
    dialog.set_two_folders(zh, en)
    texts = sorted(dialog.unpaired_list.item(r).text() for r in range(dialog.unpaired_list.count()))
    assert texts == ["contract-03.txt  (English folder)", "合同-03.txt  (Chinese folder)"]
    dialog.pair_files([en / "contract-03.txt", zh / "合同-03.txt"])
    [pair] = dialog.pairing.pairs
    assert pair.zh == zh / "合同-03.txt" and pair.en == en / "contract-03.txt"


def test_the_collection_aligns_in_the_background_and_the_first_document_is_reviewable_at_once(qtbot, tmp_path):
    collection = _new_collection(tmp_path)
    shutil.copy(DATA / "dlg_binary.txt", tmp_path / "client" / "broken.txt")
    collection.add_pair(Pair("broken", tmp_path / "client" / "broken.txt", tmp_path / "client" / "memo.en.txt"))
    collection.write_index()
    win = _window(qtbot)
    seen = []

    def on_first_aligned(name: str) -> None:
        if not seen:
            seen.append((name, win.collection.shown, win.collection.aligner.running, len(win.document.beads)))

    win.open_collection(collection.folder)
    assert win.document_list.isVisible() and win.document_list.progress.isVisible()
    win.collection.aligner.document_finished.connect(on_first_aligned)
    statuses = [win.collection.model.index(r, STATUS).data() for r in range(win.collection.model.rowCount())]
    assert all(s.startswith("aligning") for s in statuses)
    _wait_aligned(qtbot, win)
    name, shown, still_running, links = seen[0]
    assert shown == name and still_running and links > 0          # reviewable while the rest still align
    entries = {e.name: e for e in win.collection.collection.entries}
    assert entries["broken"].status == FAILED and "broken.txt" in entries["broken"].error
    assert all(entries[n].file for n in ("dialogue", "letter", "memo", "sample"))    # the others went on
    row = next(r for r in range(win.collection.model.rowCount())
               if win.collection.model.index(r, NAME).data() == "broken")
    assert "broken.txt" in win.collection.model.index(row, STATUS).data(Qt.ItemDataRole.ToolTipRole)
    # the reason on the row itself, and the sources' paths in the tooltip (an X11 audit: "failed" only, and
    # "empty.txt: the file contains no text" named neither folder)
    shown = win.collection.model.index(row, STATUS).data()
    assert shown.startswith("failed: ") and len(shown) > len("failed: ")
    assert str(tmp_path / "client" / "broken.txt") in win.collection.model.index(row, NAME).data(
        Qt.ItemDataRole.ToolTipRole)
    assert not win.document_list.progress.isVisible()


def test_cancel_stops_the_collection_and_leaves_the_rest_to_align(qtbot, tmp_path):
    collection = _new_collection(tmp_path)
    win = _window(qtbot)
    win.open_collection(collection.folder)
    assert win.document_list.cancel_button.isVisible()
    win.document_list.cancel_button.click()
    assert not win.collection.aligner.running and not win.document_list.progress.isVisible()
    entries = win.collection.collection.entries
    assert not any(e.error for e in entries) and any(e.status == TO_ALIGN for e in entries)
    assert win.collection.align_all() > 0                          # aligning again picks up the rest
    _wait_aligned(qtbot, win)
    assert all(e.file for e in entries)


def _aligned_window(qtbot, tmp_path) -> MainWindow:
    collection = make_collection(tmp_path)
    win = _window(qtbot)
    assert win.open_paths([collection.folder], ask=False)         # what `duiqi DIR` does
    assert not win.collection.aligner.running and win.collection.shown
    return win


def test_the_document_list_sorts_filters_and_opens_a_document_with_enter(qtbot, tmp_path):
    win = _aligned_window(qtbot, tmp_path)
    dock = win.document_list
    table = dock.table
    table.sortByColumn(DOUBTFUL, Qt.SortOrder.DescendingOrder)
    assert table.model().index(0, NAME).data() == "sample"         # the only one with doubtful links
    dock.needs_review.setChecked(True)
    assert [table.model().index(r, NAME).data() for r in range(table.model().rowCount())] == ["sample"]
    dock.needs_review.setChecked(False)
    assert table.model().rowCount() == 4
    table.setFocus()
    table.setCurrentIndex(table.model().index(dock.row_of("memo"), NAME))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert win.collection.shown == "memo" and len(win.document.beads) == 2
    assert "memo" in win.windowTitle()


def test_on_a_1280_px_screen_the_review_list_shares_the_side_with_the_document_list_so_the_panes_stay_wide(
        qtbot, tmp_path):
    win = _aligned_window(qtbot, tmp_path)
    win.collection.show("sample")
    assert win.document_list.isVisible()
    win.review_list_action.trigger()                                 # Ctrl+Shift+L
    qtbot.waitUntil(lambda: win.review_list.isVisible(), timeout=EVENT_TIMEOUT_MS)
    assert win.review_list in win.tabifiedDockWidgets(win.document_list)   # one side, two tabs: the list in front
    in_front = lambda dock: not dock.visibleRegion().isEmpty()      # noqa: E731 (a tab behind stays "visible")
    qtbot.waitUntil(lambda: in_front(win.review_list) and not in_front(win.document_list), timeout=EVENT_TIMEOUT_MS)
    # side by side with both docks, each pane was about 200 px wide (a Chinese line of 8 characters)
    qtbot.waitUntil(lambda: win.view.width() >= win.width() // 2, timeout=EVENT_TIMEOUT_MS)
    win.document_list.raise_()                                       # the documents are one tab away
    qtbot.waitUntil(lambda: in_front(win.document_list) and not in_front(win.review_list), timeout=EVENT_TIMEOUT_MS)
    win.review_list_action.trigger()                  # Ctrl+Shift+L on the list behind its tab: to the front, not shut
    qtbot.waitUntil(lambda: in_front(win.review_list), timeout=EVENT_TIMEOUT_MS)
    assert not win.review_list.isHidden() and win.review_list_action.isChecked()
    win.review_list_action.trigger()                  # in front, the same key closes it
    qtbot.waitUntil(lambda: win.review_list.isHidden(), timeout=EVENT_TIMEOUT_MS)


def test_after_the_collection_closes_the_review_list_goes_back_to_its_own_side(qtbot, tmp_path):
    # an X11 audit: the review list that had shared the document list's side stayed on the left, ~535 px wide,
    # over the single document opened next
    win = _aligned_window(qtbot, tmp_path)
    win.review_list_action.trigger()
    qtbot.waitUntil(lambda: win.review_list.isVisible(), timeout=EVENT_TIMEOUT_MS)
    assert win.review_list in win.tabifiedDockWidgets(win.document_list)
    win.close_collection(discard=True)
    assert win.dockWidgetArea(win.review_list) is Qt.DockWidgetArea.RightDockWidgetArea
    assert not win.review_list.isHidden() and not win.tabifiedDockWidgets(win.review_list)
    qtbot.waitUntil(lambda: win.review_list.width() <= win.width() // 3, timeout=EVENT_TIMEOUT_MS)
    assert win.view.width() >= win.width() // 2


def test_a_review_list_restored_open_still_shares_the_side_with_the_document_list(qtbot, tmp_path):
    # an X11 re-test: the review list came back open from the last session, a collection then opened its
    # document list on the other side, and each pane was ~185 px wide
    first = _window(qtbot)
    first.review_list_action.trigger()                # stored open (the window's state)
    qtbot.waitUntil(lambda: first.review_list.isVisible(), timeout=EVENT_TIMEOUT_MS)
    first.close()
    collection = make_collection(tmp_path)
    win = _window(qtbot)
    qtbot.waitUntil(lambda: win.review_list.isVisible(), timeout=EVENT_TIMEOUT_MS)
    assert win.open_paths([collection.folder], ask=False)
    qtbot.waitUntil(lambda: win.document_list.isVisible(), timeout=EVENT_TIMEOUT_MS)
    assert win.review_list in win.tabifiedDockWidgets(win.document_list)
    qtbot.waitUntil(lambda: win.view.width() >= win.width() // 2, timeout=EVENT_TIMEOUT_MS)


def test_the_review_lists_whole_collection_scope_comes_back_with_the_next_collection(qtbot, tmp_path):
    # an X11 re-test: "Whole collection" was cleared again after every start
    from editor.settings import load_settings

    win = _aligned_window(qtbot, tmp_path)
    folder = win.collection.collection.folder
    assert not win.review_list.whole_collection()
    win.review_list.set_whole_collection(True)
    assert load_settings().review_whole_collection
    win.close_collection(discard=True)
    assert load_settings().review_whole_collection         # closing the collection is not a choice
    again = _window(qtbot)
    assert again.open_paths([folder], ask=False)
    assert again.review_list.whole_collection()


def test_return_follows_the_text_when_the_review_list_is_behind_the_document_lists_tab(qtbot, tmp_path):
    # seen in an X11 audit: with the Documents tab in front, Return jumped to the hidden review list's next row
    # (a link far down the text), and the next Return confirmed it
    win = _aligned_window(qtbot, tmp_path)
    win.collection.show("sample")
    win.set_review_threshold(0.999)                   # most links listed, lowest confidence first
    win.review_list_action.trigger()
    qtbot.waitUntil(lambda: win.review_list.isVisible(), timeout=EVENT_TIMEOUT_MS)
    in_front = lambda dock: not dock.visibleRegion().isEmpty()      # noqa: E731
    assert win.review_list in win.tabifiedDockWidgets(win.document_list)
    qtbot.waitUntil(lambda: in_front(win.review_list), timeout=EVENT_TIMEOUT_MS)     # shown in front first
    panel, doc = win.review_list, win.document
    panel.refresh(doc, win.view.review, None)
    listed = panel.model.beads()
    k = next(i for i in listed[:-1] if listed[listed.index(i) + 1] != i + 1 and i + 1 < len(doc.beads)
             and not doc.beads[i + 1].is_fixed)
    panel.choose_row(listed.index(k))                 # the translator worked from the list
    qtbot.waitUntil(lambda: panel.row_of_current() == listed.index(k), timeout=EVENT_TIMEOUT_MS)
    win.document_list.raise_()                        # then went to the documents' tab
    qtbot.waitUntil(lambda: in_front(win.document_list) and not in_front(win.review_list), timeout=EVENT_TIMEOUT_MS)
    assert win.view.current_bead() == k
    win.actions_.confirm_next.trigger()
    assert win.view.current_bead() == k + 1                 # the next unconfirmed link of the text


def test_f8_at_the_last_doubtful_link_goes_on_to_the_next_document_with_doubtful_links(qtbot, tmp_path):
    win = _aligned_window(qtbot, tmp_path)
    win.collection.show("dialogue")                               # no doubtful link here
    assert not any(win.view.is_doubtful(b) for b in win.document.beads)
    win.actions_.next_doubtful.trigger()
    assert win.collection.shown == "sample"
    assert "Next document with doubtful links: sample" in win.statusBar().currentMessage()
    win.collection.show("dialogue")
    win.actions_.previous_doubtful.trigger()                      # Shift+F8 going back says so (an X11 audit)
    assert win.collection.shown == "sample"
    assert "Previous document with doubtful links: sample" in win.statusBar().currentMessage()
    win.actions_.next_doubtful.trigger()
    assert win.collection.shown == "sample"
    k = win.view.current_bead()
    assert k is not None and win.view.is_doubtful(win.document.beads[k])
    win.actions_.next_doubtful.trigger()                          # the last one: no other document has any
    assert win.collection.shown == "sample"
    assert "No more doubtful links in the collection" in win.statusBar().currentMessage()


def test_undo_is_per_document_and_save_writes_each_changed_document(qtbot, tmp_path):
    win = _aligned_window(qtbot, tmp_path)
    controller = win.collection
    controller.show("letter")
    letter_before = win.document.snapshot()
    win.view.select_bead(0)
    win.actions_.confirm_next.trigger()
    assert win.document.beads[0].is_fixed and win.is_modified()
    controller.show("memo")
    memo_before = win.document.snapshot()
    win.push_change(lambda doc: edits.unlink(doc, 0))
    assert "memo *" in [controller.model.index(r, NAME).data() for r in range(controller.model.rowCount())]
    win.undo_action.trigger()                                     # undoes the memo's edit only
    assert win.document.snapshot() == memo_before
    win.redo_action.trigger()
    controller.show("letter")
    assert win.undo_stack.count() == 1 and win.undo_action.isEnabled()
    win.undo_action.trigger()
    assert win.document.snapshot() == letter_before
    win.redo_action.trigger()
    assert win.save()
    assert not win.is_modified()
    again = Collection.open(controller.collection.folder)
    assert again.load(again.entry("letter")).beads[0].is_fixed
    assert len(again.load(again.entry("memo")).beads) == 3 and again.entry("memo").stats.links == 1
    assert not list((controller.collection.folder / ".journals").glob("*.journal"))


def test_edits_of_a_closed_session_come_back_from_the_journals_of_every_document(qtbot, tmp_path):
    win = _aligned_window(qtbot, tmp_path)
    controller = win.collection
    folder = controller.collection.folder
    digests = {}
    for name in ("letter", "memo"):
        controller.show(name)
        win.view.select_bead(0)
        win.actions_.confirm_next.trigger()
        digests[name] = win.document.snapshot()
    win.close_collection(discard=False)                          # as a kill leaves it: journals, no save
    assert sorted(p.stem for p in (folder / ".journals").glob("*.journal")) == ["letter", "memo"]
    assert win.open_collection(folder, ask=False)
    assert "unsaved edits" in win.statusBar().currentMessage()
    for name in ("letter", "memo"):
        assert win.collection.show(name)
        assert win.document.snapshot() == digests[name] and win.is_modified()
        assert win.undo_stack.count() == 1                       # with its undo history


def _confirmed_in_letter_and_memo(qtbot, tmp_path):
    """An aligned collection's window with the first link of "letter" and of "memo" confirmed, not saved:
    (window, its collection controller, the collection folder)."""
    win = _aligned_window(qtbot, tmp_path)
    controller = win.collection
    for name in ("letter", "memo"):
        controller.show(name)
        win.view.select_bead(0)
        win.actions_.confirm_next.trigger()
    return win, controller, controller.collection.folder


def test_a_start_without_files_offers_a_recent_collection_that_a_killed_session_left_unsaved_edits_in(
        qtbot, tmp_path):
    # seen in an X11 audit: after a kill, a start without arguments showed an empty window and nothing said that
    # two documents of the collection had unsaved edits until the translator reopened that folder
    from PySide6.QtCore import QTimer

    from editor.app import offer_collection_recovery

    win, controller, folder = _confirmed_in_letter_and_memo(qtbot, tmp_path)
    digest = win.document.snapshot()                              # memo's
    asked: list = []

    def answer(button):
        def press():
            box = QApplication.activeModalWidget()
            if isinstance(box, QMessageBox):
                asked.append(box.text())
                box.button(button).click()
        QTimer.singleShot(0, press)

    win.settings.recent_files = [str(folder)]
    assert not offer_collection_recovery(win) and asked == []      # open here: its journals are live, not left
    win.close_collection(discard=False)                          # as a kill leaves it: journals, no save
    again = _window(qtbot)
    again.settings.recent_files = [str(tmp_path / "gone"), str(folder)]
    answer(QMessageBox.StandardButton.Cancel)
    assert not offer_collection_recovery(again) and again.collection is None
    assert "2 document(s): letter, memo" in asked[0] and str(folder) in asked[0]
    answer(QMessageBox.StandardButton.Open)
    assert offer_collection_recovery(again) and again.collection is not None
    assert again.collection.show("memo") and again.document.snapshot() == digest


def test_a_collection_reopened_after_a_kill_counts_lists_and_exports_every_documents_recovered_edits(qtbot,
                                                                                                   tmp_path):
    # an X11 audit: after a kill, the documents not opened yet kept their saved counts ("doubtful" for links
    # confirmed before the kill), the whole-collection review list still listed those links, and Export
    # Collection wrote the saved files, until each document happened to be opened
    from editor.bitext.review import ReviewPolicy, review_counts

    win, controller, folder = _confirmed_in_letter_and_memo(qtbot, tmp_path)
    digests = {n: controller.open_documents[n].doc.snapshot() for n in ("letter", "memo")}
    win.close_collection(discard=False)                          # as a kill leaves it: journals, no save
    assert win.open_collection(folder, ask=False)
    again = win.collection
    policy = ReviewPolicy(win.review_threshold())
    for name in ("letter", "memo"):
        opened = again.open_documents.get(name)
        assert opened is not None and opened.doc.snapshot() == digests[name]
        assert again._live_counts(name)[2] == review_counts(opened.doc, policy).confirmed == 1
    assert again._export_totals()[2] == 2                        # both confirmations, before either is opened
    assert again.is_modified() and set(again.modified_names()) == {"letter", "memo"}
    assert win.collection.shown == "memo"                        # the one worked on last is in the panes
    assert "letter, memo" in win.statusBar().currentMessage()


def test_the_whole_collection_review_list_after_a_kill_lists_the_recovered_documents_as_they_are(qtbot, tmp_path):
    # an X11 audit: reopened after a kill with "Whole collection" ticked, the list said "128 doubtful link(s)
    # left" and listed links fixed before the kill (the document list said 112) until each document was opened
    from editor.bitext.review import ReviewPolicy, review_counts

    win = _aligned_window(qtbot, tmp_path)
    win.set_review_threshold(1.0)                      # every link listed until confirmed
    panel = win.review_list
    panel.set_whole_collection(True)
    win.review_list_action.trigger()
    qtbot.waitUntil(lambda: panel.isVisible(), timeout=EVENT_TIMEOUT_MS)

    def listed(name=None):
        panel._flush()
        rows = [panel.model.row_at(r) for r in range(panel.model.rowCount())]
        return [row.bead for row in rows if row is not None and name in (None, row.document)]

    controller = win.collection
    for name in ("letter", "memo"):
        controller.show(name)
        qtbot.waitUntil(lambda: bool(listed(name)), timeout=EVENT_TIMEOUT_MS)
        k = listed(name)[0]
        win.view.select_bead(k)
        win.actions_.confirm_next.trigger()
        assert k not in listed(name)
    before = sorted(listed())
    folder = controller.collection.folder
    win.close_collection(discard=False)                          # as a kill leaves it: journals, no save
    assert win.open_collection(folder, ask=False)
    assert panel.whole_collection()
    qtbot.waitUntil(lambda: len(listed()) == len(before), timeout=EVENT_TIMEOUT_MS)
    policy = ReviewPolicy(win.review_threshold())
    for name in ("letter", "memo"):
        doc = win.collection.open_documents[name].doc
        assert len(listed(name)) == review_counts(doc, policy).doubtful


def test_a_documents_journal_is_compacted_once_it_has_grown_and_still_gives_back_every_edit(qtbot, tmp_path,
                                                                                           monkeypatch):
    from editor.bitext.journal import read_journal
    from editor.ui.collection.document_journal import DocumentJournal

    monkeypatch.setattr(DocumentJournal, "COMPACT_AFTER_RECORDS", 6)
    monkeypatch.setattr(DocumentJournal, "COMPACT_MS", 10)
    win = _aligned_window(qtbot, tmp_path)
    controller = win.collection
    folder = controller.collection.folder
    controller.show("letter")
    journal = controller.open_documents["letter"].journal
    for k in range(7):                                            # 7 moves: the 6th starts the compaction
        win.view.select_bead(0)
        win.push_change(lambda d, k=k: edits.edit_text(d, d.tgt[0].id, f"We received your letter ({k})."))
    qtbot.waitUntil(lambda: journal._journal.records_since_compaction < 6, timeout=EVENT_TIMEOUT_MS)
    assert read_journal(journal.path).records < 6                 # one base record and what came after
    digest, count = win.document.snapshot(), win.undo_stack.count()
    win.close_collection(discard=False)                          # as a kill leaves it: the journal, no save
    assert win.open_collection(folder, ask=False) and win.collection.show("letter")
    assert win.document.snapshot() == digest and win.undo_stack.count() == count == 7


def test_the_collection_export_dialog_counts_the_whole_collection_not_one_document(qtbot, tmp_path, monkeypatch):
    # seen in an X11 audit: "Only confirmed links (0 of 276 links)" and "The alignment has 276 links", document
    # 001's figures, for a collection of 1,367 links with 8 confirmed
    from editor.bitext.review import ReviewPolicy, review_counts
    from editor.ui.dialogs.export_dialog import ExportDialog

    win = _aligned_window(qtbot, tmp_path)
    controller = win.collection
    controller.show("memo")
    win.view.select_bead(0)
    win.actions_.confirm_next.trigger()                          # one confirmed link, not saved
    policy = ReviewPolicy(win.review_threshold())
    links = confirmed = 0
    for entry in controller.collection.entries:
        counts = review_counts(controller.collection.load(entry) if entry.name != "memo" else win.document, policy)
        links, confirmed = links + counts.links, confirmed + counts.confirmed
    assert confirmed == 1 and links > len([b for b in win.document.beads if b.src and b.tgt])
    seen = []
    monkeypatch.setattr(ExportDialog, "exec", lambda dialog: seen.append(
        (dialog.only_confirmed.text(), dialog.summary.text(), dialog.artefact_label.isVisible())) or 0)
    win.actions_.export_collection.trigger()
    assert seen
    checkbox, summary, artefacts = seen[0]
    assert f"({confirmed} of {links} links)" in checkbox.replace("&", "")
    assert f"4 aligned document(s) with {links} links" in summary and f"({confirmed} confirmed)" in summary
    assert not artefacts


def test_the_collection_export_dialog_says_how_many_sentence_groups_are_unlinked(qtbot, tmp_path, monkeypatch):
    # an X11 audit: the single-document export dialog names the unlinked sentence groups (which a TMX leaves out:
    # the omissions a review is for), the collection's said nothing of them
    from editor.bitext.review import ReviewPolicy, review_counts
    from editor.ui.dialogs.export_dialog import ExportDialog

    win = _aligned_window(qtbot, tmp_path)
    win.collection.show("memo")
    win.push_change(lambda doc: edits.unlink(doc, 0))            # not saved: counted as the editor has it
    policy = ReviewPolicy(win.review_threshold())
    unlinked = sum(review_counts(win.collection.collection.load(e) if e.name != "memo" else win.document,
                                 policy).unlinked for e in win.collection.collection.entries)
    assert unlinked >= 2
    seen = []
    monkeypatch.setattr(ExportDialog, "exec", lambda dialog: seen.append(dialog.summary.text()) or 0)
    win.actions_.export_collection.trigger()
    assert seen and f"{unlinked} sentence group(s) are unlinked" in seen[0], seen


def test_the_merged_export_from_the_window_holds_every_document_with_unsaved_edits(qtbot, tmp_path, monkeypatch):
    from editor.ui.dialogs.export_dialog import ExportDialog

    win = _aligned_window(qtbot, tmp_path)
    win.collection.show("memo")
    win.push_change(lambda doc: edits.unlink(doc, 0))            # not saved: exported as the editor has it
    out = tmp_path / "all.tmx"
    formats = []
    monkeypatch.setattr(ExportDialog, "exec", lambda dialog: formats.extend(f.suffix for f in dialog.formats)
                        or QDialog.DialogCode.Accepted)
    monkeypatch.setattr(ExportDialog, "path", lambda dialog: out)
    reports = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: reports.append(a[2]))
    win.actions_.export_collection.trigger()
    assert win.collection.exporting is not None                 # on a worker thread: the window stays live
    win.push_change(lambda doc: edits.unlink(doc, len(doc.beads) - 1))   # after the start: not in the file
    qtbot.waitUntil(lambda: bool(reports), timeout=EVENT_TIMEOUT_MS)
    assert set(formats) <= {".tmx", ".xlf"} and ".tmx" in formats
    tree = etree.parse(str(out))
    assert etree.DTD(str(schema_path("tmx", "tmx14.dtd"))).validate(tree)
    documents = [tu.findtext("prop[@type='x-document']") for tu in tree.findall("body/tu")]
    assert documents.count("memo") == 1 and {"dialogue", "letter", "sample"} <= set(documents)
    assert reports and "4 document(s)" in reports[0]


def test_the_window_renders_a_large_collection_on_worker_processes(qtbot, tmp_path, monkeypatch):
    """Past PARALLEL_MIN_LINKS the merged TMX is rendered on spawned worker processes (the window has Qt
    threads: no fork), from the export's own thread; the file is the same as rendered in one process."""
    from datetime import datetime, timezone

    from editor.collection import merge
    from editor.exporting import ExportOptions

    win = _aligned_window(qtbot, tmp_path)
    options = ExportOptions(timestamp=datetime(2026, 12, 7, tzinfo=timezone.utc))
    win.collection.export(tmp_path / "here.tmx", options)       # in this process (below the threshold)
    monkeypatch.setattr(merge, "PARALLEL_MIN_LINKS", 0)
    pools = []
    import concurrent.futures

    class CountingPool(concurrent.futures.ProcessPoolExecutor):
        def __init__(self, *args, **kwargs):
            pools.append(kwargs["mp_context"].get_start_method())
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", CountingPool)
    reports = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: reports.append(a[2]))
    win.collection.start_export(tmp_path / "pool.tmx", options)
    qtbot.waitUntil(lambda: bool(reports), timeout=EVENT_TIMEOUT_MS)
    assert pools == ["spawn"]
    assert (tmp_path / "pool.tmx").read_bytes() == (tmp_path / "here.tmx").read_bytes()


def test_cancel_stops_the_merged_export_and_writes_nothing(qtbot, tmp_path, monkeypatch):
    import threading

    from editor.ui.dialogs.export_dialog import ExportDialog

    win = _aligned_window(qtbot, tmp_path)
    out = tmp_path / "all.tmx"
    monkeypatch.setattr(ExportDialog, "exec", lambda dialog: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(ExportDialog, "path", lambda dialog: out)
    reports = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: reports.append(a[2]))
    go, load = threading.Event(), Collection.load
    monkeypatch.setattr(Collection, "load", lambda self, entry: go.wait() and load(self, entry))
    win.actions_.export_collection.trigger()
    assert win.collection.exporting is not None
    from PySide6.QtWidgets import QPushButton

    win.collection.export_progress.findChild(QPushButton).click()  # the progress dialog's Cancel
    go.set()
    qtbot.waitUntil(lambda: win.collection.exporting is None, timeout=EVENT_TIMEOUT_MS)
    assert not out.exists() and not list(tmp_path.glob(".all.tmx.*")) and not reports
    assert "cancelled" in win.statusBar().currentMessage()


def test_a_batch_output_folder_opens_as_a_collection(qtbot, tmp_path):
    sources = make_sources(tmp_path / "client")
    jobs = tmp_path / "jobs.tsv"
    jobs.write_text(f"{sources / 'letter.zh.txt'}\t{sources / 'letter.en.txt'}\n{sources / 'sample.txt'}\t\tsample\n",
                    encoding="utf-8")
    out = tmp_path / "out"
    assert cli_main(["batch", str(jobs), "-o", str(out), "--mode", "fast", "-j", "1", "-q"]) == 0
    win = _window(qtbot)
    assert win.open_paths([out], ask=False)
    assert sorted(e.name for e in win.collection.collection.entries) == ["letter.zh", "sample"]
    assert win.collection.shown and win.document.beads
    # a TMX keeps no sentence without counterpart: said on opening (an X11 audit found the omissions gone)
    assert "2 document(s) were written as TMX" in win.statusBar().currentMessage()
    assert "--format duiqi" in win.statusBar().currentMessage()
    # and where it stays while the collection is open (the status bar's note went in 15 s: an X11 audit)
    assert "--format duiqi" in win.document_list.summary.text() and "2 document(s)" in win.document_list.summary.text()
    win.view.select_bead(0)
    win.actions_.confirm_next.trigger()
    assert win.save()                                             # saved as a project beside the batch's TMX
    entry = win.collection.collection.entry(win.collection.shown)
    assert entry.file.endswith(".duiqi") and (out / entry.file).is_file()


def test_a_damaged_index_gives_one_message_naming_it(qtbot, tmp_path, monkeypatch):
    collection = make_collection(tmp_path)
    index = collection.folder / INDEX_NAME
    index.write_text(json.dumps({"format": "duiqi-collection", "version": 1, "documents": "x"}), encoding="utf-8")
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append((box.text(), box.informativeText())) or 0)
    win = _window(qtbot)
    assert not win.open_paths([collection.folder], ask=False)
    assert len(shown) == 1 and INDEX_NAME in shown[0][0] + shown[0][1] and "damaged" in shown[0][1]
    assert win.collection is None


def test_a_moved_document_is_named_when_opened_and_the_others_open(qtbot, tmp_path, monkeypatch):
    collection = make_collection(tmp_path)
    (collection.folder / "memo.duiqi").unlink()
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.informativeText()) or 0)
    win = _window(qtbot)
    assert win.open_paths([collection.folder], ask=False)
    assert not win.collection.show("memo")
    assert len(shown) == 1 and "memo.duiqi" in shown[0]
    assert win.collection.show("letter") and len(win.document.beads) == 3


def test_opening_a_single_file_closes_the_collection(qtbot, tmp_path):
    win = _aligned_window(qtbot, tmp_path)
    project = win.collection.collection.folder / "memo.duiqi"
    copy = tmp_path / "memo-copy.duiqi"
    shutil.copy(project, copy)
    assert win.open_paths([copy], ask=False)
    assert win.collection is None and not win.document_list.isVisible()
    assert win.undo_stack is win._own_stack and len(win.document.beads) == 2
    # the list brought back with no collection (Ctrl+Shift+D) says what it is for, not an empty table under
    # a filter that filters nothing
    win.document_list.toggleViewAction().trigger()
    assert win.document_list.isVisible()
    assert "No collection is open" in win.document_list.summary.text()
    assert "Ctrl+Shift+N" in win.document_list.summary.text()
    assert win.document_list.needs_review.isHidden() and win.document_list.table.isHidden()
    win.document_list.toggleViewAction().trigger()
    win.view.select_bead(0)
    win.actions_.confirm_next.trigger()
    assert win.undo_stack.count() == 1 and win.undo_action.isEnabled()


@pytest.mark.parametrize("side", [Side.SRC])
def test_the_collection_window_is_keyboard_reviewable(qtbot, tmp_path, side):
    win = _aligned_window(qtbot, tmp_path)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=EVENT_TIMEOUT_MS)
    win.collection.show("letter")
    pane = win.view.panes[side]
    pane.setFocus()
    win.view.select_bead(0)
    for _ in range(3):
        qtbot.keyClick(pane, Qt.Key.Key_Return)                   # Enter: confirm and go on
    assert all(b.is_fixed for b in win.document.beads)
    row = win.document_list.row_of("letter")
    # the list counts the shown document again shortly after its edits
    qtbot.waitUntil(lambda: win.document_list.proxy.index(row, 3).data() == "100 %", timeout=EVENT_TIMEOUT_MS)
    assert win.document_list.proxy.index(row, STATUS).data() == "reviewed"


def test_opening_a_file_over_a_changed_collection_saves_its_documents_when_asked(qtbot, tmp_path, monkeypatch):
    win = _aligned_window(qtbot, tmp_path)
    folder = win.collection.collection.folder
    assert not win.actions_.save_as.isEnabled()                   # a document's home is the collection
    win.collection.show("memo")
    win.view.select_bead(0)
    win.actions_.confirm_next.trigger()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Save)
    copy = tmp_path / "letter-copy.duiqi"
    shutil.copy(folder / "letter.duiqi", copy)
    assert win.open_paths([copy])
    assert win.collection is None and win.actions_.save_as.isEnabled()
    again = Collection.open(folder)
    assert again.load(again.entry("memo")).beads[0].is_fixed


def test_a_jobs_file_and_two_folders_fill_the_preview_too(qtbot, tmp_path):
    sources = make_sources(tmp_path / "client")
    jobs = tmp_path / "jobs.tsv"
    jobs.write_text("client/letter.zh.txt\tclient/letter.en.txt\tletter\nclient/sample.txt\t\tsample\n",
                    encoding="utf-8")
    dialog = NewCollectionDialog()
    qtbot.addWidget(dialog)
    dialog.set_jobs_file(jobs)
    assert [(p.name, p.en is None) for p in dialog.pairing.pairs] == [("letter", False), ("sample", True)]
    assert dialog.pairs_table.item(1, 2).text() == "(the same file: both languages)"
    (tmp_path / "zh").mkdir()
    (tmp_path / "en").mkdir()
    shutil.copy(sources / "memo.zh.txt", tmp_path / "zh" / "memo_cn.txt")
    shutil.copy(sources / "memo.en.txt", tmp_path / "en" / "memo_en.txt")
    dialog.set_two_folders(tmp_path / "zh", tmp_path / "en")
    assert [(p.name, p.zh.name, p.en.name) for p in dialog.pairing.pairs] == [("memo", "memo_cn.txt", "memo_en.txt")]
    assert dialog.destination.edit.text()                          # a folder beside the sources is suggested


def test_re_align_the_rest_works_in_a_document_of_the_collection_with_its_own_undo(qtbot, tmp_path):
    win = _aligned_window(qtbot, tmp_path)
    win.collection.show("sample")
    from editor.bitext import edits

    doc = win.document
    k = next(i for i in range(len(doc.beads) - 1) if len(doc.beads[i].tgt) == 1 and doc.beads[i].src
             and doc.beads[i + 1].src and doc.beads[i + 1].tgt)
    # a fix by hand that takes the next link's first English sentence, leaving the rest of it to re-align
    win.push_change(lambda d: edits.link(d, d.beads[k].src, (*d.beads[k].tgt, d.beads[k + 1].tgt[0])))
    with qtbot.waitSignal(win.qdoc.changed, timeout=EVENT_TIMEOUT_MS):
        win.actions_.realign.trigger()
    assert win.undo_stack.count() == 2 and win.document.beads[k].is_fixed
    assert win.undo_stack.undoText() == "Re-align the rest"
    win.collection.show("memo")
    assert win.undo_stack.count() == 0 and not win.undo_action.isEnabled()
    win.collection.show("sample")
    assert win.undo_stack.count() == 2


def test_shift_f8_at_the_first_doubtful_link_goes_back_to_the_previous_document_with_doubtful_links(qtbot, tmp_path):
    win = _aligned_window(qtbot, tmp_path)
    win.collection.show("sample")
    doubtful = [k for k, b in enumerate(win.document.beads) if win.view.is_doubtful(b)]
    win.view.select_bead(doubtful[0])
    win.collection.show("memo")
    win.view.select_bead(0)
    win.actions_.previous_doubtful.trigger()                      # memo has none: back to sample's last one
    assert win.collection.shown == "sample" and win.view.current_bead() == doubtful[-1]


def test_a_second_window_cannot_open_a_collection_another_window_has_open(qtbot, tmp_path, monkeypatch):
    """Two editors on the same documents would journal and save over each other's edits: the second is told,
    naming the folder, and opens nothing; once the first closes the collection, the second can open it."""
    first = _aligned_window(qtbot, tmp_path)
    folder = first.collection.collection.folder
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text() + "\n" + box.informativeText()) or 0)
    second = _window(qtbot)
    assert not second.open_paths([folder], ask=False)
    assert second.collection is None and len(shown) == 1
    assert str(folder) in shown[0] and "in use by another Duiqi" in shown[0]
    assert first.open_paths([folder], ask=False) and not shown[1:]    # the window that has it may open it again
    first.close_collection(discard=True)
    assert second.open_paths([folder], ask=False) and second.collection is not None and len(shown) == 1


def test_opening_a_folder_of_texts_offers_a_new_collection_of_its_pairs_not_an_error(qtbot, tmp_path, monkeypatch):
    # seen in a real X11 session: `duiqi FOLDER` (or File → Open Collection… on the client's folder) said
    # "not a Duiqi collection: there is no duiqi-collection.json in the folder"
    sources = make_sources(tmp_path / "client")
    shown = []

    def exec_(dialog):
        shown.append(([p.name for p in dialog.pairing.pairs], dialog.error_label.text()))
        return QDialog.DialogCode.Rejected
    monkeypatch.setattr(NewCollectionDialog, "exec", exec_)
    errors = []
    win = _window(qtbot)
    monkeypatch.setattr(win, "show_error", lambda *args: errors.append(args))
    assert not win.open_paths([sources], ask=False)                 # the dialog was cancelled: nothing opened
    assert errors == [] and len(shown) == 1
    names, error = shown[0]
    assert sorted(names) == sorted(p.name for p in pair_folder(sources).pairs) and names and error == ""
    assert win.collection is None and not (sources / INDEX_NAME).exists()


def test_open_collection_starts_beside_the_collection_opened_last_however_it_was_opened(qtbot, tmp_path, monkeypatch):
    # an X11 audit: after `duiqi-gui FOLDER`, File > Open Collection Folder started in the home folder
    from PySide6.QtWidgets import QFileDialog

    from editor.ui.dialogs import file_dialogs

    monkeypatch.setattr(file_dialogs, "_last_folder", [""])
    win = _aligned_window(qtbot, tmp_path)                        # opened as the command line opens it
    starts = []
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda parent, title, start: starts.append(start) or "")
    win._on_open_collection_triggered()
    assert starts == [str(win.collection.collection.folder.absolute().parent)]


def test_the_document_lists_filter_and_sort_come_back_in_the_next_session(qtbot, tmp_path):
    # an X11 audit: "Only documents that need review" and the sort by Doubtful were gone at every start
    win = _aligned_window(qtbot, tmp_path)
    dock = win.document_list
    dock.needs_review.setChecked(True)
    dock.table.sortByColumn(DOUBTFUL, Qt.SortOrder.DescendingOrder)
    win._save_settings()                                          # as closing the window does
    folder = win.collection.collection.folder
    win.close_collection(discard=True)
    again = _window(qtbot)
    assert again.document_list.needs_review.isChecked()
    assert again.open_paths([folder], ask=False)
    table = again.document_list.table
    header = table.horizontalHeader()
    assert header.sortIndicatorSection() == DOUBTFUL and header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert [table.model().index(r, NAME).data() for r in range(table.model().rowCount())] == ["sample"]
    again.document_list.needs_review.setChecked(False)
    again.document_list.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)     # the collection's order again
    again._save_settings()
    third = _window(qtbot)
    assert not third.document_list.needs_review.isChecked() and third.document_list.view_state() == (False, -1, 0)


def test_the_filter_never_leaves_another_document_highlighted_than_the_one_in_the_panes(qtbot, tmp_path):
    # an X11 re-test: with "dialogue" in the panes, ticking "Only documents that need review" left "sample"
    # highlighted (Enter would have opened it)
    win = _aligned_window(qtbot, tmp_path)
    dock = win.document_list
    shown = win.collection.shown
    assert shown != "sample" and dock.row_of(shown) >= 0

    def highlighted() -> list[str]:
        return [i.data(Qt.ItemDataRole.UserRole) for i in dock.table.selectionModel().selectedRows()]

    assert highlighted() == [shown]
    dock.needs_review.setChecked(True)                           # only "sample" is left in the list
    assert dock.row_of(shown) < 0 and highlighted() == []
    dock.needs_review.setChecked(False)
    assert highlighted() == [shown]


def test_last_change_shows_the_last_edit_of_an_open_document_not_its_last_save(qtbot, tmp_path):
    # an X11 audit: documents edited at 20:54-20:55 still showed 20:52, their last save, until Ctrl+S
    from editor.bitext import edits
    from editor.ui.collection.document_list import CHANGED, SORT_ROLE

    collection = _new_collection(tmp_path)
    win = _window(qtbot)
    win.open_collection(collection.folder)
    _wait_aligned(qtbot, win)
    name = win.collection.shown
    entry = win.collection.collection.entry(name)
    entry.stats.changed = "2020-01-02T03:04:05+00:00"                 # saved long ago
    model = win.collection.model
    row = next(r for r in range(model.rowCount()) if model.index(r, NAME).data() == name)
    assert model.index(row, CHANGED).data(SORT_ROLE) == "2020-01-02T03:04:05+00:00"
    k = next(i for i, b in enumerate(win.document.beads) if not b.is_fixed)
    win.push_change(lambda d: edits.confirm(d, k))
    edited = model.index(row, CHANGED).data(SORT_ROLE)
    assert edited == win.collection.open_documents[name].edited and not edited.startswith("2020")


def test_a_collection_reopens_where_the_translator_was_and_each_document_keeps_its_place(qtbot, tmp_path):
    # an X11 audit: after a kill the collection reopened in the first document with unsaved edits, at its first
    # link, not in the one being worked on; and every document opened from the list at link 1
    win = _aligned_window(qtbot, tmp_path)
    controller = win.collection
    folder = controller.collection.folder
    controller.show("letter")
    win.view.select_bead(0)
    win.actions_.confirm_next.trigger()                      # unsaved edits in letter
    win.view.select_bead(len(win.document.beads) - 1)        # then on, away from the link changed
    in_letter = win.view.current_segment()
    controller.show("sample")
    k = len(win.document.beads) - 1
    win.view.select_bead(k)
    where = win.view.current_segment()
    controller.show("letter")
    controller.show("sample")                                # back: where it was, not at link 1
    assert win.view.current_segment() == where
    place = folder / ".journals" / "place.json"
    qtbot.waitUntil(lambda: place.is_file() and '"sample"' in place.read_text(), timeout=EVENT_TIMEOUT_MS)
    win.close_collection(discard=False)                      # as a kill leaves it: journals, no save
    assert win.open_collection(folder, ask=False)
    assert win.collection.shown == "sample" and win.view.current_segment() == where
    assert win.collection.open_documents["letter"].stack.count() == 1      # its edits came back all the same
    # and the replayed document comes back where the translator was in it, not on its last change (an X11
    # re-test: both documents came back on the link last confirmed)
    win.collection.show("letter")
    assert win.view.current_segment() == in_letter


def test_the_title_stars_the_shown_document_only_when_it_has_unsaved_edits(qtbot, tmp_path):
    # an X11 audit: "coll › news-006* — Duiqi" on a document nobody had touched (Undo greyed), because another
    # document of the collection had unsaved edits
    win = _aligned_window(qtbot, tmp_path)
    controller = win.collection
    controller.show("letter")
    win.view.select_bead(0)
    win.actions_.confirm_next.trigger()
    assert win.isWindowModified()
    controller.show("memo")
    assert "memo" in win.windowTitle() and not win.isWindowModified() and win.is_modified()
    controller.show("letter")
    assert win.isWindowModified()


def _killed_while_typing(qtbot, tmp_path, typed_text: str):
    """A collection whose "sample" had `typed_text` typed into English sentence 2's editor, never committed, when
    the editor was killed (the journals and place file as a kill leaves them): (window, folder, the text wanted)."""
    from editor.bitext.document import Side

    win = _aligned_window(qtbot, tmp_path)
    controller = win.collection
    folder = controller.collection.folder
    controller.show("sample")
    win.view.select_segment(Side.TGT, 1)
    typed = win.view.panes[Side.TGT].start_editing(1)
    typed.insertPlainText(typed_text)
    typed._done = True                                            # killed: the editor never commits
    wanted = win.document.tgt[1].text + typed_text
    place = folder / ".journals" / "place.json"
    qtbot.waitUntil(lambda: place.is_file() and typed_text in place.read_text(encoding="utf-8"),
                    timeout=EVENT_TIMEOUT_MS)
    text = place.read_text(encoding="utf-8")
    win.close_collection(discard=False)                          # as a kill leaves it: journals, no save
    place.write_text(text, encoding="utf-8")                     # (closing wrote the place again, draft gone)
    return win, folder, wanted


def test_the_text_being_typed_in_a_collections_document_when_the_editor_was_killed_comes_back(qtbot, tmp_path):
    # an X11 audit: text typed into an open sentence editor of a collection's document was lost by a kill
    win, folder, wanted = _killed_while_typing(qtbot, tmp_path, " EDIT-TWO")
    assert win.open_collection(folder, ask=False)
    assert win.collection.shown == "sample" and win.document.tgt[1].text == wanted


def test_the_document_lists_count_follows_a_confirm_that_moved_on_to_another_document(qtbot, tmp_path):
    # an X11 re-test: Return on a document's last listed row went on to the next document, and the document list
    # kept counting the confirmed link as doubtful
    from editor.bitext import edits

    win = _aligned_window(qtbot, tmp_path)
    controller = win.collection
    win.set_review_threshold(1.0)                               # every link doubtful until confirmed
    controller.show("memo")
    doubtful = lambda: controller._live_counts("memo")[1]        # noqa: E731
    before = doubtful()
    k = next(i for i, b in enumerate(win.document.beads) if win.view.is_doubtful(b))
    win.view.select_bead(k)
    win.push_change(lambda doc: edits.confirm(doc, k))
    controller.show("letter")                                   # at once, before the count's timer
    assert doubtful() == before - 1


def test_a_start_without_files_offers_a_collection_left_with_only_text_being_typed(qtbot, tmp_path):
    # an X11 re-test: a kill while typing in a collection's document, with no edit committed before, left the
    # typed text in the place file, and a start without files offered nothing (it asked only about journals)
    from PySide6.QtCore import QTimer

    from editor.app import offer_collection_recovery

    _, folder, wanted = _killed_while_typing(qtbot, tmp_path, " EDIT-ONLY")
    assert not list((folder / ".journals").glob("*.journal"))   # nothing committed: only the typed text
    again = _window(qtbot)
    again.settings.recent_files = [str(folder)]
    asked: list = []

    def press():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            asked.append(box.text())
            box.button(QMessageBox.StandardButton.Open).click()
    QTimer.singleShot(0, press)
    assert offer_collection_recovery(again) and "sample" in asked[0]
    assert again.collection.shown == "sample" and again.document.tgt[1].text == wanted
def test_a_bilingual_file_with_a_language_word_in_its_name_keeps_a_readable_document_name(qtbot, tmp_path):
    # an X11 re-test: "english-only.txt" added as a document of its own was called "only"
    folder = tmp_path / "client"
    folder.mkdir()
    for name in ("english-only.txt", "en-notes.txt"):
        (folder / name).write_text("笔记。\n\nNotes.\n", encoding="utf-8")
    dialog = NewCollectionDialog()
    qtbot.addWidget(dialog)
    dialog.set_one_folder(folder)
    dialog.pair_files([folder / "english-only.txt"])
    dialog.set_mixed_files([folder / "en-notes.txt"])
    assert [p.name for p in dialog.pairing.pairs] == ["en-notes"]
    dialog.set_one_folder(folder)
    dialog.pair_files([folder / "english-only.txt"])
    assert [dialog.pairs_table.item(r, 0).text() for r in range(dialog.pairs_table.rowCount())] == ["english-only"]


def test_a_failed_documents_reason_is_readable_whole_in_the_document_list_at_its_default_width(qtbot, tmp_path):
    # an X11 re-test: "failed: empty.txt: the file contain" ran past the dock's edge, Last change out of sight
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QStyle

    collection = make_collection(tmp_path)
    (tmp_path / "client" / "empty.txt").write_text("", encoding="utf-8")
    collection.add_pair(Pair("empty", tmp_path / "client" / "empty.txt", tmp_path / "client" / "memo.en.txt"))
    collection.entries[-1].error = "empty.txt: the file contains no text"
    collection.write_index()
    win = _window(qtbot)
    assert win.open_paths([collection.folder], ask=False)
    table = win.document_list.table
    index = table.model().index(win.document_list.row_of("empty"), STATUS)
    text = index.data()
    assert text == "failed: empty.txt: the file contains no text"
    margin = 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1)
    needed = QFontMetrics(table.font()).boundingRect(0, 0, table.columnWidth(STATUS) - margin, 10_000,
                                                      int(Qt.TextFlag.TextWordWrap), text)

    def readable() -> bool:
        rect = table.visualRect(index)
        return rect.right() <= table.viewport().width() and needed.height() <= rect.height()

    qtbot.waitUntil(readable, timeout=EVENT_TIMEOUT_MS)
    other = table.model().index(win.document_list.row_of("dialogue"), STATUS)
    assert table.visualRect(other).height() < table.visualRect(index).height()        # one line high
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert "the file contains no text" in tip and str(tmp_path / "client" / "empty.txt") in tip


def test_the_text_being_typed_in_a_collection_is_written_as_soon_as_a_single_documents(qtbot, tmp_path):
    # an X11 re-test: a kill 0.85 s after the last key lost the text being typed in a collection's document (its
    # place file was written a second after the first change; a single document's journal within half of one)
    from editor.ui.safety.sessions import JOURNAL_SYNC_MS

    win = _aligned_window(qtbot, tmp_path)
    assert win.collection._place_timer.interval() <= JOURNAL_SYNC_MS


def test_a_folder_typed_with_a_tilde_is_the_home_folders(qtbot, tmp_path, monkeypatch):
    # an X11 re-test: "~/x" typed into the folder field read "~/x: not a folder"
    from editor.ui.collection.new_collection_dialog import ONE_FOLDER

    monkeypatch.setenv("HOME", str(tmp_path))
    make_sources(tmp_path / "client")
    dialog = NewCollectionDialog()
    qtbot.addWidget(dialog)
    dialog.source_kind.setCurrentIndex(ONE_FOLDER)
    dialog.one_folder.edit.setText("~/client")
    dialog.find_pairs()
    assert dialog.pairs_table.rowCount() == 3 and not dialog.error_label.text()


def test_the_collection_export_suggests_the_format_exported_last(qtbot, tmp_path, monkeypatch):
    # an X11 audit: after exporting the whole collection to XLIFF, Ctrl+Shift+E offered TMX again (one Return from
    # overwriting the earlier TMX)
    from editor.ui.collection import collection_controller
    from editor.ui.dialogs.export_dialog import ExportDialog

    win = _aligned_window(qtbot, tmp_path)
    seen = []

    def exec_(dialog):
        seen.append(dialog.current_format())
        if len(seen) == 1:
            index = next(i for i, f in enumerate(dialog.formats) if f.xliff_version == "2.0")
            dialog.format_combo.setCurrentIndex(index)
            dialog.path_edit.setText(str(tmp_path / "all.xlf"))
            return QDialog.DialogCode.Accepted
        return QDialog.DialogCode.Rejected
    monkeypatch.setattr(ExportDialog, "exec", exec_)
    finished = []
    monkeypatch.setattr(collection_controller.QMessageBox, "information", lambda *a: finished.append(a))
    win.actions_.export_collection.trigger()
    qtbot.waitUntil(lambda: bool(finished), timeout=EVENT_TIMEOUT_MS)
    win.actions_.export_collection.trigger()
    assert seen[0].suffix == ".tmx" and (seen[1].suffix, seen[1].xliff_version) == (".xlf", "2.0")
