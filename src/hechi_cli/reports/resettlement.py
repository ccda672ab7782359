"""`hechi resettlement`: the relocation record, grouped by what each figure is about."""

from __future__ import annotations

from hechi_cli.dataset.model import Dataset
from hechi_cli.reports.conflicts import agreements, bound_checks, conflicts
from hechi_cli.reports.report import NO_QUERY, Column, Heading, Query, Report, Row
from hechi_cli.reports.rows import figure_columns, figure_row, gap_row
from hechi_cli.reports.view import DEFAULT, Options, View

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

HEADING = Heading("resettlement", "figures", "Hechi's relocation and resettlement record")


def _row(section: str, base: Row, site: str | None, items: tuple[str, ...]) -> Row:
    return {"section": section, **base, "site": site, "items": list(items)}


def build(ds: Dataset, opts: Options = DEFAULT, query: Query = NO_QUERY) -> Report:
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
    checks = bound_checks(people) + agreements(people)
    differ = "; ".join(f"{c.detail} ({c.a.source} vs {c.b.source})" for c in found)
    notes = [
        "People relocated: "
        + ("; ".join(checks) if checks else "one source only")
        + ". "
        + ("The sources agree." if not found else f"Exact counts differ: {differ}.")
    ]
    for f in figs:
        if f.items:
            notes.append(f"{f.label}: " + "; ".join(f.items) + ".")
    site_names = ", ".join(f"{s.name} ({ds.county_by_id[s.county].name})" for s in ds.sites)
    if site_names:
        notes.append(f"Named sites: {site_names}.")
    extra = {
        "people_agreement": {
            "figures": [f.id for f in people],
            "agree": not found,
            "differences": [{"a": c.a.id, "b": c.b.id, "detail": c.detail} for c in found],
        }
    }
    v = View(opts)
    cols = [Column(v.header("Section"), lambda r: r["section"].capitalize(), heading=True), *figure_columns(v, ds, [])]
    return Report(heading=HEADING, rows=rows, columns=cols, notes=notes, json_after=extra, sources=ds.source_by_id)
