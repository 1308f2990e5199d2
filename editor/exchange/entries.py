"""The links an export writes: chosen by the options, texts joined and cleaned, each with its sentence layout."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import PurePath
from typing import Callable, Iterator

from editor.bitext.document import AlignmentDocument, BeadStatus, Segment, join_segments
from editor.bitext.artefacts import check_document
from editor.bitext.review import DEFAULT_THRESHOLD, ReviewPolicy, vouched_status
from editor.errors import InputFileError
from editor.exchange.languages import canonical_lang
from editor.exchange.layout import layout_text, split_by_layout
from editor.exchange.options import ExportOptions, ExportReport
from editor.exchange.presets import preset_languages
from editor.exchange.units import unit_key
from editor.exchange.xml_text import xml_safe


@dataclass(frozen=True)
class Entry:
    """One bead ready to write: joined texts, provenance, and its segment layout for a lossless re-import."""

    number: int                  # 1-based position among the document's beads
    src: str
    tgt: str
    confidence: float
    status: BeadStatus
    src_layout: str              # "paragraph:length" per segment, e.g. "0:7 0:9" (see layout_text)
    tgt_layout: str
    doubtful: bool = False       # what editor.bitext.review says: XLIFF "needs review", TMX x-duiqi-doubtful
    created: datetime | None = None   # when the link was made and last edited (Bead.created / Bead.changed)
    changed: datetime | None = None
    created_by: str | None = None     # who made and last changed it (Bead.created_by / changed_by; None: the
    changed_by: str | None = None     # person exporting, ExportOptions.creation_id)
    # inline-code markers of each side that stand for codes: marker -> [kind, native] (DocumentMeta.inline_codes)
    src_codes: dict[str, list[str]] = field(default_factory=dict, compare=False)
    tgt_codes: dict[str, list[str]] = field(default_factory=dict, compare=False)
    edited: bool = False              # an edit in Duiqi made or changed the link (Bead.edited: the edit record)
    unit_id: str | None = None        # the unit id it was opened with, its sentences unchanged since (unit_ids)

    @property
    def linked(self) -> bool:
        return bool(self.src) and bool(self.tgt)

    @property
    def confidence_text(self) -> str:
        return format_confidence(self.confidence)


@dataclass(frozen=True)
class ExportLanguages:
    src: str
    tgt: str


def format_confidence(value: float) -> str:
    """Return a confidence as written in files: at most 4 decimals, no trailing zeros (`0.87`, `1`)."""
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return text or "0"


def document_languages(doc: AlignmentDocument, options: ExportOptions) -> ExportLanguages:
    """Return the BCP-47 codes of the document's source (Chinese) and target (English) sides.

    Raises InputFileError for a code that is not a language tag.
    """
    try:
        src, tgt = (canonical_lang(options.src_lang or doc.meta.src_lang or "zh-CN"),
                    canonical_lang(options.tgt_lang or doc.meta.tgt_lang or "en-US"))
    except ValueError as exc:
        raise InputFileError(str(exc)) from None
    return ExportLanguages(*preset_languages(options.preset, src, tgt,
                                             traditional=doc.meta.chinese_script == "traditional"))


def export_languages(doc: AlignmentDocument, options: ExportOptions) -> ExportLanguages:
    """Return the codes of the written source and target: the document's, swapped when options.reverse."""
    langs = document_languages(doc, options)
    return ExportLanguages(langs.tgt, langs.src) if options.reverse else langs


def export_files(doc: AlignmentDocument, options: ExportOptions) -> tuple[str | None, str | None]:
    """Return the base names of the written source's and target's input files."""
    names = file_name(doc.meta.src_file), file_name(doc.meta.tgt_file)
    return (names[1], names[0]) if options.reverse else names


def file_name(path: str | None) -> str | None:
    """Return the base name of a recorded input path (full paths are private and machine-specific)."""
    return PurePath(path).name if path else None


def _side(doc: AlignmentDocument, ids: tuple[int, ...], lang: str,
          clean: Callable[[str], tuple[str, int]]) -> tuple[str, str, int]:
    parts: list[tuple[int, str]] = []
    removed = 0
    for i in ids:
        segment: Segment = doc.segment(i)
        text, n = clean(segment.text.strip())
        removed += n
        parts.append((segment.paragraph, text.strip()))
    joined = join_segments([t for _, t in parts], lang)
    layout = layout_text(parts)
    # the layout fits by construction when no sentence is empty; check it only otherwise (the reader would
    # then keep the text as one segment)
    if not all(t and p >= 0 for p, t in parts) and split_by_layout(joined, layout, lang) is None:
        layout = ""
    return joined, layout, removed


def _codes(doc: AlignmentDocument, ids: tuple[int, ...]) -> dict[str, list[str]]:
    """Return the inline codes recorded for these sentences (marker -> [kind, native], or [kind, native,
    format, origin] for a code that kept its element; DocumentMeta.inline_origins)."""
    if not doc.meta.inline_codes:
        return {}
    out: dict[str, list[str]] = {}
    for i in ids:
        codes = doc.meta.inline_codes.get(str(i), {})
        origins = doc.meta.inline_origins.get(str(i), {})
        out.update({m: [*code, *origins[m]] if m in origins else code for m, code in codes.items()})
    return out


def collect_entries(doc: AlignmentDocument, options: ExportOptions, report: ExportReport, *,
                    keep_unlinked: bool, clean_xml: bool = True) -> list[Entry]:
    """Return the entries to write, counting in `report` what the options leave out.

    keep_unlinked: keep 1-0 and 0-1 beads (XLIFF, TSV) instead of leaving them out (TMX); the preset's
    options.keep_unlinked can still leave them out.
    clean_xml: drop characters XML 1.0 forbids (counted in report.removed_characters).
    """
    format_keeps_unlinked = keep_unlinked
    keep_unlinked = keep_unlinked and options.keep_unlinked
    langs = document_languages(doc, options)
    clean = xml_safe if clean_xml else (lambda text: (text, 0))
    threshold = options.review_threshold if options.review_threshold is not None else DEFAULT_THRESHOLD
    policy = ReviewPolicy.for_document(doc, threshold)
    # links that look like import artefacts go where doubtful links go (editor.bitext.artefacts)
    artefacts = set() if options.keep_doubtful else set(check_document(doc).beads)
    entries: list[Entry] = []
    too_long: list[int] = []
    unlinked_by_choice = 0          # left out because only confirmed links were asked for
    for number, bead in enumerate(doc.beads, start=1):
        if not (bead.src and bead.tgt) and not keep_unlinked:
            report.skipped_unlinked += 1
            continue
        if options.only_confirmed and not (bead.src and bead.tgt):
            # "only confirmed links": a sentence without counterpart is no link, confirmed or not (an XLIFF of
            # "31 of 762 links" held 34 units, three of them a sentence with an empty side; an X11 audit)
            report.skipped_unlinked += 1
            unlinked_by_choice += 1
            continue
        if options.only_confirmed and not bead.is_fixed:
            report.skipped_unconfirmed += 1
            continue
        if not options.keep_doubtful and bead.src and bead.tgt and (
                policy.is_doubtful(doc, bead) or number - 1 in artefacts):
            report.skipped_doubtful += 1
            continue
        src, src_layout, removed_src = _side(doc, bead.src, langs.src, clean)
        tgt, tgt_layout, removed_tgt = _side(doc, bead.tgt, langs.tgt, clean)
        if not (src and tgt) and not keep_unlinked:      # e.g. a sentence that was only control characters
            report.skipped_unlinked += 1
            report.removed_characters += removed_src + removed_tgt
            continue
        limit = options.max_segment_length
        if limit is not None and max(len(src), len(tgt)) > limit:
            report.skipped_too_long += 1
            too_long.append(number)
            continue
        report.removed_characters += removed_src + removed_tgt
        src_codes, tgt_codes = _codes(doc, bead.src), _codes(doc, bead.tgt)
        if options.reverse:
            src, tgt, src_layout, tgt_layout = tgt, src, tgt_layout, src_layout
            src_codes, tgt_codes = tgt_codes, src_codes
        entries.append(Entry(number, src, tgt, bead.confidence, bead.status, src_layout, tgt_layout,
                             policy.is_doubtful(doc, bead), bead.created, bead.changed,
                             bead.created_by, bead.changed_by, src_codes, tgt_codes, edited=bead.edited,
                             unit_id=doc.meta.unit_ids.get(unit_key(bead.src, bead.tgt)) if doc.meta.unit_ids else None))
    if too_long:
        shown = ", ".join(map(str, too_long[:10])) + (" …" if len(too_long) > 10 else "")
        report.warnings.append(f"left out {len(too_long)} link(s) longer than {options.max_segment_length} "
                               f"characters (links {shown})")
    if report.removed_characters:
        report.warnings.append(f"removed {report.removed_characters} character(s) that XML does not allow "
                               f"(control characters)")
    # the preset as the export dialog names it ("OmegaT"), not its key ("omegat": an X11 audit)
    preset = _preset_title(options.preset)
    if report.skipped_unlinked:
        reason = ("as only confirmed links were asked for" if unlinked_by_choice == report.skipped_unlinked
                  else f"as the {preset} preset does" if format_keeps_unlinked
                  else "which this format cannot hold")
        report.warnings.append(f"left out {report.skipped_unlinked} unlinked sentence group(s) "
                               f"(0-1 or 1-0), {reason}")
    if report.skipped_doubtful:
        report.warnings.append(f"left out {report.skipped_doubtful} doubtful link(s) (automatic links that "
                               f"need review), as the {preset} preset does; confirm them to include them")
    report.written = len(entries)
    report.written_unlinked = sum(1 for e in entries if not (e.src and e.tgt))
    return entries


def _preset_title(name: str) -> str:
    """A preset's title ("OmegaT", "Trados"), or `name` when there is no such preset."""
    from editor.exchange.presets import PRESETS

    preset = PRESETS.get(name)
    return preset.title if preset is not None else name


def unit_ids(doc: AlignmentDocument, entries: list[Entry], fmt: str, prefix: str = "") -> Iterator[str]:
    """Yield each entry's unit id in a file of format `fmt` ("tmx", "xliff12", "xliff20"): the one it was opened
    with when the document was opened from that format (DocumentMeta.unit_ids), else `prefix` and its number,
    made unique against every id the opened file had (also of links not written) and the others written: `7`,
    else `7-1`, `7-2`… (a link split or merged since the file was opened is no longer its unit)."""
    same = (doc.meta.unit_ids_format or "xliff12") == fmt
    # only the file's ids and the suffixed ones can collide (entry numbers differ): a set of every id written
    # cost a TM of half a million units 80 MB (tests/hostile)
    taken = set(doc.meta.unit_ids.values()) if same else set()
    for entry in entries:
        if same and entry.unit_id is not None:
            yield entry.unit_id
            continue
        unit_id, n = f"{prefix}{entry.number}", 0
        while unit_id in taken:
            n += 1
            unit_id = f"{prefix}{entry.number}-{n}"
        if n:
            taken.add(unit_id)
        yield unit_id


def approved(entry: Entry) -> bool:
    """True for a link a person vouched for (editor.bitext.review.vouched): confirmed, or made or changed by hand
    with text on both sides. A sentence an edit left unlinked is not approved until a person confirms it."""
    return vouched_status(entry.status, bool(entry.src) and bool(entry.tgt))


def needs_review(entry: Entry) -> bool:
    """True for a link the review policy calls doubtful (editor.bitext.review decides, nothing here)."""
    return entry.doubtful
