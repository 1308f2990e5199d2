"""Which language codes the document counts as Chinese (Japanese is not), and how each language joins sentences."""

import pytest

from editor.bitext.document import is_chinese_lang, join_segments, writes_without_spaces
from editor.exchange.layout import layout_text, split_by_layout
from editor.exchange.languages import is_chinese_code
from editor.segmentation import split_sentences


@pytest.mark.parametrize("code", ["zh", "zh-CN", "ZH-CN", "zh_TW", "zh-Hans", "zh-Hant", "zho", "chi", "cmn",
                                  "cmn-Hans", "yue", "lzh"])
def test_chinese_codes_are_chinese(code):
    assert is_chinese_lang(code) and is_chinese_code(code)


@pytest.mark.parametrize("code", ["ja", "ja-JP", "JA", "jpn", "ko", "en", "en-GB", "eng", "fr-FR", ""])
def test_japanese_and_other_codes_are_not_chinese(code):
    assert not is_chinese_lang(code) and not is_chinese_code(code)


@pytest.mark.parametrize("code", ["ja", "ja-JP", "jpn"])
def test_japanese_is_not_chinese_but_still_joins_and_splits_without_spaces(code):
    assert not is_chinese_lang(code) and writes_without_spaces(code)
    assert join_segments(["ファイルを保存します。", "メニューを開きます。"], code) == "ファイルを保存します。メニューを開きます。"
    assert split_sentences("ファイルを保存します。メニューを開きます。", code) == ["ファイルを保存します。", "メニューを開きます。"]
    parts = [(0, "ファイルを保存します。"), (1, "メニューを開きます。")]
    assert split_by_layout(join_segments([t for _, t in parts], code), layout_text(parts), code) == parts


def test_english_joins_with_a_space():
    assert not writes_without_spaces("en-GB") and join_segments(["One.", "Two."], "eng") == "One. Two."
