"""First impressions: the window opens at once and the links arrive, phases on the progress bar, the title,
the import dialog's messages, file dialogs' folders, and the fonts of the two panes."""

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF, QRawFont, QTextLayout
from PySide6.QtWidgets import QDialog, QFileDialog

from editor.app import open_arguments, warn_if_no_han_font
from editor.bitext.document import AlignmentDocument, Side
from editor.ui.dialogs import file_dialogs
from editor.ui.dialogs.import_dialog import ImportDialog
from editor.ui.view import fonts
from tests.conftest import ENGINE_TIMEOUT_MS, EVENT_TIMEOUT_MS
from tests.ui.editor_fixtures import show_window

DATA = Path(__file__).resolve().parents[1] / "data"


def test_the_sample_shows_its_texts_at_once_with_phases_and_the_links_arrive_later(qtbot):
    win = show_window(qtbot)
    phases = []
    open_arguments(win, ["--sample"])
    doc = win.document
    assert doc.src and doc.tgt                                   # the texts are there before any link
    assert not any(b.src and b.tgt for b in doc.beads)
    assert win.progress.isVisible()
    job = win.alignment_jobs.job
    job.signals.phase_changed.connect(phases.append)
    with qtbot.waitSignal(win.qdoc.changed, timeout=ENGINE_TIMEOUT_MS):
        pass
    assert any(b.src and b.tgt for b in win.document.beads)
    assert not win.progress.isVisible() and not win.is_modified()
    # The aligner process names its phases in order (the thread fallback has only "aligning").
    assert phases == [p for p in ("loading", "embedding", "aligning") if p in phases] and "aligning" in phases


def test_a_phase_names_itself_on_the_progress_bar_and_100_percent_says_finishing(qtbot, sample_doc):
    win = show_window(qtbot, sample_doc)
    win.progress.show()
    win.alignment_jobs.on_phase_changed("embedding")
    win.alignment_jobs.on_progressed(0.4)
    assert win.progress.text().startswith("Embedding sentences") and "40" in win.progress.text()
    win.alignment_jobs.on_phase_changed("loading")
    assert win.progress.format() == "Loading models…"
    win.alignment_jobs.on_phase_changed("aligning")
    win.alignment_jobs.on_progressed(1.0)
    assert win.progress.format() == "Finishing…" and win.progress.maximum() == 0
    fm = win.progress.fontMetrics()
    assert win.progress.width() >= fm.horizontalAdvance("Embedding sentences… 100%")    # not clipped


def test_the_sample_is_titled_with_its_name_not_untitled(qtbot, sample_doc):
    win = show_window(qtbot)
    win.set_document(sample_doc, None)
    assert win.windowTitle().startswith("sample-mixed.txt")
    assert "Untitled" not in win.windowTitle()


def test_in_row_mode_an_unaligned_document_shows_both_texts_from_the_top(qtbot, sample_doc):
    win = show_window(qtbot)
    win.actions_.row_mode.setChecked(True)
    unaligned = AlignmentDocument(sample_doc.src, sample_doc.tgt, None, sample_doc.meta)
    win.set_document(unaligned, None)
    tgt_pane = win.view.panes[Side.TGT]
    assert tgt_pane.position_at(5) == 0                   # the English pane starts with its first sentence
    assert win.view.panes[Side.SRC].position_at(5) == 0


def test_with_only_the_chinese_file_chosen_in_two_file_mode_the_message_fits_the_mode(qtbot):
    dialog = ImportDialog(None, None)
    qtbot.addWidget(dialog)
    dialog.two_files.setChecked(True)
    dialog.rows[0].path_edit.setText(str(DATA / "dlg_zh.txt"))
    qtbot.keyClick(dialog.rows[0].path_edit, Qt.Key.Key_Return)
    text = dialog.split_summary.text()
    assert "mixed" not in text and "0 English" not in text
    assert "English file" in text
    assert dialog.result() != QDialog.DialogCode.Accepted


def test_enter_in_a_path_field_reads_the_file_but_does_not_import(qtbot):
    dialog = ImportDialog(None, None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.mixed_file.setChecked(True)
    dialog.rows[0].path_edit.setFocus()
    qtbot.keyClicks(dialog.rows[0].path_edit, str(DATA / "dlg_mixed.txt"))
    qtbot.keyClick(dialog.rows[0].path_edit, Qt.Key.Key_Return)
    assert "2 Chinese and 2 English" in dialog.split_summary.text()      # the file was read
    assert dialog.isVisible() and dialog.document() is None             # and nothing was imported
    assert dialog.result() != QDialog.DialogCode.Accepted


def test_save_starts_in_the_last_used_folder_then_in_documents_never_the_sources(qtbot, sample_doc, tmp_path,
                                                                              monkeypatch):
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda parent, title, start, *a: asked.append(start) or ("", ""))
    monkeypatch.setenv("DUIQI_HOME", str(tmp_path / "home"))
    (tmp_path / "home" / "documents").mkdir(parents=True)
    file_dialogs.set_last_folder("")
    win = show_window(qtbot, sample_doc)
    win.save_as()
    assert Path(asked[-1]).parent == tmp_path / "home" / "documents"
    assert Path(asked[-1]).name == "sample-mixed.duiqi"
    used = tmp_path / "work"
    used.mkdir()
    file_dialogs.remember(used / "other.tmx")
    win.save_as()
    assert Path(asked[-1]).parent == used
    file_dialogs.set_last_folder("")


def test_the_text_chooser_shows_files_without_an_extension(qtbot, tmp_path):
    for name in ("notes", "chapter.txt", "picture.png"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    dialog = file_dialogs.text_file_dialog(None, "Choose", tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    proxy = dialog.text_filter
    source = proxy.sourceModel()
    root = source.index(str(tmp_path))

    def shown() -> set[str]:
        proxy_root = proxy.mapFromSource(root)
        return {proxy.index(r, 0, proxy_root).data() for r in range(proxy.rowCount(proxy_root))}

    qtbot.waitUntil(lambda: "chapter.txt" in shown(), timeout=EVENT_TIMEOUT_MS)
    assert shown() == {"notes", "chapter.txt"}
    dialog.selectNameFilter(dialog.nameFilters()[1])
    dialog.filterSelected.emit(dialog.nameFilters()[1])
    qtbot.waitUntil(lambda: "picture.png" in shown(), timeout=EVENT_TIMEOUT_MS)


def test_a_han_font_is_found_and_covers_common_characters_or_the_user_is_told_what_to_install(qtbot):
    family = fonts.find_han_font()
    if family is not None:
        raw = QRawFont.fromFont(__import__("PySide6.QtGui", fromlist=["QFont"]).QFont(family))
        assert all(raw.supportsCharacter(ord(ch)) for ch in "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年")
        assert fonts.missing_han_font_message() is None
    else:
        assert "fonts-noto-cjk" in fonts.missing_han_font_message() or sys.platform != "linux"


def test_without_a_han_font_start_up_warns_and_names_the_package(qtbot, monkeypatch):
    assert fonts.find_han_font(["DejaVu Sans"]) is None              # a Latin-only family has no Han glyphs
    monkeypatch.setattr(fonts, "find_han_font", lambda candidates=None: None)
    win = show_window(qtbot)
    assert warn_if_no_han_font(win)
    assert win.font_warning.isVisible()
    text = win.font_warning.text()
    assert "boxes" in text
    if sys.platform.startswith("linux"):
        assert "fonts-noto-cjk" in text
    win.font_warning.close()


def test_the_english_pane_uses_a_latin_font_and_the_chinese_pane_a_cjk_font(qtbot, sample_doc):
    win = show_window(qtbot, sample_doc)
    english, chinese = win.view.panes[Side.TGT].font(), win.view.panes[Side.SRC].font()
    han = fonts.find_han_font()
    latin = fonts.find_latin_font()
    assert latin is not None and han is not None
    assert english.families()[:2] == [latin, han] and chinese.families()[:2] == [han, latin]
    en_raw, zh_raw = QRawFont.fromFont(english), QRawFont.fromFont(chinese)
    assert all(en_raw.supportsCharacter(ord(ch)) for ch in "’—“”")          # English punctuation from the Latin font
    assert zh_raw.supportsCharacter(ord("中")) and zh_raw.supportsCharacter(ord("，"))
    fm = QFontMetricsF(english)
    assert fm.horizontalAdvance("’") < 0.5 * fm.horizontalAdvance("中")   # not a full-width apostrophe
    for font, text, wanted in ((english, "the city’s library — “open”", latin), (chinese, "图书馆“开放”，", han)):
        layout = QTextLayout(text, font)
        layout.beginLayout()
        layout.createLine()
        layout.endLayout()
        assert {run.rawFont().familyName() for run in layout.glyphRuns()} == {wanted}, text


def test_the_empty_windows_hint_wraps_inside_a_narrow_pane(qtbot):
    # an X11 audit: at 1,024 x 700 the hint "Open a project or start a new alignment ..." was cut at both ends
    from PySide6.QtGui import QImage

    from tests.ui.editor_fixtures import show_window

    win = show_window(qtbot)
    win.resize(800, 600)
    pane = win.view.panes[win.view.left_side]
    qtbot.waitUntil(lambda: pane.width() < 420)
    image = QImage(pane.size(), QImage.Format.Format_RGB32)
    pane.render(image)
    base = pane.palette().base().color().rgb()
    inked = [x for x in range(image.width()) for y in range(0, image.height(), 2) if image.pixel(x, y) != base]
    assert inked, "the hint is drawn"
    assert min(inked) >= 8 and max(inked) <= image.width() - 9, (min(inked), max(inked), image.width())
