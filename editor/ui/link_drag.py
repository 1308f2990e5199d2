"""Drag to link: press on a segment (or a selected range) in one pane, release over the other pane → a link request."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget

from editor.bitext.document import Side

if TYPE_CHECKING:
    from editor.ui.alignment_view import AlignmentView


class LinkDrag(QObject):
    """Watches both panes' mouse events.

    A press selects; moving past the drag distance starts a link drag from the pressed segment (or the
    selected range it lies in); the segment (or selected range) under the cursor in the other pane is the
    drop target and is highlighted; releasing there asks the view to link, releasing anywhere else cancels.
    """

    def __init__(self, view: "AlignmentView") -> None:
        super().__init__(view)
        self._view = view
        self.active = False
        self._press: tuple[Side, int, QPoint] | None = None
        self.source: tuple[Side, range] | None = None
        self.target: tuple[Side, range] | None = None
        self._cursor_global: QPoint | None = None

    def watch(self, pane: QWidget) -> None:
        pane.installEventFilter(self)

    # -- what the panes and the canvas ask ----------------------------------------------------

    def target_positions(self, side: Side) -> range:
        if self.active and self.target is not None and self.target[0] is side:
            return self.target[1]
        return range(0)

    def canvas_line(self, canvas: QWidget) -> tuple[QPointF | None, QPointF | None]:
        """Return the rubber band from the dragged segments to the cursor, in canvas coordinates."""
        if not self.active or self.source is None or self._cursor_global is None:
            return None, None
        side, positions = self.source
        pane = self._view.panes[side]
        first, last = pane.segment_rect(positions[0]), pane.segment_rect(positions[-1])
        edge_x = pane.width() if side is self._view.left_side else 0
        start = canvas.mapFromGlobal(pane.mapToGlobal(QPoint(int(edge_x), int((first.top() + last.bottom()) / 2))))
        end = canvas.mapFromGlobal(self._cursor_global)
        return QPointF(start), QPointF(end)

    # -- events -------------------------------------------------------------------------------

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress:
            return self._on_press(obj, event)
        if kind == QEvent.Type.MouseMove:
            return self._on_move(event)
        if kind == QEvent.Type.MouseButtonRelease:
            return self._on_release(event)
        if kind == QEvent.Type.MouseButtonDblClick:
            return self._on_double_click(obj, event)
        return False

    def _pane_under(self, global_pos: QPoint) -> tuple[Side, int | None] | None:
        for side, pane in self._view.panes.items():
            local = pane.mapFromGlobal(global_pos)
            if pane.rect().contains(local):
                return side, pane.position_at(local.y())
        return None

    def _on_press(self, pane, event: QMouseEvent) -> bool:
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        side = pane.side
        pos = pane.position_at(event.position().y())
        pane.setFocus(Qt.FocusReason.MouseFocusReason)
        if pos is None:
            return True
        extend = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        selected = self._view.selected_positions(side)
        if extend or pos not in selected or len(selected) <= 1:
            self._view.select_segment(side, pos, extend=extend)
        self._press = (side, pos, event.globalPosition().toPoint())
        return True

    def _on_move(self, event: QMouseEvent) -> bool:
        if self._press is None or not event.buttons() & Qt.MouseButton.LeftButton:
            return False
        side, pos, origin = self._press
        gpos = event.globalPosition().toPoint()
        if not self.active:
            if (gpos - origin).manhattanLength() < QApplication.startDragDistance():
                return True
            selected = self._view.selected_positions(side)
            self.source = (side, selected if pos in selected else range(pos, pos + 1))
            self.active = True
        self._cursor_global = gpos
        under = self._pane_under(gpos)
        self.target = None
        if under is not None and under[0] is not side and under[1] is not None:
            other, tpos = under
            selected = self._view.selected_positions(other)
            # Dropping on a selected range links with the whole range (n-m), else with one segment.
            self.target = (other, selected if tpos in selected and len(selected) > 1 else range(tpos, tpos + 1))
        self._view.drag_updated()
        return True

    def _on_release(self, event: QMouseEvent) -> bool:
        if event.button() != Qt.MouseButton.LeftButton or self._press is None:
            return False
        was_active, source, target = self.active, self.source, self.target
        press_side, press_pos, _ = self._press
        self.cancel()
        if was_active and source is not None and target is not None:
            ranges = {source[0]: source[1], target[0]: target[1]}
            self._view.request_link(ranges[Side.SRC], ranges[Side.TGT])
        elif not was_active and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self._view.select_segment(press_side, press_pos, extend=False)
        return True

    def _on_double_click(self, pane, event: QMouseEvent) -> bool:
        pos = pane.position_at(event.position().y())
        if pos is None:
            return False
        self._view.select_segment(pane.side, pos, extend=False)
        self._view.edit_segment(pane.side, pos, click_x=event.position().x(), click_y=event.position().y())
        return True

    def cancel(self) -> None:
        """Forget the drag (Escape, or a release that was not over the other pane)."""
        was_active = self.active
        self.active, self._press, self.source, self.target, self._cursor_global = False, None, None, None, None
        if was_active:
            self._view.drag_updated()
