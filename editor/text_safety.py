"""Text that can be written anywhere: lone UTF-16 surrogates (which no UTF-8 file can hold) found or replaced.

A lone surrogate ("\\ud800") gets into a str through JSON escapes, surrogateescape decoding or a
clipboard; encoding it as UTF-8 fails, and encoding it with errors="surrogatepass" writes bytes that are
not UTF-8. Every writer of text files runs its text through `replace_lone_surrogates()`.
"""

from __future__ import annotations

import re

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
#: What a lone surrogate becomes in written text.
REPLACEMENT = "\ufffd"


def first_lone_surrogate(text: str) -> str | None:
    """Return the first lone surrogate in `text`, or None (a Python str holds astral characters whole)."""
    found = _LONE_SURROGATE.search(text)
    return found.group() if found else None


def replace_lone_surrogates(text: str) -> tuple[str, int]:
    """Return `text` with each lone surrogate replaced by U+FFFD, and how many were replaced."""
    return _LONE_SURROGATE.subn(REPLACEMENT, text)


def utf8(text: str) -> bytes:
    """Encode text as UTF-8 that is always valid: lone surrogates become U+FFFD."""
    return replace_lone_surrogates(text)[0].encode("utf-8")
