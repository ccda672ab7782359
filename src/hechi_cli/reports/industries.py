"""`hechi industries`: each programme target against the latest reported city-wide figure."""

from __future__ import annotations

from typing import Any

from hechi_cli.dataset.areas import to_hectares
from hechi_cli.dataset.model import Dataset, Figure, Industry
from hechi_cli.messages import N_
from hechi_cli.reports.judge import Judgement, judge, related
from hechi_cli.reports.report import NO_QUERY, Column, Heading, Query, Report, Row, Words
from hechi_cli.reports.rows import row_label, table_words, value_cell
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


def industry_row(ds: Dataset, ind: Industry) -> Row:
    """The JSON/CSV fields of one target, the figure set beside it, and its baseline (new keys last)."""
    verdict = judge(ds, ind)
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
        return v.parts(1, shown)[1] if shown else ""

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


def _label(v: View, ds: Dataset, fid: str) -> str:
    """A figure's label inside a sentence: 'walnut area planted' or 核桃累计种植面积."""
    name = v.name(ds.records()[fid][1]._asdict(), "label")
    # In English, only the first letter is lowered: "in January 2020", "Yizhou" keep their capitals.
    return name if v.lang == "zh" or name[1:2].isupper() else name[:1].lower() + name[1:]


def words(v: View, ds: Dataset, rows: list[Row]) -> Words:
    """The table, the claim, one short keyed line per verdict that needs one (targets that share a
    reason share its mark); the full reasons, the method and the related figures for `--notes`."""
    keys: dict[str, list[str]] = {}  # short reason -> the targets it explains, in table order
    for r, ind in zip(rows, ds.industries):
        for key in _verdict_keys(ds, ind, r, v):
            keys.setdefault(key, []).append(r["id"])
    marks: dict[str, str] = {}
    notes = [_claim(ds, v)]
    for n, (key, ids) in enumerate(keys.items(), 1):
        for rid in ids:
            marks[rid] = f"{marks[rid]}{v.mark(n)}" if rid in marks else v.mark(n)
        notes.append(v.marked(v.mark(n), key))
    more = [
        _programme(ds, v),
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
    for r, ind in zip(rows, ds.industries):
        more += _verdict_notes(ds, ind, r, v) + _baseline_note(ds, r, v) + _related_notes(ds, ind, r, v)
    short = [v.name(r) for r in rows if r["status"] == "no_reported_figure"]
    if short:
        more.append(v.t("No city-wide figure has been reported for: {targets}.", targets=v.join(short)))
    base = table_words(v, ds, HEADING, columns(v, ds, marks, rows), notes, rows)
    return base._replace(more=more)


def _verdict_keys(ds: Dataset, ind: Industry, r: Row, v: View) -> list[str]:
    """Why a row's verdict is what it is, in a line short enough to key it; the full reason is in
    `_verdict_notes`."""
    verdict = judge(ds, ind)
    period = v.period(ds.programme.period.text) if ds.programme.period else ""
    if r["target"] is None:
        return []  # "no goal" says it all; the figure a base reports is in --notes
    if verdict.comparable:
        out = []
        if verdict.within is False:
            out.append(v.t("No comparable figure inside {period}: judged on the nearest after it.", period=period))
        elif verdict.latest is not None and verdict.latest is not verdict.figure:
            out.append(v.t("Judged on the figure nearest the end of {period}; a later one exists.", period=period))
        if verdict.disputed:
            out.append(v.t("Another report of the same time disagrees (hechi show ID)."))
        return out
    if verdict.figure is None and verdict.baseline is not None:
        return [v.t("Figures from before {period} only: a baseline, not evidence.", period=period)]
    if verdict.figure is not None and verdict.figure.kind != ind.kind and verdict.figure.kind in SHORT_KINDS:
        what, goal = SHORT_KINDS[verdict.figure.kind], SHORT_KINDS.get(ind.kind or "", N_("a herd or a year's total"))
        return [v.t("The figure is {what}; the goal counts {goal}.", what=v.t(what), goal=v.t(goal))]
    if verdict.figure is not None:  # a grade C figure
        return [v.t("Only a grade C figure: too weak to judge a claim.")]
    if verdict.why_not is not None:
        return [v.t("Reported figures count other things than the goal.")]
    return []


SHORT_KINDS = {
    "stock": N_("a level at a date"),
    "flow": N_("an amount over a period"),
    "cumulative": N_("a running total"),
    "share": N_("a share"),
    "rank": N_("a rank"),
}


def _claim(ds: Dataset, v: View) -> str:
    """The claim the table tests, in one line: the period and who says the goals were achieved."""
    p = ds.programme
    period = v.period(p.period.text) if p.period else v.t("no period given")
    claim = (
        N_("{period}: every goal achieved, says the 2022 article ({source}).")
        if p.claimed_achieved
        else N_("{period}: the goals as the 2022 article ({source}) gives them.")
    )
    return v.t(claim, period=period, source=p.source)


def _programme(ds: Dataset, v: View) -> str:
    """The programme's name and period, and where each comes from (for --notes)."""
    p = ds.programme
    name = v.name(p._asdict())
    if p.period:
        name = v.t("{name}, for {period} ({source})", name=name, period=v.period(p.period.text), source=p.period_source)
    return (
        v.t("{name}; its Chinese name after {source}.", name=name, source=p.name_zh_source)
        if p.name_zh_source
        else name
    )


def _verdict_notes(ds: Dataset, ind: Industry, r: Row, v: View) -> list[str]:
    """Why a target has no percent, what figure a base shows, and when the judged figure was reported."""
    out: list[str] = []
    target = v.name(r)
    reason = judge(ds, ind).why_not
    why = v.say(reason) if reason else None
    if r["target"] is None and r["reported_label"]:
        label = _label(v, ds, r["reported_figure"])
        out.append(v.t("{target}: no numeric goal; the figure shown is {label}.", target=target, label=label))
    elif why and r["reported_label"]:
        label, when = _label(v, ds, r["reported_figure"]), v.period(r["reported_period"])
        out.append(
            v.t(
                "{target}: the figure shown ({label}, {when}) is not compared with the goal: {why}.",
                target=target,
                label=label,
                when=when,
                why=why,
            )
        )
    elif why:
        out.append(v.t("{target}: not compared with the goal: {why}.", target=target, why=why))
    return out + _timing_notes(ds, ind, v, target)


def _baseline_note(ds: Dataset, r: Row, v: View) -> list[str]:
    if r["baseline_figure"] is None:
        return []
    amount = v.amount(r["baseline_value"], r["baseline_unit"], r["baseline_qualifier"])
    when, source = v.period(r["baseline_period"]), r["baseline_source"]
    grade = r["baseline_grade"]
    return [
        v.t(
            "{target}: baseline {amount}, {when} ({source}, grade {grade}).",
            target=v.name(r),
            amount=amount,
            when=when,
            source=source,
            grade=grade,
        )
    ]


def _related_notes(ds: Dataset, ind: Industry, r: Row, v: View) -> list[str]:
    """The related figures set beside a target, each with why it is not compared."""
    return [
        v.t(
            "{target}: related, not compared: {label}, {when}: {amount} ({source}, grade {grade}); {why}.",
            target=v.name(r),
            label=_label(v, ds, f.id),
            when=v.period(f.period.text),
            amount=v.amount(f.value, f.unit, f.qualifier),
            source=f.source,
            grade=ds.grade(f.source),
            why=v.say(why_rel),
        )
        for f, why_rel in related(ds, ind)
    ]


def _timing_notes(ds: Dataset, ind: Industry, v: View, target: str) -> list[str]:
    """When the figure that judges a goal was reported against the period the claim speaks of, the
    latest figure beside it, and a comparable figure of the same time that disagrees."""
    verdict = judge(ds, ind)
    fig = verdict.figure
    if fig is None or not verdict.comparable:
        return []
    out = []
    if verdict.within is False:
        out.append(
            v.t(
                "{target}: no comparable figure from inside the programme's period; judged on the nearest after it "
                "({when}).",
                target=target,
                when=v.period(fig.period.text),
            )
        )
    latest = verdict.latest
    if latest is not None and latest is not fig:
        out.append(
            v.t(
                "{target}: judged on the figure nearest the end of the programme's period ({when}); the latest is "
                "{amount}, {latest_when} ({source}, grade {grade}).",
                target=target,
                when=v.period(fig.period.text),
                amount=v.amount(latest.value, latest.unit, latest.qualifier),
                latest_when=v.period(latest.period.text),
                source=latest.source,
                grade=ds.grade(latest.source),
            )
        )
    for other in verdict.disputed:
        out.append(
            v.t(
                "{target}: {amount}, {when} ({source}, grade {grade}), disagrees with the figure judged on.",
                target=target,
                amount=v.amount(other.value, other.unit, other.qualifier),
                when=v.period(other.period.text),
                source=other.source,
                grade=ds.grade(other.source),
            )
        )
    return out


def build(ds: Dataset, query: Query = NO_QUERY) -> Report:
    """Every programme target and base, in dataset order."""
    rows = [industry_row(ds, ind) for ind in ds.industries]
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
    return Report(HEADING, rows, lambda v: words(v, ds, rows), json_after={"programme": programme})
