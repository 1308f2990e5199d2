"""Telling the translator at once, in the window, when edits can no longer be written to disk: the autosave
or the edit journal failed (a full disk, a folder gone read-only), or Duiqi's own folder cannot be used at all.

The status bar says it until writing works again; a dialog says it once per run of failures (not at every
edit), without blocking the window: the work is still there, in memory, and can be saved elsewhere."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMainWindow, QMessageBox


class WriteWarnings(QObject):
    """Connect `failed(str)` signals here (Autosaver, EditRecorder); `succeeded` clears the warning."""

    def __init__(self, window: QMainWindow, autosave_to: Callable[[Path], bool] | None = None) -> None:
        """`autosave_to(folder)` starts autosaving into a folder the user picked (True when it works)."""
        super().__init__(window)
        self._window = window
        self._autosave_to = autosave_to
        self._failing = False
        self.dialog: QMessageBox | None = None      # the last dialog shown (tests look at it)
        self.choose_button = None                   # on the dialog: pick another folder for autosaves

    @property
    def failing(self) -> bool:
        return self._failing

    def autosave_failed(self, reason: str) -> None:
        self._warn(self.tr("Unsaved edits can no longer be written to the autosave folder: %1").replace(
            "%1", reason))

    def journal_failed(self, reason: str) -> None:
        self._warn(self.tr("Edits can no longer be written to the edit journal: %1").replace("%1", reason))

    def home_unusable(self, reason: str) -> None:
        self._warn(self.tr("Duiqi's folder for settings and autosaves cannot be used (%1). Duiqi works in memory "
                           "only: nothing is autosaved, so save your work often.").replace("%1", reason))
        if self._autosave_to is not None and self.dialog is not None:
            self.choose_button = self.dialog.addButton(self.tr("Autosave to Another Folder…"),
                                                       QMessageBox.ButtonRole.ActionRole)
            self.choose_button.clicked.connect(self.choose_autosave_folder)

    def choose_autosave_folder(self) -> bool:
        """Ask for a folder and autosave there for the rest of the session; True when autosaving started."""
        from PySide6.QtWidgets import QFileDialog

        folder = QFileDialog.getExistingDirectory(self._window, self.tr("Folder for Autosaves"))
        if not folder or self._autosave_to is None:
            return False
        if not self._autosave_to(Path(folder)):
            self._window.statusBar().showMessage(
                self.tr("Cannot autosave in %1 either; save your work often.").replace("%1", folder))
            return False
        self._failing = False
        self._window.statusBar().showMessage(
            self.tr("Autosaving to %1 (if Duiqi crashes, open the newest .duiqi file there).").replace("%1", folder))
        return True

    def succeeded(self, *args) -> None:
        """Writing works again: clear the status bar's warning; a new failure shows the dialog again."""
        if self._failing:
            self._failing = False
            self._window.statusBar().clearMessage()

    def _warn(self, text: str) -> None:
        self._window.statusBar().showMessage(text)        # stays until writing works again
        if self._failing:
            return
        self._failing = True
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Edits Are Not Being Saved"),
                          text + "\n\n" + self.tr("Your work is still open. Save it (File ▸ Save As) to a "
                                                  "folder with free space before closing Duiqi."),
                          QMessageBox.StandardButton.Ok, self._window)
        box.setModal(False)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = box
        box.show()
