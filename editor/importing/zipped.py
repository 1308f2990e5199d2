"""Reading members of zip-based documents (.docx, .odt, .epub, .xlsx) safely: size limits against zip bombs."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from editor.errors import MalformedFileError

#: far beyond any real document's member: more is a zip bomb or not a text
MAX_MEMBER_BYTES = 256 * 1024 * 1024
#: the whole archive unpacked (a book of many chapters stays far below this)
MAX_ARCHIVE_BYTES = 1024 * 1024 * 1024


def check_archive(path: Path, kind: str) -> None:
    """Raise MalformedFileError unless `path` is a zip archive whose unpacked size is plausible."""
    if not zipfile.is_zipfile(path):
        raise MalformedFileError(path, f"not a .{kind} file (it is not a zip archive); is it damaged?")
    try:
        with zipfile.ZipFile(path) as archive:
            total = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise MalformedFileError(path, f"damaged .{kind} archive ({exc})") from None
    if total > MAX_ARCHIVE_BYTES:
        raise MalformedFileError(path, f"the .{kind} archive unpacks to more than "
                                       f"{MAX_ARCHIVE_BYTES // (1024 * 1024)} MB; is the file damaged?")


def read_member(archive: zipfile.ZipFile, name: str, path: Path, kind: str) -> bytes:
    """Return one member's bytes; MalformedFileError when it is missing, damaged or implausibly large."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        raise MalformedFileError(path, f"the archive has no {name}; is it a .{kind} file?") from None
    if info.file_size > MAX_MEMBER_BYTES:
        raise MalformedFileError(path, f"{name} is implausibly large; is the file damaged?")
    try:
        return archive.read(info)
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError) as exc:    # RuntimeError: encrypted member
        raise MalformedFileError(path, f"damaged .{kind} archive ({exc})") from None


def parse_member(raw: bytes, name: str, path: Path) -> etree._Element:
    """Parse a member as XML (no entities, no network); MalformedFileError naming the member when broken."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, remove_comments=True,
                             remove_pis=True)
    try:
        return etree.fromstring(raw, parser)
    except etree.XMLSyntaxError as exc:
        raise MalformedFileError(path, f"{name} is not well-formed: {exc.msg}", exc.lineno) from None
