"""The edit journal: an append-only file of a session's undo history, replayed onto its base after a crash.

The file is a list of records, one a line, each `<crc32 in hex> <json>`:

- a `base` record opens it: the document at the bottom of the undo history, the history's steps (each a
  list of `Change`s with its undo text), the position in it (`index`, as QUndoStack counts) and the clean
  position (where the project file matches; -1: nowhere);
- then one `step` record per move of the history: `keep` steps stay (the rest were discarded, as a push
  after undo discards them), `push` adds steps, and `index`/`clean` say where the history now stands;
- `info` records carry facts about the session (the project path, a title).

Each record also holds `w`, when it was written (seconds since 1970; older journals have none), so that
recovery can tell whether the autosave snapshot is newer than the last record it could read.

A record is written with one `write()` as soon as the edit is made, so it survives the process being
killed at once; `sync()` (called about once a second) also gets it past a power cut. A record cut short by
a kill, or damaged, ends the replay: everything before it comes back. `compact()` rewrites the file as
one `base` record (done at the autosave interval), dropping discarded branches.

Every bead is written with its times (`changed`, and `created` when it differs, as whole seconds since
1970 UTC), in the base document and in the changes alike, so a replay rebuilds the links with the dates
they had: the time of each edit, never the time of the replay. A bead that knows who created or changed
it (`created_by`/`changed_by`, kept from a TMX) is written with `created` and then both people (null:
whoever exports), so the replay gives them back too, followed by `true` for a link an edit made or changed
(Bead.edited). A version-1 journal (from before links had dates)
still replays; its beads get the journal file's modification time; version 2 (before people) replays
as it was written.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time
import zlib
from copy import deepcopy
from dataclasses import asdict, dataclass, field, fields
from datetime import datetime, timezone
from functools import partial
from pathlib import Path
from typing import Iterable, Sequence

from editor.bitext.document import (
    AlignmentDocument, Bead, BeadStatus, Change, CodeRecords, DocumentMeta, Segment, Splice, person_id,
)
from editor.bitext.review import mark_values, marks_from_values
from editor.errors import EditorError, InvalidEditError, MalformedFileError

JOURNAL_SUFFIX = ".journal"
#: 2 added the beads' times; 3 the people who created and changed them. Versions 1 and 2 still replay.
JOURNAL_VERSION = 3
_READABLE_VERSIONS = (1, 2, 3)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Step:
    """One undo step: the changes it applies in order, and the text the Undo menu shows."""

    text: str
    changes: tuple[Change, ...]


@dataclass
class History:
    """A document's undo history: `base` is the document before steps[0]; `index` steps are applied."""

    base: AlignmentDocument
    steps: list[Step] = field(default_factory=list)
    index: int = 0
    clean: int = -1                   # the index at which the project file matches; -1: none
    info: dict = field(default_factory=dict)

    @property
    def modified(self) -> bool:
        """True when the state at `index` is not the one the project file holds, or text was being typed into a
        sentence (the `draft` the editor journals, not yet an edit: a kill lost it; an X11 audit)."""
        return self.index != self.clean or bool(self.info.get("draft"))

    def document(self) -> AlignmentDocument:
        """Return a new document: the base with the first `index` steps applied."""
        doc = copy_document(self.base)
        for step in self.steps[:self.index]:
            for change in step.changes:
                doc.apply(change)
        return doc


@dataclass
class Replay:
    """What reading a journal gave: the history, how many records it used, and why it stopped early (if so)."""

    history: History
    records: int
    stopped: str | None = None        # None: the whole file replayed; else why the rest was dropped
    written_at: float | None = None   # when the last record replayed was written (None: the journal predates it)


def copy_document(doc: AlignmentDocument) -> AlignmentDocument:
    """Return an independent copy (segments and beads are frozen, so copying the lists is enough)."""
    return AlignmentDocument(list(doc.src), list(doc.tgt), list(doc.beads), deepcopy(doc.meta))


# -- serialising changes --------------------------------------------------------------------------

def _segment_out(s: Segment) -> list:
    return [s.id, s.text, s.paragraph, mark_values(s.marks)] if s.marks else [s.id, s.text, s.paragraph]


def _seconds(moment: datetime) -> int:
    return int(moment.timestamp())


def _bead_out(b: Bead) -> list:
    changed = _seconds(b.changed)
    out = [list(b.src), list(b.tgt), b.confidence, b.status.value, changed]
    if b.created_by is not None or b.changed_by is not None or b.edited:
        out += [_seconds(b.created), b.created_by, b.changed_by]
        if b.edited:
            out.append(True)
    elif b.created != b.changed:
        out.append(_seconds(b.created))
    return out


def _splice_out(splice: Splice | None, item) -> list | None:
    if splice is None:
        return None
    return [splice.first, [item(x) for x in splice.old], [item(x) for x in splice.new]]


def _time_in(value: object) -> datetime:
    return datetime.fromtimestamp(_int(value), timezone.utc)


def change_to_json(change: Change) -> dict:
    """Return a Change as JSON-ready data (floats are kept exactly: JSON round-trips Python floats)."""
    out = {"d": change.description, "s": _splice_out(change.src, _segment_out),
           "t": _splice_out(change.tgt, _segment_out), "b": _splice_out(change.beads, _bead_out)}
    if change.codes:
        out["c"] = [[c.segment, *({m: list(code) for m, code in records} for records in
                                  (c.old_codes, c.new_codes, c.old_origins, c.new_origins))] for c in change.codes]
    if change.unit_ids:
        out["u"] = [list(record) for record in change.unit_ids]
    return out


def _int(value: object) -> int:
    if type(value) is not int:            # bool is an int too, and a float would be accepted by int()
        raise ValueError(f"{value!r} is not an integer")
    return value


def _segment_in(data: object) -> Segment:
    if not isinstance(data, list) or len(data) not in (3, 4):
        raise ValueError("not a segment")
    identifier, text, paragraph = data[:3]
    if not isinstance(text, str):
        raise ValueError("segment text is not a string")
    marks = marks_from_values(data[3]) if len(data) == 4 else ()
    return Segment(_int(identifier), text, _int(paragraph), marks)


def _bead_in(data: object, fallback: datetime | None = None) -> Bead:
    """Rebuild a bead; `fallback` is the time of a bead written without one (a version-1 journal)."""
    if not isinstance(data, list) or len(data) not in (4, 5, 6, 8, 9):
        raise ValueError("not a link")
    src, tgt, confidence, status = data[:4]
    if type(confidence) not in (int, float):
        raise ValueError("confidence is not a number")
    if len(data) == 4:
        if fallback is None:
            raise ValueError("a link without its time")
        changed = created = fallback
    else:
        changed = _time_in(data[4])
        created = _time_in(data[5]) if len(data) >= 6 else changed
    created_by, changed_by = (_person_in(data[6], "creator"), _person_in(data[7], "changer")) \
        if len(data) >= 8 else (None, None)
    if len(data) == 9 and data[8] is not True:
        raise ValueError("an edit record that is not true")
    return Bead(tuple(_int(i) for i in src), tuple(_int(j) for j in tgt), float(confidence), BeadStatus(status),
                created, changed, created_by, changed_by, len(data) == 9)


def _person_in(value: object, what: str) -> str | None:
    try:
        return person_id(value)
    except ValueError as exc:
        raise ValueError(f"a link's {what} {exc}") from None


def _splice_in(data: object, item) -> Splice | None:
    if data is None:
        return None
    first, old, new = data
    return Splice(_int(first), tuple(item(x) for x in old), tuple(item(x) for x in new))


def change_from_json(data: object, fallback: datetime | None = None) -> Change:
    """Rebuild a Change; raises ValueError/TypeError/KeyError/OverflowError/OSError for data that is not one.
    `fallback`: the time of beads written without one (version-1 journals)."""
    if not isinstance(data, dict) or not isinstance(data.get("d"), str):
        raise ValueError("not a change")
    return Change(data["d"], _splice_in(data.get("s"), _segment_in), _splice_in(data.get("t"), _segment_in),
                  _splice_in(data.get("b"), partial(_bead_in, fallback=fallback)),
                  tuple(_code_records_in(c) for c in data.get("c", ())),
                  tuple(_unit_id_in(u) for u in data.get("u", ())))


def _unit_id_in(data: object) -> tuple[str, str | None, str | None]:
    if not (isinstance(data, list) and len(data) == 3 and isinstance(data[0], str)
            and all(v is None or isinstance(v, str) for v in data[1:])):
        raise ValueError("not a unit id")
    return data[0], data[1], data[2]


def _code_records_in(data: object) -> CodeRecords:
    if not isinstance(data, list) or len(data) != 5:
        raise ValueError("not inline-code records")
    tables = []
    for table in data[1:]:
        if not isinstance(table, dict) or not all(
                isinstance(m, str) and isinstance(c, list) and all(isinstance(x, str) for x in c)
                for m, c in table.items()):
            raise ValueError("not inline-code records")
        tables.append(tuple(sorted((m, tuple(c)) for m, c in table.items())))
    return CodeRecords(_int(data[0]), *tables)


def _document_out(doc: AlignmentDocument) -> dict:
    # Not the project format: that rounds confidences, and the changes after the base must match exactly.
    return {"meta": asdict(doc.meta), "src": [_segment_out(s) for s in doc.src],
            "tgt": [_segment_out(s) for s in doc.tgt], "beads": [_bead_out(b) for b in doc.beads]}


def _document_in(data: object, fallback: datetime | None = None) -> AlignmentDocument:
    if not isinstance(data, dict) or not isinstance(data.get("meta"), dict):
        raise ValueError("not a document")
    known = {f.name for f in fields(DocumentMeta)}
    meta = DocumentMeta(**{k: v for k, v in data["meta"].items() if k in known})
    for name in ("src_lang", "tgt_lang"):
        if not isinstance(getattr(meta, name), str):
            raise ValueError(f"{name} is not a language code")
    doc = AlignmentDocument([_segment_in(s) for s in data["src"]], [_segment_in(s) for s in data["tgt"]],
                            [_bead_in(b, fallback) for b in data["beads"]], meta)
    doc.check()
    return doc


def _step_out(step: Step) -> dict:
    return {"text": step.text, "changes": [change_to_json(c) for c in step.changes]}


def _step_in(data: object, fallback: datetime | None = None) -> Step:
    if not isinstance(data, dict) or not isinstance(data.get("text"), str) or not isinstance(data.get("changes"), list):
        raise ValueError("not an undo step")
    return Step(data["text"], tuple(change_from_json(c, fallback) for c in data["changes"]))


# -- records ----------------------------------------------------------------------------------------

def _written_at(record: dict) -> float | None:
    value = record.get("w")
    return float(value) if type(value) in (int, float) and value > 0 else None


def _encode(record: dict) -> bytes:
    record.setdefault("w", round(time.time(), 3))
    # ensure_ascii: a lone surrogate in a segment becomes "\\ud800" instead of failing to encode.
    payload = json.dumps(record, ensure_ascii=True, separators=(",", ":")).encode("ascii")
    return b"%08x " % zlib.crc32(payload) + payload + b"\n"


def _decode(line: bytes) -> dict:
    """Return one record; raises ValueError for a torn or damaged line."""
    if not line.endswith(b"\n") or len(line) < 10 or line[8:9] != b" ":
        raise ValueError("the record is incomplete")
    payload = line[9:-1]
    if b"%08x" % zlib.crc32(payload) != line[:8]:
        raise ValueError("the record's checksum does not match")
    record = json.loads(payload)
    if not isinstance(record, dict) or not isinstance(record.get("t"), str):
        raise ValueError("not a journal record")
    return record


def _base_record(history: History) -> dict:
    return {"t": "base", "v": JOURNAL_VERSION, "doc": _document_out(history.base),
            "steps": [_step_out(s) for s in history.steps], "index": history.index, "clean": history.clean,
            "info": history.info}


def _move(doc: AlignmentDocument, steps: Sequence[Step], old_index: int, new_steps: Sequence[Step],
          keep: int, new_index: int) -> None:
    """Bring `doc` from `old_index` in `steps` to `new_index` in `new_steps` (which share the first `keep`)."""
    common = min(keep, old_index, new_index)
    for step in reversed(steps[common:old_index]):
        for change in reversed(step.changes):
            doc.apply(change.inverted())
    for step in new_steps[common:new_index]:
        for change in step.changes:
            doc.apply(change)


# -- reading ----------------------------------------------------------------------------------------

def read_journal(path: Path | str) -> Replay:
    """Replay a journal file: the base record, then each record that is whole and fits the document.

    A torn or damaged record (a kill in the middle of a write, a bad disk block) ends the replay there,
    and `Replay.stopped` says why. Raises MalformedFileError (naming the file) when not even the base
    record can be read.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise MalformedFileError(path, f"cannot read the edit journal ({exc.strerror})") from exc
    lines = raw.splitlines(keepends=True)
    if not lines:
        raise MalformedFileError(path, "the edit journal is empty")
    try:
        base = _decode(lines[0])
        if base.get("t") != "base" or base.get("v") not in _READABLE_VERSIONS:
            raise ValueError("the journal does not start with a base record")
        fallback = None
        if base["v"] == 1:         # written before links had dates: they were last changed by the last record
            from editor.bitext.project import file_time
            fallback = file_time(path)
        steps = [_step_in(s, fallback) for s in base["steps"]]
        index, clean = _int(base["index"]), _int(base["clean"])
        if not 0 <= index <= len(steps) or not -1 <= clean <= len(steps):
            raise ValueError("the history position is out of range")
        info = base.get("info") if isinstance(base.get("info"), dict) else {}
        history = History(_document_in(base["doc"], fallback), steps, index, clean, dict(info))
        current = history.document()
    except (EditorError, ValueError, TypeError, KeyError, RecursionError, OverflowError, OSError) as exc:
        raise MalformedFileError(path, f"the edit journal is damaged ({exc})") from exc
    used = 1
    stopped = None
    written_at = _written_at(base)
    for line in lines[1:]:
        try:
            record = _decode(line)
            kind = record["t"]
            if kind == "step":
                keep = _int(record["keep"])
                pushed = [_step_in(s, fallback) for s in record["push"]]
                new_steps = history.steps[:keep] + pushed
                new_index, new_clean = _int(record["index"]), _int(record["clean"])
                if not 0 <= keep <= len(history.steps) or not 0 <= new_index <= len(new_steps) \
                        or not -1 <= new_clean <= len(new_steps):
                    raise ValueError("the history position is out of range")
                trial = copy_document(current)          # a change that does not fit leaves `current` whole
                _move(trial, history.steps, history.index, new_steps, keep, new_index)
                current = trial
                history.steps, history.index, history.clean = new_steps, new_index, new_clean
            elif kind == "info":
                if not isinstance(record.get("info"), dict):
                    raise ValueError("an info record without info")
                history.info.update(record["info"])
            else:
                raise ValueError(f"unknown record {kind!r}")
        except (EditorError, ValueError, TypeError, KeyError, RecursionError, OverflowError, OSError) as exc:
            stopped = f"record {used + 1}: {exc}"
            break
        used += 1
        written_at = _written_at(record) or written_at
    return Replay(history, used, stopped, written_at)


# -- writing ----------------------------------------------------------------------------------------

class Journal:
    """The open journal of one session: `record_*` appends (at once, with one write), `sync()` fsyncs.

    It keeps the history it has written (steps, index, clean) so the next record needs only the difference,
    and `compact()` can rewrite the file. A write that fails part-way may leave a torn record, which would end
    a replay there and hide every record after it: the next record therefore rewrites the whole file first.
    Not thread-safe except `sync()` (and `sync_in_background()`), which may run on any thread.
    """

    def __init__(self, path: Path | str, history: History) -> None:
        self.path = Path(path)
        self._history = History(copy_document(history.base), list(history.steps), history.index,
                                history.clean, dict(history.info))
        self._fd: int | None = None
        self._fd_lock = threading.Lock()
        self._dirty = False
        self._records_since_compaction = 0
        self._torn = False                  # a write failed: the next record rewrites the whole file first
        self._write_base()

    @property
    def history(self) -> History:
        return self._history

    @property
    def dirty(self) -> bool:
        """True when something was written since the last sync()."""
        return self._dirty

    @property
    def records_since_compaction(self) -> int:
        return self._records_since_compaction

    def grown(self, records: int) -> bool:
        """True when `compact()` is due: `records` or more were appended since the last one, or a write failed."""
        return self._torn or self._records_since_compaction >= records

    def record_history(self, steps: Sequence[Step], index: int, clean: int) -> bool:
        """Record that the history is now `steps` at `index` (clean at `clean`); False if nothing changed."""
        old = self._history.steps
        keep = 0
        limit = min(len(old), len(steps))
        while keep < limit and old[keep] is steps[keep]:
            keep += 1
        pushed = list(steps[keep:])
        if keep == len(old) and not pushed and index == self._history.index and clean == self._history.clean:
            return False
        self._append({"t": "step", "keep": keep, "push": [_step_out(s) for s in pushed], "index": index,
                      "clean": clean})
        self._history.steps = list(steps)
        self._history.index, self._history.clean = index, clean
        return True

    def record_info(self, **info: object) -> None:
        """Record facts about the session (the project path after Save As, a title)."""
        if all(self._history.info.get(k) == v for k, v in info.items()):
            return
        self._append({"t": "info", "info": info})
        self._history.info.update(info)

    def compact(self) -> None:
        """Rewrite the file as one base record holding the whole history (atomically: old or new, never half)."""
        self._write_base()

    def sync_in_background(self) -> None:
        """`sync()` on a short-lived thread, if anything was written; a failure is logged (the next covers it)."""
        if self._dirty:
            threading.Thread(target=self._sync_quietly, name="duiqi-journal-sync", daemon=True).start()

    def _sync_quietly(self) -> None:
        try:
            self.sync()
        except OSError as exc:           # a closed or replaced file: the next sync covers it
            log.debug("journal sync %s: %s", self.path, exc)

    def sync(self) -> None:
        """fsync what was written (any thread): after this it survives a power cut too."""
        with self._fd_lock:
            if self._fd is None:
                return
            fd = os.dup(self._fd)
            self._dirty = False
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

    def close(self, *, remove: bool = False) -> None:
        """Close the file; with `remove`, delete it (the work is in the project file, or was discarded)."""
        with self._fd_lock:
            if self._fd is not None:
                os.close(self._fd)
                self._fd = None
        if remove:
            self.path.unlink(missing_ok=True)

    def _append(self, record: dict) -> None:
        data = _encode(record)
        if self._fd is None:
            raise OSError(f"the edit journal {self.path} is closed")
        if self._torn:
            self._write_base()             # the history as last recorded, whole; then this record after it
        view = memoryview(data)
        try:
            while view:
                written = os.write(self._fd, view)
                view = view[written:]
        except OSError:
            self._torn = True
            raise
        self._dirty = True
        self._records_since_compaction += 1

    def _write_base(self) -> None:
        from editor.bitext.project import atomic_write_bytes

        atomic_write_bytes(self.path, _encode(_base_record(self._history)))
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | getattr(os, "O_BINARY", 0))
        with self._fd_lock:
            old, self._fd = self._fd, fd
        if old is not None:
            os.close(old)
        self._dirty = False
        self._records_since_compaction = 0
        self._torn = False


def history_from_steps(current: AlignmentDocument, steps: Iterable[Step], index: int, clean: int,
                       info: dict | None = None) -> History:
    """Return the History whose document at `index` is `current` (the base is found by undoing steps)."""
    steps = list(steps)
    base = copy_document(current)
    for step in reversed(steps[:index]):
        for change in reversed(step.changes):
            try:
                base.apply(change.inverted())
            except InvalidEditError as exc:
                raise InvalidEditError(f"the undo history does not fit the document ({exc})") from exc
    return History(base, steps, index, clean, dict(info or {}))
