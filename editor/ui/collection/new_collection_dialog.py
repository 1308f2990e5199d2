"""File → New Collection…: choose the client's files (two folders, one folder, a JOBS file or mixed files), look
at the pairing, fix, add or drop pairs, see the files left without a partner, and choose the collection folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton, QStackedWidget, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget,
)

from editor.collection.pairing import Pair, Pairing, mixed_files, pair_folder, pair_folders, pairs_from_jobs
from editor.collection.store import Collection, CollectionSettings
from editor.errors import EditorError
from editor.workflow import DEFAULT_CLEAN
from editor.ui.dialogs import file_dialogs

TWO_FOLDERS, ONE_FOLDER, JOBS_FILE, MIXED_FILES = range(4)


class _PathEdit(QLineEdit):
    """A path field in which Return reads the path (the preview lists its pairs) and goes no further: it also
    pressed the dialog's default button, Create and Align, before the pairs could be looked at (an X11 re-test)."""

    def keyPressEvent(self, event) -> None:
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()


class _PathField(QWidget):
    """A line edit with a Browse button (folder, file or files)."""

    def __init__(self, kind: str, on_change, parent=None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.edit = _PathEdit(self)
        self.edit.setClearButtonEnabled(True)
        self.edit.editingFinished.connect(on_change)
        browse = QPushButton(self.tr("&Browse…"), self)
        browse.clicked.connect(lambda: self._browse(on_change))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(browse)

    def _browse(self, on_change) -> None:
        start = str(file_dialogs.start_folder())
        if self.kind == "folder":
            name = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder"), start)
            names = [name] if name else []
        elif self.kind == "file":
            name, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a JOBS file"), start)
            names = [name] if name else []
        else:
            names, _ = QFileDialog.getOpenFileNames(self, self.tr("Choose bilingual files"), start)
        if names:
            file_dialogs.remember(names[0])
            self.edit.setText(" ; ".join(names) if self.kind == "files" else names[0])
            on_change()

    def paths(self) -> list[Path]:
        text = self.edit.text().strip()
        if not text:
            return []
        parts = text.split(" ; ") if self.kind == "files" else [text]
        # "~/clients/x" as typed in a shell (an X11 re-test: "~: not a folder")
        return [Path(p.strip()).expanduser() for p in parts if p.strip()]


class NewCollectionDialog(QDialog):
    """After Accepted, `collection()` is the new collection (its index written, nothing aligned yet)."""

    def __init__(self, parent=None, settings=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New Collection"))
        self._settings = settings
        self.pairing = Pairing()
        self._collection: Collection | None = None

        self.source_kind = QComboBox(self)
        self.source_kind.addItems([self.tr("Two folders: Chinese files and English files"),
                                   self.tr("One folder with both languages (names tagged zh/en, 中文/英文…)"),
                                   self.tr("A JOBS file (as duiqi batch reads it)"),
                                   self.tr("Bilingual files (each holds both languages)")])
        self.zh_folder = _PathField("folder", self.find_pairs, self)
        self.en_folder = _PathField("folder", self.find_pairs, self)
        self.one_folder = _PathField("folder", self.find_pairs, self)
        self.jobs_file = _PathField("file", self.find_pairs, self)
        self.mixed = _PathField("files", self.find_pairs, self)
        self.pages = QStackedWidget(self)
        for fields in ([(self.tr("&Chinese folder:"), self.zh_folder), (self.tr("&English folder:"), self.en_folder)],
                       [(self.tr("&Folder:"), self.one_folder)], [(self.tr("&JOBS file:"), self.jobs_file)],
                       [(self.tr("&Files:"), self.mixed)]):
            page = QWidget(self.pages)
            form = QFormLayout(page)
            form.setContentsMargins(0, 0, 0, 0)
            for label, field in fields:
                form.addRow(label, field)
            self.pages.addWidget(page)
        self.source_kind.currentIndexChanged.connect(self._on_source_kind_changed)

        self.pairs_table = QTableWidget(0, 3, self)
        self.pairs_table.setHorizontalHeaderLabels([self.tr("Document"), self.tr("Chinese file"),
                                                    self.tr("English file")])
        self.pairs_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.pairs_table.verticalHeader().hide()
        self.pairs_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.pairs_table.itemChanged.connect(self._on_pair_renamed)
        self.drop_button = QPushButton(self.tr("&Drop Pair"), self)
        self.drop_button.clicked.connect(self._on_drop_clicked)
        self.swap_button = QPushButton(self.tr("S&wap Languages"), self)
        self.swap_button.clicked.connect(self._on_swap_clicked)
        self.unpaired_list = QListWidget(self)
        self.unpaired_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.pair_button = QPushButton(self.tr("&Pair Selected Files"), self)
        self.pair_button.setToolTip(self.tr("Two files: a Chinese and an English one, in that order. "
                                            "One file: a document holding both languages."))
        self.pair_button.clicked.connect(self._on_pair_clicked)
        self.unpaired_label = QLabel(self)

        self.destination = _PathField("folder", self._on_destination_changed, self)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Create and Align"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.addRow(self.tr("&Files from:"), self.source_kind)
        layout.addLayout(form)
        layout.addWidget(self.pages)
        layout.addWidget(QLabel(self.tr("Pairs (double-click a name to change it):"), self))
        layout.addWidget(self.pairs_table, 2)
        pair_buttons = QHBoxLayout()
        pair_buttons.addStretch(1)
        pair_buttons.addWidget(self.swap_button)
        pair_buttons.addWidget(self.drop_button)
        layout.addLayout(pair_buttons)
        layout.addWidget(self.unpaired_label)
        layout.addWidget(self.unpaired_list, 1)
        unpaired_buttons = QHBoxLayout()
        unpaired_buttons.addStretch(1)
        unpaired_buttons.addWidget(self.pair_button)
        layout.addLayout(unpaired_buttons)
        dest = QFormLayout()
        dest.addRow(self.tr("&Save the collection in:"), self.destination)
        layout.addLayout(dest)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.resize(760, 620)
        self._show_pairing()

    # -- choosing the sources ------------------------------------------------------------------------------

    def _on_source_kind_changed(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        self.find_pairs()

    def set_two_folders(self, zh: Path, en: Path) -> None:
        self.source_kind.setCurrentIndex(TWO_FOLDERS)
        self.zh_folder.edit.setText(str(zh))
        self.en_folder.edit.setText(str(en))
        self.find_pairs()

    def set_one_folder(self, folder: Path) -> None:
        self.source_kind.setCurrentIndex(ONE_FOLDER)
        self.one_folder.edit.setText(str(folder))
        self.find_pairs()

    def set_jobs_file(self, path: Path) -> None:
        self.source_kind.setCurrentIndex(JOBS_FILE)
        self.jobs_file.edit.setText(str(path))
        self.find_pairs()

    def set_mixed_files(self, paths: list[Path]) -> None:
        self.source_kind.setCurrentIndex(MIXED_FILES)
        self.mixed.edit.setText(" ; ".join(map(str, paths)))
        self.find_pairs()

    def find_pairs(self) -> None:
        """Pair the chosen files afresh (the preview shows the result, or what is wrong, naming the file)."""
        kind = self.source_kind.currentIndex()
        self.error_label.clear()
        try:
            if kind == TWO_FOLDERS:
                zh, en = self.zh_folder.paths(), self.en_folder.paths()
                self.pairing = pair_folders(zh[0], en[0]) if zh and en else Pairing()
                base = zh[0].parent if zh else None
            elif kind == ONE_FOLDER:
                folder = self.one_folder.paths()
                self.pairing = pair_folder(folder[0]) if folder else Pairing()
                base = folder[0] if folder else None
            elif kind == JOBS_FILE:
                jobs = self.jobs_file.paths()
                self.pairing = pairs_from_jobs(jobs[0]) if jobs else Pairing()
                base = jobs[0].parent if jobs else None
            else:
                files = self.mixed.paths()
                self.pairing = mixed_files(files)
                base = files[0].parent if files else None
        except EditorError as exc:
            self.pairing = Pairing()
            self.error_label.setText(str(exc))
            base = None
        if base is not None and not self.destination.edit.text().strip():
            self.destination.edit.setText(str(_free_folder(base.parent if kind == ONE_FOLDER else base,
                                                           f"{base.name or 'archive'} collection")))
        self._show_pairing()

    # -- the preview ---------------------------------------------------------------------------------------------

    def _show_pairing(self) -> None:
        table = self.pairs_table
        table.blockSignals(True)
        table.setRowCount(len(self.pairing.pairs))
        for row, pair in enumerate(self.pairing.pairs):
            name = QTableWidgetItem(pair.name)
            table.setItem(row, 0, name)
            for column, path in ((1, pair.zh), (2, pair.en)):
                text = path.name if path is not None else self.tr("(the same file: both languages)")
                item = QTableWidgetItem(text)
                item.setToolTip(str(path) if path is not None else "")
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                table.setItem(row, column, item)
        table.blockSignals(False)
        self.unpaired_list.clear()
        for path in self.pairing.unpaired:
            # which folder it is in (the list named files only: a Chinese and an English one looked alike)
            side = self._folder_side(path)
            text = self.tr("%1  (Chinese folder)").replace("%1", path.name) if side == "zh" else \
                self.tr("%1  (English folder)").replace("%1", path.name) if side == "en" else path.name
            item = QListWidgetItem(text)
            item.setToolTip(str(path))
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            self.unpaired_list.addItem(item)
        self.unpaired_label.setText(self.tr("Files without a partner (%1): select two to pair them, or one to "
                                            "add it as a bilingual document.").replace("%1",
                                                                                     str(len(self.pairing.unpaired))))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.pairing.pairs))

    def _on_pair_renamed(self, item: QTableWidgetItem) -> None:
        if item.column() != 0:
            return
        row = item.row()
        old = self.pairing.pairs[row]
        name = item.text().strip() or old.name
        others = {p.name for k, p in enumerate(self.pairing.pairs) if k != row}
        if name in others:
            self.error_label.setText(self.tr("Two documents cannot both be called %1.").replace("%1", name))
            name = old.name
        self.pairing.pairs[row] = Pair(name, old.zh, old.en)
        self._show_pairing()

    def drop_pair(self, row: int) -> None:
        if 0 <= row < len(self.pairing.pairs):
            self.pairing.drop(self.pairing.pairs[row].name)
            self._show_pairing()

    def _on_drop_clicked(self) -> None:
        self.drop_pair(self.pairs_table.currentRow())

    def _on_swap_clicked(self) -> None:
        row = self.pairs_table.currentRow()
        if 0 <= row < len(self.pairing.pairs) and self.pairing.pairs[row].en is not None:
            old = self.pairing.pairs[row]
            self.pairing.pairs[row] = Pair(old.name, old.en, old.zh)
            self._show_pairing()

    def pair_files(self, paths: list[Path]) -> None:
        """Two unpaired files become a pair (Chinese first); one becomes a bilingual document."""
        from editor.collection.pairing import document_name, split_tag

        if len(paths) not in (1, 2):
            self.error_label.setText(self.tr("Select two files to pair, or one bilingual file."))
            return
        zh, en = paths[0], paths[1] if len(paths) == 2 else None
        sides = [self._folder_side(p) for p in paths]
        if en is not None and sides == ["en", "zh"]:
            zh, en = en, zh                 # by the folder each came from, not the order they were clicked in
        elif en is not None and sides[0] == sides[1] and split_tag(zh)[1] == "en" and split_tag(en)[1] != "en":
            zh, en = en, zh
        self.pairing.add(Pair(document_name(zh, en), zh, en))
        self.error_label.clear()
        self._show_pairing()

    def _folder_side(self, path: Path) -> str | None:
        """"zh" or "en" for a file of the Chinese or the English folder (two folders), else None. Pair Selected
        Files took the first file clicked as the Chinese one: contract-03.txt then 合同-03.txt paired the English
        file as Chinese (an X11 audit)."""
        if self.source_kind.currentIndex() != TWO_FOLDERS:
            return None
        for side, field in (("zh", self.zh_folder), ("en", self.en_folder)):
            folder = field.paths()
            if folder and Path(path).parent.resolve() == folder[0].resolve():
                return side
        return None

    def _on_pair_clicked(self) -> None:
        self.pair_files([Path(i.data(Qt.ItemDataRole.UserRole)) for i in self.unpaired_list.selectedItems()])

    def _on_destination_changed(self) -> None:
        self.error_label.clear()

    # -- creating ---------------------------------------------------------------------------------------------

    def set_destination(self, folder: Path) -> None:
        self.destination.edit.setText(str(folder))

    def accept(self) -> None:
        folder = self.destination.paths()
        if not folder:
            self.error_label.setText(self.tr("Choose the folder to save the collection in."))
            return
        # the texts cleaned as a single import and `duiqi batch` clean them (the safe repairs, on by default):
        # the collection's TM held stray spaces the batch of the same archive had repaired (an X11 audit)
        settings = CollectionSettings(clean=DEFAULT_CLEAN)
        if self._settings is not None:
            settings.tgt_lang = getattr(self._settings, "tgt_lang", settings.tgt_lang) or settings.tgt_lang
        try:
            self.pairing.check()
            self._collection = Collection.create(folder[0], self.pairing, settings)
        except EditorError as exc:
            self.error_label.setText(str(exc))
            return
        file_dialogs.remember(folder[0])
        super().accept()

    def collection(self) -> Collection | None:
        return self._collection


def _free_folder(parent: Path, name: str) -> Path:
    candidate, n = parent / name, 2
    while candidate.exists():
        candidate, n = parent / f"{name} ({n})", n + 1
    return candidate
