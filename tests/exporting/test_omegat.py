"""OmegaT 3.6, a real CAT tool run headless: it fills a translation from our TMX and reads our XLIFF 1.2."""

from pathlib import Path

import pytest
from lxml import etree

from editor.exchange.xliff import XLIFF12_NS
from tests.exchange.documents import export_bytes, linked_pairs, rich_document
from tests.exporting.omegat_harness import make_project, need_omegat, run_omegat

pytestmark = pytest.mark.omegat
NOT_IN_TMX = "这一句不在翻译记忆库里。"


def fill_from_tmx(tmp_path: Path, tmx: bytes, source_lines: list[str]) -> list[str]:
    """Translate a one-segment-per-line text with `tmx` in tm/auto/; return the target file's lines."""
    need_omegat()
    project = make_project(tmp_path / "project")
    (project / "tm" / "auto" / "aligned.tmx").write_bytes(tmx)
    (project / "source" / "text.txt").write_text("\n".join(source_lines) + "\n", encoding="utf-8")
    run_omegat(project, "console-translate")
    return (project / "target" / "text.txt").read_text(encoding="utf-8").splitlines()


def test_omegat_fills_every_matching_segment_from_the_exported_tmx(tmp_path):
    doc = rich_document()
    pairs = linked_pairs(doc)      # includes a 2-1 bead, <, &, and 𠀀
    lines = fill_from_tmx(tmp_path, export_bytes(doc, ".tmx")[0], [zh for zh, _ in pairs] + [NOT_IN_TMX])
    assert lines == [en for _, en in pairs] + [NOT_IN_TMX]


def test_omegat_fills_from_a_tmx_with_the_chosen_language_codes(tmp_path):
    doc = rich_document()
    pairs = linked_pairs(doc)
    tmx = export_bytes(doc, ".tmx", src_lang="zh-Hans", tgt_lang="en-GB")[0]
    lines = fill_from_tmx(tmp_path, tmx, [pairs[0][0]])
    assert lines == [pairs[0][1]]


def read_units(path: Path) -> list[tuple[str, str]]:
    ns = {"x": XLIFF12_NS}
    root = etree.parse(str(path)).getroot()
    return [(u.findtext("x:source", "", ns), u.findtext("x:target", "", ns))
            for u in root.iterfind(".//x:trans-unit", ns)]


def test_omegat_reads_the_exported_xliff_1_2_and_extracts_the_targets(tmp_path):
    doc = rich_document()
    project = make_project(tmp_path / "project")
    xlf = project / "source" / "aligned.xlf"
    xlf.write_bytes(export_bytes(doc, ".xlf")[0])
    pseudo = project / "pseudo.tmx"
    run_omegat(project, "console-createpseudotranslatetmx", f"--pseudotranslatetmx={pseudo}",
               "--pseudotranslatetype=equal")
    extracted = {seg.text for seg in etree.parse(str(pseudo)).iter("seg")}
    # OmegaT's XLIFF filter translates the text inside <target> ("source=target" XLIFF); it honours
    # translate="no" on the 0-1 unit and finds nothing in the empty target of the 1-0 unit.
    assert extracted == {en for _, en in linked_pairs(doc)}
    run_omegat(project, "console-translate")
    written = project / "target" / "aligned.xlf"
    assert len(read_units(written)) == len(doc.beads)
    # The file OmegaT wrote back still opens as the same alignment (our context groups survive it).
    from editor.exchange.opening import load_alignment
    from tests.exchange.documents import bead_view
    assert bead_view(load_alignment(written)) == bead_view(doc)


def test_omegat_fills_a_source_equals_target_copy_of_the_xliff_from_the_tmx(tmp_path):
    """The cross-check translators do: the TMX and the XLIFF of one alignment agree inside OmegaT."""
    doc = rich_document()
    project = make_project(tmp_path / "project")
    ns = {"x": XLIFF12_NS}
    root = etree.fromstring(export_bytes(doc, ".xlf")[0])
    for unit in root.iterfind(".//x:trans-unit", ns):
        unit.find("x:target", ns).text = unit.findtext("x:source", "", ns)
    (project / "source" / "copy.xlf").write_bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))
    (project / "tm" / "auto" / "aligned.tmx").write_bytes(export_bytes(doc, ".tmx")[0])
    run_omegat(project, "console-translate")
    filled = read_units(project / "target" / "copy.xlf")
    expected = {zh: en for zh, en in linked_pairs(doc)}
    got = {zh: en for zh, en in filled if zh in expected}
    assert got == expected


@pytest.mark.parametrize("preset", ["trados", "omegat"])
def test_omegat_fills_from_the_tmx_of_a_cat_tool_preset(tmp_path, preset):
    from editor.exporting import ExportOptions
    from editor.exporting.presets import apply_preset
    from editor.bitext.review import ReviewPolicy
    doc = rich_document()
    options = apply_preset(ExportOptions(review_threshold=0.8), preset)     # keeps the automatic link at 0.9
    tmx, report = export_bytes(doc, ".tmx", **{k: getattr(options, k) for k in vars(options)})
    policy = ReviewPolicy.for_document(doc, 0.8)
    kept = [pair for pair, bead in zip(linked_pairs(doc), [b for b in doc.beads if b.src and b.tgt])
            if not policy.is_doubtful(doc, bead)]
    assert report.written == len(kept) == 3
    lines = fill_from_tmx(tmp_path, tmx, [zh for zh, _ in kept])
    assert lines == [en for _, en in kept]


def test_duiqi_tmx_through_omegat_keeps_each_links_dates_and_ids(tmp_path):
    """OmegaT's exported TMX carries the dates and ids on the target <tuv>; reading it back gives each link's own."""
    from dataclasses import replace
    from datetime import datetime, timedelta, timezone

    from editor.bitext.document import AlignmentDocument
    from editor.exchange.opening import load_alignment
    rich = rich_document()
    start = datetime(2025, 6, 1, 8, 0, 0, tzinfo=timezone.utc)
    doc = AlignmentDocument(rich.src, rich.tgt, [
        replace(b, created=start + timedelta(days=n), changed=start + timedelta(days=n, hours=n),
                created_by=f"maker{n}", changed_by=f"editor{n}") for n, b in enumerate(rich.beads)], rich.meta)
    project = make_project(tmp_path / "project")
    (project / "tm" / "auto" / "aligned.tmx").write_bytes(export_bytes(doc, ".tmx")[0])
    (project / "source" / "text.txt").write_text("\n".join(zh for zh, _ in linked_pairs(doc)) + "\n",
                                                 encoding="utf-8")
    run_omegat(project, "console-translate")
    back = load_alignment(project / "project-omegat.tmx")
    expected = {doc.bead_texts(b): (b.created, b.changed, b.created_by, b.changed_by)
                for b in doc.beads if b.src and b.tgt}
    got = {back.bead_texts(b): (b.created, b.changed, b.created_by, b.changed_by) for b in back.beads}
    assert got == expected
