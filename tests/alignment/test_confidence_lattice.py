"""Lattice evidence for the confidence (editor/alignment/confidence.py) on synthetic scores: pure numpy."""

import pytest

from editor.alignment.confidence import path_posteriors
from editor.alignment.search import banded_dp, bead_posteriors, diagonal_band
from tests.alignment.test_search import TYPES, _scores


def test_bead_posteriors_are_the_search_modules_and_boundaries_are_at_least_as_sure():
    band = diagonal_band(5, 6, 6)
    scores = _scores(band, {(1, 2, 2, 3)})
    path = banded_dp(band, TYPES, scores)
    beads, bounds = path_posteriors(band, TYPES, scores, path, 0.5)
    assert beads == bead_posteriors(band, TYPES, scores, path, 0.5)
    assert all(0.0 <= p <= q + 1e-9 <= 1.0 + 1e-9 for p, q in zip(beads, bounds))


def test_a_bead_between_two_clear_favourites_has_sure_boundaries():
    band = diagonal_band(4, 4, 4)
    favourites = {(1, 1, 1, 1), (1, 1, 2, 2), (1, 1, 3, 3), (1, 1, 4, 4)}
    scores = _scores(band, favourites)
    path = banded_dp(band, TYPES, scores)
    _, bounds = path_posteriors(band, TYPES, scores, path, 0.5)
    assert min(bounds) > 0.99
    flat = _scores(band, set())                   # nothing stands out: the boundaries are unsure
    path = banded_dp(band, TYPES, flat)
    _, unsure = path_posteriors(band, TYPES, flat, path, 0.5)
    assert min(unsure) < 0.9


# -- what the confidence reads of the path itself (confidence.path_evidence) -------------------------------

def _sides(zh, en):
    from editor.alignment import scoring
    from editor.alignment.lexicon import shared_lexicon

    ratio = sum(map(scoring.text_length, en)) / sum(map(scoring.text_length, zh))
    return scoring.Sides(zh, en, ratio, shared_lexicon(), None)


def test_a_link_whose_words_are_translated_in_the_neighbouring_link_has_cross_pair_evidence():
    """1-1 + 1-1 where a 2-2 belongs: the first Chinese sentence's words (狗, 猫) are in the second link's
    English sentence; a path that pairs each sentence with its own translation has none."""
    from editor.alignment.confidence import cross_pair_evidence

    zh = ["我的狗和猫在花园里。", "老师在学校教数学。"]
    en = ["The teacher teaches mathematics at school.", "My dog and cat are in the garden."]
    crossed = cross_pair_evidence(_sides(zh, en), [(0, 1, 0, 1), (1, 2, 1, 2)])
    straight = cross_pair_evidence(_sides(zh, en[::-1]), [(0, 1, 0, 1), (1, 2, 1, 2)])
    assert all(c["cross_dict"] > 0.3 for c in crossed)
    assert all(c["cross_dict"] == 0.0 for c in straight)
    assert cross_pair_evidence(_sides(zh, en), [(0, 1, 0, 0), (1, 2, 0, 2)])[0] == {"cross_dict": 0.0}


def test_the_length_terms_of_a_link_do_not_depend_on_text_far_from_it():
    """The same link, alone with its neighbours and inside a longer text whose other part is translated at
    another length ratio (a chapter by another translator), gets the same length terms: the ratio is measured
    over LENGTH_RATIO_LINKS links either side, not over the whole text."""
    from editor.alignment.confidence import LENGTH_RATIO_LINKS, path_length_terms

    zh = [f"第{k}句话很短。" for k in range(30)]
    en = [f"Sentence {k} is a rather short one." for k in range(30)]
    far_zh = ["另一章的句子。"] * (LENGTH_RATIO_LINKS + 10)
    far_en = ["A sentence of another chapter, translated at much greater length than the first one."] * \
        (LENGTH_RATIO_LINKS + 10)
    alone = path_length_terms(_sides(zh, en), [(k, k + 1, k, k + 1) for k in range(30)])
    n = len(far_zh)
    inside = path_length_terms(_sides(far_zh + zh, far_en + en), [(k, k + 1, k, k + 1) for k in range(n + 30)])
    # the links more than LENGTH_RATIO_LINKS from the other chapter are judged exactly as alone
    for k in range(30):
        if n + k - LENGTH_RATIO_LINKS >= n:
            assert inside[n + k] == pytest.approx(alone[k])
    assert path_length_terms(_sides(zh, en), [(0, 1, 0, 0)]) == [{}]


def test_the_shipped_path_model_has_a_weight_for_every_input_and_the_fit_script_writes_it_back_unchanged():
    import ast
    import sys
    from pathlib import Path

    from editor.alignment import confidence, engine

    assert len(confidence.PATH_CONFIDENCE_EMB[1]) == len(confidence.PATH_INPUTS)
    assert engine.PATH_CONFIDENCE_EMB is confidence.PATH_CONFIDENCE_EMB
    assert len(engine.PATH_CONFIDENCE_LEX[1]) == len(confidence.PATH_INPUTS)
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from fit_confidence import MARK_BEGIN, MARK_END, model_text

    text = model_text(confidence.PATH_CONFIDENCE_EMB, 10, 2)       # what --write puts between the markers
    code = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    name, value = code.split(" = ", 1)
    assert name == "PATH_CONFIDENCE_EMB" and ast.literal_eval(value) == confidence.PATH_CONFIDENCE_EMB
    assert all(len(line) <= 120 for line in text.splitlines())
    source = Path(confidence.__file__).read_text(encoding="utf-8")
    assert source.count(MARK_BEGIN) == source.count(MARK_END) == 1
