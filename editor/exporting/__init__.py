"""Writing an alignment to the files other tools read; the format follows the output file's extension.

The writers live with their readers in editor.exchange (one module per format); this package picks the
writer by suffix and writes the file atomically. Presets: editor.exporting.presets.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import BinaryIO, Callable

from editor.bitext.document import AlignmentDocument
from editor.errors import UnsupportedFormatError
from editor.exchange.options import DEFAULT_CREATION_ID, ExportOptions, ExportReport

__all__ = ["DEFAULT_CREATION_ID", "ExportOptions", "ExportReport", "Exporter", "WRITERS", "export_document",
           "export_suffixes", "exporter_for"]

Exporter = Callable[[AlignmentDocument, BinaryIO, ExportOptions], ExportReport]

#: suffix -> (module in editor.exchange, function): the writer of files with that suffix (imported on first use)
WRITERS: dict[str, tuple[str, str]] = {
    ".tmx": ("tmx", "write_tmx"),
    ".xlf": ("xliff", "write_xliff"),
    ".xliff": ("xliff", "write_xliff"),
    ".tsv": ("tables", "write_tsv"),
    ".xlsx": ("tables", "write_xlsx"),
    ".json": ("duiqi_json", "write_json"),
    ".beads": ("duiqi_json", "write_beads"),
    ".duiqi": ("duiqi_json", "write_project"),
}


def export_suffixes() -> list[str]:
    """Return the file suffixes an alignment can be exported to."""
    return sorted(WRITERS)


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
    suffix = Path(path).suffix.lower()
    try:
        module, function = WRITERS[suffix]
    except KeyError:
        raise UnsupportedFormatError(
            f"unknown output format {suffix or '(no extension)'}; use one of {', '.join(sorted(WRITERS))}",
            path=path) from None
    return getattr(importlib.import_module(f"editor.exchange.{module}"), function)
