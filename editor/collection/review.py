"""The review list of a whole collection: the doubtful links of every document in one list, worst first.

Within a document the order is editor.bitext.review's (`review_priority`, then position); across documents the
rows merge by the same key, documents in the collection's order breaking ties. Each row keeps what the list shows
(document name, link index, confidence, reasons, positions, a preview of the text), never the document: a
document that is not open is read from its file once, when the whole list is asked for, and let go.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from editor.bitext.review import (
    BY_CONFIDENCE,
    DEFAULT_THRESHOLD,
    Reason,
    ReviewPolicy,
    review_order,
    review_priority,
    unsupported_sentence,
)
from editor.bitext.document import Side
from editor.errors import EditorError

if TYPE_CHECKING:
    from editor.bitext.document import AlignmentDocument, Bead
    from editor.collection.store import Collection

PREVIEW_CHARS = 80


@dataclass(frozen=True)
class ReviewRow:
    """One doubtful link of one document of a collection."""

    document: str                       # the document's name in the collection
    bead: int                           # the link's index in its document
    priority: float                     # editor.bitext.review.review_priority: the sort key
    confidence: float
    linked: bool                        # sentences on both sides (an unlinked sentence has no confidence)
    reasons: tuple[Reason, ...]         # why it is doubtful, most important first
    src_positions: tuple[int, ...]      # the link's sentences as positions (0-based) in each side
    tgt_positions: tuple[int, ...]
    src_text: str                       # the start of each side's text (PREVIEW_CHARS at most)
    tgt_text: str
    unsupported: int | None = None      # position (0-based) of the sentence that may have no translation
    link: Bead | None = None          # the link itself (its status and confidence: the list's colour)
    unsupported_lang: str | None = None  # the language of the side `unsupported` counts in


def document_rows(name: str, doc: AlignmentDocument, policy: ReviewPolicy) -> list[ReviewRow]:
    """The doubtful links of one document as rows, in editor.bitext.review's order (worst first)."""
    rows = []
    for k in review_order(policy, doc, BY_CONFIDENCE):
        bead = doc.beads[k]
        src_pos, tgt_pos = doc.positions(bead)
        src, tgt = doc.bead_texts(bead)
        seg = unsupported_sentence(doc, bead)
        side, pos = doc.locate(seg) if seg is not None else (None, None)
        lang = None if side is None else doc.meta.src_lang if side is Side.SRC else doc.meta.tgt_lang
        rows.append(ReviewRow(name, k, review_priority(policy, doc, bead), bead.confidence,
                              bool(bead.src and bead.tgt), tuple(policy.reasons(doc, bead)), src_pos, tgt_pos,
                              src[:PREVIEW_CHARS], tgt[:PREVIEW_CHARS], pos, bead, lang))
    return rows


def merge_rows(per_document: Iterable[Sequence[ReviewRow]]) -> list[ReviewRow]:
    """One list worst first: by review priority, then the documents' order (as given), then position."""
    keyed = [(row.priority, d, row.bead, row) for d, rows in enumerate(per_document) for row in rows]
    keyed.sort(key=lambda t: t[:3])
    return [t[3] for t in keyed]


class CollectionReview:
    """The rows of every document of a collection, kept per document so one document's rows can be counted
    again after an edit without reading the others.

    `live(name)` returns the document as the editor has it (with unsaved edits) or None when it is not open;
    the others are read from their files when `rows()` first needs them. Documents that cannot be read (not
    aligned yet, failed, file missing or damaged) are left out and named in `skipped`."""

    def __init__(self, collection: Collection, threshold: float = DEFAULT_THRESHOLD,
                 live: Callable[[str], AlignmentDocument | None] | None = None) -> None:
        self.collection = collection
        self.threshold = threshold
        self.live = live or (lambda _name: None)
        self._rows: dict[str, list[ReviewRow]] = {}
        self.skipped: dict[str, str] = {}

    def _policy(self, doc: AlignmentDocument) -> ReviewPolicy:
        return ReviewPolicy.for_document(doc, self.threshold)

    def update(self, name: str, doc: AlignmentDocument | None = None) -> None:
        """Count document `name` again: from `doc`, else its live state, else its file."""
        doc = doc if doc is not None else self.live(name)
        if doc is None:
            self.absorb({name: self._read(name)})
            return
        self.skipped.pop(name, None)
        self._rows[name] = document_rows(name, doc, self._policy(doc))

    def _read(self, name: str) -> list[ReviewRow] | str | None:
        """The rows of document `name` read from its file; a str says why it cannot be read; None: it is no
        longer in the collection."""
        try:
            entry = self.collection.entry(name)
        except KeyError:
            return None
        problem = self.collection.problem(entry) or (None if entry.file else "not aligned yet")
        if problem:
            return problem
        try:
            doc = self.collection.load(entry)
        except EditorError as exc:
            return str(exc)
        return document_rows(name, doc, self._policy(doc))

    def counted(self) -> set[str]:
        """The documents whose rows (or reason not to list them) are known."""
        return set(self._rows) | set(self.skipped)

    def uncounted(self) -> list[str]:
        """The documents not counted yet that are not open (their rows come from their files)."""
        return [e.name for e in self.collection.entries
                if e.name not in self._rows and e.name not in self.skipped and self.live(e.name) is None]

    def uncounted_links(self) -> int:
        """How many links the uncounted documents hold, as the index says (what reading them costs)."""
        names = set(self.uncounted())
        return sum(e.stats.links for e in self.collection.entries if e.name in names and e.stats is not None)

    def read_rows(self, names: Iterable[str], should_stop: Callable[[], bool] = lambda: False) -> dict:
        """The rows of documents read from their files, by name (a str: why one cannot be read). Changes nothing
        here, so it may run on a worker thread; `absorb` takes the result in."""
        out: dict = {}
        for name in names:
            if should_stop():
                break
            out[name] = self._read(name)
        return out

    def absorb(self, counted: dict) -> None:
        """Take in what `read_rows` (or `_read`) gave."""
        for name, rows in counted.items():
            self._rows.pop(name, None)
            self.skipped.pop(name, None)
            if isinstance(rows, str):
                self.skipped[name] = rows
            elif rows is not None:
                self._rows[name] = rows

    def forget(self, name: str | None = None) -> None:
        """Count a document (or, with None, every document) again when next asked."""
        if name is None:
            self._rows.clear()
            self.skipped.clear()
        else:
            self._rows.pop(name, None)
            self.skipped.pop(name, None)

    def set_threshold(self, threshold: float) -> None:
        if threshold != self.threshold:
            self.threshold = threshold
            self.forget()

    def rows(self, count: bool = True) -> list[ReviewRow]:
        """Every document's doubtful links, worst first. Documents not counted yet are counted now (open ones
        from their live state, the others from their files); with `count` False only the open ones are, and
        the others are left out until counted (`read_rows` off the GUI thread, then `absorb`)."""
        names = [e.name for e in self.collection.entries]
        for name in names:
            if name not in self._rows and name not in self.skipped and (count or self.live(name) is not None):
                self.update(name)
        return merge_rows(self._rows.get(name, ()) for name in names)


def collection_review(collection: Collection, threshold: float = DEFAULT_THRESHOLD,
                      live: Callable[[str], AlignmentDocument | None] | None = None) -> list[ReviewRow]:
    """The whole collection's doubtful links, worst first (see CollectionReview)."""
    return CollectionReview(collection, threshold, live).rows()
