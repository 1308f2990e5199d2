"""Clean-up suggestions: pinyin artifacts, mojibake, whitespace; every fix carries its position."""

import json

import pytest

from editor.importing.cleanup import DEFAULT_KINDS, Fix, FixKind, apply_fixes, clean_text, suggest_cleanup
from tests.conftest import need_shared


def _gold() -> dict:
    return json.loads(need_shared("samples", "mixed-news", "gold.json").read_text(encoding="utf-8"))


@pytest.mark.shared
def test_pinyin_artifacts_are_removed_from_the_seed_sample_exactly_as_gold_cleans_them():
    sample = _gold()["clean_zh_sample"]
    cleaned, fixes = clean_text(sample["original"])
    assert cleaned == sample["cleaned"]
    assert {f.kind for f in fixes} == {FixKind.PINYIN}
    assert [f.original for f in fixes] == ["(jié)", "(xiāng)", "(lián)", "(jiān)", "(tài)"]


def test_a_pinyin_fix_reports_its_position():
    text = "外事聯(lián)絡組"
    [fix] = suggest_cleanup(text)
    assert (fix.kind, fix.start, fix.end, fix.original, fix.replacement) == (FixKind.PINYIN, 3, 9, "(lián)", "")
    assert text[fix.start:fix.end] == fix.original


def test_real_parentheses_are_left_alone():
    for text in ("西部(重慶)科學城", "the Western (Chongqing) Science City", "選項(a)和選項(b)",
                 "見附件(一)", "他(she)說"):
        assert [f for f in suggest_cleanup(text) if f.kind is FixKind.PINYIN] == [], text


def test_a_syllable_that_is_not_the_characters_reading_is_not_an_artifact():
    # "ma" is a pinyin syllable, but not a reading of 項.
    assert suggest_cleanup("項(ma)目", kinds=DEFAULT_KINDS) == []


def test_toneless_and_numbered_pinyin_annotations_are_found_when_they_match_the_character():
    cleaned, _ = clean_text("聯(lian)絡與發(fa1)展")
    assert cleaned == "聯絡與發展"


def test_full_width_parentheses_are_handled_too():
    assert clean_text("傳統（tǒng）文化")[0] == "傳統文化"


@pytest.mark.shared
def test_lossy_mojibake_in_the_seed_sample_is_flagged_but_not_repaired():
    lines = need_shared("samples", "mixed-news", "000_e15ace7d525266b0.txt").read_text(encoding="utf-8").split("\n")
    line = lines[32]
    mojibake = [f for f in suggest_cleanup(line) if f.kind is FixKind.MOJIBAKE]
    assert len(mojibake) == 1
    fix = mojibake[0]
    assert fix.replacement is None and not fix.repairable
    assert fix.original.startswith("?!霸谛鹿诜")
    assert line[fix.start:fix.end] == fix.original
    assert "座談" + fix.original in line
    # Applying every suggestion leaves the flagged run in place (nothing guessed).
    assert fix.original in clean_text(line)[0]


@pytest.mark.shared
def test_no_other_line_of_the_seed_sample_is_flagged_as_mojibake():
    lines = need_shared("samples", "mixed-news", "000_e15ace7d525266b0.txt").read_text(encoding="utf-8").split("\n")
    flagged = [i for i, line in enumerate(lines)
               if any(f.kind is FixKind.MOJIBAKE for f in suggest_cleanup(line, script="traditional"))]
    assert flagged == [32]


def test_utf8_read_as_gbk_is_repaired_when_the_round_trip_is_exact():
    original = "会议将于下周三在北京举行"
    garbled = original.encode("utf-8").decode("gb18030")
    text = f"通知：{garbled}。"
    fixes = [f for f in suggest_cleanup(text, script="simplified") if f.kind is FixKind.MOJIBAKE]
    assert fixes and all(f.repairable for f in fixes)
    assert apply_fixes(text, fixes) == f"通知：{original}。"


def test_utf8_read_as_latin1_is_repaired():
    text = "The cafÃ© is closed."
    [fix] = suggest_cleanup(text)
    assert (fix.kind, fix.original, fix.replacement) == (FixKind.MOJIBAKE, "Ã©", "é")
    assert apply_fixes(text, [fix]) == "The café is closed."


def test_whitespace_is_normalised_with_each_change_reported():
    text = "\u3000會議 將於\u200b下週三舉行。  Next\u00a0week."
    fixes = suggest_cleanup(text)
    assert {f.kind for f in fixes} == {FixKind.WHITESPACE}
    assert all(text[f.start:f.end] == f.original for f in fixes)
    assert apply_fixes(text, fixes) == "會議將於下週三舉行。 Next week."


def test_clean_text_changes_nothing_in_clean_text():
    text = "會議將於下週三在臺北舉行。The meeting is next Wednesday."
    assert clean_text(text) == (text, [])


def test_apply_fixes_applies_only_the_accepted_fixes():
    text = "聯(lián)絡與發(fā)展"
    first, second = suggest_cleanup(text)
    assert apply_fixes(text, [second]) == "聯(lián)絡與發展"
    assert apply_fixes(text, []) == text


def test_apply_fixes_refuses_a_fix_that_does_not_match_the_text():
    with pytest.raises(ValueError):
        apply_fixes("abc", [Fix(FixKind.WHITESPACE, 0, 1, "x", "")])


def test_fixes_become_plain_data_for_the_project_file():
    [fix] = suggest_cleanup("聯(lián)絡")
    assert fix.to_dict() == {"kind": "pinyin artifact", "start": 1, "end": 7, "original": "(lián)",
                             "replacement": "", "note": fix.note}


def test_stray_spaces_inside_paired_straight_quotes_are_removed_by_default():
    # an X11 re-test: a news source with spaces around its punctuation put '他说 " 我们 "' into the TM
    assert clean_text('他说 " 我们明天走 " ，然后离开了。')[0] == '他说"我们明天走"，然后离开了。'
    assert clean_text('他强调 ， " 我们必须不断更新它 。 " 他说完就走了。')[0] == '他强调，"我们必须不断更新它。"他说完就走了。'
    assert clean_text('He said " we will " and left. She said " no . "')[0] == 'He said "we will" and left. She said "no."'
    fixes = [f for f in suggest_cleanup('he said " we will " and left') if f.note == "space inside quotation marks"]
    assert len(fixes) == 2 and all(f.kind is FixKind.WHITESPACE and f.default for f in fixes)


def test_a_space_before_english_punctuation_is_removed_but_not_before_an_ellipsis_or_a_decimal():
    # an X11 re-test: 'He said " we will try " .' reached the TM as 'He said "we will try" .'
    assert clean_text('He said " we will try " .')[0] == 'He said "we will try".'
    assert clean_text('Hello , world ! Is it 5 ?')[0] == 'Hello, world! Is it 5?'
    assert clean_text('Wait ... what? The rate is .5 now.')[0] == 'Wait ... what? The rate is .5 now.'
    [fix] = [f for f in suggest_cleanup("Hello , world") if f.note == "space before punctuation"]
    assert fix.kind is FixKind.WHITESPACE and fix.default


def test_straight_quotes_that_do_not_pair_up_keep_their_spaces():
    assert clean_text('He said " yes. Then he left.')[0] == 'He said " yes. Then he left.'      # an odd count
    assert clean_text('a 5" screen and a 7" one')[0] == 'a 5" screen and a 7" one'              # inch marks
    assert clean_text('x" y "z and " w "')[0] == 'x" y "z and " w "'                           # glued to words
