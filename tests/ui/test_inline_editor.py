"""The in-place editor fits long sentences: as tall as the text, growing as you type, cursor at the click."""

from PySide6.QtCore import QPoint, Qt

from editor.bitext import edits
from editor.bitext.document import Side
from tests.conftest import EVENT_TIMEOUT_MS

LONG = ("It was the best of times, it was the worst of times, it was the age of wisdom, it was the age of "
        "foolishness, it was the epoch of belief, it was the epoch of incredulity, it was the season of Light, "
        "it was the season of Darkness, it was the spring of hope, it was the winter of despair, we had "
        "everything before us, we had nothing before us.")


def _long_sentence(window, pos=1):
    window.push_change(lambda d: edits.edit_text(d, d.tgt[pos].id, LONG))
    window.view.select_segment(Side.TGT, pos)
    return window.view.panes[Side.TGT]


def test_f2_opens_an_editor_as_tall_as_a_long_sentence_with_its_start_in_view(qtbot, window):
    pane = _long_sentence(window)
    pane.setFocus()
    qtbot.keyClick(pane, Qt.Key.Key_F2)
    editor = pane.editor
    assert editor is not None and editor.isVisible()
    assert editor.verticalScrollBar().maximum() == 0          # nothing hidden: no scrolling inside
    assert editor.height() >= editor.content_height() - 1
    first = editor.textCursor()
    first.setPosition(0)
    start = editor.cursorRect(first)
    assert start.top() >= 0 and editor.viewport().rect().contains(start.center())
    assert editor.geometry().top() >= 0 and editor.geometry().bottom() <= pane.height()


def test_the_editor_grows_as_you_type(qtbot, window):
    pane = _long_sentence(window)
    window.actions_.edit_text.trigger()
    editor = pane.editor
    before = editor.height()
    qtbot.keyClicks(editor, " And so on, and so forth, for a good many more words than fit on one line of this pane."
                            " And again, and again, until the editor needs more room.")
    qtbot.waitUntil(lambda: editor.height() > before, timeout=EVENT_TIMEOUT_MS)
    assert editor.verticalScrollBar().maximum() == 0
    qtbot.keyClick(editor, Qt.Key.Key_Escape)


def test_double_click_puts_the_cursor_where_you_clicked_and_enter_commits(qtbot, window):
    doc = window.document
    pane = _long_sentence(window)
    rect = pane.text_rect(1)
    click = QPoint(int(rect.left() + rect.width() * 0.5), int(rect.top() + pane._fm.height() * 1.5))  # second line
    qtbot.mouseDClick(pane, Qt.MouseButton.LeftButton, pos=click)
    editor = pane.editor
    assert editor is not None
    offset = editor.cursor_offset()
    assert 20 < offset < len(LONG) - 20                         # not the start, not the end: where it was clicked
    caret = editor.mapTo(pane, editor.cursorRect().center())
    assert abs(caret.y() - click.y()) <= pane._fm.height()
    qtbot.keyClicks(editor, "X")
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)   # no line break in a sentence
    assert "\n" not in editor.toPlainText() and pane.editor is editor
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert pane.editor is None
    assert doc.tgt[1].text == LONG[:offset] + "X" + LONG[offset:]
