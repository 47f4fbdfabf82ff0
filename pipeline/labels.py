"""Chinese labels of the views' columns, with their units: the headers of an export with ``--labels zh`` and the
column headers Datasette shows (pipeline.datasette_metadata). One place, so the two never differ.

A figure's label is the template's own wording (``key_label``) with its unit in brackets: 件 for counts, 元 for
money (stored in 元 whatever the report printed), % for shares.
"""

from __future__ import annotations

from pipeline.views import TEXT_REUSE, is_money, key_label, metric_names

IDENTITY_ZH = {
    "report_id": "报告编号",
    "source": "来源文件",
    "body": "机关标识",
    "body_label": "机关",
    "region": "地区",
    "admin_code": "区划代码",
    "region_level": "行政级别",
    "issuer": "发布机关",
    "issuer_kind": "机关类型",
    "year": "年度",
    "edition": "模板版本",
    "copy_rank": "副本序号",
    "copies": "副本数",
    "copies_disagree": "副本不一致的指标",
}
OTHER_ZH = {
    "n_flags": "问题标记数",
    "n_corrections": "更正数",
    "metric": "指标",
    "value": "数值",
    "flag_id": "标记编号",
    "kind": "标记类型",
    "check": "检查项",
    "where": "位置",
    "key": "指标键",
    "expected": "应为",
    "found": "实际",
    "message": "说明",
    "page": "页码",
    "details": "证据（JSON）",
    # the long cell export (pipeline.export)
    "sha256": "文件SHA-256",
    "format": "文件格式",
    "raw": "原文",
    "meaning": "含义",
    "unit": "单位",
}

# The derived figures' descriptions in pipeline.views are English; their Chinese names here.
DERIVED_ZH = {
    "sum.withheld": "不予公开（各项理由合计）",
    "sum.unable": "无法提供（各项理由合计）",
    "sum.not_processed": "不予处理（各项理由合计）",
    "sum.other": "其他处理（合计）",
    "sum.litigation": "行政诉讼（未经复议与复议后起诉合计）",
    "pct.disclosed": "予以公开占办理结果比例",
    "pct.partial": "部分公开占办理结果比例",
    "pct.withheld": "不予公开占办理结果比例",
    "pct.unable": "无法提供占办理结果比例",
    "pct.not_held": "本机关不掌握相关政府信息占办理结果比例",
    "pct.not_processed": "不予处理占办理结果比例",
    "pct.other": "其他处理占办理结果比例",
    "pct.review_corrected": "行政复议结果纠正率",
    "pct.litigation_corrected": "未经复议直接起诉的行政诉讼结果纠正率",
}


def unit(key: str) -> str:
    """元, % or 件 for a metric (canonical key, sum.*, pct.*, text_reuse)."""
    if is_money(key):
        return "元"
    if key.startswith("pct.") or key == TEXT_REUSE:
        return "%"
    return "件"


def figure_label(key: str) -> str:
    """本年新收政府信息公开申请数量 · 总计 [件]."""
    label = DERIVED_ZH.get(key) or key_label(key)
    return label if label.endswith(("（%）", "（元）")) else f"{label} [{unit(key)}]"


def column_label(column: str) -> str:
    """The Chinese header of a view column; the column's own name when it has none."""
    if column in IDENTITY_ZH:
        return IDENTITY_ZH[column]
    if column in OTHER_ZH:
        return OTHER_ZH[column]
    if column in _metrics():
        return figure_label(column)
    return column


def _metrics() -> frozenset[str]:
    global _METRICS
    if _METRICS is None:
        _METRICS = frozenset(metric_names())
    return _METRICS


_METRICS: frozenset[str] | None = None
