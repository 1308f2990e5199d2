"""Hand-made fixtures of issue 24 (import artefacts), written at test time: a PDF pair with numbered headings
and a wrapped line, a .docx contract with a header row and /-joined cells, a Chinese and English contract
text with article numbers, a pinyin leftover and ASCII punctuation in Chinese.

Each fixture comes with the sentences a default import must give (EXPECTED), so the tests of the importers,
of the CLI and of the editor's import path assert the same thing.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from tests.importing.pdf_maker import Line, write_pdf

# -- a PDF pair: "1." in a box of its own, a sentence wrapped early at "Germany and" -----------------------

PDF_EN = [Line(72, 760, "1.", 14), Line(108, 760, "Company Overview", 14),
          Line(72, 730, "Duiqi Trading Ltd. was founded in 2010 and sells machine parts to customers"),
          Line(72, 716, "in Europe and Asia. Its main warehouses are in Hamburg, Germany and"),
          Line(72, 702, "Rotterdam, the Netherlands."),
          Line(72, 670, "2.", 14), Line(108, 670, "Scope of Services", 14),
          Line(72, 640, "We ship parts by sea and by rail. Orders placed before noon leave the same day.")]
PDF_ZH = [Line(72, 760, "1.", 14), Line(108, 760, "公司概况", 14),
          Line(72, 730, "对齐贸易有限公司成立于二〇一〇年，向欧洲和亚洲的客户销售机器零件。其主"),
          Line(72, 716, "要仓库位于德国汉堡和"),
          Line(72, 702, "荷兰鹿特丹。"),
          Line(72, 670, "2.", 14), Line(108, 670, "服务范围", 14),
          Line(72, 640, "我们通过海运和铁路运输零件。中午前下的订单当天发货。")]
PDF_SENTENCES = (
    ["1. 公司概况", "对齐贸易有限公司成立于二〇一〇年，向欧洲和亚洲的客户销售机器零件。",
     "其主要仓库位于德国汉堡和荷兰鹿特丹。", "2. 服务范围", "我们通过海运和铁路运输零件。", "中午前下的订单当天发货。"],
    ["1. Company Overview", "Duiqi Trading Ltd. was founded in 2010 and sells machine parts to customers in "
     "Europe and Asia.", "Its main warehouses are in Hamburg, Germany and Rotterdam, the Netherlands.",
     "2. Scope of Services", "We ship parts by sea and by rail.", "Orders placed before noon leave the same day."])
PDF_UNITS = list(zip(*PDF_SENTENCES))


def pdf_pair(folder: Path) -> list[Path]:
    return [write_pdf(folder / "company-zh.pdf", [PDF_ZH]), write_pdf(folder / "company-en.pdf", [PDF_EN])]


# -- a .docx contract: title "买卖合同 / Sales Contract", a clause table with the header row 中文 | English
#    (also styled as Word's repeated header row), a signature table of /-joined and line-broken cells ----------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_TYPES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
          'wordprocessingml.document.main+xml"/></Types>')
_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
         'officeDocument" Target="word/document.xml"/></Relationships>')


def _p(text: str) -> str:
    """A paragraph; "\n" in `text` is a line break (w:br)."""
    runs = "<w:r><w:br/></w:r>".join(f'<w:r><w:t xml:space="preserve">{escape(t)}</w:t></w:r>'
                                      for t in text.split("\n"))
    return f"<w:p>{runs}</w:p>"


def _table(rows: list[list[str]], header: bool = False) -> str:
    out = []
    for k, row in enumerate(rows):
        trpr = "<w:trPr><w:tblHeader/></w:trPr>" if header and k == 0 else ""
        out.append(f"<w:tr>{trpr}" + "".join(f"<w:tc>{_p(c)}</w:tc>" for c in row) + "</w:tr>")
    return f"<w:tbl>{''.join(out)}</w:tbl>"


CLAUSES = [["第一条 货物：卖方向买方出售机器零件一批。", "Article 1 Goods: The Seller sells a lot of machine parts to the Buyer."],
           ["第二条 价格：总价为十万美元。", "Article 2 Price: The total price is one hundred thousand US dollars."],
           ["第三条 交货：卖方应于六月底前交货。", "Article 3 Delivery: The Seller shall deliver the goods by the end of June."]]
DOCX_SENTENCES = (
    ["买卖合同", "第一条 货物：卖方向买方出售机器零件一批。", "第二条 价格：总价为十万美元。",
     "第三条 交货：卖方应于六月底前交货。", "甲方（盖章）", "乙方（盖章）", "签字", "日期"],
    ["Sales Contract", "Article 1 Goods: The Seller sells a lot of machine parts to the Buyer.",
     "Article 2 Price: The total price is one hundred thousand US dollars.",
     "Article 3 Delivery: The Seller shall deliver the goods by the end of June.",
     "Party A (Seal)", "Party B (Seal)", "Signature", "Date"])
DOCX_UNITS = list(zip(*DOCX_SENTENCES))


def contract_docx(folder: Path) -> list[Path]:
    body = (_p("买卖合同 / Sales Contract")
            + _table([["中文", "English"]] + CLAUSES, header=True)
            + _table([["甲方（盖章）/ Party A (Seal)", "乙方（盖章）／Party B (Seal)"],
                      ["签字\nSignature", "日期 | Date"]]))
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                f'<w:document xmlns:w="{W_NS}"><w:body>{body}<w:sectPr/></w:body></w:document>')
    path = folder / "contract.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _TYPES)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("word/document.xml", document)
    return [path]


# -- a Chinese and an English text with article numbers, a pinyin leftover, ASCII commas in Chinese -----------

ARTICLES_ZH = ("第一条 本合同由甲乙双方签订,自签字之日起生效。\n"
               "第二条 甲方负责对外联(lián)络工作。\n"
               "第三条 本合同一式两份,每份价值1,000元,详见www.example.com/terms。\n")
ARTICLES_EN = ("Article 1 This contract is signed by Party A and Party B and takes effect on the day it is signed.\n"
               "Article 2 Party A is responsible for external liaison.\n"
               "Article 3 This contract is made in two copies, each worth 1,000 yuan; see www.example.com/terms.\n")
ARTICLE_SENTENCES = (
    ["第一条 本合同由甲乙双方签订,自签字之日起生效。", "第二条 甲方负责对外联络工作。",
     "第三条 本合同一式两份,每份价值1,000元,详见www.example.com/terms。"],
    ["Article 1 This contract is signed by Party A and Party B and takes effect on the day it is signed.",
     "Article 2 Party A is responsible for external liaison.",
     "Article 3 This contract is made in two copies, each worth 1,000 yuan; see www.example.com/terms."])
ARTICLE_UNITS = list(zip(*ARTICLE_SENTENCES))


def article_texts(folder: Path) -> list[Path]:
    zh, en = folder / "articles-zh.txt", folder / "articles-en.txt"
    zh.write_text(ARTICLES_ZH, encoding="utf-8")
    en.write_text(ARTICLES_EN, encoding="utf-8")
    return [zh, en]


#: name -> (writer, the sentences a default import gives, the units an alignment gives)
FIXTURES = {"pdf": (pdf_pair, PDF_SENTENCES, PDF_UNITS),
            "docx": (contract_docx, DOCX_SENTENCES, DOCX_UNITS),
            "articles": (article_texts, ARTICLE_SENTENCES, ARTICLE_UNITS)}
