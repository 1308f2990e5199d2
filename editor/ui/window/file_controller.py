"""File handling of the window: open (projects, other tools' alignments, texts), save, save as, export, and the
question about unsaved changes."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Protocol, Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from editor.bitext.document import AlignmentDocument
from editor.bitext.project import PROJECT_SUFFIX, load_project, save_project
from editor.errors import EditorError, UnsupportedFormatError
from editor.settings import exporter_id
from editor.ui.dialogs import file_dialogs
from editor.ui.error_text import error_reason

ALIGNMENT_SUFFIXES = (".tmx", ".xlf", ".xliff", ".sdlxliff", ".mqxliff", ".mxliff", ".tsv", ".xlsx")
TEXT_SUFFIXES = (".txt", ".text", ".docx", ".html", ".htm", ".md", ".odt", ".epub", ".pdf", ".srt", ".csv")


class FileHost(Protocol):
    """What the file controller needs of the window (tests pass a small stub)."""

    settings: object
    project_path: Path | None
    opened_path: Path | None           # the exchange file (TMX, XLIFF, table) the document was read from

    @property
    def document(self) -> AlignmentDocument: ...

    def set_document(self, doc: AlignmentDocument, path: Path | None, modified: bool = False, *,
                     opened: Path | None = None) -> None: ...

    def start_alignment(self, keep_fixed: bool = True, mode: str = "best") -> object: ...

    def is_modified(self) -> bool: ...

    def finish_editing(self) -> None: ...

    def review_threshold(self) -> float: ...

    def mark_saved(self, path: Path) -> None: ...

    def save(self) -> bool: ...

    def open_collection(self, path: Path, ask: bool = True) -> bool: ...


class FileController(QObject):
    """Opens, saves and exports the host's document; shows only the dialogs that needs (file choosers, the
    import, export and language-pair dialogs, message boxes), parented to `dialog_parent`.

    Signals go up: `file_used` (a file was opened or saved: the recent-files menu keeps it), `message`
    (status bar text and milliseconds), `review_requested` (the links the export dialog asked to review),
    `settings_changed` (the export dialog's choices went into the host's settings).
    """

    file_used = Signal(str)
    message = Signal(str, int)
    #: the export dialog's "Review these": bead indices of import artefacts; None: its "Review List" (the doubtful)
    review_requested = Signal(object)
    settings_changed = Signal()          # the host's settings were changed (the export choices): store them now

    def __init__(self, host: FileHost, dialog_parent: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent if parent is not None else dialog_parent)
        self.host, self.dialog_parent = host, dialog_parent
        self.last_import_notes: list[str] = []     # what opening another tool's file left out or changed

    # -- messages -------------------------------------------------------------------------------

    def show_error(self, title: str, exc: BaseException, path: Path | None = None) -> None:
        """Tell the user what went wrong, naming the file."""
        where = getattr(exc, "path", None) or path
        message = error_reason(exc)               # in the UI's language where the core's reason is a known one
        message = message[:1].upper() + message[1:]          # a sentence of its own under the title
        text = self.tr("Could not open %1.").replace("%1", Path(where).name) if where else title
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self.dialog_parent)
        box.setInformativeText(message + (f"\n\n{where}" if where else ""))
        box.exec()

    def maybe_save(self) -> bool:
        """Ask about unsaved work; True when it is fine to go on (saved or discarded)."""
        if not self.host.is_modified():
            return True
        answer = QMessageBox.question(
            self.dialog_parent, self.tr("Unsaved changes"),
            self.tr("The alignment has changes that are not saved. Save them first?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.host.save()         # the window's Save: a collection saves every changed document
        return answer == QMessageBox.StandardButton.Discard

    # -- opening --------------------------------------------------------------------------------

    def open_paths(self, paths: Sequence[Path | str], ask: bool = True) -> bool:
        """Open a project or alignment file, a collection (its folder or index), or import one or two texts and
        align them. True on success."""
        paths = [Path(p).expanduser().absolute() for p in paths]     # a relative path: absolute defaults later
        if not paths:
            return False
        from editor.collection.store import INDEX_NAME
        if len(paths) == 1 and (paths[0].is_dir() or paths[0].name == INDEX_NAME):
            return self.host.open_collection(paths[0], ask=ask)
        if ask and not self.maybe_save():
            return False
        host = self.host
        first = paths[0]
        suffix = first.suffix.lower()
        try:
            if len(paths) == 1 and suffix == PROJECT_SUFFIX:
                host.set_document(load_project(first), first)
            elif len(paths) == 1 and suffix in ALIGNMENT_SUFFIXES:
                doc = self._load_alignment(first)
                if doc is None:
                    return False
                # nothing is changed yet: the file on disk holds it all (it was marked modified, asked to be saved
                # on quitting and offered for recovery after a kill, with Undo empty; an X11 audit)
                host.set_document(doc, None, opened=first)
                if self.last_import_notes:
                    self.message.emit(" ".join(self.last_import_notes), 15000)
            else:
                from editor.workflow import ImportOptions, import_document
                options = ImportOptions()
                if host.settings is not None:
                    options.tgt_lang = host.settings.tgt_lang
                doc = import_document(paths, options)
                host.set_document(doc, None, modified=True)
                host.start_alignment(keep_fixed=False)
        except (EditorError, OSError) as exc:
            self.show_error(self.tr("Could not open the file"), exc, first)
            return False
        if len(paths) == 1:
            self.file_used.emit(str(first.absolute()))
        return True

    def _load_alignment(self, path: Path) -> AlignmentDocument | None:
        """Read an alignment file (None: the user cancelled the choice of languages); the notes on what
        was left out or changed go to `last_import_notes`."""
        try:
            from editor.exchange.opening import load_alignment
            from editor.exchange.tmx import tmx_languages
            from editor.exchange.units import ImportNotes
        except ImportError:
            raise UnsupportedFormatError("this Duiqi cannot read alignment files yet", path=path) from None
        src_lang = tgt_lang = None
        if path.suffix.lower() == ".tmx":
            languages = tmx_languages(path)
            if len(languages) > 2:
                from editor.ui.dialogs.language_pair_dialog import LanguagePairDialog
                dialog = LanguagePairDialog(self.dialog_parent, path.name, languages)
                if dialog.exec() != QDialog.DialogCode.Accepted:
                    return None
                src_lang, tgt_lang = dialog.pair()
        notes = ImportNotes()
        doc = load_alignment(path, src_lang=src_lang, tgt_lang=tgt_lang, notes=notes)
        self.last_import_notes = self.import_note_lines(notes)
        return doc

    def import_note_lines(self, notes) -> list[str]:
        """Word what opening another tool's file left out or changed (ImportNotes) for the status bar."""
        lines = []
        if notes.left_out:
            left = ", ".join(f"{lang} ({count})" for lang, count in notes.left_out.items())
            lines.append(self.tr("Opened %1 and %2; left out %3.").replace("%1", notes.src_lang or "")
                         .replace("%2", notes.tgt_lang or "").replace("%3", left))
        if notes.markers:
            lines.append(self.tr("%n inline code(s) shown as markers such as {1}.", "", notes.markers))
        skipped = sum(notes.skipped.values())
        if skipped:
            lines.append(self.tr("%n unit(s) that are not text to align were skipped.", "", skipped))
        return lines

    def new_alignment(self, paths: Sequence[Path] | None = None) -> None:
        """Ask for texts in the import dialog (prefilled with `paths`), then align them in the background."""
        if not self.maybe_save():
            return
        from editor.ui.dialogs.import_dialog import ImportDialog

        settings = self.host.settings
        dialog = ImportDialog(self.dialog_parent, list(paths) if paths else None,
                              one_file=settings is not None and settings.import_one_file)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        if settings is not None and not paths:
            settings.import_one_file = dialog.one_file()      # the mode chosen, not the one files dropped imply
        if accepted and dialog.document() is not None:
            chosen = dialog.rows[0].path() if not paths else None
            if chosen is not None and os.access(chosen.parent, os.W_OK):
                # texts the translator picked in the dialog (typed or browsed): the first Save starts beside them
                # (it started in the home folder: an X11 re-test); never a folder Duiqi cannot write, nor the
                # folder of files handed over on the command line (the bundled sample)
                file_dialogs.remember(chosen)
                # stored at once: after a crash the first export suggested the home folder (an X11 audit)
                self.settings_changed.emit()
            self.host.set_document(dialog.document(), None, modified=True)
            self.host.start_alignment(keep_fixed=False)

    def choose_and_open(self) -> None:
        """File → Open: ask for a file, then open it."""
        if not self.maybe_save():
            return
        name, _ = QFileDialog.getOpenFileName(
            self.dialog_parent, self.tr("Open"), str(file_dialogs.start_folder()),
            self.tr("Duiqi projects (*.duiqi);;Alignments (*.tmx *.xlf *.xliff *.sdlxliff *.mqxliff *.mxliff *.tsv *.xlsx);;"
                    "Texts (*.txt *.text *.md *.docx *.html *.htm *.xhtml *.odt *.epub *.pdf *.srt);;All files (*)")
            + ";;" + self.tr("Collections (%1)").replace("%1", "duiqi-collection.json"))
        if name:
            file_dialogs.remember(name)
            self.open_paths([name], ask=False)

    def open_dropped(self, paths: Sequence[Path]) -> None:
        """Dropped texts go through the import dialog (the user sees encoding, split and cleanup); other files open."""
        if all(p.suffix.lower() in TEXT_SUFFIXES for p in paths[:2]):
            self.new_alignment(paths[:2])
        else:
            self.open_paths(paths[:2])

    # -- saving ---------------------------------------------------------------------------------

    def save(self) -> bool:
        """Save to the project file (asking for a name the first time). True when saved."""
        if self.host.project_path is None:
            return self.save_as()
        return self.save_to(self.host.project_path)

    def save_as(self) -> bool:
        doc, project_path = self.host.document, self.host.project_path
        source = self.host.opened_path or (Path(doc.meta.src_file) if doc.meta.src_file else None)
        # The last-used folder, then Documents: the source's folder is often read-only (or the install folder).
        suggested = project_path or file_dialogs.start_folder() / (
            source.with_suffix(PROJECT_SUFFIX).name if source else "alignment.duiqi")
        name, _ = QFileDialog.getSaveFileName(self.dialog_parent, self.tr("Save Project"), str(suggested),
                                              self.tr("Duiqi projects (*.duiqi)"))
        if not name:
            return False
        path = Path(name)
        if path.suffix.lower() != PROJECT_SUFFIX:
            path = path.with_suffix(path.suffix + PROJECT_SUFFIX) if path.suffix else path.with_suffix(PROJECT_SUFFIX)
        return self.save_to(path)

    def save_to(self, path: Path) -> bool:
        self.host.finish_editing()
        try:
            save_project(self.host.document, path)
        except OSError as exc:
            self.show_error(self.tr("Could not save"), exc, path)
            return False
        file_dialogs.remember(path)
        self.host.mark_saved(path)
        self.file_used.emit(str(path.absolute()))
        self.message.emit(self.tr("Saved %1").replace("%1", str(path)), 4000)
        return True

    # -- export ---------------------------------------------------------------------------------

    def export(self) -> None:
        """File → Export: choose format and options in the export dialog, write, and say what was left out."""
        host = self.host
        host.finish_editing()
        from editor.exporting import ExportOptions, export_document, export_suffixes
        doc, project_path = host.document, host.project_path
        # named as a project: the export dialog gives it the format exported last (else TMX); a .tmx here kept
        # TMX after an XLIFF export (an X11 audit)
        stem = (project_path or host.opened_path or Path(doc.meta.src_file or "alignment")).with_suffix(
            PROJECT_SUFFIX).name
        if project_path is None and host.opened_path is not None:
            # never the file it was read from: an XLIFF or TMX opened and exported in its own format was suggested
            # under its own name, one Yes from overwriting the client's file (an X11 re-test)
            stem = f"{host.opened_path.stem}-aligned{PROJECT_SUFFIX}"
        suggested = (project_path.parent if project_path else file_dialogs.start_folder()) / stem
        try:
            from editor.ui.dialogs.export_dialog import ExportDialog
        except ImportError:
            filters = ";;".join(f"*{s}" for s in export_suffixes())
            name, _ = QFileDialog.getSaveFileName(self.dialog_parent, self.tr("Export"),
                                                  str(suggested.with_suffix(".tmx")), filters)
            if not name:
                return
            path, options = Path(name), ExportOptions()
        else:
            settings = host.settings
            dialog = ExportDialog(self.dialog_parent, doc, suggested,
                                  creation_id=exporter_id(settings),
                                  settings=settings, project=project_path,
                                  english_first=settings is not None and settings.pane_order == "en-zh",
                                  review_threshold=host.review_threshold())
            if dialog.exec() != QDialog.DialogCode.Accepted:
                if getattr(dialog, "review_requested", lambda: False)():
                    self.review_requested.emit(dialog.review_beads())
                return
            path, options = dialog.path(), dialog.options()
            if settings is not None:
                dialog.remember(settings)
                # stored at once, not at the next save or a clean quit: after a crash the next export had
                # "Only confirmed links" unticked again and suggested the home folder (an X11 audit)
                self.settings_changed.emit()
        options.review_threshold = host.review_threshold()     # the XLIFF states match the editor's colours
        try:
            report = export_document(doc, path, options)
        except (EditorError, OSError) as exc:
            self.show_error(self.tr("Could not export"), exc, path)
            return
        file_dialogs.remember(path)
        from editor.ui.dialogs.export_dialog import export_finished_text
        self.show_export_finished(export_finished_text(report, path))

    def show_export_finished(self, text: str) -> None:
        """Say what the export wrote and left out, each once and translated (tests replace this)."""
        QMessageBox.information(self.dialog_parent, self.tr("Export finished"), text)
