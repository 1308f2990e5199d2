"""The Simplified Chinese interface: the .ts is complete and valid, the shipped .qm matches it, and it is used."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from tests.conftest import ENGINE_TIMEOUT_MS, IN_CI, REPO

TS = REPO / "resources" / "i18n" / "duiqi_zh_CN.ts"
QM = REPO / "editor" / "assets" / "i18n" / "duiqi_zh_CN.qm"
BIN = Path(sys.executable).parent

PLACEHOLDER = re.compile(r"%(?:n|L?\d+)|\{[a-z_0-9]*\}")
ACCELERATOR = re.compile(r"&([^&\s])")
CJK = re.compile(r"[\u4e00-\u9fff]")


def _tool(name: str) -> str:
    path = BIN / f"pyside6-{name}"
    if path.exists():
        return str(path)
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        if IN_CI:           # PySide6-Essentials ships lupdate and lrelease: CI must have them
            pytest.fail(f"pyside6-{name} is not installed, and CI=true must have it")
        pytest.skip(f"pyside6-{name} is not installed")
    return found


def _messages(path: Path = TS) -> list[tuple[str, etree._Element]]:
    root = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
    return [(ctx.findtext("name") or "", message) for ctx in root.iter("context") for message in ctx.iter("message")]


def _translations(message: etree._Element) -> list[str]:
    translation = message.find("translation")
    forms = translation.findall("numerusform")
    return [form.text or "" for form in forms] if forms else [translation.text or ""]


def test_every_zh_cn_message_is_translated_and_finished():
    unfinished = [f"{context}: {message.findtext('source')!r}" for context, message in _messages()
                  if message.find("translation").get("type") == "unfinished"
                  or not any(t.strip() for t in _translations(message))]
    assert len(_messages()) > 100
    assert not unfinished, "untranslated:\n" + "\n".join(unfinished)


def test_no_code_comment_reaches_the_translators():
    # lupdate takes a Python "#:" comment (how the code documents a constant) before a tr() call as a note to the
    # translator; packaging/i18n.sh update drops them, so Qt Linguist shows none beside the strings
    notes = [f"{context}: {message.findtext('extracomment')!r}" for context, message in _messages()
             if message.find("extracomment") is not None]
    assert not notes, "run packaging/i18n.sh update:\n" + "\n".join(notes)


def test_translations_keep_every_placeholder_and_accelerator():
    problems = []
    for context, message in _messages():
        source = message.findtext("source")
        for text in _translations(message):
            if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
                problems.append(f"{context}: {source!r} → {text!r} changes the placeholders")
            wanted = ACCELERATOR.findall(source.replace("&&", ""))
            got = ACCELERATOR.findall(text.replace("&&", ""))
            if len(wanted) != len(got) or [w.lower() for w in wanted] != [g.lower() for g in got]:
                problems.append(f"{context}: {source!r} → {text!r} changes the & accelerator")
    assert not problems, "\n".join(problems)


def test_translations_are_chinese_except_names_and_codes():
    latin_only = [f"{context}: {message.findtext('source')!r}" for context, message in _messages()
                  for text in _translations(message)
                  if not CJK.search(text) and re.search(r"[a-z]", PLACEHOLDER.sub("", text))
                  and not re.fullmatch(r"[A-Z][A-Za-z]+ \d\.\d", text)            # e.g. "XLIFF 1.2"
                  and not re.fullmatch(r"(Ctrl|Shift|Alt)\+\S+( / (Ctrl|Shift|Alt)\+\S+)*", text)]  # key names
    assert not latin_only, "\n".join(latin_only)


def test_the_shipped_qm_is_compiled_from_the_current_ts(tmp_path):
    compiled = tmp_path / "duiqi_zh_CN.qm"
    subprocess.run([_tool("lrelease"), "-silent", str(TS), "-qm", str(compiled)], check=True, capture_output=True)
    assert QM.read_bytes() == compiled.read_bytes(), "run packaging/i18n.sh compile"


def test_every_translatable_string_in_the_gui_sources_is_in_the_ts(tmp_path):
    sources = sorted(str(p) for p in (REPO / "editor" / "ui").glob("*.py"))
    if (REPO / "editor" / "app.py").exists():
        sources.append(str(REPO / "editor" / "app.py"))
    fresh = tmp_path / "duiqi_zh_CN.ts"
    shutil.copy(TS, fresh)
    subprocess.run([_tool("lupdate"), "-no-obsolete", *sources, "-ts", str(fresh)], check=True, capture_output=True)
    new = [f"{context}: {message.findtext('source')!r}" for context, message in _messages(fresh)
           if message.find("translation").get("type") == "unfinished"]
    assert not new, "run packaging/i18n.sh update and translate:\n" + "\n".join(new)


def test_the_compiled_translation_turns_a_menu_label_chinese(qapp):
    from PySide6.QtCore import QCoreApplication, QTranslator

    translator = QTranslator()
    assert translator.load(QM.stem, str(QM.parent))
    QCoreApplication.installTranslator(translator)
    try:
        assert QCoreApplication.translate("WindowActions", "&Open…") == "打开(&O)…"
        assert QCoreApplication.translate("AlignmentView", "%1 · %2 · %n sentence(s)", None, 2) == "%1 · %2 · 2 个句子"
    finally:
        QCoreApplication.removeTranslator(translator)


PROBE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMainWindow
import editor.app

app = QApplication(["duiqi"])

def probe():
    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow))
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)    # Qt's own strings (qtbase_*.qm)
    print(window.windowTitle())
    print("|".join(action.text() for action in window.menuBar().actions()))
    print(buttons.button(QDialogButtonBox.StandardButton.Cancel).text())
    QApplication.quit()

QTimer.singleShot(0, probe)
sys.exit(editor.app.main([]))
"""


def _start_editor(tmp_path: Path, lang: str, ui_language: str | None = None) -> list[str]:
    """Start the editor as `duiqi` does under LANG=lang and return its title, menu titles and Qt's Cancel."""
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANGUAGE")}
    env.update(LANG=lang, QT_QPA_PLATFORM="offscreen", DUIQI_HOME=str(tmp_path), DUIQI_ALIGN_IN="thread")
    if ui_language:
        (tmp_path / "config").mkdir(parents=True, exist_ok=True)
        (tmp_path / "config" / "settings.json").write_text(f'{{"ui_language": "{ui_language}"}}', encoding="utf-8")
    result = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=ENGINE_TIMEOUT_MS / 1000,
                            cwd=REPO)
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()[-3:]


def test_window_title_and_menus_come_up_in_chinese_under_a_chinese_locale(tmp_path):
    title, menus, cancel = _start_editor(tmp_path, "zh_CN.UTF-8")
    assert "未命名" in title
    assert menus.split("|")[:2] == ["文件(&F)", "编辑(&E)"]
    assert cancel == "取消"


def test_the_interface_language_setting_overrides_the_system_locale(tmp_path):
    title, menus, _ = _start_editor(tmp_path / "zh", "C.UTF-8", ui_language="zh_CN")
    assert menus.startswith("文件(&F)|")
    title, menus, cancel = _start_editor(tmp_path / "en", "zh_CN.UTF-8", ui_language="en")
    assert "Untitled" in title and menus.startswith("&File|") and cancel == "Cancel"
