"""Text files in each supported encoding and line-end style decode to the same paragraphs."""

from pathlib import Path

import pytest

from editor.errors import EditorError, EmptyFileError, UndecodableFileError
from editor.importing import load_document
from editor.importing.decoding import decode_text

DATA = Path(__file__).resolve().parents[1] / "data" / "importing"
SIMPLIFIED = ["会议将于下周三在北京举行。", "这个项目帮助翻译人员对齐句子。",
              "The meeting will be held in Beijing next Wednesday.", "This project helps translators align sentences."]
TRADITIONAL = ["會議將於下週三在臺北舉行。", "這個項目幫助翻譯人員對齊句子。",
               "The meeting will be held in Taipei next Wednesday.", "This project helps translators align sentences."]


@pytest.mark.parametrize(("name", "encoding"), [
    ("utf8.txt", "utf-8"),
    ("utf8_bom.txt", "utf-8-sig"),
    ("utf16le_bom.txt", "utf-16-le"),
    ("utf16be_bom.txt", "utf-16-be"),
    ("gb18030.txt", "gb18030"),
    ("crlf.txt", "utf-8"),
    ("cr.txt", "utf-8"),
])
def test_simplified_file_decodes_to_its_paragraphs_and_reports_the_encoding(name, encoding):
    doc = load_document(DATA / name)
    assert doc.paragraphs == SIMPLIFIED
    assert doc.encoding == encoding
    assert doc.format == "txt"


def test_big5_file_without_bom_is_detected_as_big5():
    doc = load_document(DATA / "big5.txt")
    assert doc.paragraphs == TRADITIONAL
    assert doc.encoding == "big5"


def test_gbk_bytes_are_read_as_gb18030_which_contains_gbk():
    text = "\n".join(SIMPLIFIED[:2]) + "\n"
    assert decode_text(text.encode("gbk"), "x.txt") == (text, "gb18030")


def test_traditional_text_saved_as_gb18030_is_not_mistaken_for_big5():
    text = "\n".join(TRADITIONAL) + "\n"
    assert decode_text(text.encode("gb18030"), "x.txt") == (text, "gb18030")


def test_english_file_from_old_windows_tools_is_read_as_cp1252():
    text = "“Café” costs €5 – a bargain.\n"
    assert decode_text(text.encode("cp1252"), "x.txt") == (text, "cp1252")


def test_a_forced_encoding_is_used_instead_of_detection():
    raw = "會議".encode("big5")
    text, used = decode_text(raw, "x.txt", encoding="big5")
    assert (text, used) == ("會議", "big5")


def test_a_forced_encoding_that_does_not_fit_raises_naming_the_file():
    with pytest.raises(UndecodableFileError) as caught:
        decode_text("会议".encode("gb18030"), "notes.txt", encoding="utf-8")
    assert caught.value.path == Path("notes.txt")
    assert caught.value.tried == ("utf-8",)


def test_binary_file_raises_an_error_naming_the_file():
    path = DATA / "binary.txt"
    with pytest.raises(UndecodableFileError) as caught:
        load_document(path)
    assert caught.value.path == path
    assert "binary.txt" in str(caught.value)


def test_random_bytes_with_nul_bytes_are_refused_not_decoded_strangely():
    raw = bytes(range(256)) * 8
    with pytest.raises(UndecodableFileError):
        decode_text(raw, "data.bin")


@pytest.mark.parametrize("name", ["empty.txt", "blank_lines_only.txt"])
def test_empty_file_raises_empty_file_error(name):
    with pytest.raises(EmptyFileError) as caught:
        load_document(DATA / name)
    assert caught.value.path == DATA / name


def test_missing_file_raises_an_editor_error_not_a_traceback(tmp_path):
    with pytest.raises(EditorError) as caught:
        load_document(tmp_path / "nowhere.txt")
    assert caught.value.path == tmp_path / "nowhere.txt"


def test_decoding_is_strict_so_no_character_is_dropped_or_replaced():
    # Valid UTF-8 with one stray Latin-1 byte: it must not come back as UTF-8 with the byte ignored.
    raw = "会议".encode("utf-8") + b"\xe9" + "举行".encode("utf-8")
    try:
        text, used = decode_text(raw, "x.txt")
    except UndecodableFileError:
        return
    assert used != "utf-8"
    assert text.encode(used) == raw


@pytest.mark.parametrize("suffix", [".doc", ".rtf", ".pages"])
def test_formats_that_are_not_supported_say_what_to_do_instead(tmp_path, suffix):
    from editor.errors import UnsupportedFormatError

    path = tmp_path / f"letter{suffix}"
    path.write_bytes(b"%PDF-1.4 whatever")
    with pytest.raises(UnsupportedFormatError, match="not supported") as caught:
        load_document(path)
    assert caught.value.path == path
