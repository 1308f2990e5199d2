"""What a reader found in a file (units of sentences, statuses, dates) and how it becomes a document.

Chinese always becomes the source side. Links of files without dates (XLIFF has no standard per-unit
date, tables none) are dated when the file is opened. ImportNotes says what the reading changed or left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Iterable

from editor.bitext import document as bitext_document
from editor.bitext.document import (
    MAX_PERSON_LENGTH, AlignmentDocument, Bead, BeadStatus, DocumentMeta, Segment,
)
from editor.errors import EmptyFileError, InputFileError, InvalidEditError, MalformedFileError
from editor.exchange.languages import chinese_script, is_chinese_code
from editor.exchange.layout import split_by_layout
from editor.file_checks import MAX_ALIGNMENT_INPUT_BYTES, check_input_file

_MARKER = re.compile(r"\{/?\d+\}")        # an inline-code marker (editor.exchange.inline)


@dataclass
class ImportNotes:
    """What opening another tool's file changed or left out (the CLI prints it, the editor shows it)."""

    languages: list[str] = field(default_factory=list)      # every language of a TMX, most used first
    src_lang: str | None = None
    tgt_lang: str | None = None
    left_out: dict[str, int] = field(default_factory=dict)   # language -> segments left out
    markers: int = 0                 # inline codes shown as {1}, {/1}
    paired: int = 0                  # of which pairs around text (<g>, <hi>, <pc>), counted once a pair
    line_breaks: int = 0             # inline codes read as a line break
    skipped: dict[str, int] = field(default_factory=dict)    # reason -> units skipped
    ids_not_kept: int = 0            # TMX creationid/changeid values no link can hold (see tmx_person)
    dropped: dict[str, int] = field(default_factory=dict)    # what -> how many were not kept (comments)
    dated: int = 0                   # links whose dates came from the file (TMX creationdate/changedate)
    authored: int = 0                # links whose creationid/changeid came from the file
    statuses_read: int = 0           # units whose status came from a tool's own state (Trados, Phrase, memoQ)

    def messages(self) -> list[str]:
        """Return one English sentence per thing to tell the user."""
        out = []
        if self.left_out:
            langs = ", ".join(f"{lang} ({n} segment{'s' if n != 1 else ''})" for lang, n in self.left_out.items())
            out.append(f"read {self.src_lang} and {self.tgt_lang}; left out {langs}")
        if self.markers:
            pairs = (f", {self.paired} of them around text (<g>, <hi>, <pc>) as a pair {{1}}…{{/1}}"
                     if self.paired else "")
            out.append(f"{self.markers} inline code(s) (tags, placeholders) are shown as markers such as {{1}}"
                       f"{pairs}; TMX and XLIFF exports write them back as codes")
        if self.line_breaks:
            out.append(f"{self.line_breaks} line-break code(s) became line breaks")
        for reason, count in self.skipped.items():
            out.append(f"skipped {count} unit(s): {reason}")
        for what, count in self.dropped.items():
            out.append(f"dropped {count} {what}: Duiqi keeps no comments on links")
        if self.ids_not_kept:
            out.append(f"{self.ids_not_kept} creationid/changeid value(s) were not kept (longer than "
                       f"{MAX_PERSON_LENGTH} characters or holding control characters); those units will "
                       f"carry the exporter's id")
        return out


@dataclass
class Row:
    """One unit of an exchange file: the sentences of each side, with paragraph numbers when known."""

    src: list[tuple[int | None, str]]
    tgt: list[tuple[int | None, str]]
    confidence: float = 1.0
    status: BeadStatus = BeadStatus.AUTO
    created: datetime | None = None     # TMX creationdate/changedate; None: the time of opening the file
    changed: datetime | None = None
    created_by: str | None = None       # TMX creationid/changeid; None: whoever exports
    changed_by: str | None = None
    # each side's inline codes: marker -> (kind, native code[, format, origin]) (editor.exchange.inline)
    src_codes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    tgt_codes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    unit_id: str | None = None          # the unit's id (DocumentMeta.unit_ids), written back while the link is unchanged


@dataclass
class Parsed:
    """Everything a reader found in a file: its units, languages, input files and notes."""

    rows: list[Row] = field(default_factory=list)
    src_lang: str = "zh-CN"
    tgt_lang: str = "en-US"
    src_file: str | None = None
    tgt_file: str | None = None
    presegmented: bool = False
    notes: ImportNotes = field(default_factory=ImportNotes)
    xliff_file: dict[str, str] = field(default_factory=dict)   # DocumentMeta.xliff_file
    unit_ids_format: str | None = None                          # DocumentMeta.unit_ids_format


def side(text: str, layout: str | None, lang: str) -> list[tuple[int | None, str]]:
    """Return one side of a unit as (paragraph, sentence) parts: split by Duiqi's layout when it fits, else
    the text as one sentence; nothing for an empty text."""
    text = text.strip()
    if not text:
        return []
    if layout:
        parts = split_by_layout(text, layout, lang)
        if parts is not None:
            return [(p, t) for p, t in parts]
    return [(None, text)]


def parse_confidence(value: str | None, path: Path, default: float) -> float:
    """Return a confidence read from a file, clamped to 0..1; raises MalformedFileError for one not a number."""
    if value is None or not value.strip():
        return default
    try:
        number = float(value)
    except ValueError:
        raise MalformedFileError(path, f"confidence {value!r} is not a number") from None
    return min(1.0, max(0.0, number))


def parse_status(value: str | None, default: BeadStatus) -> BeadStatus:
    """Return Duiqi's status named by `value` (auto, confirmed, edited), else `default`."""
    try:
        return BeadStatus((value or "").strip().lower())
    except ValueError:
        return default


def build_document(parsed: Parsed, path: Path) -> AlignmentDocument:
    """Turn rows into a document: ids 0..n-1 for the source, then the target; one bead per row."""
    swap = not is_chinese_code(parsed.src_lang) and is_chinese_code(parsed.tgt_lang)
    if not is_chinese_code(parsed.src_lang) and not is_chinese_code(parsed.tgt_lang):
        # The codes do not say (po2xliff writes no target-language): the side with Chinese text is Chinese.
        src_share = han_share(t for r in parsed.rows for _, t in r.src)
        tgt_share = han_share(t for r in parsed.rows for _, t in r.tgt)
        if max(src_share, tgt_share) > 0.3:
            swap = tgt_share > src_share
            texts = "".join(t for r in parsed.rows for _, t in (r.tgt if swap else r.src))
            chinese = "zh-TW" if detect_script(texts) == "traditional" else "zh-CN"
            if swap:
                parsed.tgt_lang = chinese
            else:
                parsed.src_lang = chinese
    if swap:
        parsed.src_lang, parsed.tgt_lang = parsed.tgt_lang, parsed.src_lang
        parsed.src_file, parsed.tgt_file = parsed.tgt_file, parsed.src_file
        for row in parsed.rows:
            row.src, row.tgt = row.tgt, row.src
            row.src_codes, row.tgt_codes = row.tgt_codes, row.src_codes
    rows = [r for r in parsed.rows if r.src or r.tgt]
    if not rows:
        raise EmptyFileError(path, "the file holds no aligned text")
    n_src = sum(len(r.src) for r in rows)
    src: list[Segment] = []
    tgt: list[Segment] = []
    beads: list[Bead] = []
    paragraph = {"src": 0, "tgt": 0}
    opened = bitext_document.clock()          # the date of links the file gives none
    inline_codes: dict[str, dict[str, list[str]]] = {}
    inline_origins: dict[str, dict[str, list[str]]] = {}
    unit_ids: dict[str, str] = {}
    used_ids: set[str] = set()
    for row in rows:
        ids: dict[str, list[int]] = {"src": [], "tgt": []}
        for name, parts, out, base, codes in (("src", row.src, src, 0, row.src_codes),
                                              ("tgt", row.tgt, tgt, n_src, row.tgt_codes)):
            for para, text in parts:
                if para is not None:
                    paragraph[name] = para
                segment = Segment(base + len(out), text, paragraph[name])
                out.append(segment)
                found = {m: codes[m] for m in _MARKER.findall(text) if m in codes}
                if found:
                    inline_codes[str(segment.id)] = {m: list(code[:2]) for m, code in found.items()}
                    origins = {m: list(code[2:]) for m, code in found.items() if len(code) == 4}
                    if origins:
                        inline_origins[str(segment.id)] = origins
                ids[name].append(segment.id)
        created, changed = row.created, row.changed
        parsed.notes.dated += created is not None or changed is not None
        parsed.notes.authored += row.created_by is not None or row.changed_by is not None
        if created is None and changed is None:
            created = changed = opened
        beads.append(Bead(tuple(ids["src"]), tuple(ids["tgt"]), row.confidence, row.status, created, changed,
                          row.created_by, row.changed_by))
        if row.unit_id is not None and row.unit_id not in used_ids:     # not an id repeated in another <file>
            unit_ids[unit_key(beads[-1].src, beads[-1].tgt)] = row.unit_id
            used_ids.add(row.unit_id)
    meta = DocumentMeta(src_lang=parsed.src_lang, tgt_lang=parsed.tgt_lang, src_file=parsed.src_file,
                        tgt_file=parsed.tgt_file, chinese_script=chinese_script(parsed.src_lang),
                        presegmented=parsed.presegmented, inline_codes=inline_codes, inline_origins=inline_origins,
                        xliff_file=dict(parsed.xliff_file), unit_ids=unit_ids,
                        unit_ids_format=parsed.unit_ids_format if unit_ids else None)
    doc = AlignmentDocument(src, tgt, beads, meta)
    try:
        doc.check()
    except InvalidEditError as exc:       # cannot happen with rows built above; guards future edits
        raise MalformedFileError(path, f"inconsistent alignment ({exc})") from exc
    return doc


def unit_key(src: tuple[int, ...], tgt: tuple[int, ...]) -> str:
    """Return the key of a link's sentences in DocumentMeta.unit_ids: its segment ids, `0 1 5` (ids are unique
    across both sides, so the source and target need no separator)."""
    return " ".join(map(str, (*src, *tgt)))


def han_share(texts: Iterable[str]) -> float:
    """Return the share of Han characters among the letters of the texts."""
    text = "".join(texts)
    han = sum(1 for ch in text if "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or ch >= "\U00020000")
    letters = sum(1 for ch in text if ch.isalpha())
    return han / letters if letters else 0.0


def detect_script(text: str) -> str:
    """Return "traditional" or "simplified" for a Chinese text."""
    from editor.importing.script import detect_chinese_script
    return detect_chinese_script(text)


def read_bytes(path: Path) -> bytes:
    """Return an alignment file's bytes, refusing one over the size limit; raises InputFileError."""
    check_input_file(path, MAX_ALIGNMENT_INPUT_BYTES)
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputFileError(f"cannot read the file ({exc.strerror})", path=path) from None
