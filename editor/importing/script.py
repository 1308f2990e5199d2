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
