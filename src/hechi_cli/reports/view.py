"""How a person wants to read a report: language and area unit. Used by the human columns only;
JSON and CSV rows never change with these options."""

from __future__ import annotations

from typing import Any, NamedTuple

from hechi_cli.dataset.areas import convert
from hechi_cli.reports import humanize as h

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
    "Unit": "单位",
    "Baseline": "基期值",
    "Latest": "最新",
    "Goal |": "目标 |",
    "Src": "来源",
    "Publisher and title": "发布者和标题",
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
        # eighths of a cell, for bars finer than a whole cell; none where only ASCII can be shown
        self.bar_parts = " " * 8 if opts.ascii else " ▏▎▍▌▋▊▉"

    def header(self, en: str) -> str:
        return HEADERS_ZH.get(en, en) if self.lang == "zh" else en

    def name(self, row: dict[str, Any], key: str = "name") -> str:
        """The Chinese name where the dataset has one and --lang zh asks for it; else English."""
        zh = row.get(f"{key}_zh")
        return str(zh) if self.lang == "zh" and zh else str(row.get(key) or "")

    def short(self, row: dict[str, Any], key: str = "label") -> str:
        """A record's row label: its short label where it has one, Chinese first under --lang zh."""
        keys = ("short_zh", f"{key}_zh", "short", key) if self.lang == "zh" else ("short", key)
        found = next((k for k in keys if row.get(k)), None)
        if found is None:
            return ""
        # A Chinese name that no page gives is marked as ours, so a reader never takes it for the source's.
        ours = found.endswith("_zh") and row.get("zh_note")
        return str(row[found]) + ("（自译）" if ours else "")

    def parts(self, value: Any, unit: str | None) -> tuple[str, str]:
        """(digits, unit) for a table's Value and Unit columns, areas in the chosen unit; in Chinese,
        numbers in the yearbook's 万 and 亿 where that is exact, and Chinese units."""
        if value is None:
            return "", ""
        converted = convert(value, unit, self.area_unit)
        if self.lang == "zh" and unit != "percent_change":
            shown, shown_unit = (value, unit) if converted is None else (converted.value, converted.unit)
            digits = h.number_zh(shown) if converted is None or converted.places == 0 else h.number(shown, 2)
            return digits, h.UNITS_ZH.get(shown_unit or "", h.unit_word(shown_unit))
        if converted is None:
            return h.number_part(value, unit), h.unit_word(unit)
        return h.number_part(converted.value, converted.unit, converted.places), h.unit_word(converted.unit)

    def period(self, text: str | None) -> str:
        """A period as readers of the language write it: '2002 to 2020' or '2002—2020年'."""
        if text is None:
            return ""
        return h.period_zh(text) if self.lang == "zh" else h.period(text)

    def qualifier(self, qualifier: str | None) -> str:
        """'more than' or 超过; nothing for an exact figure."""
        if self.lang == "zh":
            return h.QUALIFIERS_ZH.get(qualifier or "exact", "")
        return h.qualifier_words(qualifier)

    def amount(self, value: Any, unit: str | None, qualifier: str | None = "exact") -> str:
        """An amount in words, areas in the chosen unit; the qualifier carries through."""
        if value is None:
            return ""
        converted = convert(value, unit, self.area_unit)
        if converted is None:
            return h.amount(value, unit, qualifier)
        return h.amount(converted.value, converted.unit, qualifier, places=converted.places)
