"""A small fuzz test per importer (issue 26): hypothesis mutates a valid hand-made document's XML or zip
members, its counts (space counts, repeats, row numbers, column letters, timings), nesting and sizes. Every
run either reads every paragraph, in order, or refuses the file with an InputFileError naming it (exit 2 in
the CLI): never another exception (exit 1), never text dropped without a word."""

from __future__ import annotations

import io
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.errors import InputFileError
from editor.importing import load_document
from tests.hostile import bombs

FUZZ = settings(max_examples=int(__import__("os").environ.get("DUIQI_FUZZ_EXAMPLES", "25")), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                       HealthCheck.too_slow])
markers = st.lists(st.integers(0, 10_000), min_size=1, max_size=12, unique=True).map(
    lambda ns: [f"第{n}号句子在这里。" for n in ns])
junk = st.one_of(st.integers(-5, 10 ** 12).map(str), st.sampled_from(["", "many", "1e9", "0x10", " 7 ", "-0"]))


def read_or_refuse(path, expected: list[str]) -> None:
    """The document reads every marker in order, or is refused naming the file."""
    try:
        document = load_document(path)
    except InputFileError as exc:
        assert str(path) in str(exc)
        return
    text = "\n".join(document.paragraphs)
    position = 0
    for marker in expected:
        found = text.find(marker, position)
        assert found >= 0, (marker, text[:500])
        position = found + len(marker)


@FUZZ
@given(texts=markers, counts=st.lists(junk, min_size=1, max_size=12), levels=st.lists(junk, min_size=1),
       depth=st.integers(0, 300))
def test_odt(tmp_path_factory, texts, counts, levels, depth):
    body = f'<text:h text:outline-level="{levels[0]}">标题</text:h>'
    for k, text in enumerate(texts):
        inner = f'{text[:2]}<text:s text:c="{counts[k % len(counts)]}"/>{text[2:]}'
        inner = "<text:span>" * depth + inner + "</text:span>" * depth
        body += f"<text:p>{inner}</text:p>"
    path = bombs.write_odt(tmp_path_factory.mktemp("odt") / "f.odt", body)
    try:
        document = load_document(path)
    except InputFileError as exc:
        assert str(path) in str(exc)
        return
    joined = "\n".join(p.replace(" ", "") for p in document.paragraphs)
    assert all(t in joined for t in texts)


@FUZZ
@given(texts=markers, repeats=st.integers(1, 3000), depth=st.integers(0, 3000), unclosed=st.booleans(),
       chapters=st.integers(1, 4))
def test_epub(tmp_path_factory, texts, repeats, depth, unclosed, chapters):
    close = "" if unclosed else "</div>" * depth
    bodies = {f"c{k}": "<div>" * depth + "".join(f"<p>{k}:{t}</p>" for t in texts) + close
              for k in range(chapters)}
    spine = [key for key in bodies for _ in range(repeats if key == "c0" else 1)]
    path = bombs.write_epub(tmp_path_factory.mktemp("epub") / "f.epub", bodies, spine)
    read_or_refuse(path, [f"{k}:{t}" for k in range(chapters) for t in texts])


@FUZZ
@given(texts=markers, rows=st.lists(st.integers(1, 2 * 10 ** 9), min_size=12, max_size=12, unique=True),
       columns=st.lists(st.sampled_from(["A", "B", "Z", "AA", "XFD", "XFE", "ZZZZ", ""]), min_size=12, max_size=12),
       shared=st.booleans(), bad_index=st.booleans())
def test_xlsx(tmp_path_factory, texts, rows, columns, shared, bad_index):
    cells, strings = [], []
    for text, row, column in zip(texts, sorted(rows), columns):
        reference = f"{column}{row}" if column else ""
        attribute = f' r="{reference}"' if reference else ""
        if shared:
            strings.append(f"<si><t>{text}</t></si>")
            cells.append(f'<row r="{row}"><c{attribute} t="s"><v>{len(strings) - 1}</v></c></row>')
        else:
            cells.append(f'<row r="{row}"><c{attribute} t="inlineStr"><is><t>{text}</t></is></c></row>')
    if bad_index:
        cells.append('<row><c t="s"><v>99999</v></c></row>')
    sst = (f'<sst xmlns="{bombs.XLSX_MAIN}">' + "".join(strings) + "</sst>").encode() if shared else None
    path = bombs.write_xlsx(tmp_path_factory.mktemp("xlsx") / "f.xlsx", bombs.sheet_xml("".join(cells)), sst)
    read_or_refuse(path, texts)


@FUZZ
@given(texts=markers, depth=st.integers(0, 3000), tag=st.sampled_from(["div", "font", "span", "p", "table"]),
       unclosed=st.booleans())
def test_html(tmp_path_factory, texts, depth, tag, unclosed):
    close = "" if unclosed else f"</{tag}>" * depth
    page = ("<html><body>" + f"<{tag}>" * depth + "".join(f"<p>{t}</p>" for t in texts) + close
            + "</body></html>")
    path = tmp_path_factory.mktemp("html") / "f.html"
    path.write_text(page, encoding="utf-8")
    read_or_refuse(path, texts)


timestamp = st.tuples(st.booleans(), st.integers(0, 99), st.integers(0, 59), st.integers(0, 59),
                      st.integers(0, 999)).map(lambda t: f"{'-' if t[0] else ''}{t[1]:02d}:{t[2]:02d}:{t[3]:02d},{t[4]:03d}")


@FUZZ
@given(texts=markers, times=st.lists(st.tuples(timestamp, timestamp), min_size=12, max_size=12),
       numbers=st.lists(st.integers(-3, 10 ** 6), min_size=12, max_size=12))
def test_srt(tmp_path_factory, texts, times, numbers):
    cues = "".join(f"{n}\n{a} --> {b}\n{t}\n\n" for t, (a, b), n in zip(texts, times, numbers))
    path = tmp_path_factory.mktemp("srt") / "f.srt"
    path.write_text(cues, encoding="utf-8")
    read_or_refuse(path, texts)
    try:
        document = load_document(path)
    except InputFileError:
        return
    assert not any("-->" in p for p in document.paragraphs)          # a timing line is never text


@FUZZ
@given(lines=st.lists(st.text(alphabet="abcdefghij ", min_size=1, max_size=30).map(lambda s: "Line " + s.strip()),
                      min_size=1, max_size=8),
       padding=st.sampled_from([0, 10, 10 ** 6, 70 * 2 ** 20]))
def test_pdf(tmp_path_factory, lines, padding):
    path = bombs.write_pdf(tmp_path_factory.mktemp("pdf") / "f.pdf", bombs.pdf_text(lines), deflated_size=padding)
    try:
        document = load_document(path)
    except InputFileError as exc:
        assert str(path) in str(exc)
        assert padding > 64 * 2 ** 20, exc               # only the bomb is refused
        return
    assert " ".join(document.paragraphs).replace(" ", "") == "".join(lines).replace(" ", "")


def _valid(kind: str, folder, texts: list[str]):
    if kind == "odt":
        return bombs.write_odt(folder / "v.odt", "".join(f"<text:p>{t}</text:p>" for t in texts))
    if kind == "epub":
        return bombs.write_epub(folder / "v.epub", {"c": "".join(f"<p>{t}</p>" for t in texts)}, ["c"])
    rows = "".join(f'<row r="{k + 1}">{bombs.inline_cell(f"A{k + 1}", t)}</row>' for k, t in enumerate(texts))
    return bombs.write_xlsx(folder / "v.xlsx", bombs.sheet_xml(rows))


@FUZZ
@given(kind=st.sampled_from(["odt", "epub", "xlsx"]), texts=markers, data=st.data())
def test_damaged_zip_archives(tmp_path_factory, kind, texts, data):
    """Bytes of the archive flipped, or the file cut short: the sizes and checksums in the zip then lie."""
    path = _valid(kind, tmp_path_factory.mktemp(kind), texts)
    raw = bytearray(path.read_bytes())
    if data.draw(st.booleans(), label="cut"):
        raw = raw[:data.draw(st.integers(1, len(raw) - 1), label="at")]
    else:
        for _ in range(data.draw(st.integers(1, 8), label="flips")):
            raw[data.draw(st.integers(0, len(raw) - 1))] ^= data.draw(st.integers(1, 255))
    path.write_bytes(bytes(raw))
    try:
        document = load_document(path)
    except InputFileError as exc:
        assert str(path) in str(exc)
        return
    assert document.paragraphs           # read: whatever text a damaged member still gives


@FUZZ
@given(kind=st.sampled_from(["odt", "epub", "xlsx"]), texts=markers, data=st.data())
def test_mutated_xml_members(tmp_path_factory, kind, texts, data):
    """One XML member of the archive cut, or given a DTD, an extra level of nesting or a junk attribute."""
    path = _valid(kind, tmp_path_factory.mktemp(kind), texts)
    with zipfile.ZipFile(path) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    name = data.draw(st.sampled_from(sorted(n for n in members if n.endswith((".xml", ".xhtml", ".opf", ".rels")))))
    xml = members[name].decode("utf-8")
    mutation = data.draw(st.sampled_from(["cut", "dtd", "wrap", "attribute"]))
    if mutation == "cut":
        xml = xml[:data.draw(st.integers(0, len(xml) - 1))]
    elif mutation == "dtd":
        body = xml.split("?>", 1)[-1]
        xml = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>' + body
    elif mutation == "wrap":
        start = xml.find("<", xml.find("?>") + 1 if "?>" in xml else 0)
        end = xml.find(">", start)
        if start >= 0 and end > start:
            xml = xml[:end + 1] + "<x>" * 50 + xml[end + 1:]
            xml = xml[:xml.rfind("</")] + "</x>" * 50 + xml[xml.rfind("</"):]
    else:
        xml = xml.replace(">", ' r="99999999999999999999" count="-1">', 3)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, content in members.items():
            archive.writestr(member, xml.encode("utf-8") if member == name else content)
    path.write_bytes(buffer.getvalue())
    try:
        document = load_document(path)
    except InputFileError as exc:
        assert str(path) in str(exc)
        return
    if mutation in ("wrap", "attribute"):      # still the same text: all of it is read
        joined = "\n".join(document.paragraphs)
        assert all(t in joined for t in texts), (name, mutation)
