"""The Export dialog: which format, file, CAT-tool preset, language codes and beads to write."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPushButton, QSpinBox, QVBoxLayout,
                               QWidget)

from editor.bitext.artefacts import Artefact, check_document
from editor.bitext.document import AlignmentDocument
from editor.bitext.review import DEFAULT_THRESHOLD, ReviewPolicy
from editor.exporting import DEFAULT_CREATION_ID, ExportOptions, export_suffixes
from editor.exporting.presets import (Omission, apply_preset, get_preset, preset_languages, preset_names,
                                      preset_omissions)
from editor.exchange.languages import canonical_lang
from editor.settings import Settings
from editor.ui.dialogs.settings_dialog import LANGUAGE_TAG, TARGET_LANGUAGES, language_combo

# The Chinese codes offered; Traditional Chinese has three that CAT tools keep apart.
EXPORT_SOURCE_LANGUAGES = ("zh-CN", "zh-TW", "zh-HK", "zh-Hant", "zh-Hans", "zh-SG", "zh")
TRADITIONAL_CODES = ("zh-tw", "zh-hk", "zh-mo", "zh-hant")
# Formats whose files name their languages.
CODED_SUFFIXES = (".tmx", ".xlf")


@dataclass(frozen=True)
class ExportFormat:
    """One entry of the format list: a suffix, plus the XLIFF version where the suffix alone is not enough."""

    suffix: str
    name: str
    xliff_version: str | None = None


def _known_formats(dialog: QWidget) -> dict[str, list[ExportFormat]]:
    """Return the formats the dialog knows a good name for, by suffix, in the order they are listed."""
    # Literal QCoreApplication.translate calls: lupdate collects them under the dialog's own context.
    names = {
        "tmx": QCoreApplication.translate("ExportDialog", "TMX 1.4 translation memory"),
        "xliff12": QCoreApplication.translate("ExportDialog", "XLIFF 1.2"),
        "xliff20": QCoreApplication.translate("ExportDialog", "XLIFF 2.0"),
        "tsv": QCoreApplication.translate("ExportDialog", "Tab-separated text (TSV)"),
        "xlsx": QCoreApplication.translate("ExportDialog", "Excel workbook"),
        "duiqi": QCoreApplication.translate("ExportDialog", "Duiqi project (copy)"),
        "json": QCoreApplication.translate("ExportDialog", "JSON (texts and links)"),
        "beads": QCoreApplication.translate("ExportDialog", "Link list (benchmark format)"),
    }
    return {
        ".tmx": [ExportFormat(".tmx", names["tmx"])],
        ".xlf": [ExportFormat(".xlf", names["xliff12"], "1.2"), ExportFormat(".xlf", names["xliff20"], "2.0")],
        ".tsv": [ExportFormat(".tsv", names["tsv"])],
        ".xlsx": [ExportFormat(".xlsx", names["xlsx"])],
        ".duiqi": [ExportFormat(".duiqi", names["duiqi"])],
        ".json": [ExportFormat(".json", names["json"])],
        ".beads": [ExportFormat(".beads", names["beads"])],
    }


def _preset_titles() -> dict[str, str]:
    titles = {
        "generic": QCoreApplication.translate("ExportDialog", "Generic (everything Duiqi knows)"),
        "trados": QCoreApplication.translate("ExportDialog", "Trados Studio / Trados Cloud / GroupShare"),
        "memoq": QCoreApplication.translate("ExportDialog", "memoQ"),
        "phrase": QCoreApplication.translate("ExportDialog", "Phrase (Memsource)"),
        "omegat": QCoreApplication.translate("ExportDialog", "OmegaT"),
        "lokalize": QCoreApplication.translate("ExportDialog", "Lokalize (KDE): confirmed units signed-off"),
    }
    return {name: titles.get(name, name) for name in preset_names()}


def omission_texts(limit: int | None) -> dict[Omission, str]:
    """Return the translated sentence for each thing a preset can leave out."""
    return {
        Omission.UNLINKED_TMX: QCoreApplication.translate(
            "ExportDialog", "Sentences without a counterpart (1-0, 0-1): a TMX holds pairs only."),
        Omission.UNLINKED: QCoreApplication.translate(
            "ExportDialog", "Sentences without a counterpart (1-0, 0-1)."),
        Omission.DOUBTFUL: QCoreApplication.translate(
            "ExportDialog", "Doubtful links (automatic links that need review); confirm them to include them."),
        Omission.PROPS: QCoreApplication.translate(
            "ExportDialog", "Duiqi's own data (confidence, status, file names, sentence layout): the file will "
                            "not reopen with the same sentences and statuses."),
        Omission.TOO_LONG: QCoreApplication.translate(
            "ExportDialog", "Links longer than %1 characters.").replace("%1", str(limit)),
        Omission.REGION_CODES: QCoreApplication.translate(
            "ExportDialog", "Codes without a region: zh becomes zh-CN, zh-Hant zh-TW, en en-US."),
    }


#: Suffixes that name the same format as a listed one, so they are not listed twice.
ALIASES = {".xliff": ".xlf"}


def available_formats(dialog: QWidget) -> list[ExportFormat]:
    """Return the formats editor.exporting writes, with names, best-known first."""
    registered = set(export_suffixes())
    known = _known_formats(dialog)
    formats = [f for suffix, entries in known.items() if suffix in registered for f in entries]
    for suffix in sorted(registered):
        if suffix not in known and ALIASES.get(suffix) not in registered:
            name = QCoreApplication.translate("ExportDialog", "%1 file").replace("%1", suffix[1:].upper())
            formats.append(ExportFormat(suffix, name))
    return formats


#: what an export wrote and left out (QT_TRANSLATE_NOOP: lupdate collects each with its context; a string handed
#: to a helper function was missed, and the Chinese interface said "217 pair(s) written to ...")
_WRITTEN = QT_TRANSLATE_NOOP("ExportDialog", "%n pair(s) written to %1.")
#: the sentences without counterpart a format keeps (XLIFF units, table rows): not pairs, so said apart (the
#: message counted 16 such XLIFF units among "368 pair(s)": an X11 audit)
_WRITTEN_UNLINKED = QT_TRANSLATE_NOOP("ExportDialog",
                                      "%n sentence(s) without counterpart also written, the other side empty.")
_LEFT_OUT = (
    ("skipped_unlinked", QT_TRANSLATE_NOOP("ExportDialog", "%n unlinked sentence(s) left out.")),
    ("skipped_unconfirmed", QT_TRANSLATE_NOOP("ExportDialog", "%n unconfirmed link(s) left out.")),
    ("skipped_too_long", QT_TRANSLATE_NOOP("ExportDialog", "%n too long link(s) left out.")),
    ("skipped_doubtful", QT_TRANSLATE_NOOP("ExportDialog", "%n doubtful link(s) left out.")),
    ("removed_characters",
     QT_TRANSLATE_NOOP("ExportDialog", "%n control character(s) removed (XML does not allow them).")),
    ("normalised_whitespace",
     QT_TRANSLATE_NOOP("ExportDialog", "%n tab(s) or line break(s) inside sentences written as spaces.")),
)


def export_finished_text(report, path: Path) -> str:
    """Return the translated lines saying what an export wrote and left out, each said once."""
    def tr(text: str, n: int) -> str:
        return QCoreApplication.translate("ExportDialog", text, "", n)

    unlinked = getattr(report, "written_unlinked", 0)
    lines = [tr(_WRITTEN, report.written - unlinked).replace("%1", str(path))]
    if unlinked:
        lines.append(tr(_WRITTEN_UNLINKED, unlinked))
    lines += [tr(text, getattr(report, field)) for field, text in _LEFT_OUT if getattr(report, field)]
    return "\n".join(lines)


def direction_key(project: Path | None) -> str:
    """Return the key under which a project's export direction is remembered ("" for an unsaved document)."""
    return str(Path(project).expanduser().absolute()) if project is not None else ""


def _warning_row(button_text: str, tooltip: str, slot) -> tuple[QLabel, QPushButton, QHBoxLayout]:
    """A warning (wrapped, in amber) with a button beside it that closes the dialog to review something."""
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet("color: #8a5a00;")
    button = QPushButton(button_text)
    button.setToolTip(tooltip)
    button.clicked.connect(slot)
    row = QHBoxLayout()
    row.addWidget(label, 1)
    row.addWidget(button)
    return label, button, row


class ExportDialog(QDialog):
    """Ask how to export `document`; after Accepted, `path()` and `options()` say what to write.

    `settings` (when given) supplies the remembered preset, language codes and folder, and the direction
    remembered for `project`; without a remembered direction it follows the panes (`english_first`: the
    English pane is on the left). `remember(settings)` stores the choices after an export.
    """

    def __init__(self, parent: QWidget | None, document: AlignmentDocument,
                 suggested_path: Path | None = None, creation_id: str = "", *,
                 settings: Settings | None = None, project: Path | None = None,
                 english_first: bool = False, review_threshold: float | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export Alignment"))
        self._document = document
        #: (documents, links, confirmed links, unlinked groups) when a whole collection is exported
        #: (`show_collection`)
        self._collection_counts: tuple[int, int, int, int | None] | None = None
        self._project = project
        self._creation_id = creation_id or DEFAULT_CREATION_ID   # Settings.translator_id
        self.formats = available_formats(self)

        self.format_combo = QComboBox()
        for fmt in self.formats:
            self.format_combo.addItem(f"{fmt.name} ({fmt.suffix})")

        self.path_edit = QLineEdit()
        self.path_edit.setClearButtonEnabled(True)
        self.browse_button = QPushButton(self.tr("&Browse…"))
        self.browse_button.clicked.connect(self._on_browse_clicked)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)

        self.preset_combo = QComboBox()
        for name, title in _preset_titles().items():
            self.preset_combo.addItem(title, name)

        self.direction_combo = QComboBox()
        self.direction_combo.addItem(self.tr("Chinese → English (zh→en)"), False)
        self.direction_combo.addItem(self.tr("English → Chinese (en→zh)"), True)
        self.direction_combo.setToolTip(self.tr("Which language the file names as the source (TMX srclang, "
                                                "XLIFF source language)"))
        remembered = settings.export_directions.get(direction_key(project)) if settings and project else None
        reverse = remembered == "en-zh" if remembered in ("zh-en", "en-zh") else english_first
        self.direction_combo.setCurrentIndex(1 if reverse else 0)

        src_code, tgt_code = document.meta.src_lang or "zh-CN", document.meta.tgt_lang or "en-US"
        if settings is not None:
            src_code = _remembered_code(settings.export_src_lang, src_code, document)
            tgt_code = _remembered_code(settings.export_tgt_lang, tgt_code, document)
        self.src_lang = language_combo(EXPORT_SOURCE_LANGUAGES, src_code)
        self.tgt_lang = language_combo(TARGET_LANGUAGES, tgt_code)

        counts = document.counts()
        links = counts["beads"] - counts["unlinked"]
        confirmed_links = sum(1 for b in document.beads if b.is_fixed and b.src and b.tgt)
        self.only_confirmed = QCheckBox(self.tr("O&nly confirmed links (%1 of %2 links)")
                                        .replace("%1", str(confirmed_links)).replace("%2", str(links)))
        self.limit_length = QCheckBox(self.tr("Leave out links longer than"))
        self.max_length = QSpinBox()
        self.max_length.setRange(10, 100000)
        self.max_length.setValue(1000)
        self.max_length.setSuffix(self.tr(" characters"))
        self.max_length.setEnabled(False)
        self.limit_length.toggled.connect(self.max_length.setEnabled)
        length_row = QHBoxLayout()
        length_row.addWidget(self.limit_length)
        length_row.addWidget(self.max_length)
        length_row.addStretch(1)
        self.excel_bom = QCheckBox(self.tr("Add a byte order &mark so Excel reads the UTF-8 text"))

        self.codes_label = QLabel()
        self.pair_warning = QLabel(self.tr(
            "Traditional Chinese has several codes (zh-TW Taiwan, zh-HK Hong Kong, zh-Hant any region). "
            "Choose the one your translation memory uses: its language pair must match exactly, and Trados "
            "silently skips units whose pair differs."))
        self.pair_warning.setWordWrap(True)
        self.pair_warning.setStyleSheet("color: #8a5a00;")
        self.preset_notes = QLabel()
        self.preset_notes.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self._artefacts = check_document(document)       # units that look like import artefacts
        self._review_requested = False
        self.artefact_label, self.review_artefacts_button, artefact_row = _warning_row(
            self.tr("Re&view these"), self.tr("Close this dialog and list these links in the review list"),
            self._on_review_artefacts_clicked)
        # the doubtful links nobody reviewed that the file would get: the dialog said nothing of 43 of them and
        # named only one import artefact (an X11 audit)
        policy = ReviewPolicy.for_document(document, DEFAULT_THRESHOLD if review_threshold is None
                                           else review_threshold)
        self._doubtful = [k for k, b in enumerate(document.beads)
                          if b.src and b.tgt and policy.is_doubtful(document, b)]
        self._review_doubtful = False
        self.doubtful_label, self.review_doubtful_button, doubtful_row = _warning_row(
            self.tr("Review &List"), self.tr("Close this dialog and open the review list"),
            self._on_review_doubtful_clicked)

        form = QFormLayout()
        form.addRow(self.tr("&Format:"), self.format_combo)
        file_label = QLabel(self.tr("F&ile:"))
        file_label.setBuddy(self.path_edit)
        form.addRow(file_label, path_row)
        form.addRow(self.tr("&Preset:"), self.preset_combo)
        form.addRow(self.tr("&Direction:"), self.direction_combo)
        form.addRow(self.tr("Chinese language &code:"), self.src_lang)
        form.addRow(self.tr("English language c&ode:"), self.tgt_lang)
        form.addRow("", self.codes_label)
        form.addRow("", self.only_confirmed)
        form.addRow("", length_row)
        form.addRow("", self.excel_bom)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Export"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        # Outside the form: a form row gives a wrapped label the height of one line, so the note was
        # squashed into clipped lines; in the column it is as tall as its wrapped text.
        layout.addWidget(self.pair_warning)
        layout.addWidget(self.preset_notes)
        layout.addWidget(self.summary)
        layout.addLayout(doubtful_row)
        layout.addLayout(artefact_row)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

        #: the suffix a project's export takes: the format exported last, else the first listed (TMX)
        self._default_suffix = self.formats[0].suffix if self.formats else ".tsv"
        if settings is not None and any(f.suffix == settings.export_suffix for f in self.formats):
            self._default_suffix = settings.export_suffix
        if settings is not None:
            index = self.preset_combo.findData(settings.export_preset)
            if index >= 0:
                self.preset_combo.setCurrentIndex(index)
            self.only_confirmed.setChecked(settings.export_only_confirmed)
            folder = Path(settings.export_folder).expanduser() if settings.export_folder else None
            if folder is not None and folder.is_dir():
                name = self._initial_path(suggested_path).name
                suggested_path = folder / name
        self.path_edit.setText(str(self._initial_path(suggested_path)))
        self._select_format_for(Path(self.path_edit.text()).suffix)
        if settings is not None and settings.export_xliff_version:
            for index, fmt in enumerate(self.formats):
                if fmt.suffix == self.current_format().suffix and fmt.xliff_version == settings.export_xliff_version:
                    self.format_combo.setCurrentIndex(index)
        self.format_combo.currentIndexChanged.connect(self._on_format_changed)
        self.path_edit.textChanged.connect(self._on_path_text_changed)
        for signal in (self.src_lang.currentTextChanged, self.tgt_lang.currentTextChanged,
                       self.preset_combo.currentIndexChanged, self.direction_combo.currentIndexChanged):
            signal.connect(self._validate)
        self.only_confirmed.toggled.connect(self._update_artefacts)
        self._on_format_changed()

    # -- results -------------------------------------------------------------------------------

    def current_format(self) -> ExportFormat:
        return self.formats[max(0, self.format_combo.currentIndex())]

    def path(self) -> Path:
        """Return the file to write (absolute, with the chosen format's suffix)."""
        return Path(self.path_edit.text().strip()).expanduser().absolute()

    def preset(self) -> str:
        """Return the chosen preset's name (generic, trados, memoq, phrase, omegat)."""
        return self.preset_combo.currentData() or "generic"

    def reverse(self) -> bool:
        """True when the file names English as the source (English→Chinese work, the CLI's --reverse)."""
        return bool(self.direction_combo.currentData())

    def written_codes(self) -> tuple[str, str] | None:
        """Return the file's source and target codes (after the preset and the direction), or None if they
        are not codes."""
        src, tgt = self.src_lang.currentText().strip(), self.tgt_lang.currentText().strip()
        try:
            src, tgt = canonical_lang(src), canonical_lang(tgt)
        except ValueError:
            return None
        codes = preset_languages(self.preset(), src, tgt,
                                 traditional=self._document.meta.chinese_script == "traditional")
        return (codes[1], codes[0]) if self.reverse() else codes

    def remember(self, settings: Settings) -> None:
        """Store the preset, language codes, folder, format, "only confirmed links" and (for a saved project)
        direction chosen."""
        settings.export_preset = self.preset()
        settings.export_src_lang = self.src_lang.currentText().strip()
        settings.export_tgt_lang = self.tgt_lang.currentText().strip()
        settings.export_folder = str(self.path().parent)
        settings.export_only_confirmed = self.only_confirmed.isChecked()
        settings.export_suffix = self.current_format().suffix
        settings.export_xliff_version = self.current_format().xliff_version or ""
        if self._project is not None:
            settings.export_directions[direction_key(self._project)] = "en-zh" if self.reverse() else "zh-en"

    def options(self) -> ExportOptions:
        """Return the export options as chosen, with the preset's choices applied."""
        fmt = self.current_format()
        return apply_preset(ExportOptions(
            only_confirmed=self.only_confirmed.isChecked(),
            src_lang=self.src_lang.currentText().strip(),
            tgt_lang=self.tgt_lang.currentText().strip(),
            xliff_version=fmt.xliff_version or "1.2",
            max_segment_length=self.max_length.value() if self.limit_length.isChecked() else None,
            excel_bom=fmt.suffix == ".tsv" and self.excel_bom.isChecked(),
            presegmented_ids=self._document.meta.presegmented,
            creation_id=self._creation_id,
            reverse=self.reverse(),
        ), self.preset())

    # -- behaviour -----------------------------------------------------------------------------

    def _initial_path(self, suggested: Path | None) -> Path:
        suffix = self._default_suffix
        if suggested is not None:
            suggested = Path(suggested).expanduser().absolute()
            return suggested.with_suffix(suffix) if suggested.suffix.lower() == ".duiqi" \
                or not suggested.suffix else suggested
        source = self._document.meta.src_file
        if source:
            # Absolute, also for a project opened by a relative path: the field shows where the file goes.
            return Path(source).with_suffix(suffix).expanduser().absolute()
        return Path.home() / f"alignment{suffix}"

    def _select_format_for(self, suffix: str) -> None:
        suffix = ALIASES.get(suffix.lower(), suffix.lower())
        if self.current_format().suffix == suffix:
            return
        for index, fmt in enumerate(self.formats):
            if fmt.suffix == suffix:
                self.format_combo.setCurrentIndex(index)
                return

    def _on_format_changed(self) -> None:
        fmt = self.current_format()
        text = self.path_edit.text().strip()
        if text:
            path = Path(text)
            if ALIASES.get(path.suffix.lower(), path.suffix.lower()) != fmt.suffix:
                self.path_edit.blockSignals(True)
                self.path_edit.setText(str(path.with_suffix(fmt.suffix)) if path.suffix
                                       else text + fmt.suffix)
                self.path_edit.blockSignals(False)
        self.excel_bom.setEnabled(fmt.suffix == ".tsv")
        self._validate()

    def _on_path_text_changed(self, text: str) -> None:
        suffix = Path(text.strip()).suffix
        if suffix:
            self._select_format_for(suffix)
        self._validate()

    def _on_browse_clicked(self) -> None:
        filters = ";;".join(f"{fmt.name} (*{fmt.suffix})" for fmt in self.formats)
        current = self.current_format()
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Export Alignment"), self.path_edit.text(),
                                                filters, f"{current.name} (*{current.suffix})")
        if chosen:
            path = Path(chosen)
            if not path.suffix:
                path = path.with_suffix(current.suffix)
            self.path_edit.setText(str(path))

    def _problem(self) -> str | None:
        """Return why the dialog cannot export yet, or None."""
        text = self.path_edit.text().strip()
        if not self.formats:
            return self.tr("No export formats are available.")
        if not text:
            return self.tr("Choose a file to export to.")
        path = self.path()
        if ALIASES.get(path.suffix.lower(), path.suffix.lower()) != self.current_format().suffix:
            return self.tr("The file name must end in %1.").replace("%1", self.current_format().suffix)
        if path.is_dir():
            return self.tr("%1 is a folder; add a file name.").replace("%1", str(path))
        if not path.parent.is_dir():
            return self.tr("The folder %1 does not exist.").replace("%1", str(path.parent))
        for combo in (self.src_lang, self.tgt_lang):
            if not LANGUAGE_TAG.match(combo.currentText().strip()):
                return self.tr("“%1” is not a language code such as zh-CN or en-US.").replace(
                    "%1", combo.currentText())
        return None

    def _validate(self) -> None:
        problem = self._problem()
        self.error_label.setText(problem or "")
        self.error_label.setVisible(problem is not None)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(problem is None)
        self._update_summary()

    def _update_codes_and_preset_notes(self) -> None:
        coded = self.current_format().suffix in CODED_SUFFIXES
        codes = self.written_codes()
        self.codes_label.setVisible(coded and codes is not None)
        if codes is not None:
            self.codes_label.setText(self.tr("The file will say: %1 → %2").replace("%1", codes[0])
                                     .replace("%2", codes[1]))
        traditional = codes is not None and codes[0].lower().startswith(TRADITIONAL_CODES)
        self.pair_warning.setVisible(coded and (traditional or self._document.meta.chinese_script == "traditional"))
        texts = omission_texts(get_preset(self.preset()).max_segment_length)
        omissions = preset_omissions(self.preset(), self.current_format().suffix)
        if omissions:
            self.preset_notes.setText(self.tr("This export leaves out:") + "\n"
                                      + "\n".join(f"• {texts[o]}" for o in omissions))
        self.preset_notes.setVisible(bool(omissions))

    def show_collection(self, documents: int, links: int, confirmed: int, unlinked: int | None = None) -> None:
        """Export a whole collection: show its totals, not those of the one document the dialog was built on (for
        its language codes and script), and no artefact warning about that document alone (the dialog said
        "0 of 276 links", document 001's, for a collection of 1,367; an X11 audit). `unlinked` (the sentence
        groups without counterpart, which a TMX leaves out) is None when not every document's count is known."""
        self._collection_counts = (documents, links, confirmed, unlinked)
        self.only_confirmed.setText(self.tr("O&nly confirmed links (%1 of %2 links)")
                                    .replace("%1", str(confirmed)).replace("%2", str(links)))
        self._update_summary()

    def _update_summary(self) -> None:
        self._update_codes_and_preset_notes()
        if self._collection_counts is not None:
            documents, links, confirmed, unlinked = self._collection_counts
            text = (self.tr("The collection has %n aligned document(s) with %1 links between Chinese "
                            "and English (%2 confirmed).", "", documents)
                    .replace("%1", str(links)).replace("%2", str(confirmed)))
            if unlinked:
                text += " " + self.tr("%n sentence group(s) are unlinked.", "", unlinked)
            self.summary.setText(text)
            self._update_artefacts()
            return
        counts = self._document.counts()
        confirmed_links = sum(1 for b in self._document.beads if b.is_fixed and b.src and b.tgt)
        text = self.tr("The alignment has %1 links between Chinese and English (%2 confirmed); "
                       "%3 sentence groups are unlinked.")
        for key, value in (("%1", counts["beads"] - counts["unlinked"]), ("%2", confirmed_links),
                           ("%3", counts["unlinked"])):
            text = text.replace(key, str(value))
        self.summary.setText(text)
        self._update_artefacts()

    def _update_doubtful(self) -> None:
        """Warn about the doubtful links nobody reviewed that would be written (one document's export)."""
        options = self.options()
        written = not (options.only_confirmed or not options.keep_doubtful)
        count = len(self._doubtful) if self._collection_counts is None and written else 0
        self.doubtful_label.setVisible(count > 0)
        self.review_doubtful_button.setVisible(count > 0)
        if count:
            self.doubtful_label.setText(self.tr(
                "%n doubtful link(s) that nobody has reviewed would go into the file (an XLIFF marks them as "
                "needing review).", "", count))

    def _update_artefacts(self) -> None:
        """Warn about the units that look like import artefacts: written, or left out with the doubtful links."""
        self._update_doubtful()
        count = 0 if self._collection_counts is not None else self._artefacts.count
        self.artefact_label.setVisible(count > 0)
        self.review_artefacts_button.setVisible(count > 0)
        if not count:
            return
        options = self.options()
        if options.only_confirmed or not options.keep_doubtful:
            text = self.tr("%n link(s) that look like import artefacts or wrong links will be left out with the "
                           "doubtful links: %1.", "", count)
        else:
            text = self.tr("%n link(s) that look like import artefacts or wrong links would go into the file: %1.",
                           "", count)
        self.artefact_label.setText(text.replace("%1", self._artefact_kinds()))

    def _artefact_kinds(self) -> str:
        """The kinds found and how many links each concerns, most first: the label listed every kind there is
        (a header row, a separator, pinyin, …) where a literary book had only links of an odd length ratio,
        which may as well be wrong links (an X11 audit)."""
        names = {Artefact.HEADER_ROW: self.tr("a table's header row"),
                 Artefact.PUNCTUATION: self.tr("only punctuation or a separator"),
                 Artefact.PINYIN: self.tr("pinyin in parentheses"),
                 Artefact.GARBLED: self.tr("garbled text"),
                 Artefact.WRONG_SCRIPT: self.tr("a side in the wrong script"),
                 Artefact.LENGTH_RATIO: self.tr("a length ratio far from the document's"),
                 Artefact.PAGE_NUMBER: self.tr("a page number or footer"),
                 Artefact.MARKUP: self.tr("leftover markup"),
                 Artefact.FOOTNOTE: self.tr("a footnote reference")}
        return self.tr(", ", "list separator").join(f"{names.get(kind, kind.value)} ({n})"
                                  for kind, n in self._artefacts.by_kind().most_common())

    def artefact_beads(self) -> list[int]:
        """The links that look like import artefacts (bead indices, in order)."""
        return list(self._artefacts.beads)

    def review_requested(self) -> bool:
        """True when the dialog closed because the user chose to review the artefacts (or the review list) first."""
        return self._review_requested

    def review_beads(self) -> list[int] | None:
        """What to review when `review_requested`: the links that look like import artefacts, or None for the
        whole review list (the doubtful links)."""
        return None if self._review_doubtful else self.artefact_beads()

    def _on_review_artefacts_clicked(self) -> None:
        self._review_requested = True
        self.reject()

    def _on_review_doubtful_clicked(self) -> None:
        self._review_requested = self._review_doubtful = True
        self.reject()

    def accept(self) -> None:
        if self._problem() is not None:
            return
        path = self.path()
        if path.exists():
            answer = QMessageBox.question(
                self, self.tr("Replace File"),
                self.tr("%1 already exists. Replace it?").replace("%1", path.name),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return
        super().accept()


def _remembered_code(remembered: str, document_code: str, document: AlignmentDocument) -> str:
    """Return the code remembered from the last export when it suits this document (same language, and for
    Chinese the same script), else the document's own."""
    if not remembered or not LANGUAGE_TAG.match(remembered):
        return document_code
    if remembered.split("-")[0].lower() != document_code.split("-")[0].lower():
        return document_code
    if remembered.lower().startswith("zh"):
        traditional = remembered.lower().startswith(TRADITIONAL_CODES)
        if traditional != (document.meta.chinese_script == "traditional"):
            return document_code
    return remembered
