"""The alignment engine (Qt-free, no I/O): sentence lists in, beads of positions with a confidence out.

Vocabulary, written once here:

- **bead**: source sentences linked with target sentences. One half may be empty (a 1-0 or 0-1
  *skip*), but not both. An **alignment** is an ordered list of beads that covers every sentence
  exactly once, in order.
- **score**: log-probability. Higher is better, and 0.0 means certain.
- **confidence**: the engine's estimate, in [0, 1], that a bead is exactly right.
- The engine's beads hold **positions** (0-based indices into the lists it was given); the document's
  segments have stable ids, and `editor.workflow` is where positions become ids.
- `src`/`tgt` in code everywhere; `zh`/`en` only in language-specific code.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

from editor.errors import AlignmentCancelled


@dataclass(frozen=True, slots=True)
class AlignedBead:
    """Source positions `src` align with target positions `tgt`."""

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    confidence: float
    score: float = 0.0


@dataclass(frozen=True, slots=True)
class FixedSpan:
    """A bead the user vouched for, as half-open position ranges; an empty side has start == end
    (where it sits between the other side's sentences)."""

    src_start: int
    src_end: int
    tgt_start: int
    tgt_end: int


ProgressCallback = Callable[[float], None]   # fraction done, 0.0 .. 1.0
StopCallback = Callable[[], bool]             # True: stop now (raises AlignmentCancelled)

MODES = ("length", "fast", "best")


def align(src: Sequence[str], tgt: Sequence[str], *,
          src_paragraphs: Sequence[int] | None = None, tgt_paragraphs: Sequence[int] | None = None,
          fixed: Sequence[FixedSpan] = (),
          mode: str = "best",
          progress: ProgressCallback | None = None,
          should_stop: StopCallback | None = None) -> list[AlignedBead]:
    """Align two sentence lists and return beads covering both, in order.

    Args:
        src_paragraphs / tgt_paragraphs: paragraph number of each sentence (soft anchors), or None.
        fixed: beads that must appear unchanged in the result, in order; the engine aligns only
            the gaps between them (anchored re-alignment). See `regions()`.
        mode: "best" (dictionary + sentence embeddings + length; without the embedding package, dictionary +
            length, and `preload()` says so), "fast" (dictionary + length, no embeddings: a few times quicker)
            or "length" (lengths only, Gale–Church: the baseline, instant but often wrong).
    Raises:
        AlignmentCancelled when `should_stop()` returns True.
    """
    if mode not in MODES:
        raise ValueError(f"unknown alignment mode {mode!r}; expected one of {MODES}")
    if mode == "length":
        from editor.alignment.length import align_by_length

        return align_by_length(src, tgt, fixed=fixed, progress=progress, should_stop=should_stop)
    from editor.alignment.best import align_best
    from editor.alignment.engine import resources

    return align_best(src, tgt, src_paragraphs=src_paragraphs, tgt_paragraphs=tgt_paragraphs, fixed=fixed,
                      progress=progress, should_stop=should_stop, res=resources(use_embeddings=(mode == "best")))


def preload(mode: str = "best") -> list[str]:
    """Load what `mode` needs (dictionary, jieba, the embedding model: a few seconds the first time) so the
    first alignment starts at once; call it from a worker thread. Returns notes for the user, e.g. that
    embeddings are unavailable and the engine falls back to the dictionary and lengths."""
    if mode == "length":
        return []
    from editor.alignment.engine import resources

    res = resources(use_embeddings=(mode == "best"))
    res.lexicon.warm_up()
    if res.encoder is not None:
        res.encoder.load()
    return list(res.notes)


def regions(n_src: int, n_tgt: int, fixed: Sequence[FixedSpan]) -> list[tuple[FixedSpan, bool]]:
    """Cut 0..n_src x 0..n_tgt into consecutive spans: (span, True) for a fixed bead, (span, False) for a
    gap to align. Empty gaps are left out. Raises ValueError if the fixed spans overlap or go backwards."""
    out: list[tuple[FixedSpan, bool]] = []
    i = j = 0
    for span in fixed:
        if span.src_start < i or span.tgt_start < j or span.src_end < span.src_start or span.tgt_end < span.tgt_start:
            raise ValueError("fixed beads overlap or are out of order")
        if span.src_start > i or span.tgt_start > j:
            out.append((FixedSpan(i, span.src_start, j, span.tgt_start), False))
        out.append((span, True))
        i, j = span.src_end, span.tgt_end
    if i > n_src or j > n_tgt:
        raise ValueError("fixed beads reach past the end of the text")
    if i < n_src or j < n_tgt:
        out.append((FixedSpan(i, n_src, j, n_tgt), False))
    return out


__all__ = ["MODES", "AlignedBead", "AlignmentCancelled", "FixedSpan", "align", "preload", "regions"]
