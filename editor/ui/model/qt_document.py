"""The open document as a QObject: applies Changes to the Qt-free AlignmentDocument and announces them."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from editor.bitext.document import AlignmentDocument, Change


class QtDocument(QObject):
    """Wraps an AlignmentDocument; the one place where the GUI changes it.

    `changed(change)` carries the Change just applied, so views can update; `reset()` says the
    whole document was replaced. `revision` counts applied changes (a running alignment checks it).
    """

    changed = Signal(object)
    reset = Signal()
    #: an undo step of several changes was redone: the view lands on the first one's place (its first link), not
    #: on the last one's (an accepted alternative and the re-alignment after it; commands.ApplyChange)
    landed = Signal(int)

    def __init__(self, doc: AlignmentDocument | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._doc = doc if doc is not None else AlignmentDocument()
        self.revision = 0

    @property
    def doc(self) -> AlignmentDocument:
        return self._doc

    def set_document(self, doc: AlignmentDocument) -> None:
        """Replace the whole document (open, new import); not undoable, the caller clears the undo stack."""
        self._doc = doc
        self.revision += 1
        self.reset.emit()

    def apply(self, change: Change) -> Change:
        """Apply a change to the document and emit `changed`; return the change that undoes it."""
        undo = self._doc.apply(change)
        self.revision += 1
        self.changed.emit(change)
        return undo


def copy_document(doc: AlignmentDocument) -> AlignmentDocument:
    """Return an independent copy (segments and beads are frozen, so copying the lists is enough)."""
    from copy import deepcopy

    return AlignmentDocument(list(doc.src), list(doc.tgt), list(doc.beads), deepcopy(doc.meta))
