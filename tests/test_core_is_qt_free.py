"""The core runs headless: importing it, and running the CLI's align, convert and batch paths, never loads Qt."""

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


def test_the_cli_align_convert_and_batch_paths_run_without_loading_qt(tmp_path):
    """Run align → convert → batch headless in one process, then list what got imported."""
    out = tmp_path / "sample.tmx"
    code = ("import sys\n"
            "from editor.cli import main\n"
            "from editor.resources import sample_path\n"
            f"out, xlf, batch = {str(out)!r}, {str(tmp_path / 'sample.xlf')!r}, {str(tmp_path / 'batch')!r}\n"
            "assert main(['align', str(sample_path()), '-o', out, '--mode', 'fast', '-q']) == 0\n"
            "assert main(['convert', out, xlf, '-q']) == 0\n"
            f"open({str(tmp_path / 'jobs.txt')!r}, 'w').write(str(sample_path()) + '\\t\\tsample\\n')\n"
            f"assert main(['batch', {str(tmp_path / 'jobs.txt')!r}, '-o', batch, '--mode', 'fast', '--jobs', '1', '-q']) == 0\n"
            "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
            "print(bad); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert out.exists() and (tmp_path / "sample.xlf").exists() and (tmp_path / "batch" / "sample.tmx").exists()
