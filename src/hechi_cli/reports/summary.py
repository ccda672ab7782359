"""`hechi summary`: one screen of headline figures."""

from __future__ import annotations

from collections import Counter

from hechi_cli.dataset.model import Dataset
from hechi_cli.reports import humanize as h
from hechi_cli.reports.industries import industry_row
from hechi_cli.reports.report import NO_QUERY, Column, Heading, Query, Report, Row
from hechi_cli.reports.rows import figure_columns, figure_row
from hechi_cli.reports.view import DEFAULT, Options, View

HEADING = Heading("summary", "figures", "Hechi in numbers: headline figures")


def _pct(r: Row) -> str:
    warn = " (grade C source only)" if r["grade_c_only"] else ""
    return f"{r['name']} {h.percent(r['percent_of_target'], r['reported_qualifier'])}{warn}"


def build(ds: Dataset, opts: Options = DEFAULT, query: Query = NO_QUERY) -> Report:
    """The latest grade A or B figure of each measure the dataset marks `headline`, the marked
    figure (the 2022 claim) beside it where they differ, and the programme's scorecard."""
    v = View(opts)
    rows = []
    for f in (f for f in ds.figures if f.headline):
        good = [g for g in ds.series(f.measure, f.scope) if ds.grade(g.source) != "C" and g.kind != "expectation"]
        latest = good[-1] if good else f
        rows.append({"topic": f.topic, **figure_row(ds, latest), "headline_figure": f.id})
    targets = [industry_row(ds, i) for i in ds.industries if i.target is not None]
    status = Counter(r["status"] for r in targets)
    below = [_pct(r) for r in targets if r["contradicts_claim"]]
    above = [_pct(r) for r in targets if r["status"] == "above_target"]
    none = [r["name"] for r in targets if r["status"] == "no_reported_figure"]
    uncompared = [r["name"] for r in targets if r["status"] == "no_comparable_figure"]
    notes = [
        f"Programme: {len(targets)} numeric targets"
        + (
            ", all called achieved by the 2022 article."
            if targets and all(r["claimed_achieved"] for r in targets)
            else "."
        ),
        f"Reported below target: {', '.join(below) or 'none'}. Above: {', '.join(above) or 'none'}. "
        f"No city-wide figure: {', '.join(none) or 'none'}."
        + (f" No figure that can judge the goal: {', '.join(uncompared)}." if uncompared else ""),
        "See `hechi industries` for sources and grade warnings.",
    ]
    marked = {f.id: f for f in ds.figures if f.headline}
    newer = [marked[r["headline_figure"]] for r in rows if r["id"] != r["headline_figure"]]
    if newer:
        beside = "; ".join(
            f"{f.label}: {h.amount(f.value, f.unit, f.qualifier)}, {h.period(f.period.text)} ({f.id})" for f in newer
        )
        notes.append(f"Each row is the latest grade A or B figure; the headline figures they update: {beside}.")
    scorecard = {"targets": len(targets), **{k: status[k] for k in sorted(status)}}
    cols = [
        Column(v.header("Topic"), lambda r: r["topic"].capitalize(), heading=True),
        *figure_columns(v, ds, [], scope=False),
    ]
    after = {"programme_status": scorecard}
    return Report(heading=HEADING, rows=rows, columns=cols, notes=notes, json_after=after, sources=ds.source_by_id)
