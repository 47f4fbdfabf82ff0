"""The pdfplumber page our readers build from objects another library read (PDFium's glyphs and paths, an
OFD page's TextCodes and PathObjects): pdfplumber's word, line and table logic runs on its ``objects``
without pdfminer parsing anything."""

from __future__ import annotations

from pdfplumber.page import Page


class ObjectsPage(Page):
    """A :class:`pdfplumber.page.Page` whose ``objects`` (``char``, ``line``, ``rect``, ``curve``, … → lists of
    pdfplumber's object dicts) a subclass sets in ``_objects``.

    pdfplumber's own Page caches ``get_textmap`` as ``self.get_textmap = lru_cache()(self._get_textmap)``: the
    instance then holds a bound method of itself, a reference cycle, so a page and every char it holds outlive
    their last use until the cyclic collector runs (three pages and their thousands of char dicts per report,
    collected only in a full collection); so is its ``root_page = self``. The text maps are cached here in a
    plain dict and the root page is a property, and a page is freed as soon as nothing refers to it."""

    _objects: dict[str, list[dict]]
    _textmaps: dict[tuple, object]

    @property
    def root_page(self) -> ObjectsPage:
        return self  # a page of its own, never a crop of another

    @property
    def objects(self) -> dict[str, list[dict]]:
        return self._objects

    def get_textmap(self, **kwargs):
        """pdfplumber's ``get_textmap``, cached per keyword arguments (hashable, as pdfplumber passes them)."""
        cache = self.__dict__.setdefault("_textmaps", {})
        key = tuple(sorted(kwargs.items()))
        if key not in cache:
            cache[key] = self._get_textmap(**kwargs)
        return cache[key]
