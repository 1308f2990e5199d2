"""Export presets: the set of choices that suits one CAT tool (props, language codes, what goes in, limits).

Each preset is a documented set of choices (README "Export presets" gives the reasons):

- generic: everything Duiqi knows (x- props for a lossless re-import, every link, no length limit).
- trados: no custom props (Trados Cloud imports only fields that exist in the TM, and GroupShare can
  invalidate units with unknown fields); language codes with a region (zh-CN/zh-TW/zh-HK, en-US),
  since a Trados TM's language pair must match exactly; doubtful and 1-0/0-1 links left out; segments
  over 2,000 characters left out (Trados Cloud rejects them).
- memoq: no custom props (memoQ imports TMX props only into custom fields defined in the TM);
  region codes; doubtful and 1-0/0-1 links left out.
- phrase: no custom props; region codes; doubtful and 1-0/0-1 links left out.
- lokalize: everything, as generic, but confirmed links get XLIFF 1.2 `state="signed-off"` (Lokalize shows
  `approved="yes"` with `state="final"` as not ready, and `signed-off` as ready).
- omegat: Duiqi's props kept (OmegaT ignores props it does not know); codes as chosen (OmegaT compares
  only the primary subtag, zh/en); doubtful and 1-0/0-1 links left out, because OmegaT fills
  translations from tm/auto without asking.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum

from editor.errors import InputFileError
from editor.exchange.options import ExportOptions

TRADOS_SEGMENT_LIMIT = 2000


@dataclass(frozen=True)
class ExportPreset:
    """One CAT tool's choices; `None` keeps what the user chose."""

    name: str
    title: str
    duiqi_props: bool
    region_codes: bool           # write zh-CN/en-US rather than zh/en/zh-Hans
    keep_doubtful: bool
    keep_unlinked: bool          # XLIFF and tables; a TMX never holds 1-0/0-1 links
    max_segment_length: int | None
    confirmed_state: str = "final"   # XLIFF 1.2 state of confirmed links (approved="yes" is written too)


PRESETS: dict[str, ExportPreset] = {p.name: p for p in (
    ExportPreset("generic", "Generic (everything, Duiqi props)", True, False, True, True, None),
    ExportPreset("trados", "Trados Studio / Trados Cloud / GroupShare", False, True, False, False,
                 TRADOS_SEGMENT_LIMIT),
    ExportPreset("memoq", "memoQ", False, True, False, False, None),
    ExportPreset("phrase", "Phrase (Memsource)", False, True, False, False, None),
    ExportPreset("omegat", "OmegaT", True, False, False, False, None),
    ExportPreset("lokalize", "Lokalize (KDE)", True, False, True, True, None, confirmed_state="signed-off"),
)}


def preset_names() -> list[str]:
    """Return the preset names, `generic` first."""
    return list(PRESETS)


def get_preset(name: str) -> ExportPreset:
    """Return the preset called `name`; raises InputFileError naming the known presets."""
    try:
        return PRESETS[name.strip().lower()]
    except KeyError:
        raise InputFileError(f"unknown export preset {name!r}; use one of {', '.join(PRESETS)}") from None


def region_code(code: str, *, traditional: bool = False) -> str:
    """Return a code with a region, as Trados/memoQ/Phrase TMs name their languages:
    zh -> zh-CN (zh-TW for a Traditional text), zh-Hans -> zh-CN, zh-Hant -> zh-TW, en -> en-US."""
    lower = code.lower()
    if lower in ("zh", "zho", "chi", "cmn"):
        return "zh-TW" if traditional else "zh-CN"
    if lower.startswith(("zh-hans", "cmn-hans")):
        return "zh-CN"
    if lower.startswith(("zh-hant", "cmn-hant")):
        return "zh-TW"
    if lower in ("en", "eng"):
        return "en-US"
    return code


def apply_preset(options: ExportOptions, name: str, *, traditional: bool = False) -> ExportOptions:
    """Return `options` with the preset's choices; an explicit max_segment_length stays when it is stricter."""
    preset = get_preset(name)
    limit = preset.max_segment_length
    if options.max_segment_length is not None:
        limit = options.max_segment_length if limit is None else min(limit, options.max_segment_length)
    return replace(options, preset=preset.name, duiqi_props=preset.duiqi_props,
                   keep_doubtful=preset.keep_doubtful, keep_unlinked=preset.keep_unlinked,
                   max_segment_length=limit, confirmed_state=preset.confirmed_state)


class Omission(Enum):
    """One thing a preset leaves out of a file (the CLI words it in English, the dialog translates it)."""

    UNLINKED_TMX = "1-0 and 0-1 links (a sentence without a counterpart) are left out: a TMX holds pairs only"
    UNLINKED = "1-0 and 0-1 links (a sentence without a counterpart) are left out"
    DOUBTFUL = ("doubtful links (automatic links that need review) are left out; confirm them first to "
                "include them")
    PROPS = ("Duiqi's own props (confidence, status, file names, sentence layout) are left out, so the file "
             "does not reopen with the same sentences and statuses")
    TOO_LONG = "links longer than {limit} characters are left out"
    REGION_CODES = ("language codes get a region (zh -> zh-CN, zh-Hant -> zh-TW, en -> en-US); the TM's "
                    "language pair must match them exactly")


def preset_omissions(name: str, suffix: str = ".tmx") -> list[Omission]:
    """Return what the preset leaves out of a file with this suffix (its props, links, codes, lengths)."""
    preset = get_preset(name)
    suffix = suffix.lower()
    exchange = suffix in (".tmx", ".xlf", ".xliff")
    tables = suffix in (".tsv", ".xlsx")
    out: list[Omission] = []
    if suffix == ".tmx":
        out.append(Omission.UNLINKED_TMX)
    elif not preset.keep_unlinked and (exchange or tables):
        out.append(Omission.UNLINKED)
    if not preset.keep_doubtful and (exchange or tables):
        out.append(Omission.DOUBTFUL)
    if not preset.duiqi_props and exchange:
        out.append(Omission.PROPS)
    if preset.max_segment_length and (exchange or tables):
        out.append(Omission.TOO_LONG)
    if preset.region_codes and exchange:
        out.append(Omission.REGION_CODES)
    return out


def omission_text(omission: Omission, name: str) -> str:
    """Return the English sentence for one omission of the preset `name`."""
    return omission.value.format(limit=get_preset(name).max_segment_length)


def preset_languages(preset_name: str, src: str, tgt: str, *, traditional: bool = False) -> tuple[str, str]:
    """Return the codes the preset writes for the chosen `src` and `tgt` codes."""
    if get_preset(preset_name).region_codes:
        return region_code(src, traditional=traditional), region_code(tgt)
    return src, tgt
