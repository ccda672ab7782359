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


def rounding(f: Figure) -> float:
    """How far an `about` figure may lie from the true value: half its last rounded place
    (176,200 -> 50); 0 for any other figure."""
    if f.qualifier != "about" or not float(f.value).is_integer() or f.value == 0:
        return 0
    value, place = int(abs(f.value)), 1
    while value % (place * 10) == 0:
        place *= 10
    return place / 2


def compare(a: Figure, b: Figure) -> str | None:
    """Why a and b cannot both be right, or None when they can."""
    bounded = ("more_than", "at_least")
    if a.qualifier in bounded and b.qualifier in bounded:
        return None
    tolerance = max(rounding(a), rounding(b))
    if tolerance and abs(a.value - b.value) <= tolerance:
        return None  # one is the other rounded
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


PLACES = {10: "ten", 100: "hundred", 1000: "thousand", 10000: "ten thousand"}


def agreements(figures: list[Figure]) -> list[str]:
    """Pairs that differ in their digits yet agree, because one is the other rounded, in words."""
    lines = []
    for a, b in combinations(figures, 2):
        tolerance = max(rounding(a), rounding(b))
        if a.value != b.value and tolerance and abs(a.value - b.value) <= tolerance and a.unit == b.unit:
            about, exact = (a, b) if rounding(a) >= rounding(b) else (b, a)
            place = PLACES.get(int(tolerance * 2), number(tolerance * 2))
            lines.append(
                f"{amount(about.value, about.unit, about.qualifier)} ({about.source}) agrees with "
                f"{amount(exact.value, exact.unit)} ({exact.source}): it is that figure rounded to the {place}"
            )
    return lines


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
