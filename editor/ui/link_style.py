"""How a bead's state looks: the four link states, their colours and line styles (canvas, panes and legend agree)."""

from __future__ import annotations

import enum

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor

from editor.bitext.document import Bead

#: Below this confidence an automatic link counts as doubtful (amber, dashed, "problem").
LOW_CONFIDENCE = 0.5


class LinkState(enum.Enum):
    CONFIRMED = "confirmed"      # a person confirmed or made it
    AUTO_HIGH = "auto_high"      # engine, confident
    AUTO_LOW = "auto_low"        # engine, doubtful
    UNLINKED = "unlinked"        # a 1-0 or 0-1 bead


def link_state(bead: Bead) -> LinkState:
    """Return how a bead is drawn."""
    if not (bead.src and bead.tgt):
        return LinkState.UNLINKED
    if bead.is_fixed:
        return LinkState.CONFIRMED
    return LinkState.AUTO_HIGH if bead.confidence >= LOW_CONFIDENCE else LinkState.AUTO_LOW


COLOURS = {
    LinkState.CONFIRMED: QColor("#2e7d32"),
    LinkState.AUTO_HIGH: QColor("#1e6fd9"),
    LinkState.AUTO_LOW: QColor("#e08a00"),
    LinkState.UNLINKED: QColor("#d32f2f"),
}

PEN_STYLES = {
    LinkState.CONFIRMED: (2.2, Qt.PenStyle.SolidLine),
    LinkState.AUTO_HIGH: (1.4, Qt.PenStyle.SolidLine),
    LinkState.AUTO_LOW: (1.6, Qt.PenStyle.DashLine),
    LinkState.UNLINKED: (1.4, Qt.PenStyle.DotLine),
}


def state_label(state: LinkState) -> str:
    """Return the legend's words for a state."""
    return {
        LinkState.CONFIRMED: QCoreApplication.translate("Legend", "confirmed"),
        LinkState.AUTO_HIGH: QCoreApplication.translate("Legend", "automatic"),
        LinkState.AUTO_LOW: QCoreApplication.translate("Legend", "doubtful"),
        LinkState.UNLINKED: QCoreApplication.translate("Legend", "unlinked"),
    }[state]
