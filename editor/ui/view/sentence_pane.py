"""One side's sentences, custom-painted: numbered wrapped blocks, paragraph starts, selection and link marks."""

from __future__ import annotations

import re
from typing import Iterable

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QKeyEvent, QPainter, QPen, QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QWidget

from editor.bitext.document import Segment, Side
from editor.bitext.markers import marker_span, restore_markers, restore_markers_at
from editor.ui.view.bead_layout import GAP_HEIGHT
from editor.ui.view.link_style import COLOURS, LinkState, settled
from editor.ui.view.view_host import ViewHost

_WIDE = re.compile("[\u2e80-\U0010ffff]")    # CJK and beyond: about an em wide

MARGIN = 6.0        # left and right of the text
VPAD = 5.0          # above and below each segment's text
COMPACT_VPAD = 1.5  # the same in the compact grid
MARK_WIDTH = 4.0    # the state bar on the edge facing the links
TEXT_FLAGS = int(Qt.TextFlag.TextWordWrap)

CURRENT_BEAD = QColor("#e7f0fd")
SELECTED = QColor("#c9ddfb")
FIND_MATCH = QColor("#fff2a8")
DROP_TARGET = QColor("#ead7f5")
DROP_ORPHAN = QColor("#f8d3d0")     # a sentence the drop under the pointer would leave unlinked
UNLINKED_BACK = QColor("#fdeeee")
HOVERED = QColor("#f0f5fc")
RULE = QColor("#e3e5e8")
PARAGRAPH_RULE = QColor("#9aa1ab")
ODD_ROW = QColor("#f6f7f9")


class InlineEditor(QPlainTextEdit):
    """Edits one segment's text in place: Enter keeps, Escape cancels, leaving the field keeps.

    The pane makes it as tall as the text (it grows as you type), so the whole sentence is in view;
    a segment is one line, so Shift+Enter adds no line break.

    A marker that stands for another tool's inline code ({5}, {/1}; `codes`) is one unit, as a tag is in a CAT
    tool: Backspace or Delete next to or inside it removes it whole, and one an edit still left half-deleted
    (typing into it, a selection cutting through it: "{5.") is made whole again when the edit is kept, which
    `markers_restored` reports. Restored rather than refused: the edit is also kept when the field loses focus
    or a save, an export or an alignment closes it, where a refusal would leave an editor open under them or
    drop the translator's words (an X11 audit: "{5}" became "{5." silently, and the export lost the code).
    """

    committed = Signal(int, str)     # segment id, text
    cancelled = Signal()
    markers_restored = Signal(list)  # the markers made whole again on commit

    def __init__(self, parent: QWidget, segment: Segment, codes: Iterable[str] = ()) -> None:
        super().__init__(parent)
        self.segment_id = segment.id
        self._original = segment.text
        self._codes = frozenset(codes)
        self._done = False
        self.setPlainText(segment.text)
        self.setFrameShape(QPlainTextEdit.Shape.Box)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setStyleSheet("QPlainTextEdit { border: 2px solid #1e6fd9; background: #ffffff; }")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.commit()
            return                  # Shift+Enter: sentences hold no line breaks

        if event.key() == Qt.Key.Key_Escape:
            self.cancel()
            return
        if (event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete) and self._codes
                and not self.textCursor().hasSelection() and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier):
            span = marker_span(self.toPlainText(), self.textCursor().position(), self._codes,
                               before=event.key() == Qt.Key.Key_Backspace)
            if span is not None:                 # the marker goes whole, in one undo step of the field
                cursor = self.textCursor()
                cursor.setPosition(span[0])
                cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
                cursor.removeSelectedText()
                self.setTextCursor(cursor)
                return
        super().keyPressEvent(event)

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        if event.reason() not in (Qt.FocusReason.PopupFocusReason, Qt.FocusReason.ActiveWindowFocusReason):
            self.commit()

    def content_height(self) -> float:
        """Return the height (pixels) the editor needs to show all its text at its current width."""
        total = 0.0
        block = self.document().firstBlock()
        while block.isValid():
            total += self.blockBoundingRect(block).height()
            block = block.next()
        return total + 2 * self.document().documentMargin() + 2 * self.frameWidth() + 2

    def text(self) -> str:
        # Segments are single lines: typed line breaks become spaces.
        return " ".join(self.toPlainText().splitlines()).strip() if "\n" in self.toPlainText() \
            else self.toPlainText()

    def cursor_offset(self) -> int:
        return self.textCursor().position()

    def kept_text(self) -> tuple[str, list[str]]:
        """Return the text to keep, its half-deleted code markers made whole, and the markers restored."""
        return restore_markers(self._original, self.text(), self._codes)

    def kept_text_at_cursor(self) -> tuple[str, list[str], int]:
        """Return kept_text() and the cursor's offset in that text, where Split Sentence cuts: counted in the
        field's own text, it fell one character short after a marker before it was made whole (an X11 audit)."""
        raw, position = self.toPlainText(), self.cursor_offset()
        text = self.text()
        if text != raw:                         # line breaks became spaces, and the ends were stripped
            joined = " ".join(raw.splitlines())
            position = min(max(position - (len(joined) - len(joined.lstrip())), 0), len(text))
        return restore_markers_at(self._original, text, self._codes, position)

    def commit(self) -> None:
        if self._done:
            return
        self._done = True
        text, restored = self.kept_text()
        if restored:
            self.markers_restored.emit(restored)
        self.committed.emit(self.segment_id, text)

    def cancel(self) -> None:
        if self._done:
            return
        self._done = True
        self.cancelled.emit()


class SentencePane(QWidget):
    """Paints the visible segments of one side from the view's layout; one widget for all segments."""

    def __init__(self, view: ViewHost, side: Side) -> None:
        super().__init__(view)
        self._view = view
        self.side = side
        self.editor: InlineEditor | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMinimumWidth(160)
        self._metrics_font: QFont | None = None
        self._fm = QFontMetricsF(self.font())
        self._small_fm = QFontMetricsF(self.font())
        self.vpad = VPAD
        self._advances: dict[str, float] = {}     # text -> one-line width in the current font
        self._em = self._average = self._fm.averageCharWidth()

    def set_compact(self, on: bool) -> None:
        """Tighter rows for the compact grid (the view re-measures)."""
        self.vpad = COMPACT_VPAD if on else VPAD

    def sizeHint(self) -> QSize:
        return QSize(420, 400)

    # -- geometry -----------------------------------------------------------------------------

    def set_text_font(self, font: QFont) -> None:
        self.setFont(font)
        self._fm = QFontMetricsF(font)
        self._advances = {}
        self._em = self._fm.horizontalAdvance("中")
        self._average = self._fm.averageCharWidth()
        small = QFont(font)
        small.setPointSizeF(max(6.0, font.pointSizeF() * 0.8))
        self._small_font = small
        self._small_fm = QFontMetricsF(small)

    def number_width(self) -> float:
        """The margin for the ¶ mark and the number, wide enough for the largest number shown (link numbers
        in the grid, sentence numbers otherwise) with a gap between the two, also for a full-width ¶."""
        pilcrow = self._small_fm.horizontalAdvance("¶") + 4
        if self._view.compact and self._faces_links_on_left():
            return pilcrow                                     # the grid numbers its rows in the left column only
        doc = self._view.doc
        largest = len(doc.beads) if self._view.compact else len(doc.segments(self.side))
        digits = max(3, len(str(largest)))
        return 2 + pilcrow + self._small_fm.horizontalAdvance("0" * digits) + 4

    def text_left(self) -> float:
        left_edge = MARK_WIDTH if self._faces_links_on_left() else 0.0
        return left_edge + self.number_width() + MARGIN

    def text_width(self) -> float:
        return max(60.0, self.width() - self.number_width() - 2 * MARGIN - MARK_WIDTH)

    def measure(self, segment: Segment, width: float) -> float:
        """Return the height of a segment block at a text width (the view caches it)."""
        text = segment.text or " "
        fm = self._fm
        line = fm.height()
        advance = self._advances.get(text)
        if advance is None:
            # The one-line width does not depend on the pane's width: a resize re-uses it.
            advance = self._advances[text] = fm.horizontalAdvance(text)
        if advance < width - 2 and "\n" not in text:
            # fits on one line: skip the costly wrapped measurement (a line break inside, an inline code another
            # tool wrote as <br/>, makes two: the text after it was drawn outside the row; an X11 re-test)
            text_h = line
        else:
            text_h = fm.boundingRect(QRectF(0, 0, width, 1e9), TEXT_FLAGS, text).height()
        # A paragraph start is a darker rule and a ¶ in the margin, not a line of its own.
        return max(text_h, line) + 2 * self.vpad

    def estimate(self, segment: Segment, width: float) -> float:
        """Return a quick guess of a segment's height (no text layout): exact for a known one-liner."""
        text = segment.text or " "
        line = self._fm.height()
        advance = self._advances.get(text)
        if advance is None:
            # Han characters are about an em wide, the rest about the average character width.
            wide = len(_WIDE.findall(text))
            advance = wide * self._em + (len(text) - wide) * self._average
        lines = max(1, int(advance / max(1.0, width - 2)) + (1 if advance % max(1.0, width - 2) else 0))
        return (lines + text.count("\n")) * line + 2 * self.vpad

    def _faces_links_on_left(self) -> bool:
        return self._view.left_side is not self.side

    def segment_rect(self, pos: int) -> QRectF:
        """Return a segment's block in widget coordinates."""
        geo = self._view.layout_model.sides[self.side]
        return QRectF(0, geo.tops[pos] - self._view.offset(self.side), self.width(), geo.heights[pos])

    def text_rect(self, pos: int) -> QRectF:
        rect = self.segment_rect(pos)
        top = rect.top() + self.vpad
        return QRectF(self.text_left(), top, self.text_width(), rect.bottom() - self.vpad - top)

    def position_at(self, y: float) -> int | None:
        layout = self._view.layout_model
        if layout is None:
            return None
        return layout.sides[self.side].position_at(y + self._view.offset(self.side))

    # -- events -------------------------------------------------------------------------------

    def wheelEvent(self, event) -> None:
        self._view.scroll_by_wheel(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._view.handle_pane_key(self.side, event):
            super().keyPressEvent(event)

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        if event.reason() in (Qt.FocusReason.ActiveWindowFocusReason, Qt.FocusReason.PopupFocusReason):
            self.update()      # the window came back: keep the side the user (or a jump) chose
        else:
            if event.reason() in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason):
                self._view.carry_link_to(self.side)      # Tab keeps the translator on the same link
            self._view.set_focus_side(self.side)

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.update()

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab and Shift+Tab go between the two panes: from the English pane Tab went on to the strip's buttons,
        where Return did nothing and the keys no longer reached the link (an X11 re-test). The buttons' work has
        its own keys (Return, Ctrl+U, Ctrl+M, F2)."""
        other = self._view.panes[self.side.other]
        if other.isVisible() and other.isEnabled():
            other.setFocus(Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason)
            return True
        return super().focusNextPrevChild(next)

    def contextMenuEvent(self, event) -> None:
        """Right-click: the sentence under the mouse becomes the current one, as a left click makes it (a selection
        it lies in is kept, as in a file manager), and the menu's edits act on it."""
        pos = self.position_at(event.pos().y())
        if pos is not None:
            self._view.point_at(self.side, pos)
        else:
            # a "⋯" row or empty space, as a left click: nothing selected, so the menu edits no link out of sight
            self._view.clear_selection()
        actions = self._view.context_actions
        if not actions:
            return
        menu = QMenu(self)
        for action in actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        self.show_menu(menu, event.globalPos())

    def show_menu(self, menu: QMenu, global_pos) -> None:
        """Run the context menu (tests replace this)."""
        menu.exec(global_pos)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._view.pane_resized()

    # -- painting -----------------------------------------------------------------------------

    def paintEvent(self, event) -> None:
        view = self._view
        painter = QPainter(self)
        base = self.palette().base().color()
        painter.fillRect(self.rect(), base)
        layout = view.layout_model
        if layout is None or not view.doc.segments(self.side):
            painter.setPen(self.palette().placeholderText().color())
            # wrapped inside a margin: in a narrow pane (a 1,024-px window) one line was cut at both ends
            painter.drawText(self.rect().adjusted(16, 0, -16, 0),
                             int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap), view.empty_text(self.side))
            return
        geo = layout.sides[self.side]
        offset = view.offset(self.side)
        height = self.height()
        segments = view.doc.segments(self.side)
        selected = view.selected_positions(self.side)
        current = view.current_bead_range()
        matches = view.find_matches(self.side)
        drop = view.drop_target(self.side)
        orphans = view.drop_orphans(self.side)
        focused = view.focus_side is self.side
        links_left = self._faces_links_on_left()
        mark_x = 0.0 if links_left else self.width() - MARK_WIDTH
        num_left = MARK_WIDTH if links_left else 0.0
        text_pen = self.palette().text().color()
        grey = QColor("#8a9099")
        pos = geo.first_at(offset)
        bead_of = view.doc.bead_index_of
        compact = view.compact
        numbered = not compact or not links_left          # the grid numbers its rows once, in the left column
        if compact and view.layout_model.row_mode:
            self._paint_rows(painter, offset, base)
        while pos < len(segments):
            top = geo.tops[pos] - offset
            if top > height:
                break
            h = geo.heights[pos]
            if h <= 0:
                pos += 1
                continue
            seg = segments[pos]
            k = bead_of(seg.id)
            bead = view.doc.beads[k]
            state = view.bead_state(bead)
            rect = QRectF(0, top, self.width(), h)
            first_of_bead = view.doc.beads[k].ids(self.side)[0] == seg.id
            if pos in drop:
                back = DROP_TARGET
            elif pos in orphans:
                back = DROP_ORPHAN
            elif pos in matches:
                back = FIND_MATCH
            elif pos in selected:
                back = SELECTED if focused else CURRENT_BEAD.darker(104)
            elif current[0] <= k <= current[-1]:
                back = CURRENT_BEAD
            elif k == view.hovered_bead:
                back = HOVERED
            elif state is LinkState.UNLINKED and not settled(bead, state):
                back = UNLINKED_BACK
            else:
                back = None if compact else base       # the grid's row stripes show through
            if back is not None:
                painter.fillRect(rect, back)
            painter.fillRect(QRectF(mark_x, top, MARK_WIDTH, h), view.bead_colour(bead))
            y = top + self.vpad
            para = view.paragraph_start(self.side, pos)
            if para:
                # A paragraph starts: a darker rule across and a ¶ in the margin (no line of its own).
                painter.setPen(QPen(PARAGRAPH_RULE, 1.5))
                painter.drawLine(int(num_left), int(top), int(num_left + self.width() - MARK_WIDTH), int(top))
            elif not compact or first_of_bead:
                painter.setPen(QPen(RULE, 1))
                painter.drawLine(int(num_left + 4), int(top), int(num_left + self.width() - MARK_WIDTH - 4), int(top))
            painter.setFont(self._small_font)
            number_top = y + (self._fm.ascent() - self._small_fm.ascent())
            if para:
                painter.setPen(PARAGRAPH_RULE)
                painter.drawText(QRectF(num_left + 2, number_top, self.number_width(), self._small_fm.height()),
                                 int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), "¶")
            painter.setPen(COLOURS[LinkState.UNLINKED] if state is LinkState.UNLINKED and not settled(bead, state)
                           else grey)
            if numbered and (not compact or first_of_bead):
                painter.drawText(QRectF(num_left, number_top, self.number_width(), self._small_fm.height()),
                                 int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop),
                                 str(k + 1 if compact else pos + 1))
            painter.setFont(self.font())
            text_rect = QRectF(num_left + self.number_width() + MARGIN, y, self.text_width(), h)
            if seg.text:
                painter.setPen(text_pen)
                painter.drawText(text_rect, TEXT_FLAGS, seg.text)
            else:
                painter.setPen(grey)
                painter.drawText(text_rect, TEXT_FLAGS, self.tr("(empty sentence)"))
            if pos in orphans:
                painter.setPen(QPen(COLOURS[LinkState.UNLINKED], 1.5, Qt.PenStyle.DashLine))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(rect.adjusted(num_left + 1, 1, -MARK_WIDTH - 1 if not links_left else -1, -1))
            if pos in selected and focused and pos == view.cursor_position(self.side):
                painter.setPen(QPen(QColor("#1e6fd9"), 1.2))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(rect.adjusted(num_left + 0.5, 0.5, -MARK_WIDTH - 0.5 if not links_left else -0.5, -0.5))
            pos += 1
        self._paint_gaps(painter, offset)

    def _paint_rows(self, painter: QPainter, offset: float, base: QColor) -> None:
        """The compact grid: every other link's row striped, across both columns, so rows read as rows."""
        view = self._view
        layout = view.layout_model
        first, last = view.visible_bead_range()
        for k in range(first, last + 1):
            if k % 2:
                painter.fillRect(QRectF(0, layout.row_tops[k] - offset, self.width(), layout.row_heights[k]), ODD_ROW)

    def _paint_gaps(self, painter: QPainter, offset: float) -> None:
        view = self._view
        layout = view.layout_model
        if not view.filter_active():
            return
        geo = layout.sides[self.side]
        first, last = view.visible_bead_range()
        painter.setFont(self._small_font)
        for k in range(first, last + 1):
            if layout.gap_before[k]:
                top = geo.bead_tops[k] - GAP_HEIGHT - offset
                rect = QRectF(0, top, self.width(), GAP_HEIGHT)
                painter.fillRect(rect, QColor("#f1f2f4"))
                painter.setPen(QColor("#8a9099"))
                painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), "⋯")

    # -- editing in place ---------------------------------------------------------------------

    def start_editing(self, pos: int, cursor_offset: int | None = None) -> InlineEditor:
        """Open the in-place editor over a segment."""
        self.finish_editing(commit=True)
        seg = self._view.doc.segments(self.side)[pos]
        editor = InlineEditor(self, seg, self._view.doc.meta.inline_codes.get(str(seg.id), {}))
        editor.setFont(self.font())
        self.editor = editor
        self.place_editor()
        editor.committed.connect(self._view.on_inline_committed)
        editor.cancelled.connect(self._view.on_inline_cancelled)
        editor.markers_restored.connect(self._view.markers_restored)
        editor.textChanged.connect(self.place_editor)      # grows (and shrinks) with the text
        editor.textChanged.connect(lambda: self._view.draft_changed.emit(
            [self.side.value, editor.segment_id, editor.toPlainText()]))
        editor.show()
        editor.setFocus(Qt.FocusReason.OtherFocusReason)
        cursor = editor.textCursor()
        cursor.setPosition(len(seg.text) if cursor_offset is None else max(0, min(cursor_offset, len(seg.text))))
        editor.setTextCursor(cursor)
        self.place_editor()          # now laid out at its width: as tall as the whole text
        editor.verticalScrollBar().setValue(0)
        return editor

    def place_editor(self) -> None:
        if self.editor is None:
            return
        try:
            side, pos = self._view.doc.locate(self.editor.segment_id)
        except Exception:
            return
        # Over the sentence's own block (not into the next row): the view makes the block as tall as the
        # editor needs while it is open.
        block = self.segment_rect(pos)
        text = self.text_rect(pos)
        rect = QRectF(text.left() - 4, block.top(), text.width() + 8, block.height())
        editor = self.editor
        if editor.width() != int(rect.width()):
            editor.setGeometry(rect.toAlignedRect())     # lay the text out at the final width first
        needed = editor.content_height()
        if needed > block.height() + 0.5 and self._view.make_room_for_editor(self.side, pos, needed):
            return                                       # laid out again; the view places the editor anew
        # As tall as the text needs (never less than the sentence's block), up to the pane's height;
        # kept inside the pane, so its first line is never hidden above or below.
        height = min(max(rect.height(), needed), self.height() - 2.0)
        top = min(rect.top(), self.height() - height - 1.0)
        rect.setTop(max(1.0, top))
        rect.setHeight(height)
        editor.setGeometry(rect.toAlignedRect())

    def finish_editing(self, commit: bool = True) -> None:
        editor = self.editor
        if editor is None:
            return
        if commit:
            editor.commit()
        else:
            editor.cancel()

    def drop_editor(self) -> None:
        """Remove the editor widget (after it committed or cancelled)."""
        if self.editor is not None:
            editor, self.editor = self.editor, None
            self._view.draft_changed.emit(None)
            self._view.editor_closed(self.side, editor.segment_id)
            editor._done = True          # no second commit from the focus change that hiding causes
            editor.blockSignals(True)
            editor.hide()
            editor.deleteLater()
