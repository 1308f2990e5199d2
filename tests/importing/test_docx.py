"""Word .docx import: paragraphs in order, table cells included; damaged or protected files get clear errors."""

from pathlib import Path

import pytest

from editor.errors import EncryptedFileError, MalformedFileError, MarkupOnlyFileError
from editor.importing import load_document

DATA = Path(__file__).resolve().parents[1] / "data" / "importing"


def test_docx_paragraphs_come_in_document_order_with_table_cells_as_paragraphs():
    doc = load_document(DATA / "table.docx")
    assert doc.format == "docx"
    assert doc.encoding is None
    assert doc.paragraphs == [
        "会议将于下周三举行。",                # two runs joined, the empty paragraph after it skipped
        "表格第一格。",
        "The first cell.",
        "A second paragraph in the cell.",
        "The meeting is next Wednesday.",
        "Tab\tand break.",                    # w:tab kept, w:br joined, tracked deletion left out
    ]


def test_docx_with_no_text_raises_markup_only_error():
    with pytest.raises(MarkupOnlyFileError) as caught:
        load_document(DATA / "no_text.docx")
    assert caught.value.path == DATA / "no_text.docx"


def test_truncated_docx_raises_malformed_file_error_naming_the_file():
    with pytest.raises(MalformedFileError) as caught:
        load_document(DATA / "broken.docx")
    assert caught.value.path == DATA / "broken.docx"
    assert "damaged" in caught.value.message


def test_text_file_named_docx_raises_malformed_file_error():
    with pytest.raises(MalformedFileError, match="not a zip archive"):
        load_document(DATA / "not_a_zip.docx")


def test_password_protected_docx_raises_encrypted_file_error():
    with pytest.raises(EncryptedFileError) as caught:
        load_document(DATA / "encrypted.docx")
    assert "password" in caught.value.message


def test_zip_without_a_word_document_raises_malformed_file_error(tmp_path):
    import zipfile

    path = tmp_path / "other.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "not Word")
    with pytest.raises(MalformedFileError, match="word/document.xml"):
        load_document(path)


def test_docx_with_entity_declarations_does_not_expand_them(tmp_path):
    import zipfile

    xml = ('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
           '<w:p><w:r><w:t>Safe &x; text.</w:t></w:r></w:p></w:body></w:document>')
    path = tmp_path / "entity.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", xml)
    doc = load_document(path)
    assert "root:" not in doc.paragraphs[0]
