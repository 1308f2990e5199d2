"""The Open Recent menu: most recent first, at most ten, saved at once, missing files greyed out."""

from pathlib import Path

import pytest

from editor.settings import MAX_RECENT_FILES, Settings, load_settings
from editor.ui.window.recent_files import RecentFilesMenu
from tests.conftest import EVENT_TIMEOUT_MS


@pytest.fixture
def files(tmp_path):
    made = []
    for i in range(12):
        path = tmp_path / f"项目{i}.duiqi"
        path.write_text("{}", "utf-8")
        made.append(path)
    return made


def _entries(menu):
    return [a for a in menu.actions() if isinstance(a.data(), str)]


def test_added_files_are_listed_most_recent_first(qtbot, files):
    menu = RecentFilesMenu(Settings())
    qtbot.addWidget(menu)
    for path in files[:3]:
        menu.add(path)
    assert menu.paths() == [str(files[2]), str(files[1]), str(files[0])]
    assert [a.data() for a in _entries(menu)] == menu.paths()
    assert "项目2.duiqi" in _entries(menu)[0].text()


def test_adding_a_listed_file_again_moves_it_to_the_top_without_duplicates(qtbot, files):
    menu = RecentFilesMenu(Settings())
    qtbot.addWidget(menu)
    for path in (files[0], files[1], files[0]):
        menu.add(path)
    assert menu.paths() == [str(files[0]), str(files[1])]


def test_at_most_ten_files_are_kept(qtbot, files):
    menu = RecentFilesMenu(Settings())
    qtbot.addWidget(menu)
    for path in files:
        menu.add(path)
    assert MAX_RECENT_FILES == 10
    assert menu.paths() == [str(p) for p in reversed(files)][:10]
    assert len(_entries(menu)) == 10


def test_the_list_is_saved_at_once_and_a_new_menu_shows_it(qtbot, files):
    settings = Settings(font_size=17)
    menu = RecentFilesMenu(settings)
    qtbot.addWidget(menu)
    menu.add(files[0])
    menu.add(files[1])
    saved = load_settings()
    assert saved.recent_files == [str(files[1]), str(files[0])]
    assert saved.font_size == 17        # the rest of the settings is saved unchanged
    again = RecentFilesMenu(saved)
    qtbot.addWidget(again)
    assert [a.data() for a in _entries(again)] == saved.recent_files


def test_choosing_an_entry_emits_its_path(qtbot, files):
    menu = RecentFilesMenu(Settings())
    qtbot.addWidget(menu)
    menu.add(files[0])
    menu.add(files[1])
    with qtbot.waitSignal(menu.file_chosen, timeout=EVENT_TIMEOUT_MS) as blocker:
        _entries(menu)[1].trigger()
    assert blocker.args == [str(files[0])]


def test_a_missing_file_is_greyed_out(qtbot, files):
    menu = RecentFilesMenu(Settings())
    qtbot.addWidget(menu)
    menu.add(files[0])
    menu.add(files[1])
    files[0].unlink()
    menu.aboutToShow.emit()          # what Qt emits when the user opens the menu
    by_path = {a.data(): a for a in _entries(menu)}
    assert by_path[str(files[1])].isEnabled()
    assert not by_path[str(files[0])].isEnabled()


def test_clear_empties_the_menu_and_the_saved_list(qtbot, files):
    menu = RecentFilesMenu(Settings())
    qtbot.addWidget(menu)
    menu.add(files[0])
    assert menu.clear_action.isEnabled()
    menu.clear_action.trigger()
    assert menu.paths() == [] and _entries(menu) == []
    assert load_settings().recent_files == []
    assert not menu.clear_action.isEnabled()


def test_relative_paths_are_stored_absolute(qtbot, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("rel.duiqi").write_text("{}", "utf-8")
    menu = RecentFilesMenu(Settings())
    qtbot.addWidget(menu)
    menu.add("rel.duiqi")
    assert menu.paths() == [str(tmp_path / "rel.duiqi")]
