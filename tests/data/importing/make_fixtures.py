"""Write the binary fixtures of the layout tests (hand-made texts, no books): .docx, .odt, .epub, .xlsx, .pdf.

Run from the repository root: `python tests/data/importing/make_fixtures.py` (the PDFs need LibreOffice:
`soffice --headless --convert-to pdf`, which embeds a CJK font such as Noto Serif CJK).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent

# -- .docx ------------------------------------------------------------------------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOCX_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
</Types>"""
DOCX_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""
DOC_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>"""
# Localised Word: the style id is "1", its name "heading 1" (Chinese Word shows it as 标题 1).
DOCX_STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W_NS}">
<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
</w:styles>"""


def _w_p(text: str, style: str | None = None) -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def _w_table(rows: list[list[str]]) -> str:
    cells = "".join("<w:tr>" + "".join(f"<w:tc>{''.join(_w_p(p) for p in cell.split(chr(10)))}</w:tc>"
                                       for cell in row) + "</w:tr>" for row in rows)
    return f"<w:tbl>{cells}</w:tbl>"


def write_docx(path: Path, body: str) -> None:
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                f'<w:document xmlns:w="{W_NS}"><w:body>{body}<w:sectPr/></w:body></w:document>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", DOCX_TYPES)
        z.writestr("_rels/.rels", DOCX_RELS)
        z.writestr("word/_rels/document.xml.rels", DOC_RELS)
        z.writestr("word/document.xml", document)
        z.writestr("word/styles.xml", DOCX_STYLES)


TABLE_ROWS = [
    ["1", "读者可以在一楼借书。", "Readers can borrow books on the ground floor."],
    ["2", "阅览室每天开放。周一上午除外。", "The reading rooms open every day. Monday mornings are an exception."],
    ["3", "他们使用Python和Excel管理借阅记录。", "They use Python and Excel to manage the loan records."],
    ["4", "儿童区在二楼。", "The children's area is on the first floor."],
]


def bilingual_table_docx() -> None:
    body = (_w_p("借阅须知", "1") + _w_p("Borrowing rules", "1")
            + _w_table([["编号", "中文", "English"]] + TABLE_ROWS)
            + _w_p("如有问题，请联系前台。") + _w_p("If you have questions, ask at the front desk."))
    write_docx(HERE / "bilingual_table.docx", body)


# -- .odt -------------------------------------------------------------------------------------------

ODT_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>"""
ODT_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"')


def _odt_text(text: str) -> str:
    # a real line break where the text has "\n"; runs of spaces as text:s
    return "<text:line-break/>".join(escape(part) for part in text.split("\n"))


def write_odt(path: Path, body: str) -> None:
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODT_NS} office:version="1.2">'
               '<office:automatic-styles/><office:body><office:text>'
               f'{body}</office:text></office:body></office:document-content>')
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        z.writestr("META-INF/manifest.xml", ODT_MANIFEST, zipfile.ZIP_DEFLATED)
        z.writestr("content.xml", content, zipfile.ZIP_DEFLATED)


def _h(text: str, level: int = 1) -> str:
    return f'<text:h text:outline-level="{level}">{_odt_text(text)}</text:h>'


def _p(text: str) -> str:
    return f"<text:p>{_odt_text(text)}</text:p>"


def bilingual_odt() -> None:
    rows = "".join("<table:table-row>" + "".join(f"<table:table-cell>{_p(c)}</table:table-cell>" for c in row[1:])
                   + "</table:table-row>" for row in TABLE_ROWS[:2])
    body = (_h("第一章 新馆") + _h("Chapter One: The New Library")
            + _p("河畔图书馆于三月开放。馆长介绍说，新馆藏书约十二万册。")
            + _p("The Riverside Library opened in March. The director said it holds about 120,000 books.")
            + _p("图书馆每天上午九点开门。The library opens at 9 a.m. every day.")
            + '<table:table table:name="rules"><table:table-column table:number-columns-repeated="2"/>'
            + rows + "</table:table>"
            + _h("附录") + _p("开放时间如有变化，将另行通知。") + _p("Changes to the opening hours will be announced."))
    write_odt(HERE / "bilingual.odt", body)


REPORT = {
    "zh": ["第一章 年度报告",
           "今年图书馆共接待读者四十二万人次，比去年增加百分之十二。",
           "新开设的翻译工作坊吸引了许多年轻译者。每期二十人，名额很快报满。",
           "第二章 明年计划",
           "明年我们将延长周末的开放时间，并增加电子书的数量。"],
    "en": ["Chapter One: Annual Report",
           "This year the library welcomed 420,000 visitors, twelve percent more than last year.",
           "The new translation work-\nshop attracted many young translators. Each session takes twenty "
           "people, and the places filled up quickly.",
           "Chapter Two: Plans for Next Year",
           "Next year we will extend the weekend opening hours and add more e-books."],
}


def report_pdfs() -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit("LibreOffice (soffice) is needed to make the PDF fixtures")
    with tempfile.TemporaryDirectory() as tmp:
        for lang, paragraphs in REPORT.items():
            odt = Path(tmp) / f"report-{lang}.odt"
            write_odt(odt, "".join(_h(p) if p.startswith(("第", "Chapter")) else _p(p) for p in paragraphs))
            subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp}/profile",
                            "--convert-to", "pdf", "--outdir", tmp, str(odt)], check=True, capture_output=True)
            shutil.copy(Path(tmp) / f"report-{lang}.pdf", HERE / f"report-{lang}.pdf")
        # a "scanned" PDF: a page with no text layer
        empty = Path(tmp) / "scanned.odt"
        write_odt(empty, "<text:p/>")
        subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp}/profile",
                        "--convert-to", "pdf", "--outdir", tmp, str(empty)], check=True, capture_output=True)
        shutil.copy(Path(tmp) / "scanned.pdf", HERE / "scanned.pdf")


# -- .epub ------------------------------------------------------------------------------------------

BOOK = {
    "zh": [("第一章 出发", ["清晨，船离开了港口。", "林先生站在甲板上，望着渐渐远去的城市。"]),
           ("第二章 风暴", ["第三天夜里，海上起了风暴。", "船员们整夜没有睡觉。天亮时，风终于停了。"]),
           ("第三章 到达", ["一周后，他们看见了陆地。", "林先生写信告诉妻子，他平安到达了。"])],
    "en": [("Chapter One: Departure", ["In the early morning the ship left the harbour.",
                                       "Mr Lin stood on the deck and watched the city fade away."]),
           ("Chapter Two: The Storm", ["On the third night a storm rose at sea.",
                                       "The crew did not sleep all night. At dawn the wind finally dropped."]),
           ("Chapter Three: Arrival", ["A week later they saw land.",
                                       "Mr Lin wrote to his wife that he had arrived safely."])],
}


def write_epub(path: Path, lang: str, chapters: list[tuple[str, list[str]]]) -> None:
    xhtml = ('<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml" xml:lang="{lang}">'
             "<head><title>{title}</title><style>p {{ text-indent: 2em; }}</style></head><body>{body}</body></html>")
    items, refs = [], []
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip")
        z.writestr("META-INF/container.xml", '<?xml version="1.0"?><container version="1.0" '
                   'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile '
                   'full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>',
                   zipfile.ZIP_DEFLATED)
        z.writestr("OEBPS/cover.xhtml", xhtml.format(lang=lang, title="cover",
                                                     body='<div><img src="cover.png" alt=""/></div>'),
                   zipfile.ZIP_DEFLATED)
        z.writestr("OEBPS/nav.xhtml", xhtml.format(lang=lang, title="nav", body="<nav><ol>" + "".join(
            f"<li>{escape(t)}</li>" for t, _ in chapters) + "</ol></nav>"), zipfile.ZIP_DEFLATED)
        items += ['<item id="cover" href="cover.xhtml" media-type="application/xhtml+xml"/>',
                  '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>']
        refs += ['<itemref idref="cover"/>', '<itemref idref="nav" linear="no"/>']
        for n, (title, paragraphs) in enumerate(chapters, start=1):
            body = f"<h1>{escape(title)}</h1>" + "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
            z.writestr(f"OEBPS/text/ch{n}.xhtml", xhtml.format(lang=lang, title=escape(title), body=body),
                       zipfile.ZIP_DEFLATED)
            items.append(f'<item id="ch{n}" href="text/ch{n}.xhtml" media-type="application/xhtml+xml"/>')
            refs.append(f'<itemref idref="ch{n}"/>')
        opf = ('<?xml version="1.0" encoding="utf-8"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" '
               'unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
               f'<dc:identifier id="id">duiqi-test-{lang}</dc:identifier><dc:title>Voyage</dc:title>'
               f'<dc:language>{lang}</dc:language></metadata><manifest>{"".join(items)}</manifest>'
               f'<spine>{"".join(refs)}</spine></package>')
        z.writestr("OEBPS/content.opf", opf, zipfile.ZIP_DEFLATED)


def books() -> None:
    for lang, chapters in BOOK.items():
        write_epub(HERE / f"book-{lang}.epub", lang, chapters)


def glossary_xlsx() -> None:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["中文", "English", "备注"])
    for row in TABLE_ROWS:
        sheet.append([row[1], row[2], None])
    workbook.save(HERE / "glossary.xlsx")


if __name__ == "__main__":
    bilingual_table_docx()
    bilingual_odt()
    books()
    glossary_xlsx()
    report_pdfs()
