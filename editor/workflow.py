"""Import → segment → align as plain functions shared by the CLI and the editor's worker threads (Qt-free)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from editor import alignment
from editor.alignment import FixedSpan, ProgressCallback, StopCallback
from editor.bitext.document import AlignmentDocument, Bead, BeadStatus, Change, DocumentMeta, Splice
from editor.errors import InputFileError
from editor.importing import RawDocument, load_document, split_by_language
from editor.importing.cleanup import Fix, apply_fixes, suggest_cleanup
from editor.importing.script import detect_chinese_script
from editor.segmentation import split_sentences


@dataclass
class ImportOptions:
    """What the user chose on import."""

    presegmented: bool = False
    encodings: dict[str, str] = field(default_factory=dict)   # path -> forced encoding
    src_lang: str | None = None                                 # None: from the detected script
    tgt_lang: str = "en-US"
    clean: bool = False                                         # apply clean-up fixes (pinyin, mojibake, spaces)
    # The fixes the user accepted, by (side "zh"/"en", paragraph index), as suggest_import_cleanup() gave them;
    # None: every repairable suggestion.  Only used when `clean`.
    accepted_fixes: dict[tuple[str, int], list[Fix]] | None = None


def _segment(paragraphs: Sequence[str], lang: str, presegmented: bool) -> list[tuple[str, int]]:
    out: list[tuple[str, int]] = []
    for number, paragraph in enumerate(paragraphs):
        pieces = [paragraph] if presegmented else split_sentences(paragraph, lang)
        out.extend((piece, number) for piece in pieces)
    return out


def import_document(paths: Sequence[Path | str], options: ImportOptions | None = None) -> AlignmentDocument:
    """Read one mixed file or a Chinese and an English file; return an unaligned document.

    Raises InputFileError subclasses naming the file.
    """
    options = options or ImportOptions()
    src_raw, tgt_raw, zh, en = read_paragraphs(paths, options)
    script = detect_chinese_script("".join(zh))
    applied: list[dict] = []
    if options.clean:
        fixes = options.accepted_fixes
        if fixes is None:
            fixes = {key: [f for f in found if f.repairable]
                     for key, found in _suggest(zh, en, script).items()}
        for side, paragraphs in (("zh", zh), ("en", en)):
            for number, paragraph in enumerate(paragraphs):
                chosen = fixes.get((side, number), [])
                paragraphs[number] = apply_fixes(paragraph, chosen)
                applied += [{"side": side, "paragraph": number, **f.to_dict()} for f in chosen if f.repairable]
        zh, en = [p for p in zh if p.strip()], [p for p in en if p.strip()]
    src_lang = options.src_lang or ("zh-TW" if script == "traditional" else "zh-CN")
    meta = DocumentMeta(src_lang=src_lang, tgt_lang=options.tgt_lang,
                        src_file=str(src_raw.path), tgt_file=str(tgt_raw.path),
                        src_encoding=src_raw.encoding, tgt_encoding=tgt_raw.encoding,
                        chinese_script=script, presegmented=options.presegmented, cleanup_applied=applied)
    return AlignmentDocument.from_texts(_segment(zh, src_lang, options.presegmented),
                                        _segment(en, options.tgt_lang, options.presegmented), meta)


def read_paragraphs(paths: Sequence[Path | str], options: ImportOptions | None = None
                    ) -> tuple[RawDocument, RawDocument, list[str], list[str]]:
    """Read one mixed file or a Chinese and an English file; return (src raw, tgt raw, zh paragraphs, en ones).

    Pre-segmented input is read one line per paragraph.  Raises InputFileError subclasses naming the file.
    """
    options = options or ImportOptions()
    paths = [Path(p) for p in paths]
    if len(paths) not in (1, 2):
        raise InputFileError(f"expected one mixed file or two files, got {len(paths)}")
    layout = "lines" if options.presegmented else None
    raws: list[RawDocument] = [load_document(p, options.encodings.get(str(p)), layout=layout) for p in paths]
    if len(raws) == 1:
        zh, en = split_by_language(raws[0].paragraphs)
        if not zh or not en:
            missing = "Chinese" if not zh else "English"
            raise InputFileError(f"no {missing} paragraphs found; give the {missing} text as a second file",
                                 path=paths[0])
        src_raw = tgt_raw = raws[0]
    else:
        src_raw, tgt_raw = raws
        zh, en = list(src_raw.paragraphs), list(tgt_raw.paragraphs)
    return src_raw, tgt_raw, zh, en


def _suggest(zh: Sequence[str], en: Sequence[str], script: str) -> dict[tuple[str, int], list[Fix]]:
    found = {("zh", i): suggest_cleanup(p, script=script) for i, p in enumerate(zh)}
    found.update({("en", i): suggest_cleanup(p, script=script) for i, p in enumerate(en)})
    return {key: fixes for key, fixes in found.items() if fixes}


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
                     description: str = "Align") -> Change:
    """Turn engine beads (positions) into a Change replacing every bead; fixed beads stay as they were."""
    kept = {(tuple(b.src), tuple(b.tgt)): b for b in doc.beads if b.is_fixed}
    new: list[Bead] = []
    for ab in aligned:
        src = tuple(doc.src[i].id for i in ab.src)
        tgt = tuple(doc.tgt[j].id for j in ab.tgt)
        new.append(kept.get((src, tgt)) or Bead(src, tgt, min(1.0, max(0.0, ab.confidence)), BeadStatus.AUTO))
    return Change(description, beads=Splice(0, tuple(doc.beads), tuple(new)))


def align_document(doc: AlignmentDocument, *, mode: str = "best", keep_fixed: bool = True,
                   progress: ProgressCallback | None = None,
                   should_stop: StopCallback | None = None) -> Change:
    """Run the engine over the document (keeping confirmed/edited beads when `keep_fixed`); return the Change.

    Pure with respect to `doc`: it reads copies of the texts, so a worker thread can run it.
    """
    src = [s.text for s in doc.src]
    tgt = [t.text for t in doc.tgt]
    aligned = alignment.align(src, tgt,
                              src_paragraphs=[s.paragraph for s in doc.src],
                              tgt_paragraphs=[t.paragraph for t in doc.tgt],
                              fixed=fixed_spans(doc) if keep_fixed else (),
                              mode=mode, progress=progress, should_stop=should_stop)
    return alignment_change(doc, aligned, "Re-align the rest" if keep_fixed and any(
        b.is_fixed for b in doc.beads) else "Align")
