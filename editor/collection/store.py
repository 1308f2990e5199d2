"""A collection on disk: a folder with one alignment file per document (a `.duiqi` project, or another
alignment file `duiqi batch` wrote) and a small index, `duiqi-collection.json`:

    {"format": "duiqi-collection", "version": 1,
     "settings": {"mode": "best", "src_lang": null, "tgt_lang": "en-US", "presegmented": false, "clean": false},
     "documents": [{"name": "ch01", "file": "ch01.duiqi", "zh": "../client/zh/ch01.docx",
                    "en": "../client/en/ch01.docx", "error": null,
                    "stats": {"links": 120, "doubtful": 14, "confirmed": 3, "changed": "2026-…",
                              "stamp": [mtime_ns, size]}}],
     "unpaired": ["../client/zh/notes.docx"]}

Every path is relative to the collection folder, so a moved folder still opens. `stats` are what the
document list shows without loading the document (documents load when opened); they belong to the file
whose modification time and size are `stamp`, and are counted again when the file changed since.

Bad input raises InputFileError naming the file: a damaged index, one from a newer Duiqi, a document whose
file is missing (`Collection.problem()` names it without stopping the others).
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable

from editor.bitext.document import AlignmentDocument
from editor.bitext.project import PROJECT_SUFFIX, atomic_write_bytes, parse_json
from editor.collection.pairing import Pair, Pairing
from editor.errors import InputFileError, MalformedFileError, ProjectVersionError
from editor.file_locks import HeldLock

INDEX_NAME = "duiqi-collection.json"
#: held (an operating-system lock) by the editor window that has the collection open
LOCK_NAME = ".duiqi-collection.lock"
FORMAT_NAME = "duiqi-collection"
FORMAT_VERSION = 1

TO_ALIGN, TO_REVIEW, REVIEWED, FAILED = "to align", "to review", "reviewed", "failed"
#: nothing doubtful, but nobody has confirmed a link either: the engine's word alone is not a review
UNCHECKED = "nothing doubtful"


def review_status(doubtful: int, vouched: int) -> str:
    """A document's review status from its counts: `reviewed` only once a person has vouched for something (a
    link, or a sentence as having no counterpart) and no doubtful link is left, so the list never claims a review
    that did not happen. A document whose only doubtful items were sentences without counterpart, each confirmed
    as such, read "nothing doubtful" as if nobody had looked (an X11 audit)."""
    if doubtful:
        return TO_REVIEW
    return REVIEWED if vouched else UNCHECKED


@dataclass
class CollectionSettings:
    """How the documents are imported and aligned (as for `duiqi align`/`batch`)."""

    mode: str = "best"
    src_lang: str | None = None
    tgt_lang: str = "en-US"
    presegmented: bool = False
    clean: bool = False


@dataclass
class DocumentStats:
    """What the document list shows of a document without loading it."""

    links: int = 0
    doubtful: int = 0
    confirmed: int = 0
    changed: str | None = None           # ISO time of the last change (the file's time)
    src_lang: str | None = None
    tgt_lang: str | None = None
    stamp: list[int] | None = None       # [mtime_ns, size] of the file these counts belong to
    unlinked: int | None = None          # 1-0 / 0-1 sentence groups (None: counted before the index kept them)
    vouched: int | None = None           # beads a person vouched for, unlinked ones included (None: as confirmed)

    @property
    def percent_confirmed(self) -> float:
        return 100.0 * self.confirmed / self.links if self.links else 0.0


@dataclass
class DocumentEntry:
    """One document of a collection. `file` is None until it is aligned; `error` says why it failed."""

    name: str
    zh: str | None = None                # source files, relative to the collection folder
    en: str | None = None
    file: str | None = None              # the alignment, relative to the collection folder
    error: str | None = None
    stats: DocumentStats | None = None

    @property
    def status(self) -> str:
        if self.error:
            return FAILED
        if self.file is None:
            return TO_ALIGN
        if self.stats is not None:
            return review_status(self.stats.doubtful, self.stats.confirmed if self.stats.vouched is None
                                 else self.stats.vouched)
        return TO_REVIEW


def is_collection(path: Path | str) -> bool:
    """True for a collection folder (one with an index) or the index file itself."""
    path = Path(path)
    return (path / INDEX_NAME).is_file() if path.is_dir() else path.name == INDEX_NAME


def _relative(path: Path | str, folder: Path) -> str:
    path = Path(path).absolute()
    try:
        return Path(os.path.relpath(path, folder.absolute())).as_posix()
    except ValueError:            # another drive (Windows): keep it absolute
        return path.as_posix()


def _stamp(path: Path) -> list[int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return [st.st_mtime_ns, st.st_size]


class Collection:
    """A collection folder: its index in memory, its documents on disk (loaded one at a time)."""

    def __init__(self, folder: Path | str, settings: CollectionSettings | None = None,
                 entries: Iterable[DocumentEntry] = (), unpaired: Iterable[str] = ()) -> None:
        self.folder = Path(folder)
        self.settings = settings or CollectionSettings()
        self.entries: list[DocumentEntry] = list(entries)
        self.unpaired: list[str] = list(unpaired)

    # -- making and opening -----------------------------------------------------------------------

    @classmethod
    def create(cls, folder: Path | str, pairing: Pairing, settings: CollectionSettings | None = None) -> Collection:
        """Start a collection in `folder` (created if missing; it must not hold a collection already) with the
        pairs to align; the index is written at once."""
        folder = Path(folder)
        if is_collection(folder):
            raise InputFileError("the folder holds a collection already; open it instead", path=folder / INDEX_NAME)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise InputFileError(f"cannot create the collection folder: {exc.strerror or exc}", path=folder) from None
        collection = cls(folder, settings)
        for pair in pairing.pairs:
            collection.add_pair(pair)
        collection.unpaired = [_relative(p, folder) for p in pairing.unpaired]
        collection.write_index()
        return collection

    def add_pair(self, pair: Pair) -> DocumentEntry:
        entry = DocumentEntry(pair.name, _relative(pair.zh, self.folder),
                              _relative(pair.en, self.folder) if pair.en is not None else None)
        self.entries.append(entry)
        return entry

    @classmethod
    def open(cls, path: Path | str) -> Collection:
        """Open a collection folder (or its index file); raises InputFileError naming the index when it is
        missing, damaged or from a newer Duiqi."""
        path = Path(path)
        folder = path.parent if path.name == INDEX_NAME and not path.is_dir() else path
        index = folder / INDEX_NAME
        if not index.is_file():
            raise InputFileError(f"not a Duiqi collection: there is no {INDEX_NAME} in the folder", path=folder)
        try:
            raw = index.read_bytes()
        except OSError as exc:
            raise InputFileError(f"cannot read the collection index: {exc.strerror or exc}", path=index) from None
        data = parse_json(raw, index, "the collection index")
        return cls._from_dict(folder, data, index)

    def lock(self) -> HeldLock | None:
        """Take the collection for one editor window until the lock is released (the operating system drops it
        if the editor dies). Two windows editing the same documents would each journal and save over the
        other's edits, so a second one is refused: raises InputFileError naming the folder. None when the
        folder cannot hold the lock file (a read-only folder: nothing can be saved there either)."""
        path = self.folder / LOCK_NAME
        try:
            held = HeldLock.take(path)
        except OSError:
            return None
        if held is None:
            pid = HeldLock.holder(path)
            who = f" (process {pid})" if pid else ""
            raise InputFileError(f"the collection is in use by another Duiqi{who}: an editor window that has it "
                                 "open, or a batch writing into it; close it there first, or work on a copy of "
                                 "the folder", path=self.folder)
        return held

    @classmethod
    def _from_dict(cls, folder: Path, data: object, index: Path) -> Collection:
        def bad(problem: str) -> MalformedFileError:
            return MalformedFileError(index, f"the collection index is damaged: {problem}")

        if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
            raise bad("it is not a Duiqi collection index")
        version = data.get("version")
        if not isinstance(version, int):
            raise bad("no version")
        if version > FORMAT_VERSION:
            raise ProjectVersionError(f"the collection was saved by a newer Duiqi (index version {version}); "
                                      "update Duiqi to open it", path=index)
        raw_settings = data.get("settings") or {}
        if not isinstance(raw_settings, dict):
            raise bad("settings is not an object")
        known = CollectionSettings.__dataclass_fields__
        try:
            settings = CollectionSettings(**{k: v for k, v in raw_settings.items() if k in known})
        except TypeError as exc:
            raise bad(str(exc)) from None
        documents = data.get("documents")
        if not isinstance(documents, list):
            raise bad("documents is not a list")
        entries: list[DocumentEntry] = []
        names: set[str] = set()
        files: dict[str, str] = {}
        for number, item in enumerate(documents, 1):
            if not isinstance(item, dict) or not isinstance(item.get("name"), str) or not item["name"]:
                raise bad(f"document {number} has no name")
            for key in ("zh", "en", "file", "error"):
                if item.get(key) is not None and not isinstance(item[key], str):
                    raise bad(f"document {item['name']!r}: {key} is not text")
            if item["name"] in names:
                raise bad(f"two documents are called {item['name']!r}")
            names.add(item["name"])
            if item.get("file"):
                if item["file"] in files:
                    raise bad(f"documents {files[item['file']]!r} and {item['name']!r} share the file {item['file']}")
                files[item["file"]] = item["name"]
            stats = None
            if isinstance(item.get("stats"), dict):
                fields = DocumentStats.__dataclass_fields__
                try:
                    stats = DocumentStats(**{k: v for k, v in item["stats"].items() if k in fields})
                except TypeError:
                    stats = None         # counted again from the file
                if stats is not None and not (isinstance(stats.links, int) and isinstance(stats.doubtful, int)
                                              and isinstance(stats.confirmed, int)):
                    stats = None
                if stats is not None and not isinstance(stats.vouched, (int, type(None))):
                    stats.vouched = None
            entries.append(DocumentEntry(item["name"], item.get("zh"), item.get("en"), item.get("file"),
                                         item.get("error"), stats))
        unpaired = [u for u in data.get("unpaired") or [] if isinstance(u, str)]
        return cls(folder, settings, entries, unpaired)

    # -- the index --------------------------------------------------------------------------------

    @property
    def index_path(self) -> Path:
        return self.folder / INDEX_NAME

    def to_dict(self) -> dict:
        documents = []
        for e in self.entries:
            item: dict = {"name": e.name, "zh": e.zh, "en": e.en, "file": e.file, "error": e.error}
            if e.stats is not None:
                item["stats"] = asdict(e.stats)
            documents.append(item)
        return {"format": FORMAT_NAME, "version": FORMAT_VERSION, "settings": asdict(self.settings),
                "documents": documents, "unpaired": self.unpaired}

    def write_index(self) -> None:
        """Write the index atomically (a crash leaves the old or the new one)."""
        payload = json.dumps(self.to_dict(), ensure_ascii=False, indent=1).encode("utf-8")
        try:
            atomic_write_bytes(self.index_path, payload)
        except OSError as exc:
            raise InputFileError(f"cannot write the collection index: {exc.strerror or exc}",
                                 path=self.index_path) from None

    # -- documents --------------------------------------------------------------------------------

    def entry(self, name: str) -> DocumentEntry:
        for e in self.entries:
            if e.name == name:
                return e
        raise KeyError(name)

    def path_of(self, entry: DocumentEntry) -> Path | None:
        """The document's alignment file (None before it is aligned)."""
        return self.folder / entry.file if entry.file else None

    def sources(self, entry: DocumentEntry) -> list[Path]:
        """The document's source files (one mixed file, or the Chinese then the English one)."""
        return [self.folder / p for p in (entry.zh, entry.en) if p]

    def project_path(self, entry: DocumentEntry) -> Path:
        """Where the document's project is saved: its own .duiqi file in the collection folder."""
        if entry.file and entry.file.endswith(PROJECT_SUFFIX):
            return self.folder / entry.file
        stem = "".join(c if c not in '/\\:*?"<>|\0' else "_" for c in entry.name).strip(". ") or "document"
        taken = {e.file for e in self.entries if e is not entry and e.file}
        name, n = f"{stem}{PROJECT_SUFFIX}", 2
        while name in taken or (self.folder / name).exists():
            name, n = f"{stem} ({n}){PROJECT_SUFFIX}", n + 1
        return self.folder / name

    def problem(self, entry: DocumentEntry) -> str | None:
        """Why the document cannot be opened (its failure, or its file is missing), or None."""
        if entry.error:
            return entry.error
        path = self.path_of(entry)
        if path is not None and not path.is_file():
            return f"{path}: the document's file is missing (moved or deleted)"
        return None

    def load(self, entry: DocumentEntry) -> AlignmentDocument:
        """Read the document's alignment file; raises InputFileError naming the file."""
        path = self.path_of(entry)
        if path is None:
            raise InputFileError(f"document {entry.name!r} is not aligned yet", path=self.index_path)
        if not path.is_file():
            raise InputFileError(f"the file of document {entry.name!r} is missing (moved or deleted)", path=path)
        if path.suffix.lower() == PROJECT_SUFFIX:
            from editor.bitext.project import load_project

            return load_project(path)
        from editor.exchange.opening import load_alignment

        return load_alignment(path)

    def save_document(self, entry: DocumentEntry, doc: AlignmentDocument, write_index: bool = True) -> Path:
        """Save the document as its own .duiqi project in the folder, count it for the list, and record it
        in the index. Returns the project's path."""
        from editor.bitext.project import save_project

        path = self.project_path(entry)
        save_project(doc, path)
        entry.file = _relative(path, self.folder)
        entry.error = None
        self.record_stats(entry, doc)
        if write_index:
            self.write_index()
        return path

    def record_stats(self, entry: DocumentEntry, doc: AlignmentDocument) -> DocumentStats:
        """Count the document's links, doubtful and confirmed links (as the editor's review says) and its unlinked
        sentence groups."""
        from editor.bitext.review import ReviewPolicy, review_counts

        counts = review_counts(doc, ReviewPolicy.for_document(doc))
        path = self.path_of(entry)
        stamp = _stamp(path) if path is not None else None
        changed = (datetime.fromtimestamp(stamp[0] / 1e9, tz=timezone.utc).isoformat(timespec="seconds")
                   if stamp else None)
        entry.stats = DocumentStats(counts.links, counts.doubtful, counts.confirmed, changed,
                                    doc.meta.src_lang, doc.meta.tgt_lang, stamp, counts.unlinked, counts.vouched)
        return entry.stats

    def fail(self, entry: DocumentEntry, reason: str, write_index: bool = True) -> None:
        entry.error = reason
        if write_index:
            self.write_index()

    def stale(self, entry: DocumentEntry) -> bool:
        """True when the list's counts do not belong to the document's file as it is now."""
        path = self.path_of(entry)
        if path is None:
            return False
        return entry.stats is None or entry.stats.unlinked is None or entry.stats.stamp != _stamp(path)

    def refresh_stats(self) -> list[str]:
        """Count again the documents whose file changed since the index counted them (a resumed batch, a file
        replaced by hand). Returns the names of documents that could not be read (their `error` says why)."""
        failed, changed = [], False
        for entry in self.entries:
            if entry.error or not self.stale(entry):
                continue
            try:
                self.record_stats(entry, self.load(entry))
            except InputFileError as exc:
                failed.append(entry.name)
                entry.stats = None
                if self.path_of(entry) is not None and not self.path_of(entry).is_file():
                    continue        # a missing file: problem() says so, the index keeps pointing at it
                entry.error = str(exc)
            changed = True
        if changed:
            try:
                self.write_index()
            except InputFileError:
                pass                # a read-only collection still opens
        return failed

    def pairs(self) -> list[Pair]:
        """The documents' source pairs (for aligning again from the sources)."""
        return [Pair(e.name, self.folder / e.zh, self.folder / e.en if e.en else None) for e in self.entries if e.zh]
