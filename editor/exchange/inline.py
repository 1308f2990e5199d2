"""Inline codes (tags, placeholders): read as visible markers {1}…{/1} numbered per unit, and written back.

Reading: a line-break code (`<ph type="lb"/>`, `<x ctype="lb"/>`, XLIFF 2 `subType="xlf:lb"`) is a line
break; every other code becomes a visible marker: `{1}` for a placeholder, `{1}`…`{/1}` for a paired code
(TMX bpt/ept and `<hi>`, XLIFF 1.2 bx/ex and `<g>`, XLIFF 2 sc/ec and `<pc>`). Markers are numbered per
unit by the code's identity, so the same code has the same marker on both sides: a numeric `id`, `i`,
`x`, `rid` or `startRef` is the number; any other identity (`id="x1"`, `id="pt2"`) gets the first number
no numeric code of the unit uses, and a code without any (Trados `<ut>`) is known by its position among
the codes of its kind on its side. ImportNotes counts the markers and line breaks.

Each marker's kind (placeholder, start, end) and native code (TMX code text, XLIFF 2 originalData) are
kept per sentence (DocumentMeta.inline_codes), so TMX and XLIFF exports write them back as codes; a
marker the document has no record of (typed by hand, or in a sentence split since) stays text.

Layout whitespace: outside `xml:space="preserve"`, a run of whitespace holding a line break or a tab
(another tool's indentation between inline elements) is collapsed: to nothing next to Chinese, else to
one space.
"""

from __future__ import annotations

import re
from collections import Counter

from lxml import etree

from editor.exchange.units import ImportNotes
from editor.exchange.xml_text import XML_SPACE, local_name

# Inline elements whose content is text, shown without a marker (annotations and segment marks).
_TEXT_CONTAINERS = {"mrk", "sm"}
# Paired codes around text: TMX <hi>, XLIFF 1.2 <g>, XLIFF 2 <pc>.
_PAIRED_CONTAINERS = {"hi", "g", "pc"}
LINE_BREAKS = {"lb", "x-lb", "xlf:lb", "x-newline", "linebreak", "x-linebreak"}
_NATIVE_BREAK = re.compile(r"^\s*(<br\s*/?>|\\n|\n|\r\n|&#10;)\s*$", re.IGNORECASE)  # a placeholder's code
_ID_ATTRIBUTES = ("id", "i", "x", "rid", "startRef")
_CODE_ELEMENTS = {"ph", "x", "bpt", "ept", "bx", "ex", "it", "ut", "sc", "ec", "pc", "g", "hi"}
_LAYOUT_SPACE = re.compile(r"[ \t\r\n]*[\t\r\n][ \t\r\n]*")
_GAP = "\x00"                       # stands for collapsed layout whitespace until its neighbours are known
_GAPS = re.compile("\x00+")
MARKER = re.compile(r"\{/?\d+\}")

PLACEHOLDER, START, END = "ph", "start", "end"     # the kinds of code a marker stands for


def _is_cjk(ch: str) -> bool:
    return ("\u2e80" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or "\uff00" <= ch <= "\uffef"
            or ch >= "\U00020000")


def _close_gaps(text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        before = text[match.start() - 1] if match.start() else ""
        after = text[match.end()] if match.end() < len(text) else ""
        if not before or not after or before.isspace() or after.isspace() or _is_cjk(before) or _is_cjk(after):
            return ""
        return " "
    return _GAPS.sub(replace, text)


def _preserves_space(element: etree._Element) -> bool:
    for node in (element, *element.iterancestors()):
        value = node.get(XML_SPACE)
        if value is not None:
            return value == "preserve"
    return False


class Inline:
    """Reads the seg/source/target elements of one unit, turning inline codes into markers numbered by the
    code's identity (shared by both sides) and recording each marker's kind and native code in `codes`."""

    def __init__(self, notes: ImportNotes, data: dict[str, str] | None = None,
                 unit: etree._Element | None = None) -> None:
        self.notes = notes
        self.data = data or {}           # XLIFF 2 originalData: the native code each dataRef stands for
        self.codes: dict[str, tuple[str, str]] = {}    # marker -> (kind, native code)
        self._numbers: dict[str, str] = {}             # non-numeric identity -> number
        self._reserved: set[int] = set()
        self._positions: Counter[str] = Counter()
        if unit is not None:
            self.reserve(unit)

    def reserve(self, unit: etree._Element) -> None:
        """Keep the numbers the unit's numeric code ids use, so no other identity is given one of them."""
        for element in unit.iter():
            if local_name(element.tag) not in _CODE_ELEMENTS:
                continue
            for name in _ID_ATTRIBUTES:
                value = (element.get(name) or "").strip()
                if value.isdigit():
                    self._reserved.add(int(value))

    def _number(self, identity: str) -> str:
        if identity.isdigit():
            return identity
        if identity not in self._numbers:
            taken = self._reserved | {int(n) for n in self._numbers.values()}
            number = 1
            while number in taken:
                number += 1
            self._numbers[identity] = str(number)
        return self._numbers[identity]

    def _id(self, element: etree._Element, *names: str, kind: str = "") -> str:
        values = [(element.get(name) or "").strip() for name in names]
        for value in values:
            if value.isdigit():
                return value
        for name, value in zip(names, values):
            if value:
                return self._number(f"{name}={value}" if name in ("x", "i") else value)
        key = f"{local_name(element.tag)}{kind}"
        self._positions[key] += 1
        return self._number(f"#{key}#{self._positions[key]}")

    def _marker(self, number: str, kind: str, native: str, *, paired: bool = False) -> str:
        marker = "{/" + number + "}" if kind == END else "{" + number + "}"
        self.codes.setdefault(marker, (kind, native))
        self.notes.markers += 1
        if paired:
            self.notes.paired += 1
        return marker

    def _code(self, element: etree._Element) -> str:
        name = local_name(element.tag)
        kinds = {(element.get(a) or "").lower() for a in ("type", "ctype", "subType", "subtype")}
        native = self.data.get(element.get("dataRef") or "", "".join(element.itertext()))
        if name in ("ph", "x") and (kinds & LINE_BREAKS or _NATIVE_BREAK.match(native)):
            self.notes.line_breaks += 1
            return "\n"
        if name in ("bpt", "bx") or (name == "sc" and element.get("isolated") != "yes"):
            return self._marker(self._id(element, "i", "id", "rid", kind="<"), START, native)
        if name in ("ept", "ex") or (name == "ec" and element.get("isolated") != "yes"):
            return self._marker(self._id(element, "i", "rid", "startRef", "id", kind="<"), END, native)
        if name in ("it", "sc", "ec"):
            end = element.get("pos") in ("end", "close") or name == "ec"
            return self._marker(self._id(element, "x", "i", "id", kind="<"), END if end else START, native)
        return self._marker(self._id(element, "x", "id", "i"), PLACEHOLDER, native)

    def text(self, element: etree._Element | None) -> str:
        """Return one side's text with codes as markers (or line breaks); None gives ""."""
        if element is None:
            return ""
        self._positions.clear()              # positions count on each side afresh
        text = self._text(element, _preserves_space(element))
        return _close_gaps(text) if _GAP in text else text

    def _layout(self, text: str | None, preserve: bool) -> str:
        if not text or preserve:
            return text or ""
        return _LAYOUT_SPACE.sub(_GAP, text)

    def _text(self, element: etree._Element, preserve: bool) -> str:
        parts = [self._layout(element.text, preserve)]
        for child in element:
            name = local_name(child.tag)
            inner_preserve = preserve if child.get(XML_SPACE) is None else child.get(XML_SPACE) == "preserve"
            if not isinstance(child.tag, str):
                pass                                  # a comment or processing instruction
            elif name in _TEXT_CONTAINERS:
                parts.append(self._text(child, inner_preserve))
            elif name in _PAIRED_CONTAINERS:
                kinds = {(child.get(a) or "").lower() for a in ("type", "ctype", "subType")}
                if name == "pc" and kinds & LINE_BREAKS:
                    self.notes.line_breaks += 1
                    parts.append(self._text(child, inner_preserve) + "\n")
                else:
                    number = self._id(child, "id", "x", "i")
                    parts.append(self._marker(number, START, self.data.get(child.get("dataRefStart") or "", ""),
                                              paired=True))
                    parts.append(self._text(child, inner_preserve))
                    parts.append(self._marker(number, END, self.data.get(child.get("dataRefEnd") or "", "")))
            elif name == "cp":                        # XLIFF 2 code point (a character XML forbids)
                try:
                    parts.append(chr(int(child.get("hex") or "", 16)))
                except ValueError:
                    pass
            elif name in ("em", "sub"):
                pass                                  # end of an annotation; sub lives only inside codes
            else:
                parts.append(self._code(child))
            parts.append(self._layout(child.tail, preserve))
        return "".join(parts)


def inline_text(element: etree._Element | None) -> str:
    """Return the text of a seg/source/target with inline codes shown as markers ({1}, {/1}) and
    line-break codes as line breaks."""
    return Inline(ImportNotes(), unit=element).text(element)


# -- writing ------------------------------------------------------------------------------------


def marker_codes(text: str, known: dict) -> list[tuple[str, str, str, str]]:
    """Split `text` into (text before, marker, kind, native) pieces for the markers `known` records; the
    last piece has an empty marker. A marker the record does not name stays text."""
    pieces, start = [], 0
    for match in MARKER.finditer(text):
        code = known.get(match.group())
        if code is None:
            continue
        pieces.append((text[start:match.start()], match.group(), code[0], code[1]))
        start = match.end()
    pieces.append((text[start:], "", "", ""))
    return pieces


def marker_number(marker: str) -> str:
    """Return the number of a marker: `{/12}` -> `12`."""
    return marker.strip("{}/")


def write_inline(parent: etree._Element, text: str, known: dict, fmt: str,
                 data: dict[str, str] | None = None) -> int:
    """Write `text` into `parent` with the recorded markers as the format's codes (fmt: "tmx", "xliff12",
    "xliff20"; XLIFF 2 natives go into `data`, dataRef -> native); return how many codes were written.

    A start and an end of the same number in the text are a pair (TMX bpt/ept, XLIFF 1.2 bpt/ept, XLIFF 2
    sc/ec); one without its partner is isolated (TMX/XLIFF 1.2 `<it>`, XLIFF 2 `isolated="yes"`).
    """
    pieces = marker_codes(text, known)
    parent.text = pieces[0][0]
    if len(pieces) == 1:
        return 0
    present = {marker for _, marker, _, _ in pieces if marker}
    written = 0
    ns = parent.tag[:parent.tag.index("}") + 1] if parent.tag.startswith("{") else ""
    for k, (_, marker, kind, native) in enumerate(pieces[:-1]):
        number = marker_number(marker)
        paired = ("{/" + number + "}" if kind == START else "{" + number + "}") in present
        if fmt == "tmx":
            if kind == PLACEHOLDER:
                element = etree.SubElement(parent, "ph", x=number)
            elif paired:
                element = etree.SubElement(parent, "bpt" if kind == START else "ept", i=number)
                if kind == START:
                    element.set("x", number)
            else:
                element = etree.SubElement(parent, "it", pos="begin" if kind == START else "end", x=number)
            element.text = native
        elif fmt == "xliff12":
            if kind == PLACEHOLDER:
                element = etree.SubElement(parent, ns + "ph", id=number)
            elif paired:
                element = etree.SubElement(parent, ns + ("bpt" if kind == START else "ept"), id=number)
            else:
                element = etree.SubElement(parent, ns + "it", id=number, pos="open" if kind == START else "close")
            element.text = native
        else:
            if kind == PLACEHOLDER:
                element = etree.SubElement(parent, ns + "ph", id=number)
            elif paired and kind == START:
                element = etree.SubElement(parent, ns + "sc", id=number)
            elif paired:
                element = etree.SubElement(parent, ns + "ec", startRef=number)
            else:
                element = etree.SubElement(parent, ns + ("sc" if kind == START else "ec"), id=number,
                                           isolated="yes")
            if native and data is not None:
                ref = f"d{number}" + ("e" if kind == END else "")
                data[ref] = native
                element.set("dataRef", ref)
        element.tail = pieces[k + 1][0]
        written += 1
    return written
