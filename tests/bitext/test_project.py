"""The .duiqi project file: round trip, atomic save, clear errors for damaged or newer files."""

import json

import pytest

from editor.bitext.document import AlignmentDocument, Bead, BeadStatus, DocumentMeta
from editor.bitext.project import load_project, save_project
from editor.errors import MalformedFileError, ProjectVersionError


def sample_document() -> AlignmentDocument:
    doc = AlignmentDocument.from_texts([("第一句。", 0), ("第二句！", 1)], [("First.", 0), ("Second!", 1), ("Extra.", 1)],
                                       DocumentMeta(src_lang="zh-TW", src_encoding="big5", src_file="a.txt"))
    doc.beads = [Bead((0,), (2,), 0.9, BeadStatus.CONFIRMED), Bead((1,), (3, 4), 0.4)]
    return doc


def test_a_saved_project_loads_back_equal(tmp_path):
    doc = sample_document()
    save_project(doc, tmp_path / "a.duiqi")
    again = load_project(tmp_path / "a.duiqi")
    assert again.snapshot() == doc.snapshot()
    assert again.meta == doc.meta
    assert list(tmp_path.iterdir()) == [tmp_path / "a.duiqi"]     # no temporary file left behind


def test_a_damaged_project_names_the_file_and_the_line(tmp_path):
    path = tmp_path / "broken.duiqi"
    path.write_text('{"format": "duiqi-project",\n "version": 1,\n "src": [', encoding="utf-8")
    with pytest.raises(MalformedFileError) as info:
        load_project(path)
    assert "broken.duiqi" in str(info.value) and info.value.line == 3


def test_a_project_whose_beads_miss_a_segment_is_refused(tmp_path):
    path = tmp_path / "bad.duiqi"
    save_project(sample_document(), path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["beads"].pop()
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(MalformedFileError, match="damaged"):
        load_project(path)


def test_a_project_from_a_newer_duiqi_says_so(tmp_path):
    path = tmp_path / "new.duiqi"
    save_project(sample_document(), path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["version"] = 99
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ProjectVersionError, match="newer"):
        load_project(path)


def test_a_saved_file_is_readable_like_any_other_new_file(tmp_path):
    import os
    umask = os.umask(0o022)
    try:
        save_project(sample_document(), tmp_path / "shared.duiqi")
    finally:
        os.umask(umask)
    assert (tmp_path / "shared.duiqi").stat().st_mode & 0o777 == 0o644
