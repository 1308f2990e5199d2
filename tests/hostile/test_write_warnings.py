"""The translator is told at once, in the window, when edits can no longer be written (issue 26): the status
bar until writing works again, a dialog once per run of failures; and a read-only or unusable DUIQI_HOME
starts the editor with that warning instead of a traceback."""

from __future__ import annotations

import errno
import random

from editor.settings import Settings
from editor.ui.window.main_window import MainWindow
from tests.bitext.edit_script import random_change, start_document
from tests.ui.editor_fixtures import mark_clean


def editor(qtbot) -> MainWindow:
    window = MainWindow(start_document(), settings=Settings(autosave_seconds=60))
    qtbot.addWidget(window, before_close_func=mark_clean)
    return window


def edit(window: MainWindow, rng: random.Random) -> None:
    from editor.ui.model.commands import ApplyChange

    window.undo_stack.push(ApplyChange(window.qdoc, random_change(window.document, rng)))


def test_a_full_disk_under_the_autosave_is_said_in_the_status_bar_and_one_dialog(qtbot, monkeypatch):
    window = editor(qtbot)
    edit(window, random.Random(1))

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("editor.ui.safety.autosaver.save_project", full)
    with qtbot.waitSignal(window._autosaver.failed):
        window._autosaver.save_now()
    assert "No space left on device" in window.statusBar().currentMessage()
    first = window.write_warnings.dialog
    assert first is not None and first.isVisible() and not first.isModal()
    window._autosaver.save_now()                        # fails again: no second dialog
    assert window.write_warnings.dialog is first
    monkeypatch.undo()
    with qtbot.waitSignal(window._autosaver.saved):
        window._autosaver.save_now()                    # writing works again: the warning goes
    assert window.statusBar().currentMessage() == ""
    assert not window.write_warnings.failing


def test_a_journal_that_cannot_be_written_is_said_at_once(qtbot, monkeypatch):
    window = editor(qtbot)
    rng = random.Random(2)
    edit(window, rng)

    def full(self, record):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("editor.bitext.journal.Journal._append", full)
    with qtbot.waitSignal(window._recorder.failed):
        edit(window, rng)
    assert "edit journal" in window.statusBar().currentMessage()
    assert window.write_warnings.dialog is not None and window.write_warnings.dialog.isVisible()


def test_an_unusable_duiqi_home_starts_with_a_warning(qtbot, tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.write_text("a file where the folder should be", encoding="utf-8")
    monkeypatch.setenv("DUIQI_HOME", str(home))
    from editor.app import _offer_recovery
    from editor.settings import load_settings

    window = MainWindow(start_document(), settings=load_settings())
    qtbot.addWidget(window, before_close_func=mark_clean)
    assert window._autosaver is None
    assert "cannot be used" in window.statusBar().currentMessage()
    assert window.write_warnings.dialog is not None
    assert _offer_recovery(window) is False
    edit(window, random.Random(3))                      # editing works, in memory
    assert window.is_modified()


def test_without_a_usable_home_autosaves_go_to_a_folder_the_user_picks(qtbot, tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.write_text("a file where the folder should be", encoding="utf-8")
    monkeypatch.setenv("DUIQI_HOME", str(home))
    picked = tmp_path / "elsewhere"
    picked.mkdir()
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getExistingDirectory", lambda *a, **k: str(picked))
    window = MainWindow(start_document(), settings=Settings(autosave_seconds=60))
    qtbot.addWidget(window, before_close_func=mark_clean)
    assert window._autosaver is None and window.write_warnings.choose_button is not None
    window.write_warnings.choose_button.click()
    assert window._autosaver is not None and window._recorder is not None
    assert str(picked) in window.statusBar().currentMessage()
    edit(window, random.Random(4))
    assert window._autosaver.save_now() == window._autosaver.autosave_path
    assert window._autosaver.autosave_path.parent == picked
    assert window._recorder.journal is not None and window._recorder.journal.path.parent == picked
