"""One confidence for every path (issue 20): a link's confidence carries the paragraph pairing and the anchors
behind it, so the review list holds on plain files as on pre-segmented ones, and Re-align the Rest hides no
error from it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from editor.alignment import align
from editor.bitext.document import AlignmentDocument, Bead, BeadStatus, Segment
from editor.bitext.review import ReviewPolicy
from editor.workflow import align_document

from tests.conftest import need_shared

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))


def _chapters(names):
    from bench_review import join, load_set, plain_paragraphs

    root = need_shared("bench", "mac-dev")
    docs = [d for d in load_set(root.parents[1], "mac-dev") if d[0] in names]
    paras = [plain_paragraphs(g, f"mac-dev/{name}") for name, _, _, g in docs]
    return join(docs, paras)


def _triage(zh, en, gold, beads):
    """(marked share, caught share) of the review policy over engine beads (positions)."""
    doc = _doc(zh, en, [(b.src, b.tgt, b.confidence, BeadStatus.AUTO) for b in beads])
    policy = ReviewPolicy.for_document(doc)
    gs = set(gold)
    flags = policy.doubtful_flags(doc)
    wrong = [(b.src, b.tgt) not in gs for b in beads]
    return sum(flags) / len(flags), sum(f and w for f, w in zip(flags, wrong)) / max(1, sum(wrong))


def _doc(zh, en, beads) -> AlignmentDocument:
    n = len(zh)
    return AlignmentDocument([Segment(i, t, 0) for i, t in enumerate(zh)],
                             [Segment(n + j, t, 0) for j, t in enumerate(en)],
                             [Bead(tuple(s), tuple(n + j for j in t), c, st) for s, t, c, st in beads])


@pytest.mark.shared
@pytest.mark.slow
def test_a_book_of_dev_chapters_read_as_plain_paragraphs_is_triaged_as_pre_segmented():
    zh, en, gold, zp, ep, _ = _chapters({"005", "006"})
    pre = align(zh, en, mode="best")
    plain = align(zh, en, src_paragraphs=zp, tgt_paragraphs=ep, mode="best")
    marked_pre, caught_pre = _triage(zh, en, gold, pre)
    marked_plain, caught_plain = _triage(zh, en, gold, plain)
    assert abs(marked_plain - marked_pre) <= 0.05 and abs(caught_plain - caught_pre) <= 0.05
    assert caught_plain >= 0.85                     # the paragraph step no longer hides the errors (was 3 %)
    by_link = {(b.src, b.tgt): b.confidence for b in pre}
    common = [(by_link[(b.src, b.tgt)], b.confidence) for b in plain if (b.src, b.tgt) in by_link and b.src and b.tgt]
    assert len(common) >= 0.9 * len(plain)
    # the issue asks for every link within 0.05; measured: 372 of 374 here (the other two 0.053 and 0.063),
    # 99.0 % over MAC-dev's plain chapters (bench_review.py)
    assert sum(abs(a - b) <= 0.05 for a, b in common) >= 0.99 * len(common)
    assert all(abs(a - b) <= 0.1 for a, b in common)


def _fix_one_region(doc: AlignmentDocument, gold, policy):
    """Replace the engine's links of the first region holding a doubtful wrong link by the gold links there,
    confirmed (what a translator does); return the document's beads after it."""
    n = len(doc.src)
    eng = [(tuple(doc.positions(b)[0]), tuple(j for j in doc.positions(b)[1])) for b in doc.beads]
    # cut points where engine and gold agree on a boundary
    def cuts(beads):
        out, i, j = {(0, 0): 0}, 0, 0
        for k, (s, t) in enumerate(beads):
            i, j = i + len(s), j + len(t)
            out[(i, j)] = k + 1
        return out
    ce, cg = cuts(eng), cuts(gold)
    common = sorted(set(ce) & set(cg))
    gs = set(gold)
    for a, b in zip(common, common[1:]):
        ka, kb = ce[a], ce[b]
        if any(eng[k] not in gs and policy.is_doubtful(doc, doc.beads[k]) for k in range(ka, kb)):
            fixed = [Bead(tuple(s), tuple(n + j for j in t), 1.0, BeadStatus.CONFIRMED) for s, t in gold[cg[a]:cg[b]]]
            return doc.beads[:ka] + fixed + doc.beads[kb:]
    raise AssertionError("no doubtful wrong link in the chapter")


@pytest.mark.shared
@pytest.mark.slow
def test_re_align_the_rest_around_a_fixed_link_hides_no_unreviewed_wrong_link():
    from bench_review import load_set

    root = need_shared("bench", "mac-dev")
    name, zh, en, gold = next(d for d in load_set(root.parents[1], "mac-dev") if d[0] == "006")
    beads = align(zh, en, mode="best")
    doc = _doc(zh, en, [(b.src, b.tgt, b.confidence, BeadStatus.AUTO) for b in beads])
    policy = ReviewPolicy.for_document(doc)
    doc = AlignmentDocument(doc.src, doc.tgt, _fix_one_region(doc, gold, policy))
    gs = set(gold)

    def wrong_auto(d):
        """{link: doubtful} of the unreviewed links that are not gold links."""
        out = {}
        for b in d.beads:
            s, t = d.positions(b)
            if not b.is_fixed and (s, tuple(j for j in t)) not in gs and s and t:
                out[(s, t)] = policy.is_doubtful(d, b)
        return out

    before = wrong_auto(doc)
    doc.apply(align_document(doc, keep_fixed=True))
    after = wrong_auto(doc)
    assert any(b.is_fixed for b in doc.beads)
    hidden = [k for k, d in before.items() if d and k in after and not after[k]]
    assert hidden == []                             # no wrong link leaves the review list
    # and the re-alignment makes no more unflagged wrong links than there were
    assert sum(not d for d in after.values()) <= sum(not d for d in before.values())


def test_links_inside_paragraph_pairs_get_the_confidence_of_the_whole_text():
    """Without ../shared: a small text aligned paragraph-first and pre-segmented gives each link the same
    confidence (the paragraph pairing is weighed in the same lattice, not taken as certain)."""
    zh = ["今天天气很好。", "我们去公园散步。", "公园里有很多人。", "孩子们在放风筝。", "晚上我们回家吃饭。", "妈妈做了饺子。"]
    en = ["The weather is fine today.", "We go for a walk in the park.", "There are many people in the park.",
          "The children are flying kites.", "In the evening we go home for dinner.", "Mother made dumplings."]
    pre = align(zh, en, mode="fast")
    plain = align(zh, en, src_paragraphs=[0, 0, 1, 1, 2, 2], tgt_paragraphs=[0, 0, 1, 1, 2, 2], mode="fast")
    assert [(b.src, b.tgt) for b in plain] == [(b.src, b.tgt) for b in pre]
    assert all(abs(a.confidence - b.confidence) <= 0.05 for a, b in zip(pre, plain))


@pytest.mark.shared
@pytest.mark.slow
def test_a_chapter_keeps_its_confidences_and_verdicts_inside_a_book():
    """A chapter aligned alone and the same chapter inside a book (here two chapters, pre-segmented): the same
    link gets the same confidence within 0.05 and the same doubtful verdict. The issue asks it of every link;
    measured over MAC-dev's six-chapter book 99.6 % and 99.6 % (bench_review.py; the book is aligned in
    sections, engine.SECTION_MAX), 96.4 % and 94.9 % before the sections, 90.2 % and 94.5 % before the
    confidence's length terms were measured around the link (confidence.path_length_terms)."""
    from bench_review import load_set

    from editor.bitext.review import DEFAULT_THRESHOLD

    root = need_shared("bench", "mac-dev")
    docs = [d for d in load_set(root.parents[1], "mac-dev") if d[0] in {"005", "006"}]
    alone, i0, j0 = {}, 0, 0
    for _, zh, en, _ in docs:
        for b in align(zh, en, mode="best"):
            alone[(tuple(i + i0 for i in b.src), tuple(j + j0 for j in b.tgt))] = b.confidence
        i0, j0 = i0 + len(zh), j0 + len(en)
    book = align([s for d in docs for s in d[1]], [t for d in docs for t in d[2]], mode="best")
    common = [(alone[(b.src, b.tgt)], b.confidence) for b in book if (b.src, b.tgt) in alone and b.src and b.tgt]
    assert len(common) >= 0.9 * len(book)
    close = sum(abs(a - b) <= 0.05 for a, b in common) / len(common)
    same = sum((a < DEFAULT_THRESHOLD) == (b < DEFAULT_THRESHOLD) for a, b in common) / len(common)
    assert close >= 0.95 and same >= 0.93, (close, same)


@pytest.mark.shared
@pytest.mark.slow
def test_chapters_read_from_one_mixed_file_each_are_triaged_as_pre_segmented():
    """Each MAC-dev chapter written as one interleaved bilingual file (Chinese paragraph, then English
    paragraph), read by the mixed-file importer and aligned as the editor does: marked and caught shares over
    the six chapters within 5 points of the pre-segmented chapters' (a single chapter has 10-30 wrong links: one
    link is several points), and the links they share keep their confidence and verdict."""
    from bench_review import _document, load_set, mixed_file, plain_paragraphs, triage

    from editor.bitext.review import DEFAULT_THRESHOLD

    root = need_shared("bench", "mac-dev")
    mixed, pre_items, common = [], [], []
    for name, zh, en, gold in load_set(root.parents[1], "mac-dev"):
        zp, ep = plain_paragraphs(gold, f"mac-dev/{name}")
        got = mixed_file(f"mac-dev/{name}", zh, en, gold, zp, ep)
        assert got is not None                      # the importer kept the text: the gold projects onto it
        doc, wrong, links = got
        mixed.append((doc, (), 0, wrong))
        pre = align(zh, en, mode="best")
        pre_items.append((_document(zh, en, [(b.src, b.tgt) for b in pre], [b.confidence for b in pre]), gold,
                          len(zh)))
        by_link = {(b.src, b.tgt): b.confidence for b in pre}
        shared = [(by_link[k], c) for k, c in links.items() if k in by_link and k[0] and k[1]]
        assert len(shared) >= 0.8 * len(pre)
        common += shared
    n, bad, marked, caught, _ = triage(mixed)
    n0, bad0, marked0, caught0, _ = triage(pre_items)
    assert abs(marked / n - marked0 / n0) <= 0.05 and abs(caught / bad - caught0 / bad0) <= 0.05
    # measured: 98.5 % within 0.05, 97.9 % the same verdict (bench_review.py)
    assert sum(abs(a - b) <= 0.05 for a, b in common) >= 0.95 * len(common)
    assert sum((a < DEFAULT_THRESHOLD) == (b < DEFAULT_THRESHOLD) for a, b in common) >= 0.95 * len(common)


@pytest.mark.shared
@pytest.mark.slow
def test_a_simulated_translator_pressing_ctrl_r_after_each_fix_sees_no_re_align_take_a_wrong_link_off_the_list():
    # the reproduction: on MAC-dev chapter 005 with fit_confidence.py's omissions and merges, a re-align after a
    # fix merged two doubtful links (0.82, 0.45) into one wrong 2-3 link at 0.97, which nobody then read
    from simulate_translator import Translator, documents

    root = need_shared("bench", "mac-dev")
    name, doc, gold, _ = next(d for d in documents(root.parents[1], "mac-dev+perturbed", "chapter")
                              if d[0].endswith("/005"))
    doc.apply(align_document(doc))
    figures = Translator(doc, gold, realign=True).run()
    assert figures.realigns >= 3 and figures.wrong_start >= 10
    assert figures.unflagged_created == 0           # no re-align made a wrong link outside the list (was 1)
    assert figures.hidden == 0                      # nor took a listed wrong link out of it
    assert figures.unreachable == 0 and figures.stuck == 0
