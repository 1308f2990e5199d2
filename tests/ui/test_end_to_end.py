"""A translator's whole session with the keyboard only: import the mixed sample, review, fix, save, reopen, export."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from editor.bitext.document import Side
from editor.bitext.project import load_project
from editor.resources import sample_path
from editor.ui.window.main_window import MainWindow
from tests.conftest import EVENT_TIMEOUT_MS
from tests.sample_gold import assert_is_the_gold
from tests.ui.editor_fixtures import mark_clean


def _key(qtbot, widget, key, modifiers=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(widget, key, modifiers)


def test_import_review_fix_save_reopen_and_export_with_the_keyboard(qtbot, tmp_path, monkeypatch):
    win = MainWindow(autosave=False)
    qtbot.addWidget(win, before_close_func=mark_clean)
    win.show()
    win.activateWindow()
    qtbot.waitActive(win)
    with qtbot.waitSignal(win.qdoc.changed, timeout=EVENT_TIMEOUT_MS):
        assert win.open_paths([sample_path()], ask=False)       # what `duiqi FILE` and dropping a file do
    doc = win.document
    assert_is_the_gold(doc)

    pane = win.view.panes[Side.SRC]
    pane.setFocus()
    win.view.select_bead(0)
    for _ in range(3):                                           # Enter: confirm and go to the next one
        _key(qtbot, pane, Qt.Key.Key_Return)
    assert all(b.is_fixed for b in doc.beads[:3])

    # Fix: join the current Chinese sentence with the next one (Ctrl+J), then undo it (Ctrl+Z).
    before = doc.snapshot()
    _key(qtbot, win.view.panes[win.view.focus_side], Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    assert doc.snapshot() != before
    _key(qtbot, win.view.panes[win.view.focus_side], Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert doc.snapshot() == before

    # Unlink a link (Ctrl+U), then link it again by keyboard: select on the left, Right arrow to the other pane,
    # select, Ctrl+L.
    zh, en = doc.src[5], doc.tgt[5]                              # 参加者可以… / Participants can borrow…
    pane = win.view.panes[Side.SRC]
    pane.setFocus()
    win.view.select_bead(doc.bead_index_of(zh.id))
    _key(qtbot, pane, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    assert [(b.src, b.tgt) for b in doc.beads if zh.id in b.src or en.id in b.tgt] == [((zh.id,), ()), ((), (en.id,))]
    win.view.select_segment(Side.SRC, 5)
    _key(qtbot, pane, Qt.Key.Key_Right)
    right = win.view.panes[Side.TGT]
    assert QApplication.focusWidget() is right
    win.view.select_segment(Side.TGT, 5)
    _key(qtbot, right, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    [linked] = [b for b in doc.beads if zh.id in b.src or en.id in b.tgt]
    assert (linked.src, linked.tgt) == ((zh.id,), (en.id,)) and linked.is_fixed
    doc.check()

    # Save (Ctrl+S asks for a name the first time), reopen, export.
    project = tmp_path / "sample.duiqi"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(project), ""))
    _key(qtbot, right, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert project.exists() and not win.is_modified()
    assert load_project(project).snapshot() == doc.snapshot()

    other = MainWindow(autosave=False)
    qtbot.addWidget(other, before_close_func=mark_clean)
    assert other.open_paths([project])
    assert other.document.snapshot() == doc.snapshot()

    # Export (Ctrl+E) through the export dialog, accepted as it comes except for the file name.
    from PySide6.QtWidgets import QDialog, QMessageBox

    from editor.ui.dialogs.export_dialog import ExportDialog

    tmx = tmp_path / "sample.tmx"
    monkeypatch.setattr(ExportDialog, "exec", lambda dialog: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(ExportDialog, "path", lambda dialog: tmx)
    reports = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: reports.append(a[2]))
    other.show()
    other.activateWindow()
    qtbot.waitActive(other)
    _key(qtbot, other.view.panes[Side.SRC], Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert reports and str(tmx) in reports[0]
    assert tmx.read_text(encoding="utf-8").count("</tu>") == sum(1 for b in doc.beads if b.src and b.tgt)
