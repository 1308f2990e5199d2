"""Reading members of zip-based documents (.docx, .odt, .epub, .xlsx) safely: size limits against zip bombs."""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from lxml import etree

from editor.errors import MalformedFileError

#: far beyond any real document's member: more is a zip bomb or not a text
MAX_MEMBER_BYTES = 256 * 1024 * 1024
#: the whole archive unpacked (a book of many chapters stays far below this)
MAX_ARCHIVE_BYTES = 1024 * 1024 * 1024
#: real documents compress 5-20 times; far more than this is a zip bomb (checked above MIN_RATIO_CHECK_BYTES)
MAX_COMPRESSION_RATIO = 100
MIN_RATIO_CHECK_BYTES = 1000 * 1000
#: what zipfile raises for a damaged archive: a bad directory, a cut file, a bad deflate stream (zlib.error),
#: a made-up "zip version" (NotImplementedError), an encrypted member (RuntimeError), a bad header (ValueError)
ZIP_ERRORS = (zipfile.BadZipFile, OSError, EOFError, RuntimeError, zlib.error, NotImplementedError, ValueError)


def check_archive(path: Path, kind: str) -> None:
    """Raise MalformedFileError unless `path` is a zip archive whose unpacked size is plausible."""
    if not zipfile.is_zipfile(path):
        raise MalformedFileError(path, f"not a .{kind} file (it is not a zip archive); is it damaged?")
    try:
        with zipfile.ZipFile(path) as archive:
            total = sum(info.file_size for info in archive.infolist())
    except ZIP_ERRORS as exc:
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
    too_big = MalformedFileError(path, f"{name} inflates to more than {MAX_MEMBER_BYTES // (1024 * 1024)} MB; "
                                       "is it a zip bomb or damaged?")
    if info.file_size > MAX_MEMBER_BYTES:
        raise too_big
    if info.file_size > MIN_RATIO_CHECK_BYTES and info.file_size > MAX_COMPRESSION_RATIO * max(1, info.compress_size):
        raise MalformedFileError(path, f"{name} is compressed {info.file_size // max(1, info.compress_size)} "
                                       "times, far more than any document; is it a zip bomb?")
    chunks, total = [], 0
    try:
        with archive.open(info) as stream:     # the sizes in the zip directory can lie: stop at the limit
            while chunk := stream.read(1 << 20):
                total += len(chunk)
                if total > MAX_MEMBER_BYTES:
                    raise too_big
                chunks.append(chunk)
    except ZIP_ERRORS as exc:
        raise MalformedFileError(path, f"damaged .{kind} archive ({exc})") from None
    return b"".join(chunks)


def parse_member(raw: bytes, name: str, path: Path) -> etree._Element:
    """Parse a member as XML (no entities, no network); MalformedFileError naming the member when broken."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, remove_comments=True,
                             remove_pis=True)
    try:
        return etree.fromstring(raw, parser)
    except etree.XMLSyntaxError as exc:
        if "depth" in (exc.msg or "").lower():     # legal XML, but nested past libxml2's safe limit (256)
            raise MalformedFileError(path, f"{name} nests its elements more than 256 levels deep, which Duiqi "
                                           "does not read (no real document does)", exc.lineno) from None
        raise MalformedFileError(path, f"{name} is not well-formed: {exc.msg}", exc.lineno) from None
