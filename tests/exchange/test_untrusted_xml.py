"""Untrusted XML: entity declarations (XXE, billion laughs) are refused, malformed files name file and line."""

import codecs
from pathlib import Path

import pytest

from editor.cli import main
from editor.errors import MalformedFileError
from editor.exchange.opening import load_alignment
from editor.importing.safe_xml import parse_untrusted_xml

DATA = Path(__file__).resolve().parents[1] / "data" / "exchange"


@pytest.mark.parametrize("name", ["xxe.tmx", "xxe-parameter.xlf", "billion-laughs.xlf"])
def test_files_declaring_entities_are_refused_with_file_line_and_reason(name):
    with pytest.raises(MalformedFileError) as info:
        load_alignment(DATA / name)
    error = info.value
    assert error.path == DATA / name and error.line == 3
    assert "entities" in str(error) and name in str(error)


def test_the_xxe_file_never_leaks_the_local_file_it_points_at():
    with pytest.raises(MalformedFileError) as info:
        load_alignment(DATA / "xxe.tmx")
    assert "root:" not in str(info.value)


def test_a_utf16_file_declaring_entities_is_refused_too(tmp_path):
    text = (DATA / "xxe.tmx").read_text(encoding="utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"')
    path = tmp_path / "xxe16.tmx"
    path.write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    with pytest.raises(MalformedFileError, match="entities") as info:
        load_alignment(path)
    assert info.value.line == 3


def test_entity_references_are_never_expanded_even_past_the_first_check():
    raw = b'<?xml version="1.0"?>\n<!DOCTYPE a SYSTEM "a.dtd">\n<a>&ext;</a>'
    with pytest.raises(MalformedFileError):
        parse_untrusted_xml(raw, "a.xml")


def test_a_malformed_file_names_the_line_and_the_problem():
    with pytest.raises(MalformedFileError) as info:
        load_alignment(DATA / "malformed.tmx")
    assert info.value.line == 6 and "not well-formed" in str(info.value) and "malformed.tmx" in str(info.value)


def test_an_external_dtd_reference_is_harmless_and_not_loaded(tmp_path):
    path = tmp_path / "with-doctype.tmx"
    path.write_text('<?xml version="1.0"?>\n<!DOCTYPE tmx SYSTEM "http://example.invalid/tmx14.dtd">\n'
                    '<tmx version="1.4"><header srclang="zh-CN"/><body><tu>'
                    '<tuv xml:lang="zh-CN"><seg>好。</seg></tuv><tuv xml:lang="en-US"><seg>Good.</seg></tuv>'
                    '</tu></body></tmx>', encoding="utf-8")
    doc = load_alignment(path)
    assert doc.bead_texts(doc.beads[0]) == ("好。", "Good.")


def test_a_text_node_beyond_the_safe_limit_is_refused(tmp_path):
    path = tmp_path / "huge.xlf"
    big = "长" * (11 * 1024 * 1024)        # libxml2 refuses text nodes over 10 MB without huge_tree
    path.write_text(f'<xliff version="1.2"><file source-language="zh-CN" target-language="en-US" '
                    f'original="a" datatype="plaintext"><body><trans-unit id="1"><source>{big}</source>'
                    f'</trans-unit></body></file></xliff>', encoding="utf-8")
    with pytest.raises(MalformedFileError, match="not well-formed"):
        load_alignment(path)


def test_the_cli_reports_a_refused_file_in_one_line_with_exit_status_2(tmp_path, capsys):
    assert main(["convert", str(DATA / "billion-laughs.xlf"), str(tmp_path / "out.tmx")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "billion-laughs.xlf: line 3" in err and "Traceback" not in err
