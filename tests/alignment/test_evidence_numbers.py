"""The evidence strip's numbers: names are not numbers, months and days match across the languages."""

from editor.alignment.evidence import explain


def test_the_wan_in_the_name_wang_kuiwan_is_not_a_number():
    evidence = explain(["汪夔萬来了。"], ["Wang Kuiwan came."], 3.0)
    assert (evidence.numbers_matched, evidence.numbers_unmatched) == (0, 0)


def test_a_month_in_chinese_matches_the_english_month_name():
    evidence = explain(["1月，天气很冷。"], ["It was cold in January."], 3.0)
    assert (evidence.numbers_matched, evidence.numbers_unmatched) == (1, 0)


def test_month_and_day_match_march_8():
    evidence = explain(["3月8日，他来了。"], ["He came on March 8."], 3.0)
    assert (evidence.numbers_matched, evidence.numbers_unmatched) == (2, 0)


def test_chinese_numerals_in_dates_and_counts_match_digits_and_number_words():
    evidence = explain(["三月八日，来了十二个人。"], ["On 8 March twelve people came."], 3.0)
    assert (evidence.numbers_matched, evidence.numbers_unmatched) == (3, 0)


def test_a_wrong_day_is_unmatched():
    evidence = explain(["3月8日，他来了。"], ["He came on March 9."], 3.0)
    assert (evidence.numbers_matched, evidence.numbers_unmatched) == (1, 2)


def test_the_verb_may_and_a_month_long_wait_are_not_months():
    evidence = explain(["他等了一个月。"], ["You may wait."], 3.0)
    assert (evidence.numbers_matched, evidence.numbers_unmatched) == (0, 0)
