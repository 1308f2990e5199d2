"""Does each sentence of a many-to-one link have a translation of its own?

An untranslated sentence is usually glued to its neighbour's link (a 2-1 or 3-1 link at high confidence): the
link as a whole is well supported by the neighbour. Here each sentence on the many side of a link is weighed
alone against the other side: a dictionary word translated there, a number found there, or a sentence
embedding close to it. A sentence with none of the three "may have no translation" (review reason).
"""

from __future__ import annotations

from typing import Sequence

#: a sentence is supported when its embedding cosine with the other side reaches SIMILARITY_MIN, or this share
#: of its dictionary words are translated there, or a number of it is found there. Measured on the Chinese
#: sentences of MAC-dev's and news-dev's gold many-to-one links (253) against sentences from elsewhere glued
#: to a gold 1-1 link (246, simulated omissions): 6.7 % of the gold sentences flagged, 79.7 % of the glued
#: ones (0.25 / 0.2: 5.1 % and 69.1 %).
SIMILARITY_MIN = 0.30
COVERAGE_MIN = 0.20


def unsupported_in_links(src: Sequence[str], tgt: Sequence[str],
                         links: Sequence[tuple[Sequence[int], Sequence[int]]], *,
                         use_embeddings: bool = True) -> tuple[set[int], set[int]]:
    """Positions of the sentences (source, target) on the many side of a link that have no support of their
    own. Loads the dictionary (and, with `use_embeddings`, the embedding model when installed): call it off the
    GUI thread. Without embeddings only the dictionary and the numbers speak (more sentences are flagged)."""
    from editor.alignment import embedding
    from editor.alignment.evidence import _numbers
    from editor.alignment.lexicon import clean_chinese, shared_lexicon

    lex = shared_lexicon()
    enc = embedding.shared_encoder() if use_embeddings and embedding.available() else None
    bad_src: set[int] = set()
    bad_tgt: set[int] = set()
    for s, t in links:
        if not (s and t) or (len(s) == 1 and len(t) == 1):
            continue
        zh_texts = [src[i] for i in s]
        en_texts = [tgt[j] for j in t]
        zh_tok = [lex.zh_tokens(x) for x in zh_texts]
        en_tok = [set(lex.en_tokens(x)) for x in en_texts]
        zh_nums = [set(_numbers(x)) for x in zh_texts]
        en_nums = [set(_numbers(x)) for x in en_texts]
        sims = None
        if enc is not None:
            zs, zc = enc.pooled([clean_chinese(x) for x in zh_texts])
            es, ec = enc.pooled(list(en_texts))
            z_each = enc.head(zs, zc)
            e_each = enc.head(es, ec)
            z_all = enc.head(zs.sum(axis=0, keepdims=True), zc.sum(keepdims=True).reshape(1))
            e_all = enc.head(es.sum(axis=0, keepdims=True), ec.sum(keepdims=True).reshape(1))
            sims = ((z_each @ e_all.T)[:, 0], (e_each @ z_all.T)[:, 0])
        all_en = set().union(*en_tok)
        all_zh_tr = set().union(*(tok.translations for toks in zh_tok for tok in toks))
        if len(s) > 1:
            other_nums = set().union(*en_nums)
            for k, i in enumerate(s):
                hits = sum(1 for tok in zh_tok[k] if not tok.translations.isdisjoint(all_en))
                if hits < COVERAGE_MIN * len(zh_tok[k]) and not (zh_nums[k] & other_nums) and \
                        (sims is None or sims[0][k] < SIMILARITY_MIN):
                    bad_src.add(i)
        if len(t) > 1:
            other_nums = set().union(*zh_nums)
            for k, j in enumerate(t):
                hits = sum(1 for w in en_tok[k] if w in all_zh_tr)
                if hits < COVERAGE_MIN * len(en_tok[k]) and not (en_nums[k] & other_nums) and \
                        (sims is None or sims[1][k] < SIMILARITY_MIN):
                    bad_tgt.add(j)
    return bad_src, bad_tgt
