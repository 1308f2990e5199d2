"""The .duiqi project file: versioned JSON holding texts, segments, beads, statuses and import facts; atomic saves."""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterator
from dataclasses import asdict, fields, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import BinaryIO

from editor.bitext import document as bitext_document
from editor.bitext.document import (
    AlignmentDocument, Bead, BeadStatus, DocumentMeta, Segment, link_time, person_id,
)
from editor.bitext.review import mark_values, marks_from_values
from editor.errors import InvalidEditError, MalformedFileError, ProjectVersionError
from editor.file_checks import MAX_ALIGNMENT_INPUT_BYTES, check_input_file, sweep_stale_temp_files, temp_prefix
from editor.text_safety import first_lone_surrogate, utf8

FORMAT_NAME = "duiqi-project"
#: 2 added "marks" (import warnings by segment id); 3 added each link's "changed" and "created" times
#: (ISO 8601 UTC, "created" left out when it equals "changed"). Versions 1 and 2 still open: their links
#: get the file's modification time (when it was last saved), or the time of opening for data without a file.
#: Format 3 links may also hold "created_by" and "changed_by" (who created and last changed the link, as
#: a TMX it was opened from said), written only when known: a link without them was created or changed
#: by whoever exports. Optional keys, so no new version: files without them (all older ones) open as
#: before, and a Duiqi from before them opens the newer files, leaving the people out. Likewise "edited": true
#: marks a link an edit in Duiqi made or changed (the edit record, Bead.edited).
FORMAT_VERSION = 3
PROJECT_SUFFIX = ".duiqi"


def document_to_dict(doc: AlignmentDocument) -> dict:
    """Return the project as plain JSON-ready data."""
    times: dict[datetime, str] = {}
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "meta": asdict(doc.meta),
        "src": [[s.id, s.text, s.paragraph] for s in doc.src],
        "tgt": [[s.id, s.text, s.paragraph] for s in doc.tgt],
        "beads": [_bead_out(b, times) for b in doc.beads],
        "marks": {str(s.id): mark_values(s.marks) for s in (*doc.src, *doc.tgt) if s.marks},
    }


def iso_time(moment: datetime) -> str:
    """Return a link time as the project file writes it: `2026-01-02T03:04:05Z`."""
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _bead_out(bead: Bead, written: dict[datetime, str]) -> dict:
    """Return a bead as the project file holds it; `written` caches the time strings (links share times)."""
    changed = written.get(bead.changed) or written.setdefault(bead.changed, iso_time(bead.changed))
    out = {"src": list(bead.src), "tgt": list(bead.tgt), "confidence": round(bead.confidence, 6),
           "status": bead.status.value, "changed": changed}
    if bead.created != bead.changed:
        out["created"] = written.get(bead.created) or written.setdefault(bead.created, iso_time(bead.created))
    if bead.created_by is not None:
        out["created_by"] = bead.created_by
    if bead.changed_by is not None:
        out["changed_by"] = bead.changed_by
    if bead.edited:
        out["edited"] = True
    return out


#: Segment ids and paragraph numbers above this are not Duiqi's (JSON readers lose integers past 2**53).
MAX_ID = 2 ** 53


def _fail(path: Path | None, problem: str) -> MalformedFileError:
    return MalformedFileError(path, f"the project file is damaged: {problem}")


def _check_int(value: object, what: str, path: Path | None, low: int = 0, high: int = MAX_ID) -> int:
    if type(value) is not int or not low <= value <= high:
        raise _fail(path, f"{what} is {_show(value)}, not a whole number from {low} to {high}")
    return value


def _check_text(value: object, what: str, path: Path | None) -> str:
    if not isinstance(value, str):
        raise _fail(path, f"{what} is {_show(value)}, not text")
    bad = first_lone_surrogate(value)
    if bad is not None:
        raise _fail(path, f"{what} holds an invalid character (a lone UTF-16 surrogate U+{ord(bad):04X})")
    return value


def _show(value: object) -> str:
    text = json.dumps(value, ensure_ascii=True) if not isinstance(value, (dict, list)) else type(value).__name__
    return text if len(text) <= 30 else text[:27] + "..."


def _check_meta(data: object, path: Path | None) -> DocumentMeta:
    if data is None:
        return DocumentMeta()
    if not isinstance(data, dict):
        raise _fail(path, f'"meta" is {_show(data)}, not an object')
    meta = DocumentMeta()
    for f in fields(DocumentMeta):
        if f.name not in data:
            continue
        value = data[f.name]
        default = getattr(meta, f.name)
        if f.name in ("src_lang", "tgt_lang"):
            ok = isinstance(value, str) and 0 < len(value) <= 35 and first_lone_surrogate(value) is None
        elif f.name == "presegmented":
            ok = isinstance(value, bool)
        elif f.name == "cleanup_applied":
            ok = isinstance(value, list) and all(isinstance(v, dict) for v in value)
        elif f.name == "anchors":
            ok = isinstance(value, list) and all(
                isinstance(v, list) and all(type(i) is int and 0 <= i <= MAX_ID for i in v) for v in value)
        elif f.name in ("inline_codes", "inline_origins"):
            ok = isinstance(value, dict) and all(
                isinstance(k, str) and isinstance(v, dict) and all(
                    isinstance(m, str) and isinstance(c, list) and len(c) == 2
                    and all(isinstance(x, str) for x in c) for m, c in v.items()) for k, v in value.items())
        elif f.name in ("xliff_file", "unit_ids"):
            ok = isinstance(value, dict) and all(isinstance(k, str) and isinstance(v, str)
                                                 for k, v in value.items())
        elif isinstance(default, list):
            ok = isinstance(value, list) and all(type(i) is int and 0 <= i <= MAX_ID for i in value)
        else:
            ok = value is None or (isinstance(value, str) and first_lone_surrogate(value) is None)
        if not ok:
            raise _fail(path, f'"meta" field "{f.name}" is {_show(value)}; expected '
                              f'{type(default).__name__ if default is not None else "text or null"}')
        setattr(meta, f.name, value)
    return meta


def _check_segments(data: object, side: str, path: Path | None) -> list[Segment]:
    if not isinstance(data, list):
        raise _fail(path, f'"{side}" is {_show(data)}, not a list of sentences')
    out = []
    for n, item in enumerate(data):
        # the common case checked in one expression (a collection's export loads every document); anything
        # else takes the checks below, which name the problem
        if (type(item) is list and len(item) == 3 and type(item[0]) is int and 0 <= item[0] <= MAX_ID
                and type(item[1]) is str and type(item[2]) is int and 0 <= item[2] <= MAX_ID
                and first_lone_surrogate(item[1]) is None):
            out.append(Segment(item[0], item[1], item[2]))
            continue
        if not isinstance(item, list) or len(item) != 3:
            raise _fail(path, f'{side} sentence {n + 1} is {_show(item)}, not [id, text, paragraph]')
        out.append(Segment(_check_int(item[0], f"the id of {side} sentence {n + 1}", path),
                           _check_text(item[1], f"the text of {side} sentence {n + 1}", path),
                           _check_int(item[2], f"the paragraph of {side} sentence {n + 1}", path)))
    return out


def _check_marks(data: object, path: Path | None) -> dict:
    if not isinstance(data, dict):
        raise _fail(path, f'"marks" is {_show(data)}, not an object')
    out = {}
    for key, values in data.items():
        if not key.isdigit() or len(key) > 16:
            raise _fail(path, f'"marks" has the key {_show(key)}, not a sentence id')
        try:
            out[int(key)] = marks_from_values(values)
        except ValueError as exc:
            raise _fail(path, f'the marks of sentence {key}: {exc}') from None
    return out


def _check_time(value: object, what: str, path: Path | None, parsed: dict[str, datetime]) -> datetime:
    if isinstance(value, str):
        if value in parsed:
            return parsed[value]
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            moment = None
        if moment is not None and moment.tzinfo is not None:
            try:
                parsed[value] = link_time(moment)
            except (OverflowError, ValueError):      # year 1 or 9999 with an offset leaves the calendar in UTC
                raise _fail(path, f"{what} is {_show(value)}, which is outside the years 1 to 9999 in UTC") \
                    from None
            return parsed[value]
    raise _fail(path, f"{what} is {_show(value)}, not a time such as \"2026-01-02T03:04:05Z\"")


def _check_person(value: object, what: str, path: Path | None) -> str | None:
    if value is not None and not isinstance(value, str):
        raise _fail(path, f"{what} is {_show(value)}, not text (a name such as \"ANN\")")
    try:
        return person_id(value)
    except ValueError as exc:
        raise _fail(path, f"{what}, {_show(value)}, {exc}") from None


def _person_of(item: dict, key: str, what: str, path: Path | None, checked: dict[str, str | None]) -> str | None:
    """Return item[key] checked as a person (None when missing); `checked` caches them (links share people)."""
    value = item.get(key)
    if value is None:
        return None
    if type(value) is str and value in checked:
        return checked[value]
    person = _check_person(value, what, path)
    checked[value] = person          # only text gets here: anything else raised
    return person


def file_time(path: Path | None) -> datetime:
    """Return when a file was last saved (its modification time), or now when there is no file to ask."""
    if path is not None:
        try:
            return link_time(datetime.fromtimestamp(path.stat().st_mtime, timezone.utc))
        except (OSError, ValueError, OverflowError):
            pass
    return bitext_document.clock()


def _check_beads(data: object, path: Path | None) -> list[Bead]:
    if not isinstance(data, list):
        raise _fail(path, f'"beads" is {_show(data)}, not a list of links')
    statuses = {s.value: s for s in BeadStatus}
    parsed: dict[str, datetime] = {}
    people: dict[str, str | None] = {}
    fallback: datetime | None = None
    out = []
    for n, item in enumerate(data):
        what = f"link {n + 1}"
        if not isinstance(item, dict):
            raise _fail(path, f"{what} is {_show(item)}, not an object")
        sides = []
        for key in ("src", "tgt"):
            ids = item.get(key)
            if not isinstance(ids, list):
                raise _fail(path, f'"{key}" of {what} is {_show(ids)}, not a list of sentence ids')
            if all(type(i) is int and 0 <= i <= MAX_ID for i in ids):
                sides.append(tuple(ids))
            else:
                sides.append(tuple(_check_int(i, f"a sentence id of {what}", path) for i in ids))
        confidence = item.get("confidence", 1.0)
        if type(confidence) not in (int, float) or not 0.0 <= confidence <= 1.0:
            raise _fail(path, f"the confidence of {what} is {_show(confidence)}, not a number from 0 to 1")
        status = item.get("status", "auto")
        if not isinstance(status, str) or status not in statuses:
            raise _fail(path, f"the status of {what} is {_show(status)}; expected one of {', '.join(statuses)}")
        if not (sides[0] or sides[1]):
            raise _fail(path, f"{what} links no sentence")
        if "changed" in item:
            changed = _check_time(item["changed"], f"the change time of {what}", path, parsed)
        else:             # a file from before format 3: the links were last changed when it was saved
            if fallback is None:
                fallback = file_time(path)
            changed = fallback
        created = _check_time(item["created"], f"the creation time of {what}", path, parsed) \
            if "created" in item else changed
        created_by = _person_of(item, "created_by", f"the creator of {what}", path, people)
        changed_by = _person_of(item, "changed_by", f"the last changer of {what}", path, people)
        edited = item.get("edited", False)
        if type(edited) is not bool:
            raise _fail(path, f"the edit record of {what} is {_show(edited)}, not true or false")
        out.append(Bead(sides[0], sides[1], float(confidence), statuses[status], min(created, changed), changed,
                        created_by, changed_by, edited))
    return out


def document_from_dict(data: object, path: Path | None = None) -> AlignmentDocument:
    """Rebuild a document, checking every field; raises MalformedFileError (naming the file and what is
    wrong) or ProjectVersionError."""
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise MalformedFileError(path, "not a Duiqi project file")
    version = data.get("version")
    if type(version) is not int:
        raise MalformedFileError(path, "the project file has no version")
    if version > FORMAT_VERSION:
        raise ProjectVersionError(
            f"the project was saved by a newer Duiqi (format {version}; this one reads up to {FORMAT_VERSION})",
            path=path)
    meta = _check_meta(data.get("meta"), path)
    src = _check_segments(data.get("src"), "src", path)
    tgt = _check_segments(data.get("tgt"), "tgt", path)
    beads = _check_beads(data.get("beads"), path)
    marks = _check_marks(data.get("marks", {}), path)
    if marks:
        src = [replace(seg, marks=marks[seg.id]) if seg.id in marks else seg for seg in src]
        tgt = [replace(seg, marks=marks[seg.id]) if seg.id in marks else seg for seg in tgt]
    doc = AlignmentDocument(src, tgt, beads, meta)
    try:
        doc.check()
    except InvalidEditError as exc:
        raise _fail(path, str(exc)) from exc
    return doc


def parse_json(raw: bytes, path: Path, what: str = "the project file") -> object:
    """Parse JSON bytes; raises MalformedFileError naming the file for text that is not JSON, numbers too
    long to read and nesting too deep to follow."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise MalformedFileError(path, f"{what} is not UTF-8 text") from exc
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise MalformedFileError(path, f"{what} is damaged: {exc.msg}", line=exc.lineno) from exc
    except RecursionError as exc:
        raise MalformedFileError(path, f"{what} is damaged: nested too deeply") from exc
    except ValueError as exc:          # an integer of more than 4300 digits
        raise MalformedFileError(path, f"{what} is damaged: a number is too long ({exc})") from exc


def save_project(doc: AlignmentDocument, path: Path | str) -> None:
    """Write the project atomically: a temporary file in the same folder, flushed, then renamed over `path`."""
    path = Path(path)
    payload = utf8(json.dumps(document_to_dict(doc), ensure_ascii=False, indent=1))
    atomic_write_bytes(path, payload)


def atomic_write_bytes(path: Path, payload: bytes) -> None:
    """Replace `path` with `payload` so that a crash leaves either the old or the new file, never half of one."""
    with atomic_writer(path) as out:
        out.write(payload)


@contextlib.contextmanager
def atomic_writer(path: Path) -> Iterator[BinaryIO]:
    """Write a file that replaces `path` only once it is whole: yields a temporary file beside `path`, which is
    flushed, fsynced and renamed over `path` when the block ends without an error. A crash leaves either the
    old or the new file, never half of one; the temporary file is removed on every error, and ones that killed
    processes left beside `path` more than a day ago are swept away first. (A large export streams into it.)
    """
    sweep_stale_temp_files(path)
    fd, tmp = tempfile.mkstemp(prefix=temp_prefix(path.name), suffix=".tmp", dir=path.parent)
    try:
        out = os.fdopen(fd, "wb")
    except BaseException:
        os.close(fd)
        Path(tmp).unlink(missing_ok=True)
        raise
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
        with out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        out.close()
        Path(tmp).unlink(missing_ok=True)
        raise


def load_project(path: Path | str) -> AlignmentDocument:
    """Read a .duiqi file; raises MalformedFileError (damaged) or ProjectVersionError (newer format)."""
    path = Path(path)
    check_input_file(path, MAX_ALIGNMENT_INPUT_BYTES)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise MalformedFileError(path, f"cannot read the file ({exc.strerror})") from exc
    return document_from_dict(parse_json(raw, path), path)
