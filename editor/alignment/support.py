"""Does each sentence of a many-to-one link have a translation of its own?

An untranslated sentence is usually glued to its neighbour's link (a 2-1 or 3-1 link at high confidence): the
link as a whole is well supported by the neighbour. Here each sentence on the many side of a link is weighed
alone against the other side: a dictionary word translated there, a number found there, or a sentence
embedding close to it. A sentence with none of the three "may have no translation" (review reason).

A 1-1 link is weighed the same way, both ways: when neither sentence has support in the other, both are marked
(an omitted sentence beside an added line, paired 1-1 because they sit side by side; an X11 audit saw one at
confidence 0.99, outside the review list). On the reference alignments that flags 27 of MAC-dev's 832 1-1 links
(free literary translation) and none of news-dev's 126. Only with the embeddings (mode "best"): by the dictionary
and numbers alone it would flag 118 of the 832.
"""

from __future__ import annotations

from typing import Collection, Sequence

import numpy as np

#: a sentence is supported when its embedding cosine with the other side reaches SIMILARITY_MIN, or this share
#: of its dictionary words are translated there, or a number of it is found there. Measured on the Chinese
#: sentences of MAC-dev's and news-dev's gold many-to-one links (253) against sentences from elsewhere glued
#: to a gold 1-1 link (246, simulated omissions): 6.7 % of the gold sentences flagged, 79.7 % of the glued
#: ones (0.25 / 0.2: 5.1 % and 69.1 %).
SIMILARITY_MIN = 0.30
COVERAGE_MIN = 0.20
# Measured and dropped (2026-12-08): a story's names support every sentence they occur in (an omitted "汪淼说着发动
# 了车子。" rode in a 2-1 link at 0.98, its one covered word the protagonist's name: an X11 re-test). Leaving out
# of the dictionary coverage the words found in at least 10 / 5 / 3 / 2 % of the document's sentences (three at
# least), on MAC-dev's and news-dev's reference links: the sentences of many-to-one links flagged 6.7 % -> 7.5 /
# 8.7 / 11.1 / 12.3 %, a neighbouring sentence glued into a 1-1 link (a simulated omission, 847) 73.0 % -> 73.8 /
# 75.4 / 76.5 / 77.4 %: the false flags grow faster than the omissions found.


def unsupported_in_links(src: Sequence[str], tgt: Sequence[str],
                         links: Sequence[tuple[Sequence[int], Sequence[int]]], *,
                         use_embeddings: bool = True, markers: Collection[str] = ()) -> tuple[set[int], set[int]]:
    """Positions of the sentences (source, target) on the many side of a link that have no support of their
    own. Loads the dictionary (and, with `use_embeddings`, the embedding model when installed): call it off the
    GUI thread. Without embeddings only the dictionary and the numbers speak (more sentences are flagged).
    `markers`: the texts' inline-code markers ("{5}"), which are no number a sentence shares."""
    from editor.alignment import embedding
    from editor.alignment.evidence import _numbers
    from editor.alignment.lexicon import clean_chinese, shared_lexicon

    lex = shared_lexicon()
    enc = embedding.shared_encoder() if use_embeddings and embedding.available() else None
    # every link: a many-to-one link's sentences one by one, a 1-1 link's two sentences against each other (only
    # with the embeddings: by the dictionary and numbers alone 118 of MAC-dev's 832 reference 1-1 links look
    # unsupported, free translation being the rule in literary text)
    many = [(tuple(s), tuple(t)) for s, t in links if s and t and (enc is not None or len(s) > 1 or len(t) > 1)]
    sims: dict[tuple, tuple] = {}
    if enc is not None and many:
        # every sentence of those links pooled once, and each sentence and each side of a link embedded in
        # one batch per side
        zi = sorted({i for s, _ in many for i in s})
        ej = sorted({j for _, t in many for j in t})
        zs, zc = enc.pooled([clean_chinese(src[i]) for i in zi])
        es, ec = enc.pooled([tgt[j] for j in ej])
        zpos, epos = {i: k for k, i in enumerate(zi)}, {j: k for k, j in enumerate(ej)}
        z_each, e_each = enc.head(zs, zc), enc.head(es, ec)
        big = [(s, t) for s, t in many if len(s) > 1 or len(t) > 1]     # a 1-1 link's sides are its sentences
        if big:
            z_all = enc.head(np.stack([zs[[zpos[i] for i in s]].sum(axis=0) for s, _ in big]),
                             np.array([zc[[zpos[i] for i in s]].sum() for s, _ in big], dtype=np.float32))
            e_all = enc.head(np.stack([es[[epos[j] for j in t]].sum(axis=0) for _, t in big]),
                             np.array([ec[[epos[j] for j in t]].sum() for _, t in big], dtype=np.float32))
            for k, (s, t) in enumerate(big):
                sims[(s, t)] = (np.array([float(z_each[zpos[i]] @ e_all[k]) for i in s]),
                                np.array([float(e_each[epos[j]] @ z_all[k]) for j in t]))
        for s, t in many:
            if len(s) == 1 and len(t) == 1:
                cos = float(z_each[zpos[s[0]]] @ e_each[epos[t[0]]])
                sims[(s, t)] = (np.array([cos]), np.array([cos]))
    bad_src: set[int] = set()
    bad_tgt: set[int] = set()
    for s, t in many:
        sim = sims.get((s, t))
        if len(s) == 1 and len(t) == 1 and sim is not None and sim[0][0] >= SIMILARITY_MIN:
            continue                            # (most 1-1 links: no need to cut their words)
        zh_texts = [src[i] for i in s]
        en_texts = [tgt[j] for j in t]
        zh_tok = [lex.zh_tokens(x) for x in zh_texts]
        en_tok = [set(lex.en_tokens(x)) for x in en_texts]
        zh_nums = [set(_numbers(x, markers)) for x in zh_texts]
        en_nums = [set(_numbers(x, markers)) for x in en_texts]
        all_en = set().union(*en_tok)
        all_zh_tr = set().union(*(tok.translations for toks in zh_tok for tok in toks))
        if len(s) == 1 and len(t) == 1:
            # a 1-1 link: both sentences have no support in each other (no dictionary word either way, no
            # shared number, a low embedding cosine): two unrelated sentences side by side
            hits_zh = sum(1 for tok in zh_tok[0] if not tok.translations.isdisjoint(all_en))
            hits_en = sum(1 for w in en_tok[0] if w in all_zh_tr)
            if hits_zh < COVERAGE_MIN * len(zh_tok[0]) and hits_en < COVERAGE_MIN * len(en_tok[0]) and \
                    not (zh_nums[0] & en_nums[0]) and (sim is None or sim[0][0] < SIMILARITY_MIN):
                bad_src.add(s[0])
                bad_tgt.add(t[0])
            continue
        if len(s) > 1:
            other_nums = set().union(*en_nums)
            weak = []
            for k, i in enumerate(s):
                hits = sum(1 for tok in zh_tok[k] if not tok.translations.isdisjoint(all_en))
                if hits < COVERAGE_MIN * len(zh_tok[k]) and not (zh_nums[k] & other_nums) and \
                        (sim is None or sim[0][k] < SIMILARITY_MIN):
                    weak.append((_strength(sim, 0, k, hits, len(zh_tok[k])), i))
            bad_src.update(_unsupported(weak, len(s)))
        if len(t) > 1:
            other_nums = set().union(*zh_nums)
            weak = []
            for k, j in enumerate(t):
                hits = sum(1 for w in en_tok[k] if w in all_zh_tr)
                if hits < COVERAGE_MIN * len(en_tok[k]) and not (en_nums[k] & other_nums) and \
                        (sim is None or sim[1][k] < SIMILARITY_MIN):
                    weak.append((_strength(sim, 1, k, hits, len(en_tok[k])), j))
            bad_tgt.update(_unsupported(weak, len(t)))
    return bad_src, bad_tgt


def _strength(sim, side: int, k: int, hits: int, words: int) -> tuple[float, float]:
    """How much a sentence below every support threshold still has: its embedding cosine, then its share of
    translated dictionary words."""
    return (float(sim[side][k]) if sim is not None else 0.0, hits / words if words else 0.0)


def _unsupported(weak: list[tuple[tuple[float, float], int]], size: int) -> list[int]:
    """The sentences of a link's many side to name: those below every support threshold, but when that is every
    sentence of the side only the weakest. The side translates the other one way or another, so one of them
    carries it: a literary translation names its characters differently (袭人 / Aroma) and the embedding
    scores the sentence that is translated low too (an X11 audit: "自此宝玉视袭人更自不同……" 0.21 and the
    omitted "这话暂且不提。" -0.05 against the first one's translation; the first was named, and S split off the
    translated sentence)."""
    if len(weak) < size:
        return [x for _, x in weak]
    return [min(weak)[1]]
