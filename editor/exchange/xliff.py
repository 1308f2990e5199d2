"""XLIFF 1.2 (incl. SDLXLIFF, mqxliff) and 2.0, read and written: one unit per bead, review states mapped.

options.reverse writes English as the source instead (English→Chinese work).

State mapping (both versions also keep Duiqi's own status and confidence for a lossless re-import):

- confirmed / edited: 1.2 `state="final"` + `approved="yes"`; 2.0 `state="final"` (a sentence an edit left
  unlinked is not approved until confirmed: 1.2 `needs-review-translation`, 2.0 the needs-review substate)
- auto, confidence >= 0.5: `state="translated"` in both
- auto, confidence < 0.5: 1.2 `state="needs-review-translation"`;
  2.0 `state="initial" subState="duiqi:needs-review"` (2.0 has no review state before `reviewed`)
- 1-0 (no English): 1.2 an empty `<target state="needs-translation"/>`; 2.0 no `<target>`, `state="initial"`
- 0-1 (no Chinese): an empty `<source/>` and `translate="no"` in both (kept rather than left out, so the
  file reopens with every sentence; CAT tools skip such units, and the export report says how many)
- presets may name another state for confirmed links: lokalize writes 1.2 `state="signed-off"`

Tabs and line breaks inside a text are kept: the unit (1.2) or the source/target (2.0) that holds
one gets `xml:space="preserve"`. Presets for tools that reject unknown data leave the Duiqi data out
(options.duiqi_props).

XLIFF 1.2 carries the Duiqi data in `<context-group name="x-duiqi-N">` (strict schema allows `x-`
context types); XLIFF 2.0 in the Metadata module (`mda:metaGroup category="duiqi"`). Every 1.2
unit has a `<target>`: OmegaT's XLIFF filter extracts nothing from a unit without one.

Reading other tools' files: one sentence per side and unit (SDLXLIFF `mrk` segments each their own),
statuses taken from their review states (XLIFF state, memoQ mq:status, SDL conf). Units that are not text
to align are skipped and counted: `translate="no"` (except Duiqi's own 0-1 units) and the PO header of a
po2xliff file.
A file opened here and exported again as XLIFF 1.2 keeps its `<file>` attributes (original, datatype,
language codes as spelt), each unit's id while the unit's sentences are unchanged (a unit split or merged
gets a new id no unit of the file had), and its inline codes as written (editor.exchange.inline).
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from lxml import etree

from editor import __version__
from editor.bitext.document import AlignmentDocument, BeadStatus
from editor.errors import EmptyFileError, UnsupportedFormatError
from editor.exchange import statuses
from editor.exchange.entries import (
    Entry, approved, collect_entries, export_files, export_languages, needs_review, unit_ids,
)
from editor.exchange.inline import Inline, write_inline
from editor.exchange.languages import normalized_lang
from editor.exchange.options import ExportOptions, ExportReport
from editor.exchange.units import ImportNotes, Parsed, Row, parse_confidence, parse_status, side
from editor.exchange.xml_text import XML_SPACE, child, children, local_name

XLIFF12_NS = "urn:oasis:names:tc:xliff:document:1.2"
XLIFF20_NS = "urn:oasis:names:tc:xliff:document:2.0"
MDA_NS = "urn:oasis:names:tc:xliff:metadata:2.0"
DUIQI_GROUP = "x-duiqi"           # 1.2 context-group name prefix (names must be unique in a file)
DUIQI_CATEGORY = "duiqi"          # 2.0 metaGroup category
# Keys shared by both versions: 1.2 context-type (with the x- prefix the schema wants), 2.0 meta type.
KEY_CONFIDENCE = "alignment-confidence"
KEY_STATUS = "alignment-status"
KEY_SRC_LAYOUT = "duiqi-src-layout"
KEY_TGT_LAYOUT = "duiqi-tgt-layout"
SUBSTATE_NEEDS_REVIEW = "duiqi:needs-review"
# The 1.2 <file> attributes an export writes back as the file opened had them (DocumentMeta.xliff_file).
FILE_ATTRIBUTES = ("original", "datatype", "source-language", "target-language")


MQ_NS = "MQXliff"
PHRASE_NS = "http://www.memsource.com/mxlf/2.0"
SDL_NS = "http://sdl.com/FileTypes/SdlXliff/1.0"
_PO_HEADER = "x-gettext-domain-header"


# -- reading ------------------------------------------------------------------------------------


def _sdl_confs(unit: etree._Element) -> dict[str, str]:
    return {seg.get("id", ""): seg.get("conf", "") for seg in unit.iter(f"{{{SDL_NS}}}seg")}


def _seg_marks(element: etree._Element | None) -> dict[str, etree._Element]:
    """Return the `<mrk mtype="seg">` segments of a seg-source/target by mid, in order."""
    if element is None:
        return {}
    return {m.get("mid", ""): m for m in element.iter() if local_name(m.tag) == "mrk" and m.get("mtype") == "seg"}


def _count_comments(unit: etree._Element, notes: ImportNotes) -> None:
    """Count the unit's comments (XLIFF <note>, memoQ mq:comment) in notes.dropped: a link holds none."""
    for element in unit.iter():
        name = local_name(element.tag)
        if name in ("note", "comment") and "".join(element.itertext()).strip():
            what = "memoQ comment(s)" if name == "comment" else "XLIFF <note>(s)"
            notes.dropped[what] = notes.dropped.get(what, 0) + 1


def read_xliff12(root: etree._Element, path: Path) -> Parsed:
    """Read XLIFF 1.2 (Duiqi's own, SDLXLIFF, memoQ mqxliff, Phrase mxliff, Okapi, po2xliff)."""
    files = [f for f in root.iter() if local_name(f.tag) == "file"]
    if not files:
        raise EmptyFileError(path, "the XLIFF file has no <file> element")
    parsed = Parsed(src_lang=normalized_lang(files[0].get("source-language"), "zh-CN"),
                    tgt_lang=normalized_lang(files[0].get("target-language"), "en-US"),
                    src_file=files[0].get("original"),
                    xliff_file={name: files[0].get(name) for name in FILE_ATTRIBUTES if files[0].get(name)},
                    unit_ids_format="xliff12")
    notes = parsed.notes
    notes.src_lang, notes.tgt_lang = parsed.src_lang, parsed.tgt_lang

    def skip(reason: str) -> None:
        notes.skipped[reason] = notes.skipped.get(reason, 0) + 1

    for unit in (u for f in files for u in f.iter() if local_name(u.tag) == "trans-unit"):
        target = child(unit, "target")
        values: dict[str, str] = {}
        for group in children(unit, "context-group"):
            if (group.get("name") or "").startswith(DUIQI_GROUP):
                values.update({(c.get("context-type") or "").removeprefix("x-"): c.text or ""
                               for c in children(group, "context")})
        if unit.get("restype") == _PO_HEADER:
            skip("the PO header of a po2xliff file")
            continue
        if unit.get("translate") == "no" and not values:      # Duiqi's own 0-1 units say translate="no"
            skip('translate="no"')
            continue
        _count_comments(unit, notes)
        status, confidence = statuses.from_xliff_state(target.get("state") if target is not None else None,
                                                       unit.get("approved") == "yes")
        tool = (statuses.from_tool(unit.get(f"{{{MQ_NS}}}status"), statuses.MEMOQ_CONFIRMED,
                                   statuses.MEMOQ_DOUBTFUL)
                or statuses.from_phrase(unit.get(f"{{{PHRASE_NS}}}confirmed"),
                                        target is not None and bool("".join(target.itertext()).strip())))
        if tool is not None:
            status, confidence = tool
            notes.statuses_read += 1
        inline = Inline(notes, unit=unit, fmt="xliff12")
        marks = _seg_marks(child(unit, "seg-source"))
        if marks:                                   # SDLXLIFF/Okapi: each <mrk mtype="seg"> is a segment
            target_marks = _seg_marks(target)
            confs = _sdl_confs(unit)
            for mid, mark in marks.items():
                sdl = statuses.from_tool(confs.get(mid), statuses.SDL_CONFIRMED, statuses.SDL_DOUBTFUL)
                if sdl is not None:
                    notes.statuses_read += 1
                seg_status = sdl or (status, confidence)
                row = Row(side(inline.text(mark), None, parsed.src_lang), [], seg_status[1], seg_status[0],
                          src_codes=inline.side)
                row.tgt, row.tgt_codes = side(inline.text(target_marks.get(mid)), None, parsed.tgt_lang), inline.side
                parsed.rows.append(row)
            continue
        row = Row(side(inline.text(child(unit, "source")), values.get(KEY_SRC_LAYOUT), parsed.src_lang), [],
                  parse_confidence(values.get(KEY_CONFIDENCE), path, confidence),
                  parse_status(values.get(KEY_STATUS), status), src_codes=inline.side, unit_id=unit.get("id"))
        row.tgt, row.tgt_codes = side(inline.text(target), values.get(KEY_TGT_LAYOUT), parsed.tgt_lang), inline.side
        parsed.rows.append(row)
    return parsed


def read_xliff2(root: etree._Element, path: Path) -> Parsed:
    """Read XLIFF 2.0: a unit Duiqi wrote is one link; another tool's unit gives one link per <segment>
    (a segment without a translation is a 1-0 link), each with its own state."""
    parsed = Parsed(src_lang=normalized_lang(root.get("srcLang"), "zh-CN"),
                    tgt_lang=normalized_lang(root.get("trgLang"), "en-US"), unit_ids_format="xliff20")
    notes = parsed.notes
    notes.src_lang, notes.tgt_lang = parsed.src_lang, parsed.tgt_lang
    files = children(root, "file")
    parsed.src_file = files[0].get("original") if files else None
    for unit in (u for f in files for u in f.iter() if local_name(u.tag) == "unit"):
        values: dict[str, str] = {}
        for group in (g for g in unit.iter() if local_name(g.tag) == "metaGroup"):
            if group.get("category") == DUIQI_CATEGORY:
                values.update({m.get("type", ""): m.text or "" for m in children(group, "meta")})
        if unit.get("translate") == "no" and not values:
            notes.skipped['translate="no"'] = notes.skipped.get('translate="no"', 0) + 1
            continue
        segments = children(unit, "segment")      # ignorables hold only the whitespace between them
        if not segments:
            continue
        _count_comments(unit, notes)
        data = {d.get("id", ""): "".join(d.itertext()) for d in unit.iter() if local_name(d.tag) == "data"}
        inline = Inline(notes, data, unit=unit)
        for segment in segments:
            source, src_codes = inline.text(child(segment, "source")), inline.side
            target, tgt_codes = inline.text(child(segment, "target")), inline.side
            status, confidence = statuses.from_xliff_state(segment.get("state") or "initial", False)
            if segment.get("state") in (None, "initial") and target.strip() and not segment.get("subState"):
                confidence = 1.0                     # another tool's translation that no one has looked at
            parsed.rows.append(Row(side(source, values.get(KEY_SRC_LAYOUT), parsed.src_lang),
                                   side(target, values.get(KEY_TGT_LAYOUT), parsed.tgt_lang),
                                   parse_confidence(values.get(KEY_CONFIDENCE), path, confidence),
                                   parse_status(values.get(KEY_STATUS), status), src_codes=src_codes,
                                   tgt_codes=tgt_codes,
                                   # a unit of several segments is several links: none of them is that unit
                                   unit_id=unit.get("id") if len(segments) == 1 else None))
    return parsed


# -- writing ------------------------------------------------------------------------------------


def _duiqi_values(entry: Entry) -> list[tuple[str, str]]:
    values = [(KEY_CONFIDENCE, entry.confidence_text), (KEY_STATUS, entry.status.value)]
    if entry.src_layout:
        values.append((KEY_SRC_LAYOUT, entry.src_layout))
    if entry.tgt_layout:
        values.append((KEY_TGT_LAYOUT, entry.tgt_layout))
    return values


def _keeps_space(text: str) -> bool:
    return any(ch in text for ch in "\t\n\r")


def _original(doc: AlignmentDocument, options: ExportOptions) -> str:
    return export_files(doc, options)[0] or "duiqi-alignment"


def write_xliff(doc: AlignmentDocument, out: BinaryIO, options: ExportOptions) -> ExportReport:
    """Write XLIFF 1.2 or 2.0 (options.xliff_version); return the report."""
    if options.xliff_version == "1.2":
        return write_xliff12(doc, out, options)
    if options.xliff_version in ("2.0", "2"):
        return write_xliff20(doc, out, options)
    raise UnsupportedFormatError(f"XLIFF version {options.xliff_version} is not supported (use 1.2 or 2.0)")


def write_xliff12(doc: AlignmentDocument, out: BinaryIO, options: ExportOptions) -> ExportReport:
    """Write XLIFF 1.2 (valid against the OASIS strict and transitional schemas)."""
    report = ExportReport()
    langs = export_languages(doc, options)
    entries = collect_entries(doc, options, report, keep_unlinked=True)
    q = lambda tag: f"{{{XLIFF12_NS}}}{tag}"  # noqa: E731
    root = etree.Element(q("xliff"), version="1.2", nsmap={None: XLIFF12_NS})
    # An XLIFF 1.2 opened here goes back with its <file> attributes and unit ids, so the tool that wrote it can
    # merge it back (an X11 audit: datatype="x-docx" came back "plaintext", ids u1…u5 as 1…5).
    opened = doc.meta.xliff_file
    recorded = [opened.get(name, "") for name in ("source-language", "target-language")]
    file_el = etree.SubElement(root, q("file"), {
        "original": opened.get("original") or _original(doc, options),
        "source-language": _as_opened(langs.src, recorded), "target-language": _as_opened(langs.tgt, recorded),
        "datatype": opened.get("datatype") or "plaintext", "tool-id": "duiqi"})
    header = etree.SubElement(file_el, q("header"))
    etree.SubElement(header, q("tool"), {"tool-id": "duiqi", "tool-name": "Duiqi", "tool-version": __version__})
    body = etree.SubElement(file_el, q("body"))
    ids = unit_ids(doc, entries, "xliff12")
    for entry, unit_id in zip(entries, ids):
        unit = etree.SubElement(body, q("trans-unit"), id=unit_id)
        report.codes_written += write_inline(etree.SubElement(unit, q("source")), entry.src, entry.src_codes,
                                             "xliff12")
        target = etree.SubElement(unit, q("target"))
        if not entry.src:
            unit.set("translate", "no")
            report.untranslatable += 1
        if not entry.tgt:
            target.set("state", "needs-translation")
        elif approved(entry):
            unit.set("approved", "yes")
            target.set("state", options.confirmed_state)
        elif entry.status is not BeadStatus.AUTO:
            target.set("state", "needs-review-translation")     # left unlinked by an edit, not confirmed
        else:
            target.set("state", "needs-review-translation" if needs_review(entry) else "translated")
        report.codes_written += write_inline(target, entry.tgt, entry.tgt_codes, "xliff12")
        if _keeps_space(entry.src) or _keeps_space(entry.tgt):
            unit.set(XML_SPACE, "preserve")
        if options.duiqi_props:
            group = etree.SubElement(unit, q("context-group"), name=f"{DUIQI_GROUP}-{entry.number}",
                                     purpose="information")
            for key, value in _duiqi_values(entry):
                etree.SubElement(group, q("context"), {"context-type": f"x-{key}"}).text = value
    _note_untranslatable(report)
    etree.ElementTree(root).write(out, encoding="UTF-8", xml_declaration=True, pretty_print=True)
    return report


def _as_opened(lang: str, recorded: list[str]) -> str:
    """Return a language code as the file opened spelt it when it is the same code (`zh-cn` for `zh-CN`)."""
    return next((code for code in recorded if code.lower() == lang.lower()), lang)


def _note_untranslatable(report: ExportReport) -> None:
    if report.untranslatable:
        report.warnings.append(
            f"wrote {report.untranslatable} 0-1 link(s) (English without Chinese) as units with an empty source "
            f'and translate="no": they are not translations, so CAT tools skip them; Duiqi reads them back')


def write_xliff20(doc: AlignmentDocument, out: BinaryIO, options: ExportOptions) -> ExportReport:
    """Write XLIFF 2.0 (valid against the 2.0 core schema and the Metadata module)."""
    report = ExportReport()
    langs = export_languages(doc, options)
    entries = collect_entries(doc, options, report, keep_unlinked=True)
    q = lambda tag: f"{{{XLIFF20_NS}}}{tag}"  # noqa: E731
    m = lambda tag: f"{{{MDA_NS}}}{tag}"  # noqa: E731
    root = etree.Element(q("xliff"), {"version": "2.0", "srcLang": langs.src, "trgLang": langs.tgt},
                         nsmap={None: XLIFF20_NS, "mda": MDA_NS})
    file_el = etree.SubElement(root, q("file"), id="f1", original=_original(doc, options))
    # a unit opened from an XLIFF 2.0 keeps its id, as in XLIFF 1.2 (they were renumbered u1, u2…)
    for entry, unit_id in zip(entries, unit_ids(doc, entries, "xliff20", "u")):
        unit = etree.SubElement(file_el, q("unit"), id=unit_id)
        if not entry.src:
            unit.set("translate", "no")
            report.untranslatable += 1
        if options.duiqi_props:
            metadata = etree.SubElement(unit, m("metadata"))
            group = etree.SubElement(metadata, m("metaGroup"), category=DUIQI_CATEGORY)
            for key, value in _duiqi_values(entry):
                etree.SubElement(group, m("meta"), type=key).text = value
        original_data: dict[str, str] = {}
        segment = etree.SubElement(unit, q("segment"))
        source = etree.SubElement(segment, q("source"))
        report.codes_written += write_inline(source, entry.src, entry.src_codes, "xliff20", original_data)
        if _keeps_space(entry.src):
            source.set(XML_SPACE, "preserve")
        if not entry.tgt:
            segment.set("state", "initial")
        else:
            target = etree.SubElement(segment, q("target"))
            report.codes_written += write_inline(target, entry.tgt, entry.tgt_codes, "xliff20", original_data)
            if _keeps_space(entry.tgt):
                target.set(XML_SPACE, "preserve")
            if approved(entry):
                segment.set("state", "final")
            elif entry.status is not BeadStatus.AUTO or needs_review(entry):
                segment.set("state", "initial")
                segment.set("subState", SUBSTATE_NEEDS_REVIEW)
            else:
                segment.set("state", "translated")
        if original_data:                    # the native codes, before the segment as the schema wants
            data_el = etree.Element(q("originalData"))
            for ref, native in sorted(original_data.items()):
                etree.SubElement(data_el, q("data"), id=ref).text = native
            segment.addprevious(data_el)
    _note_untranslatable(report)
    etree.ElementTree(root).write(out, encoding="UTF-8", xml_declaration=True, pretty_print=True)
    return report
