"""The document itself: segments with stable ids, beads, reversible edits and the project file (Qt-free)."""

from editor.bitext.document import (
    AlignmentDocument, Bead, BeadStatus, Change, DocumentMeta, Segment, Side, Splice, join_segments,
)

__all__ = ["AlignmentDocument", "Bead", "BeadStatus", "Change", "DocumentMeta", "Segment", "Side", "Splice",
           "join_segments"]
