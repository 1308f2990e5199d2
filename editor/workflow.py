"""Import → segment → align as plain functions shared by the CLI and the editor's worker threads (Qt-free)."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Sequence

from editor import alignment
from editor.alignment import FixedSpan, ProgressCallback, StopCallback
from editor.bitext import document as bitext_document
from editor.bitext.document import (AlignmentDocument, Bead, BeadStatus, Change, DocumentMeta, Segment, Splice,
                                    link_time)
from editor.errors import InputFileError, OutputFileError, UnsupportedFormatError
from editor.file_checks import MAX_TEXT_INPUT_BYTES, check_input_file, check_output_path
from editor.importing import RawDocument, load_document_cached
from editor.importing.bilingual import BilingualText, pair_files, split_mixed
from editor.importing.records import Paragraph
from editor.bitext.review import Mark, has_leftover_marks
from editor.importing.cleanup import (Fix, FixKind, apply_fixes, chosen_by_default, suggest_cleanup,
                                      suggest_side_cleanup)
from editor.importing.script import detect_chinese_script
from editor.segmentation import split_sentences


#: The description of the change Re-align the Rest makes (the editor says when it changed nothing).
REALIGN = "Re-align the rest"

#: Whether import cleans by default: one default shared by `duiqi align`/`batch` and the editor's dialog.
DEFAULT_CLEAN = True


@dataclass
class ImportOptions:
    """What the user chose on import."""

    presegmented: bool = False
    encodings: dict[str, str] = field(default_factory=dict)   # path -> forced encoding
    src_lang: str | None = None                                 # None: from the detected script
    tgt_lang: str = "en-US"
    # Apply the clean-up: by default the safe repairs (pinyin, exact mojibake repairs, stray spaces), the
    # same for the CLI (--no-clean turns it off) and the editor (its clean-up tab ticks the same fixes).
    clean: bool = DEFAULT_CLEAN
    punctuation: bool = False                                   # also make , : ; ? ! () around Chinese full-width
    # The fixes the user accepted, by (side "zh"/"en", paragraph index), as suggest_import_cleanup() gave them;
    # None: the default ones (Fix.default, plus the punctuation ones with `punctuation`).  Only used when `clean`.
    accepted_fixes: dict[tuple[str, int], list[Fix]] | None = None


def _segment(paragraphs: Sequence[str], records: Sequence[Paragraph], lang: str,
             presegmented: bool) -> list[tuple[str, int]]:
    """Sentences (or whole paragraphs: pre-segmented input, subtitle cues) with their paragraph numbers."""
    out: list[tuple[str, int]] = []
    for number, (paragraph, record) in enumerate(zip(paragraphs, records)):
        if not paragraph.strip():
            continue             # emptied by a clean-up fix; its number stays, so anchors keep pointing right
        pieces = [paragraph.strip()] if presegmented or record.whole else split_sentences(paragraph, lang)
        out.extend((piece, number) for piece in pieces)
    return out


def sentence_marks(paragraphs: Sequence[str], sentences: Sequence[tuple[str, int]], script: str,
                   suggested: dict[int, list[Fix]] | None = None) -> list[tuple[Mark, ...]]:
    """Return the import warnings of each sentence: garbled runs the clean-up could only flag ("retype this
    part"), a leftover "?!" glued to Chinese, an empty sentence. Sentences are (text, paragraph) as
    `_segment` returns them; a flagged run marks every sentence it overlaps. `suggested`: suggest_cleanup's
    fixes (all kinds, the same script) of paragraphs as they are now, by number, where already known."""
    flagged: dict[int, list[tuple[int, int]]] = {}
    suggested = suggested or {}
    for number, paragraph in enumerate(paragraphs):
        found = suggested.get(number)
        if found is None:
            found = suggest_cleanup(paragraph, script=script, kinds=(FixKind.MOJIBAKE,))
        spans = [(f.start, f.end) for f in found if f.kind is FixKind.MOJIBAKE and not f.repairable]
        if spans:
            flagged[number] = spans
    out: list[tuple[Mark, ...]] = []
    cursor: dict[int, int] = {}
    for text, number in sentences:
        marks = []
        spans = flagged.get(number)
        if spans:
            start = paragraphs[number].find(text, cursor.get(number, 0)) if text else -1
            if start >= 0:
                end = start + len(text)
                cursor[number] = end
                if any(a < end and start < b for a, b in spans):
                    marks.append(Mark.GARBLED)
        if has_leftover_marks(text):
            marks.append(Mark.LEFTOVER)
        if not text.strip():
            marks.append(Mark.EMPTY)
        out.append(tuple(marks))
    return out


def import_document(paths: Sequence[Path | str], options: ImportOptions | None = None) -> AlignmentDocument:
    """Read one mixed file or a Chinese and an English file; return an unaligned document.

    Raises InputFileError subclasses naming the file.
    """
    options = options or ImportOptions()
    src_raw, tgt_raw, text = read_bilingual(paths, options)
    zh, en = [p.text for p in text.zh], [p.text for p in text.en]
    script = detect_chinese_script("".join(zh))
    applied: list[dict] = []
    # the suggestions of each paragraph that the clean-up leaves as it was: sentence_marks reads its garbled
    # runs there instead of looking for them again (the same fixes: mojibake is the first kind suggested)
    known: dict[str, dict[int, list[Fix]]] = {"zh": {}, "en": {}}
    if options.clean:
        fixes = options.accepted_fixes
        if fixes is None:
            suggested = _suggest(zh, en, script, everyone=True)
            known = {side: {number: found for (s, number), found in suggested.items() if s == side}
                     for side in ("zh", "en")}
            fixes = {key: [f for f in found if chosen_by_default(f, punctuation=options.punctuation)]
                     for key, found in suggested.items() if found}
        for side, paragraphs in (("zh", zh), ("en", en)):
            for number, paragraph in enumerate(paragraphs):
                chosen = fixes.get((side, number), [])
                if chosen:
                    known[side].pop(number, None)
                paragraphs[number] = apply_fixes(paragraph, chosen)
                applied += [{"side": side, "paragraph": number, **f.to_dict()} for f in chosen if f.repairable]
    src_lang = options.src_lang or ("zh-TW" if script == "traditional" else "zh-CN")
    meta = DocumentMeta(src_lang=src_lang, tgt_lang=options.tgt_lang,
                        src_file=str(src_raw.path), tgt_file=str(tgt_raw.path),
                        src_encoding=src_raw.encoding, tgt_encoding=tgt_raw.encoding,
                        chinese_script=script, presegmented=options.presegmented, cleanup_applied=applied,
                        layout=text.summary(), anchors=[a.as_list() for a in text.anchors],
                        src_headings=text.heading_numbers("zh"), tgt_headings=text.heading_numbers("en"))
    src = _segment(zh, text.zh, src_lang, options.presegmented)
    tgt = _segment(en, text.en, options.tgt_lang, options.presegmented)
    doc = AlignmentDocument.from_texts(src, tgt, meta)
    for segments, paragraphs, texts, side in ((doc.src, zh, src, "zh"), (doc.tgt, en, tgt, "en")):
        for k, marks in enumerate(sentence_marks(paragraphs, texts, script, known[side])):
            if marks:
                segments[k] = replace(segments[k], marks=marks)
    return doc


def read_bilingual(paths: Sequence[Path | str], options: ImportOptions | None = None
                   ) -> tuple[RawDocument, RawDocument, BilingualText]:
    """Read one mixed file or a Chinese and an English file; return (src raw, tgt raw, the bilingual text):
    the Chinese and English paragraph records with the anchors their layout gives.

    Pre-segmented input is read one line per paragraph.  Raises InputFileError subclasses naming the file.
    """
    options = options or ImportOptions()
    paths = [Path(p) for p in paths]
    if len(paths) not in (1, 2):
        raise InputFileError(f"expected one mixed file or two files, got {len(paths)}")
    layout = "lines" if options.presegmented else None
    raws: list[RawDocument] = [load_document_cached(p, options.encodings.get(str(p)), layout=layout) for p in paths]
    if len(raws) == 1:
        text = split_mixed(raws[0].records)
        if not text.zh or not text.en:
            missing = "Chinese" if not text.zh else "English"
            raise InputFileError(f"no {missing} paragraphs found; give the {missing} text as a second file",
                                 path=paths[0])
        return raws[0], raws[0], text
    src_raw, tgt_raw = _check_languages(raws[0], raws[1])
    return src_raw, tgt_raw, pair_files(src_raw.records, tgt_raw.records)


def read_paragraphs(paths: Sequence[Path | str], options: ImportOptions | None = None
                    ) -> tuple[RawDocument, RawDocument, list[str], list[str]]:
    """Like read_bilingual(), with the Chinese and English paragraphs as plain texts."""
    src_raw, tgt_raw, text = read_bilingual(paths, options)
    return src_raw, tgt_raw, [p.text for p in text.zh], [p.text for p in text.en]


#: A "Chinese" text with fewer Han characters than this share of its letters is not Chinese, and an
#: "English" one with more is not English.
MIN_CHINESE_HAN_SHARE = 0.1
MAX_ENGLISH_HAN_SHARE = 0.5


def han_share(paragraphs: Sequence[str], sample: int = 200_000) -> float:
    """Return Han characters / (Han characters + Latin letters) in the first `sample` characters (0 if none)."""
    from editor.importing import _HAN, _LATIN

    text = "".join(paragraphs)[:sample]
    han, latin = len(_HAN.findall(text)), len(_LATIN.findall(text))
    return han / (han + latin) if han + latin else 0.0


def _check_languages(src: RawDocument, tgt: RawDocument) -> tuple[RawDocument, RawDocument]:
    """Return (Chinese, English): swapped when the files were given the other way round.

    Raises InputFileError naming the file when the Chinese one has (almost) no Han characters or the
    English one is mostly Han, and swapping them would not help.
    """
    zh_share, en_share = han_share(src.paragraphs), han_share(tgt.paragraphs)
    if zh_share < MIN_CHINESE_HAN_SHARE and en_share > MAX_ENGLISH_HAN_SHARE:
        return tgt, src
    if zh_share < MIN_CHINESE_HAN_SHARE:
        raise InputFileError("this should be the Chinese text, but it has almost no Chinese characters "
                             f"({zh_share:.0%} of its letters): is it the right file?",
                             path=src.path)
    if en_share > MAX_ENGLISH_HAN_SHARE:
        raise InputFileError("this should be the English text, but it is mostly Chinese characters "
                             f"({en_share:.0%} of its letters): is it the right file?",
                             path=tgt.path)
    from editor.importing.script import kana_verdict

    verdict = kana_verdict("".join(src.paragraphs))      # Japanese given as Chinese (a warning: the CLI says it)
    if verdict is not None and verdict[0] == "error":
        raise InputFileError(verdict[1], path=src.path)
    return src, tgt


def check_output(output: Path | str, inputs: Sequence[Path | str], fmt: str | None = None) -> None:
    """Check where a result goes before the work starts ('-' is standard output, which must be open).

    Raises OutputFileError naming the file: a missing or read-only folder, a folder, an existing
    non-regular file, or one of `inputs`; UnsupportedFormatError for an output format Duiqi cannot write.
    """
    from editor.exporting import exporter_for

    if str(output) == "-":
        if sys.stdout is None or sys.stdout.closed:
            raise OutputFileError("standard output is closed; give an output file with -o", path="<standard output>")
    else:
        check_output_path(output, inputs)
    exporter_for(f"out.{fmt.lstrip('.')}" if fmt else ("out.json" if str(output) == "-" else output))


def check_align_paths(inputs: Sequence[Path | str], output: Path | str, fmt: str | None = None) -> None:
    """Check the inputs (regular files, not too large, not alignment files) and the output of an
    alignment before it starts; raises InputFileError or OutputFileError naming the file."""
    from editor.file_checks import MAX_ALIGNMENT_INPUT_BYTES
    from editor.importing import (ALIGNMENT_FILE_ADVICE, ALIGNMENT_FILE_SUFFIXES, BINARY_READERS, DOCX_SUFFIXES,
                                  is_duiqi_table)

    for path in map(Path, inputs):
        if path.suffix.lower() in ALIGNMENT_FILE_SUFFIXES or is_duiqi_table(path):
            raise UnsupportedFormatError(ALIGNMENT_FILE_ADVICE.replace("FILE", path.name), path=path)
        binary = path.suffix.lower() in DOCX_SUFFIXES or path.suffix.lower() in BINARY_READERS
        check_input_file(path, MAX_TEXT_INPUT_BYTES if not binary else MAX_ALIGNMENT_INPUT_BYTES)
    check_output(output, inputs, fmt)


def _suggest(zh: Sequence[str], en: Sequence[str], script: str, everyone: bool = False
             ) -> dict[tuple[str, int], list[Fix]]:
    """The suggested fixes by (side, paragraph): of the paragraphs that have some, or (`everyone`) of all."""
    # each side read as a whole: "- " starts list items only in a run, a footnote reference counts with its note
    found = {("zh", i): fixes for i, fixes in enumerate(suggest_side_cleanup(zh, script=script))}
    found.update({("en", i): fixes for i, fixes in enumerate(suggest_side_cleanup(en, script=script))})
    return found if everyone else {key: fixes for key, fixes in found.items() if fixes}


def suggest_import_cleanup(paths: Sequence[Path | str], options: ImportOptions | None = None
                           ) -> dict[tuple[str, int], list[Fix]]:
    """Return the clean-up suggestions for what import_document() would read, by (side, paragraph index).

    Positions are offsets in that paragraph.  Hand the accepted ones back as ImportOptions.accepted_fixes.
    """
    _, _, zh, en = read_paragraphs(paths, options)
    return _suggest(zh, en, detect_chinese_script("".join(zh)))




def fixed_spans(doc: AlignmentDocument) -> list[FixedSpan]:
    """Return the beads a person vouched for as position spans, in order (anchors for re-alignment)."""
    spans, i, j = [], 0, 0
    for bead in doc.beads:
        if bead.is_fixed:
            spans.append(FixedSpan(i, i + len(bead.src), j, j + len(bead.tgt)))
        i, j = i + len(bead.src), j + len(bead.tgt)
    return spans


def alignment_change(doc: AlignmentDocument, aligned: Sequence[alignment.AlignedBead],
                     description: str = "Align", *, now: datetime | None = None,
                     never_surer: bool = False) -> Change:
    """Turn engine beads (positions) into a Change splicing in the beads that changed; fixed beads stay as they were.

    Dates: a bead the engine makes is created and changed `now` (default: the document clock), the time
    of the alignment, by whoever exports (created_by/changed_by None); fixed beads, and automatic ones the
    engine gives again with the same sentences, keep their dates, the people who created and changed them and
    their edit record (`Bead.edited`), with the new confidence: a new score is not a new link. (Ctrl+R after a
    Replace All credited 30 of 52 text-edited links to the engine, created at the re-alignment: an X11 audit.)

    With `never_surer` (Re-align the Rest), an automatic bead is never surer than the least sure of the
    unreviewed links whose sentences it takes: a link the engine gives again keeps the lower of its old and new
    confidence, and a link made of sentences of several old ones (two doubtful 1-1 links merged into a 2-2, a
    link that takes in part of a link an edit cut) gets no more than the lowest of theirs. Nobody reviewed
    those sentences, so anchors placed elsewhere must not take them off the review list (issue 20: a simulated
    translator pressing Ctrl+R saw two doubtful links of a perturbed MAC-dev chapter, 0.82 and 0.45, merged
    into one wrong 2-3 link at 0.97, out of the list; tests/benchmarks/simulate_translator.py). An unlinked
    sentence has no link confidence to pass on (never aligned, or left by the engine or an edit).
    """
    moment = link_time(now if now is not None else bitext_document.clock())
    kept = {(tuple(b.src), tuple(b.tgt)): b for b in doc.beads if b.is_fixed}
    same = {(b.src, b.tgt): b for b in doc.beads if not b.is_fixed}
    # the confidence of the unreviewed link each sentence was in (segment ids are unique across both sides)
    old_auto = {i: b.confidence for b in doc.beads if not b.is_fixed and b.is_link for i in (*b.src, *b.tgt)} \
        if never_surer else {}
    new: list[Bead] = []
    for ab in aligned:
        src = tuple(doc.src[i].id for i in ab.src)
        tgt = tuple(doc.tgt[j].id for j in ab.tgt)
        bead = kept.get((src, tgt))
        if bead is None:
            conf = min(1.0, max(0.0, ab.confidence), *(old_auto.get(i, 1.0) for i in (*src, *tgt)))
            prev = same.get((src, tgt))
            if prev is None:
                bead = Bead(src, tgt, conf, BeadStatus.AUTO, moment, moment)
            elif prev.confidence == conf:
                bead = prev
            else:
                bead = Bead(src, tgt, conf, BeadStatus.AUTO, prev.created, prev.changed, prev.created_by,
                            prev.changed_by, prev.edited)
        new.append(bead)
    # Only the links that changed go into the change: the editor lands where the alignment changed something
    # (not on the text's first link), and the undo step and the journal record hold no copy of the rest.
    old = tuple(doc.beads)
    first = 0
    while first < min(len(old), len(new)) and old[first] is new[first]:
        first += 1
    end_old, end_new = len(old), len(new)
    while end_old > first and end_new > first and old[end_old - 1] is new[end_new - 1]:
        end_old, end_new = end_old - 1, end_new - 1
    return Change(description, beads=Splice(first, old[first:end_old], tuple(new[first:end_new])))


def keep_untouched(doc: AlignmentDocument, aligned: Sequence[alignment.AlignedBead]
                   ) -> tuple[list[alignment.AlignedBead], tuple[set[int], set[int]]]:
    """Re-align the Rest changes links only where an edit left the engine's alignment: `aligned` (the anchored
    re-alignment, positions) with the document's own automatic links put back wherever no edit cut them; also
    returned, the source and target positions of the links kept.

    Why: an anchored re-alignment aligns each stretch between anchors on its own, and in a book its sections
    then differ from the whole text's, so it changed links chapters away from any fix (an X11 audit: six
    confirmed links in a 4,400-sentence book, and Ctrl+R replaced 62 links, 35 of them right).

    The old and the new alignment are cut at the points where both place a link boundary (the same source and
    target position); between two such points each is a tiling of the same sentences. The new one is taken there
    only when the old one holds an automatic bead an edit cut loose (left over by a link, a merge or a boundary
    move: `Bead.edited` at the confidence edits.REFLOWED_CONFIDENCE); otherwise the engine's earlier links stay,
    the very beads with their confidence and history. So a link confirmed as the engine gave it changes nothing,
    and a text edit (Replace All, F2) changes no grouping and re-aligns nothing (a second audit: 12 links
    regrouped into 16 wrong ones after a Replace All). A document with no automatic link (never aligned) is
    aligned as it is."""
    from editor.bitext.review import reshaped

    if not any(b.is_link and not b.is_fixed for b in doc.beads):
        return list(aligned), (set(), set())
    src_pos = {seg.id: i for i, seg in enumerate(doc.src)}
    tgt_pos = {seg.id: j for j, seg in enumerate(doc.tgt)}
    old = [(tuple(src_pos[i] for i in b.src), tuple(tgt_pos[j] for j in b.tgt), b) for b in doc.beads]

    def ends(beads) -> list[tuple[int, int]]:
        i = j = 0
        out = []
        for src, tgt, *_ in beads:
            i, j = i + len(src), j + len(tgt)
            out.append((i, j))
        return out

    new = [(ab.src, ab.tgt, ab) for ab in aligned]
    old_ends, new_ends = ends(old), ends(new)
    common = set(old_ends) & set(new_ends)
    out: list[alignment.AlignedBead] = []
    kept_src: set[int] = set()
    kept_tgt: set[int] = set()
    ko = kn = 0
    while ko < len(old) and kn < len(new):
        o0, n0 = ko, kn
        while old_ends[ko] not in common:
            ko += 1
        while new_ends[kn] != old_ends[ko]:
            kn += 1
        ko, kn = ko + 1, kn + 1
        if any(reshaped(b) for _, _, b in old[o0:ko]):
            out += [ab for _, _, ab in new[n0:kn]]
        else:
            out += [alignment.AlignedBead(src, tgt, b.confidence) for src, tgt, b in old[o0:ko]]
            for src, tgt, _ in old[o0:ko]:
                kept_src.update(src)
                kept_tgt.update(tgt)
    return out, (kept_src, kept_tgt)


def _paragraph_ranges(segments) -> dict[int, tuple[int, int]]:
    ranges: dict[int, tuple[int, int]] = {}
    for pos, seg in enumerate(segments):
        first, _ = ranges.get(seg.paragraph, (pos, pos))
        ranges[seg.paragraph] = (first, pos + 1)
    return ranges


def _side_span(ranges: dict[int, tuple[int, int]], segments, start: int, end: int) -> tuple[int, int] | None:
    """Positions of the segments in paragraphs [start, end); None if they are not one contiguous run."""
    got = [ranges[p] for p in range(start, end) if p in ranges]
    if not got:
        return None
    lo, hi = min(a for a, _ in got), max(b for _, b in got)
    if any(not start <= segments[k].paragraph < end for k in range(lo, hi)):
        return None               # an edit moved a sentence of another paragraph inside: not an anchor any more
    return lo, hi


def anchor_spans(doc: AlignmentDocument) -> list[FixedSpan]:
    """Return the hard anchors of the document's layout (table rows, heading pairs, subtitle cue groups) as
    position spans, in order; anchors whose paragraphs an edit emptied or scattered are left out."""
    src_ranges, tgt_ranges = _paragraph_ranges(doc.src), _paragraph_ranges(doc.tgt)
    spans = []
    for zs, ze, es, ee, hard in doc.meta.anchors:
        if not hard:
            continue
        s, t = _side_span(src_ranges, doc.src, zs, ze), _side_span(tgt_ranges, doc.tgt, es, ee)
        if s is not None and t is not None:
            spans.append(FixedSpan(s[0], s[1], t[0], t[1]))
    return spans


def merge_spans(fixed: Sequence[FixedSpan], anchors: Sequence[FixedSpan]) -> list[FixedSpan]:
    """Return the beads a person fixed plus the anchors that fit between them, in order (a person's beads win)."""
    def before(a: FixedSpan, b: FixedSpan) -> bool:
        return a.src_end <= b.src_start and a.tgt_end <= b.tgt_start

    out = list(fixed)
    for anchor in anchors:
        if all(before(anchor, f) or before(f, anchor) for f in fixed):
            out.append(anchor)
    out.sort(key=lambda s: (s.src_start, s.tgt_start, s.src_end, s.tgt_end))
    kept: list[FixedSpan] = []
    for span in out:               # drop anchors out of order with what is kept (a person's beads come first)
        if not kept or before(kept[-1], span):
            kept.append(span)
        elif span in fixed and kept[-1] not in fixed:
            kept[-1] = span
    return kept


def separate_headings(beads: Sequence[alignment.AlignedBead], src_headings: set[int], tgt_headings: set[int]
                      ) -> list[alignment.AlignedBead]:
    """Split heading sentences out of beads that join them with body text: a heading with no counterpart
    becomes a 1-0 (or 0-1) link of its own, never glued to a sentence."""
    out = []
    for bead in beads:
        hs = tuple(i for i in bead.src if i in src_headings)
        ht = tuple(j for j in bead.tgt if j in tgt_headings)
        bs = tuple(i for i in bead.src if i not in src_headings)
        bt = tuple(j for j in bead.tgt if j not in tgt_headings)
        if not (hs or ht) or not (bs or bt):
            out.append(bead)
            continue
        first = {all(h < b for h in head for b in body) for head, body in ((hs, bs), (ht, bt)) if head and body}
        last = {all(h > b for h in head for b in body) for head, body in ((hs, bs), (ht, bt)) if head and body}
        parts = [(hs, ht), (bs, bt)] if first == {True} else [(bs, bt), (hs, ht)] if last == {True} else None
        if parts is None:
            out.append(bead)
            continue
        out.extend(alignment.AlignedBead(s, t, bead.confidence, bead.score) for s, t in parts if s or t)
    return out


def align_document(doc: AlignmentDocument, *, mode: str = "best", keep_fixed: bool = True,
                   progress: ProgressCallback | None = None,
                   should_stop: StopCallback | None = None) -> Change:
    """Run the engine over the document (keeping confirmed/edited beads when `keep_fixed`); return the Change.

    The hard anchors of the input's layout (table rows, heading pairs, cue groups) go to the engine as fixed
    beads, and sentences are then aligned inside each; headings are never glued to body sentences.
    Pure with respect to `doc`: it reads copies of the texts, so a worker thread can run it.
    """
    from editor.file_checks import check_sentence_count

    # before any work: more sentences than the mode aligns within the memory limit is refused, naming the file
    check_sentence_count(len(doc.src), len(doc.tgt), mode, doc.meta.src_file)
    src = [s.text for s in doc.src]
    tgt = [t.text for t in doc.tgt]
    src_par = [s.paragraph for s in doc.src]
    tgt_par = [t.paragraph for t in doc.tgt]
    fixed = fixed_spans(doc) if keep_fixed else []
    anchors = anchor_spans(doc)
    spans = merge_spans(fixed, anchors)
    aligned = alignment.align(src, tgt, src_paragraphs=src_par, tgt_paragraphs=tgt_par,
                              fixed=spans, mode=mode, progress=progress, should_stop=should_stop)
    inner = {(tuple(range(a.src_start, a.src_end)), tuple(range(a.tgt_start, a.tgt_end)))
             for a in spans if a not in fixed and (a.src_end - a.src_start > 1 or a.tgt_end - a.tgt_start > 1)
             and a.src_end > a.src_start and a.tgt_end > a.tgt_start}
    if inner:
        refined = []
        for bead in aligned:
            if (bead.src, bead.tgt) not in inner:
                refined.append(bead)
                continue
            s0, t0 = bead.src[0], bead.tgt[0]
            for b in alignment.align(src[s0:bead.src[-1] + 1], tgt[t0:bead.tgt[-1] + 1], mode=mode,
                                     src_paragraphs=src_par[s0:bead.src[-1] + 1],
                                     tgt_paragraphs=tgt_par[t0:bead.tgt[-1] + 1], should_stop=should_stop):
                refined.append(alignment.AlignedBead(tuple(i + s0 for i in b.src), tuple(j + t0 for j in b.tgt),
                                                     b.confidence, b.score))
        aligned = refined
    src_heads, tgt_heads = set(doc.meta.src_headings), set(doc.meta.tgt_headings)
    if src_heads or tgt_heads:
        aligned = separate_headings(aligned, {k for k, p in enumerate(src_par) if p in src_heads},
                                    {k for k, p in enumerate(tgt_par) if p in tgt_heads})
    # Re-align the Rest: anchored on the links a person vouched for, and (an aligned document, the same mode)
    # changing only what edits cut loose, also with no link confirmed yet (Ctrl+R after a Replace All in a
    # document nobody had confirmed anything in aligned all of it again: an X11 audit)
    local = keep_fixed and doc.meta.alignment_mode in (None, mode) and \
        any(b.is_link and not b.is_fixed for b in doc.beads)
    realign = keep_fixed and (local or any(b.is_fixed for b in doc.beads))
    kept: tuple[set[int], set[int]] | None = None       # positions whose links Re-align the Rest kept
    if local:
        aligned, kept = keep_untouched(doc, aligned)
    change = alignment_change(doc, aligned, REALIGN if realign else "Align", never_surer=realign)
    if mode == "length":
        return change
    from editor.alignment.engine import one_blas_thread
    from editor.alignment.support import unsupported_in_links

    fixed_links = {(tuple(range(a.src_start, a.src_end)), tuple(range(a.tgt_start, a.tgt_end))) for a in fixed}
    with one_blas_thread():        # as the engine: two BLAS threads per batch worker on two cores collapse
        bad_src, bad_tgt = unsupported_in_links(src, tgt, [(b.src, b.tgt) for b in aligned
                                                           if (b.src, b.tgt) not in fixed_links],
                                                use_embeddings=mode == "best",
                                                markers={m for codes in doc.meta.inline_codes.values() for m in codes})
    if kept is not None:
        # a kept link keeps its "may have no translation" marks: Re-align the Rest takes no link it did not
        # change off the review list (after a Replace All it dropped three: the new spelling scored differently)
        bad_src = {i for i in bad_src if i not in kept[0]} | \
            {i for i in kept[0] if Mark.UNSUPPORTED in doc.src[i].marks}
        bad_tgt = {j for j in bad_tgt if j not in kept[1]} | \
            {j for j in kept[1] if Mark.UNSUPPORTED in doc.tgt[j].marks}
    return replace(change, src=_support_marks(doc.src, bad_src), tgt=_support_marks(doc.tgt, bad_tgt))


def _support_marks(segments, unsupported: set[int]) -> Splice | None:
    """A splice giving Mark.UNSUPPORTED to the sentences at `unsupported` and taking it from the others (each
    alignment decides afresh); None when no mark changes."""
    new = []
    for pos, seg in enumerate(segments):
        marks = tuple(m for m in seg.marks if m is not Mark.UNSUPPORTED)
        if pos in unsupported:
            marks += (Mark.UNSUPPORTED,)
        new.append(seg if marks == seg.marks else Segment(seg.id, seg.text, seg.paragraph, marks))
    changed = [k for k, (a, b) in enumerate(zip(segments, new)) if a is not b]
    if not changed:
        return None
    first, last = changed[0], changed[-1]
    return Splice(first, tuple(segments[first:last + 1]), tuple(new[first:last + 1]))
