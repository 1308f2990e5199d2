"""Word .docx paragraphs, in document order, with each table cell's paragraphs as paragraphs of their own."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from editor.errors import EncryptedFileError, MalformedFileError, UnsupportedFormatError
from editor.importing.txt import join_wrapped

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"     # compound file: encrypted OOXML or a Word 97-2003 .doc
MAX_DOCUMENT_XML_BYTES = 256 * 1024 * 1024    # far beyond any real document: a zip bomb


def _reject_non_zip(path: Path, head: bytes) -> None:
    if head.startswith(_OLE_MAGIC):
        data = path.read_bytes()
        if "EncryptionInfo".encode("utf-16-le") in data or "EncryptedPackage".encode("utf-16-le") in data:
            raise EncryptedFileError(path)
        raise UnsupportedFormatError("this is a Word 97-2003 document, not .docx; save it as .docx first",
                                     path=path)
    if head.startswith(b"PK"):
        raise MalformedFileError(path, "the .docx archive is damaged or incomplete (was the copy cut short?)")
    raise MalformedFileError(path, "not a .docx file (it is not a zip archive); is it damaged?")


def _paragraph_text(p: etree._Element) -> str:
    """Text of one w:p, leaving out paragraphs nested in it (text boxes) and the duplicate mc:Fallback copy."""
    lines, current = [], []
    for node in p.iter(W + "t", W + "tab", W + "br", W + "cr", W + "p", MC_FALLBACK):
        if node is p:
            continue
        if node.tag in (W + "p", MC_FALLBACK) or any(a.tag == MC_FALLBACK for a in node.iterancestors()):
            continue
        owner = next(node.iterancestors(W + "p"), None)
        if owner is not p:
            continue
        if node.tag == W + "t":
            current.append(node.text or "")
        elif node.tag == W + "tab":
            current.append("\t")
        else:
            lines.append("".join(current))
            current = []
    lines.append("".join(current))
    return join_wrapped(lines)


def docx_paragraphs(path: Path) -> list[str]:
    """Return the non-empty paragraphs of a .docx body (stripped), table cells included, in order.

    Raises EncryptedFileError for password-protected files, UnsupportedFormatError for old .doc files and
    MalformedFileError for damaged ones.
    """
    with path.open("rb") as f:
        head = f.read(8)
    if not zipfile.is_zipfile(path):
        _reject_non_zip(path, head)
    try:
        with zipfile.ZipFile(path) as archive:
            if archive.getinfo("word/document.xml").file_size > MAX_DOCUMENT_XML_BYTES:
                raise MalformedFileError(path, "word/document.xml is implausibly large; is the file damaged?")
            xml = archive.read("word/document.xml")
    except KeyError:
        raise MalformedFileError(path, "the archive has no word/document.xml; is it a Word document?") from None
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise MalformedFileError(path, f"damaged .docx archive ({exc})") from None
    try:
        # A parser per call: lxml parsers are not thread-safe, and the editor imports in worker threads.
        parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, remove_comments=True)
        root = etree.fromstring(xml, parser)
    except etree.XMLSyntaxError as exc:
        raise MalformedFileError(path, f"word/document.xml is not well-formed: {exc.msg}", exc.lineno) from None
    body = root.find(W + "body")
    if body is None:
        raise MalformedFileError(path, "word/document.xml has no w:body")
    out = []
    for p in body.iter(W + "p"):
        if any(a.tag == MC_FALLBACK for a in p.iterancestors()):
            continue
        text = _paragraph_text(p).strip()
        if text:
            out.append(text)
    return out
