"""The HTML reader's premise: the tree lxml's HTML parser gives (extractors/readers/html.py, ``_parse``) is the
tree BeautifulSoup's lxml builder gave (the reader's rules are BeautifulSoup's, read off that tree): the same
elements, attributes and strings in the same places, each string of the kind BeautifulSoup gives it (text, or
held by a string container: script, style, template, rt, rp), on every committed page and on generated tag
soup (unclosed and stray tags, tables, ruby, comments, CDATA, doctypes, entities, a byte-order mark).

Strings of ASCII white space only are compared as one space or line break, as BeautifulSoup stores them (the
reader cleans every text so that the two read the same); comments and white space beside the root element are
left out."""

from __future__ import annotations

import random
import warnings

import pytest
from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from lxml import etree

from extractors.readers.encoding import decode
from extractors.readers.html import _CONTAINERS, _META_CHARSET, _parse, _Top
from tests.conftest import FIXTURES

_KINDS = {"script": "Script", "style": "Stylesheet", "template": "TemplateString", "rt": "RubyTextString",
          "rp": "RubyParenthesisString"}
_SPACES = set(" \n\t\x0c\r")
_LEFT_OUT = ("Doctype", "ProcessingInstruction", "XMLProcessingInstruction", "Declaration")


def _string(kind: str, s: str) -> tuple[str, str]:
    if all(c in _SPACES for c in s):
        s = "\n" if "\n" in s else " "
    return kind, s


def _attrs(items) -> tuple:
    return tuple(sorted((k, " ".join(v) if isinstance(v, list) else " ".join(v.split()) if k == "class" else v)
                        for k, v in items))


def _soup_tree(node) -> list:
    out = []
    for c in node.children:
        if isinstance(c, Tag):
            out.append((c.name, _attrs(c.attrs.items()), _soup_tree(c)))
        elif isinstance(c, Comment):
            out.append(("Comment",))
        elif type(c).__name__ not in _LEFT_OUT:
            out.append(_string(type(c).__name__, str(c)))
    return out


def _lxml_tree(el, kind: str | None) -> list:
    out = [_string(kind or "NavigableString", el.text)] if el.text else []
    for c in el:
        if isinstance(c.tag, str):
            out.append((c.tag, _attrs(c.attrib.items()), _lxml_tree(c, _KINDS.get(c.tag, kind))))
        elif c.tag is etree.Comment:
            out.append(("Comment",))
        if c.tail:
            out.append(_string(kind or "NavigableString", c.tail))
    return out


def _top_level(items: list) -> list:
    """Beside the root element: comments (a page of comments only has no root element in lxml) and white
    space, neither ever text of the page, are left out."""
    return [x for x in items if x[0] != "Comment" and not (x[0] == "NavigableString" and not x[1].strip())]


def _same_trees(text: str) -> tuple[list, list]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        soup = BeautifulSoup(text, "lxml")
    theirs = _top_level(_soup_tree(soup))
    ours = []
    for node in _Top(_parse(text)):
        if isinstance(node.tag, str):
            ours.append((node.tag, _attrs(node.attrib.items()), _lxml_tree(node, _KINDS.get(node.tag))))
        elif node.tag is etree.Comment:
            ours.append(("Comment",))
        if node.tail:
            ours.append(_string("NavigableString", node.tail))
    return theirs, _top_level(ours)


def test_the_string_containers_are_beautifulsoups():
    assert set(_KINDS) == set(_CONTAINERS)


def test_every_committed_page_parses_to_beautifulsoups_tree():
    pages = [p for p in sorted(FIXTURES.rglob("*")) if p.suffix.lower() in (".html", ".htm") and p.is_file()]
    assert len(pages) >= 20
    for page in pages:
        data = page.read_bytes()
        declared = _META_CHARSET.search(data[:4096])
        text, _ = decode(data, declared.group(1).decode("ascii") if declared else None)
        theirs, ours = _same_trees(text)
        assert ours == theirs, page


_TAGS = ("p div span table tr td th tbody thead tfoot br img b i a ul li h1 h3 script style template rt rp ruby "
         "title meta head body html o:p font center select option textarea pre noscript iframe form button nav "
         "footer aside section caption colgroup col input hr dl dt dd article").split()
_TEXTS = ["一", "二三", " ", "\n", "\t", "  \n ", "12", "&nbsp;", "&amp;", "&#12345;", "x y", "\u3000", "索引号：",
          "\r\n", "<", ">", "&", "\xa0"]
_ATTRS = [' class="nav x"', ' id="footer"', ' class=""', ' rowspan="2"', ' colspan="x"', ' src="a.png"',
          ' name="ArticleTitle" content="标题"', ' class="a  b\tc"']


def _soup(rng: random.Random) -> str:
    out = [rng.choice(["<!DOCTYPE html>", "<?xml version='1.0'?>", "\ufeff", ""])]
    for _ in range(rng.randint(1, 60)):
        k = rng.random()
        if k < 0.35:
            out.append(f"<{rng.choice(_TAGS)}{rng.choice(_ATTRS) if rng.random() < 0.3 else ''}>")
        elif k < 0.6:
            out.append(f"</{rng.choice(_TAGS)}>")
        elif k < 0.65:
            out.append(rng.choice(["<!-- c -->", "<!---->", "<![CDATA[x]]>", "<?php x ?>"]))
        else:
            out.append(rng.choice(_TEXTS))
    return "".join(out)


@pytest.mark.parametrize("seed", range(3))
def test_generated_tag_soup_parses_to_beautifulsoups_tree(seed):
    rng = random.Random(seed)
    for _ in range(300):
        text = _soup(rng)
        theirs, ours = _same_trees(text)
        assert ours == theirs, text
