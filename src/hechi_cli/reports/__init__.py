"""Report builders: pure functions from a Dataset to a Report of plain rows.

A Report has two views. `rows` are the raw records, keys in a deliberate
order, for JSON and CSV. `columns` say how a person reads a row, for the
table and Markdown renderers. Builders never format for a terminal.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from hechi_cli.model import Dataset, Figure

Row = dict[str, Any]


@dataclass(frozen=True)
class Column:
    header: str
    cell: Callable[[Row], str]
    numeric: bool = False  # right-aligned
    whole: bool = False  # never wrapped (ids, source ids), so it can be copied
    below: bool = False  # too long for a terminal grid (URLs): listed under the table instead
    style: Callable[[Row], str] | None = None  # a rich style name, for emphasis only


@dataclass
class Report:
    command: str
    title: str
    key: str  # the JSON key that holds the rows
    rows: list[Row]
    columns: list[Column]
    notes: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)  # JSON-only structured parts


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
