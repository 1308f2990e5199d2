"""OpenDocument text (.odt) as paragraph records, from content.xml (zipfile + lxml).

Why not odfpy: the text of an .odt is one XML member whose structure (text:h with an outline level,
text:p, table:table) is all Duiqi needs; zipfile and lxml read it with the same size limits and safe
parser as .docx, where odfpy would add a dependency that builds a DOM of the whole document.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from editor.errors import EncryptedFileError, MalformedFileError
from editor.importing.records import Paragraph, heading
from editor.importing.table import table_records
from editor.importing.zipped import ZIP_ERRORS, check_archive, parse_member, read_member

TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
MANIFEST = "{urn:oasis:names:tc:opendocument:xmlns:manifest:1.0}"
#: elements whose text is not part of the running text (notes, comments, change records, indexes' marks)
_SKIPPED = {TEXT + "note", OFFICE + "annotation", OFFICE + "annotation-end", TEXT + "tracked-changes",
            TEXT + "sequence-decls", TEXT + "variable-decls", TEXT + "user-field-decls",
            TEXT + "bookmark", TEXT + "soft-page-break", TEXT + "reference-mark"}


#: spaces one text:s stands for at most: a run of spaces is one gap to the aligner, and the count comes from the
#: file (text:c="1500000000" would be 1.5 GB of spaces)
MAX_SPACE_RUN = 100


def _count(element: etree._Element, attribute: str, path: Path | None, default: int = 1) -> int:
    """A positive whole number from the file (a space count, an outline level); MalformedFileError if not."""
    value = element.get(attribute)
    if value is None or not value.strip():
        return default
    try:
        number = int(value.strip())
    except ValueError:
        number = -1
    if number < 0:
        local = "text:" + attribute.rsplit("}", 1)[-1]
        raise MalformedFileError(path, f"content.xml line {element.sourceline}: {local}={value[:40]!r} is not "
                                       "a whole number; is the document damaged?")
    return number


def _text(element: etree._Element, path: Path | None = None) -> str:
    """The text of a text:p/text:h: spans and links followed, text:s/tab/line-break turned into spaces."""
    parts = [element.text or ""]
    for child in element:
        tag = child.tag
        if tag in _SKIPPED:
            pass
        elif tag == TEXT + "s":
            parts.append(" " * min(MAX_SPACE_RUN, _count(child, TEXT + "c", path)))
        elif tag == TEXT + "tab":
            parts.append("\t")
        elif tag == TEXT + "line-break":
            parts.append("\n")
        elif isinstance(tag, str):
            parts.append(_text(child, path))
        parts.append(child.tail or "")
    return "".join(parts)


def _paragraph(element: etree._Element, path: Path | None = None) -> str:
    from editor.importing.txt import join_wrapped

    return join_wrapped(_text(element, path).split("\n"))


def odt_records(path: Path) -> list[Paragraph]:
    """Return the paragraphs of an .odt body in order: text:h as headings (with their outline level),
    tables with a Chinese and an English column as row pairs.

    Raises EncryptedFileError for password-protected files and MalformedFileError for damaged ones.
    """
    check_archive(path, "odt")
    try:
        with zipfile.ZipFile(path) as archive:
            if "META-INF/manifest.xml" in archive.namelist():
                manifest = read_member(archive, "META-INF/manifest.xml", path, "odt")
                if b"encryption-data" in manifest:
                    raise EncryptedFileError(path)
            root = parse_member(read_member(archive, "content.xml", path, "odt"), "content.xml", path)
    except ZIP_ERRORS as exc:
        raise MalformedFileError(path, f"damaged .odt archive ({exc})") from None
    body = root.find(f"{OFFICE}body/{OFFICE}text")
    if body is None:
        raise MalformedFileError(path, "content.xml has no office:text body; is it a text document?")
    out: list[Paragraph] = []

    def walk(element: etree._Element) -> None:
        for child in element:
            tag = child.tag
            if tag in _SKIPPED or not isinstance(tag, str):
                continue
            if tag == TEXT + "h":
                text = _paragraph(child, path).strip()
                if text:
                    level = _count(child, TEXT + "outline-level", path)
                    out.append(heading(text, min(10, max(1, level))))
            elif tag == TEXT + "p":
                text = _paragraph(child, path).strip()
                if text:
                    out.append(Paragraph(text))
            elif tag == TABLE + "table":
                rows = []
                for tr in child.iter(TABLE + "table-row"):
                    if next(tr.iterancestors(TABLE + "table")) is not child:
                        continue
                    rows.append([[_paragraph(p, path).strip() for p in cell.iter(TEXT + "p", TEXT + "h")]
                                 for cell in tr if cell.tag == TABLE + "table-cell"])
                out.extend(table_records(rows))
            else:
                walk(child)          # lists, sections, frames

    walk(body)
    return out
