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


# Containers and images no report comes as: said by name, never parsed
_MAGIC = ((b"\x89PNG\r\n\x1a\n", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF87a", "a GIF image"),
          (b"GIF89a", "a GIF image"), (b"\x1f\x8b", "gzip-compressed data (a page saved with its Content-Encoding?)"),
          (b"Rar!\x1a\x07", "a RAR archive"), (b"7z\xbc\xaf\x27\x1c", "a 7z archive"))
# A ZIP container (DOCX, OFD) whose members would inflate past these is refused before anything is inflated
MAX_MEMBER_BYTES = 200 * 1024 * 1024
MAX_ZIP_BYTES = 500 * 1024 * 1024
MAX_ZIP_MEMBERS = 10_000


def sniff_format(name: str, data: bytes) -> str:
    if not data.strip():
        raise ReadError("empty file")
    suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    promised = _BY_SUFFIX.get(suffix)
    what = next((what for magic, what in _MAGIC if data.startswith(magic)), None)
    if what:
        raise ReadError(f"named {suffix} but holds {what}" if promised else f"{what}: not a report file")
    try:
        found = _from_bytes(data)
    except ReadError as exc:
        if promised in ("docx", "ofd") and "ZIP" in exc.reason:
            raise ReadError(exc.reason.replace("DOCX", promised.upper())) from None
        raise
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
                _check_container(z)
                names = z.namelist()
                return "docx" if "word/document.xml" in names else "ofd" if "OFD.xml" in names else "zip"
        except (zipfile.BadZipFile, EOFError):
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


def _check_container(z: zipfile.ZipFile) -> None:
    """Refuse, before inflating anything, a ZIP bomb (members declaring more bytes than any report has; the
    declared size also bounds what zipfile inflates) and XML parts with a DOCTYPE: OOXML and OFD never declare
    one, and its entities are how billion-laughs and external-entity (XXE) attacks work."""
    infos = z.infolist()
    check_zip_sizes(infos)
    for info in infos:
        if info.filename.lower().endswith((".xml", ".rels")) and not info.is_dir():
            with z.open(info) as member:
                head = member.read(4096)
            if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                raise ReadError(f"{info.filename} declares a DOCTYPE with entities, which DOCX and OFD parts "
                                "never do: refused unread (an XML entity bomb or external entity?)")


def check_zip_sizes(infos: list[zipfile.ZipInfo]) -> None:
    """Raise :class:`ReadError` for a ZIP whose directory declares more members or bytes than any report has
    (a ZIP bomb): checked before anything is inflated (zipfile never inflates a member past its declared size)."""
    if len(infos) > MAX_ZIP_MEMBERS:
        raise ReadError(f"a ZIP container of {len(infos)} members: refused unread (a ZIP bomb?)")
    biggest = max((i.file_size for i in infos), default=0)
    total = sum(i.file_size for i in infos)
    if biggest > MAX_MEMBER_BYTES or total > MAX_ZIP_BYTES:
        raise ReadError(f"ZIP members would inflate to {total // 2**20} MB uncompressed (a part of "
                        f"{biggest // 2**20} MB): refused before inflating (a ZIP bomb?)")
