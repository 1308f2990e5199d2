"""Export presets for CAT tools, TMX dates and ids, and tabs/line breaks inside segments."""

from datetime import datetime, timezone

import pytest
from lxml import etree

from editor.bitext.document import AlignmentDocument, Bead, BeadStatus, DocumentMeta, Segment
from editor.exporting.presets import (Omission, apply_preset, get_preset, omission_text, preset_names,
                                      preset_omissions, region_code)
from editor.exporting import ExportOptions
from editor.exchange.xml_text import XML_LANG
from tests.exchange.documents import export_bytes, rich_document

XLIFF12 = "{urn:oasis:names:tc:xliff:document:1.2}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def preset_options(name: str, **extra) -> dict:
    options = apply_preset(ExportOptions(**extra), name)
    return {key: getattr(options, key) for key in vars(options)}


def test_every_tu_has_its_links_creation_and_change_dates_and_ids_and_the_header_the_export_time():
    doc = rich_document()
    made, edited = datetime(2025, 12, 31, 23, 59, 59, tzinfo=timezone.utc), datetime(2026, 1, 1, 8, 0, 0,
                                                                                      tzinfo=timezone.utc)
    doc.beads = [b.dated(made, edited if b.status is BeadStatus.EDITED else made) for b in doc.beads]
    moment = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
    root = etree.fromstring(export_bytes(doc, ".tmx", timestamp=moment, creation_id="ann")[0])
    tus = root.findall("body/tu")
    assert [(tu.get("creationdate"), tu.get("changedate")) for tu in tus] == \
        [("20251231T235959Z", "20251231T235959Z")] * 3 + [("20251231T235959Z", "20260101T080000Z")]
    assert root.find("header").get("creationdate") == "20260102T030405Z"
    # the engine made every link of rich_document; a person confirmed the first and edited the last: only those
    # name the person exporting, as their changeid (issue 20: no credit for a review that did not happen)
    statuses = [b.status for b in doc.beads if b.is_link]
    assert [(tu.get("creationid"), tu.get("changeid")) for tu in tus] == [
        ("Duiqi", "Duiqi" if s is BeadStatus.AUTO else "ann") for s in statuses]
    assert statuses[0] is BeadStatus.CONFIRMED and statuses[-1] is BeadStatus.EDITED


def test_the_trados_preset_writes_no_custom_props_region_codes_and_leaves_out_doubtful_links():
    doc = rich_document()
    doc.meta.src_lang, doc.meta.tgt_lang = "zh", "en"
    data, report = export_bytes(doc, ".tmx", **preset_options("trados", review_threshold=0.8))
    root = etree.fromstring(data)
    assert root.findall(".//prop") == []
    assert {tuv.get(XML_LANG) for tuv in root.iter("tuv")} == {"zh-CN", "en-US"}
    # rich_document: 1 confirmed, 1 auto at 0.9, 1 auto at 0.3 (doubtful below the threshold 0.8), 2 unlinked,
    # 1 edited
    assert report.written == 3 and report.skipped_doubtful == 1 and report.skipped_unlinked == 2
    assert any("doubtful" in w for w in report.warnings)


def test_the_generic_preset_keeps_everything():
    data, report = export_bytes(rich_document(), ".xlf", **preset_options("generic"))
    assert report.written == 6 and report.skipped_doubtful == 0 and b"x-duiqi" in data


@pytest.mark.parametrize("name", ["trados", "memoq", "phrase", "omegat"])
def test_cat_presets_leave_unlinked_sentences_out_of_xliff_and_say_so(name):
    _, report = export_bytes(rich_document(), ".xlf", **preset_options(name))
    # named as the export dialog names it ("OmegaT"), not by its key ("omegat": an X11 audit)
    title = get_preset(name).title
    assert title != name
    assert report.skipped_unlinked == 2 and any(f"as the {title} preset does" in w for w in report.warnings)


def test_the_trados_preset_leaves_out_segments_over_2000_characters_and_a_stricter_limit_wins():
    long = "很长。" * 700
    doc = AlignmentDocument([Segment(0, long), Segment(1, "短。")], [Segment(2, "Long."), Segment(3, "Short.")],
                            [Bead((0,), (2,), 1.0, BeadStatus.CONFIRMED), Bead((1,), (3,), 1.0, BeadStatus.CONFIRMED)])
    assert export_bytes(doc, ".tmx", **preset_options("trados"))[1].skipped_too_long == 1
    assert apply_preset(ExportOptions(max_segment_length=500), "trados").max_segment_length == 500


def test_region_codes_for_trados_memoq_and_phrase():
    assert [region_code(c) for c in ("zh", "zh-Hans", "zh-Hant", "zh-HK", "en", "en-GB")] == \
        ["zh-CN", "zh-CN", "zh-TW", "zh-HK", "en-US", "en-GB"]
    assert region_code("zh", traditional=True) == "zh-TW"


@pytest.mark.parametrize("name", ["trados", "memoq", "phrase"])
def test_the_memoq_phrase_and_trados_exports_write_region_codes_in_tmx_and_xliff(name):
    doc = rich_document()
    doc.meta.src_lang, doc.meta.tgt_lang = "zh-Hans", "en"      # codes without a region, as a plain text import
    tmx = etree.fromstring(export_bytes(doc, ".tmx", **preset_options(name))[0])
    assert {tuv.get(XML_LANG) for tuv in tmx.iter("tuv")} == {"zh-CN", "en-US"}
    assert tmx.find("header").get("srclang") == "zh-CN"
    xliff = etree.fromstring(export_bytes(doc, ".xlf", **preset_options(name))[0])
    [file_] = xliff.iter(f"{XLIFF12}file")
    assert (file_.get("source-language"), file_.get("target-language")) == ("zh-CN", "en-US")


def test_every_preset_says_what_it_leaves_out_of_a_tmx():
    assert preset_names() == ["generic", "trados", "memoq", "phrase", "omegat", "lokalize"]
    for name in preset_names():
        omissions = preset_omissions(name, ".tmx")
        assert Omission.UNLINKED_TMX in omissions
        assert (Omission.DOUBTFUL in omissions) == (name not in ("generic", "lokalize"))
    assert omission_text(Omission.TOO_LONG, "trados") == "links longer than 2000 characters are left out"
    assert preset_omissions("generic", ".xlf") == [] and preset_omissions("trados", ".json") == []
    assert preset_omissions("lokalize", ".xlf") == []


def test_tmx_writes_tabs_and_line_breaks_as_spaces_and_xliff_keeps_them_with_xml_space():
    doc = AlignmentDocument([Segment(0, "第一行\n第二行\t完。")], [Segment(1, "Line one\nline\ttwo.")],
                            [Bead((0,), (1,), 1.0, BeadStatus.CONFIRMED)], DocumentMeta())
    tmx, report = export_bytes(doc, ".tmx")
    segs = [seg.text for seg in etree.fromstring(tmx).iter("seg")]
    assert segs == ["第一行 第二行 完。", "Line one line two."] and report.normalised_whitespace == 4
    assert any("as spaces" in w for w in report.warnings)
    unit = etree.fromstring(export_bytes(doc, ".xlf")[0]).find(f".//{XLIFF12}trans-unit")
    assert unit.get(XML_SPACE) == "preserve" and unit.find(f"{XLIFF12}target").text == "Line one\nline\ttwo."
    plain = AlignmentDocument([Segment(0, "好。")], [Segment(1, "Good.")], [Bead((0,), (1,))])
    assert etree.fromstring(export_bytes(plain, ".xlf")[0]).find(f".//{XLIFF12}trans-unit").get(XML_SPACE) is None


def test_the_cli_preset_option_warns_what_it_leaves_out(tmp_path, capsys):
    from editor.bitext.project import save_project
    from editor.cli import main
    project = tmp_path / "a.duiqi"
    save_project(rich_document(), project)
    assert main(["convert", str(project), str(tmp_path / "a.tmx"), "--preset", "trados"]) == 0
    err = capsys.readouterr().err
    assert "preset trados: doubtful links" in err and "2000 characters" in err
    assert "<prop" not in (tmp_path / "a.tmx").read_text(encoding="utf-8")


def test_convert_picks_the_languages_of_a_multilingual_tmx_and_notes_what_was_left_out(tmp_path, capsys):
    from pathlib import Path

    from editor.cli import main
    source = Path(__file__).resolve().parents[1] / "data" / "exchange" / "multilingual-en-ja-zh.tmx"
    assert main(["convert", str(source), str(tmp_path / "out.tmx"), "--tgt-lang", "ja-JP"]) == 0
    assert "left out en-US (3 segments)" in capsys.readouterr().err
    langs = {tuv.get(XML_LANG) for tuv in etree.parse(str(tmp_path / "out.tmx")).iter("tuv")}
    assert langs == {"zh-CN", "ja-JP"}
