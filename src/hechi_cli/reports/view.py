"""How a person wants to read a report: language and area unit. Used by the human columns only;
JSON and CSV rows never change with these options."""

from __future__ import annotations

from typing import Any, NamedTuple

from hechi_cli import humanize as h
from hechi_cli.units import HA_PER

ACRES_PER_HA = 2.471053814671653

HEADERS_ZH = {
    "Target": "目标",
    "Goal": "目标值",
    "Reported": "已报告",
    "As of": "时间",
    "Source (grade)": "来源（等级）",
    "% of goal": "完成率",
    "Status": "状态",
    "Figure": "指标",
    "Value": "数值",
    "Period": "时期",
    "Scope": "范围",
    "Grade": "等级",
    "Source": "来源",
    "Topic": "主题",
    "Section": "类别",
    "Kind": "类型",
    "What": "事项",
    "Result": "结果",
    "ID": "编号",
    "Date": "日期",
    "Publisher": "发布者",
    "Title": "标题",
    "URL": "网址",
    "Cited": "引用数",
    "County": "县区",
    "Name": "名称",
    "Field": "字段",
    "Trend": "趋势",
    "Conflict": "冲突",
    "Matched in": "匹配字段",
}


class Options(NamedTuple):
    lang: str = "en"
    area_unit: str | None = None  # None: areas as reported
    ascii: bool = False  # the terminal cannot show block characters: draw bars with '#'


DEFAULT = Options()


class View:
    """Picks names and headers by language and converts areas for the human columns."""

    def __init__(self, opts: Options) -> None:
        self.lang = opts.lang
        self.area_unit = opts.area_unit
        self.bar_char = "#" if opts.ascii else "█"

    def header(self, en: str) -> str:
        return HEADERS_ZH.get(en, en) if self.lang == "zh" else en

    def name(self, row: dict[str, Any], key: str = "name") -> str:
        """The Chinese name where the dataset has one and --lang zh asks for it; else English."""
        zh = row.get(f"{key}_zh")
        return str(zh) if self.lang == "zh" and zh else str(row.get(key) or "")

    def amount(self, value: Any, unit: str | None, qualifier: str | None = "exact") -> str:
        """An amount in words, areas in the chosen unit; the qualifier carries through."""
        if value is None:
            return ""
        converted = convert_area(value, unit, self.area_unit)
        if converted is None:
            return h.amount(value, unit, qualifier)
        return h.amount(converted[0], converted[1], qualifier, places=converted[2])


def convert_area(value: float, unit: str | None, to: str | None) -> tuple[float, str, int | None] | None:
    """(value, unit, decimal places to show) in unit `to`, or None when no conversion applies.

    Converted values are shown to two decimals unless they come out whole.
    """
    if to is None or unit not in HA_PER or unit == to:
        return None
    ha = h.hectares(value, unit)
    assert ha is not None
    out = ha * ACRES_PER_HA if to == "acre" else ha / HA_PER[to]
    whole = abs(out - round(out)) < 1e-9
    return (float(round(out)) if whole else out), to, (0 if whole else 2)
