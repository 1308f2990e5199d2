"""Word .docx paragraph records in document order: Heading styles marked, bilingual tables as row pairs."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from editor.errors import EncryptedFileError, MalformedFileError, UnsupportedFormatError
from editor.importing.bilingual import split_at_separator
from editor.importing.records import Paragraph, heading
from editor.importing.table import table_records
from editor.importing.txt import join_wrapped

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"     # compound file: encrypted OOXML or a Word 97-2003 .doc
#: word/document.xml larger than this is refused: lxml needs about ten times its size, and a document
#: that large holds more text than can be aligned (editor.file_checks.MAX_TEXT_INPUT_BYTES) anyway.
MAX_DOCUMENT_XML_BYTES = 48 * 1000 * 1000
#: Real documents compress 5-20 times; far more than this is a zip bomb (checked above MIN_RATIO_CHECK_BYTES).
MAX_COMPRESSION_RATIO = 100
MIN_RATIO_CHECK_BYTES = 1000 * 1000


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
    if len(lines) > 1 and split_at_separator("\n".join(ln.strip() for ln in lines if ln.strip())):
        return "\n".join(ln.strip() for ln in lines if ln.strip())    # 买卖合同⏎Sales Contract: split later
    return join_wrapped(lines)


def _too_big(path: Path, what: str) -> MalformedFileError:
    return MalformedFileError(path, f"word/document.xml {what}; the limit is {MAX_DOCUMENT_XML_BYTES // 1000000} MB "
                                    "of text markup (is it a zip bomb? otherwise split the document)")


def _read_document_xml(archive: zipfile.ZipFile, path: Path) -> bytes:
    """Read word/document.xml, refusing absurd sizes and compression ratios without inflating them
    (the sizes in the zip directory can lie, so the reading stops at the limit too)."""
    info = archive.getinfo("word/document.xml")
    if info.file_size > MAX_DOCUMENT_XML_BYTES:
        raise _too_big(path, f"inflates to {info.file_size // 1000000} MB")
    if info.file_size > MIN_RATIO_CHECK_BYTES and info.file_size > MAX_COMPRESSION_RATIO * max(1, info.compress_size):
        raise _too_big(path, f"is compressed {info.file_size // max(1, info.compress_size)} times")
    chunks, total = [], 0
    with archive.open(info) as stream:
        while chunk := stream.read(1 << 20):
            total += len(chunk)
            if total > MAX_DOCUMENT_XML_BYTES:
                raise _too_big(path, f"inflates to more than {MAX_DOCUMENT_XML_BYTES // 1000000} MB")
            chunks.append(chunk)
    return b"".join(chunks)


def docx_paragraphs(path: Path) -> list[str]:
    """Return the non-empty paragraphs of a .docx body (stripped), table cells included, in order."""
    return [r.text for r in docx_records(path)]


def _read_xml(path: Path) -> tuple[etree._Element, etree._Element | None]:
    """Return the roots of word/document.xml and word/styles.xml (None when absent)."""
    with path.open("rb") as f:
        head = f.read(8)
    if not zipfile.is_zipfile(path):
        _reject_non_zip(path, head)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, remove_comments=True)
    try:
        with zipfile.ZipFile(path) as archive:
            xml = _read_document_xml(archive, path)
            styles = None
            if "word/styles.xml" in archive.namelist() and \
                    archive.getinfo("word/styles.xml").file_size <= MAX_DOCUMENT_XML_BYTES:
                styles = archive.read("word/styles.xml")
    except KeyError:
        raise MalformedFileError(path, "the archive has no word/document.xml; is it a Word document?") from None
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise MalformedFileError(path, f"damaged .docx archive ({exc})") from None
    try:
        # A parser per call: lxml parsers are not thread-safe, and the editor imports in worker threads.
        root = etree.fromstring(xml, parser)
    except etree.XMLSyntaxError as exc:
        raise MalformedFileError(path, f"word/document.xml is not well-formed: {exc.msg}", exc.lineno) from None
    try:
        styles_root = etree.fromstring(styles, parser) if styles else None
    except etree.XMLSyntaxError:
        styles_root = None        # headings are then only known by their style ids; the text still reads
    return root, styles_root


def _heading_levels(styles: etree._Element | None) -> dict[str, int]:
    """Map paragraph style ids to heading levels: styles named "heading N" or "Title", or with an outline
    level (localised Word names its heading styles 标题 1 but keeps the outline level)."""
    levels: dict[str, int] = {}
    if styles is None:
        return levels
    for style in styles.iter(W + "style"):
        if style.get(W + "type") != "paragraph":
            continue
        sid = style.get(W + "styleId") or ""
        name_el = style.find(W + "name")
        name = (name_el.get(W + "val") if name_el is not None else "") or ""
        outline = style.find(f"{W}pPr/{W}outlineLvl")
        lowered = name.lower()
        if lowered.startswith("heading") and lowered[7:].strip().isdigit():
            levels[sid] = int(lowered[7:].strip())
        elif lowered in ("title", "subtitle"):
            levels[sid] = 1 if lowered == "title" else 2
        elif outline is not None and (outline.get(W + "val") or "").isdigit() and int(outline.get(W + "val")) < 9:
            levels[sid] = int(outline.get(W + "val")) + 1
    return levels


def _style_level(p: etree._Element, levels: dict[str, int]) -> int:
    ppr = p.find(W + "pPr")
    if ppr is None:
        return 0
    outline = ppr.find(W + "outlineLvl")
    if outline is not None and (outline.get(W + "val") or "").isdigit() and int(outline.get(W + "val")) < 9:
        return int(outline.get(W + "val")) + 1
    style = ppr.find(W + "pStyle")
    sid = style.get(W + "val") if style is not None else None
    if not sid:
        return 0
    if sid in levels:
        return levels[sid]
    lowered = sid.lower()     # no styles.xml: Word's English style ids
    if lowered.startswith("heading") and lowered[7:].isdigit():
        return int(lowered[7:])
    return 1 if lowered == "title" else 0


def _is_header_row(tr: etree._Element) -> bool:
    """True for a row styled as the table's header (repeated at the top of each page: w:tblHeader)."""
    mark = tr.find(f"{W}trPr/{W}tblHeader")
    return mark is not None and (mark.get(W + "val") or "true").lower() not in ("0", "false", "off")


def _cell_paragraphs(cell: etree._Element) -> list[str]:
    out = []
    for p in cell.iter(W + "p"):
        if any(a.tag == MC_FALLBACK for a in p.iterancestors()):
            continue
        text = _paragraph_text(p).strip()
        if text:
            out.append(text)
    return out


def docx_records(path: Path) -> list[Paragraph]:
    """Return the non-empty paragraphs of a .docx body as records, in order.

    Paragraphs in Heading styles are headings; a table with one Chinese and one English column gives one
    row pair per row, any other table its cells' paragraphs.  Raises EncryptedFileError for
    password-protected files, UnsupportedFormatError for old .doc files and MalformedFileError for damaged ones.
    """
    root, styles = _read_xml(path)
    body = root.find(W + "body")
    if body is None:
        raise MalformedFileError(path, "word/document.xml has no w:body")
    levels = _heading_levels(styles)
    out: list[Paragraph] = []

    def walk(element: etree._Element) -> None:
        for child in element:
            if child.tag == MC_FALLBACK:
                continue
            if child.tag == W + "p":
                text = _paragraph_text(child).strip()
                if text:
                    level = _style_level(child, levels)
                    out.append(heading(text, level) if level else Paragraph(text))
            elif child.tag == W + "tbl":
                trs = [tr for tr in child.iter(W + "tr") if next(tr.iterancestors(W + "tbl")) is child]
                rows = [[_cell_paragraphs(tc) for tc in tr.iter(W + "tc") if tc.getparent() is tr
                         or tc.getparent().getparent() is tr] for tr in trs]
                out.extend(table_records(rows, header=bool(trs) and _is_header_row(trs[0])))
            elif isinstance(child.tag, str):
                walk(child)             # content controls, custom XML, tracked insertions

    walk(body)
    return out
