"""Which Chinese script a text is written in: Simplified or Traditional."""

from __future__ import annotations

from enum import StrEnum
from functools import cache


class ChineseScript(StrEnum):
    """The two written standards; their values are what DocumentMeta.chinese_script stores."""

    SIMPLIFIED = "simplified"
    TRADITIONAL = "traditional"


def _encodable(char: str, codec: str) -> bool:
    try:
        char.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


@cache
def char_script(char: str) -> ChineseScript | None:
    """Return the script a Han character belongs to only, or None when both use it (or it is not Han).

    GB2312 is the Simplified standard's character set and Big5 the Traditional one's, so a character in
    exactly one of them marks its script (这/這, 发/發); characters in both (中, 人) say nothing.
    """
    if not ("\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"):
        return None
    in_gb, in_big5 = _encodable(char, "gb2312"), _encodable(char, "big5")
    if in_gb and not in_big5:
        return ChineseScript.SIMPLIFIED
    if in_big5 and not in_gb:
        return ChineseScript.TRADITIONAL
    return None


def script_counts(text: str) -> dict[ChineseScript, int]:
    """Return how many characters of `text` belong to only one script, per script."""
    counts = {ChineseScript.SIMPLIFIED: 0, ChineseScript.TRADITIONAL: 0}
    for char in text:
        script = char_script(char)
        if script is not None:
            counts[script] += 1
    return counts


def detect_chinese_script(text: str) -> str:
    """Return "traditional" when Traditional-only characters outnumber Simplified-only ones, else "simplified".

    Text with no script-specific characters (or no Chinese at all) counts as Simplified, the zh-CN default.
    """
    counts = script_counts(text)
    if counts[ChineseScript.TRADITIONAL] > counts[ChineseScript.SIMPLIFIED]:
        return ChineseScript.TRADITIONAL.value
    return ChineseScript.SIMPLIFIED.value


#: Japanese kana (hiragana, katakana, their extensions and half-width forms); the katakana middle dot ・ and
#: the long-vowel mark ー are left out, since Chinese writes foreign names with them (约翰・史密斯)
_KANA = frozenset(chr(c) for c in (*range(0x3041, 0x3097), *range(0x30A1, 0x30FB), *range(0x31F0, 0x3200),
                                   *range(0xFF66, 0xFF70), *range(0xFF71, 0xFF9E)))
#: a "Chinese" text whose kana are at least this share of its kana and Han characters is Japanese (Japanese
#: prose is 60-70 % kana; a Chinese text quotes a Japanese name or title now and then)
JAPANESE_KANA_SHARE = 0.3


def kana_counts(text: str, sample: int = 200_000) -> tuple[int, int]:
    """Return (kana, Han characters) in the first `sample` characters of `text`."""
    head = text[:sample]
    kana = sum(1 for char in head if char in _KANA)
    han = sum(1 for char in head if "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff")
    return kana, han


def kana_verdict(text: str) -> tuple[str, str] | None:
    """None for a text without kana; ("warning", why) for Chinese with some kana; ("error", why) for a text
    that is mostly kana (Japanese given as Chinese)."""
    kana, han = kana_counts(text)
    if not kana:
        return None
    share = kana / (kana + han)
    if share >= JAPANESE_KANA_SHARE:
        return "error", (f"this should be the Chinese text, but {share:.0%} of its characters are Japanese kana; "
                         "Duiqi aligns Chinese with English, not Japanese")
    return "warning", f"the Chinese text holds {kana} Japanese kana ({share:.1%} of its characters); is it Chinese?"
