"""TMX 1.4, read and written: one `tu` per linked bead, with provenance and segment layout in `x-` props.

Layout of a `tu` Duiqi writes (and reads back):

    <tu tuid="7" creationdate="20260101T120000Z" creationid="Duiqi"
        changedate="20260101T120000Z" changeid="Duiqi">
      <prop type="x-alignment-confidence">0.87</prop>
      <prop type="x-alignment-status">confirmed</prop>     (auto / confirmed / edited)
      <prop type="x-source-file">zh.txt</prop>
      <prop type="x-target-file">en.txt</prop>
      <tuv xml:lang="zh-CN"><prop type="x-duiqi-layout">0:7 0:9</prop><seg>…</seg></tuv>
      <tuv xml:lang="en-US"><prop type="x-duiqi-layout">0:26 1:33</prop><seg>…</seg></tuv>
    </tu>

`x-duiqi-layout` lists each sentence of the side as `paragraph:length`, so a re-import restores the
sentences and links exactly. The props are left out by presets for tools that reject unknown fields
(options.duiqi_props). 1-0 and 0-1 beads (a sentence without a counterpart) are left out, as a
translation memory holds pairs only, and counted in `ExportReport.skipped_unlinked`; re-importing the
TMX therefore gives a document without those sentences (keep the .duiqi project or an XLIFF for them).

Dates: each tu's creationdate is when its link was made (by the aligner, by hand, or as the file it was
opened from said) and its changedate when the link was last edited (linked, merged, split, confirmed,
its text changed; see editor.bitext.edits), in UTC; so Trados's "keep most recent" prefers the links a
translator reviewed last. creationid and changeid say who created the link and who changed it last,
as the TMX it was opened from said (Bead.created_by / changed_by); a link Duiqi made, or one edited
since it was opened, has options.creation_id for the person exporting (so an edited link keeps its
creationid and gets options.creation_id as its changeid). The header's creationdate is the time of the
export (options.timestamp). The header's segtype is always "sentence" (OmegaT re-segments "paragraph"
TMX); a presegmented document says so in the header prop x-duiqi-presegmented.

Tabs and line breaks inside a segment are written as spaces (the TMX 1.4 DTD has no xml:space, and CAT
tools compare segments with whitespace normalised); how many is counted in the report.

Reading: a tu's creationdate/changedate (whichever tool wrote them) become its link's creation and change
times, and its creationid/changeid who created and last changed it (one of them alone stands for both);
exporting again writes them back for the links not edited since; each tu's tuid is written back while its
link's sentences are unchanged (a link split or merged since gets a new one no tu of the file had). Language codes: zh, zh-Hans, zh-Hant,
ZH-CN, zho, chi and cmn are Chinese (ja is not); en, en-GB and eng are English. A TMX with more languages
gives Chinese and English (or the pair asked for), and ImportNotes says what was left out.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import BinaryIO, Callable

from lxml import etree

from editor import __version__
from editor.bitext import document as bitext_document
from editor.bitext.document import AlignmentDocument, BeadStatus
from editor.errors import EmptyFileError, InputFileError
from editor.exchange import statuses
from editor.exchange.dates import tmx_date, tmx_person, tmx_time
from editor.exchange.entries import collect_entries, export_files, export_languages, unit_ids
from editor.exchange.inline import Inline, inline_text, write_inline
from editor.exchange.languages import is_chinese_code, is_english_code, normalized_lang, primary_subtag, same_lang
from editor.exchange.options import DEFAULT_CREATION_ID, ExportOptions, ExportReport
from editor.exchange.units import Parsed, Row, parse_confidence, parse_status, read_bytes, side
from editor.exchange.xml_text import XML_LANG, local_name
from editor.importing.safe_xml import parse_untrusted_xml

PROP_CONFIDENCE = "x-alignment-confidence"
PROP_STATUS = "x-alignment-status"
PROP_SOURCE_FILE = "x-source-file"
PROP_TARGET_FILE = "x-target-file"
PROP_LAYOUT = "x-duiqi-layout"
PROP_PRESEGMENTED = "x-duiqi-presegmented"
#: "yes" on a link the review policy calls doubtful (editor.bitext.review); absent otherwise
PROP_DOUBTFUL = "x-duiqi-doubtful"
#: Trados's confirmation level of a unit (Draft, Translated, ApprovedTranslation, ApprovedSignOff, ...)
PROP_TRADOS_CONFIRMATION = "x-ConfirmationLevel"
CREATION_TOOL = "Duiqi"
_TABS_AND_BREAKS = re.compile(r"[\t\n\r]")



# -- reading ------------------------------------------------------------------------------------


def _tmx_lang(tuv: etree._Element) -> str:
    return tuv.get(XML_LANG) or tuv.get("lang") or ""


def _tuv_or_tu(tuv: etree._Element | None, tu: etree._Element, name: str) -> str | None:
    value = tuv.get(name) if tuv is not None else None
    return value if value and value.strip() else tu.get(name)


def _props(element: etree._Element) -> dict[str, str]:
    return {p.get("type", ""): (p.text or "") for p in element if local_name(p.tag) == "prop"}


def _people(entry, exporter: str, engine: str = DEFAULT_CREATION_ID) -> tuple[str, str]:
    """Who created and who last changed the link, for creationid/changeid. Ids read from another tool's file are
    kept. Where one is missing: a link a person changed or vouched for — the edit record says an edit in
    Duiqi made or changed it (Bead.edited: linked, merged, split, confirmed, its text edited), or its status
    is confirmed or edited — gets the person exporting as its changeid, and a link a person made by hand
    (edited, created when last changed) as its creationid too; everything else was made by the engine, or
    came without ids from another tool's file, and gets `engine` (Duiqi, or whoever ran a headless alignment)
    or its creator, so the TM never credits a translator with a link or a review that was not theirs. The
    dates do not decide who changed it: a unit of another tool's TMX has a change date after its creation date
    without anyone touching it here."""
    by_person = entry.edited or entry.status is not BeadStatus.AUTO
    made_by_hand = entry.status is BeadStatus.EDITED and entry.created == entry.changed
    creation_id = entry.created_by or (exporter if made_by_hand else engine)
    return creation_id, entry.changed_by or (exporter if by_person else creation_id)


def _pick(tuvs: list[etree._Element], lang: str) -> etree._Element | None:
    for tuv in tuvs:
        if same_lang(_tmx_lang(tuv), lang):
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
            if same_lang(lang, wanted):
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
    root = parse_untrusted_xml(read_bytes(path), path)
    return _tmx_language_list(root) if local_name(root.tag) == "tmx" else []


def _tmx_language_list(root: etree._Element) -> list[str]:
    counts = Counter(normalized_lang(_tmx_lang(tuv), "") for tu in root.iter("tu") for tuv in tu.findall("tuv"))
    counts.pop("", None)
    return [lang for lang, _ in counts.most_common()]


def read_tmx(root: etree._Element, path: Path, src_wanted: str | None, tgt_wanted: str | None) -> Parsed:
    header = root.find("header")
    srclang = normalized_lang(header.get("srclang") if header is not None else None, "")
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
    parsed = Parsed(src_lang=src_lang, tgt_lang=tgt_lang, unit_ids_format="tmx",
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
                lang = normalized_lang(_tmx_lang(tuv), "?")
                notes.left_out[lang] = notes.left_out.get(lang, 0) + 1
        props = _props(tu)
        parsed.src_file = parsed.src_file or props.get(PROP_SOURCE_FILE)
        parsed.tgt_file = parsed.tgt_file or props.get(PROP_TARGET_FILE)
        status, confidence = BeadStatus.AUTO, 1.0
        trados = statuses.from_tool(props.get(PROP_TRADOS_CONFIRMATION), statuses.SDL_CONFIRMED,
                                    statuses.SDL_DOUBTFUL)
        if trados is not None:
            status, confidence = trados
            notes.statuses_read += 1
        # OmegaT writes the dates and ids of a translation on the target <tuv>: it wins, then the <tu>. The
        # target is the tuv not in the header's srclang (Chinese when the file goes from English).
        english_source = srclang and tgt_tuv is not None and same_lang(_tmx_lang(tgt_tuv), srclang)
        translated = src_tuv if english_source else tgt_tuv
        values = {name: _tuv_or_tu(translated, tu, name)
                  for name in ("creationdate", "changedate", "creationid", "changeid")}
        created_by, changed_by = tmx_person(values["creationid"], notes), tmx_person(values["changeid"], notes)
        row = Row([], [], parse_confidence(props.get(PROP_CONFIDENCE), path, confidence),
                  parse_status(props.get(PROP_STATUS), status),
                  tmx_time(values["creationdate"]), tmx_time(values["changedate"]),
                  created_by or changed_by, changed_by or created_by)
        tuid = tu.get("tuid")
        row.unit_id = tuid if tuid and tuid.strip() else None
        inline = Inline(notes, unit=tu, fmt="tmx")
        for tuv, lang, attr in ((src_tuv, src_lang, "src"), (tgt_tuv, tgt_lang, "tgt")):
            if tuv is not None:
                setattr(row, attr, side(inline.text(tuv.find("seg")), _props(tuv).get(PROP_LAYOUT), lang))
                setattr(row, f"{attr}_codes", inline.side)
        comments = sum(1 for element in tu.iter("note") if (element.text or "").strip())
        if comments:
            notes.dropped["comment(s) (TMX <note>)"] = notes.dropped.get("comment(s) (TMX <note>)", 0) + comments
        parsed.rows.append(row)
    return parsed


# -- writing ------------------------------------------------------------------------------------


def _prop(parent: etree._Element, kind: str, value: str) -> None:
    etree.SubElement(parent, "prop", type=kind).text = value


def write_tmx(doc: AlignmentDocument, out: BinaryIO, options: ExportOptions) -> ExportReport:
    """Write the linked beads as UTF-8 TMX 1.4 (valid against the TMX 1.4 DTD); return the report."""
    report = ExportReport()
    header = tmx_header(doc, options)
    # written unit by unit (lxml's incremental writer): a large TM never has a second, whole tree in memory
    with etree.xmlfile(out, encoding="UTF-8") as xf:
        xf.write_declaration()
        with xf.element("tmx", version="1.4"):
            xf.write("\n")
            xf.write(header, pretty_print=True)
            with xf.element("body"):
                xf.write("\n")
                write_units(xf, doc, options, report)
            xf.write("\n")
    out.write(b"\n")                        # the file ends with a line break, as every text file should
    finish_report(report)
    return report


def tmx_header(doc: AlignmentDocument, options: ExportOptions, srclang: str | None = None) -> etree._Element:
    """The `<header>` of a TMX of `doc` (srclang: instead of the document's written source language)."""
    now = tmx_date(options.timestamp or bitext_document.clock())
    header = etree.Element("header", {
        "creationtool": CREATION_TOOL, "creationtoolversion": __version__, "segtype": "sentence",
        "o-tmf": "duiqi", "adminlang": "en-US", "srclang": srclang or export_languages(doc, options).src,
        "datatype": "plaintext", "creationdate": now, "changedate": now})
    if doc.meta.presegmented and options.duiqi_props:
        _prop(header, PROP_PRESEGMENTED, "yes")
    return header


def write_units(xf, doc: AlignmentDocument, options: ExportOptions, report: ExportReport, *, first: int = 1,
                props: tuple[tuple[str, str], ...] = ()) -> int:
    """Write the document's `<tu>`s into an open `etree.xmlfile` body, numbered from `first`, each opening with
    `props` (type, value) when the options keep props (a merged collection names each unit's document so).
    Counts in `report` what the options leave out (call `finish_report` once at the end); returns the number
    of units written."""
    langs = export_languages(doc, options)
    entries = collect_entries(doc, options, report, keep_unlinked=False)
    src_file, tgt_file = export_files(doc, options)
    dates: dict = {}                       # links share times: format each once

    def date(moment) -> str:
        return dates.get(moment) or dates.setdefault(moment, tmx_date(moment))

    props = props if options.duiqi_props else ()
    # a TMX opened here goes back with its tuids (they were renumbered 1, 2…; an X11 audit); a merged collection
    # numbers the units of all its documents on (editor.collection.merge)
    tuids = unit_ids(doc, entries, "tmx") if first == 1 else map(str, range(first, first + len(entries)))
    for tuid, entry in zip(tuids, entries):
        tu = _tu(tuid, entry, langs, options, report, date, src_file, tgt_file)
        for position, (kind, value) in enumerate(props):
            prop = etree.Element("prop", type=kind)
            prop.text = value
            tu.insert(position, prop)
        xf.write(tu, pretty_print=True)
    return len(entries)


def finish_report(report: ExportReport) -> None:
    """Add the warnings that sum up the whole file (after its last unit)."""
    if report.normalised_whitespace:
        report.warnings.append(f"wrote {report.normalised_whitespace} tab(s) or line break(s) inside segments "
                               f"as spaces (TMX has no way to keep them that CAT tools honour)")


def _tu(tuid: str, entry, langs, options: ExportOptions, report: ExportReport, date, src_file, tgt_file):
    """One `<tu>` element for an entry (its dates, people, props and both `<tuv>`s)."""
    creation_id, change_id = _people(entry, options.creation_id, options.engine_id)
    tu = etree.Element("tu", {"tuid": tuid, "creationdate": date(entry.created),
                              "creationid": creation_id, "changedate": date(entry.changed), "changeid": change_id})
    if options.duiqi_props:
        _prop(tu, PROP_CONFIDENCE, entry.confidence_text)
        _prop(tu, PROP_STATUS, entry.status.value)
        if entry.doubtful:
            _prop(tu, PROP_DOUBTFUL, "yes")
        if src_file:
            _prop(tu, PROP_SOURCE_FILE, src_file)
        if tgt_file:
            _prop(tu, PROP_TARGET_FILE, tgt_file)
    for lang, text, layout, codes in ((langs.src, entry.src, entry.src_layout, entry.src_codes),
                                      (langs.tgt, entry.tgt, entry.tgt_layout, entry.tgt_codes)):
        tuv = etree.SubElement(tu, "tuv", {XML_LANG: lang})
        if layout and options.duiqi_props:
            _prop(tuv, PROP_LAYOUT, layout)
        text, changed = _TABS_AND_BREAKS.subn(" ", text)     # same length: the layout still fits
        report.normalised_whitespace += changed
        report.codes_written += write_inline(etree.SubElement(tuv, "seg"), text, codes, "tmx")
    return tu
