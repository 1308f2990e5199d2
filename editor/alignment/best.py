"""The "best" mode end to end: fixed beads, paragraph-first alignment, regions, confidences and progress."""

from __future__ import annotations

from typing import Sequence

from editor.alignment import AlignedBead, FixedSpan, ProgressCallback, StopCallback, regions
from editor.alignment.engine import Resources, align_region, confidence, one_blas_thread, resources
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
    from editor import timings as phase_timer

    measured: dict = {}
    try:
        with one_blas_thread():
            return _align_best(src, tgt, src_paragraphs, tgt_paragraphs, fixed, progress, should_stop,
                               res or resources(), measured)
    finally:
        for name, seconds in measured.items():
            phase_timer.add(name, seconds)
            if timings is not None:
                timings[name] = timings.get(name, 0.0) + seconds


def _align_best(src, tgt, src_paragraphs, tgt_paragraphs, fixed, progress, should_stop, res, timings):
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

        sub_src, sub_tgt = src[span.src_start:span.src_end], tgt[span.tgt_start:span.tgt_end]
        beads = None
        if src_paragraphs is not None and tgt_paragraphs is not None:
            beads = _paragraphs_first(sub_src, sub_tgt, src_paragraphs[span.src_start:span.src_end],
                                      tgt_paragraphs[span.tgt_start:span.tgt_end], ratio, res,
                                      should_stop, sub_progress, timings)
        if beads is None:
            beads = align_region(sub_src, sub_tgt, ratio, res,
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


def paragraph_runs(paragraphs: Sequence[int]) -> list[tuple[int, int]]:
    """Half-open sentence ranges of consecutive sentences sharing a paragraph number."""
    runs: list[tuple[int, int]] = []
    for k, p in enumerate(paragraphs):
        if runs and paragraphs[runs[-1][0]] == p:
            runs[-1] = (runs[-1][0], k + 1)
        else:
            runs.append((k, k + 1))
    return runs


def _paragraphs_first(src, tgt, src_par, tgt_par, ratio, res, should_stop, progress, timings):
    """Align paragraphs, then sentences inside each paragraph bead; None when paragraphs add nothing
    (one side has a single paragraph, or every paragraph on both sides is a single sentence)."""
    zr, er = paragraph_runs(src_par), paragraph_runs(tgt_par)
    if len(zr) < 2 or len(er) < 2 or (len(zr) == len(src) and len(er) == len(tgt)):
        return None
    ztexts = ["".join(src[a:b]) for a, b in zr]
    etexts = [" ".join(tgt[a:b]) for a, b in er]
    pbeads = align_region(ztexts, etexts, ratio, res, should_stop=should_stop, timings=timings)
    out = []
    total = max(1, len(src) + len(tgt))
    for pb in pbeads:
        s0 = zr[pb.s0][0] if pb.s1 > pb.s0 else (zr[pb.s0][0] if pb.s0 < len(zr) else len(src))
        s1 = zr[pb.s1 - 1][1] if pb.s1 > pb.s0 else s0
        t0 = er[pb.t0][0] if pb.t1 > pb.t0 else (er[pb.t0][0] if pb.t0 < len(er) else len(tgt))
        t1 = er[pb.t1 - 1][1] if pb.t1 > pb.t0 else t0
        inner = align_region(src[s0:s1], tgt[t0:t1], ratio, res, should_stop=should_stop, timings=timings)
        for b in inner:
            b.s0, b.s1, b.t0, b.t1 = b.s0 + s0, b.s1 + s0, b.t0 + t0, b.t1 + t0
            out.append(b)
        if progress is not None:
            progress((s1 + t1) / total)
    return out
