"""XLIFF 1.2 and 2.0 export: one unit per bead, Chinese source and English target, review states mapped.

options.reverse writes English as the source instead (English→Chinese work).

State mapping (both versions also keep Duiqi's own status and confidence for a lossless re-import):

- confirmed / edited: 1.2 `state="final"` + `approved="yes"`; 2.0 `state="final"`
- auto, confidence >= 0.5: `state="translated"` in both
- auto, confidence < 0.5: 1.2 `state="needs-review-translation"`;
  2.0 `state="initial" subState="duiqi:needs-review"` (2.0 has no review state before `reviewed`)
- 1-0 (no English): 1.2 an empty `<target state="needs-translation"/>`; 2.0 no `<target>`, `state="initial"`
- 0-1 (no Chinese): an empty `<source/>` and `translate="no"` in both

Tabs and line breaks inside a text are kept: the unit (1.2) or the source/target (2.0) that holds
one gets `xml:space="preserve"`. Presets for tools that reject unknown data leave the Duiqi data out
(options.duiqi_props).

XLIFF 1.2 carries the Duiqi data in `<context-group name="x-duiqi-N">` (strict schema allows `x-`
context types); XLIFF 2.0 in the Metadata module (`mda:metaGroup category="duiqi"`). Every 1.2
unit has a `<target>`: OmegaT's XLIFF filter extracts nothing from a unit without one.
"""

from __future__ import annotations

from typing import BinaryIO

from lxml import etree

from editor import __version__
from editor.bitext.document import AlignmentDocument, BeadStatus
from editor.exporting import ExportOptions, ExportReport, register
from editor.exporting.entries import Entry, collect_entries, export_files, export_languages, needs_review
from editor.errors import UnsupportedFormatError
from editor.exporting.xml_text import XML_NS

XML_SPACE = f"{{{XML_NS}}}space"

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


@register(".xlf", ".xliff")
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
    file_el = etree.SubElement(root, q("file"), {
        "original": _original(doc, options), "source-language": langs.src, "target-language": langs.tgt,
        "datatype": "plaintext", "tool-id": "duiqi"})
    header = etree.SubElement(file_el, q("header"))
    etree.SubElement(header, q("tool"), {"tool-id": "duiqi", "tool-name": "Duiqi", "tool-version": __version__})
    body = etree.SubElement(file_el, q("body"))
    for entry in entries:
        unit = etree.SubElement(body, q("trans-unit"), id=str(entry.number))
        etree.SubElement(unit, q("source")).text = entry.src
        target = etree.SubElement(unit, q("target"))
        if not entry.src:
            unit.set("translate", "no")
        if not entry.tgt:
            target.set("state", "needs-translation")
        elif entry.status is not BeadStatus.AUTO:
            unit.set("approved", "yes")
            target.set("state", "final")
        else:
            target.set("state", "needs-review-translation" if needs_review(entry) else "translated")
        target.text = entry.tgt
        if _keeps_space(entry.src) or _keeps_space(entry.tgt):
            unit.set(XML_SPACE, "preserve")
        if options.duiqi_props:
            group = etree.SubElement(unit, q("context-group"), name=f"{DUIQI_GROUP}-{entry.number}",
                                     purpose="information")
            for key, value in _duiqi_values(entry):
                etree.SubElement(group, q("context"), {"context-type": f"x-{key}"}).text = value
    etree.ElementTree(root).write(out, encoding="UTF-8", xml_declaration=True, pretty_print=True)
    return report


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
    for entry in entries:
        unit = etree.SubElement(file_el, q("unit"), id=f"u{entry.number}")
        if not entry.src:
            unit.set("translate", "no")
        if options.duiqi_props:
            metadata = etree.SubElement(unit, m("metadata"))
            group = etree.SubElement(metadata, m("metaGroup"), category=DUIQI_CATEGORY)
            for key, value in _duiqi_values(entry):
                etree.SubElement(group, m("meta"), type=key).text = value
        segment = etree.SubElement(unit, q("segment"))
        source = etree.SubElement(segment, q("source"))
        source.text = entry.src
        if _keeps_space(entry.src):
            source.set(XML_SPACE, "preserve")
        if not entry.tgt:
            segment.set("state", "initial")
        else:
            target = etree.SubElement(segment, q("target"))
            target.text = entry.tgt
            if _keeps_space(entry.tgt):
                target.set(XML_SPACE, "preserve")
            if entry.status is not BeadStatus.AUTO:
                segment.set("state", "final")
            elif needs_review(entry):
                segment.set("state", "initial")
                segment.set("subState", SUBSTATE_NEEDS_REVIEW)
            else:
                segment.set("state", "translated")
    etree.ElementTree(root).write(out, encoding="UTF-8", xml_declaration=True, pretty_print=True)
    return report
