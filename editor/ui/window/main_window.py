"""The editor's main window: menus, toolbar, the alignment view, the explanation strip and the status bar.

File handling, review navigation and alignment jobs live in controllers of their own (file_controller,
review_navigator, alignment_jobs); the window builds the widgets, wires the actions to them, and enables them."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Callable, Sequence

from PySide6.QtCore import QByteArray, Qt, QThreadPool, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QFont, QKeySequence, QUndoGroup, QUndoStack
from PySide6.QtWidgets import (
    QApplication, QComboBox, QDialog, QDockWidget, QLabel, QMainWindow, QMessageBox, QProgressBar, QPushButton,
    QToolBar, QUndoView, QVBoxLayout, QWidget,
)

from editor.bitext import edits
from editor.bitext.document import AlignmentDocument, Change, Side
from editor.bitext.review import review_counts, vouched, whole_percent
from editor.errors import InvalidEditError
from editor.ui.view.alignment_view import AlignmentView, BeadFilter
from editor.ui.window.actions import WindowActions, scope_to
from editor.ui.dialogs import file_dialogs
from editor.ui.model.commands import ApplyChange, build_compound, restored_text
from editor.ui.window.edit_controller import EditController
from editor.ui.view.explanation_strip import ExplanationStrip
from editor.ui.view.find_bar import FindBar
from editor.ui.model.qt_document import QtDocument
from editor.ui.review.review_list import ReviewList
from editor.ui.jobs.workers import TaskSignals
from editor.ui.window.alignment_jobs import AlignmentJobs
from editor.ui.window.file_controller import FileController
from editor.ui.window.review_navigator import ReviewNavigator

log = logging.getLogger(__name__)


def name_is_ready(collection, entry) -> bool:
    """True when a collection's document can be shown now (aligned, its file there)."""
    return entry.file is not None and collection.problem(entry) is None


def _load_settings():
    try:
        from editor.settings import load_settings
    except ImportError:
        return None
    return load_settings()


#: where a sentence is first offered for Split (Ctrl+K): after a clause mark, else at a space, nearest the middle
_CLAUSE_END = re.compile(r"[，；：、,;:](?:\s+|(?=\S))|\s+")


def split_offset(text: str) -> int:
    """The cursor offset Split first offers in `text`: just after the clause mark (a Chinese or Latin comma,
    semicolon or colon) nearest the middle, else after the space nearest it, else the middle. It was the middle
    itself, so a quick second Ctrl+K cut a word in two ("roo|m": an X11 audit)."""
    middle = len(text) // 2
    # (a space after a mark, nearer than every mark, never beats it: the marks are asked first)
    cuts = [(m.group().isspace(), abs(m.end() - middle), m.end()) for m in _CLAUSE_END.finditer(text)
            if 0 < m.end() < len(text)]
    return min(cuts)[2] if cuts else middle


class MainWindow(QMainWindow):
    """One open alignment. Edits go through the undo stack; files through open_paths()/save()."""

    def __init__(self, document: AlignmentDocument | None = None, path: Path | None = None,
                 settings=None, autosave: bool = True) -> None:
        super().__init__()
        self.settings = settings if settings is not None else _load_settings()
        self.qdoc = QtDocument(document)
        self.project_path: Path | None = path
        self.opened_path: Path | None = None     # the exchange file the document was read from (set_document)
        # Undo and redo follow the group's active stack: the window's own, or the shown document's of a collection.
        self.undo_group = QUndoGroup(self)
        self._own_stack = self.undo_stack = QUndoStack(self)
        self.undo_group.addStack(self.undo_stack)
        self.undo_group.setActiveStack(self.undo_stack)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self.undo_stack.indexChanged.connect(self._on_undo_index_changed)
        self._undo_index = 0
        self.collection = None          # the open collection's CollectionController, if any
        self._typical_ratio: float | None = None
        self._dictionary_requested = False      # `_open_dictionary`: asked for once

        self.actions_ = WindowActions(self)
        self.view = AlignmentView(self.qdoc, self)
        self.find_bar = FindBar(self)
        self.find_bar.hide()
        act = self.actions_
        self.strip = ExplanationStrip([act.confirm_next, act.unlink, act.merge_beads, act.edit_text], self)
        from editor.ui.window.alternative_offer import AlternativeOffer

        self.alternative = AlternativeOffer(self)
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(4, 4, 4, 0)
        column.setSpacing(2)
        column.addWidget(self.find_bar)
        column.addWidget(self.view, 1)
        column.addWidget(self.strip)
        self.setCentralWidget(central)
        self._build_status_bar()
        self.files = FileController(self, self)
        self._alignment_anchor: tuple | None = None     # (side, segment id) under the cursor when aligning began
        self.alignment_jobs = AlignmentJobs(self.qdoc, self.undo_stack, self.progress, self.cancel_button,
                                            self.view.finish_editing, self)
        self.edit_controller = EditController(self.view, self.push_change, self.is_aligning, self)

        self._build_undo_dock()
        self._build_review_dock()
        self._build_menus()
        self._build_toolbar()
        self.navigator = ReviewNavigator(self.view, self.filter_box, act.problems_only, self)
        self._connect()
        scope_to(act.pane_scoped(), self.view.panes.values())
        edit = self.edit_controller
        self.view.context_actions = [act.confirm_next, act.confirm_above, None, act.link, act.unlink, act.merge_beads,
                                     edit.merge_previous, edit.split_link, act.boundary_up, act.boundary_down, None,
                                     act.copy, act.edit_text, act.split, act.merge_segments, act.insert,
                                     act.delete, None, edit.replace]
        self.setAcceptDrops(True)
        self._apply_settings()
        self.resize(1200, 760)
        if self.settings is not None and self.settings.last_folder and not file_dialogs.last_folder():
            file_dialogs.set_last_folder(self.settings.last_folder)
        if self.settings is not None and self.settings.window_geometry:
            self.restoreGeometry(QByteArray.fromBase64(self.settings.window_geometry.encode("ascii")))
        from editor.ui.safety.write_warnings import WriteWarnings

        # a failed autosave or journal write is said at once; without a usable DUIQI_HOME the user may pick a folder
        self.write_warnings = WriteWarnings(self, self.autosave_to)
        self._autosaver = self._make_autosaver() if autosave else None
        self._recorder = self._make_recorder() if self._autosaver is not None else None
        self._connect_write_warnings()
        self._build_collection_dock()
        self._restore_layout()
        self._on_document_reset()

    # -- construction ---------------------------------------------------------------------------

    def _build_undo_dock(self) -> None:
        self.undo_dock = QDockWidget(self.tr("Undo History"), self)
        self.undo_dock.setObjectName("undoHistory")
        self.undo_view = QUndoView(self.undo_group, self.undo_dock)
        self.undo_view.setEmptyLabel(self.tr("<opened>"))
        self.undo_dock.setWidget(self.undo_view)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.undo_dock)
        self.undo_dock.hide()

    def _build_review_dock(self) -> None:
        self.review_list = ReviewList(self)
        self.review_list.split_off_requested.connect(self._on_review_list_split_off_requested)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.review_list)
        self.review_list.hide()

    def _build_menus(self) -> None:
        act = self.actions_
        self.undo_action = self.undo_group.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_group.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.undo_action.setIconText(self.tr("Undo"))       # the toolbar keeps short words; the menu says what
        self.redo_action.setIconText(self.tr("Redo"))
        # the menu text from a whole translatable template: Qt writes prefix + " " + the step, which put the
        # Chinese accelerator in the middle ("撤销(U) 确认"; an X11 audit)
        self.undo_group.undoTextChanged.connect(self._on_undo_text_changed)
        self.undo_group.redoTextChanged.connect(self._on_redo_text_changed)
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions([act.new, act.new_collection, act.open, act.open_collection])
        self.recent_menu = self._make_recent_menu()
        if self.recent_menu is not None:
            self.recent_menu.setTitle(self.tr("Open &Recent"))
            file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        file_menu.addActions([act.save, act.save_as, act.export, act.export_collection])
        file_menu.addSeparator()
        file_menu.addAction(act.settings)
        file_menu.addSeparator()
        file_menu.addAction(act.quit)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addAction(act.copy)            # Ctrl+C: the README names it, the menu did not (an X11 audit)
        edit_menu.addSeparator()
        edit_menu.addActions([act.edit_text, act.split, act.merge_segments, act.insert, act.delete])
        edit_menu.addSeparator()
        edit_menu.addActions([act.find, act.find_next, act.find_previous, self.edit_controller.replace, act.go_to])
        align_menu = bar.addMenu(self.tr("&Align"))
        align_menu.addActions([act.link, act.unlink, act.merge_beads, self.edit_controller.merge_previous,
                               self.edit_controller.split_link, act.boundary_up, act.boundary_down])
        align_menu.addSeparator()
        align_menu.addActions([act.confirm_next, act.confirm_above, self.alternative.action,
                               self.alternative.next_action])
        align_menu.addSeparator()
        align_menu.addActions([act.next_doubtful, act.previous_doubtful, act.next_non_one, act.next_unconfirmed])
        align_menu.addSeparator()
        align_menu.addActions([act.realign, act.align, act.cancel_alignment])
        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addActions([act.row_mode, act.compact, act.problems_only, act.swap_panes])
        view_menu.addSeparator()
        view_menu.addActions([act.zoom_in, act.zoom_out])
        view_menu.addSeparator()
        history = self.undo_dock.toggleViewAction()
        history.setText(self.tr("Undo &History"))
        history.setShortcut(QKeySequence("Ctrl+Shift+H"))
        view_menu.addAction(history)
        self.history_action = history
        review = self.review_list.toggleViewAction()
        review.setText(self.tr("Review &List"))
        review.setShortcut(QKeySequence("Ctrl+Shift+L"))
        review.setStatusTip(self.tr("List the doubtful links, lowest confidence first; click one to go there"))
        view_menu.addAction(review)
        self.review_list_action = review
        self.view_menu = view_menu
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addActions([act.shortcuts, act.about])
        self.menus = [file_menu, edit_menu, align_menu, view_menu, help_menu]

    def _build_toolbar(self) -> None:
        act = self.actions_
        bar = QToolBar(self.tr("Main"), self)
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        bar.addActions([act.new, act.open, act.save, act.export])
        bar.addSeparator()
        bar.addActions([self.undo_action, self.redo_action])
        bar.addSeparator()
        bar.addAction(act.realign)
        bar.addSeparator()
        bar.addActions([act.previous_doubtful, act.next_doubtful])
        bar.addSeparator()
        bar.addWidget(QLabel(self.tr(" Show: "), bar))
        self.filter_box = QComboBox(bar)
        for mode, label in ((BeadFilter.ALL, self.tr("All links")),
                            (BeadFilter.PROBLEMS, self.tr("Doubtful and unlinked")),
                            (BeadFilter.UNCONFIRMED, self.tr("Unconfirmed")),
                            (BeadFilter.NOT_ONE_TO_ONE, self.tr("Not 1:1"))):
            self.filter_box.addItem(label, mode)
        self.filter_box.setFocusPolicy(Qt.FocusPolicy.ClickFocus)   # Tab and start-up focus stay in the panes
        # a choice made, the keyboard goes back to the panes: Return right after it went to the combo and did
        # nothing (an X11 audit)
        self.filter_box.activated.connect(lambda _index: self.focus_panes())
        bar.addWidget(self.filter_box)
        bar.addSeparator()
        bar.addActions([act.row_mode, act.compact, act.find])
        self.addToolBar(bar)
        self.toolbar = bar

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.counts_label = QLabel(self)
        self.file_label = QLabel(self)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1000)
        self.progress.setMinimumWidth(240)
        self.progress.setMaximumWidth(320)
        self.progress.setFormat(self.tr("Aligning… %p%"))
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.progress.hide()
        self.cancel_button.hide()
        status.addWidget(self.counts_label, 1)
        status.addPermanentWidget(self.progress)
        status.addPermanentWidget(self.cancel_button)
        status.addPermanentWidget(self.file_label)

    def _connect(self) -> None:
        act = self.actions_
        slots: dict[QAction, Callable[[], None]] = {
            act.new: self._on_new_triggered, act.open: self.files.choose_and_open, act.save: self.save,
            act.new_collection: self._on_new_collection_triggered,
            act.open_collection: self._on_open_collection_triggered,
            act.export_collection: self._on_export_collection_triggered,
            act.save_as: self.save_as, act.export: self.files.export,
            act.settings: self._on_settings_triggered, act.quit: self.close,
            act.edit_text: self._on_edit_text_triggered, act.split: self._on_split_triggered,
            act.merge_segments: self._on_merge_segments_triggered, act.insert: self._on_insert_triggered,
            act.delete: self._on_delete_triggered, act.find: self.find_bar.open,
            act.find_next: self._on_find_next_triggered, act.find_previous: self._on_find_previous_triggered,
            act.go_to: self._on_go_to_triggered,
            act.link: self._on_link_triggered, act.unlink: self._on_unlink_triggered,
            act.merge_beads: self._on_merge_beads_triggered, act.boundary_up: self._on_boundary_up_triggered,
            act.boundary_down: self._on_boundary_down_triggered, act.confirm_next: self._on_confirm_next_triggered,
            act.confirm_above: self._on_confirm_above_triggered, act.next_doubtful: self.navigator.next_doubtful,
            act.previous_doubtful: self.navigator.previous_doubtful,
            act.next_non_one: self.navigator.next_non_one, act.next_unconfirmed: self.navigator.next_unconfirmed,
            act.align: self._on_align_triggered, act.realign: self._on_realign_triggered,
            act.cancel_alignment: self.alignment_jobs.cancel_by_user, act.swap_panes: self._on_swap_panes_triggered,
            act.zoom_in: self._on_zoom_in_triggered, act.zoom_out: self._on_zoom_out_triggered,
            act.shortcuts: self._on_shortcuts_triggered, act.about: self._on_about_triggered,
        }
        # Edits of the selection act only on a selection in view; otherwise they scroll to it and stop.
        on_selection = {act.edit_text, act.split, act.merge_segments, act.insert, act.delete, act.link, act.unlink,
                        act.merge_beads, act.boundary_up, act.boundary_down, act.confirm_next, act.confirm_above}
        for action, slot in slots.items():
            action.triggered.connect(self._where_seen(slot) if action in on_selection else slot)
        act.copy.triggered.connect(self._on_copy_triggered)
        self.view.edit_cancelled.connect(self._on_edit_cancelled)
        act.row_mode.toggled.connect(self._on_row_mode_toggled)
        act.compact.toggled.connect(self._on_compact_toggled)
        self.view.link_requested.connect(self._on_link_requested)
        self.view.text_committed.connect(self._on_text_committed)
        self.view.draft_changed.connect(self._on_draft_changed)
        self.view.markers_restored.connect(self._on_markers_restored)
        self.view.selection_changed.connect(self._on_selection_changed)
        self.qdoc.changed.connect(self._on_document_changed)
        self.qdoc.reset.connect(self._on_document_reset)
        self.find_bar.searched.connect(self._on_find_searched)
        self.find_bar.closed.connect(self._on_find_closed)
        self.review_list.bead_chosen.connect(self.navigator.go_to)
        self.review_list.link_chosen.connect(self._on_review_link_chosen)
        self.navigator.ran_out.connect(self._on_doubtful_ran_out)
        self.navigator.message.connect(self.show_message)
        self.navigator.focus_requested.connect(self.focus_panes)
        self.files.message.connect(self.show_message)
        self.files.file_used.connect(self._on_file_used)
        self.files.review_requested.connect(self._on_artefact_review_requested)
        self.files.settings_changed.connect(self._save_settings)
        self.alignment_jobs.message.connect(self.show_message)
        self.alignment_jobs.busy_changed.connect(self._on_alignment_busy_changed)
        self.alignment_jobs.failed.connect(self._on_alignment_failed)
        self.alignment_jobs.aligned.connect(self._on_aligned)

    def _make_recent_menu(self):
        if self.settings is None:
            return None
        try:
            from editor.ui.window.recent_files import RecentFilesMenu
        except ImportError:
            return None
        menu = RecentFilesMenu(self.settings, self)
        menu.file_chosen.connect(self._on_recent_file_chosen)
        return menu

    def _make_autosaver(self):
        try:
            from editor.ui.safety.autosaver import Autosaver
        except ImportError:
            return None
        seconds = self.settings.autosave_seconds if self.settings is not None else 60
        try:
            saver = Autosaver(lambda: self.qdoc.doc if (self.qdoc.doc.src or self.qdoc.doc.tgt) else None,
                              self.is_modified, lambda: self.project_path, seconds, self,
                              opened_path_provider=lambda: self.opened_path)
            saver.start()
        except OSError as exc:           # a read-only or full DUIQI_HOME: work in memory, and say so
            log.warning("autosave is off: %s", exc)
            self.write_warnings.home_unusable(exc.strerror or str(exc))
            return None
        return saver

    def _connect_write_warnings(self) -> None:
        if self._autosaver is not None:
            self._autosaver.failed.connect(self.write_warnings.autosave_failed)
            self._autosaver.saved.connect(self.write_warnings.succeeded)

    def autosave_to(self, folder: Path) -> bool:
        """Autosave (snapshot and edit journal) into `folder` from now on, when Duiqi's own folder cannot be
        used; True when it could start there."""
        from editor.ui.safety.autosaver import Autosaver

        if self._autosaver is not None:
            return True
        seconds = self.settings.autosave_seconds if self.settings is not None else 60
        try:
            saver = Autosaver(lambda: self.qdoc.doc if (self.qdoc.doc.src or self.qdoc.doc.tgt) else None,
                              self.is_modified, lambda: self.project_path, seconds, self, folder=folder,
                              opened_path_provider=lambda: self.opened_path)
            saver.start()
            self._autosaver = saver
            self._recorder = self._make_recorder()
        except OSError as exc:
            log.warning("cannot autosave in %s: %s", folder, exc)
            self._autosaver = self._recorder = None
            return False
        self._connect_write_warnings()
        return True

    def _make_recorder(self):
        from editor.ui.safety.edit_recorder import EditRecorder

        recorder = EditRecorder(self._autosaver, self.qdoc, self.undo_stack, lambda: self.project_path, self,
                                opened_path_provider=lambda: self.opened_path)
        recorder.failed.connect(self.write_warnings.journal_failed)       # said at once in the window
        recorder.recorded.connect(self.write_warnings.succeeded)
        return recorder

    def _apply_settings(self) -> None:
        font = QFont(QApplication.font())
        size = self.settings.font_size if self.settings is not None else 12
        font.setPointSize(size)
        self.view.set_text_font(font)
        if self.settings is not None:
            self.view.set_left_side(Side.SRC if self.settings.pane_order == "zh-en" else Side.TGT)
            self.actions_.row_mode.setChecked(self.settings.row_mode)
            self.set_review_threshold(self.settings.review_threshold)
            self.actions_.compact.setChecked(self.settings.compact_mode)

    # -- state ----------------------------------------------------------------------------------

    @property
    def document(self) -> AlignmentDocument:
        return self.qdoc.doc

    def is_modified(self) -> bool:
        if self.collection is not None:
            return self.collection.is_modified()
        return not self.undo_stack.isClean()

    def set_document(self, doc: AlignmentDocument, path: Path | None, modified: bool = False, *,
                     opened: Path | None = None) -> None:
        """Show another document (the undo history starts afresh); an open collection is closed. `opened`: the
        exchange file (TMX, XLIFF, table) it was read from, which names the window until it is saved as a project."""
        if self.collection is not None:
            self.close_collection(discard=True)
        self._remember_place()                    # of the project shown until now
        self.alignment_jobs.document_replaced(opened_clean=not modified)
        self.undo_stack.clear()
        self.project_path = path
        self.opened_path = opened
        self.qdoc.set_document(doc)
        self._restore_place()
        self.undo_stack.setClean()
        if self.isVisible():
            self.focus_panes()
        if modified:
            # A restored or imported document is unsaved work until saved.
            self.undo_stack.resetClean()
        self._on_clean_changed(self.undo_stack.isClean())

    def restore_history(self, history, path: Path | None, *, opened: Path | None = None) -> None:
        """Show a recovered document with its undo history (editor.bitext.journal.History); it is unsaved work.
        `opened`: the exchange file it was read from (set_document)."""
        from editor.bitext.journal import copy_document

        self.set_document(copy_document(history.base), path, opened=opened)
        for step in history.steps:
            self.undo_stack.push(ApplyChange(self.qdoc, step.changes, restored_text(step)))
        self.undo_stack.setIndex(history.index)
        self.undo_stack.resetClean()
        self._on_clean_changed(self.undo_stack.isClean())
        self.return_to(history.info.get("position"))
        self.recover_draft(history.info.get("draft"))

    def _on_draft_changed(self, draft) -> None:
        if getattr(self, "_recorder", None) is not None:
            self._recorder.note_draft(draft)
        if getattr(self, "collection", None) is not None:
            self.collection.note_draft(draft)

    def recover_draft(self, draft) -> bool:
        """Make the text a killed session was typing in an in-place editor (side value, segment id, text) the
        sentence's text, as an undoable edit, and say so; False when there is none to recover."""
        try:
            side, segment_id, text = Side(draft[0]), int(draft[1]), str(draft[2])
        except (TypeError, ValueError, IndexError):
            return False
        pos = next((p for p, seg in enumerate(self.document.segments(side)) if seg.id == segment_id), None)
        if pos is None or not text.strip() or self.document.segments(side)[pos].text == text:
            return False
        if not self.push_change(lambda doc: edits.edit_text(doc, segment_id, text)):
            return False
        self.view.select_segment(side, pos)
        self.show_message(self.tr("Recovered the text you were typing in sentence %1 (Ctrl+Z undoes it).")
                          .replace("%1", str(pos + 1)), 15000)
        return True

    def return_to(self, position) -> None:
        """Select the segment the translator was at when the session was journalled last (side value, id)."""
        try:
            side, segment_id = Side(position[0]), int(position[1])
        except (TypeError, ValueError, IndexError):
            return
        pos = next((p for p, seg in enumerate(self.document.segments(side)) if seg.id == segment_id), None)
        if pos is not None:
            self.view.select_segment(side, pos)

    def _update_title(self) -> None:
        if self.collection is not None:
            self.setWindowTitle(f"{self._collection_title}[*] — Duiqi")
            # the title names the shown document: its star is that document's (it showed on an untouched one
            # while another had unsaved edits, Undo greyed: an X11 audit); the document list stars each one
            self.setWindowModified(not self.undo_stack.isClean() if self.collection.shown else self.is_modified())
            return
        source = self.document.meta.src_file
        # An unsaved import (the sample too) is named after its source text, not "Untitled".
        opened = self.opened_path
        name = self.project_path.name if self.project_path else opened.name if opened else \
            Path(source).name if source else self.tr("Untitled")
        self.setWindowTitle(f"{name}[*] — Duiqi")
        self.setWindowModified(self.is_modified())

    def _on_clean_changed(self, _clean: bool) -> None:
        self._update_title()

    def _on_undo_index_changed(self, index: int) -> None:
        # a step done again (Ctrl+Y) brings back the review list's place it was made at: after Ctrl+Z and Ctrl+Y
        # of a confirm, Return went on in the text's order instead of down the list (an X11 audit)
        stack = self.undo_stack
        if index > self._undo_index and index > 0:
            hold = getattr(stack.command(index - 1), "review_hold", None)
            if hold is not None:
                self.review_list.restore_hold(hold)
        self._undo_index = index
        self._update_actions()

    def set_review_threshold(self, threshold: float) -> None:
        """Use another review threshold everywhere: colours, F8, the problem filter, the list and the counts."""
        self.view.set_review_threshold(threshold)
        if getattr(self, "collection", None) is not None:
            self.collection.recount_all()
        self._update_status()
        self._on_selection_changed()

    def _on_review_list_split_off_requested(self, k: int, segment_id: int) -> None:
        from editor.bitext import edits

        self.view.finish_editing()
        bead = self.document.beads[k]
        rest = next(i for i in (*bead.src, *bead.tgt) if i != segment_id)
        if self.push_change(lambda doc: edits.split_off(doc, k, segment_id)):
            # on the link left, whichever end went (it selected the unlinked sentence when the last one went: an
            # X11 audit): the reviewer judged the sentence, the pairing left (of a 1-1 link, the other sentence,
            # now unlinked) is what they check next
            self.view.select_bead(self.document.bead_index_of(rest))

    def _on_document_reset(self) -> None:
        self._typical_ratio = self._compute_ratio()
        self.find_bar.hide()
        self._update_title()
        self._update_status()
        self._on_selection_changed()

    def _on_document_changed(self, change: Change) -> None:
        if change.touches_segments:
            ratio = self._compute_ratio()
            if ratio != self._typical_ratio:
                # the strip was worded (by the view's selection signal) before this ran: word it again with the
                # text's ratio now, not the one before the edit (after Replace All and its undo the strip said
                # "typical 3.6" for a text that is 3.5; an X11 re-test)
                self._typical_ratio = ratio
                self._show_strip()
        self._update_status()

    def _compute_ratio(self) -> float | None:
        doc = self.document
        if not doc.src or not doc.tgt:
            return None
        try:
            from editor.alignment.evidence import document_ratio
        except ImportError:
            return None
        return document_ratio([s.text for s in doc.src], [t.text for t in doc.tgt])

    def _update_status(self) -> None:
        doc = self.document
        counts = review_counts(doc, self.view.review)
        src_name = self.tr("zh") if doc.meta.src_lang.lower().startswith("zh") else doc.meta.src_lang
        tgt_name = self.tr("en") if doc.meta.tgt_lang.lower().startswith("en") else doc.meta.tgt_lang
        parts = [f"{len(doc.src)} {src_name}", f"{len(doc.tgt)} {tgt_name}",
                 self.tr("%n link(s)", "", counts.links),
                 self.tr("%1 % confirmed").replace("%1", whole_percent(counts.percent_confirmed)),
                 self.tr("%n doubtful left", "", counts.doubtful), self.tr("%n unlinked", "", counts.unlinked)]
        self.counts_label.setText(" · ".join(parts))
        self.review_list.schedule_refresh(doc, self.view.review, self._typical_ratio)
        where = []
        if self.collection is not None and self.collection.shown:
            opened = self.collection.open_documents.get(self.collection.shown)
            path = self.collection.collection.path_of(opened.entry) if opened is not None else None
            where.append(str(path) if path is not None else self.collection.shown)
        elif self.project_path is not None:
            where.append(str(self.project_path))
        elif self.opened_path is not None:
            where.append(str(self.opened_path))      # the TMX, XLIFF or table opened (it named the source text)
        elif doc.meta.src_file:
            where.append(Path(doc.meta.src_file).name + (f" + {Path(doc.meta.tgt_file).name}"
                                                         if doc.meta.tgt_file and doc.meta.tgt_file != doc.meta.src_file
                                                         else ""))
        encodings = {e for e in (doc.meta.src_encoding, doc.meta.tgt_encoding) if e}
        if encodings:
            where.append(" / ".join(sorted(e.upper() for e in encodings)))
        self.file_label.setText(" · ".join(where))

    def _show_strip(self) -> None:
        self.strip.show_bead(self.document, self.view.current_bead(), self._typical_ratio, self.view.review,
                             link_numbers=self.view.compact)

    def _on_selection_changed(self) -> None:
        current = self.view.current_segment()
        if current is not None:                 # where the translator is, for crash recovery and reopening
            side, pos = current
            for keeper in (getattr(self, "_recorder", None), getattr(self, "collection", None)):
                if keeper is not None:
                    keeper.note_position(side.value, self.document.segments(side)[pos].id)
            if self._alignment_anchor is not None and self.alignment_jobs.busy:
                # the translator moved on while the rest aligned: the links arrive where they are now, not back
                # at the link of the key press (an X11 audit: walked from 503 to 523, snapped back to 503)
                self._alignment_anchor = (side, self.document.segments(side)[pos].id)
        self._show_strip()
        self.alternative.request()
        self.review_list.show_current(self.view.current_bead())
        if self.view.current_bead() is not None:
            self._open_dictionary()           # a link is shown (a saved alignment opened, or links arrived)
        self._update_actions()

    def _update_actions(self) -> None:
        act, view, doc = self.actions_, self.view, self.document
        busy = self.is_aligning()
        has_text = bool(doc.src or doc.tgt)
        current = view.current_segment()
        k = view.current_bead()
        first, last = view.current_bead_range() if k is not None else (-1, -2)
        bead = doc.beads[k] if k is not None else None
        seg = doc.segments(current[0])[current[1]] if current else None
        n_beads = len(doc.beads)
        editable = not busy
        act.save.setEnabled(has_text)
        act.save_as.setEnabled(has_text and self.collection is None)    # a collection's documents live in it
        act.export_collection.setEnabled(self.collection is not None)
        act.export.setEnabled(has_text)
        act.edit_text.setEnabled(editable and seg is not None)
        act.split.setEnabled(editable and seg is not None and len(seg.text.strip()) >= 2)
        act.merge_segments.setEnabled(editable and current is not None
                                      and current[1] + 1 < len(doc.segments(current[0])))
        act.insert.setEnabled(editable and has_text)
        act.delete.setEnabled(editable and seg is not None)
        act.link.setEnabled(editable and bool(view.selected_ids(Side.SRC)) and bool(view.selected_ids(Side.TGT)))
        act.unlink.setEnabled(editable and bead is not None and first == last
                              and len(bead.src) + len(bead.tgt) > 1)
        act.merge_beads.setEnabled(editable and k is not None and (last > first or k + 1 < n_beads))
        side = view.focus_side
        act.boundary_up.setEnabled(editable and bead is not None and k + 1 < n_beads and bool(bead.ids(side)))
        act.boundary_down.setEnabled(editable and bead is not None and edits.next_on_side(doc, k, side) is not None)
        act.confirm_next.setEnabled(editable and bead is not None)
        act.confirm_above.setEnabled(editable and bead is not None)
        for a in (act.next_doubtful, act.previous_doubtful, act.next_non_one, act.next_unconfirmed):
            a.setEnabled(n_beads > 0)
        act.align.setEnabled(editable and bool(doc.src) and bool(doc.tgt))
        act.realign.setEnabled(editable and bool(doc.src) and bool(doc.tgt))
        act.cancel_alignment.setEnabled(busy)
        for a in (act.find, act.find_next, act.find_previous):
            a.setEnabled(has_text)
        self.edit_controller.update_actions()

    # -- pushing edits --------------------------------------------------------------------------

    def _hold_review_place(self) -> None:
        """Before an edit of a link the review list shows (in front) and the reviewer is on: remember the list's
        next link, so that Return goes on from there once the fixed link has left the list. After a drag, Ctrl+L
        or Ctrl+M from the list, Return went on in the text's order and the list scrolled away (an X11 audit)."""
        panel = self.review_list
        if panel.isVisible() and self._in_front.get(panel) is not False and panel.row_of_current() is not None \
                and not panel.holds_current():
            panel.hold_next()

    def push_change(self, build: Callable[[AlignmentDocument], Change], text: str | None = None) -> bool:
        """Build a Change from the current document and push it as one undo step; False if it does not apply (or
        would change links the Show filter hides: see _reveal_hidden_links)."""
        try:
            change = build(self.document)
        except InvalidEditError as exc:
            # Actions are enabled from the selection, so this is a bug: say so quietly and keep going.
            log.warning("edit refused: %s", exc)
            self.statusBar().showMessage(self.tr("That edit does not apply here: %1").replace("%1", str(exc)), 5000)
            return False
        if self._reveal_hidden_links(change):
            return False
        self._hold_review_place()
        self._push(ApplyChange(self.qdoc, change, text))
        return True

    def _reveal_hidden_links(self, change: Change) -> bool:
        """Before an edit: True, with the links shown and a word in the status bar, when it would regroup links the
        Show filter hides (Ctrl+M on the context row above a "⋯" merged the hidden link below into one "made by
        hand", exported as approved; an X11 audit). Any edit that takes in a neighbour (merge, link, a drop, a
        boundary move, Merge Sentences, an alternative) is caught here; text edits and confirmations keep the links
        as they are and pass."""
        view = self.view
        if change.beads is None or not view.filter_active():
            return False
        first, kept = change.beads.first, {(b.src, b.tgt) for b in change.beads.new}
        hidden = [first + i for i, b in enumerate(change.beads.old)
                  if (b.src, b.tgt) not in kept and view.bead_hidden(first + i)]
        if not hidden:
            return False
        view.reveal_beads(hidden)
        current = view.current_bead()
        view.ensure_bead_visible(current if current is not None else hidden[0])
        self.statusBar().showMessage(self.tr("Nothing changed: the edit takes in links the Show filter hid. They are "
                                             "shown now; do it again to make the edit."), 8000)
        return True

    def push_compound(self, text: str, builders: Sequence[Callable[[AlignmentDocument], Change]]) -> bool:
        self._hold_review_place()
        try:
            command = build_compound(self.qdoc, text, builders)
        except InvalidEditError as exc:
            log.warning("edit refused: %s", exc)
            self.statusBar().showMessage(self.tr("That edit does not apply here: %1").replace("%1", str(exc)), 5000)
            return False
        self._push(command)
        return True

    def _push(self, command) -> None:
        """Push an edit, with the review list's place it was made at (`ReviewList.hold_next`), which a redo of it
        brings back."""
        command.review_hold = self.review_list.held()
        self.undo_stack.push(command)

    def _current(self) -> tuple[Side, int, int] | None:
        """Return (side, position, segment id) of the selected segment."""
        current = self.view.current_segment()
        if current is None:
            return None
        side, pos = current
        return side, pos, self.document.segments(side)[pos].id

    # -- edit slots -----------------------------------------------------------------------------

    def _on_link_requested(self, src_ids: tuple, tgt_ids: tuple) -> None:
        if self.is_aligning():
            return
        self.push_change(lambda doc: edits.link(doc, src_ids, tgt_ids))

    def _on_link_triggered(self) -> None:
        self.view.finish_editing()
        view = self.view
        if view.layout_model is not None and view.isVisible():
            # Ctrl+L links what is selected on both sides: a selection the translator cannot see (left by an
            # earlier click, the import or a jump, scrolled away) is not one they chose; it linked a clicked
            # Chinese sentence to the first English one, off screen (an X11 audit)
            unseen = [side for side in Side if view.selected_positions(side) and not view.side_selection_in_view(side)]
            if unseen:
                self.statusBar().showMessage(self.tr(
                    "Nothing linked: the selection on the other side is out of view. Select the sentences to link "
                    "on both sides, then press Ctrl+L."), 8000)
                return
        self.statusBar().clearMessage()       # a "Nothing linked" said just before no longer holds (an X11 re-test)
        self._on_link_requested(view.selected_ids(Side.SRC), view.selected_ids(Side.TGT))

    def _on_unlink_triggered(self) -> None:
        k = self.view.current_bead()
        if k is not None:
            self.push_change(lambda doc: edits.unlink(doc, k))

    def _on_merge_beads_triggered(self) -> None:
        first, last = self.view.current_bead_range()
        if first < 0:
            return
        if last == first:
            last = first + 1
        self.push_change(lambda doc: edits.merge_beads(doc, first, last))

    def _on_boundary_up_triggered(self) -> None:
        self._shift_boundary(-1)

    def _on_boundary_down_triggered(self) -> None:
        self._shift_boundary(+1)

    def _shift_boundary(self, delta: int) -> None:
        k = self.view.current_bead()
        if k is not None:
            side = self.view.focus_side
            self.push_change(lambda doc: edits.shift_boundary(doc, k, side, delta))
            self.view.select_bead(min(k, len(self.document.beads) - 1))

    def _on_confirm_next_triggered(self) -> None:
        k = self.view.current_bead()
        if k is None:
            return
        # working down the review list (shown, the link one of its rows): on to the list's next row, in its order
        # (lowest confidence first by default); otherwise the next unconfirmed link in the text
        # (in the whole collection's scope, its next row of this document, then the next document's row)
        panel, target, start = self.review_list, None, None
        # the list in front, not open behind the document list's tab (isVisible() is true there too: Return then
        # followed a list nobody could see; seen in an X11 audit)
        if panel.isVisible() and self._in_front.get(panel) is not False:
            row = panel.row_of_current()
            if row is not None:
                start = row + 1
            else:                                   # S or Alt+Return took the listed link out: on from the next
                bead = self.document.beads[k]
                start = panel.held_row((*bead.src, *bead.tgt))
            if start is not None:
                target = panel.next_link(start, self.collection.shown if self.collection is not None else None)
        # this document's rows done: on to the list's next row, in the next document (it went on through links
        # of this one that the list does not hold, never reaching the next document's rows: an X11 audit)
        row = panel.next_row_elsewhere(start, self.collection.shown) \
            if target is None and start is not None and self.collection is not None else None
        elsewhere = (panel.model.row_at(row).document, panel.model.row_at(row).bead) if row is not None else None
        # confirmed or a link made by hand already: just move on. A sentence left unlinked by an edit is not
        # vouched for until confirmed (Return moved on from one and left it doubtful, unrecorded: an X11 audit)
        if not vouched(self.document.beads[k]):
            self.push_change(lambda doc: edits.confirm(doc, k))
        if target is not None and panel.choose_link(*target):
            return
        if elsewhere is not None and panel.choose_link(*elsewhere):
            name = elsewhere[0]
            if self.collection.shown == name:
                self.show_message(self.tr("The review list goes on in %1.").replace("%1", name), 6000)
                return
        self.navigator.next_unconfirmed(start=k)

    def _on_confirm_above_triggered(self) -> None:
        k = self.view.current_bead()
        if k is None:
            return
        doc = self.document
        # doubtful links (and unlinked sentences) above that nobody reviewed: confirming them unread would export
        # them as approved / final, so ask (seen in an X11 session: 51 doubtful links confirmed by one key)
        doubtful = frozenset(i for i in range(k + 1)
                             if not vouched(doc.beads[i]) and self.view.is_doubtful(doc.beads[i]))
        skip: frozenset[int] = frozenset()
        if doubtful:
            box = QMessageBox(QMessageBox.Icon.Question, self.tr("Confirm All Above"),
                              self.tr("%n of the links above are doubtful or unlinked, and nobody has reviewed them "
                                      "yet. Confirm only the sure links, or these too?", "", len(doubtful)),
                              QMessageBox.StandardButton.Cancel, self)
            sure = box.addButton(self.tr("Only the Sure Links"), QMessageBox.ButtonRole.AcceptRole)
            everything = box.addButton(self.tr("Confirm These Too"), QMessageBox.ButtonRole.DestructiveRole)
            box.setDefaultButton(sure)
            box.exec()
            clicked = box.clickedButton()
            box.deleteLater()
            if clicked is sure:
                skip = doubtful
            elif clicked is not everything:
                return
        if len(skip) <= k:                      # something left to confirm
            self.push_change(lambda d: edits.confirm_through(d, k, skip=skip))
        self.view.select_bead(k)

    def _on_edit_text_triggered(self) -> None:
        current = self._current()
        if current is not None:
            self.view.edit_segment(current[0], current[1])

    def _on_text_committed(self, segment_id: int, text: str) -> None:
        inserted, self._inserted_step = getattr(self, "_inserted_step", None), None
        stack = self.undo_stack
        if inserted is not None and inserted[0] == segment_id and stack.index() == stack.count() > 0 \
                and stack.command(stack.index() - 1) is inserted[3]:
            # the text typed into a sentence just inserted (Ctrl+I): one undo step with the insert, the sentence
            # inserted with its text (it took two Ctrl+Z: an X11 audit)
            _, side, position, _ = inserted
            stack.undo()
            if self.push_change(lambda doc: edits.insert_segment(doc, side, position, text)):
                self.view.select_segment(side, position)
            return
        self.push_change(lambda doc: edits.edit_text(doc, segment_id, text))

    def _on_markers_restored(self, markers: list) -> None:
        text = self.tr("Restored the code marker(s) %1 that the edit left half deleted: Backspace or Delete "
                       "removes a marker whole.").replace("%1", " ".join(markers))
        self.statusBar().showMessage(text, 8000)

    def _on_split_triggered(self) -> None:
        editor = self.view.editing()
        if editor is None:
            current = self._current()
            if current is None:
                return
            side, pos, _ = current
            text = self.document.segments(side)[pos].text
            self.view.edit_segment(side, pos, cursor_offset=split_offset(text))
            self.statusBar().showMessage(self.tr("Put the cursor where the sentence should be cut and press %1 again.")
                                         .replace("%1", self.actions_.split.shortcut().toString(
                                             QKeySequence.SequenceFormat.NativeText)), 8000)
            return
        segment_id, (text, restored, offset) = editor.segment_id, editor.kept_text_at_cursor()
        if restored:
            self._on_markers_restored(restored)
        self.view.finish_editing(commit=False)
        builders = []
        if text != self.document.segment(segment_id).text:
            builders.append(lambda doc: edits.edit_text(doc, segment_id, text))
        builders.append(lambda doc: edits.split_segment(doc, segment_id, offset))
        self.push_compound(self.tr("Split sentence"), builders)

    def _on_merge_segments_triggered(self) -> None:
        self.view.finish_editing()
        current = self._current()
        if current is not None:
            self.push_change(lambda doc: edits.merge_segments(doc, current[2]))

    def _where_seen(self, slot: Callable[[], None]) -> Callable[[], None]:
        """Wrap an edit of the selection: it runs only when the selection is on screen (or being edited)."""
        def guarded() -> None:
            if self.view.editing() is not None or self.view.show_selection():
                slot()
            else:
                self.statusBar().showMessage(self.tr("The selection was out of view; it is shown now. "
                                                     "Press the key again to edit it."), 6000)
        return guarded

    def _on_copy_triggered(self) -> None:
        text = self.view.copy_text()
        if text:
            QApplication.clipboard().setText(text)

    def _on_insert_triggered(self) -> None:
        self.view.finish_editing()
        current = self._current()
        side = current[0] if current else self.view.focus_side
        position = current[1] + 1 if current else len(self.document.segments(side))
        if self.push_change(lambda doc: edits.insert_segment(doc, side, position, "")):
            self._inserted_id = self.document.segments(side)[position].id
            stack = self.undo_stack
            self._inserted_step = (self._inserted_id, side, position, stack.command(stack.index() - 1))
            self.view.select_segment(side, position)
            self.view.edit_segment(side, position)

    def _on_edit_cancelled(self, segment_id: int) -> None:
        """Escape in the editor of a sentence just inserted and still empty: the insert is undone."""
        inserted, self._inserted_id = getattr(self, "_inserted_id", None), None
        if segment_id == inserted and self.undo_stack.canUndo():
            try:
                empty = self.document.segment(segment_id).text == ""
            except Exception:
                return
            if empty:
                self.undo_stack.undo()

    def _on_delete_triggered(self) -> None:
        current = self._current()
        if current is not None:
            side, pos, _ = current
            if self.push_change(lambda doc: edits.delete_segment(doc, current[2])):
                # on the sentence that took its place, on the same side (it landed on an unrelated Chinese
                # sentence after an English one was deleted: an X11 audit)
                left = len(self.document.segments(side))
                if left:
                    self.view.select_segment(side, min(pos, left - 1))

    # -- view -----------------------------------------------------------------------------------

    def _on_row_mode_toggled(self, on: bool) -> None:
        self.view.set_row_mode(on)
        if self.settings is not None:
            self.settings.row_mode = on

    def _on_compact_toggled(self, on: bool) -> None:
        self.view.set_compact(on)
        self._on_selection_changed()            # the strip numbers as the view does
        if self.settings is not None:
            self.settings.compact_mode = on

    def _on_document_list_view_changed(self) -> None:
        if self.settings is not None:
            only, column, order = self.document_list.view_state()
            self.settings.documents_needing_review_only, self.settings.documents_sort = only, [column, order]

    def _on_swap_panes_triggered(self) -> None:
        self.view.set_left_side(self.view.left_side.other)
        if self.settings is not None:
            self.settings.pane_order = "zh-en" if self.view.left_side is Side.SRC else "en-zh"

    def _zoom(self, step: int) -> None:
        font = QFont(self.view.panes[Side.SRC].font())
        size = max(7, min(40, font.pointSize() + step))
        font.setPointSize(size)
        self.view.set_text_font(font)
        if self.settings is not None:
            self.settings.font_size = size

    def _on_zoom_in_triggered(self) -> None:
        self._zoom(+1)

    def _on_zoom_out_triggered(self) -> None:
        self._zoom(-1)

    def _on_find_searched(self, text: str, forward: bool) -> None:
        self.find_bar.show_result(self.view.find(text, forward))

    def _on_find_next_triggered(self) -> None:
        if not self.find_bar.field.text():
            self.find_bar.open()
            return
        self._on_find_searched(self.find_bar.field.text(), True)

    def _on_undo_text_changed(self, text: str) -> None:
        self.undo_action.setText(self.tr("&Undo %1").replace("%1", text) if text else self.tr("&Undo"))

    def _on_redo_text_changed(self, text: str) -> None:
        self.redo_action.setText(self.tr("&Redo %1").replace("%1", text) if text else self.tr("&Redo"))

    def _on_go_to_triggered(self) -> None:
        """Ask for a sentence number on the focused side and select it: a reviewer's "check sentence 1102" meant
        dragging the scrollbar (an X11 re-test found no way to go to a number)."""
        self.view.finish_editing()
        side = self.view.focus_side
        count = len(self.document.segments(side))
        if not count:
            return
        current = self.view.current_segment()
        value = current[1] + 1 if current is not None and current[0] is side else 1
        language = self.tr("Chinese") if side is Side.SRC else self.tr("English")
        number, ok = self.ask_number(self.tr("Go to Sentence"), self.tr("%1 sentence (1–%2):").replace(
            "%1", language).replace("%2", str(count)), value, count)
        if ok:
            self.go_to_sentence(side, number - 1)

    def ask_number(self, title: str, label: str, value: int, maximum: int) -> tuple[int, bool]:
        """Ask for a number from 1 to `maximum` (tests replace this)."""
        from PySide6.QtWidgets import QInputDialog

        return QInputDialog.getInt(self, title, label, value, 1, maximum)

    def go_to_sentence(self, side: Side, pos: int) -> None:
        """Select sentence `pos` of `side` and bring it into view, showing its link if the Show filter hid it."""
        k = self.document.bead_index_of(self.document.segments(side)[pos].id)
        if self.view.bead_hidden(k):
            self.view.reveal_beads([k])
        self.view.select_segment(side, pos)
        self.view.ensure_bead_visible(k)
        self.focus_panes()

    def _on_find_previous_triggered(self) -> None:
        if self.find_bar.field.text():
            self._on_find_searched(self.find_bar.field.text(), False)

    def _on_find_closed(self) -> None:
        self.view.clear_find()
        pane = self.view.panes[self.view.focus_side]
        pane.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- alignment in the background ------------------------------------------------------------

    def _on_align_triggered(self) -> None:
        kept = sum(b.is_fixed for b in self.document.beads)
        if kept and not self.is_aligning():
            # aligning from scratch would discard links a person confirmed or edited: ask first
            answer = QMessageBox.question(
                self, self.tr("Align Automatically"),
                self.tr("Aligning from scratch discards %n link(s) you confirmed or edited. Keep them and "
                        "re-align the rest around them?", "", kept),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Yes)
            if answer == QMessageBox.StandardButton.Cancel:
                return
            self.start_alignment(keep_fixed=answer == QMessageBox.StandardButton.Yes)
            return
        self.start_alignment(keep_fixed=False)

    def _on_realign_triggered(self) -> None:
        self.start_alignment(keep_fixed=True)

    def start_alignment(self, keep_fixed: bool = True, mode: str = "best",
                        fold_into: ApplyChange | None = None) -> TaskSignals | None:
        """Align off the GUI thread (see AlignmentJobs.start: `fold_into`, the undo step the result joins);
        None when nothing can be aligned or one runs."""
        signals = self.alignment_jobs.start(keep_fixed=keep_fixed, mode=mode, fold_into=fold_into)
        if signals is not None:
            # where the translator is working: the links arrive around that sentence, not at the text's start
            current = self.view.current_segment()
            self._alignment_anchor = None if current is None else \
                (current[0], self.document.segments(current[0])[current[1]].id)
        return signals

    def is_aligning(self) -> bool:
        return self.alignment_jobs.busy

    def cancel_alignment(self) -> None:
        self.alignment_jobs.cancel()

    def _on_alignment_busy_changed(self, _busy: bool) -> None:
        self._update_actions()

    def _open_dictionary(self) -> None:
        """Open the dictionary in this process on a worker thread, once (memory-mapped: milliseconds once the
        aligner built it): the aligner runs in a process of its own, and until the dictionary is open here the
        strip and the review list cannot name a link's dictionary coverage, so the same link read "no numbers,
        length ratio ..." or "..., dictionary cover 22 %, ..." depending on what had run before."""
        if self._dictionary_requested:
            return
        self._dictionary_requested = True
        from editor.ui.jobs.workers import Task

        def open_it() -> bool:
            from editor.alignment.lexicon import shared_lexicon

            shared_lexicon().load()
            return True

        task = Task(open_it)
        task.signals.succeeded.connect(self._on_dictionary_open)     # a failure leaves the strip as it was
        task.start()

    def _on_dictionary_open(self, _ok) -> None:
        self.review_list.model.forget_evidence()
        self.review_list.schedule_refresh(self.document, self.view.review, self._typical_ratio)
        self._on_selection_changed()        # the strip words the selected link again

    def _on_aligned(self, links: int) -> None:
        if not links:
            return
        self._open_dictionary()
        anchor, self._alignment_anchor = self._alignment_anchor, None
        if anchor is not None:
            # Re-align the Rest (or an accepted alternative) keeps the link under the cursor selected and
            # in view, so the translator goes on where they were
            try:
                k = self.document.bead_index_of(anchor[1])
            except (InvalidEditError, KeyError):
                k = None                 # the sentence went away meanwhile (another document opened)
            if k is not None:
                self.view.select_bead(k)
                return
        self.view.select_bead(0 if self.view.current_bead() is None else self.view.current_bead())

    def _on_alignment_failed(self, exc: BaseException) -> None:
        self.show_error(self.tr("Alignment failed"), exc)

    # -- files (FileController) -----------------------------------------------------------------

    def _on_artefact_review_requested(self, beads: list | None) -> None:
        """The export dialog's "Review these": list only the links that look like import artefacts; its "Review
        List" (beads None): the review list of the doubtful links. The first listed link is selected (the panes
        stayed where they were, so the reviewer saw nothing of the list's links: an X11 audit)."""
        if beads is not None:
            self.review_list.show_only(self.document, self.view.review, self._typical_ratio, beads,
                                       self.tr("%n link(s) that look like import artefacts", "", len(beads)))
        else:
            self.review_list.refresh(self.document, self.view.review, self._typical_ratio)
        self.review_list.show()
        self.review_list.raise_()
        self._remember_layout()
        self.review_list.choose_first()

    def show_message(self, text: str, milliseconds: int = 0) -> None:
        self.statusBar().showMessage(text, milliseconds)

    def show_error(self, title: str, exc: BaseException, path: Path | None = None) -> None:
        """Tell the user what went wrong, naming the file."""
        self.files.show_error(title, exc, path)

    def maybe_save(self) -> bool:
        """Ask about unsaved work; True when it is fine to go on (saved or discarded)."""
        if self.collection is not None:
            return self._maybe_save_collection()
        return self.files.maybe_save()

    def open_paths(self, paths: Sequence[Path | str], ask: bool = True) -> bool:
        """Open a project or alignment file, or import one or two texts and align them. True on success."""
        return self.files.open_paths(paths, ask=ask)

    @property
    def last_import_notes(self) -> list[str]:
        """What opening another tool's file left out or changed."""
        return self.files.last_import_notes

    def new_alignment(self, paths: Sequence[Path] | None = None) -> None:
        """Ask for texts in the import dialog (prefilled with `paths`), then align them in the background."""
        self.files.new_alignment(paths)

    def _on_new_triggered(self) -> None:
        self.files.new_alignment()

    def _on_recent_file_chosen(self, name: str) -> None:
        self.files.open_paths([name])

    def _on_file_used(self, name: str) -> None:
        if self.recent_menu is not None:
            self.recent_menu.add(name)

    def save(self) -> bool:
        """Save to the project file (asking for a name the first time), or every changed document of an open
        collection. True when saved."""
        if self.collection is not None:
            return self.collection.save_all()
        return self.files.save()

    def save_as(self) -> bool:
        return self.files.save_as()

    def _save_to(self, path: Path) -> bool:
        return self.files.save_to(path)

    # FileHost: what the file controller asks of the window

    def finish_editing(self) -> None:
        self.view.finish_editing()

    def review_threshold(self) -> float:
        return self.view.review.threshold

    def _remember_place(self) -> None:
        """Keep the link selected in the project shown (Settings.project_places)."""
        k = self.view.current_bead() if self.collection is None else None
        if self.settings is not None and self.project_path is not None and k is not None:
            from editor.settings import remember_place
            remember_place(self.settings, self.project_path, k)

    def _restore_place(self) -> None:
        """A project opens on the link selected when it was last saved or closed."""
        if self.settings is None or self.project_path is None:
            return
        k = self.settings.project_places.get(str(Path(self.project_path).absolute()))
        if k is not None and 0 < k < len(self.document.beads):
            self.view.select_bead(k)
            self.view.ensure_bead_visible(k, force=True)

    def mark_saved(self, path: Path) -> None:
        """The document was saved to `path`: it is the project file now, and clean."""
        self.project_path = path
        self._remember_place()
        self.undo_stack.setClean()
        if self._autosaver is not None:
            self._autosaver.clear()
        self._update_title()
        self._update_status()

    def _on_settings_triggered(self) -> None:
        if self.settings is None:
            return
        try:
            from editor.ui.dialogs.settings_dialog import SettingsDialog
        except ImportError:
            return
        dialog = SettingsDialog(self, self.settings)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.settings = dialog.settings()
            self._apply_settings()
            if self._autosaver is not None and hasattr(self._autosaver, "set_interval"):
                self._autosaver.set_interval(self.settings.autosave_seconds)
            if self._recorder is not None:
                self._recorder.set_interval(self.settings.autosave_seconds)
            self._save_settings()

    def _save_settings(self) -> None:
        if self.settings is None:
            return
        self._remember_place()
        self.settings.window_geometry = bytes(self.saveGeometry().toBase64()).decode("ascii")
        self.settings.last_folder = file_dialogs.last_folder()
        if self.recent_menu is not None and hasattr(self.recent_menu, "paths"):
            self.settings.recent_files = list(self.recent_menu.paths())
        self._remember_layout()

    def _write_settings(self) -> None:
        try:
            from editor.settings import save_settings
        except ImportError:
            return
        try:
            save_settings(self.settings)
        except OSError as exc:
            log.warning("could not save settings: %s", exc)

    def _restore_layout(self) -> None:
        """Open the docks as the translator left them (the review list, the undo history), and keep that layout
        whenever they open or close one. The review list was closed after every restart and after a crash, so
        the reviewer lost the list they worked down (an X11 audit). The document list opens with a collection
        only."""
        if self.settings is not None and self.settings.window_state:
            # (the two lists still go to one side as tabs when a collection opens in a narrow window: taken for
            # the translator's arrangement, a review list restored open left each pane ~185 px; an X11 re-test)
            self.restoreState(QByteArray.fromBase64(self.settings.window_state.encode("ascii")))
            if self.collection is None:
                self.document_list.hide()
        for dock in (self.review_list, self.undo_dock):
            dock.toggleViewAction().triggered.connect(lambda _checked: self._remember_layout())
        # the review list's order too (it went back to "lowest confidence first" at every start; an X11 audit)
        if self.settings is not None:
            from editor.ui.review.review_list import ReviewOrder

            self.review_list.set_order(ReviewOrder(self.settings.review_order))
        self.review_list.order_changed.connect(self._on_review_order_changed)
        self.review_list.scope_changed.connect(self._on_review_scope_changed)

    def _on_review_scope_changed(self, whole: bool) -> None:
        if self.settings is not None and self.settings.review_whole_collection != whole:
            self.settings.review_whole_collection = whole
            self._remember_layout()

    def _on_review_order_changed(self, order: str) -> None:
        if self.settings is not None and self.settings.review_order != order:
            self.settings.review_order = order
            self._remember_layout()

    def _remember_layout(self) -> None:
        """Store the settings with the docks as they are now (the window's state)."""
        if self.settings is None:
            return
        self.settings.window_state = bytes(self.saveState().toBase64()).decode("ascii")
        self._write_settings()

    # -- collections (editor.ui.collection) -------------------------------------------------------

    def _build_collection_dock(self) -> None:
        from editor.ui.collection.document_list import DocumentList

        self.document_list = DocumentList(self)
        self.document_list.document_chosen.connect(self._on_collection_document_chosen)
        self.document_list.cancel_requested.connect(self._on_collection_cancel_requested)
        if self.settings is not None:
            self.document_list.set_view_state(self.settings.documents_needing_review_only,
                                              *self.settings.documents_sort)
        self.document_list.view_changed.connect(self._on_document_list_view_changed)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.document_list)
        self.document_list.hide()
        toggle = self.document_list.toggleViewAction()
        toggle.setText(self.tr("&Document List"))
        toggle.setShortcut(QKeySequence("Ctrl+Shift+D"))
        self.view_menu.addAction(toggle)
        self.document_list_action = toggle
        self._collection_title = ""
        self._side_docks_arranged = False
        self._in_front: dict = {}
        for dock in (self.document_list, self.review_list):
            dock.visibilityChanged.connect(self._arrange_side_docks)
            dock.visibilityChanged.connect(lambda visible, dock=dock: self._note_in_front(dock, visible))
            dock.toggleViewAction().triggered.connect(lambda checked, dock=dock: self._bring_to_front(dock, checked))

    #: below this window width the document list and the review list share one side as tabs: side by side with
    #: the two panes, each pane was about 200 px wide at 1,280 px (a Chinese line of 8 characters)
    SIDE_DOCKS_MIN_WIDTH = 1600

    def _note_in_front(self, dock, visible: bool) -> None:
        if not dock.isHidden():             # a tab unselected, not the dock closed
            self._in_front[dock] = visible

    def _bring_to_front(self, dock, checked: bool) -> None:
        """A dock's View action (Ctrl+Shift+L, Ctrl+Shift+D) on a dock open behind another's tab brings it to the
        front instead of closing it."""
        if not checked and self._in_front.get(dock) is False and self.tabifiedDockWidgets(dock):
            dock.show()
            dock.raise_()

    def _arrange_side_docks(self, visible: bool) -> None:
        """When the document list and the review list are both open in a narrow window, put them on one side as
        tabs, the one just shown in front. Once: after that the docks stay where the translator puts them."""
        if not visible or self._side_docks_arranged or self.width() >= self.SIDE_DOCKS_MIN_WIDTH:
            return
        docs, review = self.document_list, self.review_list
        if docs.isHidden() or review.isHidden() or docs.isFloating() or review.isFloating():
            return
        self._side_docks_arranged = True
        front = self.sender() if self.sender() in (docs, review) else review
        if review not in self.tabifiedDockWidgets(docs):
            self.tabifyDockWidget(docs, review)
        QTimer.singleShot(0, front.raise_)

    def _unarrange_side_docks(self) -> None:
        """The collection closed: the review list that shared the document list's side as a tab goes back to its
        own side at its own width (it stayed on the left, ~535 px of a 1,280-px window, over one document's panes:
        an X11 audit); the next collection arranges the two again."""
        if not self._side_docks_arranged:
            return
        self._side_docks_arranged = False
        review = self.review_list
        if review.isFloating() or self.dockWidgetArea(review) is Qt.DockWidgetArea.RightDockWidgetArea:
            return
        shown = not review.isHidden()
        self.removeDockWidget(review)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, review)
        review.setVisible(shown)
        if shown:
            width = min(review.sizeHint().width(), self.width() // 3)
            self.resizeDocks([review], [width], Qt.Orientation.Horizontal)

    def _on_new_collection_triggered(self) -> None:
        if not self.maybe_save():
            return
        self._new_collection()

    def _new_collection(self, folder: Path | None = None) -> bool:
        """File → New Collection…, its files taken from `folder` when given (one folder, both languages). True
        when a collection was made and opened."""
        from editor.ui.collection.new_collection_dialog import NewCollectionDialog

        dialog = NewCollectionDialog(self, self.settings)
        if folder is not None:
            dialog.set_one_folder(folder)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.collection() is not None:
            return self.open_collection(dialog.collection(), ask=False)
        return False

    def _on_open_collection_triggered(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        if not self.maybe_save():
            return
        name = QFileDialog.getExistingDirectory(self, self.tr("Open Collection"), str(file_dialogs.start_folder()))
        if name:
            file_dialogs.remember(name)
            self.open_collection(Path(name), ask=False)

    def open_collection(self, collection, ask: bool = True) -> bool:
        """Open a collection (a folder, its index file, or a Collection): list its documents, align those not
        aligned yet in the background, and show the first one that can be reviewed. True on success."""
        from editor.collection.store import Collection
        from editor.errors import EditorError
        from editor.ui.collection.collection_controller import CollectionController

        if ask and not self.maybe_save():
            return False
        if not isinstance(collection, Collection):
            path = Path(collection)
            from editor.collection.store import is_collection
            if path.is_dir() and not is_collection(path):
                # a folder of the client's files, not a collection yet (opened, dropped or named on the command
                # line): the New Collection dialog, its pairs found in that folder, instead of an error
                return self._new_collection(path)
            try:
                collection = Collection.open(path)
                collection.refresh_stats()
            except EditorError as exc:
                self.show_error(self.tr("Could not open the collection"), exc, path)
                return False
        if self.collection is not None and self.collection.collection.folder.resolve() == \
                collection.folder.resolve():
            self.close_collection(discard=True)     # open again in this window: its lock is this window's
        try:
            lock = collection.lock()
        except EditorError as exc:
            self.show_error(self.tr("Could not open the collection"), exc, collection.folder)
            return False
        if self.collection is not None:
            self.close_collection(discard=True)
        self.alignment_jobs.cancel()
        self._pause_single_document_safety()
        controller = CollectionController(self, collection, self, self)
        controller.lock = lock
        controller.message.connect(self.show_message)
        controller.error.connect(lambda title, exc: self.show_error(title, exc))
        controller.modified_changed.connect(self._update_title)
        controller.document_shown.connect(self.document_list.select)
        controller.document_shown.connect(self.review_list.set_shown_document)
        controller.aligner.document_finished.connect(lambda _name: self.review_list.collection_changed())
        controller.aligner.document_failed.connect(lambda *_args: self.review_list.collection_changed())
        self.review_list.set_collection(controller.review)
        if self.settings is not None:       # the scope last chosen (it was one document's after every start)
            self.review_list.set_whole_collection(self.settings.review_whole_collection)
        self.collection = controller
        self.navigator.across_documents = True
        self._collection_title = controller.name
        self.document_list.set_model(controller.model)
        if not self.document_list.isVisible():
            self.document_list.show()
            # two fifths of the window at most: the panes are where the work is (the columns fit in ~540 px)
            width = min(560, max(320, self.width() * 21 // 50))
            self.resizeDocks([self.document_list], [width], Qt.Orientation.Horizontal)
            QTimer.singleShot(0, lambda: self.resizeDocks([self.document_list], [width], Qt.Orientation.Horizontal))
        self.qdoc.set_document(AlignmentDocument())
        self._update_title()
        self._update_actions()
        self.files.file_used.emit(str(collection.folder.absolute()))
        # the next Open Collection starts beside this one, however it was opened (from the command line, New
        # Collection, the recent list): it started in the home folder (an X11 audit)
        file_dialogs.remember(collection.folder)
        said = []
        # the unsaved edits a session that ended left in documents' journals come back now, every document's, not
        # as each is opened: until then the list's counts, the whole-collection review list, Export Collection and
        # Save all had the saved files' state (links confirmed before a kill listed as doubtful; an X11 audit)
        left = [name for name in reversed(controller.leftovers()) if controller.show(name)][::-1]
        if left:
            said.append(self.tr("Recovered the unsaved edits of %n document(s) from a session that ended: %1. "
                                "Save to keep them.", "", len(left)).replace("%1", ", ".join(left)))
        tmx = sum(1 for e in collection.entries if e.file and e.file.lower().endswith(".tmx"))
        if tmx:
            # a TMX holds links only: the sentences without counterpart (the likely omissions a review is for)
            # are not in it, and the document list's counts (made before) disagreed with the opened documents
            said.append(self.tr("%n document(s) were written as TMX, which keeps no sentence without a "
                                "counterpart: to review omissions, run duiqi batch with --format duiqi.", "", tmx))
        if said:
            self.show_message(" ".join(said), 15000)
        first = next((e.name for e in collection.entries if name_is_ready(collection, e)), None)
        place = controller.last_place()                 # where the last session was
        if place is not None and not any(e.name == place[0] and name_is_ready(collection, e)
                                         for e in collection.entries):
            place = None
        if controller.align_all():
            self.document_list.show_progress(0.0)
            controller.aligner.progressed.connect(self._on_collection_progressed)
            controller.aligner.finished.connect(lambda _cancelled: self.document_list.show_progress(None))
        if place is not None:
            controller.show(place[0])
            self.return_to(place[1])            # (a replay of its journal moved the selection to its last change)
            self.recover_draft(place[2])
        elif first is not None and not left:
            controller.show(first)
        return True

    def close_collection(self, discard: bool) -> None:
        """Close the open collection (its documents' unsaved edits are dropped with `discard`, else their journals
        stay) and go back to a single empty document."""
        controller = self.collection
        if controller is None:
            return
        self.alignment_jobs.cancel()
        controller.close(discard=discard)
        self.collection = None
        self.navigator.across_documents = False
        self.review_list.set_collection(None)
        self.document_list.set_model(None)
        self.document_list.show_progress(None)
        self.document_list.hide()
        self._unarrange_side_docks()
        self._set_undo_stack(self._own_stack)
        for stack in self.undo_group.stacks():
            if stack is not self._own_stack:
                self.undo_group.removeStack(stack)
        self._own_stack.clear()
        self.project_path = self.opened_path = None
        self.qdoc.set_document(AlignmentDocument())
        self._own_stack.setClean()
        self._resume_single_document_safety()
        controller.deleteLater()
        self._update_title()

    def _pause_single_document_safety(self) -> None:
        """A collection keeps its own journals (one per document, in its folder): the session's autosave and
        journal of a single document stop meanwhile."""
        if self._recorder is not None:
            self._recorder.close(remove=True)
            self._recorder = None
        if self._autosaver is not None:
            self._autosaver.stop()
            self._autosaver.clear()

    def _resume_single_document_safety(self) -> None:
        if self._autosaver is not None and not self._autosaver.is_active():
            self._autosaver.start()
            self._recorder = self._make_recorder()

    def _set_undo_stack(self, stack: QUndoStack) -> None:
        """Make `stack` the window's undo history (the shown document's)."""
        old = self.undo_stack
        if old is not stack:
            old.cleanChanged.disconnect(self._on_clean_changed)
            old.indexChanged.disconnect(self._on_undo_index_changed)
            if stack not in self.undo_group.stacks():
                self.undo_group.addStack(stack)
            stack.cleanChanged.connect(self._on_clean_changed)
            stack.indexChanged.connect(self._on_undo_index_changed)
            self.undo_stack = stack
            self._undo_index = stack.index()
            self.alignment_jobs.set_undo_stack(stack)
        self.undo_group.setActiveStack(stack)

    def show_collection_document(self, doc: AlignmentDocument, stack: QUndoStack, title: str) -> None:
        """Show a document of the open collection with its own undo history (CollectionHost)."""
        self.alignment_jobs.document_replaced(opened_clean=True)
        self._set_undo_stack(stack)
        self.project_path = self.opened_path = None
        self.qdoc.set_document(doc)
        self._collection_title = title
        self._update_title()
        if self.isVisible():
            self.focus_panes()

    def select_first_doubtful(self) -> bool:
        return self.navigator.jump(self.view.is_doubtful, start=-1, quiet=True)

    def select_last_doubtful(self) -> bool:
        return self.navigator.jump(self.view.is_doubtful, start=len(self.document.beads), forward=False, quiet=True)

    def _on_doubtful_ran_out(self, forward: bool) -> None:
        if self.collection is not None:
            self.collection.next_document_with_doubtful(forward)

    def _on_collection_document_chosen(self, name: str) -> None:
        if self.collection is not None and self.collection.show(name):
            self.focus_panes()

    def _on_review_link_chosen(self, name: str, k: int) -> None:
        """A row of the whole collection's review list: open its document in the panes, at the link."""
        if self.collection is not None and (self.collection.shown == name or self.collection.show(name)):
            self.navigator.go_to(k)

    def _on_collection_cancel_requested(self) -> None:
        if self.collection is not None:
            self.collection.aligner.cancel()

    def _on_collection_progressed(self, fraction: float) -> None:
        if self.collection is not None and self.collection.aligner.running:
            self.document_list.show_progress(fraction)

    def _on_export_collection_triggered(self) -> None:
        if self.collection is not None:
            self.collection.ask_and_export(self.settings)
            self._save_settings()           # the format chosen, stored at once (as a single export's choices)

    def _maybe_save_collection(self) -> bool:
        names = self.collection.modified_names()
        if not names:
            return True
        answer = QMessageBox.question(
            self, self.tr("Unsaved changes"),
            self.tr("%n document(s) of the collection have changes that are not saved (%1). Save them first?", "",
                    len(names)).replace("%1", ", ".join(names[:5]) + (" …" if len(names) > 5 else "")),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.collection.save_all()
        return answer == QMessageBox.StandardButton.Discard

    # -- help -----------------------------------------------------------------------------------

    def _on_shortcuts_triggered(self) -> None:
        from editor.ui.dialogs.help_dialogs import ShortcutsDialog
        ShortcutsDialog(self.menus, self).exec()

    def _on_about_triggered(self) -> None:
        from editor.ui.dialogs.help_dialogs import show_about
        show_about(self)

    # -- window events --------------------------------------------------------------------------

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not event.spontaneous():
            self.focus_panes()

    def focus_panes(self) -> None:
        """Give the keyboard to the focused pane, so arrows and Enter review right away."""
        self.view.panes[self.view.focus_side].setFocus(Qt.FocusReason.OtherFocusReason)

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls() and all(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if not paths:
            return
        event.acceptProposedAction()
        self.files.open_dropped(paths)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.view.finish_editing()
        if not self.maybe_save():
            event.ignore()
            return
        if self.collection is not None:
            self.close_collection(discard=True)
        self.cancel_alignment()
        # Let a cancelled alignment notice (it checks should_stop often) before the window goes away.
        QThreadPool.globalInstance().waitForDone(3000)
        if self._recorder is not None:
            self._recorder.close(remove=True)
        if self._autosaver is not None:
            self._autosaver.stop()
            self._autosaver.clear()
        self._save_settings()
        event.accept()
