"""Typed errors of the Qt-free layers: they carry data, the GUI and CLI turn them into sentences."""

from __future__ import annotations

from pathlib import Path


class EditorError(Exception):
    """Base class of every error a user can cause (bad input, bad edit request)."""

    def __init__(self, message: str, *, path: Path | str | None = None) -> None:
        self.path = Path(path) if path is not None else None
        super().__init__(f"{self.path}: {message}" if self.path is not None else message)
        self.message = message


class InputFileError(EditorError):
    """A file could not be read as the kind of input it claims to be."""


class UndecodableFileError(InputFileError):
    """No supported text encoding decodes the file (or it is binary)."""

    def __init__(self, path: Path | str, tried: tuple[str, ...] = ()) -> None:
        self.tried = tried
        detail = f" (tried {', '.join(tried)})" if tried else ""
        super().__init__(f"cannot decode the file as text{detail}; is it a binary file?", path=path)


class EmptyFileError(InputFileError):
    """The file holds no text."""

    def __init__(self, path: Path | str, detail: str = "the file contains no text") -> None:
        super().__init__(detail, path=path)


class MarkupOnlyFileError(EmptyFileError):
    """An .html or .docx file whose markup holds no text (only scripts, styles or empty elements)."""

    def __init__(self, path: Path | str) -> None:
        super().__init__(path, "the file has markup but no text to align")


class EncryptedFileError(InputFileError):
    """A password-protected document."""

    def __init__(self, path: Path | str) -> None:
        super().__init__("the document is password-protected; save an unprotected copy and open that", path=path)


class UnsupportedFormatError(InputFileError):
    """The file's extension or content is not a format Duiqi reads or writes."""


class MalformedFileError(InputFileError):
    """A structured file (XML, project, docx) is broken; `line` is set when known."""

    def __init__(self, path: Path | str | None, problem: str, line: int | None = None) -> None:
        self.line, self.problem = line, problem
        where = f"line {line}: " if line is not None else ""
        super().__init__(f"{where}{problem}", path=path)


class ProjectVersionError(InputFileError):
    """A project file written by a newer Duiqi."""


class OutputFileError(EditorError):
    """An output file cannot be written: a missing or read-only folder, a folder, an input, a full disk."""


class InvalidEditError(EditorError):
    """An edit that would break the alignment's invariants (a bug in the caller)."""


class AlignmentCancelled(EditorError):
    """The user cancelled a running alignment."""

    def __init__(self) -> None:
        super().__init__("alignment cancelled")
