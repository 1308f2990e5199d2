"""Tables as paragraph records: a table with a Chinese and an English column gives one row pair per row;
also reads .xlsx workbooks (openpyxl) and .csv/.tsv files (the csv module)."""

from __future__ import annotations

import csv
import itertools
import re
from pathlib import Path
from typing import Iterator, Sequence

from editor.errors import MalformedFileError
from editor.importing.records import Paragraph

#: a column is mainly Chinese (English) when this share of its cells with letters are Chinese (English)
MAIN_LANGUAGE_SHARE = 0.6
MAX_TABLE_CELLS = 2_000_000

Cell = Sequence[str]            # the paragraphs of one cell
_rows = itertools.count()       # row numbers, unique within the process (only equality within a file matters)


def new_row_number() -> int:
    return next(_rows)


def bilingual_columns(rows: Sequence[Sequence[Cell]]) -> tuple[int, int] | None:
    """Return (Chinese column, English column) when exactly one column is mainly Chinese and one mainly
    English (columns with text in fewer than half the rows, such as numbers, do not count); else None."""
    from editor.importing import has_letters, is_chinese_paragraph

    width = max((len(r) for r in rows), default=0)
    zh_cols, en_cols = [], []
    for c in range(width):
        texts = [" ".join(r[c]) for r in rows if c < len(r)]
        lettered = [t for t in texts if has_letters(t)]
        if len(lettered) * 2 < len(rows):
            continue             # numbers, blanks, a note here and there: not a text column
        zh = sum(is_chinese_paragraph(t) for t in lettered)
        if zh >= MAIN_LANGUAGE_SHARE * len(lettered):
            zh_cols.append(c)
        elif len(lettered) - zh >= MAIN_LANGUAGE_SHARE * len(lettered):
            en_cols.append(c)
        else:
            return None          # a column of both languages: not a two-column translation table
    if len(zh_cols) == 1 and len(en_cols) == 1:
        return zh_cols[0], en_cols[0]
    return None


#: Words of a cell that only names a language or a side: 中文 | English, Chinese/英文, 原文 | 译文, Source | Target.
LANGUAGE_WORDS = frozenset({
    "中文", "汉语", "漢語", "华文", "華文", "英文", "英语", "英語", "原文", "译文", "譯文", "中", "英", "简体", "簡體",
    "繁体", "繁體", "简体中文", "簡體中文", "繁体中文", "繁體中文", "中文版", "英文版", "中文文本", "英文文本",
    "chinese", "english", "simplified", "traditional", "mandarin", "source", "target", "text", "version",
    "translation", "original", "zh", "en", "cn", "us", "gb", "uk", "tw", "hk", "zh-cn", "zh-tw", "zh-hk",
    "en-us", "en-gb", "hans", "hant", "zh-hans", "zh-hant", "language", "语言", "語言"})
#: ...of which at least one must name Chinese or English (a row "Source | Target" alone is not enough).
LANGUAGE_NAMES = frozenset({"中文", "汉语", "漢語", "华文", "華文", "英文", "英语", "英語", "简体中文", "簡體中文",
                            "繁体中文", "繁體中文", "中文版", "英文版", "chinese", "english", "zh", "en", "zh-cn",
                            "zh-tw", "en-us", "en-gb", "原文", "译文", "譯文"})
_NAME_SPLIT = re.compile(r"[\s/|／｜:：,，、()（）\[\]【】]+")
MAX_LABEL_CHARS = 12      # a header row's other cells (编号, No.) are short labels


def is_language_name(text: str) -> bool:
    """True for a cell that only names languages: "中文", "English", "Chinese/英文", "中文 (Chinese)"."""
    words = [w for w in _NAME_SPLIT.split(text.strip().lower()) if w]
    return bool(words) and all(w in LANGUAGE_WORDS for w in words) and any(w in LANGUAGE_NAMES for w in words)


def is_header_row(row: Sequence[Cell]) -> bool:
    """True for a row whose cells name the languages (中文 | English, 编号 | 中文 | English): at least two
    cells are language names, or one names both (Chinese/英文), and any other cell is a short label."""
    texts = [" ".join(cell).strip() for cell in row]
    texts = [t for t in texts if t]
    names = [t for t in texts if is_language_name(t)]
    both = any(len([w for w in _NAME_SPLIT.split(t.lower()) if w in LANGUAGE_NAMES]) >= 2 for t in names)
    if len(names) < 2 and not both:
        return False
    return all(t in names or (len(t) <= MAX_LABEL_CHARS and not re.search(r"[。！？.!?]$", t)) for t in texts)


def table_records(rows: Sequence[Sequence[Cell]], *, header: bool = False) -> list[Paragraph]:
    """Return a table's paragraphs: with a Chinese and an English column, each row's two cells as a row pair
    (other columns left out); otherwise every cell's paragraphs in reading order.

    The first row is a header, left out, when the file marks it as one (`header`: a Word row repeated at the
    top of each page) or when its cells name the languages (中文 | English): it is not a translation unit.
    """
    if rows and (header or is_header_row(rows[0])):
        rows = rows[1:]
    columns = bilingual_columns(rows)
    out: list[Paragraph] = []
    if columns is None:
        for row in rows:
            for cell in row:
                out.extend(Paragraph(p.strip()) for p in cell if p.strip())
        return out
    for row in rows:
        number = new_row_number()
        for column, lang in zip(columns, ("zh", "en")):
            if column < len(row):
                out.extend(Paragraph(p.strip(), row=number, lang=lang) for p in row[column] if p.strip())
    return out


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def xlsx_records(path: Path) -> list[Paragraph]:
    """Return the rows of every sheet of an .xlsx workbook as records (see table_records).

    Raises MalformedFileError for a damaged workbook or one too large to be a text.
    """
    from editor.importing.zipped import check_archive

    check_archive(path, "xlsx")
    try:
        import openpyxl
        from openpyxl.utils.exceptions import InvalidFileException

        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, KeyError, OSError, ValueError, TypeError) as exc:
        raise MalformedFileError(path, f"cannot read the workbook ({exc})") from None
    except Exception as exc:     # noqa: BLE001 - zipfile and XML errors surface under many types
        raise MalformedFileError(path, f"the workbook is damaged ({type(exc).__name__}: {exc})") from None
    out: list[Paragraph] = []
    try:
        cells = 0
        for sheet in workbook.worksheets:
            rows = []
            for values in sheet.iter_rows(values_only=True):
                cells += len(values)
                if cells > MAX_TABLE_CELLS:
                    raise MalformedFileError(path, f"the workbook has more than {MAX_TABLE_CELLS} cells")
                row = [[_cell_text(v)] for v in values]
                if any(c[0].strip() for c in row):
                    rows.append(row)
            out.extend(table_records(rows))
    finally:
        workbook.close()
    return out


def _csv_rows(text: str, path: Path) -> Iterator[list[str]]:
    sample = text[:65536]
    dialect: type[csv.Dialect] | csv.Dialect
    if path.suffix.lower() == ".tsv":
        dialect = csv.excel_tab
    else:
        try:
            dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
    try:
        yield from csv.reader(text.splitlines(), dialect)
    except csv.Error as exc:
        raise MalformedFileError(path, f"not a readable CSV table ({exc})") from None


def csv_records(text: str, path: Path) -> list[Paragraph]:
    """Return the rows of a .csv/.tsv table as records (see table_records)."""
    rows = [[[cell] for cell in row] for row in _csv_rows(text, path) if any(c.strip() for c in row)]
    return table_records(rows)
