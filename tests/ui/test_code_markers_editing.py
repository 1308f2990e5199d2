"""Editing a sentence that holds another tool's inline codes: a marker goes whole or stays whole, and a link whose
sides then disagree on their codes is doubtful and says which (an X11 audit: F2 then Backspace turned "{5}" into
"{5." silently, the link stayed automatic at 1.00 and the export dropped <ph id="5">)."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from editor.bitext.document import Side
from editor.bitext.review import Reason
from editor.exchange.opening import load_alignment
from editor.ui.dialogs.export_dialog import ExportDialog
from tests.conftest import EVENT_TIMEOUT_MS
from tests.ui.editor_fixtures import show_window

CODES = Path(__file__).resolve().parents[1] / "data" / "exchange" / "xliff12-every-code.xlf"


def edit_english(qtbot, win, k: int, offset: int):
    """Open the in-place editor on link k's English sentence with the cursor at `offset`."""
    pos = win.document.locate(win.document.beads[k].tgt[0])[1]
    win.view.select_segment(Side.TGT, pos)
    win.view.edit_segment(Side.TGT, pos, cursor_offset=offset)
    editor = win.view.panes[Side.TGT].editor
    qtbot.waitUntil(lambda: editor.hasFocus(), timeout=EVENT_TIMEOUT_MS)
    return editor


def test_backspace_after_a_code_marker_deletes_it_whole_and_the_link_says_the_code_is_missing(qtbot):
    win = show_window(qtbot, load_alignment(CODES))
    doc = win.document
    text = doc.segment(doc.beads[3].tgt[0]).text
    assert text == "Version {4}, dated {5}."
    editor = edit_english(qtbot, win, 3, len(text) - 1)               # just after "{5}"
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    assert editor.toPlainText() == "Version {4}, dated ."             # whole, not "{5."
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: doc.segment(doc.beads[3].tgt[0]).text == "Version {4}, dated .", timeout=EVENT_TIMEOUT_MS)
    assert Reason.CODES_DIFFER in win.view.review.reasons(doc, doc.beads[3])
    win.view.select_bead(3)
    qtbot.waitUntil(lambda: "inline codes differ: {5} missing in the English" in win.strip.label.text(),
                    timeout=EVENT_TIMEOUT_MS)
    win.review_list.refresh(doc, win.view.review, win._typical_ratio)
    assert 3 in win.review_list.model.beads()
    assert "inline codes differ: {5} missing in the English" in win.review_list.model.why(3)
    dialog = ExportDialog(None, doc, Path("codes.xlf"))              # counted with the other doubtful links
    qtbot.addWidget(dialog)
    assert dialog._doubtful == [3]
    assert dialog.doubtful_label.text().startswith("1 doubtful link(s) that nobody has reviewed would go")


def test_a_marker_a_typed_edit_left_half_deleted_is_restored_and_the_status_bar_says_so(qtbot):
    win = show_window(qtbot, load_alignment(CODES))
    doc = win.document
    editor = edit_english(qtbot, win, 3, len("Version {4}, dated {5}"))
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.KeepAnchor)    # "}" selected
    editor.setTextCursor(cursor)
    qtbot.keyClicks(editor, ",")                                      # typed over the brace: "{5,."
    assert editor.toPlainText() == "Version {4}, dated {5,."
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: doc.segment(doc.beads[3].tgt[0]).text == "Version {4}, dated {5},.",
                    timeout=EVENT_TIMEOUT_MS)
    assert "{5}" in win.statusBar().currentMessage() and "Restored" in win.statusBar().currentMessage()
    assert not win.view.review.reasons(doc, doc.beads[3])            # both sides have their codes again


def test_ctrl_k_after_a_marker_was_restored_splits_at_the_cursor(qtbot):
    # an X11 audit: Ctrl+K after an edit left "{4" half deleted cut the sentence one character before the cursor
    # ("版本号为{4}" | "，日期为{5}。"): the cursor counted in the text before the marker was made whole
    win = show_window(qtbot, load_alignment(CODES))
    doc = win.document
    pos = doc.locate(doc.beads[3].src[0])[1]
    assert doc.src[pos].text == "版本号为{4}，日期为{5}。"
    win.view.select_segment(Side.SRC, pos)
    win.view.edit_segment(Side.SRC, pos, cursor_offset=len("版本号为{4}"))
    editor = win.view.panes[Side.SRC].editor
    qtbot.waitUntil(lambda: editor.hasFocus(), timeout=EVENT_TIMEOUT_MS)
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.KeepAnchor)    # "}" selected
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    assert editor.toPlainText() == "版本号为{4，日期为{5}。"
    cursor = editor.textCursor()
    cursor.setPosition(editor.toPlainText().index("日期"))              # before 日期
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(doc.src) == 6, timeout=EVENT_TIMEOUT_MS)
    assert [s.text for s in doc.src[pos:pos + 2]] == ["版本号为{4}，", "日期为{5}。"]
    assert "{4}" in win.statusBar().currentMessage()
