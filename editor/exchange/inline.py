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
marker the document has no record of (typed by hand) stays text; a split or merged sentence takes the
records of the markers it holds (editor.bitext.edits). A code
read from TMX or XLIFF 1.2 also keeps its element as the file wrote it (its origin: the element, its
attributes and content, without namespace), and an export to the same format writes that element back:
`<g id="1">` stays `<g id="1">` around its text, `<x id="2"/>` stays `<x>`, a `<bpt>` keeps its `x`, `ctype`
and `<sub>`s (an X11 audit found them all rewritten as empty bpt/ept/ph). Where the element no longer fits
(a pair broken, two `<g>` pairs crossing after an edit) or the export is to another format, the code is
written from its kind and native code as before.

Layout whitespace: outside `xml:space="preserve"`, a run of whitespace holding a line break or a tab
(another tool's indentation between inline elements) is collapsed: to nothing next to Chinese, else to
one space.
"""

from __future__ import annotations

import copy
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
# The formats whose codes keep their element (origin), and the elements each writes back as they were.
_ORIGIN_ELEMENTS = {"tmx": {"bpt", "ept", "ph", "it", "hi"},      # <ut>, deprecated by TMX 1.4b, becomes <ph>
                    "xliff12": {"g", "x", "bx", "ex", "bpt", "ept", "ph", "it"}}
_WRAPPERS = {"g", "hi"}                                  # origins that hold the text between their markers
_SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)


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
                 unit: etree._Element | None = None, fmt: str = "") -> None:
        self.notes = notes
        self.data = data or {}           # XLIFF 2 originalData: the native code each dataRef stands for
        self.fmt = fmt if fmt in _ORIGIN_ELEMENTS else ""     # "tmx", "xliff12": codes keep their origin
        # marker -> (kind, native code), or (kind, native code, format, origin) where the origin is kept
        self.codes: dict[str, tuple[str, ...]] = {}
        self.side: dict[str, tuple[str, ...]] = {}     # the same, of the side text() read last
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

    def _origin(self, element: etree._Element | None) -> tuple[str, ...]:
        """Return (format, origin) for a code element this reader's format keeps, else ()."""
        if not self.fmt or element is None or local_name(element.tag) not in _ORIGIN_ELEMENTS[self.fmt]:
            return ()
        return self.fmt, origin_xml(element)

    def _marker(self, number: str, kind: str, native: str, *, paired: bool = False,
                element: etree._Element | None = None) -> str:
        marker = "{/" + number + "}" if kind == END else "{" + number + "}"
        code = (kind, native, *self._origin(element))
        self.codes.setdefault(marker, code)
        self.side.setdefault(marker, code)
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
            return self._marker(self._id(element, "i", "id", "rid", kind="<"), START, native, element=element)
        if name in ("ept", "ex") or (name == "ec" and element.get("isolated") != "yes"):
            return self._marker(self._id(element, "i", "rid", "startRef", "id", kind="<"), END, native,
                                element=element)
        if name in ("it", "sc", "ec"):
            end = element.get("pos") in ("end", "close") or name == "ec"
            return self._marker(self._id(element, "x", "i", "id", kind="<"), END if end else START, native,
                                element=element)
        return self._marker(self._id(element, "x", "id", "i"), PLACEHOLDER, native, element=element)

    def text(self, element: etree._Element | None) -> str:
        """Return one side's text with codes as markers (or line breaks); None gives ""."""
        self.side = {}
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
                                              paired=True, element=child))
                    parts.append(self._text(child, inner_preserve))
                    parts.append(self._marker(number, END, self.data.get(child.get("dataRefEnd") or "", ""),
                                              element=child))
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


def origin_xml(element: etree._Element) -> str:
    """Return a code element as its file wrote it, without its namespace and tail: its attributes and content
    (a `<g>` or `<hi>` without the text it holds, which the markers hold)."""
    own = element.tag[:element.tag.index("}") + 1] if element.tag.startswith("{") else ""
    code = copy.deepcopy(element)
    code.tail = None
    if local_name(code.tag) in _WRAPPERS:
        code.text = None
        for inner in list(code):
            code.remove(inner)
    for node in code.iter():
        if own and isinstance(node.tag, str) and node.tag.startswith(own):
            node.tag = node.tag[len(own):]
    etree.cleanup_namespaces(code)
    return etree.tostring(code, encoding="unicode")


def _origin_element(code, fmt: str, ns: str) -> etree._Element | None:
    """Return the element a code record kept for `fmt` (in namespace `ns`), or None when it kept none for
    this format or its origin is not one of the format's code elements (a damaged project)."""
    if len(code) < 4 or code[2] != fmt:
        return None
    try:
        element = etree.fromstring(code[3], _SAFE_PARSER)
    except etree.XMLSyntaxError:
        return None
    if element.tag not in _ORIGIN_ELEMENTS.get(fmt, ()):
        return None
    for node in element.iter():
        if isinstance(node.tag, str) and not node.tag.startswith("{"):
            node.tag = ns + node.tag
    return element


def _wrapped(pieces: list[tuple[str, str, str, str]], names: list[str]) -> set[str]:
    """Return the numbers of the `<g>`/`<hi>` pairs (`names`: each piece's origin element) that can be written
    back around their text: both markers once in the text, the start first, and nested within the other such
    pairs (an edit may have crossed them)."""
    markers = Counter(marker for _, marker, _, _ in pieces if marker)
    open_pairs: list[str] = []
    wrapped: set[str] = set()
    for (_, marker, kind, _), name in zip(pieces[:-1], names):
        number = marker_number(marker)
        if name not in _WRAPPERS or markers["{" + number + "}"] != 1 or markers["{/" + number + "}"] != 1:
            continue
        if kind == START:
            open_pairs.append(number)
        elif kind == END and number in open_pairs:
            if open_pairs[-1] == number:
                wrapped.add(number)
            open_pairs.remove(number)           # a pair that crosses another is written as two codes
    return wrapped


def write_inline(parent: etree._Element, text: str, known: dict, fmt: str,
                 data: dict[str, str] | None = None) -> int:
    """Write `text` into `parent` with the recorded markers as the format's codes (fmt: "tmx", "xliff12",
    "xliff20"; XLIFF 2 natives go into `data`, dataRef -> native); return how many codes were written.

    A code that kept its element from a file of this format (TMX, XLIFF 1.2) is written as that element:
    a `<g>`/`<hi>` pair around the text between its markers, a `<bpt>`/`<ept>` while its partner is there.
    Otherwise a start and an end of the same number in the text are a pair (TMX bpt/ept, XLIFF 1.2 bpt/ept,
    XLIFF 2 sc/ec); one without its partner is isolated (TMX/XLIFF 1.2 `<it>`, XLIFF 2 `isolated="yes"`).
    """
    pieces = marker_codes(text, known)
    parent.text = pieces[0][0]
    if len(pieces) == 1:
        return 0
    present = {marker for _, marker, _, _ in pieces if marker}
    written = 0
    ns = parent.tag[:parent.tag.index("}") + 1] if parent.tag.startswith("{") else ""
    origins = [_origin_element(known[marker], fmt, ns) for _, marker, _, _ in pieces[:-1]]
    names = [local_name(element.tag) if element is not None else "" for element in origins]
    wrapped = _wrapped(pieces, names)
    containers = [parent]                  # the element the next code goes into: parent, or an open <g>/<hi>
    for k, (_, marker, kind, native) in enumerate(pieces[:-1]):
        number = marker_number(marker)
        following = pieces[k + 1][0]
        element, name = origins[k], names[k]
        written += 1
        if number in wrapped:
            if kind == START:
                containers[-1].append(element)
                element.text = following
                containers.append(element)
            else:
                containers.pop().tail = following
            continue
        paired = ("{/" + number + "}" if kind == START else "{" + number + "}") in present
        if element is not None and (name not in ("bpt", "ept") or paired) and name not in _WRAPPERS:
            containers[-1].append(element)
        elif fmt == "tmx":
            if kind == PLACEHOLDER:
                element = etree.SubElement(containers[-1], "ph", x=number)
            elif paired:
                element = etree.SubElement(containers[-1], "bpt" if kind == START else "ept", i=number)
                if kind == START:
                    element.set("x", number)
            else:
                element = etree.SubElement(containers[-1], "it", pos="begin" if kind == START else "end",
                                           x=number)
            element.text = native
        elif fmt == "xliff12":
            if kind == PLACEHOLDER:
                element = etree.SubElement(containers[-1], ns + "ph", id=number)
            elif paired:
                element = etree.SubElement(containers[-1], ns + ("bpt" if kind == START else "ept"), id=number)
            else:
                element = etree.SubElement(containers[-1], ns + "it", id=number,
                                           pos="open" if kind == START else "close")
            element.text = native
        else:
            if kind == PLACEHOLDER:
                element = etree.SubElement(containers[-1], ns + "ph", id=number)
            elif paired and kind == START:
                element = etree.SubElement(containers[-1], ns + "sc", id=number)
            elif paired:
                element = etree.SubElement(containers[-1], ns + "ec", startRef=number)
            else:
                element = etree.SubElement(containers[-1], ns + ("sc" if kind == START else "ec"), id=number,
                                           isolated="yes")
            if native and data is not None:
                ref = f"d{number}" + ("e" if kind == END else "")
                data[ref] = native
                element.set("dataRef", ref)
        element.tail = following
    return written
