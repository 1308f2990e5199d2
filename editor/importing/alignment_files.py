"""Opening finished alignments as documents: .duiqi, TMX, XLIFF 1.2/2.0, TSV, XLSX and Duiqi's .json.

Files written by Duiqi come back exactly (sentences, links, statuses, confidences, paragraphs) thanks to
the `x-duiqi` layout data the exporters store (TSV/XLSX: the zh_layout/en_layout columns). Other tools'
files open with one sentence per side and unit (SDLXLIFF and XLIFF 2 segments each their own), statuses
taken from their review states (XLIFF state, memoQ mq:status, SDL conf). Chinese always becomes the
source side. A TMX tu's creationdate and changedate (whichever tool wrote them) become its link's
creation and change times, so exporting again writes the same dates; links of files without dates
(XLIFF has no standard per-unit date, tables none) are dated when the file is opened. Its creationid and
changeid likewise become who created and last changed the link (one of them alone stands for both, as
one date alone does); exporting again writes them back for the links not edited since.

What other tools' files need and get:
- language codes: zh, zh-Hans, zh-Hant, ZH-CN, zho, chi and cmn are Chinese (ja is not); en, en-GB and
  eng are English. A TMX with more languages gives Chinese and English (or the pair asked for), and
  ImportNotes says what was left out.
- inline codes: a line-break code (`<ph type="lb"/>`, `<x ctype="lb"/>`, XLIFF 2 `subType="xlf:lb"`)
  is a line break; every other code keeps a visible marker: `{1}` for a placeholder, `{1}`…`{/1}` for
  a paired code, numbered by the code's id. ImportNotes counts them.
- units that are not text to align are skipped and counted: `translate="no"` (except Duiqi's own 0-1
  units) and the PO header of a po2xliff file.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable

from lxml import etree

from editor.bitext import document as bitext_document
from editor.bitext.document import (
    MAX_PERSON_LENGTH, AlignmentDocument, Bead, BeadStatus, DocumentMeta, Segment, person_id,
)
from editor.bitext.project import PROJECT_SUFFIX, document_from_dict, load_project, parse_json
from editor.file_checks import MAX_ALIGNMENT_INPUT_BYTES, check_input_file
from editor.text_safety import first_lone_surrogate
from editor.errors import EmptyFileError, InputFileError, InvalidEditError, MalformedFileError, UnsupportedFormatError
from editor.exporting.entries import split_by_layout
from editor.exporting.xml_text import XML_LANG, canonical_lang, is_chinese_code, is_english_code, primary_subtag
from editor.importing.safe_xml import parse_untrusted_xml

ALIGNMENT_SUFFIXES = (PROJECT_SUFFIX, ".tmx", ".xlf", ".xliff", ".sdlxliff", ".mqxliff", ".tsv", ".csv",
                      ".xlsx", ".json")

# Inline elements whose content is text, shown without a marker (formatting spans and annotations).
_TEXT_CONTAINERS = {"hi", "g", "mrk", "sm"}
_TRADITIONAL_TAGS = ("zh-tw", "zh-hk", "zh-mo", "zh-hant")
_LINE_BREAKS = {"lb", "x-lb", "xlf:lb", "x-newline", "linebreak", "x-linebreak"}
MQ_NS = "MQXliff"
SDL_NS = "http://sdl.com/FileTypes/SdlXliff/1.0"
_PO_HEADER = "x-gettext-domain-header"
_NATIVE_BREAK = re.compile(r"^\s*(<br\s*/?>|\\n|\n|\r\n|&#10;)\s*$", re.IGNORECASE)  # a placeholder's code


@dataclass
class ImportNotes:
    """What opening another tool's file changed or left out (the CLI prints it, the editor shows it)."""

    languages: list[str] = field(default_factory=list)      # every language of a TMX, most used first
    src_lang: str | None = None
    tgt_lang: str | None = None
    left_out: dict[str, int] = field(default_factory=dict)   # language -> segments left out
    markers: int = 0                 # inline codes shown as {1}, {/1}
    line_breaks: int = 0             # inline codes read as a line break
    skipped: dict[str, int] = field(default_factory=dict)    # reason -> units skipped
    ids_not_kept: int = 0            # TMX creationid/changeid values no link can hold (see tmx_person)

    def messages(self) -> list[str]:
        """Return one English sentence per thing to tell the user."""
        out = []
        if self.left_out:
            langs = ", ".join(f"{lang} ({n} segment{'s' if n != 1 else ''})" for lang, n in self.left_out.items())
            out.append(f"read {self.src_lang} and {self.tgt_lang}; left out {langs}")
        if self.markers:
            out.append(f"{self.markers} inline code(s) (tags, placeholders) are shown as markers such as {{1}}; "
                       f"their formatting is not kept")
        if self.line_breaks:
            out.append(f"{self.line_breaks} line-break code(s) became line breaks")
        for reason, count in self.skipped.items():
            out.append(f"skipped {count} unit(s): {reason}")
        if self.ids_not_kept:
            out.append(f"{self.ids_not_kept} creationid/changeid value(s) were not kept (longer than "
                       f"{MAX_PERSON_LENGTH} characters or holding control characters); those units will "
                       f"carry the exporter's id")
        return out


class _Inline:
    """Reads the text of a seg/source/target, turning inline codes into markers and counting them."""

    def __init__(self, notes: ImportNotes, data: dict[str, str] | None = None) -> None:
        self.notes = notes
        self.data = data or {}           # XLIFF 2 originalData: the native code each dataRef stands for
        self._auto = 0

    def _id(self, element: etree._Element, *names: str) -> str:
        for name in names:
            value = (element.get(name) or "").strip()
            if value.isdigit():
                return value
        self._auto += 1
        return f"x{self._auto}"

    def _code(self, element: etree._Element) -> str:
        name = _local(element.tag)
        kinds = {(element.get(a) or "").lower() for a in ("type", "ctype", "subType", "subtype")}
        native = self.data.get(element.get("dataRef") or "", "".join(element.itertext()))
        if name in ("ph", "x") and (kinds & _LINE_BREAKS or _NATIVE_BREAK.match(native)):
            self.notes.line_breaks += 1
            return "\n"
        self.notes.markers += 1
        if name in ("bpt", "bx", "sc"):
            return "{" + self._id(element, "i", "id", "rid") + "}"
        if name in ("ept", "ex", "ec"):
            return "{/" + self._id(element, "i", "rid", "startRef", "id") + "}"
        if name == "it":
            code = self._id(element, "x", "i", "id")
            return "{/" + code + "}" if element.get("pos") == "end" else "{" + code + "}"
        return "{" + self._id(element, "x", "id", "i") + "}"

    def text(self, element: etree._Element | None) -> str:
        """Return the element's text with codes as markers (or line breaks); None gives ""."""
        if element is None:
            return ""
        parts = [element.text or ""]
        for child in element:
            name = _local(child.tag)
            if not isinstance(child.tag, str):
                pass                                  # a comment or processing instruction
            elif name in _TEXT_CONTAINERS:
                parts.append(self.text(child))
            elif name == "pc":                        # XLIFF 2 paired code around text
                code = self._id(child, "id")
                if {(child.get(a) or "").lower() for a in ("type", "subType")} & _LINE_BREAKS:
                    self.notes.line_breaks += 1
                    parts.append(self.text(child) + "\n")
                else:
                    self.notes.markers += 2
                    parts.append("{" + code + "}" + self.text(child) + "{/" + code + "}")
            elif name == "cp":                        # XLIFF 2 code point (a character XML forbids)
                try:
                    parts.append(chr(int(child.get("hex") or "", 16)))
                except ValueError:
                    pass
            elif name in ("em", "sub"):
                pass                                  # end of an annotation; sub lives only inside codes
            else:
                parts.append(self._code(child))
            parts.append(child.tail or "")
        return "".join(parts)


@dataclass
class _Row:
    """One unit of an exchange file: the sentences of each side, with paragraph numbers when known."""

    src: list[tuple[int | None, str]]
    tgt: list[tuple[int | None, str]]
    confidence: float = 1.0
    status: BeadStatus = BeadStatus.AUTO
    created: datetime | None = None     # TMX creationdate/changedate; None: the time of opening the file
    changed: datetime | None = None
    created_by: str | None = None       # TMX creationid/changeid; None: whoever exports
    changed_by: str | None = None


@dataclass
class _Parsed:
    rows: list[_Row] = field(default_factory=list)
    src_lang: str = "zh-CN"
    tgt_lang: str = "en-US"
    src_file: str | None = None
    tgt_file: str | None = None
    presegmented: bool = False
    notes: ImportNotes = field(default_factory=ImportNotes)


# -- shared helpers -----------------------------------------------------------------------------


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def inline_text(element: etree._Element | None) -> str:
    """Return the text of a seg/source/target with inline codes shown as markers ({1}, {/1}) and
    line-break codes as line breaks."""
    return _Inline(ImportNotes()).text(element)


@lru_cache(maxsize=256)
def _normalized_lang(code: str | None, default: str) -> str:
    if not code or code == "*all*":
        return default
    try:
        return canonical_lang(code)
    except ValueError:
        return code


def _side(text: str, layout: str | None, lang: str) -> list[tuple[int | None, str]]:
    text = text.strip()
    if not text:
        return []
    if layout:
        parts = split_by_layout(text, layout, lang)
        if parts is not None:
            return [(p, t) for p, t in parts]
    return [(None, text)]


def _confidence(value: str | None, path: Path, default: float) -> float:
    if value is None or not value.strip():
        return default
    try:
        number = float(value)
    except ValueError:
        raise MalformedFileError(path, f"confidence {value!r} is not a number") from None
    return min(1.0, max(0.0, number))


def _status(value: str | None, default: BeadStatus) -> BeadStatus:
    try:
        return BeadStatus((value or "").strip().lower())
    except ValueError:
        return default


def _script(lang: str) -> str:
    return "traditional" if lang.lower().startswith(_TRADITIONAL_TAGS) else "simplified"


def _build(parsed: _Parsed, path: Path) -> AlignmentDocument:
    """Turn rows into a document: ids 0..n-1 for the source, then the target; one bead per row."""
    swap = not is_chinese_code(parsed.src_lang) and is_chinese_code(parsed.tgt_lang)
    if not is_chinese_code(parsed.src_lang) and not is_chinese_code(parsed.tgt_lang):
        # The codes do not say (po2xliff writes no target-language): the side with Chinese text is Chinese.
        src_share = _han_share(t for r in parsed.rows for _, t in r.src)
        tgt_share = _han_share(t for r in parsed.rows for _, t in r.tgt)
        if max(src_share, tgt_share) > 0.3:
            swap = tgt_share > src_share
            texts = "".join(t for r in parsed.rows for _, t in (r.tgt if swap else r.src))
            chinese = "zh-TW" if _detect_script(texts) == "traditional" else "zh-CN"
            if swap:
                parsed.tgt_lang = chinese
            else:
                parsed.src_lang = chinese
    if swap:
        parsed.src_lang, parsed.tgt_lang = parsed.tgt_lang, parsed.src_lang
        parsed.src_file, parsed.tgt_file = parsed.tgt_file, parsed.src_file
        for row in parsed.rows:
            row.src, row.tgt = row.tgt, row.src
    rows = [r for r in parsed.rows if r.src or r.tgt]
    if not rows:
        raise EmptyFileError(path, "the file holds no aligned text")
    n_src = sum(len(r.src) for r in rows)
    src: list[Segment] = []
    tgt: list[Segment] = []
    beads: list[Bead] = []
    paragraph = {"src": 0, "tgt": 0}
    opened = bitext_document.clock()          # the date of links the file gives none
    for row in rows:
        ids: dict[str, list[int]] = {"src": [], "tgt": []}
        for name, parts, out, base in (("src", row.src, src, 0), ("tgt", row.tgt, tgt, n_src)):
            for para, text in parts:
                if para is not None:
                    paragraph[name] = para
                segment = Segment(base + len(out), text, paragraph[name])
                out.append(segment)
                ids[name].append(segment.id)
        created, changed = row.created, row.changed
        if created is None and changed is None:
            created = changed = opened
        beads.append(Bead(tuple(ids["src"]), tuple(ids["tgt"]), row.confidence, row.status, created, changed,
                          row.created_by, row.changed_by))
    meta = DocumentMeta(src_lang=parsed.src_lang, tgt_lang=parsed.tgt_lang, src_file=parsed.src_file,
                        tgt_file=parsed.tgt_file, chinese_script=_script(parsed.src_lang),
                        presegmented=parsed.presegmented)
    doc = AlignmentDocument(src, tgt, beads, meta)
    try:
        doc.check()
    except InvalidEditError as exc:       # cannot happen with rows built above; guards future edits
        raise MalformedFileError(path, f"inconsistent alignment ({exc})") from exc
    return doc


# -- TMX ----------------------------------------------------------------------------------------


def _tmx_lang(tuv: etree._Element) -> str:
    return tuv.get(XML_LANG) or tuv.get("lang") or ""


def _props(element: etree._Element) -> dict[str, str]:
    return {p.get("type", ""): (p.text or "") for p in element if _local(p.tag) == "prop"}


_TMX_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z")


@lru_cache(maxsize=1024)
def tmx_time(value: str | None) -> datetime | None:
    """Return a TMX date (`20260102T030405Z`, UTC) as a time; None for a missing or malformed one."""
    match = _TMX_DATE.fullmatch((value or "").strip())
    if match is None:
        return None
    try:
        return datetime(*map(int, match.groups()), tzinfo=timezone.utc)
    except ValueError:          # month 13, second 61 …
        return None


def tmx_person(value: str | None, notes: ImportNotes | None = None) -> str | None:
    """Return a TMX creationid/changeid as a link keeps it: whitespace stripped (and runs of it inside made
    one space), None for a missing or empty one. One no link can hold (longer than MAX_PERSON_LENGTH,
    or with control characters) is not kept either, and counted in `notes.ids_not_kept`."""
    if value is None:
        return None
    try:
        return person_id(" ".join(value.split()))
    except ValueError:
        if notes is not None:
            notes.ids_not_kept += 1
        return None


def _same_lang(a: str, b: str) -> bool:
    return _normalized_lang(a, "").lower() == _normalized_lang(b, "").lower()


def _pick(tuvs: list[etree._Element], lang: str) -> etree._Element | None:
    for tuv in tuvs:
        if _same_lang(_tmx_lang(tuv), lang):
            return tuv
    for tuv in tuvs:
        if primary_subtag(_tmx_lang(tuv)) == primary_subtag(lang):
            return tuv
    return None


def _choose(wanted: str | None, ordered: list[str], fits: Callable[[str], bool], path: Path,
            side: str, every: list[str]) -> str | None:
    """Return the file's language that `wanted` names (exactly, else by primary subtag), or else the most
    used language that `fits`; raises InputFileError when `wanted` is not in the file."""
    if wanted:
        for lang in ordered:
            if _same_lang(lang, wanted):
                return lang
        for lang in ordered:
            if primary_subtag(lang) == primary_subtag(wanted):
                return lang
        raise InputFileError(f"the file has no {side} language {wanted!r} (it has {', '.join(every)})",
                             path=path)
    return next((lang for lang in ordered if fits(lang)), None)


def tmx_languages(path: Path | str) -> list[str]:
    """Return the languages of a TMX file's segments, most used first (to offer a choice when there
    are more than two). Raises InputFileError subclasses."""
    path = Path(path)
    root = parse_untrusted_xml(_read_bytes(path), path)
    return _tmx_language_list(root) if _local(root.tag) == "tmx" else []


def _tmx_language_list(root: etree._Element) -> list[str]:
    counts = Counter(_normalized_lang(_tmx_lang(tuv), "") for tu in root.iter("tu") for tuv in tu.findall("tuv"))
    counts.pop("", None)
    return [lang for lang, _ in counts.most_common()]


def _read_tmx(root: etree._Element, path: Path, src_wanted: str | None, tgt_wanted: str | None) -> _Parsed:
    header = root.find("header")
    srclang = _normalized_lang(header.get("srclang") if header is not None else None, "")
    tus = list(root.iter("tu"))
    ordered = _tmx_language_list(root)
    if not ordered:
        raise EmptyFileError(path, "the TMX file holds no translation units with a language")
    # Chinese is the source side and English the target; without one of them, the header's srclang
    # and then the most used other language stand in.
    src_lang = _choose(src_wanted, ordered, is_chinese_code, path, "source", ordered)
    tgt_lang = _choose(tgt_wanted, [lang for lang in ordered if lang != src_lang], is_english_code, path,
                       "target", ordered)
    if src_lang is None:
        src_lang = next((lang for lang in ordered if lang == srclang and lang != tgt_lang),
                        next((lang for lang in ordered if lang != tgt_lang), ordered[0]))
    if tgt_lang is None:
        others = [lang for lang in ordered if primary_subtag(lang) != primary_subtag(src_lang)]
        tgt_lang = others[0] if others else next((lang for lang in ordered if lang != src_lang), "en-US")
    props = _props(header) if header is not None else {}
    from editor.exporting.tmx import (PROP_CONFIDENCE, PROP_LAYOUT, PROP_PRESEGMENTED, PROP_SOURCE_FILE,
                                      PROP_STATUS, PROP_TARGET_FILE)
    parsed = _Parsed(src_lang=src_lang, tgt_lang=tgt_lang,
                     presegmented=props.get(PROP_PRESEGMENTED) == "yes"
                     or (header is not None and header.get("segtype") == "paragraph"))
    notes = parsed.notes
    notes.languages, notes.src_lang, notes.tgt_lang = ordered, src_lang, tgt_lang
    for tu in tus:
        tuvs = tu.findall("tuv")
        src_tuv = _pick(tuvs, src_lang)
        tgt_tuv = _pick([t for t in tuvs if t is not src_tuv], tgt_lang)
        for tuv in tuvs:
            if tuv is not src_tuv and tuv is not tgt_tuv and inline_text(tuv.find("seg")).strip():
                lang = _normalized_lang(_tmx_lang(tuv), "?")
                notes.left_out[lang] = notes.left_out.get(lang, 0) + 1
        props = _props(tu)
        parsed.src_file = parsed.src_file or props.get(PROP_SOURCE_FILE)
        parsed.tgt_file = parsed.tgt_file or props.get(PROP_TARGET_FILE)
        created_by, changed_by = tmx_person(tu.get("creationid"), notes), tmx_person(tu.get("changeid"), notes)
        row = _Row([], [], _confidence(props.get(PROP_CONFIDENCE), path, 1.0),
                   _status(props.get(PROP_STATUS), BeadStatus.AUTO),
                   tmx_time(tu.get("creationdate")), tmx_time(tu.get("changedate")),
                   created_by or changed_by, changed_by or created_by)
        inline = _Inline(notes)
        for tuv, lang, attr in ((src_tuv, src_lang, "src"), (tgt_tuv, tgt_lang, "tgt")):
            if tuv is not None:
                setattr(row, attr, _side(inline.text(tuv.find("seg")), _props(tuv).get(PROP_LAYOUT), lang))
        parsed.rows.append(row)
    return parsed


# -- XLIFF --------------------------------------------------------------------------------------


def _children(element: etree._Element, name: str) -> list[etree._Element]:
    return [c for c in element if _local(c.tag) == name]


def _child(element: etree._Element, name: str) -> etree._Element | None:
    found = _children(element, name)
    return found[0] if found else None


def _status_from_state(state: str | None, approved: bool) -> tuple[BeadStatus, float]:
    state = (state or "").lower()
    if approved or state in ("final", "signed-off", "reviewed"):
        return BeadStatus.CONFIRMED, 1.0
    if state.startswith("needs-review") or state in ("initial", "new", "needs-translation"):
        return BeadStatus.AUTO, 0.0
    return BeadStatus.AUTO, 1.0


# memoQ's mq:status and SDL's conf: a person confirmed the segment, or it needs a look.
_MEMOQ_CONFIRMED = {"manuallyconfirmed", "reviewer1confirmed", "reviewer2confirmed", "proofread"}
_MEMOQ_DOUBTFUL = {"notstarted", "editing", "partiallyedited", "rejected", "machinetranslationsuggested",
                   "fragmentassembled", "assembledfromfragments"}
_SDL_CONFIRMED = {"translated", "approvedtranslation", "approvedsignoff"}
_SDL_DOUBTFUL = {"draft", "rejectedtranslation", "rejectedsignoff", "unspecified"}


def _tool_status(value: str | None, confirmed: set[str], doubtful: set[str]) -> tuple[BeadStatus, float] | None:
    value = (value or "").strip().lower()
    if value in confirmed:
        return BeadStatus.CONFIRMED, 1.0
    if value in doubtful:
        return BeadStatus.AUTO, 0.0
    return None


def _sdl_confs(unit: etree._Element) -> dict[str, str]:
    return {seg.get("id", ""): seg.get("conf", "") for seg in unit.iter(f"{{{SDL_NS}}}seg")}


def _seg_marks(element: etree._Element | None) -> dict[str, etree._Element]:
    """Return the `<mrk mtype="seg">` segments of a seg-source/target by mid, in order."""
    if element is None:
        return {}
    return {m.get("mid", ""): m for m in element.iter() if _local(m.tag) == "mrk" and m.get("mtype") == "seg"}


def _read_xliff12(root: etree._Element, path: Path) -> _Parsed:
    from editor.exporting.xliff import DUIQI_GROUP, KEY_CONFIDENCE, KEY_SRC_LAYOUT, KEY_STATUS, KEY_TGT_LAYOUT
    files = [f for f in root.iter() if _local(f.tag) == "file"]
    if not files:
        raise EmptyFileError(path, "the XLIFF file has no <file> element")
    parsed = _Parsed(src_lang=_normalized_lang(files[0].get("source-language"), "zh-CN"),
                     tgt_lang=_normalized_lang(files[0].get("target-language"), "en-US"),
                     src_file=files[0].get("original"))
    notes = parsed.notes
    notes.src_lang, notes.tgt_lang = parsed.src_lang, parsed.tgt_lang

    def skip(reason: str) -> None:
        notes.skipped[reason] = notes.skipped.get(reason, 0) + 1

    for unit in (u for f in files for u in f.iter() if _local(u.tag) == "trans-unit"):
        target = _child(unit, "target")
        values: dict[str, str] = {}
        for group in _children(unit, "context-group"):
            if (group.get("name") or "").startswith(DUIQI_GROUP):
                values.update({(c.get("context-type") or "").removeprefix("x-"): c.text or ""
                               for c in _children(group, "context")})
        if unit.get("restype") == _PO_HEADER:
            skip("the PO header of a po2xliff file")
            continue
        if unit.get("translate") == "no" and not values:      # Duiqi's own 0-1 units say translate="no"
            skip('translate="no"')
            continue
        status, confidence = _status_from_state(target.get("state") if target is not None else None,
                                                unit.get("approved") == "yes")
        memoq = _tool_status(unit.get(f"{{{MQ_NS}}}status"), _MEMOQ_CONFIRMED, _MEMOQ_DOUBTFUL)
        if memoq is not None:
            status, confidence = memoq
        inline = _Inline(notes)
        marks = _seg_marks(_child(unit, "seg-source"))
        if marks:                                   # SDLXLIFF/Okapi: each <mrk mtype="seg"> is a segment
            target_marks = _seg_marks(target)
            confs = _sdl_confs(unit)
            for mid, mark in marks.items():
                seg_status = _tool_status(confs.get(mid), _SDL_CONFIRMED, _SDL_DOUBTFUL) or (status, confidence)
                parsed.rows.append(_Row(_side(inline.text(mark), None, parsed.src_lang),
                                        _side(inline.text(target_marks.get(mid)), None, parsed.tgt_lang),
                                        seg_status[1], seg_status[0]))
            continue
        parsed.rows.append(_Row(
            _side(inline.text(_child(unit, "source")), values.get(KEY_SRC_LAYOUT), parsed.src_lang),
            _side(inline.text(target), values.get(KEY_TGT_LAYOUT), parsed.tgt_lang),
            _confidence(values.get(KEY_CONFIDENCE), path, confidence), _status(values.get(KEY_STATUS), status)))
    return parsed


def _read_xliff2(root: etree._Element, path: Path) -> _Parsed:
    from editor.exporting.xliff import DUIQI_CATEGORY, KEY_CONFIDENCE, KEY_SRC_LAYOUT, KEY_STATUS, KEY_TGT_LAYOUT
    parsed = _Parsed(src_lang=_normalized_lang(root.get("srcLang"), "zh-CN"),
                     tgt_lang=_normalized_lang(root.get("trgLang"), "en-US"))
    notes = parsed.notes
    notes.src_lang, notes.tgt_lang = parsed.src_lang, parsed.tgt_lang
    files = _children(root, "file")
    parsed.src_file = files[0].get("original") if files else None
    for unit in (u for f in files for u in f.iter() if _local(u.tag) == "unit"):
        values: dict[str, str] = {}
        for group in (g for g in unit.iter() if _local(g.tag) == "metaGroup"):
            if group.get("category") == DUIQI_CATEGORY:
                values.update({m.get("type", ""): m.text or "" for m in _children(group, "meta")})
        if unit.get("translate") == "no" and not values:
            notes.skipped['translate="no"'] = notes.skipped.get('translate="no"', 0) + 1
            continue
        segments = _children(unit, "segment")      # ignorables hold only the whitespace between them
        if not segments:
            continue
        states = {(s.get("state") or "initial") for s in segments}
        state = states.pop() if len(states) == 1 else "translated"
        status, confidence = _status_from_state(state, False)
        data = {d.get("id", ""): "".join(d.itertext()) for d in unit.iter() if _local(d.tag) == "data"}
        inline = _Inline(notes, data)
        sources = [inline.text(_child(s, "source")) for s in segments]
        targets = [inline.text(_child(s, "target")) for s in segments]
        if state == "initial" and any(t.strip() for t in targets) and not any(s.get("subState") for s in segments):
            confidence = 1.0
        row = _Row([], [], _confidence(values.get(KEY_CONFIDENCE), path, confidence),
                   _status(values.get(KEY_STATUS), status))
        for attr, texts, key, lang in (("src", sources, KEY_SRC_LAYOUT, parsed.src_lang),
                                       ("tgt", targets, KEY_TGT_LAYOUT, parsed.tgt_lang)):
            if len(texts) == 1:
                setattr(row, attr, _side(texts[0], values.get(key), lang))
            else:                                    # another tool's segments become the bead's sentences
                setattr(row, attr, [part for text in texts for part in _side(text, None, lang)])
        parsed.rows.append(row)
    return parsed


def _read_xml(path: Path, src_lang: str | None, tgt_lang: str | None) -> _Parsed:
    root = parse_untrusted_xml(_read_bytes(path), path)
    name = _local(root.tag)
    if name == "tmx":
        return _read_tmx(root, path, src_lang, tgt_lang)
    if name == "xliff":
        version = root.get("version") or ""
        namespace = etree.QName(root).namespace or ""
        if version.startswith("2") or namespace.startswith("urn:oasis:names:tc:xliff:document:2"):
            return _read_xliff2(root, path)
        return _read_xliff12(root, path)
    raise UnsupportedFormatError(f"the XML root is <{name}>, neither a TMX nor an XLIFF file", path=path)


# -- tables -------------------------------------------------------------------------------------


_ZH_NAMES = {"zh", "chinese", "中文", "原文", "汉语", "漢語"}
_EN_NAMES = {"en", "english", "英文", "英语", "英語", "译文", "譯文"}
_SOURCE_NAMES = {"source", "src", "source text", "source segment", "源", "源文", "source language"}
_TARGET_NAMES = {"target", "tgt", "target text", "target segment", "目标", "目标语", "target language",
                 "translation"}
_OTHER_NAMES = {"confidence": ("confidence", "score", "置信度"), "status": ("status", "state", "状态", "狀態"),
                "zh_layout": ("zh_layout",), "en_layout": ("en_layout",)}
# Duiqi wrote `\t` `\n` `\\` escapes and exactly these four columns before it wrote real TSV.
_LEGACY_COLUMNS = ["zh", "en", "confidence", "status"]
_LEGACY_UNESCAPES = {"\\": "\\", "t": "\t", "n": "\n", "r": "\r"}


def _legacy_unescape(text: str) -> str:
    out, i = [], 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text) and text[i + 1] in _LEGACY_UNESCAPES:
            out.append(_LEGACY_UNESCAPES[text[i + 1]])
            i += 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def _column_key(name: str) -> str | None:
    """Return what a header cell names: zh, en, source, target, confidence, status, a layout, or None."""
    name = name.strip().lower().strip('"')
    for key, names in _OTHER_NAMES.items():
        if name in names:
            return key
    if name in _ZH_NAMES:
        return "zh"
    if name in _EN_NAMES:
        return "en"
    if name in _SOURCE_NAMES:
        return "source"
    if name in _TARGET_NAMES:
        return "target"
    try:
        code = canonical_lang(name)
    except ValueError:
        return None
    return "zh" if is_chinese_code(code) else "en" if is_english_code(code) else None


def _han_share(texts: Iterable[str]) -> float:
    text = "".join(texts)
    han = sum(1 for ch in text if "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or ch >= "\U00020000")
    letters = sum(1 for ch in text if ch.isalpha())
    return han / letters if letters else 0.0


def _table_rows(cells: Iterable[tuple[int, list[str]]], path: Path, *, legacy_escapes: bool = False) -> _Parsed:
    """Read (line, cells) rows with an optional header (zh/en, Source/Target, language codes such as
    zh-CN/eng, Chinese names, confidence, status, layouts; in any order)."""
    from editor.exporting.tsv import unguard_formula, untable_layout
    parsed = _Parsed()
    rows = [(line, row) for line, row in cells if any(c.strip() for c in row)]
    columns = {"zh": 0, "en": 1, "confidence": 2, "status": 3, "zh_layout": 4, "en_layout": 5}
    unescape = (lambda text: text)
    named = False                     # the header says which column is Chinese (zh/en, codes, names)
    if rows:
        line, header = rows[0]
        keys = [_column_key(c) for c in header]
        if sum(k is not None for k in keys) >= 2:
            if legacy_escapes and [c.strip().lower() for c in header] == _LEGACY_COLUMNS:
                unescape = _legacy_unescape
            rows = rows[1:]
            columns = {}
            for index, key in enumerate(keys):
                if key is not None:
                    columns.setdefault(key, index)
            # Source/Target: the column with more Han characters is the Chinese one.
            named = "zh" in columns and "en" in columns
            sides = [columns.pop(k) for k in ("source", "target") if k in columns]
            free = [k for k in ("zh", "en") if k not in columns]
            for key, index in zip(free, sides):
                columns[key] = index
            if "zh" not in columns or "en" not in columns:
                raise MalformedFileError(path, "the header row needs a Chinese and an English column "
                                               "(zh and en, Source and Target, or language codes)", line=line)

    def cell(row: list[str], key: str) -> str | None:
        index = columns.get(key)
        return row[index] if index is not None and index < len(row) else None

    texts = {"zh": [cell(r, "zh") or "" for _, r in rows], "en": [cell(r, "en") or "" for _, r in rows]}
    if not named and _han_share(texts["en"]) > _han_share(texts["zh"]):    # Source/Target was English/Chinese
        columns["zh"], columns["en"] = columns["en"], columns["zh"]
        columns["zh_layout"], columns["en_layout"] = columns.get("en_layout"), columns.get("zh_layout")
    for line, row in rows:
        src, tgt = (unguard_formula(unescape(cell(row, key) or "")) for key in ("zh", "en"))
        status_text = (cell(row, "status") or "").strip()
        status = _status(status_text, BeadStatus.AUTO)
        if status_text and status.value != status_text.lower():
            raise MalformedFileError(path, f"unknown status {status_text!r} (use auto, confirmed or edited)",
                                     line=line)
        try:
            confidence = _confidence(cell(row, "confidence"), path, 1.0)
        except MalformedFileError as exc:
            raise MalformedFileError(path, exc.problem, line=line) from None
        parsed.rows.append(_Row(_side(src, untable_layout(cell(row, "zh_layout") or ""), "zh"),
                                _side(tgt, untable_layout(cell(row, "en_layout") or ""), "en"), confidence, status))
    if parsed.rows:
        script = _detect_script("".join(t for r in parsed.rows for _, t in r.src))
        parsed.src_lang = "zh-TW" if script == "traditional" else "zh-CN"
    return parsed


def _detect_script(text: str) -> str:
    from editor.importing.script import detect_chinese_script
    return detect_chinese_script(text)


def _decode_table(raw: bytes, path: Path) -> str:
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            return raw.decode(name)
    for name in ("utf-8", "gb18030"):
        try:
            return raw.decode(name)
        except UnicodeDecodeError:
            continue
    from editor.errors import UndecodableFileError
    raise UndecodableFileError(path, ("utf-8", "gb18030"))


def _read_tsv(path: Path) -> _Parsed:
    """Read a TSV as the csv module's excel-tab dialect: quoted cells may hold tabs, line breaks and ""
    (LibreOffice's re-save, Excel's "Unicode text" export in UTF-16). A .csv is comma-separated unless
    its first line has a tab."""
    text = _decode_table(_read_bytes(path), path)
    first_line = text.split("\n", 1)[0]
    dialect = "excel" if path.suffix.lower() == ".csv" and "\t" not in first_line else "excel-tab"
    reader = csv.reader(io.StringIO(text, newline=""), dialect=dialect, strict=False)
    rows = []
    try:
        for row in reader:
            rows.append((reader.line_num, row))
    except csv.Error as exc:
        raise MalformedFileError(path, f"not a readable TSV file ({exc})", line=reader.line_num) from None
    return _table_rows(rows, path, legacy_escapes=True)


def _read_xlsx(path: Path) -> _Parsed:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException
    check_input_file(path, MAX_ALIGNMENT_INPUT_BYTES)
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError) as exc:
        raise MalformedFileError(path, f"not a readable Excel workbook ({exc})") from None
    try:
        sheet = book.worksheets[0]
        # A stale <dimension> (A1:D11 over 100 rows, as some writers leave it) would cut the rows short.
        sheet.reset_dimensions()
        rows = [(number, ["" if v is None else str(v) for v in values])
                for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)]
    finally:
        book.close()
    return _table_rows(rows, path)


# -- Duiqi's own files --------------------------------------------------------------------------


def _read_json(path: Path) -> AlignmentDocument:
    data = parse_json(_read_bytes(path), path, "the JSON file")
    if isinstance(data, dict) and data.get("format") is not None:
        return document_from_dict(data, path)

    def damaged(problem: str) -> MalformedFileError:
        return MalformedFileError(path, f"not a Duiqi alignment JSON file: {problem}")

    if not isinstance(data, dict):
        raise damaged("expected an object with \"zh\", \"en\" and \"beads\"")
    texts = {}
    for key in ("zh", "en"):
        values = data.get(key)
        if not isinstance(values, list):
            raise damaged(f'"{key}" is missing or not a list of sentences')
        for n, value in enumerate(values):
            if not isinstance(value, str):
                raise damaged(f'{key} sentence {n + 1} is not text')
            if first_lone_surrogate(value) is not None:
                raise damaged(f"{key} sentence {n + 1} holds an invalid character (a lone UTF-16 surrogate)")
        texts[key] = values
    zh, en = texts["zh"], texts["en"]
    if not isinstance(data.get("beads"), list):
        raise damaged('"beads" is missing or not a list of links')
    src = [Segment(i, t) for i, t in enumerate(zh)]
    tgt = [Segment(len(zh) + j, t) for j, t in enumerate(en)]
    beads = []
    for n, item in enumerate(data["beads"]):
        if not isinstance(item, dict):
            raise damaged(f"link {n + 1} is not an object")
        sides = []
        for key, segments in (("zh", src), ("en", tgt)):
            positions = item.get(key)
            if not isinstance(positions, list) or not all(type(p) is int and 0 <= p < len(segments)
                                                          for p in positions):
                raise damaged(f'"{key}" of link {n + 1} is not a list of sentence positions '
                              f"(0 to {len(segments) - 1})")
            sides.append(tuple(segments[p].id for p in positions))
        confidence = item.get("confidence", 1.0)
        if type(confidence) not in (int, float) or confidence != confidence:
            raise damaged(f"the confidence of link {n + 1} is not a number")
        status = item.get("status")
        if status is not None and not isinstance(status, str):
            raise damaged(f"the status of link {n + 1} is not text")
        if not (sides[0] or sides[1]):
            raise damaged(f"link {n + 1} links no sentence")
        beads.append(Bead(sides[0], sides[1], min(1.0, max(0.0, float(confidence))),
                          _status(status, BeadStatus.AUTO)))
    doc = AlignmentDocument(src, tgt, beads, DocumentMeta(chinese_script=_detect_script("".join(zh))))
    try:
        doc.check()
    except InvalidEditError as exc:
        raise damaged(str(exc)) from None
    return doc


def _read_bytes(path: Path) -> bytes:
    check_input_file(path, MAX_ALIGNMENT_INPUT_BYTES)
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputFileError(f"cannot read the file ({exc.strerror})", path=path) from None


def load_alignment(path: Path | str, *, src_lang: str | None = None, tgt_lang: str | None = None,
                   notes: ImportNotes | None = None) -> AlignmentDocument:
    """Open an alignment file by its extension (.duiqi, .tmx, .xlf/.xliff, .tsv, .xlsx, .json).

    src_lang/tgt_lang pick the two languages of a TMX with more (default: Chinese and English).
    `notes`, when given, is filled with what the reading changed or left out (ImportNotes.messages()).
    Raises InputFileError subclasses naming the file (and the line, for malformed files).
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == PROJECT_SUFFIX:
        return load_project(path)
    if suffix == ".json":
        return _read_json(path)
    if suffix in (".tmx", ".xlf", ".xliff", ".xml", ".sdlxliff", ".mqxliff"):
        parsed = _read_xml(path, src_lang, tgt_lang)
    elif suffix in (".tsv", ".tab", ".csv"):
        parsed = _read_tsv(path)
    elif suffix == ".xlsx":
        parsed = _read_xlsx(path)
    else:
        raise UnsupportedFormatError(
            f"cannot open {suffix or 'a file without extension'} as an alignment; "
            f"use one of {', '.join(ALIGNMENT_SUFFIXES)}", path=path)
    doc = _build(parsed, path)
    if notes is not None:
        vars(notes).update(vars(parsed.notes))
        notes.src_lang, notes.tgt_lang = doc.meta.src_lang, doc.meta.tgt_lang
    return doc
