"""TSV export: one row per bead with columns zh, en, confidence, status; tabs and line breaks escaped."""

from __future__ import annotations

import codecs
from dataclasses import replace
from typing import BinaryIO

from editor.bitext.document import AlignmentDocument
from editor.exporting import ExportOptions, ExportReport, register
from editor.exporting.entries import collect_entries

COLUMNS = ("zh", "en", "confidence", "status")
_ESCAPES = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}
_UNESCAPES = {"\\": "\\", "t": "\t", "n": "\n", "r": "\r"}


def escape_cell(text: str) -> str:
    """Return a cell with backslash, tab, LF and CR written as \\\\, \\t, \\n, \\r (one row stays one line)."""
    return "".join(_ESCAPES.get(ch, ch) for ch in text)


def unescape_cell(text: str) -> str:
    """Undo escape_cell; a backslash before any other character is kept as it is."""
    out, i = [], 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text) and text[i + 1] in _UNESCAPES:
            out.append(_UNESCAPES[text[i + 1]])
            i += 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)


@register(".tsv")
def write_tsv(doc: AlignmentDocument, out: BinaryIO, options: ExportOptions) -> ExportReport:
    """Write UTF-8 TSV (with a BOM when options.excel_bom, so Excel detects UTF-8); every bead is a row,
    a bead without Chinese or English leaves that cell empty. Returns the report."""
    report = ExportReport()
    # the columns are named zh and en, so options.reverse does not apply
    entries = collect_entries(doc, replace(options, reverse=False), report, keep_unlinked=True, clean_xml=False)
    lines = ["\t".join(COLUMNS)]
    for entry in entries:
        lines.append("\t".join((escape_cell(entry.src), escape_cell(entry.tgt), entry.confidence_text,
                                entry.status.value)))
    if options.excel_bom:
        out.write(codecs.BOM_UTF8)
    out.write(("\n".join(lines) + "\n").encode("utf-8", errors="surrogatepass"))
    return report
