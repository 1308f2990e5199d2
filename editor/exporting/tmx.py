"""TMX 1.4 export: one `tu` per linked bead, with provenance and segment layout in `x-` props.

Layout of a `tu` (what `editor.importing.alignment_files` reads back):

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
"""

from __future__ import annotations

import re
from typing import BinaryIO

from lxml import etree

from editor import __version__
from editor.bitext import document as bitext_document
from editor.bitext.document import AlignmentDocument
from editor.exporting import ExportOptions, ExportReport, register
from editor.exporting.entries import collect_entries, export_files, export_languages
from editor.exporting.xml_text import XML_LANG, tmx_date

PROP_CONFIDENCE = "x-alignment-confidence"
PROP_STATUS = "x-alignment-status"
PROP_SOURCE_FILE = "x-source-file"
PROP_TARGET_FILE = "x-target-file"
PROP_LAYOUT = "x-duiqi-layout"
PROP_PRESEGMENTED = "x-duiqi-presegmented"
#: "yes" on a link the review policy calls doubtful (editor.bitext.review); absent otherwise
PROP_DOUBTFUL = "x-duiqi-doubtful"
CREATION_TOOL = "Duiqi"
_TABS_AND_BREAKS = re.compile(r"[\t\n\r]")


def _prop(parent: etree._Element, kind: str, value: str) -> None:
    etree.SubElement(parent, "prop", type=kind).text = value


@register(".tmx")
def write_tmx(doc: AlignmentDocument, out: BinaryIO, options: ExportOptions) -> ExportReport:
    """Write the linked beads as UTF-8 TMX 1.4 (valid against the TMX 1.4 DTD); return the report."""
    report = ExportReport()
    langs = export_languages(doc, options)
    entries = collect_entries(doc, options, report, keep_unlinked=False)
    now = tmx_date(options.timestamp or bitext_document.clock())
    root = etree.Element("tmx", version="1.4")
    header = etree.SubElement(root, "header", {
        "creationtool": CREATION_TOOL, "creationtoolversion": __version__, "segtype": "sentence",
        "o-tmf": "duiqi", "adminlang": "en-US", "srclang": langs.src, "datatype": "plaintext",
        "creationdate": now, "changedate": now})
    if doc.meta.presegmented and options.duiqi_props:
        _prop(header, PROP_PRESEGMENTED, "yes")
    body = etree.SubElement(root, "body")
    src_file, tgt_file = export_files(doc, options)
    dates: dict = {}                       # links share times: format each once

    def date(moment) -> str:
        return dates.get(moment) or dates.setdefault(moment, tmx_date(moment))

    for number, entry in enumerate(entries, start=1):
        tu = etree.SubElement(body, "tu", {"tuid": str(number), "creationdate": date(entry.created),
                                           "creationid": entry.created_by or options.creation_id,
                                           "changedate": date(entry.changed),
                                           "changeid": entry.changed_by or options.creation_id})
        if options.duiqi_props:
            _prop(tu, PROP_CONFIDENCE, entry.confidence_text)
            _prop(tu, PROP_STATUS, entry.status.value)
            if entry.doubtful:
                _prop(tu, PROP_DOUBTFUL, "yes")
            if src_file:
                _prop(tu, PROP_SOURCE_FILE, src_file)
            if tgt_file:
                _prop(tu, PROP_TARGET_FILE, tgt_file)
        for lang, text, layout in ((langs.src, entry.src, entry.src_layout),
                                   (langs.tgt, entry.tgt, entry.tgt_layout)):
            tuv = etree.SubElement(tu, "tuv", {XML_LANG: lang})
            if layout and options.duiqi_props:
                _prop(tuv, PROP_LAYOUT, layout)
            text, changed = _TABS_AND_BREAKS.subn(" ", text)     # same length: the layout still fits
            report.normalised_whitespace += changed
            etree.SubElement(tuv, "seg").text = text
    if report.normalised_whitespace:
        report.warnings.append(f"wrote {report.normalised_whitespace} tab(s) or line break(s) inside segments "
                               f"as spaces (TMX has no way to keep them that CAT tools honour)")
    etree.ElementTree(root).write(out, encoding="UTF-8", xml_declaration=True, pretty_print=True)
    return report
