"""Report builders: pure functions from a Dataset to a Report of plain rows.

A Report has two views. `rows` are the raw records, keys in a deliberate
order, for JSON and CSV. `columns` say how a person reads a row, for the
table and Markdown renderers. Builders never format for a terminal.
"""

from __future__ import annotations

from typing import Any, Callable, NamedTuple

from hechi_cli import humanize as h
from hechi_cli.model import Dataset, Figure

Row = dict[str, Any]


class Column(NamedTuple):
    header: str
    cell: Callable[[Row], str]
    numeric: bool = False  # right-aligned
    whole: bool = False  # never wrapped (ids, source ids), so it can be copied
    below: bool = False  # too long for a terminal grid (URLs): listed under the table instead
    style: Callable[[Row], str] | None = None  # a rich style name, for emphasis only


class Report:
    """What a builder returns; renderers read it, nothing changes it."""

    def __init__(
        self,
        command: str,
        title: str,
        key: str,
        rows: list[Row],
        columns: list[Column],
        notes: list[str] | None = None,
        extra: dict[str, Any] | None = None,
        head: dict[str, Any] | None = None,
        details: list[tuple[str, str]] | None = None,
        json_notes: bool = True,
    ) -> None:
        self.command = command
        self.title = title
        self.key = key  # the JSON key that holds the rows
        self.rows = rows
        self.columns = columns
        self.notes = notes or []
        self.extra = extra or {}  # JSON-only structured parts, after the rows
        self.head = head or {}  # JSON-only parts before the rows (what the rows are about)
        self.details = details or []  # human-only `label: value` lines before the table
        self.json_notes = json_notes


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
