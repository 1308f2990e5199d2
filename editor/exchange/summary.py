"""One sentence saying what a conversion kept, what became markers and what was dropped (duiqi convert)."""

from __future__ import annotations

from editor.bitext.document import AlignmentDocument
from editor.exchange.options import ExportReport
from editor.exchange.units import ImportNotes


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def conversion_summary(doc: AlignmentDocument, notes: ImportNotes, report: ExportReport, output: str) -> str:
    """Return "kept …; became markers: …; dropped: …" for a file read with `notes` and written as `report`."""
    confirmed = sum(1 for bead in doc.beads if bead.is_fixed)
    kept = [f"{_plural(len(doc.beads), 'link')} ({confirmed} confirmed"]
    if notes.dated:
        kept[0] += f", {notes.dated} with the file's dates"
    if notes.authored:
        kept[0] += f", {notes.authored} with its creationid/changeid"
    if notes.statuses_read:
        kept[0] += f", {notes.statuses_read} with a status from the tool's own review state"
    kept[0] += f"), {report.written} written to {output}"
    if notes.line_breaks:
        kept.append(f"{_plural(notes.line_breaks, 'line-break code')} as line breaks")
    markers = "none"
    if notes.markers:
        markers = f"{_plural(notes.markers, 'inline code')}"
        if notes.paired:
            markers += f" ({notes.paired} of them pairs around text)"
        markers += f", {report.codes_written} written back as codes" if report.codes_written else ", kept as text"
    dropped = [f"{count} {lang} segment(s)" for lang, count in notes.left_out.items()]
    dropped += [f"{count} unit(s) ({reason})" for reason, count in notes.skipped.items()]
    dropped += [f"{count} {what}" for what, count in notes.dropped.items()]
    if notes.ids_not_kept:
        dropped.append(f"{notes.ids_not_kept} creationid/changeid value(s) no link can hold")
    for count, what in ((report.skipped_unlinked, "unlinked sentence group(s)"),
                        (report.skipped_unconfirmed, "unconfirmed link(s)"),
                        (report.skipped_doubtful, "doubtful link(s)"),
                        (report.skipped_too_long, "over-long link(s)"),
                        (report.removed_characters, "character(s) XML does not allow")):
        if count:
            dropped.append(f"{count} {what}")
    return f"kept: {'; '.join(kept)}; became markers: {markers}; dropped: {', '.join(dropped) or 'nothing'}"
