"""Reading input documents: one module per format returns paragraph records; `bilingual` splits them by language."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from editor.errors import EmptyFileError, InputFileError, MarkupOnlyFileError, UnsupportedFormatError
from editor.importing.records import Paragraph, Role

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ""})
DOCX_SUFFIXES = frozenset({".docx", ".docm"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
# Formats read from their own bytes by their own module (binary or with an encoding of their own):
# suffix -> (module, function, format name).  Each function takes the path and returns paragraph records.
BINARY_READERS = {
    ".epub": ("editor.importing.epub", "epub_records", "epub"),
    ".odt": ("editor.importing.odt", "odt_records", "odt"),
    ".pdf": ("editor.importing.pdf", "pdf_records", "pdf"),
    ".xlsx": ("editor.importing.table", "xlsx_records", "xlsx"),
}
SUBTITLE_SUFFIXES = frozenset({".srt"})
CSV_SUFFIXES = frozenset({".csv", ".tsv"})
#: every suffix the importer reads (for file dialogs and the README)
INPUT_SUFFIXES = (".txt", ".md", ".docx", ".html", ".htm", ".xhtml", ".odt", ".epub", ".pdf", ".srt", ".xlsx",
                  ".csv", ".tsv")
# Formats people try that Duiqi does not read, with what to do instead.
UNSUPPORTED_SUFFIXES = {
    ".doc": "Word 97-2003 documents are not supported; save it as .docx or .txt",
    ".rtf": "RTF files are not supported; save it as .docx or .txt",
    ".pages": "Pages documents are not supported; export it as .docx or .txt",
    ".xls": "Excel 97-2003 workbooks are not supported; save it as .xlsx or .csv",
    ".mobi": "Kindle books are not supported; convert it to .epub first",
    ".azw3": "Kindle books are not supported; convert it to .epub first",
}


# Finished alignments: `align` reads texts, so these get pointed to `convert` or to opening them (a .tsv,
# .csv or .xlsx table is a text to align unless Duiqi wrote it: see is_duiqi_table).
ALIGNMENT_FILE_SUFFIXES = frozenset({".tmx", ".xlf", ".xliff", ".json", ".duiqi", ".sdlxliff", ".mqxliff", ".mxliff"})
ALIGNMENT_FILE_ADVICE = ("this is an alignment file, not a text to align: open it in the editor (duiqi FILE) "
                         "or convert it (duiqi convert FILE OUT)")


#: The header row of Duiqi's table exports.
_DUIQI_TABLE_HEADER = ["zh", "en", "confidence", "status"]


def is_duiqi_table(path: Path) -> bool:
    """True for a .tsv/.csv/.xlsx alignment that Duiqi exported (its header row starts zh, en, confidence, status)."""
    suffix = path.suffix.lower()
    try:
        if suffix in (".tsv", ".csv") and path.is_file():
            with path.open("rb") as f:
                head = f.readline(4096).decode("utf-8-sig", "replace")
            cells = [c.strip().strip('"').lower() for c in re.split(r"[\t,]", head)]
            return cells[:4] == _DUIQI_TABLE_HEADER
        if suffix == ".xlsx" and path.is_file():
            from editor.importing.table import xlsx_first_row

            row = xlsx_first_row(path)       # streamed: a workbook bomb is refused by the reader, not here
            return [str(c).strip().lower() for c in row[:4]] == _DUIQI_TABLE_HEADER
    except Exception:          # noqa: BLE001 - not readable as a table: the reader will say why
        return False
    return False


def _within_limit(document: "RawDocument") -> "RawDocument":
    """Refuse a compressed document holding more text than can be aligned (the file size does not say)."""
    from editor.file_checks import MAX_TEXT_INPUT_BYTES, megabytes

    size = sum(len(p.encode("utf-8", "surrogatepass")) for p in document.paragraphs)
    if size > MAX_TEXT_INPUT_BYTES:
        raise InputFileError(f"the document holds too much text to align ({megabytes(size)}; the limit is "
                             f"{megabytes(MAX_TEXT_INPUT_BYTES)}); split it into parts", path=document.path)
    return document


def _looks_like_alignment_markup(raw: bytes) -> bool:
    """True for a TMX or XLIFF file under another extension (its root element is near the start)."""
    head = raw[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith(b"<") and (b"<tmx" in head or b"<xliff" in head)


@dataclass
class RawDocument:
    """A file's text as paragraphs, with how it was read.

    `records` are the paragraphs with their marks (headings, table rows, cues); `paragraphs` their texts.
    """

    path: Path
    paragraphs: list[str]
    encoding: str | None = None          # None for formats that fix their own encoding (docx)
    format: str = "txt"                  # "txt", "docx", "html", "odt", "epub", "pdf", "srt", "xlsx" or "csv"
    notes: list[str] = field(default_factory=list)
    layout: str = "lines"                # txt: "lines" or "blocks" (blank-line-separated), else "markup"
    records: list[Paragraph] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.records:
            self.records = [Paragraph(text) for text in self.paragraphs]

    @classmethod
    def of(cls, path: Path, records: list[Paragraph], encoding: str | None, fmt: str,
           layout: str = "markup") -> "RawDocument":
        """Build a document from records (empty ones left out); raises MarkupOnlyFileError when none are left."""
        records = [r for r in records if r.text.strip()]
        if not records:
            raise MarkupOnlyFileError(path)
        return cls(path, [r.text for r in records], encoding, fmt, layout=layout, records=records)


def container_suffix(raw: bytes) -> str | None:
    """The suffix of the document format whose bytes these are (.docx, .xlsx, .odt, .epub or .pdf), or None."""
    if raw.startswith(b"%PDF-"):
        return ".pdf"
    if not raw.startswith(b"PK\x03\x04"):
        return None
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            names = set(archive.namelist())
            mimetype = archive.read("mimetype")[:100].strip() if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError, ValueError):
        return None
    if "word/document.xml" in names:
        return ".docx"
    if "xl/workbook.xml" in names:
        return ".xlsx"
    if mimetype == b"application/vnd.oasis.opendocument.text":
        return ".odt"
    if mimetype == b"application/epub+zip":
        return ".epub"
    return None


def load_document(path: Path | str, encoding: str | None = None, *, layout: str | None = None) -> RawDocument:
    """Read a .txt, .docx or .html file's paragraphs (stripped, non-empty, in order).

    `encoding` forces the text encoding of .txt/.html files, and `layout` ("lines"/"blocks") how a text
    file marks paragraphs (default: detected).  Unknown extensions are read as text.
    Also reads .odt, .epub, .pdf (with a text layer), .srt subtitles and .xlsx/.csv tables (see INPUT_SUFFIXES).
    Raises InputFileError subclasses naming the file: UndecodableFileError (binary or undecodable),
    EmptyFileError, MarkupOnlyFileError, EncryptedFileError, MalformedFileError, UnsupportedFormatError.
    """
    from editor.file_checks import MAX_ALIGNMENT_INPUT_BYTES, MAX_TEXT_INPUT_BYTES, check_input_file

    path = Path(path)
    if path.suffix.lower() in UNSUPPORTED_SUFFIXES:
        raise UnsupportedFormatError(UNSUPPORTED_SUFFIXES[path.suffix.lower()], path=path)
    if path.suffix.lower() in ALIGNMENT_FILE_SUFFIXES or is_duiqi_table(path):
        raise UnsupportedFormatError(ALIGNMENT_FILE_ADVICE.replace("FILE", path.name), path=path)
    binary = path.suffix.lower() in DOCX_SUFFIXES or path.suffix.lower() in BINARY_READERS
    # Only regular files, and none larger than the machine can align (a symlink to /dev/zero never ends);
    # compressed formats are checked by what they inflate to.
    check_input_file(path, MAX_TEXT_INPUT_BYTES if not binary else MAX_ALIGNMENT_INPUT_BYTES)
    try:
        raw = path.read_bytes() if not binary else b""
    except FileNotFoundError:
        raise InputFileError("no such file", path=path) from None
    except IsADirectoryError:
        raise InputFileError("this is a folder, not a file", path=path) from None
    except OSError as exc:
        raise InputFileError(f"cannot read the file ({exc.strerror})", path=path) from None
    suffix = path.suffix.lower()
    if not binary:
        # a document saved or renamed with a text extension (a .docx called .txt): read it as what it is, not as
        # undecodable text whose encoding the translator then tries in vain (an X11 audit)
        real = container_suffix(raw)
        if real is not None:
            binary, suffix = True, real
    if binary:
        if not path.is_file():
            raise InputFileError("no such file", path=path)
        if path.stat().st_size == 0:
            raise EmptyFileError(path)
        if suffix in DOCX_SUFFIXES:
            from editor.importing.docx import docx_records

            return _within_limit(RawDocument.of(path, docx_records(path), None, "docx"))
        import importlib

        module, function, fmt = BINARY_READERS[suffix]
        return _within_limit(RawDocument.of(path, getattr(importlib.import_module(module), function)(path), None,
                                            fmt))
    from editor.importing.decoding import decode_text

    if not raw.strip():
        raise EmptyFileError(path)
    if suffix in HTML_SUFFIXES:
        from editor.importing.html import decode_html, html_records

        text, used = decode_html(raw, path, encoding)
        return RawDocument.of(path, html_records(text, path), used, "html")
    if _looks_like_alignment_markup(raw):
        raise UnsupportedFormatError(ALIGNMENT_FILE_ADVICE.replace("FILE", path.name), path=path)
    text, used = decode_text(raw, path, encoding)
    if suffix in SUBTITLE_SUFFIXES:
        from editor.importing.subtitles import srt_records

        return RawDocument.of(path, srt_records(text, path), used, "srt", layout="cues")
    if suffix in CSV_SUFFIXES:
        from editor.importing.table import csv_records

        return RawDocument.of(path, csv_records(text, path), used, "csv", layout="table")
    from editor.importing.txt import ParagraphLayout, text_records

    records, used_layout = text_records(text, ParagraphLayout(layout) if layout else None)
    if not records:
        raise EmptyFileError(path)
    return RawDocument(path, [r.text for r in records], used, "txt", layout=used_layout.value, records=records)


_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]")
_LATIN = re.compile(r"[A-Za-z]")


def has_letters(text: str) -> bool:
    """True when the text has Han characters or Latin letters (not only numbers and punctuation)."""
    return bool(_HAN.search(text) or _LATIN.search(text))


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


_recent: dict[tuple, RawDocument] = {}
_recent_lock = __import__("threading").Lock()
RECENT_DOCUMENTS = 4


def load_document_cached(path: Path | str, encoding: str | None = None, *, layout: str | None = None) -> RawDocument:
    """load_document() that keeps the last few files read, by path, size, modification time, encoding and
    layout: the import dialog's preview and the import itself read a long PDF or book once, not twice.
    Callers must not change the returned document."""
    path = Path(path)
    try:
        stat = path.stat()
        key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns, encoding, layout)
    except OSError:
        return load_document(path, encoding, layout=layout)     # it raises the error naming the file
    with _recent_lock:
        found = _recent.get(key)
    if found is not None:
        return found
    document = load_document(path, encoding, layout=layout)
    with _recent_lock:
        _recent[key] = document
        while len(_recent) > RECENT_DOCUMENTS:
            _recent.pop(next(iter(_recent)))
    return document
