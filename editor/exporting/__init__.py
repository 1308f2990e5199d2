"""Writing an alignment to the files other tools read; the format follows the output file's extension."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import BinaryIO, Callable

from editor.bitext.document import AlignmentDocument
from editor.errors import UnsupportedFormatError


#: the TMX creationid/changeid of links made or changed in Duiqi when the translator has not given a name
#: (Settings.translator_id, `--creation-id`)
DEFAULT_CREATION_ID = "Duiqi"


@dataclass
class ExportOptions:
    """Choices shared by every exporter."""

    only_confirmed: bool = False
    src_lang: str | None = None          # None: the document's
    tgt_lang: str | None = None
    xliff_version: str = "1.2"
    max_segment_length: int | None = None
    excel_bom: bool = False
    presegmented_ids: bool = False       # .beads: ids are input line numbers
    reverse: bool = False                # TMX/XLIFF: English as the source (English→Chinese work)
    # Set by editor.exporting.presets.apply_preset (the "generic" preset is these defaults):
    preset: str = "generic"
    duiqi_props: bool = True             # TMX/XLIFF: Duiqi's own x- props (confidence, status, files, layout)
    keep_unlinked: bool = True           # XLIFF/TSV/XLSX: 1-0 and 0-1 links (TMX never has them)
    keep_doubtful: bool = True           # links that need review (entries.needs_review)
    creation_id: str = DEFAULT_CREATION_ID  # TMX creationid/changeid of tus whose link names none (the person
                                         # exporting: links Duiqi made or that were edited since opening)
    timestamp: datetime | None = None    # TMX header dates; None: the time of the export (tus: their link's)
    review_threshold: float | None = None   # doubtful below this confidence; None: review.DEFAULT_THRESHOLD


@dataclass
class ExportReport:
    """What an export wrote and what it left out (shown to the user, printed by the CLI)."""

    written: int = 0
    skipped_unlinked: int = 0
    skipped_unconfirmed: int = 0
    skipped_too_long: int = 0
    skipped_doubtful: int = 0
    normalised_whitespace: int = 0       # TMX: tabs and line breaks written as spaces
    removed_characters: int = 0
    warnings: list[str] = field(default_factory=list)


Exporter = Callable[[AlignmentDocument, BinaryIO, ExportOptions], ExportReport]
EXPORTERS: dict[str, Exporter] = {}


def register(*suffixes: str) -> Callable[[Exporter], Exporter]:
    """Decorator: make an exporter the writer of files with these suffixes."""
    def wrap(func: Exporter) -> Exporter:
        for suffix in suffixes:
            EXPORTERS[suffix] = func
        return func
    return wrap


def _load_exporters() -> None:
    # Importing the modules registers them; done lazily so importing the package stays cheap.
    import importlib
    for name in ("simple", "tsv", "tmx", "xliff", "xlsx"):
        try:
            importlib.import_module(f"editor.exporting.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"editor.exporting.{name}":
                raise


def export_suffixes() -> list[str]:
    """Return the file suffixes an alignment can be exported to."""
    _load_exporters()
    return sorted(EXPORTERS)


def export_document(doc: AlignmentDocument, path: Path | str, options: ExportOptions | None = None, *,
                    fmt: str | None = None) -> ExportReport:
    """Write `doc` to `path` atomically, in the format `fmt` names (e.g. "tmx") or else the one its suffix
    names; return what was written and left out."""
    import io

    from editor.bitext.project import atomic_write_bytes

    exporter = exporter_for(f"out.{fmt.lstrip('.')}" if fmt else path)
    buffer = io.BytesIO()
    report = exporter(doc, buffer, options or ExportOptions())
    atomic_write_bytes(Path(path).absolute(), buffer.getvalue())
    return report


def exporter_for(path: Path | str) -> Exporter:
    """Return the exporter for a file name; raises UnsupportedFormatError."""
    _load_exporters()
    suffix = Path(path).suffix.lower()
    try:
        return EXPORTERS[suffix]
    except KeyError:
        raise UnsupportedFormatError(
            f"unknown output format {suffix or '(no extension)'}; use one of {', '.join(sorted(EXPORTERS))}",
            path=path) from None
