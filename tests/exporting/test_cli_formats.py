"""`duiqi align` on the bundled sample writes every exchange format: valid, re-importable, used by OmegaT."""

from pathlib import Path

import pytest
from lxml import etree

from editor.cli import main
from editor.exchange.opening import load_alignment
from tests.conftest import schema_path
from tests.exchange.documents import bead_view
from tests.exporting.omegat_harness import make_project, need_omegat, run_omegat

SAMPLE = Path(__file__).resolve().parents[2] / "editor" / "assets" / "samples" / "sample-mixed.txt"
SCHEMAS = {
    ".tmx": ("tmx", "tmx14.dtd"),
    ".xlf": ("xliff12", "xliff-core-1.2-strict.xsd"),
    ".xliff": ("xliff12", "xliff-core-1.2-strict.xsd"),
    "2.0": ("xliff20", "all_modules.xsd"),
}


def align(tmp_path: Path, name: str, *extra: str) -> Path:
    out = tmp_path / name
    assert main(["align", str(SAMPLE), "-o", str(out), "--mode", "fast", "-q", *extra]) == 0
    return out


def validator(key: str):
    path = schema_path(*SCHEMAS[key])
    return etree.DTD(str(path)) if path.suffix == ".dtd" else etree.XMLSchema(etree.parse(str(path)))


FORMATS = [("out.tmx", (), ".tmx"), ("out.xlf", (), ".xlf"), ("out.xliff", (), ".xliff"),
           ("out2.xliff", ("--xliff-version", "2.0"), "2.0")]


@pytest.mark.parametrize("name,extra,schema", FORMATS)
def test_align_writes_tmx_and_xliff_valid_against_the_official_schemas(tmp_path, name, extra, schema):
    out = align(tmp_path, name, *extra)
    checker = validator(schema)
    assert checker.validate(etree.parse(str(out))), checker.error_log.filter_from_errors()


@pytest.mark.parametrize("name,extra,schema", FORMATS)
def test_align_writes_tmx_and_xliff_that_reopen_with_the_same_links(tmp_path, name, extra, schema):
    out = align(tmp_path, name, *extra)
    original, back = load_alignment(align(tmp_path, "same.duiqi")), load_alignment(out)
    # sentences, paragraphs, links, statuses and confidences (TMX holds the linked beads only)
    assert bead_view(back, linked_only=True) == bead_view(original, linked_only=True)
    if name != "out.tmx":
        assert bead_view(back) == bead_view(original)


@pytest.mark.parametrize("name", ["out.tsv", "out.xlsx"])
def test_align_writes_tables_that_reopen_with_the_same_pairs(tmp_path, name):
    out = align(tmp_path, name)
    original = load_alignment(align(tmp_path, "same.duiqi"))
    back = load_alignment(out)
    assert [back.bead_texts(b) for b in back.beads] == [original.bead_texts(b) for b in original.beads]
    assert [b.status for b in back.beads] == [b.status for b in original.beads]


def test_align_with_language_options_writes_them_into_the_tmx(tmp_path):
    out = align(tmp_path, "langs.tmx", "--src-lang", "zh_TW", "--tgt-lang", "en-gb")
    root = etree.parse(str(out)).getroot()
    assert root.find("header").get("srclang") == "zh-TW"
    assert {tuv.get("{http://www.w3.org/XML/1998/namespace}lang") for tuv in root.iter("tuv")} == {"zh-TW", "en-GB"}


@pytest.mark.omegat
def test_omegat_fills_the_sample_from_the_tmx_duiqi_align_wrote(tmp_path):
    need_omegat()
    tmx = align(tmp_path, "sample.tmx")
    doc = load_alignment(tmx)
    pairs = [doc.bead_texts(b) for b in doc.beads]
    project = make_project(tmp_path / "project")
    (project / "tm" / "auto" / "sample.tmx").write_bytes(tmx.read_bytes())
    (project / "source" / "sample.txt").write_text("\n".join(zh for zh, _ in pairs) + "\n", encoding="utf-8")
    run_omegat(project, "console-translate")
    assert (project / "target" / "sample.txt").read_text(encoding="utf-8").splitlines() == [en for _, en in pairs]
