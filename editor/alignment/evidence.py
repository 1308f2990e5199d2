"""Why a bead looks right or wrong, in numbers a person can read (the editor's explanation strip)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Collection, Sequence

from editor.alignment.length import text_length

_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")


@dataclass(frozen=True, slots=True)
class BeadEvidence:
    """The parts of a bead's score. None: the engine did not measure that part."""

    length_ratio: float | None            # English characters per Chinese character in this bead
    typical_ratio: float                  # the same over the whole document
    numbers_matched: int                  # numbers found on both sides
    numbers_unmatched: int                # numbers found on one side only
    dictionary_coverage: float | None = None    # share of words with a dictionary translation on the other side
    similarity: float | None = None             # sentence-embedding cosine, when embeddings are available


def document_ratio(src: Sequence[str], tgt: Sequence[str]) -> float:
    """Return the document's English characters per Chinese character (the typical length ratio)."""
    return (sum(map(text_length, tgt)) or 1) / (sum(map(text_length, src)) or 1)


#: English number words too vague to count as a number the translation must keep ("one of", "first day", "half").
_NOT_COUNTED = {"one", "first", "second", "third", "fourth", "fifth", "half", "twice"}


_MONTHS = {name: k for k, names in enumerate(
    ("january jan", "february feb", "march mar", "april apr", "may", "june jun", "july jul", "august aug",
     "september sep sept", "october oct", "november nov", "december dec"), start=1) for name in names.split()}
_ZH_NUMERAL = "零〇一二两兩三四五六七八九十"
#: 3月 / 三月 / 十二月 (a month), not 月 after other words (岁月, 一个月 "one month" is caught by 个)
_ZH_MONTH = re.compile(f"(?<![{_ZH_NUMERAL}\\d个個])(\\d{{1,2}}|[{_ZH_NUMERAL}]{{1,3}})月")
_EN_MONTH = re.compile(r"\b(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b\.?", re.IGNORECASE)
_ZH_UNIT_ONLY = set("十百千万萬亿億")


#: the days of the week: 星期二 / 周二 / 礼拜二 and Tuesday are "weekday 2", not the number 2 (an X11 re-test:
#: 周二 / "Tuesday" read "numbers 0 matched, 1 unmatched")
_ZH_WEEKDAY = re.compile("(?:星期|礼拜|禮拜|周|週)([一二三四五六日天])(?![次遍回趟])")     # 每周一次: once a week
_ZH_WEEKDAYS = {c: k for k, c in enumerate("一二三四五六", start=1)} | {"日": 7, "天": 7}
_EN_WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?\b")
_EN_WEEKDAYS = {d: k for k, d in enumerate(("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                                             "Sunday"), start=1)}


def _weekdays(text: str, chinese: bool) -> tuple[list[str], str]:
    """Return the days of the week named in a text as "weekday N" tokens, and the text without them."""
    found: list[str] = []

    def day(m: re.Match) -> str:
        found.append(f"weekday {_ZH_WEEKDAYS[m.group(1)] if chinese else _EN_WEEKDAYS[m.group(1)]}")
        return " "
    return found, (_ZH_WEEKDAY if chinese else _EN_WEEKDAY).sub(day, text)


def _months(text: str, chinese: bool) -> tuple[list[str], str]:
    """Return the months named in a text as "month N" tokens, and the text without them (so that the 3 of
    3月 is not counted again as a number). English "May" counts only capitalised (not the verb "may")."""
    from editor.alignment.lexicon import _zh_number

    found: list[str] = []
    if chinese:
        def zh(m: re.Match) -> str:
            g = m.group(1)
            value = int(g) if g.isdigit() else _zh_number(g)
            if value is not None and 1 <= value <= 12:
                found.append(f"month {value}")
                return " "
            return m.group()
        return found, _ZH_MONTH.sub(zh, text)

    def en(m: re.Match) -> str:
        word = m.group(1)
        if word.lower() == "may" and not word[0].isupper() or word.lower() in ("mar", "jan") and not word[0].isupper():
            return m.group()
        found.append(f"month {_MONTHS[word.lower()]}")
        return " "
    return found, _EN_MONTH.sub(en, text)


def _numbers(text: str, markers: Collection[str] = ()) -> list[str]:
    """Return the numbers in a text as digit strings: 2,000 / 2000 / 两千 all give "2000", "twelve" gives "12";
    months as "month N" (3月, 三月, March), so 3月8日 matches "March 8". The `markers` (another tool's inline
    codes, "{5}", "{/1}": editor.exchange.inline) are not numbers (the strip said "numbers 3 matched" of a link
    whose only numbers were code markers; an X11 audit)."""
    from editor.alignment.lexicon import _ZH_NUMERAL_RUN, _zh_number, shared_lexicon

    for marker in markers:
        if marker in text:
            text = text.replace(marker, " ")
    chinese = bool(re.search(r"[\u4e00-\u9fff]", text))
    found, text = _months(text, chinese)
    days, text = _weekdays(text, chinese)
    found += days

    def scaled(m: re.Match) -> str:                   # "20 billion", "1.5 million": one number
        value = float(m.group(1).replace(",", "")) * _SCALES[m.group(2).lower()]
        found.append(str(int(value)) if value == int(value) else str(value))
        return " "
    if not chinese:
        text = _DIGITS_SCALED.sub(scaled, text)
    found += [m.group().replace(",", "") for m in _DIGITS.finditer(text)]
    phrases = shared_lexicon().set_phrases(text) if chinese else []
    for match in _ZH_NUMERAL_RUN.finditer(text):
        run = match.group()
        # A lone 一 is mostly "a"/"one" in prose; a run of units alone (萬 in the name 汪夔萬, 千万 "by all
        # means") is a word, not a number; 十 alone is ten; the numerals of a set phrase (六亲不认) are none.
        if run == "一" or (run != "十" and set(run) <= _ZH_UNIT_ONLY):
            continue
        if any(a <= match.start() and match.end() <= b for a, b in phrases):
            continue
        value = _zh_number(run)
        if value is not None:
            found.append(str(value))
    found += _english_numbers(text.lower())
    return found


_SCALES = {"hundred": 100, "thousand": 1000, "million": 10 ** 6, "billion": 10 ** 9}


@functools.cache
def _small_numbers() -> dict[str, int]:
    """Cardinal words below a hundred: they make up a compound number with the scales ("three hundred and
    fifty")."""
    from editor.alignment.lexicon import _EN_NUMBERS

    return {w: v for w, v in _EN_NUMBERS.items() if isinstance(v, int) and v < 100 and w not in
            ("first", "second", "third", "fourth", "fifth", "dozen", "twice")}


_DIGITS_SCALED = re.compile(r"(\d+(?:,\d{3})*(?:\.\d+)?)\s+(hundred|thousand|million|billion)\b", re.IGNORECASE)


def _english_numbers(text: str) -> list[str]:
    """The numbers a lower-case English text writes in words, a compound number as one ("three hundred" 300,
    "twenty-one" 21, "three hundred and fifty" 350, "20 billion" 20000000000; the explanation strip said
    "0 matched" of 三百余口 / "three hundred souls" and 两百亿 / "20 billion": an X11 audit). A lone "one" is a
    pronoun as often as a number and is not counted."""
    from editor.alignment.lexicon import _EN_NUMBERS

    small = _small_numbers()
    found = []
    words = re.findall(r"[a-z]+", text)
    run: list | None = None                 # [total, current, last word, words]

    def close() -> None:
        nonlocal run
        if run is not None and run[3] != ["one"]:
            found.append(str(run[0] + run[1]))
        run = None

    for k, w in enumerate(words):
        if w == "and" and run is not None and run[2] in _SCALES and k + 1 < len(words) and words[k + 1] in small:
            continue                                    # "three hundred and fifty"
        if w in small:
            v = small[w]
            if run is not None and (run[2] in _SCALES or (run[2] in small and small[run[2]] % 10 == 0
                                                           and 20 <= small[run[2]] and v < 10)):
                run[1] += v                             # "hundred fifty", "twenty-one"
            else:
                close()
                run = [0, v, w, []]
        elif w in _SCALES:
            if run is None:
                run = [0, 0, w, []]
            if w == "hundred":
                run[1] = (run[1] or 1) * 100
            else:
                run[0], run[1] = run[0] + (run[1] or 1) * _SCALES[w], 0
        else:
            close()
            if w in _EN_NUMBERS and w not in _NOT_COUNTED:
                found.append(str(_EN_NUMBERS[w]))
            continue
        run[2] = w
        run[3].append(w)
    close()
    return found


def explain(src_texts: Sequence[str], tgt_texts: Sequence[str], typical_ratio: float, *,
            load: bool = False, markers: Collection[str] = ()) -> BeadEvidence:
    """Return the evidence for linking these source sentences with these target sentences (`markers`: the
    inline-code markers of their texts, which are not numbers).

    dictionary_coverage and similarity are filled in when the dictionary / embedding model are already loaded
    (an alignment ran), or when `load` is True (then the first call may take a few seconds: not on a GUI thread).
    """
    src_len = sum(map(text_length, src_texts))
    tgt_len = sum(map(text_length, tgt_texts))
    ratio = tgt_len / src_len if src_len and tgt_len else None
    src_numbers, tgt_numbers = _numbers(" ".join(src_texts), markers), _numbers(" ".join(tgt_texts), markers)
    pool = list(tgt_numbers)
    matched = 0
    for n in src_numbers:
        if n in pool:
            pool.remove(n)
            matched += 1
    coverage = similarity = None
    if src_texts and tgt_texts:
        coverage = _dictionary_coverage(src_texts, tgt_texts, load)
        similarity = _similarity(src_texts, tgt_texts, load)
    return BeadEvidence(ratio, typical_ratio, matched, len(src_numbers) - matched + len(pool), coverage, similarity)


def _dictionary_coverage(src_texts: Sequence[str], tgt_texts: Sequence[str], load: bool) -> float | None:
    from editor.alignment.lexicon import shared_lexicon

    lex = shared_lexicon()
    if not (lex.loaded or load):
        return None
    zh = [t for s in src_texts for t in lex.zh_tokens(s)]
    en = [t for s in tgt_texts for t in lex.en_tokens(s)]
    if not zh and not en:
        return None
    en_set = set(en)
    union = set().union(*(t.translations for t in zh)) if zh else set()
    hits = sum(1 for t in zh if not t.translations.isdisjoint(en_set)) + sum(1 for t in en if t in union)
    return round(hits / (len(zh) + len(en)), 3)


def _similarity(src_texts: Sequence[str], tgt_texts: Sequence[str], load: bool) -> float | None:
    from editor.alignment import embedding
    from editor.alignment.lexicon import clean_chinese

    if not embedding.available():
        return None
    enc = embedding.shared_encoder()
    if not (enc.loaded or load):
        return None
    zs, zc = enc.pooled([clean_chinese(s) for s in src_texts])
    es, ec = enc.pooled(list(tgt_texts))
    z = enc.head(zs.sum(axis=0, keepdims=True), zc.sum(keepdims=True).reshape(1))
    e = enc.head(es.sum(axis=0, keepdims=True), ec.sum(keepdims=True).reshape(1))
    return round(float((z @ e.T)[0, 0]), 3)
