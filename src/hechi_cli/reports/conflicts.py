"""Where figures of one measure disagree: the same scope, overlapping periods, different values."""

from __future__ import annotations

from itertools import combinations
from typing import TYPE_CHECKING, NamedTuple

from hechi_cli.dataset.model import Figure
from hechi_cli.messages import N_
from hechi_cli.reports.humanize import number
from hechi_cli.reports.reason import Amount, Reason, said

if TYPE_CHECKING:
    from hechi_cli.reports.reason import Late
    from hechi_cli.reports.view import View


# One colour, one meaning, in every report: red is a goal called met that was not; magenta, reports that disagree.
CONFLICT_STYLE = "magenta"


class Conflict(NamedTuple):
    a: Figure
    b: Figure
    detail: Late  # why they cannot both be right, shown in the reader's words


class Gap(NamedTuple):
    """Two exact figures that differ: '176,209 and 176,200 people differ by 9'; in Chinese, amounts."""

    a: Figure
    b: Figure

    def shown(self, v: View) -> str:
        a, b = self.a, self.b
        if v.lang == "zh":
            gap = abs(a.value - b.value)
            return v.t(
                "{a} and {b} differ by {gap}",
                a=v.amount(a.value, a.unit),
                b=v.amount(b.value, b.unit),
                gap=v.amount(gap, a.unit),
            )
        return f"{number(a.value)} and {number(b.value)} {a.unit} differ by {number(abs(a.value - b.value))}"


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


def compare(a: Figure, b: Figure) -> Late | None:
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
        exact_, bound_ = Amount(exact.value, exact.unit), Amount(bound.value, bound.unit, bound.qualifier)
        return said("{exact} is not {bound}", exact=exact_, bound=bound_)
    if a.value == b.value:
        return None
    return Gap(a, b)


def clashes(figures: list[Figure], found: list[Conflict]) -> dict[str, list[str]]:
    """Each figure's id -> the ids of the figures in `found` (conflicts(figures)) it disagrees with."""
    out: dict[str, list[str]] = {f.id: [] for f in figures}
    for c in found:
        out[c.a.id].append(c.b.id)
        out[c.b.id].append(c.a.id)
    return out


def conflicts(figures: list[Figure]) -> list[Conflict]:
    """Pairs of figures of one measure, scope and unit, in overlapping periods, that disagree, in
    the order of the list (a before b where a comes first).

    Each group is swept by start date, so a figure meets only those still open when it starts:
    n log n for a long series whose periods follow one another, not n² (3,000 daily figures).
    """
    position = {id(f): i for i, f in enumerate(figures)}
    groups: dict[tuple[str, str, str], list[Figure]] = {}
    for f in figures:
        if f.period.start is not None and f.period.end is not None:  # an unknown period never overlaps
            groups.setdefault((f.measure, f.scope, f.unit), []).append(f)
    found: list[tuple[int, int, Conflict]] = []
    for group in groups.values():
        open_: list[Figure] = []
        for b in sorted(group, key=lambda f: (f.period.start, position[id(f)])):
            open_ = [a for a in open_ if a.period.end >= b.period.start]  # type: ignore[operator]
            for a in open_:
                first, second = (a, b) if position[id(a)] < position[id(b)] else (b, a)
                detail = compare(first, second)
                if detail:
                    found.append((position[id(first)], position[id(second)], Conflict(first, second, detail)))
            open_.append(b)
    return [c for *_, c in sorted(found, key=lambda t: (t[0], t[1]))]


PLACES = {10: N_("ten"), 100: N_("hundred"), 1000: N_("thousand"), 10000: N_("ten thousand")}


def agreements(figures: list[Figure]) -> list[Reason]:
    """Pairs that differ in their digits yet agree, because one is the other rounded."""
    lines = []
    for a, b in combinations(figures, 2):
        tolerance = max(rounding(a), rounding(b))
        if a.value != b.value and tolerance and abs(a.value - b.value) <= tolerance and a.unit == b.unit:
            about, exact = (a, b) if rounding(a) >= rounding(b) else (b, a)
            place = int(tolerance * 2)
            lines.append(
                said(
                    "{about} ({about_source}) agrees with {exact} ({exact_source}): "
                    "it is that figure rounded to the {place}",
                    about=Amount(about.value, about.unit, about.qualifier),
                    about_source=about.source,
                    exact=Amount(exact.value, exact.unit),
                    exact_source=exact.source,
                    place=said(PLACES[place]) if place in PLACES else number(place),
                )
            )
    return lines


def bound_checks(figures: list[Figure]) -> list[Reason]:
    """Which exact figures meet which 'more than' / 'at least' figures."""
    lines = []
    bounds = [f for f in figures if f.qualifier in ("more_than", "at_least")]
    exacts = [f for f in figures if f.qualifier == "exact"]
    for bound in bounds:
        for f in exacts:
            check = N_("{exact} ({source}) is {bound} ({bound_source})")
            if not _satisfies(f, bound):
                check = N_("{exact} ({source}) is not {bound} ({bound_source})")
            exact, limit = Amount(f.value, f.unit), Amount(bound.value, bound.unit, bound.qualifier)
            lines.append(said(check, exact=exact, source=f.source, bound=limit, bound_source=bound.source))
    return lines
