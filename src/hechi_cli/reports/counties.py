"""`hechi counties`: the county-level divisions and the figures the dataset has for each."""

from __future__ import annotations

from collections import Counter

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


def overview(ds: Dataset, rows: list[Row]) -> list[Row]:
    """A line per county: how many figures and named sites the dataset has for it, and the years
    its sources were published in (how fresh its figures are; a page of unknown date adds none)."""
    by_county: dict[str, list[Row]] = {}
    for r in rows:  # one pass, not one per county: the data may hold many counties
        by_county.setdefault(r["county"], []).append(r)
    sites = Counter(s.county for s in ds.sites)
    out = []
    for c in ds.counties:
        own = by_county[c.id]  # build gives every county a row, a figure or a gap
        dates = {ds.source_by_id[r["source"]].date.lstrip("~")[:4] for r in own if r["source"] in ds.source_by_id}
        years = sorted(d for d in dates if d.isdigit())
        span = None if not years else years[0] if years[0] == years[-1] else f"{years[0]}/{years[-1]}"
        out.append(
            {
                **{k: own[0][k] for k in ("county", "county_name", "county_name_zh", "county_kind")},
                "id": c.id,
                "figures": sum(r["value"] is not None for r in own),
                "sites": sites[c.id],
                "published": span,
            }
        )
    return out


def overview_words(v: View, ds: Dataset, rows: list[Row]) -> Words:
    """The default table: a line per county, and the way to its figures."""
    cols = [
        Column(v.header("County"), lambda r: v.name(r, "county_name")),
        Column(v.header("ID"), lambda r: r["id"], whole=True),
        Column(v.header("Figures"), lambda r: str(r["figures"]), numeric=True, whole=True),
        Column(v.header("Sites"), lambda r: str(r["sites"]), numeric=True, whole=True),
        Column(v.header("Sources dated"), lambda r: v.period(r["published"]), whole=True),
    ]
    digest = overview(ds, rows)
    notes = [v.t("County figures come from county pages; they are not parts of a city total.")]
    held = v.t("hechi show ID: a county's figures and sites. --all: all of them, a line each.")
    return Words(v.lang, v.t(HEADING.title), cols, notes, digest=digest, held=held)


def words(v: View, ds: Dataset, rows: list[Row]) -> Words:
    """A line per county (overview_words); under `--all`, the figures under their counties, each
    labelled without the county it stands under, and the counties with no record named in one line."""
    if not v.every:
        return overview_words(v, ds, rows)
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
