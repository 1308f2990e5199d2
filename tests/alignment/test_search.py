"""The search parts of the engine on synthetic scores: pure numpy, milliseconds."""

import numpy as np

from editor.alignment.search import NEG, band_from_anchors, banded_dp, best_chain, diagonal_band

TYPES = ((0, 1), (1, 0), (1, 1), (1, 2), (2, 1))


def test_best_chain_keeps_the_heaviest_increasing_pairs():
    cands = [(0, 0, 0.9), (0, 3, 0.5), (1, 1, 0.8), (2, 0, 0.99), (2, 2, 0.7), (3, 3, 0.9)]
    assert best_chain(cands, 4) == [(0, 0), (1, 1), (2, 2), (3, 3)]


def test_band_from_anchors_contains_the_anchor_path_and_both_corners():
    band = band_from_anchors([(2, 3), (5, 7)], 8, 10, slack=1)
    for r, j in ((0, 0), (2, 3), (3, 4), (5, 7), (6, 8), (8, 10)):
        assert band.lo[r] <= j < band.lo[r] + band.width
    assert all(np.diff(band.lo) >= 0)


def _scores(band, favourite):
    """1-1 beads score 1 except along `favourite` beads (type, end node) which score 5; skips -1."""
    out = []
    for t, (a, b) in enumerate(TYPES):
        s = np.full((band.n + 1, band.width), -1.0 if not (a and b) else 0.5)
        for r in range(band.n + 1):
            for w in range(band.width):
                j = band.lo[r] + w
                if r < a or j < b or j > band.m:
                    s[r, w] = NEG
                elif (a, b, r, j) in favourite:
                    s[r, w] = 5.0
        out.append(s)
    return out


def test_banded_dp_covers_every_sentence_once_and_in_order():
    band = diagonal_band(5, 6, 6)
    path = banded_dp(band, TYPES, _scores(band, {(1, 2, 2, 3)}))
    assert [i for s0, s1, *_ in path for i in range(s0, s1)] == list(range(5))
    assert [j for _, _, t0, t1, _ in path for j in range(t0, t1)] == list(range(6))
    assert (1, 2, 1, 3) == path[1][:4]      # the favoured 1-2 bead ending at node (2, 3)


def test_banded_dp_reports_progress_and_stops_when_asked():
    import pytest

    from editor.errors import AlignmentCancelled

    band = diagonal_band(5, 6, 6)
    seen = []
    banded_dp(band, TYPES, _scores(band, set()), progress=seen.append)
    assert seen and all(0.0 <= f <= 1.0 for f in seen)
    with pytest.raises(AlignmentCancelled):
        banded_dp(band, TYPES, _scores(band, set()), should_stop=lambda: True)


def test_bead_posteriors_are_probabilities_and_near_one_for_a_clear_favourite():
    from editor.alignment.search import all_posteriors, bead_posteriors

    band = diagonal_band(5, 6, 6)
    scores = _scores(band, {(1, 2, 2, 3)})
    path = banded_dp(band, TYPES, scores)
    post = bead_posteriors(band, TYPES, scores, path, temperature=0.5)
    assert all(0.0 <= p <= 1.0 for p in post)
    assert post[1] > 0.9                      # the favoured 1-2 bead
    every = all_posteriors(band, TYPES, scores, temperature=0.5)
    # every alignment covers source sentence 0 with exactly one bead: its beads' posteriors sum to one
    total = sum(every[t][r, w] for t, (a, b) in enumerate(TYPES) if a
                for r in range(1, band.n + 1) for w in range(band.width) if r - a == 0)
    assert abs(total - 1.0) < 1e-6
