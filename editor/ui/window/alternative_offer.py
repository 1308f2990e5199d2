"""The engine's best alternatives for a doubtful link's region, offered in the explanation strip: computed off
the GUI thread when a doubtful automatic link is selected; the strip shows the best, one key shows the next
(the second or third is often the right one when the best is not), one key accepts the one shown, confirms it
and re-aligns the rest around it."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence

from editor.bitext import edits
from editor.bitext.document import Bead, BeadStatus
from editor.ui.jobs.workers import Task

SHORTCUT = "Alt+Return"
NEXT_SHORTCUT = "Alt+Right"


def _path(doc) -> list[tuple[int, int, int, int]]:
    """The document's links as (s0, s1, t0, t1) position ranges."""
    out, i, j = [], 0, 0
    for bead in doc.beads:
        out.append((i, i + len(bead.src), j, j + len(bead.tgt)))
        i, j = i + len(bead.src), j + len(bead.tgt)
    return out


def _find_alternatives(src, tgt, path, k, keep):
    from editor.alignment import embedding
    from editor.alignment.alternative import link_alternatives
    from editor.alignment.engine import resources

    # the embedding model only when an alignment already loaded it: a click never waits for a model load
    with_emb = embedding.available() and embedding.shared_encoder().loaded
    return link_alternatives(src, tgt, path, k, resources(use_embeddings=with_emb), keep)


def _kept_neighbours(doc, k: int) -> set[int]:
    """The neighbours of link k the alternative must leave as they are: links a person confirmed or made."""
    return {i for i in (k - 1, k + 1) if 0 <= i < len(doc.beads) and doc.beads[i].is_fixed}


class AlternativeOffer(QObject):
    """`offered(k)` when the alternative of link k is shown; `action` accepts it."""

    offered = Signal(int)

    def __init__(self, window) -> None:
        super().__init__(window)
        self._win = window
        self._generation = 0
        # (link, document revision, the alternatives as bead ranges, best first)
        self._offer: tuple[int, int, list] | None = None
        self._index = 0                                        # the alternative shown
        self.action = QAction(self.tr("Accept the Alternative"), window)
        self.action.setShortcut(QKeySequence(SHORTCUT))
        self.action.setToolTip(self.tr("Replace the doubtful link and its neighbours by the engine's best "
                                       "alternative, confirm it and re-align the rest"))
        self.action.setEnabled(False)
        self.action.triggered.connect(self.accept)
        window.addAction(self.action)
        self.next_action = QAction(self.tr("Show the Next Alternative"), window)
        self.next_action.setShortcut(QKeySequence(NEXT_SHORTCUT))
        self.next_action.setToolTip(self.tr("Show the engine's next alternative for the doubtful link's region"))
        self.next_action.setEnabled(False)
        self.next_action.triggered.connect(self.show_next)
        window.addAction(self.next_action)

    def request(self) -> None:
        """Look for the alternative of the selected link when it is a doubtful automatic link."""
        win = self._win
        k = win.view.current_bead()
        if self._offer is not None and self._offer[0] == k and self._offer[1] == win.qdoc.revision:
            # the same link selected again, unchanged (a refresh of the review list re-selects its row): the
            # alternative the strip shows stays the one Alt+Return takes. The offer started again at the first,
            # and an X11 audit's Alt+Return on "alternative 3 of 4: 43–44 ↔ 62–63, …" made the first one's links
            self._show()
            return
        self._generation += 1
        self._offer = None
        self.action.setEnabled(False)
        self.next_action.setEnabled(False)
        doc = win.document
        if k is None or not 0 <= k < len(doc.beads) or win.is_aligning():
            return
        bead = doc.beads[k]
        if bead.status is not BeadStatus.AUTO or not (bead.src and bead.tgt) or not win.view.is_doubtful(bead):
            return
        src, tgt, path = [s.text for s in doc.src], [t.text for t in doc.tgt], _path(doc)
        keep = _kept_neighbours(doc, k)
        generation, revision = self._generation, win.qdoc.revision
        task = Task(lambda: (generation, revision, k, _find_alternatives(src, tgt, path, k, keep)))
        # a bound method of this QObject, not a lambda: Qt drops the connection when the window (and this
        # offer with it) is gone, so an answer arriving after the window closed touches nothing
        task.signals.succeeded.connect(self._arrived)
        task.start()

    def _arrived(self, result) -> None:
        generation, revision, k, alts = result
        if not alts or generation != self._generation or revision != self._win.qdoc.revision:
            return
        self._offer, self._index = (k, revision, alts), 0
        self._show()
        self.action.setEnabled(True)
        self.next_action.setEnabled(len(alts) > 1)
        self.offered.emit(k)

    def _show(self) -> None:
        _, _, alts = self._offer
        native = QKeySequence.SequenceFormat.NativeText
        links = [(tuple(range(a, b)), tuple(range(c, d))) for a, b, c, d in alts[self._index]]
        self._win.strip.show_alternative(links, QKeySequence(SHORTCUT).toString(native), self._index, len(alts),
                                         QKeySequence(NEXT_SHORTCUT).toString(native))

    def show_next(self) -> None:
        """Show the next alternative (after the last, the best again)."""
        if self._offer is None or self._offer[1] != self._win.qdoc.revision:
            return
        self._index = (self._index + 1) % len(self._offer[2])
        self._show()
        # the link it is offered for, in sight: the strip changed for a link scrolled away (an X11 re-test)
        self._win.view.show_bead(self._offer[0])

    def accept(self) -> None:
        win = self._win
        if self._offer is None or self._offer[1] != win.qdoc.revision:
            return
        k, _, alts = self._offer
        alt = alts[self._index]
        doc = win.document
        from editor.alignment.alternative import region        # the engine's modules load when first used

        first, last = region(k, len(doc.beads), _kept_neighbours(doc, k))
        # the links the alternative makes are confirmed, and the one it was offered for; a neighbour it leaves as
        # it was keeps its status (Alt+Return on "6-7 <-> 6" confirmed the untouched "8 <-> 7", written to the
        # TMX as confirmed though nobody had read it: an X11 re-test)
        old = {(b.src, b.tgt): b for b in doc.beads[first:last + 1]}
        chosen = set(doc.beads[k].src) | set(doc.beads[k].tgt)
        new = []
        for a, b, c, d in alt:
            src, tgt = tuple(doc.src[i].id for i in range(a, b)), tuple(doc.tgt[j].id for j in range(c, d))
            same = old.get((src, tgt))
            new.append(same if same is not None and chosen.isdisjoint((*src, *tgt)) else
                       Bead(src, tgt, 1.0, BeadStatus.CONFIRMED))
        offer, held = self._offer, win.review_list.held()
        self._offer = None
        self.action.setEnabled(False)
        self.next_action.setEnabled(False)
        # Return then goes on down the review list from its next link
        win.review_list.hold_next([i for b in doc.beads[first:last + 1] for i in (*b.src, *b.tgt)])
        anchor = next(iter((*doc.beads[k].src, *doc.beads[k].tgt)))
        if win.push_change(lambda d: edits.replace_beads(d, first, last, new, "Accept the alternative")):
            # on the link made where the doubtful one was, not on the region's first link (an untouched neighbour
            # at 0.99 was selected: an X11 audit)
            win.view.select_bead(win.document.bead_index_of(anchor))
            # the re-alignment joins this undo step: one Undo takes back the whole key press
            stack = win.undo_stack
            win.start_alignment(keep_fixed=True, fold_into=stack.command(stack.index() - 1))
        else:
            # not made (it would regroup links the Show filter hid, shown now): the key works again
            win.review_list.restore_hold(held)
            self._offer = offer
            self.action.setEnabled(True)
            self.next_action.setEnabled(len(alts) > 1)
