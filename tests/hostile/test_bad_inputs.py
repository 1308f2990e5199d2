"""Hostile and mistaken inputs and outputs (issue 10, cases 2-7): each is one clear line naming the file,
exit status 2 (1 and a crash log for a bug), no traceback, the inputs unchanged, and bounded memory,
measured in a subprocess (tests/hostile/probe.py runs the command lines and reports ru_maxrss)."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from editor.cli import main
from editor.resources import sample_path
from tests.conftest import REPO

ZH = "第一句话很短。第二句话有数字42。\n第三段只有一句。\n"
EN = "The first sentence is short. The second one has the number 42.\nThe third paragraph has one sentence.\n"
#: Refusing a bad input must not cost more than starting Duiqi does (measured ~110 MB).
REFUSAL_PEAK_MB = 400


def _env(tmp_path: Path) -> dict:
    return dict(os.environ, DUIQI_HOME=str(tmp_path / "home"),
                PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))


def probe(tmp_path: Path, *commands: list[str]) -> tuple[list[dict], float]:
    """Run `duiqi` command lines in a fresh process; return their results and the process's peak memory (MB)."""
    report = tmp_path / "probe.json"
    done = subprocess.run([sys.executable, "-m", "tests.hostile.probe", str(report),
                           *(json.dumps(c) for c in commands)], cwd=REPO, env=_env(tmp_path),
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    data = json.loads(report.read_text("utf-8"))
    return data["results"], data["peak_mb"]


def run_duiqi(tmp_path: Path, *args: str, shell_redirect: str = "", **kwargs) -> subprocess.CompletedProcess:
    """Run the real `duiqi` command in a shell (so stdout can be closed or sent to /dev/full)."""
    command = " ".join(["exec", sys.executable, "-m", "editor.cli", *(f"'{a}'" for a in args)]) + shell_redirect
    return subprocess.run(["bash", "-c", command], cwd=tmp_path, env=_env(tmp_path), capture_output=True,
                          text=True, **kwargs)


def assert_one_clear_line(status: int, stderr: str, *names: str, exit_status: int = 2) -> None:
    assert status == exit_status, stderr
    assert "Traceback" not in stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("duiqi: "), stderr
    for name in names:
        assert name in lines[0], (name, stderr)


def digest(*paths: Path) -> list[str]:
    return [hashlib.sha256(p.read_bytes()).hexdigest() if p.exists() else "" for p in paths]


@pytest.fixture
def texts(tmp_path):
    zh, en = tmp_path / "zh.txt", tmp_path / "en.txt"
    zh.write_text(ZH, encoding="utf-8")
    en.write_text(EN, encoding="utf-8")
    return zh, en


# -- 2. output errors: before aligning, one line, exit 2 ------------------------------------------------

@pytest.mark.parametrize("output, says", [
    ("/nonexistent/x.tmx", "folder does not exist"),
    ("/sys/x.tmx", "cannot write in /sys"),            # read-only for everyone, root included
    ("OUTDIR", "is a folder"),
    ("/dev/null", "not a regular file"),
])
def test_a_bad_output_path_is_refused_before_aligning_by_align_and_convert(tmp_path, texts, output, says):
    zh, en = texts
    output = str(tmp_path) if output == "OUTDIR" else output
    project = tmp_path / "book.duiqi"
    assert main(["align", str(zh), str(en), "-o", str(project), "--mode", "length", "-q"]) == 0
    before = digest(zh, en, project)
    results, peak = probe(tmp_path, ["align", str(zh), str(en), "-o", output],
                          ["convert", str(project), output])
    for result in results:
        assert_one_clear_line(result["status"], result["stderr"], output, says)
    assert digest(zh, en, project) == before
    assert peak < REFUSAL_PEAK_MB


def test_the_output_is_checked_before_the_alignment_runs(tmp_path, texts, monkeypatch, capsys):
    def must_not_run(*args, **kwargs):
        raise AssertionError("aligned before checking the output")

    monkeypatch.setattr("editor.workflow.align_document", must_not_run)
    assert main(["align", *map(str, texts), "-o", "/nonexistent/x.tmx"]) == 2
    assert_one_clear_line(2, capsys.readouterr().err, "/nonexistent/x.tmx")


def test_a_read_only_folder_is_refused(tmp_path, texts, monkeypatch, capsys):
    folder = tmp_path / "locked"
    folder.mkdir()
    real_mkstemp = __import__("tempfile").mkstemp

    def refuse(*args, dir=None, **kwargs):               # what a chmod 555 folder does to anyone but root
        if Path(dir) == folder:
            raise PermissionError(errno.EACCES, "Permission denied", str(folder))
        return real_mkstemp(*args, dir=dir, **kwargs)

    monkeypatch.setattr("tempfile.mkstemp", refuse)
    assert main(["align", *map(str, texts), "-o", str(folder / "x.tmx"), "--mode", "length"]) == 2
    assert_one_clear_line(2, capsys.readouterr().err, "x.tmx", "Permission denied")


def test_a_full_disk_names_the_file_leaves_no_temporary_file_and_keeps_the_old_output(tmp_path, texts,
                                                                                      monkeypatch, capsys):
    out = tmp_path / "out.tmx"
    out.write_bytes(b"the previous export")

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("editor.bitext.project.os.fsync", full)
    for argv in (["align", *map(str, texts), "-o", str(out), "--mode", "length"],
                 ["convert", str(sample_path().with_suffix(".nope")), str(out)]):
        if argv[0] == "convert":
            project = tmp_path / "p.json"
            monkeypatch.undo()
            assert main(["align", *map(str, texts), "-o", str(project), "--mode", "length", "-q"]) == 0
            monkeypatch.setattr("editor.bitext.project.os.fsync", full)
            argv = ["convert", str(project), str(out)]
        capsys.readouterr()
        assert main(argv) == 2
        assert_one_clear_line(2, capsys.readouterr().err, str(out), "No space left on device")
        assert out.read_bytes() == b"the previous export"
        assert not list(tmp_path.glob(".out.tmx.*.tmp"))


def test_a_full_disk_on_standard_output_is_one_line(tmp_path, texts):
    for args in (["align", "zh.txt", "en.txt", "-o", "-", "--format", "tmx", "--mode", "length"],):
        done = run_duiqi(tmp_path, *args, shell_redirect=" > /dev/full")
        assert_one_clear_line(done.returncode, done.stderr, "standard output", "No space left on device")


def test_a_closed_standard_output_is_one_line(tmp_path, texts):
    done = run_duiqi(tmp_path, "align", "zh.txt", "en.txt", "-o", "-", "--mode", "length", shell_redirect=" >&-")
    assert_one_clear_line(done.returncode, done.stderr, "standard output is closed")
    (tmp_path / "p.json").write_text("{}")
    done = run_duiqi(tmp_path, "convert", "p.json", "-", shell_redirect=" >&-")
    assert done.returncode == 2 and "Traceback" not in done.stderr


def test_a_bug_exits_1_with_a_short_message_and_a_crash_log(tmp_path, texts, monkeypatch, capsys):
    def bug(*args, **kwargs):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr("editor.workflow.align_document", bug)
    assert main(["align", *map(str, texts), "-o", str(tmp_path / "x.tmx")]) == 1
    err = capsys.readouterr().err
    assert_one_clear_line(1, err, "ZeroDivisionError", "crash log", exit_status=1)
    from editor.paths import log_dir
    [log] = list(log_dir().glob("crash-*.log"))
    assert str(log) in err and "Traceback" in log.read_text("utf-8") and "in bug" in log.read_text("utf-8")


# -- 3. the input is never overwritten -------------------------------------------------------------

def test_align_zh_tsv_en_txt_to_zh_tsv_leaves_the_input_alone(tmp_path, texts):
    zh, en = texts
    tsv = tmp_path / "zh.tsv"
    assert main(["align", str(zh), str(en), "-o", str(tsv), "--mode", "length", "-q"]) == 0
    before = digest(tsv, en)
    results, peak = probe(tmp_path, ["align", str(tsv), str(en), "-o", str(tsv)])
    assert_one_clear_line(results[0]["status"], results[0]["stderr"], "zh.tsv", "duiqi convert")
    assert digest(tsv, en) == before and peak < REFUSAL_PEAK_MB


@pytest.mark.parametrize("spelling", ["zh.txt", "./zh.txt", "link.txt"])
def test_an_output_that_is_one_of_the_inputs_is_refused(tmp_path, texts, spelling):
    (tmp_path / "link.txt").symlink_to(tmp_path / "zh.txt")
    before = digest(*texts)
    done = run_duiqi(tmp_path, "align", "zh.txt", "en.txt", "-o", spelling, "--format", "tsv")
    assert_one_clear_line(done.returncode, done.stderr, Path(spelling).name, "one of the input files")
    assert digest(*texts) == before


# -- 4. bounded memory ---------------------------------------------------------------------------

def test_a_symlink_to_dev_zero_is_refused_without_reading_it(tmp_path, texts):
    zero = tmp_path / "zero.txt"
    zero.symlink_to("/dev/zero")
    results, peak = probe(tmp_path, ["align", str(zero), str(texts[1]), "-o", str(tmp_path / "x.tmx")],
                          ["align", str(zero), "-o", str(tmp_path / "x.tmx")])
    for result in results:
        assert_one_clear_line(result["status"], result["stderr"], "zero.txt", "not a regular file")
    assert peak < REFUSAL_PEAK_MB


def test_a_docx_whose_document_xml_inflates_to_250_mb_is_refused(tmp_path, texts):
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as xml:
            xml.write(b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                      b"<w:body><w:p><w:r><w:t>")
            chunk = ("天气" * 2 ** 19).encode()      # 3 MB
            for _ in range(250 // 3):
                xml.write(chunk)
            xml.write(b"</w:t></w:r></w:p></w:body></w:document>")
    assert bomb.stat().st_size < 2_000_000
    results, peak = probe(tmp_path, ["align", str(bomb), str(texts[1]), "-o", str(tmp_path / "x.tmx")])
    assert_one_clear_line(results[0]["status"], results[0]["stderr"], "bomb.docx", "limit is 48 MB")
    assert peak < REFUSAL_PEAK_MB


def test_a_50_mb_pair_is_refused_early_with_the_limit_stated(tmp_path):
    zh, en = tmp_path / "zh50.txt", tmp_path / "en50.txt"
    zh_block = "".join(f"第{i}句话说今天天气很好。\n" for i in range(10000)).encode()
    en_block = "".join(f"Sentence {i} says the weather is fine today.\n" for i in range(10000)).encode()
    with zh.open("wb") as z, en.open("wb") as e:
        while z.tell() < 25e6:
            z.write(zh_block)
        while e.tell() < 25e6:
            e.write(en_block)
    assert zh.stat().st_size + en.stat().st_size > 50e6
    before = digest(zh, en)
    results, peak = probe(tmp_path, ["align", str(zh), str(en), "-o", str(tmp_path / "x.tmx"), "--mode", "fast"])
    assert_one_clear_line(results[0]["status"], results[0]["stderr"], "zh50.txt", "the limit is 6.0 MB")
    assert digest(zh, en) == before and peak < REFUSAL_PEAK_MB


# -- 5. wrong input gives a message, not silent wrong output ----------------------------------------

def test_english_given_as_the_chinese_file_is_an_error(tmp_path, texts):
    zh, en = texts
    other = tmp_path / "en2.txt"
    other.write_text(EN, encoding="utf-8")
    results, peak = probe(tmp_path, ["align", str(en), str(other), "-o", str(tmp_path / "x.tmx")])
    assert_one_clear_line(results[0]["status"], results[0]["stderr"], "en.txt", "almost no Chinese")
    assert not (tmp_path / "x.tmx").exists() and peak < REFUSAL_PEAK_MB


def test_swapped_files_are_swapped_back_and_the_user_is_told(tmp_path, texts, capsys):
    zh, en = texts
    out = tmp_path / "x.tmx"
    assert main(["align", str(en), str(zh), "-o", str(out), "--mode", "length"]) == 0
    err = capsys.readouterr().err
    assert "other way round" in err and "Traceback" not in err
    from lxml import etree
    tuvs = etree.parse(str(out)).getroot().iter("tuv")
    by_lang = {}
    for tuv in tuvs:
        by_lang.setdefault(tuv.get("{http://www.w3.org/XML/1998/namespace}lang"), []).append(tuv.findtext("seg"))
    assert all("第" in t for t in by_lang["zh-CN"]) and all(t.isascii() for t in by_lang["en-US"])


@pytest.mark.parametrize("suffix", [".tmx", ".xlf", ".tsv", ".xlsx", ".json", ".duiqi"])
def test_an_alignment_file_given_to_align_points_to_convert(tmp_path, texts, suffix):
    made = tmp_path / f"x{suffix}"
    assert main(["align", *map(str, texts), "-o", str(made), "--mode", "length", "-q"]) == 0
    before = digest(made)
    results, _ = probe(tmp_path, ["align", str(made), "-o", str(tmp_path / "y.tmx")])
    assert_one_clear_line(results[0]["status"], results[0]["stderr"], made.name, "duiqi convert")
    assert digest(made) == before


def test_a_tmx_under_a_text_extension_points_to_convert(tmp_path, texts):
    made = tmp_path / "x.tmx"
    assert main(["align", *map(str, texts), "-o", str(made), "--mode", "length", "-q"]) == 0
    disguised = tmp_path / "x.txt"
    disguised.write_bytes(made.read_bytes())
    results, _ = probe(tmp_path, ["align", str(disguised), str(texts[1]), "-o", str(tmp_path / "y.tmx")])
    assert_one_clear_line(results[0]["status"], results[0]["stderr"], "x.txt", "duiqi convert")


# -- 6. damaged .duiqi and .json files ------------------------------------------------------------

def _project(tmp_path) -> dict:
    zh, en = tmp_path / "pzh.txt", tmp_path / "pen.txt"
    zh.write_text(ZH, encoding="utf-8")
    en.write_text(EN, encoding="utf-8")
    out = tmp_path / "good.duiqi"
    assert main(["align", str(zh), str(en), "-o", str(out), "--mode", "length", "-q"]) == 0
    return json.loads(out.read_text("utf-8"))


def _damaged_projects(good: dict) -> dict[str, str]:
    """The damaged variants, as the text of the file."""
    def edited(change) -> str:
        data = json.loads(json.dumps(good))
        change(data)
        return json.dumps(data, ensure_ascii=False)

    def set_(path, value):
        def change(data):
            target = data
            for key in path[:-1]:
                target = target[key]
            target[path[-1]] = value
        return change

    variants = {
        "meta-list": edited(set_(["meta"], [])),
        "src-lang-number": edited(set_(["meta", "src_lang"], 5)),
        "status-number": edited(set_(["beads", 0, "status"], 5)),
        "status-unknown": edited(set_(["beads", 0, "status"], "perfect")),
        "src-not-list": edited(set_(["src"], 5)),
        "beads-object": edited(set_(["beads"], {})),
        "segment-two-fields": edited(set_(["src", 0], [0, "天"])),
        "text-number": edited(set_(["src", 0, 1], 5)),
        "paragraph-negative": edited(set_(["src", 0, 2], -1)),
        "id-float": edited(set_(["src", 0, 0], 0.5)),
        "id-bool": edited(set_(["beads", 0, "src"], [True])),
        "confidence-text": edited(set_(["beads", 0, "confidence"], "high")),
        "confidence-out-of-range": edited(set_(["beads", 0, "confidence"], 7)),
        "unknown-id": edited(set_(["beads", 0, "src"], [999])),
        "empty-link": edited(lambda d: d["beads"].insert(0, {"src": [], "tgt": []})),
        "version-text": edited(set_(["version"], "1")),
        "top-level-list": "[]",
        "truncated": json.dumps(good)[:200],
        "not-utf8": "\udcff",
    }
    digits = "9" * 5000
    variants["5000-digit-id"] = json.dumps(good).replace('"src": [[0,', f'"src": [[{digits},', 1) \
        if '"src": [[0,' in json.dumps(good) else json.dumps(good).replace("[[0,", f"[[{digits},", 1)
    variants["nested-100k"] = "[" * 100_000 + "]" * 100_000
    variants["lone-surrogate"] = json.dumps(good, ensure_ascii=True).replace("\\u7b2c", "\\ud800", 1)
    return variants


def test_every_damaged_project_file_is_one_clear_error_naming_it(tmp_path):
    good = _project(tmp_path)
    variants = _damaged_projects(good)
    assert len(variants) >= 17
    commands = []
    for name, text in variants.items():
        for suffix in (".duiqi", ".json"):
            path = tmp_path / f"{name}{suffix}"
            path.write_bytes(text.encode("utf-8", "surrogateescape"))
            commands.append(["convert", str(path), str(tmp_path / f"{name}{suffix}.tsv")])
    results, peak = probe(tmp_path, *commands)
    for result in results:
        name = Path(result["argv"][1]).name
        assert_one_clear_line(result["status"], result["stderr"], name)
        assert not Path(result["argv"][2]).exists()
    assert peak < REFUSAL_PEAK_MB


def test_a_damaged_simple_json_is_one_clear_error(tmp_path):
    cases = {
        "zh-number": {"zh": 5, "en": [], "beads": []},
        "position-out-of-range": {"zh": ["天"], "en": ["Sky"], "beads": [{"zh": [3], "en": [0]}]},
        "position-text": {"zh": ["天"], "en": ["Sky"], "beads": [{"zh": ["0"], "en": [0]}]},
        "bead-list": {"zh": ["天"], "en": ["Sky"], "beads": [[0, 0]]},
        "status-number": {"zh": ["天"], "en": ["Sky"], "beads": [{"zh": [0], "en": [0], "status": 5}]},
        "confidence-text": {"zh": ["天"], "en": ["Sky"], "beads": [{"zh": [0], "en": [0], "confidence": "x"}]},
        "lone-surrogate": {"zh": ["\ud800"], "en": ["Sky"], "beads": [{"zh": [0], "en": [0]}]},
    }
    commands = []
    for name, data in cases.items():
        path = tmp_path / f"{name}.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        commands.append(["convert", str(path), str(tmp_path / f"{name}.tmx")])
    results, peak = probe(tmp_path, *commands)
    for result in results:
        assert_one_clear_line(result["status"], result["stderr"], Path(result["argv"][1]).name)
    assert peak < REFUSAL_PEAK_MB


def test_a_lone_surrogate_never_reaches_a_file_as_invalid_utf8(tmp_path):
    import io

    from editor.bitext.document import AlignmentDocument, Bead
    from editor.bitext.project import load_project, save_project
    from editor.exporting import ExportOptions, exporter_for

    doc = AlignmentDocument.from_texts([("天\ud800气。", 0)], [("Wea\udfffther.", 0)])
    doc.beads = [Bead((0,), (1,))]
    for suffix in (".tsv", ".json", ".beads", ".duiqi", ".tmx", ".xlf", ".xlsx"):
        buffer = io.BytesIO()
        exporter_for(f"x{suffix}")(doc, buffer, ExportOptions())
        if suffix != ".xlsx":
            text = buffer.getvalue().decode("utf-8")            # strict: raises on invalid UTF-8
            assert "\ud800" not in text
    save_project(doc, tmp_path / "s.duiqi")
    reopened = load_project(tmp_path / "s.duiqi")
    assert reopened.src[0].text == "天\ufffd气。"


# -- 7. temporary files ------------------------------------------------------------------------------

def test_stale_temporary_files_of_killed_saves_are_swept_on_the_next_save(tmp_path, texts):
    out = tmp_path / "out.tmx"
    old = time.time() - 2 * 24 * 3600
    stale = [tmp_path / ".out.tmx.ab12cd_3.tmp", tmp_path / ".out.tmx.duiqi-zz99yy88.tmp"]
    fresh = tmp_path / ".out.tmx.qwertyui.tmp"                 # maybe a save in progress: kept
    foreign = tmp_path / ".out.tmx.not-ours.tmp"               # not a name Duiqi makes: kept
    for path in (*stale, fresh, foreign):
        path.write_bytes(b"x" * 1000)
    for path in (*stale, foreign):
        os.utime(path, (old, old))
    assert main(["align", *map(str, texts), "-o", str(out), "--mode", "length", "-q"]) == 0
    assert not any(p.exists() for p in stale)
    assert fresh.exists() and foreign.exists() and out.exists()


def test_stale_temporary_files_in_the_autosave_folder_are_swept_at_start(tmp_path):
    from editor.ui.safety.sessions import autosave_dir, find_recoveries

    stale = autosave_dir() / ".session-x.duiqi.ab12cd34.tmp"
    stale.write_bytes(b"x")
    old = time.time() - 2 * 24 * 3600
    os.utime(stale, (old, old))
    find_recoveries()
    assert not stale.exists()


def test_stale_temporary_files_beside_recent_projects_are_swept_at_start(tmp_path):
    from editor.app import _sweep_stale_temp_files
    from editor.settings import Settings

    project = tmp_path / "book.duiqi"
    stale = tmp_path / ".book.duiqi.k3j4h5g6.tmp"
    stale.write_bytes(b"x" * 100)
    old = time.time() - 2 * 24 * 3600
    os.utime(stale, (old, old))
    _sweep_stale_temp_files(Settings(recent_files=[str(project), "/nonexistent/x.duiqi"]))
    assert not stale.exists()
