"""SubRip (.srt) subtitles as paragraph records, read with the `srt` package: one cue, one segment.

Each cue keeps its timing (two subtitle files are anchored cue group by cue group) and is a row of its own
(a bilingual file's Chinese and English lines of one cue are a fixed pair).
"""

from __future__ import annotations

import re
from pathlib import Path

from editor.errors import MalformedFileError
from editor.importing.records import Paragraph
from editor.importing.table import new_row_number
from editor.importing.txt import join_wrapped

_MARKUP = re.compile(r"<[^>]{1,200}>|\{\\[^}]{0,200}\}")      # <i>, <font …>, {\an8}
_TIME = r"\d+:\d+:\d+(?:[,.:]\d+)?"
#: a timing line; either time may be negative (a file shifted earlier than its start by a subtitle tool)
_TIMING = re.compile(rf"^([ \t]*)(-?)({_TIME})([ \t]*-->[ \t]*)(-?)({_TIME})", re.MULTILINE)
_TIMING_ANYWHERE = re.compile(rf"-?{_TIME}\s*-->\s*-?{_TIME}")


def _without_negative_times(text: str) -> tuple[str, list[tuple[bool, bool]]]:
    """Return the text with the minus signs of negative times removed (the `srt` package's pattern has none)
    and, for each timing line in order, whether its start and end were negative."""
    signs: list[tuple[bool, bool]] = []

    def unsign(match: re.Match[str]) -> str:
        signs.append((bool(match.group(2)), bool(match.group(5))))
        return match.group(1) + match.group(3) + match.group(4) + match.group(6)

    return _TIMING.sub(unsign, text), signs


def srt_records(text: str, path: Path) -> list[Paragraph]:
    """Return one record per cue line group: a cue's text (its lines joined), or, when a cue holds both
    Chinese and English lines, one record per language with the cue's row and time.

    Raises MalformedFileError naming the file and the cue when the file is not SubRip.
    """
    import srt

    from editor.importing.same_line import same_line_pair, script_of

    text, signs = _without_negative_times(text)
    try:
        cues = list(srt.parse(text, ignore_errors=False))
    except (srt.SRTParseError, ValueError) as exc:
        start = getattr(exc, "expected_start", None)
        line = text.count("\n", 0, start) + 1 if isinstance(start, int) else None
        raise MalformedFileError(path, "not a SubRip subtitle file (expected numbered cues with "
                                       "00:00:01,000 --> 00:00:02,000 timings)", line) from None
    if any(any(pair) for pair in signs) and len(signs) == len(cues):
        for cue, (negative_start, negative_end) in zip(cues, signs):
            cue.start = -cue.start if negative_start else cue.start
            cue.end = -cue.end if negative_end else cue.end
    out: list[Paragraph] = []
    for cue in cues:
        if _TIMING_ANYWHERE.search(cue.content):      # never read a timing line as subtitle text
            line = text.count("\n", 0, text.find(cue.content)) + 1 if cue.content in text else None
            raise MalformedFileError(path, f"cue {cue.index} holds a second timing line; is a blank line "
                                           "or a cue number missing?", line)
        lines = []
        for line in (ln.strip() for ln in _MARKUP.sub("", cue.content).splitlines()):
            pair = same_line_pair(line) if line else None
            lines.extend(pair if pair else [line] if line else [])     # 你好 Hello on one line of a cue
        if not lines:
            continue
        time = (cue.start.total_seconds(), cue.end.total_seconds())
        row = new_row_number()
        languages = [script_of(ln) for ln in lines]
        if "zh" in languages and "en" in languages:
            for lang in ("zh", "en"):
                chosen = [ln for ln, got in zip(lines, languages) if got == lang]
                out.append(Paragraph(join_wrapped(chosen), row=row, lang=lang, whole=True, time=time))
        else:
            out.append(Paragraph(join_wrapped(lines), row=row, whole=True, time=time))
    return out
