"""A link whose two sides disagree on another tool's inline codes is doubtful and says which markers (an X11 audit:
"{5}" edited into "{5." and a deleted "{/1}" kept the link automatic at 1.00, and the export lost the codes)."""

from pathlib import Path

from editor.bitext.document import AlignmentDocument, Bead, BeadStatus, Segment
from editor.bitext.edits import confirm, edit_text
from editor.bitext.markers import CodeMismatch, code_mismatch, marker_span, restore_markers
from editor.bitext.review import Reason, ReviewPolicy, review_counts
from editor.exchange.opening import load_alignment

CODES = Path(__file__).resolve().parents[1] / "data" / "exchange" / "xliff12-every-code.xlf"


def opened() -> AlignmentDocument:
    doc = load_alignment(CODES)
    assert not any(ReviewPolicy.for_document(doc).reasons(doc, b) for b in doc.beads)    # the file agrees
    return doc


def test_a_code_marker_broken_or_deleted_on_one_side_makes_the_link_doubtful_with_its_marker_named():
    doc = opened()
    doc.apply(edit_text(doc, doc.beads[3].tgt[0], "Version {4}, dated {5."))            # F2, Backspace
    doc.apply(edit_text(doc, doc.beads[0].tgt[0], "Please click the {1}Save button."))   # "{/1}" deleted
    policy = ReviewPolicy.for_document(doc)
    assert [Reason.CODES_DIFFER in policy.reasons(doc, b) for b in doc.beads] == [True, False, False, True, False]
    assert [policy.is_doubtful(doc, b) for b in doc.beads] == [True, False, False, True, False]
    assert code_mismatch(doc, doc.beads[3]) == CodeMismatch(missing_tgt=("{5}",))
    assert code_mismatch(doc, doc.beads[0]) == CodeMismatch(missing_tgt=("{/1}",))
    assert review_counts(doc, policy).doubtful == 2


def test_codes_in_another_order_a_pair_broken_on_both_sides_and_a_code_only_in_the_english():
    doc = opened()
    assert not code_mismatch(doc, doc.beads[4])                                   # order does not matter
    doc.apply(edit_text(doc, doc.beads[0].src[0], "请点击{1}保存按钮。"))
    doc.apply(edit_text(doc, doc.beads[0].tgt[0], "Please click the {1}Save button."))
    assert code_mismatch(doc, doc.beads[0]) == CodeMismatch(("{/1}",), ("{/1}",))
    doc.apply(edit_text(doc, doc.beads[1].src[0], "第一行第二行"))
    assert code_mismatch(doc, doc.beads[1]) == CodeMismatch(missing_src=("{2}",))


def test_a_confirmed_link_and_markers_that_are_only_text_are_not_doubtful_for_their_codes():
    doc = opened()
    doc.apply(edit_text(doc, doc.beads[3].tgt[0], "Version {4}, dated."))
    doc.apply(confirm(doc, 3))
    assert not ReviewPolicy.for_document(doc).is_doubtful(doc, doc.beads[3])       # a person vouched for it
    plain = AlignmentDocument([Segment(0, "用{1}代替。")], [Segment(1, "Use it instead.")],
                              [Bead((0,), (1,), 1.0, BeadStatus.AUTO)])
    assert not code_mismatch(plain, plain.beads[0])                               # typed by hand: text


def test_a_half_deleted_marker_is_restored_and_one_deleted_whole_stays_deleted():
    codes = ["{4}", "{5}"]
    assert restore_markers("dated {4}, {5}.", "dated {4}, {5.", codes) == ("dated {4}, {5}.", ["{5}"])
    assert restore_markers("dated {4}, {5}.", "dated {4}, 5}.", codes) == ("dated {4}, {5}.", ["{5}"])
    assert restore_markers("a{1}b{/1}c", "a{1}b{/1c", ["{1}", "{/1}"]) == ("a{1}b{/1}c", ["{/1}"])
    assert restore_markers("dated {4}, {5}.", "dated {4}, .", codes) == ("dated {4}, .", [])
    assert restore_markers("see {5}", "see {5", []) == ("see {5", [])                  # not a code: text
    assert marker_span("dated {5}.", 9, codes, before=True) == (6, 9)       # Backspace after "}"
    assert marker_span("dated {5}.", 8, codes, before=True) == (6, 9)       # ... or inside it
    assert marker_span("dated {5}.", 6, codes, before=False) == (6, 9)      # Delete before "{"
    assert marker_span("dated {5}.", 9, codes, before=False) is None


def test_a_cursor_moves_with_the_text_when_a_marker_before_it_is_made_whole():
    # Ctrl+K after "{4" was restored cut "版本号为{4}" | "，日期为{5}。" (an X11 audit)
    from editor.bitext.markers import restore_markers_at
    codes, old = ["{4}", "{5}"], "版本号为{4}，日期为{5}。"
    assert restore_markers_at(old, "版本号为{4，日期为{5}。", codes, 6) == (old, ["{4}"], 7)     # after it
    assert restore_markers_at(old, "版本号为{4，日期为{5}。", codes, 4) == (old, ["{4}"], 4)     # before it
    assert restore_markers_at(old, "版本号为{4，日期为{5}。", codes, 5) == (old, ["{4}"], 7)     # inside: after
    assert restore_markers_at(old, "版本号为4}，日期为{5}。", codes, 6) == (old, ["{4}"], 7)
