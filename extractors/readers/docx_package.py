"""The OPC package of a .docx (the ZIP, its content types and relationships), read straight from the ZIP.

python-docx opened the whole package to reach two parts: it parsed every XML part (headers, footers, numbering,
theme …) into its object layer and read every related part (pictures included), about a third of a DOCX's read
time. Here only what the reader uses is read, when it asks: the main document part, its styles, and the parts
its relationships name (an altChunk's part, a picture), each inflated on first use.

The rules are python-docx's (1.x), so a package reads as it did:

* the main part is the package relationship of type officeDocument (none: KeyError; two: ValueError) and must be
  typed as a Word document: a macro-enabled (.docm) or template (.dotx) main part, typed by an Override, reads
  as one (its XML is the same; macros live in vbaProject.bin, never read); any other type: ValueError;
* a part's content type is its Override (part name without case), else the Default of its extension (without
  case); an Override typing another part as a main document (the Open XML SDK types an embedded .docx altChunk
  so) reads as ``application/octet-stream``;
* relationship targets are resolved against the source part's folder (``posixpath.join`` then ``abspath``);
  external ones are left out;
* XML parts are parsed as python-docx's parser does (blank text between elements dropped, entities never
  resolved), without its element classes.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from collections.abc import Iterator, Mapping
from functools import cached_property

from lxml import etree

from extractors.readers.sniff import check_zip_sizes

DOCUMENT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_MAIN_TYPES = ("document.main+xml", "template.main+xml", "macroEnabled.main+xml", "macroEnabledTemplate.main+xml")
_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
OFFICE_DOCUMENT, STYLES = _RT + "officeDocument", _RT + "styles"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
XML_PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False)  # python-docx's oxml_parser options


class Part:
    """One part of the package: ``partname`` ("/word/media/image1.png"), ``content_type``, ``blob`` (its bytes,
    read from the ZIP on first use; KeyError when the ZIP lacks it), ``related_parts`` (rId → Part)."""

    def __init__(self, package: Package, partname: str) -> None:
        self.package = package
        self.partname = partname

    @cached_property
    def blob(self) -> bytes:
        return self.package.zip.read(self.partname[1:])

    @property
    def content_type(self) -> str:
        return self.package.content_type(self.partname)

    @cached_property
    def related_parts(self) -> _RelatedParts:
        return _RelatedParts(self)

    def related_by(self, reltype: str) -> Part:
        """The one part related by ``reltype``: KeyError when none is, ValueError when several are."""
        matching = [t for _, t, target in self.package.rels(self.partname) if t == reltype and target]
        if not matching:
            raise KeyError(f"no relationship of type '{reltype}' in collection")
        if len(matching) > 1:
            raise ValueError(f"multiple relationships of type '{reltype}' in collection")
        return next(Part(self.package, target) for _, t, target in self.package.rels(self.partname)
                    if t == reltype and target)

    def element(self) -> etree._Element:
        return etree.fromstring(self.blob, XML_PARSER)


class _RelatedParts(Mapping):
    """rId → Part of a part's internal relationships (a later rId of the same name wins, as in python-docx).
    A target the ZIP does not hold is absent: python-docx failed the whole package on it."""

    def __init__(self, source: Part) -> None:
        package = source.package
        self._parts = {rid: Part(package, target) for rid, _, target in package.rels(source.partname)
                       if target and target[1:] in package.names}

    def __getitem__(self, rid: str) -> Part:
        return self._parts[rid]

    def __iter__(self) -> Iterator[str]:
        return iter(self._parts)

    def __len__(self) -> int:
        return len(self._parts)


class Package:
    """A .docx's ZIP: ``main`` (the main document part) and the lookups parts need. Raises
    :class:`~extractors.readers.errors.ReadError` for a ZIP bomb (declared sizes), zipfile's errors for a
    damaged ZIP, KeyError/ValueError (as python-docx did) for a package without a Word main part."""

    def __init__(self, data: bytes) -> None:
        self.zip = zipfile.ZipFile(io.BytesIO(data))
        check_zip_sizes(self.zip.infolist())  # a zip bomb refused by its declared sizes, before inflating
        self.names = frozenset(self.zip.namelist())
        self._rels: dict[str, list[tuple[str, str, str | None]]] = {}
        types = etree.fromstring(self.zip.read("[Content_Types].xml"), XML_PARSER)
        self._defaults = {d.get("Extension", "").lower(): d.get("ContentType") for d in types.iter(_CT + "Default")}
        self._overrides = {o.get("PartName", "").lower(): o.get("ContentType") for o in types.iter(_CT + "Override")}
        self.main = Part(self, "/").related_by(OFFICE_DOCUMENT)
        if self.content_type(self.main.partname) != DOCUMENT_MAIN:
            raise ValueError(f"file is not a Word file, content type is '{self.content_type(self.main.partname)}'")

    def content_type(self, partname: str) -> str:
        override = self._overrides.get(partname.lower())
        if override is not None:
            if override.endswith(_MAIN_TYPES):  # a main type: the main part's is a document's, others are bytes
                return DOCUMENT_MAIN if partname == self.main.partname else "application/octet-stream"
            return override
        ext = posixpath.splitext(partname)[1]
        default = self._defaults.get((ext[1:] if ext.startswith(".") else ext).lower())
        if default is None:
            raise KeyError(f"no content type for partname '{partname}' in [Content_Types].xml")
        return default

    def rels(self, partname: str) -> list[tuple[str, str, str | None]]:
        """(rId, type, target part name or None when external) of the relationships of ``partname`` ("/" for
        the package's own)."""
        if partname not in self._rels:
            base, name = posixpath.split(partname)
            try:
                xml = self.zip.read(posixpath.join(base, "_rels", f"{name}.rels")[1:])
            except KeyError:
                xml = None
            found = []
            if xml is not None:
                for rel in etree.fromstring(xml, XML_PARSER).iter(_PKG_REL):
                    external = rel.get("TargetMode") == "External"
                    target = None if external else posixpath.abspath(posixpath.join(base, rel.get("Target", "")))
                    found.append((rel.get("Id"), rel.get("Type"), target))
            self._rels[partname] = found
        return self._rels[partname]
