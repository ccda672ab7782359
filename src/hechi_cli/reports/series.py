"""`hechi series ID`: one measure over time, a point per figure, conflicts marked."""

from __future__ import annotations

from typing import Any

from hechi_cli.dataset.model import Dataset, Figure, Industry, Ranking
from hechi_cli.errors import NoSeries, UnknownRecord, UnknownScope
from hechi_cli.messages import N_
from hechi_cli.reports.conflicts import CONFLICT_STYLE, Conflict, clashes, conflicts
from hechi_cli.reports.rankings import streak_analysis, streak_words
from hechi_cli.reports.report import Column, Heading, Query, Report, Row, Words
from hechi_cli.reports.rows import names_county, scope_name, trend_column, value_columns
from hechi_cli.reports.suggest import suggestions
from hechi_cli.reports.view import View


def resolve(ds: Dataset, wanted: str, scope: str | None) -> tuple[str, str]:
    """(measure, scope) for a measure name, a figure id, a target id or a ranking with a streak."""
    measures = {f.measure for f in ds.figures}
    wanted = ds.canonical(wanted)
    found = ds.records().get(wanted)
    rec = found[1] if found else None
    if wanted in measures:
        measure = wanted
    elif isinstance(rec, Figure):
        measure, scope = rec.measure, scope or rec.scope
    elif isinstance(rec, Industry) and rec.measure:
        measure = rec.measure
    elif isinstance(rec, Ranking) and rec.streak:
        measure, scope = rec.streak, scope or rec.scope
    elif found is not None:
        raise NoSeries(wanted, found[0])
    else:
        raise UnknownRecord(wanted, suggestions(wanted, [*measures, *ds.records()]))
    known = sorted({f.scope for f in ds.series(measure)})
    if not known:  # the rules make every measure named in the data have figures; this is a guard
        raise UnknownRecord(wanted, [])
    if scope is None:
        scope = "city" if "city" in known else known[0]
    if scope not in known:
        raise UnknownScope(measure, scope, known, exists=scope == "city" or scope in ds.county_by_id)
    return measure, scope


def series_name(v: View, ds: Dataset, latest: Figure) -> str:
    """What a series counts: the measure's own name ([[measures]]) for the city's series, else the
    label of its latest figure (a county's figures name their county)."""
    named = ds.measure_named(latest.measure) if latest.scope == "city" else None
    return v.name(named._asdict()) if named else v.name(latest._asdict(), "label")


def point_row(ds: Dataset, f: Figure, clashes: list[str]) -> Row:
    return {
        "figure": f.id,
        "label": f.label,
        "label_zh": f.label_zh,
        "period": f.period.text,
        "start": f.period.start.isoformat() if f.period.start else None,
        "end": f.period.end.isoformat() if f.period.end else None,
        "value": f.value,
        "unit": f.unit,
        "qualifier": f.qualifier,
        "scope": f.scope,
        "source": f.source,
        "grade": ds.grade(f.source),
        "conflicts_with": clashes,
    }


def build(ds: Dataset, query: Query) -> Report:
    """The points of one measure in one scope, oldest first."""
    measure, scope = resolve(ds, query.id, query.scope)
    figs = ds.series(measure, scope)
    found = conflicts(figs)
    clash = clashes(figs, found)
    rows = [point_row(ds, f, clash[f.id]) for f in figs]
    about = {"measure": measure, "scope": scope}
    # A streak's reports agree only if they imply one first year; say so, never fold them into one.
    streak = streak_analysis(ds, measure) if any(r.streak == measure for r in ds.rankings) else None
    return Report(
        HEADING,
        rows,
        lambda v: words(v, ds, rows, figs, found, streak),
        json_before=about,
        json_after={"streak": streak},
        notes_in_json=False,
    )


HEADING = Heading("series", "points", N_("{name}: {measure} ({scope})"))


def words(
    v: View, ds: Dataset, rows: list[Row], figs: list[Figure], found: list[Conflict], streak: dict[str, Any] | None
) -> Words:
    """The points with a trend bar, and each conflict in words, in `v`'s language."""
    cols = [
        Column(v.header("As of"), lambda r: v.period(r["period"])),
        *value_columns(v, ds, rows, "figure"),
        trend_column(v, rows),
        Column(v.header("Src"), lambda r: r["source"], whole=True, footnote=True),
    ]
    if found:  # the column only where there is something to mark
        conflict = Column(
            v.header("Conflict"),
            lambda r: v.t("conflict") if r["conflicts_with"] else "",
            style=lambda r: CONFLICT_STYLE,
        )
        cols.append(conflict)
    notes = [
        v.t(
            "{detail} ({when}: {a} vs {b}).",
            detail=v.say(c.detail),
            when=v.period(c.a.period.text),
            a=c.a.source,
            b=c.b.source,
        )
        for c in found
    ]
    if streak is not None:
        notes.append(v.t("Streak: {words}", words=streak_words(v, streak)))
    longest = v.amount(max(f.value for f in figs), figs[0].unit)
    notes.append(v.t("Bars are to scale within this series; the longest is {amount}.", amount=longest))
    measure, scope = figs[-1].measure, figs[-1].scope
    name = series_name(v, ds, figs[-1])
    if names_county(ds, name, scope):  # 宜州区桑园面积, not 宜州区桑园面积（宜州区）
        title = v.t("{name}: {measure}", name=name, measure=measure)
    else:
        title = v.t(HEADING.title, name=name, measure=measure, scope=scope_name(v, ds, scope))
    return Words(v.lang, title, cols, notes, sources=ds.source_by_id)
