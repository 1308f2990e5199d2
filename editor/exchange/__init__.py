"""Exchange formats: one module per format reads and writes it; the shared pieces have small modules of their own.

Formats (each reads and writes):
    tmx.py          TMX 1.4 (Duiqi's own, Trados, memoQ, OmegaT, Phrase)
    xliff.py        XLIFF 1.2 (incl. SDLXLIFF, mqxliff, Phrase mxliff) and XLIFF 2.0
    tables.py       TSV, CSV and XLSX tables
    duiqi_json.py   Duiqi's .json, .beads and .duiqi (project) files

Shared pieces:
    options.py      ExportOptions and ExportReport: what an export is asked for and what it did
    presets.py      export presets: the choices that suit one CAT tool
    entries.py      the links an export writes, filtered and joined
    statuses.py     other tools' review states (XLIFF, memoQ, Trados, Phrase) as Duiqi statuses
    summary.py      the one-line summary of a conversion: kept, became markers, dropped
    units.py        the units a reader found, and how they become a document (ImportNotes says what changed)
    opening.py      load_alignment: opening a file by its extension
    inline.py       inline codes (tags, placeholders) read as markers {1}…{/1} and written back
    languages.py    language codes: zh_cn, ZH-CN, zho, cmn-Hans → BCP-47
    dates.py        TMX dates and creationid/changeid values, read and written
    layout.py       Duiqi's sentence layout (`paragraph:length …`) of a joined text
    xml_text.py     text XML can carry, and element names without namespaces

editor.exporting (export_document) and editor.exchange.opening (load_alignment) are the entry
points the rest of the program uses.
"""
