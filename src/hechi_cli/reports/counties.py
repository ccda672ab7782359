"""`hechi counties`: the county-level divisions and the figures the dataset has for each."""

from __future__ import annotations

from hechi_cli.dataset.model import Dataset
from hechi_cli.messages import N_
from hechi_cli.reports.report import NO_QUERY, Column, Heading, Query, Report, Row, Words
from hechi_cli.reports.rows import figure_columns, figure_row, gap_row, table_words
from hechi_cli.reports.view import View

HEADING = Heading("counties", "counties", N_("Hechi's county-level divisions and their figures"))


def notes(v: View, counties: int, with_figures: int) -> list[str]:
    return [
        v.t("{n} county-level divisions; {m} have figures in the dataset.", n=counties, m=with_figures),
        v.t("County figures come from county pages; they are not parts of a city total."),
    ]


def build(ds: Dataset, query: Query = NO_QUERY) -> Report:
    """A row per county figure; a county with none says so."""
    rows: list[Row] = []
    for c in ds.counties:
        county = {"county": c.id, "county_name": c.name, "county_name_zh": c.name_zh, "county_kind": c.kind}
        figs = [f for f in ds.figures if f.scope == c.id]
        for f in figs:
            rows.append({**county, **figure_row(ds, f), "site": f.site})
        for s in ds.sites:
            if s.county == c.id and not any(f.site == s.id for f in figs):
                gap = gap_row(s.id, s.name, c.id, s.source, ds.grade(s.source))
                rows.append({**county, **gap, "site": s.id})
        if not figs and not any(s.county == c.id for s in ds.sites):
            rows.append({**county, **gap_row(None, None, c.id, None, None), "site": None})
    return Report(HEADING, rows, lambda v: words(v, ds, rows))


def words(v: View, ds: Dataset, rows: list[Row]) -> Words:
    """The figures under their counties, in `v`'s words."""
    county_col = Column(v.header("County"), lambda r: v.name(r, "county_name"), heading=True)
    cols = [county_col, *figure_columns(v, ds, [], scope=False)]
    with_figs = len({r["county"] for r in rows if r["value"] is not None})
    return table_words(v, ds, HEADING, cols, notes(v, len(ds.counties), with_figs), rows)
