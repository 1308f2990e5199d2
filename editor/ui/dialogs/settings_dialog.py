"""The Preferences dialog: font size, pane order, default language codes, autosave interval, interface language,
review threshold, the translator's name in TMX files."""

from __future__ import annotations

import dataclasses
import re

from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtCore import QRegularExpression
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout, QLabel, QLineEdit,
                               QSpinBox, QVBoxLayout, QWidget)

from editor.bitext.document import MAX_PERSON_LENGTH, person_id
from editor.bitext.review import DEFAULT_THRESHOLD, MAX_THRESHOLD, MIN_THRESHOLD
from editor.settings import (MAX_AUTOSAVE_SECONDS, MAX_FONT_SIZE, MIN_AUTOSAVE_SECONDS, MIN_FONT_SIZE, Settings,
                             exporter_id)

#: A language tag as TMX and XLIFF want it: "zh-CN", "en", "zh-Hant-TW".
LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
SOURCE_LANGUAGES = ("zh-CN", "zh-TW", "zh-HK", "zh-SG", "zh")
TARGET_LANGUAGES = ("en-US", "en-GB", "en-AU", "en-CA", "en")


def language_combo(choices: tuple[str, ...], current: str) -> QComboBox:
    """Return an editable combo box of language tags that only accepts well-formed tags."""
    combo = QComboBox()
    combo.setEditable(True)
    combo.addItems(list(choices))
    combo.setValidator(QRegularExpressionValidator(QRegularExpression(r"[A-Za-z]{0,3}(-[A-Za-z0-9]{0,8})*")))
    combo.setCurrentText(current)
    return combo


class SettingsDialog(QDialog):
    """Edit a copy of the settings; after Accepted, `settings()` returns the new values."""

    def __init__(self, parent: QWidget | None, settings: Settings) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self._original = settings

        self.font_size = QSpinBox()
        self.font_size.setRange(MIN_FONT_SIZE, MAX_FONT_SIZE)
        self.font_size.setSuffix(self.tr(" pt"))
        self.font_size.setValue(min(max(settings.font_size, MIN_FONT_SIZE), MAX_FONT_SIZE))

        self.pane_order = QComboBox()
        self.pane_order.addItem(self.tr("Chinese left, English right"), "zh-en")
        self.pane_order.addItem(self.tr("English left, Chinese right"), "en-zh")
        self.pane_order.setCurrentIndex(max(0, self.pane_order.findData(settings.pane_order)))

        self.src_lang = language_combo(SOURCE_LANGUAGES, settings.src_lang)
        self.tgt_lang = language_combo(TARGET_LANGUAGES, settings.tgt_lang)

        self.autosave = QSpinBox()
        self.autosave.setRange(MIN_AUTOSAVE_SECONDS, MAX_AUTOSAVE_SECONDS)
        self.autosave.setSingleStep(15)
        self.autosave.setSuffix(self.tr(" seconds"))
        self.autosave.setValue(min(max(settings.autosave_seconds, MIN_AUTOSAVE_SECONDS), MAX_AUTOSAVE_SECONDS))

        self.ui_language = QComboBox()
        self.ui_language.addItem(self.tr("System"), None)
        self.ui_language.addItem("English", "en")            # each language is named in itself
        self.ui_language.addItem("简体中文", "zh_CN")
        index = self.ui_language.findData(settings.ui_language) if settings.ui_language else 0
        self.ui_language.setCurrentIndex(max(0, index))
        self.review_threshold = QDoubleSpinBox()
        self.review_threshold.setRange(MIN_THRESHOLD, MAX_THRESHOLD)
        self.review_threshold.setDecimals(2)
        self.review_threshold.setSingleStep(0.01)
        self.review_threshold.setValue(min(max(settings.review_threshold, MIN_THRESHOLD), MAX_THRESHOLD))
        self.review_threshold.setToolTip(self.tr("Automatic links below this confidence are doubtful: coloured "
                                                 "amber, listed for review, found by F8 (default %1)")
                                         .replace("%1", f"{DEFAULT_THRESHOLD:.2f}"))

        self.translator_id = QLineEdit(settings.translator_id)
        self.translator_id.setMaxLength(MAX_PERSON_LENGTH)
        self.translator_id.setPlaceholderText(exporter_id(None))     # what an empty name writes: the login name
        self.translator_id.setToolTip(self.tr("Written in exported TMX files as the creator (creationid) and last "
                                              "editor (changeid) of the links you make or change; CAT tools show "
                                              "it as \u201ccreated by\u201d and \u201cmodified by\u201d. Links "
                                              "opened from another tool's TMX keep their own."))

        restart_note = QLabel(self.tr("A new interface language is used from the next start."))
        restart_note.setWordWrap(True)
        restart_note.setEnabled(False)        # greyed: a hint, not a field

        form = QFormLayout()
        form.addRow(self.tr("&Font size:"), self.font_size)
        form.addRow(self.tr("&Pane order:"), self.pane_order)
        form.addRow(self.tr("Default &Chinese language code:"), self.src_lang)
        form.addRow(self.tr("Default &English language code:"), self.tgt_lang)
        form.addRow(self.tr("&Autosave every:"), self.autosave)
        form.addRow(self.tr("&Review links below confidence:"), self.review_threshold)
        form.addRow(self.tr("Your &name in TMX files:"), self.translator_id)
        form.addRow(self.tr("&Interface language:"), self.ui_language)
        form.addRow("", restart_note)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.src_lang.currentTextChanged.connect(self._on_language_text_changed)
        self.tgt_lang.currentTextChanged.connect(self._on_language_text_changed)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)
        self._on_language_text_changed()

    def _on_language_text_changed(self) -> None:
        ok = all(LANGUAGE_TAG.match(c.currentText().strip()) for c in (self.src_lang, self.tgt_lang))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def _translator_id(self) -> str:
        try:
            return person_id(self.translator_id.text()) or ""
        except ValueError:              # a control character pasted in: keep what was there
            return self._original.translator_id

    def settings(self) -> Settings:
        """Return the settings as edited (fields the dialog does not show are kept as they were)."""
        return dataclasses.replace(
            self._original,
            font_size=self.font_size.value(),
            pane_order=self.pane_order.currentData(),
            src_lang=self.src_lang.currentText().strip(),
            tgt_lang=self.tgt_lang.currentText().strip(),
            autosave_seconds=self.autosave.value(),
            ui_language=self.ui_language.currentData(),
            review_threshold=round(self.review_threshold.value(), 2),
            translator_id=self._translator_id(),
            recent_files=list(self._original.recent_files),
        )
