"""The TMX writer and reader agree on the conventions: dates, creationid/changeid, props, language codes.

Each test writes a document with editor.exchange.tmx, reads the bytes back with the same module and checks
that the values come back the same, and that the file spells them as TMX 1.4 says (so a change on one
side only fails here).
"""

from __future__ import annotations

import io
from datetime import datetime, timedelta, timezone

import pytest
from lxml import etree

from editor.bitext.document import AlignmentDocument, Bead, BeadStatus, DocumentMeta, Segment
from editor.exchange import tmx
from editor.exchange.options import ExportOptions
from editor.exchange.xml_text import XML_LANG
from editor.exchange.opening import load_alignment
from editor.exchange.units import ImportNotes

CREATED = datetime(2025, 12, 31, 23, 59, 58, tzinfo=timezone.utc)
CHANGED = datetime(2026, 2, 28, 8, 30, 0, tzinfo=timezone(timedelta(hours=8)))   # 00:30 UTC


def _document(src_lang: str, tgt_lang: str, *, presegmented: bool = False) -> AlignmentDocument:
    src = [Segment(0, "第一句。", 0), Segment(1, "第二句。", 0), Segment(2, "第三句。", 1)]
    tgt = [Segment(3, "First.", 0), Segment(4, "Second and third.", 1)]
    beads = [Bead((0,), (3,), 0.8125, BeadStatus.CONFIRMED, CREATED, CHANGED, "Ann Lee", "Bo"),
             Bead((1, 2), (4,), 0.25, BeadStatus.AUTO, CREATED, CREATED, None, None)]
    doc = AlignmentDocument(src, tgt, beads, DocumentMeta(src_lang=src_lang, tgt_lang=tgt_lang,
                                                          src_file="/a/中文.txt", tgt_file="/a/english.txt",
                                                          presegmented=presegmented))
    doc.check()
    return doc


def _round_trip(doc: AlignmentDocument, tmp_path, **options) -> tuple[bytes, AlignmentDocument, ImportNotes]:
    out = io.BytesIO()
    tmx.write_tmx(doc, out, ExportOptions(**options))
    path = tmp_path / "out.tmx"
    path.write_bytes(out.getvalue())
    notes = ImportNotes()
    return out.getvalue(), load_alignment(path, notes=notes), notes


def test_dates_and_ids_written_are_the_dates_and_ids_read(tmp_path):
    data, back, _ = _round_trip(_document("zh-CN", "en-US"), tmp_path, creation_id="Exporter", engine_id="Engine")
    first, second = etree.fromstring(data).iter("tu")
    assert (first.get("creationdate"), first.get("changedate")) == ("20251231T235958Z", "20260228T003000Z")
    assert (first.get("creationid"), first.get("changeid")) == ("Ann Lee", "Bo")
    assert (second.get("creationid"), second.get("changeid")) == ("Engine", "Engine")    # made by the engine, untouched
    assert [(b.created, b.changed) for b in back.beads] == [(CREATED, CHANGED), (CREATED, CREATED)]
    assert back.beads[0].changed.utcoffset() == timedelta(0)          # read back in UTC, the same instant
    assert [(b.created_by, b.changed_by) for b in back.beads] == [("Ann Lee", "Bo"), ("Engine", "Engine")]


def test_props_written_are_the_props_read(tmp_path):
    doc = _document("zh-CN", "en-US", presegmented=True)
    data, back, _ = _round_trip(doc, tmp_path)
    root = etree.fromstring(data)
    tu = next(root.iter("tu"))
    props = {p.get("type"): p.text for p in tu.findall("prop")}
    assert props == {tmx.PROP_CONFIDENCE: "0.8125", tmx.PROP_STATUS: "confirmed",
                     tmx.PROP_SOURCE_FILE: "中文.txt", tmx.PROP_TARGET_FILE: "english.txt"}
    assert {p.get("type"): p.text for p in root.find("header").findall("prop")} == {tmx.PROP_PRESEGMENTED: "yes"}
    assert [(b.confidence, b.status) for b in back.beads] == [(0.8125, BeadStatus.CONFIRMED), (0.25, BeadStatus.AUTO)]
    assert (back.meta.src_file, back.meta.tgt_file, back.meta.presegmented) == ("中文.txt", "english.txt", True)
    # x-duiqi-layout: the second link's two sentences and their paragraphs come back
    assert [[(back.segment(i).text, back.segment(i).paragraph) for i in b.src] for b in back.beads] == [
        [("第一句。", 0)], [("第二句。", 0), ("第三句。", 1)]]


@pytest.mark.parametrize(("src", "tgt", "written"), [
    ("zh-CN", "en-US", ("zh-CN", "en-US")),
    ("zh-Hant-TW", "en-GB", ("zh-Hant-TW", "en-GB")),
    ("zh_cn", "EN-us", ("zh-CN", "en-US")),
    ("zho", "eng", ("zh", "en")),
])
def test_language_codes_written_are_the_codes_read(tmp_path, src, tgt, written):
    data, back, notes = _round_trip(_document(src, tgt), tmp_path)
    root = etree.fromstring(data)
    assert root.find("header").get("srclang") == written[0]
    assert [tuv.get(XML_LANG) for tuv in next(root.iter("tu")).findall("tuv")] == list(written)
    assert (back.meta.src_lang, back.meta.tgt_lang) == written
    assert notes.messages() == []


def test_reversed_export_reads_back_with_chinese_as_the_source(tmp_path):
    data, back, _ = _round_trip(_document("zh-CN", "en-US"), tmp_path, reverse=True)
    root = etree.fromstring(data)
    assert root.find("header").get("srclang") == "en-US"
    assert (back.meta.src_lang, back.meta.tgt_lang) == ("zh-CN", "en-US")
    assert back.bead_texts(back.beads[0]) == ("第一句。", "First.")
    assert (back.beads[0].created, back.beads[0].created_by) == (CREATED, "Ann Lee")
