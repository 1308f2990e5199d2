"""Inside an alignment the encoder keeps each token's context-free part: the pooled features stay the same (to
float rounding: see the test) and the tables are freed when the alignment ends."""

import numpy as np
import pytest

from editor.alignment import embedding

pytestmark = pytest.mark.skipif(not embedding.available(), reason="the embedding package is not installed")

TEXTS = ["他说明天还要去北京开会。", "He said he would go to Beijing tomorrow.", "好", "", " ",
         "“你好！”她说，“我们走吧。”", "The cat sat on the mat; the cat sat on the mat again.",
         "二〇二六年三月八日，天气很好。", "他感到惭愧，", "天气很好，", "A" * 300,
         "一个很长的句子，" * 40 + "完。"]


def _pooled_one_by_one_and_together(encoder):
    """Several calls, as an alignment makes them: runs of texts, single texts (tables of a few tokens), repeats."""
    out = [encoder._encode(TEXTS)]
    out += [encoder._encode([t]) for t in TEXTS]
    out.append(encoder._encode(TEXTS[::-1]))
    return out


def test_kept_tables_give_the_same_numbers_as_tables_of_each_run(monkeypatch):
    plain = embedding.Encoder(disk_cache=False)
    plain.load()
    expected = _pooled_one_by_one_and_together(plain)
    kept = embedding.Encoder(disk_cache=False)
    kept.load()
    # a small capacity, so that the kept tables also fill up and start afresh on the way
    monkeypatch.setattr(embedding, "_KEPT_TABLE_TOKENS", 64)
    with kept.keep_token_tables():
        got = _pooled_one_by_one_and_together(kept)
        assert kept._kept.tables is not None and kept._kept.tables.count > 0
    # Bit for bit on some machines, not on all: OpenBLAS picks its kernel for the CPU at run time, and on some
    # (AMD EPYC, OpenBLAS 0.3.31) a row of a product differs in its last bits with the rows computed beside it,
    # as a text's features already do between a run of its own and a run with others (5e-5 there). A wrong
    # table row moves the features by far more than this tolerance.
    for (s1, c1), (s2, c2) in zip(expected, got):
        assert np.array_equal(c1, c2)
        np.testing.assert_allclose(s2, s1, rtol=0, atol=1e-5 * max(1.0, float(np.abs(s1).max())))
    assert kept._kept.tables is None            # freed with the outermost block


def test_tables_are_kept_only_inside_the_block_and_on_its_thread():
    import threading

    encoder = embedding.Encoder(disk_cache=False)
    encoder.load()
    encoder._encode(TEXTS)
    assert getattr(encoder._kept, "tables", None) is None
    seen = []
    with encoder.keep_token_tables():
        with encoder.keep_token_tables():
            encoder._encode(TEXTS)
        assert encoder._kept.tables is not None          # the outer block still holds them
        other = threading.Thread(target=lambda: (encoder._encode(TEXTS), seen.append(
            getattr(encoder._kept, "tables", None))))
        other.start()
        other.join()
    assert seen == [None]
    assert encoder._kept.tables is None
