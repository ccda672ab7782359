"""Where figures of one measure disagree: the same scope, overlapping periods, different values."""

from __future__ import annotations

from itertools import combinations
from typing import NamedTuple

from hechi_cli.dataset.model import Figure
from hechi_cli.reports.humanize import amount, number


class Conflict(NamedTuple):
    a: Figure
    b: Figure
    detail: str


def _overlap(a: Figure, b: Figure) -> bool:
    pa, pb = a.period, b.period
    if pa.start is None or pb.start is None or pa.end is None or pb.end is None:
        return False
    return pa.start <= pb.end and pb.start <= pa.end


def _satisfies(exact: Figure, bound: Figure) -> bool:
    if bound.qualifier == "more_than":
        return exact.value > bound.value
    if bound.qualifier == "at_least":
        return exact.value >= bound.value
    return True


def compare(a: Figure, b: Figure) -> str | None:
    """Why a and b cannot both be right, or None when they can."""
    bounded = ("more_than", "at_least")
    if a.qualifier in bounded and b.qualifier in bounded:
        return None
    if a.qualifier in bounded or b.qualifier in bounded:
        exact, bound = (b, a) if a.qualifier in bounded else (a, b)
        if _satisfies(exact, bound):
            return None
        return f"{amount(exact.value, exact.unit)} is not {amount(bound.value, bound.unit, bound.qualifier)}"
    if a.value == b.value:
        return None
    return f"{number(a.value)} and {number(b.value)} {a.unit} differ by {number(abs(a.value - b.value))}"


def conflicts(figures: list[Figure]) -> list[Conflict]:
    """Pairs of figures of one measure and scope, in overlapping periods, that disagree."""
    out = []
    for a, b in combinations(figures, 2):
        if a.measure == b.measure and a.scope == b.scope and a.unit == b.unit and _overlap(a, b):
            detail = compare(a, b)
            if detail:
                out.append(Conflict(a, b, detail))
    return out


def bound_checks(figures: list[Figure]) -> list[str]:
    """Which exact figures meet which 'more than' / 'at least' figures, in words."""
    lines = []
    bounds = [f for f in figures if f.qualifier in ("more_than", "at_least")]
    exacts = [f for f in figures if f.qualifier == "exact"]
    for bound in bounds:
        for f in exacts:
            verb = "is" if _satisfies(f, bound) else "is NOT"
            limit = amount(bound.value, bound.unit, bound.qualifier)
            lines.append(f"{amount(f.value, f.unit)} ({f.source}) {verb} {limit} ({bound.source})")
    return lines
