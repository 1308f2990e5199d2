"""Random but reproducible edits for journal tests: a document to start from and one edit at a time."""

from __future__ import annotations

import random
from dataclasses import replace

from editor.bitext import edits
from editor.bitext.review import Mark
from editor.bitext.document import AlignmentDocument, Bead, BeadStatus, Change, Side
from editor.errors import InvalidEditError


def start_document(n: int = 12) -> AlignmentDocument:
    """Return an aligned document of n Chinese and n English sentences (1-1 beads)."""
    doc = AlignmentDocument.from_texts([(f"第{i}句中文，天气很好。", i // 3) for i in range(n)],
                                       [(f"English sentence number {i}, the weather is fine.", i // 3)
                                        for i in range(n)])
    doc.beads = [Bead((doc.src[i].id,), (doc.tgt[i].id,), round(0.3 + 0.05 * i, 3), BeadStatus.AUTO)
                 for i in range(n)]
    doc.src[2] = replace(doc.src[2], marks=(Mark.GARBLED,))      # an import warning travels in the journal too
    doc.meta.src_file = "/texts/天气.txt"
    doc.check()
    return doc


def random_change(doc: AlignmentDocument, rng: random.Random) -> Change:
    """Return an edit that applies to `doc` (tries kinds of edit until one fits)."""
    for _ in range(200):
        kind = rng.choice(("confirm", "unlink", "merge", "boundary", "text", "split", "merge_seg", "insert",
                           "delete", "link"))
        try:
            k = rng.randrange(len(doc.beads))
            side = rng.choice((Side.SRC, Side.TGT))
            segs = doc.segments(side)
            seg = rng.choice(segs) if segs else None
            if kind == "confirm":
                return edits.confirm(doc, k)
            if kind == "unlink":
                return edits.unlink(doc, k)
            if kind == "merge" and k + 1 < len(doc.beads):
                return edits.merge_beads(doc, k, k + 1)
            if kind == "boundary":
                return edits.shift_boundary(doc, k, side, rng.choice((-1, 1)))
            if kind == "text" and seg is not None:
                # Astral, control and lone-surrogate characters must survive the journal too.
                extra = rng.choice(("𠀀", "\t", "\ud800", "é", "&<>", "改"))
                return edits.edit_text(doc, seg.id, seg.text + extra)
            if kind == "split" and seg is not None and len(seg.text) > 4:
                return edits.split_segment(doc, seg.id, rng.randrange(2, len(seg.text) - 1))
            if kind == "merge_seg" and seg is not None:
                return edits.merge_segments(doc, seg.id)
            if kind == "insert":
                return edits.insert_segment(doc, side, rng.randrange(len(segs) + 1), f"新句子 {rng.random():.3f}")
            if kind == "delete" and seg is not None and len(segs) > 2:
                return edits.delete_segment(doc, seg.id)
            if kind == "link" and doc.src and doc.tgt:
                return edits.link(doc, [rng.choice(doc.src).id], [rng.choice(doc.tgt).id])
        except InvalidEditError:
            continue
    raise AssertionError("no edit applies")
