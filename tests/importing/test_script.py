"""Simplified vs Traditional detection."""

import pytest

from editor.importing.script import ChineseScript, char_script, detect_chinese_script
from tests.conftest import need_shared


def test_simplified_text_is_detected_as_simplified():
    assert detect_chinese_script("这个项目帮助翻译人员对齐句子。") == "simplified"


def test_traditional_text_is_detected_as_traditional():
    assert detect_chinese_script("這個項目幫助翻譯人員對齊句子。") == "traditional"


def test_characters_shared_by_both_scripts_say_nothing_and_default_to_simplified():
    assert char_script("中") is None
    assert detect_chinese_script("中国人") == "simplified"    # 国 is Simplified-only
    assert detect_chinese_script("中人大") == "simplified"
    assert detect_chinese_script("English only.") == "simplified"


def test_single_characters_are_classified_by_script():
    assert char_script("这") is ChineseScript.SIMPLIFIED
    assert char_script("這") is ChineseScript.TRADITIONAL
    assert char_script("a") is None


def test_a_few_simplified_characters_in_traditional_text_do_not_flip_the_verdict():
    assert detect_chinese_script("會議將於下週三在臺北舉行，这里") == "traditional"


@pytest.mark.shared
def test_seed_sample_is_traditional():
    text = need_shared("samples", "mixed-news", "000_e15ace7d525266b0.txt").read_text(encoding="utf-8")
    assert detect_chinese_script(text) == "traditional"
