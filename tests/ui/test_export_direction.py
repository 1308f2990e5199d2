"""English → Chinese in the Export dialog: the direction follows the panes, is remembered per project, and every
preset writes it as the TMX/XLIFF source language; the dialog remembers preset, codes and folder."""

from pathlib import Path

import pytest
from lxml import etree

from editor.bitext.document import AlignmentDocument, Bead, BeadStatus, Change, DocumentMeta, Splice
from editor.exporting import export_document
from editor.exporting.presets import preset_names
from editor.settings import Settings
from editor.ui.dialogs.export_dialog import ExportDialog


@pytest.fixture
def document(tmp_path):
    meta = DocumentMeta(src_lang="zh-CN", tgt_lang="en-US", src_file=str(tmp_path / "news.txt"))
    doc = AlignmentDocument.from_texts([("你好。", 0), ("再见。", 0)], [("Hello.", 0), ("Goodbye.", 0)], meta)
    beads = (Bead((0,), (2,), 0.9, BeadStatus.CONFIRMED), Bead((1,), (3,), 0.95, BeadStatus.CONFIRMED))
    doc.apply(Change("align", beads=Splice(0, tuple(doc.beads), beads)))
    return doc


def _dialog(qtbot, document, path, **kwargs):
    dialog = ExportDialog(None, document, path, **kwargs)
    qtbot.addWidget(dialog)
    return dialog


def _choose_format(dialog, name_part):
    index = next(i for i in range(dialog.format_combo.count()) if name_part in dialog.format_combo.itemText(i))
    dialog.format_combo.setCurrentIndex(index)


def test_the_direction_defaults_to_the_pane_order(qtbot, document, tmp_path):
    assert not _dialog(qtbot, document, tmp_path / "a.duiqi").reverse()
    english_left = _dialog(qtbot, document, tmp_path / "a.duiqi", english_first=True)
    assert english_left.reverse() and english_left.options().reverse
    assert english_left.written_codes() == ("en-US", "zh-CN")


def test_the_direction_is_remembered_per_project(qtbot, document, tmp_path):
    settings = Settings()
    first = _dialog(qtbot, document, tmp_path / "a.duiqi", settings=settings, project=tmp_path / "a.duiqi")
    first.direction_combo.setCurrentIndex(1)                      # en→zh for project a
    first.remember(settings)
    again = _dialog(qtbot, document, tmp_path / "a.duiqi", settings=settings, project=tmp_path / "a.duiqi")
    assert again.reverse()
    other = _dialog(qtbot, document, tmp_path / "b.duiqi", settings=settings, project=tmp_path / "b.duiqi")
    assert not other.reverse()                                    # another project follows its panes
    back = _dialog(qtbot, document, tmp_path / "a.duiqi", settings=settings, project=tmp_path / "a.duiqi",
                   english_first=False)
    assert back.reverse()                                         # the project's choice beats the panes


@pytest.mark.parametrize("preset", preset_names())
@pytest.mark.parametrize("fmt", ["TMX", "XLIFF 1.2", "XLIFF 2.0"])
def test_every_preset_writes_english_as_the_source_language_for_en_to_zh(qtbot, document, tmp_path, preset, fmt):
    dialog = _dialog(qtbot, document, tmp_path / "a.duiqi", english_first=True)
    dialog.preset_combo.setCurrentIndex(dialog.preset_combo.findData(preset))
    _choose_format(dialog, fmt)
    export_document(document, dialog.path(), dialog.options())
    root = etree.parse(str(dialog.path())).getroot()
    if fmt == "TMX":
        src = root.find("header").get("srclang")
        first_tuv = root.find(".//tu/tuv")
        assert first_tuv.find("seg").text == "Hello."
    elif fmt == "XLIFF 1.2":
        src = root.find("{*}file").get("source-language")
        assert root.find(".//{*}source").text == "Hello."
    else:
        src = root.get("srcLang")
        assert root.find(".//{*}source").text == "Hello."
    assert src.startswith("en"), (preset, fmt, src)


def test_the_dialog_remembers_preset_codes_and_folder(qtbot, document, tmp_path):
    settings = Settings()
    folder = tmp_path / "tm"
    folder.mkdir()
    dialog = _dialog(qtbot, document, tmp_path / "a.duiqi", settings=settings)
    dialog.preset_combo.setCurrentIndex(dialog.preset_combo.findData("trados"))
    dialog.src_lang.setCurrentText("zh-SG")
    dialog.tgt_lang.setCurrentText("en-GB")
    dialog.path_edit.setText(str(folder / "a.tmx"))
    dialog.remember(settings)
    again = _dialog(qtbot, document, tmp_path / "b.duiqi", settings=settings)
    assert again.preset() == "trados"
    assert (again.src_lang.currentText(), again.tgt_lang.currentText()) == ("zh-SG", "en-GB")
    assert again.path() == folder / "b.tmx"


def test_a_relative_suggested_path_gives_an_absolute_export_path(qtbot, document, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    dialog = _dialog(qtbot, document, Path("books") / "a.duiqi")
    assert Path(dialog.path_edit.text()).is_absolute()
    assert Path(dialog.path_edit.text()) == tmp_path / "books" / "a.tmx"


def test_only_confirmed_links_is_remembered_for_the_next_export(qtbot, document, tmp_path):
    # an X11 audit: "Only confirmed links" was unticked again at every Ctrl+E
    settings = Settings()
    first = _dialog(qtbot, document, tmp_path / "a.duiqi", settings=settings)
    assert not first.only_confirmed.isChecked()
    first.only_confirmed.setChecked(True)
    first.remember(settings)
    again = _dialog(qtbot, document, tmp_path / "a.duiqi", settings=settings)
    assert again.only_confirmed.isChecked() and again.options().only_confirmed


def test_the_format_exported_last_is_the_one_the_next_export_suggests(qtbot, document, tmp_path):
    # an X11 audit: an XLIFF export, then Ctrl+E again offered TMX
    settings = Settings()
    first = _dialog(qtbot, document, tmp_path / "a.duiqi", settings=settings)
    assert first.path().suffix == ".tmx"
    first.path_edit.setText(str(tmp_path / "a.xlf"))
    assert first.current_format().suffix == ".xlf"
    first.remember(settings)
    again = _dialog(qtbot, document, tmp_path / "a.duiqi", settings=settings)
    assert again.path().suffix == ".xlf" and again.current_format().suffix == ".xlf"
