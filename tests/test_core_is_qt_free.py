"""The core runs headless: importing it (and running the CLI's align path) never loads Qt."""

import subprocess
import sys


def test_importing_the_core_loads_no_qt_module():
    code = ("import sys, editor.alignment, editor.bitext, editor.bitext.edits, editor.bitext.project, "
            "editor.importing, editor.segmentation, editor.exporting, editor.workflow, editor.cli; "
            "import editor.exporting as e; e.export_suffixes(); "
            "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]; "
            "print(bad); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
