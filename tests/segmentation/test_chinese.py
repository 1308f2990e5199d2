"""Chinese sentence boundaries."""

from editor.segmentation import split_sentences


def test_sentences_end_at_full_stop_exclamation_and_question_marks():
    assert split_sentences("會議結束了。你去嗎？太好了！", "zh-TW") == ["會議結束了。", "你去嗎？", "太好了！"]


def test_closing_quotes_and_brackets_stay_with_their_sentence():
    assert split_sentences("他說：“你好！”我說：“再見。”然後走了。（完。）下一句。", "zh-CN") == [
        "他說：“你好！”", "我說：“再見。”", "然後走了。", "（完。）", "下一句。"]
    assert split_sentences("「真的嗎？」她問。", "zh") == ["「真的嗎？」", "她問。"]


def test_an_ellipsis_ends_a_sentence():
    assert split_sentences("他想了想……然後笑了。", "zh") == ["他想了想……", "然後笑了。"]
    assert split_sentences("等一下……”她說。", "zh") == ["等一下……”", "她說。"]


def test_commas_and_semicolons_never_split():
    text = "李波指出,春節期間，返鄉人員增多；輸入性風險不斷加大、外事聯絡組要繃緊這根弦。"
    assert split_sentences(text, "zh") == [text]


def test_repeated_terminators_stay_together():
    assert split_sentences("真的？！我不信。", "zh") == ["真的？！", "我不信。"]


def test_ascii_exclamation_and_question_marks_end_a_sentence_too():
    assert split_sentences("你好!我是小李。對嗎? 對。", "zh") == ["你好!", "我是小李。", "對嗎?", "對。"]


def test_a_closing_quote_after_a_stray_space_stays_with_its_sentence():
    assert split_sentences("她說：“你不會摔交。 ”我笑了。", "zh") == ["她說：“你不會摔交。 ”", "我笑了。"]


def test_a_dash_cutting_off_a_quotation_ends_the_sentence_but_a_dash_alone_does_not():
    assert split_sentences("他問：“你為什麼——”說到這裡停了。", "zh") == ["他問：“你為什麼——”", "說到這裡停了。"]
    assert split_sentences("青天喲——藍天喲。", "zh") == ["青天喲——藍天喲。"]


def test_text_without_a_terminator_is_one_sentence_and_blank_text_none():
    assert split_sentences("沒有句號的標題", "zh") == ["沒有句號的標題"]
    assert split_sentences("   ", "zh") == []


def test_a_straight_closing_quote_after_a_space_stays_with_its_sentence():
    # news text with spaces around its punctuation ('挑战 。 "'): the closing quote began the next sentence, or
    # stood alone as a sentence at the paragraph's end, and lone quote marks were linked into the TM (an X11
    # re-test)
    assert split_sentences('他强调 ， " 我们必须不断更新它 。 " 他说完就走了。', "zh") == [
        '他强调 ， " 我们必须不断更新它 。 "', "他说完就走了。"]
    assert split_sentences('他强调 ， " 我们必须不断更新它 。 "', "zh") == ['他强调 ， " 我们必须不断更新它 。 "']
    # an opening quote (none open before it) still begins the next sentence
    assert split_sentences('他说完了。 "你好，"她说。', "zh") == ["他说完了。", '"你好，"她说。']


def test_a_footnote_reference_after_the_final_stop_stays_with_its_sentence():
    # an X11 re-test: "……问题。①" made "①" a sentence of its own, shown unlinked
    assert split_sentences("我们要解决这个问题。①", "zh") == ["我们要解决这个问题。①"]
    assert split_sentences("我们要解决这个问题。②", "zh") == ["我们要解决这个问题。②"]
    assert split_sentences("我们要解决这个问题。[1]", "zh") == ["我们要解决这个问题。[1]"]
    assert split_sentences("我们要解决这个问题。（注1）", "zh") == ["我们要解决这个问题。（注1）"]
    assert split_sentences("他说：“好。”①", "zh") == ["他说：“好。”①"]
    assert split_sentences("我们要解决这个问题 。 ①", "zh") == ["我们要解决这个问题 。 ①"]
    assert split_sentences("这是问题。[1]下一句。", "zh") == ["这是问题。[1]", "下一句。"]
    assert split_sentences("这是问题。① 下一句。", "zh") == ["这是问题。①", "下一句。"]


def test_a_circled_number_starting_the_next_list_item_still_begins_its_sentence():
    assert split_sentences("措施如下：①加强管理。②改善服务。", "zh") == ["措施如下：①加强管理。", "②改善服务。"]


def test_a_speakers_hesitation_inside_a_quotation_is_not_a_sentence_end():
    # an X11 audit on a literary book: each "……" of a stammered reply was a boundary, where the reference splitting
    # keeps the reply one sentence, and the fragments were linked wrongly
    text = "韦小宝道：“这个…… 这个…… 什么书…… 我…… 我记不起了。”海老公道：“好。”"
    assert split_sentences(text, "zh") == ["韦小宝道：“这个…… 这个…… 什么书…… 我…… 我记不起了。”", "海老公道：“好。”"]
    assert split_sentences("她说：「等一下……我马上来。」", "zh") == ["她说：「等一下……我马上来。」"]
    # after a quotation closed, or where no quotation is open, an ellipsis still ends the sentence
    assert split_sentences("“等一下……”她说。他想了想……然后笑了。", "zh") == ["“等一下……”", "她说。", "他想了想……", "然后笑了。"]
