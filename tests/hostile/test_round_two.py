"""Hostile input and faults, round two (issue 26): each case is a small hand-made file (built here when large),
run through the real `duiqi` in a child process under resource limits (tests/hostile/limited.py), which must
exit 2 with one line naming the file, or read the full, exact text where the input is legal."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests.hostile.limited import assert_refused, duiqi

ZH = "第一句话很短。第二句话有数字42。\n第三段只有一句。\n"
EN = "The first sentence is short. The second one has the number 42.\nThe third paragraph has one sentence.\n"


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def pair(tmp_path):
    zh, en = tmp_path / "zh.txt", tmp_path / "en.txt"
    zh.write_text(ZH, encoding="utf-8")
    en.write_text(EN, encoding="utf-8")
    return zh, en


# -- 1. data loss: batch never overwrites an input or the JOBS file -------------------------------------

@pytest.mark.parametrize("force", [False, True])
def test_batch_refuses_an_output_that_is_an_input(tmp_path, pair, force):
    zh, en = pair
    glossary = tmp_path / "glossary.tsv"
    glossary.write_text("术语\tterm\n", encoding="utf-8")
    jobs = tmp_path / "jobs.txt"
    jobs.write_text(f"{zh.name}\t{en.name}\tone\nglossary.tsv\t{en.name}\tglossary\n", encoding="utf-8")
    before = [sha(p) for p in (zh, en, glossary, jobs)]
    run = duiqi(tmp_path, "batch", jobs, "-o", tmp_path, "--format", "tsv", "--mode", "length", "-j", "1",
                *(["--force"] if force else []))
    assert_refused(run, str(glossary), "input file")
    assert [sha(p) for p in (zh, en, glossary, jobs)] == before
    assert not (tmp_path / "one.tsv").exists()          # refused before any job ran


@pytest.mark.parametrize("force", [False, True])
def test_batch_refuses_to_replace_the_jobs_file(tmp_path, pair, force):
    zh, en = pair
    jobs = tmp_path / "jobs.tmx"
    jobs.write_text(f"{zh.name}\t{en.name}\tjobs\n", encoding="utf-8")
    before = sha(jobs)
    run = duiqi(tmp_path, "batch", jobs, "-o", tmp_path, "--mode", "length", "-j", "1",
                *(["--force"] if force else []))
    assert_refused(run, str(jobs), "JOBS file")
    assert sha(jobs) == before


def test_batch_api_fails_a_clashing_job_and_runs_the_others(tmp_path, pair):
    from editor import batch

    zh, en = pair
    glossary = tmp_path / "glossary.tsv"
    glossary.write_text("术语\tterm\n", encoding="utf-8")
    jobs = [batch.BatchJob("glossary", str(glossary), str(en)), batch.BatchJob("other", str(zh), str(en))]
    settings = batch.BatchSettings(str(tmp_path), fmt="tsv", mode="length")
    before = sha(glossary)
    summary = batch.run_batch(jobs, settings, batch.InProcessExecutor(), force=True)
    assert sha(glossary) == before
    failed = {r.name: r.error for r in summary.failed}
    assert list(failed) == ["glossary"] and "input file" in failed["glossary"]
    assert [r.name for r in summary.done] == ["other"]
