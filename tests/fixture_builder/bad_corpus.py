"""A generated corpus of broken, hostile and odd input files (issue 12, item 8), made at test time from the
committed fixtures, each kind with its expected outcome.

``build(folder, outside)`` writes every kind into ``folder`` (small: well under 2 MB in all) and a sentinel
file into ``outside`` that no kind may ever bring into the database (links, XML external entities, …);
``KINDS`` is the one table of kind → file name, expected status and reason fragment or flag. Files whose
suffix a folder walk does not pick up (.docm, .wps) are named on the command line (``named``).

``python -m tests.fixture_builder.bad_corpus DIR`` writes the corpus into DIR/corpus and DIR/outside.
"""

from __future__ import annotations

import gzip
import io
import os
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
TEXT = FIXTURES / "baoshan-2020-text" / "baoshan-2020-report.txt"
DOCX = FIXTURES / "hejiang-2022" / "hejiang-2022.docx"
PDF = FIXTURES / "hejiang-2022" / "hejiang-2022.pdf"
HTML = FIXTURES / "hejiang-2022" / "hejiang-2022.html"
DOC = FIXTURES / "hejiang-2022" / "hejiang-2022.doc"
OFD = FIXTURES / "ofd" / "xuhui-2019-broken" / "xuhui-2019-broken.ofd"
SENTINEL = "SENTINEL-outside-9f3c 这行字绝不能进入数据库"


@dataclass(frozen=True)
class Kind:
    name: str
    file: str  # relative to the corpus folder
    status: str  # ingested | failed | not_report | skipped | unchanged
    expect: str = ""  # a fragment of the reason (failed, not_report, skipped, unchanged), or a flag kind (ingested)
    named: bool = False  # named on the command line: a folder walk does not pick its suffix up


# --- bytes of each kind ----------------------------------------------------------------------------------------


def _zip(members: dict[str, bytes], *, compression=zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return out.getvalue()


def _docx_members() -> dict[str, bytes]:
    with zipfile.ZipFile(DOCX) as z:
        return {n: z.read(n) for n in z.namelist()}


def _docx_with_document(xml: bytes) -> bytes:
    members = _docx_members()
    members["word/document.xml"] = xml
    return _zip(members)


def _ofd_members() -> dict[str, bytes]:
    with zipfile.ZipFile(OFD) as z:
        return {n: z.read(n) for n in z.namelist()}


def _ofd_with_root(xml: bytes) -> bytes:
    members = _ofd_members()
    members["OFD.xml"] = xml
    return _zip(members)


_W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _laughs(root: bytes) -> bytes:
    ents = b'<!ENTITY lol "lol">' + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10) for i in range(1, 10))
    return b'<?xml version="1.0"?><!DOCTYPE r [' + ents + b"]>" + root.replace(b"LAUGHS", b"&lol9;")


def _xxe(root: bytes, outside: Path) -> bytes:
    uri = (outside / "secret.txt").resolve().as_uri().encode()
    return (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "' + uri + b'">]>'
            + root.replace(b"LAUGHS", b"&xxe;"))


_DOC_XML = (b'<w:document ' + _W + b'><w:body><w:p><w:r><w:t>2022\xe5\xb9\xb4LAUGHS</w:t></w:r></w:p>'
            b"</w:body></w:document>")
_OFD_XML = (b'<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0"><ofd:DocBody><ofd:DocInfo>'
            b"<ofd:Title>LAUGHS</ofd:Title></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>"
            b"</ofd:DocBody></ofd:OFD>")
_HTML_XML = (b"<html><head><title>t</title></head><body><p>LAUGHS</p><table><tr><td>1</td></tr></table>"
             b"</body></html>")


def _zip_bomb() -> bytes:
    """A DOCX whose document.xml inflates to 1 GiB of spaces from about 1 MB (deflate's 1:1032 at most)."""
    members = _docx_members()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            if name != "word/document.xml":
                z.writestr(name, data)
        with z.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(b'<?xml version="1.0"?><w:document ' + _W + b"><w:body>")
            chunk = b" " * (1 << 20)
            for _ in range(1024):
                member.write(chunk)
            member.write(b"</w:body></w:document>")
    return out.getvalue()


def _encrypted_pdf(user_password: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(PDF))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _zero_page_pdf() -> bytes:
    from pypdf import PdfWriter

    out = io.BytesIO()
    PdfWriter().write(out)
    return out.getvalue()


def _pdf_without_trailer() -> bytes:
    data = PDF.read_bytes()
    return data[:data.rindex(b"xref")]  # the cross-reference table, trailer and %%EOF cut off


def _cut_html_in_table() -> bytes:
    """The page cut off in the middle of its requests table (三、…申请情况): the rest of the file is gone."""
    page = _html_utf8()
    second = [i for i in range(len(page)) if page.startswith(b"<table", i)][1]
    return page[:(second + page.index(b"</table>", second)) // 2]


def _unclosed_body() -> bytes:
    page = _html_utf8()
    for tag in (b"</html>", b"</body>", b"</HTML>", b"</BODY>"):
        page = page.replace(tag, b"")
    return page


def _text_cell(cell_text: str) -> bytes:
    lines = TEXT.read_text(encoding="utf-8").split("\n")
    i = next(i for i, line in enumerate(lines) if line.startswith("一、本年新收政府信息公开申请数量"))
    lines[i] = lines[i].replace("\t36\t", f"\t{cell_text}\t", 1)
    return "\n".join(lines).encode("utf-8")


def _lying_charset(real: str, declared: str) -> bytes:
    import re

    page = _html_text()

    page = re.sub(r"<meta[^>]*charset[^>]*>", "", page, flags=re.I)
    page = page.replace("<head>", f'<head><meta charset="{declared}">', 1)
    return page.encode(real, errors="replace")


def _html_text() -> str:
    data = HTML.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030")


def _html_utf8() -> bytes:
    return _html_text().replace('charset="gbk"', 'charset="utf-8"').encode("utf-8")


def _deep_html(depth: int) -> bytes:
    return (b"<html><body>" + b"<div>" * depth + "政府信息公开".encode() + b"</div>" * depth
            + b"</body></html>")


KINDS: list[Kind] = [
    Kind("empty text file", "empty.txt", "failed", "empty file"),
    Kind("0-byte .docx", "empty.docx", "failed", "empty file"),
    Kind("0-byte .pdf", "empty.pdf", "failed", "empty file"),
    Kind("whitespace-only page", "blank.html", "failed", "empty file"),
    Kind("PNG named .pdf", "image.pdf", "failed", "named .pdf"),
    Kind("PDF cut in half", "half.pdf", "failed", "truncated"),
    Kind("PDF without its trailer", "no-trailer.pdf", "ingested", "truncated"),  # PDFium rebuilds its xref: read, flagged
    Kind("PDF whose last line (%%EOF) is cut off", "no-eof.pdf", "ingested", "truncated"),
    Kind("PDF with a user password", "user-password.pdf", "failed", "password"),
    Kind("PDF with no pages", "zero-pages.pdf", "failed", "no pages"),
    Kind("PDF header then garbage", "garbage.pdf", "failed", "PDF"),
    Kind("text named .docx", "not-zip.docx", "failed", "named .docx"),
    Kind("DOCX zip cut short", "cut.docx", "failed", "ZIP"),
    Kind("DOCX zip bomb (1 GiB document.xml)", "bomb.docx", "failed", "uncompressed"),
    Kind("DOCX billion laughs", "laughs.docx", "failed", "DOCTYPE"),
    Kind("DOCX external entity (XXE)", "xxe.docx", "failed", "DOCTYPE"),
    Kind("DOCX with malformed document.xml", "bad-xml.docx", "failed", "docx"),
    Kind("zip without word/document.xml named .docx", "other-zip.docx", "failed", "holds a ZIP"),
    Kind("legacy .doc named .docx", "legacy.docx", "failed", "named .docx but holds a DOC"),
    Kind("macro-enabled .docm", "report.docm", "ingested", ""),  # walked: .docm is a report suffix
    Kind("WPS Writer .wps (OLE)", "report.wps", "ingested", ""),  # walked: .wps is a report suffix
    Kind("OFD billion laughs", "laughs.ofd", "failed", "DOCTYPE"),
    Kind("OFD external entity (XXE)", "xxe.ofd", "failed", "DOCTYPE"),
    Kind("OFD zip cut short", "cut.ofd", "failed", "not a readable OFD"),
    Kind("text named .ofd", "not-zip.ofd", "failed", "named .ofd"),
    Kind("HTML billion laughs", "laughs.html", "not_report", ""),
    Kind("HTML external entity (XXE)", "xxe.html", "not_report", ""),
    Kind("GBK page declaring UTF-8", "gbk-says-utf8.html", "ingested", ""),
    Kind("UTF-8 page declaring GB2312", "utf8-says-gb2312.html", "ingested", ""),
    Kind("gzip bytes named .html", "gzipped.html", "failed", "gzip"),
    Kind("page cut inside its standard table", "cut-table.html", "ingested", "truncated"),
    Kind("page that never closes <body>", "unclosed-body.html", "ingested", ""),
    Kind("deeply nested page (5,000 divs)", "deep.html", "failed", "nested over"),
    Kind("page with NUL bytes", "nul-bytes.html", "ingested", ""),
    Kind("GBK bytes in the file name", "gbk-name", "ingested", ""),
    Kind("huge single line (2 MB)", "one-line.txt", "not_report", ""),
    Kind("binary garbage named .txt", "garbage.txt", "failed", "binary"),
    Kind("UTF-16 text without BOM", "utf16.txt", "ingested", ""),
    Kind("UTF-32 text with BOM", "utf32.txt", "ingested", ""),
    Kind("a cell printed 1e20", "cell-1e20.txt", "ingested", "unreadable"),
    Kind("a malformed numeral in a cell", "cell-malformed.txt", "ingested", "unreadable"),
    Kind("not a report (a notice)", "notice.txt", "not_report", ""),
    Kind("Markdown with no report", "notes.md", "not_report", ""),
    Kind("upper-case .PDF suffix", "UPPER.PDF", "ingested", ""),
    Kind("byte-identical copy", "z-copy-of-report.txt", "unchanged", "duplicate of"),
    Kind("directory named x.pdf (its report walked)", "x.pdf/inner.txt", "ingested", ""),
    Kind("link to a file outside the folder", "link-out.txt", "skipped", "outside the folder"),
    Kind("FIFO named .txt", "fifo.txt", "skipped", "FIFO"),
]


def _builders(outside: Path) -> dict[str, Callable[[], bytes]]:
    text = TEXT.read_bytes()
    return {
        "empty.txt": lambda: b"", "empty.docx": lambda: b"", "empty.pdf": lambda: b"",
        "blank.html": lambda: b"  \n\t\n",
        "image.pdf": lambda: b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(200),
        "half.pdf": lambda: PDF.read_bytes()[:len(PDF.read_bytes()) // 2],
        "no-trailer.pdf": _pdf_without_trailer,
        "no-eof.pdf": lambda: PDF.read_bytes()[:PDF.read_bytes().rindex(b"%%EOF")],
        "user-password.pdf": lambda: _encrypted_pdf("secret"),
        "zero-pages.pdf": _zero_page_pdf,
        "garbage.pdf": lambda: b"%PDF-1.4\n" + os.urandom(0) + b"this is no PDF body at all\n" * 50,
        "not-zip.docx": lambda: "这不是一个Word文件。".encode() * 20,
        "cut.docx": lambda: DOCX.read_bytes()[:len(DOCX.read_bytes()) * 2 // 3],
        "bomb.docx": _zip_bomb,
        "laughs.docx": lambda: _docx_with_document(_laughs(_DOC_XML)),
        "xxe.docx": lambda: _docx_with_document(_xxe(_DOC_XML, outside)),
        "bad-xml.docx": lambda: _docx_with_document(b"<w:document " + _W + b"><w:body><w:p>unclosed"),
        "other-zip.docx": lambda: _zip({"readme.txt": b"hello"}),
        "legacy.docx": lambda: DOC.read_bytes(),
        "report.docm": lambda: DOCX.read_bytes(),
        "report.wps": lambda: DOC.read_bytes(),
        "laughs.ofd": lambda: _ofd_with_root(_laughs(_OFD_XML)),
        "xxe.ofd": lambda: _ofd_with_root(_xxe(_OFD_XML, outside)),
        "cut.ofd": lambda: OFD.read_bytes()[:len(OFD.read_bytes()) // 2],
        "not-zip.ofd": lambda: "不是OFD".encode() * 30,
        "laughs.html": lambda: _laughs(_HTML_XML),
        "xxe.html": lambda: _xxe(_HTML_XML, outside),
        "gbk-says-utf8.html": lambda: _lying_charset("gb18030", "utf-8"),
        "utf8-says-gb2312.html": lambda: _lying_charset("utf-8", "gb2312"),
        "gzipped.html": lambda: gzip.compress(HTML.read_bytes(), mtime=0),
        "cut-table.html": _cut_html_in_table,
        "unclosed-body.html": _unclosed_body,
        "deep.html": lambda: _deep_html(5_000),
        "nul-bytes.html": lambda: HTML.read_bytes().replace(b"<p", b"\x00<p", 5),
        "one-line.txt": lambda: "政府信息公开" .encode() * (2_000_000 // 18),
        "garbage.txt": lambda: bytes(range(256)) * 40,
        "utf16.txt": lambda: text.decode("utf-8").encode("utf-16-le"),
        "utf32.txt": lambda: text.decode("utf-8").encode("utf-32"),
        "cell-1e20.txt": lambda: _text_cell("1e20"),
        "cell-malformed.txt": lambda: _text_cell("万万万万陆"),
        "notice.txt": lambda: "关于做好2020年政府信息公开工作年度报告编制发布工作的通知\n各区人民政府：请于1月31日前报送。\n"
        .encode(),
        "notes.md": lambda: "# 会议纪要\n\n| a | b |\n|---|---|\n| x | y |\n".encode(),
        "UPPER.PDF": lambda: PDF.read_bytes(),
        "report.txt": lambda: text,
        "z-copy-of-report.txt": lambda: text,
        "x.pdf/inner.txt": lambda: _text_cell("37"),
    }


GBK_NAME = "报告-gbk.txt".encode("gbk")  # not UTF-8: the file name's bytes as a GBK system wrote them


def build(folder: Path, outside: Path) -> None:
    """Every kind into ``folder`` (plus report.txt, the original of the copy), the sentinel into ``outside``."""
    folder.mkdir(parents=True, exist_ok=True)
    outside.mkdir(parents=True, exist_ok=True)
    (outside / "secret.txt").write_text(SENTINEL, encoding="utf-8")
    for name, make in _builders(outside).items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(make())
    with open(os.path.join(os.fsencode(folder), GBK_NAME), "wb") as file:
        file.write(_text_cell("35"))
    (folder / "link-out.txt").symlink_to(outside / "secret.txt")
    os.mkfifo(folder / "fifo.txt")


def kind_path(folder: Path, kind: Kind) -> str:
    """The path an outcome of ``kind`` carries (the GBK-named file's as os.fsdecode gives it)."""
    if kind.file == "gbk-name":  # stored and reported as GB18030 read it (pipeline.ingest.printable_path)
        return str(folder / GBK_NAME.decode("gb18030"))
    return str(folder / kind.file)


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "bad-corpus")
    build(out / "corpus", out / "outside")
    print(f"{len(KINDS)} kinds in {out / 'corpus'}")
