"""Same-line 中英对照: splitting a line at its change of script, and the mixed-file detector's layouts."""

from pathlib import Path

import pytest

from editor.importing import load_document
from editor.importing.bilingual import Layout, split_mixed
from editor.importing.records import Paragraph
from editor.importing.same_line import same_line_pair, split_scripts
from editor.workflow import align_document, import_document

DATA = Path(__file__).resolve().parents[1] / "data" / "importing"


def test_a_chinese_first_line_splits_into_its_chinese_and_english_sentences():
    assert split_scripts("今天天气很好。The weather is nice today.") == [
        ("zh", "今天天气很好。"), ("en", "The weather is nice today.")]


def test_an_english_first_line_keeps_its_order():
    assert split_scripts("The weather is nice today. 今天天气很好。") == [
        ("en", "The weather is nice today."), ("zh", "今天天气很好。")]


def test_english_words_and_numbers_inside_a_chinese_sentence_stay_in_it():
    assert split_scripts("他们使用Python和Excel管理借阅记录。版本3.5已经发布。") == [
        ("zh", "他们使用Python和Excel管理借阅记录。版本3.5已经发布。")]


def test_a_chinese_name_inside_an_english_sentence_stays_in_it():
    assert split_scripts("The poet 李白 wrote it in 744. 诗人李白于744年写下了它。") == [
        ("en", "The poet 李白 wrote it in 744."), ("zh", "诗人李白于744年写下了它。")]


@pytest.mark.parametrize("line, parts", [
    ("“我们希望，”王明说。\"We hope,\" Wang said.", [("zh", "“我们希望，”王明说。"), ("en", "\"We hope,\" Wang said.")]),
    ("\"We hope,\" Wang said. “我们希望，”王明说。", [("en", "\"We hope,\" Wang said."), ("zh", "“我们希望，”王明说。")]),
    ("他说：“今天很好。”\"Today is fine.\"", [("zh", "他说：“今天很好。”"), ("en", "\"Today is fine.\"")]),
    ("'Are you tired? Shall we rest?' 他问道：“累了吗？歇一会儿吧？”",
     [("en", "'Are you tired? Shall we rest?'"), ("zh", "他问道：“累了吗？歇一会儿吧？”")]),
    ("Then we must go now.' 那我们得走了。”", [("en", "Then we must go now.'"), ("zh", "那我们得走了。”")]),
    ("快进来！”'Come in, quickly!'", [("zh", "快进来！”"), ("en", "'Come in, quickly!'")]),
    ("'Wait for me, I'll just—' 他说：“等等我，我马上——”",
     [("en", "'Wait for me, I'll just—'"), ("zh", "他说：“等等我，我马上——”")]),
])
def test_quotation_marks_belong_to_the_side_they_enclose(line, parts):
    assert split_scripts(line) == parts


def test_several_sentences_per_side_and_alternating_halves_join_per_language():
    assert same_line_pair("你好。Hello. 再见。Goodbye.") == ("你好。再见。", "Hello. Goodbye.")
    assert same_line_pair("馆长说，藏书约十二万册。外文图书占三成。The director said it holds 120,000 books. "
                          "A third are foreign.") == (
        "馆长说，藏书约十二万册。外文图书占三成。", "The director said it holds 120,000 books. A third are foreign.")


def test_an_unpunctuated_heading_splits_where_han_meets_english_words():
    assert split_scripts("第一章 出发 Chapter One: Departure") == [("zh", "第一章 出发"), ("en", "Chapter One: Departure")]


@pytest.mark.parametrize("line", ["我喜欢 Python", "他说OK。", "……他在推特上写道：We will win.",
                                  "He wrote: “我爱北京。” and left."])
def test_a_quoted_word_or_phrase_in_the_other_script_is_not_a_same_line_pair(line):
    assert same_line_pair(line) is None


def test_a_chinese_first_same_line_file_aligns_line_by_line_with_headings_paired():
    doc = import_document([DATA / "same_line_zh_first.txt"])
    assert doc.meta.layout == "same-line pairs (7), headings (2)"
    doc.apply(align_document(doc, mode="fast"))
    pairs = [(doc.bead_texts(b)) for b in doc.beads]
    assert pairs[0] == ("第一章 新馆", "Chapter One: The New Library")
    assert ("他们使用Python和Excel管理借阅记录。", "They use Python and Excel to manage the loan records.") in pairs
    assert ("“我们希望这里成为城市的客厅，”王明说。",
            "\"We hope this will become the city's living room,\" Wang Ming said.") in pairs
    assert ("第二章 工作坊", "Chapter Two: The Workshop") in pairs
    assert all(b.src and b.tgt for b in doc.beads)
    assert [s.text for s in doc.src][1:4] == ["河畔图书馆于三月二日正式开放。", "馆长王明介绍说，新馆藏书约十二万册。",
                                             "其中外文图书占三成。"]


def test_an_english_first_same_line_file_gives_the_same_sides():
    doc = import_document([DATA / "same_line_en_first.txt"])
    assert [s.text for s in doc.src][:2] == ["第一章 新馆", "河畔图书馆于三月二日正式开放。"]
    assert [s.text for s in doc.tgt][:2] == ["Chapter One: The New Library",
                                              "The Riverside Library officially opened on March 2."]
    doc.apply(align_document(doc, mode="fast"))
    pairs = [doc.bead_texts(b) for b in doc.beads]
    assert ("诗人李白是图书馆最受欢迎的作者。", "The poet 李白 is the library's favourite author.") in pairs
    assert ("工作坊免费。", "The workshop is free.") == pairs[-1]
    assert len(pairs) == 7


def test_the_detector_reports_a_mixture_of_alternating_paragraphs_and_same_line_pairs():
    text = split_mixed(load_document(DATA / "mixed_layouts.txt").records)
    assert text.counts == {Layout.ALTERNATING: 4, Layout.SAME_LINE: 1}
    assert [p.text for p in text.zh] == ["图书馆每天上午九点开门。", "周一上午闭馆整理。", "儿童区在二楼。"]
    assert [p.text for p in text.en][1] == "It is closed on Monday mornings for reorganization."
    assert [(a.src_start, a.tgt_start, a.hard) for a in text.anchors] == [(1, 1, False)]


def test_alternating_paragraphs_stay_alternating_when_a_chinese_paragraph_quotes_english():
    records = [Paragraph("他在推特上写道：We will win. 随后离开了会场。"), Paragraph("He wrote on Twitter: We will win. "
                                                                         "Then he left the hall.")]
    text = split_mixed(records)
    assert text.counts == {Layout.ALTERNATING: 2}
    assert len(text.zh) == len(text.en) == 1
