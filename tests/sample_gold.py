"""The hand-made gold alignment of the bundled sample (tests/data/sample-mixed.gold.json) and comparisons with it.

Links are compared by their sentence texts, side by side, so a document built by any route (the CLI, the
editor, a project file) can be held against the gold. The sample has no repeated sentence.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from editor.bitext.document import AlignmentDocument
from tests.conftest import REPO

GOLD_PATH = REPO / "tests" / "data" / "sample-mixed.gold.json"

Link = tuple[tuple[str, ...], tuple[str, ...]]


@dataclass(frozen=True)
class Gold:
    links: tuple[Link, ...]
    paragraphs: tuple[int, ...]             # the paragraph (per language, from 0) of each link

    def sentences(self, side: str) -> list[tuple[str, int]]:
        """The gold sentences of one side ("zh" or "en") as (text, paragraph), in order."""
        k = 0 if side == "zh" else 1
        return [(text, para) for link, para in zip(self.links, self.paragraphs) for text in link[k]]


@lru_cache(maxsize=1)
def sample_gold() -> Gold:
    data = json.loads(GOLD_PATH.read_text(encoding="utf-8"))
    links = tuple((tuple(link["zh"]), tuple(link["en"])) for link in data["links"])
    return Gold(links, tuple(link["paragraph"] for link in data["links"]))


def document_links(doc: AlignmentDocument) -> list[Link]:
    """The document's beads as (Chinese sentence texts, English sentence texts)."""
    src = {s.id: s.text for s in doc.src}
    tgt = {s.id: s.text for s in doc.tgt}
    return [(tuple(src[i] for i in b.src), tuple(tgt[i] for i in b.tgt)) for b in doc.beads]


def document_sentences(doc: AlignmentDocument, side: str) -> list[tuple[str, int]]:
    """One side's sentences as (text, paragraph)."""
    return [(s.text, s.paragraph) for s in (doc.src if side == "zh" else doc.tgt)]


def strict_scores(doc: AlignmentDocument, gold: Gold | None = None) -> tuple[float, float, float]:
    """(precision, recall, F1) of the document's links against the gold, a link counting only if exactly right
    (the strict measure of bench_align.py and the Vecalign/Bertalign papers)."""
    gold = gold or sample_gold()
    ours, right = document_links(doc), set(gold.links)
    hits = sum(1 for link in ours if link in right)
    precision, recall = hits / len(ours), hits / len(gold.links)
    return precision, recall, (2 * precision * recall / (precision + recall) if hits else 0.0)


def assert_is_the_gold(doc: AlignmentDocument) -> None:
    """The document holds exactly the gold's sentences and links (a readable diff when not)."""
    gold = sample_gold()
    assert document_sentences(doc, "zh") == gold.sentences("zh")
    assert document_sentences(doc, "en") == gold.sentences("en")
    assert document_links(doc) == list(gold.links)
