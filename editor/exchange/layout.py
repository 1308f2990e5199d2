"""Duiqi's sentence layout of a joined text (`paragraph:length …`), so a re-import restores each sentence."""

from __future__ import annotations

from editor.bitext.document import writes_without_spaces


def layout_text(segments: list[tuple[int, str]]) -> str:
    """Return "paragraph:length ..." for (paragraph, text) segments, as stored in x-duiqi-*-layout."""
    return " ".join(f"{p}:{len(t)}" for p, t in segments)


def split_by_layout(text: str, layout: str, lang: str) -> list[tuple[int, str]] | None:
    """Return the (paragraph, text) segments a layout describes, or None when it does not fit the text
    (someone edited the file): the caller then keeps the text as one segment."""
    if not layout.strip():
        return None
    try:
        cells = [(int(p), int(n)) for p, n in (item.split(":") for item in layout.split())]
    except ValueError:
        return None
    gap = 0 if writes_without_spaces(lang) else 1
    out, pos = [], 0
    for k, (paragraph, length) in enumerate(cells):
        if length < 1 or paragraph < 0:
            return None
        if k and gap:
            if text[pos:pos + gap] != " ":
                return None
            pos += gap
        out.append((paragraph, text[pos:pos + length]))
        pos += length
    if pos != len(text) or any(len(t) != n or t != t.strip() for (_, t), (_, n) in zip(out, cells)):
        return None
    return out
