"""The "best" mode end to end: fixed beads, paragraph-first alignment, regions, confidences and progress."""

from __future__ import annotations

import contextlib
from typing import Sequence

from editor.alignment import AlignedBead, FixedSpan, ProgressCallback, StopCallback, regions
from editor.alignment.engine import (RawBead, Resources, align_region, one_blas_thread, path_confidence_inputs,
                                     path_confidences, resources, score_path)
from editor.alignment.scoring import text_length
from editor.alignment.lexicon import clean_chinese


def align_best(src: Sequence[str], tgt: Sequence[str], *,
               src_paragraphs: Sequence[int] | None = None, tgt_paragraphs: Sequence[int] | None = None,
               fixed: Sequence[FixedSpan] = (),
               progress: ProgressCallback | None = None,
               should_stop: StopCallback | None = None,
               res: Resources | None = None,
               timings: dict | None = None, raw_out: list | None = None) -> list[AlignedBead]:
    """Align with the dictionary, sentence embeddings (when installed) and lengths; see `editor.alignment.align`.
    `raw_out` (for measurement and fitting) receives, for each bead, the confidence model's inputs (None for a
    fixed bead)."""
    from editor import timings as phase_timer

    measured: dict = {}
    res = res or resources()
    # a long text: each token's context-free embedding part computed once for the whole alignment (the same
    # numbers; embedding.KEEP_TABLES_MIN_SENTENCES)
    keep = getattr(res.encoder, "keep_token_tables", None)
    if keep is None or len(src) + len(tgt) < getattr(res.encoder, "KEEP_TABLES_MIN_SENTENCES", 0):
        keep = contextlib.nullcontext
    try:
        with one_blas_thread(), keep():
            return _align_best(src, tgt, src_paragraphs, tgt_paragraphs, fixed, progress, should_stop,
                               res, measured, raw_out)
    finally:
        for name, seconds in measured.items():
            phase_timer.add(name, seconds)
            if timings is not None:
                timings[name] = timings.get(name, 0.0) + seconds


def _align_best(src, tgt, src_paragraphs, tgt_paragraphs, fixed, progress, should_stop, res, timings, raw_out=None):
    ratio = (sum(text_length(t) for t in tgt) or 1) / (sum(text_length(clean_chinese(s)) for s in src) or 1)
    total = max(1, len(src) + len(tgt))
    found: list[tuple[RawBead, bool]] = []          # (bead in whole-text positions, fixed)
    one_pass = True                                 # the path is one lattice's over the whole text
    for span, is_fixed in regions(len(src), len(tgt), fixed):
        if is_fixed:
            found.append((RawBead(span.src_start, span.src_end, span.tgt_start, span.tgt_end, 0.0), True))
            one_pass = False
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
        else:
            one_pass = False
        for b in beads:
            b.s0, b.s1, b.t0, b.t1 = b.s0 + span.src_start, b.s1 + span.src_start, \
                b.t0 + span.tgt_start, b.t1 + span.tgt_start
            found.append((b, False))
    if not one_pass and found:
        # paragraph pairs first, or fixed links: weigh the path in one lattice over the whole text, so no
        # link is surer because a paragraph pairing or an anchor was taken as certain (engine.score_path)
        rescored = score_path(src, tgt, ratio, res, [(b.s0, b.s1, b.t0, b.t1) for b, _ in found],
                              should_stop=should_stop, timings=timings)
        found = [(r, f) for r, (_, f) in zip(rescored, found)]
    for b, is_fixed in found:
        if is_fixed and "posterior" not in b.features:
            b.features.update({"type": (b.s1 - b.s0, b.t1 - b.t0), "posterior": 1.0, "boundary": 1.0})
    beads = [b for b, _ in found]
    confs = path_confidences(beads, res.encoder is not None)
    inputs = path_confidence_inputs(beads) if raw_out is not None else None
    out: list[AlignedBead] = []
    for k, (b, is_fixed) in enumerate(found):
        conf = 1.0 if is_fixed else round(confs[k], 4)
        out.append(AlignedBead(tuple(range(b.s0, b.s1)), tuple(range(b.t0, b.t1)), conf, b.gain))
        if raw_out is not None:
            raw_out.append(None if is_fixed else inputs[k])
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
    spans = []
    for pb in pbeads:
        s0 = zr[pb.s0][0] if pb.s1 > pb.s0 else (zr[pb.s0][0] if pb.s0 < len(zr) else len(src))
        s1 = zr[pb.s1 - 1][1] if pb.s1 > pb.s0 else s0
        t0 = er[pb.t0][0] if pb.t1 > pb.t0 else (er[pb.t0][0] if pb.t0 < len(er) else len(tgt))
        t1 = er[pb.t1 - 1][1] if pb.t1 > pb.t0 else t0
        spans.append([s0, s1, t0, t1])
    spans = _skips_joined_to_links(spans)
    if spans is None:
        return None
    out = []
    total = max(1, len(src) + len(tgt))
    for group in _lattices(spans):
        s0, t0, s1, t1 = group[0][0], group[0][2], group[-1][1], group[-1][3]
        blocks = None if len(group) == 1 else [(a - s0, b - s0, c - t0, d - t0) for a, b, c, d in group]
        inner = align_region(src[s0:s1], tgt[t0:t1], ratio, res, should_stop=should_stop, timings=timings,
                             blocks=blocks)
        for b in inner:
            b.s0, b.s1, b.t0, b.t1 = b.s0 + s0, b.s1 + s0, b.t0 + t0, b.t1 + t0
            out.append(b)
        if progress is not None:
            progress((s1 + t1) / total)
    return out


#: a paragraph pair with more sentences than this on a side is aligned on its own (with enough sentences for
#: statistics of its own): a lattice of paragraph pairs is as wide as its widest pair, and up to this width it
#: is no wider than the band of a pre-segmented alignment (17-47 target sentences on MAC-dev's chapters)
BLOCK_SIDE_MAX = 50


def _lattices(spans: list[list[int]]) -> list[list[list[int]]]:
    """The paragraph pairs in groups aligned in one lattice each (engine.align_region's `blocks`): consecutive
    pairs up to CHUNK sentences a side, so the sentences of a paragraph pair are scored with the statistics
    of the text around it (similarity margins, document frequencies, which lines are headlines), not of a few
    sentences; a large pair alone."""
    from editor.alignment.engine import CHUNK

    groups: list[list[list[int]]] = []
    takes_more = False                          # the last group may take the next pair
    for span in spans:
        big = max(span[1] - span[0], span[3] - span[2]) > BLOCK_SIDE_MAX
        if takes_more and not big and max(span[1] - groups[-1][0][0], span[3] - groups[-1][0][2]) <= CHUNK:
            groups[-1].append(span)
        else:
            groups.append([span])
        takes_more = not big
    return groups


def _skips_joined_to_links(spans: list[list[int]]) -> list[list[int]] | None:
    """Sentence ranges to align from the paragraph beads, with each run of one-sided paragraph beads (paragraphs
    with no counterpart) joined to the linked ones on both sides of it: whether a paragraph is really untranslated
    is decided sentence by sentence, where the skip costs are made for. A paragraph's evidence is a ratio over its
    whole length, so a long paragraph looks cheap to skip at paragraph level (a news text as three long paragraphs
    came out with every sentence unlinked). Both sides, because a paragraph that moved (a headline put after the
    lead in the translation) makes a crossing the paragraph lattice can only cut as skip, link, skip: joined only
    to the next link, the headlines were linked and the lead paragraphs on both sides left unlinked, five good
    pairs lost for one (an X11 audit). None when no paragraph is linked."""
    out: list[list[int]] = []
    current: list[int] | None = None
    open_run = False                    # the current range ends with one-sided beads: the next link joins it
    linked = False
    for s0, s1, t0, t1 in spans:
        one_sided = s0 == s1 or t0 == t1
        linked |= not one_sided
        if current is None:
            current, open_run = [s0, s1, t0, t1], one_sided
        elif one_sided or open_run:
            current = [current[0], s1, current[2], t1]
            open_run = one_sided
        else:
            out.append(current)
            current, open_run = [s0, s1, t0, t1], False
    if not linked:
        return None
    if current is not None:
        out.append(current)
    return out
