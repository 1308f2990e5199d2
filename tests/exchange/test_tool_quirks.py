"""What other tools write, opened, saved as a project and exported again (issue 25; fixtures in tests/data/exchange/).

Each test opens a hand-made file shaped like the tool's output, saves it as a .duiqi project, reopens that
and exports it, then checks the exact sentences, markers, statuses and dates, and the codes written back.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest
from lxml import etree

from editor.bitext.document import BeadStatus, Change
from editor.bitext.project import load_project, save_project
from editor.cli import main
from editor.errors import UnsupportedFormatError
from editor.exporting import ExportOptions, export_document
from editor.exporting.presets import apply_preset
from editor.exchange.xliff import XLIFF12_NS, XLIFF20_NS
from editor.exchange.opening import load_alignment
from editor.exchange.units import ImportNotes
from tests.conftest import CLOCK_START, schema_path

DATA = Path(__file__).resolve().parents[1] / "data" / "exchange"
NS12 = {"x": XLIFF12_NS}
NS20 = {"x": XLIFF20_NS}
C, A, E = BeadStatus.CONFIRMED, BeadStatus.AUTO, BeadStatus.EDITED


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=timezone.utc)


def open_save_export(name: str, tmp_path: Path, suffix: str, **options):
    """Open a fixture, save it as a project, reopen that and export it; return (document, notes, report, XML root)."""
    notes = ImportNotes()
    opened = load_alignment(DATA / name, notes=notes)
    save_project(opened, tmp_path / "saved.duiqi")
    doc = load_project(tmp_path / "saved.duiqi")
    out = tmp_path / f"out{suffix}"
    preset = options.pop("preset", None)
    export_options = ExportOptions(**options)
    if preset:
        export_options = apply_preset(export_options, preset)
    report = export_document(doc, out, export_options)
    return doc, notes, report, etree.parse(str(out)).getroot()


def links(doc) -> list[tuple[str, str, BeadStatus]]:
    return [(*doc.bead_texts(b), b.status) for b in doc.beads]


def inner_xml(element: etree._Element) -> str:
    """The element's content as written, namespace declarations taken out."""
    text = etree.tostring(element, encoding="unicode", with_tail=False)
    text = text[text.index(">") + 1:text.rindex("<")]
    return text.replace(f' xmlns="{XLIFF12_NS}"', "").replace(f' xmlns="{XLIFF20_NS}"', "")


def valid(root: etree._Element, *schema: str) -> None:
    checker = etree.XMLSchema(etree.parse(str(schema_path(*schema))))
    assert checker.validate(root), checker.error_log.filter_from_errors()


def valid_tmx(root: etree._Element) -> None:
    dtd = etree.DTD(str(schema_path("tmx", "tmx14.dtd")))
    assert dtd.validate(root), dtd.error_log.filter_from_errors()


# 1. XLIFF 2.0: each <segment> is a link of its own ----------------------------------------------------


def test_xliff2_segments_are_links_of_their_own_with_their_own_state(tmp_path, clock):
    doc, notes, report, root = open_save_export("xliff20-segments.xlf", tmp_path, ".xlf", xliff_version="2.0")
    assert links(doc) == [("他{5}没有说话。", "He {5}said nothing.", C), ("窗外{/6}下着雨。", "", A),
                          ("第一句。", "The first sentence.", C), ("第二句。", "The second sentence.", C),
                          ("第三句。", "The third sentence.", A), ("第四句。", "The fourth sentence.", C)]
    assert [b.kind for b in doc.beads] == [(1, 1), (1, 0), (1, 1), (1, 1), (1, 1), (1, 1)]
    assert {b.created for b in doc.beads} == {CLOCK_START}          # XLIFF has no dates: the time of opening
    units = root.findall(".//x:unit", NS20)
    assert [u.find("x:segment", NS20).get("state") for u in units] == [
        "final", "initial", "final", "final", "translated", "final"]
    assert units[1].find("x:segment/x:target", NS20) is None
    # the codes go back with their original data
    assert inner_xml(units[0].find("x:segment/x:source", NS20)) == '他<ph id="5" dataRef="d5"/>没有说话。'
    assert inner_xml(units[0].find("x:segment/x:target", NS20)) == 'He <ph id="5" dataRef="d5"/>said nothing.'
    assert inner_xml(units[1].find("x:segment/x:source", NS20)) == \
        '窗外<ec id="6" isolated="yes" dataRef="d6e"/>下着雨。'
    assert [(d.get("id"), d.text) for d in units[0].findall("x:originalData/x:data", NS20)] == [
        ("d5", '<img src="a.png"/>')]
    assert report.codes_written == 3 and notes.markers == 3
    valid(root, "xliff20", "all_modules.xsd")


# 2. markers numbered per unit by the code's identity, the same on both sides ---------------------------------


def test_xliff12_codes_without_numeric_ids_get_the_same_marker_on_both_sides(tmp_path):
    doc, notes, report, root = open_save_export("xliff12-ids-and-g.xlf", tmp_path, ".xlf")
    assert links(doc) == [("第一{1}第二。", "First{1}second.", A),
                          ("请{1}保存{/1}文件。", "Please {1}save{/1} the file.", C),
                          ("{1}点{7}这里{/1}。", "{1}Click {7}here{/1}.", A)]
    assert doc.beads[2].confidence == 0.0                                 # needs-review-translation
    units = root.findall(".//x:trans-unit", NS12)
    # the codes go back as the file wrote them, ids that are not numbers included (they were <ph id="1"/> and
    # an empty <bpt>/<ept> pair before an X11 audit)
    assert inner_xml(units[0].find("x:source", NS12)) == '第一<x id="x1"/>第二。'
    assert inner_xml(units[0].find("x:target", NS12)) == 'First<x id="x1"/>second.'
    assert inner_xml(units[2].find("x:target", NS12)) == '<g id="b">Click <x id="7"/>here</g>.'
    valid(root, "xliff12", "xliff-core-1.2-strict.xsd")


def test_trados_ut_codes_match_on_both_sides_and_go_back_with_their_rtf(tmp_path):
    doc, _, report, root = open_save_export("trados-ut.tmx", tmp_path, ".tmx")
    assert links(doc)[0] == ("{1}警告：{2}请勿关机。", "{1}Warning:{2} do not switch off.", C)
    segs = [inner_xml(seg) for seg in root.iter("seg")]
    assert segs[:2] == ['<ph x="1">{\\b </ph>警告：<ph x="2">}</ph>请勿关机。',
                        '<ph x="1">{\\b </ph>Warning:<ph x="2">}</ph> do not switch off.']
    assert report.codes_written == 4
    valid_tmx(root)


def test_sdlxliff_codes_with_their_own_ids_match_and_g_pairs_all_survive(tmp_path):
    doc, notes, report, root = open_save_export("trados-codes.sdlxliff", tmp_path, ".tmx")
    # pt2, pt3, pt4 take 1, 2, 3 on both sides; every Chinese-side code survives: the placeholder and both <g> pairs
    assert links(doc) == [("{1}按{2}确定{/2}。", "{1}Press {2}OK{/2}.", C),
                          ("再按{3}取消{/3}。", "Then press {3}Cancel{/3}.", A)]
    assert (notes.markers, notes.paired) == (10, 4)
    assert any("10 inline code(s)" in m and "4 of them around text" in m for m in notes.messages())
    segs = [inner_xml(seg) for seg in root.iter("seg")]
    assert segs[0] == '<ph x="1"/>按<bpt i="2" x="2"/>确定<ept i="2"/>。'
    assert segs[3] == 'Then press <bpt i="3" x="3"/>Cancel<ept i="3"/>.'
    valid_tmx(root)


# 3. XLIFF 1.2 <g> kept as a paired marker and counted ----------------------------------------------------


def test_xliff12_g_is_a_paired_marker_counted_in_the_notes(tmp_path):
    doc, notes, _, root = open_save_export("xliff12-ids-and-g.xlf", tmp_path, ".xlf", xliff_version="2.0")
    assert doc.bead_texts(doc.beads[1]) == ("请{1}保存{/1}文件。", "Please {1}save{/1} the file.")
    assert notes.paired == 4 and notes.markers == 12     # 2 placeholders x1, 2 x7; 4 <g> pairs, 8 markers
    unit = root.findall(".//x:unit", NS20)[1]
    assert inner_xml(unit.find("x:segment/x:source", NS20)) == '请<sc id="1"/>保存<ec startRef="1"/>文件。'
    valid(root, "xliff20", "all_modules.xsd")


# 4. OmegaT: dates and authors on the target <tuv> ---------------------------------------------------------


def test_omegat_dates_and_authors_on_the_target_tuv_win_over_the_tu(tmp_path):
    doc, notes, _, root = open_save_export("omegat-project-save.tmx", tmp_path, ".tmx")
    assert links(doc) == [("今天天气很好。", "The weather is nice today.", A),
                          ("我们明天去北京。", "We are going to Beijing tomorrow.", A)]
    assert [(b.created, b.changed, b.created_by, b.changed_by) for b in doc.beads] == [
        (utc(2026, 1, 4, 9, 8, 7), utc(2026, 1, 5, 10, 11, 12), "bo", "ann"),
        (utc(2024, 1, 1), utc(2026, 1, 6, 12, 13, 14), "old", "ann")]      # tuv first, then the tu
    assert [(tu.get("creationdate"), tu.get("changedate"), tu.get("creationid"), tu.get("changeid"))
            for tu in root.iter("tu")] == [("20260104T090807Z", "20260105T101112Z", "bo", "ann"),
                                           ("20240101T000000Z", "20260106T121314Z", "old", "ann")]
    assert notes.dated == 2


def test_omegat_dates_of_an_english_to_chinese_project_come_from_the_chinese_tuv(tmp_path):
    path = tmp_path / "en-zh.tmx"
    path.write_text(
        '<tmx version="1.1"><header creationtool="OmegaT" srclang="EN-US" segtype="sentence" o-tmf="OmegaT TMX" '
        'adminlang="EN-US" datatype="plaintext"/><body><tu>'
        '<tuv lang="EN-US" changedate="20200101T000000Z"><seg>Hello.</seg></tuv>'
        '<tuv lang="ZH-CN" changeid="ann" changedate="20260105T101112Z"><seg>你好。</seg></tuv>'
        '</tu></body></tmx>', encoding="utf-8")
    doc = load_alignment(path)
    assert links(doc) == [("你好。", "Hello.", A)]
    assert (doc.beads[0].changed, doc.beads[0].changed_by) == (utc(2026, 1, 5, 10, 11, 12), "ann")


# 5. Trados x-ConfirmationLevel and Phrase m:confirmed -----------------------------------------------------


def test_trados_confirmation_levels_become_statuses_and_a_draft_goes_out_doubtful(tmp_path):
    doc, notes, _, root = open_save_export("trados-ut.tmx", tmp_path, ".tmx")
    assert [(b.status, b.confidence) for b in doc.beads] == [(C, 1.0), (A, 0.0), (C, 1.0)]
    assert [b.created for b in doc.beads] == [utc(2025, 3, 1, 10, 15), utc(2025, 3, 3, 12), utc(2025, 3, 4, 13)]
    assert notes.statuses_read == 3
    props = [{p.get("type"): p.text for p in tu.findall("prop")} for tu in root.iter("tu")]
    assert [(p["x-alignment-status"], p.get("x-duiqi-doubtful")) for p in props] == [
        ("confirmed", None), ("auto", "yes"), ("confirmed", None)]
    _, _, _, trados = open_save_export("trados-ut.tmx", tmp_path, ".tmx", preset="trados")
    assert len(list(trados.iter("tu"))) == 2                      # the Draft is left out as doubtful


def test_phrase_mxliff_opens_with_locale_codes_and_confirmed_units(tmp_path):
    doc, notes, _, root = open_save_export("phrase.mxliff", tmp_path, ".xlf")
    assert (doc.meta.src_lang, doc.meta.tgt_lang) == ("zh-CN", "en-US")
    assert links(doc) == [("欢迎使用。", "Welcome.", C), ("点击下一步。", "Click Next.", A),
                          ("还没翻译。", "", A)]
    assert doc.beads[1].confidence == 0.0                          # translated but not confirmed: doubtful
    units = root.findall(".//x:trans-unit", NS12)
    assert [(u.get("approved"), u.find("x:target", NS12).get("state")) for u in units] == [
        ("yes", "final"), (None, "needs-review-translation"), (None, "needs-translation")]


# 6. Phrase .mxliff is read; a format not read is refused naming the formats read --------------------------


def test_a_wordfast_txml_is_refused_with_the_formats_duiqi_reads(tmp_path, capsys):
    with pytest.raises(UnsupportedFormatError, match=r"\.txml.*memoQ \(\.mqxliff\), Phrase \(\.mxliff\)"):
        load_alignment(DATA / "wordfast.txml")
    assert main(["convert", str(DATA / "wordfast.txml"), str(tmp_path / "out.tmx")]) == 2
    err = capsys.readouterr().err
    assert "wordfast.txml" in err and "Trados SDLXLIFF (.sdlxliff)" in err and "Traceback" not in err
    assert main(["convert", str(DATA / "phrase.mxliff"), str(tmp_path / "out.tmx")]) == 0


# 7. layout whitespace between inline elements -------------------------------------------------------------


def test_pretty_printed_indentation_between_inline_elements_is_collapsed_outside_preserve(tmp_path):
    doc, _, _, root = open_save_export("npm-xliff-pretty.xlf", tmp_path, ".xlf")
    assert links(doc) == [("共{1}页", "{1} pages in all", A), ("两个  空格", "Two  spaces", A)]
    unit = root.find(".//x:trans-unit", NS12)
    assert inner_xml(unit.find("x:source", NS12)) == '共<x id="x1"/>页'       # the code as the file wrote it


# 8. Lokalize: state="signed-off" for confirmed units -------------------------------------------------------


@pytest.mark.parametrize(("preset", "state"), [("generic", "final"), ("lokalize", "signed-off")])
def test_the_lokalize_preset_writes_signed_off_for_confirmed_units(tmp_path, preset, state):
    doc, _, report, root = open_save_export("phrase.mxliff", tmp_path, ".xlf", preset=preset)
    unit = root.find(".//x:trans-unit", NS12)
    assert (unit.get("approved"), unit.find("x:target", NS12).get("state")) == ("yes", state)
    assert report.written == 3                          # lokalize keeps doubtful and untranslated units too
    valid(root, "xliff12", "xliff-core-1.2-strict.xsd")


# 9. 0-1 links in XLIFF: kept with translate="no", said in the export summary -------------------------------


def test_a_0_1_link_is_written_with_translate_no_and_the_export_says_so(tmp_path):
    from tests.exchange.documents import export_bytes, rich_document
    for version, ns, path in (("1.2", NS12, ".//x:trans-unit"), ("2.0", NS20, ".//x:unit")):
        data, report = export_bytes(rich_document(), ".xlf", xliff_version=version)
        units = etree.fromstring(data).findall(path, ns)
        assert [u.get("translate") for u in units] == [None, None, None, None, "no", None]
        assert report.untranslatable == 1
        assert any('1 0-1 link(s)' in w and 'translate="no"' in w for w in report.warnings)


# 10. TMX <hi> and comments ----------------------------------------------------------------------------------


def test_tmx_hi_is_a_paired_marker_and_comments_are_counted_as_dropped(tmp_path):
    doc, notes, _, root = open_save_export("tmx-hi-and-notes.tmx", tmp_path, ".tmx")
    assert links(doc) == [("这是{1}重要{/1}的。", "This is {1}important{/1}.", A)]
    assert (doc.beads[0].created, doc.beads[0].created_by) == (utc(2025, 5, 5, 5, 5, 5), "ann")
    assert notes.dropped == {"comment(s) (TMX <note>)": 2}
    assert "dropped 2 comment(s) (TMX <note>): Duiqi keeps no comments on links" in notes.messages()
    # a TMX export writes the <hi> back as memoQ wrote it (it was an empty bpt/ept pair before an X11 audit)
    assert [inner_xml(seg) for seg in root.iter("seg")] == ['这是<hi type="bold">重要</hi>的。',
                                                            'This is <hi type="bold">important</hi>.']
    valid_tmx(root)


def test_memoq_comments_are_counted_as_dropped(tmp_path):
    doc, notes, _, _ = open_save_export("memoq-comments.mqxliff", tmp_path, ".xlf")
    assert links(doc) == [("备忘录。", "Memo.", C)]
    assert notes.dropped == {"memoQ comment(s)": 1}


# the convert summary -------------------------------------------------------------------------------------------


def test_convert_prints_one_summary_of_what_was_kept_became_markers_and_was_dropped(tmp_path, capsys):
    out = tmp_path / "out.tmx"
    assert main(["convert", str(DATA / "tmx-hi-and-notes.tmx"), str(out)]) == 0
    summary = [line for line in capsys.readouterr().err.splitlines() if line.startswith("duiqi: kept:")]
    assert summary == [f"duiqi: kept: 1 link (0 confirmed, 1 with the file's dates, 1 with its creationid/changeid), "
                       f"1 written to {out}; became markers: 4 inline codes (2 of them pairs around text), "
                       f"4 written back as codes; dropped: 2 comment(s) (TMX <note>)"]


def test_a_marker_typed_by_hand_stays_text_in_the_export(tmp_path):
    from editor.bitext.document import AlignmentDocument, Bead, Segment
    from tests.exchange.documents import export_bytes
    doc = AlignmentDocument([Segment(0, "用{1}代替。")], [Segment(1, "Use {1} instead.")],
                            [Bead((0,), (1,), 1.0, C)])
    data, report = export_bytes(doc, ".tmx")
    assert [seg.text for seg in etree.fromstring(data).iter("seg")] == ["用{1}代替。", "Use {1} instead."]
    assert report.codes_written == 0


# 11. Other tools' codes come back as they wrote them (an X11 audit) ------------------------------------------


def segs_of(root: etree._Element, name: str) -> list[str]:
    """The inner XML of every source/target (XLIFF 1.2) or seg (TMX), in order."""
    if name == "seg":
        return [inner_xml(seg) for seg in root.iter("seg")]
    return [inner_xml(e) for unit in root.iter(f"{{{XLIFF12_NS}}}trans-unit")
            for e in (unit.find("x:source", NS12), unit.find("x:target", NS12))]


def test_an_xliff_1_2_comes_back_with_its_codes_unit_ids_and_file_attributes(tmp_path):
    doc, _, report, root = open_save_export("xliff12-every-code.xlf", tmp_path, ".xlf")
    opened = etree.parse(str(DATA / "xliff12-every-code.xlf")).getroot()
    # g stays g around its text, x stays an empty x, bpt/ept/ph keep their native code, in either order
    assert segs_of(root, "xliff") == segs_of(opened, "xliff")
    assert segs_of(root, "xliff")[8:] == ['<g id="6">北京</g>是<g id="7">中国</g>的首都。',
                                          '<g id="7">China</g>\'s capital is <g id="6">Beijing</g>.']
    assert [u.get("id") for u in root.iter(f"{{{XLIFF12_NS}}}trans-unit")] == ["u1", "u2", "u3", "u4", "u5"]
    file_el = root.find("x:file", NS12)
    assert {name: file_el.get(name) for name in ("original", "datatype", "source-language", "target-language")} \
        == {"original": "manual.docx", "datatype": "x-docx", "source-language": "zh-CN", "target-language": "en-US"}
    assert report.codes_written == 22
    valid(root, "xliff12", "xliff-core-1.2-strict.xsd")


def test_codes_read_from_xliff_1_2_are_written_to_tmx_as_valid_tmx_codes(tmp_path):
    _, _, report, root = open_save_export("xliff12-every-code.xlf", tmp_path, ".tmx")
    assert segs_of(root, "seg")[:4] == ['请点击<bpt i="1" x="1"/>保存<ept i="1"/>按钮。',
                                        'Please click the <bpt i="1" x="1"/>Save<ept i="1"/> button.',
                                        '第一行<ph x="2"/>第二行', 'First line<ph x="2"/>second line']
    assert report.codes_written == 22
    valid_tmx(root)


def test_a_tmx_comes_back_with_each_code_as_the_file_wrote_it(tmp_path):
    _, _, _, root = open_save_export("tmx-codes-x-not-i.tmx", tmp_path, ".tmx")
    opened = etree.parse(str(DATA / "tmx-codes-x-not-i.tmx")).getroot()
    assert segs_of(root, "seg") == segs_of(opened, "seg")     # x="3" stayed 3 (it became 1, the i, before)
    valid_tmx(root)


def test_a_unit_split_or_merged_gets_an_id_no_unit_of_the_file_had(tmp_path):
    from editor.bitext.edits import merge_beads, unlink
    from tests.exchange.documents import export_bytes
    source = (DATA / "xliff12-every-code.xlf").read_text(encoding="utf-8")
    path = tmp_path / "numbered.xlf"
    path.write_text(source.replace('id="u', 'id="'), encoding="utf-8")      # unit ids 1…5, as numbers
    doc = load_alignment(path)
    doc.apply(unlink(doc, 0))                 # unit 1 -> a 1-0 and a 0-1 link: links 1 and 2
    doc.apply(merge_beads(doc, 3, 4))         # units 3 and 4 -> one link, the fourth
    root = etree.fromstring(export_bytes(doc, ".xlf")[0])
    ids = [u.get("id") for u in root.iter(f"{{{XLIFF12_NS}}}trans-unit")]
    assert ids == ["1-1", "2-1", "2", "4-1", "5"]
    valid(root, "xliff12", "xliff-core-1.2-strict.xsd")


def split_at(doc, segment_id: int, before: str) -> Change:
    """Split a sentence where `before` starts in its text, as the editor's split at the cursor does; return the
    undo."""
    from editor.bitext.edits import split_segment
    return doc.apply(split_segment(doc, segment_id, doc.segment(segment_id).text.index(before)))


def split_both_sides(doc, bead: int, src_before: str, tgt_before: str) -> list[Change]:
    """Split both sentences of a 1-1 link and make two 1-1 links of the halves; return the undos."""
    from editor.bitext.edits import split_into_one_to_one
    return [split_at(doc, doc.beads[bead].src[0], src_before), split_at(doc, doc.beads[bead].tgt[0], tgt_before),
            doc.apply(split_into_one_to_one(doc, bead))]


def test_sentences_split_or_merged_keep_their_codes_in_an_xliff_1_2_export(tmp_path):
    from editor.bitext.edits import merge_segments
    from tests.exchange.documents import export_bytes
    doc = load_alignment(DATA / "xliff12-every-code.xlf")
    doc.apply(merge_segments(doc, doc.beads[1].tgt[0]))       # the English of units 2 and 3: one sentence
    split_both_sides(doc, 2, "日期为", "dated")                 # unit 4: two links of a placeholder each
    save_project(doc, tmp_path / "edited.duiqi")
    root = etree.fromstring(export_bytes(load_project(tmp_path / "edited.duiqi"), ".xlf")[0])
    # the markers of the sentence merged in and of the new halves were written as text: "{5}", "{3}"
    assert segs_of(root, "xliff")[3] == ('First line<x id="2"/>second line This is an <bpt id="3">&lt;b&gt;</bpt>'
                                         'important<ept id="3">&lt;/b&gt;</ept> notice.')
    assert segs_of(root, "xliff")[4:8] == ['版本号为<ph id="4">{0}</ph>，', 'Version <ph id="4">{0}</ph>,',
                                           '日期为<ph id="5">{1}</ph>。', 'dated <ph id="5">{1}</ph>.']
    valid(root, "xliff12", "xliff-core-1.2-strict.xsd")


def test_sentences_split_or_merged_keep_their_codes_in_a_tmx_export_and_undo_gives_the_records_back():
    from copy import deepcopy

    from editor.bitext.edits import merge_segments
    from editor.bitext.journal import change_from_json, change_to_json
    from tests.exchange.documents import export_bytes
    doc = load_alignment(DATA / "tmx-codes-x-not-i.tmx")
    opened = deepcopy((doc.meta.inline_codes, doc.meta.inline_origins))
    english = doc.beads[0].tgt[0]
    undos = [doc.apply(merge_segments(doc, english))]          # the English of units 1 and 2: one sentence
    undos += split_both_sides(doc, 1, "{2}中国", "{1}Beijing")       # unit 3: two links of a pair each
    root = etree.fromstring(export_bytes(doc, ".tmx")[0])
    assert segs_of(root, "seg")[1] == ('This is an <bpt i="1" x="1">&lt;b&gt;</bpt>important<ept i="1">&lt;/b&gt;'
                                       '</ept> notice. Version <ph x="2">{0}</ph>.')
    assert segs_of(root, "seg")[2:] == [
        '<bpt i="1" x="3">&lt;i&gt;</bpt>北京<ept i="1">&lt;/i&gt;</ept>是',
        '<bpt i="2" x="4">&lt;u&gt;</bpt>China<ept i="2">&lt;/u&gt;</ept>\'s capital is',
        '<bpt i="2" x="4">&lt;u&gt;</bpt>中国<ept i="2">&lt;/u&gt;</ept>的首都。',
        '<bpt i="1" x="3">&lt;i&gt;</bpt>Beijing<ept i="1">&lt;/i&gt;</ept>.']
    valid_tmx(root)
    edited = deepcopy((doc.meta.inline_codes, doc.meta.inline_origins))
    redos = [doc.apply(undo) for undo in reversed(undos)]
    assert (doc.meta.inline_codes, doc.meta.inline_origins) == opened
    for redo in reversed(redos):                                # as the crash journal replays them
        doc.apply(change_from_json(change_to_json(redo)))
    assert (doc.meta.inline_codes, doc.meta.inline_origins) == edited


def test_a_tmx_keeps_its_tuids_and_a_unit_merged_since_gets_one_no_tu_of_the_file_had(tmp_path):
    from editor.bitext.edits import merge_beads
    from tests.exchange.documents import export_bytes
    source = (DATA / "tmx-codes-x-not-i.tmx").read_text(encoding="utf-8")
    path = tmp_path / "tuids.tmx"
    path.write_text(source.replace('tuid="1"', 'tuid="7"').replace('tuid="2"', 'tuid="1"')
                    .replace('tuid="3"', 'tuid="seg 3"'), encoding="utf-8")
    doc = load_alignment(path)
    save_project(doc, tmp_path / "tuids.duiqi")
    root = etree.fromstring(export_bytes(load_project(tmp_path / "tuids.duiqi"), ".tmx")[0])
    assert [tu.get("tuid") for tu in root.iter("tu")] == ["7", "1", "seg 3"]       # they came back 1, 2, 3
    valid_tmx(root)
    doc.apply(merge_beads(doc, 0, 1))
    root = etree.fromstring(export_bytes(doc, ".tmx")[0])
    assert [tu.get("tuid") for tu in root.iter("tu")] == ["1-1", "seg 3"]
    valid_tmx(root)
    # a sentence split in its link: the link is no longer its unit, and the unit's id stays taken (it came back)
    doc = load_alignment(DATA / "tmx-codes-x-not-i.tmx")
    undo = split_at(doc, doc.beads[0].tgt[0], "important")
    root = etree.fromstring(export_bytes(doc, ".tmx")[0])
    assert [tu.get("tuid") for tu in root.iter("tu")] == ["1-1", "2", "3"]
    doc.apply(undo)
    assert [tu.get("tuid") for tu in etree.fromstring(export_bytes(doc, ".tmx")[0]).iter("tu")] == ["1", "2", "3"]
    # an XLIFF 1.2's ids stay its own: a TMX of it is numbered as before
    root = etree.fromstring(export_bytes(load_alignment(DATA / "xliff12-every-code.xlf"), ".tmx")[0])
    assert [tu.get("tuid") for tu in root.iter("tu")] == ["1", "2", "3", "4", "5"]


def test_an_xliff_2_keeps_its_unit_ids_and_a_unit_split_since_gets_one_no_unit_of_the_file_had(tmp_path):
    from editor.bitext.journal import change_from_json, change_to_json
    from tests.exchange.documents import export_bytes
    source = (DATA / "xliff20-segments.xlf").read_text(encoding="utf-8")
    path = tmp_path / "ids.xlf"
    path.write_text(source.replace('unit id="u3"', 'unit id="p7"').replace('unit id="u4"', 'unit id="u5"'),
                    encoding="utf-8")
    doc, _, _, root = open_save_export(path, tmp_path, ".xlf", xliff_version="2.0")
    # a unit of several segments became several links: none keeps its id; the others do (were u1…u6)
    assert [u.get("id") for u in root.iter(f"{{{XLIFF20_NS}}}unit")] == ["u1", "u2", "u3", "u4", "p7", "u5"]
    valid(root, "xliff20", "all_modules.xsd")
    undos = split_both_sides(doc, 5, "四", "fourth")         # the first halves keep their sentences' ids
    root = etree.fromstring(export_bytes(doc, ".xlf", xliff_version="2.0")[0])
    assert [u.get("id") for u in root.iter(f"{{{XLIFF20_NS}}}unit")] == ["u1", "u2", "u3", "u4", "p7", "u6", "u7"]
    valid(root, "xliff20", "all_modules.xsd")
    for undo in reversed(undos):                                # as the crash journal replays them
        doc.apply(change_from_json(change_to_json(undo)))
    root = etree.fromstring(export_bytes(doc, ".xlf", xliff_version="2.0")[0])
    assert [u.get("id") for u in root.iter(f"{{{XLIFF20_NS}}}unit")][-1] == "u5"


def test_a_g_pair_broken_or_crossed_by_an_edit_is_written_as_separate_codes_and_stays_valid(tmp_path):
    from editor.bitext.edits import edit_text
    from tests.exchange.documents import export_bytes
    doc = load_alignment(DATA / "xliff12-every-code.xlf")
    tgt = doc.beads[0].tgt[0]
    doc.apply(edit_text(doc, tgt, "Please click the {1}Save button."))            # {/1} deleted
    tgt = doc.beads[4].tgt[0]
    doc.apply(edit_text(doc, tgt, "{7}China{6}'s capital{/7} is Beijing{/6}."))    # the two pairs cross
    root = etree.fromstring(export_bytes(doc, ".xlf")[0])
    targets = segs_of(root, "xliff")[1::2]
    assert targets[0] == 'Please click the <it id="1" pos="open"/>Save button.'
    # the pair closed first inside the other stays a <g>; the one it crosses becomes a bpt/ept pair
    assert targets[4] == '<bpt id="7"/>China<g id="6">\'s capital<ept id="7"/> is Beijing</g>.'
    valid(root, "xliff12", "xliff-core-1.2-strict.xsd")


def test_a_damaged_origin_in_a_project_is_written_from_its_kind_instead(tmp_path):
    import json
    from tests.exchange.documents import export_bytes
    doc = load_alignment(DATA / "xliff12-every-code.xlf")
    save_project(doc, tmp_path / "p.duiqi")
    data = json.loads((tmp_path / "p.duiqi").read_text(encoding="utf-8"))
    data["meta"]["inline_origins"]["1"]["{2}"] = ["xliff12", "<script>alert(1)</script>"]
    data["meta"]["inline_origins"]["6"]["{2}"] = ["xliff12", "<x id="]
    (tmp_path / "p.duiqi").write_text(json.dumps(data), encoding="utf-8")
    root = etree.fromstring(export_bytes(load_project(tmp_path / "p.duiqi"), ".xlf")[0])
    assert segs_of(root, "xliff")[2:4] == ['第一行<ph id="2"/>第二行', 'First line<ph id="2"/>second line']
    valid(root, "xliff12", "xliff-core-1.2-strict.xsd")
