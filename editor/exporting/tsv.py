"""TSV export: real tab-separated values (the csv module's excel-tab dialect) that spreadsheets read right.

Columns: zh, en, confidence, status, zh_layout, en_layout; one row per bead. Cells holding a tab, a line
break or a double quote are quoted ("..." with "" for a quote), as LibreOffice, Excel, pandas and
Python's csv module expect. A text cell starting with = + - or @ gets an apostrophe in front, so that
spreadsheets open it as text and never run it as a formula (the reader takes the apostrophe off again).

zh_layout/en_layout hold each side's sentences as `p<paragraph>:<length>` (TMX's x-duiqi-layout with a
`p` in front, because LibreOffice reads a bare `0:7` as the time 00:07), so a re-import restores a link
of several sentences sentence by sentence, with its paragraphs; when a text was edited so that its
layout no longer fits, the reader keeps that text as one sentence.
"""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import replace
from typing import BinaryIO

from editor.bitext.document import AlignmentDocument
from editor.exporting import ExportOptions, ExportReport, register
from editor.text_safety import utf8
from editor.exporting.entries import collect_entries

COLUMNS = ("zh", "en", "confidence", "status", "zh_layout", "en_layout")
FORMULA_STARTS = ("=", "+", "-", "@")
FORMULA_GUARD = "'"


def guard_formula(text: str) -> str:
    """Return a cell text that a spreadsheet opens as text: an apostrophe before a leading = + - @."""
    return FORMULA_GUARD + text if text.startswith(FORMULA_STARTS) else text


def unguard_formula(text: str) -> str:
    """Undo guard_formula."""
    if text.startswith(FORMULA_GUARD) and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text


def table_layout(layout: str) -> str:
    """Return a layout as written in a table cell: `0:7 1:9` -> `p0:7 p1:9`."""
    return " ".join(f"p{item}" for item in layout.split())


def untable_layout(text: str) -> str:
    """Undo table_layout (a layout without the `p`s is read as it is)."""
    return " ".join(item.removeprefix("p").removeprefix("P") for item in text.split())


def table_rows(doc: AlignmentDocument, options: ExportOptions, report: ExportReport, *,
               clean_xml: bool) -> list[list[str | float]]:
    """Return the rows of a table export (without the header): texts, confidence, status, layouts."""
    # the columns are named zh and en, so options.reverse does not apply
    entries = collect_entries(doc, replace(options, reverse=False), report, keep_unlinked=True,
                              clean_xml=clean_xml)
    return [[e.src, e.tgt, round(e.confidence, 4), e.status.value, table_layout(e.src_layout),
             table_layout(e.tgt_layout)] for e in entries]


@register(".tsv")
def write_tsv(doc: AlignmentDocument, out: BinaryIO, options: ExportOptions) -> ExportReport:
    """Write UTF-8 TSV (with a BOM when options.excel_bom, so Excel detects UTF-8); every bead is a row,
    a bead without Chinese or English leaves that cell empty. Returns the report."""
    from editor.exporting.entries import format_confidence

    report = ExportReport()
    text = io.StringIO(newline="")
    writer = csv.writer(text, dialect="excel-tab", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    for src, tgt, confidence, status, src_layout, tgt_layout in table_rows(doc, options, report, clean_xml=False):
        writer.writerow([guard_formula(src), guard_formula(tgt), format_confidence(confidence), status,
                         src_layout, tgt_layout])
    if options.excel_bom:
        out.write(codecs.BOM_UTF8)
    out.write(utf8(text.getvalue()))      # never invalid UTF-8, even with a lone surrogate
    return report
