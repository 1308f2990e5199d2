"""The "best" mode end to end: fixed beads, paragraph-first alignment, regions, confidences and progress."""

from __future__ import annotations

from typing import Sequence

from editor.alignment import AlignedBead, FixedSpan, ProgressCallback, StopCallback, regions
from editor.alignment.engine import Resources, align_region, confidence, resources
from editor.alignment.scoring import text_length
from editor.alignment.lexicon import clean_chinese


def align_best(src: Sequence[str], tgt: Sequence[str], *,
               src_paragraphs: Sequence[int] | None = None, tgt_paragraphs: Sequence[int] | None = None,
               fixed: Sequence[FixedSpan] = (),
               progress: ProgressCallback | None = None,
               should_stop: StopCallback | None = None,
               res: Resources | None = None,
               timings: dict | None = None) -> list[AlignedBead]:
    """Align with the dictionary, sentence embeddings (when installed) and lengths; see `editor.alignment.align`."""
    res = res or resources()
    ratio = (sum(text_length(t) for t in tgt) or 1) / (sum(text_length(clean_chinese(s)) for s in src) or 1)
    total = max(1, len(src) + len(tgt))
    out: list[AlignedBead] = []
    for span, is_fixed in regions(len(src), len(tgt), fixed):
        if is_fixed:
            out.append(AlignedBead(tuple(range(span.src_start, span.src_end)),
                                   tuple(range(span.tgt_start, span.tgt_end)), 1.0))
            continue
        done0 = (span.src_start + span.tgt_start) / total
        share = (span.src_end - span.src_start + span.tgt_end - span.tgt_start) / total

        def sub_progress(f: float, done0=done0, share=share) -> None:
            if progress is not None:
                progress(min(1.0, done0 + share * f))

        beads = align_region(src[span.src_start:span.src_end], tgt[span.tgt_start:span.tgt_end], ratio, res,
                             should_stop=should_stop, progress=sub_progress, timings=timings)
        for b in beads:
            out.append(AlignedBead(tuple(range(span.src_start + b.s0, span.src_start + b.s1)),
                                   tuple(range(span.tgt_start + b.t0, span.tgt_start + b.t1)),
                                   round(confidence(b, res.encoder is not None), 4), b.gain))
    if progress is not None:
        progress(1.0)
    return out


def align_region_beads(src: Sequence[str], tgt: Sequence[str], res: Resources):
    """The engine's raw beads (with their score terms) for a whole text without fixed beads: for fitting."""
    ratio = (sum(text_length(t) for t in tgt) or 1) / (sum(text_length(clean_chinese(s)) for s in src) or 1)
    return align_region(src, tgt, ratio, res)
