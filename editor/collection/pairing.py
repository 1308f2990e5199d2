"""Pairing a client's files into documents: by name (the same stem once language tags such as `.zh`/`.en`,
`_cn`/`_en`, `-zh-CN` or 中文/英文 are taken off), from two folders, one folder, a JOBS file (as `duiqi batch`
reads it) or a list of mixed bilingual files. Files left without a partner are listed, not dropped.

Bad input raises InputFileError naming the file: an empty folder, the same file on both sides of a pair, a file
in two pairs, two files of one folder that pair to the same name.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from editor.errors import InputFileError

ZH, EN = "zh", "en"

# Latin tags need a separator before them (so "kitchen" is not "kitch" + "en"); Chinese ones do not.
_LATIN_TAGS = {
    ZH: ("zh-cn", "zh_cn", "zh-tw", "zh_tw", "zh-hk", "zh_hk", "zh-hans", "zh_hans", "zh-hant", "zh_hant",
         "zh-sg", "zh", "cn", "chs", "cht", "zho", "chi", "chinese", "sc", "tc"),
    EN: ("en-us", "en_us", "en-gb", "en_gb", "en-uk", "en_uk", "en", "eng", "english"),
}
_HAN_TAGS = {
    ZH: ("中文版", "中文", "简体", "簡體", "繁体", "繁體", "汉语", "漢語", "原文", "中"),
    EN: ("英文版", "英文", "英语", "英語", "译文", "譯文", "英"),
}
_SEPARATORS = "._- "


def _tag_patterns() -> list[tuple[re.Pattern, str]]:
    patterns = []
    for lang in (ZH, EN):
        latin = "|".join(re.escape(t) for t in sorted(_LATIN_TAGS[lang], key=len, reverse=True))
        han = "|".join(re.escape(t) for t in sorted(_HAN_TAGS[lang], key=len, reverse=True))
        sep = f"[{re.escape(_SEPARATORS)}]"
        patterns.append((re.compile(rf"^(?P<base>.+?){sep}+(?:{latin})$", re.IGNORECASE), lang))
        patterns.append((re.compile(rf"^(?P<base>.+?){sep}*(?:{han})$"), lang))
        patterns.append((re.compile(rf"^(?:{latin}){sep}+(?P<base>.+)$", re.IGNORECASE), lang))
        long_han = "|".join(re.escape(t) for t in sorted(_HAN_TAGS[lang], key=len, reverse=True) if len(t) > 1)
        patterns.append((re.compile(rf"^(?:{long_han}){sep}*(?P<base>.+)$"), lang))   # not 英国史: 英 + 国史
    return patterns


_PATTERNS = _tag_patterns()


def split_tag(path: Path | str) -> tuple[str, str | None]:
    """Return (base name, language) of a file name: `report.zh.docx` -> ("report", "zh"), `报告_英文.txt` ->
    ("报告", "en"), `ch01.txt` -> ("ch01", None). The language is "zh", "en" or None (no tag)."""
    stem = _stem(path)
    for pattern, lang in _PATTERNS:
        match = pattern.match(stem)
        if match and match.group("base").strip(_SEPARATORS):
            return match.group("base").strip(_SEPARATORS), lang
    return stem, None


def _stem(path: Path | str) -> str:
    """The file's name without its extension (`ch01.txt` -> "ch01"; `v1.2` keeps its numeric "suffix")."""
    stem = Path(path).name
    suffix = Path(stem).suffix
    if suffix and len(suffix) <= 6 and not suffix[1:].isdigit():
        stem = stem[: -len(suffix)]
    return stem


def document_name(zh: Path | str, en: Path | str | None = None) -> str:
    """Return the name of the document made of `zh` and `en` (or of the one file `zh`): the base both file names
    share once their language tags are off (`report_cn` + `report_en` -> "report", `english-only` +
    `chinese-only` -> "only"), else the Chinese file's whole stem. A tag comes off only where the other file's
    name leaves the same base: a lone `english-only.txt` is "english-only" (an X11 re-test saw a document called
    "only"), and a hand-made pair of `x_cn.txt` and `y_en.txt` is "x_cn"."""
    if en is not None:
        zh_base, en_base = split_tag(zh)[0], split_tag(en)[0]
        if zh_base.casefold() == en_base.casefold():
            return zh_base
    return _stem(zh)


@dataclass(frozen=True)
class Pair:
    """One document of a collection: a Chinese and an English file, or one mixed file (`en` None)."""

    name: str
    zh: Path
    en: Path | None = None

    @property
    def inputs(self) -> list[Path]:
        return [self.zh] if self.en is None else [self.zh, self.en]


@dataclass
class Pairing:
    """Documents found, and the files left without a partner (to pair by hand, add as mixed, or leave)."""

    pairs: list[Pair] = field(default_factory=list)
    unpaired: list[Path] = field(default_factory=list)

    def add(self, pair: Pair) -> Pair:
        """Add a pair (named uniquely), taking its files off the unpaired list."""
        pair = Pair(unique_name(pair.name, {p.name for p in self.pairs}), pair.zh, pair.en)
        self.pairs.append(pair)
        for path in pair.inputs:
            if path in self.unpaired:
                self.unpaired.remove(path)
        return pair

    def drop(self, name: str) -> None:
        """Drop the pair called `name`; its files go back to the unpaired list."""
        for k, pair in enumerate(self.pairs):
            if pair.name == name:
                del self.pairs[k]
                self.unpaired.extend(p for p in pair.inputs if p not in self.unpaired)
                return

    def check(self) -> None:
        """Raise InputFileError naming the file for a file on both sides of a pair, a file in two pairs, a
        missing or unreadable file, or no pair at all."""
        seen: dict[Path, str] = {}
        for pair in self.pairs:
            if pair.en is not None and _same_file(pair.zh, pair.en):
                raise InputFileError(f"the same file is on both sides of the pair {pair.name!r}", path=pair.zh)
            for path in pair.inputs:
                key = _key(path)
                if key in seen:
                    raise InputFileError(f"the file is in two pairs ({seen[key]!r} and {pair.name!r})", path=path)
                seen[key] = pair.name
                if not path.is_file():
                    raise InputFileError("the file does not exist (or is not a file)", path=path)
                if not os.access(path, os.R_OK):
                    raise InputFileError("the file cannot be read (permission denied)", path=path)
        if not self.pairs:
            first = self.unpaired[0] if self.unpaired else None
            raise InputFileError("no pair of files was found" + (": no file has a partner" if first else ""),
                                 path=first.parent if first else None)


def _key(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path.absolute()


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return _key(a) == _key(b)


def unique_name(name: str, taken: Iterable[str]) -> str:
    """Return `name`, or `name (2)`, `name (3)` … when taken."""
    taken = set(taken)
    if name not in taken:
        return name
    n = 2
    while f"{name} ({n})" in taken:
        n += 1
    return f"{name} ({n})"


def _files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        raise InputFileError("not a folder", path=folder)
    try:
        entries = sorted(folder.iterdir())
    except OSError as exc:
        raise InputFileError(f"cannot read the folder: {exc.strerror or exc}", path=folder) from None
    files = [p for p in entries if p.is_file() and not p.name.startswith((".", "~$"))]
    if not files:
        raise InputFileError("the folder holds no files", path=folder)
    return files


def pair_folders(zh_dir: Path | str, en_dir: Path | str) -> Pairing:
    """Pair a folder of Chinese files with a folder of English files by base name (tags taken off:
    `ch01.txt` with `ch01.docx`, `report_cn.docx` with `report_en.docx`)."""
    zh_dir, en_dir = Path(zh_dir), Path(en_dir)
    if _same_file(zh_dir, en_dir):
        return pair_folder(zh_dir)
    sides = []
    for folder in (zh_dir, en_dir):
        by_base: dict[str, Path] = {}
        for path in _files(folder):
            base = split_tag(path)[0].casefold()
            if base in by_base:
                raise InputFileError(f"two files pair to the name {split_tag(path)[0]!r} ({by_base[base].name}, "
                                     f"{path.name}): cannot tell which one to pair", path=path)
            by_base[base] = path
        sides.append(by_base)
    zh_files, en_files = sides
    pairing = Pairing()
    for base in sorted(zh_files.keys() | en_files.keys()):
        zh, en = zh_files.get(base), en_files.get(base)
        if zh is not None and en is not None:
            pairing.add(Pair(document_name(zh, en), zh, en))
        else:
            pairing.unpaired.append(zh or en)
    return pairing


def pair_folder(folder: Path | str) -> Pairing:
    """Pair the files of one folder that hold both languages by their tags (`report.zh.docx` with
    `report.en.docx`, `报告中文.txt` with `报告英文.txt`); untagged files are listed as unpaired (a mixed
    bilingual file can be added as a document of its own)."""
    return pair_files(_files(Path(folder)))


def pair_files(paths: Sequence[Path | str]) -> Pairing:
    """Pair files by their language tags; files without a tag or a partner are listed as unpaired."""
    groups: dict[str, dict[str, list[Path]]] = {}
    names: dict[str, str] = {}
    pairing = Pairing()
    for path in map(Path, paths):
        base, lang = split_tag(path)
        if lang is None:
            pairing.unpaired.append(path)
            continue
        key = base.casefold()
        names.setdefault(key, base)
        groups.setdefault(key, {ZH: [], EN: []})[lang].append(path)
    for key in sorted(groups):
        zh, en = groups[key][ZH], groups[key][EN]
        if len(zh) == 1 and len(en) == 1:
            pairing.add(Pair(names[key], zh[0], en[0]))
        else:
            pairing.unpaired.extend(zh + en)
    return pairing


def mixed_files(paths: Sequence[Path | str]) -> Pairing:
    """Each file is one document holding both languages (alternating paragraphs, same-line pairs or a table)."""
    pairing = Pairing()
    for path in map(Path, paths):
        pairing.add(Pair(document_name(path), path, None))
    return pairing


def pairs_from_jobs(path: Path | str) -> Pairing:
    """The pairs of a JOBS file as `duiqi batch` reads it (ZH<TAB>EN[<TAB>NAME] or MIXED[<TAB><TAB>NAME])."""
    from editor.collection.jobs_file import read_jobs_file

    pairing = Pairing()
    for job in read_jobs_file(path):
        pairing.add(Pair(job.name, Path(job.zh), Path(job.en) if job.en else None))
    return pairing
