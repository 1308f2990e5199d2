"""The explanation strip stays readable when the review list is docked beside a narrow window."""

from tests.conftest import EVENT_TIMEOUT_MS


def _resize(qtbot, window, w, h):
    window.resize(w, h)
    qtbot.waitUntil(lambda: (window.width(), window.height()) == (w, h), timeout=EVENT_TIMEOUT_MS)


def test_with_the_review_list_docked_the_strips_buttons_go_under_its_text(qtbot, window):
    strip = window.strip
    window.view.select_bead(3)
    _resize(qtbot, window, 1600, 800)
    qtbot.waitUntil(lambda: not strip.stacked, timeout=EVENT_TIMEOUT_MS)     # wide: one row
    assert strip.label.geometry().right() < strip.buttons[0].mapTo(strip, strip.buttons[0].rect().topLeft()).x()
    _resize(qtbot, window, 1200, 760)
    window.review_list.show()
    # the dock takes half the window: the text would be squeezed to a word a line beside the buttons
    qtbot.waitUntil(lambda: strip.stacked, timeout=EVENT_TIMEOUT_MS)
    qtbot.waitUntil(lambda: strip.label.width() >= strip.width() - 40,    # the text takes the whole width
                    timeout=EVENT_TIMEOUT_MS)
    first = strip.buttons[0].mapTo(strip, strip.buttons[0].rect().topLeft())
    assert first.y() >= strip.label.geometry().bottom()                   # the buttons sit under it
    assert all(b.isVisible() and b.width() >= b.sizeHint().width() for b in strip.buttons)
    window.review_list.hide()
    _resize(qtbot, window, 1600, 800)
    qtbot.waitUntil(lambda: not strip.stacked, timeout=EVENT_TIMEOUT_MS)   # and back beside it when there is room


def test_a_review_list_row_holds_two_lines_of_a_chinese_reason(qtbot):
    # seen in the Chinese interface under X11: rows sized by the font's line spacing (14 px) held one line of a
    # Chinese reason, set in a taller CJK fallback font (18 px), where they hold two of an English one
    from PySide6.QtGui import QTextLayout
    from editor.ui.review.review_list import ReviewList

    panel = ReviewList()
    qtbot.addWidget(panel)
    layout = QTextLayout("置信度 0.86 低于 0.96，无数字", panel.table.font())
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(10_000)
    layout.endLayout()
    assert panel.table.verticalHeader().defaultSectionSize() >= 2 * line.height() + 4
