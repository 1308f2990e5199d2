"""Which fonts the panes use: a Latin font first for English (CJK as fallback), a CJK font first for Chinese, and whether any font has Han characters."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QFontDatabase, QRawFont

#: Fonts that render Chinese well, best first per platform; the first one installed wins.
CJK_FONTS = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei UI", "Microsoft YaHei",
             "PingFang SC", "Hiragino Sans GB", "WenQuanYi Micro Hei", "Noto Sans CJK TC", "PingFang TC",
             "Microsoft JhengHei", "SimSun", "Droid Sans Fallback")
#: Latin UI fonts, best first. A CJK font's curly quotes and dashes are full width ("city’ s", "—" like 一),
#: so English text must not take them from the CJK font.
LATIN_FONTS = ("Segoe UI", "Helvetica Neue", "SF Pro Text", "Noto Sans", "Cantarell", "Ubuntu", "DejaVu Sans",
               "Liberation Sans", "Arial", "Helvetica")
#: Common Han characters (and Chinese punctuation) a usable Chinese font must have.
HAN_SAMPLE = "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年，。“”"
#: English punctuation a Latin font must have, so that none of it falls back to a CJK font.
LATIN_SAMPLE = "’‘“”—–…"


def _covers(family: str, sample: str) -> bool:
    raw = QRawFont.fromFont(QFont(family))
    return raw.isValid() and raw.familyName().casefold() == family.casefold() and \
        all(raw.supportsCharacter(ord(ch)) for ch in sample)   # ucs4: a str of one char can miss


def find_han_font(candidates: list[str] | None = None) -> str | None:
    """Return an installed family that has common Han characters (preferred ones first), or None.

    `candidates` limits the search (tests); by default the known CJK fonts, then any family that says it
    supports Chinese.
    """
    if candidates is None:
        installed = set(QFontDatabase.families())
        candidates = [f for f in CJK_FONTS if f in installed]
        for system in (QFontDatabase.WritingSystem.SimplifiedChinese, QFontDatabase.WritingSystem.TraditionalChinese):
            candidates += [f for f in QFontDatabase.families(system) if f not in candidates]
    return next((f for f in candidates if _covers(f, HAN_SAMPLE)), None)


def find_latin_font(candidates: list[str] | None = None) -> str | None:
    """Return an installed Latin family with curly quotes and dashes of its own, or None."""
    if candidates is None:
        installed = set(QFontDatabase.families())
        candidates = [f for f in LATIN_FONTS if f in installed]
    return next((f for f in candidates if _covers(f, LATIN_SAMPLE) and not _covers(f, HAN_SAMPLE[:4])), None)


def pane_font(base: QFont, chinese: bool) -> QFont:
    """Return `base` (its size and weight) with the families ordered for one pane's language.

    English: the Latin font, then the CJK font for the odd Chinese character. Chinese: the CJK font
    (Chinese punctuation is full width there, as it should be), then the Latin font.
    """
    font = QFont(base)
    han, latin = _cached_families()
    first, second = (han, latin) if chinese else (latin, han)
    families = [f for f in (first, second) if f] + [f for f in base.families() if f not in (first, second)]
    if families:
        font.setFamilies(families)
    return font


_FAMILIES: list[tuple[str | None, str | None]] = []


def _cached_families() -> tuple[str | None, str | None]:
    if not _FAMILIES:
        _FAMILIES.append((find_han_font(), find_latin_font()))
    return _FAMILIES[0]


def install_hint() -> str:
    """Return how to install a Chinese font on this system, in words the user can act on."""
    translate = QCoreApplication.translate
    if sys.platform.startswith("linux"):
        return translate("Fonts", "Install a Chinese font, for example: sudo apt install fonts-noto-cjk (Debian, "
                                  "Ubuntu), sudo dnf install google-noto-sans-cjk-fonts (Fedora), sudo pacman -S "
                                  "noto-fonts-cjk (Arch), then start Duiqi again.")
    if sys.platform == "darwin":
        return translate("Fonts", "Enable a Chinese font (PingFang SC) in Font Book, then start Duiqi again.")
    return translate("Fonts", "Add the Chinese supplemental fonts (Settings → Apps → Optional features), "
                              "then start Duiqi again.")


def missing_han_font_message(candidates: list[str] | None = None) -> str | None:
    """Return the warning to show when no installed font has Chinese characters (they would show as boxes), else None."""
    if find_han_font(candidates) is not None:
        return None
    return QCoreApplication.translate("Fonts", "No installed font has Chinese characters, so Chinese text will show "
                                               "as empty boxes.") + "\n\n" + install_hint()
