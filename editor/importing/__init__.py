"""Reading input documents: decoding, .txt/.docx/.html paragraphs, and splitting mixed files by language."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from editor.errors import EmptyFileError, UndecodableFileError


@dataclass
class RawDocument:
    """A file's text as paragraphs, with how it was read."""

    path: Path
    paragraphs: list[str]
    encoding: str | None = None          # None for formats that fix their own encoding (docx)
    format: str = "txt"
    notes: list[str] = field(default_factory=list)


def load_document(path: Path | str, encoding: str | None = None) -> RawDocument:
    """Read a .txt file's paragraphs (one per non-empty line). Raises InputFileError subclasses."""
    path = Path(path)
    raw = path.read_bytes()
    for name in ((encoding,) if encoding else ("utf-8-sig", "gb18030")):
        try:
            text = raw.decode(name)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise UndecodableFileError(path, ("utf-8", "gb18030"))
    paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    if not paragraphs:
        raise EmptyFileError(path)
    return RawDocument(path, paragraphs, name)


_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")


def is_chinese_paragraph(text: str) -> bool:
    """True when Han characters outnumber a fifth of the Latin letters (Chinese text quotes English words)."""
    return len(_HAN.findall(text)) * 5 > len(_LATIN.findall(text))


def split_by_language(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """Split a mixed bilingual document's paragraphs into (Chinese, English), keeping order."""
    zh, en = [], []
    for p in paragraphs:
        (zh if is_chinese_paragraph(p) else en).append(p)
    return zh, en
