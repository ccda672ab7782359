"""The typed dataset: what the loader hands to report builders, already valid.

Records are NamedTuples, not dataclasses: typed and immutable alike, but a
NamedTuple class costs about 0.1 ms to create at import against 0.5 ms for a
dataclass (benchmarks/run.py; start-up is this tool's main cost).
"""

from __future__ import annotations

from datetime import date
from typing import Any, NamedTuple, Union

from hechi_cli.units import Period

Number = Union[int, float]
_FAR = date.max  # unknown periods sort last


class Source(NamedTuple):
    id: str
    title: str
    publisher: str
    date: str  # ISO date, 'YYYY', 'YYYY-MM', '~YYYY' or 'unknown'
    url: str
    grade: str
    note: str | None = None


class County(NamedTuple):
    id: str
    name: str
    name_zh: str | None
    kind: str
    source: str
    note: str | None = None


class Industry(NamedTuple):
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


class Figure(NamedTuple):
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


class Site(NamedTuple):
    id: str
    name: str
    county: str
    source: str
    note: str | None = None


class Ranking(NamedTuple):
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


class Programme(NamedTuple):
    name: str
    name_zh: str | None
    name_zh_note: str | None
    source: str
    claimed_achieved: bool
    claim_note: str | None


Record = Union[Industry, Figure, Ranking, Site, County, Source]


class Dataset:
    """All records, in file order, with the look-ups built once."""

    def __init__(
        self,
        title: str,
        programme: Programme,
        sources: list[Source],
        counties: list[County],
        industries: list[Industry],
        figures: list[Figure],
        sites: list[Site],
        rankings: list[Ranking],
    ) -> None:
        self.title = title
        self.programme = programme
        self.sources = sources
        self.counties = counties
        self.industries = industries
        self.figures = figures
        self.sites = sites
        self.rankings = rankings
        self.source_by_id = {s.id: s for s in sources}
        self.county_by_id = {c.id: c for c in counties}
        # measure -> figures, oldest first: series look-ups stay linear in the data.
        self._records: dict[str, tuple[str, Record]] | None = None
        self._by_measure: dict[str, list[Figure]] = {}
        for f in sorted(figures, key=_period_key):
            self._by_measure.setdefault(f.measure, []).append(f)

    def records(self) -> dict[str, tuple[str, Record]]:
        """id -> (kind, record) over the whole file; ids are unique across kinds."""
        if self._records is None:
            groups: list[tuple[str, list[Any]]] = [
                ("industry", self.industries),
                ("figure", self.figures),
                ("ranking", self.rankings),
                ("site", self.sites),
                ("county", self.counties),
                ("source", self.sources),
            ]
            self._records = {r.id: (kind, r) for kind, group in groups for r in group}
        return self._records

    def grade(self, source_id: str) -> str:
        return self.source_by_id[source_id].grade

    def series(self, measure: str, scope: str | None = None) -> list[Figure]:
        """Figures of one measure (optionally one scope), oldest first."""
        found = self._by_measure.get(measure, [])
        return [f for f in found if f.scope == scope] if scope is not None else list(found)


def _period_key(f: Figure) -> tuple[date, date]:
    return (f.period.end or _FAR, f.period.start or _FAR)
