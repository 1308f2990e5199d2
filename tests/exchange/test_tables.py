"""TSV and XLSX export: columns zh, en, confidence, status and layouts; one row per bead; csv quoting;
formula guard; BOM for Excel."""

import codecs
import csv
import io

from openpyxl import load_workbook

from editor.bitext.document import AlignmentDocument, Bead, Segment
from editor.exchange.tables import guard_formula, unguard_formula
from tests.exchange.documents import all_pairs, control_char_document, export_bytes, rich_document


def read_tsv(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), dialect="excel-tab"))


def test_tsv_has_the_six_columns_and_one_row_per_bead():
    doc = rich_document()
    data, report = export_bytes(doc, ".tsv")
    rows = read_tsv(data)
    assert rows[0] == ["zh", "en", "confidence", "status", "zh_layout", "en_layout"]
    assert [(r[0], r[1]) for r in rows[1:]] == all_pairs(doc)
    assert [r[2:4] for r in rows[1:]][:3] == [["1", "confirmed"], ["0.9", "auto"], ["0.3", "auto"]]
    assert rows[3][4:] == ["p1:11 p1:7", "p1:53"]               # the 2-1 link keeps its two sentences
    assert report.written == 6 and report.skipped_unlinked == 0


def test_a_csv_reader_gets_every_row_even_when_cells_start_with_a_quote():
    """LibreOffice, pandas and the csv module read 145 rows instead of 172 from unquoted TSV whose English
    cells start with a double quote; quoted cells keep every row."""
    n = 40
    src = [Segment(i, f"“第{i}句，”他说。") for i in range(n)]
    tgt = [Segment(n + i, f'"Sentence {i}," he said.') for i in range(n)]
    doc = AlignmentDocument(src, tgt, [Bead((i,), (n + i,)) for i in range(n)])
    rows = read_tsv(export_bytes(doc, ".tsv")[0])
    assert len(rows) == n + 1
    assert rows[1][1] == '"Sentence 0," he said.' and rows[-1][0] == "“第39句，”他说。"


def test_tsv_without_bom_by_default_and_with_one_for_excel():
    assert not export_bytes(rich_document(), ".tsv")[0].startswith(codecs.BOM_UTF8)
    data = export_bytes(rich_document(), ".tsv", excel_bom=True)[0]
    assert data.startswith(codecs.BOM_UTF8) and data[3:].decode("utf-8").startswith("zh\t")


def test_tabs_newlines_and_backslashes_inside_text_are_quoted_not_escaped():
    doc = AlignmentDocument([Segment(0, "甲\t乙\n丙\\n。")], [Segment(1, 'A\tB\nC "D".')], [Bead((0,), (1,))])
    data = export_bytes(doc, ".tsv")[0]
    assert b'"\xe7\x94\xb2\t' in data and b'"A\tB\nC ""D""."' in data
    assert read_tsv(data)[1][:2] == ["甲\t乙\n丙\\n。", 'A\tB\nC "D".']


def test_cells_starting_with_formula_characters_get_an_apostrophe_and_lose_it_on_reading():
    for text in ("=SUM(A1)", "+1", "-Hello", "@cmd"):
        assert guard_formula(text) == "'" + text and unguard_formula(guard_formula(text)) == text
    assert guard_formula("Hello -1") == "Hello -1" and unguard_formula("'tis") == "'tis"
    doc = AlignmentDocument([Segment(0, "=SUM(A1)。")], [Segment(1, "-Hi there.")], [Bead((0,), (1,))])
    assert read_tsv(export_bytes(doc, ".tsv")[0])[1][:2] == ["'=SUM(A1)。", "'-Hi there."]


def test_tsv_keeps_control_characters_that_only_xml_forbids():
    data, report = export_bytes(control_char_document(), ".tsv")
    assert "控制\x01字符。" in data.decode("utf-8") and report.removed_characters == 0


def test_xlsx_has_the_six_columns_and_one_row_per_bead():
    doc = rich_document()
    data, _ = export_bytes(doc, ".xlsx")
    sheet = load_workbook(io.BytesIO(data)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("zh", "en", "confidence", "status", "zh_layout", "en_layout")
    assert [(r[0] or "", r[1] or "") for r in rows[1:]] == all_pairs(doc)
    assert rows[3][2:] == (0.3, "auto", "p1:11 p1:7", "p1:53")


def test_xlsx_drops_control_characters_excel_cannot_hold_and_reports_them():
    data, report = export_bytes(control_char_document(), ".xlsx")
    rows = list(load_workbook(io.BytesIO(data)).active.iter_rows(values_only=True))
    assert rows[1][:2] == ("控制字符。", "Control character.")
    assert report.removed_characters == 3


def test_xlsx_text_starting_with_formula_characters_is_text_not_a_formula():
    doc = AlignmentDocument([Segment(0, "=SUM(A1)。")], [Segment(1, "+SUM(A1).")], [Bead((0,), (1,))])
    sheet = load_workbook(io.BytesIO(export_bytes(doc, ".xlsx")[0])).active
    assert sheet["A2"].data_type == "s" and sheet["A2"].value == "=SUM(A1)。"
    assert sheet["B2"].data_type == "s" and sheet["B2"].value == "+SUM(A1)."


def test_cli_excel_bom_and_reverse_options_reach_the_exporters(tmp_path):
    from editor.bitext.project import save_project
    from editor.cli import main
    project = tmp_path / "a.duiqi"
    save_project(rich_document(), project)
    assert main(["convert", str(project), str(tmp_path / "a.tsv"), "--excel-bom", "--reverse", "-q"]) == 0
    data = (tmp_path / "a.tsv").read_bytes()
    assert data.startswith(codecs.BOM_UTF8)
    assert data[3:].decode("utf-8").splitlines()[1].startswith("今天天气很好。\t")   # tables keep zh, en
    assert main(["convert", str(project), str(tmp_path / "a.tmx"), "--reverse", "-q"]) == 0
    assert 'srclang="en-US"' in (tmp_path / "a.tmx").read_text(encoding="utf-8")
