"""What a chart shows, as facts: its points, the goal and period of a target, a streak's first years."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from hechi_cli.dataset.model import Dataset, Figure, Industry, Ranking
from hechi_cli.errors import HechiError
from hechi_cli.reports.conflicts import clashes, conflicts
from hechi_cli.reports.judge import Judgement, judge
from hechi_cli.reports.rankings import first_year
from hechi_cli.reports.report import Row
from hechi_cli.reports.series import point_row, resolve


class Point(NamedTuple):
    figure: Figure
    when: date  # where it stands on the time axis: the middle of its period (a year's figure mid-year)
    grade: str
    clashes: list[str]  # the ids of reports of the same time that disagree with this one
    judged: bool  # the figure that judges a target's goal
    first_year: int | None = None  # a streak: the first year its count implies


class Chart(NamedTuple):
    kind: str  # "series", "target" or "streak"
    measure: str
    scope: str
    points: list[Point]
    target: Industry | None = None  # with its goal and period
    ranking: Ranking | None = None
    verdict: Judgement | None = None  # a target's, as `industries` judges it


class NotChartable(HechiError):
    """A record with no figures over time (a source, a site, a county): one line says what can be charted."""

    def __init__(self, wanted: str) -> None:
        super().__init__(wanted)
        self.wanted = wanted

    def lines(self, lang: str) -> list[str]:
        from hechi_cli.errors import error
        from hechi_cli.messages import tr

        text = tr(lang, "{id} cannot be charted: chart a measure, a figure, a target or a ranking with a streak")
        return [error(lang, text.format(id=self.wanted))]


def chart_of(ds: Dataset, wanted: str, scope: str | None) -> Chart:
    """The chart of a measure (or a figure's measure), a target, or a ranking with a streak."""
    wanted = ds.canonical(wanted)
    found = ds.records().get(wanted)
    rec = found[1] if found else None
    if found is not None and not isinstance(rec, (Figure, Industry, Ranking)):
        raise NotChartable(wanted)
    if isinstance(rec, Industry) and rec.measure is None:
        raise NotChartable(wanted)
    if isinstance(rec, Ranking) and not rec.streak:
        raise NotChartable(wanted)
    measure, scope = resolve(ds, wanted, scope)  # unknown ids get "did you mean" there
    if isinstance(rec, Industry) and scope != "city":
        rec = None  # a goal is the city's: a county's figures are charted as a series, with no goal
    figures = ds.series(measure, scope)
    clash = clashes(figures, conflicts(figures))
    verdict = judge(ds, rec) if isinstance(rec, Industry) else None
    judged = verdict.figure if verdict is not None and verdict.comparable else None  # never one not compared
    points = [
        Point(f, _middle(f), ds.grade(f.source), clash[f.id], f is judged, _first_year(rec, f))
        for f in figures
        if f.period.start is not None and f.period.end is not None  # an undated report has no place in time
    ]
    kind = "target" if isinstance(rec, Industry) else "streak" if isinstance(rec, Ranking) else "series"
    return Chart(
        kind,
        measure,
        scope,
        points,
        rec if isinstance(rec, Industry) else None,
        rec if isinstance(rec, Ranking) else None,
        verdict,
    )


def chart_rows(ds: Dataset, chart: Chart) -> list[Row]:
    """The chart's points as rows, for --with-data: series' columns, then what the chart marks."""
    return [
        {**point_row(ds, p.figure, p.clashes), "judged": p.judged, "first_year": p.first_year} for p in chart.points
    ]


def _first_year(rec: object, f: Figure) -> int | None:
    return first_year(f) if isinstance(rec, Ranking) else None


def _middle(f: Figure) -> date:
    start, end = f.period.start, f.period.end
    assert start is not None and end is not None
    return start + (end - start) / 2
