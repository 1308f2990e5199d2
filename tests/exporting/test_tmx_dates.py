"""Each TMX tu carries its own link's creationdate and changedate (Trados's "keep most recent" compares them),
and opening a TMX keeps the dates it has, so open → export gives the same dates (Duiqi's files and others')."""

from __future__ import annotations

import shutil
from datetime import datetime, timezone
from pathlib import Path

import pytest
from lxml import etree

from editor import alignment
from editor.bitext import document, edits
from editor.bitext.document import AlignmentDocument, BeadStatus
from editor.exporting import ExportOptions, export_document
from editor.exporting.presets import apply_preset
from editor.importing.alignment_files import load_alignment, tmx_time
from editor.workflow import alignment_change
from tests.conftest import schema_path
from tests.exporting.documents import export_bytes

UTC = timezone.utc
ALIGNED = datetime(2026, 3, 1, 9, 0, 0, tzinfo=UTC)
EDITED = datetime(2026, 3, 2, 14, 30, 5, tzinfo=UTC)
LATER = datetime(2026, 3, 3, 8, 15, 0, tzinfo=UTC)
OPENED = datetime(2026, 3, 9, 23, 0, 0, tzinfo=UTC)
EXCHANGE = Path(__file__).resolve().parents[1] / "data" / "exchange"


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock(monkeypatch) -> Clock:
    fake = Clock(ALIGNED)
    monkeypatch.setattr(document, "clock", fake)
    return fake


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
    assert {(tu.get("creationid"), tu.get("changeid")) for tu in root.iter("tu")} == {("ann", "ann")}
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
