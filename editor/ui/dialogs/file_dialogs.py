"""File dialogs' starting folder (the last-used folder, then Documents) and a text chooser that shows files without an extension."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QModelIndex, QSortFilterProxyModel
from PySide6.QtWidgets import QFileDialog, QFileSystemModel, QWidget

from editor.paths import documents_dir

#: Suffixes of texts the importer reads; files without any suffix are shown with them (plain texts often have none).
TEXT_SUFFIXES = (".txt", ".text", ".md", ".docx", ".html", ".htm", ".xhtml", ".odt", ".epub", ".pdf", ".srt", ".xlsx",
                 ".csv", ".tsv")

_last_folder: list[str] = [""]


def set_last_folder(folder: str | Path | None) -> None:
    """Remember the folder a file was last opened from or written to (settings restore it at start-up)."""
    _last_folder[0] = str(folder or "")


def last_folder() -> str:
    return _last_folder[0]


def remember(path: str | Path) -> None:
    """Remember the folder of a file the user just chose."""
    set_last_folder(Path(path).expanduser().absolute().parent)


def start_folder() -> Path:
    """Return where a file dialog starts: the last-used folder if it still exists, else the Documents folder.

    Never the source file's folder: that is often read-only (a download, a mounted share, the sample).
    """
    last = Path(_last_folder[0]) if _last_folder[0] else None
    if last is not None and last.is_dir():
        return last
    return documents_dir()


def is_text_name(name: str) -> bool:
    """True for a name the text chooser shows under "Texts": a known text suffix, or no suffix at all."""
    suffix = Path(name).suffix.lower()
    return suffix in TEXT_SUFFIXES or (suffix == "" and not name.startswith("."))


class TextFileFilter(QSortFilterProxyModel):
    """Shows folders, known texts and files without an extension (a name filter cannot say "no extension")."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.texts_only = True

    def set_texts_only(self, on: bool) -> None:
        self.texts_only = on
        self.invalidate()

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:
        if not self.texts_only:
            return True
        model = self.sourceModel()
        index = model.index(row, 0, parent)
        if isinstance(model, QFileSystemModel) and model.isDir(index):
            return True
        return is_text_name(model.fileName(index) if isinstance(model, QFileSystemModel) else str(index.data()))


def text_file_dialog(parent: QWidget | None, title: str, start: str | Path) -> QFileDialog:
    """Return (not run) a dialog choosing one text: texts and extensionless files first, or all files."""
    dialog = QFileDialog(parent, title, str(start))
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)     # native dialogs take no proxy model
    texts = QCoreApplication.translate("FileDialogs", "Texts, also without an extension (*)")
    everything = QCoreApplication.translate("FileDialogs", "All files (*)")
    dialog.setNameFilters([texts, everything])
    proxy = TextFileFilter(dialog)
    dialog.setProxyModel(proxy)
    dialog.filterSelected.connect(lambda chosen: proxy.set_texts_only(chosen == texts))
    dialog.text_filter = proxy
    return dialog


def choose_text_file(parent: QWidget | None, title: str, start: str | Path | None = None) -> str:
    """Ask for one text file; return its path ("" when cancelled) and remember its folder."""
    dialog = text_file_dialog(parent, title, start or start_folder())
    if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return ""
    chosen = dialog.selectedFiles()[0]
    remember(chosen)
    return chosen
