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


def pdf_records(path: Path) -> list[Paragraph]:
    """Return the paragraphs of a PDF's text layer in reading order; lines like 第一章 / Chapter One are headings.

    Raises EmptyFileError when no page has text (a scan), EncryptedFileError for a password, and
    MalformedFileError naming the file for a damaged PDF.
    """
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTTextContainer
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    with path.open("rb") as f:
        if not f.read(1024).lstrip().startswith(b"%PDF"):
            raise MalformedFileError(path, "not a PDF file (it does not start with %PDF); is it damaged?")
    paragraphs: list[str] = []
    open_paragraph = False          # the last paragraph of the previous page did not end (a page break cut it)
    try:
        for number, page in enumerate(extract_pages(path, laparams=LAParams()), start=1):
            if number > MAX_PAGES:
                raise MalformedFileError(path, f"the PDF has more than {MAX_PAGES} pages")
            first_on_page = True
            for element in page:
                if not isinstance(element, LTTextContainer):
                    continue
                text = join_lines(element.get_text().splitlines())
                if not text or _PAGE_NUMBER.match(text):
                    continue
                if first_on_page and open_paragraph and paragraphs and not looks_like_heading(text):
                    paragraphs[-1] = join_lines([paragraphs[-1], text])
                else:
                    paragraphs.append(text)
                first_on_page = False
            open_paragraph = bool(paragraphs) and not _ENDS_PARAGRAPH.search(paragraphs[-1]) \
                and not looks_like_heading(paragraphs[-1])
    except EditorError:
        raise
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise EncryptedFileError(path) from None
    except Exception as exc:        # noqa: BLE001 - pdfminer raises many types on damaged files
        raise MalformedFileError(path, f"the PDF is damaged or not readable ({type(exc).__name__}: {exc})") from None
    if not paragraphs:
        raise EmptyFileError(path, NO_TEXT_LAYER)
    return [heading(p) if looks_like_heading(p) else Paragraph(p) for p in paragraphs]
