"""The common DOCX body read in C: an XSLT (libxslt, through lxml) turns word/document.xml into a small outline
of the blocks, which :mod:`extractors.readers.docx` makes into the document model.

Walking the body element by element in Python cost about 5 ms a report (most of a DOCX's read): per paragraph
and cell a dozen look-ups and calls. The stylesheet does the same walk as ``docx._Reader`` (the reference,
still used for what the stylesheet leaves to it), with the same rules:

* wrappers (``w:sdt``, ``w:sdtContent``, ``w:customXml``, ``w:smartTag``, ``w:ins``, ``w:moveTo``) are opened at
  every level; deletions, moved-away text and properties (``_DROPPED`` there) are never text;
* a paragraph's text is its ``w:t`` text, a tab for ``w:tab``/``w:ptab``, a line break for ``w:br``/``w:cr``;
* rows deleted by a tracked change (``w:trPr/w:del``) and deleted cells (``w:tcPr/w:cellDel``) are left out.

A body holding a text box, an ``mc:AlternateContent``, an ``w:altChunk``, a picture (``a:blip``) or a ``w:t``
with anything but text in it is left to the Python walk (``docx._plain`` tells, before the outline is made:
the stylesheet reads none of them).

The outline: ``<d>`` holds the blocks in order, ``<p>`` (text; ``x`` when its mark is deleted, ``s`` its style
id, ``o`` its outline level, each only where the document gives one) and ``<t>`` (``<r>`` rows with ``b``
= gridBefore, of ``<c>`` cells with ``s`` = gridSpan and ``m`` = ``r`` for a vMerge restart, ``c`` for a
continuation; a cell holds its own ``<p>``/``<t>`` blocks).
"""

from __future__ import annotations

from lxml import etree

_STYLESHEET = b"""<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
>

  <xsl:template match="/"><d><xsl:apply-templates select="/*/w:body[1]/*" mode="block"/></d></xsl:template>

  <!-- the children a body, a cell or a content control holds: paragraphs and tables, wrappers opened -->
  <xsl:template match="*" mode="block"/>
  <xsl:template match="w:sdt|w:sdtContent|w:customXml|w:smartTag|w:ins|w:moveTo" mode="block">
    <xsl:apply-templates select="*" mode="block"/>
  </xsl:template>
  <xsl:template match="w:p" mode="block">
    <p>
      <xsl:if test="w:pPr[1]/w:rPr[1][w:del or w:moveFrom]"><xsl:attribute name="x">1</xsl:attribute></xsl:if>
      <xsl:if test="w:pPr[1]/w:pStyle[1]/@w:val">
        <xsl:attribute name="s"><xsl:value-of select="w:pPr[1]/w:pStyle[1]/@w:val"/></xsl:attribute>
      </xsl:if>
      <xsl:if test="w:pPr[1]/w:outlineLvl[1]/@w:val">
        <xsl:attribute name="o"><xsl:value-of select="w:pPr[1]/w:outlineLvl[1]/@w:val"/></xsl:attribute>
      </xsl:if>
      <xsl:apply-templates select="*" mode="text"/>
    </p>
  </xsl:template>
  <xsl:template match="w:tbl" mode="block"><t><xsl:apply-templates select="*" mode="row"/></t></xsl:template>

  <xsl:template match="*" mode="row"/>
  <xsl:template match="w:sdt|w:sdtContent|w:customXml|w:smartTag|w:ins|w:moveTo" mode="row">
    <xsl:apply-templates select="*" mode="row"/>
  </xsl:template>
  <xsl:template match="w:tr" mode="row">
    <xsl:if test="not(w:trPr[1]/w:del)">
      <r>
        <xsl:if test="w:trPr[1]/w:gridBefore[1]/@w:val">
          <xsl:attribute name="b"><xsl:value-of select="w:trPr[1]/w:gridBefore[1]/@w:val"/></xsl:attribute>
        </xsl:if>
        <xsl:apply-templates select="*" mode="cell"/>
      </r>
    </xsl:if>
  </xsl:template>

  <xsl:template match="*" mode="cell"/>
  <xsl:template match="w:sdt|w:sdtContent|w:customXml|w:smartTag|w:ins|w:moveTo" mode="cell">
    <xsl:apply-templates select="*" mode="cell"/>
  </xsl:template>
  <xsl:template match="w:tc" mode="cell">
    <xsl:if test="not(w:tcPr[1]/w:cellDel)">
      <c>
        <xsl:if test="w:tcPr[1]/w:gridSpan[1]/@w:val">
          <xsl:attribute name="s"><xsl:value-of select="w:tcPr[1]/w:gridSpan[1]/@w:val"/></xsl:attribute>
        </xsl:if>
        <xsl:choose>
          <xsl:when test="w:tcPr[1]/w:vMerge[1]/@w:val = 'restart'"><xsl:attribute name="m">r</xsl:attribute></xsl:when>
          <xsl:when test="w:tcPr[1]/w:vMerge[1]"><xsl:attribute name="m">c</xsl:attribute></xsl:when>
        </xsl:choose>
        <xsl:apply-templates select="*" mode="block"/>
      </c>
    </xsl:if>
  </xsl:template>

  <!-- a paragraph's text as accepted -->
  <xsl:template match="*" mode="text"><xsl:apply-templates select="*" mode="text"/></xsl:template>
  <xsl:template match="w:t" mode="text"><xsl:value-of select="."/></xsl:template>
  <xsl:template match="w:tab|w:ptab" mode="text"><xsl:text>&#9;</xsl:text></xsl:template>
  <xsl:template match="w:br|w:cr" mode="text"><xsl:text>&#10;</xsl:text></xsl:template>
  <xsl:template match="w:del|w:moveFrom|w:delText|w:delInstrText|w:instrText|w:pPr|w:rPr|w:sdtPr|w:sdtEndPr
                       |w:tblPr|w:trPr|w:tcPr|w:sectPr|w:fldData" mode="text"/>
</xsl:stylesheet>
"""
_TRANSFORM = etree.XSLT(etree.fromstring(_STYLESHEET))


def outline(root: etree._Element) -> etree._Element | None:
    """The ``<d>`` outline of a word/document.xml root (one that ``docx._plain`` passed), or None when libxslt
    gives up (a body nested past its template depth): the Python walk reads it then."""
    try:
        result = _TRANSFORM(root).getroot()
    except etree.XSLTApplyError:
        return None
    return result
