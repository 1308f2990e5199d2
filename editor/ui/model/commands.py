"""Undo commands: one QUndoCommand applies a Change from editor.bitext.edits and undoes it with its inverse."""

from __future__ import annotations

from typing import Callable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from editor.bitext.document import AlignmentDocument, Change
from editor.bitext.journal import Step
from editor.ui.model.qt_document import QtDocument

# Undo texts shown in the Edit menu and the history panel, keyed by Change.description.
_TEXTS = {
    "Link": QCoreApplication.translate("Edit", "Link"),
    "Unlink": QCoreApplication.translate("Edit", "Unlink"),
    "Merge links": QCoreApplication.translate("Edit", "Merge links"),
    "Move boundary": QCoreApplication.translate("Edit", "Move boundary"),
    "Confirm": QCoreApplication.translate("Edit", "Confirm"),
    "Confirm all above": QCoreApplication.translate("Edit", "Confirm all above"),
    "Edit text": QCoreApplication.translate("Edit", "Edit text"),
    "Split sentence": QCoreApplication.translate("Edit", "Split sentence"),
    "Merge sentences": QCoreApplication.translate("Edit", "Merge sentences"),
    "Insert sentence": QCoreApplication.translate("Edit", "Insert sentence"),
    "Delete sentence": QCoreApplication.translate("Edit", "Delete sentence"),
    "Align": QCoreApplication.translate("Edit", "Align automatically"),
    "Re-align the rest": QCoreApplication.translate("Edit", "Re-align the rest"),
    "Split link into 1:1": QCoreApplication.translate("Edit", "Split link into 1:1"),
    "Merge with previous link": QCoreApplication.translate("Edit", "Merge with previous link"),
    "Replace": QCoreApplication.translate("Edit", "Replace"),
    "Split off as unlinked": QCoreApplication.translate("Edit", "Split off as unlinked"),
    "Accept the alternative": QCoreApplication.translate("Edit", "Accept the alternative"),
}

#: Descriptions whose undo text is another source string (so the translation is looked up under that one).
_SOURCE_TEXTS = {"Align": "Align automatically"}


def undo_text(change: Change) -> str:
    """Return the translated verb phrase for a change (its description when none is known)."""
    if change.description not in _TEXTS:
        return change.description
    # Translate at call time (not from the dict) so a translator installed after import is used.
    return QCoreApplication.translate("Edit", _SOURCE_TEXTS.get(change.description, change.description))


def restored_text(step: Step) -> str:
    """The undo text of a step read back from an edit journal, in the interface's language now: a step keeps
    the words it was shown with, so work restored in the Chinese interface after an English session (or the
    other way round) listed "撤销 Confirm" and an English undo history. A step whose last change is of a kind
    named in _TEXTS is worded again; any other keeps its words."""
    last = step.changes[-1] if step.changes else None
    return undo_text(last) if last is not None and last.description in _TEXTS else step.text


class ApplyChange(QUndoCommand):
    """Apply one or more Changes in order on redo, and their inverses in reverse order on undo (one undo step).

    Several changes make a compound edit (edit a sentence's text, then split it); build those with
    `build_compound`, since each change must fit the document as the previous ones leave it. Plain Python
    lists, no child commands, so Qt and Python never disagree about who owns what.
    """

    def __init__(self, qdoc: QtDocument, change: Change | Sequence[Change], text: str | None = None) -> None:
        changes = (change,) if isinstance(change, Change) else tuple(change)
        super().__init__(text if text is not None else undo_text(changes[-1]))
        self._qdoc, self._changes = qdoc, changes
        self._inverses: list[Change] = []
        self._step: Step | None = None

    @property
    def change(self) -> Change:
        return self._changes[-1]

    @property
    def changes(self) -> tuple[Change, ...]:
        return self._changes

    @property
    def journal_step(self) -> Step:
        """This undo step as the edit journal writes it (the same object every time, so it is written once)."""
        if self._step is None:
            self._step = Step(self.text(), self._changes)
        return self._step

    def redo(self) -> None:
        self._inverses = [self._qdoc.apply(change) for change in self._changes]
        first = self._changes[0]
        if len(self._changes) > 1 and first.beads is not None:
            # Ctrl+Y of Alt+Return selected a link ~200 sentences away, where the re-alignment after the accepted
            # alternative first differed (an X11 audit); undo already ends on the first change's inverse. Found by a
            # sentence of the first change, not its position: the later changes (the re-alignment) may add or
            # take links before it (it then landed 24 links early: a second audit)
            k = first.beads.first
            # its first link, not an unlinked sentence before it (an accepted "- <-> 2909, 2209-2210 <->
            # 2910-2912" landed on the unlinked 2909: a third audit)
            made = [b for b in first.beads.new if b.src and b.tgt] or list(first.beads.new)
            if made:
                doc = self._qdoc.doc
                sentence = (*made[0].src, *made[0].tgt)[0]
                try:
                    k = doc.bead_index_of(sentence)
                except (KeyError, ValueError):
                    pass
            self._qdoc.landed.emit(k)

    def undo(self) -> None:
        for inverse in reversed(self._inverses):
            self._qdoc.apply(inverse)


def build_compound(qdoc: QtDocument, text: str, builders: Sequence[Callable[[AlignmentDocument], Change]]) -> ApplyChange:
    """Build one undo step from edit builders (callables doc -> Change), each seeing the previous ones applied.

    The document is left unchanged (each change is rolled back), so pushing the result applies them.
    Raises InvalidEditError from a builder, with the document unchanged.
    """
    doc = qdoc.doc
    changes: list[Change] = []
    undos: list[Change] = []
    try:
        for build in builders:
            change = build(doc)
            undos.append(doc.apply(change))
            changes.append(change)
    finally:
        for undo in reversed(undos):
            doc.apply(undo)
    return ApplyChange(qdoc, changes, text)
