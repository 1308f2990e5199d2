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


def _all_paths(n, m, types):
    """Every monotone bead sequence from (0, 0) to (n, m) (small sizes only)."""
    if (n, m) == (0, 0):
        return [[]]
    out = []
    for a, b in types:
        if a <= n and b <= m:
            out += [p + [(n - a, n, m - b, m)] for p in _all_paths(n - a, m - b, types)]
    return out


def _path_score(path, band, scores, types, gap_open):
    total, prev = 0.0, None
    for s0, s1, t0, t1 in path:
        ty = (s1 - s0, t1 - t0)
        total += scores[types.index(ty)][s1, t1 - band.lo[s1]]
        if ty in ((1, 0), (0, 1)) and ty != prev:
            total += gap_open              # a run of skips of one kind opens once
        prev = ty
    return total


def test_banded_dp_with_gap_runs_finds_the_best_path_and_its_gains_add_up():
    rng = np.random.default_rng(7)
    types = list(TYPES)
    for trial in range(30):
        n, m = int(rng.integers(1, 5)), int(rng.integers(1, 5))
        band = diagonal_band(n, m, max(n, m))
        scores = []
        for a, b in types:
            s = rng.normal(0.0, 1.0, (n + 1, band.width))
            for r in range(n + 1):
                for w in range(band.width):
                    if r < a or band.lo[r] + w < b or band.lo[r] + w > m:
                        s[r, w] = NEG
            scores.append(s)
        gap_open = float(rng.choice([0.0, -0.5, -2.0]))
        path = banded_dp(band, types, scores, gap_open=gap_open)
        got = [(s0, s1, t0, t1) for s0, s1, t0, t1, _ in path]
        best = max(_path_score(p, band, scores, types, gap_open) for p in _all_paths(n, m, types))
        assert abs(_path_score(got, band, scores, types, gap_open) - best) < 1e-6
        assert abs(sum(g for *_, g in path) - best) < 1e-6


def test_a_run_of_skips_pays_the_gap_opening_once():
    band = diagonal_band(4, 1, 4)
    types = [(0, 1), (1, 0), (1, 1)]
    scores = [np.full((5, band.width), NEG) for _ in types]
    for r in range(5):
        for w in range(band.width):
            j = band.lo[r] + w
            if j <= 1:
                if r >= 1:
                    scores[1][r, w] = -0.1                          # a 1-0 bead
                if r >= 1 and j >= 1:
                    scores[2][r, w] = 1.0 if r == 1 else -5.0    # source 0 matches target 0
                if j >= 1:
                    scores[0][r, w] = -0.1
    path = banded_dp(band, types, scores, gap_open=-1.0)
    assert [(s0, s1, t0, t1) for s0, s1, t0, t1, _ in path] == [(0, 1, 0, 1), (1, 2, 1, 1), (2, 3, 1, 1),
                                                              (3, 4, 1, 1)]
    assert [round(g, 6) for *_, g in path] == [1.0, -1.1, -0.1, -0.1]
