"""The choice of two languages from a multilingual translation memory (TMX with more than two languages)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from editor.exchange.languages import is_chinese_code, is_english_code


class LanguagePairDialog(QDialog):
    """Ask which language of `languages` is the Chinese side and which the English; Chinese and English
    are preselected. After Accepted, `pair()` says what was chosen."""

    def __init__(self, parent: QWidget | None, file_name: str, languages: list[str]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Choose Two Languages"))
        self.source = QComboBox()
        self.target = QComboBox()
        self.source.addItems(languages)
        self.target.addItems(languages)
        self.source.setCurrentIndex(next((i for i, c in enumerate(languages) if is_chinese_code(c)), 0))
        default_target = next((i for i, c in enumerate(languages) if is_english_code(c)),
                              1 if len(languages) > 1 else 0)
        self.target.setCurrentIndex(default_target)
        intro = QLabel(self.tr("%1 holds %2 languages. Duiqi opens two of them; the others are left out.")
                       .replace("%1", file_name).replace("%2", str(len(languages))))
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Source (Chinese) side:"), self.source)
        form.addRow(self.tr("&Target (English) side:"), self.target)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.source.currentIndexChanged.connect(self._validate)
        self.target.currentIndexChanged.connect(self._validate)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._validate()

    def pair(self) -> tuple[str, str]:
        """Return (source language, target language) as chosen."""
        return self.source.currentText(), self.target.currentText()

    def _validate(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            self.source.currentIndex() != self.target.currentIndex())
