"""XLSX export through openpyxl: one row per bead with columns zh, en, confidence, status."""

from __future__ import annotations

from dataclasses import replace
from typing import BinaryIO

from editor.bitext.document import AlignmentDocument
from editor.exporting import ExportOptions, ExportReport, register
from editor.exporting.entries import collect_entries
from editor.exporting.tsv import COLUMNS

SHEET_TITLE = "Alignment"


@register(".xlsx")
def write_xlsx(doc: AlignmentDocument, out: BinaryIO, options: ExportOptions) -> ExportReport:
    """Write an Excel workbook (control characters, which the XML inside XLSX cannot hold, are removed and
    counted); return the report."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    report = ExportReport()
    # the columns are named zh and en, so options.reverse does not apply
    entries = collect_entries(doc, replace(options, reverse=False), report, keep_unlinked=True, clean_xml=True)
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET_TITLE
    sheet.append(list(COLUMNS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for entry in entries:
        sheet.append([entry.src, entry.tgt, round(entry.confidence, 4), entry.status.value])
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in sheet.iter_rows(min_row=2, max_col=2):
        for cell in row:
            cell.alignment = wrap
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"      # text, not a formula
    sheet.column_dimensions["A"].width = 50
    sheet.column_dimensions["B"].width = 70
    sheet.column_dimensions["C"].width = 12
    sheet.column_dimensions["D"].width = 12
    sheet.freeze_panes = "A2"
    book.save(out)
    return report
