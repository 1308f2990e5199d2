"""Import warnings become marks on the sentences: a garbled run to retype, a leftover "?!", an empty sentence."""

from editor.bitext.review import Mark
from editor.workflow import import_document, sentence_marks


def test_a_garbled_run_the_user_must_retype_marks_the_sentences_it_touches(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_text("市政府外辦主任與商會成員舉行工作座談?!霸谛鹿诜窝滓咔槿虮┌l(fā)的情況下,中國的疫情得到了很好的控制。\n\n"
                    "The director met members of the chamber. Under the epidemic, China controlled the virus well.\n\n"
                    "這是沒有問題的一句話。\n\nThis sentence has no problem.\n", encoding="utf-8")
    doc = import_document([path])
    marked = {s.text: s.marks for s in doc.src if s.marks}
    assert marked and all(Mark.GARBLED in m for m in marked.values())
    assert any(Mark.LEFTOVER in m for m in marked.values())
    assert not any(s.marks for s in doc.tgt)
    assert doc.src[-1].marks == ()


def test_an_empty_sentence_is_marked():
    marks = sentence_marks(["第一句。"], [("第一句。", 0), ("", 0)], "simplified")
    assert marks == [(), (Mark.EMPTY,)]
