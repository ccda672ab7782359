"""conflicts.compare: when an exact figure and a bound ('more than', 'at least') can both be right."""

from __future__ import annotations

import pytest
from tests_support_figures import fig

from hechi_cli.dataset.model import Figure
from hechi_cli.reports.conflicts import agreements, bound_checks, compare, conflicts, rounding
from hechi_cli.reports.view import ENGLISH, Options, View


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
        # an `about` figure agrees with an exact one within half its last rounded place
        (fig("a", 176209), fig("b", 176200, "about"), None),
        (fig("a", 176251), fig("b", 176200, "about"), "176,251 and 176,200 people differ by 51"),
        (fig("a", 176200, "about"), fig("b", 176150), None),
        (fig("a", 25, "about"), fig("b", 25.4), None),
        (fig("a", 25, "about"), fig("b", 26), "25 and 26 people differ by 1"),
    ],
)
def test_compare_exact_against_bound(a: Figure, b: Figure, expected: str | None) -> None:
    found = compare(a, b)
    assert (ENGLISH.say(found) if found else None) == expected


def test_conflicts_need_overlapping_periods() -> None:
    assert conflicts([fig("a", 1, period="2019"), fig("b", 2, period="2020")]) == []
    found = conflicts([fig("a", 1, period="2019/2020"), fig("b", 2, period="2020")])
    assert [(c.a.id, c.b.id, ENGLISH.say(c.detail)) for c in found] == [("a", "b", "1 and 2 people differ by 1")]


def test_unknown_periods_never_conflict() -> None:
    assert conflicts([fig("a", 1, period="unknown"), fig("b", 2, period="2020")]) == []


def test_bound_checks_in_words() -> None:
    lines = bound_checks([fig("x", 170000, "more_than"), fig("y", 176209), fig("z", 169000)])
    assert [ENGLISH.say(r) for r in lines] == [
        "176,209 people (s-y) is more than 170,000 people (s-x)",
        "169,000 people (s-z) is not more than 170,000 people (s-x)",
    ]


@pytest.mark.parametrize(("value", "half"), [(176200, 50), (170000, 5000), (25, 0.5), (12.5, 0), (0, 0)])
def test_rounding_of_an_about_figure(value: float, half: float) -> None:
    assert rounding(fig("a", value, "about")) == half
    assert rounding(fig("a", value)) == 0


def test_agreements_say_why_in_words() -> None:
    lines = agreements([fig("x", 176209), fig("y", 176200, "about"), fig("z", 170000, "more_than")])
    assert [ENGLISH.say(r) for r in lines] == [
        "about 176,200 people (s-y) agrees with 176,209 people (s-x): it is that figure rounded to the hundred"
    ]


def test_reasons_are_worded_when_shown_in_the_readers_language() -> None:
    (reason,) = agreements([fig("x", 176209), fig("y", 176200, "about")])
    assert View(Options("zh")).say(reason) == "约17.62万人（s-y）与176,209人（s-x）相符：为后者取整到百位"
    (gap,) = conflicts([fig("a", 176251), fig("b", 176200)])
    assert View(Options("zh")).say(gap.detail) == "176,251人与17.62万人相差51人"
