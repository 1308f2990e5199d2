"""Link and text commands beyond the basic ones: split an n-m link into 1-1 links, merge with the previous link, find and replace."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from editor.bitext import edits
from editor.bitext.document import AlignmentDocument, Change, Side, is_chinese_lang
from editor.errors import InvalidEditError
from editor.ui.view.alignment_view import AlignmentView
from editor.ui.dialogs.replace_dialog import ReplaceDialog


class EditController(QObject):
    """Owns three actions (each with a key, for the menus and the panes' context menu) and their slots.

    `push(build, text)` is the window's way to push a Change as one undo step; `busy()` says an
    alignment is running (edits wait for it). The actions are enabled from the view's selection.
    """

    def __init__(self, view: AlignmentView, push: Callable[[Callable[[AlignmentDocument], Change]], bool],
                 busy: Callable[[], bool], parent: QObject) -> None:
        super().__init__(parent)
        self._view, self._push, self._busy = view, push, busy
        self.split_link = self._action(self.tr("Split Link into &1:1 Links"), "Ctrl+Shift+U",
                                       self.tr("Pair the selected link's sentences in order; leftovers stay unlinked"))
        self.merge_previous = self._action(self.tr("Merge with &Previous Link"), "Ctrl+Shift+M",
                                           self.tr("Join the selected link with the link before it"))
        self.replace = self._action(self.tr("Find and Rep&lace…"), "Ctrl+H",
                                    self.tr("Replace text in the Chinese or the English sentences (regex optional)"))
        self.split_link.triggered.connect(self._on_split_link_triggered)
        self.merge_previous.triggered.connect(self._on_merge_previous_triggered)
        self.replace.triggered.connect(self._on_replace_triggered)
        self.replace_dialog: ReplaceDialog | None = None
        view.selection_changed.connect(self.update_actions)
        self.update_actions()

    def _action(self, text: str, keys: str, tip: str) -> QAction:
        action = QAction(text, self.parent())
        action.setShortcut(QKeySequence(keys))
        action.setStatusTip(tip)
        action.setToolTip(f"{text.replace('&', '').rstrip('…')} "
                          f"({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})")
        return action

    def actions(self) -> list[QAction]:
        return [self.split_link, self.merge_previous, self.replace]

    def update_actions(self) -> None:
        view, doc = self._view, self._view.doc
        editable = not self._busy()
        k = view.current_bead()
        first, last = view.current_bead_range() if k is not None else (-1, -2)
        bead = doc.beads[k] if k is not None else None
        self.split_link.setEnabled(editable and bead is not None and first == last
                                   and (len(bead.src) > 1 or len(bead.tgt) > 1))
        self.merge_previous.setEnabled(editable and k is not None and first == last and k > 0)
        self.replace.setEnabled(editable and bool(doc.src or doc.tgt))

    # -- slots ----------------------------------------------------------------------------------

    def _on_split_link_triggered(self) -> None:
        k = self._view.current_bead()
        if k is None or not self._view.show_selection():      # out of view: shown, not edited
            return
        self._view.finish_editing()
        if self._push(lambda doc: edits.split_into_one_to_one(doc, k)):
            self._view.select_bead(k)

    def _on_merge_previous_triggered(self) -> None:
        k = self._view.current_bead()
        if k is None or k == 0 or not self._view.show_selection():
            return
        self._view.finish_editing()
        if self._push(lambda doc: edits.merge_with_previous(doc, k)):
            self._view.select_bead(k - 1)

    def _on_replace_triggered(self) -> None:
        self._view.finish_editing()
        if self.replace_dialog is None:
            doc = self._view.doc
            names = {side: (self.tr("Chinese sentences") if is_chinese_lang(lang) else self.tr("English sentences")
                            if lang.lower().startswith("en") else lang)
                     for side, lang in ((Side.SRC, doc.meta.src_lang), (Side.TGT, doc.meta.tgt_lang))}
            self.replace_dialog = ReplaceDialog(lambda: self._view.doc, names, self._view.window())
            # Ctrl+Z / Ctrl+Y work in the dialog too, as it says after a replacement (they did nothing while it
            # had the focus: an X11 re-test)
            window = self._view.window()
            for name in ("undo_action", "redo_action"):
                action = getattr(window, name, None)
                if action is not None:
                    self.replace_dialog.addAction(action)
            stack_moved = getattr(getattr(window, "undo_group", None), "indexChanged", None)
            if stack_moved is not None:
                stack_moved.connect(lambda _index: self.replace_dialog.refresh())
            self.replace_dialog.replace_requested.connect(self._on_replace_requested)
            self.replace_dialog.replace_one_requested.connect(self._on_replace_one_requested)
            self.replace_dialog.find_next_requested.connect(self._on_find_next_requested)
        self.replace_dialog.set_side(self._view.focus_side)
        self.replace_dialog.refresh()
        self.replace_dialog.show()
        self.replace_dialog.activateWindow()
        self.replace_dialog.find_field.setFocus()
        self.replace_dialog.find_field.selectAll()

    def _matching_positions(self, side: Side, find: str, how: dict) -> list[int]:
        try:
            return edits.matching_positions(self._view.doc, side, find, **how)
        except InvalidEditError:
            return []

    def _on_find_next_requested(self, side: Side, find: str, regex: bool, case: bool, words: bool) -> bool:
        """Select the next sentence of `side` after the selected one that holds a match (from the top after the
        last); False when none does."""
        found = self._matching_positions(side, find, dict(regex=regex, case_sensitive=case, whole_words=words))
        if not found:
            return False
        at = self._view.cursor_position(side)
        following = [p for p in found if at is None or p > at]
        self._view.select_segment(side, (following or found)[0])
        return True

    def _on_replace_one_requested(self, side: Side, find: str, replacement: str, regex: bool, case: bool,
                                  words: bool = False) -> None:
        """Replace in the selected sentence of `side` when it holds a match (one undo step), then select the next
        one that does; when it holds none, only select the next (the replacement is seen before it is made)."""
        if self._busy():
            return
        how = dict(regex=regex, case_sensitive=case, whole_words=words)
        at = self._view.cursor_position(side)
        if at is None or at not in self._matching_positions(side, find, how) or self._view.focus_side is not side:
            self._on_find_next_requested(side, find, regex, case, words)
            return
        if self._push(lambda doc: edits.replace_text(doc, side, find, replacement, positions=[at], **how)):
            if self.replace_dialog is not None:
                self.replace_dialog.show_replaced_one(at)
            self._view.select_segment(side, at)
            self._on_find_next_requested(side, find, regex, case, words)

    def _on_replace_requested(self, side: Side, find: str, replacement: str, regex: bool, case: bool,
                              words: bool = False) -> None:
        if self._busy():
            return
        doc = self._view.doc
        how = dict(regex=regex, case_sensitive=case, whole_words=words)
        try:
            matches, sentences = edits.match_counts(doc, side, find, **how)
        except InvalidEditError:
            matches = sentences = 0
        if self._push(lambda doc: edits.replace_text(doc, side, find, replacement, **how)) \
                and self.replace_dialog is not None:
            self.replace_dialog.show_replaced(matches, sentences)
