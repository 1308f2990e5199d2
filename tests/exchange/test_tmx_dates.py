"""Each TMX tu carries its own link's creationdate and changedate (Trados's "keep most recent" compares them),
and opening a TMX keeps the dates it has, so open → export gives the same dates (Duiqi's files and others').
Its creationid/changeid likewise: untouched units keep them, edited ones get the exporter's changeid."""

from __future__ import annotations

import shutil
from datetime import datetime, timezone
from pathlib import Path

import pytest
from lxml import etree

from editor import alignment
from editor.bitext import edits
from editor.bitext.document import AlignmentDocument, BeadStatus
from editor.exporting import ExportOptions, export_document
from editor.exporting.presets import apply_preset
from editor.exchange.dates import tmx_time
from editor.exchange.opening import load_alignment
from editor.workflow import alignment_change
from tests.conftest import CLOCK_START, schema_path
from tests.exchange.documents import export_bytes

UTC = timezone.utc
ALIGNED = CLOCK_START        # where the `clock` fixture (tests/conftest.py) starts
EDITED = datetime(2026, 3, 2, 14, 30, 5, tzinfo=UTC)
LATER = datetime(2026, 3, 3, 8, 15, 0, tzinfo=UTC)
OPENED = datetime(2026, 3, 9, 23, 0, 0, tzinfo=UTC)
EXCHANGE = Path(__file__).resolve().parents[1] / "data" / "exchange"


def tu_dates(data: bytes) -> list[tuple[str, str]]:
    root = etree.fromstring(data)
    return [(tu.get("creationdate"), tu.get("changedate")) for tu in root.iter("tu")]


def valid_tmx(data: bytes) -> etree._Element:
    dtd = etree.DTD(str(schema_path("tmx", "tmx14.dtd")))
    root = etree.fromstring(data)
    assert dtd.validate(root), dtd.error_log.filter_from_errors()
    return root


def aligned_document() -> AlignmentDocument:
    """Three 1-1 links the aligner made at the clock's time."""
    doc = AlignmentDocument.from_texts([("保存文件。", 0), ("打开菜单。", 0), ("关闭它。", 1)],
                                       [("Save the file.", 0), ("Open the menu.", 0), ("Close it.", 1)])
    doc.apply(alignment_change(doc, [alignment.AlignedBead((i,), (i,), 0.9) for i in range(3)]))
    return doc


def test_an_edited_link_exports_with_its_edit_time_and_untouched_links_with_the_alignment_time(clock):
    doc = aligned_document()
    clock.now = EDITED
    undo = doc.apply(edits.edit_text(doc, doc.tgt[1].id, "Open the main menu."))
    clock.now = LATER                                          # the export's own time
    data, _ = export_bytes(doc, ".tmx", creation_id="ann")
    root = valid_tmx(data)
    assert tu_dates(data) == [("20260301T090000Z", "20260301T090000Z"), ("20260301T090000Z", "20260302T143005Z"),
                              ("20260301T090000Z", "20260301T090000Z")]
    # only the edited link names the person exporting; the engine's untouched links say Duiqi
    assert [(tu.get("creationid"), tu.get("changeid")) for tu in root.iter("tu")] == \
        [("Duiqi", "Duiqi"), ("Duiqi", "ann"), ("Duiqi", "Duiqi")]
    assert root.find("header").get("creationdate") == "20260303T081500Z"
    doc.apply(undo)
    assert tu_dates(export_bytes(doc, ".tmx")[0]) == [("20260301T090000Z", "20260301T090000Z")] * 3


def test_presets_without_duiqi_props_still_write_each_links_dates(clock):
    doc = aligned_document()
    doc.apply(edits.confirm_through(doc, 1, now=ALIGNED))   # presets leave doubtful automatic links out
    doc.apply(edits.confirm(doc, 2, now=EDITED))
    for name in ("trados", "memoq", "phrase", "omegat"):
        options = apply_preset(ExportOptions(), name)
        data, _ = export_bytes(doc, ".tmx", **{k: getattr(options, k) for k in vars(options)})
        assert tu_dates(data)[2] == ("20260301T090000Z", "20260302T143005Z"), name


def test_a_duiqi_tmx_opens_and_exports_again_with_the_same_dates(tmp_path, clock):
    doc = aligned_document()
    doc.apply(edits.merge_beads(doc, 0, 1, now=EDITED))
    doc.apply(edits.confirm(doc, 1, now=LATER))
    export_document(doc, tmp_path / "a.tmx")
    first = (tmp_path / "a.tmx").read_bytes()
    clock.now = OPENED
    again = load_alignment(tmp_path / "a.tmx")
    assert [(b.created, b.changed) for b in again.beads] == [(ALIGNED, EDITED), (ALIGNED, LATER)]
    export_document(again, tmp_path / "b.tmx")
    second = (tmp_path / "b.tmx").read_bytes()
    assert tu_dates(second) == tu_dates(first) == [("20260301T090000Z", "20260302T143005Z"),
                                                   ("20260301T090000Z", "20260303T081500Z")]
    valid_tmx(second)


def test_another_tools_tmx_keeps_its_dates_through_open_and_export(tmp_path, clock):
    clock.now = OPENED
    doc = load_alignment(EXCHANGE / "trados-dated.tmx")
    assert [doc.bead_texts(b)[1] for b in doc.beads] == ["Save the file.", "Open the menu.", "Close it.",
                                                         "Print it.", "Quit."]
    export_document(doc, tmp_path / "out.tmx")
    data = (tmp_path / "out.tmx").read_bytes()
    valid_tmx(data)
    assert tu_dates(data) == [
        ("20240105T081500Z", "20250314T163000Z"),      # both dates kept
        ("20230220T120000Z", "20230220T120000Z"),
        ("20220707T070707Z", "20220707T070707Z"),      # a creationdate only: not changed since
        ("20260309T230000Z", "20260309T230000Z"),      # no dates: the time the file was opened
        ("20240105T081500Z", "20240105T081500Z"),      # a malformed changedate is not taken
    ]


def test_a_link_edited_after_opening_a_foreign_tmx_gets_the_edit_time_and_the_others_keep_theirs(tmp_path, clock):
    shutil.copy(EXCHANGE / "trados-dated.tmx", tmp_path / "tm.tmx")
    doc = load_alignment(tmp_path / "tm.tmx")
    doc.apply(edits.confirm(doc, 1, now=EDITED))
    dates = tu_dates(export_bytes(doc, ".tmx")[0])
    assert dates[:2] == [("20240105T081500Z", "20250314T163000Z"), ("20230220T120000Z", "20260302T143005Z")]
    assert doc.beads[1].status is BeadStatus.CONFIRMED


@pytest.mark.parametrize("text, expected", [
    ("20260102T030405Z", datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)),
    (" 20260102T030405Z ", datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)),
    ("20261302T030405Z", None),            # month 13
    ("2026-01-02T03:04:05Z", None),        # not the TMX form
    ("20260102T030405", None),             # no Z: not said to be UTC
    ("", None),
    (None, None),
])
def test_tmx_dates_are_read_in_the_tmx_form_only(text, expected):
    assert tmx_time(text) == expected


# -- who created and changed each unit (creationid / changeid) ---------------------------------------


def tu_people(data: bytes) -> list[tuple[str, str]]:
    return [(tu.get("creationid"), tu.get("changeid")) for tu in etree.fromstring(data).iter("tu")]


TRADOS_PEOPLE = [
    ("ANN", "BOB"),        # both ids kept
    ("ANN", "ANN"),
    ("ANN", "ANN"),        # a creationid only: its creator changed it last (as a creationdate alone is both dates)
    ("Duiqi", "Duiqi"),    # no ids and nobody touched it here: not credited to the person exporting
    ("Duiqi", "Duiqi"),
]


def test_convert_keeps_the_creationid_and_changeid_of_another_tools_tmx(tmp_path, clock):
    from editor.cli import main

    assert main(["convert", str(EXCHANGE / "trados-dated.tmx"), str(tmp_path / "out.tmx")]) == 0
    data = (tmp_path / "out.tmx").read_bytes()
    valid_tmx(data)
    assert tu_people(data) == [(c.replace("me", "Duiqi"), h.replace("me", "Duiqi")) for c, h in TRADOS_PEOPLE]


def test_untouched_units_of_a_foreign_tmx_keep_their_people_and_the_export_id_fills_only_the_gaps(tmp_path, clock):
    doc = load_alignment(EXCHANGE / "trados-dated.tmx")
    assert [(b.created_by, b.changed_by) for b in doc.beads] == [
        ("ANN", "BOB"), ("ANN", "ANN"), ("ANN", "ANN"), (None, None), (None, None)]
    export_document(doc, tmp_path / "out.tmx", ExportOptions(creation_id="me"))
    data = (tmp_path / "out.tmx").read_bytes()
    valid_tmx(data)
    assert tu_people(data) == TRADOS_PEOPLE


def test_a_unit_edited_after_opening_keeps_its_creationid_and_gets_the_exporters_changeid(clock):
    doc = load_alignment(EXCHANGE / "trados-dated.tmx")
    undo = doc.apply(edits.edit_text(doc, doc.tgt[0].id, "Save the file now.", now=EDITED))
    data, _ = export_bytes(doc, ".tmx", creation_id="me")
    valid_tmx(data)
    assert tu_people(data)[:2] == [("ANN", "me"), ("ANN", "ANN")]
    assert tu_dates(data)[0] == ("20240105T081500Z", "20260302T143005Z")
    doc.apply(undo)                                           # undo gives BOB his change back
    assert tu_people(export_bytes(doc, ".tmx", creation_id="me")[0]) == TRADOS_PEOPLE


def test_merging_foreign_units_keeps_the_creator_of_the_unit_created_first(clock):
    doc = load_alignment(EXCHANGE / "trados-dated.tmx")
    doc.apply(edits.merge_beads(doc, 2, 3, now=EDITED))      # ANN's 2022 unit + one without ids (dated: opened)
    doc.apply(edits.merge_beads(doc, 0, 1, now=EDITED))      # ANN 2024 (changed by BOB) + ANN 2023
    data, _ = export_bytes(doc, ".tmx", creation_id="me")
    valid_tmx(data)
    assert tu_people(data) == [("ANN", "me"), ("ANN", "me"), ("Duiqi", "Duiqi")]
    assert [d[0] for d in tu_dates(data)] == ["20230220T120000Z", "20220707T070707Z", "20240105T081500Z"]


def test_a_foreign_tmx_saved_as_a_project_and_opened_again_exports_the_same_people(tmp_path, clock):
    from editor.bitext.project import load_project, save_project

    doc = load_alignment(EXCHANGE / "trados-dated.tmx")
    doc.apply(edits.confirm(doc, 1, now=EDITED))
    save_project(doc, tmp_path / "tm.duiqi")
    again = load_project(tmp_path / "tm.duiqi")
    first, _ = export_bytes(doc, ".tmx", creation_id="me")
    second, _ = export_bytes(again, ".tmx", creation_id="me")
    assert tu_people(second) == tu_people(first) == [("ANN", "BOB"), ("ANN", "me"), *TRADOS_PEOPLE[2:]]


TU_WITH_IDS = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="t" creationtoolversion="1" o-tmf="t" datatype="plaintext"
 segtype="sentence" adminlang="en-US" srclang="en-US"/><body>
<tu {attrs}><tuv xml:lang="en-US"><seg>Save.</seg></tuv><tuv xml:lang="zh-CN"><seg>保存。</seg></tuv></tu>
</body></tmx>"""


@pytest.mark.parametrize("attrs, people, not_kept", [
    ('creationid="  ANN " changeid="BOB&#9;"', ("ANN", "BOB"), 0),            # whitespace stripped
    ('creationid="Ann  Lee" changeid="Bob&#10;Smith"', ("Ann Lee", "Bob Smith"), 0),  # runs of it made one space
    ('creationid="" changeid="  "', (None, None), 0),                          # empty: none given
    ('changeid="BOB"', ("BOB", "BOB"), 0),                                     # one alone stands for both
    ('creationid="A\x7fB" changeid="BOB"', ("BOB", "BOB"), 1),                 # a control character: not kept
    (f'creationid="{"A" * 300}" changeid="{"B" * 300}"', (None, None), 2),    # far too long for a name
])
def test_a_tmx_creationid_and_changeid_are_kept_cleaned_or_left_out_and_counted(tmp_path, attrs, people, not_kept):
    from editor.exchange.units import ImportNotes

    path = tmp_path / "ids.tmx"
    path.write_text(TU_WITH_IDS.format(attrs=attrs), encoding="utf-8")
    notes = ImportNotes()
    doc = load_alignment(path, notes=notes)
    assert (doc.beads[0].created_by, doc.beads[0].changed_by) == people
    assert notes.ids_not_kept == not_kept
    assert any("creationid/changeid" in m for m in notes.messages()) == bool(not_kept)
    data, _ = export_bytes(doc, ".tmx", creation_id="me")
    valid_tmx(data)
    assert tu_people(data) == [tuple(p or "Duiqi" for p in people)]      # untouched: gaps are not the exporter's


def test_an_untouched_foreign_unit_with_dates_but_no_ids_is_not_credited_to_the_exporter(tmp_path, clock):
    """A unit of another tool's TMX with creationdate and a later changedate but no creationid/changeid was not
    changed by anyone in Duiqi: it keeps the engine's id on export (it used to get the exporter's name as its
    changeid, guessed from the dates). Editing it here is what makes the exporter its changer: the edit record
    (Bead.edited) says so, through a saved project and the crash journal too."""
    from editor.bitext.journal import _bead_in, _bead_out, change_to_json
    from editor.bitext.project import load_project, save_project

    path = tmp_path / "dated.tmx"
    path.write_text(TU_WITH_IDS.format(attrs='creationdate="20240105T081500Z" changedate="20250314T163000Z"'),
                    encoding="utf-8")
    doc = load_alignment(path)
    assert (doc.beads[0].created_by, doc.beads[0].changed_by, doc.beads[0].edited) == (None, None, False)
    data, _ = export_bytes(doc, ".tmx", creation_id="me")
    valid_tmx(data)
    assert tu_people(data) == [("Duiqi", "Duiqi")]
    assert tu_dates(data) == [("20240105T081500Z", "20250314T163000Z")]       # its dates are kept as they were

    doc.apply(edits.edit_text(doc, doc.tgt[0].id, "保存吧。", now=EDITED))     # a text edit: status stays AUTO
    assert doc.beads[0].status is BeadStatus.AUTO and doc.beads[0].edited
    assert tu_people(export_bytes(doc, ".tmx", creation_id="me")[0]) == [("Duiqi", "me")]
    save_project(doc, tmp_path / "dated.duiqi")
    again = load_project(tmp_path / "dated.duiqi")
    assert again.beads[0].edited
    assert tu_people(export_bytes(again, ".tmx", creation_id="me")[0]) == [("Duiqi", "me")]
    assert _bead_in(_bead_out(doc.beads[0])).edited                            # the journal keeps the record
    confirmed = change_to_json(edits.confirm(doc, 0, now=LATER))["b"][2]         # (first, old beads, new beads)
    assert [_bead_in(b).edited for b in confirmed] == [True]


def test_a_link_a_person_made_by_hand_names_the_exporter_as_its_creator_too(clock):
    doc = aligned_document()
    doc.apply(edits.unlink(doc, 1, now=EDITED))
    doc.apply(edits.link(doc, [doc.src[1].id], [doc.tgt[1].id], now=LATER))
    data, _ = export_bytes(doc, ".tmx", creation_id="ann")
    assert tu_people(data) == [("Duiqi", "Duiqi"), ("ann", "ann"), ("Duiqi", "Duiqi")]
