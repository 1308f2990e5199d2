"""Autosave sessions on disk: the folder, the per-session files and locks, and finding what a crashed session left.

Each running editor is a *session* with its own files in `paths.data_dir()/autosave/`:
`<session>.duiqi` (the document, written atomically), `<session>.json` (where it came from, when, which pid)
and `<session>.lock`, which the session keeps locked with an operating-system file lock for as long as it runs.
The operating system drops that lock when the process dies, however it dies, so "the lock can be taken"
means "the session crashed": that is how two running editors keep their hands off each other's autosaves,
and why a reused pid cannot hide a crash.
"""

from __future__ import annotations

import json
import logging
import os
import secrets
import time
from dataclasses import dataclass
from pathlib import Path


from editor import paths
from editor.bitext.document import AlignmentDocument
from editor.bitext.journal import JOURNAL_SUFFIX, History, Replay, read_journal
from editor.bitext.project import PROJECT_SUFFIX, load_project
from editor.errors import EditorError
from editor.file_checks import sweep_folder
from editor.file_locks import lock_file, unlock_file

log = logging.getLogger(__name__)


AUTOSAVE_FOLDER = "autosave"
SIDECAR_SUFFIX = ".json"
LOCK_SUFFIX = ".lock"
#: After a failed autosave, try again this soon (seconds) instead of waiting a whole interval.
RETRY_SECONDS = 10
#: fsync the edit journal this long after a write (milliseconds): a kill loses nothing written, and a
#: power cut nothing older than this.
JOURNAL_SYNC_MS = 500


def autosave_dir() -> Path:
    """Return (creating it) the folder of autosaves."""
    folder = paths.data_dir() / AUTOSAVE_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    return folder


# -- operating-system file locks (editor.file_locks) ---------------------------------------------

def _session_is_running(lock_path: Path) -> bool:
    """True when some process (this one included) holds the session's lock."""
    try:
        handle = open(lock_path, "rb+")
    except FileNotFoundError:
        return False
    except OSError:
        return True          # unreadable: assume its owner is alive rather than steal its work
    with handle:
        if lock_file(handle):
            unlock_file(handle)
            return False
        return True


# -- finding what crashed sessions left -----------------------------------------------------------

@dataclass(frozen=True)
class Recovery:
    """An autosave left by a session that is no longer running."""

    session: str
    autosave_path: Path                 # the .duiqi file holding the unsaved work
    original_path: Path | None          # the project it was opened from; None for an unsaved new alignment
    saved_at: float                     # seconds since the epoch
    pid: int | None
    title: str                          # a name for the list: the project's or the source text's file name
    counts: dict | None = None          # AlignmentDocument.counts() when it was autosaved
    #: which file holds the newest state that can be recovered: "journal" (with the undo history) or
    #: "snapshot" (the autosaved .duiqi file, when the journal is damaged before its end or older)
    source: str = "journal"
    #: what could not be used, and where a copy of it was kept (empty when everything was read), in English
    note: str = ""
    #: the same as data, for the recovery dialog to say in the user's language: "" (nothing), "unreadable"
    #: (the journal), "damaged" (at record `stopped_at`), "behind" (the snapshot is newer than the journal)
    problem: str = ""
    stopped_at: int | None = None
    kept: Path | None = None          # the copy of the journal kept aside
    opened_path: Path | None = None     # the exchange file (TMX, XLIFF, table) the document was read from

    def project_is_newer(self) -> bool:
        """True when the original project file changed after this autosave (it may hold the work already)."""
        if self.original_path is None:
            return False
        try:
            return self.original_path.stat().st_mtime > self.saved_at
        except OSError:
            return False

    @property
    def sidecar_path(self) -> Path:
        return self.autosave_path.with_suffix(SIDECAR_SUFFIX)

    @property
    def lock_path(self) -> Path:
        return self.autosave_path.with_suffix(LOCK_SUFFIX)

    @property
    def journal_path(self) -> Path:
        return self.autosave_path.with_suffix(JOURNAL_SUFFIX)

    def replay(self) -> Replay | None:
        """Return the replayed edit journal, or None when there is none or it cannot be read at all."""
        if not self.journal_path.exists():
            return None
        try:
            return read_journal(self.journal_path)
        except EditorError as exc:
            log.warning("cannot replay %s: %s", self.journal_path, exc)
            return None

    def load_history(self) -> History | None:
        """Return the undo history the journal holds (None without a readable journal, or when the snapshot
        holds a newer state)."""
        if self.source == "snapshot":
            return None
        replay = self.replay()
        return replay.history if replay is not None else None

    def load(self) -> AlignmentDocument:
        """Return the unsaved document: the newest of the journal replayed and the last snapshot.

        Raises MalformedFileError if neither can be read.
        """
        history = self.load_history()
        if history is not None:
            return history.document()
        try:
            return load_project(self.autosave_path)
        except EditorError:
            replay = self.replay()          # the snapshot was newer but cannot be read: the journal's state
            if replay is None:
                raise
            return replay.history.document()

    def discard(self) -> None:
        """Delete the autosave and its side files."""
        for path in (self.autosave_path, self.sidecar_path, self.journal_path, self.lock_path):
            path.unlink(missing_ok=True)


def _read_sidecar(path: Path) -> dict:
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return {}
    return data if isinstance(data, dict) else {}


DAMAGED_FOLDER = "damaged"


def _same_content(document: AlignmentDocument, snapshot: Path) -> bool:
    """True when the snapshot holds the same texts and links as `document` (or cannot be read: then the
    journal, which can, is what is offered)."""
    try:
        other = load_project(snapshot)
    except EditorError:
        return True

    def content(doc: AlignmentDocument):
        return ([s.text for s in doc.src], [s.text for s in doc.tgt],
                [(b.src, b.tgt, b.status) for b in doc.beads])

    return content(document) == content(other)


def keep_aside(path: Path) -> Path | None:
    """Copy a file recovery could not (wholly) use into the autosave folder's `damaged/` (once); return the copy."""
    import shutil

    target = autosave_dir() / DAMAGED_FOLDER / path.name
    try:
        target.parent.mkdir(exist_ok=True)
        if not target.exists():
            shutil.copy2(path, target)
        return target
    except OSError as exc:
        log.warning("cannot keep %s aside: %s", path, exc)
        return None


def _snapshot_time(autosave: Path, meta: dict) -> float | None:
    """When the snapshot was written (its sidecar says; else the file's time); None without a snapshot."""
    if not autosave.exists():
        return None
    saved_at = meta.get("saved_at")
    if isinstance(saved_at, (int, float)) and not isinstance(saved_at, bool):
        return float(saved_at)
    try:
        return autosave.stat().st_mtime
    except OSError:
        return None


def find_recoveries() -> list[Recovery]:
    """Return the autosaves of sessions that are no longer running (they crashed), newest first.

    A crashed session whose journal replays whole and ends where its project file was saved, with no newer
    snapshot, lost nothing: its files are removed instead of being offered. Otherwise the newest state that
    can be read is offered: the journal's, or the snapshot's when the journal stops early (a damaged or cut
    record) before the snapshot was written, or cannot be read at all. A journal recovery could not wholly
    use is never deleted: a copy is kept in `autosave/damaged/`, and the recovery's `note` says so. A journal
    with nothing readable and no snapshot is moved there (and logged), not deleted.
    """
    folder = autosave_dir()
    sweep_folder(folder)            # temporary files of snapshots that a kill interrupted
    found: list[Recovery] = []
    sessions = {p.stem for p in (*folder.glob(f"*{PROJECT_SUFFIX}"), *folder.glob(f"*{JOURNAL_SUFFIX}"))
                if not p.name.startswith(".")}
    for session in sessions:
        autosave = folder / f"{session}{PROJECT_SUFFIX}"
        if _session_is_running(autosave.with_suffix(LOCK_SUFFIX)):
            continue
        meta = _read_sidecar(autosave.with_suffix(SIDECAR_SUFFIX))
        journal = autosave.with_suffix(JOURNAL_SUFFIX)
        snapshot_at = _snapshot_time(autosave, meta)
        replay, note, problem, stopped_at, kept = None, "", "", None, None
        if journal.exists():
            replay = Recovery(session, autosave, None, 0.0, None, "").replay()
            damaged = replay is None or replay.stopped is not None
            snapshot_newer = snapshot_at is not None and (
                replay is None or replay.written_at is None or snapshot_at > replay.written_at)
            if not damaged and snapshot_newer and not _same_content(replay.history.document(), autosave):
                # edits the journal could not record (a full disk) but a later snapshot holds
                kept, problem = keep_aside(journal), "behind"
                note = "The edit journal ends before the last autosave, which is offered instead" + \
                       (f"; a copy of the journal is kept in {kept.parent}." if kept else ".")
                replay = None
            elif not damaged and not replay.history.modified:
                Recovery(session, autosave, None, 0.0, None, "").discard()      # the project file holds all
                continue
            if damaged:
                kept = keep_aside(journal)
                where = f"; a copy is kept in {kept.parent}" if kept else ""
                if replay is None:
                    problem, note = "unreadable", f"The edit journal could not be read{where}."
                else:
                    problem, stopped_at = "damaged", replay.records + 1
                    note = f"The edit journal is damaged at record {stopped_at}{where}."
                if replay is None and snapshot_at is None:
                    if kept is not None:
                        journal.unlink(missing_ok=True)
                    log.warning("the edit journal %s holds nothing readable and there is no snapshot%s", journal,
                                where)
                    continue
                if snapshot_newer:
                    replay = None                       # offer the snapshot: it is newer than what was read
        source = "journal" if replay is not None else "snapshot"
        info = replay.history.info if replay is not None else {}
        original = info.get("original_path", meta.get("original_path"))
        original_path = Path(original) if isinstance(original, str) and original else None
        opened = info.get("opened_path", meta.get("opened_path"))
        opened_path = Path(opened) if isinstance(opened, str) and opened else None
        saved_at = replay.written_at if replay is not None else snapshot_at
        if not isinstance(saved_at, (int, float)):
            try:
                saved_at = (journal if replay is not None else autosave).stat().st_mtime
            except OSError:
                continue
        pid = info.get("pid", meta.get("pid"))
        pid = pid if isinstance(pid, int) else None
        title = info.get("title", meta.get("title"))
        title = title if isinstance(title, str) else ""
        title = title or (original_path.name if original_path else autosave.name)
        counts = replay.history.document().counts() if replay is not None else meta.get("counts")
        counts = counts if isinstance(counts, dict) else None
        found.append(Recovery(session, autosave, original_path, float(saved_at), pid, title, counts, source, note,
                              problem, stopped_at, kept, opened_path))
    _remove_orphan_locks(folder)
    return sorted(found, key=lambda r: r.saved_at, reverse=True)


def _remove_orphan_locks(folder: Path) -> None:
    """Delete lock files of finished sessions that left no autosave (they exited cleanly or saved)."""
    for lock in folder.glob(f"*{LOCK_SUFFIX}"):
        if not lock.with_suffix(PROJECT_SUFFIX).exists() and not lock.with_suffix(JOURNAL_SUFFIX).exists() \
                and not _session_is_running(lock):
            lock.unlink(missing_ok=True)
            lock.with_suffix(SIDECAR_SUFFIX).unlink(missing_ok=True)


# -- the autosaver --------------------------------------------------------------------------------

def new_session_name() -> str:
    return f"session-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}-{secrets.token_hex(3)}"

def document_title(document: AlignmentDocument) -> str:
    names = [Path(p).name for p in (document.meta.src_file, document.meta.tgt_file) if p]
    return " + ".join(dict.fromkeys(names))


def session_title(project: Path | str | None, opened: Path | str | None, document: AlignmentDocument) -> str:
    """The name the recovery dialog lists a session's work under: the project's file name, else the exchange file's
    (TMX, XLIFF, table) the translator opened, else the source texts'. An XLIFF was listed by its `original`
    attribute ("manual.docx", a file the translator never opened; an X11 re-test)."""
    if project:
        return Path(project).name
    return Path(opened).name if opened else document_title(document)
