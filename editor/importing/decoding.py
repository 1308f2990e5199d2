"""Turning a text file's bytes into a string: BOMs, strict UTF-8, then GB18030/Big5/UTF-16 by detection."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from editor.errors import UndecodableFileError

# Longest BOM first: the UTF-32 LE BOM begins with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
)

# What the detector may choose among, after BOMs and strict UTF-8 have failed.  GB18030 is a superset of
# GBK and GB2312, so those are reported as GB18030.  cp1252 covers English files saved by old Windows tools.
DETECTABLE = ("gb18030", "big5", "utf_16_le", "utf_16_be", "cp1252")
_ALIASES = {"gbk": "gb18030", "gb2312": "gb18030", "cp936": "gb18030", "big5hkscs": "big5", "cp950": "big5",
            "utf_16_le": "utf-16-le", "utf_16_be": "utf-16-be", "utf_8": "utf-8"}

# What the Open dialog offers when the user overrides detection (any Python codec name also works).
ENCODING_CHOICES = ("utf-8", "utf-8-sig", "utf-16-le", "utf-16-be", "gb18030", "big5", "cp1252")

# Control characters that never occur in text files (tab, LF, VT, FF, CR and ESC do).
_BINARY_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


def _is_binary_text(text: str) -> bool:
    """True when a decoded string is full of control characters (a binary file that happened to decode)."""
    if not text:
        return False
    return len(_BINARY_CONTROLS.findall(text)) > max(0, len(text) // 200)


def _decode_strict(raw: bytes, encoding: str, path: Path) -> str:
    try:
        return raw.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        raise UndecodableFileError(path, tried=(encoding,)) from None


def decode_text(raw: bytes, path: Path | str, encoding: str | None = None) -> tuple[str, str]:
    """Return (text, encoding used) for a text file's bytes, decoded strictly.

    A forced `encoding` is used alone.  Otherwise a BOM wins, then strict UTF-8, then the most coherent of
    `DETECTABLE` according to charset-normalizer.  Raises UndecodableFileError (naming `path`) for binary
    files and for bytes no supported encoding decodes.
    """
    path = Path(path)
    if encoding:
        text = _decode_strict(raw, encoding, path)
        if _is_binary_text(text):
            raise UndecodableFileError(path, tried=(encoding,))
        return text.removeprefix("\ufeff"), encoding
    for bom, codec, name in _BOMS:
        if raw.startswith(bom):
            text = _decode_strict(raw[len(bom):], codec, path)
            if _is_binary_text(text):
                raise UndecodableFileError(path, tried=(name,))
            return text, name
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if _is_binary_text(text):
            raise UndecodableFileError(path, tried=("utf-8",))
        return text, "utf-8"
    return _detect(raw, path)


def _detect(raw: bytes, path: Path) -> tuple[str, str]:
    from charset_normalizer import from_bytes    # imported late: it is only needed for legacy encodings

    tried = ("utf-8",) + tuple(_ALIASES.get(n, n) for n in DETECTABLE)
    # Without a BOM, NUL bytes mean UTF-16 or a binary file; let the detector try UTF-16 only then.
    candidates = [n for n in DETECTABLE if (b"\x00" in raw) == n.startswith("utf_16")]
    for match in from_bytes(raw, cp_isolation=candidates, explain=False):
        name = _ALIASES.get(match.encoding, match.encoding)
        try:
            text = raw.decode(name)
        except UnicodeDecodeError:
            continue
        if not _is_binary_text(text):
            return text, name
    raise UndecodableFileError(path, tried=tried)
