"""The gutter between the panes: paints each visible bead as a line or band, coloured by its state (paint only)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QWidget

from editor.ui.link_style import PEN_STYLES, LinkState
from editor.ui.view_host import ViewHost

INSET = 2.0


class LinkCanvas(QWidget):
    """Draws links between the left and the right pane; reads everything from the view, changes nothing."""

    def __init__(self, view: ViewHost) -> None:
        super().__init__(view)
        self._view = view
        self.setFixedWidth(72)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

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
        current = set(view.current_bead_range())
        for k in range(first, last + 1):
            bead = doc.beads[k]
            if view.bead_hidden(k):
                continue
            state = view.bead_state(bead)
            colour = view.bead_colour(bead)
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
            is_current = k in current
            fill.setAlpha(90 if is_current else 28)
            painter.fillPath(band, fill)
            lm, rm = (l0 + l1) / 2, (r0 + r1) / 2
            line = QPainterPath(QPointF(0, lm))
            line.cubicTo(QPointF(width / 2, lm), QPointF(width / 2, rm), QPointF(width, rm))
            pen_width, style = PEN_STYLES[state]
            pen = QPen(colour, pen_width + (1.0 if is_current else 0.0), style)
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            painter.strokePath(line, pen)
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
