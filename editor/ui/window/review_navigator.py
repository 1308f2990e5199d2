"""Review navigation: F8 / Shift+F8 to the next doubtful link, the other "next …" jumps, the problem filter and
the review list's choice of a link."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox

from editor.bitext.document import Bead
from editor.bitext.review import vouched
from editor.ui.view.alignment_view import AlignmentView, BeadFilter


class ReviewNavigator(QObject):
    """Moves the view's selection from link to link of one kind, and keeps the filter box (a QComboBox whose
    items carry BeadFilter data) and the "problems only" action in step with the view's filter.

    Signals go up: `message` (status bar text and milliseconds), `focus_requested` (the window gives the
    keyboard to the panes) and `ran_out` (no further doubtful link in this document, with the direction:
    a collection goes on to the next document).
    """

    message = Signal(str, int)
    focus_requested = Signal()
    ran_out = Signal(bool)               # forward?

    def __init__(self, view: AlignmentView, filter_box: QComboBox, problems_only: QAction, parent: QObject) -> None:
        super().__init__(parent)
        #: True while a collection is open: running out of doubtful links is not the end (see `ran_out`).
        self.across_documents = False
        self.view, self.filter_box, self.problems_only = view, filter_box, problems_only
        filter_box.currentIndexChanged.connect(self._on_filter_box_changed)
        problems_only.toggled.connect(self._on_problems_only_toggled)

    def jump(self, wanted: Callable[[Bead], bool], start: int | None = None, forward: bool = True,
             quiet: bool = False) -> bool:
        """Select the next (or previous) link after `start` (default: the current one) for which wanted()
        holds. False, with a status message unless `quiet`, when there is none."""
        beads = self.view.doc.beads
        if start is None:
            start = self.view.current_bead()
            start = -1 if start is None else start
        order = range(start + 1, len(beads)) if forward else range(start - 1, -1, -1)
        for k in order:
            if wanted(beads[k]):
                self.view.select_bead(k)
                return True
        if not quiet:
            self.message.emit(self.tr("No more links of that kind."), 4000)
        return False

    def next_doubtful(self) -> bool:
        return self._doubtful(forward=True)

    def previous_doubtful(self) -> bool:
        return self._doubtful(forward=False)

    def _doubtful(self, forward: bool) -> bool:
        if self.jump(self.view.is_doubtful, forward=forward, quiet=self.across_documents):
            return True
        self.ran_out.emit(forward)
        return False

    def next_non_one(self) -> bool:
        return self.jump(lambda b: b.kind != (1, 1))

    def next_unconfirmed(self, start: int | None = None) -> bool:
        return self.jump(lambda b: not vouched(b), start=start)

    def go_to(self, k: int) -> None:
        """Show link `k` (chosen in the review list), showing all links if the filter hides it."""
        if 0 <= k < len(self.view.doc.beads):
            if self.view.bead_hidden(k):
                self.set_filter(BeadFilter.ALL)
            self.view.select_bead(k)
            self.focus_requested.emit()

    def set_filter(self, mode: BeadFilter) -> None:
        self.filter_box.setCurrentIndex(self.filter_box.findData(mode))

    def _on_problems_only_toggled(self, on: bool) -> None:
        self.set_filter(BeadFilter.PROBLEMS if on else BeadFilter.ALL)

    def _on_filter_box_changed(self, _index: int) -> None:
        mode = self.filter_box.currentData()
        self.view.set_filter(mode)
        self.problems_only.blockSignals(True)
        self.problems_only.setChecked(mode is BeadFilter.PROBLEMS)
        self.problems_only.blockSignals(False)
