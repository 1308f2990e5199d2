"""Hand-made hostile documents for the round-two tests, built at test time (a bomb is a few KB or MB on disk
and is never checked in). Each builder writes one file and returns its path."""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path
from typing import Iterable
from xml.sax.saxutils import escape

ODT_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"')
ODT_MANIFEST = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.text"/></manifest:manifest>')
XLSX_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _write_streamed(z: zipfile.ZipFile, name: str, parts: Iterable[bytes]) -> None:
    info = zipfile.ZipInfo(name)
    info.compress_type = zipfile.ZIP_DEFLATED
    with z.open(info, "w", force_zip64=True) as out:
        for part in parts:
            out.write(part)


def _repeat(unit: bytes, count: int, block: int = 1 << 20) -> Iterable[bytes]:
    per = max(1, block // len(unit))
    chunk = unit * per
    while count >= per:
        yield chunk
        count -= per
    if count:
        yield unit * count


def write_odt(path: Path, body: str) -> Path:
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODT_NS} office:version="1.2">'
               f'<office:body><office:text>{body}</office:text></office:body></office:document-content>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        z.writestr("META-INF/manifest.xml", ODT_MANIFEST)
        z.writestr("content.xml", content)
    return path


def _xhtml(body: str) -> str:
    return ('<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>t'
            f'</title></head><body>{body}</body></html>')


def write_epub(path: Path, chapters: dict[str, str], spine: list[str]) -> Path:
    """An EPUB of chapters {id: xhtml body} whose spine lists the ids `spine` (an id may come many times)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip")
        z.writestr("META-INF/container.xml", '<?xml version="1.0"?><container version="1.0" '
                   'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile '
                   'full-path="content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>')
        items = "".join(f'<item id="{key}" href="{key}.xhtml" media-type="application/xhtml+xml"/>'
                        for key in chapters)
        refs = "".join(f'<itemref idref="{key}"/>' for key in spine)
        z.writestr("content.opf", '<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" '
                   f'version="3.0"><metadata/><manifest>{items}</manifest><spine>{refs}</spine></package>')
        for key, body in chapters.items():
            z.writestr(f"{key}.xhtml", _xhtml(body))
    return path


def inline_cell(reference: str, text: str) -> str:
    return f'<c r="{reference}" t="inlineStr"><is><t>{escape(text)}</t></is></c>'


def write_xlsx(path: Path, sheet: bytes | Iterable[bytes], shared: bytes | Iterable[bytes] | None = None) -> Path:
    """A workbook of one sheet (its XML given whole, or in parts streamed into the zip) and optional
    sharedStrings.xml."""
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships '
            'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'worksheet" Target="worksheets/sheet1.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'sharedStrings" Target="sharedStrings.xml"/></Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types '
                   'xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("xl/workbook.xml", f'<?xml version="1.0"?><workbook xmlns="{XLSX_MAIN}" '
                   'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                   '<sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", rels)
        _write_streamed(z, "xl/worksheets/sheet1.xml", [sheet] if isinstance(sheet, bytes) else sheet)
        if shared is not None:
            _write_streamed(z, "xl/sharedStrings.xml", [shared] if isinstance(shared, bytes) else shared)
    return path


def sheet_xml(rows: str) -> bytes:
    return f'<?xml version="1.0"?><worksheet xmlns="{XLSX_MAIN}"><sheetData>{rows}</sheetData></worksheet>'.encode()


def streamed_sheet(unit: bytes, count: int, rows: str = "") -> Iterable[bytes]:
    yield f'<?xml version="1.0"?><worksheet xmlns="{XLSX_MAIN}"><sheetData>{rows}'.encode()
    yield from _repeat(unit, count)
    yield b"</sheetData></worksheet>"


def streamed_shared_strings(count: int) -> Iterable[bytes]:
    yield f'<?xml version="1.0"?><sst xmlns="{XLSX_MAIN}" count="{count}">'.encode()
    yield from _repeat(b"<si><t/></si>", count)
    yield b"</sst>"


def write_pdf(path: Path, content: bytes, *, deflated_size: int = 0) -> Path:
    """A one-page PDF; with `deflated_size`, its content stream is `content` followed by that many spaces,
    FlateDecode-compressed (compressed in chunks: the bomb is never in memory)."""
    if deflated_size:
        packer = zlib.compressobj(9)
        parts = [packer.compress(content)]
        parts += [packer.compress(chunk) for chunk in _repeat(b" ", deflated_size)]
        parts.append(packer.flush())
        stream, flt = b"".join(parts), b"/Filter /FlateDecode "
    else:
        stream, flt = content, b""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< " + flt + b"/Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    path.write_bytes(bytes(out))
    return path


def pdf_text(lines: list[str]) -> bytes:
    ops = b"BT /F1 12 Tf 72 720 Td 14 TL " + b" ".join(b"(" + line.encode("latin-1") + b") Tj T*"
                                                       for line in lines) + b" ET"
    return ops
