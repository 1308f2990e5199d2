"""Bilingual tables (.docx, .html, .xlsx, .csv) as fixed row pairs, and headings as anchors."""

from pathlib import Path

from editor.alignment import AlignedBead
from editor.importing import load_document
from editor.importing.bilingual import Layout, split_mixed
from editor.importing.records import Role, looks_like_heading
from editor.importing.table import bilingual_columns
from editor.workflow import align_document, import_document, separate_headings

DATA = Path(__file__).resolve().parents[1] / "data" / "importing"
ROWS = [("读者可以在一楼借书。", "Readers can borrow books on the ground floor."),
        ("阅览室每天开放。", "The reading rooms open every day."),
        ("周一上午除外。", "Monday mornings are an exception."),
        ("他们使用Python和Excel管理借阅记录。", "They use Python and Excel to manage the loan records.")]


def aligned(path):
    doc = import_document([path])
    doc.apply(align_document(doc, mode="fast"))
    return doc, [doc.bead_texts(b) for b in doc.beads]


def test_a_docx_table_with_a_chinese_and_an_english_column_gives_one_anchor_per_row():
    text = split_mixed(load_document(DATA / "bilingual_table.docx").records)
    assert text.counts[Layout.TABLE] == 4                 # four rows; the header row 编号|中文|English and
    assert "1" not in [p.text for p in text.zh + text.en]  # the number column are left out
    assert "中文" not in [p.text for p in text.zh] and "English" not in [p.text for p in text.en]
    row_anchors = [a for a in text.anchors if a.hard and a.src_start > 0]
    assert len(row_anchors) == 4


def test_a_docx_bilingual_table_aligns_sentences_inside_rows_and_pairs_its_heading_styles():
    doc, pairs = aligned(DATA / "bilingual_table.docx")
    assert pairs[0] == ("借阅须知", "Borrowing rules")       # Heading 1 in a localised style ("1", "heading 1")
    assert doc.meta.src_headings == [0] and doc.meta.tgt_headings == [0]
    for row in ROWS:
        assert row in pairs
    assert pairs[-1] == ("如有问题，请联系前台。", "If you have questions, ask at the front desk.")
    assert all(zh and en for zh, en in pairs)


def test_an_html_table_is_read_as_rows_and_its_heading_without_counterpart_is_a_one_zero_link():
    doc, pairs = aligned(DATA / "bilingual_table.html")
    assert pairs[0] == ("借阅须知", "")                       # not glued to the first row
    assert ("中文", "English") not in pairs                    # the header row is not a unit
    for row in ROWS:
        assert row in pairs
    assert doc.meta.layout == "alternating paragraphs (3), table rows (3)"      # the header row is not a row pair


def test_an_xlsx_and_a_csv_table_give_row_pairs():
    for name, rows in (("glossary.xlsx", 4), ("glossary.csv", 2)):        # without the header row
        text = split_mixed(load_document(DATA / name).records)
        assert text.counts == {Layout.TABLE: rows} and len(text.zh) == len(text.en) == rows, name
        assert [p.text for p in text.zh][:1] == ["读者可以在一楼借书。"], name     # header 中文|English left out
        assert [p.text for p in text.en][0] == "Readers can borrow books on the ground floor.", name


def test_a_table_whose_columns_are_not_one_chinese_and_one_english_reads_cell_by_cell():
    assert bilingual_columns([[["一"], ["二"]], [["三"], ["四"]]]) is None
    assert bilingual_columns([[["编号"], ["中文。"], ["Text."]], [["1"], ["你好。"], ["Hello."]],
                              [["2"], ["再见。"], ["Bye."]]]) == (1, 2)


def test_plain_text_chapter_lines_are_headings_but_sentences_that_start_alike_are_not():
    for line in ("第一章", "第十二章 风暴", "Chapter One", "CHAPTER 12: The Storm", "序言", "Prologue"):
        assert looks_like_heading(line), line
    for line in ("第一章讲的是他的童年。", "Chapter one was the hardest to write.", "第一天，我们出发了"):
        assert not looks_like_heading(line), line


def test_a_heading_line_above_wrapped_text_is_its_own_paragraph(tmp_path):
    path = tmp_path / "book.txt"
    path.write_text("第一章 出发\n清晨，船离开\n了港口，林先生\n站在甲板上。\n\n第二章 风暴\n第三天夜里，\n海上起了\n风暴。\n",
                    encoding="utf-8")
    doc = load_document(path)
    assert doc.layout == "blocks"
    assert doc.paragraphs == ["第一章 出发", "清晨，船离开了港口，林先生站在甲板上。", "第二章 风暴", "第三天夜里，海上起了风暴。"]
    assert [r.role for r in doc.records] == [Role.HEADING, Role.BODY, Role.HEADING, Role.BODY]


def test_a_heading_glued_to_a_sentence_is_split_out_as_its_own_link():
    beads = [AlignedBead((0, 1), (0,), 0.8), AlignedBead((2,), (1, 2), 0.9)]
    assert separate_headings(beads, {0}, {2}) == [AlignedBead((0,), (), 0.8), AlignedBead((1,), (0,), 0.8),
                                                  AlignedBead((2,), (1,), 0.9), AlignedBead((), (2,), 0.9)]


def test_chapter_numbers_are_read_from_chinese_and_english_headings():
    from editor.importing.records import heading_number

    assert [heading_number(t) for t in ("第一章 出发", "第十二章", "第二十一回", "第105章", "序言")] == [1, 12, 21, 105, None]
    assert [heading_number(t) for t in ("Chapter One: Departure", "CHAPTER XII", "Chapter 12", "Chapter Twenty-One",
                                        "Prologue")] == [1, 12, 12, 21, None]


def test_headings_of_books_with_different_chapters_pair_by_chapter_number():
    from editor.importing.bilingual import pair_files
    from editor.importing.records import Paragraph, heading

    zh = [heading("译者序"), Paragraph("这是译者的话。"), heading("第一章 出发"), Paragraph("船离开了港口。"),
          heading("第二章 风暴"), Paragraph("海上起了风暴。")]
    en = [heading("Chapter One"), Paragraph("The ship left the harbour."), heading("Chapter Two"),
          Paragraph("A storm rose at sea.")]
    text = pair_files(zh, en)
    assert [(a.src_start, a.tgt_start) for a in text.anchors] == [(2, 0), (4, 2)]
    assert text.counts[Layout.HEADINGS] == 2


def test_layout_anchors_are_saved_in_the_project_and_used_again_when_realigning(tmp_path):
    from editor.bitext.project import load_project, save_project

    doc, pairs = aligned(DATA / "bilingual_table.html")
    save_project(doc, tmp_path / "table.duiqi")
    again = load_project(tmp_path / "table.duiqi")
    assert again.meta.anchors == doc.meta.anchors and again.meta.src_headings == [0]
    again.apply(align_document(again, mode="fast", keep_fixed=False))
    assert [again.bead_texts(b) for b in again.beads] == pairs


def test_a_bead_a_person_fixed_wins_over_a_layout_anchor_it_overlaps():
    from editor.alignment import FixedSpan
    from editor.workflow import merge_spans

    person = [FixedSpan(1, 3, 1, 2)]
    anchors = [FixedSpan(0, 1, 0, 1), FixedSpan(1, 2, 1, 2), FixedSpan(2, 3, 2, 3), FixedSpan(3, 4, 3, 4)]
    assert merge_spans(person, anchors) == [FixedSpan(0, 1, 0, 1), FixedSpan(1, 3, 1, 2), FixedSpan(3, 4, 3, 4)]
