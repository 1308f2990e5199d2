"""XML-safe text, BCP-47 tags and TMX dates."""

from datetime import datetime, timezone

import pytest

from editor.exchange.dates import tmx_date
from editor.exchange.languages import bcp47, primary_subtag
from editor.exchange.xml_text import xml_safe


def test_xml_safe_drops_c0_controls_lone_surrogates_and_nonchars_but_keeps_tab_newline_and_astral():
    text = "a\x00b\x08c\td\ne\rf\ud800g\ufffeh\uffff𠀀\x7f"
    assert xml_safe(text) == ("abc\td\ne\rfgh𠀀\x7f", 5)


@pytest.mark.parametrize("code,tag", [("zh_cn", "zh-CN"), ("ZH-TW", "zh-TW"), ("zh-hans", "zh-Hans"),
                                      ("en", "en"), ("EN-us", "en-US"), ("zh-Hant-HK", "zh-Hant-HK"),
                                      ("es-419", "es-419")])
def test_language_codes_become_bcp47_tags(code, tag):
    assert bcp47(code) == tag


@pytest.mark.parametrize("code", ["", "中文", "zh CN", "-en", "123"])
def test_things_that_are_not_language_codes_are_refused(code):
    with pytest.raises(ValueError):
        bcp47(code)


def test_primary_subtag_and_tmx_date():
    assert primary_subtag("zh_TW") == "zh" and primary_subtag(None) == ""
    assert tmx_date(datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)) == "20260102T030405Z"


def test_a_presegmented_document_keeps_segtype_sentence_and_says_so_in_a_header_prop(tmp_path):
    """segtype="paragraph" makes OmegaT re-segment the TMX; the round-trip information goes in a prop."""
    from lxml import etree

    from editor.exchange.opening import load_alignment
    from tests.exchange.documents import export_bytes, rich_document
    doc = rich_document()
    doc.meta.presegmented = True
    data = export_bytes(doc, ".tmx")[0]
    header = etree.fromstring(data).find("header")
    assert header.get("segtype") == "sentence"
    assert [(p.get("type"), p.text) for p in header.findall("prop")] == [("x-duiqi-presegmented", "yes")]
    (tmp_path / "a.tmx").write_bytes(data)
    assert load_alignment(tmp_path / "a.tmx").meta.presegmented
