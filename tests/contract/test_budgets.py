"""How many lines each report takes at 80 and 120 columns, in English and Chinese (NO_COLOR, piped).

`summary` and `industries` answer on the first screen: every row within the first 22 lines. The
longer lists hold one line per record (a few wrap at 80 columns); their ceilings are today's counts
with the third-round data, so that a change that brings back a line per id or a blank line per
heading fails here. README: "Reading a table" gives the issue's budgets beside them.
"""

from __future__ import annotations

import json

import pytest

from conftest import Run, invoke

# report -> (lines at most at 80 columns, at 120 columns), in both languages
CEILINGS = {
    "summary": (22, 22),
    "industries": (26, 24),
    "rankings": (54, 49),
    "resettlement": (74, 56),
    "counties": (119, 98),
    "sources": (79, 71),
}


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("name", list(CEILINGS))
def test_lines_within_ceiling(name: str, lang: str) -> None:
    for width, ceiling in zip((80, 120), CEILINGS[name]):
        out = invoke(name, "--lang", lang, env={"COLUMNS": str(width)}).stdout
        assert len(out.splitlines()) <= ceiling, (name, lang, width, len(out.splitlines()))


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("name", ["summary", "industries"])
def test_every_row_is_on_the_first_screen(run: Run, name: str, lang: str) -> None:
    ids = [r["id"] for r in json.loads(run(name, "--json").stdout)[{"summary": "figures"}.get(name, name)]]
    first = invoke(name, "--lang", lang, "--ids", env={"COLUMNS": "80"}).stdout.splitlines()[:22]
    assert all(any(line.startswith(rid) for line in first) for rid in ids), (name, lang)


def test_one_line_per_record_where_the_terminal_is_wide() -> None:
    for name in ("summary", "industries", "rankings"):
        table = invoke(name, env={"COLUMNS": "160"}).stdout.split("\n\n")[0]  # the notes may name an id too
        rows = json.loads(invoke(name, "--json").stdout)
        key = {"summary": "figures"}.get(name, name)
        for row in rows[key]:
            assert sum(f" {row['id']} " in line for line in table.splitlines()) == 1, (name, row["id"])  # ID column
