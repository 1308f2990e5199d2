"""The review list: a dock listing the doubtful links, sortable by confidence or position, each with its reason;
choosing one asks the window to jump to it. It reads the document and the review policy, and changes nothing."""

from __future__ import annotations

import enum

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from editor.bitext.artefacts import Artefact, bead_artefacts
from editor.bitext.document import AlignmentDocument, Bead
from editor.bitext.review import (
    BY_CONFIDENCE,
    BY_POSITION,
    ReviewPolicy,
    confidence_text,
    review_order,
    sort_for_review,
    unsupported_sentence,
)
from editor.ui.view.explanation_strip import evidence_reasons, reason_text
from editor.ui.view.link_style import link_colour, link_state

PREVIEW_CHARS = 40


class ReviewOrder(enum.Enum):
    CONFIDENCE = BY_CONFIDENCE    # lowest first (links doubtful for another reason before them)
    POSITION = BY_POSITION        # document order (editor.bitext.review.review_order defines both)


class ReviewModel(QAbstractTableModel):
    """One row per doubtful link: where, confidence, why (the review reasons, then the evidence), the text.

    The evidence (dictionary, similarity) is computed only for rows a view asks for, and cached."""

    COLUMNS = ("link", "confidence", "why", "text")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._doc: AlignmentDocument | None = None
        self._policy = ReviewPolicy()
        self._ratio: float | None = None
        self._rows: list[int] = []                  # bead indices
        self._order = ReviewOrder.CONFIDENCE
        self._evidence: dict[tuple, str] = {}

    # -- filling --------------------------------------------------------------------------------

    def refresh(self, doc: AlignmentDocument, policy: ReviewPolicy, typical_ratio: float | None) -> None:
        """List the doubtful links of `doc` again."""
        self.beginResetModel()
        self._doc, self._policy, self._ratio = doc, policy, typical_ratio
        self._rows = review_order(policy, doc, self._order.value)
        self.endResetModel()

    def show_beads(self, doc: AlignmentDocument, policy: ReviewPolicy, typical_ratio: float | None,
                   beads: list[int]) -> None:
        """List only the given links (e.g. the ones the export check found), whether doubtful or not."""
        self.beginResetModel()
        self._doc, self._policy, self._ratio = doc, policy, typical_ratio
        self._rows = [k for k in beads if 0 <= k < len(doc.beads)]
        self._sort_rows()
        self.endResetModel()

    def set_order(self, order: ReviewOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._order = order
        self._sort_rows()
        self.layoutChanged.emit()

    def _sort_rows(self) -> None:
        if self._doc is not None:
            self._rows = sort_for_review(self._policy, self._doc, self._rows, self._order.value)

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """Header clicks: the link column sorts by position, the confidence column by confidence."""
        if column == 0:
            self.set_order(ReviewOrder.POSITION)
        elif column == 1:
            self.set_order(ReviewOrder.CONFIDENCE)

    # -- reading --------------------------------------------------------------------------------

    @property
    def order(self) -> ReviewOrder:
        return self._order

    @property
    def document(self) -> AlignmentDocument | None:
        return self._doc

    def bead_at(self, row: int) -> int:
        """The bead index shown in a row."""
        return self._rows[row]

    def beads(self) -> list[int]:
        """The bead indices listed, in the shown order."""
        return list(self._rows)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Link"), self.tr("Confidence"), self.tr("Why"), self.tr("Text"))[section]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self._doc is None or not 0 <= index.row() < len(self._rows):
            return None
        doc = self._doc
        bead = doc.beads[self._rows[index.row()]]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return self._span_text(doc, bead)
            if column == 1:
                return confidence_text(bead.confidence, self._policy.threshold) if bead.src and bead.tgt else "–"
            if column == 2:
                return self.why(self._rows[index.row()])
            if column == 3:
                src, tgt = doc.bead_texts(bead)
                text = src or tgt
                return text if len(text) <= PREVIEW_CHARS else text[:PREVIEW_CHARS] + "…"
        if role == Qt.ItemDataRole.ForegroundRole and column in (0, 1):
            return link_colour(bead, link_state(bead, True), self._policy.threshold)
        if role == Qt.ItemDataRole.ToolTipRole:
            src, tgt = doc.bead_texts(bead)
            return f"{src}\n{tgt}" if column == 3 else f"{self.why(self._rows[index.row()])}\n\n{src}\n{tgt}"
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def why(self, k: int) -> str:
        """The one-line reason of bead k: why it is doubtful, then the evidence strip's words."""
        doc = self._doc
        bead = doc.beads[k]
        texts = tuple(doc.segment(i).text for i in (*bead.src, *bead.tgt))
        key = (bead, texts, self._policy, self._ratio)
        if key not in self._evidence:
            sep = self.tr(", ", "list separator")
            reasons = [reason_text(r, self._policy, bead, doc) for r in self._policy.reasons(doc, bead)]
            artefacts = [self.artefact_text(a) for a in bead_artefacts(doc, bead, self._ratio)]
            self._evidence[key] = sep.join(artefacts + reasons + evidence_reasons(doc, bead, self._ratio))
        return self._evidence[key]

    def artefact_text(self, artefact: Artefact) -> str:
        """Why a link looks like an import artefact (editor.bitext.artefacts), in the interface's language."""
        return {Artefact.HEADER_ROW: self.tr("import artefact: a table's header row"),
                Artefact.PUNCTUATION: self.tr("import artefact: only punctuation or a separator"),
                Artefact.PINYIN: self.tr("import artefact: pinyin in parentheses"),
                Artefact.GARBLED: self.tr("import artefact: garbled text"),
                Artefact.WRONG_SCRIPT: self.tr("import artefact: a side in the wrong script"),
                Artefact.LENGTH_RATIO: self.tr("import artefact: length ratio far from the document's")
                }.get(artefact, artefact.value)

    @staticmethod
    def _span_text(doc: AlignmentDocument, bead: Bead) -> str:
        src, tgt = doc.positions(bead)

        def span(p) -> str:
            if not p:
                return "–"
            return str(p[0] + 1) if len(p) == 1 else f"{p[0] + 1}–{p[-1] + 1}"

        return f"{span(src)} ↔ {span(tgt)}"


class ReviewList(QDockWidget):
    """The dock: a count, the order chooser and the table; `bead_chosen(k)` when the user picks a row;
    `split_off_requested(k, segment id)` when the user takes the sentence that may have no translation out of
    the chosen link (key S, or the button)."""

    bead_chosen = Signal(int)
    split_off_requested = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Review List"), parent)
        self.setObjectName("reviewList")
        body = QWidget(self)
        column = QVBoxLayout(body)
        column.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()
        self.count_label = QLabel(body)
        top.addWidget(self.count_label, 1)
        top.addWidget(QLabel(self.tr("Sort:"), body))
        self.order_box = QComboBox(body)
        self.order_box.addItem(self.tr("Lowest confidence first"), ReviewOrder.CONFIDENCE)
        self.order_box.addItem(self.tr("By position"), ReviewOrder.POSITION)
        self.order_box.currentIndexChanged.connect(self._on_order_box_changed)
        top.addWidget(self.order_box)
        column.addLayout(top)
        self.split_off = QAction(self.tr("Split Off as Unlinked"), self)
        self.split_off.setShortcut(QKeySequence("S"))
        self.split_off.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.split_off.setToolTip(self.tr("Take the sentence that may have no translation out of the link (S)"))
        self.split_off.setEnabled(False)
        self.split_off.triggered.connect(self._on_split_off_triggered)
        self.addAction(self.split_off)
        split_button = QToolButton(body)
        split_button.setDefaultAction(self.split_off)
        top.insertWidget(1, split_button)
        self.model = ReviewModel(self)
        self.table = QTableView(body)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        # the reason is what a reviewer reads: it takes the width, wrapped over two lines (a 1280 px window
        # leaves the dock about 340 px); the text is in the row's tooltip and one click away
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().lineSpacing() * 2 + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        header.setSectionsClickable(True)
        header.sectionClicked.connect(self._on_header_clicked)
        self.table.setColumnWidth(3, 120)
        self.table.setColumnHidden(3, True)
        self.table.clicked.connect(self._on_table_clicked)
        self.table.selectionModel().currentChanged.connect(lambda *_: self._update_split_off())
        self.table.activated.connect(self._on_table_clicked)
        column.addWidget(self.table, 1)
        self.setWidget(body)
        self._pending: tuple | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._on_timer_timeout)

    def schedule_refresh(self, doc: AlignmentDocument, policy: ReviewPolicy, typical_ratio: float | None) -> None:
        """Refresh once the event loop is idle (several edits in a row cost one refresh); while the dock is
        hidden, when it is shown again."""
        self._pending = (doc, policy, typical_ratio)
        if self.isVisible():
            self._timer.start()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._pending is not None:
            self._timer.start()

    def refresh(self, doc: AlignmentDocument, policy: ReviewPolicy, typical_ratio: float | None) -> None:
        """List the doubtful links now."""
        self._timer.stop()
        self._pending = None
        self.model.refresh(doc, policy, typical_ratio)
        self.count_label.setText(self.tr("%n doubtful link(s) left", "", self.model.rowCount()))
        self._update_split_off()

    def show_only(self, doc: AlignmentDocument, policy: ReviewPolicy, typical_ratio: float | None,
                  beads: list[int], label: str) -> None:
        """List only the given links under `label` (the export's "Review these"); the next refresh after an
        edit lists the doubtful links again."""
        self._timer.stop()
        self._pending = None
        self.model.show_beads(doc, policy, typical_ratio, beads)
        self.count_label.setText(label)

    def _on_timer_timeout(self) -> None:
        if self._pending is not None:
            self.refresh(*self._pending)

    def set_order(self, order: ReviewOrder) -> None:
        self.order_box.setCurrentIndex(self.order_box.findData(order))

    def _on_order_box_changed(self, _index: int) -> None:
        self.model.set_order(self.order_box.currentData())

    def _on_header_clicked(self, section: int) -> None:
        if section in (0, 1):
            self.set_order(ReviewOrder.POSITION if section == 0 else ReviewOrder.CONFIDENCE)

    def _on_table_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.bead_chosen.emit(self.model.bead_at(index.row()))
        self._update_split_off()

    def _chosen_unsupported(self) -> tuple[int, int] | None:
        """(bead index, sentence id) of the chosen row's sentence that may have no translation, or None."""
        index = self.table.currentIndex()
        doc = self.model.document
        if not index.isValid() or doc is None or index.row() >= self.model.rowCount():
            return None
        k = self.model.bead_at(index.row())
        if not 0 <= k < len(doc.beads):
            return None
        seg = unsupported_sentence(doc, doc.beads[k])
        return None if seg is None else (k, seg)

    def _update_split_off(self) -> None:
        self.split_off.setEnabled(self._chosen_unsupported() is not None)

    def _on_split_off_triggered(self) -> None:
        chosen = self._chosen_unsupported()
        if chosen is not None:
            self.split_off_requested.emit(*chosen)

    def choose_row(self, row: int) -> None:
        """Select a row as a click would (and jump to its link)."""
        index = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        self._on_table_clicked(index)
