"""Property: for any document, export -> import gives back the same sentences, links, statuses and paragraphs."""

import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.bitext.document import AlignmentDocument, Bead, BeadStatus, DocumentMeta, Segment
from editor.exchange.opening import load_alignment
from tests.exchange.documents import bead_view, export_bytes

# Markup, quotes, CJK, an astral character, inner spaces and line breaks; no characters XML forbids.
ZH = st.text(st.sampled_from(list("汉字的一是<&>\"'。，𠀀 \n\r")), min_size=1, max_size=12)
EN = st.text(st.sampled_from(list("abcXYZ <&>\"'.,𠀀\t\n")), min_size=1, max_size=20)


@st.composite
def documents(draw) -> AlignmentDocument:
    zh = [t.strip() for t in draw(st.lists(ZH, min_size=1, max_size=6)) if t.strip()] or ["中文。"]
    en = [t.strip() for t in draw(st.lists(EN, min_size=1, max_size=6)) if t.strip()] or ["English."]
    src = [Segment(i, t, i // 2) for i, t in enumerate(zh)]
    tgt = [Segment(len(zh) + j, t, j // 3) for j, t in enumerate(en)]
    beads, i, j = [], 0, 0
    while i < len(src) or j < len(tgt):
        take_src = draw(st.integers(0 if j < len(tgt) else 1, min(2, len(src) - i)))
        take_tgt = draw(st.integers(0 if take_src else 1, min(2, len(tgt) - j)))
        if take_src + take_tgt == 0:
            take_src, take_tgt = (1, 0) if i < len(src) else (0, 1)
        status = draw(st.sampled_from(list(BeadStatus)))
        confidence = draw(st.sampled_from([0.0, 0.25, 0.5, 0.875, 1.0]))
        beads.append(Bead(tuple(s.id for s in src[i:i + take_src]), tuple(t.id for t in tgt[j:j + take_tgt]),
                          confidence, status))
        i, j = i + take_src, j + take_tgt
    doc = AlignmentDocument(src, tgt, beads, DocumentMeta())
    doc.check()
    return doc


def reimport(doc: AlignmentDocument, suffix: str, **options) -> AlignmentDocument:
    data, _ = export_bytes(doc, suffix, **options)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"x{suffix}"
        path.write_bytes(data)
        return load_alignment(path)


def texts(doc: AlignmentDocument) -> list[tuple[str, str]]:
    return [doc.bead_texts(b) for b in doc.beads]


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(documents())
def test_xliff_1_2_and_2_0_round_trips_are_lossless(doc):
    assert bead_view(reimport(doc, ".xlf")) == bead_view(doc)
    assert bead_view(reimport(doc, ".xliff", xliff_version="2.0")) == bead_view(doc)


@SETTINGS
@given(documents())
def test_tmx_round_trip_is_lossless_for_linked_beads(doc):
    if any(b.src and b.tgt for b in doc.beads):
        # TMX writes tabs and line breaks inside a segment as spaces (documented in exporting/tmx.py)
        spaced = [tuple(tuple((re.sub(r"[\t\n\r]", " ", t), p) for t, p in side) if i < 2 else side
                        for i, side in enumerate(bead)) for bead in bead_view(doc, linked_only=True)]
        assert bead_view(reimport(doc, ".tmx")) == spaced


@SETTINGS
@given(documents())
def test_table_round_trips_keep_every_bead_text_status_and_confidence(doc):
    for suffix in (".tsv", ".xlsx"):
        back = reimport(doc, suffix)
        assert texts(back) == texts(doc), suffix
        assert [(b.status, b.confidence) for b in back.beads] == [(b.status, b.confidence) for b in doc.beads]
