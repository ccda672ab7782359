"""What every validation rule reads: the records of a parsed document, and the ids they may name."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any, NamedTuple

from hechi_cli.dataset.fields import TABLES
from hechi_cli.dataset.periods import Period, parse_period
from hechi_cli.dataset.problems import PathPart

Doc = dict[str, Any]
Path = tuple[PathPart, ...]


def records(doc: Doc, table: str) -> Iterator[tuple[Path, dict[str, Any]]]:
    """(path, record) of every record of a table or an array of tables that is a table at all."""
    found = doc.get(table)
    if isinstance(found, dict) and table in TABLES:
        yield (table,), found
    elif isinstance(found, list):
        for i, rec in enumerate(found):
            if isinstance(rec, dict):
                yield (table, i), rec


def strings(doc: Doc, table: str, key: str) -> Iterator[tuple[Path, str]]:
    """(path, value) of a key in every record where its value is a string."""
    for path, rec in records(doc, table):
        value = rec.get(key)
        if isinstance(value, str):
            yield path + (key,), value


def as_period(raw: Any) -> Period | str:
    """The period of a TOML date or string, or why it is not one."""
    try:
        return parse_period(raw.isoformat() if isinstance(raw, date) else str(raw))
    except ValueError as e:
        return str(e).split(":")[0]


class Context(NamedTuple):
    """What several rules look up, computed once: the ids each kind of reference may name."""

    doc: Doc
    known: dict[str, set[str]]  # Field.refers_to -> the ids it may name
    source_ends: dict[str, date]  # source id -> the last day of its date


def context(doc: Doc) -> Context:
    def ids(table: str, key: str = "id") -> set[str]:
        return {value for _, value in strings(doc, table, key)}

    counties = ids("counties")
    ends = {}
    for _, rec in records(doc, "sources"):
        period = as_period(rec.get("date"))
        if isinstance(rec.get("id"), str) and isinstance(period, Period) and period.end is not None:
            ends[rec["id"]] = period.end
    known = {
        "source": ids("sources"),
        "scope": counties | {"city"},
        "county": counties,
        "site": ids("sites"),
        "measure": ids("figures", "measure"),
    }
    return Context(doc, known, ends)
