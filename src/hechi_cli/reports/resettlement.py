"""`hechi resettlement`: the relocation record, grouped by what each figure is about."""

from __future__ import annotations

from hechi_cli.dataset.model import Dataset, Figure
from hechi_cli.messages import N_
from hechi_cli.reports.conflicts import Conflict, agreements, bound_checks, conflicts
from hechi_cli.reports.report import NO_QUERY, Column, Heading, Query, Report, Row, Words
from hechi_cli.reports.rows import figure_columns, figure_row, gap_row, table_words
from hechi_cli.reports.view import ENGLISH, View

# measure -> section, in the order a reader wants them
SECTIONS = {
    "resettlement-housing": "housing",
    "relocated-people": "people",
    "relocated-share-city-poor": "people",
    "relocated-share-guangxi": "people",
    "resettlement-sites": "sites and funds",
    "resettlement-funds": "sites and funds",
    "follow-up-categories": "follow-up services",
    "follow-up-plan-projects": "plan 2021-25",
    "follow-up-plan-investment": "plan 2021-25",
    "follow-up-year-investment": "2022",
    "follow-up-year-projects": "2022",
    "follow-up-year-households": "2022",
    "follow-up-year-people": "2022",
    "relocated-income": "income",
    "relocated-income-growth": "income",
    "jobs-events": "jobs",
    "jobs-positions": "jobs",
    "jobs-people": "jobs",
}
ORDER = list(dict.fromkeys(SECTIONS.values())) + ["named sites"]
# A section's heading in a table; JSON's `section` keeps the key. Sections of one or two rows share
# a heading with their neighbour, so that no heading stands over a single row.
SECTION_WORDS = {
    "housing": N_("People and housing"),
    "people": N_("People and housing"),
    "sites and funds": N_("Sites, funds and services"),
    "follow-up services": N_("Sites, funds and services"),
    "plan 2021-25": N_("Follow-up plans (aims)"),
    "2022": N_("Follow-up plans (aims)"),
    "income": N_("Income and jobs"),
    "jobs": N_("Income and jobs"),
    "named sites": N_("Named sites"),
    "other": N_("Other"),
}

HEADING = Heading("resettlement", "figures", N_("Hechi's relocation and resettlement record"))


def _row(section: str, base: Row, site: str | None, items: tuple[str, ...]) -> Row:
    return {"section": section, **base, "site": site, "items": list(items)}


def build(ds: Dataset, query: Query = NO_QUERY) -> Report:
    """Every resettlement figure, then every named site with its figures (or none)."""
    rows: list[Row] = []
    figs = [f for f in ds.figures if f.topic == "resettlement"]
    for section in ORDER[:-1]:
        for f in figs:
            if f.site is None and SECTIONS.get(f.measure, "other") == section:
                rows.append(_row(section, figure_row(ds, f), None, f.items))
    rows.extend(
        _row("other", figure_row(ds, f), None, f.items) for f in figs if f.site is None and f.measure not in SECTIONS
    )
    for site in ds.sites:
        own = [f for f in figs if f.site == site.id]
        for f in own:
            rows.append(_row("named sites", figure_row(ds, f), site.id, f.items))
        if not own:
            gap = gap_row(site.id, site.name, site.county, site.source, ds.grade(site.source))
            rows.append(_row("named sites", gap, site.id, ()))
    people = ds.series("relocated-people", "city")
    found = conflicts(people)
    extra = {
        "people_agreement": {
            "figures": [f.id for f in people],
            "agree": not found,
            "differences": [{"a": c.a.id, "b": c.b.id, "detail": ENGLISH.say(c.detail)} for c in found],
        }
    }
    return Report(HEADING, rows, lambda v: words(v, ds, rows, figs, found), json_after=extra)


def words(v: View, ds: Dataset, rows: list[Row], figs: list[Figure], found: list[Conflict]) -> Words:
    """The figures under their sections, in `v`'s words."""
    cols = [
        Column(v.header("Section"), lambda r: v.t(SECTION_WORDS[r["section"]]), heading=True),
        *figure_columns(v, ds, [], rows),
    ]
    short, full = notes(ds, figs, found, v)
    return table_words(v, ds, HEADING, cols, short, rows)._replace(more=full)


def notes(ds: Dataset, figs: list[Figure], found: list[Conflict], v: View) -> tuple[list[str], list[str]]:
    """Whether the counts of people agree, in a line; then, kept back, how each compares with the
    others and the items of a figure, in `v`'s language. (The named sites are rows of their own,
    each with its county.)"""
    people = ds.series("relocated-people", "city")
    checks = [v.say(r) for r in bound_checks(people) + agreements(people)]
    differ = v.t("; ").join(
        v.t("{detail} ({a} vs {b})", detail=v.say(c.detail), a=c.a.source, b=c.b.source) for c in found
    )
    if found:
        short = [v.t("People relocated: exact counts differ: {differ}.", differ=differ)]
    else:
        short = [v.t("People relocated: its {n} reports agree.", n=len(people))] if checks else []
    full = [
        v.t("People relocated: {checks}.", checks=v.t("; ").join(checks) if checks else v.t("one source only"))
        + (v.t(" The sources agree.") if not found else v.t(" Exact counts differ: {differ}.", differ=differ))
    ]
    for f in figs:
        items = f.items_zh if v.lang == "zh" and f.items_zh else f.items
        if items:
            full.append(v.t("{label}: {items}.", label=v.name(f._asdict(), "label"), items=v.t("; ").join(items)))
    return short, full
