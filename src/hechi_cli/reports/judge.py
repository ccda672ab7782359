"""Which figure may judge a target: only one that is comparable with the goal, at the time the claim speaks of.

A figure counts toward a goal only when it is dated within or after the
programme's period (an earlier one is a baseline, not evidence), comes from a
grade A or B source, and is of the goal's kind (an area against an area, not a
cumulative area planted against a standing area). Expectations never count.

The claim is about the programme's period, so the figure that judges it is the
comparable one nearest the end of that period, from inside it (a better grade
first where two share a date). Only where none lies inside is the nearest one
after the period used, and the judgement says so. The latest comparable figure
stays beside it as `latest`, never in its place.
"""

from __future__ import annotations

from typing import NamedTuple

from hechi_cli.dataset.model import Dataset, Figure, Industry
from hechi_cli.messages import N_
from hechi_cli.reports.reason import Period, Reason, said


class Judgement(NamedTuple):
    baseline: Figure | None  # the latest figure from before the programme's period, grade A or B first
    figure: Figure | None  # the figure that judges the goal; else the latest figure since, shown as related
    comparable: bool | None  # None: a target without a number (a base) has nothing to compare with
    why_not: Reason | None  # why `figure` (or, without one, the baseline) is not compared with the goal
    latest: Figure | None = None  # the latest comparable figure, which may come after the period
    within: bool | None = None  # `figure` is from inside the period (True) or after it (False)
    disputed: tuple[Figure, ...] = ()  # comparable figures of the same time that disagree with `figure`


GRADE_RANK = {"A": 2, "B": 1, "C": 0}


def _before(ds: Dataset, f: Figure) -> bool:
    period = ds.programme.period
    start = period.start if period else None
    return start is not None and f.period.end is not None and f.period.end < start


def _within(ds: Dataset, f: Figure) -> bool:
    """Dated no later than the end of the programme's period (and not before it: see _before)."""
    period = ds.programme.period
    end = period.end if period else None
    return end is None or (f.period.end is not None and f.period.end <= end)


def _at_the_period_end(ds: Dataset, comparable: list[Figure]) -> tuple[Figure, bool]:
    """The figure nearest the end of the period: the latest inside it, else the earliest after it;
    a better grade first where two share a date. Whether it is from inside the period."""
    inside = [f for f in comparable if _within(ds, f)]
    if inside:
        return max(inside, key=lambda f: (f.period.end, GRADE_RANK[ds.grade(f.source)])), True
    after = comparable  # none inside: all are after the period
    return min(after, key=lambda f: (f.period.end, -GRADE_RANK[ds.grade(f.source)])), False


def _baseline(ds: Dataset, earlier: list[Figure]) -> Figure | None:
    """The latest figure from before the period, of grade A or B where there is one."""
    good = [f for f in earlier if ds.grade(f.source) != "C"]
    return (good or earlier)[-1] if earlier else None


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
    numeric = ind.target is not None
    figures = (
        [f for f in ds.series(ind.measure, "city") if ind.unit is None or f.unit == ind.unit] if ind.measure else []
    )
    earlier = [f for f in figures if _before(ds, f)]
    since = [f for f in figures if not _before(ds, f) and f.kind != "expectation"]
    baseline = _baseline(ds, earlier)
    comparable = [f for f in since if why_not(ds, ind, f) is None]
    if comparable and numeric:
        figure, within = _at_the_period_end(ds, comparable)
        disputed = tuple(f for f in comparable if f is not figure and _disagree(figure, f))
        return Judgement(baseline, figure, True, None, comparable[-1], within, disputed)
    if comparable:  # a base: the latest figure is shown, with nothing to compare it with
        return Judgement(baseline, comparable[-1], None, None)
    if since:
        return Judgement(baseline, since[-1], False if numeric else None, why_not(ds, ind, since[-1]))
    if baseline is not None:
        when, grade = Period(baseline.period.text), ds.grade(baseline.source)
        return Judgement(
            baseline, None, False, said(_before_only(earlier, baseline), when=when, source=baseline.source, grade=grade)
        )
    if numeric and any(f.kind != "expectation" for f, _ in related(ds, ind)):
        # Figures were reported, but none counts what the goal counts: not "no figure at all".
        return Judgement(
            None,
            None,
            False,
            said("no city-wide figure counts what the goal counts; the related figures count other things"),
        )
    return Judgement(None, None, False if numeric else None, None)


def _before_only(earlier: list[Figure], baseline: Figure) -> str:
    """Why a target with figures from before its period only has no figure to judge it."""
    if len(earlier) == 1:
        return N_("its only figure ({when}, {source}, grade {grade}) is from before the programme's period")
    if baseline is earlier[-1]:
        return N_("its latest figure ({when}, {source}, grade {grade}) is from before the programme's period")
    return N_(
        "its figures are all from before the programme's period; the baseline is the latest of grade A or B "
        "({when}, {source}, grade {grade})"
    )


def _disagree(a: Figure, b: Figure) -> bool:
    """Two figures of overlapping periods that cannot both be right (reports.conflicts)."""
    from hechi_cli.reports.conflicts import conflicts

    return bool(conflicts([a, b]))


def related(ds: Dataset, ind: Industry) -> list[tuple[Figure, Reason]]:
    """The latest city-wide figure of each of the target's related measures, with why it is not compared."""
    if ind.kind:
        goal = _kind(ind.kind)
    elif ind.target is None:
        goal = said("a base to establish, not a number")
    else:
        goal = said("a herd or a year's total: the article does not say which")
    out = []
    for measure in ind.related:
        figures = [f for f in ds.series(measure, "city") if not _before(ds, f)]
        if figures:
            f = figures[-1]
            out.append((f, said("it is {what}, while the goal counts {goal}", what=_kind(f.kind), goal=goal)))
    return out
