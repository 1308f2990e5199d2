"""Tables as paragraph records: a table with a Chinese and an English column gives one row pair per row;
also reads .xlsx workbooks (openpyxl) and .csv/.tsv files (the csv module)."""

from __future__ import annotations

import contextlib
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


_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
#: Excel's own limit; a cell reference beyond it comes from a damaged or hand-made file
MAX_XLSX_COLUMN = 16384
#: shared strings read at most: twice the cells a workbook may have (20 million empty strings are an attack)
MAX_SHARED_STRINGS = 2 * MAX_TABLE_CELLS


class _Workbook:
    """A streaming .xlsx reader (zipfile + lxml iterparse): cells are read row by row in file order, shared
    strings once, and nothing is allocated by a row or column number taken from the file.

    openpyxl's read-only mode would do the same reading, but it pads missing rows one by one (a row numbered
    2,000,000,000 is two billion empty rows) and holds every shared string (20 million of them) before the
    first cell; both are refused or skipped here, and the text read counts against the input limit."""

    def __init__(self, path: Path, text_limit: int | None = None) -> None:
        import zipfile

        from editor.file_checks import MAX_TEXT_INPUT_BYTES

        self.path = path
        self.archive = zipfile.ZipFile(path)
        self.text_bytes = 0
        self.text_limit = MAX_TEXT_INPUT_BYTES if text_limit is None else text_limit

    def close(self) -> None:
        self.archive.close()

    def _member(self, name: str) -> bytes:
        from editor.importing.zipped import read_member

        return read_member(self.archive, name, self.path, "xlsx")

    def _events(self, name: str, tags: tuple[str, ...]):
        """iterparse a member (no DTD, no entities, no network); MalformedFileError naming it when broken."""
        import io

        from lxml import etree

        raw = self._member(name)
        head = raw[:4096].lstrip(b"\xef\xbb\xbf")
        if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
            raise MalformedFileError(self.path, f"{name} declares a DTD (<!DOCTYPE …>), which no workbook "
                                                "needs; Duiqi refuses it (it can expand into gigabytes)")
        try:
            for _, element in etree.iterparse(io.BytesIO(raw), events=("end",), tag=tags, resolve_entities=False,
                                              no_network=True, load_dtd=False, huge_tree=False):
                yield element
        except etree.XMLSyntaxError as exc:
            raise MalformedFileError(self.path, f"{name} is not well-formed: {exc.msg}", exc.lineno) from None

    def _relationships(self, name: str) -> dict[str, tuple[str, str]]:
        """{id: (type, member name)} of a part's relationships (xl/_rels/workbook.xml.rels)."""
        import posixpath

        folder, leaf = posixpath.split(name)
        rels_name = posixpath.join(folder, "_rels", leaf + ".rels")
        if rels_name not in self.archive.namelist():
            return {}
        out = {}
        for rel in self._events(rels_name, (f"{_PKG_REL}Relationship",)):
            target = rel.get("Target") or ""
            target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                posixpath.join(folder, target))
            out[rel.get("Id") or ""] = (rel.get("Type") or "", target)
            rel.clear()
        return out

    def sheets(self) -> list[str]:
        """The worksheets' member names in the workbook's order (read once)."""
        if getattr(self, "_sheets", None) is None:
            self._sheets = self._read_sheets()
        return self._sheets

    def _read_sheets(self) -> list[str]:
        rels = self._relationships("xl/workbook.xml")
        names = []
        for sheet in self._events("xl/workbook.xml", (f"{_MAIN}sheet",)):
            kind, target = rels.get(sheet.get(f"{_REL}id") or "", ("", ""))
            if kind.endswith("/worksheet") and target in self.archive.namelist():
                names.append(target)
        return names

    def _count(self, text: str) -> str:
        from editor.file_checks import megabytes

        self.text_bytes += len(text.encode("utf-8", "surrogatepass"))
        if self.text_bytes > self.text_limit:
            from editor.errors import InputFileError

            raise InputFileError(f"the workbook holds too much text (more than {megabytes(self.text_limit)}); "
                                 "split it into parts", path=self.path)
        return text

    @staticmethod
    def _string_item(element) -> str:
        """The text of a shared or inline string: its <t> and rich-text runs, without phonetic runs (<rPh>)."""
        return "".join(t.text or "" for t in element.iter(f"{_MAIN}t")
                       if t.getparent().tag != f"{_MAIN}rPh")

    def shared_strings(self) -> list[str]:
        rels = self._relationships("xl/workbook.xml")
        name = next((target for kind, target in rels.values() if kind.endswith("/sharedStrings")),
                    "xl/sharedStrings.xml")
        if name not in self.archive.namelist():
            return []
        strings: list[str] = []
        for item in self._events(name, (f"{_MAIN}si",)):
            if len(strings) >= MAX_SHARED_STRINGS:
                raise MalformedFileError(self.path, f"the workbook has more than {MAX_SHARED_STRINGS} shared "
                                                    "strings; is it damaged?")
            strings.append(self._count(self._string_item(item)))
            item.clear()
        return strings

    def rows(self, sheet: str, strings: list[str]):
        """Yield each non-empty row of a sheet as a list of cells (a list with the cell's text), in file order;
        missing cells are empty, missing rows are not made up."""
        for _, cells in self.numbered_rows(sheet, strings):
            if any(t.strip() for t in cells):
                yield [[text] for text in cells]

    def numbered_rows(self, sheet: str, strings: list[str]):
        """Yield (row number, cell texts) for each row of a sheet that has a cell with text, in file order
        (the number is the row's r attribute when it has a sensible one, else its position)."""
        for position, row in enumerate(self._events(sheet, (f"{_MAIN}row",)), start=1):
            reference = row.get("r") or ""
            number = int(reference) if reference.isdigit() and len(reference) < 11 else position
            cells: dict[int, str] = {}
            for position, cell in enumerate(row.iter(f"{_MAIN}c")):
                column = _column_of(cell.get("r"), position, self.path, sheet)
                text = self._cell(cell, strings, sheet)
                if text:
                    cells[column] = self._count(text)
            row.clear()
            while row.getprevious() is not None:       # free the rows already read
                del row.getparent()[0]
            if cells:
                yield number, [cells.get(c, "") for c in range(max(cells) + 1)]

    def _cell(self, cell, strings: list[str], sheet: str) -> str:
        kind = cell.get("t") or "n"
        if kind == "inlineStr":
            inline = cell.find(f"{_MAIN}is")
            return self._string_item(inline) if inline is not None else ""
        value = cell.findtext(f"{_MAIN}v")
        if value is None:
            return ""
        if kind == "s":
            try:
                return strings[int(value)]
            except (ValueError, IndexError):
                raise MalformedFileError(self.path, f"{sheet}: cell {cell.get('r') or '?'} refers to shared "
                                                    f"string {value[:20]!r}, which does not exist") from None
        if kind == "n":
            return _cell_text(_number(value))
        if kind == "b":
            return "TRUE" if value.strip() == "1" else "FALSE"
        return value                  # str (a formula's text), e (an error such as #N/A), d (an ISO date)


def _number(value: str) -> object:
    try:
        number = float(value)
    except ValueError:
        return value
    return int(number) if number.is_integer() and abs(number) < 1e15 else number


def _column_of(reference: str | None, position: int, path: Path, sheet: str) -> int:
    """The 0-based column of a cell reference such as "C5" (its position in the row when it has none)."""
    if not reference:
        return position
    letters = ""
    for character in reference:
        if "A" <= character <= "Z":
            letters += character
        else:
            break
    column = 0
    for character in letters[:4]:
        column = column * 26 + ord(character) - 64
    if not letters or len(letters) > 3 or column > MAX_XLSX_COLUMN:
        raise MalformedFileError(path, f"{sheet}: cell reference {reference[:20]!r} is not an Excel column "
                                       f"(A to XFD); is the workbook damaged?")
    return column - 1


@contextlib.contextmanager
def _workbook(path: Path, text_limit: int | None = None) -> Iterator["_Workbook"]:
    """An opened workbook whose first use found sheets; a damaged zip or a workbook without sheets is a
    MalformedFileError naming the file, and the archive is checked against bombs first."""
    from editor.errors import EditorError
    from editor.importing.zipped import ZIP_ERRORS, check_archive

    check_archive(path, "xlsx")
    try:
        workbook = _Workbook(path, text_limit) if text_limit is not None else _Workbook(path)
    except ZIP_ERRORS as exc:
        raise MalformedFileError(path, f"cannot read the workbook ({exc})") from None
    try:
        if not workbook.sheets():
            raise MalformedFileError(path, "the workbook lists no worksheets; is it an .xlsx file?")
        yield workbook
    except EditorError:
        raise
    except ZIP_ERRORS as exc:
        raise MalformedFileError(path, f"the workbook is damaged ({type(exc).__name__}: {exc})") from None
    finally:
        workbook.close()


def xlsx_sheet_rows(path: Path, text_limit: int | None = None) -> list[tuple[int, list[str]]]:
    """(row number, cell texts) of each row with text of a workbook's first sheet, streamed as xlsx_records
    reads (no allocation by a number from the file, DTDs refused, text counted against `text_limit`).
    Raises MalformedFileError or InputFileError naming the file."""
    with _workbook(path, text_limit) as workbook:
        return list(workbook.numbered_rows(workbook.sheets()[0], workbook.shared_strings()))


def xlsx_first_row(path: Path) -> list[str]:
    """The first non-empty row of an .xlsx workbook's first sheet (empty when there is none)."""
    from editor.file_checks import MAX_ALIGNMENT_INPUT_BYTES

    with _workbook(path, MAX_ALIGNMENT_INPUT_BYTES) as workbook:    # an alignment table may hold more text
        return [cell[0] for cell in next(workbook.rows(workbook.sheets()[0], workbook.shared_strings()), [])]


def xlsx_records(path: Path) -> list[Paragraph]:
    """Return the rows of every sheet of an .xlsx workbook as records (see table_records).

    Raises MalformedFileError for a damaged workbook or one too large to be a text, InputFileError for one
    holding more text than the input limit.
    """
    out: list[Paragraph] = []
    with _workbook(path) as workbook:
        strings = workbook.shared_strings()
        cells = 0
        for sheet in workbook.sheets():
            rows = []
            for row in workbook.rows(sheet, strings):
                cells += len(row)
                if cells > MAX_TABLE_CELLS:
                    raise MalformedFileError(path, f"the workbook has more than {MAX_TABLE_CELLS} cells")
                rows.append(row)
            out.extend(table_records(rows))
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
