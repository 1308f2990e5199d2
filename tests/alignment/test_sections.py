"""A book that joins chapters of different books and translators is cut into sections where its vocabulary
changes, and each section is aligned with its own statistics, as the chapter alone (engine.SECTION_MAX).

The two chapters were written for this test: the first translated freely and at length (about four English
characters per Chinese one), the second tersely (about two); no character or place is shared.
"""

from collections import Counter

import numpy as np

from editor.alignment import align, engine
from editor.alignment.search import vocabulary_change

ZH_A = [
    "王大海每天清晨出海打鱼。",
    "王大海的船很旧，但是很结实。",
    "海上的风很大，船摇晃得厉害。",
    "王大海撒下渔网，耐心等待。",
    "中午的时候，渔网里装满了鱼。",
    "王大海高兴地唱起了渔歌。",
    "傍晚，王大海把船划回了港口。",
    "王大海的妻子在港口等着他。",
]
EN_A = [
    ("Every single morning, long before the sun came up over the water, Wang Dahai took his small boat out to "
     "sea to fish."),
    ("Wang Dahai's boat was old and weathered after many years at sea, but it was still remarkably strong and "
     "sturdy."),
    "Out on the open sea the wind blew hard and cold, and the little boat rocked violently on the waves.",
    "Wang Dahai cast his fishing net over the side of the boat and then waited patiently, as he always did at sea.",
    "By the time noon came around, the fishing net he had cast was completely full of silver fish.",
    "Delighted with the fish, Wang Dahai began to sing an old fishermen's song his father had taught him.",
    "In the evening, as the light over the sea faded, Wang Dahai rowed his heavy boat slowly back to the harbour.",
    "Wang Dahai's wife was standing on the harbour wall, watching the sea for his boat.",
]
ZH_B = [
    "李小红在城里的一家医院工作。",
    "李小红是护士，工作非常辛苦。",
    "医院的护士每天晚上都要值班。",
    "病人们都很喜欢李小红。",
    "有一天，医院的老医生来找李小红。",
    "医生说医院需要她去北京学习。",
    "李小红很激动，一夜没有睡着。",
    "第二天，李小红离开了医院。",
]
EN_B = [
    "Li Xiaohong worked at a city hospital.",
    "Li Xiaohong was a nurse; the work was hard.",
    "Hospital nurses worked nights.",
    "Patients loved Li Xiaohong.",
    "One day the hospital's old doctor came to see Li Xiaohong.",
    "He said the hospital would send her to study in Beijing.",
    "Li Xiaohong was too excited to sleep.",
    "The next day Li Xiaohong left the hospital.",
]


def _xlogx(x):
    return x * np.log(x) if x > 0 else 0.0


def _split_llr(words, i):
    """G² / 2 of splitting the sentences before i, counted the slow way."""
    left = Counter(w for ws in words[:i] for w in ws)
    right = Counter(w for ws in words[i:] for w in ws)

    def ll(c):
        return sum(_xlogx(v) for v in c.values()) - _xlogx(sum(c.values()))
    return ll(left) + ll(right) - ll(left + right)


def test_vocabulary_change_is_the_split_log_likelihood_ratio_at_every_point():
    rng = np.random.default_rng(0)
    words = [list(rng.integers(0, 8, rng.integers(0, 6))) for _ in range(40)]
    got = vocabulary_change(words)
    assert got.shape == (41,)
    assert np.allclose(got, [_split_llr(words, i) for i in range(41)], atol=1e-9)


def test_vocabulary_change_peaks_where_two_texts_meet():
    a = [["boat", "sea", "fish", "net"], ["sea", "wind"], ["boat", "harbour"], ["fish", "net"]] * 3
    b = [["nurse", "hospital"], ["doctor", "night"], ["nurse", "patients"], ["hospital", "doctor"]] * 3
    assert int(np.argmax(vocabulary_change(a + b))) == len(a)


def _beads(zh, en):
    """(src, tgt, score) of each bead: the score is the bead's own in the search, made of the statistics."""
    return [(b.src, b.tgt, round(b.score, 4)) for b in align(zh, en, mode="best")]


def _shifted(beads, di, dj):
    return [(tuple(i + di for i in s), tuple(j + dj for j in t), g) for s, t, g in beads]


def _spy_cuts(monkeypatch) -> list:
    cuts = []
    real = engine.section_cuts

    def spy(*args):
        cuts.append(real(*args))
        return cuts[-1]
    monkeypatch.setattr(engine, "section_cuts", spy)
    return cuts


def test_two_chapters_with_different_length_ratios_joined_align_as_each_alone(monkeypatch):
    alone = _beads(ZH_A, EN_A) + _shifted(_beads(ZH_B, EN_B), len(ZH_A), len(EN_A))
    monkeypatch.setattr(engine, "SECTION_MAX", 10)        # these "chapters" have 8 sentences
    cuts = _spy_cuts(monkeypatch)
    joined = _beads(ZH_A + ZH_B, EN_A + EN_B)
    assert cuts == [[(len(ZH_A), len(EN_A))]]              # cut where the second book starts, on both sides
    assert joined == alone                                 # the same links, each scored as in its chapter


def test_without_sections_the_joined_chapters_score_with_a_ratio_that_fits_neither(monkeypatch):
    """What the sections are for: one text's statistics (here its one length ratio, between the two
    translators' about 4 and 2) change every bead's score, and near ties decide differently."""
    alone = _beads(ZH_A, EN_A) + _shifted(_beads(ZH_B, EN_B), len(ZH_A), len(EN_A))
    monkeypatch.setattr(engine, "SECTION_MAX", 1000)
    cuts = _spy_cuts(monkeypatch)
    joined = _beads(ZH_A + ZH_B, EN_A + EN_B)
    assert cuts == []
    assert [b[:2] for b in joined] == [b[:2] for b in alone]
    assert all(g != h for (_, _, g), (_, _, h) in zip(joined, alone))
