"""The exported tables: every record of the dataset as flat rows, with types, primary and foreign keys.

Units, qualifiers, periods and grades are columns of their own, never buried in
text. A figure's `scope` is 'city' or a county id; `county` repeats it only when
it is a county, so that it can be a foreign key.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, NamedTuple

from hechi_cli.dataset.model import Dataset
from hechi_cli.dataset.periods import Period


class Col(NamedTuple):
    name: str
    type: str  # a Table Schema type: string, number, integer, boolean, date
    description: str
    required: bool = False


class Table(NamedTuple):
    name: str
    description: str
    columns: list[Col]
    foreign_keys: dict[str, str]  # column -> referenced table (its `id`)


S, N, I, B, D = "string", "number", "integer", "boolean", "date"  # noqa: E741

ID = Col("id", S, "The record's id: unique across the whole dataset", required=True)
SOURCE = Col("source", S, "The id of the source the record comes from", required=True)
NOTE = Col("note", S, "A note in our own words")
SHORT = Col("short", S, "A shorter English label, for the rows of a table")
SHORT_ZH = Col("short_zh", S, "A shorter Chinese label, for the rows of a table")
PERIOD = [
    Col("period", S, "The date or span as the source gives it: 2020, 2021-12, 2021-H1, 2016/2020, ~2014, unknown"),
    Col("period_start", D, "The first day of the period (empty when unknown)"),
    Col("period_end", D, "The last day of the period (empty when unknown)"),
]

# In the order of their foreign keys: a table comes after every table it refers to.
TABLES = [
    Table(
        "sources",
        "Every page a figure comes from, with its reliability grade",
        [
            ID,
            Col("title", S, "The page's title as published", required=True),
            Col("publisher", S, "Who published the page", required=True),
            Col("date", S, "The page's date: YYYY-MM-DD, YYYY-MM, YYYY, ~YYYY or unknown", required=True),
            Col("url", S, "The page's address", required=True),
            Col(
                "grade",
                S,
                "A: official or major media; B: reputable re-host or wire; C: low-quality mirror or forum",
                True,
            ),
            NOTE,
        ],
        {},
    ),
    Table(
        "counties",
        "Hechi's county-level divisions",
        [
            ID,
            Col("name", S, "English name", required=True),
            Col("name_zh", S, "Chinese name"),
            Col("kind", S, "district, county or autonomous county", required=True),
            SOURCE,
            NOTE,
        ],
        {"source": "sources"},
    ),
    Table(
        "industries",
        "The targets of the agricultural 10-million-level industrial programme",
        [
            ID,
            Col("name", S, "English name", required=True),
            SHORT,
            Col("name_zh", S, "Chinese name"),
            SHORT_ZH,
            Col("target", N, "The goal (empty for a base)"),
            Col("unit", S, "The unit of the goal"),
            Col("measure", S, "The measure of the figures that count toward the goal"),
            Col("major", B, "One of the five major industries", required=True),
            SOURCE,
            NOTE,
        ],
        {"source": "sources"},
    ),
    Table(
        "sites",
        "Named resettlement sites",
        [ID, Col("name", S, "English name", required=True), Col("county", S, "The county id", True), SOURCE, NOTE],
        {"county": "counties", "source": "sources"},
    ),
    Table(
        "figures",
        "Every reported figure with its value, unit, qualifier, period, scope and source",
        [
            ID,
            Col("measure", S, "What is measured; figures of one measure form a series", required=True),
            Col("label", S, "English label", required=True),
            SHORT,
            Col("label_zh", S, "Chinese label"),
            SHORT_ZH,
            Col(
                "topic", S, "industry, silk, livestock, share, ranking, resettlement, income, programme or county", True
            ),
            Col("value", N, "The value exactly as the source gives it", required=True),
            Col("unit", S, "The unit of the value", required=True),
            Col("qualifier", S, "exact, more_than, about or at_least", required=True),
            *PERIOD,
            Col("scope", S, "city, or the id of a county", required=True),
            Col("county", S, "The county id when the scope is a county; empty for the city"),
            SOURCE,
            Col("site", S, "The id of the resettlement site the figure is about"),
            Col("items", S, "Listed items, joined by '; '"),
            Col("headline", B, "Shown by hechi summary"),
            NOTE,
        ],
        {"county": "counties", "source": "sources", "site": "sites"},
    ),
    Table(
        "rankings",
        "Rankings and honours",
        [
            ID,
            Col("kind", S, "ranking or honour", required=True),
            Col("name", S, "English name", required=True),
            SHORT,
            Col("name_zh", S, "Chinese name"),
            SHORT_ZH,
            Col("rank", I, "The place, from 1 (empty for an honour)"),
            Col("among", S, "Among whom or where"),
            *PERIOD,
            Col("scope", S, "city, or the id of a county", required=True),
            Col("county", S, "The county id when the scope is a county; empty for the city"),
            SOURCE,
            Col("streak", S, "The measure of the figures that give its streak"),
            NOTE,
        ],
        {"county": "counties", "source": "sources"},
    ),
]


def _period(p: Period) -> dict[str, Any]:
    return {
        "period": p.text,
        "period_start": p.start.isoformat() if p.start else None,
        "period_end": p.end.isoformat() if p.end else None,
    }


def rows(ds: Dataset, table: Table) -> Iterator[dict[str, Any]]:
    """The table's rows, in the dataset's order, with exactly the table's columns."""
    records: list[Any] = getattr(ds, table.name)
    for rec in records:
        fields = rec._asdict()
        if "period" in fields:
            fields.update(_period(fields["period"]))
        if "scope" in fields:
            fields["county"] = None if fields["scope"] == "city" else fields["scope"]
        if "items" in fields:
            fields["items"] = "; ".join(fields["items"]) or None
        yield {c.name: fields.get(c.name) for c in table.columns}
