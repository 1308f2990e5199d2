"""The review list: a dock listing the doubtful links, sortable by confidence or position, each with its reason;
choosing one asks the window to jump to it. It reads the document and the review policy, and changes nothing.

With a collection open it can list the whole collection instead (editor.collection.review): every document's
doubtful links, worst first, each row naming its document; choosing a row of another document asks the window to
open that document at the link."""

from __future__ import annotations

import enum
import math
import threading

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QFontMetrics, QKeySequence, QTextLayout
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
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
    Reason,
    ReviewPolicy,
    confidence_text,
    reshaped,
    review_order,
    sort_for_review,
    unsupported_sentence,
)
from editor.collection.review import CollectionReview, ReviewRow
from editor.ui.jobs.workers import Task
from editor.ui.view.explanation_strip import evidence_reasons, reason_text, untranslated_text
from editor.ui.view.link_style import LinkState, link_colour, link_state

PREVIEW_CHARS = 40
#: the whole collection's Document column is at most this many average characters wide
DOCUMENT_COLUMN_MAX = 10


class ReviewOrder(enum.Enum):
    CONFIDENCE = BY_CONFIDENCE    # lowest first (links doubtful for another reason before them)
    POSITION = BY_POSITION        # document order (editor.bitext.review.review_order defines both)


class ReviewModel(QAbstractTableModel):
    """One row per doubtful link: where, confidence, why (the review reasons, then the evidence), the text.

    The evidence (dictionary, similarity) is computed only for rows a view asks for, and cached.

    In the whole collection's scope (`show_collection`) the rows are editor.collection.review's, each naming its
    document (the last column); the reasons are the review's, without the evidence (that needs the document)."""

    COLUMNS = ("link", "confidence", "why", "text", "document")
    DOCUMENT = 4

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._doc: AlignmentDocument | None = None
        self._policy = ReviewPolicy()
        self._ratio: float | None = None
        self._rows: list[int] = []                  # bead indices
        self._order = ReviewOrder.CONFIDENCE
        self._evidence: dict[tuple, str] = {}
        self._collection: list[ReviewRow] | None = None     # the whole collection's rows, in that scope
        self._documents: dict[str, int] = {}                # document name -> its place in the collection

    # -- filling --------------------------------------------------------------------------------

    def refresh(self, doc: AlignmentDocument, policy: ReviewPolicy, typical_ratio: float | None) -> None:
        """List the doubtful links of `doc` again."""
        self.beginResetModel()
        self._doc, self._policy, self._ratio = doc, policy, typical_ratio
        self._collection = None
        self._rows = review_order(policy, doc, self._order.value)
        self.endResetModel()

    def show_beads(self, doc: AlignmentDocument, policy: ReviewPolicy, typical_ratio: float | None,
                   beads: list[int]) -> None:
        """List only the given links (e.g. the ones the export check found), whether doubtful or not."""
        self.beginResetModel()
        self._doc, self._policy, self._ratio = doc, policy, typical_ratio
        self._collection = None
        self._rows = [k for k in beads if 0 <= k < len(doc.beads)]
        self._sort_rows()
        self.endResetModel()

    def show_collection(self, rows: list[ReviewRow], threshold: float, documents: list[str]) -> None:
        """List the whole collection's rows (worst first, as editor.collection.review gives them); `documents`
        is the collection's order of documents (the order by position)."""
        self.beginResetModel()
        self._doc, self._policy, self._ratio = None, ReviewPolicy(threshold), None
        self._rows = []
        self._documents = {name: i for i, name in enumerate(documents)}
        self._collection = list(rows)
        self._sort_rows()
        self.endResetModel()

    def set_order(self, order: ReviewOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        # the table's current and selected rows stay on their links (Qt moves persistent indexes only when the
        # model says where each went: without it, a new sort highlighted whatever link came to the same row)
        persistent = self.persistentIndexList()
        items = self._collection if self._collection is not None else self._rows
        held = [items[i.row()] if 0 <= i.row() < len(items) else None for i in persistent]
        self._order = order
        self._sort_rows()
        items = self._collection if self._collection is not None else self._rows
        where = {id(item) if self._collection is not None else item: row for row, item in enumerate(items)}
        moved = []
        for index, item in zip(persistent, held):
            key = None if item is None else (id(item) if self._collection is not None else item)
            row = where.get(key)
            moved.append(self.index(row, index.column()) if row is not None else QModelIndex())
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def _sort_rows(self) -> None:
        if self._collection is not None:
            if self._order is ReviewOrder.CONFIDENCE:
                key = lambda r: (r.priority, self._documents.get(r.document, 0), r.bead)
            else:
                key = lambda r: (self._documents.get(r.document, 0), r.bead)
            self._collection.sort(key=key)
        elif self._doc is not None:
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

    @property
    def whole_collection(self) -> bool:
        return self._collection is not None

    def bead_at(self, row: int) -> int:
        """The bead index shown in a row."""
        if self._collection is not None:
            return self._collection[row].bead
        return self._rows[row]

    def row_at(self, row: int) -> ReviewRow | None:
        """The whole collection's row (None in one document's scope)."""
        return self._collection[row] if self._collection is not None else None

    def row_of(self, document: str, bead: int) -> int | None:
        """The row listing link `bead` of `document` in the whole collection's scope, or None."""
        for i, r in enumerate(self._collection or ()):
            if r.document == document and r.bead == bead:
                return i
        return None

    def beads(self) -> list[int]:
        """The bead indices listed, in the shown order."""
        if self._collection is not None:
            return [r.bead for r in self._collection]
        return list(self._rows)

    def links(self) -> list[tuple[str, int]]:
        """(document, bead index) of the whole collection's rows, in the shown order."""
        return [(r.document, r.bead) for r in self._collection or ()]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        if parent.isValid():
            return 0
        return len(self._collection) if self._collection is not None else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.ToolTipRole and section == 1:
            return self.tr("Confidence")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        # "Conf.": the column is as wide as its header, and the word took 40 px of the Why column's ~120 px (an
        # X11 audit); the full word is the header's tooltip
        return (self.tr("Link"), self.tr("Conf.", "review list column: the link's confidence"), self.tr("Why"),
                self.tr("Text"), self.tr("Document"))[section]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if self._collection is not None:
            return self._collection_data(index, role)
        if not index.isValid() or self._doc is None or not 0 <= index.row() < len(self._rows):
            return None
        doc = self._doc
        bead = doc.beads[self._rows[index.row()]]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return self._span_text(doc, bead)
            if column == 1:
                # no value for a link an edit beside it reshaped (it read 0.00: an X11 audit); the Why column says
                shown = bead.src and bead.tgt and not reshaped(bead)
                return confidence_text(bead.confidence, self._policy.threshold) if shown else "–"
            if column == 2:
                return self.why(self._rows[index.row()])
            if column == 3:
                src, tgt = doc.bead_texts(bead)
                text = src or tgt
                return text if len(text) <= PREVIEW_CHARS else text[:PREVIEW_CHARS] + "…"
            return None
        if role == Qt.ItemDataRole.ForegroundRole and column in (0, 1):
            return link_colour(bead, link_state(bead, True), self._policy.threshold)
        if role == Qt.ItemDataRole.ToolTipRole:
            src, tgt = doc.bead_texts(bead)
            return f"{src}\n{tgt}" if column == 3 else f"{self.why(self._rows[index.row()])}\n\n{src}\n{tgt}"
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _collection_data(self, index: QModelIndex | QPersistentModelIndex, role: int):
        if not index.isValid() or not 0 <= index.row() < len(self._collection):
            return None
        row = self._collection[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.DOCUMENT:
                return row.document
            if column == 0:
                return self._span_text_of(row.src_positions, row.tgt_positions)
            if column == 1:
                shown = row.linked and Reason.RESHAPED not in row.reasons
                return confidence_text(row.confidence, self._policy.threshold) if shown else "–"
            if column == 2:
                return self.row_why(row)
            if column == 3:
                text = row.src_text or row.tgt_text
                return text if len(text) <= PREVIEW_CHARS else text[:PREVIEW_CHARS] + "…"
            return None
        if role == Qt.ItemDataRole.ForegroundRole and column in (0, 1) and row.link is not None:
            return link_colour(row.link, LinkState.AUTO_LOW if row.linked else LinkState.UNLINKED,
                               self._policy.threshold)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.document}\n{self.row_why(row)}\n\n{row.src_text}\n{row.tgt_text}"
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def forget_evidence(self) -> None:
        """Word the reasons again (the dictionary or the model became available in this process)."""
        self._evidence.clear()

    def row_why(self, row: ReviewRow) -> str:
        """The reasons of a whole collection's row (the review's words; the evidence needs the document)."""
        words = []
        for reason in row.reasons:
            if reason is Reason.NO_TRANSLATION:
                number = str(row.unsupported + 1) if row.unsupported is not None else "?"
                words.append(untranslated_text(row.unsupported_lang, number))
            elif row.link is not None:
                words.append(reason_text(reason, self._policy, row.link, short=True))
        return self.tr(", ", "list separator").join(words)

    def why(self, k: int) -> str:
        """The one-line reason of bead k: why it is doubtful, then the evidence strip's words."""
        doc = self._doc
        bead = doc.beads[k]
        texts = tuple(doc.segment(i).text for i in (*bead.src, *bead.tgt))
        # (its sentences' positions too: the reason names one by number, and a split before it shifted that
        # number while the list kept saying the old one: an X11 re-test)
        key = (bead, texts, doc.positions(bead), self._policy, self._ratio)
        if key not in self._evidence:
            sep = self.tr(", ", "list separator")
            found = bead_artefacts(doc, bead, self._ratio)
            said = {SAME_REASON[a] for a in found if a in SAME_REASON}     # each thing said once
            reasons = [reason_text(r, self._policy, bead, doc, short=True) for r in self._policy.reasons(doc, bead)
                       if r not in said]
            artefacts = [self.artefact_text(a) for a in found]
            self._evidence[key] = sep.join(artefacts + reasons + evidence_reasons(doc, bead, self._ratio, short=True))
        return self._evidence[key]

    def artefact_text(self, artefact: Artefact) -> str:
        """Why a link looks like an import artefact (editor.bitext.artefacts), in the interface's language."""
        return {Artefact.HEADER_ROW: self.tr("import artefact: a table's header row"),
                Artefact.PUNCTUATION: self.tr("import artefact: only punctuation or a separator"),
                Artefact.PINYIN: self.tr("import artefact: pinyin in parentheses"),
                Artefact.GARBLED: self.tr("import artefact: garbled text"),
                Artefact.WRONG_SCRIPT: self.tr("import artefact: a side in the wrong script"),
                Artefact.PAGE_NUMBER: self.tr("import artefact: a page number or footer"),
                Artefact.MARKUP: self.tr("import artefact: leftover markup (a tag or an entity)"),
                Artefact.FOOTNOTE: self.tr("import artefact: a footnote reference ([1], ¹, (注1))"),
                # a misaligned link has it as often as an import artefact does: name both
                Artefact.LENGTH_RATIO: self.tr("length ratio far from the document's: a wrong link or an "
                                               "import artefact")
                }.get(artefact, artefact.value)

    @staticmethod
    def _span_text(doc: AlignmentDocument, bead: Bead) -> str:
        return ReviewModel._span_text_of(*doc.positions(bead))

    @staticmethod
    def _span_text_of(src: tuple[int, ...], tgt: tuple[int, ...]) -> str:
        def span(p) -> str:
            if not p:
                return "–"
            return str(p[0] + 1) if len(p) == 1 else f"{p[0] + 1}–{p[-1] + 1}"

        return f"{span(src)} ↔ {span(tgt)}"


def text_line_height(font) -> float:
    """The height of a line of mixed Chinese and Latin text in `font`: a Chinese reason ("置信度 0.86 低于 0.96，…")
    is set in a fallback CJK font whose lines are taller than the font's own line spacing (18 against 14 px
    here), so rows sized by the latter showed one line of a Chinese reason where they show two of an English
    one."""
    layout = QTextLayout("Ag 置信度", font)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(10_000)
    layout.endLayout()
    return max(line.height(), float(QFontMetrics(font).lineSpacing()))


#: the review reason an import artefact already says ("... length ratio far from the document's ..." and "length
#: ratio far from typical" side by side told the translator the same thing twice)
SAME_REASON = {Artefact.LENGTH_RATIO: Reason.LENGTH_RATIO, Artefact.GARBLED: Reason.GARBLED,
               Artefact.PAGE_NUMBER: Reason.ARTEFACT, Artefact.MARKUP: Reason.ARTEFACT,
               Artefact.PUNCTUATION: Reason.ARTEFACT, Artefact.FOOTNOTE: Reason.FOOTNOTE}

class _MiddleElided(QStyledItemDelegate):
    """Draws its column's text elided in the middle."""

    def initStyleOption(self, option, index) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideMiddle


#: how many of the list's following links `ReviewList.hold_next` remembers
_HELD_LINKS = 20

#: the whole collection's list reads the documents not open yet on a worker thread when they hold more links
#: than this (reading from files costs about 30 ms per 1,000 links); fewer are read at once
COUNT_HERE_LINKS = 5_000


class ReviewList(QDockWidget):
    """The dock: a count, the order chooser and the table; `bead_chosen(k)` when the user picks a row;
    `split_off_requested(k, segment id)` when the user takes the sentence that may have no translation out of
    the chosen link (key S, or the button).

    With a collection (`set_collection`), the *Whole collection* box lists every document's doubtful links;
    picking such a row sends `link_chosen(document name, k)` instead of `bead_chosen`."""

    bead_chosen = Signal(int)
    link_chosen = Signal(str, int)
    split_off_requested = Signal(int, int)
    order_changed = Signal(str)             # the order the translator chose ("confidence" / "position")
    scope_changed = Signal(bool)            # the translator ticked or cleared "Whole collection"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Review List"), parent)
        self.setObjectName("reviewList")
        body = QWidget(self)
        column = QVBoxLayout(body)
        column.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()
        self.count_label = QLabel(body)
        # a line of its own, wrapped: in the row of the buttons and unwrapped, the whole collection's longer
        # count ("601 doubtful links left in the collection (1 document not listed)") set the dock's minimum
        # width, which widened it to ~760 px and the window past the screen's, squeezing the panes (an X11 audit)
        self.count_label.setWordWrap(True)
        column.addWidget(self.count_label)
        # the export dialog's "Review these" lists only some links: the way back to the doubtful ones, in sight (an
        # X11 audit found none: the list came back only after an edit)
        self.back_button = QPushButton(self.tr("Show Doubtful Links"), body)
        self.back_button.setToolTip(self.tr("List the doubtful links again"))
        self.back_button.clicked.connect(self._on_back_button_clicked)
        self.back_button.hide()
        top.addWidget(self.back_button)
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("Sort:"), body))
        self.order_box = QComboBox(body)
        self.order_box.addItem(self.tr("Lowest confidence first"), ReviewOrder.CONFIDENCE)
        self.order_box.addItem(self.tr("By position"), ReviewOrder.POSITION)
        self.order_box.currentIndexChanged.connect(self._on_order_box_changed)
        top.addWidget(self.order_box)
        column.addLayout(top)
        self.scope_box = QCheckBox(self.tr("Whole collection"), body)
        self.scope_box.setToolTip(self.tr("List the doubtful links of every document of the collection, worst "
                                          "first"))
        self.scope_box.toggled.connect(self._on_scope_box_toggled)
        self.scope_box.hide()
        column.addWidget(self.scope_box)
        self.split_off = QAction(self.tr("Split Off as Unlinked"), self)
        self.split_off.setShortcut(QKeySequence("S"))
        # the whole window's while the list is shown: a click on a row gives the keyboard to the panes, and S
        # must still split off the sentence the list and the strip name (enabled only for such a link; a text
        # field being typed in keeps its letters)
        self.split_off.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.split_off.setToolTip(self.tr("Take the sentence that may have no translation out of the link (S)"))
        self.split_off.setEnabled(False)
        self.split_off.triggered.connect(self._on_split_off_triggered)
        self.addAction(self.split_off)
        split_button = QToolButton(body)
        split_button.setDefaultAction(self.split_off)
        top.insertWidget(0, split_button)
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
        self.table.verticalHeader().setDefaultSectionSize(math.ceil(text_line_height(self.table.font()) * 2) + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        header.setSectionsClickable(True)
        header.sectionClicked.connect(self._on_header_clicked)
        self.table.setColumnWidth(3, 120)
        self.table.setColumnHidden(3, True)
        # the document's name as wide as it needs up to DOCUMENT_COLUMN_MAX characters (then elided, whole in the
        # tooltip): sized to its contents it took the Why column's room, down to ~45 px (an X11 re-test)
        header.setSectionResizeMode(ReviewModel.DOCUMENT, QHeaderView.ResizeMode.Interactive)
        header.moveSection(ReviewModel.DOCUMENT, 0)          # the document's name comes first
        self.table.setColumnHidden(ReviewModel.DOCUMENT, True)
        # elided in the middle: names of an archive differ at their end ("news-001", "news-002" both read
        # "news-…": an X11 audit)
        self.table.setItemDelegateForColumn(ReviewModel.DOCUMENT, _MiddleElided(self.table))
        self._fitted_names: tuple | None = None              # the names the document column was sized for
        self.table.clicked.connect(self._on_table_clicked)
        self.table.selectionModel().currentChanged.connect(lambda *_: self._update_split_off())
        self.table.activated.connect(self._on_table_clicked)
        column.addWidget(self.table, 1)
        self.setWidget(body)
        self._pending: tuple | None = None
        self._last: tuple | None = None                     # the arguments of the last refresh
        self._source: CollectionReview | None = None        # the open collection's rows
        self._shown: str | None = None                      # the collection's document in the panes
        # hold_next's (taken, the following listed links' sentences, in the list's order)
        self._held: tuple[frozenset, tuple[frozenset, ...]] | None = None
        self._chosen: tuple[str, int] | None = None         # the whole collection's row chosen last
        self._counting: tuple | None = None                 # (source, stop event) while documents are read
        self._current: int | None = None                    # the link selected in the panes
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._select_timer = QTimer(self)
        self._select_timer.setSingleShot(True)
        self._select_timer.setInterval(0)
        self._select_timer.timeout.connect(self._on_select_timer_timeout)

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
        """List the doubtful links now (of the whole collection in that scope: the shown document's rows are
        counted again from its current state, the others' are kept)."""
        self._timer.stop()
        self._pending = None
        self._last = (doc, policy, typical_ratio)
        self.back_button.hide()
        if self.whole_collection():
            self._refresh_collection()
        else:
            self.model.refresh(doc, policy, typical_ratio)
            self.count_label.setText(self.tr("%n doubtful link(s) left", "", self.model.rowCount()))
        self._select_current()
        self._update_split_off()

    def show_current(self, k: int | None) -> None:
        """The link selected in the panes: its row, when listed, becomes the list's current row (so the list
        keeps the reviewer's place after Confirm and Go to Next, F8 or a click in the panes); in one document's
        scope a link that is not listed leaves no row selected. Sends nothing."""
        self._current = k
        self._select_timer.start()

    def _on_select_timer_timeout(self) -> None:
        # once the event loop is idle: an edit selects its link before the list hears of the edit, so until the
        # refresh it schedules has run the rows are out of date (the links' numbers may have shifted); that
        # refresh selects the row itself
        if self._pending is None:
            self._select_current()

    def _flush(self) -> None:
        """Make a refresh still to come now, so the rows are the document's as it is."""
        if self._pending is not None and self.isVisible():
            self.refresh(*self._pending)

    def _row_of(self, document: str | None, k: int) -> int | None:
        """The row listing link k (of `document` in the whole collection's scope, of the panes' document in
        one document's: `document` None), or None."""
        if self.model.whole_collection:
            return self.model.row_of(document, k) if document is not None else None
        rows = self.model.beads() if document is None else []
        return rows.index(k) if k in rows else None

    def row_of_current(self) -> int | None:
        """The list's row of the link selected in the panes (None when it is not listed), after any refresh
        still to come."""
        self._flush()
        if self._current is None:
            return None
        return self._row_of(self._shown if self.model.whole_collection else None, self._current)

    def _shown_link_at(self, r: int) -> int | None:
        """The bead index row r lists when it is a link of the panes' document, else None."""
        listed = self.model.row_at(r)
        if listed is None:
            return self.model.bead_at(r)
        return listed.bead if listed.document == self._shown else None

    def hold_next(self, taken=None) -> None:
        """An edit is about to take the listed link the reviewer is on out of the list (S splits a sentence off
        it; Alt+Return replaces it and its neighbours, `taken` their sentence ids): remember the list's next
        link of the panes' document, so that Return goes on from there (`held_row`) once the link has left.
        Before, Return went on in the text's order after Alt+Return (an X11 audit)."""
        self._held = None
        row = self.row_of_current()
        doc = self._last[0] if self._last is not None else None
        if row is None or doc is None:
            return
        if taken is None:
            bead = doc.beads[self._shown_link_at(row)]
            taken = (*bead.src, *bead.tgt)
        # several following links, not one: the edit may take in the next one too (Ctrl+M merging the list's
        # next link into the fixed one sent Return on in the text's order: an X11 audit)
        following = []
        for r in range(row + 1, self.model.rowCount()):
            k = self._shown_link_at(r)
            if k is not None and 0 <= k < len(doc.beads):
                bead = doc.beads[k]
                following.append(frozenset((*bead.src, *bead.tgt)))
                if len(following) == _HELD_LINKS:
                    break
        if following:
            self._held = (frozenset(taken), tuple(following))

    def held(self):
        """What `hold_next` holds (the link's sentences and the list's following links), or None."""
        return self._held

    def restore_hold(self, held) -> None:
        """Hold again what `held` gave when an edit was made (its redo brings the list's place back)."""
        self._held = held

    def holds_current(self) -> bool:
        """True when `hold_next` already holds the list's next link for the link the reviewer is on (S and
        Alt+Return hold with the sentences they take)."""
        row = self.row_of_current()
        if self._held is None or row is None or self._last is None:
            return False
        k = self._shown_link_at(row)
        doc = self._last[0]
        if k is None or not 0 <= k < len(doc.beads):
            return False
        return bool(self._held[0] & frozenset((*doc.beads[k].src, *doc.beads[k].tgt)))

    def held_row(self, sentence_ids) -> int | None:
        """The row now listing the link `hold_next` remembered, when the link in the panes (`sentence_ids`) is
        made of the sentences that edit took and is no longer listed; once. None otherwise."""
        held, self._held = self._held, None
        if held is None or self._last is None or self.row_of_current() is not None:
            return None
        taken, following = held
        if not taken & frozenset(sentence_ids):
            return None                                 # the reviewer moved on elsewhere meanwhile
        doc = self._last[0]
        rows: dict[int, int] = {}                       # sentence id -> the row listing its link
        for r in range(self.model.rowCount()):
            k = self._shown_link_at(r)
            if k is not None and 0 <= k < len(doc.beads):
                for i in (*doc.beads[k].src, *doc.beads[k].tgt):
                    rows.setdefault(i, r)
        for link in following:                          # the first of them still listed
            found = [rows[i] for i in link if i in rows]
            if found:
                return min(found)
        return None

    def next_link(self, row: int, document: str | None) -> tuple[str | None, int] | None:
        """(document name, or None in one document's scope; bead index) of the first row from `row` on that
        lists a link of `document` (the whole collection's scope) or of the panes' document; None when none."""
        for r in range(max(0, row), self.model.rowCount()):
            listed = self.model.row_at(r)
            if listed is None:
                return None, self.model.bead_at(r)
            if listed.document == document:
                return listed.document, listed.bead
        return None

    def next_row_elsewhere(self, row: int, document: str) -> int | None:
        """In the whole collection's scope, the first row from `row` on that lists a link of another document than
        `document`, or None."""
        if not self.model.whole_collection:
            return None
        for r in range(max(0, row), self.model.rowCount()):
            listed = self.model.row_at(r)
            if listed is not None and listed.document != document:
                return r
        return None

    def choose_link(self, document: str | None, k: int) -> bool:
        """Choose the row of link k (see `_row_of`) as a click would, after any refresh still to come; False
        when it is not listed."""
        self._flush()
        row = self._row_of(document, k)
        if row is None:
            return False
        self.choose_row(row)
        return True

    def _select_current(self) -> None:
        model, selection = self.model, self.table.selectionModel()
        row = self.row_of_current()
        if row is None and model.whole_collection and self._current is not None and self._chosen is not None \
                and self._chosen[0] != self._shown:
            return                           # another document's row may be the one chosen: leave it
        # (a row of the shown document stayed highlighted while the panes showed an unlisted link, after Ctrl+Y
        # in the whole collection's scope: an X11 audit)
        if row is None:
            selection.clear()
            return
        index = model.index(row, 0)
        in_sight = self._in_sight(index)
        if index != self.table.currentIndex() or not selection.isRowSelected(row):
            selection.setCurrentIndex(index, selection.SelectionFlag.ClearAndSelect | selection.SelectionFlag.Rows)
        self._show_row(index, in_sight)

    def _in_sight(self, index) -> bool:
        return self.table.viewport().rect().contains(self.table.visualRect(index))

    def _show_row(self, index, in_sight: bool | None = None) -> None:
        """Scroll the row into view, in the middle when it has to move (`in_sight`: whether it was in view before
        it became current, which scrolls the table itself): scrolled up only as far as the row, the list hid the
        rows above it (its first row out of sight, with nothing on screen to say so: an X11 audit took
        "– <-> 67-68" for missing after a drag)."""
        if not (self._in_sight(index) if in_sight is None else in_sight):
            self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    # -- the whole collection -------------------------------------------------------------------

    def set_collection(self, source: CollectionReview | None) -> None:
        """Offer the whole collection's scope (None: a single document again)."""
        self._stop_counting()
        self._source, self._shown, self._chosen = source, None, None
        if source is None:
            self.scope_box.setChecked(False)
        self.scope_box.setVisible(source is not None)

    def set_shown_document(self, name: str | None) -> None:
        """The collection's document now in the panes (its rows follow its edits)."""
        self._shown = name

    def whole_collection(self) -> bool:
        return self._source is not None and self.scope_box.isChecked()

    def set_whole_collection(self, on: bool) -> None:
        self.scope_box.setChecked(on and self._source is not None)

    def collection_changed(self) -> None:
        """A document of the collection changed outside the panes (aligned in the background): list again."""
        if self.whole_collection() and self._last is not None:
            self.schedule_refresh(*self._last)

    def _refresh_collection(self) -> None:
        source = self._source
        if self._shown is not None:
            source.update(self._shown)
        # documents not read yet: a few are read here; a big archive's are read on a worker thread (its files
        # are loaded one by one: seconds for 100,000 links), the list growing when they are in
        reading = source.uncounted_links() > COUNT_HERE_LINKS
        if reading:
            self._start_counting(source)
        self.model.show_collection(source.rows(count=not reading), source.threshold,
                                   [e.name for e in source.collection.entries])
        self._fit_document_column()
        text = self.tr("%n doubtful link(s) left in the collection", "", self.model.rowCount())
        if reading:
            text = self.tr("Reading %n document(s)…", "", len(source.uncounted())) + " " + text
        if source.skipped:
            text += " " + self.tr("(%n document(s) not listed)", "", len(source.skipped))
        self.count_label.setText(text)
        self.count_label.setToolTip("\n".join(f"{name}: {why}" for name, why in source.skipped.items()))
        row = self.model.row_of(*self._chosen) if self._chosen is not None else None
        if row is not None:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0), self.table.selectionModel().SelectionFlag.ClearAndSelect
                | self.table.selectionModel().SelectionFlag.Rows)

    def _start_counting(self, source: CollectionReview) -> None:
        if self._counting is not None and self._counting[0] is source:
            return                       # already reading them
        self._stop_counting()
        stop = threading.Event()
        names = source.uncounted()
        task = Task(lambda: source.read_rows(names, stop.is_set))
        task.signals.succeeded.connect(lambda counted: self._on_counted(source, stop, counted))
        # an unexpected failure leaves those documents out, named with it (reading them again would fail again)
        task.signals.failed.connect(lambda exc: self._on_counted(source, stop, {n: str(exc) for n in names}))
        self._counting = (source, stop)
        task.start()

    def _stop_counting(self) -> None:
        if self._counting is not None:
            self._counting[1].set()
            self._counting = None

    def is_counting(self) -> bool:
        """True while the whole collection's documents are read on a worker thread."""
        return self._counting is not None

    def _on_counted(self, source: CollectionReview, stop: threading.Event, counted: dict) -> None:
        if stop.is_set() or self._counting is None or self._counting[0] is not source:
            return                       # the collection closed, or the list was asked again meanwhile
        self._counting = None
        # a document opened (or counted from its live state) meanwhile keeps those rows
        source.absorb({name: rows for name, rows in counted.items()
                       if name not in source.counted() and source.live(name) is None})
        if self.whole_collection() and self._source is source and self._last is not None:
            self.refresh(*self._last)

    def _fit_document_column(self) -> None:
        # once per set of names: a width the translator dragged stays (it snapped back at the next Return)
        names = tuple(sorted({name for name, _k in self.model.links()}))
        if names == self._fitted_names:
            return
        self._fitted_names = names
        # measured from the names, not from the column's contents: sized while the column was still hidden it
        # came out ~40 px ("ne…01"; an X11 re-test)
        metrics = self.table.fontMetrics()
        needed = max((metrics.horizontalAdvance(name) for name in names), default=0) + 16
        header = metrics.horizontalAdvance(self.model.headerData(ReviewModel.DOCUMENT, Qt.Orientation.Horizontal,
                                                                 Qt.ItemDataRole.DisplayRole) or "") + 16
        limit = metrics.averageCharWidth() * DOCUMENT_COLUMN_MAX
        self.table.setColumnWidth(ReviewModel.DOCUMENT, min(max(needed, header), max(limit, header)))

    def _on_scope_box_toggled(self, on: bool) -> None:
        if self._source is not None:
            self.scope_changed.emit(on)
        self.table.setColumnHidden(ReviewModel.DOCUMENT, not on)
        self.count_label.setToolTip("")
        self._chosen = None
        if self._last is not None:
            self.refresh(*self._last)

    def show_only(self, doc: AlignmentDocument, policy: ReviewPolicy, typical_ratio: float | None,
                  beads: list[int], label: str) -> None:
        """List only the given links under `label` (the export's "Review these"); the next refresh after an
        edit lists the doubtful links again."""
        self._timer.stop()
        self._pending = None
        self.scope_box.blockSignals(True)           # the export's links are the shown document's
        self.scope_box.setChecked(False)
        self.scope_box.blockSignals(False)
        self.table.setColumnHidden(ReviewModel.DOCUMENT, True)
        self._last = (doc, policy, typical_ratio)
        self.model.show_beads(doc, policy, typical_ratio, beads)
        self.count_label.setText(label)
        self.back_button.show()

    def _on_back_button_clicked(self) -> None:
        if self._last is not None:
            self.refresh(*self._last)

    def _on_timer_timeout(self) -> None:
        if self._pending is not None:
            self.refresh(*self._pending)

    def set_order(self, order: ReviewOrder) -> None:
        self.order_box.setCurrentIndex(self.order_box.findData(order))

    def _on_order_box_changed(self, _index: int) -> None:
        self.model.set_order(self.order_box.currentData())
        self.order_changed.emit(self.order_box.currentData().value)
        index = self.table.currentIndex()
        if index.isValid():
            self._show_row(index)           # the selected link's row, where the new order put it (an X11 re-test)

    def _on_header_clicked(self, section: int) -> None:
        if section in (0, 1):
            self.set_order(ReviewOrder.POSITION if section == 0 else ReviewOrder.CONFIDENCE)

    def _on_table_clicked(self, index: QModelIndex) -> None:
        self._held = None                               # a row chosen: Return goes on from there
        row = self.model.row_at(index.row()) if index.isValid() else None
        if row is not None:
            self._chosen = (row.document, row.bead)
            self.link_chosen.emit(row.document, row.bead)
        elif index.isValid():
            self.bead_chosen.emit(self.model.bead_at(index.row()))
        self._update_split_off()

    def _chosen_unsupported(self) -> tuple[int, int] | None:
        """(bead index, sentence id) of the chosen row's sentence that may have no translation, or None. In the
        whole collection's scope, for a row of the document in the panes (a click on a row shows its document;
        S did nothing there before, its button greyed: an X11 audit)."""
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        row = self.model.row_at(index.row())
        if row is not None:
            if row.document != self._shown or self._last is None:
                return None
            doc, k = self._last[0], row.bead
        else:
            doc = self.model.document
            if doc is None:
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
            self.hold_next()            # the link leaves the list; Return then goes on from the list's next one
            self.split_off_requested.emit(*chosen)

    def choose_first(self) -> None:
        """Choose the list's first row, if any (as a click would)."""
        self._flush()
        if self.model.rowCount():
            self.choose_row(0)

    def choose_row(self, row: int) -> None:
        """Select a row as a click would (and jump to its link)."""
        index = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        self._on_table_clicked(index)
