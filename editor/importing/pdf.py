"""PDF text layers as paragraph records, read with pdfminer.six: its layout analysis groups a page's lines
into text boxes (paragraphs), and it maps CJK fonts' glyphs to text with the CMaps it ships.

Lines wrapped inside a paragraph are joined (no space between CJK characters; a word hyphenated at the end
of a line is joined without its hyphen), as are paragraphs that a page break cut in two.  A PDF without a
text layer (scanned pages) gets its own message.
"""

from __future__ import annotations

import re
from pathlib import Path

from editor.errors import EditorError, EmptyFileError, EncryptedFileError, MalformedFileError
from editor.importing.records import Paragraph, heading, looks_like_heading
from editor.importing.txt import join_wrapped

#: more pages than any book; the layout analysis takes about a second a page on a slow machine
MAX_PAGES = 5000
NO_TEXT_LAYER = ("the PDF has no text layer (its pages are probably scanned images); run OCR on it first "
                 "(for example with OCRmyPDF), or export the text from the program that made it")
_HYPHENATED = re.compile(r"[A-Za-z]-$")
_PAGE_NUMBER = re.compile(r"^[-–—\s]*(\d+|[ivxlcdm]+|第\s*\d+\s*页)[-–—\s]*$", re.IGNORECASE)
_ENDS_PARAGRAPH = re.compile(r"[.!?:;。！？：；…]['\"’”」』）)\]]*$")


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


def box_paragraphs(lines: list[tuple[str, float, float]]) -> list[list[str]]:
    """Cut a text box's lines (text, x0, x1) into paragraphs: a new one starts after a short line (the last
    line of a paragraph; not one ending in a hyphenated word), at an indented line (a first-line indent),
    and around a heading line, since layout analysis puts paragraphs without spacing between them into
    one box."""
    lines = [(t.strip(), x0, x1) for t, x0, x1 in lines if t.strip()]
    if not lines:
        return []
    left, right = min(x0 for _, x0, _ in lines), max(x1 for _, _, x1 in lines)
    widths = sorted((x1 - x0) / max(1, len(t)) for t, x0, x1 in lines)
    char = widths[len(widths) // 2]          # a typical character width (a CJK character is two of a Latin)
    out: list[list[str]] = [[lines[0][0]]]
    for (prev, _, prev_x1), (text, x0, _) in zip(lines, lines[1:]):
        short = prev_x1 < right - 3 * char and not _HYPHENATED.search(prev)
        if short or x0 > left + 1.5 * char or looks_like_heading(text) or looks_like_heading(prev):
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
    try:
        for number, page in enumerate(extract_pages(path, laparams=LAParams()), start=1):
            if number > MAX_PAGES:
                raise MalformedFileError(path, f"the PDF has more than {MAX_PAGES} pages")
            chunks: list[str] = []
            for element in page:
                if not isinstance(element, LTTextContainer):
                    continue
                lines = [(line.get_text(), line.x0, line.x1) for line in element if isinstance(line, LTTextLine)]
                for chunk in box_paragraphs(lines) if lines else [element.get_text().splitlines()]:
                    text = join_lines(chunk)
                    if text and not _PAGE_NUMBER.match(text):
                        chunks.append(text)
            pages.append(chunks)
    except EditorError:
        raise
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise EncryptedFileError(path) from None
    except Exception as exc:        # noqa: BLE001 - pdfminer raises many types on damaged files
        raise MalformedFileError(path, f"the PDF is damaged or not readable ({type(exc).__name__}: {exc})") from None
    paragraphs = join_pages(drop_running_lines(pages))
    if not paragraphs:
        raise EmptyFileError(path, NO_TEXT_LAYER)
    return [heading(p) if looks_like_heading(p) else Paragraph(p) for p in paragraphs]
