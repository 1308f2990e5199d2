"""The JOBS file `duiqi batch` and New Collection read: one job a line, ZH<TAB>EN[<TAB>NAME] or MIXED[<TAB><TAB>NAME]."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from editor.errors import InputFileError


@dataclass(frozen=True)
class BatchJob:
    """One output: a Chinese and an English file, or one mixed file (`en` None), written as NAME.EXT."""

    name: str
    zh: str
    en: str | None = None
    #: set when the job cannot run at all (e.g. a folder's file has no partner); it is reported as failed
    problem: str | None = None

    @property
    def inputs(self) -> list[str]:
        return [self.zh] if self.en is None else [self.zh, self.en]


def read_jobs_file(path: Path | str) -> list[BatchJob]:
    """Read a JOBS file: one job a line, `ZH<TAB>EN[<TAB>NAME]` or `MIXED[<TAB><TAB>NAME]`; blank lines and
    lines starting with # are ignored. Relative file names are relative to the JOBS file's folder; NAME
    defaults to the (first) Chinese file's stem. Raises InputFileError naming the line for a bad line or a
    NAME used twice."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise InputFileError("the JOBS file is not UTF-8 text", path=path) from None
    except OSError as exc:
        raise InputFileError(f"cannot read the JOBS file: {exc.strerror or exc}", path=path) from None
    base = path.parent
    jobs: list[BatchJob] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) > 3:
            raise InputFileError(f"line {number}: expected ZH<TAB>EN[<TAB>NAME] or MIXED[<TAB><TAB>NAME], "
                                 f"found {len(fields)} tab-separated fields", path=path)
        zh, en, name = (fields + ["", ""])[:3]
        zh, en, name = zh.strip(), en.strip(), name.strip()
        if not zh:
            raise InputFileError(f"line {number}: no Chinese (or mixed) file", path=path)
        zh_path = str(base / zh)
        en_path = str(base / en) if en else None
        jobs.append(BatchJob(safe_name(name or Path(zh).stem, path, number), zh_path, en_path))
    check_unique(jobs, path)
    return jobs


def safe_name(name: str, path: Path, number: int) -> str:
    if name in (".", "..") or "/" in name or "\\" in name or "\0" in name:
        raise InputFileError(f"line {number}: NAME {name!r} must be a plain file name", path=path)
    return name


def check_unique(jobs: Sequence[BatchJob], path: Path | None) -> None:
    seen: set[str] = set()
    for job in jobs:
        if job.name in seen:
            raise InputFileError(f"two jobs write the same output name {job.name!r}; give one of them a NAME",
                                 path=path)
        seen.add(job.name)
