"""TSV and XLSX export: columns zh, en, confidence, status; one row per bead; escaping; BOM for Excel."""

import codecs
import io

from openpyxl import load_workbook

from editor.exporting.tsv import escape_cell, unescape_cell
from tests.exporting.documents import all_pairs, control_char_document, export_bytes, rich_document


def test_tsv_has_the_four_columns_and_one_row_per_bead():
    doc = rich_document()
    data, report = export_bytes(doc, ".tsv")
    lines = data.decode("utf-8").splitlines()
    assert lines[0] == "zh\ten\tconfidence\tstatus"
    rows = [line.split("\t") for line in lines[1:]]
    assert [(r[0], r[1]) for r in rows] == all_pairs(doc)
    assert [r[2:] for r in rows][:3] == [["1", "confirmed"], ["0.9", "auto"], ["0.3", "auto"]]
    assert report.written == 6 and report.skipped_unlinked == 0


def test_tsv_without_bom_by_default_and_with_one_for_excel():
    assert not export_bytes(rich_document(), ".tsv")[0].startswith(codecs.BOM_UTF8)
    data = export_bytes(rich_document(), ".tsv", excel_bom=True)[0]
    assert data.startswith(codecs.BOM_UTF8) and data[3:].decode("utf-8").startswith("zh\t")


def test_tabs_newlines_and_backslashes_inside_text_are_escaped_and_come_back():
    text = "a\tb\nc\\d\re\\n"
    assert "\t" not in escape_cell(text) and "\n" not in escape_cell(text)
    assert unescape_cell(escape_cell(text)) == text


def test_tsv_keeps_control_characters_that_only_xml_forbids():
    data, report = export_bytes(control_char_document(), ".tsv")
    assert "控制\x01字符。" in data.decode("utf-8") and report.removed_characters == 0


def test_xlsx_has_the_four_columns_and_one_row_per_bead():
    doc = rich_document()
    data, _ = export_bytes(doc, ".xlsx")
    sheet = load_workbook(io.BytesIO(data)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("zh", "en", "confidence", "status")
    assert [(r[0] or "", r[1] or "") for r in rows[1:]] == all_pairs(doc)
    assert rows[3][2:] == (0.3, "auto")


def test_xlsx_drops_control_characters_excel_cannot_hold_and_reports_them():
    data, report = export_bytes(control_char_document(), ".xlsx")
    rows = list(load_workbook(io.BytesIO(data)).active.iter_rows(values_only=True))
    assert rows[1][:2] == ("控制字符。", "Control character.")
    assert report.removed_characters == 3


def test_xlsx_text_starting_with_equals_is_text_not_a_formula():
    from editor.bitext.document import AlignmentDocument, Bead, Segment
    doc = AlignmentDocument([Segment(0, "=SUM(A1)。")], [Segment(1, "=SUM(A1).")], [Bead((0,), (1,))])
    sheet = load_workbook(io.BytesIO(export_bytes(doc, ".xlsx")[0])).active
    assert sheet["A2"].data_type == "s" and sheet["A2"].value == "=SUM(A1)。"


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
