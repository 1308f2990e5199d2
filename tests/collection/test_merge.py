"""Exporting a whole collection once: one TMX (valid against the TMX DTD, each unit naming its document), one
XLIFF with one <file> per document, the single-document options, and the CLI (`convert DIR`, `batch --merge`)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from lxml import etree

from editor.cli import main
from editor.collection import Collection
from editor.collection.merge import export_collection
from editor.exporting import ExportOptions
from editor.exporting.presets import apply_preset
from tests.collection.helpers import make_collection, make_sources
from tests.conftest import need_shared, schema_path


def _single_units(collection: Collection, options: ExportOptions, suffix: str = ".tmx") -> dict[str, int]:
    from editor.exporting import exporter_for
    import io

    counts = {}
    for entry in collection.entries:
        counts[entry.name] = exporter_for(f"x{suffix}")(collection.load(entry), io.BytesIO(), options).written
    return counts


def test_the_merged_tmx_is_valid_and_each_unit_names_its_document(tmp_path):
    collection = make_collection(tmp_path)
    out = tmp_path / "all.tmx"
    report = export_collection(collection, out, ExportOptions())
    tree = etree.parse(str(out))
    assert etree.DTD(str(schema_path("tmx", "tmx14.dtd"))).validate(tree)
    tus = tree.findall("body/tu")
    singles = _single_units(collection, ExportOptions())
    assert len(tus) == report.written == sum(singles.values()) and report.documents == 4
    named = [tu.findtext("prop[@type='x-document']") for tu in tus]
    assert {n: named.count(n) for n in set(named)} == singles
    assert [tu.get("tuid") for tu in tus] == [str(k) for k in range(1, len(tus) + 1)]     # unique ids


def test_a_preset_that_drops_props_says_the_units_do_not_name_their_documents(tmp_path):
    collection = make_collection(tmp_path)
    out = tmp_path / "trados.tmx"
    report = export_collection(collection, out, apply_preset(ExportOptions(), "trados"))
    tree = etree.parse(str(out))
    assert etree.DTD(str(schema_path("tmx", "tmx14.dtd"))).validate(tree)
    assert not tree.findall("body/tu/prop")
    assert any("do not name their documents" in w for w in report.warnings)


def test_single_document_options_apply_to_the_merged_file(tmp_path):
    from editor.bitext import edits

    collection = make_collection(tmp_path)
    memo = collection.entry("memo")
    doc = collection.load(memo)
    doc.apply(edits.confirm(doc, 0))
    collection.save_document(memo, doc)
    report = export_collection(collection, tmp_path / "confirmed.tmx", ExportOptions(only_confirmed=True))
    assert report.written == 1 and report.units["memo"] == 1
    reverse = export_collection(collection, tmp_path / "reverse.tmx", ExportOptions(reverse=True))
    tree = etree.parse(str(tmp_path / "reverse.tmx"))
    assert tree.find("header").get("srclang").startswith("en") and reverse.written > 1


@pytest.mark.parametrize("version, schema", [("1.2", ("xliff12", "xliff-core-1.2-strict.xsd")),
                                             ("2.0", ("xliff20", "all_modules.xsd"))])
def test_the_merged_xliff_has_one_file_per_document_and_is_valid(tmp_path, version, schema):
    collection = make_collection(tmp_path)
    out = tmp_path / "all.xlf"
    report = export_collection(collection, out, ExportOptions(xliff_version=version))
    tree = etree.parse(str(out))
    assert etree.XMLSchema(etree.parse(str(schema_path(*schema)))).validate(tree)
    files = tree.getroot().findall("{*}file")
    assert sorted(f.get("original") for f in files) == sorted(e.name for e in collection.entries)
    units = tree.getroot().findall(".//{*}trans-unit" if version == "1.2" else ".//{*}unit")
    assert len(units) == report.written
    if version == "1.2":
        # unique in the whole file (an X11 audit: each document's ids started at 1, and a client's OmegaT check
        # that matches units by id paired one document's target with another's source)
        ids = [u.get("id") for u in units]
        assert len(set(ids)) == len(ids)
    else:                                              # 2.0: unique within each <file>, as its spec says
        for f in files:
            ids = [u.get("id") for u in f.findall(".//{*}unit")]
            assert len(set(ids)) == len(ids)


def test_a_failed_or_missing_document_is_left_out_and_named(tmp_path):
    collection = make_collection(tmp_path)
    collection.fail(collection.entry("letter"), "letter.zh.txt: cannot read")
    (collection.folder / "memo.duiqi").unlink()
    report = export_collection(Collection.open(collection.folder), tmp_path / "some.tmx")
    assert report.documents == 2 and dict(report.left_out).keys() == {"letter", "memo"}
    assert "memo.duiqi" in dict(report.left_out)["memo"]


def test_a_merge_into_another_format_is_refused_naming_it(tmp_path):
    from editor.errors import UnsupportedFormatError

    collection = make_collection(tmp_path)
    with pytest.raises(UnsupportedFormatError, match="not .tsv"):
        export_collection(collection, tmp_path / "all.tsv")
    assert not (tmp_path / "all.tsv").exists()


def test_the_merge_streams_one_document_at_a_time(tmp_path, monkeypatch):
    """The merged file is written while the documents are read: when the third document is loaded, the first
    two are on disk already (in the temporary file) and no earlier document is still referenced."""
    import gc
    import weakref

    collection = make_collection(tmp_path)
    loaded, alive_at_load = [], []

    read = Collection.load

    def load(self, entry):
        gc.collect()
        alive_at_load.append(sum(ref() is not None for ref in loaded))
        doc = read(self, entry)
        loaded.append(weakref.ref(doc))
        return doc

    monkeypatch.setattr(Collection, "load", load)
    export_collection(collection, tmp_path / "s.tmx", workers=0)
    assert alive_at_load == [0, 0, 0, 0]


@pytest.mark.parametrize("suffix", [".tmx", ".xlf"])
def test_documents_rendered_on_worker_processes_give_the_same_file_as_in_one_process(tmp_path, suffix):
    from datetime import datetime, timezone

    collection = make_collection(tmp_path)
    edited = collection.load(collection.entry("memo"))          # an open document with an unsaved edit
    edited.beads = edited.beads[:1]
    options = ExportOptions(timestamp=datetime(2026, 12, 7, tzinfo=timezone.utc))
    one = export_collection(collection, tmp_path / f"one{suffix}", options, live={"memo": edited}, workers=0)
    two = export_collection(collection, tmp_path / f"two{suffix}", options, live={"memo": edited}, workers=2)
    assert (tmp_path / f"one{suffix}").read_bytes() == (tmp_path / f"two{suffix}").read_bytes()
    assert one.units == two.units and one.units["memo"] == 1 and one.written == two.written
    tree = etree.parse(str(tmp_path / f"two{suffix}"))
    if suffix == ".tmx":
        assert etree.DTD(str(schema_path("tmx", "tmx14.dtd"))).validate(tree)
        assert [tu.get("tuid") for tu in tree.findall("body/tu")] == [str(n) for n in range(1, two.written + 1)]
    else:
        ns = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
        assert [f.get("original") for f in tree.findall("x:file", ns)] == [e.name for e in collection.entries]
        assert len(tree.findall("x:file/x:body/x:trans-unit", ns)) == two.written


def _dies_on_letter(suffix, folder, entry, *args):
    """A worker's render that ends the worker on document "letter", as the out-of-memory killer would."""
    import os

    from editor.collection import merge

    if entry.name == "letter":
        os._exit(1)
    return merge.__dict__["_render_file_original"](suffix, folder, entry, *args)


def test_a_worker_that_dies_leaves_its_documents_to_this_process_and_the_file_is_whole(tmp_path, monkeypatch,
                                                                                      caplog):
    import multiprocessing
    from datetime import datetime, timezone

    from editor.collection import merge

    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("needs fork to hand the worker a function that kills it")
    collection = make_collection(tmp_path)
    options = ExportOptions(timestamp=datetime(2026, 12, 7, tzinfo=timezone.utc))
    export_collection(collection, tmp_path / "one.tmx", options, workers=0)
    monkeypatch.setattr(merge, "_render_file_original", merge._render_file, raising=False)
    monkeypatch.setattr(merge, "_render_file", _dies_on_letter)   # a forked worker sees the patched module
    monkeypatch.setattr("editor.processes.pool_context", lambda: multiprocessing.get_context("fork"))
    report = export_collection(collection, tmp_path / "two.tmx", options, workers=2)
    assert "worker process of the merged export stopped" in caplog.text      # it did die
    assert (tmp_path / "two.tmx").read_bytes() == (tmp_path / "one.tmx").read_bytes()
    assert report.documents == len(collection.entries)


def test_a_document_a_worker_cannot_read_is_named_and_nothing_is_written(tmp_path):
    from editor.errors import InputFileError

    collection = make_collection(tmp_path)
    (collection.folder / "letter.duiqi").write_text("{ damaged", encoding="utf-8")
    with pytest.raises(InputFileError) as caught:
        export_collection(Collection.open(collection.folder), tmp_path / "all.tmx", workers=2)
    assert "letter.duiqi" in str(caught.value)
    assert not list(tmp_path.glob("*all.tmx*"))


def test_convert_merges_a_collection_folder_and_batch_merges_after_the_batch(tmp_path, capsys):
    sources = make_sources(tmp_path / "client")
    jobs = tmp_path / "jobs.tsv"
    jobs.write_text("client/letter.zh.txt\tclient/letter.en.txt\tletter\nclient/memo.zh.txt\tclient/memo.en.txt\n"
                    "client/sample.txt\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["batch", str(jobs), "-o", str(out), "--mode", "fast", "-j", "1", "--merge",
                 str(tmp_path / "batch.tmx")]) == 0
    assert "units of 3 documents" in capsys.readouterr().err
    assert main(["convert", str(out), str(tmp_path / "convert.tmx"), "-q"]) == 0
    one, two = (etree.parse(str(tmp_path / n)).findall("body/tu") for n in ("batch.tmx", "convert.tmx"))
    assert len(one) == len(two) > 0
    assert main(["convert", str(sources), str(tmp_path / "x.tmx")]) == 2
    assert "not a Duiqi collection" in capsys.readouterr().err


@pytest.mark.shared
def test_mac_dev_chapters_as_a_collection_merge_into_one_tmx_of_all_their_units(tmp_path, capsys):
    mac = need_shared("bench", "mac-dev")
    out = tmp_path / "mac"
    assert main(["batch", "--zh-dir", str(mac / "zh"), "--en-dir", str(mac / "en"), "-o", str(out),
                 "--mode", "fast", "-q"]) == 0
    chapters = sorted(p.name for p in out.glob("*.tmx"))
    assert [Path(n).stem for n in chapters] == sorted(os.listdir(mac / "zh"))
    assert main(["convert", str(out), str(tmp_path / "mac.tmx"), "-q"]) == 0
    merged = etree.parse(str(tmp_path / "mac.tmx"))
    assert etree.DTD(str(schema_path("tmx", "tmx14.dtd"))).validate(merged)
    per_chapter = sum(len(etree.parse(str(out / name)).findall("body/tu")) for name in chapters)
    assert len(merged.findall("body/tu")) == per_chapter > 0
    named = {tu.findtext("prop[@type='x-document']") for tu in merged.findall("body/tu")}
    assert named == {Path(n).stem for n in chapters}


def test_an_output_folder_that_does_not_exist_is_named_once_and_nothing_is_left(tmp_path):
    from editor.errors import OutputFileError

    collection = make_collection(tmp_path)
    out = tmp_path / "missing" / "all.tmx"
    with pytest.raises(OutputFileError) as caught:
        export_collection(collection, out)
    assert str(caught.value).count(str(out)) == 1 and "cannot write" in str(caught.value)
    assert not (tmp_path / "missing").exists()
