"""Chinese sentence boundaries: after 。！？ and …… (closing quotes and brackets stay), never at commas or ；."""

from __future__ import annotations

import re

_CLOSERS = re.escape("”’」』）)］]】》〉\"'")
_CLOSING_QUOTES = re.escape("”’」』")       # never opening, so they close a sentence even after a space
# ASCII ! and ? end a sentence too (texts typed with ASCII punctuation), and so does a dash cutting off a
# quotation (——”).  Closers glued to the terminator, or a closing quote after a space, stay with it.
_END = re.compile(
    rf"(?:[。！？!?]+|(?:……|⋯⋯|\.{{6}})+[。！？!?]*|(?:——|—)(?=\s*[{_CLOSING_QUOTES}]))"
    rf"(?:[{_CLOSERS}]|\s+(?=[{_CLOSING_QUOTES}]))*"
)


def split_chinese(text: str) -> list[str]:
    """Return the sentences of one Chinese paragraph, stripped, none empty."""
    sentences, start = [], 0
    for match in _END.finditer(text):
        sentences.append(text[start:match.end()])
        start = match.end()
    sentences.append(text[start:])
    return [s.strip() for s in sentences if s.strip()]
