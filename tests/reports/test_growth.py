"""Judging grows with the data, not with its square: each target looks only at its own measure's figures.

Counted, not timed: a test that times code fails on a busy machine, a count does not.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from conftest import DATA, ROOT
from hechi_cli.dataset.load import load
from hechi_cli.reports import industries, judge
from hechi_cli.reports.view import ENGLISH


def _grown(tmp_path: Path, times: int) -> Path:
    spec = importlib.util.spec_from_file_location("grow", ROOT / "benchmarks" / "grow.py")
    assert spec is not None and spec.loader is not None
    grow = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(grow)
    path = tmp_path / f"x{times}.toml"
    path.write_text(grow.grow(DATA.read_text(encoding="utf-8"), times), encoding="utf-8")
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
