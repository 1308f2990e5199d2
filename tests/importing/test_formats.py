"""New input formats: SRT (srt), EPUB through the spine, ODT, PDF with a text layer; broken files; the CLI."""

import shutil
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from editor.cli import main
from editor.errors import EmptyFileError, EncryptedFileError, InputFileError, MalformedFileError
from editor.importing import load_document
from editor.importing.pdf import join_lines
from editor.importing.records import Role
from editor.workflow import align_document, import_document

DATA = Path(__file__).resolve().parents[1] / "data" / "importing"


def aligned(*names):
    doc = import_document([DATA / n for n in names])
    doc.apply(align_document(doc, mode="fast"))
    return doc, [doc.bead_texts(b) for b in doc.beads]


def test_an_srt_pair_keeps_one_cue_per_segment_and_groups_cues_by_time():
    doc, pairs = aligned("film-zh.srt", "film-en.srt")
    assert [s.text for s in doc.src] == ["你今天去图书馆了吗？", "去了，我借了三本书，还参加了翻译工作坊。", "真好。",
                                         "下个月我也去。"]       # a two-line cue is one segment, <i> dropped
    assert pairs == [("你今天去图书馆了吗？", "Did you go to the library today?"),
                     ("去了，我借了三本书，还参加了翻译工作坊。",
                      "Yes, I borrowed three books and joined the translation workshop."),
                     ("真好。", "Good for you."), ("下个月我也去。", "I'll go next month too.")]
    assert doc.meta.layout == "two files, subtitle cues (4)"
    assert doc.meta.anchors[1] == [1, 2, 1, 3, 1]            # one Chinese cue against two English ones


def test_a_bilingual_srt_pairs_the_two_lines_of_each_cue():
    doc, pairs = aligned("film-bilingual.srt")
    assert pairs == [("你今天去图书馆了吗？", "Did you go to the library today?"),
                     ("去了，我借了三本书。", "Yes, I borrowed three books.")]
    assert doc.meta.layout == "subtitle cues (2)"


def test_an_epub_pair_reads_the_spine_in_order_and_aligns_chapter_by_chapter():
    zh = load_document(DATA / "book-zh.epub")
    assert zh.format == "epub"
    assert [r.text for r in zh.records if r.role is Role.HEADING] == ["第一章出发", "第二章风暴", "第三章到达"]
    assert "Voyage" not in zh.paragraphs                    # the nav document (linear="no") and <title> are left out
    doc, pairs = aligned("book-zh.epub", "book-en.epub")
    assert doc.meta.layout == "two files, headings (3)"
    assert ("第二章风暴", "Chapter Two: The Storm") in pairs
    assert ("第三章到达", "Chapter Three: Arrival") in pairs
    assert ("天亮时，风终于停了。", "At dawn the wind finally dropped.") in pairs
    assert len(pairs) == 10 and all(zh and en for zh, en in pairs)


def test_an_epub_without_the_chapter_it_lists_names_the_file(tmp_path):
    broken = tmp_path / "broken.epub"
    with zipfile.ZipFile(DATA / "book-zh.epub") as source, zipfile.ZipFile(broken, "w") as out:
        for item in source.infolist():
            if not item.filename.endswith("ch2.xhtml"):
                out.writestr(item, source.read(item))
    with pytest.raises(MalformedFileError, match="OEBPS/text/ch2.xhtml") as caught:
        load_document(broken)
    assert caught.value.path == broken


def test_an_epub_with_drm_says_so(tmp_path):
    locked = tmp_path / "locked.epub"
    shutil.copy(DATA / "book-zh.epub", locked)
    with zipfile.ZipFile(locked, "a") as z:
        z.writestr("META-INF/encryption.xml", '<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
                   'xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData><enc:CipherData>'
                   '<enc:CipherReference URI="OEBPS/text/ch1.xhtml"/></enc:CipherData></enc:EncryptedData></encryption>')
    with pytest.raises(EncryptedFileError):
        load_document(locked)


def test_an_odt_gives_headings_alternating_paragraphs_a_same_line_pair_and_table_rows():
    raw = load_document(DATA / "bilingual.odt")
    assert raw.format == "odt"
    assert [r.text for r in raw.records if r.role is Role.HEADING] == ["第一章 新馆", "Chapter One: The New Library", "附录"]
    doc, pairs = aligned("bilingual.odt")
    assert doc.meta.layout == "alternating paragraphs (7), table rows (2), same-line pairs (1), headings (1)"
    assert pairs[0] == ("第一章 新馆", "Chapter One: The New Library")
    assert ("图书馆每天上午九点开门。", "The library opens at 9 a.m. every day.") in pairs
    assert ("周一上午除外。", "Monday mornings are an exception.") in pairs
    assert ("附录", "") in pairs                          # a heading without a counterpart: a 1-0 link
    assert pairs[-1] == ("开放时间如有变化，将另行通知。", "Changes to the opening hours will be announced.")


def test_a_pdf_pair_reads_the_text_layer_with_cjk_and_joins_hyphenated_line_ends():
    zh, en = load_document(DATA / "report-zh.pdf"), load_document(DATA / "report-en.pdf")
    assert zh.paragraphs == ["第一章 年度报告", "今年图书馆共接待读者四十二万人次，比去年增加百分之十二。",
                             "新开设的翻译工作坊吸引了许多年轻译者。每期二十人，名额很快报满。", "第二章 明年计划",
                             "明年我们将延长周末的开放时间，并增加电子书的数量。"]
    assert en.paragraphs[2].startswith("The new translation workshop attracted")   # "work-" / "shop" at a line end
    doc, pairs = aligned("report-zh.pdf", "report-en.pdf")
    assert doc.meta.layout == "two files, headings (2)"
    assert pairs[0] == ("第一章 年度报告", "Chapter One: Annual Report")
    assert ("第二章 明年计划", "Chapter Two: Plans for Next Year") in pairs
    assert ("每期二十人，名额很快报满。", "Each session takes twenty people, and the places filled up quickly.") in pairs


def test_pdf_line_joining_drops_a_hyphen_only_inside_a_broken_word():
    assert join_lines(["a trans-", "lation of", "e-", "Books and", "中文换", "行"]) == \
        "a translation of e- Books and 中文换行"


def test_pdf_paragraphs_are_cut_at_short_lines_indents_and_headings_but_not_after_a_hyphen():
    from editor.importing.pdf import box_paragraphs

    lines = [("第 2 章", 100, 130), ("This line runs to the right mar-", 100, 400),
             ("gin and ends a paragraph.", 100, 260), ("A new paragraph that is long and", 100, 400),
             ("ends here.", 100, 160), ("  An indented first line of text", 130, 400), ("that goes on.", 100, 200)]
    assert box_paragraphs(lines) == [["第 2 章"], ["This line runs to the right mar-", "gin and ends a paragraph."],
                                     ["A new paragraph that is long and", "ends here."],
                                     ["An indented first line of text", "that goes on."]]


def test_a_pdf_without_a_text_layer_says_it_is_probably_scanned():
    with pytest.raises(EmptyFileError, match="no text layer") as caught:
        load_document(DATA / "scanned.pdf")
    assert caught.value.path == DATA / "scanned.pdf"


@pytest.mark.parametrize("name, content", [
    ("cut.pdf", b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog"),
    ("cut.epub", b"PK\x03\x04 not really"),
    ("text.odt", b"just text"),
    ("cut.xlsx", b"PK\x03\x04"),
    ("notes.srt", "这不是字幕文件\n只是两行字\n".encode("utf-8")),
])
def test_a_broken_file_gets_one_clear_error_naming_it(tmp_path, capsys, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputFileError) as caught:
        load_document(path)
    assert caught.value.path == path
    assert main(["align", str(path), "-o", str(tmp_path / "out.tmx"), "-q"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and name in err and "Traceback" not in err


def test_the_cli_aligns_an_epub_pair_into_tmx(tmp_path):
    out = tmp_path / "book.tmx"
    assert main(["align", str(DATA / "book-zh.epub"), str(DATA / "book-en.epub"), "-o", str(out), "--mode", "fast",
                 "-q"]) == 0
    tus = etree.parse(str(out)).findall(".//tu")
    assert len(tus) == 10
    assert [seg.text for seg in tus[3].iter("seg")] == ["第二章风暴", "Chapter Two: The Storm"]


def test_the_cli_aligns_one_bilingual_docx_into_tmx(tmp_path):
    out = tmp_path / "out.tmx"
    assert main(["align", str(DATA / "bilingual_table.docx"), "-o", str(out), "--mode", "fast", "-q"]) == 0
    segs = [[seg.text for seg in tu.iter("seg")] for tu in etree.parse(str(out)).findall(".//tu")]
    assert ["读者可以在一楼借书。", "Readers can borrow books on the ground floor."] in segs
    assert segs[0] == ["借阅须知", "Borrowing rules"]


def test_a_zip_bomb_chapter_is_refused_without_inflating_it(tmp_path):
    bomb = tmp_path / "bomb.epub"
    with zipfile.ZipFile(DATA / "book-zh.epub") as source, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = source.read(item)
            if item.filename.endswith("ch1.xhtml"):
                data = data.replace(b"<h1>", b"<p>" + b" " * 50_000_000 + b"</p><h1>")
            out.writestr(item.filename, data)
    import tracemalloc

    tracemalloc.start()
    try:
        with pytest.raises(MalformedFileError, match="zip bomb") as caught:
            load_document(bomb)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert caught.value.path == bomb
    assert peak < 10_000_000           # the 50 MB chapter was never inflated into memory


def test_pdf_running_headers_are_dropped_and_a_paragraph_cut_by_a_page_break_is_joined():
    from editor.importing.pdf import drop_running_lines, join_pages

    pages = [["河畔图书馆年报", "第一章 开馆", "图书馆于三月", "第 1 页"],
             ["河畔图书馆年报", "正式开放。读者很多。", "第 2 页"],
             ["河畔图书馆年报", "第二章 工作坊", "每月一次。", "第 3 页"]]
    assert join_pages(drop_running_lines(pages)) == ["第一章 开馆", "图书馆于三月正式开放。读者很多。", "第二章 工作坊",
                                                     "每月一次。"]


def test_a_file_read_for_the_preview_is_not_parsed_again_on_import_unless_it_changed(tmp_path):
    import os

    from editor.importing import load_document_cached

    path = tmp_path / "book.pdf"
    shutil.copy(DATA / "report-zh.pdf", path)
    first = load_document_cached(path)
    assert load_document_cached(path) is first
    shutil.copy(DATA / "report-en.pdf", path)
    os.utime(path, ns=(1, 1))                 # a changed file, whatever its clock says
    assert load_document_cached(path).paragraphs[0] == "Chapter One: Annual Report"


def test_a_bilingual_cue_on_one_line_is_split_into_its_chinese_and_english(tmp_path):
    path = tmp_path / "inline.srt"
    path.write_text("1\n00:00:01,000 --> 00:00:02,000\n你今天去图书馆了吗？Did you go to the library today?\n\n"
                    "2\n00:00:03,000 --> 00:00:04,000\n去了。Yes, I did.\n", encoding="utf-8")
    doc, pairs = aligned(path)
    assert pairs == [("你今天去图书馆了吗？", "Did you go to the library today?"), ("去了。", "Yes, I did.")]
    assert doc.meta.layout == "subtitle cues (2)"


@pytest.mark.parametrize("name", ["table.docx", "bilingual.odt", "book-zh.epub", "report-zh.pdf", "glossary.xlsx"])
def test_a_document_with_a_text_extension_is_read_as_the_document_it_is(tmp_path, name):
    # an X11 audit: a .docx renamed .txt was "not a text file, or its encoding is not one Duiqi knows ... choose its
    # encoding", and every encoding the translator tried said the same
    renamed = tmp_path / (Path(name).stem + ".txt")
    shutil.copy(DATA / name, renamed)
    original, again = load_document(DATA / name), load_document(renamed)
    assert again.paragraphs == original.paragraphs and again.paragraphs
    assert again.format == original.format


def test_a_binary_file_with_a_text_extension_is_still_refused_as_binary():
    from editor.errors import UndecodableFileError

    with pytest.raises(UndecodableFileError):
        load_document(DATA / "binary.txt")
