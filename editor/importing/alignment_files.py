"""Opening finished alignments as documents: .duiqi, TMX, XLIFF 1.2/2.0, TSV, XLSX and Duiqi's .json.

Files written by Duiqi come back exactly (sentences, links, statuses, confidences, paragraphs) thanks to
the `x-duiqi` layout data the exporters store. Other tools' files open with one sentence per side and
unit, statuses taken from their review states. Chinese always becomes the source side.
"""

from __future__ import annotations

import codecs
import json
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from lxml import etree

from editor.bitext.document import AlignmentDocument, Bead, BeadStatus, DocumentMeta, Segment, is_chinese_lang
from editor.bitext.project import PROJECT_SUFFIX, document_from_dict, load_project
from editor.errors import EmptyFileError, InputFileError, InvalidEditError, MalformedFileError, UnsupportedFormatError
from editor.exporting.entries import split_by_layout
from editor.exporting.xml_text import XML_LANG, bcp47, primary_subtag
from editor.importing.safe_xml import parse_untrusted_xml

ALIGNMENT_SUFFIXES = (PROJECT_SUFFIX, ".tmx", ".xlf", ".xliff", ".tsv", ".xlsx", ".json")

# Inline elements whose content is text (the rest — bpt, ept, ph, it, ut, sub, sc, ec, cp — hold codes).
_TEXT_CONTAINERS = {"hi", "g", "mrk", "pc"}
_TRADITIONAL_TAGS = ("zh-tw", "zh-hk", "zh-mo", "zh-hant")


@dataclass
class _Row:
    """One unit of an exchange file: the sentences of each side, with paragraph numbers when known."""

    src: list[tuple[int | None, str]]
    tgt: list[tuple[int | None, str]]
    confidence: float = 1.0
    status: BeadStatus = BeadStatus.AUTO


@dataclass
class _Parsed:
    rows: list[_Row] = field(default_factory=list)
    src_lang: str = "zh-CN"
    tgt_lang: str = "en-US"
    src_file: str | None = None
    tgt_file: str | None = None
    presegmented: bool = False


# -- shared helpers -----------------------------------------------------------------------------


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def inline_text(element: etree._Element | None) -> str:
    """Return the text of a seg/source/target, skipping the content of inline codes but not the text after them."""
    if element is None:
        return ""
    parts = [element.text or ""]
    for child in element:
        if _local(child.tag) in _TEXT_CONTAINERS:
            parts.append(inline_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _normalized_lang(code: str | None, default: str) -> str:
    if not code or code == "*all*":
        return default
    try:
        return bcp47(code)
    except ValueError:
        return code


def _side(text: str, layout: str | None, lang: str) -> list[tuple[int | None, str]]:
    text = text.strip()
    if not text:
        return []
    if layout:
        parts = split_by_layout(text, layout, lang)
        if parts is not None:
            return [(p, t) for p, t in parts]
    return [(None, text)]


def _confidence(value: str | None, path: Path, default: float) -> float:
    if value is None or not value.strip():
        return default
    try:
        number = float(value)
    except ValueError:
        raise MalformedFileError(path, f"confidence {value!r} is not a number") from None
    return min(1.0, max(0.0, number))


def _status(value: str | None, default: BeadStatus) -> BeadStatus:
    try:
        return BeadStatus((value or "").strip().lower())
    except ValueError:
        return default


def _script(lang: str) -> str:
    return "traditional" if lang.lower().startswith(_TRADITIONAL_TAGS) else "simplified"


def _build(parsed: _Parsed, path: Path) -> AlignmentDocument:
    """Turn rows into a document: ids 0..n-1 for the source, then the target; one bead per row."""
    if not is_chinese_lang(parsed.src_lang) and is_chinese_lang(parsed.tgt_lang):
        parsed.src_lang, parsed.tgt_lang = parsed.tgt_lang, parsed.src_lang
        parsed.src_file, parsed.tgt_file = parsed.tgt_file, parsed.src_file
        for row in parsed.rows:
            row.src, row.tgt = row.tgt, row.src
    rows = [r for r in parsed.rows if r.src or r.tgt]
    if not rows:
        raise EmptyFileError(path, "the file holds no aligned text")
    n_src = sum(len(r.src) for r in rows)
    src: list[Segment] = []
    tgt: list[Segment] = []
    beads: list[Bead] = []
    paragraph = {"src": 0, "tgt": 0}
    for row in rows:
        ids: dict[str, list[int]] = {"src": [], "tgt": []}
        for name, parts, out, base in (("src", row.src, src, 0), ("tgt", row.tgt, tgt, n_src)):
            for para, text in parts:
                if para is not None:
                    paragraph[name] = para
                segment = Segment(base + len(out), text, paragraph[name])
                out.append(segment)
                ids[name].append(segment.id)
        beads.append(Bead(tuple(ids["src"]), tuple(ids["tgt"]), row.confidence, row.status))
    meta = DocumentMeta(src_lang=parsed.src_lang, tgt_lang=parsed.tgt_lang, src_file=parsed.src_file,
                        tgt_file=parsed.tgt_file, chinese_script=_script(parsed.src_lang),
                        presegmented=parsed.presegmented)
    doc = AlignmentDocument(src, tgt, beads, meta)
    try:
        doc.check()
    except InvalidEditError as exc:       # cannot happen with rows built above; guards future edits
        raise MalformedFileError(path, f"inconsistent alignment ({exc})") from exc
    return doc


# -- TMX ----------------------------------------------------------------------------------------


def _tmx_lang(tuv: etree._Element) -> str:
    return tuv.get(XML_LANG) or tuv.get("lang") or ""


def _props(element: etree._Element) -> dict[str, str]:
    return {p.get("type", ""): (p.text or "") for p in element if _local(p.tag) == "prop"}


def _pick(tuvs: list[etree._Element], lang: str) -> etree._Element | None:
    for tuv in tuvs:
        if _tmx_lang(tuv).replace("_", "-").lower() == lang.lower():
            return tuv
    for tuv in tuvs:
        if primary_subtag(_tmx_lang(tuv)) == primary_subtag(lang):
            return tuv
    return None


def _read_tmx(root: etree._Element, path: Path) -> _Parsed:
    header = root.find("header")
    srclang = header.get("srclang") if header is not None else None
    tus = list(root.iter("tu"))
    langs = Counter(_normalized_lang(_tmx_lang(tuv), "") for tu in tus for tuv in tu.findall("tuv"))
    langs.pop("", None)
    if not langs:
        raise EmptyFileError(path, "the TMX file holds no translation units with a language")
    ordered = [lang for lang, _ in langs.most_common()]
    chinese = [lang for lang in ordered if is_chinese_lang(lang)]
    if chinese:
        src_lang = chinese[0]
    elif srclang and srclang != "*all*":
        src_lang = _normalized_lang(srclang, ordered[0])
    else:
        src_lang = _normalized_lang(_tmx_lang(tus[0].find("tuv")), ordered[0])
    others = [lang for lang in ordered if primary_subtag(lang) != primary_subtag(src_lang)]
    tgt_lang = others[0] if others else next((lang for lang in ordered if lang != src_lang), "en-US")
    parsed = _Parsed(src_lang=src_lang, tgt_lang=tgt_lang,
                     presegmented=header is not None and header.get("segtype") == "paragraph")
    from editor.exporting.tmx import PROP_CONFIDENCE, PROP_LAYOUT, PROP_SOURCE_FILE, PROP_STATUS, PROP_TARGET_FILE
    for tu in tus:
        tuvs = tu.findall("tuv")
        src_tuv = _pick(tuvs, src_lang)
        tgt_tuv = _pick([t for t in tuvs if t is not src_tuv], tgt_lang)
        props = _props(tu)
        parsed.src_file = parsed.src_file or props.get(PROP_SOURCE_FILE)
        parsed.tgt_file = parsed.tgt_file or props.get(PROP_TARGET_FILE)
        row = _Row([], [], _confidence(props.get(PROP_CONFIDENCE), path, 1.0),
                   _status(props.get(PROP_STATUS), BeadStatus.AUTO))
        for tuv, lang, attr in ((src_tuv, src_lang, "src"), (tgt_tuv, tgt_lang, "tgt")):
            if tuv is not None:
                setattr(row, attr, _side(inline_text(tuv.find("seg")), _props(tuv).get(PROP_LAYOUT), lang))
        parsed.rows.append(row)
    return parsed


# -- XLIFF --------------------------------------------------------------------------------------


def _children(element: etree._Element, name: str) -> list[etree._Element]:
    return [c for c in element if _local(c.tag) == name]


def _child(element: etree._Element, name: str) -> etree._Element | None:
    found = _children(element, name)
    return found[0] if found else None


def _status_from_state(state: str | None, approved: bool) -> tuple[BeadStatus, float]:
    state = (state or "").lower()
    if approved or state in ("final", "signed-off", "reviewed"):
        return BeadStatus.CONFIRMED, 1.0
    if state.startswith("needs-review") or state in ("initial", "new", "needs-translation"):
        return BeadStatus.AUTO, 0.0
    return BeadStatus.AUTO, 1.0


def _read_xliff12(root: etree._Element, path: Path) -> _Parsed:
    from editor.exporting.xliff import DUIQI_GROUP, KEY_CONFIDENCE, KEY_SRC_LAYOUT, KEY_STATUS, KEY_TGT_LAYOUT
    files = [f for f in root.iter() if _local(f.tag) == "file"]
    if not files:
        raise EmptyFileError(path, "the XLIFF file has no <file> element")
    parsed = _Parsed(src_lang=_normalized_lang(files[0].get("source-language"), "zh-CN"),
                     tgt_lang=_normalized_lang(files[0].get("target-language"), "en-US"),
                     src_file=files[0].get("original"))
    for unit in (u for f in files for u in f.iter() if _local(u.tag) == "trans-unit"):
        target = _child(unit, "target")
        values: dict[str, str] = {}
        for group in _children(unit, "context-group"):
            if (group.get("name") or "").startswith(DUIQI_GROUP):
                values.update({(c.get("context-type") or "").removeprefix("x-"): c.text or ""
                               for c in _children(group, "context")})
        status, confidence = _status_from_state(target.get("state") if target is not None else None,
                                                unit.get("approved") == "yes")
        parsed.rows.append(_Row(
            _side(inline_text(_child(unit, "source")), values.get(KEY_SRC_LAYOUT), parsed.src_lang),
            _side(inline_text(target), values.get(KEY_TGT_LAYOUT), parsed.tgt_lang),
            _confidence(values.get(KEY_CONFIDENCE), path, confidence), _status(values.get(KEY_STATUS), status)))
    return parsed


def _read_xliff2(root: etree._Element, path: Path) -> _Parsed:
    from editor.exporting.xliff import DUIQI_CATEGORY, KEY_CONFIDENCE, KEY_SRC_LAYOUT, KEY_STATUS, KEY_TGT_LAYOUT
    parsed = _Parsed(src_lang=_normalized_lang(root.get("srcLang"), "zh-CN"),
                     tgt_lang=_normalized_lang(root.get("trgLang"), "en-US"))
    files = _children(root, "file")
    parsed.src_file = files[0].get("original") if files else None
    for unit in (u for f in files for u in f.iter() if _local(u.tag) == "unit"):
        values: dict[str, str] = {}
        for group in (g for g in unit.iter() if _local(g.tag) == "metaGroup"):
            if group.get("category") == DUIQI_CATEGORY:
                values.update({m.get("type", ""): m.text or "" for m in _children(group, "meta")})
        segments = _children(unit, "segment")      # ignorables hold only the whitespace between them
        if not segments:
            continue
        states = {(s.get("state") or "initial") for s in segments}
        state = states.pop() if len(states) == 1 else "translated"
        status, confidence = _status_from_state(state, False)
        sources = [inline_text(_child(s, "source")) for s in segments]
        targets = [inline_text(_child(s, "target")) for s in segments]
        if state == "initial" and any(t.strip() for t in targets) and not any(s.get("subState") for s in segments):
            confidence = 1.0
        row = _Row([], [], _confidence(values.get(KEY_CONFIDENCE), path, confidence),
                   _status(values.get(KEY_STATUS), status))
        for attr, texts, key, lang in (("src", sources, KEY_SRC_LAYOUT, parsed.src_lang),
                                       ("tgt", targets, KEY_TGT_LAYOUT, parsed.tgt_lang)):
            if len(texts) == 1:
                setattr(row, attr, _side(texts[0], values.get(key), lang))
            else:                                    # another tool's segments become the bead's sentences
                setattr(row, attr, [part for text in texts for part in _side(text, None, lang)])
        parsed.rows.append(row)
    return parsed


def _read_xml(path: Path) -> _Parsed:
    root = parse_untrusted_xml(_read_bytes(path), path)
    name = _local(root.tag)
    if name == "tmx":
        return _read_tmx(root, path)
    if name == "xliff":
        version = root.get("version") or ""
        namespace = etree.QName(root).namespace or ""
        if version.startswith("2") or namespace.startswith("urn:oasis:names:tc:xliff:document:2"):
            return _read_xliff2(root, path)
        return _read_xliff12(root, path)
    raise UnsupportedFormatError(f"the XML root is <{name}>, neither a TMX nor an XLIFF file", path=path)


# -- tables -------------------------------------------------------------------------------------


_ZH_NAMES = {"zh", "chinese", "source", "src", "中文", "原文"}
_EN_NAMES = {"en", "english", "target", "tgt", "英文", "译文", "譯文"}


def _table_rows(cells: Iterable[tuple[int, list[str]]], path: Path,
                unescape: Callable[[str], str]) -> _Parsed:
    """Read (line, cells) rows with an optional header zh, en, confidence, status (in any order)."""
    parsed = _Parsed()
    columns = {"zh": 0, "en": 1, "confidence": 2, "status": 3}
    first = True
    for line, row in cells:
        if not any(c.strip() for c in row):
            continue
        if first:
            first = False
            names = [c.strip().lower() for c in row]
            if names and (names[0] in _ZH_NAMES or names[0] in _EN_NAMES):
                columns = {}
                for index, name in enumerate(names):
                    key = ("zh" if name in _ZH_NAMES else "en" if name in _EN_NAMES else name)
                    columns.setdefault(key, index)
                if "zh" not in columns or "en" not in columns:
                    raise MalformedFileError(path, "the header row needs a zh and an en column", line=line)
                continue

        def cell(key: str) -> str | None:
            index = columns.get(key)
            return row[index] if index is not None and index < len(row) else None

        src, tgt = unescape(cell("zh") or ""), unescape(cell("en") or "")
        status_text = (cell("status") or "").strip()
        status = _status(status_text, BeadStatus.AUTO)
        if status_text and status.value != status_text.lower():
            raise MalformedFileError(path, f"unknown status {status_text!r} (use auto, confirmed or edited)",
                                     line=line)
        try:
            confidence = _confidence(cell("confidence"), path, 1.0)
        except MalformedFileError as exc:
            raise MalformedFileError(path, exc.problem, line=line) from None
        parsed.rows.append(_Row(_side(src, None, "zh"), _side(tgt, None, "en"), confidence, status))
    if parsed.rows:
        script = _detect_script("".join(t for r in parsed.rows for _, t in r.src))
        parsed.src_lang = "zh-TW" if script == "traditional" else "zh-CN"
    return parsed


def _detect_script(text: str) -> str:
    try:
        from editor.importing.script import detect_chinese_script
    except ImportError:
        return "simplified"
    return detect_chinese_script(text)


def _decode_table(raw: bytes, path: Path) -> str:
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            return raw.decode(name)
    for name in ("utf-8", "gb18030"):
        try:
            return raw.decode(name)
        except UnicodeDecodeError:
            continue
    from editor.errors import UndecodableFileError
    raise UndecodableFileError(path, ("utf-8", "gb18030"))


def _read_tsv(path: Path) -> _Parsed:
    from editor.exporting.tsv import unescape_cell
    text = _decode_table(_read_bytes(path), path)
    lines = text.split("\n")
    rows = ((number, line.removesuffix("\r").split("\t")) for number, line in enumerate(lines, start=1))
    return _table_rows(rows, path, unescape_cell)


def _read_xlsx(path: Path) -> _Parsed:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError) as exc:
        raise MalformedFileError(path, f"not a readable Excel workbook ({exc})") from None
    try:
        sheet = book.worksheets[0]
        rows = [(number, ["" if v is None else str(v) for v in values])
                for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)]
    finally:
        book.close()
    return _table_rows(rows, path, lambda s: s)


# -- Duiqi's own files --------------------------------------------------------------------------


def _read_json(path: Path) -> AlignmentDocument:
    raw = _read_bytes(path)
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise MalformedFileError(path, "not UTF-8 JSON") from None
    except json.JSONDecodeError as exc:
        raise MalformedFileError(path, f"not valid JSON: {exc.msg}", line=exc.lineno) from None
    if isinstance(data, dict) and data.get("format") is not None:
        return document_from_dict(data, path)
    try:
        zh, en = [str(t) for t in data["zh"]], [str(t) for t in data["en"]]
        src = [Segment(i, t) for i, t in enumerate(zh)]
        tgt = [Segment(len(zh) + j, t) for j, t in enumerate(en)]
        beads = [Bead(tuple(src[int(i)].id for i in b["zh"]), tuple(tgt[int(j)].id for j in b["en"]),
                      min(1.0, max(0.0, float(b.get("confidence", 1.0)))),
                      _status(b.get("status"), BeadStatus.AUTO))
                 for b in data["beads"]]
        doc = AlignmentDocument(src, tgt, beads, DocumentMeta(chinese_script=_detect_script("".join(zh))))
        doc.check()
    except (KeyError, TypeError, ValueError, IndexError, InvalidEditError) as exc:
        raise MalformedFileError(path, f"not a Duiqi alignment JSON file ({exc})") from None
    return doc


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputFileError(f"cannot read the file ({exc.strerror})", path=path) from None


def load_alignment(path: Path | str) -> AlignmentDocument:
    """Open an alignment file by its extension (.duiqi, .tmx, .xlf/.xliff, .tsv, .xlsx, .json).

    Raises InputFileError subclasses naming the file (and the line, for malformed files).
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == PROJECT_SUFFIX:
        return load_project(path)
    if suffix == ".json":
        return _read_json(path)
    if suffix in (".tmx", ".xlf", ".xliff", ".xml"):
        parsed = _read_xml(path)
    elif suffix in (".tsv", ".tab"):
        parsed = _read_tsv(path)
    elif suffix == ".xlsx":
        parsed = _read_xlsx(path)
    else:
        raise UnsupportedFormatError(
            f"cannot open {suffix or 'a file without extension'} as an alignment; "
            f"use one of {', '.join(ALIGNMENT_SUFFIXES)}", path=path)
    return _build(parsed, path)
