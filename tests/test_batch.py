"""`duiqi batch`: JOBS files, folders, resume, failing jobs, local worker processes and a Dask cluster."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from editor.batch import BatchJob, jobs_from_folders, read_jobs_file
from editor.cli import main
from editor.errors import InputFileError

DATA = Path(__file__).parent / "data"


def require_module(name: str) -> None:
    """Skip without the test extra `name` on a laptop; under CI=true (which installs the extras) fail instead."""
    from tests.conftest import IN_CI

    try:
        __import__(name)
    except ImportError:
        if IN_CI:
            pytest.fail(f"{name} is not installed, and CI=true must have it (pip install -e '.[test]')")
        pytest.skip(f"{name} is not installed (pip install -e '.[test]')")


def _pairs(folder: Path) -> Path:
    """Two small chapters (a Chinese file and its English file each) and a mixed file, with a JOBS file."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(DATA / "dlg_zh.txt", folder / "one_zh.txt")
    shutil.copy(DATA / "dlg_en.txt", folder / "one_en.txt")
    shutil.copy(DATA / "dlg_gb18030_zh.txt", folder / "two_zh.txt")
    shutil.copy(DATA / "dlg_en.txt", folder / "two_en.txt")
    shutil.copy(DATA / "dlg_mixed.txt", folder / "mixed.txt")
    jobs = folder / "jobs.tsv"
    jobs.write_text("# chapter one keeps the default name\n"
                    "one_zh.txt\tone_en.txt\n"
                    "\n"
                    "two_zh.txt\ttwo_en.txt\tchapter-2\n"
                    "mixed.txt\t\tbilingual\n", encoding="utf-8")
    return jobs


def test_a_jobs_file_names_outputs_after_the_chinese_file_or_the_given_name(tmp_path):
    jobs = read_jobs_file(_pairs(tmp_path / "in"))
    assert [(j.name, Path(j.zh).name, j.en and Path(j.en).name) for j in jobs] == [
        ("one_zh", "one_zh.txt", "one_en.txt"), ("chapter-2", "two_zh.txt", "two_en.txt"),
        ("bilingual", "mixed.txt", None)]


def test_a_batch_from_a_jobs_file_writes_dir_name_ext_and_a_summary(tmp_path, capsys):
    jobs = _pairs(tmp_path / "in")
    out = tmp_path / "out"
    assert main(["batch", str(jobs), "-o", str(out), "--format", "json", "--mode", "length", "--jobs", "1"]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["bilingual.json", "chapter-2.json", "duiqi-collection.json",
                                                      "one_zh.json"]
    for name in ("bilingual", "chapter-2", "one_zh"):
        data = json.loads((out / f"{name}.json").read_text(encoding="utf-8"))
        assert [i for b in data["beads"] for i in b["zh"]] == list(range(len(data["zh"])))
    err = capsys.readouterr().err
    sentences = sum(len(json.loads((out / f"{n}.json").read_text(encoding="utf-8"))[k])
                    for n in ("bilingual", "chapter-2", "one_zh") for k in ("zh", "en"))
    assert "3 jobs aligned" in err and f"{sentences} sentences" in err and " doubtful;" in err and "unlinked)" in err


def test_a_batch_says_what_each_export_left_out(tmp_path, capsys):
    # an X11 audit: `duiqi batch` to TMX said nothing of the sentences without counterpart it left out (nor of the
    # doubtful links a preset leaves out), where `duiqi align` says both for one file
    (tmp_path / "zh").mkdir()
    (tmp_path / "en").mkdir()
    (tmp_path / "zh" / "story.txt").write_text(
        "他来了。\n这是一个非常非常长的句子，里面有很多很多的字，译者把它整句漏掉了，没有翻译出来。\n他走了。\n",
        encoding="utf-8")
    (tmp_path / "en" / "story.txt").write_text("He came.\nHe left.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["batch", "--zh-dir", str(tmp_path / "zh"), "--en-dir", str(tmp_path / "en"), "-o", str(out),
                 "--format", "tmx", "--mode", "length", "--jobs", "1", "--preset", "trados"]) == 0
    err = capsys.readouterr().err
    assert "links (0 unlinked), 2 doubtful;" in err
    assert any(line.startswith("duiqi: warning: story: ") and "left out 2 doubtful" in line
               for line in err.splitlines()), err


def test_a_bad_jobs_line_is_refused_with_its_line_number(tmp_path, capsys):
    jobs = tmp_path / "jobs.tsv"
    jobs.write_text("a.txt\tb.txt\tname\textra\n", encoding="utf-8")
    with pytest.raises(InputFileError, match="line 1"):
        read_jobs_file(jobs)
    assert main(["batch", str(jobs), "-o", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "jobs.tsv" in err and "line 1" in err and "Traceback" not in err


def test_two_jobs_with_one_output_name_are_refused(tmp_path):
    jobs = tmp_path / "jobs.tsv"
    jobs.write_text("a/ch.txt\ta/en.txt\nb/ch.txt\tb/en.txt\n", encoding="utf-8")
    with pytest.raises(InputFileError, match="'ch'"):
        read_jobs_file(jobs)


def test_folders_are_paired_by_file_name_and_a_file_without_partner_fails(tmp_path, capsys):
    zh, en = tmp_path / "zh", tmp_path / "en"
    zh.mkdir()
    en.mkdir()
    shutil.copy(DATA / "dlg_zh.txt", zh / "ch01.txt")
    shutil.copy(DATA / "dlg_en.txt", en / "ch01.txt")
    shutil.copy(DATA / "dlg_gb18030_zh.txt", zh / "ch02.txt")
    shutil.copy(DATA / "dlg_en.txt", en / "ch02.txt")
    shutil.copy(DATA / "dlg_zh.txt", zh / "ch03.txt")        # no English partner
    jobs = jobs_from_folders(zh, en)
    assert [(j.name, j.problem is None) for j in jobs] == [("ch01", True), ("ch02", True), ("ch03", False)]
    out = tmp_path / "out"
    status = main(["batch", "--zh-dir", str(zh), "--en-dir", str(en), "-o", str(out), "--format", "tsv",
                   "--mode", "length", "--jobs", "1"])
    assert status == 1
    assert sorted(p.name for p in out.iterdir()) == ["ch01.tsv", "ch02.tsv", "duiqi-collection.json"]
    err = capsys.readouterr().err
    assert "2 jobs aligned" in err and "1 failed" in err
    assert "failed: ch03: no English file named ch03" in err


def test_a_failing_job_does_not_stop_the_batch_and_is_listed_with_its_reason(tmp_path, capsys):
    folder = tmp_path / "in"
    _pairs(folder)
    shutil.copy(DATA / "dlg_binary.txt", folder / "broken.txt")
    jobs = folder / "jobs.tsv"
    jobs.write_text("broken.txt\tone_en.txt\none_zh.txt\tone_en.txt\nmissing.txt\tone_en.txt\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["batch", str(jobs), "-o", str(out), "--format", "json", "--mode", "length", "--jobs", "1"]) == 1
    assert sorted(p.name for p in out.iterdir()) == ["duiqi-collection.json", "one_zh.json"]
    err = capsys.readouterr().err
    failures = [line for line in err.splitlines() if line.startswith("duiqi: failed:")]
    assert len(failures) == 2 and "Traceback" not in err
    assert any("broken" in line and "broken.txt" in line for line in failures)
    assert any("missing" in line and "missing.txt" in line for line in failures)


def test_existing_outputs_are_skipped_so_a_stopped_batch_resumes_unless_force(tmp_path, capsys):
    jobs = _pairs(tmp_path / "in")
    out = tmp_path / "out"
    args = ["batch", str(jobs), "-o", str(out), "--format", "json", "--mode", "length", "--jobs", "1"]
    assert main(args) == 0
    (out / "chapter-2.json").unlink()                        # as if the batch was stopped before this one
    (out / "one_zh.json").write_text("kept", encoding="utf-8")
    capsys.readouterr()
    assert main(args) == 0
    assert "1 jobs aligned, 2 skipped" in capsys.readouterr().err
    assert (out / "one_zh.json").read_text(encoding="utf-8") == "kept"
    assert json.loads((out / "chapter-2.json").read_text(encoding="utf-8"))["beads"]
    assert main(args + ["--force"]) == 0
    assert "3 jobs aligned" in capsys.readouterr().err
    assert json.loads((out / "one_zh.json").read_text(encoding="utf-8"))["beads"]


def test_quiet_prints_nothing_on_success(tmp_path, capsys):
    jobs = _pairs(tmp_path / "in")
    assert main(["batch", str(jobs), "-o", str(tmp_path / "out"), "--mode", "length", "--jobs", "1", "-q"]) == 0
    captured = capsys.readouterr()
    assert captured.err == "" and captured.out == ""


def _outputs(folder: Path) -> dict[str, bytes]:
    """The batch's outputs (not the collection index, which records when each was written)."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.name != "duiqi-collection.json"}


def test_two_local_worker_processes_give_the_same_outputs_as_one(tmp_path):
    jobs = _pairs(tmp_path / "in")
    one, two = tmp_path / "one", tmp_path / "two"
    common = [str(jobs), "--format", "json", "--mode", "fast", "-q"]
    assert main(["batch", *common, "-o", str(one), "--jobs", "1"]) == 0
    assert main(["batch", *common, "-o", str(two), "--jobs", "2"]) == 0
    assert _outputs(one) == _outputs(two) and len(_outputs(one)) == 3


def test_jobs_two_asks_for_run_in_two_worker_processes_not_in_this_one(tmp_path):
    from editor.batch import BatchSettings, ProcessPoolExecutor, run_batch

    (tmp_path / "out").mkdir()
    executor = ProcessPoolExecutor(2)
    try:
        summary = run_batch(read_jobs_file(_pairs(tmp_path / "in")),
                            BatchSettings(str(tmp_path / "out"), fmt="json", mode="length"), executor)
        workers = executor.worker_pids()
    finally:
        executor.close()
    ran_in = {result.worker_pid for result in summary.results}
    assert len(summary.done) == 3 and len(workers) == 2
    assert ran_in <= set(workers) and os.getpid() not in ran_in


def test_the_batch_job_is_plain_data_that_pickles():
    import pickle

    job = BatchJob("x", "a.txt", "b.txt")
    assert pickle.loads(pickle.dumps(job)) == job


@pytest.fixture
def dask_cluster(tmp_path):
    """A real scheduler and two workers, each its own process (`dask scheduler`, `dask worker ADDRESS`)."""
    require_module("distributed")
    from distributed import Client

    scheduler_file = tmp_path / "scheduler.json"
    env = dict(os.environ)
    procs = [subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1",
                               "--port", "0", "--no-dashboard", "--scheduler-file", str(scheduler_file)],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    try:
        client = Client(scheduler_file=str(scheduler_file), timeout="120s", set_as_default=False)
        address = client.scheduler.address
        for _ in range(2):
            procs.append(subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_worker", address,
                                           "--nthreads", "1", "--no-dashboard", "--nworkers", "1"],
                                          env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        client.wait_for_workers(2, timeout=300)
        yield client, address
        client.close()
    finally:
        for proc in reversed(procs):
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                proc.kill()


def test_a_dask_cluster_gives_the_same_outputs_as_the_local_run(tmp_path, dask_cluster):
    client, address = dask_cluster
    jobs = _pairs(tmp_path / "in")
    local, remote, shared = tmp_path / "local", tmp_path / "remote", tmp_path / "shared"
    common = [str(jobs), "--format", "json", "--mode", "fast", "-q"]
    assert main(["batch", *common, "-o", str(local), "--jobs", "1"]) == 0
    assert main(["batch", *common, "-o", str(remote), "--dask", address]) == 0
    assert main(["batch", *common, "-o", str(shared), "--dask", address, "--dask-shared"]) == 0
    assert _outputs(remote) == _outputs(local) == _outputs(shared) and len(_outputs(local)) == 3
    # the jobs ran on the workers: the dictionary got loaded there, once per worker process
    loaded = client.run(_lexicon_loaded)
    assert len(loaded) == 2 and any(loaded.values())


def _lexicon_loaded() -> bool:
    from editor.alignment import lexicon

    return lexicon._shared is not None and lexicon._shared.loaded


def test_an_unreachable_dask_scheduler_is_one_clear_error(tmp_path, capsys, monkeypatch):
    require_module("distributed")
    monkeypatch.setattr("editor.batch.DASK_CONNECT_TIMEOUT", "1s")
    jobs = _pairs(tmp_path / "in")
    status = main(["batch", str(jobs), "-o", str(tmp_path / "out"), "--dask", "tcp://127.0.0.1:9",
                   "--mode", "length"])
    assert status == 2
    err = capsys.readouterr().err
    assert "Dask scheduler" in err and "Traceback" not in err


def test_a_local_batch_never_imports_dask(tmp_path):
    jobs = _pairs(tmp_path / "in")
    code = ("import sys\nfrom editor.cli import main\n"
            f"status = main(['batch', {str(jobs)!r}, '-o', {str(tmp_path / 'out')!r}, '--mode', 'length', '-q'])\n"
            "print(status, any(m == 'dask' or m.startswith(('dask.', 'distributed')) for m in sys.modules))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=dict(os.environ))
    assert proc.stdout.split() == ["0", "False"], proc.stderr


def test_the_summary_counts_links_and_doubtful_links_as_the_editor_review_does(tmp_path, capsys):
    from editor.bitext.project import load_project
    from editor.bitext.review import ReviewPolicy, review_counts

    jobs = _pairs(tmp_path / "in")
    out = tmp_path / "out"
    assert main(["batch", str(jobs), "-o", str(out), "--format", "duiqi", "--mode", "fast", "--jobs", "1"]) == 0
    links = doubtful = 0
    for project in out.glob("*.duiqi"):
        doc = load_project(project)
        counts = review_counts(doc, ReviewPolicy.for_document(doc))
        links, doubtful = links + counts.links, doubtful + counts.doubtful
    assert links > 0
    assert f"{links} links (0 unlinked), {doubtful} doubtful;" in capsys.readouterr().err


def test_batch_repairs_like_align_says_how_many_and_offers_chinese_punctuation(tmp_path, capsys):
    from editor.batch import BatchSettings
    from editor.workflow import DEFAULT_CLEAN

    assert BatchSettings("x").clean == DEFAULT_CLEAN         # one default for the CLI, batch and the editor
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "notice.txt").write_text("請聯(lián)絡我們,謝謝。\n\nPlease contact us, thank you.\n", encoding="utf-8")
    (folder / "jobs.tsv").write_text("notice.txt\t\tnotice\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["batch", str(folder / "jobs.tsv"), "-o", str(out), "--format", "json", "--mode", "length",
                 "--jobs", "1", "--chinese-punctuation"]) == 0
    zh = json.loads((out / "notice.json").read_text(encoding="utf-8"))["zh"]
    assert zh == ["請聯絡我們，謝謝。"]                         # the pinyin leftover repaired, the comma full-width
    err = capsys.readouterr().err
    assert "repaired 2 import artefacts" in err and "(in 1 document)" in err
    assert main(["batch", str(folder / "jobs.tsv"), "-o", str(tmp_path / "raw"), "--format", "json",
                 "--mode", "length", "--jobs", "1", "--no-clean"]) == 0
    assert json.loads((tmp_path / "raw" / "notice.json").read_text(encoding="utf-8"))["zh"] == ["請聯(lián)絡我們,謝謝。"]


def test_a_batch_into_a_collection_an_editor_has_open_is_refused_naming_the_folder(tmp_path, capsys):
    from editor.collection import Collection

    jobs = _pairs(tmp_path / "in")
    out = tmp_path / "out"
    args = ["batch", str(jobs), "-o", str(out), "--format", "json", "--mode", "length", "--jobs", "1", "-q"]
    assert main(args) == 0
    outputs = lambda: {p.name: p.read_bytes() for p in out.iterdir() if not p.name.startswith(".")}  # noqa: E731
    before = outputs()
    held = Collection.open(out).lock()                   # what an editor window holds while the collection is open
    try:
        assert main([*args, "--force"]) == 2
        err = capsys.readouterr().err
        assert str(out) in err and "in use by another Duiqi" in err and "Traceback" not in err
        assert outputs() == before                      # nothing rewritten
    finally:
        held.release()
    assert main([*args, "--force"]) == 0                  # and once the editor let go, the batch runs
