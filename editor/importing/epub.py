"""EPUB books as paragraph records, chapter by chapter through the spine (zipfile + lxml).

Why not ebooklib: reading a book needs three small XML files (container, package, spine documents) that
zipfile and lxml parse with the same size limits and safe parser as .docx; ebooklib would add a
dependency (AGPL-licensed) that loads every item of the book into memory to give the same spine.
"""

from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path
from urllib.parse import unquote

from editor.errors import EncryptedFileError, InputFileError, MalformedFileError
from editor.importing.records import Paragraph, Role, heading, looks_like_heading
from editor.importing.zipped import ZIP_ERRORS, check_archive, parse_member, read_member

CONTAINER = "META-INF/container.xml"
_OCF = "{urn:oasis:names:tc:opendocument:xmlns:container}"
_OPF = "{http://www.idpf.org/2007/opf}"
_XENC = "{http://www.w3.org/2001/04/xmlenc#}"
_HTML_TYPES = {"application/xhtml+xml", "text/html", "application/x-dtbook+xml"}


def _spine(archive: zipfile.ZipFile, path: Path) -> list[str]:
    """Return the archive names of the spine's documents in reading order (linear="no" items left out)."""
    container = parse_member(read_member(archive, CONTAINER, path, "epub"), CONTAINER, path)
    rootfile = container.find(f".//{_OCF}rootfile")
    if rootfile is None or not rootfile.get("full-path"):
        raise MalformedFileError(path, f"{CONTAINER} names no package document; is it an EPUB?")
    opf_name = rootfile.get("full-path")
    package = parse_member(read_member(archive, opf_name, path, "epub"), opf_name, path)
    base = posixpath.dirname(opf_name)
    manifest = {item.get("id"): item for item in package.iter(f"{_OPF}item")}
    names: list[str] = []
    seen: set[str] = set()
    for ref in package.iter(f"{_OPF}itemref"):
        item = manifest.get(ref.get("idref"))
        if item is None or ref.get("linear") == "no" or item.get("media-type") not in _HTML_TYPES:
            continue
        if "nav" in (item.get("properties") or "").split():
            continue
        name = posixpath.normpath(posixpath.join(base, unquote(item.get("href") or "")))
        if name not in seen:           # a spine listing one chapter many times is read once
            seen.add(name)
            names.append(name)
    if not names:
        raise MalformedFileError(path, "the book's spine lists no chapters")
    return names


def _encrypted(archive: zipfile.ZipFile, path: Path) -> set[str]:
    """Names of encrypted members (DRM); font obfuscation is harmless since fonts are not read."""
    if "META-INF/encryption.xml" not in archive.namelist():
        return set()
    root = parse_member(read_member(archive, "META-INF/encryption.xml", path, "epub"), "encryption.xml", path)
    return {unquote(ref.get("URI") or "") for ref in root.iter(f"{_XENC}CipherReference")}


def epub_records(path: Path) -> list[Paragraph]:
    """Return the paragraphs of every spine document in order, headings (h1-h6) marked; a chapter without
    heading markup whose first line reads like one (第一章, Chapter One) gets it marked.

    Raises MalformedFileError naming the file for a damaged book, EncryptedFileError for DRM.
    """
    from editor.file_checks import MAX_TEXT_INPUT_BYTES, megabytes
    from editor.importing.decoding import decode_text
    from editor.importing.html import html_records

    check_archive(path, "epub")
    out: list[Paragraph] = []
    text_bytes = 0
    try:
        with zipfile.ZipFile(path) as archive:
            spine = _spine(archive, path)
            if _encrypted(archive, path) & set(spine):
                raise EncryptedFileError(path)
            for name in spine:
                raw = read_member(archive, name, path, "epub")
                text, _ = decode_text(raw, path)
                records = html_records(text, path)
                if records and not any(r.role is Role.HEADING for r in records) \
                        and looks_like_heading(records[0].text):
                    records[0] = heading(records[0].text)
                out.extend(records)
                # the text read so far counts against the input limit chapter by chapter, so a book of many
                # large chapters stops here, not after all of them are held in memory
                text_bytes += sum(len(r.text.encode("utf-8", "surrogatepass")) for r in records)
                if text_bytes > MAX_TEXT_INPUT_BYTES:
                    raise InputFileError(f"the book holds too much text to align (more than "
                                         f"{megabytes(MAX_TEXT_INPUT_BYTES)}); split it into parts", path=path)
    except ZIP_ERRORS as exc:
        raise MalformedFileError(path, f"damaged .epub archive ({exc})") from None
    return out
