"""conflicts.compare: when an exact figure and a bound ('more than', 'at least') can both be right."""

from __future__ import annotations

import pytest

from hechi_cli.dataset.model import Figure
from hechi_cli.dataset.periods import parse_period
from hechi_cli.reports.conflicts import bound_checks, compare, conflicts


def fig(fid: str, value: float, qualifier: str = "exact", period: str = "2020", unit: str = "people") -> Figure:
    return Figure(
        id=fid,
        measure="m",
        label="l",
        label_zh=None,
        topic="resettlement",
        value=value,
        unit=unit,
        qualifier=qualifier,
        period=parse_period(period),
        scope="city",
        source=f"s-{fid}",
    )


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (fig("a", 100), fig("b", 100), None),
        (fig("a", 100), fig("b", 90), "100 and 90 people differ by 10"),
        (fig("a", 101), fig("b", 100, "more_than"), None),
        (fig("a", 100), fig("b", 100, "more_than"), "100 people is not more than 100 people"),
        (fig("a", 100, "more_than"), fig("b", 100), "100 people is not more than 100 people"),
        (fig("a", 100), fig("b", 100, "at_least"), None),
        (fig("a", 99), fig("b", 100, "at_least"), "99 people is not at least 100 people"),
        (fig("a", 5, "more_than"), fig("b", 500, "at_least"), None),
    ],
)
def test_compare_exact_against_bound(a: Figure, b: Figure, expected: str | None) -> None:
    assert compare(a, b) == expected


def test_conflicts_need_overlapping_periods() -> None:
    assert conflicts([fig("a", 1, period="2019"), fig("b", 2, period="2020")]) == []
    found = conflicts([fig("a", 1, period="2019/2020"), fig("b", 2, period="2020")])
    assert [(c.a.id, c.b.id, c.detail) for c in found] == [("a", "b", "1 and 2 people differ by 1")]


def test_unknown_periods_never_conflict() -> None:
    assert conflicts([fig("a", 1, period="unknown"), fig("b", 2, period="2020")]) == []


def test_bound_checks_in_words() -> None:
    lines = bound_checks([fig("x", 170000, "more_than"), fig("y", 176209), fig("z", 169000)])
    assert lines == [
        "176,209 people (s-y) is more than 170,000 people (s-x)",
        "169,000 people (s-z) is NOT more than 170,000 people (s-x)",
    ]
