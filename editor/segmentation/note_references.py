"""Footnote references at a sentence's end ("问题。①", "problem.[1]"): they stay with the sentence they annotate."""

from __future__ import annotations

import re

#: a footnote reference glued to the end of a sentence ("问题。①", "问题。[1]", "问题。（注1）", "problem.¹"); a circled
#: number only before the end, a space or punctuation, as "。②改善…" numbers the next list item
#: (editor.importing.note_marks tells the shapes apart for the clean-up and review; this is only where to cut)
NOTE_MARK = ("(?:[\\[［][0-9０-９]{1,3}[\\]］]|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}|[（(]注\\s?(?:[0-9０-９]{1,3}|[①-⑳])[）)]"
             "|[①-⑳](?=[\\s。！？!?，,；;：:、.）)”’」』》\"']|\\Z))")
#: a paragraph's last piece that is only such a mark, after spaces ("问题。 ①", "problem. [1]")
_LONE_NOTE_MARK = re.compile(rf"\s*{NOTE_MARK}\s*")


def attach_trailing_mark(sentences: list[str], rest: str) -> list[str]:
    """Return `sentences` plus `rest` (the paragraph's text after the last boundary), stripped, none empty; `rest`
    joins the last sentence when it is only a footnote reference (an X11 re-test: "……问题。①" made "①" a sentence
    of its own, shown unlinked)."""
    if sentences and _LONE_NOTE_MARK.fullmatch(rest):
        sentences[-1] += rest
    else:
        sentences.append(rest)
    return [s.strip() for s in sentences if s.strip()]
