"""Lattice evidence for the confidence (editor/alignment/confidence.py) on synthetic scores: pure numpy."""

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
