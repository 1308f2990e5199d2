"""The strip under the panes: the selected link and why it scored as it did, in words, with its actions."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QSizePolicy, QToolButton, QWidget

from editor.bitext.document import AlignmentDocument, Bead, BeadStatus, Side, is_chinese_lang
from editor.bitext.markers import code_mismatch, recorded_markers
from editor.bitext.review import Reason, ReviewPolicy, confidence_text, reshaped, unsupported_sentence
from editor.ui.view.link_style import LinkState, link_colour, link_state, settled


def reason_text(reason: Reason, policy: ReviewPolicy, bead: Bead, doc: AlignmentDocument | None = None, *,
                short: bool = False) -> str:
    """Words for why a link is doubtful (`doc` names the sentence that may have no translation). `short`: for the
    review list, whose Confidence column shows the value (its Why column, about 120-160 px wide at 1,280 px, was
    cut after "confidence 0.70 below 0.96, no numbers, …": an X11 audit)."""
    if reason is Reason.LOW_CONFIDENCE and short:
        return QCoreApplication.translate("Review", "low confidence")
    if reason is Reason.RESHAPED and short:
        return QCoreApplication.translate("Review", "changed by an edit beside it")
    if reason is Reason.CODES_DIFFER:
        return codes_text(doc, bead)
    if reason is Reason.FOOTNOTE and short:
        return QCoreApplication.translate("Review", "footnote reference left in the text")
    if reason is Reason.NO_TRANSLATION:
        seg = unsupported_sentence(doc, bead) if doc is not None else None
        if seg is None:
            return untranslated_text(None, "?")
        side, pos = doc.locate(seg)
        return untranslated_text(doc.meta.src_lang if side is Side.SRC else doc.meta.tgt_lang, str(pos + 1))
    # QCoreApplication.translate is spelled out per string, so that pyside6-lupdate finds them
    return {
        Reason.UNLINKED: QCoreApplication.translate("Review", "no counterpart"),
        Reason.GARBLED: QCoreApplication.translate("Review", "garbled text (retype it)"),
        Reason.LEFTOVER: QCoreApplication.translate("Review", "leftover \"?!\" from a damaged import"),
        Reason.EMPTY: QCoreApplication.translate("Review", "empty sentence"),
        Reason.ARTEFACT: QCoreApplication.translate("Review", "import artefact (a page number or footer, markup, "
                                                              "only punctuation)"),
        Reason.FOOTNOTE: QCoreApplication.translate("Review", "footnote reference left in the text ([1], ¹, (注1)): "
                                                              "remove it or confirm the link"),
        Reason.LENGTH_RATIO: QCoreApplication.translate("Review", "length ratio far from typical"),
        Reason.RESHAPED: QCoreApplication.translate("Review", "an edit beside it changed this link (check it)"),
        Reason.LOW_CONFIDENCE: QCoreApplication.translate("Review", "confidence %1 below %2")
        .replace("%1", confidence_text(bead.confidence, policy.threshold)).replace("%2", f"{policy.threshold:.2f}"),
    }[reason]


def untranslated_text(lang: str | None, number: str) -> str:
    """"Chinese sentence N may have no translation": which side's sentence N (both panes number from 1, and
    "sentence 10" named either: an X11 audit)."""
    if lang is not None and is_chinese_lang(lang):
        return QCoreApplication.translate("Review", "Chinese sentence %1 may have no translation").replace("%1", number)
    if lang is not None and lang.lower().startswith("en"):
        return QCoreApplication.translate("Review", "English sentence %1 may have no translation").replace("%1", number)
    if lang:
        return QCoreApplication.translate("Review", "sentence %1 (%2) may have no translation").replace(
            "%1", number).replace("%2", lang)
    return QCoreApplication.translate("Review", "sentence %1 may have no translation").replace("%1", number)


def codes_text(doc: AlignmentDocument | None, bead: Bead) -> str:
    """Words for a link whose sides disagree on inline codes, naming the markers each side lacks when `doc` is
    given: "inline codes differ: {5} missing in the English" (an X11 audit: a half-deleted {5} went unnoticed)."""
    general = QCoreApplication.translate("Review", "inline codes differ")
    mismatch = code_mismatch(doc, bead) if doc is not None else None
    if not mismatch:
        return general
    parts = []
    if mismatch.missing_src:
        parts.append(QCoreApplication.translate("Review", "%1 missing in the Chinese")
                     .replace("%1", " ".join(mismatch.missing_src)))
    if mismatch.missing_tgt:
        parts.append(QCoreApplication.translate("Review", "%1 missing in the English")
                     .replace("%1", " ".join(mismatch.missing_tgt)))
    return QCoreApplication.translate("Review", "%1: %2").replace("%2", "; ".join(parts)).replace("%1", general)


def evidence_reasons(doc: AlignmentDocument, bead: Bead, typical_ratio: float | None, *,
                     short: bool = False) -> list[str]:
    """The evidence strip's words for why a bead scored as it did (numbers, dictionary, meaning, length).
    `short`: for the review list's narrow Why column, without "no numbers" (which tells nothing either way)."""
    if typical_ratio is None or not (bead.src and bead.tgt):
        return []
    try:
        from editor.alignment.evidence import explain
    except ImportError:
        return []
    src = [doc.segment(i).text for i in bead.src]
    tgt = [doc.segment(i).text for i in bead.tgt]
    ev = explain(src, tgt, typical_ratio, markers=recorded_markers(doc, (*bead.src, *bead.tgt)))
    why = []
    numbers = getattr(ev, "numbers_matched", None), getattr(ev, "numbers_unmatched", None)
    if numbers[0] is not None and numbers[1] is not None:
        if numbers[0] or numbers[1]:
            why.append(QCoreApplication.translate("ExplanationStrip", "numbers %1 matched, %2 unmatched")
                       .replace("%1", str(numbers[0])).replace("%2", str(numbers[1])))
        elif not short:
            why.append(QCoreApplication.translate("ExplanationStrip", "no numbers"))
    coverage = getattr(ev, "dictionary_coverage", None)
    if coverage is not None:
        why.append(QCoreApplication.translate("ExplanationStrip", "dictionary cover %1 %").replace("%1", f"{coverage * 100:.0f}"))
    similarity = getattr(ev, "similarity", None)
    if similarity is not None:
        why.append(QCoreApplication.translate("ExplanationStrip", "meaning similarity %1").replace("%1", f"{similarity:.2f}"))
    ratio = getattr(ev, "length_ratio", None)
    if ratio is not None:
        why.append(QCoreApplication.translate("ExplanationStrip", "length ratio %1 (typical %2)")
                   .replace("%1", f"{ratio:.1f}").replace("%2", f"{ev.typical_ratio:.1f}"))
    return why


class ExplanationStrip(QWidget):
    """Says which bead is selected, its state and confidence, and the parts of its score that exist."""

    def __init__(self, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(8, 4, 8, 4)
        self._grid.setHorizontalSpacing(6)
        self._grid.setVerticalSpacing(4)
        self.label = QLabel(self)
        self._shown = ""
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setWordWrap(True)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._button_row = QWidget(self)
        row = QHBoxLayout(self._button_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addStretch(1)
        self.buttons = []
        for action in actions:
            button = QToolButton(self._button_row)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            row.addWidget(button)
            self.buttons.append(button)
        self._stacked: bool | None = None
        self._place(stacked=False)
        self.setAutoFillBackground(True)
        self.setObjectName("explanationStrip")
        self.setStyleSheet("#explanationStrip { border-top: 1px solid #d5d8dc; }")

    #: the label's narrowest comfortable width beside the buttons; below it the buttons go under the text
    #: (with the review list docked beside a 1,200-pixel window the label was squeezed to a word a line)
    LABEL_MIN_WIDTH = 420

    def _place(self, stacked: bool) -> None:
        """Buttons to the right of the text (wide) or on a row of their own under it (narrow)."""
        if stacked == self._stacked:
            return
        self._stacked = stacked
        self._grid.removeWidget(self.label)
        self._grid.removeWidget(self._button_row)
        self._grid.addWidget(self.label, 0, 0)
        if stacked:
            self._grid.addWidget(self._button_row, 1, 0)
        else:
            self._grid.addWidget(self._button_row, 0, 1)
        self._grid.setColumnStretch(0, 1)
        self._grid.setColumnStretch(1, 0)

    @property
    def stacked(self) -> bool:
        """True when the buttons sit under the text."""
        return bool(self._stacked)

    def resizeEvent(self, event) -> None:
        margins = self._grid.contentsMargins()
        room = event.size().width() - margins.left() - margins.right() - self._grid.horizontalSpacing()
        self._place(stacked=room - self._button_row.sizeHint().width() < self.LABEL_MIN_WIDTH)
        super().resizeEvent(event)

    def show_bead(self, doc: AlignmentDocument, k: int | None, typical_ratio: float | None,
                  policy: ReviewPolicy | None = None, *, link_numbers: bool = False) -> None:
        """Describe bead k of doc (None: nothing selected); `policy` says whether it is doubtful and why.

        `link_numbers`: name the link by its number, as the compact grid numbers its rows; otherwise by
        its sentence numbers, as the panes do (one numbering at a time, the one on screen)."""
        if k is None or not 0 <= k < len(doc.beads):
            self.label.setText(self.tr("No link selected. Click a sentence, or drag one onto the other side to link."))
            self._shown = self.label.text()
            return
        bead = doc.beads[k]
        policy = policy or ReviewPolicy()
        reasons = policy.reasons(doc, bead)
        state = link_state(bead, bool(reasons))
        src_pos, tgt_pos = doc.positions(bead)

        def span(positions) -> str:
            if not positions:
                return "–"
            a, b = positions[0] + 1, positions[-1] + 1
            return str(a) if a == b else f"{a}–{b}"

        status = {BeadStatus.AUTO: self.tr("automatic"), BeadStatus.CONFIRMED: self.tr("confirmed"),
                  BeadStatus.EDITED: self.tr("made by hand")}[bead.status]
        confirmed_alone = settled(bead, state)       # said in the confirmed colour, without the hint to link it
        colour = link_colour(bead, LinkState.CONFIRMED if confirmed_alone else state, policy.threshold).name()
        where = self.tr("Link %1").replace("%1", str(k + 1)) if link_numbers else \
            self.tr("Link %1 ↔ %2").replace("%1", span(src_pos)).replace("%2", span(tgt_pos))
        parts = [where,
                 f"<span style='color:{colour}; font-weight:600'>{status}</span>"]
        if confirmed_alone:
            parts.append(self.tr("no counterpart (drag the sentence onto its translation to link it after all)"))
            self._shown = " · ".join(parts)
            self.label.setText(self._shown)
            return
        if state is LinkState.UNLINKED:
            # not "automatic" or "made by hand" before it: whichever way it was left unlinked, nobody has said yet
            # that it has no counterpart (an X11 re-test found the two words for the same state confusing)
            unlinked = self.tr("unlinked")
            parts[1] = f"<span style='color:{colour}; font-weight:600'>{unlinked}</span>"
            parts.append(self.tr("drag the sentence onto its translation, or confirm it (Enter) if it has none"))
            self._shown = " · ".join(parts)
            self.label.setText(self._shown)
            return
        if bead.status is BeadStatus.AUTO and not reshaped(bead):
            parts.append(self.tr("confidence %1").replace("%1", confidence_text(bead.confidence, policy.threshold)))
        if reasons:
            parts.append(self.tr("doubtful: %1").replace("%1", self.tr(", ", "list separator").join(
                reason_text(r, policy, bead, doc) for r in reasons)))
        why = evidence_reasons(doc, bead, typical_ratio)
        if why:
            # The list separator is translatable: Chinese joins with a full-width comma.
            parts.append(self.tr("why: %1").replace("%1", self.tr(", ", "list separator").join(why)))
        self._shown = " · ".join(parts)
        self.label.setText(self._shown)

    def show_alternative(self, links: list[tuple[tuple[int, ...], tuple[int, ...]]], key: str, index: int = 0,
                         count: int = 1, next_key: str = "") -> None:
        """Add one of the engine's alternatives for the selected link's region (sentence positions per link):
        the `index`-th of `count`, best first; `next_key` shows the next one."""
        def span(p) -> str:
            if not p:
                return "–"
            return str(p[0] + 1) if len(p) == 1 else f"{p[0] + 1}–{p[-1] + 1}"

        text = ", ".join(f"{span(s)} ↔ {span(t)}" for s, t in links)
        if count > 1:
            said = self.tr("alternative %1 of %2: %3 (%4 accepts it, %5 shows the next)").replace(
                "%1", str(index + 1)).replace("%2", str(count)).replace("%3", text).replace(
                "%4", key).replace("%5", next_key)
        else:
            said = self.tr("alternative: %1 (%2 accepts it)").replace("%1", text).replace("%2", key)
        self.label.setText(self._shown + " · " + said)
