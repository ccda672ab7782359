"""A report grouped under headings (sections, counties, kinds, topics) names each group once."""

from __future__ import annotations

import itertools

import pytest

from conftest import DATA
from hechi_cli.commands import command
from hechi_cli.dataset.load import load
from hechi_cli.reports.report import NO_QUERY
from hechi_cli.reports.view import Options, View


@pytest.mark.parametrize("name", ["rankings", "resettlement", "counties", "sources"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_heading_heads_one_run_of_rows(name: str, lang: str) -> None:
    report = command(name).builder()(load(str(DATA)), NO_QUERY)
    words = report.words(View(Options(lang, every=True)))  # counties' default has no headings
    heading = next(c for c in words.columns if c.heading)
    rows = report.rows if words.digest is None else words.digest
    runs = [key for key, _ in itertools.groupby(heading.cell(row) for row in rows)]
    assert len(runs) == len(set(runs)), runs
    # No heading over one or two rows, but where the heading is a county or a kind of ranking.
    sizes = [len(list(g)) for _, g in itertools.groupby(heading.cell(r) for r in rows)]
    assert name in ("rankings", "counties") or min(sizes) > 2, (runs, sizes)
