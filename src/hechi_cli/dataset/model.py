"""The typed dataset: what the loader hands to report builders, already valid.

Records are NamedTuples, not dataclasses: typed and immutable alike, but a
NamedTuple class costs about 0.1 ms to create at import against 0.5 ms for a
dataclass (benchmarks/run.py; start-up is this tool's main cost).
"""

from __future__ import annotations

from datetime import date
from typing import Any, NamedTuple, Union

from hechi_cli.dataset.periods import Period

Number = Union[int, float]
_FAR = date.max  # unknown periods sort last


UNRECORDED_TITLE = "(title not recorded)"  # how the data marks a page whose title nobody wrote down


class Source(NamedTuple):
    id: str
    title: str
    publisher: str
    date: str  # ISO date, 'YYYY', 'YYYY-MM', '~YYYY' or 'unknown'
    url: str
    grade: str
    note: str | None = None
    publisher_short: str | None = None  # the publisher as a table's footnote names it: "China Daily"
    publisher_zh: str | None = None  # the outlet's own Chinese name, for Chinese views: 中国日报网
    note_zh: str | None = None  # the note in Chinese, in our words as the note is

    @property
    def short_publisher(self) -> str:
        return self.publisher_short or self.publisher

    def publisher_in(self, lang: str) -> str:
        """The publisher as a table names it in `lang`: 中国日报网 under zh where the data has it."""
        return (self.publisher_zh or self.short_publisher) if lang == "zh" else self.short_publisher

    def publisher_named(self, lang: str) -> str:
        """The publisher in full as a citation names it. Under zh: its Chinese name where the data has
        one, else the site's own short name (a domain: bbs.duhuoa.com), never our English description."""
        return self.publisher_in(lang) if lang == "zh" else self.publisher

    @property
    def known_title(self) -> str | None:
        """The page's title, or None where it was not recorded ("(title not recorded) …" is ours)."""
        return None if self.title.startswith(UNRECORDED_TITLE) else self.title


class County(NamedTuple):
    id: str
    name: str
    name_zh: str | None
    kind: str
    source: str
    note: str | None = None
    zh_note: str | None = None  # where the Chinese name comes from when no page gives it: our translation
    note_zh: str | None = None  # the note in Chinese, in our words as the note is


class Industry(NamedTuple):
    """A programme target; bases have no numeric target."""

    id: str
    name: str
    short: str | None  # the row label of a table, where `name` is too long for one
    name_zh: str | None
    short_zh: str | None
    target: Number | None
    unit: str | None
    kind: str | None  # what the goal counts (FIGURE_KINDS): a figure must be of this kind to be compared
    measure: str | None
    major: bool
    source: str
    note: str | None = None
    related: tuple[str, ...] = ()  # measures shown beside the goal, never compared with it
    zh_note: str | None = None  # where the Chinese name comes from when no page gives it: our translation
    note_zh: str | None = None  # the note in Chinese, in our words as the note is
    unit_zh: str | None = None  # cattle and sheep together: 头（只）


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
    short: str | None = None  # the row label of a table, where `label` is too long for one
    short_zh: str | None = None
    kind: str | None = None  # FIGURE_KINDS: stock, flow, cumulative, share, rank or expectation
    zh_note: str | None = None  # where the Chinese label comes from when no page gives it: our translation
    items_zh: tuple[str, ...] = ()  # `items` in Chinese, in the same order
    note_zh: str | None = None  # the note in Chinese, in our words as the note is
    unit_zh: str | None = None  # the Chinese unit where the unit's usual word is wrong: sheep are 只, not 头


class Site(NamedTuple):
    id: str
    name: str
    county: str
    source: str
    note: str | None = None
    name_zh: str | None = None
    zh_note: str | None = None  # where the Chinese name comes from when no page gives it: our translation
    note_zh: str | None = None  # the note in Chinese, in our words as the note is


class Ranking(NamedTuple):
    id: str
    kind: str  # 'ranking' or 'honour'
    name: str
    short: str | None  # the row label of a table, where `name` is too long for one
    name_zh: str | None
    short_zh: str | None
    rank: int | None
    among: str | None
    period: Period
    scope: str
    source: str
    streak: str | None = None  # measure of the figures that give the streak
    note: str | None = None
    zh_note: str | None = None  # where the Chinese name comes from when no page gives it: our translation
    among_zh: str | None = None  # `among` in Chinese: 全国地级市, 广西
    note_zh: str | None = None  # the note in Chinese, in our words as the note is


class Programme(NamedTuple):
    name: str
    name_zh: str | None
    name_zh_note: str | None
    source: str
    claimed_achieved: bool
    claim_note: str | None
    name_zh_source: str | None = None
    period: Period | None = None  # when the targets were to be met; figures before it are baselines
    period_source: str | None = None
    period_note: str | None = None


Record = Union[Industry, Figure, Ranking, Site, County, Source]


class Measure(NamedTuple):
    """A series' own name ([[measures]]), where the labels of its figures differ."""

    measure: str
    name: str
    name_zh: str | None = None
    zh_note: str | None = None  # where the Chinese name comes from when no page gives it: our translation


class Dataset(NamedTuple):
    """All records, in file order, with their look-ups; make one with Dataset.of."""

    title: str
    programme: Programme
    sources: list[Source]
    counties: list[County]
    industries: list[Industry]
    figures: list[Figure]
    sites: list[Site]
    rankings: list[Ranking]
    # The look-ups, built once by Dataset.of:
    source_by_id: dict[str, Source]
    county_by_id: dict[str, County]
    by_measure: dict[str, list[Figure]]  # measure -> figures, oldest first: series look-ups stay linear
    by_id: dict[str, tuple[str, Record]]  # id -> (kind, record); ids are unique across kinds
    compiled: str | None = None  # when the data was compiled ([dataset] compiled): the data's version
    measures: tuple[Measure, ...] = ()  # the series that have a name of their own

    @classmethod
    def of(
        cls,
        *,
        title: str,
        programme: Programme,
        sources: list[Source],
        counties: list[County],
        industries: list[Industry],
        figures: list[Figure],
        sites: list[Site],
        rankings: list[Ranking],
        compiled: str | None = None,
        measures: tuple[Measure, ...] = (),
    ) -> Dataset:
        """A Dataset with its look-ups built."""
        by_measure: dict[str, list[Figure]] = {}
        for f in sorted(figures, key=_period_key):
            by_measure.setdefault(f.measure, []).append(f)
        groups: list[tuple[str, list[Any]]] = [
            ("industry", industries),
            ("figure", figures),
            ("ranking", rankings),
            ("site", sites),
            ("county", counties),
            ("source", sources),
        ]
        by_id = {r.id: (kind, r) for kind, group in groups for r in group}
        sources_by_id = {s.id: s for s in sources}
        counties_by_id = {c.id: c for c in counties}
        parts = (title, programme, sources, counties, industries, figures, sites, rankings)
        return cls(*parts, sources_by_id, counties_by_id, by_measure, by_id, compiled, measures)

    def measure_named(self, measure: str) -> Measure | None:
        """The series' own name, where the data gives one."""
        return next((m for m in self.measures if m.measure == measure), None)

    def proper_names_zh(self) -> frozenset[str]:
        """The Chinese names a line never breaks inside, as a bulletin sets them: counties, industries
        and publishers (a joint one, 北部湾之声／国际在线, by its parts)."""
        names = [c.name_zh for c in self.counties] + [i.name_zh for i in self.industries]
        names += [part for s in self.sources if s.publisher_zh for part in s.publisher_zh.split("／")]
        return frozenset(n for n in names if n and len(n) > 1)

    def records(self) -> dict[str, tuple[str, Record]]:
        """id -> (kind, record) over the whole file; ids are unique across kinds."""
        return self.by_id

    def canonical(self, wanted: str) -> str:
        """The id a user meant: ids and measures are lower-case (the bad-id rule), so a user's
        'Walnut' is walnut; anything else stays as typed, for the error that names it."""
        low = wanted.lower()
        return low if low in self.by_id or low in self.by_measure else wanted

    def grade(self, source_id: str) -> str:
        return self.source_by_id[source_id].grade

    def series(self, measure: str, scope: str | None = None) -> list[Figure]:
        """Figures of one measure (optionally one scope), oldest first."""
        found = self.by_measure.get(measure, [])
        return [f for f in found if f.scope == scope] if scope is not None else list(found)


def _period_key(f: Figure) -> tuple[date, date]:
    return (f.period.end or _FAR, f.period.start or _FAR)
