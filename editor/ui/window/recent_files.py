"""The "Open Recent" menu: the last projects opened, most recent first, kept in the settings."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMenu, QWidget

from editor.settings import MAX_RECENT_FILES, Settings, save_settings

log = logging.getLogger(__name__)


def _normalised(path: str | os.PathLike) -> str:
    return str(Path(path).expanduser().absolute())


class RecentFilesMenu(QMenu):
    """A menu of `settings.recent_files`; choosing an entry emits `file_chosen(path)`.

    Files that no longer exist are shown greyed out (they may be on a drive that is not mounted).
    Every change is saved to settings.json at once, so a crash does not forget it.
    """

    file_chosen = Signal(str)

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Open &Recent"))
        self._settings = settings
        self._settings.recent_files = self._settings.recent_files[:MAX_RECENT_FILES]
        self.aboutToShow.connect(self._on_menu_about_to_show)
        self.triggered.connect(self._on_action_triggered)
        self._rebuild()

    def paths(self) -> list[str]:
        """Return the remembered paths, most recent first."""
        return list(self._settings.recent_files)

    def add(self, path: str | os.PathLike) -> None:
        """Put `path` first (removing an older entry for it), keep at most MAX_RECENT_FILES, and save."""
        entry = _normalised(path)
        files = [entry] + [p for p in self._settings.recent_files if p != entry]
        self._settings.recent_files = files[:MAX_RECENT_FILES]
        self._save()

    def remove(self, path: str | os.PathLike) -> None:
        """Forget `path` (e.g. after opening it failed) and save."""
        entry = _normalised(path)
        self._settings.recent_files = [p for p in self._settings.recent_files if p != entry]
        self._save()

    def clear_files(self) -> None:
        """Forget every entry and save."""
        self._settings.recent_files = []
        self._save()

    def _save(self) -> None:
        try:
            save_settings(self._settings)
        except OSError as exc:     # the list still works for this session
            log.warning("cannot save the recent files list: %s", exc)
        self._rebuild()

    def _rebuild(self) -> None:
        self.clear()
        files = self._settings.recent_files
        for number, path in enumerate(files, start=1):
            name = Path(path).name
            # &1..&9 and &0 give keyboard accelerators; && shows a literal ampersand in the name.
            label = f"&{number % 10} {name.replace('&', '&&')}" if number <= 10 else name.replace("&", "&&")
            action = self.addAction(label)
            action.setData(path)
            action.setToolTip(path)
            action.setStatusTip(path)
            if not Path(path).exists():
                action.setEnabled(False)
                action.setText(self.tr("%1 (missing)").replace("%1", label))
        if not files:
            self.addAction(self.tr("No recent files")).setEnabled(False)
        self.addSeparator()
        self.clear_action = self.addAction(self.tr("&Clear Menu"))
        self.clear_action.setEnabled(bool(files))
        self.clear_action.triggered.connect(self.clear_files)
        self.setToolTipsVisible(True)

    def _on_menu_about_to_show(self) -> None:
        # Files come and go while the editor runs; grey out the missing ones each time the menu opens.
        self._rebuild()

    def _on_action_triggered(self, action) -> None:
        path = action.data()
        if isinstance(path, str) and path:
            self.file_chosen.emit(path)
