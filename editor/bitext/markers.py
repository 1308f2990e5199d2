"""Inline-code markers in sentences ({1}, {/1}: another tool's codes, editor.exchange.inline): which ones a
link's two sides disagree on, and the ones an edit left half-deleted.

Only markers the document records as codes (DocumentMeta.inline_codes) count: a "{1}" in a plain text is text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:
    from editor.bitext.document import AlignmentDocument, Bead

MARKER = re.compile(r"\{/?\d+\}")


def partner(marker: str) -> str:
    """Return the other half of a paired marker: `{1}` -> `{/1}`, `{/1}` -> `{1}`."""
    return "{" + marker[2:] if marker.startswith("{/") else "{/" + marker[1:]


@dataclass(frozen=True)
class CodeMismatch:
    """The code markers one side of a link lacks: each in the order the other side (or its partner) has it."""

    missing_src: tuple[str, ...] = ()       # not in the Chinese
    missing_tgt: tuple[str, ...] = ()       # not in the English

    def __bool__(self) -> bool:
        return bool(self.missing_src or self.missing_tgt)


def recorded_markers(doc: "AlignmentDocument", ids: Iterable[int]) -> set[str]:
    """Return the markers recorded as codes for these sentences."""
    codes = doc.meta.inline_codes
    return {m for i in ids for m in codes.get(str(i), ())} if codes else set()


def code_mismatch(doc: "AlignmentDocument", bead: "Bead") -> CodeMismatch:
    """Return which code markers a linked bead's sides disagree on: a marker one side has more often than the
    other (a code missing, or an extra copy), or the half of a pair missing on a side that has the other half
    (an edit deleted "{/1}"). Empty for a link of sentences without codes or a 1-0/0-1 bead."""
    if not (bead.src and bead.tgt and doc.meta.inline_codes):
        return CodeMismatch()
    known = recorded_markers(doc, (*bead.src, *bead.tgt))
    if not known:
        return CodeMismatch()
    sides = [Counter(m for i in ids for m in MARKER.findall(doc.segment(i).text) if m in known)
             for ids in (bead.src, bead.tgt)]
    missing: list[list[str]] = [[], []]
    for k, (own, other) in enumerate(((sides[0], sides[1]), (sides[1], sides[0]))):
        for marker in other:
            if own[marker] < other[marker] and marker not in missing[k]:
                missing[k].append(marker)
        for marker in own:
            half = partner(marker)
            if half in known and not own[half] and half not in missing[k]:
                missing[k].append(half)
    return CodeMismatch(tuple(missing[0]), tuple(missing[1]))


# A marker with its opening or closing brace gone: "{5" (not followed by a digit or "}") or "5}" (not preceded
# by "{", "/" or a digit).
def _broken(marker: str) -> re.Pattern[str]:
    inner = re.escape(marker[1:-1])
    return re.compile(r"\{" + inner + r"(?![\d}])|(?<![{/\d])" + inner + r"\}")


def restore_markers(old: str, new: str, codes: Iterable[str]) -> tuple[str, list[str]]:
    """Return `new` with every code marker of `old` that the edit left half-deleted (its brace gone: "{5." for
    "{5}.", "/1}" for "{/1}") made whole again, and the markers restored. A marker deleted whole stays deleted."""
    text, restored, _ = restore_markers_at(old, new, codes, 0)
    return text, restored


def restore_markers_at(old: str, new: str, codes: Iterable[str], position: int) -> tuple[str, list[str], int]:
    """Return restore_markers(old, new, codes) and `position` (a cursor in `new`) moved with the text: past a
    marker made whole before it, to the end of one it was inside (Ctrl+K split one character before the cursor
    after "{4" was restored ahead of it; an X11 audit)."""
    codes = set(codes)
    before = Counter(m for m in MARKER.findall(old) if m in codes)
    after = Counter(m for m in MARKER.findall(new) if m in codes)
    restored = []
    for marker, count in before.items():
        for _ in range(count - after[marker]):
            match = _broken(marker).search(new)
            if match is None:
                break
            start, end = match.span()
            new = new[:start] + marker + new[end:]
            if position >= end:
                position += len(marker) - (end - start)
            elif position > start:
                position = start + len(marker)
            restored.append(marker)
    return new, restored, position


def marker_span(text: str, position: int, codes: Iterable[str], *, before: bool) -> tuple[int, int] | None:
    """Return the (start, end) of the code marker that Backspace (`before`) or Delete at `position` would cut
    into, so it goes whole: one that ends at the cursor or holds it (Backspace), or starts at or holds it
    (Delete); None when there is none."""
    codes = set(codes)
    for match in MARKER.finditer(text):
        if match.group() not in codes:
            continue
        start, end = match.span()
        if (start < position <= end) if before else (start <= position < end):
            return start, end
    return None
