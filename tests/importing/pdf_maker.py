"""A minimal PDF writer for hand-made test fixtures: text lines placed at given positions.

English lines use the standard Helvetica font; Chinese lines the standard STSong-Light CID font with the
UniGB-UCS2-H encoding (not embedded: PDF readers and pdfminer know its CMaps), so no font file is needed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

PAGE_WIDTH, PAGE_HEIGHT = 595, 842          # A4 in points


@dataclass(frozen=True)
class Line:
    """One line of text at (x, y) (points from the bottom left), in `size` points."""

    x: float
    y: float
    text: str
    size: float = 11


def _is_cjk(text: str) -> bool:
    return any(ord(c) > 0x2e80 for c in text)


def _pdf_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return f"({escaped})"


def _content(lines: list[Line]) -> bytes:
    ops = []
    for line in lines:
        if _is_cjk(line.text):
            shown = "<" + line.text.encode("utf-16-be").hex().upper() + ">"
            font = "/F2"
        else:
            shown, font = _pdf_string(line.text), "/F1"
        ops.append(f"BT {font} {line.size} Tf {line.x} {line.y} Td {shown} Tj ET")
    return "\n".join(ops).encode("latin-1")


def write_pdf(path: Path, pages: list[list[Line]]) -> Path:
    """Write `pages` (each a list of lines) as a PDF with a text layer; return `path`."""
    objects: list[bytes] = []

    def add(body: bytes | str) -> int:
        objects.append(body.encode("latin-1") if isinstance(body, str) else body)
        return len(objects)

    catalog = add("")                                   # filled in below
    pages_obj = add("")
    helvetica = add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    descendant = add("<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
                     "/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> "
                     "/FontDescriptor << /Type /FontDescriptor /FontName /STSong-Light /Flags 6 "
                     "/FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 "
                     "/StemV 93 >> /DW 1000 >>")
    song = add(f"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light-UniGB-UCS2-H /Encoding /UniGB-UCS2-H "
               f"/DescendantFonts [{descendant} 0 R] >>")
    kids = []
    for lines in pages:
        stream = _content(lines)
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        kids.append(add(f"<< /Type /Page /Parent {pages_obj} 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] "
                        f"/Resources << /Font << /F1 {helvetica} 0 R /F2 {song} 0 R >> >> "
                        f"/Contents {content} 0 R >>"))
    objects[catalog - 1] = f"<< /Type /Catalog /Pages {pages_obj} 0 R >>".encode()
    objects[pages_obj - 1] = (f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] "
                              f"/Count {len(kids)} >>").encode()
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, catalog, xref)
    path.write_bytes(bytes(out))
    return path
