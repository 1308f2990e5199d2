"""In the editor, confirming a link dates it with the time of the confirmation; Undo puts its old dates back and
Redo the confirmation's time (not the time of the redo); Save and the TMX export carry the dates. A client's
TMX keeps its units' creationid/changeid the same way, and an edited unit's change is the exporter's."""

from datetime import timedelta

from lxml import etree

from editor.bitext import document
from editor.bitext.project import load_project
from editor.exporting import export_document
from tests.conftest import Clock

# Later than the sample's alignment (a link's change never comes before its creation), set by hand.
CONFIRMED = document.utc_now() + timedelta(days=1, seconds=7)
UNDONE = CONFIRMED + timedelta(days=1)
REDONE = CONFIRMED + timedelta(days=2)


def test_confirm_undo_redo_save_and_export_keep_the_time_of_the_confirmation(qtbot, window, tmp_path, monkeypatch):
    clock = Clock(CONFIRMED)
    monkeypatch.setattr(document, "clock", clock)
    doc = window.document
    k = next(n for n, b in enumerate(doc.beads) if b.is_link and not b.is_fixed)
    before = [(b.created, b.changed) for b in doc.beads]
    assert CONFIRMED not in {t for pair in before for t in pair}
    window.view.select_bead(k)
    window.actions_.confirm_next.trigger()
    assert doc.beads[k].is_fixed and (doc.beads[k].created, doc.beads[k].changed) == (before[k][0], CONFIRMED)
    assert [(b.created, b.changed) for n, b in enumerate(doc.beads) if n != k] == before[:k] + before[k + 1:]
    clock.now = UNDONE
    window.undo_stack.undo()
    assert [(b.created, b.changed) for b in doc.beads] == before
    clock.now = REDONE
    window.undo_stack.redo()
    assert doc.beads[k].changed == CONFIRMED
    window.project_path = tmp_path / "p.duiqi"
    assert window.save()
    assert load_project(tmp_path / "p.duiqi").beads[k].changed == CONFIRMED
    export_document(doc, tmp_path / "p.tmx")
    tus = etree.parse(str(tmp_path / "p.tmx")).getroot().iter("tu")
    linked_before_k = sum(b.is_link for b in doc.beads[:k])
    # TMX 1.4b dates are YYYYMMDDThhmmssZ in UTC; written out here by hand, not by the exporter's own function
    expected = "%04d%02d%02dT%02d%02d%02dZ" % (CONFIRMED.year, CONFIRMED.month, CONFIRMED.day, CONFIRMED.hour,
                                               CONFIRMED.minute, CONFIRMED.second)
    assert CONFIRMED.utcoffset().total_seconds() == 0
    assert [tu.get("changedate") for tu in tus][linked_before_k] == expected


def test_a_client_tmx_edited_in_the_editor_keeps_who_made_each_unit_and_credits_the_edit_to_the_exporter(
        qtbot, window, tmp_path):
    from pathlib import Path

    assert window.open_paths([Path(__file__).resolve().parents[1] / "data" / "exchange" / "trados-dated.tmx"],
                             ask=False)
    doc = window.document
    people = [(b.created_by, b.changed_by) for b in doc.beads]
    assert people[:3] == [("ANN", "BOB"), ("ANN", "ANN"), ("ANN", "ANN")]
    window.view.select_bead(0)
    window.actions_.confirm_next.trigger()
    assert doc.beads[0].is_fixed and (doc.beads[0].created_by, doc.beads[0].changed_by) == ("ANN", None)
    window.undo_stack.undo()
    assert [(b.created_by, b.changed_by) for b in doc.beads] == people
    window.undo_stack.redo()
    window.project_path = tmp_path / "tm.duiqi"
    assert window.save()
    again = load_project(tmp_path / "tm.duiqi")
    export_document(again, tmp_path / "tm.tmx")
    tus = list(etree.parse(str(tmp_path / "tm.tmx")).getroot().iter("tu"))
    assert [(tu.get("creationid"), tu.get("changeid")) for tu in tus][:3] == [
        ("ANN", "Duiqi"), ("ANN", "ANN"), ("ANN", "ANN")]
