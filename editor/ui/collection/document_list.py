"""The document list of a collection: one row per document (name, links, doubtful left, % confirmed, status,
last change), sortable, filterable to the documents that need review, with a progress bar for the whole
collection and one per aligning document. Double-click or Enter opens a document."""

from __future__ import annotations

import os

from datetime import datetime
from typing import Callable

from PySide6.QtCore import (
    QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, QTimer, Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView, QApplication, QCheckBox, QDockWidget, QHBoxLayout, QHeaderView, QLabel, QProgressBar,
    QPushButton, QStyle, QStyledItemDelegate, QStyleOptionProgressBar, QTableView, QVBoxLayout, QWidget,
)

from editor.bitext.review import whole_percent
from editor.collection.store import (FAILED, REVIEWED, TO_ALIGN, TO_REVIEW, UNCHECKED, Collection, DocumentEntry,
                                    review_status)
from editor.ui.error_text import reason_text

ALIGNING = "aligning"
NAME, LINKS, DOUBTFUL, CONFIRMED, STATUS, CHANGED = range(6)
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
PROGRESS_ROLE = Qt.ItemDataRole.UserRole + 2       # 0..1 while aligning, else None


class DocumentListModel(QAbstractTableModel):
    """Rows over `collection.entries`. `live(name)` gives (links, doubtful, confirmed, modified) of an open
    document (its counts change as it is edited), or None to use the index's counts; `edited(name)` the ISO time
    of an open document's last edit (None: the index's, the file's time)."""

    COLUMNS = 6

    def __init__(self, collection: Collection, live: Callable[[str], tuple | None], parent=None, *,
                 edited: Callable[[str], str | None] | None = None) -> None:
        super().__init__(parent)
        self.collection, self._live = collection, live
        self._edited = edited or (lambda name: None)      # ISO time of an open document's last edit, or None
        self._aligning: dict[str, float] = {}
        self._waiting: set[str] = set()

    # -- what the aligner reports -------------------------------------------------------------------------

    def set_waiting(self, names) -> None:
        self._waiting = set(names)
        self.refresh()

    def set_progress(self, name: str, fraction: float | None) -> None:
        if fraction is None:
            self._aligning.pop(name, None)
            self._waiting.discard(name)
        else:
            self._aligning[name] = fraction
        self.refresh(name)

    def status(self, entry: DocumentEntry) -> str:
        if entry.name in self._aligning or (entry.name in self._waiting and not entry.error):
            return ALIGNING
        live = self._live(entry.name)
        if live is not None and not entry.error:
            return review_status(live[1], live[4])
        return entry.status

    def refresh(self, name: str | None = None) -> None:
        if name is None:
            if self.rowCount():
                self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, CHANGED))
            return
        for row, entry in enumerate(self.collection.entries):
            if entry.name == name:
                self.dataChanged.emit(self.index(row, 0), self.index(row, CHANGED))

    def reset(self) -> None:
        self.beginResetModel()
        self.endResetModel()

    # -- the model --------------------------------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.collection.entries)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Document"), self.tr("Links"), self.tr("Doubtful"), self.tr("Confirmed"),
                    self.tr("Status"), self.tr("Last change"))[section]
        return None

    def _counts(self, entry: DocumentEntry) -> tuple[int, int, int, bool, int] | None:
        """(links, doubtful, confirmed, unsaved edits, vouched), from the open document or the index."""
        live = self._live(entry.name)
        if live is not None:
            return live
        if entry.stats is None or entry.file is None:
            return None
        vouched = entry.stats.confirmed if entry.stats.vouched is None else entry.stats.vouched
        return entry.stats.links, entry.stats.doubtful, entry.stats.confirmed, False, vouched

    def status_text(self, status: str) -> str:
        return {ALIGNING: self.tr("aligning"), TO_ALIGN: self.tr("to align"), TO_REVIEW: self.tr("to review"),
                REVIEWED: self.tr("reviewed"), UNCHECKED: self.tr("nothing doubtful"),
                FAILED: self.tr("failed")}.get(status, status)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        entry = self.collection.entries[index.row()]
        column = index.column()
        counts = self._counts(entry)
        status = self.status(entry)
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            sorting = role == SORT_ROLE
            if column == NAME:
                name = entry.name
                return name.casefold() if sorting else (f"{name} *" if counts and counts[3] else name)
            if column in (LINKS, DOUBTFUL, CONFIRMED):
                if counts is None:
                    return -1 if sorting else ""
                links, doubtful, confirmed, *_ = counts
                if column == LINKS:
                    return links
                if column == DOUBTFUL:
                    return doubtful
                percent = 100.0 * confirmed / links if links else 0.0
                return percent if sorting else f"{whole_percent(percent)} %"
            if column == STATUS:
                if sorting:
                    return (FAILED, TO_REVIEW, ALIGNING, TO_ALIGN, UNCHECKED, REVIEWED).index(status)
                if status == ALIGNING and entry.name in self._aligning:
                    return f"{self.status_text(status)} {self._aligning[entry.name]:.0%}"
                problem = self._problem(entry) if status == FAILED else None
                if problem:
                    # the reason on the row, not only in a tooltip or behind a double-click (an X11 audit)
                    return self.tr("failed: %1").replace("%1", reason_text(problem))
                return self.status_text(status)
            if column == CHANGED:
                changed = self._edited(entry.name) or (
                    entry.stats.changed if entry.stats is not None and entry.file else None)
                if sorting:
                    return changed or ""
                return _local_time(changed)
        if role == PROGRESS_ROLE and column == STATUS:
            return self._aligning.get(entry.name)
        if role == Qt.ItemDataRole.ToolTipRole:
            problem = self._problem(entry)
            sources = [os.path.normpath(self.collection.folder / p) for p in (entry.zh, entry.en) if p]
            # with the source files' paths: "empty.txt: the file contains no text" named no folder, and both
            # files of the pair were called empty.txt (an X11 audit)
            return "\n".join(([reason_text(problem)] if problem else []) + sources) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (LINKS, DOUBTFUL, CONFIRMED):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return entry.name
        return None

    def _problem(self, entry: DocumentEntry) -> str | None:
        return entry.error or (self.collection.problem(entry) if entry.file else None)

    def needs_review(self, row: int) -> bool:
        return self.status(self.collection.entries[row]) in (TO_REVIEW, FAILED)


def _local_time(iso: str | None) -> str:
    if not iso:
        return ""
    try:
        moment = datetime.fromisoformat(iso).astimezone()
    except ValueError:
        return iso
    now = datetime.now().astimezone()
    if moment.date() == now.date():
        return moment.strftime("%H:%M")                  # today: the time is enough (the column stays narrow)
    return moment.strftime("%m-%d %H:%M" if moment.year == now.year else "%Y-%m-%d")


class _NeedsReviewFilter(QSortFilterProxyModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.only_needing_review = False
        self.setSortRole(SORT_ROLE)

    def set_only_needing_review(self, on: bool) -> None:
        self.only_needing_review = on
        self.refilter()

    def refilter(self) -> None:
        if hasattr(self, "beginFilterChange"):         # Qt 6.9+
            self.beginFilterChange()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateFilter()

    def filterAcceptsRow(self, row: int, parent) -> bool:
        return not self.only_needing_review or self.sourceModel().needs_review(row)


class _ProgressDelegate(QStyledItemDelegate):
    """Paints a progress bar in the status cell of a document that is aligning; asks for no wider a column than
    `max_width`, so that a failed document's reason wraps in its row instead of running past the dock's edge."""

    max_width = 0

    def sizeHint(self, option, index):
        size = super().sizeHint(option, index)
        if self.max_width and size.width() > self.max_width:
            size.setWidth(self.max_width)
        return size

    def paint(self, painter, option, index) -> None:
        fraction = index.data(PROGRESS_ROLE)
        if fraction is None:
            super().paint(painter, option, index)
            return
        bar = QStyleOptionProgressBar()
        bar.rect = option.rect.adjusted(2, 2, -2, -2)
        bar.minimum, bar.maximum, bar.progress = 0, 1000, int(fraction * 1000)
        bar.text = index.data(Qt.ItemDataRole.DisplayRole)
        bar.textVisible = True
        bar.state = option.state
        QApplication.style().drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter)


class _Table(QTableView):
    activated_row = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_row.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class DocumentList(QDockWidget):
    """The dock: a "needs review" filter, the collection's progress bar and Cancel, and the table.
    `document_chosen(name)` when a row is double-clicked or Enter is pressed on it."""

    document_chosen = Signal(str)
    cancel_requested = Signal()
    #: the filter or the sort changed (the window remembers them: `view_state`)
    view_changed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(self.tr("Documents"), parent)
        self.setObjectName("documentList")
        body = QWidget(self)
        column = QVBoxLayout(body)
        column.setContentsMargins(4, 4, 4, 4)
        self.summary = QLabel(body)
        self.summary.setWordWrap(True)          # the counts wrap: the dock stays narrow, the panes keep the room
        # but not narrower than the table makes it (without a collection the hint alone would squeeze it)
        self.summary.setMinimumWidth(self.fontMetrics().averageCharWidth() * 32)
        self.needs_review = QCheckBox(self.tr("Only documents that need review"), body)
        column.addWidget(self.summary)
        column.addWidget(self.needs_review)
        progress_row = QHBoxLayout()
        self.progress = QProgressBar(body)
        self.progress.setRange(0, 1000)
        self.progress.setFormat(self.tr("Aligning the collection… %p%"))
        self.cancel_button = QPushButton(self.tr("Cancel"), body)
        self.cancel_button.clicked.connect(self.cancel_requested)
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        column.addLayout(progress_row)
        self.progress.hide()
        self.cancel_button.hide()
        self.table = _Table(body)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setSizeAdjustPolicy(QAbstractItemView.SizeAdjustPolicy.AdjustIgnored)
        self.table.horizontalHeader().setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        # a failed document's reason ("failed: empty.txt: the file contains no text") wraps in a status column as
        # wide as the longest other status, and its row grows to show it all, as an IDE's error list does: one
        # line, it ran past the dock's edge at its default width and pushed Last change out of sight (an X11
        # re-test); the tooltip adds the sources' paths
        self._status_delegate = _ProgressDelegate(self.table)
        self.table.setItemDelegateForColumn(STATUS, self._status_delegate)
        self.table.setWordWrap(True)
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self._fit_rows)
        self.table.doubleClicked.connect(self._on_row_activated)
        self.table.activated_row.connect(self._on_row_activated)
        column.addWidget(self.table, 1)
        column.addStretch(0)                    # with no collection (no table): the hint stays at the top
        self.setWidget(body)
        self.proxy = _NeedsReviewFilter(self)
        self.needs_review.toggled.connect(self.proxy.set_only_needing_review)
        self.model: DocumentListModel | None = None
        #: the sort a new collection opens with: (column, order); column -1 is the collection's own order
        self._sort: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)
        self._shown: str | None = None           # the document in the panes (`select`)
        self.needs_review.toggled.connect(self._on_filter_toggled)
        self.needs_review.toggled.connect(lambda _on: self.view_changed.emit())
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._on_sort_changed)
        self._update_summary()

    def view_state(self) -> tuple[bool, int, int]:
        """(only documents that need review, sort column or -1, 0 ascending / 1 descending)."""
        return self.needs_review.isChecked(), self._sort[0], 0 if self._sort[1] == Qt.SortOrder.AscendingOrder else 1

    def set_view_state(self, needing_review_only: bool, column: int, order: int) -> None:
        """The filter and the sort as the translator left them (the next collection opens with them too)."""
        self._sort = (column if -1 <= column < DocumentListModel.COLUMNS else -1,
                      Qt.SortOrder.DescendingOrder if order == 1 else Qt.SortOrder.AscendingOrder)
        self.needs_review.setChecked(needing_review_only)
        if self.model is not None:
            self.table.sortByColumn(*self._sort)

    def _on_sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        if self.model is None:
            return                               # a table without a model: not the translator's choice
        self._sort = (column, order)
        self.view_changed.emit()

    def set_model(self, model: DocumentListModel | None) -> None:
        self.model = model
        self.proxy.setSourceModel(model)
        self.table.setModel(self.proxy if model is not None else None)
        if model is not None:
            metrics = self.table.fontMetrics()
            texts = [model.status_text(s) for s in (ALIGNING, TO_ALIGN, TO_REVIEW, REVIEWED, UNCHECKED, FAILED)]
            texts.append(f"{model.status_text(ALIGNING)} 100%")
            self._status_delegate.max_width = max(metrics.horizontalAdvance(t) for t in texts) + \
                4 * metrics.averageCharWidth()
            self.table.sortByColumn(*self._sort)         # the collection's order until asked, then the last sort
            model.dataChanged.connect(self._update_summary)
            model.modelReset.connect(self._update_summary)
            for signal in (model.dataChanged, model.modelReset, self.proxy.layoutChanged, self.proxy.rowsInserted,
                           self.proxy.rowsRemoved, self.table.horizontalHeader().sectionResized):
                signal.connect(self._fit_timer.start)
            self._fit_timer.start()
        self._update_summary()

    def _fit_rows(self, *_args) -> None:
        """Make the rows of failed documents as high as their wrapped reason, the others one line high (sizing
        only those rows: a header resizing every row to its contents measures every cell of a large collection
        at each progress step)."""
        model = self.model
        if model is None:
            return
        default = self.table.verticalHeader().defaultSectionSize()
        for row in range(self.proxy.rowCount()):
            entry = model.collection.entries[self.proxy.mapToSource(self.proxy.index(row, 0)).row()]
            if model.status(entry) == FAILED:
                self.table.resizeRowToContents(row)
            elif self.table.rowHeight(row) != default:
                self.table.setRowHeight(row, default)

    def _update_summary(self, *_args) -> None:
        model = self.model
        self.needs_review.setVisible(model is not None)
        self.table.setVisible(model is not None)
        if model is None:
            # opened with no collection (Ctrl+Shift+D on a single document): say what the list is for, not an
            # empty table under a filter that filters nothing
            self.summary.setText(self.tr("No collection is open. File ▸ New Collection… (Ctrl+Shift+N) aligns a "
                                         "whole archive at once; File ▸ Open Collection Folder… (Ctrl+Shift+O) "
                                         "opens one. Its documents are listed here."))
            return
        entries = model.collection.entries
        statuses = [model.status(e) for e in entries]
        self.summary.setText(self.tr("%n document(s)", "", len(entries)) + " · "
                             + self.tr("%1 to review, %2 with nothing doubtful, %3 reviewed, %4 failed")
                             .replace("%1", str(statuses.count(TO_REVIEW)))
                             .replace("%2", str(statuses.count(UNCHECKED)))
                             .replace("%3", str(statuses.count(REVIEWED)))
                             .replace("%4", str(statuses.count(FAILED))))
        tmx = sum(1 for e in entries if e.file and e.file.lower().endswith(".tmx"))
        if tmx:
            # said where it stays while the collection is open: the status bar's note went in 15 s, and a
            # reviewer of a batch's TMX output never saw its omissions (an X11 audit)
            self.summary.setText(self.summary.text() + "\n" + self.tr(
                "%n document(s) written as TMX hold no sentence without a counterpart: the likely omissions are "
                "not listed. Run duiqi batch with --format duiqi to review them.", "", tmx))
        self.proxy.refilter()

    def _on_row_activated(self, index: QModelIndex | QPersistentModelIndex) -> None:
        name = index.data(Qt.ItemDataRole.UserRole)
        if name:
            self.document_chosen.emit(name)

    def row_of(self, name: str) -> int:
        """The row (in the table as sorted and filtered) showing document `name`, or -1."""
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(Qt.ItemDataRole.UserRole) == name:
                return row
        return -1

    def select(self, name: str | None) -> None:
        """Highlight the row of the document in the panes (none when the filter hides it: the highlight must not
        land on another document, which Enter would then open)."""
        self._shown = name
        row = self.row_of(name) if name is not None else -1
        if row >= 0:
            self.table.selectRow(row)
        else:
            self.table.clearSelection()
            self.table.setCurrentIndex(QModelIndex())

    def _on_filter_toggled(self, _on: bool) -> None:
        # the rows moved under the highlight: "sample" was highlighted while "dialogue" was in the panes
        # (an X11 re-test)
        if self.model is not None:
            self.select(self._shown)

    def show_progress(self, fraction: float | None) -> None:
        """The whole collection's progress (None: nothing aligning)."""
        running = fraction is not None
        self.progress.setVisible(running)
        self.cancel_button.setVisible(running)
        if running:
            self.progress.setValue(int(fraction * 1000))
