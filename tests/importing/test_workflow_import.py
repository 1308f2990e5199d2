"""import_document() over .txt/.docx/.html inputs, with clean-up and pre-segmented mode."""

from pathlib import Path

import pytest

from editor.errors import InputFileError
from editor.workflow import ImportOptions, import_document, suggest_import_cleanup
from tests.conftest import need_shared

DATA = Path(__file__).resolve().parents[1] / "data" / "importing"


def test_a_mixed_docx_is_split_by_language_and_segmented():
    doc = import_document([DATA / "table.docx"], ImportOptions(clean=False))
    assert [s.text for s in doc.src] == ["会议将于下周三举行。", "表格第一格。"]
    assert [s.text for s in doc.tgt] == ["The first cell.", "A second paragraph in the cell.",
                                          "The meeting is next Wednesday.", "Tab\tand break."]
    assert doc.meta.src_encoding is None


def test_a_mixed_html_file_imports_with_its_encoding_recorded():
    doc = import_document([DATA / "page.html"])
    assert doc.meta.src_encoding == "utf-8"
    assert doc.meta.chinese_script == "traditional"
    assert doc.meta.src_lang == "zh-TW"
    assert "會議將於下週三在北京舉行。" in [s.text for s in doc.src]
    assert "A new line after a break." in [s.text for s in doc.tgt]


def test_two_files_in_different_encodings_import_as_chinese_and_english(tmp_path):
    zh, en = tmp_path / "zh.txt", tmp_path / "en.txt"
    zh.write_bytes("会议将于下周三举行。代表团周一抵达。\n".encode("gb18030"))
    en.write_bytes(b"\xff\xfe" + "The meeting is next Wednesday. The delegation arrives on Monday.\n"
                   .encode("utf-16-le"))
    doc = import_document([zh, en])
    assert [s.text for s in doc.src] == ["会议将于下周三举行。", "代表团周一抵达。"]
    assert [s.text for s in doc.tgt] == ["The meeting is next Wednesday.", "The delegation arrives on Monday."]
    assert (doc.meta.src_encoding, doc.meta.tgt_encoding) == ("gb18030", "utf-16-le")
    assert doc.meta.src_lang == "zh-CN"


def test_presegmented_input_keeps_one_segment_per_line_even_in_wrapped_blocks(tmp_path):
    path = tmp_path / "pre.txt"
    path.write_text("第一行。第二句。\n第二行\n\nLine one. Two.\nLine two\n", encoding="utf-8")
    doc = import_document([path], ImportOptions(presegmented=True))
    assert [s.text for s in doc.src] == ["第一行。第二句。", "第二行"]
    assert [s.text for s in doc.tgt] == ["Line one. Two.", "Line two"]


def test_cleanup_is_applied_by_default_off_with_clean_false_and_recorded_with_positions(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_text("外事聯(lián)絡組成立。\nThe liaison group was set up.\n", encoding="utf-8")
    assert [s.text for s in import_document([path], ImportOptions(clean=False)).src] == ["外事聯(lián)絡組成立。"]
    doc = import_document([path])
    assert [s.text for s in doc.src] == ["外事聯絡組成立。"]
    assert doc.meta.cleanup_applied == [{"side": "zh", "paragraph": 0, "kind": "pinyin artifact", "start": 3,
                                         "end": 9, "original": "(lián)", "replacement": "",
                                         "note": doc.meta.cleanup_applied[0]["note"]}]


def test_cleanup_suggestions_can_be_accepted_one_by_one(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_text("聯(lián)絡與發(fā)展。\nLiaison and development.\n", encoding="utf-8")
    suggestions = suggest_import_cleanup([path])
    assert list(suggestions) == [("zh", 0)]
    first, second = suggestions[("zh", 0)]
    doc = import_document([path], ImportOptions(clean=True, accepted_fixes={("zh", 0): [second]}))
    assert [s.text for s in doc.src] == ["聯(lián)絡與發展。"]
    assert len(doc.meta.cleanup_applied) == 1


def test_a_file_with_one_language_only_asks_for_the_other_file():
    with pytest.raises(InputFileError, match="English") as caught:
        import_document([DATA / "zh_only.txt"])
    assert caught.value.path == DATA / "zh_only.txt"


@pytest.mark.shared
def test_seed_sample_imports_with_cleanup_and_keeps_paragraph_counts():
    path = need_shared("samples", "mixed-news", "000_e15ace7d525266b0.txt")
    doc = import_document([path], ImportOptions(clean=True))
    assert doc.meta.chinese_script == "traditional"
    assert doc.meta.src_encoding == "utf-8"
    assert max(s.paragraph for s in doc.src) + 1 == 27
    assert max(s.paragraph for s in doc.tgt) + 1 == 26
    assert not any("(lián)" in s.text for s in doc.src)
    kinds = {entry["kind"] for entry in doc.meta.cleanup_applied}
    # and the stray space in '"going out" , in-depth'
    assert kinds == {"pinyin artifact", "whitespace"}


def test_applied_cleanup_survives_saving_and_loading_the_project(tmp_path):
    from editor.bitext.project import load_project, save_project

    path = tmp_path / "mixed.txt"
    path.write_text("外事聯(lián)絡組成立。\nThe liaison group was set up.\n", encoding="utf-8")
    doc = import_document([path], ImportOptions(clean=True))
    save_project(doc, tmp_path / "p.duiqi")
    assert load_project(tmp_path / "p.duiqi").meta.cleanup_applied == doc.meta.cleanup_applied


def test_spaces_inside_straight_quotes_of_a_news_source_do_not_reach_the_document(tmp_path):
    path = tmp_path / "news.txt"
    path.write_text('他说 " 我们会继续努力 。 " 会议结束了。\nHe said " we will keep working . " The meeting ended.\n',
                    encoding="utf-8")
    doc = import_document([path])
    assert [s.text for s in doc.src] == ['他说"我们会继续努力。"', "会议结束了。"]
    assert doc.tgt[0].text == 'He said "we will keep working."'
