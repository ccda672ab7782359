"""Row shapes that several reports share: a figure, and a place that has no figures."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from hechi_cli.dataset.model import Dataset, Figure, Ranking
from hechi_cli.reports.report import Column, Heading, Row, Words

if TYPE_CHECKING:
    from hechi_cli.reports.view import View

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


def figure_columns(v: View, ds: Dataset, extra: list[Column], scope: bool = True) -> list[Column]:
    """The human columns of a figure row, as a statistical yearbook sets them: the figure (with its
    county, where `scope` asks and it is not the city's) and its id, the extras, the value (the
    qualifier above the digits), the unit, the period, and the source as a footnote marker with
    its grade (render/table.py lists the sources under the table).
    """
    cols = [
        Column(v.header("Figure"), lambda r: _label_and_id(v, ds, r, scope)),
        *extra,
        Column(
            v.header("Value"), lambda r: value_cell(v, r["value"], r["unit"], r["qualifier"]), numeric=True, whole=True
        ),
        Column(v.header("Unit"), lambda r: v.parts(r["value"], r["unit"])[1], whole=True),
        Column(v.header("As of"), lambda r: v.period(r["period"])),
    ]
    cols.append(Column(v.header("Src"), lambda r: r["source"] or "", whole=True, footnote=True))
    return cols


def row_label(v: View, ds: Dataset, rid: str | None) -> str:
    """The label a table shows for a record: its short label where the data gives one (View.short)."""
    found = ds.records().get(rid or "")
    if found is None or found[0] not in ("figure", "industry", "ranking", "site"):
        return ""
    return str(v.short(found[1]._asdict(), "label" if found[0] == "figure" else "name"))


def own_names(v: View, ds: Dataset, ids: list[str | None]) -> list[str]:
    """The note that explains the mark on a Chinese name of our own translation (View.short), for
    tables where a row has one; none in English, which has no such mark."""
    records = ds.records()
    ours = any(getattr(records[i][1], "zh_note", None) for i in ids if i in records)
    return [v.t("# = a Chinese name of our own translation: no page read gives it.")] if v.lang == "zh" and ours else []


def table_words(
    v: View, ds: Dataset, heading: Heading, columns: list[Column], notes: list[str], rows: list[Row]
) -> Words:
    """The words of a table of records: its title, columns and notes, then the note on our own
    Chinese names where a row has one, and the dataset's sources for the footnotes."""
    own = own_names(v, ds, [r["id"] for r in rows])
    return Words(v.lang, v.t(heading.title), columns, notes + own, sources=ds.source_by_id)


def scope_name(v: View, ds: Dataset, scope: str) -> str:
    """Where a figure counts: its scope id ('city', 'yizhou'); in Chinese, 全市 or the county's name."""
    if v.lang != "zh":
        return scope
    county = ds.county_by_id.get(scope)
    return str(v.name(county._asdict())) if county else str(v.t("the city"))


def _label_and_id(v: View, ds: Dataset, r: Row, scope: bool) -> str:
    """The short label, with a county's id where the figure is not the city's, then the record's id."""
    label = row_label(v, ds, r["id"]) or (v.name(r, "label") if r["label"] else v.t("no figures in the dataset"))
    if scope and r["scope"] and r["scope"] != "city":
        label += v.t(" ({scope})", scope=scope_name(v, ds, r["scope"]))
    return f"{label}\n{r['id']}" if r["id"] else label


def value_cell(v: View, value: Any, unit: str | None, qualifier: str | None) -> str:
    """The digits of a value, with its qualifier ('more than') on the line above, so digits line up."""
    words = v.qualifier(qualifier) if value is not None else ""
    digits = v.parts(value, unit)[0]
    return f"{words}\n{digits}" if words else digits


BAR_WIDTH = 30  # the longest bar of a trend


def trend_column(v: View, rows: list[Row]) -> Column:
    """A bar per row, to scale within the rows; whole, so a bar is never wrapped."""
    top = max((abs(r["value"]) for r in rows if r["value"] is not None), default=0) or 1

    def bar(r: Row) -> str:
        if r["value"] is None:
            return ""
        length: int = max(1 if r["value"] else 0, round(abs(r["value"]) / top * BAR_WIDTH))
        return str(v.bar_char * length)

    return Column(v.header("Trend"), bar, whole=True, optional=True)
