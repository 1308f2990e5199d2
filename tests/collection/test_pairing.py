"""Pairing a client's files into documents by name and language tags, and the bad input it names."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from editor.collection.pairing import Pair, mixed_files, pair_files, pair_folder, pair_folders, pairs_from_jobs, split_tag
from editor.errors import InputFileError

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.mark.parametrize("name, base, lang", [
    ("report.zh.docx", "report", "zh"), ("report.en.docx", "report", "en"),
    ("report_cn.docx", "report", "zh"), ("report_en.docx", "report", "en"),
    ("report-zh-CN.docx", "report", "zh"), ("report-en-US.docx", "report", "en"),
    ("报告中文.txt", "报告", "zh"), ("报告英文.txt", "报告", "en"), ("报告_中文.docx", "报告", "zh"),
    ("en_report.txt", "report", "en"), ("Report.ZH.txt", "Report", "zh"),
    ("kitchen.txt", "kitchen", None), ("英国史.txt", "英国史", None), ("ch01.txt", "ch01", None), ("001", "001", None),
])
def test_language_tags_come_off_the_name(name, base, lang):
    assert split_tag(name) == (base, lang)


def _touch(folder: Path, *names: str) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in names:
        (folder / name).write_text("x", encoding="utf-8")
        paths.append(folder / name)
    return paths


def test_two_folders_pair_by_stem_with_tags_off_and_list_the_unpaired(tmp_path):
    _touch(tmp_path / "zh", "ch01.txt", "report_cn.docx", "notes.txt")
    _touch(tmp_path / "en", "ch01.docx", "report_en.docx", "extra.txt")
    pairing = pair_folders(tmp_path / "zh", tmp_path / "en")
    assert [(p.name, p.zh.name, p.en.name) for p in pairing.pairs] == [
        ("ch01", "ch01.txt", "ch01.docx"), ("report", "report_cn.docx", "report_en.docx")]
    assert sorted(p.name for p in pairing.unpaired) == ["extra.txt", "notes.txt"]
    pairing.check()


def test_one_folder_pairs_by_tags_and_lists_untagged_files(tmp_path):
    _touch(tmp_path, "a.zh.txt", "a.en.txt", "合同中文.docx", "合同英文.docx", "b-zh-CN.md", "mixed.txt", "c_cn.txt")
    pairing = pair_folder(tmp_path)
    assert sorted((p.name, p.zh.name, p.en.name) for p in pairing.pairs) == [
        ("a", "a.zh.txt", "a.en.txt"), ("合同", "合同中文.docx", "合同英文.docx")]
    assert sorted(p.name for p in pairing.unpaired) == ["b-zh-CN.md", "c_cn.txt", "mixed.txt"]


def test_pairs_can_be_fixed_added_and_dropped(tmp_path):
    zh, en, mixed = _touch(tmp_path, "x_cn.txt", "y_en.txt", "both.txt")
    pairing = pair_files([zh, en, mixed])
    assert pairing.pairs == [] and len(pairing.unpaired) == 3
    pair = pairing.add(Pair("x", zh, en))
    assert pairing.unpaired == [mixed]
    pairing.add(Pair("both", mixed))
    assert pairing.unpaired == [] and pair.inputs == [zh, en]
    pairing.drop("x")
    assert [p.name for p in pairing.pairs] == ["both"] and sorted(pairing.unpaired) == sorted([zh, en])
    assert pairing.add(Pair("both", zh, en)).name == "both (2)"      # names stay unique


def test_mixed_files_are_one_document_each(tmp_path):
    a, b = _touch(tmp_path, "a.txt", "b.docx")
    pairing = mixed_files([a, b])
    assert [(p.name, p.en) for p in pairing.pairs] == [("a", None), ("b", None)]


def test_a_jobs_file_gives_its_pairs_as_batch_reads_them(tmp_path):
    _touch(tmp_path, "z.txt", "e.txt", "m.txt")
    jobs = tmp_path / "jobs.tsv"
    jobs.write_text("z.txt\te.txt\tchapter\nm.txt\n", encoding="utf-8")
    pairing = pairs_from_jobs(jobs)
    assert [(p.name, p.zh.name, p.en.name if p.en else None) for p in pairing.pairs] == [
        ("chapter", "z.txt", "e.txt"), ("m", "m.txt", None)]


def test_an_empty_folder_is_named(tmp_path):
    (tmp_path / "zh").mkdir()
    _touch(tmp_path / "en", "a.txt")
    with pytest.raises(InputFileError, match="holds no files") as caught:
        pair_folders(tmp_path / "zh", tmp_path / "en")
    assert caught.value.path == tmp_path / "zh"


def test_the_same_file_on_both_sides_is_named(tmp_path):
    [a] = _touch(tmp_path, "a.txt")
    pairing = pair_files([])
    pairing.add(Pair("a", a, tmp_path / "." / "a.txt"))
    with pytest.raises(InputFileError, match="same file is on both sides") as caught:
        pairing.check()
    assert caught.value.path == a


def test_a_file_in_two_pairs_is_named(tmp_path):
    a, b, c = _touch(tmp_path, "a.txt", "b.txt", "c.txt")
    pairing = pair_files([])
    pairing.add(Pair("one", a, b))
    pairing.add(Pair("two", c, b))
    with pytest.raises(InputFileError, match="in two pairs") as caught:
        pairing.check()
    assert caught.value.path == b and "'one'" in str(caught.value)


def test_an_unreadable_or_missing_file_is_named(tmp_path):
    [a] = _touch(tmp_path, "a.txt")
    pairing = pair_files([])
    pairing.add(Pair("a", a, tmp_path / "gone.txt"))
    with pytest.raises(InputFileError, match="does not exist") as caught:
        pairing.check()
    assert caught.value.path == tmp_path / "gone.txt"


def test_two_files_of_one_folder_with_one_name_are_named(tmp_path):
    _touch(tmp_path / "zh", "a.txt", "a_cn.docx")
    _touch(tmp_path / "en", "a.txt")
    with pytest.raises(InputFileError, match="two files pair to the name 'a'"):
        pair_folders(tmp_path / "zh", tmp_path / "en")


def test_the_batch_pairs_folders_the_same_way(tmp_path):
    from editor.batch import jobs_from_folders

    shutil.copy(DATA / "dlg_zh.txt", _touch(tmp_path / "zh", "r_cn.txt")[0])
    _touch(tmp_path / "en", "r_en.txt", "solo.txt")
    jobs = jobs_from_folders(tmp_path / "zh", tmp_path / "en")
    assert [(j.name, j.problem is None) for j in jobs] == [("r", True), ("solo", False)]
    assert "no Chinese file named solo" in jobs[1].problem


def test_a_language_tag_comes_off_a_documents_name_only_where_the_partners_name_leaves_the_same_base(tmp_path):
    # an X11 re-test: a lone "english-only.txt" became the document "only"
    lone = _touch(tmp_path / "lone", "english-only.txt", "chinese-only.txt", "en-notes.txt")
    assert [p.name for p in mixed_files(lone).pairs] == ["english-only", "chinese-only", "en-notes"]
    zh, en = _touch(tmp_path / "pair", "chinese-only.txt", "english-only.txt")
    assert [p.name for p in pair_files([zh, en]).pairs] == ["only"]
    from editor.collection.pairing import document_name

    assert document_name(zh, en) == "only" and document_name(en) == "english-only"
    x, y = _touch(tmp_path / "hand", "x_cn.txt", "y_en.txt")
    assert document_name(x, y) == "x_cn" and document_name(x, tmp_path / "x_en.txt") == "x"


def test_a_batch_job_without_a_partner_is_named_after_its_file(tmp_path):
    from editor.batch import jobs_from_folders

    _touch(tmp_path / "zh", "r_cn.txt", "chinese-only.txt")
    _touch(tmp_path / "en", "r_en.txt")
    jobs = jobs_from_folders(tmp_path / "zh", tmp_path / "en")
    assert [(j.name, j.problem is None) for j in jobs] == [("chinese-only", False), ("r", True)]
