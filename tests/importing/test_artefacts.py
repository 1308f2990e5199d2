"""Issue 24: import artefacts never reach the translation memory, and the CLI and the editor clean alike.

The fixtures (tests/importing/artefact_fixtures.py) reproduce each case: a PDF pair with numbered headings and
a sentence wrapped early, a .docx contract with a header row and /-joined cells, a contract text with article
numbers, a pinyin leftover and ASCII commas in Chinese.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree

from editor.bitext.artefacts import Artefact, check_document, unit_artefacts
from editor.cli import main
from editor.exporting import ExportOptions, export_document
from editor.importing import load_document
from editor.importing.bilingual import split_at_separator
from editor.importing.cleanup import FixKind, clean_text, suggest_cleanup
from editor.importing.table import is_header_row, table_records
from editor.workflow import ImportOptions, align_document, import_document
from tests.importing.artefact_fixtures import (ARTICLE_SENTENCES, ARTICLE_UNITS, DOCX_SENTENCES, DOCX_UNITS,
                                               FIXTURES, PDF_SENTENCES, PDF_UNITS, article_texts, contract_docx,
                                               pdf_pair)


def sentences(doc) -> tuple[list[str], list[str]]:
    return [s.text for s in doc.src], [t.text for t in doc.tgt]


def tmx_units(doc, path: Path, **options) -> list[tuple[str, str]]:
    export_document(doc, path, ExportOptions(**options))
    root = etree.parse(str(path)).getroot()
    return [tuple("".join(seg.itertext()) for seg in tu.iter("seg")) for tu in root.iter("tu")]


def aligned(paths, options: ImportOptions | None = None):
    doc = import_document(paths, options)
    doc.apply(align_document(doc, mode="fast"))
    return doc


# -- PDF -------------------------------------------------------------------------------------------------

def test_a_pdf_sentence_wrapped_early_is_one_sentence_and_a_heading_keeps_its_number(tmp_path):
    zh, en = pdf_pair(tmp_path)
    records = load_document(en).records
    assert [r.text for r in records] == [
        "1. Company Overview",
        "Duiqi Trading Ltd. was founded in 2010 and sells machine parts to customers in Europe and Asia. "
        "Its main warehouses are in Hamburg, Germany and Rotterdam, the Netherlands.",
        "2. Scope of Services",
        "We ship parts by sea and by rail. Orders placed before noon leave the same day."]
    assert [r.is_heading for r in records] == [True, False, True, False]
    assert sentences(import_document([zh, en])) == PDF_SENTENCES


def test_the_pdf_pair_exports_its_sentences_as_tmx_units(tmp_path):
    doc = aligned(pdf_pair(tmp_path))
    assert tmx_units(doc, tmp_path / "out.tmx") == PDF_UNITS
    assert ("1.", "1.") not in PDF_UNITS and check_document(doc).count == 0


def test_a_short_line_that_ends_a_sentence_still_ends_its_paragraph():
    from editor.importing.pdf import box_paragraphs

    lines = [("The first paragraph has a long line that fills the box from left to right.", 72, 500, 11),
             ("It ends here.", 72, 150, 11),
             ("A new paragraph starts without an indent and wraps", 72, 480, 11),
             ("early and goes on here.", 72, 200, 11),
             ("• a list item", 72, 150, 11),
             ("A larger line", 72, 200, 14)]
    assert box_paragraphs(lines) == [
        ["The first paragraph has a long line that fills the box from left to right.", "It ends here."],
        ["A new paragraph starts without an indent and wraps", "early and goes on here."],
        ["• a list item"], ["A larger line"]]


# -- Word tables ---------------------------------------------------------------------------------------------

def test_a_docx_contract_leaves_out_its_header_row_and_splits_joined_cells_without_the_separator(tmp_path):
    doc = import_document(contract_docx(tmp_path))
    assert sentences(doc) == DOCX_SENTENCES
    assert "中文" not in sentences(doc)[0] and "English" not in sentences(doc)[1]


def test_the_docx_contract_exports_clean_tmx_units(tmp_path):
    doc = aligned(contract_docx(tmp_path))
    units = tmx_units(doc, tmp_path / "out.tmx")
    assert units == DOCX_UNITS
    assert not any(s.startswith(("/", "／", "|")) or s.endswith(("/", "／", "|")) for unit in units for s in unit)


def test_a_first_row_naming_the_languages_or_marked_as_header_is_not_a_unit():
    for row in (["中文", "English"], ["Chinese/英文", "English"], ["编号", "中文", "English"], ["原文", "译文"],
                ["Chinese", "English (US)"], ["中文 | English"]):
        assert is_header_row([[c] for c in row]), row
    for row in (["你好。", "Hello."], ["中文", "一种语言"], ["Source", "Target"], ["第一条", "Article 1"]):
        assert not is_header_row([[c] for c in row]), row
    body = [[["你好。"], ["Hello."]], [["再见。"], ["Goodbye."]]]
    assert [p.text for p in table_records([[["条款"], ["Clause"]]] + body, header=True)] == \
        ["你好。", "Hello.", "再见。", "Goodbye."]
    assert [p.text for p in table_records([[["条款"], ["Clause"]]] + body)][:2] == ["条款", "Clause"]


def test_bilingual_text_joined_by_a_separator_splits_cleanly():
    assert split_at_separator("买卖合同 / Sales Contract") == ("买卖合同", "Sales Contract")
    assert split_at_separator("Sales Contract | 买卖合同") == ("买卖合同", "Sales Contract")
    assert split_at_separator("甲方／Party A") == ("甲方", "Party A")
    assert split_at_separator("签字\nSignature") == ("签字", "Signature")
    for text in ("公里/小时", "and/or", "中国/China/中华", "见附件1/2"):
        assert split_at_separator(text) is None, text


# -- stray spaces, pinyin, Chinese punctuation ------------------------------------------------------------------

def test_the_space_after_an_article_or_clause_number_is_kept_other_stray_spaces_are_not():
    for text in ("第一条 本合同", "第3款 甲方", "（一） 甲方", "1、 总则", "总则。第二条 双方", "第一条\u3000本合同"):
        assert clean_text(text)[0] == text, text
    assert clean_text("第一条  本合同")[0] == "第一条 本合同"
    assert clean_text("依照第五条 规定办理")[0] == "依照第五条规定办理"      # inside a sentence: stray
    assert clean_text("中国 上海")[0] == "中国上海"
    # a byline or a list of names: the spaces part the names (an X11 audit: "新华社记者张伟王芳")
    for text in ("新华社记者 张伟 王芳", "本报记者 李明", "张伟 王芳 赵丽颖", "责任编辑：李明"):
        assert clean_text(text)[0] == text, text
    # a space after a full-width mark before a digit or Chinese is stray (an X11 re-test: "开局”， 12月8日")
    assert clean_text("开局 ” ， 12月8日")[0] == "开局”，12月8日"
    assert clean_text("他说， “好。”")[0] == "他说，“好。”"
    assert clean_text("他说， Apple 很好。")[0] == "他说， Apple 很好。"        # before English: left as it is


def test_leftover_html_tags_and_entities_are_cleaned_by_default():
    # an X11 audit: plain news files with "<strong>…</strong>", "&nbsp;" and "<br/>" went into the TMX as they
    # were, and "<br/>" kept two sentences from being split
    assert clean_text("<strong>我们</strong>开会了。")[0] == "我们开会了。"
    assert clean_text("We&nbsp;held a meeting.<br/>We should carry on.")[0] == \
        "We held a meeting. We should carry on."
    assert clean_text("Sentence one. <br/> Sentence two.")[0] == "Sentence one. Sentence two."
    assert clean_text("AT&amp;T said &quot;yes&quot;.")[0] == 'AT&T said "yes".'
    for text in ("if x < y > z then", "AT&T Inc.", "&unknown; stays", "第一条 本合同"):
        assert clean_text(text)[0] == text, text
    kinds = {f.kind for f in clean_text("<b>会议</b>&nbsp;决定")[1]}
    assert FixKind.MARKUP in kinds


def test_the_article_text_keeps_its_numbers_spaced_and_loses_its_pinyin_by_default(tmp_path):
    paths = article_texts(tmp_path)
    doc = import_document(paths)
    assert sentences(doc) == ARTICLE_SENTENCES
    assert [c["original"] for c in doc.meta.cleanup_applied] == ["(lián)"]
    kept = import_document(paths, ImportOptions(clean=False))
    assert sentences(kept)[0][1] == "第二条 甲方负责对外联(lián)络工作。"
    assert tmx_units(aligned(paths), tmp_path / "out.tmx") == ARTICLE_UNITS


def test_chinese_punctuation_is_offered_off_by_default_and_keeps_numbers_latin_and_urls(tmp_path):
    paths = article_texts(tmp_path)
    fixes = [f for f in suggest_cleanup(ARTICLE_SENTENCES[0][2]) if f.kind is FixKind.PUNCTUATION]
    assert fixes and not any(f.default for f in fixes)
    doc = import_document(paths, ImportOptions(punctuation=True))
    assert sentences(doc)[0] == ["第一条 本合同由甲乙双方签订，自签字之日起生效。", "第二条 甲方负责对外联络工作。",
                                 "第三条 本合同一式两份，每份价值1,000元，详见www.example.com/terms。"]
    assert clean_text("他说:好;真的?是!", punctuation=True)[0] == "他说：好；真的？是！"
    assert clean_text("公司(中国)成立", punctuation=True)[0] == "公司（中国）成立"
    assert clean_text("他表示,2021年", punctuation=True)[0] == "他表示，2021年"
    assert clean_text("香港企業(yè),支持", punctuation=True)[0] == "香港企業，支持"     # pinyin removed too
    for text in ("see (note) here, ok", "共1,000元", "http://a.cn/x?y=1,2", "He said: fine."):
        assert clean_text(text, punctuation=True)[0] == text, text


# -- one default for the CLI and the editor ------------------------------------------------------------------

def cli_sentences(paths, tmp_path: Path, *extra: str) -> tuple[list[str], list[str]]:
    out = tmp_path / "cli.json"
    assert main(["align", *map(str, paths), "-o", str(out), "--mode", "fast", "-q", *extra]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    return data["zh"], data["en"]


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_the_cli_and_the_editor_import_every_fixture_to_the_same_sentences(name, tmp_path, qtbot):
    from PySide6.QtWidgets import QDialog

    from editor.ui.dialogs.import_dialog import ImportDialog

    write, expected, _ = FIXTURES[name]
    paths = write(tmp_path)
    dialog = ImportDialog(None, paths)
    qtbot.addWidget(dialog)
    assert dialog.import_button.isEnabled(), dialog.error_label.text()
    dialog.import_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.error_label.text()
    assert sentences(dialog.document()) == cli_sentences(paths, tmp_path) == expected


def test_the_cli_says_what_it_repaired_and_no_clean_keeps_the_text(tmp_path, capsys):
    paths = article_texts(tmp_path)
    assert main(["align", *map(str, paths), "-o", str(tmp_path / "a.json"), "--mode", "fast"]) == 0
    err = capsys.readouterr().err
    assert "duiqi: repaired 1 import artefact (pinyin artifact 1); --no-clean keeps the text as read" in err
    zh, _ = cli_sentences(paths, tmp_path, "--no-clean")
    assert zh[1] == "第二条 甲方负责对外联(lián)络工作。"


# -- the check at export -------------------------------------------------------------------------------------

def test_units_that_look_like_import_artefacts_are_recognised():
    cases = {("中文", "English"): [Artefact.HEADER_ROW],
             ("买卖合同", "/ Sales Contract"): [Artefact.PUNCTUATION],
             ("/", "Sales Contract"): [Artefact.PUNCTUATION],
             ("外事聯(lián)絡組", "The liaison group"): [Artefact.PINYIN],
             ("他说�的话", "What he said"): [Artefact.GARBLED],
             ("The company was founded in 2010.", "The company was founded in 2010."): [Artefact.WRONG_SCRIPT],
             ("公司", "公司成立于二〇一〇年"): [Artefact.WRONG_SCRIPT],
             # an X11 audit: "- 2 -" <-> "Page 2 of 3" linked at 0.999, and leftover tags and entities, went
             # into the TMX without a word
             ("- 2 -", "Page 2 of 3"): [Artefact.PAGE_NUMBER],
             ("第 2 页 共 3 页", "Page 2"): [Artefact.PAGE_NUMBER],
             ("<strong>会议</strong>决定", "The meeting decided"): [Artefact.MARKUP],
             ("会议决定", "The meeting&nbsp;decided"): [Artefact.MARKUP],
             ("会议决定", "The meeting<br/>decided"): [Artefact.MARKUP]}
    for (src, tgt), expected in cases.items():
        assert unit_artefacts(src, tgt) == expected, (src, tgt)
    long_en = "The meeting is next Wednesday, and the delegation will arrive on Monday morning for a week of talks."
    assert unit_artefacts("会议将于下周三举行。", long_en, ratio=2.0) == [Artefact.LENGTH_RATIO]
    for src, tgt in (("公司成立于二〇一〇年。", "The company was founded in 2010."), ("Python", "Python"),
                     ("西部(重慶)科學城", "the Western (Chongqing) Science City"), ("第二条", "Article 2"),
                     ("AT&T公司", "AT&T Inc."), ("若 a < b，则", "if a < b > c then")):
        assert unit_artefacts(src, tgt, ratio=2.5) == [], (src, tgt)


def test_the_cli_counts_the_artefacts_it_writes_in_one_line(tmp_path, capsys):
    paths = article_texts(tmp_path)
    assert main(["align", *map(str, paths), "-o", str(tmp_path / "a.tmx"), "--mode", "fast", "--no-clean"]) == 0
    lines = [ln for ln in capsys.readouterr().err.splitlines() if "import artefact" in ln]
    assert lines == ["duiqi: warning: wrote 1 unit that looks like an import artefact (pinyin in parentheses 1); "
                     "check them in the editor's review list"]
    assert main(["align", *map(str, paths), "-o", str(tmp_path / "b.tmx"), "--mode", "fast"]) == 0
    assert "like an import artefact" not in capsys.readouterr().err


def test_an_export_that_leaves_out_doubtful_links_leaves_out_the_artefacts_too(tmp_path):
    from dataclasses import replace

    from editor.bitext.review import ReviewPolicy
    from editor.exporting.presets import apply_preset

    doc = aligned(article_texts(tmp_path), ImportOptions(clean=False))          # 聯(lián) stays in link 2
    k = check_document(doc).beads[0]
    doc.beads[:] = [replace(b, confidence=1.0) for b in doc.beads]      # not doubtful for the review policy ...
    assert not ReviewPolicy.for_document(doc).is_doubtful(doc, doc.beads[k])
    units = tmx_units(doc, tmp_path / "generic.tmx")
    assert ARTICLE_SENTENCES[0][1] not in [zh for zh, _ in units]
    assert "第二条 甲方负责对外联(lián)络工作。" in [zh for zh, _ in units]          # ... so a generic export keeps it
    trados = apply_preset(ExportOptions(), "trados")
    assert not trados.keep_doubtful
    report = export_document(doc, tmp_path / "trados.tmx", trados)
    root = etree.parse(str(tmp_path / "trados.tmx")).getroot()
    written = ["".join(tu.find("tuv").find("seg").itertext()) for tu in root.iter("tu")]
    assert "第二条 甲方负责对外联(lián)络工作。" not in written and len(written) == len(units) - 1
    assert report.skipped_doubtful == 1
