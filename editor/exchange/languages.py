"""Language codes: other tools' codes (zh_cn, ZH-CN, zho, cmn-Hans, eng-US) as BCP-47 tags, and which are Chinese."""

from __future__ import annotations

import re
from functools import lru_cache

_LANG_PART = re.compile(r"^[A-Za-z0-9]{1,8}$")
# ISO 639-2/3 codes other tools write (memoQ: `zho`, `eng-US`; older TMs: `chi`; `cmn` is Mandarin).
_THREE_LETTER = {"zho": "zh", "chi": "zh", "cmn": "zh", "eng": "en"}
_CHINESE_PRIMARY = {"zh", "yue", "lzh", "wuu"}       # not `ja`: Japanese is not Chinese
_TRADITIONAL_TAGS = ("zh-tw", "zh-hk", "zh-mo", "zh-hant")


def bcp47(code: str) -> str:
    """Return a language code as a BCP-47 tag: `zh_cn` -> `zh-CN`, `EN-us` -> `en-US`, `zh-hans` -> `zh-Hans`.

    Raises ValueError for something that is not a language tag at all.
    """
    parts = code.strip().replace("_", "-").split("-")
    if not parts[0] or not all(_LANG_PART.match(p) for p in parts) or not parts[0].isalpha():
        raise ValueError(f"{code!r} is not a language code (expected e.g. zh-CN or en-US)")
    out = [parts[0].lower()]
    for part in parts[1:]:
        if len(part) == 2 and part.isalpha():
            out.append(part.upper())            # region
        elif len(part) == 4 and part.isalpha():
            out.append(part.title())            # script
        else:
            out.append(part.lower())
    return "-".join(out)


def primary_subtag(code: str | None) -> str:
    """Return the language part of a tag, lower case, 3-letter codes folded: `zh-TW` -> `zh`, `zho` -> `zh`."""
    primary = (code or "").strip().replace("_", "-").split("-")[0].lower()
    return _THREE_LETTER.get(primary, primary)


def canonical_lang(code: str) -> str:
    """Return another tool's language code as a BCP-47 tag: `zho-CN` -> `zh-CN`, `ZH_cn` -> `zh-CN`,
    `cmn-Hans` -> `zh-Hans`, `eng` -> `en`. Raises ValueError for something that is not a language code."""
    tag = bcp47(code)
    primary, _, rest = tag.partition("-")
    primary = _THREE_LETTER.get(primary, primary)
    return f"{primary}-{rest}" if rest else primary


@lru_cache(maxsize=256)
def normalized_lang(code: str | None, default: str) -> str:
    """Return a file's language code as canonical_lang does; `default` for none (or `*all*`), the code as it
    is when it is not a language tag."""
    if not code or code == "*all*":
        return default
    try:
        return canonical_lang(code)
    except ValueError:
        return code


def same_lang(a: str, b: str) -> bool:
    """True when two codes name the same language and region (`zh_cn` and `ZH-CN`)."""
    return normalized_lang(a, "").lower() == normalized_lang(b, "").lower()


def is_chinese_code(code: str | None) -> bool:
    """True for a Chinese language code: zh, zh-Hans, zh-Hant, ZH-CN, zho, chi, cmn, yue (not ja)."""
    return primary_subtag(code) in _CHINESE_PRIMARY


def is_english_code(code: str | None) -> bool:
    """True for an English language code: en, en-GB, eng, eng-US."""
    return primary_subtag(code) == "en"


def chinese_script(code: str) -> str:
    """Return "traditional" for zh-TW/zh-HK/zh-MO/zh-Hant codes, else "simplified"."""
    return "traditional" if code.lower().startswith(_TRADITIONAL_TAGS) else "simplified"
