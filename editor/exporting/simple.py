"""Exporters for scripts: .json (texts and beads) and .beads (one bead a line, the benchmark format)."""

from __future__ import annotations

import json
from typing import BinaryIO

from editor.bitext.document import AlignmentDocument
from editor.bitext.project import document_to_dict
from editor.exporting import ExportOptions, ExportReport, register
from editor.text_safety import utf8


@register(".json")
def write_json(doc: AlignmentDocument, out: BinaryIO, options: ExportOptions) -> ExportReport:
    """Write {"zh": [texts], "en": [texts], "beads": [{"zh": [ids], "en": [ids], "confidence", "status"}]};
    ids are positions in the two lists."""
    beads = []
    for bead in doc.beads:
        src, tgt = doc.positions(bead)
        beads.append({"zh": list(src), "en": list(tgt), "confidence": round(bead.confidence, 4),
                      "status": bead.status.value})
    data = {"zh": [s.text for s in doc.src], "en": [t.text for t in doc.tgt], "beads": beads}
    out.write(utf8(json.dumps(data, ensure_ascii=False, indent=1)) + b"\n")
    return ExportReport(written=len(beads))


@register(".beads")
def write_beads(doc: AlignmentDocument, out: BinaryIO, options: ExportOptions) -> ExportReport:
    """Write one bead a line as `[0,1]:[0]` with zero-based positions (= input line numbers when presegmented)."""
    lines = []
    for bead in doc.beads:
        src, tgt = doc.positions(bead)
        lines.append(f"[{','.join(map(str, src))}]:[{','.join(map(str, tgt))}]\n")
    out.write(utf8("".join(lines)))
    return ExportReport(written=len(lines))


@register(".duiqi")
def write_project(doc: AlignmentDocument, out: BinaryIO, options: ExportOptions) -> ExportReport:
    """Write the project file (the same bytes `save_project` writes)."""
    out.write(utf8(json.dumps(document_to_dict(doc), ensure_ascii=False, indent=1)))
    return ExportReport(written=len(doc.beads))
