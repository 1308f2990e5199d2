"""TSV, CSV and XLSX tables, read and written: one row per link, columns zh, en, confidence, status, layouts.

TSV is written as real tab-separated values (the csv module's excel-tab dialect) that spreadsheets read right.

Columns: zh, en, confidence, status, zh_layout, en_layout; one row per bead. Cells holding a tab, a line
break or a double quote are quoted ("..." with "" for a quote), as LibreOffice, Excel, pandas and
Python's csv module expect. A text cell starting with = + - or @ gets an apostrophe in front, so that
spreadsheets open it as text and never run it as a formula (the reader takes the apostrophe off again).

zh_layout/en_layout hold each side's sentences as `p<paragraph>:<length>` (TMX's x-duiqi-layout with a
`p` in front, because LibreOffice reads a bare `0:7` as the time 00:07), so a re-import restores a link
of several sentences sentence by sentence, with its paragraphs; when a text was edited so that its
layout no longer fits, the reader keeps that text as one sentence.

XLSX (through openpyxl) has the TSV's columns. Reading takes a header row in any order (zh/en,
Source/Target, language codes such as zh-CN/eng, Chinese names, confidence, status, layouts), or none;
a .csv is comma-separated unless its first line has a tab.
"""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO, Iterable

from editor.bitext.document import AlignmentDocument, BeadStatus
from editor.errors import MalformedFileError
from editor.exchange.entries import collect_entries, format_confidence
from editor.exchange.languages import canonical_lang, is_chinese_code, is_english_code
from editor.exchange.options import ExportOptions, ExportReport
from editor.exchange.units import (Parsed, Row, detect_script, han_share, parse_confidence, parse_status, read_bytes,
                                   side)
from editor.file_checks import MAX_ALIGNMENT_INPUT_BYTES, check_input_file
from editor.text_safety import utf8

COLUMNS = ("zh", "en", "confidence", "status", "zh_layout", "en_layout")
FORMULA_STARTS = ("=", "+", "-", "@")
FORMULA_GUARD = "'"


SHEET_TITLE = "Alignment"


# -- reading ------------------------------------------------------------------------------------


_ZH_NAMES = {"zh", "chinese", "中文", "原文", "汉语", "漢語"}
_EN_NAMES = {"en", "english", "英文", "英语", "英語", "译文", "譯文"}
_SOURCE_NAMES = {"source", "src", "source text", "source segment", "源", "源文", "source language"}
_TARGET_NAMES = {"target", "tgt", "target text", "target segment", "目标", "目标语", "target language",
                 "translation"}
_OTHER_NAMES = {"confidence": ("confidence", "score", "置信度"), "status": ("status", "state", "状态", "狀態"),
                "zh_layout": ("zh_layout",), "en_layout": ("en_layout",)}
# Duiqi wrote `\t` `\n` `\\` escapes and exactly these four columns before it wrote real TSV.
_LEGACY_COLUMNS = ["zh", "en", "confidence", "status"]
_LEGACY_UNESCAPES = {"\\": "\\", "t": "\t", "n": "\n", "r": "\r"}


def _legacy_unescape(text: str) -> str:
    out, i = [], 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text) and text[i + 1] in _LEGACY_UNESCAPES:
            out.append(_LEGACY_UNESCAPES[text[i + 1]])
            i += 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def _column_key(name: str) -> str | None:
    """Return what a header cell names: zh, en, source, target, confidence, status, a layout, or None."""
    name = name.strip().lower().strip('"')
    for key, names in _OTHER_NAMES.items():
        if name in names:
            return key
    if name in _ZH_NAMES:
        return "zh"
    if name in _EN_NAMES:
        return "en"
    if name in _SOURCE_NAMES:
        return "source"
    if name in _TARGET_NAMES:
        return "target"
    try:
        code = canonical_lang(name)
    except ValueError:
        return None
    return "zh" if is_chinese_code(code) else "en" if is_english_code(code) else None


def _table_rows(cells: Iterable[tuple[int, list[str]]], path: Path, *, legacy_escapes: bool = False,
                guarded: bool = True) -> Parsed:
    """Read (line, cells) rows with an optional header (zh/en, Source/Target, language codes such as
    zh-CN/eng, Chinese names, confidence, status, layouts; in any order). `guarded`: the texts may carry
    the formula guard (TSV/CSV; an XLSX stores its cells as text and is written without it)."""
    parsed = Parsed()
    rows = [(line, row) for line, row in cells if any(c.strip() for c in row)]
    columns = {"zh": 0, "en": 1, "confidence": 2, "status": 3, "zh_layout": 4, "en_layout": 5}
    unescape = (lambda text: text)
    named = False                     # the header says which column is Chinese (zh/en, codes, names)
    if rows:
        line, header = rows[0]
        keys = [_column_key(c) for c in header]
        if sum(k is not None for k in keys) >= 2:
            if legacy_escapes and [c.strip().lower() for c in header] == _LEGACY_COLUMNS:
                unescape = _legacy_unescape
            rows = rows[1:]
            columns = {}
            for index, key in enumerate(keys):
                if key is not None:
                    columns.setdefault(key, index)
            # Source/Target: the column with more Han characters is the Chinese one.
            named = "zh" in columns and "en" in columns
            sides = [columns.pop(k) for k in ("source", "target") if k in columns]
            free = [k for k in ("zh", "en") if k not in columns]
            for key, index in zip(free, sides):
                columns[key] = index
            if "zh" not in columns or "en" not in columns:
                raise MalformedFileError(path, "the header row needs a Chinese and an English column "
                                               "(zh and en, Source and Target, or language codes)", line=line)

    def cell(row: list[str], key: str) -> str | None:
        index = columns.get(key)
        return row[index] if index is not None and index < len(row) else None

    texts = {"zh": [cell(r, "zh") or "" for _, r in rows], "en": [cell(r, "en") or "" for _, r in rows]}
    if not named and han_share(texts["en"]) > han_share(texts["zh"]):    # Source/Target was English/Chinese
        columns["zh"], columns["en"] = columns["en"], columns["zh"]
        columns["zh_layout"], columns["en_layout"] = columns.get("en_layout"), columns.get("zh_layout")
    for line, row in rows:
        unguard = unguard_formula if guarded else (lambda text: text)
        src, tgt = (unguard(unescape(cell(row, key) or "")) for key in ("zh", "en"))
        status_text = (cell(row, "status") or "").strip()
        status = parse_status(status_text, BeadStatus.AUTO)
        if status_text and status.value != status_text.lower():
            raise MalformedFileError(path, f"unknown status {status_text!r} (use auto, confirmed or edited)",
                                     line=line)
        try:
            confidence = parse_confidence(cell(row, "confidence"), path, 1.0)
        except MalformedFileError as exc:
            raise MalformedFileError(path, exc.problem, line=line) from None
        parsed.rows.append(Row(side(src, untable_layout(cell(row, "zh_layout") or ""), "zh"),
                                side(tgt, untable_layout(cell(row, "en_layout") or ""), "en"), confidence, status))
    if parsed.rows:
        script = detect_script("".join(t for r in parsed.rows for _, t in r.src))
        parsed.src_lang = "zh-TW" if script == "traditional" else "zh-CN"
    return parsed


def _decode_table(raw: bytes, path: Path) -> str:
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            return raw.decode(name)
    for name in ("utf-8", "gb18030"):
        try:
            return raw.decode(name)
        except UnicodeDecodeError:
            continue
    from editor.errors import UndecodableFileError
    raise UndecodableFileError(path, ("utf-8", "gb18030"))


def read_tsv(path: Path) -> Parsed:
    """Read a TSV as the csv module's excel-tab dialect: quoted cells may hold tabs, line breaks and ""
    (LibreOffice's re-save, Excel's "Unicode text" export in UTF-16). A .csv is comma-separated unless
    its first line has a tab."""
    text = _decode_table(read_bytes(path), path)
    first_line = text.split("\n", 1)[0]
    dialect = "excel" if path.suffix.lower() == ".csv" and "\t" not in first_line else "excel-tab"
    reader = csv.reader(io.StringIO(text, newline=""), dialect=dialect, strict=False)
    rows = []
    try:
        for row in reader:
            rows.append((reader.line_num, row))
    except csv.Error as exc:
        raise MalformedFileError(path, f"not a readable TSV file ({exc})", line=reader.line_num) from None
    return _table_rows(rows, path, legacy_escapes=True)


def read_xlsx(path: Path) -> Parsed:
    """Read the first sheet of a workbook, streamed (editor.importing.table: a row numbered 2,000,000,000,
    millions of shared strings or a DTD in sharedStrings.xml are refused or skipped, never expanded)."""
    from editor.importing.table import xlsx_sheet_rows

    check_input_file(path, MAX_ALIGNMENT_INPUT_BYTES)
    rows = xlsx_sheet_rows(path, MAX_ALIGNMENT_INPUT_BYTES)
    return _table_rows(rows, path, guarded=False)


# -- writing ------------------------------------------------------------------------------------


def guard_formula(text: str) -> str:
    """Return a cell text that a spreadsheet opens as text: an apostrophe before a leading = + - @.

    A text that itself starts with an apostrophe gets one too (the guard is escaped), so that reading takes
    off only the apostrophe Duiqi added: `'=SUM(1)` is written `''=SUM(1)` and read back as `'=SUM(1)`."""
    return FORMULA_GUARD + text if text.startswith(FORMULA_STARTS + (FORMULA_GUARD,)) else text


def unguard_formula(text: str) -> str:
    """Undo guard_formula: one leading apostrophe before = + - @ or another apostrophe is Duiqi's."""
    if text.startswith(FORMULA_GUARD) and text[1:].startswith(FORMULA_STARTS + (FORMULA_GUARD,)):
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


def write_tsv(doc: AlignmentDocument, out: BinaryIO, options: ExportOptions) -> ExportReport:
    """Write UTF-8 TSV (with a BOM when options.excel_bom, so Excel detects UTF-8); every bead is a row,
    a bead without Chinese or English leaves that cell empty. Returns the report."""
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
