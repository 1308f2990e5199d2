"""The core's error reasons in the UI's language.

The Qt-free core raises typed errors whose message is an English reason ("no such file", "cannot read the file
(Permission denied)"); the CLI prints it as it is. The window shows it under a translated title, so in the Chinese
UI the reason itself was English (an X11 audit). `reason_text` translates the reasons the core gives most (each
template below is the core's own wording, with %1, %2 for its variable parts, which are kept as they are; a
"line N: " prefix is kept and the rest translated); any other reason is shown in English, as before.
"""

from __future__ import annotations

import functools
import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "CoreError"

TEMPLATES = (
    QT_TRANSLATE_NOOP("CoreError", "no such file"),
    QT_TRANSLATE_NOOP("CoreError", "this is a folder, not a file"),
    QT_TRANSLATE_NOOP("CoreError", "cannot read the file (%1)"),
    QT_TRANSLATE_NOOP("CoreError", "cannot write the file (%1)"),
    QT_TRANSLATE_NOOP("CoreError", "cannot decode the file as text (tried %1); is it a binary file?"),
    QT_TRANSLATE_NOOP("CoreError", "cannot decode the file as text; is it a binary file?"),
    QT_TRANSLATE_NOOP("CoreError", "the file contains no text"),
    QT_TRANSLATE_NOOP("CoreError", "the file has markup but no text to align"),
    QT_TRANSLATE_NOOP("CoreError", "the document is password-protected; save an unprotected copy and open that"),
    QT_TRANSLATE_NOOP("CoreError", "the project was saved by a newer Duiqi (format %1; this one reads up to %2)"),
    QT_TRANSLATE_NOOP("CoreError", "the project file is damaged: %1"),
    QT_TRANSLATE_NOOP("CoreError", "not a Duiqi collection: there is no %1 in the folder"),
    QT_TRANSLATE_NOOP("CoreError", "the file of document %1 is missing (moved or deleted)"),
    QT_TRANSLATE_NOOP("CoreError", "the document's file is missing (moved or deleted)"),
    QT_TRANSLATE_NOOP("CoreError", "the folder does not exist"),
    QT_TRANSLATE_NOOP("CoreError", "this is a folder; give a file name"),
    QT_TRANSLATE_NOOP("CoreError", "this is one of the input files; choose another output name"),
    QT_TRANSLATE_NOOP("CoreError", "not well-formed XML: %1"),
    QT_TRANSLATE_NOOP("CoreError", "alignment cancelled"),
    # an export's warnings (editor.exchange.entries, editor.collection.merge): the collection export listed them
    # in English in the Chinese interface (an X11 re-test)
    QT_TRANSLATE_NOOP("CoreError", "left out %1 link(s) longer than %2 characters (links %3)"),
    QT_TRANSLATE_NOOP("CoreError", "removed %1 character(s) that XML does not allow (control characters)"),
    QT_TRANSLATE_NOOP("CoreError", "left out %1 unlinked sentence group(s) (0-1 or 1-0), as only confirmed links "
                                   "were asked for"),
    QT_TRANSLATE_NOOP("CoreError", "left out %1 unlinked sentence group(s) (0-1 or 1-0), as the %2 preset does"),
    QT_TRANSLATE_NOOP("CoreError", "left out %1 unlinked sentence group(s) (0-1 or 1-0), which this format cannot "
                                   "hold"),
    QT_TRANSLATE_NOOP("CoreError", "left out %1 doubtful link(s) (automatic links that need review), as the %2 "
                                   "preset does; confirm them to include them"),
    QT_TRANSLATE_NOOP("CoreError", "the preset leaves props out, so the units do not name their documents (no "
                                   "x-document prop); export with the generic or omegat preset to keep them"),
    QT_TRANSLATE_NOOP("CoreError", "its source language %1 differs from the file's (%2)"),
    QT_TRANSLATE_NOOP("CoreError", "its languages %1 differ from the file's (%2)"),
    QT_TRANSLATE_NOOP("CoreError", "this should be the Chinese text, but it has almost no Chinese characters (%1 of "
                                   "its letters): is it the right file?"),
    QT_TRANSLATE_NOOP("CoreError", "this should be the English text, but it is mostly Chinese characters (%1 of "
                                   "its letters): is it the right file?"),
)

#: a reason about one line of the file (MalformedFileError): the line number kept, the rest translated
LINE_TEMPLATE = QT_TRANSLATE_NOOP("CoreError", "line %1: %2")
_LINE = re.compile(r"line (\d+): (.+)", re.S)
#: a reason about a named file ("empty.txt: the file contains no text", a collection's failed document): the
#: name kept, the rest translated (the document list showed it in English in the Chinese UI: an X11 re-test)
NAMED_TEMPLATE = QT_TRANSLATE_NOOP("CoreError", "%1: %2")
_NAMED = re.compile(r"([^:\n]{1,255}?\.[A-Za-z0-9]{1,8}): (.+)", re.S)


@functools.lru_cache(maxsize=None)
def _patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    out = []
    for template in TEMPLATES:
        parts = re.split(r"(%\d)", template)
        body = "".join("(.+)" if re.fullmatch(r"%\d", p) else re.escape(p) for p in parts)
        out.append((re.compile(body, re.S), template))
    return tuple(out)


def reason_text(message: str) -> str:
    """Return the core's reason `message` in the UI's language (unchanged when it is not one of TEMPLATES)."""
    line = _LINE.fullmatch(message)
    if line is not None:
        return _fill(QCoreApplication.translate(CONTEXT, LINE_TEMPLATE), (line.group(1), reason_text(line.group(2))))
    for pattern, template in _patterns():
        found = pattern.fullmatch(message)
        if found is not None:
            return _fill(QCoreApplication.translate(CONTEXT, template), found.groups())
    named = _NAMED.fullmatch(message)
    if named is not None:
        reason = reason_text(named.group(2))
        if reason != named.group(2):
            return _fill(QCoreApplication.translate(CONTEXT, NAMED_TEMPLATE), (named.group(1), reason))
    return message


def _fill(text: str, values) -> str:
    """Put values[k - 1] for each %k at once (a value that holds "%2" is not filled again)."""
    return re.sub(r"%(\d)", lambda m: values[int(m.group(1)) - 1] if 0 < int(m.group(1)) <= len(values)
                  else m.group(0), text)


def error_reason(exc: BaseException) -> str:
    """The reason of an error, translated (an EditorError's message without its path, else its text)."""
    return reason_text(getattr(exc, "message", None) or str(exc))
