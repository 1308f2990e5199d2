"""Documents and readers shared by the exchange-format tests."""

from __future__ import annotations

import io

from editor.bitext.document import AlignmentDocument, Bead, BeadStatus, DocumentMeta, Segment
from editor.exporting import ExportOptions, ExportReport, exporter_for

# Every kind of bead (1-1, 2-1, 1-0, 0-1, 1-2), every status, a low confidence, markup characters,
# an astral character (𠀀, U+20000) and sentences in several paragraphs.
SRC = [
    Segment(0, "今天天气很好。", 0),
    Segment(1, "我们明天去北京。", 0),
    Segment(2, "价格<100元&含税。", 1),
    Segment(3, "附言：汉字𠀀。", 1),
    Segment(4, "没有译文的句子。", 2),
    Segment(5, "他说：“好。”", 3),
]
TGT = [
    Segment(6, "The weather is nice today.", 0),
    Segment(7, "We are going to Beijing tomorrow.", 0),
    Segment(8, "Price <100 yuan & tax included; P.S. the character 𠀀.", 1),
    Segment(9, "An English sentence without Chinese.", 2),
    Segment(10, "He said:", 3),
    Segment(11, "\"Fine.\"", 3),
]
BEADS = [
    Bead((0,), (6,), 1.0, BeadStatus.CONFIRMED),
    Bead((1,), (7,), 0.9, BeadStatus.AUTO),
    Bead((2, 3), (8,), 0.3, BeadStatus.AUTO),
    Bead((4,), (), 0.0, BeadStatus.AUTO),
    Bead((), (9,), 0.0, BeadStatus.AUTO),
    Bead((5,), (10, 11), 1.0, BeadStatus.EDITED),
]


def rich_document() -> AlignmentDocument:
    doc = AlignmentDocument(SRC, TGT, BEADS, DocumentMeta(src_lang="zh-CN", tgt_lang="en-US",
                                                          src_file="/home/ann/texts/新闻.txt",
                                                          tgt_file="/home/ann/texts/news.txt"))
    doc.check()
    return doc


def control_char_document() -> AlignmentDocument:
    """Two beads whose texts hold characters XML 1.0 forbids (U+0001, U+001F, U+FFFF)."""
    src = [Segment(0, "控制\x01字符。", 0), Segment(1, "第二\uffff句。", 0)]
    tgt = [Segment(2, "Control\x1f character.", 0), Segment(3, "Second sentence.", 0)]
    return AlignmentDocument(src, tgt, [Bead((0,), (2,), 0.8), Bead((1,), (3,), 0.7)])


def export_bytes(doc: AlignmentDocument, suffix: str, **options) -> tuple[bytes, ExportReport]:
    out = io.BytesIO()
    report = exporter_for(f"out{suffix}")(doc, out, ExportOptions(**options))
    return out.getvalue(), report


def bead_view(doc: AlignmentDocument, *, linked_only: bool = False) -> list[tuple]:
    """Each bead as (source sentences with paragraphs, target sentences with paragraphs, confidence, status):
    what a lossless round trip must keep, independent of segment ids."""
    view = []
    for bead in doc.beads:
        if linked_only and not (bead.src and bead.tgt):
            continue
        view.append((tuple((doc.segment(i).text, doc.segment(i).paragraph) for i in bead.src),
                     tuple((doc.segment(i).text, doc.segment(i).paragraph) for i in bead.tgt),
                     round(bead.confidence, 4), bead.status))
    return view


def linked_pairs(doc: AlignmentDocument) -> list[tuple[str, str]]:
    return [doc.bead_texts(b) for b in doc.beads if b.src and b.tgt]


def all_pairs(doc: AlignmentDocument) -> list[tuple[str, str]]:
    return [doc.bead_texts(b) for b in doc.beads]
