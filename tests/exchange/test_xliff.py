"""XLIFF 1.2 and 2.0 export: schema-valid, one unit per bead, Chinese source, states mapped, confidence kept."""

import pytest
from lxml import etree

from editor.exchange.xliff import MDA_NS, XLIFF12_NS, XLIFF20_NS
from tests.conftest import schema_path
from tests.exchange.documents import all_pairs, control_char_document, export_bytes, rich_document

NS12 = {"x": XLIFF12_NS}
NS20 = {"x": XLIFF20_NS, "mda": MDA_NS}


def schema(*parts: str) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(schema_path(*parts))))


def xliff12(doc=None, **options) -> etree._Element:
    return etree.fromstring(export_bytes(doc or rich_document(), ".xlf", **options)[0])


def xliff20(doc=None, **options) -> etree._Element:
    return etree.fromstring(export_bytes(doc or rich_document(), ".xliff", xliff_version="2.0", **options)[0])


@pytest.mark.parametrize("flavour", ["xliff-core-1.2-strict.xsd", "xliff-core-1.2-transitional.xsd"])
def test_xliff_1_2_is_valid_against_the_oasis_schema(flavour):
    checker = schema("xliff12", flavour)
    root = xliff12()
    assert checker.validate(root), checker.error_log.filter_from_errors()


def test_xliff_2_0_is_valid_against_the_core_schema_and_the_metadata_module():
    for driver in (("xliff20", "xliff_core_2.0.xsd"), ("xliff20", "all_modules.xsd")):
        checker = schema(*driver)
        root = xliff20()
        assert checker.validate(root), (driver, checker.error_log.filter_from_errors())


def test_files_with_control_characters_stay_valid():
    strict, core = schema("xliff12", "xliff-core-1.2-strict.xsd"), schema("xliff20", "all_modules.xsd")
    assert strict.validate(xliff12(control_char_document()))
    assert core.validate(xliff20(control_char_document()))


def test_xliff_1_2_has_one_unit_per_bead_with_chinese_source_and_english_target():
    doc = rich_document()
    root = xliff12(doc)
    file_el = root.find("x:file", NS12)
    assert (file_el.get("source-language"), file_el.get("target-language")) == ("zh-CN", "en-US")
    units = root.findall(".//x:trans-unit", NS12)
    assert [(u.findtext("x:source", namespaces=NS12), u.findtext("x:target", namespaces=NS12)) for u in units] \
        == all_pairs(doc)


def test_every_xliff_1_2_unit_has_a_target_because_omegat_translates_targets():
    units = xliff12().findall(".//x:trans-unit", NS12)
    assert all(u.find("x:target", NS12) is not None for u in units)


def test_xliff_1_2_states_follow_the_review_status():
    units = xliff12(review_threshold=0.8).findall(".//x:trans-unit", NS12)
    got = [(u.get("approved"), u.find("x:target", NS12).get("state"), u.get("translate")) for u in units]
    assert got == [
        ("yes", "final", None),                        # confirmed
        (None, "translated", None),                    # auto, confidence 0.9 (threshold 0.8)
        (None, "needs-review-translation", None),      # auto, confidence 0.3
        (None, "needs-translation", None),             # 1-0: no English
        (None, "needs-review-translation", "no"),      # 0-1: no Chinese, nothing to translate
        ("yes", "final", None),                        # edited by hand
    ]


def test_xliff_1_2_keeps_confidence_and_status_in_an_x_context_group():
    unit = xliff12().findall(".//x:trans-unit", NS12)[2]
    contexts = {c.get("context-type"): c.text for c in unit.iterfind("x:context-group/x:context", NS12)}
    assert contexts["x-alignment-confidence"] == "0.3"
    assert contexts["x-alignment-status"] == "auto"
    assert contexts["x-duiqi-src-layout"] == "1:11 1:7"


def test_the_default_review_threshold_makes_a_0_9_link_need_review_in_both_xliff_versions():
    from editor.bitext.review import DEFAULT_THRESHOLD

    assert 0.9 < DEFAULT_THRESHOLD
    unit12 = xliff12().findall(".//x:trans-unit", NS12)[1]
    assert unit12.find("x:target", NS12).get("state") == "needs-review-translation"
    unit20 = xliff20().findall(".//x:unit", NS20)[1]
    assert unit20.find("x:segment", NS20).get("subState") == "duiqi:needs-review"


def test_xliff_2_0_states_follow_the_review_status_and_confidence_is_metadata():
    root = xliff20(review_threshold=0.8)
    assert (root.get("srcLang"), root.get("trgLang")) == ("zh-CN", "en-US")
    units = root.findall(".//x:unit", NS20)
    states = [(u.find("x:segment", NS20).get("state"), u.find("x:segment", NS20).get("subState")) for u in units]
    assert states == [("final", None), ("translated", None), ("initial", "duiqi:needs-review"),
                      ("initial", None), ("initial", "duiqi:needs-review"), ("final", None)]
    assert units[3].find("x:segment/x:target", NS20) is None
    meta = {m.get("type"): m.text for m in units[1].iterfind(".//mda:meta", NS20)}
    assert meta["alignment-confidence"] == "0.9" and meta["alignment-status"] == "auto"


def test_xliff_2_0_units_hold_the_bead_texts():
    doc = rich_document()
    units = xliff20(doc).findall(".//x:unit", NS20)
    assert [(u.findtext("x:segment/x:source", namespaces=NS20),
             u.findtext("x:segment/x:target", namespaces=NS20) or "") for u in units] == all_pairs(doc)


def test_xliff_options_choose_languages_and_only_confirmed():
    root = xliff12(src_lang="zh-TW", tgt_lang="en-GB", only_confirmed=True)
    assert root.find("x:file", NS12).get("source-language") == "zh-TW"
    assert len(root.findall(".//x:trans-unit", NS12)) == 2


def test_an_unknown_xliff_version_is_refused():
    from editor.errors import UnsupportedFormatError
    with pytest.raises(UnsupportedFormatError):
        export_bytes(rich_document(), ".xlf", xliff_version="1.1")


@pytest.mark.parametrize("version", ["1.2", "2.0"])
def test_a_sentence_an_edit_left_unlinked_is_not_approved_until_a_person_confirms_it(version):
    from editor.bitext import edits
    from editor.bitext.document import AlignmentDocument, BeadStatus

    doc = AlignmentDocument.from_texts([("第一句。", 0)], [("First.", 0), ("Second.", 0)])
    doc.apply(edits.link(doc, [0], [1, 2]))
    doc.apply(edits.split_into_one_to_one(doc, 0))        # en "Second." is left unlinked by the edit (EDITED)
    assert [(b.src, b.tgt, b.status) for b in doc.beads] == [((0,), (1,), BeadStatus.EDITED),
                                                            ((), (2,), BeadStatus.EDITED)]

    def states() -> list[tuple]:
        root = etree.fromstring(export_bytes(doc, ".xlf", xliff_version=version)[0])
        if version == "1.2":
            return [(u.get("approved"), u.find(f"{{{XLIFF12_NS}}}target").get("state"))
                    for u in root.iter(f"{{{XLIFF12_NS}}}trans-unit")]
        return [(None, s.get("state")) for s in root.iter(f"{{{XLIFF20_NS}}}segment")]

    final = ("yes", "final") if version == "1.2" else (None, "final")
    assert states()[0] == final                            # the link made by hand: the person vouched for it
    assert states()[1] != final                            # the leftover: nobody said it has no counterpart
    doc.apply(edits.confirm(doc, 1))
    assert states()[1] == final                            # now a person did



@pytest.mark.parametrize("version", ["1.2", "2.0"])
def test_only_confirmed_links_writes_no_sentence_without_counterpart_confirmed_or_not(version):
    # an X11 audit: "Only confirmed links (31 of 762 links)" wrote 34 XLIFF units, three of them a confirmed
    # sentence without counterpart (an empty target, or an empty source marked approved)
    from editor.bitext import edits
    from editor.bitext.document import BeadStatus

    doc = rich_document()
    linked = [k for k, b in enumerate(doc.beads) if b.src and b.tgt]
    doc.apply(edits.unlink(doc, linked[-1]))
    for k, bead in enumerate(doc.beads):
        if not (bead.src and bead.tgt):
            doc.apply(edits.set_status(doc, k, k, BeadStatus.CONFIRMED))
    confirmed_links = sum(1 for b in doc.beads if b.src and b.tgt and b.is_fixed)
    data, report = export_bytes(doc, ".xlf", only_confirmed=True, xliff_version=version)
    root = etree.fromstring(data)
    units = root.findall(".//{*}trans-unit") + root.findall(".//{*}unit")
    assert len(units) == report.written == confirmed_links
    assert all("".join(u.find(".//{*}source").itertext()) and "".join(u.find(".//{*}target").itertext())
               for u in units)
    assert any("only confirmed links" in w for w in report.warnings)
