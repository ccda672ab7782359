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
    refers_to: str | None = None  # the table whose `id` this column holds: a foreign key


class Table(NamedTuple):
    name: str
    description: str
    columns: list[Col]

    @property
    def foreign_keys(self) -> dict[str, str]:
        """Column -> the table whose `id` it refers to."""
        return {c.name: c.refers_to for c in self.columns if c.refers_to}


S, N, I, B, D = "string", "number", "integer", "boolean", "date"  # noqa: E741

ID = Col("id", S, "The record's id: unique across the whole dataset", required=True)
SOURCE = Col("source", S, "The id of the source the record comes from", required=True, refers_to="sources")
NOTE = Col("note", S, "A note in our own words")
SHORT = Col("short", S, "A shorter English label, for the rows of a table")
SHORT_ZH = Col("short_zh", S, "A shorter Chinese label, for the rows of a table")
# When, where and who said it: the columns every figure and ranking ends with.
WHEN_WHERE_WHO = [
    Col("period", S, "The date or span as the source gives it: 2020, 2021-12, 2021-H1, 2016/2020, ~2014, unknown"),
    Col("period_start", D, "The first day of the period (empty when unknown)"),
    Col("period_end", D, "The last day of the period (empty when unknown)"),
    Col("scope", S, "city, or the id of a county", required=True),
    Col("county", S, "The county id when the scope is a county; empty for the city", refers_to="counties"),
    SOURCE,
]


NAME, NAME_ZH = Col("name", S, "English name", required=True), Col("name_zh", S, "Chinese name")
# Where a Chinese name is our own translation, and the note in Chinese: every record may have both.
ZH = [
    Col("zh_note", S, "Where the Chinese name comes from, when no page gives it: our translation"),
    Col("note_zh", S, "The note in Chinese"),
]
COUNTY_KIND = Col("kind", S, "district, county or autonomous county", required=True)


def record(*columns: Col) -> list[Col]:
    """The columns of a record that cites a source: its id first, then its own, then its source and notes."""
    return [ID, *columns, SOURCE, NOTE, *ZH]


def names(key: str) -> list[Col]:
    """The English and Chinese name (or label) of a record, each with the short form tables use."""
    return [Col(key, S, f"English {key}", required=True), SHORT, Col(f"{key}_zh", S, f"Chinese {key}"), SHORT_ZH]


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
            Col("publisher_short", S, "The publisher as a table's footnote names it"),
            Col("publisher_zh", S, "The outlet's own Chinese name, for Chinese views"),
            Col("note_zh", S, "The note in Chinese"),
        ],
    ),
    Table(
        "programme",
        "The programme whose goals the industries are: one row",
        [
            Col("id", S, "Always 'programme': the one programme of the dataset", required=True),
            Col("name", S, "English name", required=True),
            Col("name_zh", S, "Chinese name"),
            Col("name_zh_note", S, "Where the Chinese name comes from"),
            Col("name_zh_source", S, "The source that gives the Chinese name", refers_to="sources"),
            Col("period", S, "When the goals were to be met: START/END"),
            Col("period_start", D, "The first day of the period"),
            Col("period_end", D, "The last day of the period"),
            Col("period_source", S, "The source that gives the period", refers_to="sources"),
            Col("period_note", S, "How the period is known"),
            SOURCE,
            Col("claimed_achieved", B, "The source says the goals were achieved", required=True),
            Col("claim_note", S, "What the claim says, in our words"),
        ],
    ),
    Table("counties", "Hechi's county-level divisions", record(NAME, NAME_ZH, COUNTY_KIND)),
    Table(
        "industries",
        "The targets of the agricultural programme of ten industries of a million mu or head each",
        record(
            *names("name"),
            Col("target", N, "The goal (empty for a base)"),
            Col("unit", S, "The unit of the goal"),
            Col("unit_zh", S, "The unit in Chinese where its usual word is wrong: 头（只） for cattle and sheep"),
            Col("kind", S, "What the goal counts: stock, flow, cumulative, share, rank or expectation"),
            Col("measure", S, "The measure of the figures that count toward the goal"),
            Col("major", B, "One of the five major industries", required=True),
            Col("related", S, "Measures set beside the goal but never compared with it, joined by '; '"),
        ),
    ),
    Table(
        "sites", "Named resettlement sites", record(NAME, NAME_ZH, Col("county", S, "The county id", True, "counties"))
    ),
    Table(
        "figures",
        "Every reported figure with its value, unit, qualifier, period, scope and source",
        [
            ID,
            Col("measure", S, "What is measured; figures of one measure form a series", required=True),
            *names("label"),
            Col(
                "topic", S, "industry, silk, livestock, share, ranking, resettlement, income, programme or county", True
            ),
            Col("kind", S, "stock, flow, cumulative, share, rank or expectation (never an achievement)"),
            Col("value", N, "The value exactly as the source gives it", required=True),
            Col("unit", S, "The unit of the value", required=True),
            Col("unit_zh", S, "The unit in Chinese where its usual word is wrong: 只 for sheep and goats"),
            Col("qualifier", S, "exact, more_than, about or at_least", required=True),
            *WHEN_WHERE_WHO,
            Col("site", S, "The id of the resettlement site the figure is about", refers_to="sites"),
            Col("items", S, "Listed items, joined by '; '"),
            Col("items_zh", S, "The listed items in Chinese, joined by '；'"),
            Col("headline", B, "Shown by hechi summary"),
            NOTE,
            *ZH,
        ],
    ),
    Table(
        "measures",
        "The series that have a name of their own, where the labels of their figures differ",
        [
            Col("id", S, "The measure: the `measure` of the figures of the series", required=True),
            NAME,
            NAME_ZH,
            Col("zh_note", S, "Where the Chinese name comes from, when no page gives it: our translation"),
        ],
    ),
    Table(
        "rankings",
        "Rankings and honours",
        [
            ID,
            Col("kind", S, "ranking or honour", required=True),
            *names("name"),
            Col("rank", I, "The place, from 1 (empty for an honour)"),
            Col("among", S, "Among whom or where"),
            Col("among_zh", S, "Among whom or where, in Chinese"),
            *WHEN_WHERE_WHO,
            Col("streak", S, "The measure of the figures that give its streak"),
            NOTE,
            *ZH,
        ],
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
    records: list[Any] = [ds.programme] if table.name == "programme" else getattr(ds, table.name)
    for rec in records:
        fields = {"id": "programme", **rec._asdict()} if table.name == "programme" else rec._asdict()
        if table.name == "measures":  # a measure is named by its measure, which is its key here
            fields["id"] = fields["measure"]
        if "period" in fields:
            fields.update(_period(fields["period"]) if fields["period"] else {"period": None})
        if "scope" in fields:
            fields["county"] = None if fields["scope"] == "city" else fields["scope"]
        for key, sep in (("items", "; "), ("items_zh", "；"), ("related", "; ")):
            if key in fields:
                fields[key] = sep.join(fields[key]) or None
        yield {c.name: fields.get(c.name) for c in table.columns}
