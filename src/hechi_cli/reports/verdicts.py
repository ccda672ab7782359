"""What `hechi industries` says under its table: the claim, why each verdict is what it is (a short
keyed line, and the full reason), the baselines, the related figures, and when a goal was judged.

Words only: every fact comes from judge.py and the rows of industries.py.
"""

from __future__ import annotations

from hechi_cli.dataset.model import Dataset, Figure, Industry
from hechi_cli.messages import N_
from hechi_cli.reports.judge import Judgement, related
from hechi_cli.reports.report import Row
from hechi_cli.reports.view import View


def figure_label(v: View, ds: Dataset, fid: str) -> str:
    """A figure's label inside a sentence: 'walnut area planted' or 核桃累计种植面积."""
    name = v.name(ds.records()[fid][1]._asdict(), "label")
    # In English, only the first letter is lowered: "in January 2020", "Yizhou" keep their capitals.
    return name if v.lang == "zh" or name[1:2].isupper() else name[:1].lower() + name[1:]


def verdict_keys(ds: Dataset, ind: Industry, verdict: Judgement, r: Row, v: View) -> list[str]:
    """Why a row's verdict is what it is, in a line short enough to key it; the full reason is in
    `verdict_notes`."""
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


def claim(ds: Dataset, v: View) -> str:
    """The claim the table tests, in one line: the period and who says the goals were achieved."""
    p = ds.programme
    period = v.period(p.period.text) if p.period else v.t("no period given")
    claim = (
        N_("{period}: every goal achieved, says the 2022 article ({source}).")
        if p.claimed_achieved
        else N_("{period}: the goals as the 2022 article ({source}) gives them.")
    )
    return v.t(claim, period=period, source=p.source)


def programme(ds: Dataset, v: View) -> str:
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


def verdict_notes(ds: Dataset, ind: Industry, verdict: Judgement, r: Row, v: View) -> list[str]:
    """Why a target has no percent, what figure a base shows, and when the judged figure was reported."""
    out: list[str] = []
    target = v.name(r)
    why = v.say(verdict.why_not) if verdict.why_not else None
    if r["target"] is None and r["reported_label"]:
        label = figure_label(v, ds, r["reported_figure"])
        out.append(v.t("{target}: no numeric goal; the figure shown is {label}.", target=target, label=label))
    elif why and r["reported_label"]:
        label, when = figure_label(v, ds, r["reported_figure"]), v.period(r["reported_period"])
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
    return out + _timing_notes(ds, verdict, v, target)


def baseline_note(ds: Dataset, r: Row, v: View) -> list[str]:
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


def related_notes(ds: Dataset, ind: Industry, r: Row, v: View) -> list[str]:
    """The related figures set beside a target, each with why it is not compared."""
    return [
        v.t(
            "{target}: related, not compared: {label}, {when}: {amount} ({source}, grade {grade}); {why}.",
            target=v.name(r),
            label=figure_label(v, ds, f.id),
            when=v.period(f.period.text),
            amount=v.amount(f.value, f.unit, f.qualifier),
            source=f.source,
            grade=ds.grade(f.source),
            why=v.say(why_rel),
        )
        for f, why_rel in related(ds, ind)
    ]


def _timing_notes(ds: Dataset, verdict: Judgement, v: View, target: str) -> list[str]:
    """When the figure that judges a goal was reported against the period the claim speaks of, the
    latest figure beside it, and a comparable figure of the same time that disagrees."""
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
                "{target}: judged on the figure nearest the end of the programme's period ({judged}); the latest is "
                "{amount}, {when} ({source}, grade {grade}).",
                target=target,
                judged=v.period(fig.period.text),
                **_figure_words(ds, latest, v),
            )
        )
    for other in verdict.disputed:
        out.append(
            v.t(
                "{target}: {amount}, {when} ({source}, grade {grade}), disagrees with the figure judged on.",
                target=target,
                **_figure_words(ds, other, v),
            )
        )
    return out


def _figure_words(ds: Dataset, f: Figure, v: View) -> dict[str, str]:
    """A figure as a note names it: its amount, its date, its source and that source's grade."""
    when = v.period(f.period.text)
    return {
        "amount": v.amount(f.value, f.unit, f.qualifier),
        "when": when,
        "source": f.source,
        "grade": ds.grade(f.source),
    }
