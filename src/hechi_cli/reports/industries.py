"""`hechi industries`: each programme target against the latest reported city-wide figure."""

from __future__ import annotations

from typing import Any

from hechi_cli.dataset.areas import to_hectares
from hechi_cli.dataset.model import Dataset, Figure, Industry
from hechi_cli.messages import N_
from hechi_cli.reports import verdicts
from hechi_cli.reports.judge import Judgement, judge, related
from hechi_cli.reports.report import NO_QUERY, Column, Heading, Query, Report, Row, Words
from hechi_cli.reports.rows import row_label, table_words, unit_zh, value_cell
from hechi_cli.reports.view import ENGLISH, Style, View

HEADING = Heading(
    "industries", "industries", N_("Hechi's ten industries of a million mu or head each: goals and reported figures")
)


def _status(ind: Industry, verdict: Judgement) -> str:
    fig = verdict.figure
    if ind.target is None:
        return "no_numeric_target"
    if fig is None and verdict.baseline is None:
        return "no_comparable_figure" if verdict.why_not else "no_reported_figure"
    if fig is None or not verdict.comparable:
        return "no_comparable_figure"
    if fig.value >= ind.target:
        return "met" if fig.value == ind.target and fig.qualifier == "exact" else "above_target"
    return "undetermined" if fig.qualifier in ("more_than", "at_least") else "below_target"


def industry_row(ds: Dataset, ind: Industry, verdict: Judgement) -> Row:
    """The JSON/CSV fields of one target, the figure `judge` set beside it, and its baseline (new keys last)."""
    fig, base = verdict.figure, verdict.baseline
    pct = None
    if fig is not None and verdict.comparable and ind.target:
        pct = round(fig.value * 100 / ind.target, 1)
    status = _status(ind, verdict)
    grade = ds.grade(fig.source) if fig else None
    claimed = ds.programme.claimed_achieved  # the article's claim covers the bases too
    period = ds.programme.period
    return {
        "id": ind.id,
        "name": ind.name,
        "name_zh": ind.name_zh,
        "major": ind.major,
        "target": ind.target,
        "unit": ind.unit,
        "target_ha": to_hectares(ind.target, ind.unit) if ind.target is not None else None,
        "target_source": ind.source,
        "claimed_achieved": claimed,
        **_figure_fields(ds, "reported", fig, REPORTED_KEYS),
        "percent_of_target": pct,
        "status": status,
        "contradicts_claim": claimed and status == "below_target",
        "grade_c_only": grade == "C",
        "kind": ind.kind,
        "period": period.text if period else None,
        "period_source": ds.programme.period_source if period else None,
        "comparable": verdict.comparable,
        "why_not_compared": ENGLISH.say(verdict.why_not) if verdict.why_not else None,  # JSON's words are English
        "reported_kind": fig.kind if fig else None,
        **_figure_fields(ds, "baseline", base, BASELINE_KEYS),
        "related": [
            {
                **_figure_fields(ds, "related", f, REPORTED_KEYS),
                "related_kind": f.kind,
                "why_not_compared": ENGLISH.say(why),
            }
            for f, why in related(ds, ind)
        ],
        "reported_within_period": verdict.within,
        **_figure_fields(ds, "latest", verdict.latest, BASELINE_KEYS),
        "reported_disputed_by": [f.id for f in verdict.disputed],
    }


REPORTED_KEYS = ("figure", "label", "value", "unit", "qualifier", "period", "source", "grade")
BASELINE_KEYS = ("figure", "value", "unit", "qualifier", "period", "source", "grade")


def _figure_fields(ds: Dataset, prefix: str, f: Figure | None, keys: tuple[str, ...]) -> Row:
    """`prefix_key` fields of a figure set beside a target, all None when there is no figure."""
    if f is None:
        return {f"{prefix}_{k}": None for k in keys}
    values = {"figure": f.id, "label": f.label, "value": f.value, "unit": f.unit, "qualifier": f.qualifier}
    values.update({"period": f.period.text, "source": f.source, "grade": ds.grade(f.source)})
    return {f"{prefix}_{k}": values[k] for k in keys}


STATUS_WORDS = {
    "above_target": N_("above"),
    "met": N_("met"),
    "below_target": N_("below"),
    "undetermined": N_("cannot tell"),
    "no_reported_figure": N_("no figure"),
    "no_comparable_figure": N_("not comparable"),
    "no_numeric_target": N_("no goal"),
}
BAR_GOAL = 8  # cells of the bar that stand for 100% of the goal
BAR_MAX = 10  # the bar stops here; the percent beside it is exact


def bar(v: View, r: Row) -> str:
    """The percent of goal as a bar, the goal marked with '|': '██████▉ |' or '████████|██'."""
    pct = r["percent_of_target"]
    if pct is None:
        return ""
    eighths = min(round(pct * BAR_GOAL * 8 / 100), BAR_MAX * 8)
    full, part = divmod(eighths, 8)
    blocks: str = v.bar_char * full + (v.bar_parts[part] if part else "")
    if len(blocks) <= BAR_GOAL:
        return blocks.ljust(BAR_GOAL) + "|"
    return blocks[:BAR_GOAL] + "|" + blocks[BAR_GOAL:]


def verdict(v: View, r: Row) -> str:
    """The verdict in words, so that it reads the same without colour."""
    if r["contradicts_claim"]:
        return v.t("below, called met")
    return v.t(STATUS_WORDS[str(r["status"])])


def status(v: View, r: Row) -> str:
    """The percent of goal and the verdict in one cell: '100.7% above', 'not comparable'."""
    pct = v.percent(r["percent_of_target"], r["reported_qualifier"])
    return f"{pct} {verdict(v, r)}" if pct else verdict(v, r)


def _style(r: Row) -> str:
    """One meaning everywhere: red below a goal called met, green at or above a goal, yellow no usable figure."""
    if r["contradicts_claim"]:
        return "bold red"
    if r["status"] in ("above_target", "met"):
        return "green"
    return "yellow" if r["status"] in ("no_reported_figure", "no_comparable_figure", "undetermined") else ""


def columns(v: View, ds: Dataset, marks: dict[str, str], rows: list[Row]) -> list[Column]:
    """One line per target: its goal, the figure that judges it, and the verdict with the mark of its note."""

    goals = v.column_style([(r["target"], r["unit"]) for r in rows])
    reported = v.column_style([(r["reported_value"], r["reported_unit"]) for r in rows])

    def digits(value: Any, unit: str | None, qualifier: str | None = "exact", style: Style = goals) -> str:
        return value_cell(v, value, unit, qualifier, style) if value is not None else ""

    def unit(r: Row) -> str:  # a base has no goal, but its figure has a unit
        shown = r["unit"] or r["reported_unit"]
        return (
            v.parts(1, shown, unit_zh=unit_zh(ds, r["id"] if r["unit"] else r["reported_figure"]))[1] if shown else ""
        )

    def marked(r: Row) -> str:
        return status(v, r) + marks.get(r["id"], "")  # the mark sticks to its word: never wrapped apart

    return [
        Column(v.header("Target (*major)"), lambda r: f"{row_label(v, ds, r['id'])}{'*' if r['major'] else ''}"),
        Column(v.header("Unit"), unit, whole=True),
        Column(v.header("Goal"), lambda r: digits(r["target"], r["unit"]), numeric=True, whole=True),
        Column(
            v.header("Reported"),
            lambda r: digits(r["reported_value"], r["reported_unit"], r["reported_qualifier"], reported),
            numeric=True,
            whole=True,
        ),
        Column(v.header("As of"), lambda r: v.period(r["reported_period"])),
        Column(v.header("Goal |"), lambda r: bar(v, r), whole=True, style=_style, optional=True),
        Column(v.header("% of goal"), marked, style=_style),
        Column(v.header("Src"), lambda r: r["reported_source"] or "", whole=True, footnote=True),
    ]


def words(v: View, ds: Dataset, rows: list[Row], judged: list[Judgement]) -> Words:
    """The table, the claim, one short keyed line per verdict that needs one (targets that share a
    reason share its mark); the full reasons, the method and the related figures for `--notes`."""
    keys: dict[str, list[str]] = {}  # short reason -> the targets it explains, in table order
    for r, ind, verdict in zip(rows, ds.industries, judged):
        for key in verdicts.verdict_keys(ds, ind, verdict, r, v):
            keys.setdefault(key, []).append(r["id"])
    marks: dict[str, str] = {}
    notes = [verdicts.claim(ds, v)]
    for n, (key, ids) in enumerate(keys.items(), 1):
        for rid in ids:
            marks[rid] = f"{marks[rid]}{v.mark(n)}" if rid in marks else v.mark(n)
        notes.append(v.marked(v.mark(n), key))
    more = [
        verdicts.programme(ds, v),
        v.t(
            "The five major industries the 2022 article names: "
            "silkworms, cattle and sheep, walnuts, oil tea, freshwater aquaculture."
        ),
        v.t(
            "Reported = the city-wide figure that judges the goal (grade A or B, of the goal's kind): the one nearest "
            "the end of the programme's period, from inside it, else the nearest after it. % of goal = reported / "
            "goal, to one decimal; the bar reaches | at the goal. Baseline = the latest figure from before the period, "
            "grade A or B where there is one. 1 mu = 1/15 ha."
        ),
    ]
    for r, ind, verdict in zip(rows, ds.industries, judged):
        more += (
            verdicts.verdict_notes(ds, ind, verdict, r, v)
            + verdicts.baseline_note(ds, r, v)
            + verdicts.related_notes(ds, ind, r, v)
        )
    short = [v.name(r) for r in rows if r["status"] == "no_reported_figure"]
    if short:
        more.append(v.t("No city-wide figure has been reported for: {targets}.", targets=v.join(short)))
    base = table_words(v, ds, HEADING, columns(v, ds, marks, rows), notes, rows)
    return base._replace(more=more)


def build(ds: Dataset, query: Query = NO_QUERY) -> Report:
    """Every programme target and base, in dataset order."""
    judged = [judge(ds, ind) for ind in ds.industries]  # once: the rows and their words share it
    rows = [industry_row(ds, ind, verdict) for ind, verdict in zip(ds.industries, judged)]
    p = ds.programme
    programme = {
        "name": p.name,
        "name_zh": p.name_zh,
        "source": p.source,
        "claimed_achieved": p.claimed_achieved,
        "name_zh_source": p.name_zh_source,
        "period": p.period.text if p.period else None,
        "period_source": p.period_source,
    }
    return Report(HEADING, rows, lambda v: words(v, ds, rows, judged), json_after={"programme": programme})
