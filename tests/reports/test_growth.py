"""Judging grows with the data, not with its square: each target looks only at its own measure's figures.

Counted, not timed: a test that times code fails on a busy machine, a count does not.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest

from conftest import DATA, ROOT
from hechi_cli.dataset.load import load
from hechi_cli.reports import industries, judge
from hechi_cli.reports.view import ENGLISH


def _grow() -> Any:
    """benchmarks/grow.py, which is not a package."""
    spec = importlib.util.spec_from_file_location("grow", ROOT / "benchmarks" / "grow.py")
    assert spec is not None and spec.loader is not None
    grow = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(grow)
    return grow


def _grown(tmp_path: Path, times: int) -> Path:
    path = tmp_path / f"x{times}.toml"
    path.write_text(_grow().grow(DATA.read_text(encoding="utf-8"), times), encoding="utf-8")
    return path


def _calls(monkeypatch: pytest.MonkeyPatch, path: Path) -> int:
    ds = load(str(path))
    count = 0
    before = judge._before

    def counted(*args: object) -> bool:
        nonlocal count
        count += 1
        return before(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(judge, "_before", counted)
    report = industries.build(ds)
    report.words(ENGLISH)  # the notes judge again: count them too
    monkeypatch.setattr(judge, "_before", before)
    return count


def test_judging_grows_linearly_with_the_data(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    one, five = _calls(monkeypatch, _grown(tmp_path, 1)), _calls(monkeypatch, _grown(tmp_path, 5))
    assert one > 0
    assert five == 5 * one


def _pairwise(figures: list) -> list:  # type: ignore[type-arg]
    """The conflicts as the old code found them: every pair, in list order (the reference)."""
    from itertools import combinations

    from hechi_cli.reports.conflicts import _overlap, compare

    out = []
    for a, b in combinations(figures, 2):
        if a.measure == b.measure and a.scope == b.scope and a.unit == b.unit and _overlap(a, b):
            detail = compare(a, b)
            if detail:
                out.append((a.id, b.id, ENGLISH.say(detail)))
    return out


def test_the_sweep_finds_what_every_pair_found_in_the_same_order() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st
    from tests_support_figures import fig  # type: ignore[import-not-found]

    periods = st.sampled_from(["2019", "2020", "2020-H1", "2020-H2", "2019/2021", "2020-06", "unknown", "~2020"])
    values = st.sampled_from([100, 101, 150, 176200, 176209])
    qualifiers = st.sampled_from(["exact", "about", "more_than", "at_least"])

    @settings(max_examples=200, deadline=None)
    @given(st.lists(st.tuples(values, qualifiers, periods), max_size=9))
    def check(spec: list[tuple[int, str, str]]) -> None:
        figures = [fig(f"f{i}", v, q, p) for i, (v, q, p) in enumerate(spec)]
        from hechi_cli.reports.conflicts import conflicts

        assert [(c.a.id, c.b.id, ENGLISH.say(c.detail)) for c in conflicts(figures)] == _pairwise(figures)

    check()


def test_placing_many_problems_splits_the_text_once(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from hechi_cli.dataset import positions
    from hechi_cli.dataset.problems import DataError

    made = []
    real = positions.Locator.__init__

    def counted(self: positions.Locator, text: str) -> None:
        made.append(1)
        real(self, text)

    monkeypatch.setattr(positions.Locator, "__init__", counted)
    bad = tmp_path / "bad.toml"
    bad.write_text(DATA.read_text(encoding="utf-8").replace('unit = "mu"', 'unit = "acres-ish"'), encoding="utf-8")
    with pytest.raises(DataError) as e:
        load(str(bad))
    assert len(e.value.problems) > 20 and all(p.line for p in e.value.problems)
    assert made == [1]


@pytest.mark.parametrize("points", [1, 9000])
def test_the_long_series_of_the_benchmark_is_valid_data(tmp_path: Path, points: int) -> None:
    # benchmarks/run.py times `series` on it: a file the rules refuse would time an error message.
    path = tmp_path / "long.toml"
    path.write_text(_grow().long_series(DATA.read_text(encoding="utf-8"), points), encoding="utf-8")
    assert len(load(str(path)).series("long-series")) == points
