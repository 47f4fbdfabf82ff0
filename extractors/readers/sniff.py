"""Decide a file's format from its first bytes, checked against what its name promises."""

from __future__ import annotations

import io
import re
import zipfile

from extractors.readers.encoding import wide_encoding
from extractors.readers.errors import ReadError

_BY_SUFFIX = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".docm": "docx",  # macro-enabled Word: the same package; only its XML is read, macros never run
    ".doc": "doc",
    ".wps": "doc",  # Kingsoft WPS Writer: an OLE file LibreOffice converts as it does a .doc
    ".html": "html",
    ".htm": "html",
    ".shtml": "html",
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".ofd": "ofd",
}
REPORT_SUFFIXES = frozenset(_BY_SUFFIX)  # the file names a folder walk picks up
_FRAGMENT = re.compile(rb"<(?:p|div|span|h[1-6]|center|article|section|body|meta|font|strong|br|style)\b")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# A ZIP package (DOCX, OFD) is refused by the sizes its directory declares, before anything is inflated (a
# member is never inflated past its declared size). Real reports: document.xml of a few MB, a whole package
# with images some tens of MB; the caps are ten times that, so only a bomb reaches them.
MAX_ZIP_MEMBER = 256 * 2**20
MAX_ZIP_TOTAL = 1024 * 2**20


def sniff_format(name: str, data: bytes) -> str:
    if not data.strip():
        raise ReadError("empty file")
    found = _from_bytes(data)
    suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    promised = _BY_SUFFIX.get(suffix)
    if promised in ("pdf", "docx", "doc", "ofd") and found != promised:
        what = {"text": "plain text", "html": "an HTML page"}.get(found, f"a {found.upper()} file")
        raise ReadError(f"named {suffix} but holds {what}, not a {promised.upper()} file")
    if promised == "markdown" and found in ("text", "html"):  # Markdown may open with an HTML table
        return "markdown"
    if found == "zip":
        raise ReadError("a ZIP archive without word/document.xml: not a DOCX file")
    return found


def _from_bytes(data: bytes) -> str:
    head = data[:1024].lstrip()
    if head.startswith(b"%PDF-") or b"%PDF-" in data[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                check_zip_sizes(z.infolist())
                names = z.namelist()
                return "docx" if "word/document.xml" in names else "ofd" if "OFD.xml" in names else "zip"
        except zipfile.BadZipFile:
            raise ReadError("damaged ZIP container: not a readable DOCX file") from None
    if head.startswith(_OLE_MAGIC):
        return "doc"
    wide = wide_encoding(data)
    if wide:  # UTF-16/32 text or page: judged by its characters, not its NUL bytes
        head = data[:4096].decode(wide, errors="ignore").lstrip("\ufeff").lstrip().encode("utf-8")[:1024]
    lowered = head.lower()
    if lowered.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<html" in lowered or b"<table" in lowered:
        return "html"
    if _FRAGMENT.match(lowered.removeprefix(b"\xef\xbb\xbf")):  # an article cut out of a page: no <html>, no <head>
        return "html"
    if b"\x00" in data[:4096] and not wide:
        raise ReadError("binary data of an unknown format")
    return "text"


def check_zip_sizes(members: list[zipfile.ZipInfo]) -> None:
    """Raise :class:`ReadError` for a ZIP whose declared uncompressed sizes pass the caps (a zip bomb)."""
    big = max(members, key=lambda m: m.file_size, default=None)
    if big is not None and big.file_size > MAX_ZIP_MEMBER:
        raise ReadError(f"ZIP member {big.filename} would inflate to {big.file_size / 2**20:,.0f} MB "
                        f"(cap {MAX_ZIP_MEMBER // 2**20} MB): refused unread")
    total = sum(m.file_size for m in members)
    if total > MAX_ZIP_TOTAL:
        raise ReadError(f"ZIP would inflate to {total / 2**20:,.0f} MB in all (cap {MAX_ZIP_TOTAL // 2**20} MB): "
                        "refused unread")
