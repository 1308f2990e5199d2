"""Opening a finished alignment by its extension: .duiqi, TMX, XLIFF 1.2/2.0 (SDLXLIFF, mqxliff, mxliff), tables, .json.

Files written by Duiqi come back exactly (sentences, links, statuses, confidences, paragraphs) thanks to
the `x-duiqi` layout data the writers store (TSV/XLSX: the zh_layout/en_layout columns). What other tools'
files need and get is said in each format's module (tmx, xliff, tables) and in editor.exchange.inline.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from editor.bitext.document import AlignmentDocument
from editor.bitext.project import PROJECT_SUFFIX, load_project
from editor.errors import UnsupportedFormatError
from editor.exchange.duiqi_json import read_json
from editor.exchange.tables import read_tsv, read_xlsx
from editor.exchange.tmx import read_tmx
from editor.exchange.units import ImportNotes, Parsed, build_document, read_bytes
from editor.exchange.xliff import read_xliff12, read_xliff2
from editor.exchange.xml_text import local_name
from editor.importing.safe_xml import parse_untrusted_xml

ALIGNMENT_SUFFIXES = (PROJECT_SUFFIX, ".tmx", ".xlf", ".xliff", ".sdlxliff", ".mqxliff", ".mxliff", ".tsv", ".csv",
                      ".xlsx", ".json")
#: what each suffix is, for the message refusing a file Duiqi does not read
FORMATS_READ = ("a Duiqi project (.duiqi), TMX (.tmx), XLIFF 1.2 or 2.0 (.xlf, .xliff), Trados SDLXLIFF (.sdlxliff), "
                "memoQ (.mqxliff), Phrase (.mxliff), a table (.tsv, .csv, .xlsx) or Duiqi's .json")


def _read_xml(path: Path, src_lang: str | None, tgt_lang: str | None) -> Parsed:
    root = parse_untrusted_xml(read_bytes(path), path)
    name = local_name(root.tag)
    if name == "tmx":
        return read_tmx(root, path, src_lang, tgt_lang)
    if name == "xliff":
        version = root.get("version") or ""
        namespace = etree.QName(root).namespace or ""
        if version.startswith("2") or namespace.startswith("urn:oasis:names:tc:xliff:document:2"):
            return read_xliff2(root, path)
        return read_xliff12(root, path)
    raise UnsupportedFormatError(f"the XML root is <{name}>, neither a TMX nor an XLIFF file", path=path)


def load_alignment(path: Path | str, *, src_lang: str | None = None, tgt_lang: str | None = None,
                   notes: ImportNotes | None = None) -> AlignmentDocument:
    """Open an alignment file by its extension (ALIGNMENT_SUFFIXES).

    src_lang/tgt_lang pick the two languages of a TMX with more (default: Chinese and English).
    `notes`, when given, is filled with what the reading changed or left out (ImportNotes.messages()).
    Raises InputFileError subclasses naming the file (and the line, for malformed files).
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == PROJECT_SUFFIX:
        return load_project(path)
    if suffix == ".json":
        doc = read_json(path)
        mark_text_warnings(doc)
        return doc
    if suffix in (".tmx", ".xlf", ".xliff", ".xml", ".sdlxliff", ".mqxliff", ".mxliff"):
        parsed = _read_xml(path, src_lang, tgt_lang)
    elif suffix in (".tsv", ".tab", ".csv"):
        parsed = read_tsv(path)
    elif suffix == ".xlsx":
        parsed = read_xlsx(path)
    else:
        raise UnsupportedFormatError(
            f"cannot open {suffix or 'a file without extension'} as an alignment; Duiqi reads {FORMATS_READ}",
            path=path)
    doc = build_document(parsed, path)
    mark_text_warnings(doc)
    if notes is not None:
        vars(notes).update(vars(parsed.notes))
        notes.src_lang, notes.tgt_lang = doc.meta.src_lang, doc.meta.tgt_lang
    return doc


def mark_text_warnings(doc: AlignmentDocument) -> None:
    """Give each sentence the import warnings its text shows: a garbled run (mojibake), a
    leftover "?!" glued to Chinese, an empty sentence (as `workflow.sentence_marks` does at an import). A project
    keeps them with the sentences, a TMX, XLIFF or table does not: a reopened export no longer listed the links
    with garbled text as doubtful, so the mojibake went through review unmarked (an X11 audit)."""
    from dataclasses import replace

    from editor.bitext.review import Mark, has_leftover_marks
    from editor.importing.cleanup import FixKind, suggest_cleanup
    from editor.importing.script import detect_chinese_script

    script = detect_chinese_script("".join(s.text for s in doc.src))
    for segments in (doc.src, doc.tgt):
        for k, segment in enumerate(segments):
            text = segment.text
            marks = list(segment.marks)
            # (a repairable run too: no clean-up is offered when a file is reopened)
            if Mark.GARBLED not in marks and not text.isascii() and any(
                    f.kind is FixKind.MOJIBAKE for f in suggest_cleanup(text, script=script, kinds=(FixKind.MOJIBAKE,))):
                marks.append(Mark.GARBLED)
            if Mark.LEFTOVER not in marks and has_leftover_marks(text):
                marks.append(Mark.LEFTOVER)
            if Mark.EMPTY not in marks and not text.strip():
                marks.append(Mark.EMPTY)
            if len(marks) != len(segment.marks):
                segments[k] = replace(segment, marks=tuple(m for m in Mark if m in marks))
