"""Text that XML can carry: dropping characters XML 1.0 forbids, BCP-47 language tags, TMX dates."""

from __future__ import annotations

import re
from datetime import datetime, timezone

XML_NS = "http://www.w3.org/XML/1998/namespace"
XML_LANG = f"{{{XML_NS}}}lang"

# XML 1.0 §2.2: Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
_FORBIDDEN = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> tuple[str, int]:
    """Return the text without the characters XML 1.0 forbids (C0 controls, lone surrogates, U+FFFE/FFFF)
    and how many were removed."""
    cleaned, removed = _FORBIDDEN.subn("", text)
    return cleaned, removed


def strip_forbidden(text: str) -> str:
    """Return `text` without the characters XML 1.0 forbids."""
    return _FORBIDDEN.sub("", text)


_LANG_PART = re.compile(r"^[A-Za-z0-9]{1,8}$")


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


# ISO 639-2/3 codes other tools write (memoQ: `zho`, `eng-US`; older TMs: `chi`; `cmn` is Mandarin).
_THREE_LETTER = {"zho": "zh", "chi": "zh", "cmn": "zh", "eng": "en"}
_CHINESE_PRIMARY = {"zh", "yue", "lzh", "wuu"}       # not `ja`: Japanese is not Chinese


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


def is_chinese_code(code: str | None) -> bool:
    """True for a Chinese language code: zh, zh-Hans, zh-Hant, ZH-CN, zho, chi, cmn, yue (not ja)."""
    return primary_subtag(code) in _CHINESE_PRIMARY


def is_english_code(code: str | None) -> bool:
    """True for an English language code: en, en-GB, eng, eng-US."""
    return primary_subtag(code) == "en"


def tmx_date(moment: datetime | None = None) -> str:
    """Return a date in the TMX form YYYYMMDDThhmmssZ (UTC)."""
    moment = moment or datetime.now(timezone.utc)
    return moment.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
