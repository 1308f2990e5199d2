"""Reading input documents: decoding, .txt/.docx/.html paragraphs, and splitting mixed files by language."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from editor.errors import EmptyFileError, InputFileError, MarkupOnlyFileError, UnsupportedFormatError

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ""})
DOCX_SUFFIXES = frozenset({".docx", ".docm"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
# Formats people try that Duiqi does not read, with what to do instead.
UNSUPPORTED_SUFFIXES = {
    ".doc": "Word 97-2003 documents are not supported; save it as .docx or .txt",
    ".pdf": "PDF files are not supported; copy the text into a .txt file or save it as .docx",
    ".rtf": "RTF files are not supported; save it as .docx or .txt",
    ".odt": "OpenDocument files are not supported; save it as .docx or .txt",
    ".pages": "Pages documents are not supported; export it as .docx or .txt",
}


@dataclass
class RawDocument:
    """A file's text as paragraphs, with how it was read."""

    path: Path
    paragraphs: list[str]
    encoding: str | None = None          # None for formats that fix their own encoding (docx)
    format: str = "txt"                  # "txt", "docx" or "html"
    notes: list[str] = field(default_factory=list)
    layout: str = "lines"                # txt: "lines" or "blocks" (blank-line-separated), else "markup"


def load_document(path: Path | str, encoding: str | None = None, *, layout: str | None = None) -> RawDocument:
    """Read a .txt, .docx or .html file's paragraphs (stripped, non-empty, in order).

    `encoding` forces the text encoding of .txt/.html files, and `layout` ("lines"/"blocks") how a text
    file marks paragraphs (default: detected).  Unknown extensions are read as text.
    Raises InputFileError subclasses naming the file: UndecodableFileError (binary or undecodable),
    EmptyFileError, MarkupOnlyFileError, EncryptedFileError, MalformedFileError, UnsupportedFormatError.
    """
    path = Path(path)
    if path.suffix.lower() in UNSUPPORTED_SUFFIXES:
        raise UnsupportedFormatError(UNSUPPORTED_SUFFIXES[path.suffix.lower()], path=path)
    try:
        raw = path.read_bytes() if path.suffix.lower() not in DOCX_SUFFIXES else b""
    except FileNotFoundError:
        raise InputFileError("no such file", path=path) from None
    except IsADirectoryError:
        raise InputFileError("this is a folder, not a file", path=path) from None
    except OSError as exc:
        raise InputFileError(f"cannot read the file ({exc.strerror})", path=path) from None
    suffix = path.suffix.lower()
    if suffix in DOCX_SUFFIXES:
        from editor.importing.docx import docx_paragraphs

        if not path.is_file():
            raise InputFileError("no such file", path=path)
        if path.stat().st_size == 0:
            raise EmptyFileError(path)
        paragraphs = docx_paragraphs(path)
        if not paragraphs:
            raise MarkupOnlyFileError(path)
        return RawDocument(path, paragraphs, None, "docx", layout="markup")
    from editor.importing.decoding import decode_text

    if not raw.strip():
        raise EmptyFileError(path)
    if suffix in HTML_SUFFIXES:
        from editor.importing.html import decode_html, html_paragraphs

        text, used = decode_html(raw, path, encoding)
        paragraphs = html_paragraphs(text, path)
        if not paragraphs:
            raise MarkupOnlyFileError(path)
        return RawDocument(path, paragraphs, used, "html", layout="markup")
    from editor.importing.txt import ParagraphLayout, text_paragraphs

    text, used = decode_text(raw, path, encoding)
    paragraphs, used_layout = text_paragraphs(text, ParagraphLayout(layout) if layout else None)
    if not paragraphs:
        raise EmptyFileError(path)
    return RawDocument(path, paragraphs, used, "txt", layout=used_layout.value)


_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]")
_LATIN = re.compile(r"[A-Za-z]")


def is_chinese_paragraph(text: str) -> bool:
    """True when Han characters outnumber a fifth of the Latin letters (Chinese text quotes English words)."""
    return len(_HAN.findall(text)) * 5 > len(_LATIN.findall(text))


def split_by_language(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """Split a mixed bilingual document's paragraphs into (Chinese, English), keeping order.

    A paragraph with neither Han characters nor Latin letters (a number, a row of asterisks) goes with the
    paragraph before it, since it belongs to the text it sits in.
    """
    zh: list[str] = []
    en: list[str] = []
    previous_chinese = True
    for p in paragraphs:
        if _HAN.search(p) or _LATIN.search(p):
            previous_chinese = is_chinese_paragraph(p)
        (zh if previous_chinese else en).append(p)
    return zh, en
