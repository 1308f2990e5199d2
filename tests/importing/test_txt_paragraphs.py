"""Plain-text paragraphs are lines, or blank-line-separated blocks when the file wraps its lines."""

from pathlib import Path

from editor.importing import load_document
from editor.importing.txt import ParagraphLayout, detect_layout, join_wrapped, text_paragraphs

DATA = Path(__file__).resolve().parents[1] / "data" / "importing"


def test_a_file_of_wrapped_blocks_gives_one_paragraph_per_block():
    doc = load_document(DATA / "wrapped_blocks.txt")
    assert doc.layout == "blocks"
    assert doc.paragraphs == [
        "The meeting will be held in Beijing next Wednesday, and the delegation arrives on Monday.",
        "會議將於下週三在北京舉行。",
        "This project helps translators align sentences.",
    ]


def test_a_wrapped_chinese_line_joins_without_a_space():
    assert join_wrapped(["會議將於下週三在北京", "舉行。"]) == "會議將於下週三在北京舉行。"
    assert join_wrapped(["in Beijing next", "Wednesday."]) == "in Beijing next Wednesday."


def test_one_paragraph_per_line_with_blank_lines_between_sections_stays_line_based():
    text = "第一段。\n第二段。\n\nFirst paragraph.\nSecond paragraph.\n"
    paragraphs, layout = text_paragraphs(text)
    assert layout is ParagraphLayout.LINES
    assert paragraphs == ["第一段。", "第二段。", "First paragraph.", "Second paragraph."]


def test_a_file_without_blank_lines_is_line_based_even_when_lines_lack_punctuation():
    lines = ["A heading", "Its first paragraph.", "Another heading", "More text."]
    assert detect_layout(lines) is ParagraphLayout.LINES


def test_a_forced_line_layout_never_joins_lines():
    doc = load_document(DATA / "wrapped_blocks.txt", layout="lines")
    assert doc.layout == "lines"
    assert doc.paragraphs[:3] == ["The meeting will be held in Beijing next", "Wednesday, and the delegation arrives",
                                  "on Monday."]


def test_bilingual_blocks_of_a_chinese_and_an_english_line_are_never_joined():
    text = "會議通知\nMeeting notice\n\n會議將於下週三舉行\nThe meeting is next Wednesday\n"
    paragraphs, layout = text_paragraphs(text)
    assert layout is ParagraphLayout.LINES
    assert paragraphs == ["會議通知", "Meeting notice", "會議將於下週三舉行", "The meeting is next Wednesday"]
