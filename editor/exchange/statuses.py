"""Other tools' review states as Duiqi statuses: XLIFF state/approved, memoQ, Trados (SDL) and Phrase.

Each maps to (status, confidence): a person confirmed the unit (CONFIRMED, 1.0), it needs a look (AUTO,
0.0, so the review list shows it as doubtful), or it is an ordinary translation (AUTO, 1.0).
"""

from __future__ import annotations

from editor.bitext.document import BeadStatus

CONFIRMED = (BeadStatus.CONFIRMED, 1.0)
DOUBTFUL = (BeadStatus.AUTO, 0.0)
TRANSLATED = (BeadStatus.AUTO, 1.0)

# memoQ's mq:status.
MEMOQ_CONFIRMED = {"manuallyconfirmed", "reviewer1confirmed", "reviewer2confirmed", "proofread"}
MEMOQ_DOUBTFUL = {"notstarted", "editing", "partiallyedited", "rejected", "machinetranslationsuggested",
                  "fragmentassembled", "assembledfromfragments"}
# Trados: SDLXLIFF conf and the TMX prop x-ConfirmationLevel.
SDL_CONFIRMED = {"translated", "approvedtranslation", "approvedsignoff"}
SDL_DOUBTFUL = {"draft", "rejectedtranslation", "rejectedsignoff", "unspecified", "notspecified"}


def from_xliff_state(state: str | None, approved: bool) -> tuple[BeadStatus, float]:
    """Return the status an XLIFF 1.2/2.0 `state` (and 1.2 `approved="yes"`) stands for."""
    state = (state or "").lower()
    if approved or state in ("final", "signed-off", "reviewed"):
        return CONFIRMED
    if state.startswith("needs-review") or state in ("initial", "new", "needs-translation"):
        return DOUBTFUL
    return TRANSLATED


def from_tool(value: str | None, confirmed: set[str], doubtful: set[str]) -> tuple[BeadStatus, float] | None:
    """Return the status a tool's own state name stands for (case-insensitive), or None for one not known."""
    value = (value or "").strip().lower()
    if value in confirmed:
        return CONFIRMED
    if value in doubtful:
        return DOUBTFUL
    return None


def from_phrase(confirmed: str | None, has_target: bool) -> tuple[BeadStatus, float] | None:
    """Return the status Phrase's `m:confirmed` stands for: "1" confirmed; "0" with a translation doubtful
    (not yet confirmed by a person); None when the attribute is absent."""
    if confirmed is None:
        return None
    if confirmed.strip() in ("1", "true"):
        return CONFIRMED
    return DOUBTFUL if has_target else None
