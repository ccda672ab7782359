"""Row shapes that several reports share: a figure, and a place that has no figures."""

from __future__ import annotations

from typing import Any

from hechi_cli.dataset.model import Dataset, Figure
from hechi_cli.reports import humanize as h
from hechi_cli.reports.report import Column, Row

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
        "period": f.period.text,
        "scope": f.scope,
        "source": f.source,
        "grade": ds.grade(f.source),
    }


def gap_row(rid: str | None, label: str | None, scope: str, source: str | None, grade: str | None) -> Row:
    """A figure row with no figure: a site or a county the dataset has no figures for."""
    row: Row = dict.fromkeys(FIGURE_KEYS)
    row.update({"id": rid, "label": label, "scope": scope, "source": source, "grade": grade})
    return row


def figure_columns(v: Any, extra: list[Column], scope: bool = True) -> list[Column]:
    """The human columns of a figure row: Figure, the extras, Value, As of, [Scope], Grade, Source.

    `v` is a reports.view.View (typed Any to keep this module's imports light).
    """
    cols = [
        Column(v.header("Figure"), lambda r: v.name(r, "label")),
        *extra,
        Column(
            v.header("Value"),
            lambda r: "no figures reported" if r["value"] is None else v.amount(r["value"], r["unit"], r["qualifier"]),
            numeric=True,
        ),
        Column(v.header("As of"), lambda r: h.period(r["period"])),
    ]
    if scope:
        cols.append(Column(v.header("Scope"), lambda r: r["scope"] or ""))
    cols.append(Column(v.header("Grade"), lambda r: r["grade"] or ""))
    cols.append(Column(v.header("Source"), lambda r: r["source"] or "", whole=True))
    return cols
