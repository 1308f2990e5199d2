"""Inline codes (tags, placeholders) read as visible markers {1}…{/1}, and line-break codes as line breaks."""

from __future__ import annotations

import re

from lxml import etree

from editor.exchange.units import ImportNotes
from editor.exchange.xml_text import local_name

# Inline elements whose content is text, shown without a marker (formatting spans and annotations).
_TEXT_CONTAINERS = {"hi", "g", "mrk", "sm"}
LINE_BREAKS = {"lb", "x-lb", "xlf:lb", "x-newline", "linebreak", "x-linebreak"}
_NATIVE_BREAK = re.compile(r"^\s*(<br\s*/?>|\\n|\n|\r\n|&#10;)\s*$", re.IGNORECASE)  # a placeholder's code


class Inline:
    """Reads the text of a seg/source/target, turning inline codes into markers and counting them."""

    def __init__(self, notes: ImportNotes, data: dict[str, str] | None = None) -> None:
        self.notes = notes
        self.data = data or {}           # XLIFF 2 originalData: the native code each dataRef stands for
        self._auto = 0

    def _id(self, element: etree._Element, *names: str) -> str:
        for name in names:
            value = (element.get(name) or "").strip()
            if value.isdigit():
                return value
        self._auto += 1
        return f"x{self._auto}"

    def _code(self, element: etree._Element) -> str:
        name = local_name(element.tag)
        kinds = {(element.get(a) or "").lower() for a in ("type", "ctype", "subType", "subtype")}
        native = self.data.get(element.get("dataRef") or "", "".join(element.itertext()))
        if name in ("ph", "x") and (kinds & LINE_BREAKS or _NATIVE_BREAK.match(native)):
            self.notes.line_breaks += 1
            return "\n"
        self.notes.markers += 1
        if name in ("bpt", "bx", "sc"):
            return "{" + self._id(element, "i", "id", "rid") + "}"
        if name in ("ept", "ex", "ec"):
            return "{/" + self._id(element, "i", "rid", "startRef", "id") + "}"
        if name == "it":
            code = self._id(element, "x", "i", "id")
            return "{/" + code + "}" if element.get("pos") == "end" else "{" + code + "}"
        return "{" + self._id(element, "x", "id", "i") + "}"

    def text(self, element: etree._Element | None) -> str:
        """Return the element's text with codes as markers (or line breaks); None gives ""."""
        if element is None:
            return ""
        parts = [element.text or ""]
        for child in element:
            name = local_name(child.tag)
            if not isinstance(child.tag, str):
                pass                                  # a comment or processing instruction
            elif name in _TEXT_CONTAINERS:
                parts.append(self.text(child))
            elif name == "pc":                        # XLIFF 2 paired code around text
                code = self._id(child, "id")
                if {(child.get(a) or "").lower() for a in ("type", "subType")} & LINE_BREAKS:
                    self.notes.line_breaks += 1
                    parts.append(self.text(child) + "\n")
                else:
                    self.notes.markers += 2
                    parts.append("{" + code + "}" + self.text(child) + "{/" + code + "}")
            elif name == "cp":                        # XLIFF 2 code point (a character XML forbids)
                try:
                    parts.append(chr(int(child.get("hex") or "", 16)))
                except ValueError:
                    pass
            elif name in ("em", "sub"):
                pass                                  # end of an annotation; sub lives only inside codes
            else:
                parts.append(self._code(child))
            parts.append(child.tail or "")
        return "".join(parts)


def inline_text(element: etree._Element | None) -> str:
    """Return the text of a seg/source/target with inline codes shown as markers ({1}, {/1}) and
    line-break codes as line breaks."""
    return Inline(ImportNotes()).text(element)
