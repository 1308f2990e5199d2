"""Settings persist in settings.json; a damaged file never stops the editor from starting."""

import json
import logging

from editor import paths
from editor.settings import Settings, load_settings, save_settings, settings_path


def test_without_a_settings_file_the_defaults_are_used():
    assert load_settings() == Settings()
    assert Settings().font_size == 12 and Settings().pane_order == "zh-en"


def test_saved_settings_load_back_equal():
    settings = Settings(font_size=15, pane_order="en-zh", src_lang="zh-TW", tgt_lang="en-GB",
                        autosave_seconds=30, recent_files=["/tmp/a.duiqi", "/tmp/张三.duiqi"],
                        ui_language="zh_CN", row_mode=True, window_geometry="AdnQywADAAA=")
    save_settings(settings)
    assert settings_path().parent == paths.config_dir()
    assert load_settings() == settings


def test_the_settings_file_is_readable_json_with_chinese_kept():
    save_settings(Settings(recent_files=["/文档/译文.duiqi"]))
    text = settings_path().read_text("utf-8")
    assert "/文档/译文.duiqi" in text
    assert json.loads(text)["font_size"] == 12


def test_saving_leaves_no_temporary_files_behind():
    save_settings(Settings(font_size=20))
    save_settings(Settings(font_size=21))
    assert [p.name for p in settings_path().parent.iterdir()] == ["settings.json"]
    assert load_settings().font_size == 21


def test_a_corrupt_file_falls_back_to_defaults_with_a_warning(caplog):
    settings_path().write_bytes(b'{"font_size": 14,,, \xff')
    with caplog.at_level(logging.WARNING, logger="editor.settings"):
        assert load_settings() == Settings()
    assert any("corrupt" in r.getMessage() for r in caplog.records)


def test_a_file_that_is_not_an_object_falls_back_to_defaults(caplog):
    settings_path().write_text("[1, 2, 3]", "utf-8")
    with caplog.at_level(logging.WARNING, logger="editor.settings"):
        assert load_settings() == Settings()
    assert caplog.records


def test_unknown_keys_are_ignored_and_known_ones_kept():
    settings_path().write_text(json.dumps({"font_size": 16, "theme": "dark", "future": [1]}), "utf-8")
    assert load_settings() == Settings(font_size=16)


def test_a_value_of_the_wrong_type_or_range_keeps_its_default_only(caplog):
    settings_path().write_text(json.dumps({
        "font_size": "big", "pane_order": "sideways", "autosave_seconds": 0,
        "recent_files": "not a list", "row_mode": True, "tgt_lang": "en-GB"}), "utf-8")
    with caplog.at_level(logging.WARNING, logger="editor.settings"):
        loaded = load_settings()
    assert loaded == Settings(row_mode=True, tgt_lang="en-GB")
    assert len(caplog.records) == 4


# -- the Preferences dialog -------------------------------------------------------------------

from PySide6.QtWidgets import QDialogButtonBox  # noqa: E402

from editor.ui.dialogs.settings_dialog import SettingsDialog  # noqa: E402


def test_the_dialog_shows_the_current_settings_and_returns_them_unchanged(qtbot):
    settings = Settings(font_size=14, pane_order="en-zh", src_lang="zh-TW", tgt_lang="en-GB",
                        autosave_seconds=120, ui_language="zh_CN", recent_files=["/a.duiqi"], row_mode=True)
    dialog = SettingsDialog(None, settings)
    qtbot.addWidget(dialog)
    assert dialog.font_size.value() == 14
    assert dialog.pane_order.currentData() == "en-zh"
    assert dialog.ui_language.currentText() == "简体中文"
    assert dialog.settings() == settings


def test_edited_values_come_back_and_unshown_fields_are_kept(qtbot):
    settings = Settings(recent_files=["/a.duiqi"], window_geometry="xyz")
    dialog = SettingsDialog(None, settings)
    qtbot.addWidget(dialog)
    dialog.font_size.setValue(18)
    dialog.pane_order.setCurrentIndex(dialog.pane_order.findData("en-zh"))
    dialog.src_lang.setCurrentText("zh-HK")
    dialog.tgt_lang.setCurrentText("en-AU")
    dialog.autosave.setValue(300)
    dialog.ui_language.setCurrentIndex(dialog.ui_language.findData("en"))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    assert dialog.settings() == Settings(font_size=18, pane_order="en-zh", src_lang="zh-HK", tgt_lang="en-AU",
                                         autosave_seconds=300, ui_language="en",
                                         recent_files=["/a.duiqi"], window_geometry="xyz")
    assert settings.font_size == 12       # the caller's object is not touched


def test_system_language_is_none(qtbot):
    dialog = SettingsDialog(None, Settings(ui_language="en"))
    qtbot.addWidget(dialog)
    dialog.ui_language.setCurrentIndex(0)
    assert dialog.ui_language.currentText() == "System"
    assert dialog.settings().ui_language is None


def test_ok_is_disabled_while_a_language_code_is_malformed(qtbot):
    dialog = SettingsDialog(None, Settings())
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.tgt_lang.setCurrentText("en-")
    assert not ok.isEnabled()
    dialog.tgt_lang.setCurrentText("en")
    assert ok.isEnabled()


def test_values_out_of_range_are_clamped_into_the_spin_boxes(qtbot):
    dialog = SettingsDialog(None, Settings(font_size=300, autosave_seconds=1))
    qtbot.addWidget(dialog)
    assert dialog.settings().font_size == 48 and dialog.settings().autosave_seconds == 5


def test_the_translators_name_is_edited_stripped_kept_and_refused_when_it_cannot_be_an_id(qtbot, tmp_path,
                                                                                          monkeypatch):
    from editor import settings as settings_module

    dialog = SettingsDialog(None, Settings(translator_id="Ann"))
    qtbot.addWidget(dialog)
    assert dialog.translator_id.text() == "Ann"
    from editor.settings import exporter_id
    assert dialog.translator_id.placeholderText() == exporter_id(None)  # what an empty name writes: the login
    dialog.translator_id.setText("  Li Na  ")
    assert dialog.settings().translator_id == "Li Na"
    dialog.translator_id.setText("Li\u0007Na")                    # a control character pasted in
    assert dialog.settings().translator_id == "Ann"
    # a settings file with a name no TMX id can be falls back to none (the default, "Duiqi" in files)
    for bad in ("a\tb", 42, "x" * 300):
        assert settings_module.settings_from_dict({"translator_id": bad}).translator_id == ""
    assert settings_module.settings_from_dict({"translator_id": "王明"}).translator_id == "王明"


def test_the_export_dialogs_choices_load_back_and_a_bad_direction_map_falls_back(caplog):
    from editor.settings import settings_from_dict

    settings = Settings(export_preset="trados", export_src_lang="zh-TW", export_folder="/tmp",
                        export_directions={"/books/a.duiqi": "en-zh"}, import_one_file=True)
    save_settings(settings)
    assert load_settings() == settings
    with caplog.at_level(logging.WARNING):
        bad = settings_from_dict({"export_directions": {"/books/a.duiqi": "sideways"}, "export_preset": "trados"})
    assert bad.export_directions == {} and bad.export_preset == "trados"
    assert "export_directions" in caplog.text
