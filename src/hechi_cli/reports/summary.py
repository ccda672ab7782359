"""`hechi summary`: one screen of headline figures."""

from __future__ import annotations

from collections import Counter

from hechi_cli.dataset.model import Dataset
from hechi_cli.messages import N_
from hechi_cli.reports.industries import industry_row
from hechi_cli.reports.judge import judge
from hechi_cli.reports.report import NO_QUERY, Heading, Query, Report, Row, Words
from hechi_cli.reports.rows import figure_columns, figure_row, table_words
from hechi_cli.reports.view import View

HEADING = Heading("summary", "figures", N_("Hechi in numbers: headline figures"))


def _pct(v: View, r: Row) -> str:
    pct = v.percent(r["percent_of_target"], r["reported_qualifier"])
    if r["grade_c_only"]:
        return v.t("{target} {percent} (grade C source only)", target=v.name(r), percent=pct)
    return v.t("{target} {percent}", target=v.name(r), percent=pct)


def notes(ds: Dataset, rows: list[Row], targets: list[Row], v: View) -> tuple[list[str], list[str]]:
    """The programme's scorecard, and the headline figures the rows update (kept back: --notes)."""
    below = [_pct(v, r) for r in targets if r["contradicts_claim"]]
    above = [_pct(v, r) for r in targets if r["status"] == "above_target"]
    none = [v.name(r) for r in targets if r["status"] == "no_reported_figure"]
    uncompared = [v.name(r) for r in targets if r["status"] == "no_comparable_figure"]
    called = targets and all(r["claimed_achieved"] for r in targets)
    nothing = v.t("none")
    out = [
        v.t(
            N_("Programme: {n} numeric targets, all called achieved by the 2022 article.")
            if called
            else N_("Programme: {n} numeric targets."),
            n=len(targets),
        ),
        v.t(
            "Below target: {below}. Above: {above}. No city-wide figure: {none}.",
            below=v.join(below) or nothing,
            above=v.join(above) or nothing,
            none=v.join(none) or nothing,
        )
        + (v.t(" Not comparable: {targets} (hechi industries).", targets=v.join(uncompared)) if uncompared else ""),
    ]
    marked = {f.id: f for f in ds.figures if f.headline}
    newer = [marked[r["headline_figure"]] for r in rows if r["id"] != r["headline_figure"]]
    if newer:
        beside = [
            v.t(
                "{label}: {amount}, {when} ({id})",
                label=v.name(f._asdict(), "label"),
                amount=v.amount(f.value, f.unit, f.qualifier),
                when=v.period(f.period.text),
                id=f.id,
            )
            for f in newer
        ]
        more = [
            v.t(
                "Each row is the latest grade A or B figure; the headline figures they update: {figures}.",
                figures=v.t("; ").join(beside),
            )
        ]
        return out, more
    return out, []


def build(ds: Dataset, query: Query = NO_QUERY) -> Report:
    """The latest grade A or B figure of each measure the dataset marks `headline`, the marked
    figure (the 2022 claim) beside it where they differ, and the programme's scorecard."""
    rows = []
    for f in (f for f in ds.figures if f.headline):
        good = [g for g in ds.series(f.measure, f.scope) if ds.grade(g.source) != "C" and g.kind != "expectation"]
        latest = good[-1] if good else f
        rows.append({"topic": f.topic, **figure_row(ds, latest), "headline_figure": f.id})
    targets = [industry_row(ds, i, judge(ds, i)) for i in ds.industries if i.target is not None]
    status = Counter(r["status"] for r in targets)
    scorecard = {"targets": len(targets), **{k: status[k] for k in sorted(status)}}
    return Report(HEADING, rows, lambda v: words(v, ds, rows, targets), json_after={"programme_status": scorecard})


def words(v: View, ds: Dataset, rows: list[Row], targets: list[Row]) -> Words:
    """The figures under their topics, and the programme's scorecard, in `v`'s words."""
    scorecard, updates = notes(ds, rows, targets, v)
    base = table_words(v, ds, HEADING, figure_columns(v, ds, [], rows, scope=False), scorecard, rows)
    return base._replace(more=updates)
