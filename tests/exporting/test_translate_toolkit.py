"""translate-toolkit, the storage library of Pootle, Weblate and Virtaal, reads every exported TMX/XLIFF."""

from translate.storage import tmx, xliff, xliff2   # the test extra installs translate-toolkit

from tests.exchange.documents import all_pairs, export_bytes, linked_pairs, rich_document


def tt_pairs(store) -> list[tuple[str, str]]:
    return [(str(unit.source or ""), str(unit.target or "")) for unit in store.units]


def test_translate_toolkit_reads_the_tmx_and_sees_the_same_pairs():
    doc = rich_document()
    store = tmx.tmxfile.parsestring(export_bytes(doc, ".tmx")[0])
    assert tt_pairs(store) == linked_pairs(doc)
    assert store.getsourcelanguage() == "zh-CN"


def test_translate_toolkit_reads_the_xliff_1_2_and_sees_the_same_pairs_and_states():
    doc = rich_document()
    store = xliff.xlifffile.parsestring(export_bytes(doc, ".xlf")[0])
    assert tt_pairs(store) == all_pairs(doc)
    assert (store.getsourcelanguage(), store.gettargetlanguage()) == ("zh-CN", "en-US")
    assert store.units[0].isapproved() and not store.units[1].isapproved()


def test_translate_toolkit_reads_the_xliff_2_0_and_sees_the_same_pairs():
    doc = rich_document()
    store = xliff2.Xliff2File.parsestring(export_bytes(doc, ".xliff", xliff_version="2.0")[0])
    assert tt_pairs(store) == all_pairs(doc)


def test_translate_toolkit_factory_opens_our_tmx_and_xliff_1_2_files(tmp_path):
    from translate.storage import factory
    doc = rich_document()
    for suffix in (".tmx", ".xlf"):
        path = tmp_path / f"out{suffix}"
        path.write_bytes(export_bytes(doc, suffix)[0])
        store = factory.getobject(str(path))
        assert len(store.units) == (4 if suffix == ".tmx" else 6)


def test_tmx_and_xliff_files_written_by_translate_toolkit_open_in_duiqi(tmp_path):
    from editor.exchange.opening import load_alignment
    memory = tmx.tmxfile(sourcelanguage="zh-CN", targetlanguage="en-US")
    memory.addtranslation("你好。", "zh-CN", "Hello.", "en-US")
    memory.addtranslation("价格<100元&含税。", "zh-CN", "Price <100 & tax.", "en-US")
    bilingual = xliff.xlifffile(sourcelanguage="zh-CN", targetlanguage="en-US")
    bilingual2 = xliff2.Xliff2File(sourcelanguage="zh-CN", targetlanguage="en-US")
    for store in (bilingual, bilingual2):
        for zh, en in (("你好。", "Hello."), ("价格<100元&含税。", "Price <100 & tax.")):
            store.addsourceunit(zh).target = en
    for name, store in (("tt.tmx", memory), ("tt.xlf", bilingual), ("tt2.xlf", bilingual2)):
        path = tmp_path / name
        path.write_bytes(bytes(store))
        doc = load_alignment(path)
        assert [doc.bead_texts(b) for b in doc.beads] == [("你好。", "Hello."),
                                                          ("价格<100元&含税。", "Price <100 & tax.")], name


def test_translate_toolkit_reads_the_files_of_every_preset():
    from editor.exporting import ExportOptions
    from editor.exporting.presets import apply_preset, preset_names
    doc = rich_document()
    for name in preset_names():
        options = apply_preset(ExportOptions(), name)
        values = {k: getattr(options, k) for k in vars(options)}
        tmx_data, tmx_report = export_bytes(doc, ".tmx", **values)
        assert len(tmx.tmxfile.parsestring(tmx_data).units) == tmx_report.written, name
        xlf_data, xlf_report = export_bytes(doc, ".xlf", **values)
        assert len(xliff.xlifffile.parsestring(xlf_data).units) == xlf_report.written, name


def test_a_real_po2xliff_file_opens_without_its_po_header(tmp_path):
    """translate-toolkit's own po2xliff writes the PO header as a unit; Duiqi skips it."""
    from translate.convert import po2xliff

    from editor.exchange.opening import load_alignment
    from editor.exchange.units import ImportNotes
    po = tmp_path / "messages.po"
    po.write_text('msgid ""\nmsgstr ""\n"Project-Id-Version: demo\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                  'msgid "Open the file."\nmsgstr "打开文件。"\n\nmsgid "Close it."\nmsgstr "关闭它。"\n',
                  encoding="utf-8")
    out = tmp_path / "messages.xlf"
    with po.open("rb") as source, out.open("wb") as target:
        assert po2xliff.convertpo(source, target, None)
    assert b"x-gettext-domain-header" in out.read_bytes()
    notes = ImportNotes()
    doc = load_alignment(out, notes=notes)
    assert [doc.bead_texts(b) for b in doc.beads] == [("打开文件。", "Open the file."), ("关闭它。", "Close it.")]
    assert notes.skipped == {"the PO header of a po2xliff file": 1}


def test_translate_toolkit_reads_an_xliff_1_2_opened_and_exported_again_with_its_unit_ids(tmp_path):
    from pathlib import Path
    from editor.exchange.opening import load_alignment
    data = Path(__file__).resolve().parents[1] / "data" / "exchange" / "xliff12-every-code.xlf"
    store = xliff.xlifffile.parsestring(export_bytes(load_alignment(data), ".xlf")[0])
    # translate-toolkit names a unit by its file's original and its id
    assert [unit.getid() for unit in store.units] == [f"manual.docx\x04u{n}" for n in range(1, 6)]
    assert str(store.units[0].target) == "Please click the Save button."
