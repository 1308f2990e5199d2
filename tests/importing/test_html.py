"""HTML import: block-level text in order, without head, scripts or styles."""

from pathlib import Path

import pytest

from editor.errors import MarkupOnlyFileError
from editor.importing import load_document

DATA = Path(__file__).resolve().parents[1] / "data" / "importing"


def test_html_gives_block_level_text_without_scripts_styles_or_head():
    doc = load_document(DATA / "page.html")
    assert doc.format == "html"
    assert doc.encoding == "utf-8"
    assert doc.paragraphs == [
        "會議通知",
        "會議將於下週三在北京舉行。",            # the source line break between Han characters is no space
        "The meeting will be held in Beijing next Wednesday.",
        "A new line after a break.",
        "表格一",
        "Cell two",
        "First item.",
        "Second item.",
    ]
    assert not any("var x" in p or "color" in p or "Not body text" in p for p in doc.paragraphs)


def test_html_declared_charset_is_used():
    doc = load_document(DATA / "gbk_meta.html")
    assert doc.encoding == "gbk"
    assert doc.paragraphs == ["会议将于下周三举行。", "The meeting is next Wednesday."]


def test_markup_only_html_raises_markup_only_error_naming_the_file():
    with pytest.raises(MarkupOnlyFileError) as caught:
        load_document(DATA / "markup_only.html")
    assert caught.value.path == DATA / "markup_only.html"


def test_html_with_a_wrong_charset_declaration_falls_back_to_detection(tmp_path):
    path = tmp_path / "wrong.html"
    path.write_bytes('<meta charset="utf-8"><p>會議將於下週三在臺北舉行。</p>'.encode("big5"))
    doc = load_document(path)
    assert doc.paragraphs == ["會議將於下週三在臺北舉行。"]
    assert doc.encoding == "big5"


def test_ruby_pinyin_annotations_are_left_out(tmp_path):
    path = tmp_path / "ruby.html"
    path.write_text("<p><ruby>漢<rp>(</rp><rt>hàn</rt><rp>)</rp></ruby><ruby>字<rt>zì</rt></ruby>很美。</p>",
                    encoding="utf-8")
    assert load_document(path).paragraphs == ["漢字很美。"]
