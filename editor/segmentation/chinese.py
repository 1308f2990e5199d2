"""Chinese sentence boundaries: after 。！？ and …… (closing quotes and brackets stay), never at commas or ；."""

from __future__ import annotations

import re

from editor.segmentation.note_references import NOTE_MARK, attach_trailing_mark

_CLOSERS = re.escape("”’」』）)］]】》〉\"'")
_CLOSING_QUOTES = re.escape("”’」』")       # never opening, so they close a sentence even after a space
# ASCII ! and ? end a sentence too (texts typed with ASCII punctuation), and so does a dash cutting off a
# quotation (——”).  Closers glued to the terminator, or a closing quote after a space, stay with it.
_END = re.compile(
    rf"(?:[。！？!?]+|(?:……|⋯⋯|\.{{6}})+[。！？!?]*|(?:——|—)(?=\s*[{_CLOSING_QUOTES}]))"
    rf"(?:[{_CLOSERS}]|\s+(?=[{_CLOSING_QUOTES}]))*"
)


#: a straight double quote after the end of a sentence, past spaces (text with spaces around its punctuation)
_STRAIGHT_QUOTE_AFTER = re.compile(r'\s+"')
_NOTE_MARK = re.compile(NOTE_MARK)


#: an ellipsis and nothing but spaces after it before the quotation goes on
_ELLIPSIS_ONLY = re.compile(r"(?:……|⋯⋯|\.{6})+\s*")


def _hesitation(text: str, match: re.Match[str]) -> bool:
    """True for an ellipsis inside a quotation that goes on after it: a speaker's hesitation ("“这个…… 这个……
    什么书…… 我…… 我记不起了。”" is one sentence in the reference splitting of literary text; each "……" was a
    boundary, and the fragments were linked wrongly: an X11 audit)."""
    if not _ELLIPSIS_ONLY.fullmatch(match.group()):
        return False                    # a closing quote or a full stop after it ends the sentence
    before = text[:match.start()]
    # the nearest quotation mark before it opens a quotation (counting from the paragraph's start would be
    # misled by a quotation that began in the paragraph before)
    return max(before.rfind("“"), before.rfind("「")) > max(before.rfind("”"), before.rfind("」"))


def split_chinese(text: str) -> list[str]:
    """Return the sentences of one Chinese paragraph, stripped, none empty."""
    sentences, start = [], 0
    for match in _END.finditer(text):
        end = match.end()
        if end <= start:
            continue
        if _hesitation(text, match):
            continue
        # a straight quote after a space closes the sentence when the sentence has one open: it began the next
        # sentence, or stood alone as one at the paragraph's end ('挑战 。 "': a news text with spaces around its
        # punctuation; an X11 re-test found lone quote marks linked into the TM)
        if text.count('"', start, end) % 2:
            quote = _STRAIGHT_QUOTE_AFTER.match(text, end)
            if quote is not None:
                end = quote.end()
        # a footnote reference after the stop belongs to the sentence it annotates (an X11 re-test: "……问题。①"
        # made "①" a sentence of its own, shown unlinked)
        mark = _NOTE_MARK.match(text, end)
        if mark is not None:
            end = mark.end()
        sentences.append(text[start:end])
        start = end
    return attach_trailing_mark(sentences, text[start:])
