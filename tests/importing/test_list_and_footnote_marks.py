"""List marks and footnote references left by a conversion (an X11 audit: "• " at the start of both sentences of a
linked pair and "staff.[1] Wang Kuiwan…" reached the translation memory): the clean-up removes list marks by default
and offers to remove the footnote references the file confirms."""

from editor.importing import cleanup
from editor.importing.cleanup import FixKind, apply_fixes, chosen_by_default
from editor.workflow import ImportOptions, import_document


def suggest_side_cleanup(paragraphs):
    return cleanup.suggest_side_cleanup(paragraphs)


def _kinds(paragraphs, kind):
    return [[(f.original, f.default) for f in fixes if f.kind is kind] for fixes in suggest_side_cleanup(paragraphs)]


def _cleaned(paragraphs):
    return [apply_fixes(p, [f for f in fixes if chosen_by_default(f)])
            for p, fixes in zip(paragraphs, suggest_side_cleanup(paragraphs))]


def _write(tmp_path, name, lines):
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_bullet_starting_a_paragraph_or_a_sentence_is_removed_by_default_and_the_text_kept():
    paragraphs = ["• 李波一行先后到江北国际机场。", "●第二项工作。", "  ▪ Third item here.", "◦ Fourth.", "‣ Fifth.",
                  "⁃ Sixth.", "· Seventh.", "The plan has two parts. • The first is simple."]
    assert _cleaned(paragraphs) == ["李波一行先后到江北国际机场。", "第二项工作。", "Third item here.", "Fourth.",
                                    "Fifth.", "Sixth.", "Seventh.", "The plan has two parts. The first is simple."]
    assert all(f.default for fixes in suggest_side_cleanup(paragraphs) for f in fixes if f.kind is FixKind['LIST_MARK'])


def test_a_dash_or_star_starts_a_list_item_only_in_a_run_of_paragraphs_with_the_same_mark():
    listed = ["The Buyer shall:", "- pay the price;", "- take delivery.", "* one", "* two", "* three", "Done."]
    assert _cleaned(listed) == ["The Buyer shall:", "pay the price;", "take delivery.", "one", "two", "three", "Done."]
    # one paragraph alone, two different marks, or a page number between dashes: not a list
    alone = ["Intro.", "- a dash before a remark", "Next.", "- one", "* two", "- 2 -", "- 3 -"]
    assert _kinds(alone, FixKind['LIST_MARK']) == [[]] * len(alone)


def test_a_numbered_clause_and_a_citation_like_sic_are_left_alone():
    paragraphs = ["1. The Seller shall deliver the goods.", "2. The Buyer shall pay.", "(a) the price;",
                  "(b) the date.", "He wrote [sic] that the contract was void.", "（一）总则"]
    fixes = suggest_side_cleanup(paragraphs)
    assert [f for side in fixes for f in side if f.kind in (FixKind['LIST_MARK'], FixKind['FOOTNOTE'])] == []
    assert _cleaned(paragraphs) == paragraphs


def test_a_footnote_reference_whose_note_is_in_the_text_is_offered_unticked():
    paragraphs = ["He thanked the frontline staff.[1] Wang Kuiwan took part.", "[1] The staff of the airport."]
    [[(original, default)], []] = _kinds(paragraphs, FixKind['FOOTNOTE'])
    assert (original, default) == ("[1]", False)
    [fix] = [f for f in suggest_side_cleanup(paragraphs)[0] if f.kind is FixKind['FOOTNOTE']]
    assert apply_fixes(paragraphs[0], [fix]) == "He thanked the frontline staff. Wang Kuiwan took part."
    assert _cleaned(paragraphs) == paragraphs                   # off by default


def test_footnote_references_that_form_a_sequence_are_offered_in_each_of_their_shapes():
    shapes = [["It grew.[1] Then it fell.", "It rose.[2]"], ["It grew.¹ Then it fell.", "It rose again².", "Last.³"],
              ["It grew.^1 Then.", "It rose.^2"], ["经济增长(注1)。", "随后回落。（注2）"], ["经济增长。注①", "随后回落，注②。"],
              ["经济增长。①", "随后回落。②"]]
    for paragraphs in shapes:
        found = _kinds(paragraphs, FixKind['FOOTNOTE'])
        assert all(len(side) == 1 and side[0][1] is False for side in found[:2]), (paragraphs, found)


def test_a_footnote_reference_without_its_note_or_a_sequence_is_not_offered():
    # the audit's file: one "[1]" and one "①", no note: review flags them (below), the clean-up does not guess
    paragraphs = ["He thanked the frontline staff.[1] Wang Kuiwan took part.", "Another paragraph."]
    assert _kinds(paragraphs, FixKind['FOOTNOTE']) == [[], []]


def test_exponents_units_list_numbers_and_citations_are_not_footnote_references():
    paragraphs = ["The area is 120 m² and 10¹² bytes.", "Then x^2 grows.", "要求：①加强管理；②完善制度。",
                  "As shown in [3], the method works.", "The value array[1] = 5 is set.", "[1] is a bare number."]
    assert _kinds(paragraphs, FixKind['FOOTNOTE']) == [[]] * len(paragraphs)


def test_an_imported_mixed_file_loses_its_bullets_and_keeps_its_text(tmp_path):
    path = _write(tmp_path, "mixed.txt", [
        "• 李波一行先后到江北国际机场联防联控工作组。", "• Li Bo and his team visited the joint prevention group at "
        "Jiangbei International Airport.", "双方交换了意见。", "The two sides exchanged views."])
    doc = import_document([path])
    assert [s.text for s in doc.src] == ["李波一行先后到江北国际机场联防联控工作组。", "双方交换了意见。"]
    assert doc.tgt[0].text.startswith("Li Bo and his team")
    assert {c["kind"] for c in doc.meta.cleanup_applied} == {"list mark"}
    kept = import_document([path], ImportOptions(clean=False))            # --no-clean keeps the text as read
    assert kept.src[0].text.startswith("• ")
