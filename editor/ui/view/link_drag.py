"""Drag to link: press on a segment (or a selected range) in one pane, release over the other pane → a link request."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget

from editor.bitext import edits
from editor.bitext.document import AlignmentDocument, Side
from editor.errors import InvalidEditError
from editor.ui.view.view_host import ViewHost

#: Within this many pixels of a pane's top or bottom edge (or beyond it) a drag scrolls the panes.
AUTOSCROLL_EDGE = 32
#: Autoscroll tick (ms) and the fastest step per tick (pixels), reached at the edge and beyond.
AUTOSCROLL_INTERVAL = 30
AUTOSCROLL_MAX_STEP = 40.0


@dataclass
class DropPreview:
    """What a drop would do besides making its link: the links it replaces (as (src positions, tgt
    positions)) and the sentences it leaves unlinked (positions per side)."""

    replaced: list[tuple[tuple[int, ...], tuple[int, ...]]] = field(default_factory=list)
    orphans: dict[Side, list[int]] = field(default_factory=lambda: {Side.SRC: [], Side.TGT: []})

    def __bool__(self) -> bool:
        return bool(self.replaced or self.orphans[Side.SRC] or self.orphans[Side.TGT])


def drop_preview(doc: AlignmentDocument, src_positions: range, tgt_positions: range) -> DropPreview:
    """Work out, without changing `doc`, what linking these sentences replaces and leaves unlinked."""
    preview = DropPreview()
    try:
        change = edits.link(doc, tuple(doc.src[p].id for p in src_positions),
                            tuple(doc.tgt[p].id for p in tgt_positions))
    except (InvalidEditError, IndexError):
        return preview
    new = set(change.beads.new)
    for bead in change.beads.old:
        if bead.src and bead.tgt and not any(b.src == bead.src and b.tgt == bead.tgt for b in new):
            preview.replaced.append(doc.positions(bead))
    linked_before = {i for b in change.beads.old if b.src and b.tgt for i in (*b.src, *b.tgt)}
    for bead in change.beads.new:
        if not (bead.src and bead.tgt):
            for side, ids in ((Side.SRC, bead.src), (Side.TGT, bead.tgt)):
                preview.orphans[side].extend(doc.locate(i)[1] for i in ids if i in linked_before)
    return preview


class LinkDrag(QObject):
    """Watches both panes' mouse events and turns a drag into `link_requested(src positions, tgt positions)`.

    A press selects the segment under the pointer without scrolling (a range the user selected on that
    side stays selected, so the drag carries it). Moving past the drag distance starts a link drag from
    the pressed segment, or from the selected range it lies in. The drop target is the segment under the
    pointer in the other pane; only a range the user selected there on purpose (Shift) is taken whole. It
    is highlighted while hovered. Near the panes' top or bottom edge the panes scroll. Releasing over a
    target links; releasing anywhere else cancels.
    """

    link_requested = Signal(object, object)          # src positions (range), tgt positions (range)
    edit_requested = Signal(object, int, float, float)   # side, position, click x, click y
    updated = Signal()                               # the drag line or the drop target moved
    hovered = Signal(int)                            # the bead of the sentence under the pointer, -1 for none

    def __init__(self, host: ViewHost, panes: dict[Side, QWidget], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._host = host
        self._panes = panes
        self.active = False
        self._press: tuple[Side, int, QPoint] | None = None
        # (side, position, how far it moved) when a click moved the panes: that click's double-click edits it
        self._clicked: tuple[Side, int, float] | None = None
        self.source: tuple[Side, range] | None = None
        self.target: tuple[Side, range] | None = None
        self.preview = DropPreview()           # what dropping on the target would replace and leave unlinked
        self._cursor_global: QPoint | None = None
        self._autoscroll = QTimer(self)
        self._autoscroll.setInterval(AUTOSCROLL_INTERVAL)
        self._autoscroll.timeout.connect(self._on_autoscroll_timeout)
        for pane in panes.values():
            pane.installEventFilter(self)
            pane.setMouseTracking(True)          # hovering a sentence highlights its link

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
        pane = self._panes[side]
        first, last = pane.segment_rect(positions[0]), pane.segment_rect(positions[-1])
        edge_x = pane.width() if side is self._host.left_side else 0
        start = canvas.mapFromGlobal(pane.mapToGlobal(QPoint(int(edge_x), int((first.top() + last.bottom()) / 2))))
        end = canvas.mapFromGlobal(self._cursor_global)
        return QPointF(start), QPointF(end)

    def cursor_position(self) -> QPoint | None:
        """The pointer's global position during a drag."""
        return self._cursor_global if self.active else None

    def autoscrolling(self) -> bool:
        return self._autoscroll.isActive()

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
        if kind == QEvent.Type.Leave:
            self.hovered.emit(-1)
        return False

    def _pane_under(self, global_pos: QPoint) -> tuple[Side, int | None] | None:
        for side, pane in self._panes.items():
            local = pane.mapFromGlobal(global_pos)
            if pane.rect().contains(local):
                return side, pane.position_at(local.y())
        return None

    def _on_press(self, pane, event: QMouseEvent) -> bool:
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        side = pane.side
        self._clicked = None
        pos = pane.position_at(event.position().y())
        pane.setFocus(Qt.FocusReason.MouseFocusReason)
        if pos is None:
            # A "⋯" row (links the filter hides) or empty space: nothing under the pointer, so nothing
            # stays selected (a key pressed next must not edit a link chosen earlier, out of sight).
            self._host.clear_selection()
            return True
        extend = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        host = self._host
        keep_range = not extend and host.range_selected(side) and pos in host.selected_positions(side)
        if not keep_range:
            # No scrolling on press: the sentence under the pointer must stay under it for the drag.
            host.select_segment(side, pos, extend=extend, scroll=False)
        self._press = (side, pos, event.globalPosition().toPoint())
        return True

    def _on_move(self, event: QMouseEvent) -> bool:
        if self._press is None or not event.buttons() & Qt.MouseButton.LeftButton:
            self._hover(event.globalPosition().toPoint())
            return False
        side, pos, origin = self._press
        gpos = event.globalPosition().toPoint()
        if not self.active:
            if (gpos - origin).manhattanLength() < QApplication.startDragDistance():
                return True
            host = self._host
            selected = host.selected_positions(side)
            carried = host.range_selected(side) and pos in selected
            self.source = (side, selected if carried else range(pos, pos + 1))
            self.active = True
        self._cursor_global = gpos
        self._update_target()
        self._update_autoscroll()
        self.updated.emit()
        return True

    def _hover(self, global_pos: QPoint) -> None:
        under = self._pane_under(global_pos)
        if under is None or under[1] is None:
            self.hovered.emit(-1)
            return
        side, pos = under
        doc = self._host.doc
        self.hovered.emit(doc.bead_index_of(doc.segments(side)[pos].id))

    def orphan_positions(self, side: Side) -> list[int]:
        """The sentences on `side` that the drop would leave unlinked (while dragging over a target)."""
        return self.preview.orphans[side] if self.active and self.target is not None else []

    def _update_target(self) -> None:
        old_target = self.target
        self.target = None
        try:
            self._find_target()
        finally:
            if self.target != old_target:
                self.preview = DropPreview()
                if self.target is not None and self.source is not None:
                    ranges = {self.source[0]: self.source[1], self.target[0]: self.target[1]}
                    self.preview = drop_preview(self._host.doc, ranges[Side.SRC], ranges[Side.TGT])

    def _find_target(self) -> None:
        if self.source is None or self._cursor_global is None:
            return
        under = self._pane_under(self._cursor_global)
        if under is not None and under[0] is not self.source[0] and under[1] is not None:
            other, tpos = under
            selected = self._host.selected_positions(other)
            # A range the user selected on purpose is linked whole (n-m); anything else, one segment.
            whole = self._host.range_selected(other) and tpos in selected
            self.target = (other, selected if whole else range(tpos, tpos + 1))

    def _edge_step(self) -> float:
        """Return how far to scroll per tick for the pointer's place (negative: up; 0: not near an edge)."""
        if self._cursor_global is None:
            return 0.0
        pane = self._panes[Side.SRC]
        top = pane.mapToGlobal(QPoint(0, 0)).y()
        bottom = top + pane.height()
        y = self._cursor_global.y()
        if y < top + AUTOSCROLL_EDGE:
            depth = min(1.0, (top + AUTOSCROLL_EDGE - y) / AUTOSCROLL_EDGE)
            return -max(2.0, AUTOSCROLL_MAX_STEP * depth)
        if y > bottom - AUTOSCROLL_EDGE:
            depth = min(1.0, (y - bottom + AUTOSCROLL_EDGE) / AUTOSCROLL_EDGE)
            return max(2.0, AUTOSCROLL_MAX_STEP * depth)
        return 0.0

    def _update_autoscroll(self) -> None:
        if self.active and self._edge_step() != 0.0:
            if not self._autoscroll.isActive():
                self._autoscroll.start()
        else:
            self._autoscroll.stop()

    def _on_autoscroll_timeout(self) -> None:
        if not self.active:
            self._autoscroll.stop()
            return
        step = self._edge_step()
        if step == 0.0:
            self._autoscroll.stop()
            return
        bar = self._host.scrollbar
        bar.setValue(int(bar.value() + step))
        self._update_target()
        self.updated.emit()

    def _on_release(self, event: QMouseEvent) -> bool:
        if event.button() != Qt.MouseButton.LeftButton or self._press is None:
            return False
        if self.active:
            self._cursor_global = event.globalPosition().toPoint()
            self._update_target()
        was_active, source, target = self.active, self.source, self.target
        press_side, press_pos, _ = self._press
        self.cancel()
        if was_active and source is not None and target is not None:
            ranges = {source[0]: source[1], target[0]: target[1]}
            self.link_requested.emit(ranges[Side.SRC], ranges[Side.TGT])
        elif not was_active and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self._host.select_segment(press_side, press_pos, extend=False, scroll=False)
            # a click, not a drag: the panes may move now to show the counterpart
            pane = self._panes[press_side]
            before = pane.segment_rect(press_pos).top()
            self._host.show_counterpart(press_side, press_pos)
            shift = pane.segment_rect(press_pos).top() - before
            self._clicked = (press_side, press_pos, shift) if shift else None
        # the link under the pointer where it was let go, not the one hovered before the press
        self._hover(event.globalPosition().toPoint())
        return True

    def _on_double_click(self, pane, event: QMouseEvent) -> bool:
        y = event.position().y()
        pos = pane.position_at(y)
        clicked, self._clicked = self._clicked, None
        if clicked is not None and clicked[0] is pane.side:
            # the first click moved the panes (show_counterpart): the sentence clicked, where it went
            pos, y = clicked[1], y + clicked[2]
        if pos is None:
            return False
        self._host.select_segment(pane.side, pos, extend=False, scroll=False)
        self.edit_requested.emit(pane.side, pos, event.position().x(), y)
        return True

    def cancel(self) -> None:
        """Forget the drag (Escape, or a release that was not over the other pane)."""
        was_active = self.active
        self.active, self._press, self.source, self.target, self._cursor_global = False, None, None, None, None
        self.preview = DropPreview()
        self._autoscroll.stop()
        if was_active:
            self.updated.emit()
