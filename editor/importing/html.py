"""HTML paragraphs: the text of block-level elements, without scripts, styles or the head."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
from lxml import etree

from editor.errors import MalformedFileError
from editor.importing.decoding import decode_text

_SKIPPED = {"script", "style", "noscript", "template", "head", "title", "meta", "link", "iframe", "object",
            "svg", "math", "select", "option",
            "rt", "rp"}          # ruby annotations: pinyin or zhuyin above the characters is not text
_BLOCKS = {"address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
           "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
           "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "p",
           "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "br"}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
_CJK_GAP = re.compile(r"(?<=[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]) "
                      r"(?=[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef])")


def decode_html(raw: bytes, path: Path, encoding: str | None = None) -> tuple[str, str]:
    """Return (text, encoding): a forced encoding, else a BOM, else the declared <meta charset>, else detection."""
    if not encoding and not raw.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        declared = _META_CHARSET.search(raw[:4096])
        if declared:
            name = declared.group(1).decode("ascii").lower()
            try:
                return raw.decode(name), name
            except (LookupError, UnicodeDecodeError):
                pass             # a wrong declaration is common; fall back to detection
    return decode_text(raw, path, encoding)


def _normalise(fragment: str) -> str:
    # HTML collapses whitespace; a source line break between two CJK characters renders as nothing.
    return _CJK_GAP.sub("", _SPACES.sub(" ", fragment)).strip()


def html_paragraphs(text: str, path: Path) -> list[str]:
    """Return the non-empty block-level paragraphs of an HTML document's text, in order."""
    try:
        root = lxml.html.document_fromstring(re.sub(r"^\s*<\?xml[^>]*\?>", "", text) or "<html/>")
    except (etree.ParserError, ValueError) as exc:
        raise MalformedFileError(path, f"cannot parse the HTML ({exc})") from None
    paragraphs: list[str] = []
    current: list[str] = []

    def flush() -> None:
        line = _normalise("".join(current))
        if line:
            paragraphs.append(line)
        current.clear()

    def walk(element: etree._Element) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag.lower() in _SKIPPED or not tag:      # comments and processing instructions have no str tag
            if element.tail:
                current.append(element.tail)
            return
        block = tag.lower() in _BLOCKS
        if block:
            flush()
        if element.text:
            current.append(element.text)
        for child in element:
            walk(child)
        if block:
            flush()
        if element.tail:
            current.append(element.tail)

    walk(root)
    flush()
    return paragraphs
