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


def srt_records(text: str, path: Path) -> list[Paragraph]:
    """Return one record per cue line group: a cue's text (its lines joined), or, when a cue holds both
    Chinese and English lines, one record per language with the cue's row and time.

    Raises MalformedFileError naming the file and the cue when the file is not SubRip.
    """
    import srt

    from editor.importing.same_line import same_line_pair, script_of

    try:
        cues = list(srt.parse(text, ignore_errors=False))
    except (srt.SRTParseError, ValueError) as exc:
        start = getattr(exc, "expected_start", None)
        line = text.count("\n", 0, start) + 1 if isinstance(start, int) else None
        raise MalformedFileError(path, "not a SubRip subtitle file (expected numbered cues with "
                                       "00:00:01,000 --> 00:00:02,000 timings)", line) from None
    out: list[Paragraph] = []
    for cue in cues:
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
