"""The dictionary tokens of a text are the same whether its words were seen before (kept per word) or not."""

from editor.alignment.lexicon import Lexicon, shared_lexicon


def test_tokens_kept_per_word_are_those_computed_afresh():
    texts = ["小王和李娜昨天在上海见面了，他们谈了三个小时。", "李娜说：“小王，明天见！”",
             "2026年3月8日，王小明买了Python书。", "的了吗", ""]
    lex = shared_lexicon()
    kept = [lex.zh_tokens(t) for t in texts]
    fresh = Lexicon()
    fresh.load()
    assert [fresh.zh_tokens_many([t])[0] for t in texts] == kept
    # the words of the second text come from the per-word cache now: the same tokens again
    lex._zh_cache.clear()
    assert lex.zh_tokens_many(texts) == kept
    assert "李娜" in lex._word_tokens and lex._word_tokens["李娜"] is not None
