"""The Chinese UI: key names as Qt writes them natively, one term for "doubtful", the export dialog readable."""

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence


@pytest.fixture
def chinese(qapp):
    from editor.app import _install_translators

    installed = _install_translators(qapp, "zh_CN")
    assert installed
    yield
    for translator in installed:
        QCoreApplication.removeTranslator(translator)


def test_shortcuts_show_qts_native_key_names_not_translated_ones(qtbot, chinese):
    from PySide6.QtWidgets import QMainWindow, QMenu

    from editor.ui.dialogs.help_dialogs import ShortcutsDialog
    from editor.ui.window.actions import WindowActions

    window = QMainWindow()
    qtbot.addWidget(window)
    actions = WindowActions(window)
    assert actions.boundary_up.text() != "Move Boundary &Up"               # the UI is Chinese
    assert "Alt+Up" in actions.boundary_up.toolTip() and "上方向" not in actions.boundary_up.toolTip()
    assert actions.confirm_next.shortcut().toString(QKeySequence.SequenceFormat.NativeText) == "Return"
    menu = QMenu(window)
    for action in (actions.boundary_up, actions.boundary_down, actions.confirm_next):
        menu.addAction(action)
    dialog = ShortcutsDialog([menu], window)
    qtbot.addWidget(dialog)
    keys = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    assert "Alt+Up" in keys and "Alt+Down" in keys and "Up / Down" in keys and "PgUp / PgDown" in keys
    assert not any(ch in "".join(keys) for ch in "上下回车翻页")
