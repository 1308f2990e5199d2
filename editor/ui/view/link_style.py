"""How a bead's state looks: the four link states, their colours (automatic links shaded by confidence) and line
styles; the canvas, the panes, the review list and the legend agree. Whether a link is doubtful is decided by
editor.bitext.review, never here."""

from __future__ import annotations

import enum

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor

from editor.bitext.document import Bead, BeadStatus


class LinkState(enum.Enum):
    CONFIRMED = "confirmed"      # a person confirmed or made it
    AUTO_HIGH = "auto_high"      # engine, not doubtful
    AUTO_LOW = "auto_low"        # engine, doubtful (see editor.bitext.review)
    UNLINKED = "unlinked"        # a 1-0 or 0-1 bead


def settled(bead: Bead, state: LinkState) -> bool:
    """True for a sentence a person confirmed as having no counterpart: drawn and named in the confirmed colour,
    not the unlinked red (it stayed red, as if the confirm had not taken: an X11 re-test)."""
    return state is LinkState.UNLINKED and bead.status is BeadStatus.CONFIRMED


def link_state(bead: Bead, doubtful: bool) -> LinkState:
    """Return how a bead is drawn; `doubtful` is what the review policy says about it."""
    if not (bead.src and bead.tgt):
        return LinkState.UNLINKED
    if bead.is_fixed:
        return LinkState.CONFIRMED
    return LinkState.AUTO_LOW if doubtful else LinkState.AUTO_HIGH


COLOURS = {
    LinkState.CONFIRMED: QColor("#2e7d32"),
    LinkState.AUTO_HIGH: QColor("#1e6fd9"),
    LinkState.AUTO_LOW: QColor("#e08a00"),
    LinkState.UNLINKED: QColor("#d32f2f"),
}

#: The ends of the confidence shading: a sure automatic link is deep blue, one just above the threshold pale
#: blue; a doubtful link just below the threshold is light amber, one near 0 deep orange.
SHADES = {
    LinkState.AUTO_HIGH: (QColor("#9dbfea"), QColor("#1e6fd9")),
    LinkState.AUTO_LOW: (QColor("#c04a00"), QColor("#f0b030")),
}

PEN_STYLES = {
    LinkState.CONFIRMED: (2.2, Qt.PenStyle.SolidLine),
    LinkState.AUTO_HIGH: (1.4, Qt.PenStyle.SolidLine),
    LinkState.AUTO_LOW: (1.6, Qt.PenStyle.DashLine),
    LinkState.UNLINKED: (1.4, Qt.PenStyle.DotLine),
}


def _mix(a: QColor, b: QColor, t: float) -> QColor:
    t = min(1.0, max(0.0, t))
    return QColor(round(a.red() + (b.red() - a.red()) * t), round(a.green() + (b.green() - a.green()) * t),
                  round(a.blue() + (b.blue() - a.blue()) * t))


def link_colour(bead: Bead, state: LinkState, threshold: float) -> QColor:
    """Return the bead's colour: automatic links are shaded by confidence within their state (above the
    threshold from pale to deep blue, below it from light amber to deep orange); other states have one colour."""
    shade = SHADES.get(state)
    if shade is None:
        return QColor(COLOURS[state])
    if state is LinkState.AUTO_HIGH:
        t = (bead.confidence - threshold) / (1.0 - threshold) if threshold < 1.0 else 1.0
    else:
        t = bead.confidence / threshold if threshold > 0.0 else 1.0
    return _mix(shade[0], shade[1], t)


def state_label(state: LinkState) -> str:
    """Return the legend's words for a state."""
    return {
        LinkState.CONFIRMED: QCoreApplication.translate("Legend", "confirmed"),
        LinkState.AUTO_HIGH: QCoreApplication.translate("Legend", "automatic"),
        LinkState.AUTO_LOW: QCoreApplication.translate("Legend", "doubtful"),
        LinkState.UNLINKED: QCoreApplication.translate("Legend", "unlinked"),
    }[state]
