"""Run the editor as `duiqi-gui ARGS` does (editor.app.main) in a child process, offscreen, and report its state.

A hook replaces QApplication.exec: once the event loop runs (main() has shown the window) and the files
asked for are open and aligned (the window shows the texts first and aligns in the background), it prints
what the window holds as one JSON line and leaves the loop with exit(0) (not quit(), which would ask the
window to close).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ENGINE_TIMEOUT_MS, REPO

PROBE = r"""
import json, sys
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMainWindow
import editor.app

def report():
    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow) and w.isVisible())
    doc = window.document
    text = {s.id: s.text for s in (*doc.src, *doc.tgt)}
    print("PROBE " + json.dumps({
        "title": window.windowTitle(),
        "desktop_file": QGuiApplication.desktopFileName(),
        "application": QCoreApplication.applicationName(),
        "modified": window.is_modified(),
        "zh": [[s.text, s.paragraph] for s in doc.src],
        "en": [[s.text, s.paragraph] for s in doc.tgt],
        "links": [[[text[i] for i in b.src], [text[i] for i in b.tgt], b.confidence] for b in doc.beads],
    }, ensure_ascii=False), flush=True)
    QApplication.exit(0)

original_exec = QApplication.exec

def report_when_ready():
    # The window shows at once; the texts follow and the links arrive from the background: report then.
    window = next((w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow) and w.isVisible()), None)
    if window is None or (sys.argv[1:] and not window.document.beads) or window.is_aligning():
        QTimer.singleShot(50, report_when_ready)
        return
    report()

def exec_then_report(*args):
    QTimer.singleShot(0, report_when_ready)
    return original_exec()

QApplication.exec = exec_then_report
sys.exit(editor.app.main(sys.argv[1:]))
"""


def run_editor(args: list[str], home: Path, **env: str) -> dict:
    """Start the editor with `args` in a child process and return what its window held once it was up."""
    child_env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANGUAGE")}
    child_env.update(QT_QPA_PLATFORM="offscreen", DUIQI_HOME=str(home), LANG="C.UTF-8", **env)
    result = subprocess.run([sys.executable, "-c", PROBE, *args], env=child_env, cwd=REPO, capture_output=True,
                            text=True, encoding="utf-8", timeout=ENGINE_TIMEOUT_MS / 1000)
    assert result.returncode == 0, result.stderr[-3000:]
    lines = [line for line in result.stdout.splitlines() if line.startswith("PROBE ")]
    assert len(lines) == 1, result.stdout[-3000:] + result.stderr[-3000:]
    return json.loads(lines[0][len("PROBE "):])
