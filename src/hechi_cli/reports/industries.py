"""`hechi industries`: each programme target against the latest reported city-wide figure."""

from __future__ import annotations

from typing import Any

from hechi_cli.dataset.areas import to_hectares
from hechi_cli.dataset.model import Dataset, Figure, Industry
from hechi_cli.messages import N_
from hechi_cli.reports.judge import Judgement, judge, related
from hechi_cli.reports.report import NO_QUERY, Column, Heading, Query, Report, Row, Words
from hechi_cli.reports.rows import row_label, table_words, value_cell
from hechi_cli.reports.view import ENGLISH, View

HEADING = Heading("industries", "industries", N_("Hechi's 10-million-level programme: targets and what was reported"))


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
    "above_target": N_("above goal"),
    "met": N_("goal met"),
    "below_target": N_("below goal"),
    "undetermined": N_("cannot tell (a lower bound)"),
    "no_reported_figure": N_("NO city-wide figure"),
    "no_comparable_figure": N_("no comparable figure"),
    "no_numeric_target": N_("no numeric goal"),
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


def _baseline(v: View, r: Row) -> str:
    """The baseline's digits and, below them, its date."""
    if r["baseline_value"] is None:
        return ""
    digits = value_cell(v, r["baseline_value"], r["baseline_unit"], r["baseline_qualifier"])
    return f"{digits}\n{v.period(r['baseline_period'])}"


def _latest(v: View, r: Row) -> str:
    if r["reported_value"] is None:
        return v.t("none reported") if r["target"] is not None else ""
    return value_cell(v, r["reported_value"], r["reported_unit"], r["reported_qualifier"])


def verdict(v: View, r: Row) -> str:
    """The verdict in words, so that it reads the same without colour."""
    if r["contradicts_claim"]:
        return v.t("BELOW goal, yet called met")
    return v.t(STATUS_WORDS[str(r["status"])])


def _style(r: Row) -> str:
    """One meaning everywhere: red below a goal called met, green at or above a goal, yellow no usable figure."""
    if r["contradicts_claim"]:
        return "bold red"
    if r["status"] in ("above_target", "met"):
        return "green"
    return "yellow" if r["status"] in ("no_reported_figure", "no_comparable_figure", "undetermined") else ""


def columns(v: View, ds: Dataset) -> list[Column]:
    def digits(value: Any, unit: str | None, qualifier: str | None = "exact") -> str:
        return value_cell(v, value, unit, qualifier)

    return [
        Column(v.header("Target"), lambda r: f"{row_label(v, ds, r['id'])}{' *' if r['major'] else ''}\n{r['id']}"),
        Column(v.header("Unit"), lambda r: v.parts(1, r["unit"])[1] if r["unit"] else "", whole=True),
        Column(v.header("Baseline"), lambda r: _baseline(v, r), numeric=True, optional=True),
        Column(v.header("Goal"), lambda r: digits(r["target"], r["unit"]), numeric=True, whole=True),
        Column(v.header("Reported"), lambda r: _latest(v, r), numeric=True),
        Column(v.header("As of"), lambda r: v.period(r["reported_period"])),
        Column(v.header("Goal |"), lambda r: bar(v, r), whole=True, style=_style, optional=True),
        Column(
            v.header("% of goal"), lambda r: v.percent(r["percent_of_target"], r["reported_qualifier"]), numeric=True
        ),
        Column(v.header("Status"), lambda r: verdict(v, r), style=_style),
        Column(v.header("Src"), lambda r: r["reported_source"] or "", whole=True, footnote=True),
    ]


def _label(v: View, ds: Dataset, fid: str) -> str:
    """A figure's label inside a sentence: 'walnut area planted' or 核桃累计种植面积."""
    name = v.name(ds.records()[fid][1]._asdict(), "label")
    # In English, only the first letter is lowered: "in January 2020", "Yizhou" keep their capitals.
    return name if v.lang == "zh" or name[1:2].isupper() else name[:1].lower() + name[1:]


def notes(ds: Dataset, rows: list[Row], v: View) -> list[str]:
    """What the table means, and why each goal without a percent has none, in `v`'s language."""
    p = ds.programme
    name = v.name(p._asdict())
    if p.period:
        name = v.t("{name}, for {period} ({source})", name=name, period=v.period(p.period.text), source=p.period_source)
    claim = (
        N_("{programme}: the 2022 article ({source}) says its goals were achieved.")
        if p.claimed_achieved
        else N_("{programme}: the 2022 article ({source}) gives its targets.")
    )
    out = [
        v.t(claim, programme=name, source=p.source),
        v.t(
            "* = one of the five major industries the 2022 article names "
            "(silkworms, cattle and sheep, walnuts, oil tea, freshwater aquaculture)."
        ),
        v.t(
            "Reported = the city-wide figure that judges the goal (grade A or B, of the goal's kind): the one nearest "
            "the end of the programme's period, from inside it, else the nearest after it. % of goal = reported / "
            "goal, to one decimal; the bar reaches | at the goal. Baseline = the latest figure from before the period, "
            "grade A or B where there is one. 1 mu = 1/15 ha."
        ),
    ]
    for r, ind in zip(rows, ds.industries):
        out += _target_notes(ds, ind, r, v)
    short = [v.name(r) for r in rows if r["status"] == "no_reported_figure"]
    if short:
        out.append(v.t("No city-wide figure has been reported for: {targets}.", targets=v.join(short)))
    return out


def _target_notes(ds: Dataset, ind: Industry, r: Row, v: View) -> list[str]:
    """Why a target has no percent, and the related figures set beside it."""
    out: list[str] = []
    target = v.name(r)
    reason = judge(ds, ind).why_not
    why = v.say(reason) if reason else None
    if r["target"] is None and r["reported_label"]:
        out.append(
            v.t(
                "{target}: no numeric goal; the figure shown is {label}.",
                target=target,
                label=_label(v, ds, r["reported_figure"]),
            )
        )
    elif why and r["reported_label"]:
        label, when = _label(v, ds, r["reported_figure"]), v.period(r["reported_period"])
        out.append(
            v.t(
                "{target}: {label}, {when}, is not compared with the goal: {why}.",
                target=target,
                label=label,
                when=when,
                why=why,
            )
        )
    elif why:
        out.append(v.t("{target}: not compared with the goal: {why}.", target=target, why=why))
    out += _timing_notes(ds, ind, v, target)
    for f, why_rel in related(ds, ind):
        out.append(
            v.t(
                "{target}: related, not compared: {label}, {when}: {amount} ({source}, grade {grade}); {why}.",
                target=target,
                label=_label(v, ds, f.id),
                when=v.period(f.period.text),
                amount=v.amount(f.value, f.unit, f.qualifier),
                source=f.source,
                grade=ds.grade(f.source),
                why=v.say(why_rel),
            )
        )
    return out


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


def words(v: View, ds: Dataset, rows: list[Row]) -> Words:
    """The table's columns and notes in `v`'s words."""
    return table_words(v, ds, HEADING, columns(v, ds), notes(ds, rows, v), rows)
