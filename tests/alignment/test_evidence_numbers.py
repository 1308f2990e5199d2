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


def test_inline_code_markers_are_not_numbers_and_a_typed_brace_number_still_is():
    # an X11 audit: the strip said "numbers 2 matched" of a link whose only numbers were the markers {4} and {5}
    zh, en = ["版本号为{4}，日期为{5}。"], ["Version {4}, dated {5}."]
    evidence = explain(zh, en, 3.0, markers={"{4}", "{5}", "{/1}"})
    assert (evidence.numbers_matched, evidence.numbers_unmatched) == (0, 0)
    evidence = explain(["共{1}页，3月出版。"], ["{1} pages, published in March 2."], 3.0, markers={"{1}"})
    assert (evidence.numbers_matched, evidence.numbers_unmatched) == (1, 1)
    evidence = explain(zh, en, 3.0)                 # no codes recorded: "{5}" is text, and its 5 a number
    assert (evidence.numbers_matched, evidence.numbers_unmatched) == (2, 0)


def test_a_number_written_in_english_words_or_with_a_scale_word_is_one_number():
    # an X11 audit on a literary book: 三百余口 / "three hundred souls" read "0 matched" (three and hundred were
    # two numbers, 3 and 100)
    evidence = explain(["也有三百余口人。"], ["more than three hundred souls."], 3.0)
    assert (evidence.numbers_matched, evidence.numbers_unmatched) == (1, 0)
    evidence = explain(["共投资约两百亿元，二十一响礼炮，三百五十人。"],
                       ["about 20 billion yuan, twenty-one guns, three hundred and fifty people."], 3.0)
    assert (evidence.numbers_matched, evidence.numbers_unmatched) == (3, 0)
    evidence = explain(["一百五十万人。"], ["1.5 million people."], 3.0)
    assert (evidence.numbers_matched, evidence.numbers_unmatched) == (1, 0)
    # a lone "one" is a pronoun as often as a number
    evidence = explain(["他说。"], ["One of them said so."], 3.0)
    assert (evidence.numbers_matched, evidence.numbers_unmatched) == (0, 0)


def test_a_day_of_the_week_matches_its_english_name_and_is_no_number():
    # an X11 re-test: 周二 / "Tuesday" read "numbers 0 matched, 1 unmatched" (二 counted as the number 2)
    evidence = explain(["会议定于周二举行，星期天休息。"], ["The meeting is on Tuesday; Sunday is a day off."], 3.0)
    assert (evidence.numbers_matched, evidence.numbers_unmatched) == (2, 0)
    evidence = explain(["每周一次。"], ["Once a week."], 3.0)                    # "once a week", no Monday
    assert (evidence.numbers_matched, evidence.numbers_unmatched) == (0, 0)


def test_the_numerals_of_a_set_phrase_are_no_numbers():
    # an X11 re-test: 六亲不认 / "not even his own family" and 三心二意 / "never puts his heart into it" read
    # "numbers 0 matched, 1 (2) unmatched", right links of literary text made to look doubtful
    from editor.alignment.lexicon import shared_lexicon

    shared_lexicon().load()
    evidence = explain(["他六亲不认，做事总是三心二意。"], ["He spared no one and never put his heart into anything."], 3.0)
    assert (evidence.numbers_matched, evidence.numbers_unmatched) == (0, 0)
    evidence = explain(["四面八方来了三百余人，二〇一八年。"], ["More than three hundred came from all sides, in 2018."], 3.0)
    assert (evidence.numbers_matched, evidence.numbers_unmatched) == (2, 0)
