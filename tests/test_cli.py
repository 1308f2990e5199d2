"""The headless command line: formats by extension, exit codes, messages a translator understands."""

import json
import subprocess
import sys

import pytest

from editor.cli import main
from editor.resources import sample_path
from tests.sample_gold import sample_gold


def test_align_writes_the_documented_json(tmp_path, capsys):
    out = tmp_path / "sample.json"
    assert main(["align", str(sample_path()), "-o", str(out), "--mode", "fast", "-q"]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert set(data) == {"zh", "en", "beads"}
    assert data["zh"][0].startswith("河畔图书馆") and data["en"][0].startswith("The Riverside Library")
    covered_zh = [i for bead in data["beads"] for i in bead["zh"]]
    covered_en = [j for bead in data["beads"] for j in bead["en"]]
    assert covered_zh == list(range(len(data["zh"]))) and covered_en == list(range(len(data["en"])))
    assert all(0.0 <= b["confidence"] <= 1.0 and b["status"] == "auto" for b in data["beads"])


def test_presegmented_beads_use_input_line_numbers(tmp_path):
    zh, en = tmp_path / "zh.txt", tmp_path / "en.txt"
    zh.write_text("第一句。第二句。\n第三句。\n", encoding="utf-8")
    en.write_text("First. Second.\nThird.\n", encoding="utf-8")
    out = tmp_path / "out.beads"
    assert main(["align", str(zh), str(en), "--presegmented", "--mode", "fast", "-q", "-o", str(out)]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines == ["[0]:[0]", "[1]:[1]"]


def _gold_beads_lines() -> list[str]:
    """The sample's gold alignment written as .beads lines (zero-based sentence positions per side)."""
    lines, i, j = [], 0, 0
    for zh, en in sample_gold().links:
        lines.append(f"[{','.join(map(str, range(i, i + len(zh))))}]:[{','.join(map(str, range(j, j + len(en))))}]")
        i, j = i + len(zh), j + len(en)
    return lines


def test_standard_output_gets_the_format_asked_for(tmp_path, capsysbinary):
    assert main(["align", str(sample_path()), "-o", "-", "--format", "beads", "--mode", "fast", "-q"]) == 0
    # fast mode aligns the sample exactly as the gold (tests/alignment/test_sample_gold.py)
    assert capsysbinary.readouterr().out.decode("utf-8").splitlines() == _gold_beads_lines()


def test_a_missing_file_is_one_line_on_stderr_and_exit_status_2(tmp_path, capsys):
    assert main(["align", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "x.json")]) == 2
    err = capsys.readouterr().err
    assert "nope.txt" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_a_binary_file_is_refused_with_its_name(tmp_path, capsys):
    binary = tmp_path / "picture.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    assert main(["align", str(binary), "-o", str(tmp_path / "x.json")]) == 2
    assert "picture.txt" in capsys.readouterr().err


def test_an_unknown_output_format_names_the_choices(tmp_path, capsys):
    assert main(["align", str(sample_path()), "-o", str(tmp_path / "x.doc"), "--mode", "fast"]) == 2
    err = capsys.readouterr().err
    assert ".doc" in err and ".tmx" in err


def test_python_dash_m_editor_prints_help_without_qt():
    code = ("import sys, runpy; sys.argv = ['editor', 'align', '--help']\n"
            "try:\n    runpy.run_module('editor', run_name='__main__')\nexcept SystemExit as e:\n    code = e.code\n"
            "qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
            "print('QT-MODULES', qt, file=sys.stderr); sys.exit(code)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0 and "--presegmented" in result.stdout
    assert "QT-MODULES []" in result.stderr          # the help came without loading Qt


@pytest.mark.parametrize("argv, message", [
    (["alignn", "x.txt", "-o", "out.tmx"], "unknown command 'alignn' (did you mean 'align'?)"),
    (["algin"], "unknown command 'algin' (did you mean 'align'?)"),
    (["frobnicate"], "unknown command 'frobnicate'"),
    (["--samples"], "unknown option '--samples'"),
    (["--sample", "-o", "out.tmx"], "unknown option '-o'"),
    (["missing-file.txt"], "missing-file.txt: no such file or folder"),
])
def test_a_mistyped_command_is_a_usage_error_and_never_opens_the_editor(argv, message, capsys, monkeypatch):
    import editor.app

    def no_gui(argv):
        raise AssertionError(f"the editor was started for {argv}")

    monkeypatch.setattr(editor.app, "main", no_gui)
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1


def test_help_is_a_command_too(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["help"])
    assert exit_.value.code == 0 and "duiqi align ZH [EN] -o OUT" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["help", "convert"])
    out = capsys.readouterr().out
    assert ".sdlxliff" in out and ".mqxliff" in out and ".csv" in out


def test_the_main_help_lists_the_commands_before_the_inputs(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert out.index("duiqi batch JOBS") < out.index("Inputs:")


def test_an_unknown_option_is_named_before_missing_arguments(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["align", "--frobnicate"])
    err = capsys.readouterr().err
    assert exit_.value.code == 2 and "unrecognized arguments: --frobnicate" in err and "required" not in err


def test_known_options_and_their_prefixes_still_parse(tmp_path):
    out = tmp_path / "o.beads"
    assert main(["align", str(sample_path()), f"-o{out}", "--mode=fast", "--quiet", "--presegm"]) == 0
    assert out.exists()


def test_language_code_help_says_what_each_command_does_with_it(capsys):
    with pytest.raises(SystemExit):
        main(["align", "--help"])
    align_help = " ".join(capsys.readouterr().out.split())
    with pytest.raises(SystemExit):
        main(["convert", "--help"])
    convert_help = " ".join(capsys.readouterr().out.split())
    assert "multilingual" not in align_help and "Chinese language code written in the output" in align_help
    assert "which language of a multilingual TMX is the source" in convert_help


def _linked_only(data: dict) -> dict:
    """The .json of an alignment without its 1-0 and 0-1 links (and their sentences), renumbered."""
    beads = [b for b in data["beads"] if b["zh"] and b["en"]]
    keep = {side: [i for b in beads for i in b[side]] for side in ("zh", "en")}
    new = {side: {old: k for k, old in enumerate(keep[side])} for side in ("zh", "en")}
    return {"zh": [data["zh"][i] for i in keep["zh"]], "en": [data["en"][i] for i in keep["en"]],
            "beads": [{**b, "zh": [new["zh"][i] for i in b["zh"]], "en": [new["en"][i] for i in b["en"]]}
                      for b in beads]}


@pytest.mark.parametrize("suffix", [".duiqi", ".tsv", ".tmx"])
def test_convert_reads_back_what_align_wrote(tmp_path, suffix):
    direct = tmp_path / "direct.json"
    assert main(["align", str(sample_path()), "-o", str(direct), "--mode", "fast", "-q"]) == 0
    first = tmp_path / f"a{suffix}"
    assert main(["align", str(sample_path()), "-o", str(first), "--mode", "fast", "-q"]) == 0
    second = tmp_path / "b.json"
    assert main(["convert", str(first), str(second), "-q"]) == 0
    expected = json.loads(direct.read_text(encoding="utf-8"))
    assert any(not (b["zh"] and b["en"]) for b in expected["beads"])      # the sample has an unlinked sentence
    if suffix == ".tmx":
        expected = _linked_only(expected)       # a TMX holds the linked beads only (README, "Command line")
    # every sentence, link, status and confidence comes back
    assert json.loads(second.read_text(encoding="utf-8")) == expected


def test_creation_id_names_the_links_duiqi_made_and_foreign_units_keep_their_own(tmp_path, capsys):
    from lxml import etree

    from tests.conftest import REPO

    made = tmp_path / "made.tmx"
    assert main(["align", str(sample_path()), "-o", str(made), "--mode", "fast", "-q",
                 "--creation-id", "  Li Na "]) == 0
    tus = etree.parse(str(made)).findall(".//tu")
    assert tus and {(tu.get("creationid"), tu.get("changeid")) for tu in tus} == {("Li Na", "Li Na")}
    kept = tmp_path / "kept.tmx"
    assert main(["convert", str(REPO / "tests" / "data" / "exchange" / "trados-dated.tmx"), str(kept), "-q",
                 "--creation-id", "Li Na"]) == 0
    first = etree.parse(str(kept)).find(".//tu")
    assert (first.get("creationid"), first.get("changeid")) == ("ANN", "BOB")   # another tool's people stay
    with pytest.raises(SystemExit) as stop:
        main(["align", str(sample_path()), "-o", str(tmp_path / "x.tmx"), "--creation-id", "Li\tNa"])
    assert stop.value.code == 2
    assert "--creation-id: holds a control character" in capsys.readouterr().err
    assert not (tmp_path / "x.tmx").exists()
