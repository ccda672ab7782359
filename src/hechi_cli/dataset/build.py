"""The typed Dataset of a document that passed every rule: each record built from its model's own fields."""

from __future__ import annotations

from datetime import date
from typing import Any, Callable, TypeVar

from hechi_cli.dataset.model import County, Dataset, Figure, Industry, Measure, Programme, Ranking, Site, Source
from hechi_cli.dataset.periods import parse_period

R = TypeVar("R")


def _text(v: Any) -> str:
    return v.isoformat() if isinstance(v, date) else str(v)


# Keys whose TOML value is not the model's value as it stands; an absent key takes the field's default.
CONVERT: dict[str, Callable[[Any], Any]] = {
    "date": _text,
    "period": lambda v: parse_period(_text(v)),
    "items": tuple,
    "items_zh": tuple,
    "related": tuple,
}


def _same(v: Any) -> Any:
    return v


def _record(cls: type[R], rec: dict[str, Any]) -> R:
    """A model record by keyword from its own field list; an absent optional key is the field's default or None."""
    fields: tuple[str, ...] = getattr(cls, "_fields")  # noqa: B009  (a NamedTuple class)
    defaults: dict[str, Any] = getattr(cls, "_field_defaults")  # noqa: B009
    return cls(**{k: CONVERT.get(k, _same)(rec[k]) if k in rec else defaults.get(k) for k in fields})


def build(doc: dict[str, Any]) -> Dataset:
    """The Dataset of a checked document; records keep file order."""

    def every(cls: type[R], table: str) -> list[R]:
        return [_record(cls, rec) for rec in doc.get(table, [])]

    return Dataset.of(
        title=doc["dataset"]["title"],
        programme=_record(Programme, doc["programme"]),
        sources=every(Source, "sources"),
        counties=every(County, "counties"),
        industries=every(Industry, "industries"),
        figures=every(Figure, "figures"),
        sites=every(Site, "sites"),
        rankings=every(Ranking, "rankings"),
        compiled=str(doc["dataset"]["compiled"]) if "compiled" in doc["dataset"] else None,
        measures=tuple(every(Measure, "measures")),
    )
