"""The .duiqi project file: versioned JSON holding texts, segments, beads, statuses and import facts; atomic saves."""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, fields
from pathlib import Path

from editor.bitext.document import AlignmentDocument, Bead, BeadStatus, DocumentMeta, Segment
from editor.bitext.review import mark_values, marks_from_values
from editor.errors import InvalidEditError, MalformedFileError, ProjectVersionError

FORMAT_NAME = "duiqi-project"
#: 2 added "marks" (import warnings by segment id); version 1 files still open, as files without marks.
FORMAT_VERSION = 2
PROJECT_SUFFIX = ".duiqi"


def document_to_dict(doc: AlignmentDocument) -> dict:
    """Return the project as plain JSON-ready data."""
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "meta": asdict(doc.meta),
        "src": [[s.id, s.text, s.paragraph] for s in doc.src],
        "tgt": [[s.id, s.text, s.paragraph] for s in doc.tgt],
        "beads": [{"src": list(b.src), "tgt": list(b.tgt), "confidence": round(b.confidence, 6),
                   "status": b.status.value} for b in doc.beads],
        "marks": {str(s.id): mark_values(s.marks) for s in (*doc.src, *doc.tgt) if s.marks},
    }


def document_from_dict(data: object, path: Path | None = None) -> AlignmentDocument:
    """Rebuild a document; raises MalformedFileError or ProjectVersionError with the file named."""
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise MalformedFileError(path, "not a Duiqi project file")
    version = data.get("version")
    if not isinstance(version, int):
        raise MalformedFileError(path, "the project file has no version")
    if version > FORMAT_VERSION:
        raise ProjectVersionError(
            f"the project was saved by a newer Duiqi (format {version}; this one reads up to {FORMAT_VERSION})",
            path=path)
    try:
        known = {f.name for f in fields(DocumentMeta)}
        meta = DocumentMeta(**{k: v for k, v in data.get("meta", {}).items() if k in known})
        marks = data.get("marks", {})
        if not isinstance(marks, dict):
            raise ValueError("marks must map segment ids to lists")
        marks = {int(k): marks_from_values(v) for k, v in marks.items()}
        src = [Segment(int(i), str(t), int(p), marks.get(int(i), ())) for i, t, p in data["src"]]
        tgt = [Segment(int(i), str(t), int(p), marks.get(int(i), ())) for i, t, p in data["tgt"]]
        beads = [Bead(tuple(int(i) for i in b["src"]), tuple(int(j) for j in b["tgt"]),
                      float(b.get("confidence", 1.0)), BeadStatus(b.get("status", "auto")))
                 for b in data["beads"]]
        doc = AlignmentDocument(src, tgt, beads, meta)
        doc.check()
    except (KeyError, TypeError, ValueError, InvalidEditError) as exc:
        raise MalformedFileError(path, f"the project file is damaged ({exc})") from exc
    return doc


def save_project(doc: AlignmentDocument, path: Path | str) -> None:
    """Write the project atomically: a temporary file in the same folder, flushed, then renamed over `path`."""
    path = Path(path)
    payload = json.dumps(document_to_dict(doc), ensure_ascii=False, indent=1).encode("utf-8")
    atomic_write_bytes(path, payload)


def atomic_write_bytes(path: Path, payload: bytes) -> None:
    """Replace `path` with `payload` so that a crash leaves either the old or the new file, never half of one."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp makes the file private (0600); give it the mode a plain open() would (or the old file's),
        # so a CAT tool running under another account can still read an export.
        try:
            mode = path.stat().st_mode & 0o7777
        except FileNotFoundError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
        with os.fdopen(fd, "wb") as out:
            out.write(payload)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def load_project(path: Path | str) -> AlignmentDocument:
    """Read a .duiqi file; raises MalformedFileError (damaged) or ProjectVersionError (newer format)."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise MalformedFileError(path, f"cannot read the file ({exc.strerror})") from exc
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise MalformedFileError(path, "not a Duiqi project file (not UTF-8 text)") from exc
    except json.JSONDecodeError as exc:
        raise MalformedFileError(path, f"the project file is damaged: {exc.msg}", line=exc.lineno) from exc
    return document_from_dict(data, path)
