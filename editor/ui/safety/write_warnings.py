"""Telling the translator at once, in the window, when edits can no longer be written to disk: the autosave
or the edit journal failed (a full disk, a folder gone read-only), or Duiqi's own folder cannot be used at all.

The status bar says it until writing works again; a dialog says it once per run of failures (not at every
edit), without blocking the window: the work is still there, in memory, and can be saved elsewhere."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMainWindow, QMessageBox


class WriteWarnings(QObject):
    """Connect `failed(str)` signals here (Autosaver, EditRecorder); `succeeded` clears the warning."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._failing = False
        self.dialog: QMessageBox | None = None      # the last dialog shown (tests look at it)

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
