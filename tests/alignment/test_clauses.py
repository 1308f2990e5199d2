"""The clause pass: a target sentence on the boundary of two 1-n beads moves to the source sentence whose
clauses it matches."""

from types import SimpleNamespace

import numpy as np

from editor.alignment.clauses import clauses, refine_boundaries

AXES = {"rain": 0, "road": 1, "inn": 2, "horse": 3}
# each clause names one topic; the vectors are one-hot on that topic
ZH = ["下着大雨，", "路很泥泞。", "马累了，", "他们到了客栈。"]
TOPIC = {"下着大雨，": "rain", "路很泥泞。": "road", "马累了，": "horse", "他们到了客栈。": "inn"}


def _vec(topic):
    v = np.zeros(4, np.float32)
    v[AXES[topic]] = 1.0
    return v


class FakeEncoder:
    def pooled(self, texts):
        return np.array([_vec(TOPIC[t]) for t in texts]), np.ones(len(texts), np.float32)

    def head(self, sums, counts):
        return sums / np.linalg.norm(sums, axis=1, keepdims=True)


def _sides(en_topics):
    src = [ZH[0] + ZH[1], ZH[2] + ZH[3]]
    ee = np.array([_vec(t) for t in en_topics])
    return SimpleNamespace(src=src, encoder=FakeEncoder(), ez=[np.zeros((2, 4))], ee=[ee])


def test_a_sentence_is_cut_after_its_clause_commas():
    assert clauses("他笑了，说道：“好。”") == ["他笑了，", "说道：", "“好。”"]
    assert clauses("好。") == ["好。"]


def test_the_boundary_sentence_moves_to_the_sentence_whose_clauses_it_translates():
    # English: rain / road / horse on the left bead, inn on the right; "horse" belongs to the second sentence
    path = [(0, 1, 0, 3, 0.0), (1, 2, 3, 4, 0.0)]
    out = refine_boundaries(path, _sides(["rain", "road", "horse", "inn"]), lambda *bead: 0.0, margin=0.06)
    assert [p[:4] for p in out] == [(0, 1, 0, 2), (1, 2, 2, 4)]


def test_a_boundary_the_clauses_agree_with_stays():
    path = [(0, 1, 0, 2, 0.0), (1, 2, 2, 4, 0.0)]
    out = refine_boundaries(path, _sides(["rain", "road", "horse", "inn"]), lambda *bead: 0.0, margin=0.06)
    assert out == path


def test_a_move_the_engine_cannot_score_is_not_made():
    path = [(0, 1, 0, 3, 0.0), (1, 2, 3, 4, 0.0)]
    out = refine_boundaries(path, _sides(["rain", "road", "horse", "inn"]), lambda *bead: None, margin=0.06)
    assert out == path


def test_without_embeddings_the_dictionary_translations_of_the_clauses_decide():
    from editor.alignment.clauses import _HashedClauses

    words = {"下着大雨，": "rain", "路很泥泞。": "road", "马累了，": "horse", "他们到了客栈。": "inn"}

    class FakeLexicon:
        def zh_tokens(self, text):
            return tuple(SimpleNamespace(word=c, translations=frozenset([words[c]])) for c in clauses(text)
                         if c in words)

        def zh_tokens_many(self, texts):
            return [self.zh_tokens(t) for t in texts]

    hashed = _HashedClauses(FakeLexicon())
    en = hashed.head(*hashed.pooled(["下着大雨，", "路很泥泞。", "马累了，", "他们到了客栈。"]))
    sides = SimpleNamespace(src=[ZH[0] + ZH[1], ZH[2] + ZH[3]], ez=None, lexicon=FakeLexicon(),
                            _hashed=lambda: (None, en))
    path = [(0, 1, 0, 3, 0.0), (1, 2, 3, 4, 0.0)]
    out = refine_boundaries(path, sides, lambda *bead: 0.0, margin=0.06)
    assert [p[:4] for p in out] == [(0, 1, 0, 2), (1, 2, 2, 4)]
