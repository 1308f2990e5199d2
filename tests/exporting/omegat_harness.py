"""A throwaway OmegaT project run headless (console mode), for the integration tests.

OmegaT 3.6 quirks this harness allows for: the text filter must be told to make one segment per
line (`segmentOn=BREAKS`) and to read UTF-8; console mode only writes `target/`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import IN_CI

OMEGAT_JAR = Path(os.environ.get("OMEGAT_JAR", "/usr/share/omegat/OmegaT.jar"))
TIMEOUT = 300

PROJECT = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
    <project version="1.0">
        <source_dir>__DEFAULT__</source_dir>
        <target_dir>__DEFAULT__</target_dir>
        <tm_dir>__DEFAULT__</tm_dir>
        <glossary_dir>__DEFAULT__</glossary_dir>
        <glossary_file>__DEFAULT__</glossary_file>
        <dictionary_dir>__DEFAULT__</dictionary_dir>
        <source_lang>{src}</source_lang>
        <target_lang>{tgt}</target_lang>
        <source_tok>org.omegat.tokenizer.LuceneSmartChineseTokenizer</source_tok>
        <target_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</target_tok>
        <sentence_seg>false</sentence_seg>
        <support_default_translations>true</support_default_translations>
        <remove_tags>false</remove_tags>
    </project>
</omegat>
"""

FILTERS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<filters>
    <filter className="org.omegat.filters2.text.TextFilter" enabled="true">
        <files sourceFilenameMask="*.txt" targetFilenamePattern="${filename}" sourceEncoding="UTF-8" targetEncoding="UTF-8"/>
        <option name="segmentOn" value="BREAKS"/>
    </filter>
</filters>
"""


def need_omegat() -> tuple[str, Path]:
    """Return (java, OmegaT.jar); skip without them on a laptop, fail in CI (.ci/run installs `omegat`)."""
    java = shutil.which("java")
    if not OMEGAT_JAR.is_file() or java is None:
        message = f"OmegaT ({OMEGAT_JAR}) or java is missing; install the Debian package 'omegat'"
        if IN_CI:
            pytest.fail(message + ", which CI must have")
        pytest.skip(message)
    return java, OMEGAT_JAR


def make_project(root: Path, src_lang: str = "zh-CN", tgt_lang: str = "en-US") -> Path:
    """Create an empty OmegaT project in `root` and return it."""
    for sub in ("source", "target", "tm/auto", "glossary", "dictionary", "omegat"):
        (root / sub).mkdir(parents=True, exist_ok=True)
    (root / "omegat.project").write_text(PROJECT.format(src=src_lang, tgt=tgt_lang), encoding="utf-8")
    (root / "omegat" / "filters.xml").write_text(FILTERS, encoding="utf-8")
    return root


def run_omegat(project: Path, mode: str, *extra: str) -> subprocess.CompletedProcess:
    """Run OmegaT headless on the project in a console mode; fail the test if it does not finish."""
    java, jar = need_omegat()
    command = [java, "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8", "-jar", str(jar), str(project),
               f"--mode={mode}", f"--config-dir={project / '.omegat-config'}", *extra]
    result = subprocess.run(command, cwd=project, capture_output=True, text=True, timeout=TIMEOUT,
                            env={**os.environ, "HOME": str(project / ".home")})
    log = result.stdout + result.stderr
    assert result.returncode == 0, log[-3000:]
    return result
