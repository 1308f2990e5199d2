"""The New Alignment dialog: pick the texts, check how they were read, accept clean-ups, preview the sentences."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, fields
from functools import partial
from pathlib import Path
from typing import Sequence

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QComboBox, QDialog, QDialogButtonBox,
                               QGridLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPlainTextEdit,
                               QPushButton, QRadioButton, QTabWidget, QTreeWidget, QTreeWidgetItem, QVBoxLayout,
                               QWidget)

from editor import workflow
from editor.bitext.document import AlignmentDocument
from editor.errors import (EditorError, EmptyFileError, EncryptedFileError, InputFileError, MarkupOnlyFileError,
                           UndecodableFileError)
from editor.importing import RawDocument, is_chinese_paragraph, load_document_cached
from editor.importing.bilingual import BilingualText, Layout, pair_files, split_mixed
from editor.segmentation import split_sentences
from editor.ui.dialogs.file_dialogs import choose_text_file, remember, start_folder
from editor.ui.dialogs.settings_dialog import LANGUAGE_TAG, SOURCE_LANGUAGES, TARGET_LANGUAGES, language_combo
from editor.ui.error_text import reason_text

log = logging.getLogger(__name__)

try:       # the clean-up suggestions arrived after this dialog; without them the dialog imports as is
    from editor.importing.cleanup import Fix, side_contexts, suggest_cleanup
except ImportError:      # pragma: no cover - only while the importing package is incomplete
    Fix = None           # type: ignore[assignment,misc]
    suggest_cleanup = None  # type: ignore[assignment]

try:
    from editor.importing.script import detect_chinese_script
except ImportError:      # pragma: no cover
    def detect_chinese_script(text: str) -> str:
        return "simplified"

#: Encodings offered when the detected one is wrong (the usual ones for Chinese and English texts).
ENCODINGS = ("utf-8", "utf-8-sig", "gb18030", "big5", "utf-16-le", "utf-16-be", "cp1252", "latin-1")
TEXT_FILE_FILTER = "*.txt *.text *.md *.docx *.html *.htm *.xhtml *.odt *.epub *.pdf *.srt *.xlsx *.csv *.tsv"
PREVIEW_PARAGRAPHS = 6
PREVIEW_SENTENCES = 8
CONTEXT_CHARS = 8          # characters shown either side of a clean-up fix


def _cleanup_supported() -> bool:
    return suggest_cleanup is not None and "accepted_fixes" in {f.name for f in fields(workflow.ImportOptions)}


def _import_options(**values) -> workflow.ImportOptions:
    """Build ImportOptions from the values this version of the workflow knows."""
    known = {f.name for f in fields(workflow.ImportOptions)}
    return workflow.ImportOptions(**{k: v for k, v in values.items() if k in known})


# -- reading the files (plain Python: no widgets) ---------------------------------------------------

@dataclass
class FileReading:
    """How one input file was read, or why it could not be."""

    path: Path
    raw: RawDocument | None = None
    error: EditorError | None = None
    forced_encoding: str | None = None


@dataclass
class ImportPreview:
    """Everything the dialog shows about the chosen files."""

    files: list[FileReading]
    zh: list[str] = field(default_factory=list)
    en: list[str] = field(default_factory=list)
    script: str | None = None
    fixes: dict[tuple[str, int], list] = field(default_factory=dict)    # (side, paragraph) -> [Fix]
    error: EditorError | None = None       # a problem of the import as a whole (e.g. no English in a mixed file)
    bilingual: BilingualText | None = None      # the paragraphs with the layout found and its anchors

    @property
    def ok(self) -> bool:
        return self.error is None and all(f.error is None for f in self.files)


def read_preview(paths: Sequence[Path], encodings: dict[str, str], presegmented: bool) -> ImportPreview:
    """Read the files the way import_document() will; return what they hold, their problems and suggested fixes."""
    layout = "lines" if presegmented else None
    preview = ImportPreview([FileReading(Path(p), forced_encoding=encodings.get(str(p))) for p in paths])
    for reading in preview.files:
        try:
            try:
                reading.raw = load_document_cached(reading.path, reading.forced_encoding, layout=layout)
            except TypeError:      # an importing package without paragraph layouts
                reading.raw = load_document_cached(reading.path, reading.forced_encoding)
        except EditorError as exc:
            reading.error = exc
        except OSError as exc:
            reading.error = InputFileError(f"cannot read the file ({exc.strerror})", path=reading.path)
    if not preview.files or any(f.error for f in preview.files):
        return preview
    if len(preview.files) == 1:
        preview.bilingual = split_mixed(preview.files[0].raw.records)
    else:
        preview.bilingual = pair_files(preview.files[0].raw.records, preview.files[1].raw.records)
    zh, en = [p.text for p in preview.bilingual.zh], [p.text for p in preview.bilingual.en]
    if len(preview.files) == 1 and (not zh or not en):
        missing = "Chinese" if not zh else "English"
        preview.error = InputFileError(
            f"no {missing} paragraphs found; give the {missing} text as a second file", path=paths[0])
    preview.zh, preview.en = zh, en
    preview.script = detect_chinese_script("".join(zh))
    if _cleanup_supported():
        for side, paragraphs in (("zh", zh), ("en", en)):
            # each side read as a whole, as import_document() does ("- " items in a run, footnotes' notes)
            try:
                contexts = side_contexts(paragraphs)
            except Exception:               # noqa: BLE001 - as below: each paragraph is then read alone
                log.exception("clean-up context failed for the %s side", side)
                contexts = [None] * len(paragraphs)
            for number, paragraph in enumerate(paragraphs):
                try:
                    found = suggest_cleanup(paragraph, script=preview.script, context=contexts[number])
                except Exception:           # noqa: BLE001 - a suggestion bug must not block the import
                    log.exception("clean-up suggestions failed for paragraph %d", number)
                    found = []
                if found:
                    preview.fixes[(side, number)] = found
    return preview


def looks_chinese(paragraphs: Sequence[str]) -> bool:
    """True when most paragraphs are Chinese."""
    return sum(is_chinese_paragraph(p) for p in paragraphs) * 2 > len(paragraphs)


# -- the dialog -------------------------------------------------------------------------------------

class FileRow:
    """The widgets of one input file: label, path, Browse, encoding, and what was read."""

    def __init__(self, dialog: "ImportDialog") -> None:
        self.label = QLabel()
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(
            QCoreApplication.translate("ImportDialog", "Choose a text, Word, HTML, OpenDocument, EPUB, PDF, "
                                                       "subtitle (.srt) or table (.xlsx, .csv) file"))
        self.label.setBuddy(self.path_edit)
        self.browse_button = QPushButton(QCoreApplication.translate("ImportDialog", "Browse…"))
        self.encoding = QComboBox()
        self.encoding.addItem(QCoreApplication.translate("ImportDialog", "Detect encoding"), None)
        for name in ENCODINGS:
            self.encoding.addItem(name, name)
        # As wide as its text: "Detect (utf-8)" (自动检测（utf-8）) is longer than the text it starts with.
        self.encoding.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.encoding.setToolTip(QCoreApplication.translate("ImportDialog", "The text encoding used to read the file; "
                                           "choose another if the text looks garbled"))
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def path(self) -> Path | None:
        text = self.path_edit.text().strip()
        return Path(text).expanduser() if text else None

    def set_visible(self, visible: bool) -> None:
        for widget in (self.label, self.path_edit, self.browse_button, self.encoding, self.info):
            widget.setVisible(visible)


def error_text(dialog: QWidget, exc: EditorError) -> str:
    """Return a translated sentence for an input error, naming the file."""
    name = exc.path.name if exc.path is not None else ""
    if isinstance(exc, UndecodableFileError):
        text = QCoreApplication.translate(
            "ImportDialog", "“%1” is not a text file, or its encoding is not one Duiqi knows (tried %2). "
                            "If it is text, choose its encoding.").replace("%2", ", ".join(exc.tried) or "?")
    elif isinstance(exc, MarkupOnlyFileError):
        text = QCoreApplication.translate("ImportDialog", "“%1” holds markup but no text to align.")
    elif isinstance(exc, EmptyFileError):
        text = QCoreApplication.translate("ImportDialog", "“%1” contains no text.")
    elif isinstance(exc, EncryptedFileError):
        text = QCoreApplication.translate(
            "ImportDialog", "“%1” is password-protected. Save an unprotected copy and import that.")
    else:
        text = QCoreApplication.translate("ImportDialog", "“%1”: %2").replace("%2", reason_text(exc.message))
        if not name:
            return reason_text(exc.message)
    return text.replace("%1", name)


class ImportDialog(QDialog):
    """Choose a Chinese and an English file, or one mixed file, and check how they will be imported.

    After `exec() == QDialog.Accepted`, `document()` returns the unaligned document, with the accepted
    clean-up fixes applied and listed in `meta.cleanup_applied`.
    """

    def __init__(self, parent: QWidget | None = None, paths: list[Path] | None = None, *,
                 src_lang: str | None = None, tgt_lang: str = "en-US", one_file: bool = False) -> None:
        """`one_file`: start in the one-mixed-file mode (the mode chosen last time; files given decide)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("New Alignment"))
        self._preview: ImportPreview | None = None
        self._document: AlignmentDocument | None = None
        self._default_src_lang = src_lang
        self._src_lang_chosen = False
        self._filling = False
        self._preview_ok = False
        self._swapping = False

        # -- files ------------------------------------------------------------------------------
        self.two_files = QRadioButton(self.tr("&Two files: a Chinese text and its English translation"))
        self.mixed_file = QRadioButton(self.tr("&One file with both languages: alternating paragraphs, "
                                               "Chinese and English on the same line, or a two-column table"))
        mode = QButtonGroup(self)
        mode.addButton(self.two_files)
        mode.addButton(self.mixed_file)
        (self.mixed_file if one_file else self.two_files).setChecked(True)
        self.rows = [FileRow(self), FileRow(self)]
        self.swap_button = QPushButton(self.tr("&Swap"))
        self.swap_button.setToolTip(self.tr("Exchange the Chinese and the English file"))

        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        for number, row in enumerate(self.rows):
            grid.addWidget(row.label, 2 * number, 0)
            grid.addWidget(row.path_edit, 2 * number, 1)
            grid.addWidget(row.browse_button, 2 * number, 2)
            grid.addWidget(row.encoding, 2 * number, 3)
            grid.addWidget(row.info, 2 * number + 1, 1, 1, 3)
        grid.addWidget(self.swap_button, 4, 3)
        files_box = QGroupBox(self.tr("Texts"))
        files_layout = QVBoxLayout(files_box)
        files_layout.addWidget(self.two_files)
        files_layout.addWidget(self.mixed_file)
        files_layout.addLayout(grid)

        # -- preview tabs -----------------------------------------------------------------------
        self.tabs = QTabWidget()
        self.split_summary = QLabel()
        self.split_summary.setWordWrap(True)
        self.layout_summary = QLabel()
        self.layout_summary.setWordWrap(True)
        self.zh_paragraphs, self.en_paragraphs = self._preview_text(), self._preview_text()
        self.zh_paragraphs_heading, self.en_paragraphs_heading = QLabel(), QLabel()
        self.tabs.addTab(self._side_by_side((self.split_summary, self.layout_summary),
                                            (self.zh_paragraphs_heading, self.zh_paragraphs),
                                            (self.en_paragraphs_heading, self.en_paragraphs)),
                         self.tr("&Languages"))

        self.cleanup_summary = QLabel()
        self.cleanup_summary.setWordWrap(True)
        self.cleanup_list = QTreeWidget()
        self.cleanup_list.setHeaderLabels([self.tr("Accept"), self.tr("Where"), self.tr("Problem"),
                                           self.tr("Before"), self.tr("After")])
        self.cleanup_list.setRootIsDecorated(False)
        self.cleanup_list.setUniformRowHeights(True)
        header = self.cleanup_list.header()
        header.setStretchLastSection(False)
        for column in range(5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents if column < 3
                                        else QHeaderView.ResizeMode.Stretch)
        self.accept_all_button = QPushButton(self.tr("Accept &All"))
        self.reject_all_button = QPushButton(self.tr("&Reject All"))
        cleanup_buttons = QHBoxLayout()
        cleanup_buttons.addWidget(self.accept_all_button)
        cleanup_buttons.addWidget(self.reject_all_button)
        cleanup_buttons.addStretch(1)
        cleanup_page = QWidget()
        cleanup_layout = QVBoxLayout(cleanup_page)
        cleanup_layout.addWidget(self.cleanup_summary)
        cleanup_layout.addWidget(self.cleanup_list, 1)
        cleanup_layout.addLayout(cleanup_buttons)
        self.cleanup_tab = self.tabs.addTab(cleanup_page, self.tr("&Clean-up"))

        self.sentence_summary = QLabel()
        self.sentence_summary.setWordWrap(True)
        self.zh_sentences, self.en_sentences = self._preview_text(), self._preview_text()
        self.zh_sentences_heading, self.en_sentences_heading = QLabel(), QLabel()
        self.tabs.addTab(self._side_by_side(self.sentence_summary, (self.zh_sentences_heading, self.zh_sentences),
                                            (self.en_sentences_heading, self.en_sentences)),
                         self.tr("S&entences"))

        # -- options ----------------------------------------------------------------------------
        self.presegmented = QCheckBox(self.tr("&Pre-segmented: one sentence per line"))
        self.presegmented.setToolTip(self.tr("Keep every line as one segment instead of splitting sentences"))
        self.src_lang = language_combo(SOURCE_LANGUAGES, src_lang or "zh-CN")
        self.tgt_lang = language_combo(TARGET_LANGUAGES, tgt_lang)
        options = QHBoxLayout()
        options.addWidget(self.presegmented)
        options.addStretch(1)
        for text, combo in ((self.tr("Chinese language &code:"), self.src_lang),
                            (self.tr("English language c&ode:"), self.tgt_lang)):
            label = QLabel(text)
            label.setBuddy(combo)
            combo.setMinimumContentsLength(7)
            options.addSpacing(12)
            options.addWidget(label)
            options.addWidget(combo)

        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.hide()
        self.note_label = QLabel()
        self.note_label.setWordWrap(True)
        self.note_label.hide()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText(self.tr("&Import"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(files_box)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(options)
        layout.addWidget(self.note_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.resize(860, 680)

        # -- wiring -----------------------------------------------------------------------------
        self._sentence_timer = QTimer(self)
        self._sentence_timer.setSingleShot(True)
        self._sentence_timer.setInterval(150)
        self._sentence_timer.timeout.connect(self._refresh_sentences)
        self.two_files.toggled.connect(self._on_mode_toggled)
        self.swap_button.clicked.connect(self._on_swap_clicked)
        for row in self.rows:
            row.browse_button.clicked.connect(partial(self._on_browse_clicked, row))
            row.path_edit.editingFinished.connect(self._on_path_edited)
            # Enter in a path field reads the file; it must not start the import as well.
            row.path_edit.installEventFilter(self)
            row.encoding.currentIndexChanged.connect(self._reload)
        self.presegmented.toggled.connect(self._reload)
        self.cleanup_list.itemChanged.connect(self._on_cleanup_item_changed)
        self.accept_all_button.clicked.connect(self._on_accept_all_clicked)
        self.reject_all_button.clicked.connect(self._on_reject_all_clicked)
        self.src_lang.activated.connect(self._on_src_lang_chosen)
        self.src_lang.lineEdit().textEdited.connect(self._on_src_lang_chosen)
        self.src_lang.currentTextChanged.connect(self._on_language_changed)
        self.tgt_lang.currentTextChanged.connect(self._on_language_changed)

        self.setAcceptDrops(True)
        if paths:
            self.set_paths(paths)
        else:
            self._on_mode_toggled()

    def eventFilter(self, obj, event) -> bool:
        if (event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and any(obj is row.path_edit for row in self.rows)):
            self._on_path_edited()
            return True
        return super().eventFilter(obj, event)

    # -- drag and drop --------------------------------------------------------------------------

    @staticmethod
    def _dropped_paths(event) -> list[Path]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]

    def dragEnterEvent(self, event) -> None:
        if 1 <= len(self._dropped_paths(event)) <= 2:
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = self._dropped_paths(event)
        if 1 <= len(paths) <= 2:
            self.set_paths(paths)
            event.acceptProposedAction()

    def set_paths(self, paths: Sequence[Path]) -> None:
        """Show these files (one mixed file, or a Chinese and an English one) and read them."""
        paths = [Path(p).expanduser().absolute() for p in paths][:2]
        self._filling = True
        (self.mixed_file if len(paths) == 1 else self.two_files).setChecked(True)
        for row, path in zip(self.rows, paths + [None]):
            row.path_edit.setText(str(path) if path is not None else "")
            row.encoding.setCurrentIndex(0)
        self._filling = False
        self._on_mode_toggled()
        if len(paths) == 2:
            self._swap_if_reversed()

    # -- building blocks ------------------------------------------------------------------------

    @staticmethod
    def _preview_text() -> QPlainTextEdit:
        text = QPlainTextEdit()
        text.setReadOnly(True)
        text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        return text

    @staticmethod
    def _side_by_side(summary: QLabel | tuple[QLabel, ...], *columns: tuple[QLabel, QWidget]) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        for label in summary if isinstance(summary, tuple) else (summary,):
            layout.addWidget(label)
        grid = QGridLayout()
        for number, (heading, body) in enumerate(columns):
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
            grid.addWidget(heading, 0, number)
            grid.addWidget(body, 1, number)
        layout.addLayout(grid, 1)
        return page

    # -- results --------------------------------------------------------------------------------

    def paths(self) -> list[Path]:
        """Return the chosen files: [Chinese, English] or [mixed]."""
        rows = self.rows[:1] if self.mixed_file.isChecked() else self.rows
        return [p for p in (row.path() for row in rows) if p is not None]

    def one_file(self) -> bool:
        """True in the one-mixed-file mode (remembered for the next New Alignment)."""
        return self.mixed_file.isChecked()

    def encodings(self) -> dict[str, str]:
        """Return the encodings the user forced, by path."""
        rows = self.rows[:1] if self.mixed_file.isChecked() else self.rows
        return {str(row.path()): row.encoding.currentData() for row in rows
                if row.path() is not None and row.encoding.currentData()}

    def preview(self) -> ImportPreview | None:
        return self._preview

    def accepted_fixes(self) -> dict[tuple[str, int], list]:
        """Return the clean-up fixes the user accepted, by (side, paragraph)."""
        chosen: dict[tuple[str, int], list] = {}
        for index in range(self.cleanup_list.topLevelItemCount()):
            item = self.cleanup_list.topLevelItem(index)
            key, fix = item.data(0, Qt.ItemDataRole.UserRole)
            if item.checkState(0) == Qt.CheckState.Checked and fix.repairable:
                chosen.setdefault(key, []).append(fix)
        return chosen

    def import_options(self) -> workflow.ImportOptions:
        """Return the ImportOptions that import_document() gets."""
        fixes = self.accepted_fixes()
        return _import_options(presegmented=self.presegmented.isChecked(), encodings=self.encodings(),
                               src_lang=self.src_lang.currentText().strip(),
                               tgt_lang=self.tgt_lang.currentText().strip(),
                               clean=bool(fixes), accepted_fixes=fixes)

    def document(self) -> AlignmentDocument | None:
        """After Accepted: the unaligned document (None before)."""
        return self._document

    # -- reading --------------------------------------------------------------------------------

    def _reload(self) -> None:
        """Read the chosen files again (paths, encodings or layout changed) and refresh every preview."""
        if self._filling:
            return
        paths = self.paths()
        needed = 1 if self.mixed_file.isChecked() else 2
        self._preview = read_preview(paths, self.encodings(), self.presegmented.isChecked()) if paths else None
        self._fill_file_info()
        if len(paths) < needed or self._preview is None:
            self._preview_ok = False
            self._show_problem(self.tr("Choose the Chinese and the English file.") if needed == 2
                               else self.tr("Choose a file with Chinese and English paragraphs."), error=False)
        elif not self._preview.ok:
            self._preview_ok = False
            self._show_problem(error_text(self, self._preview.error) if self._preview.error else
                               self.tr("Fix the problem with the file shown above, or choose another file."))
        else:
            self._preview_ok = True
            self._show_problem(None)
        self._fill_language_split()
        self._fill_cleanup()
        self._follow_detected_script()
        self._refresh_sentences()
        self._update_import_button()
        if not self.mixed_file.isChecked() and not self._swapping:
            # However the files were chosen (dropped, typed, browsed), each row holds what its label says,
            # and a swap is shown now, before Import.
            self._swap_if_reversed()

    def _fill_file_info(self) -> None:
        readings = {str(r.path): r for r in (self._preview.files if self._preview else [])}
        for number, row in enumerate(self.rows):
            reading = readings.get(str(row.path())) if row.path() is not None else None
            row.info.setStyleSheet("")
            row.encoding.setEnabled(True)
            if reading is None:
                row.info.setText("")
            elif reading.error is not None:
                row.info.setText(error_text(self, reading.error))
                row.info.setStyleSheet("color: #b00020;")
            else:
                raw = reading.raw
                binary_kinds = {"docx": self.tr("Word document"), "odt": self.tr("OpenDocument text"),
                                "epub": self.tr("EPUB book"), "pdf": self.tr("PDF text layer"),
                                "xlsx": self.tr("Excel workbook")}
                if raw.format in binary_kinds:
                    row.encoding.setEnabled(False)      # these formats fix their own encoding
                    how = binary_kinds[raw.format]
                else:
                    kind = {"html": self.tr("HTML"), "srt": self.tr("subtitles"),
                            "csv": self.tr("table")}.get(raw.format, self.tr("text"))
                    chosen = self.tr("chosen") if reading.forced_encoding else self.tr("detected")
                    how = self.tr("%1, encoding %2 (%3)").replace("%1", kind).replace(
                        "%2", (raw.encoding or "?").upper()).replace("%3", chosen)
                row.info.setText(f"{how} · {self._paragraph_count(len(raw.paragraphs))}")
            if reading is not None and reading.raw is not None and not reading.forced_encoding:
                self._filling = True
                row.encoding.setItemText(0, self.tr("Detect (%1)").replace("%1", (reading.raw.encoding or "—")))
                self._filling = False
            elif reading is None or reading.raw is None:
                row.encoding.setItemText(0, self.tr("Detect encoding"))

    def _paragraph_count(self, n: int) -> str:
        return self.tr("1 paragraph") if n == 1 else self.tr("%1 paragraphs").replace("%1", str(n))

    def _sentence_count(self, n: int) -> str:
        return self.tr("1 sentence") if n == 1 else self.tr("%1 sentences").replace("%1", str(n))

    def _script_name(self) -> str:
        if self._preview is None or self._preview.script is None:
            return ""
        return self.tr("Traditional Chinese") if self._preview.script == "traditional" \
            else self.tr("Simplified Chinese")

    def _fill_language_split(self) -> None:
        preview = self._preview
        if preview is None or not preview.files or any(f.error for f in preview.files):
            self.split_summary.setText(self.tr("No text read yet."))
            for widget in (self.zh_paragraphs, self.en_paragraphs, self.zh_paragraphs_heading,
                           self.en_paragraphs_heading, self.layout_summary):
                widget.clear()
            return
        if self.mixed_file.isChecked():
            text = self.tr("The mixed file was split by language into %1 Chinese and %2 English paragraphs.")
            self.split_summary.setText(text.replace("%1", str(len(preview.zh))).replace("%2", str(len(preview.en))))
        elif len(preview.files) == 1:
            self.split_summary.setText(self.tr("The Chinese file has %1. Now choose the English file.").replace(
                "%1", self._paragraph_count(len(preview.zh))))
        else:
            self.split_summary.setText(self.tr("The Chinese file has %1, the English file %2.").replace(
                "%1", self._paragraph_count(len(preview.zh))).replace("%2", self._paragraph_count(len(preview.en))))
        # with only the Chinese file of two chosen there is no layout yet (it said "alternating paragraphs: 7" of a
        # monolingual file; an X11 audit)
        one_of_two = not self.mixed_file.isChecked() and len(preview.files) == 1
        self.layout_summary.setText("" if one_of_two else self._layout_text(preview.bilingual))
        self.zh_paragraphs_heading.setText(f"{self._script_name() or self.tr('Chinese')}: "
                                           f"{self._paragraph_count(len(preview.zh))}")
        self.en_paragraphs_heading.setText(self.tr("English: %1").replace(
            "%1", self._paragraph_count(len(preview.en))))
        more = self.tr("… and %1 more")
        self.zh_paragraphs.setPlainText(_numbered(preview.zh, PREVIEW_PARAGRAPHS, more))
        self.en_paragraphs.setPlainText(_numbered(preview.en, PREVIEW_PARAGRAPHS, more))

    def _layout_text(self, bilingual: BilingualText | None) -> str:
        """Say which layout was found: e.g. "Layout found: same-line pairs: 12 · alternating paragraphs: 3"."""
        if bilingual is None or not bilingual.counts:
            return ""
        names = {Layout.TWO_FILES: self.tr("two files"),
                 Layout.ALTERNATING: self.tr("alternating paragraphs: %1"),
                 Layout.SAME_LINE: self.tr("Chinese and English on the same line: %1 lines"),
                 Layout.TABLE: self.tr("table rows (a Chinese and an English column): %1"),
                 Layout.CUES: self.tr("subtitle cues paired: %1"),
                 Layout.HEADINGS: self.tr("headings paired as anchors: %1")}
        parts = [names[k].replace("%1", str(bilingual.counts[k])) for k in bilingual.layouts]
        text = self.tr("Layout found: %1").replace("%1", " · ".join(parts))
        unpaired = sum(p.is_heading for p in bilingual.zh + bilingual.en) - 2 * bilingual.counts.get(Layout.HEADINGS, 0)
        if unpaired > 0:
            text += " · " + self.tr("%1 headings without a counterpart (kept as links of their own)").replace(
                "%1", str(unpaired))
        return text

    def _fill_cleanup(self) -> None:
        self._filling = True
        self.cleanup_list.clear()
        supported = _cleanup_supported()
        count = 0
        if supported and self._preview is not None and self._preview_ok:
            chinese_first = sorted(self._preview.fixes.items(), key=lambda kv: (kv[0][0] != "zh", kv[0][1]))
            for (side, number), fixes in chinese_first:
                paragraph = (self._preview.zh if side == "zh" else self._preview.en)[number]
                for fix in fixes:
                    self.cleanup_list.addTopLevelItem(self._cleanup_item(side, number, paragraph, fix))
                    count += 1
        self._filling = False
        self.tabs.setTabText(self.cleanup_tab, self.tr("&Clean-up (%1)").replace("%1", str(count)) if count
                             else self.tr("&Clean-up"))
        if not supported:
            self.cleanup_summary.setText(self.tr("Clean-up suggestions are not available in this version."))
        elif count:
            self.cleanup_summary.setText(self.tr(
                "Possible defects from conversion or copying. Accepted fixes are applied on import and "
                "recorded in the project; uncheck the ones to leave as they are. The safe repairs are ticked, "
                "as duiqi align makes them; Chinese punctuation and footnote references are offered unticked."))
        else:
            self.cleanup_summary.setText(self.tr("No clean-up needed: no pinyin artifacts, garbled characters "
                                                 "or stray spaces were found."))
        for button in (self.accept_all_button, self.reject_all_button):
            button.setEnabled(count > 0)

    def _cleanup_item(self, side: str, number: int, paragraph: str, fix) -> QTreeWidgetItem:
        where = (self.tr("%1 ¶%2, character %3") if fix.end - fix.start == 1
                 else self.tr("%1 ¶%2, characters %3–%4")).replace(
            "%1", self.tr("Chinese") if side == "zh" else self.tr("English")).replace(
            "%2", str(number + 1)).replace("%3", str(fix.start + 1)).replace("%4", str(fix.end))
        before, after = _fix_context(paragraph, fix)
        item = QTreeWidgetItem(["", where, _fix_kind_name(self, fix), before,
                                after if fix.repairable else self.tr("(cannot be repaired automatically)")])
        item.setData(0, Qt.ItemDataRole.UserRole, ((side, number), fix))
        tip = fix.note or ""
        for column in range(5):
            item.setToolTip(column, tip)
        if fix.repairable:
            # Ticked as the CLI applies them by default: the safe repairs; Chinese punctuation and footnote
            # references are offered unticked.
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Checked if getattr(fix, "default", True) else Qt.CheckState.Unchecked)
        else:
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Unchecked)
            item.setDisabled(True)
        return item

    def _follow_detected_script(self) -> None:
        """Until the user picks a Chinese language code, suggest one that fits the detected script.

        The default code (from the settings) is kept when it names the same script, so a zh-HK user
        importing Traditional text gets zh-HK, and one with zh-CN importing Traditional text gets zh-TW.
        """
        if self._src_lang_chosen or self._preview is None or not self._preview.script:
            return
        traditional = self._preview.script == "traditional"
        default = self._default_src_lang
        if default and is_traditional_code(default) == traditional:
            self.src_lang.setCurrentText(default)
        else:
            self.src_lang.setCurrentText("zh-TW" if traditional else "zh-CN")

    def _cleaned_paragraphs(self) -> tuple[list[str], list[str]]:
        preview = self._preview
        if preview is None:
            return [], []
        fixes = self.accepted_fixes()
        if not fixes:
            return preview.zh, preview.en
        from editor.importing.cleanup import apply_fixes

        sides = []
        for side, paragraphs in (("zh", preview.zh), ("en", preview.en)):
            sides.append([apply_fixes(p, fixes.get((side, i), [])) for i, p in enumerate(paragraphs)])
        return sides[0], sides[1]

    def _refresh_sentences(self) -> None:
        if self._preview is None or not self._preview_ok:
            self.sentence_summary.setText(self.tr("No text read yet."))
            for widget in (self.zh_sentences, self.en_sentences, self.zh_sentences_heading,
                           self.en_sentences_heading):
                widget.clear()
            return
        zh, en = self._cleaned_paragraphs()
        langs = (self.src_lang.currentText().strip() or "zh-CN", self.tgt_lang.currentText().strip() or "en")
        bilingual = self._preview.bilingual
        records = (bilingual.zh, bilingual.en) if bilingual is not None else ([], [])
        counted = []
        for paragraphs, marks, lang in zip((zh, en), records, langs):
            whole = [self.presegmented.isChecked() or (k < len(marks) and marks[k].whole)
                     for k in range(len(paragraphs))]          # subtitle cues are one segment each
            counted.append([s for p, keep in zip(paragraphs, whole) if p.strip()
                            for s in ([p.strip()] if keep else split_sentences(p, lang))])
        how = (self.tr("Every line is one segment (pre-segmented).") if self.presegmented.isChecked()
               else self.tr("Sentences as split for alignment, with the accepted clean-up applied."))
        self.sentence_summary.setText(how)
        self.zh_sentences_heading.setText(self.tr("Chinese: %1").replace("%1", self._sentence_count(len(counted[0]))))
        self.en_sentences_heading.setText(self.tr("English: %1").replace("%1", self._sentence_count(len(counted[1]))))
        more = self.tr("… and %1 more")
        self.zh_sentences.setPlainText(_numbered(counted[0], PREVIEW_SENTENCES, more))
        self.en_sentences.setPlainText(_numbered(counted[1], PREVIEW_SENTENCES, more))

    # -- state ----------------------------------------------------------------------------------

    def _show_problem(self, text: str | None, *, error: bool = True) -> None:
        """Show why the import cannot go ahead (red), or a hint (plain); None clears both."""
        for label in (self.error_label, self.note_label):
            label.hide()
        if text:
            label = self.error_label if error else self.note_label
            label.setText(text)
            label.show()

    def _update_import_button(self) -> None:
        langs_ok = all(LANGUAGE_TAG.match(c.currentText().strip()) for c in (self.src_lang, self.tgt_lang))
        self.import_button.setEnabled(bool(self._preview_ok) and langs_ok)

    def _swap_if_reversed(self) -> None:
        """Two files given the wrong way round (English first) are swapped, and the user is told."""
        preview = self._preview
        if preview is None or not preview.ok or len(preview.files) != 2:
            return
        if not looks_chinese(preview.zh) and looks_chinese(preview.en):
            self._on_swap_clicked()
            self._show_problem(self.tr("The first file was English, so the files were swapped."), error=False)

    # -- slots ----------------------------------------------------------------------------------

    def _on_mode_toggled(self) -> None:
        mixed = self.mixed_file.isChecked()
        self.rows[0].label.setText(self.tr("&Mixed file:") if mixed else self.tr("C&hinese file:"))
        self.rows[1].label.setText(self.tr("E&nglish file:"))
        self.rows[1].set_visible(not mixed)
        self.swap_button.setVisible(not mixed)
        self._reload()

    def _on_swap_clicked(self) -> None:
        first, second = self.rows
        self._filling = True
        texts = first.path_edit.text(), second.path_edit.text()
        encodings = first.encoding.currentIndex(), second.encoding.currentIndex()
        first.path_edit.setText(texts[1])
        second.path_edit.setText(texts[0])
        first.encoding.setCurrentIndex(encodings[1])
        second.encoding.setCurrentIndex(encodings[0])
        self._filling = False
        self._swapping = True            # a swap the user asked for is not undone by the check in _reload
        try:
            self._reload()
        finally:
            self._swapping = False

    def _on_browse_clicked(self, row: FileRow) -> None:
        start = str(row.path().parent) if row.path() is not None else start_folder()
        chosen = choose_text_file(self, self.tr("Choose a Text"), start)
        if chosen:
            # the folder the translator just chose: the next file dialog (the first Save of the alignment, the
            # other text) starts there; it started in the home folder (an X11 audit)
            remember(chosen)
            row.path_edit.setText(chosen)
            self._filling = True
            row.encoding.setCurrentIndex(0)
            self._filling = False
            self._reload()

    def _on_path_edited(self) -> None:
        self._reload()

    def _on_cleanup_item_changed(self) -> None:
        if not self._filling:
            self._sentence_timer.start()

    def _set_all_fixes(self, state: Qt.CheckState) -> None:
        self._filling = True
        for index in range(self.cleanup_list.topLevelItemCount()):
            item = self.cleanup_list.topLevelItem(index)
            if item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                item.setCheckState(0, state)
        self._filling = False
        self._refresh_sentences()

    def _on_accept_all_clicked(self) -> None:
        self._set_all_fixes(Qt.CheckState.Checked)

    def _on_reject_all_clicked(self) -> None:
        self._set_all_fixes(Qt.CheckState.Unchecked)

    def _on_src_lang_chosen(self) -> None:
        self._src_lang_chosen = True

    def _on_language_changed(self) -> None:
        self._update_import_button()
        self._sentence_timer.start()

    def accept(self) -> None:
        """Build the document; a file that cannot be imported keeps the dialog open with the reason shown."""
        if not self._preview_ok:
            return
        try:
            document = workflow.import_document(self.paths(), self.import_options())
        except EditorError as exc:
            self._show_problem(error_text(self, exc))
            return
        except OSError as exc:
            self._show_problem(self.tr("Cannot read the file: %1").replace("%1", str(exc)))
            return
        self._document = document
        super().accept()


def is_traditional_code(code: str) -> bool:
    """True for language tags of Traditional Chinese: zh-TW, zh-HK, zh-MO, zh-Hant(-…)."""
    parts = [p.lower() for p in code.split("-")[1:]]
    return "hant" in parts or (bool(parts) and parts[0] in ("tw", "hk", "mo"))


def _numbered(lines: Sequence[str], limit: int, more: str) -> str:
    """Return the first `limit` lines numbered from 1, and how many more there are."""
    shown = [f"{i}. {text}" for i, text in enumerate(lines[:limit], start=1)]
    if len(lines) > limit:
        shown.append(more.replace("%1", str(len(lines) - limit)))
    return "\n".join(shown)


def _visible(text: str) -> str:
    """Show spaces and tabs so whitespace fixes can be seen."""
    return text.replace(" ", "␣").replace("\u3000", "▯").replace("\t", "→")


def _fix_context(paragraph: str, fix) -> tuple[str, str]:
    """Return the fix's before and after text with a few characters of context either side."""
    left = paragraph[max(0, fix.start - CONTEXT_CHARS):fix.start]
    right = paragraph[fix.end:fix.end + CONTEXT_CHARS]
    left = ("…" if fix.start > CONTEXT_CHARS else "") + left
    right = right + ("…" if fix.end + CONTEXT_CHARS < len(paragraph) else "")
    show = _visible if getattr(fix.kind, "name", "") == "WHITESPACE" else (lambda s: s)
    before = f"{left}[{show(fix.original)}]{right}"
    after = f"{left}[{show(fix.replacement or '')}]{right}" if fix.repairable else ""
    return before, after


def _fix_kind_name(dialog: QWidget, fix) -> str:
    names = {"PINYIN": QCoreApplication.translate("ImportDialog", "Pinyin left in the text"),
             "MOJIBAKE": QCoreApplication.translate("ImportDialog", "Garbled characters"),
             "WHITESPACE": QCoreApplication.translate("ImportDialog", "Stray spaces"),
             "PUNCTUATION": QCoreApplication.translate("ImportDialog", "Chinese punctuation"),
             "MARKUP": QCoreApplication.translate("ImportDialog", "Leftover markup"),
             "LIST_MARK": QCoreApplication.translate("ImportDialog", "List mark"),
             "FOOTNOTE": QCoreApplication.translate("ImportDialog", "Footnote reference")}
    return names.get(getattr(fix.kind, "name", ""), str(fix.kind))
