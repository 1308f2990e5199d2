"""English sentence boundaries: abbreviations, initials, decimals, ellipses and quotes."""

import pytest

from editor.segmentation import split_sentences


@pytest.mark.parametrize("text", [
    "Mr. Smith met Dr. Brown and Prof. Green.",
    "He lives at No. 5 Main St. in the city.",
    "The U.S. Government agreed.",
    "George W. Bush and J. K. Rowling met.",
    "It cost 3.50 dollars, i.e. very little, e.g. less than lunch.",
    "Fruit, vegetables, etc., were sold.",
    "She waited... and waited.",
    "See p. 12 and Fig. 3 for details.",
])
def test_abbreviations_initials_decimals_and_ellipses_do_not_end_a_sentence(text):
    assert split_sentences(text, "en-US") == [text]


def test_sentences_end_at_terminators_before_a_capital():
    assert split_sentences("It rained. We stayed in! Did you? Yes.", "en") == [
        "It rained.", "We stayed in!", "Did you?", "Yes."]


def test_a_quotation_closing_after_the_full_stop_stays_with_its_sentence():
    text = 'They met. "Despite the outbreak, the market recovered. Firms are confident." He added more.'
    assert split_sentences(text, "en") == [
        "They met.", '"Despite the outbreak, the market recovered.', 'Firms are confident."', "He added more."]


def test_curly_quotes_and_brackets_are_handled_like_straight_ones():
    assert split_sentences("He said “Go.” Then he left. (It was late.) We slept.", "en") == [
        "He said “Go.”", "Then he left.", "(It was late.)", "We slept."]


def test_an_ellipsis_before_a_capital_ends_a_sentence():
    assert split_sentences("I wonder… Maybe not.", "en") == ["I wonder…", "Maybe not."]


def test_etc_before_a_capital_ends_a_sentence():
    assert split_sentences("We sold fruit, bread, etc. The market closed.", "en") == [
        "We sold fruit, bread, etc.", "The market closed."]


def test_a_title_before_a_name_never_ends_a_sentence_even_with_a_capital_after():
    assert split_sentences("On January 14, Mr. Stephen Ellison visited.", "en") == [
        "On January 14, Mr. Stephen Ellison visited."]


def test_the_pronoun_i_ends_a_sentence_but_initials_do_not():
    assert split_sentences("He was tired and so was I. At night we slept.", "en") == [
        "He was tired and so was I.", "At night we slept."]
    assert split_sentences("The architect I. M. Pei designed it.", "en") == ["The architect I. M. Pei designed it."]


def test_no_before_a_capital_is_the_answer_not_the_abbreviation():
    assert split_sentences('"Am I?" "No. Since you ask, I am not."', "en") == ['"Am I?"', '"No.', 'Since you ask, I am not."']
    assert split_sentences("Room No. 5 is free.", "en") == ["Room No. 5 is free."]


def test_a_quotation_closed_after_an_abbreviation_ends_the_sentence():
    assert split_sentences('"At six o\'clock A.M." "Wow, so early."', "en") == [
        '"At six o\'clock A.M."', '"Wow, so early."']


def test_a_dash_cutting_off_a_quotation_ends_the_sentence():
    assert split_sentences("'But I—' 'You what?'", "en") == ["'But I—'", "'You what?'"]
    assert split_sentences("It was cold—Winter had come.", "en") == ["It was cold—Winter had come."]


def test_a_footnote_reference_after_the_stop_stays_with_its_sentence_and_the_next_one_is_split_off():
    # an X11 re-test: a reference cut off as a sentence of its own; "problem.[1] Next" was not split at all
    assert split_sentences("We must solve this problem.①", "en") == ["We must solve this problem.①"]
    assert split_sentences("We must solve this problem.[1]", "en") == ["We must solve this problem.[1]"]
    assert split_sentences("We must solve this problem. [1]", "en") == ["We must solve this problem. [1]"]
    assert split_sentences("We must solve this problem.[1] Next we go.", "en") == [
        "We must solve this problem.[1]", "Next we go."]
    assert split_sentences("We must solve this problem.② Next we go.", "en") == [
        "We must solve this problem.②", "Next we go."]
    assert split_sentences('He said "no."[2] Then he left.', "en") == ['He said "no."[2]', "Then he left."]
    assert split_sentences("See Fig.[1] The rest.", "en") == ["See Fig.[1] The rest."]
