"""TMX 1.4 export: valid against the official DTD, header, languages, one tu per linked bead, props, options."""

import re

import pytest
from lxml import etree

from editor.bitext.document import BeadStatus
from editor.exchange.xml_text import XML_LANG
from tests.conftest import schema_path
from tests.exchange.documents import control_char_document, export_bytes, linked_pairs, rich_document

TMX_DATE = re.compile(r"^\d{8}T\d{6}Z$")


def parse(data: bytes) -> etree._Element:
    return etree.fromstring(data)


def seg_pairs(root: etree._Element) -> list[tuple[str, str]]:
    return [tuple(tuv.findtext("seg") for tuv in tu.findall("tuv")) for tu in root.iter("tu")]


def props(tu: etree._Element) -> dict[str, str]:
    return {p.get("type"): p.text for p in tu.findall("prop")}


def test_exported_tmx_is_valid_against_the_tmx_1_4_dtd():
    dtd = etree.DTD(str(schema_path("tmx", "tmx14.dtd")))
    data, _ = export_bytes(rich_document(), ".tmx")
    root = parse(data)
    assert dtd.validate(root), dtd.error_log.filter_from_errors()
    assert root.get("version") == "1.4"


def test_header_has_every_required_attribute_and_tmx_dates():
    root = parse(export_bytes(rich_document(), ".tmx")[0])
    header = root.find("header")
    for name in ("creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang", "srclang", "datatype"):
        assert header.get(name), name
    assert header.get("segtype") == "sentence"
    assert header.get("datatype") == "plaintext"
    assert TMX_DATE.match(header.get("creationdate")) and TMX_DATE.match(header.get("changedate"))


def test_srclang_equals_the_language_of_the_first_tuv_and_codes_are_bcp47():
    root = parse(export_bytes(rich_document(), ".tmx", src_lang="zh_tw", tgt_lang="EN-gb")[0])
    assert root.find("header").get("srclang") == "zh-TW"
    for tu in root.iter("tu"):
        assert [tuv.get(XML_LANG) for tuv in tu.findall("tuv")] == ["zh-TW", "en-GB"]


def test_one_tu_per_linked_bead_with_languages_joined_without_visible_separators():
    doc = rich_document()
    data, report = export_bytes(doc, ".tmx")
    pairs = seg_pairs(parse(data))
    assert pairs == linked_pairs(doc)
    assert ("价格<100元&含税。附言：汉字𠀀。", "Price <100 yuan & tax included; P.S. the character 𠀀.") in pairs
    assert ("他说：“好。”", "He said: \"Fine.\"") in pairs
    assert report.written == 4 and report.skipped_unlinked == 2
    assert any("unlinked" in w for w in report.warnings)


def test_each_tu_carries_confidence_status_and_file_names_as_x_props():
    root = parse(export_bytes(rich_document(), ".tmx")[0])
    tus = list(root.iter("tu"))
    first, low = props(tus[0]), props(tus[2])
    assert first["x-alignment-status"] == "confirmed" and first["x-alignment-confidence"] == "1"
    assert low["x-alignment-status"] == "auto" and low["x-alignment-confidence"] == "0.3"
    assert props(tus[3])["x-alignment-status"] == "edited"
    assert first["x-source-file"] == "新闻.txt" and first["x-target-file"] == "news.txt"
    assert all(t.startswith("x-") for tu in tus for t in props(tu))


def test_markup_characters_are_escaped_and_astral_characters_kept():
    data, _ = export_bytes(rich_document(), ".tmx")
    assert b"&lt;100" in data and b"&amp;" in data
    assert "𠀀".encode("utf-8") in data


def test_only_confirmed_keeps_the_beads_a_person_vouched_for():
    data, report = export_bytes(rich_document(), ".tmx", only_confirmed=True)
    statuses = [props(tu)["x-alignment-status"] for tu in parse(data).iter("tu")]
    assert statuses == [BeadStatus.CONFIRMED.value, BeadStatus.EDITED.value]
    assert report.skipped_unconfirmed == 2


def test_segments_over_the_length_limit_are_left_out_with_a_warning():
    data, report = export_bytes(rich_document(), ".tmx", max_segment_length=30)
    pairs = seg_pairs(parse(data))
    assert all(len(s) <= 30 and len(t) <= 30 for s, t in pairs)
    assert report.skipped_too_long == 2
    assert any("longer than 30" in w for w in report.warnings)


def test_characters_xml_forbids_are_removed_and_reported():
    data, report = export_bytes(control_char_document(), ".tmx")
    assert seg_pairs(parse(data)) == [("控制字符。", "Control character."), ("第二句。", "Second sentence.")]
    assert report.removed_characters == 3
    assert any("removed 3" in w for w in report.warnings)


def test_a_language_code_that_is_not_one_is_refused_with_a_clear_error():
    from editor.errors import InputFileError
    with pytest.raises(InputFileError, match="not a language code"):
        export_bytes(rich_document(), ".tmx", src_lang="中文")


def test_a_bead_whose_text_is_only_forbidden_characters_is_left_out_not_written_empty():
    from editor.bitext.document import AlignmentDocument, Bead, Segment
    doc = AlignmentDocument([Segment(0, "\x01\x02"), Segment(1, "好。")], [Segment(2, "Junk."), Segment(3, "Good.")],
                            [Bead((0,), (2,)), Bead((1,), (3,))])
    data, report = export_bytes(doc, ".tmx")
    assert seg_pairs(parse(data)) == [("好。", "Good.")]
    assert report.skipped_unlinked == 1 and report.removed_characters == 2
