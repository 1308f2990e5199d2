"""Two plain files whose lines are long paragraphs (the ordinary path: a news text, a report) align sentence by
sentence; a paragraph is never left unlinked whole because its paragraph-level evidence looked weak."""

from editor.alignment.best import _skips_joined_to_links, align_best

ZH = [
    ["重庆市政府周一宣布了一项新的城市交通计划。", "该计划将在未来五年内投资三百亿元。", "新建的地铁线路将连接机场和市中心。",
     "官员表示，这将大大缩短通勤时间。", "市民对这一消息普遍表示欢迎。"],
    ["专家指出，交通拥堵每年给城市造成巨大的经济损失。", "去年，平均通勤时间超过了一个小时。", "许多年轻人因此选择在家附近工作。",
     "政府希望新的计划能够吸引更多投资。", "第一条新线路预计将于明年年底开通。"],
    ["不过，也有人担心工程会影响沿线居民的生活。", "施工期间，部分道路将会封闭。", "政府承诺将尽量减少噪音和污染。",
     "相关补偿方案将于下个月公布。", "市民可以通过热线电话提出意见。"],
]
EN = [
    ["The Chongqing government announced a new urban transport plan on Monday.",
     "The plan will invest 30 billion yuan over the next five years.",
     "A new metro line will connect the airport with the city centre.",
     "Officials said this would greatly shorten commuting times.", "Residents generally welcomed the news."],
    ["Experts point out that traffic congestion costs the city huge economic losses every year.",
     "Last year, the average commute exceeded one hour.", "Many young people therefore choose to work close to home.",
     "The government hopes the new plan will attract more investment.",
     "The first new line is expected to open at the end of next year."],
    ["However, some worry that the construction will disturb residents along the route.",
     "Some roads will be closed during construction.", "The government promised to keep noise and pollution low.",
     "The compensation plan will be published next month.", "Residents can give their views through a hotline."],
]


def _flat(paragraphs):
    return [s for p in paragraphs for s in p], [k for k, p in enumerate(paragraphs) for _ in p]


def test_long_paragraphs_of_two_plain_files_are_linked_sentence_by_sentence():
    src, src_par = _flat(ZH)
    tgt, tgt_par = _flat(EN)
    beads = align_best(src, tgt, src_paragraphs=src_par, tgt_paragraphs=tgt_par)
    assert [(b.src, b.tgt) for b in beads] == [((k,), (k,)) for k in range(len(src))]


def test_a_paragraph_step_that_leaves_paragraphs_unlinked_does_not_unlink_their_sentences(monkeypatch):
    """news-dev 002 as three long paragraphs a side: the paragraph lattice found skipping all six paragraphs
    cheaper than linking them (paragraph evidence is a ratio over a long text; a skip's cost is made for one
    sentence), and every sentence of the document came out unlinked. Here the paragraph step says the same."""
    from editor.alignment import best
    from editor.alignment.engine import RawBead

    real = best.align_region
    calls = []

    def paragraphs_all_skipped(src, tgt, *args, **kwargs):
        calls.append(len(src))
        if len(calls) == 1:                         # the paragraph-level call: every paragraph one-sided
            return [RawBead(k, k + 1, 0, 0, 0.1) for k in range(len(src))] + \
                [RawBead(len(src), len(src), k, k + 1, 0.1) for k in range(len(tgt))]
        return real(src, tgt, *args, **kwargs)

    monkeypatch.setattr(best, "align_region", paragraphs_all_skipped)
    src, src_par = _flat(ZH)
    tgt, tgt_par = _flat(EN)
    beads = align_best(src, tgt, src_paragraphs=src_par, tgt_paragraphs=tgt_par)
    assert [(b.src, b.tgt) for b in beads] == [((k,), (k,)) for k in range(len(src))]


def test_an_untranslated_paragraph_is_still_found_sentence_by_sentence():
    src, src_par = _flat(ZH)
    tgt, tgt_par = _flat(EN[:1] + EN[2:])                 # the translator left the middle paragraph out
    beads = align_best(src, tgt, src_paragraphs=src_par, tgt_paragraphs=tgt_par)
    unlinked = [b.src[0] for b in beads if not b.tgt]
    assert unlinked == list(range(5, 10))
    assert all(len(b.src) == len(b.tgt) == 1 for b in beads if b.tgt)


def test_one_sided_paragraph_beads_join_the_linked_ones_on_both_sides():
    assert _skips_joined_to_links([[0, 3, 0, 0], [3, 5, 0, 4], [5, 5, 4, 6]]) == [[0, 5, 0, 6]]
    assert _skips_joined_to_links([[0, 2, 0, 2], [2, 4, 2, 2], [4, 6, 2, 4]]) == [[0, 6, 0, 4]]
    assert _skips_joined_to_links([[0, 2, 0, 2], [2, 4, 2, 4], [4, 6, 4, 6]]) == [[0, 2, 0, 2], [2, 4, 2, 4],
                                                                                 [4, 6, 4, 6]]
    # a moved headline: skip, link, skip (the headlines linked across the leads) is aligned as one range
    assert _skips_joined_to_links([[0, 0, 0, 3], [0, 1, 3, 4], [1, 4, 4, 4], [4, 6, 4, 6], [6, 8, 6, 8]]) == [
        [0, 6, 0, 6], [6, 8, 6, 8]]
    assert _skips_joined_to_links([[0, 3, 0, 0], [3, 3, 0, 4]]) is None


def test_a_one_sided_headline_in_a_short_paragraph_pair_stays_unlinked():
    """Each sentence of a paragraph pair is scored with the statistics of the whole text, not of the pair alone:
    in a pair of one Chinese and two English sentences, one of them a headline, the pair alone has half its
    English lines without final punctuation (where lines without a final mark are ordinary: verse, cues), and the
    headline was joined to the lead (news-dev as plain files, document 008)."""
    zh = [[ZH[0][0]]] + [ZH[0][1:]] + ZH[1:]
    en = [["Chongqing unveils new transport plan", EN[0][0]]] + [EN[0][1:]] + EN[1:]
    src, src_par = _flat(zh)
    tgt, tgt_par = _flat(en)
    beads = align_best(src, tgt, src_paragraphs=src_par, tgt_paragraphs=tgt_par)
    assert [(b.src, b.tgt) for b in beads] == [((), (0,))] + [((k,), (k + 1,)) for k in range(len(src))]


def test_beads_of_a_lattice_of_paragraph_pairs_stay_inside_the_pairs():
    """engine.keep_inside_blocks: whatever the scores, the best path of a lattice of blocks crosses no block."""
    import numpy as np

    from editor.alignment import scoring
    from editor.alignment.engine import band_of_blocks, keep_inside_blocks
    from editor.alignment.search import banded_dp

    blocks = [(0, 2, 0, 3), (2, 3, 3, 4), (3, 7, 4, 6), (7, 9, 6, 10)]
    n, m = 9, 10
    band = band_of_blocks(blocks, n, m)
    rng = np.random.default_rng(7)
    for _ in range(20):
        scores = [rng.normal(size=(n + 1, band.width)).astype(np.float32) for _ in scoring.BEAD_TYPES]
        keep_inside_blocks(band, scores, blocks)
        path = banded_dp(band, scoring.BEAD_TYPES, scores)
        assert path[-1][1] == n and path[-1][3] == m
        for s0, s1, t0, t1, _ in path:
            assert any(a <= s0 and s1 <= b and c <= t0 and t1 <= d for a, b, c, d in blocks), (s0, s1, t0, t1)
