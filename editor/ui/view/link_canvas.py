"""The gutter between the panes: paints each visible bead as a line or band, coloured by its state (paint only)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QWidget

from editor.ui.view.link_style import PEN_STYLES, LinkState
from editor.ui.view.view_host import ViewHost

INSET = 2.0
#: Links this many beads or fewer from the selection are drawn in full; farther ones fade, down to FADE_FLOOR.
FADE_NEAR = 3
FADE_STEP = 0.12
FADE_FLOOR = 0.4


class LinkCanvas(QWidget):
    """Draws links between the left and the right pane; reads everything from the view, changes nothing.

    The link under the pointer is drawn strongest (and the panes tint both its ends); links far from
    the selection fade, so the ones that matter stand out; a link of several sentences is one outlined band.
    """

    hovered = Signal(int)         # the bead under the pointer, -1 for none

    def __init__(self, view: ViewHost) -> None:
        super().__init__(view)
        self._view = view
        self.setFixedWidth(72)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMouseTracking(True)

    def _ends(self, k: int) -> tuple[float, float, float, float]:
        """Return a bead's (top, bottom) on the left and on the right edge, in canvas coordinates."""
        view = self._view
        layout = view.layout_model
        left, right = view.left_side, view.left_side.other
        lt, lh = layout.sides[left].bead_tops[k] - view.offset(left), layout.sides[left].bead_heights[k]
        rt, rh = layout.sides[right].bead_tops[k] - view.offset(right), layout.sides[right].bead_heights[k]
        return lt + INSET, lt + max(INSET * 2, lh) - INSET, rt + INSET, rt + max(INSET * 2, rh) - INSET

    def bead_at(self, x: float, y: float) -> int | None:
        """Return the linked bead whose band covers (x, y), or None."""
        view = self._view
        if view.layout_model is None:
            return None
        t = min(1.0, max(0.0, x / max(1.0, self.width())))
        # The bands are cubics with both control points at mid-width: the same blend for top and bottom.
        w_l = (1 - t) ** 3 + 3 * (1 - t) ** 2 * t
        best, best_dist = None, None
        first, last = view.visible_bead_range()
        for k in range(first, last + 1):
            bead = view.doc.beads[k]
            if not (bead.src and bead.tgt) or view.bead_hidden(k):
                continue
            l0, l1, r0, r1 = self._ends(k)
            top, bottom = w_l * l0 + (1 - w_l) * r0, w_l * l1 + (1 - w_l) * r1
            middle = (top + bottom) / 2
            if top - 2 <= y <= bottom + 2:
                dist = abs(y - middle)
                if best_dist is None or dist < best_dist:
                    best, best_dist = k, dist
        return best

    def opacity(self, k: int) -> float:
        """Return how strongly bead k's link is drawn: 1 near the selection or under the pointer, fading farther."""
        view = self._view
        if k == view.hovered_bead:
            return 1.0
        first, last = view.current_bead_range()[:2] if len(view.current_bead_range()) >= 2 else (-1, -2)
        if first < 0:
            return 1.0
        distance = 0 if first <= k <= last else min(abs(k - first), abs(k - last))
        return 1.0 if distance <= FADE_NEAR else max(FADE_FLOOR, 1.0 - FADE_STEP * (distance - FADE_NEAR))

    def mouseMoveEvent(self, event) -> None:
        k = self.bead_at(event.position().x(), event.position().y())
        self.hovered.emit(-1 if k is None else k)

    def leaveEvent(self, event) -> None:
        super().leaveEvent(event)
        self.hovered.emit(-1)

    def sizeHint(self) -> QSize:
        return QSize(64, 200)

    def wheelEvent(self, event) -> None:
        self._view.scroll_by_wheel(event)

    def paintEvent(self, event) -> None:
        view = self._view
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().window())
        layout = view.layout_model
        if layout is None:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        left, right = view.left_side, view.left_side.other
        geo_l, geo_r = layout.sides[left], layout.sides[right]
        off_l, off_r = view.offset(left), view.offset(right)
        width = float(self.width())
        doc = view.doc
        first, last = view.visible_bead_range()
        cur = view.current_bead_range()
        hovered = view.hovered_bead
        for k in range(first, last + 1):
            bead = doc.beads[k]
            if view.bead_hidden(k):
                continue
            state = view.bead_state(bead)
            colour = view.bead_colour(bead)
            painter.setOpacity(self.opacity(k))
            lt, lh = geo_l.bead_tops[k] - off_l, geo_l.bead_heights[k]
            rt, rh = geo_r.bead_tops[k] - off_r, geo_r.bead_heights[k]
            if state is LinkState.UNLINKED:
                # A short stub from the side that has the segment says "nothing over here".
                pen = QPen(colour, 1.4, Qt.PenStyle.DotLine)
                painter.setPen(pen)
                if lh > 0:
                    y = lt + lh / 2
                    painter.drawLine(QPointF(0, y), QPointF(width * 0.3, y))
                    painter.drawEllipse(QPointF(width * 0.3, y), 2.5, 2.5)
                else:
                    y = rt + rh / 2
                    painter.drawLine(QPointF(width * 0.7, y), QPointF(width, y))
                    painter.drawEllipse(QPointF(width * 0.7, y), 2.5, 2.5)
                continue
            l0, l1 = lt + INSET, lt + max(INSET * 2, lh) - INSET
            r0, r1 = rt + INSET, rt + max(INSET * 2, rh) - INSET
            band = QPainterPath(QPointF(0, l0))
            band.cubicTo(QPointF(width / 2, l0), QPointF(width / 2, r0), QPointF(width, r0))
            band.lineTo(QPointF(width, r1))
            band.cubicTo(QPointF(width / 2, r1), QPointF(width / 2, l1), QPointF(0, l1))
            band.closeSubpath()
            fill = QColor(colour)
            is_current = cur[0] <= k <= cur[-1]
            is_hovered = k == hovered
            fill.setAlpha(90 if is_current else 70 if is_hovered else 28)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)   # the translucent fill needs no
            painter.fillPath(band, fill)                                       # smoothing (6x cheaper)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            lm, rm = (l0 + l1) / 2, (r0 + r1) / 2
            line = QPainterPath(QPointF(0, lm))
            line.cubicTo(QPointF(width / 2, lm), QPointF(width / 2, rm), QPointF(width, rm))
            if len(bead.src) > 1 or len(bead.tgt) > 1:
                # One link of several sentences: outline the band, so it reads as one shape, not as lines.
                edge = QColor(colour)
                edge.setAlpha(120)
                painter.strokePath(band, QPen(edge, 1.0))
            pen_width, style = PEN_STYLES[state]
            pen = QPen(colour, pen_width + (1.0 if is_current or is_hovered else 0.0), style)
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            painter.strokePath(line, pen)
        painter.setOpacity(1.0)
        self._paint_drag(painter)

    def _paint_drag(self, painter: QPainter) -> None:
        start, end = self._view.drag_line(self)
        if start is None:
            return
        pen = QPen(QColor("#7b1fa2"), 2.0, Qt.PenStyle.SolidLine)
        painter.setPen(pen)
        path = QPainterPath(start)
        mid = (start.x() + end.x()) / 2
        path.cubicTo(QPointF(mid, start.y()), QPointF(mid, end.y()), end)
        painter.strokePath(path, pen)
        painter.setBrush(QColor("#7b1fa2"))
        painter.drawEllipse(end, 3.5, 3.5)
