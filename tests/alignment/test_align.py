"""The public engine API on a small real Chinese–English text (loads the dictionary and model once)."""

import pytest

from editor.alignment import FixedSpan, align
from editor.errors import AlignmentCancelled
from tests.conftest import need_shared

ZH = [
    "那天早上下着大雨。",
    "老王撑着一把黑伞走到车站，等了很久也没有等到公共汽车。",
    "他只好给女儿打电话。",
    "女儿说她马上开车过来接他。",
    "二十分钟以后，一辆红色的小汽车停在了车站前面。",
    "老王上了车，两个人一路上都没有说话。",
]
EN = [
    "It was raining hard that morning.",
    "Old Wang walked to the bus stop under a black umbrella.",
    "He waited for a long time, but no bus came.",
    "In the end he had to phone his daughter.",
    "His daughter said she would drive over and pick him up at once.",
    "Twenty minutes later, a small red car stopped in front of the bus stop.",
    "Old Wang got in, and neither of them said a word all the way.",
]
GOLD = [((0,), (0,)), ((1,), (1, 2)), ((2,), (3,)), ((3,), (4,)), ((4,), (5,)), ((5,), (6,))]


def _pairs(beads):
    return [(b.src, b.tgt) for b in beads]


@pytest.mark.parametrize("mode", ["length", "fast", "best"])
def test_every_sentence_is_covered_once_and_in_order(mode):
    beads = align(ZH, EN, mode=mode)
    assert [i for b in beads for i in b.src] == list(range(len(ZH)))
    assert [j for b in beads for j in b.tgt] == list(range(len(EN)))
    assert all(b.src or b.tgt for b in beads)
    assert all(0.0 <= b.confidence <= 1.0 for b in beads)


def test_best_mode_aligns_a_small_real_text_correctly():
    assert _pairs(align(ZH, EN, mode="best")) == GOLD


def test_fast_mode_uses_the_dictionary_without_loading_the_embedding_model(monkeypatch):
    from editor.alignment import embedding

    def no_encoder():
        raise AssertionError("fast mode must not load the embedding model")

    monkeypatch.setattr(embedding, "shared_encoder", no_encoder)
    beads = align(ZH, EN, mode="fast")
    assert _pairs(beads) == GOLD
    assert all(0.0 <= b.confidence <= 1.0 for b in beads)


def test_fixed_beads_appear_unchanged_and_the_rest_is_realigned():
    fixed = [FixedSpan(1, 2, 1, 3), FixedSpan(4, 5, 5, 6)]
    beads = align(ZH, EN, mode="best", fixed=fixed)
    assert ((1,), (1, 2)) in _pairs(beads) and ((4,), (5,)) in _pairs(beads)
    assert [b.confidence for b in beads if (b.src, b.tgt) == ((1,), (1, 2))] == [1.0]
    assert [i for b in beads for i in b.src] == list(range(len(ZH)))


def test_a_deliberately_odd_fixed_bead_is_kept_as_given():
    beads = align(ZH, EN, mode="best", fixed=[FixedSpan(0, 2, 0, 1)])
    assert _pairs(beads)[0] == ((0, 1), (0,))
    assert [j for b in beads for j in b.tgt] == list(range(len(EN)))


def test_cancellation_raises_alignment_cancelled():
    with pytest.raises(AlignmentCancelled):
        align(ZH * 30, EN * 30, mode="best", should_stop=lambda: True)


def test_progress_is_reported_and_ends_at_one():
    seen = []
    align(ZH, EN, mode="best", progress=seen.append)
    assert seen and seen[-1] == 1.0
    assert all(0.0 <= f <= 1.0 for f in seen)


def test_paragraphs_are_aligned_first_when_both_sides_have_them():
    zh_par = [0, 0, 0, 1, 1, 1]
    en_par = [0, 0, 0, 0, 1, 1, 1]
    beads = align(ZH, EN, mode="best", src_paragraphs=zh_par, tgt_paragraphs=en_par)
    assert _pairs(beads) == GOLD


def test_without_the_embedding_package_the_engine_still_aligns_and_says_so(monkeypatch, caplog):
    from editor.alignment import embedding, engine

    monkeypatch.setattr(embedding, "available", lambda: False)
    monkeypatch.setattr(engine, "_warned_no_embeddings", False)
    res = engine.resources()
    assert res.encoder is None and "unavailable" in res.notes[0]
    beads = align(ZH, EN, mode="best")
    assert [i for b in beads for i in b.src] == list(range(len(ZH)))
    assert sum(p in GOLD for p in _pairs(beads)) >= 4
    assert "embeddings unavailable" in caplog.text


def test_unknown_mode_is_refused():
    with pytest.raises(ValueError):
        align(ZH, EN, mode="slow")


def test_traditional_chinese_and_pinyin_artifacts_still_match_the_dictionary():
    from editor.alignment.lexicon import shared_lexicon

    lex = shared_lexicon()
    tokens = {s for t in lex.zh_tokens("市政府副市長參加聯(lián)絡工作。") for s in t.translations}
    assert {"mayor", "liaison"} <= tokens


@pytest.mark.shared
def test_mac_dev_chapter_001_scores_above_a_floor():
    mac = need_shared("bench", "mac-dev")
    from tests.benchmarks.bench_align import read_beads, score

    zh = (mac / "zh" / "001").read_text(encoding="utf-8").rstrip("\n").split("\n")
    en = (mac / "en" / "001").read_text(encoding="utf-8").rstrip("\n").split("\n")
    beads = align(zh, en, mode="best")
    assert score([(read_beads(mac / "gold" / "001"), _pairs(beads))])["f1_strict"] >= 0.93


def test_explain_gives_dictionary_coverage_and_similarity_once_models_are_loaded():
    from editor.alignment.evidence import explain

    ev = explain([ZH[1]], EN[1:3], 3.0, load=True)
    wrong = explain([ZH[1]], EN[5:6], 3.0, load=True)
    assert ev.dictionary_coverage is not None and ev.similarity is not None
    assert ev.dictionary_coverage > wrong.dictionary_coverage
    assert ev.similarity > wrong.similarity


def test_a_long_text_is_aligned_in_chunks_cut_at_solid_anchors(monkeypatch):
    from editor.alignment import engine

    zh = [s + f"（{k}）" for k in range(8) for s in ZH]
    en = [s + f" ({k})" for k in range(8) for s in EN]
    whole = _pairs(align(zh, en, mode="best"))
    monkeypatch.setattr(engine, "CHUNK_MAX", 20)
    monkeypatch.setattr(engine, "CHUNK", 12)
    chunked = _pairs(align(zh, en, mode="best"))
    assert [i for s, _ in chunked for i in s] == list(range(len(zh)))
    assert [j for _, t in chunked for j in t] == list(range(len(en)))
    assert sum(p in whole for p in chunked) >= len(whole) - 2


def test_preload_loads_the_dictionary_and_reports_no_problem_when_everything_is_installed():
    from editor.alignment import preload
    from editor.alignment.lexicon import shared_lexicon

    assert preload("best") == []
    assert shared_lexicon().loaded


def test_evidence_matches_numbers_written_in_chinese_numerals_and_digits():
    from editor.alignment.evidence import explain

    evidence = explain(["新馆藏书约十二万册，每期限二十人。"],
                       ["The library holds about 120,000 books; each session is limited to twenty people."], 3.0)
    assert (evidence.numbers_matched, evidence.numbers_unmatched) == (2, 0)
    evidence = explain(["首日接待读者两千余人。"], ["It welcomed 3,000 readers on its first day."], 3.0)
    assert (evidence.numbers_matched, evidence.numbers_unmatched) == (0, 2)
