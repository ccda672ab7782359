"""Which figure may judge a target: only one that is comparable with the goal.

A figure counts toward a goal only when it is dated within or after the
programme's period (an earlier one is a baseline, not evidence), comes from a
grade A or B source, and is of the goal's kind (an area against an area, not a
cumulative area planted against a standing area). Expectations never count.
"""

from __future__ import annotations

from typing import NamedTuple

from hechi_cli.dataset.model import Dataset, Figure, Industry
from hechi_cli.messages import N_
from hechi_cli.reports.reason import Period, Reason, said


class Judgement(NamedTuple):
    baseline: Figure | None  # the latest figure from before the programme's period
    figure: Figure | None  # the comparable figure; else the latest figure since, shown as related
    comparable: bool
    why_not: Reason | None  # why `figure` (or, without one, the baseline) is not compared with the goal


def _before(ds: Dataset, f: Figure) -> bool:
    period = ds.programme.period
    start = period.start if period else None
    return start is not None and f.period.end is not None and f.period.end < start


KIND_WORDS = {
    "stock": N_("a level at a date"),
    "flow": N_("an amount over a period"),
    "cumulative": N_("a running total"),
    "share": N_("a share"),
    "rank": N_("a rank"),
    "expectation": N_("an expectation"),
}


def _kind(kind: str | None) -> Reason:
    """'a running total (cumulative)'; in Chinese the words alone (the code is English)."""
    if kind not in KIND_WORDS:
        return said("of no stated kind")
    return said("{words} ({kind})", words=said(KIND_WORDS[kind]), kind=kind)


def why_not(ds: Dataset, ind: Industry, f: Figure) -> Reason | None:
    """Why a figure dated since the programme began cannot be compared with the goal; None when it can."""
    if ds.grade(f.source) == "C":
        return said("its source is grade C ({source}), too weak to judge a claim", source=f.source)
    if ind.kind is not None and f.kind != ind.kind:
        return said("it is {what}, while the goal counts {goal}", what=_kind(f.kind), goal=_kind(ind.kind))
    return None


def judge(ds: Dataset, ind: Industry) -> Judgement:
    """The baseline and the figure to set beside a target, and whether that figure can judge it."""
    if ind.measure is None:
        return Judgement(None, None, False, None)
    figures = [f for f in ds.series(ind.measure, "city") if ind.unit is None or f.unit == ind.unit]
    earlier = [f for f in figures if _before(ds, f)]
    since = [f for f in figures if not _before(ds, f) and f.kind != "expectation"]
    baseline = earlier[-1] if earlier else None
    comparable = [f for f in since if why_not(ds, ind, f) is None]
    if comparable:
        return Judgement(baseline, comparable[-1], True, None)
    if since:
        return Judgement(baseline, since[-1], False, why_not(ds, ind, since[-1]))
    if baseline is not None:
        which = (
            N_("its only figure ({when}, {source}, grade {grade}) is from before the programme's period")
            if len(earlier) == 1
            else N_("its latest figure ({when}, {source}, grade {grade}) is from before the programme's period")
        )
        when, grade = Period(baseline.period.text), ds.grade(baseline.source)
        return Judgement(baseline, None, False, said(which, when=when, source=baseline.source, grade=grade))
    return Judgement(None, None, False, None)


def related(ds: Dataset, ind: Industry) -> list[tuple[Figure, Reason]]:
    """The latest city-wide figure of each of the target's related measures, with why it is not compared."""
    goal = _kind(ind.kind) if ind.kind else said("a herd or a year's total (it says not which)")
    out = []
    for measure in ind.related:
        figures = [f for f in ds.series(measure, "city") if not _before(ds, f)]
        if figures:
            f = figures[-1]
            out.append((f, said("it is {what}, while the goal counts {goal}", what=_kind(f.kind), goal=goal)))
    return out
