"""Text XML can carry (characters XML 1.0 forbids) and element names read without their namespace."""

from __future__ import annotations

import re

from lxml import etree

XML_NS = "http://www.w3.org/XML/1998/namespace"
XML_LANG = f"{{{XML_NS}}}lang"
XML_SPACE = f"{{{XML_NS}}}space"

# XML 1.0 §2.2: Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
_FORBIDDEN = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> tuple[str, int]:
    """Return the text without the characters XML 1.0 forbids (C0 controls, lone surrogates, U+FFFE/FFFF)
    and how many were removed."""
    cleaned, removed = _FORBIDDEN.subn("", text)
    return cleaned, removed


def strip_forbidden(text: str) -> str:
    """Return `text` without the characters XML 1.0 forbids."""
    return _FORBIDDEN.sub("", text)


def local_name(tag: object) -> str:
    """Return an element's name without its namespace ("" for a comment or processing instruction)."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def children(element: etree._Element, name: str) -> list[etree._Element]:
    """Return the element's children called `name`, in any namespace."""
    return [c for c in element if local_name(c.tag) == name]


def child(element: etree._Element, name: str) -> etree._Element | None:
    """Return the element's first child called `name`, in any namespace, or None."""
    found = children(element, name)
    return found[0] if found else None
