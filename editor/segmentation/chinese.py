"""Chinese sentence boundaries: after 。！？ and …… (closing quotes and brackets stay), never at commas or ；."""

from __future__ import annotations

import re

_CLOSERS = re.escape("”’」』）)］]】》〉\"'")
# ASCII ! and ? end a sentence only before a space, a closer or the paragraph end: glued into a run of
# Chinese characters they are more often a replacement character left by a wrong decoding (see cleanup).
_END = re.compile(
    rf"(?:[。！？]+[!?！？]*|(?:……|⋯⋯|\.{{6}})+[。！？!?]*|[!?]+(?=[\s{_CLOSERS}]|$))[{_CLOSERS}]*"
)


def split_chinese(text: str) -> list[str]:
    """Return the sentences of one Chinese paragraph, stripped, none empty."""
    sentences, start = [], 0
    for match in _END.finditer(text):
        sentences.append(text[start:match.end()])
        start = match.end()
    sentences.append(text[start:])
    return [s.strip() for s in sentences if s.strip()]
