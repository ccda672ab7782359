"""A report grouped under headings (sections, counties, kinds, topics) names each group once."""

from __future__ import annotations

import itertools

import pytest

from conftest import DATA
from hechi_cli.commands import command
from hechi_cli.dataset.load import load
from hechi_cli.reports.report import NO_QUERY
from hechi_cli.reports.view import Options, View


@pytest.mark.parametrize("name", ["rankings", "resettlement", "counties"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_heading_heads_one_run_of_rows(name: str, lang: str) -> None:
    report = command(name).builder()(load(str(DATA)), NO_QUERY)
    heading = next(c for c in report.words(View(Options(lang))).columns if c.heading)
    runs = [key for key, _ in itertools.groupby(heading.cell(row) for row in report.rows)]
    assert len(runs) == len(set(runs)), runs
