"""XLSX export through openpyxl: one row per bead with the TSV's columns (zh, en, confidence, status, layouts)."""

from __future__ import annotations

from typing import BinaryIO

from editor.bitext.document import AlignmentDocument
from editor.exporting import ExportOptions, ExportReport, register
from editor.exporting.tsv import COLUMNS, FORMULA_STARTS, table_rows

SHEET_TITLE = "Alignment"


@register(".xlsx")
def write_xlsx(doc: AlignmentDocument, out: BinaryIO, options: ExportOptions) -> ExportReport:
    """Write an Excel workbook (control characters, which the XML inside XLSX cannot hold, are removed and
    counted); return the report."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    report = ExportReport()
    rows = table_rows(doc, options, report, clean_xml=True)
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET_TITLE
    sheet.append(list(COLUMNS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in sheet.iter_rows(min_row=2, max_col=2):
        for cell in row:
            cell.alignment = wrap
            if isinstance(cell.value, str) and cell.value.startswith(FORMULA_STARTS):
                cell.data_type = "s"      # text, not a formula (openpyxl makes "=..." a formula)
    sheet.column_dimensions["A"].width = 50
    sheet.column_dimensions["B"].width = 70
    sheet.column_dimensions["C"].width = 12
    sheet.column_dimensions["D"].width = 12
    sheet.column_dimensions["E"].width = 14
    sheet.column_dimensions["F"].width = 14
    sheet.freeze_panes = "A2"
    book.save(out)
    return report
