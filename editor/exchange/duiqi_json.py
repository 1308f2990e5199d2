"""Duiqi's own files for scripts, read and written: .json (texts and beads), .beads (one bead a line), .duiqi."""

from __future__ import annotations

import json
from pathlib import Path
from typing import BinaryIO

from editor.bitext.document import AlignmentDocument, Bead, BeadStatus, DocumentMeta, Segment
from editor.bitext.project import document_from_dict, document_to_dict, parse_json
from editor.errors import InvalidEditError, MalformedFileError
from editor.exchange.options import ExportOptions, ExportReport
from editor.exchange.units import detect_script, parse_status, read_bytes
from editor.text_safety import first_lone_surrogate, utf8


# -- reading ------------------------------------------------------------------------------------


def read_json(path: Path) -> AlignmentDocument:
    """Open Duiqi's .json export (texts and beads), or a project written as JSON."""
    data = parse_json(read_bytes(path), path, "the JSON file")
    if isinstance(data, dict) and data.get("format") is not None:
        return document_from_dict(data, path)

    def damaged(problem: str) -> MalformedFileError:
        return MalformedFileError(path, f"not a Duiqi alignment JSON file: {problem}")

    if not isinstance(data, dict):
        raise damaged("expected an object with \"zh\", \"en\" and \"beads\"")
    texts = {}
    for key in ("zh", "en"):
        values = data.get(key)
        if not isinstance(values, list):
            raise damaged(f'"{key}" is missing or not a list of sentences')
        for n, value in enumerate(values):
            if not isinstance(value, str):
                raise damaged(f'{key} sentence {n + 1} is not text')
            if first_lone_surrogate(value) is not None:
                raise damaged(f"{key} sentence {n + 1} holds an invalid character (a lone UTF-16 surrogate)")
        texts[key] = values
    zh, en = texts["zh"], texts["en"]
    if not isinstance(data.get("beads"), list):
        raise damaged('"beads" is missing or not a list of links')
    src = [Segment(i, t) for i, t in enumerate(zh)]
    tgt = [Segment(len(zh) + j, t) for j, t in enumerate(en)]
    beads = []
    for n, item in enumerate(data["beads"]):
        if not isinstance(item, dict):
            raise damaged(f"link {n + 1} is not an object")
        sides = []
        for key, segments in (("zh", src), ("en", tgt)):
            positions = item.get(key)
            if not isinstance(positions, list) or not all(type(p) is int and 0 <= p < len(segments)
                                                          for p in positions):
                raise damaged(f'"{key}" of link {n + 1} is not a list of sentence positions '
                              f"(0 to {len(segments) - 1})")
            sides.append(tuple(segments[p].id for p in positions))
        confidence = item.get("confidence", 1.0)
        if type(confidence) not in (int, float) or confidence != confidence:
            raise damaged(f"the confidence of link {n + 1} is not a number")
        status = item.get("status")
        if status is not None and not isinstance(status, str):
            raise damaged(f"the status of link {n + 1} is not text")
        if not (sides[0] or sides[1]):
            raise damaged(f"link {n + 1} links no sentence")
        beads.append(Bead(sides[0], sides[1], min(1.0, max(0.0, float(confidence))),
                          parse_status(status, BeadStatus.AUTO)))
    doc = AlignmentDocument(src, tgt, beads, DocumentMeta(chinese_script=detect_script("".join(zh))))
    try:
        doc.check()
    except InvalidEditError as exc:
        raise damaged(str(exc)) from None
    return doc


# -- writing ------------------------------------------------------------------------------------


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


def write_beads(doc: AlignmentDocument, out: BinaryIO, options: ExportOptions) -> ExportReport:
    """Write one bead a line as `[0,1]:[0]` with zero-based positions (= input line numbers when presegmented)."""
    lines = []
    for bead in doc.beads:
        src, tgt = doc.positions(bead)
        lines.append(f"[{','.join(map(str, src))}]:[{','.join(map(str, tgt))}]\n")
    out.write(utf8("".join(lines)))
    return ExportReport(written=len(lines))


def write_project(doc: AlignmentDocument, out: BinaryIO, options: ExportOptions) -> ExportReport:
    """Write the project file (the same bytes `save_project` writes)."""
    out.write(utf8(json.dumps(document_to_dict(doc), ensure_ascii=False, indent=1)))
    return ExportReport(written=len(doc.beads))
