"""Find and Replace (Ctrl+H): one side's sentences, plain text or a regular expression, replaced sentence by
sentence (Find Next, Replace) or all at once (Replace All), each an undoable step."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

from editor.bitext import edits
from editor.bitext.document import AlignmentDocument, Side
from editor.errors import InvalidEditError


class ReplaceDialog(QDialog):
    """Asks what to replace on which side; emits `replace_requested(side, find, replacement, regex, case)`.

    It counts the matches as you type and says when the pattern is not a valid regular expression,
    so "Replace All" is only enabled when something will change. After a replacement it says what was done
    (`show_replaced`) until the search changes: "0 matches" alone read as if nothing had happened.
    """

    #: (side, find, replacement, regex, case, whole words)
    replace_requested = Signal(object, str, str, bool, bool, bool)
    #: the same: replace in the selected sentence (when it holds a match), then go on to the next one that does
    replace_one_requested = Signal(object, str, str, bool, bool, bool)
    #: (side, find, regex, case, whole words): select the next sentence holding a match
    find_next_requested = Signal(object, str, bool, bool, bool)

    def __init__(self, doc_getter, side_names: dict[Side, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Find and Replace"))
        self._doc_getter = doc_getter
        self.find_field = QLineEdit(self)
        self.replace_field = QLineEdit(self)
        self.side_box = QComboBox(self)
        for side in Side:
            self.side_box.addItem(side_names[side], side)
        self.regex_box = QCheckBox(self.tr("Regular expression (\\1 in the replacement is the first group)"), self)
        self.case_box = QCheckBox(self.tr("Match case"), self)
        self.words_box = QCheckBox(self.tr("Whole words only"), self)
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        #: what the last Replace All did, shown above the count until the search or the side changes
        self._done = ""
        form = QFormLayout()
        form.addRow(self.tr("Find:"), self.find_field)
        form.addRow(self.tr("Replace with:"), self.replace_field)
        form.addRow(self.tr("In:"), self.side_box)
        form.addRow("", self.regex_box)
        form.addRow("", self.case_box)
        form.addRow("", self.words_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        # one sentence at a time too, each replacement seen before it is made (there was only Replace All: an
        # X11 audit could check no replacement one by one)
        self.find_next_button = QPushButton(self.tr("&Find Next"), self)
        self.replace_one_button = QPushButton(self.tr("&Replace"), self)
        self.replace_button = QPushButton(self.tr("Replace &All"), self)
        for button in (self.find_next_button, self.replace_one_button, self.replace_button):
            button.setAutoDefault(False)
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.replace_button.clicked.connect(self._on_replace_clicked)
        self.replace_one_button.clicked.connect(self._on_replace_one_clicked)
        self.find_next_button.clicked.connect(self._on_find_next_clicked)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(self.result)
        column.addWidget(buttons)
        for field in (self.find_field, self.replace_field):
            field.textChanged.connect(self._search_changed)
        # Enter in a field counts, it does not replace: replacing is a deliberate click (or Alt+A).
        self.find_field.returnPressed.connect(self.refresh)
        self.side_box.currentIndexChanged.connect(self._search_changed)
        self.regex_box.toggled.connect(self._search_changed)
        self.case_box.toggled.connect(self._search_changed)
        self.words_box.toggled.connect(self._search_changed)
        self.refresh()

    def set_side(self, side: Side) -> None:
        self.side_box.setCurrentIndex(self.side_box.findData(side))

    def side(self) -> Side:
        return self.side_box.currentData()

    def show_replaced(self, matches: int, sentences: int) -> None:
        """Say what a Replace All just did (the window calls it after the change is made)."""
        self._done = self.tr("Replaced %n match(es) in %1 sentence(s). Ctrl+Z undoes it.", "", matches).replace(
            "%1", str(sentences))
        self.refresh()

    def _search_changed(self) -> None:
        self._done = ""
        self.refresh()

    def refresh(self) -> None:
        """Count the matches on the chosen side and enable Replace All when there are some."""
        doc: AlignmentDocument = self._doc_getter()
        text = self.find_field.text()
        count = 0
        found = ""
        if text:
            try:
                count = edits.count_matches(doc, self.side(), text, regex=self.regex_box.isChecked(),
                                            case_sensitive=self.case_box.isChecked(),
                                            whole_words=self.words_box.isChecked())
            except InvalidEditError as exc:
                found = self.tr("Not a valid regular expression: %1").replace("%1", str(exc).split(": ", 1)[-1])
            else:
                found = self.tr("%n match(es)", "", count)
        self.result.setText("\n".join(t for t in (self._done, found) if t))
        for button in (self.replace_button, self.replace_one_button, self.find_next_button):
            button.setEnabled(count > 0)

    def _on_replace_clicked(self) -> None:
        self.replace_requested.emit(self.side(), self.find_field.text(), self.replace_field.text(),
                                    self.regex_box.isChecked(), self.case_box.isChecked(),
                                    self.words_box.isChecked())
        self.refresh()

    def _on_replace_one_clicked(self) -> None:
        self.replace_one_requested.emit(self.side(), self.find_field.text(), self.replace_field.text(),
                                        self.regex_box.isChecked(), self.case_box.isChecked(),
                                        self.words_box.isChecked())
        self.refresh()

    def _on_find_next_clicked(self) -> None:
        self.find_next_requested.emit(self.side(), self.find_field.text(), self.regex_box.isChecked(),
                                      self.case_box.isChecked(), self.words_box.isChecked())

    def show_replaced_one(self, position: int) -> None:
        """Say what a Replace just did (sentence `position`, 0-based)."""
        self._done = self.tr("Replaced in sentence %1. Ctrl+Z undoes it.").replace("%1", str(position + 1))
        self.refresh()

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()       # no default button: Enter must not close or replace
            return
        super().keyPressEvent(event)
