"""PDF text layers as paragraph records, read with pdfminer.six: its layout analysis groups a page's lines
into text boxes (paragraphs), and it maps CJK fonts' glyphs to text with the CMaps it ships.

Lines wrapped inside a paragraph are joined (no space between CJK characters; a word hyphenated at the end
of a line is joined without its hyphen), as are paragraphs that a page break cut in two.  A PDF without a
text layer (scanned pages) gets its own message.
"""

from __future__ import annotations

import re
import threading
import zlib
from pathlib import Path

from editor.errors import EditorError, EmptyFileError, EncryptedFileError, MalformedFileError
from editor.importing.records import Paragraph, heading, looks_like_heading
from editor.importing.txt import join_wrapped

#: more pages than any book; the layout analysis takes about a second a page on a slow machine
MAX_PAGES = 5000
#: what one stream of a PDF may inflate to (a page's content or an embedded font is a few MB at most), and
#: all of one document's streams together: a 1.6 MB file can hold a 1.6 GB flate stream
MAX_STREAM_BYTES = 64 * 1024 * 1024
MAX_INFLATED_BYTES = 256 * 1024 * 1024
NO_TEXT_LAYER = ("the PDF has no text layer (its pages are probably scanned images); run OCR on it first "
                 "(for example with OCRmyPDF), or export the text from the program that made it")
_HYPHENATED = re.compile(r"[A-Za-z]-$")
_PAGE_NUMBER = re.compile(r"^[-–—\s]*(\d+|[ivxlcdm]+|第\s*\d+\s*页)[-–—\s]*$", re.IGNORECASE)
_ENDS_PARAGRAPH = re.compile(r"[.!?:;。！？：；…]['\"’”」』）)\]]*$")


class InflationLimit(Exception):
    """A stream of the PDF being read inflates beyond MAX_STREAM_BYTES, or all of them beyond MAX_INFLATED_BYTES."""


_budget = threading.local()        # the bytes the PDF read in this thread may still inflate


def _allowance() -> int:
    return min(MAX_STREAM_BYTES, getattr(_budget, "left", MAX_INFLATED_BYTES))


def _spend(size: int) -> None:
    if hasattr(_budget, "left"):
        _budget.left -= size
        if _budget.left < 0:
            raise InflationLimit(f"the PDF's streams inflate to more than {MAX_INFLATED_BYTES // 2 ** 20} MB")


class _BoundedZlib:
    """pdfminer's `zlib`, with decompress() stopped at the allowance instead of inflating without end."""

    error = zlib.error

    def __getattr__(self, name: str):
        return getattr(zlib, name)

    @staticmethod
    def decompress(data: bytes, *args, **kwargs) -> bytes:
        allowance = _allowance()
        inflater = zlib.decompressobj()
        out = inflater.decompress(data, allowance + 1)
        if len(out) > allowance or inflater.unconsumed_tail:
            raise InflationLimit(f"a stream of the PDF inflates to more than {allowance // 2 ** 20} MB")
        if not inflater.eof:
            raise zlib.error("Error -5 while decompressing data: incomplete or truncated stream")
        _spend(len(out))
        return out


def _bounded_lzwdecode(data: bytes) -> bytes:
    from io import BytesIO

    from pdfminer.lzw import LZWDecoder

    allowance, chunks, size = _allowance(), [], 0
    for chunk in LZWDecoder(BytesIO(data)).run():
        size += len(chunk)
        if size > allowance:
            raise InflationLimit(f"a stream of the PDF inflates to more than {allowance // 2 ** 20} MB")
        chunks.append(chunk)
    _spend(size)
    return b"".join(chunks)


def _bound_pdfminer() -> None:
    """Make pdfminer's stream decoding stop at the limits (once per process)."""
    from pdfminer import pdftypes

    if not isinstance(pdftypes.zlib, _BoundedZlib):
        pdftypes.zlib = _BoundedZlib()
        pdftypes.lzwdecode = _bounded_lzwdecode


def join_lines(lines: list[str]) -> str:
    """Join the lines of one paragraph: a hyphen at a line end before a lower-case letter is a word broken
    in two (work-/shop → workshop); otherwise join_wrapped (CJK without a space, English with one)."""
    out: list[str] = []
    for line in (ln.strip() for ln in lines):
        if not line:
            continue
        if out and _HYPHENATED.search(out[-1]) and line[:1].islower():
            out[-1] = out[-1][:-1] + line
        else:
            out.append(line)
    return join_wrapped(out)


#: A line that starts a list item: a bullet, (a), 1), 1., 一、, （一）, 第一条.
_LIST_ITEM = re.compile(r"^(?:[•·●○■□▪–—*-]\s|[（(][0-9A-Za-z一二三四五六七八九十]{1,3}[)）]|\d+(?:\.\d+)*[.)、．]\s"
                        r"|[一二三四五六七八九十]{1,3}[、．.]|第[一二三四五六七八九十百零〇0-9]+[条條章节節款])")
#: a font size this much larger or smaller than the line before starts a new paragraph (a heading line)
SIZE_CHANGE = 0.15


def box_paragraphs(lines: list[tuple[str, float, float] | tuple[str, float, float, float]]) -> list[list[str]]:
    """Cut a text box's lines (text, x0, x1[, height]) into paragraphs, since layout analysis puts paragraphs
    without spacing between them into one box.

    A new paragraph starts after a short line that ends a sentence (the last line of a paragraph; a short
    line that does not end one is a sentence wrapped early, continued by the next line of the block), at an
    indented line (a first-line indent), at a list item, where the font size changes, and around a heading
    line."""
    rows = [(t.strip(), ln[1], ln[2], ln[3] if len(ln) > 3 else 0.0) for ln in lines if (t := ln[0]).strip()]
    if not rows:
        return []
    left, right = min(r[1] for r in rows), max(r[2] for r in rows)
    widths = sorted((x1 - x0) / max(1, len(t)) for t, x0, x1, _ in rows)
    char = widths[len(widths) // 2]          # a typical character width (a CJK character is two of a Latin)
    out: list[list[str]] = [[rows[0][0]]]
    for (prev, _, prev_x1, prev_h), (text, x0, _, height) in zip(rows, rows[1:]):
        short = (prev_x1 < right - 3 * char and not _HYPHENATED.search(prev)
                 and bool(_ENDS_PARAGRAPH.search(prev)))
        resized = prev_h > 0 and height > 0 and abs(height - prev_h) > SIZE_CHANGE * max(height, prev_h)
        if (short or resized or x0 > left + 1.5 * char or _LIST_ITEM.match(text)
                or looks_like_heading(text) or looks_like_heading(prev)):
            out.append([text])
        else:
            out[-1].append(text)
    return out


def _running_key(text: str) -> str:
    return re.sub(r"\d+", "#", text.strip().lower())


def drop_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Leave out running headers and footers: a first or last paragraph of a page that recurs (page
    numbers aside) at the top or bottom of at least half the pages, and of at least three."""
    if len(pages) < 3:
        return pages
    counts: dict[str, int] = {}
    for chunks in pages:
        for key in {_running_key(c) for c in chunks[:1] + chunks[-1:]}:
            counts[key] = counts.get(key, 0) + 1
    running = {k for k, n in counts.items() if n >= max(3, len(pages) / 2)}
    if not running:
        return pages
    out = []
    for chunks in pages:
        chunks = list(chunks)
        while chunks and _running_key(chunks[0]) in running:
            chunks.pop(0)
        while chunks and _running_key(chunks[-1]) in running:
            chunks.pop()
        out.append(chunks)
    return out


def join_pages(pages: list[list[str]]) -> list[str]:
    """Concatenate the pages' paragraphs, joining a paragraph that a page break cut in two (the page ends
    without closing punctuation and the next does not start with a heading)."""
    paragraphs: list[str] = []
    open_paragraph = False
    for chunks in pages:
        for k, text in enumerate(chunks):
            if k == 0 and open_paragraph and paragraphs and not looks_like_heading(text):
                paragraphs[-1] = join_lines([paragraphs[-1], text])
            else:
                paragraphs.append(text)
        if chunks:
            open_paragraph = not _ENDS_PARAGRAPH.search(paragraphs[-1]) and not looks_like_heading(paragraphs[-1])
    return paragraphs


def pdf_records(path: Path) -> list[Paragraph]:
    """Return the paragraphs of a PDF's text layer in reading order; lines like 第一章 / Chapter One are headings.

    Raises EmptyFileError when no page has text (a scan), EncryptedFileError for a password, and
    MalformedFileError naming the file for a damaged PDF.
    """
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTTextContainer, LTTextLine
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    with path.open("rb") as f:
        if not f.read(1024).lstrip().startswith(b"%PDF"):
            raise MalformedFileError(path, "not a PDF file (it does not start with %PDF); is it damaged?")
    pages: list[list[str]] = []     # each page's paragraph chunks, in reading order
    _bound_pdfminer()
    _budget.left = MAX_INFLATED_BYTES
    try:
        for number, page in enumerate(extract_pages(path, laparams=LAParams()), start=1):
            if number > MAX_PAGES:
                raise MalformedFileError(path, f"the PDF has more than {MAX_PAGES} pages")
            chunks: list[str] = []
            for element in page:
                if not isinstance(element, LTTextContainer):
                    continue
                lines = [(line.get_text(), line.x0, line.x1, line.height) for line in element
                         if isinstance(line, LTTextLine)]
                for chunk in box_paragraphs(lines) if lines else [element.get_text().splitlines()]:
                    text = join_lines(chunk)
                    if text and not _PAGE_NUMBER.match(text):
                        chunks.append(text)
            pages.append(chunks)
    except EditorError:
        raise
    except InflationLimit as exc:
        raise MalformedFileError(path, f"{exc}; is it a compression bomb or damaged?") from None
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise EncryptedFileError(path) from None
    except Exception as exc:        # noqa: BLE001 - pdfminer raises many types on damaged files
        raise MalformedFileError(path, f"the PDF is damaged or not readable ({type(exc).__name__}: {exc})") from None
    finally:
        del _budget.left
    paragraphs = join_heading_numbers(join_pages(drop_running_lines(pages)))
    if not paragraphs:
        raise EmptyFileError(path, NO_TEXT_LAYER)
    return [heading(p) if looks_like_heading(p) else heading(p, 2, whole=True) if is_numbered_heading(p)
            else Paragraph(p) for p in paragraphs]


#: A heading number on its own (a numbered list puts it in a box of its own): 1., 1.2, 2.1., 一、, （一）, 第一条.
_HEADING_NUMBER = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3})*\.?|[一二三四五六七八九十]{1,3}[、．.]"
                             r"|[（(][一二三四五六七八九十\d]{1,3}[)）]|第[一二三四五六七八九十百零〇\d]+[条條章节節款])$")
_NUMBERED_HEADING = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3})*\.?\s+|(?:[一二三四五六七八九十]{1,3}[、．.]"
                               r"|[（(][一二三四五六七八九十\d]{1,3}[)）])\s*)\S")
_SENTENCE_END = re.compile(r"[.!?;:。！？；：…]['\"’”」』）)]*$")
MAX_NUMBERED_HEADING_CHARS = 80


def join_heading_numbers(paragraphs: list[str]) -> list[str]:
    """Keep a heading number with its heading: "1." followed by "Company Overview" is "1. Company Overview"."""
    out: list[str] = []
    for text in paragraphs:
        if out and _HEADING_NUMBER.match(out[-1]) and not _HEADING_NUMBER.match(text):
            out[-1] = f"{out[-1]} {text}"
        else:
            out.append(text)
    return out


def is_numbered_heading(text: str) -> bool:
    """True for a short numbered line that does not end like a sentence: "1. Company Overview", "2.1 范围".
    It is one segment (the sentence splitter would cut "1." off) and a heading."""
    return (len(text) <= MAX_NUMBERED_HEADING_CHARS and bool(_NUMBERED_HEADING.match(text))
            and not _SENTENCE_END.search(text))
