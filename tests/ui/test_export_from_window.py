"""Export from the window: the dialog gets the pane order, project and remembered choices; the finished message
says each count once; a project opened by a relative path gets absolute default paths; New Alignment mode."""

from pathlib import Path

from PySide6.QtWidgets import QDialog

from editor.bitext.project import save_project
from editor.ui.dialogs import export_dialog
from editor.ui.window import file_controller


def _accept_with(monkeypatch, seen, preset=None, path=None):
    def exec_(dialog):
        seen.append(dialog)
        if preset:
            dialog.preset_combo.setCurrentIndex(dialog.preset_combo.findData(preset))
        if path:
            dialog.path_edit.setText(str(path))
        return QDialog.DialogCode.Accepted if path else QDialog.DialogCode.Rejected
    monkeypatch.setattr(export_dialog.ExportDialog, "exec", exec_)


def test_the_export_finished_message_says_each_count_once(qtbot, window, monkeypatch, tmp_path):
    seen, shown = [], []
    _accept_with(monkeypatch, seen, preset="trados", path=tmp_path / "out.tmx")
    monkeypatch.setattr(file_controller.QMessageBox, "information",
                        lambda parent, title, text: shown.append((title, text)))
    window.actions_.export.trigger()
    assert (tmp_path / "out.tmx").exists() and shown
    title, text = shown[0]
    lines = text.split("\n")
    assert len(lines) == len(set(lines))
    assert text.count("doubtful") <= 1 and text.count("unlinked") <= 1
    assert not any(line.startswith(("left out", "removed", "wrote")) for line in lines)   # the CLI's wording


def test_export_follows_swapped_panes_and_remembers_the_direction_for_the_project(qtbot, window, monkeypatch,
                                                                                  tmp_path):
    project = tmp_path / "book.duiqi"
    save_project(window.document, project)
    window.files.open_paths([project], ask=False)
    window.actions_.swap_panes.trigger()                  # English on the left: English→Chinese work
    seen = []
    _accept_with(monkeypatch, seen, path=tmp_path / "book.tmx")
    monkeypatch.setattr(file_controller.QMessageBox, "information", lambda *a: None)
    window.actions_.export.trigger()
    assert seen[0].reverse()
    assert 'srclang="en' in (tmp_path / "book.tmx").read_text(encoding="utf-8")
    window.actions_.swap_panes.trigger()                  # back to Chinese on the left
    window.actions_.export.trigger()
    assert seen[1].reverse()                              # the project's direction is remembered


def test_a_project_opened_by_a_relative_path_gets_absolute_export_paths(qtbot, window, monkeypatch, tmp_path):
    folder = tmp_path / "work"
    folder.mkdir()
    save_project(window.document, folder / "book.duiqi")
    monkeypatch.chdir(tmp_path)
    window.files.open_paths([Path("work") / "book.duiqi"], ask=False)
    seen = []
    _accept_with(monkeypatch, seen)
    window.actions_.export.trigger()
    shown = Path(seen[0].path_edit.text())
    assert shown.is_absolute() and shown.parent == folder


def test_new_alignment_opens_in_the_mode_chosen_last_time(qtbot, window, monkeypatch):
    from editor.ui.dialogs import import_dialog

    modes = []

    def exec_(dialog):
        modes.append(dialog.one_file())
        dialog.mixed_file.setChecked(True)
        return QDialog.DialogCode.Rejected
    monkeypatch.setattr(import_dialog.ImportDialog, "exec", exec_)
    window.actions_.new.trigger()
    window.actions_.new.trigger()
    assert modes == [False, True]


def test_the_export_choices_are_stored_at_once_not_at_the_next_save_or_quit(qtbot, window, monkeypatch, tmp_path):
    # an X11 audit: export with "Only confirmed links" ticked, kill -9, restart: the box was unticked again and
    # the path suggested the home folder (the settings were written only on Save or a clean quit)
    from editor.settings import load_settings

    def exec_(dialog):
        dialog.only_confirmed.setChecked(True)
        dialog.path_edit.setText(str(tmp_path / "out.tmx"))
        return QDialog.DialogCode.Accepted
    monkeypatch.setattr(export_dialog.ExportDialog, "exec", exec_)
    monkeypatch.setattr(file_controller.QMessageBox, "information", lambda *a: None)
    window.actions_.export.trigger()
    assert (tmp_path / "out.tmx").exists()
    stored = load_settings()                      # what a new process, after a crash, reads
    assert stored.export_only_confirmed and Path(stored.export_folder) == tmp_path


def test_an_xliff_export_counts_its_sentences_without_counterpart_apart_from_the_pairs(qtbot, window, monkeypatch,
                                                                                         tmp_path):
    # an X11 audit: "368 pair(s) written" for an XLIFF whose 16 units were sentences without counterpart
    from editor.bitext import edits

    doc = window.document
    k = next(i for i, b in enumerate(doc.beads) if b.src and b.tgt)
    window.push_change(lambda d: edits.unlink(d, k))
    unlinked = sum(1 for b in doc.beads if not (b.src and b.tgt))
    links = sum(1 for b in doc.beads if b.src and b.tgt)
    assert unlinked >= 2
    shown = []
    _accept_with(monkeypatch, [], path=tmp_path / "out.xlf")
    monkeypatch.setattr(file_controller.QMessageBox, "information", lambda parent, title, text: shown.append(text))
    window.actions_.export.trigger()
    lines = shown[0].splitlines()
    assert lines[0].startswith(f"{links} pair(s) written to ")
    assert lines[1] == f"{unlinked} sentence(s) without counterpart also written, the other side empty."
    assert (tmp_path / "out.xlf").read_text(encoding="utf-8").count("<trans-unit") == links + unlinked


def test_after_an_xliff_export_the_next_export_from_the_window_suggests_xliff(qtbot, window, monkeypatch,
                                                                             tmp_path):
    # a second X11 audit: the dialog remembered XLIFF, but the window suggested "name.tmx" and it kept TMX
    seen = []
    _accept_with(monkeypatch, seen, path=tmp_path / "out.xlf")
    monkeypatch.setattr(file_controller.QMessageBox, "information", lambda *a: None)
    window.actions_.export.trigger()
    assert (tmp_path / "out.xlf").exists()
    _accept_with(monkeypatch, seen)
    window.actions_.export.trigger()
    assert seen[1].current_format().suffix == ".xlf" and Path(seen[1].path_edit.text()).suffix == ".xlf"


def test_texts_typed_into_the_import_dialog_make_their_folder_where_the_first_save_starts(qtbot, window,
                                                                                           monkeypatch, tmp_path):
    # an X11 re-test: texts chosen in the dialog by typing their paths, then Ctrl+S and Ctrl+E opened in /root
    import shutil

    from editor.ui.dialogs import file_dialogs, import_dialog

    monkeypatch.setattr(file_dialogs, "_last_folder", [""])
    monkeypatch.setattr(window, "start_alignment", lambda **kw: None)
    data = Path(__file__).resolve().parents[1] / "data"
    folder = tmp_path / "client"
    folder.mkdir()
    for name in ("dlg_zh.txt", "dlg_en.txt"):
        shutil.copy(data / name, folder / name)

    def exec_(dialog):
        dialog.set_paths([folder / "dlg_zh.txt", folder / "dlg_en.txt"])     # as typed or dropped in the dialog
        qtbot.waitUntil(lambda: dialog.import_button.isEnabled())
        dialog.import_button.click()
        return dialog.result()
    monkeypatch.setattr(import_dialog.ImportDialog, "exec", exec_)
    window.undo_stack.setClean()
    window.actions_.new.trigger()
    assert file_dialogs.start_folder() == folder
    # stored at once (no close): after a kill -9 the first export suggested the home folder (an X11 audit)
    from editor.settings import load_settings

    assert load_settings().last_folder == str(folder)


def test_after_an_xliff_2_export_the_next_export_suggests_xliff_2(qtbot, window, monkeypatch, tmp_path):
    # an X11 audit: after an export to XLIFF 2.0 the dialog offered XLIFF 1.2 under the same name
    seen = []

    def exec_(dialog):
        seen.append(dialog)
        if len(seen) == 1:
            dialog.path_edit.setText(str(tmp_path / "out.xlf"))
            index = next(i for i, f in enumerate(dialog.formats) if f.xliff_version == "2.0")
            dialog.format_combo.setCurrentIndex(index)
            return QDialog.DialogCode.Accepted
        return QDialog.DialogCode.Rejected
    monkeypatch.setattr(export_dialog.ExportDialog, "exec", exec_)
    monkeypatch.setattr(file_controller.QMessageBox, "information", lambda *a: None)
    window.actions_.export.trigger()
    assert "urn:oasis:names:tc:xliff:document:2.0" in (tmp_path / "out.xlf").read_text(encoding="utf-8")
    window.actions_.export.trigger()
    assert seen[1].current_format().xliff_version == "2.0"


def test_a_document_read_from_an_xliff_is_never_exported_under_that_files_name(qtbot, window, monkeypatch, tmp_path):
    # an X11 re-test: with codes.xlf open, Ctrl+E suggested codes.xlf itself, one Yes from overwriting the client's
    # file
    from editor.exporting import export_document
    from editor.exporting import ExportOptions

    opened = tmp_path / "codes.xlf"
    export_document(window.document, opened, ExportOptions())
    window.opened_path = opened
    window.project_path = None
    seen = []
    _accept_with(monkeypatch, seen)
    window.actions_.export.trigger()
    for index, fmt in enumerate(seen[0].formats):           # in every format, XLIFF or TMX alike
        seen[0].format_combo.setCurrentIndex(index)
        assert seen[0].path().resolve() != opened.resolve()
    assert seen[0].path().name.startswith("codes-aligned.")
