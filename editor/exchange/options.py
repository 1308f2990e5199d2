"""What an export is asked for (ExportOptions) and what it wrote and left out (ExportReport)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


#: the TMX creationid/changeid of links made or changed in Duiqi when the translator has not given a name
#: (Settings.translator_id, `--creation-id`)
DEFAULT_CREATION_ID = "Duiqi"


@dataclass
class ExportOptions:
    """Choices shared by every exporter."""

    only_confirmed: bool = False
    src_lang: str | None = None          # None: the document's
    tgt_lang: str | None = None
    xliff_version: str = "1.2"
    max_segment_length: int | None = None
    excel_bom: bool = False
    presegmented_ids: bool = False       # .beads: ids are input line numbers
    reverse: bool = False                # TMX/XLIFF: English as the source (English→Chinese work)
    # Set by editor.exchange.presets.apply_preset (the "generic" preset is these defaults):
    preset: str = "generic"
    duiqi_props: bool = True             # TMX/XLIFF: Duiqi's own x- props (confidence, status, files, layout)
    keep_unlinked: bool = True           # XLIFF/TSV/XLSX: 1-0 and 0-1 links (TMX never has them)
    keep_doubtful: bool = True           # links that need review (entries.needs_review)
    creation_id: str = DEFAULT_CREATION_ID  # TMX creationid/changeid of tus whose link names none and that a
                                         # person made, confirmed or changed: the person exporting
    engine_id: str = DEFAULT_CREATION_ID  # the same for links the engine made and nobody touched (the CLI's
                                          # --creation-id sets both: whoever ran the alignment)
    timestamp: datetime | None = None    # TMX header dates; None: the time of the export (tus: their link's)
    review_threshold: float | None = None   # doubtful below this confidence; None: review.DEFAULT_THRESHOLD
    confirmed_state: str = "final"       # XLIFF 1.2 state of confirmed links ("signed-off" for Lokalize)


@dataclass
class ExportReport:
    """What an export wrote and what it left out (shown to the user, printed by the CLI)."""

    written: int = 0
    written_unlinked: int = 0            # of `written`: sentences without counterpart (XLIFF units, table rows)
    skipped_unlinked: int = 0
    skipped_unconfirmed: int = 0
    skipped_too_long: int = 0
    skipped_doubtful: int = 0
    normalised_whitespace: int = 0       # TMX: tabs and line breaks written as spaces
    removed_characters: int = 0
    codes_written: int = 0               # TMX/XLIFF: inline-code markers written back as the format's codes
    untranslatable: int = 0              # XLIFF: 0-1 links written as translate="no" units with an empty source
    warnings: list[str] = field(default_factory=list)
