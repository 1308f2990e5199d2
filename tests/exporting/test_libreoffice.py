"""LibreOffice (headless) opens Duiqi's TSV and XLSX with every row, cell and line break, runs no formula,
and its re-saved TSV opens again in Duiqi with the same links. .ci/run installs libreoffice-calc-nogui."""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from editor.bitext.document import AlignmentDocument, Bead, BeadStatus, Segment
from editor.exporting import export_document
from editor.exchange.opening import load_alignment
from tests.conftest import IN_CI

pytestmark = pytest.mark.libreoffice
TIMEOUT = 300
# Separator 9 (tab) or 44 (comma), text delimiter 34 ("), character set 76 (UTF-8), from line 1.
TSV_IN = "CSV:9,34,76,1"
TSV_OUT = "csv:Text - txt - csv (StarCalc):9,34,76,1"
CSV_OUT = "csv:Text - txt - csv (StarCalc):44,34,76,1"


def need_soffice() -> str:
    """Return the soffice command; skip without it on a laptop, fail in CI."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        message = "LibreOffice (soffice) is missing; install the Debian package 'libreoffice-calc-nogui'"
        if IN_CI:
            pytest.fail(message + ", which CI must have")
        pytest.skip(message)
    return soffice


def convert(source: Path, out_dir: Path, target: str, infilter: str | None = None) -> Path:
    """Run `soffice --headless --convert-to` with a private profile; return the file it wrote."""
    soffice = need_soffice()
    profile = (out_dir / "lo-profile").absolute().as_uri()
    command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore"]
    if infilter:
        command.append(f"--infilter={infilter}")
    command += ["--convert-to", target, "--outdir", str(out_dir), str(source)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT,
                            env={**os.environ, "HOME": str(out_dir)})
    written = out_dir / f"{source.stem}.{target.split(':')[0]}"
    assert result.returncode == 0 and written.is_file(), result.stdout + result.stderr
    return written


def tricky_document() -> AlignmentDocument:
    """Cells that broke unquoted TSV (a leading quote), tabs and line breaks, and would-be formulas."""
    src = ["“好，”他说。", "有\t制表符\n和换行。", "=1+1", "@SUM(1)", "普通的一句。", "第二句。"]
    tgt = ['"Fine," he said.', "A tab\there\nand a line break.", "+1+1", "-2+5", "A plain sentence.",
           "Second sentence."]
    n = len(src)
    beads = [Bead((i,), (n + i,), 0.9, BeadStatus.AUTO) for i in range(4)]
    beads.append(Bead((4, 5), (n + 4, n + 5), 1.0, BeadStatus.CONFIRMED))
    segments = [Segment(i, t, i) for i, t in enumerate(src)]
    return AlignmentDocument(segments, [Segment(n + j, t, j) for j, t in enumerate(tgt)], beads)


def read_csv(path: Path, delimiter: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline=""), delimiter=delimiter))


def test_libreoffice_reads_every_row_and_cell_of_the_tsv_and_runs_no_formula(tmp_path):
    doc = tricky_document()
    export_document(doc, tmp_path / "a.tsv")
    (tmp_path / "lo").mkdir()
    resaved = convert(tmp_path / "a.tsv", tmp_path / "lo", TSV_OUT, TSV_IN)
    rows = read_csv(resaved, "\t")
    assert len(rows) == 1 + len(doc.beads)
    assert [r[1] for r in rows[1:5]] == ['"Fine," he said.', "A tab\there\nand a line break.", "'+1+1", "'-2+5"]
    assert rows[3][0] == "'=1+1"                     # shown as text; unguarded, LibreOffice computes 2
    assert rows[5][4:] == ["p4:6 p5:4", "p4:17 p5:16"]


def test_a_tsv_libreoffice_re_saved_opens_with_the_same_links_sentences_and_statuses(tmp_path):
    doc = tricky_document()
    export_document(doc, tmp_path / "a.tsv")
    (tmp_path / "lo").mkdir()
    back = load_alignment(convert(tmp_path / "a.tsv", tmp_path / "lo", TSV_OUT, TSV_IN))
    assert [back.bead_texts(b) for b in back.beads] == [doc.bead_texts(b) for b in doc.beads]
    assert [(b.kind, b.status) for b in back.beads] == [(b.kind, b.status) for b in doc.beads]
    assert [s.paragraph for s in back.src] == [s.paragraph for s in doc.src]


def test_libreoffice_reads_the_xlsx_texts_as_text(tmp_path):
    doc = tricky_document()
    export_document(doc, tmp_path / "a.xlsx")
    (tmp_path / "lo").mkdir()
    rows = read_csv(convert(tmp_path / "a.xlsx", tmp_path / "lo", CSV_OUT), ",")
    assert [(r[0], r[1]) for r in rows[1:]] == [doc.bead_texts(b) for b in doc.beads]
    assert rows[0] == ["zh", "en", "confidence", "status", "zh_layout", "en_layout"]


def test_the_csv_libreoffice_makes_of_the_xlsx_opens_with_the_same_links(tmp_path):
    doc = tricky_document()
    export_document(doc, tmp_path / "a.xlsx")
    (tmp_path / "lo").mkdir()
    back = load_alignment(convert(tmp_path / "a.xlsx", tmp_path / "lo", CSV_OUT))
    assert [back.bead_texts(b) for b in back.beads] == [doc.bead_texts(b) for b in doc.beads]
    assert [(b.kind, b.status) for b in back.beads] == [(b.kind, b.status) for b in doc.beads]
