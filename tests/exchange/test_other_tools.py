"""Other tools' files (hand-written fixtures in tests/data/exchange/ mimicking each tool) open right."""

from pathlib import Path

import pytest
from openpyxl import load_workbook

from editor.bitext.document import BeadStatus
from editor.errors import InputFileError
from editor.exchange.opening import load_alignment
from editor.exchange.tmx import tmx_languages
from editor.exchange.units import ImportNotes

DATA = Path(__file__).resolve().parents[1] / "data" / "exchange"


def pairs(doc):
    return [doc.bead_texts(b) for b in doc.beads]


# -- language codes --------------------------------------------------------------------------------


def test_a_multilingual_tmx_gives_chinese_and_english_and_says_japanese_was_left_out():
    notes = ImportNotes()
    doc = load_alignment(DATA / "multilingual-en-ja-zh.tmx", notes=notes)
    assert pairs(doc) == [("保存文件。", "Save the file."), ("打开菜单。", "Open the menu."), ("", "Close it.")]
    assert (doc.meta.src_lang, doc.meta.tgt_lang) == ("zh-CN", "en-US")
    assert notes.left_out == {"ja-JP": 3}
    assert any("left out ja-JP (3 segments)" in m for m in notes.messages())
    assert tmx_languages(DATA / "multilingual-en-ja-zh.tmx") == ["en-US", "ja-JP", "zh-CN"]


def test_a_multilingual_tmx_opens_with_the_pair_asked_for():
    notes = ImportNotes()
    doc = load_alignment(DATA / "multilingual-en-ja-zh.tmx", src_lang="zh", tgt_lang="ja", notes=notes)
    assert pairs(doc)[:2] == [("保存文件。", "ファイルを保存します。"), ("打开菜单。", "メニューを開きます。")]
    assert notes.left_out == {"en-US": 3}


def test_asking_for_a_language_the_tmx_does_not_have_names_the_file_and_its_languages():
    with pytest.raises(InputFileError, match="multilingual-en-ja-zh.tmx.*'fr'.*en-US, ja-JP, zh-CN"):
        load_alignment(DATA / "multilingual-en-ja-zh.tmx", tgt_lang="fr")


def test_japanese_is_not_taken_for_chinese():
    doc = load_alignment(DATA / "multilingual-en-ja-zh.tmx")
    assert not any("ファイル" in s.text for s in (*doc.src, *doc.tgt))


def test_french_listed_before_english_does_not_end_up_on_the_english_side():
    notes = ImportNotes()
    doc = load_alignment(DATA / "french-before-english.tmx", notes=notes)
    assert pairs(doc) == [("你好。", "Hello."), ("谢谢。", "Thank you.")]
    assert notes.left_out == {"fr-FR": 2}


def test_three_letter_and_script_codes_are_chinese_and_english():
    doc = load_alignment(DATA / "three-letter-codes.tmx")
    assert [t for t, _ in pairs(doc)] == ["一。", "二。", "三。", "四。", "五。"]
    assert [t for _, t in pairs(doc)] == ["One.", "Two.", "Three.", "Four.", "Five."]
    assert doc.meta.src_lang == "zh" and doc.meta.tgt_lang == "en"


def test_a_memoq_xliff_from_eng_to_zho_puts_chinese_on_the_source_side_with_mq_status():
    doc = load_alignment(DATA / "memoq-eng-zho.mqxliff")
    assert pairs(doc) == [("插入卡片。", "Insert the card."), ("按{1}确定{/1}。", "Press {1}OK{/1}."),
                          ("请稍候。", "Wait.")]
    assert (doc.meta.src_lang, doc.meta.tgt_lang) == ("zh", "en")
    assert [b.status for b in doc.beads] == [BeadStatus.CONFIRMED, BeadStatus.AUTO, BeadStatus.CONFIRMED]
    assert doc.beads[1].confidence == 0.0                     # PartiallyEdited needs a look


# -- inline codes ----------------------------------------------------------------------------------


def test_a_line_break_code_is_a_line_break_and_placeholders_keep_a_marker():
    notes = ImportNotes()
    doc = load_alignment(DATA / "inline-codes.tmx", notes=notes)
    assert pairs(doc) == [("第一行\n第二行", "Line one\nline two"),
                          ("共{1}頁", "{1} pages in all"),
                          ("按{2}儲存{/2}{3}。", "Press {2}Save{/2}{3}.{1}")]   # <ut>: the first free number
    assert notes.line_breaks == 2
    assert notes.markers == 2 + 3 + 4
    assert any("9 inline code(s)" in m for m in notes.messages())


def test_xliff_2_codes_keep_markers_and_state_final_is_confirmed():
    notes = ImportNotes()
    doc = load_alignment(DATA / "xliff20-final-and-codes.xlf", notes=notes)
    assert pairs(doc) == [("共{1}頁，{2}請{/2}翻頁{3}。{/3}", "{1} pages; {2}please{/2} turn{3}.{/3}"),
                          ("第一行\n第二行", "Line one\nline two")]
    assert [b.status for b in doc.beads] == [BeadStatus.CONFIRMED, BeadStatus.AUTO]
    assert doc.meta.src_lang == "zh-Hant" and doc.meta.chinese_script == "traditional"
    assert notes.skipped == {'translate="no"': 1}


# -- other tools' structure ------------------------------------------------------------------------


def test_sdlxliff_segments_stay_separate_with_their_confirmation_levels():
    notes = ImportNotes()
    doc = load_alignment(DATA / "trados.sdlxliff", notes=notes)
    assert pairs(doc) == [("今天天气很好。", "The weather is nice today."),
                          ("我们明天去{5}北京。", "We are going to{5} Beijing tomorrow."),
                          ("谢谢。", "Thank you.")]
    assert [b.status for b in doc.beads] == [BeadStatus.CONFIRMED, BeadStatus.AUTO, BeadStatus.CONFIRMED]
    assert doc.beads[1].confidence == 0.0                     # Draft
    assert notes.skipped == {'translate="no"': 1}


def test_the_po_header_of_a_po2xliff_file_is_not_a_link():
    notes = ImportNotes()
    doc = load_alignment(DATA / "po2xliff.xlf", notes=notes)
    assert pairs(doc) == [("打开", "Open"), ("关闭", "Close")]
    assert [b.status for b in doc.beads] == [BeadStatus.CONFIRMED, BeadStatus.AUTO]
    assert doc.beads[1].confidence == 0.0
    assert notes.skipped == {"the PO header of a po2xliff file": 1}


# -- tables ----------------------------------------------------------------------------------------


def test_a_tsv_libreoffice_saved_with_quoted_cells_opens_with_its_statuses_and_sentences():
    doc = load_alignment(DATA / "libreoffice-resaved.tsv")
    assert pairs(doc) == [("今天天气很好。我们明天去北京。", "The weather is nice today. We are going to Beijing tomorrow."),
                          ("他说：“好。”", 'He said: "Fine."'), ("第一行\n第二行", "Line one\nline two")]
    assert [b.status for b in doc.beads] == [BeadStatus.CONFIRMED, BeadStatus.AUTO, BeadStatus.EDITED]
    assert doc.beads[0].kind == (2, 2)                        # the layout columns keep the sentences
    assert [s.paragraph for s in doc.src] == [0, 0, 1, 1]


def test_an_excel_unicode_text_file_in_utf16_with_multi_line_cells_gives_three_links():
    assert (DATA / "excel-unicode-text.tsv").read_bytes()[:2] == b"\xff\xfe"
    doc = load_alignment(DATA / "excel-unicode-text.tsv")
    assert pairs(doc) == [("第一段第一行。\n第一段第二行。", "First paragraph, line one.\nLine two."),
                          ('他说："好。"', 'He said: "Fine."'), ("最后一行\t有制表符。", "Last line\twith a tab.")]


def test_language_codes_in_the_header_name_the_columns_in_any_order():
    doc = load_alignment(DATA / "language-code-header.tsv")
    assert pairs(doc) == [("一。", "One."), ("二。", "Two.")]
    assert [b.status for b in doc.beads] == [BeadStatus.CONFIRMED, BeadStatus.AUTO]


def test_a_source_target_header_over_english_and_chinese_columns_puts_chinese_on_the_source_side(tmp_path):
    path = tmp_path / "en-zh.tsv"
    path.write_text("Source\tTarget\nGood morning.\t早上好。\nGood night.\t晚安。\n", encoding="utf-8")
    assert pairs(load_alignment(path)) == [("早上好。", "Good morning."), ("晚安。", "Good night.")]


def test_an_xlsx_with_a_stale_dimension_gives_all_hundred_rows():
    sheet = load_workbook(DATA / "stale-dimension.xlsx", read_only=True).worksheets[0]
    assert sheet.calculate_dimension() == "A1:D11"          # what the file claims
    doc = load_alignment(DATA / "stale-dimension.xlsx")
    assert len(doc.beads) == 100 and pairs(doc)[-1] == ("第100句。", "Sentence 100.")


def test_a_tsv_written_by_an_earlier_duiqi_with_escapes_still_opens(tmp_path):
    path = tmp_path / "old.tsv"
    path.write_text("zh\ten\tconfidence\tstatus\n一\\t二。\tOne\\ntwo.\t1\tauto\n", encoding="utf-8")
    assert pairs(load_alignment(path)) == [("一\t二。", "One\ntwo.")]
