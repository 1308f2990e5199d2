"""After a crash: the recovery dialog, which offers what crashed sessions left, and restoring the chosen one."""

from __future__ import annotations

import logging
import os
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QMessageBox,
                               QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from editor.bitext.document import AlignmentDocument
from editor.bitext.journal import JOURNAL_SUFFIX, History
from editor.bitext.project import PROJECT_SUFFIX
from editor.errors import EditorError
from editor.ui.safety.sessions import SIDECAR_SUFFIX, Recovery, autosave_dir, find_recoveries

log = logging.getLogger(__name__)


class Restored(tuple):
    """What the user restored: unpacks as (document, original project path or None); `history` is the
    undo history replayed from the edit journal (None when only a snapshot was left); `opened` the exchange file
    (TMX, XLIFF, table) the document was read from, when it was never saved as a project."""

    history: History | None
    opened: Path | None

    def __new__(cls, document: AlignmentDocument, path: Path | None, history: History | None = None,
                opened: Path | None = None) -> "Restored":
        self = super().__new__(cls, (document, path))
        self.history, self.opened = history, opened
        return self


# -- the recovery dialog --------------------------------------------------------------------------

class RecoveryDialog(QDialog):
    """Lists unsaved work from crashed sessions: Restore one, Discard, or decide Later."""

    def __init__(self, recoveries: list[Recovery], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Recover Unsaved Work"))
        self._recoveries = list(recoveries)
        self._result: Restored | None = None

        intro = QLabel(self.tr("Duiqi did not close properly last time. "
                               "The following work was saved automatically but not in a project file. "
                               "Restore it now, discard it, or decide later (it is kept until you do)."))
        intro.setWordWrap(True)

        self.list = QTreeWidget()
        self.list.setColumnCount(4)
        self.list.setHeaderLabels([self.tr("Document"), self.tr("Saved automatically"), self.tr("Content"),
                                   self.tr("Project file")])
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.list.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.list.header().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.list.itemDoubleClicked.connect(self._on_list_item_double_clicked)

        self.problem_label = QLabel()       # what could not be used, and where it was kept
        self.problem_label.setWordWrap(True)
        self.problem_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem_label.hide()

        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.hide()

        buttons = QDialogButtonBox()
        self.restore_button = QPushButton(self.tr("&Restore"))
        self.discard_button = QPushButton(self.tr("&Discard"))
        self.later_button = QPushButton(self.tr("&Later"))
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.discard_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(self.later_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.restore_button.setDefault(True)
        self.restore_button.clicked.connect(self._on_restore_clicked)
        self.discard_button.clicked.connect(self._on_discard_clicked)
        self.later_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.resize(720, 300)
        self._fill()

    def _fill(self) -> None:
        self.list.clear()
        for recovery in self._recoveries:
            when = datetime.fromtimestamp(recovery.saved_at).strftime("%Y-%m-%d %H:%M:%S")
            where = str(recovery.original_path) if recovery.original_path else self.tr("(never saved)")
            if recovery.project_is_newer():
                where = self.tr("%1 (changed since: check before restoring)").replace("%1", where)
            content = ""
            if recovery.counts:
                links = recovery.counts.get("beads")
                if isinstance(links, int) and isinstance(recovery.counts.get("unlinked"), int):
                    links -= recovery.counts["unlinked"]
                content = self.tr("%1 links, %2 confirmed").replace(
                    "%1", str(links if links is not None else "?")).replace(
                    "%2", str(recovery.counts.get("confirmed_links", recovery.counts.get("confirmed", "?"))))
            item = QTreeWidgetItem([recovery.title, when, content, where])
            item.setToolTip(3, where)
            problem = self.problem_text(recovery)
            if problem:
                item.setToolTip(0, problem)
                item.setToolTip(2, problem)
            item.setData(0, Qt.ItemDataRole.UserRole, recovery.session)
            self.list.addTopLevelItem(item)
        if self._recoveries:
            self.list.setCurrentItem(self.list.topLevelItem(0))
        problems = [f"{r.title}: {self.problem_text(r)}" for r in self._recoveries if r.problem]
        self.problem_label.setText("\n".join(problems))
        self.problem_label.setVisible(bool(problems))
        self.restore_button.setEnabled(bool(self._recoveries))
        self.discard_button.setEnabled(bool(self._recoveries))

    def problem_text(self, recovery: Recovery) -> str:
        """What recovery could not use and what is offered instead, in the user's language ("" if nothing)."""
        kept = str(recovery.kept.parent) if recovery.kept is not None else ""
        if recovery.problem == "damaged":
            text = self.tr("The edit journal is damaged at record %1; the work up to there is offered.").replace(
                "%1", str(recovery.stopped_at))
            if recovery.source == "snapshot":
                text = self.tr("The edit journal is damaged at record %1; the newer automatic snapshot is "
                               "offered instead (without its undo history).").replace("%1", str(recovery.stopped_at))
        elif recovery.problem == "unreadable":
            text = self.tr("The edit journal cannot be read; the automatic snapshot is offered instead (without "
                           "its undo history).")
        elif recovery.problem == "behind":
            text = self.tr("The edit journal stops before the last automatic snapshot, which is offered instead "
                           "(without its undo history).")
        else:
            return ""
        if kept:
            text += " " + self.tr("A copy of the journal is kept in %1.").replace("%1", kept)
        return text

    def recoveries(self) -> list[Recovery]:
        """Return the recoveries still listed."""
        return list(self._recoveries)

    def selected(self) -> Recovery | None:
        row = self.list.indexOfTopLevelItem(self.list.currentItem()) if self.list.currentItem() else -1
        return self._recoveries[row] if 0 <= row < len(self._recoveries) else None

    def select(self, recovery: Recovery) -> None:
        self.list.setCurrentItem(self.list.topLevelItem(self._recoveries.index(recovery)))

    def restored(self) -> Restored | None:
        """After Restore: (document, the project file it belongs to or None if never saved); `.history` is
        the undo history when the journal held it."""
        return self._result

    def _on_list_item_double_clicked(self) -> None:
        self._on_restore_clicked()

    def _on_restore_clicked(self) -> None:
        recovery = self.selected()
        if recovery is None:
            return
        try:
            history = recovery.load_history()
            document = history.document() if history is not None else recovery.load()
        except EditorError as exc:
            self._show_error(self.tr("This autosave cannot be read: %1").replace("%1", exc.message))
            return
        self._result = Restored(document, recovery.original_path, history, recovery.opened_path)
        _set_aside(recovery)
        self.accept()

    def _on_discard_clicked(self) -> None:
        recovery = self.selected()
        if recovery is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Discard Unsaved Work"),
            self.tr("Delete the unsaved work in “%1” for good?").replace("%1", recovery.title),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Discard:
            return
        self.discard(recovery)

    def discard(self, recovery: Recovery) -> None:
        """Delete one recovery without asking; close the dialog when none are left."""
        try:
            recovery.discard()
        except OSError as exc:
            self._show_error(self.tr("Cannot delete the autosave: %1").replace("%1", str(exc)))
            return
        self._recoveries.remove(recovery)
        self.error_label.hide()
        self._fill()
        if not self._recoveries:
            self.reject()

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()


RESTORED_FOLDER = "restored"
KEEP_RESTORED = 5


def _set_aside(recovery: Recovery) -> None:
    """Move a restored autosave out of the way (it is not offered again) but keep the last few, just in case."""
    folder = autosave_dir() / RESTORED_FOLDER
    try:
        folder.mkdir(exist_ok=True)
        if recovery.autosave_path.exists():
            os.replace(recovery.autosave_path, folder / recovery.autosave_path.name)
        for side_file in (recovery.sidecar_path, recovery.journal_path):
            if side_file.exists():
                os.replace(side_file, folder / side_file.name)
        recovery.lock_path.unlink(missing_ok=True)
        kept = sorted({p.with_suffix("") for p in (*folder.glob(f"*{PROJECT_SUFFIX}"),
                                                   *folder.glob(f"*{JOURNAL_SUFFIX}"))},
                      key=_newest_mtime, reverse=True)
        for old in kept[KEEP_RESTORED:]:
            for suffix in (PROJECT_SUFFIX, SIDECAR_SUFFIX, JOURNAL_SUFFIX):
                old.with_suffix(suffix).unlink(missing_ok=True)
    except OSError as exc:
        log.warning("cannot set the restored autosave %s aside: %s", recovery.autosave_path, exc)


def _newest_mtime(stem: Path) -> float:
    times = [p.stat().st_mtime for p in (stem.with_suffix(PROJECT_SUFFIX), stem.with_suffix(JOURNAL_SUFFIX))
             if p.exists()]
    return max(times, default=0.0)


def offer_recovery(parent: QWidget | None = None) -> Restored | None:
    """If crashed sessions left unsaved work, ask the user what to do with it.

    Returns (document, original project path or None) when the user restores one, with its undo history
    as `.history`, else None
    (no recoveries, Discard, or Later: "Later" keeps them for the next start).
    """
    try:
        recoveries = find_recoveries()
    except OSError as exc:          # the autosave folder cannot be used (a read-only or full DUIQI_HOME)
        log.warning("cannot look for unsaved work to recover: %s", exc)
        return None
    if not recoveries:
        return None
    dialog = RecoveryDialog(recoveries, parent)
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.restored()
        return None
    finally:
        dialog.deleteLater()
