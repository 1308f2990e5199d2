"""Parsing XML from untrusted files: no entity expansion, no network, no DTD loading, size limits."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from lxml import etree

from editor.errors import MalformedFileError

# Exchange files of real projects are a few MB; far beyond this is an attack or not an alignment.
MAX_XML_BYTES = 256 * 1024 * 1024

_ENTITY_DECL = re.compile(r"<!ENTITY")
ENTITIES_REFUSED = ("the file declares XML entities (<!ENTITY …>), which Duiqi refuses: they can read local "
                    "files (XXE) or expand into gigabytes (\"billion laughs\"); no alignment format needs them")


def _parser() -> etree.XMLParser:
    # A fresh parser per call: lxml parsers are not thread-safe, and the editor parses in workers.
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                           huge_tree=False, remove_comments=True, remove_pis=True)


def _line_of(raw: bytes, encoding: str | None, pattern: re.Pattern[str]) -> int | None:
    for name in (encoding, "utf-8", "utf-16"):
        if not name:
            continue
        try:
            text = raw.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
        match = pattern.search(text)
        if match:
            return text.count("\n", 0, match.start()) + 1
    return None


def _declared_entity_line(raw: bytes) -> int | None:
    """Return the line of the first <!ENTITY declaration before the root element, or None (checked before
    parsing, so that even libxml2 never sees an entity bomb)."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        head = raw.decode("utf-16", errors="replace")
    elif raw[:4] in (b"<\x00?\x00", b"\x00<\x00?"):
        head = raw.decode("utf-16-le" if raw[0] == 0x3C else "utf-16-be", errors="replace")
    else:
        head = raw.decode("latin-1")          # ASCII-compatible encodings: the markup bytes are what counts
    subset_end = head.find("]>")          # entities can only be declared in an internal DTD subset
    if subset_end < 0 or "<!DOCTYPE" not in head[:subset_end]:
        return None
    match = _ENTITY_DECL.search(head, 0, subset_end)
    return head.count("\n", 0, match.start()) + 1 if match else None


def parse_untrusted_xml(raw: bytes, path: Path | str | None) -> etree._Element:
    """Parse XML bytes (any encoding the XML declaration or BOM names) and return the root element.

    Raises MalformedFileError naming the file, the line and the problem when the XML is not well-formed,
    too big, or declares entities (which could read local files — XXE — or expand into gigabytes —
    "billion laughs"; exchange formats never need them, so they are refused rather than ignored).
    """
    if len(raw) > MAX_XML_BYTES:
        raise MalformedFileError(path, f"the file is larger than {MAX_XML_BYTES // (1024 * 1024)} MB; "
                                       "Duiqi does not read XML files that big")
    if not raw.strip():
        raise MalformedFileError(path, "the file is empty")
    line = _declared_entity_line(raw)
    if line is not None:
        raise MalformedFileError(path, ENTITIES_REFUSED, line=line)
    try:
        root = etree.fromstring(raw, _parser())
    except etree.XMLSyntaxError as exc:
        message = (exc.msg or str(exc)).strip()
        if "huge" in message.lower() or "limit" in message.lower():
            message += " (the file exceeds the safe size limits for XML)"
        raise MalformedFileError(path, f"not well-formed XML: {message}", line=exc.lineno or None) from None
    except ValueError as exc:             # e.g. a str with an encoding declaration; we always pass bytes
        raise MalformedFileError(path, f"not readable as XML: {exc}") from None
    docinfo = root.getroottree().docinfo
    dtd = docinfo.internalDTD
    declares_entities = dtd is not None and any(True for _ in dtd.iterentities())
    references = next(root.iter(etree.Entity), None)
    if declares_entities or references is not None:
        line = _line_of(raw, docinfo.encoding, _ENTITY_DECL)
        if line is None and references is not None:
            line = references.sourceline
        raise MalformedFileError(path, ENTITIES_REFUSED, line=line)
    return root
