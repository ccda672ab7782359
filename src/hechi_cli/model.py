"""The typed dataset: what the loader hands to report builders, already valid."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Union

from hechi_cli.units import Period

Number = Union[int, float]
_FAR = date.max  # unknown periods sort last


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    publisher: str
    date: str  # ISO date, 'YYYY', 'YYYY-MM', '~YYYY' or 'unknown'
    url: str
    grade: str
    note: str | None = None


@dataclass(frozen=True)
class County:
    id: str
    name: str
    name_zh: str | None
    kind: str
    source: str
    note: str | None = None


@dataclass(frozen=True)
class Industry:
    """A programme target; bases have no numeric target."""

    id: str
    name: str
    name_zh: str | None
    target: Number | None
    unit: str | None
    measure: str | None
    major: bool
    source: str
    note: str | None = None


@dataclass(frozen=True)
class Figure:
    id: str
    measure: str
    label: str
    label_zh: str | None
    topic: str
    value: Number
    unit: str
    qualifier: str
    period: Period
    scope: str  # 'city' or a county id
    source: str
    note: str | None = None
    site: str | None = None
    items: tuple[str, ...] = ()
    headline: bool = False


@dataclass(frozen=True)
class Site:
    id: str
    name: str
    county: str
    source: str
    note: str | None = None


@dataclass(frozen=True)
class Ranking:
    id: str
    kind: str  # 'ranking' or 'honour'
    name: str
    name_zh: str | None
    rank: int | None
    among: str | None
    period: Period
    scope: str
    source: str
    streak: str | None = None  # measure of the figures that give the streak
    note: str | None = None


@dataclass(frozen=True)
class Programme:
    name: str
    name_zh: str | None
    name_zh_note: str | None
    source: str
    claimed_achieved: bool
    claim_note: str | None


@dataclass
class Dataset:
    """All records, in file order, with look-ups built once."""

    title: str
    programme: Programme
    sources: list[Source]
    counties: list[County]
    industries: list[Industry]
    figures: list[Figure]
    sites: list[Site]
    rankings: list[Ranking]
    source_by_id: dict[str, Source] = field(init=False)
    county_by_id: dict[str, County] = field(init=False)

    def __post_init__(self) -> None:
        self.source_by_id = {s.id: s for s in self.sources}
        self.county_by_id = {c.id: c for c in self.counties}

    def grade(self, source_id: str) -> str:
        return self.source_by_id[source_id].grade

    def series(self, measure: str, scope: str | None = None) -> list[Figure]:
        """Figures of one measure (optionally one scope), oldest first."""
        found = [f for f in self.figures if f.measure == measure and (scope is None or f.scope == scope)]
        return sorted(found, key=lambda f: (f.period.end or _FAR, f.period.start or _FAR))
