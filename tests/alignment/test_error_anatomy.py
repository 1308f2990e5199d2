"""The error anatomy's regions and classes (tests/benchmarks/error_anatomy.py) on hand-made alignments."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from error_anatomy import classify, regions  # noqa: E402

from editor.alignment.scoring import BEAD_TYPES  # noqa: E402


def _classes(gold, test):
    return [classify(g, t, BEAD_TYPES) for g, t in regions(gold, test)]


def test_identical_alignments_have_no_error_region():
    gold = [((0,), (0,)), ((1,), (1, 2)), ((2,), ())]
    assert regions(gold, gold) == []


def test_an_english_sentence_on_the_wrong_side_is_a_target_side_boundary_shift():
    gold = [((0,), (0,)), ((1,), (1, 2)), ((2,), (3,)), ((3,), (4,))]
    test = [((0,), (0,)), ((1,), (1,)), ((2,), (2, 3)), ((3,), (4,))]
    rs = regions(gold, test)
    assert len(rs) == 1 and [b[:2] for b in rs[0][0]] == [(1, 2), (2, 3)]
    assert _classes(gold, test) == ["boundary shift, target side"]


def test_splitting_a_2_2_bead_is_an_over_split_and_the_reverse_an_over_merge():
    gold = [((0, 1), (0, 1)), ((2,), (2,))]
    test = [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]
    assert _classes(gold, test) == ["over-split"]
    assert _classes(test, gold) == ["over-merge"]


def test_skips_and_beads_outside_the_model_are_named():
    gold = [((0,), (0,)), ((1,), ()), ((2,), (1,))]
    test = [((0, 1), (0,)), ((2,), (1,))]
    assert _classes(gold, test) == ["missed 1-0/0-1"]
    assert _classes(test, gold) == ["spurious 1-0/0-1"]
    big = [((0, 1, 2), (0, 1, 2))]
    assert _classes(big, [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]) == ["beyond the bead set"]
