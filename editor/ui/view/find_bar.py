"""The find bar (Ctrl+F): a search field over both languages with next/previous and close."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget


class FindBar(QWidget):
    """Emits `searched(text, forward)` on Enter / the arrows and `closed()` on Escape / ×."""

    searched = Signal(str, bool)
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 2, 8, 2)
        row.addWidget(QLabel(self.tr("Find:"), self))
        self.field = QLineEdit(self)
        self.field.setPlaceholderText(self.tr("Chinese or English text"))
        self.field.setClearButtonEnabled(True)
        self.field.returnPressed.connect(self._on_field_return_pressed)
        row.addWidget(self.field, 1)
        self.previous_button = QToolButton(self)
        self.previous_button.setText("▲")
        self.previous_button.setToolTip(self.tr("Previous match (Shift+F3)"))
        self.previous_button.clicked.connect(self._on_previous_clicked)
        self.next_button = QToolButton(self)
        self.next_button.setText("▼")
        self.next_button.setToolTip(self.tr("Next match (F3)"))
        self.next_button.clicked.connect(self._on_next_clicked)
        self.result = QLabel(self)
        self.result.setStyleSheet("color: #8a4b00;")
        close = QToolButton(self)
        close.setText("×")
        close.setToolTip(self.tr("Close (Escape)"))
        close.clicked.connect(self._on_close_clicked)
        for w in (self.previous_button, self.next_button, self.result, close):
            row.addWidget(w)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self._on_close_clicked()
            return
        super().keyPressEvent(event)

    def open(self) -> None:
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def show_result(self, found: bool) -> None:
        self.result.setText("" if found else self.tr("not found"))

    def _on_field_return_pressed(self) -> None:
        self.searched.emit(self.field.text(), True)

    def _on_next_clicked(self) -> None:
        self.searched.emit(self.field.text(), True)

    def _on_previous_clicked(self) -> None:
        self.searched.emit(self.field.text(), False)

    def _on_close_clicked(self) -> None:
        self.hide()
        self.closed.emit()
