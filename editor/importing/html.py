"""HTML paragraph records: block-level elements' text without scripts, styles or the head; h1-h6 headings,
bilingual tables as row pairs."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
from lxml import etree

from editor.errors import MalformedFileError
from editor.importing.decoding import decode_text
from editor.importing.records import Paragraph, heading
from editor.importing.table import table_records

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
    return [r.text for r in html_records(text, path)]


_TAG_OR_COMMENT = re.compile(r"<!--.*?-->|<[^>]*>", re.DOTALL)
_WORD_CHARACTER = re.compile(r"\w")
#: letters, digits and Han characters the parsed tree may lack against the source's text (entities such as
#: &nbsp; and markup the parser repairs) before the document counts as not read whole
_READ_SLACK = 0.01


def _letters(text: str) -> int:
    return len(_WORD_CHARACTER.findall(text))


def parse_html(text: str, path: Path) -> etree._Element:
    """Parse an HTML (or XHTML) document's text; MalformedFileError naming the file when it cannot be, or
    when the parser could not keep all of its text (nesting deeper than libxml2's limit).

    `huge_tree` lifts libxml2's nesting limit from 256 to 2048 levels (400 unclosed <font> or <div> tags nest
    400 deep); deeper still, the parser drops what follows, so the text of the tree is compared with the
    text between the source's tags and such a document is refused, never read in part."""
    source = re.sub(r"^\s*<\?xml[^>]*\?>", "", text) or "<html/>"
    try:
        root = lxml.html.document_fromstring(source, parser=lxml.html.HTMLParser(huge_tree=True))
    except (etree.ParserError, ValueError) as exc:
        raise MalformedFileError(path, f"cannot parse the HTML ({exc})") from None
    import html

    expected = _letters(html.unescape(_TAG_OR_COMMENT.sub(" ", source)))
    read = _letters("".join(t for t in root.itertext() if isinstance(t, str)))
    if read < expected * (1 - _READ_SLACK) - 20:
        raise MalformedFileError(path, f"the HTML nests its elements too deeply to be read whole (only {read} of "
                                       f"{expected} letters could be read); remove the unclosed tags and try "
                                       "again")
    return root


_HEADINGS = {f"h{n}": n for n in range(1, 7)}


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


#: tables inside tables read as tables up to this depth; deeper ones are read as plain blocks (each cell's
#: text a paragraph), so a document of tables nested 2,000 deep is read whole, not a RecursionError
MAX_TABLE_NESTING = 32


def element_records(root: etree._Element, table_depth: int = 0) -> list[Paragraph]:
    """Return the records of a parsed HTML element: block-level paragraphs, h1-h6 as headings, tables
    with a Chinese and an English column as row pairs."""
    records: list[Paragraph] = []
    current: list[str] = []
    level = [0]

    def flush() -> None:
        line = _normalise("".join(current))
        if line:
            records.append(heading(line, level[0]) if level[0] else Paragraph(line))
        current.clear()

    def walk(top: etree._Element) -> None:
        # iterative (a document may nest 2048 levels deep, beyond Python's recursion limit): each element is
        # visited when it opens and again, from the stack, when it closes
        stack: list[tuple[etree._Element, bool]] = [(top, False)]
        while stack:
            element, closing = stack.pop()
            tag = _local(element.tag)
            if closing:
                if tag in _BLOCKS:
                    flush()
                if tag in _HEADINGS:
                    level[0] = 0
                if element.tail:
                    current.append(element.tail)
                continue
            if tag in _SKIPPED or not tag:      # comments and processing instructions have no str tag
                if element.tail:
                    current.append(element.tail)
                continue
            if tag == "table" and table_depth < MAX_TABLE_NESTING:
                flush()
                records.extend(_table(element))
                if element.tail:
                    current.append(element.tail)
                continue
            if tag in _BLOCKS:
                flush()
            if tag in _HEADINGS:
                level[0] = _HEADINGS[tag]
            if element.text:
                current.append(element.text)
            stack.append((element, True))
            stack.extend((child, False) for child in reversed(element))

    def _table(table: etree._Element) -> list[Paragraph]:
        rows = []
        for tr in table.iter():
            if _local(tr.tag) != "tr" or next((a for a in tr.iterancestors() if _local(a.tag) == "table"),
                                              None) is not table:
                continue
            row = []
            for cell in tr:
                if _local(cell.tag) in ("td", "th"):
                    row.append([r.text for r in element_records(cell, table_depth + 1)])
            rows.append(row)
        return table_records(rows)

    walk(root)
    flush()
    return records


def html_records(text: str, path: Path) -> list[Paragraph]:
    """Return an HTML document's paragraph records (see element_records)."""
    return element_records(parse_html(text, path))
