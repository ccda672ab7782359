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
    """The figures under their counties, each labelled without the county it stands under; the
    counties with no record at all named in one line."""
    county_col = Column(v.header("County"), lambda r: v.name(r, "county_name"), heading=True)
    figure, *rest = figure_columns(v, ds, [], rows, scope=False)
    cols = [county_col, figure._replace(cell=lambda r: _without_county(v, r, figure.cell(r))), *rest]
    with_figs = len({r["county"] for r in rows if r["value"] is not None})
    empty = [v.name(r, "county_name") for r in rows if r["id"] is None]
    out = notes(v, len(ds.counties), with_figs)
    if empty:
        out.append(v.t("No figures and no named sites: {counties}.", counties=v.join(empty)))
    base = table_words(v, ds, HEADING, cols, out, rows)
    return base._replace(keep=lambda r: r["id"] is not None)


def _without_county(v: View, r: Row, label: str) -> str:
    """'Mulberry area, Yizhou' under the heading Yizhou District reads 'Mulberry area'; 宜州区桑园面积, 桑园面积."""
    name = str(r["county_name"]).split()[0]
    if v.lang == "zh":
        zh = str(r.get("county_name_zh") or "")
        return label[len(zh) :] if zh and label.startswith(zh) and len(label) > len(zh) else label
    for suffix in (f", {name}", f" ({name})"):
        if suffix in label:
            return label.replace(suffix, "", 1)
    return label
