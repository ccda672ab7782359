"""Row shapes that several reports share: a figure, and a place that has no figures."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from hechi_cli.dataset.model import Dataset, Figure, Ranking, Source
from hechi_cli.messages import tr
from hechi_cli.reports.report import Column, Heading, Row, Words
from hechi_cli.reports.view import NO_STYLE

if TYPE_CHECKING:
    from hechi_cli.reports.view import Style, View

FIGURE_KEYS = ("id", "measure", "label", "label_zh", "value", "unit", "qualifier", "period", "scope", "source", "grade")


def figure_row(ds: Dataset, f: Figure) -> Row:
    """The JSON/CSV fields of one figure; every command shows figures this way."""
    return {
        "id": f.id,
        "measure": f.measure,
        "label": f.label,
        "label_zh": f.label_zh,
        "value": f.value,
        "unit": f.unit,
        "qualifier": f.qualifier,
        **provenance(ds, f),
    }


def provenance(ds: Dataset, rec: Figure | Ranking) -> Row:
    """When, where and who said it: the last keys of every figure-like row."""
    return {"period": rec.period.text, "scope": rec.scope, "source": rec.source, "grade": ds.grade(rec.source)}


def gap_row(rid: str | None, label: str | None, scope: str, source: str | None, grade: str | None) -> Row:
    """A figure row with no figure: a site or a county the dataset has no figures for."""
    row: Row = dict.fromkeys(FIGURE_KEYS)
    row.update({"id": rid, "label": label, "scope": scope, "source": source, "grade": grade})
    return row


def figure_columns(v: View, ds: Dataset, extra: list[Column], rows: list[Row], scope: bool = True) -> list[Column]:
    """The human columns of a figure row, as a statistical yearbook sets them: the figure (with its
    county, where `scope` asks and it is not the city's), the extras, the value (its qualifier
    beside the digits, right-aligned), the unit, the period, and the source as a footnote marker
    with its grade (render/table.py lists the sources under the table, and adds the record's id as
    a column where the terminal has room: Words.record_id).
    """
    cols = [
        Column(v.header("Figure"), lambda r: _label(v, ds, r, scope)),
        *extra,
        *value_columns(v, ds, rows, "id"),
        Column(v.header("As of"), lambda r: v.period(r["period"])),
    ]
    cols.append(Column(v.header("Src"), lambda r: r["source"] or "", whole=True, footnote=True))
    return cols


def row_label(v: View, ds: Dataset, rid: str | None) -> str:
    """The label a table shows for a record: its short label where the data gives one (View.short)."""
    found = ds.records().get(rid or "")
    if found is None or found[0] not in ("figure", "industry", "ranking", "site"):
        return ""
    rec = found[1]
    label = str(v.short(rec._asdict(), "label" if found[0] == "figure" else "name"))
    # An aim, a plan or a forecast never reads as an outcome: its row says so, once ('Oil aim', not
    # 'Oil aim (aim)').
    if getattr(rec, "kind", None) != "expectation" or _says_aim(v.lang, label):
        return label
    return label + v.t(" (aim)")


AIM_WORDS = {"aim", "aims", "plan", "planned", "expected", "target", "goal"}


def _says_aim(lang: str, label: str) -> bool:
    """Whether a label already calls itself an aim, a plan or a forecast (预期, 目标, 计划 in Chinese)."""
    if lang == "zh":
        return any(w in label for w in ("预期", "目标", "计划"))
    return not AIM_WORDS.isdisjoint(label.lower().replace(",", " ").replace(":", " ").split())


def own_names(v: View, ds: Dataset, ids: list[str | None]) -> list[str]:
    """The note that explains the mark on a Chinese name of our own translation (View.short), for
    tables where a row has one; none in English, which has no such mark."""
    records = ds.records()
    ours = any(getattr(records[i][1], "zh_note", None) for i in ids if i in records)
    return [v.t("※ = our own translation")] if v.lang == "zh" and ours else []


def table_words(
    v: View, ds: Dataset, heading: Heading, columns: list[Column], notes: list[str], rows: list[Row]
) -> Words:
    """The words of a table of records: its title, columns and notes, then the note on our own
    Chinese names where a row has one, and the dataset's sources for the footnotes."""
    own = own_names(v, ds, [r["id"] for r in rows])
    return Words(v.lang, v.t(heading.title), columns, notes, sources=ds.source_by_id, record_id=record_id, legend=own)


def scope_name(v: View, ds: Dataset, scope: str) -> str:
    """Where a figure counts: its scope id ('city', 'yizhou'); in Chinese, 全市 or the county's name."""
    if v.lang != "zh":
        return scope
    county = ds.county_by_id.get(scope)
    return str(v.name(county._asdict())) if county else str(v.t("the city"))


def _label(v: View, ds: Dataset, r: Row, scope: bool) -> str:
    """The short label, with a county's name where the figure is not the city's."""
    label = row_label(v, ds, r["id"]) or (v.name(r, "label") if r["label"] else v.t("no figures in the dataset"))
    where = r["scope"]
    # 'Mulberry area, Yizhou' and 巴马县油茶种植面积 name their county already (names_county)
    if scope and where and where != "city" and not (names_county(ds, label, where) or where in label):
        county = ds.county_by_id.get(where)
        short = county.name.split()[0] if county else where  # 'Nandan', from 'Nandan County'
        label += v.t(" ({scope})", scope=scope_name(v, ds, where) if v.lang == "zh" else short)
    return label


def record_id(r: Row) -> str | None:
    """A row's record id, for the ID column and `--ids`."""
    return r.get("id")


def value_columns(v: View, ds: Dataset, rows: list[Row], id_key: str) -> list[Column]:
    """Value and Unit, as a yearbook sets them. Where, under zh, every value of the column is in 万
    of one unit, the unit goes to the header (数值（万亩）) and the cells hold numbers only."""
    style = v.column_style([(r["value"], r["unit"]) for r in rows])

    def unit(r: Row) -> str:
        return v.parts(r["value"], r["unit"], unit_zh=unit_zh(ds, r[id_key]))[1]

    shown = [r for r in rows if r["value"] is not None]
    units = {unit(r) for r in shown} if style.wan else set()  # 万 is only ever Chinese
    in_header = len(units) == 1 and all(
        (d := v.parts(r["value"], r["unit"], style)[0]).endswith("万") and "亿" not in d for r in shown
    )

    def cell(r: Row) -> str:
        text = value_cell(v, r["value"], r["unit"], r["qualifier"], style)
        return text.removesuffix("万") if in_header else text

    if in_header:
        header = v.header("Value ({unit})").format(unit="万" + next(iter(units)))
        return [Column(header, cell, numeric=True, whole=True)]
    return [Column(v.header("Value"), cell, numeric=True, whole=True), Column(v.header("Unit"), unit, whole=True)]


def source_title(lang: str, s: Source) -> str:
    """The page's title as published; where none was recorded, English keeps our description after
    the mark ("(title not recorded) Feature on ..."), Chinese says only that it was not recorded."""
    if s.known_title is None and lang == "zh":
        return tr(lang, "(title not recorded)")
    return s.title


def names_county(ds: Dataset, label: str, scope: str) -> bool:
    """Whether a label names its county already: 'Mulberry area, Dahua', 大化县桑园面积 (a Chinese
    county name begins with its place's two characters: 大化瑶族自治县)."""
    county = ds.county_by_id.get(scope)
    if county is None:
        return False
    zh = county.name_zh or ""
    return any(n and n in label for n in (county.name.split()[0], zh, zh[:2]))


def unit_zh(ds: Dataset, record: str) -> str | None:
    """A figure's or a target's own Chinese unit (只 for sheep), where the data gives one."""
    found = ds.by_id.get(record)
    return getattr(found[1], "unit_zh", None) if found else None


def value_cell(v: View, value: Any, unit: str | None, qualifier: str | None, style: Style = NO_STYLE) -> str:
    """The value in one cell, its qualifier beside the digits: 'more than 40,000', 超过4万."""
    words = v.qualifier(qualifier) if value is not None else ""
    digits = v.parts(value, unit, style)[0]
    if not words:
        return digits
    return f"{words}{digits}" if v.lang == "zh" else f"{words} {digits}"  # a whole cell: never broken


BAR_WIDTH = 30  # the longest bar of a trend


def trend_column(v: View, rows: list[Row]) -> Column:
    """A bar per row, to scale among the rows of its own measure, unit and scope, and only where there
    are two or more of them: a bar never compares mu with tonnes, nor a county with the city."""
    groups: dict[tuple[Any, Any, Any], list[float]] = {}
    for r in rows:
        if r["value"] is not None:
            groups.setdefault((r.get("measure"), r["unit"], r.get("scope")), []).append(abs(r["value"]))

    def bar(r: Row) -> str:
        values = groups.get((r.get("measure"), r["unit"], r.get("scope")), [])
        if r["value"] is None or len(values) < 2:
            return ""
        top = max(values) or 1
        length: int = max(1 if r["value"] else 0, round(abs(r["value"]) / top * BAR_WIDTH))
        return str(v.bar_char * length)

    return Column(v.header("Trend"), bar, whole=True, optional=True)
