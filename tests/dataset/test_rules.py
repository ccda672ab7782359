"""Every problem code on the small fixture (tests/data/mini.toml): one edit it accepts, one it reports.

Each case edits the fixture's text once. The accepted edit is a near miss of the
reported one (100 percent against 100.5), so a rule that is too strict fails too.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import NamedTuple

import pytest

from conftest import MINI, invoke

MINI_TEXT = MINI.read_text(encoding="utf-8")


class Case(NamedTuple):
    code: str
    path: str
    old: str  # text in the fixture, found exactly once
    good: str  # what it may become
    bad: str  # what it must not become


CASES = [
    Case("missing-key", "counties[0].kind", 'kind = "county"\n', 'kind = "county"\nnote = "n"\n', ""),
    Case("missing-key", "industries[1].unit", 'target = 500\nunit = "head"\n', "", "target = 500\n"),
    Case("bad-schema-version", "schema_version", "schema_version = 1", "schema_version = 1", "schema_version = 2"),
    Case(
        "unknown-key",
        "dataset.colour",
        'title = "Test fixture"\n',
        'title = "T"\ncompiled = 2022-01-01\n',
        'title = "T"\ncolour = "red"\n',
    ),
    Case("wrong-type", "figures[0].value", "value = 800\n", "value = 800.5\n", 'value = "800"\n'),
    Case("empty", "dataset.title", 'title = "Test fixture"', 'title = "T"', 'title = " "'),
    Case("bad-id", "rankings[0].id", 'id = "apple-first"', 'id = "apple-first.v2_x"', 'id = "Apple first"'),
    Case("duplicate-id", "rankings[0].id", 'id = "apple-first"', 'id = "hill-2"', 'id = "hill"'),
    Case("bad-grade", "sources[1].grade", 'grade = "C"', 'grade = "B"', 'grade = "D"'),
    Case(
        "bad-url",
        "sources[1].url",
        'url = "http://example.org/c"',
        'url = "https://example.org/c?q=1"',
        'url = "ftp://example.org/c"',
    ),
    Case("bad-date", "sources[1].date", 'date = "~2014"', 'date = "2014-12"', 'date = "2014-13"'),
    Case("bad-date", "figures[2].period", 'period = "2022-H1"', 'period = "2021/2022-H1"', 'period = "2022-H3"'),
    Case(
        "unknown-source",
        "counties[0].source",
        'kind = "county"\nsource = "src-a"',
        'kind = "county"\nsource = "src-c"',
        'kind = "county"\nsource = "src-z"',
    ),
    Case("unknown-scope", "figures[2].scope", 'scope = "east"', 'scope = "city"', 'scope = "west"'),
    Case("unknown-scope", "sites[0].county", 'county = "east"', 'county = "east"', 'county = "west"'),
    Case("date-after-source", "figures[0].period", 'period = "~2014"', 'period = "2014-12"', 'period = "2015"'),
    Case("not-finite", "figures[2].value", "value = 40.5", "value = 0.0", "value = nan"),
    Case("negative", "figures[0].value", "value = 800\n", "value = 0\n", "value = -1\n"),
    Case("out-of-range", "figures[2].value", "value = 40.5", "value = 100", "value = 100.5"),
    Case("out-of-range", "rankings[0].rank", "rank = 1", "rank = 2", "rank = 0"),
    Case(
        "missing-short",
        "figures[2].short",
        'label = "Share of the city\'s apples"',
        'label = "Share of the city\'s apples and pears"\nshort = "Apple share"',
        'label = "Share of the city\'s apples and pears"',
    ),
    Case(
        "long-short",
        "figures[2].short",
        'label = "Share of the city\'s apples"',
        'label = "Share of the city\'s apples"\nshort = "Apple share, 28 columns wide"',
        'label = "Share of the city\'s apples"\nshort = "Apple share, over 28 columns wide"',
    ),
    Case(
        "missing-short",
        "figures[2].short_zh",
        'label_zh = "占全市苹果比重"',
        'label_zh = "占全市苹果比重占全市苹果比重"\nshort_zh = "苹果比重"',
        'label_zh = "占全市苹果比重占全市苹果比重苹"',
    ),
    Case(
        "unknown-unit",
        "figures[0].unit",
        'value = 800\nunit = "mu"',
        'value = 800\nunit = "ha"',
        'value = 800\nunit = "furlong"',
    ),
    Case(
        "unknown-qualifier",
        "figures[0].qualifier",
        'unit = "mu"\nqualifier = "exact"\nperiod = "~2014"',
        'unit = "mu"\nqualifier = "about"\nperiod = "~2014"',
        'unit = "mu"\nqualifier = "roughly"\nperiod = "~2014"',
    ),
    Case("unknown-topic", "figures[2].topic", 'topic = "share"', 'topic = "county"', 'topic = "weather"'),
    Case("unknown-reference", "figures[2].site", 'site = "hill"', 'site = "hill"', 'site = "dale"'),
    Case("bad-value", "rankings[0].kind", 'kind = "ranking"', 'kind = "honour"', 'kind = "medal"'),
    Case("bad-value", "figures[2].kind", 'kind = "share"', 'kind = "flow"', 'kind = "portion"'),
    Case("bad-date", "programme.period", 'period = "2016/2020"', 'period = "2016/2020-06"', 'period = "2020/2016"'),
    # Records the English tells apart need different Chinese names; figures that share a label may share one.
    Case(
        "duplicate-zh", "rankings[0].name_zh", 'name_zh = "苹果产量"', 'name_zh = "苹果园面积产量"', 'name_zh = "苹果"'
    ),
    Case(
        "duplicate-zh",
        "figures[1].label_zh",
        'id = "apple-area-2021"\nmeasure = "apple-area"\nlabel = "Apple orchard area"',
        'id = "apple-area-2021"\nmeasure = "apple-area"\nlabel = "Apple orchard area"',
        'id = "apple-area-2021"\nmeasure = "apple-area"\nlabel = "Apple orchard area, all"',
    ),
    Case("missing-zh", "sites[0].name_zh", 'name_zh = "山点"\n', 'name_zh = "Hill"\n', ""),
    Case("missing-kind", "figures[3].kind", 'kind = "rank"\n', 'kind = "cumulative"\n', ""),
    Case(
        "aim-not-expectation",
        "figures[3].kind",
        'label = "Years in a row first in apples"',
        'label = "Years in a row first in apples, Five-Year Plan"',
        'label = "Years in a row first in apples, as planned"',
    ),
    Case(
        "expectation-as-reported",
        "industries[0].measure",
        'topic = "industry"\nkind = "stock"\nvalue = 1200',
        'topic = "industry"\nkind = "flow"\nvalue = 1200',
        'topic = "industry"\nkind = "expectation"\nvalue = 1200',
    ),
    Case(
        "unused-source",
        "sources[1].id",
        'value = 800\nunit = "mu"\nqualifier = "exact"\nperiod = "~2014"\nscope = "city"\nsource = "src-c"',
        'value = 800\nunit = "mu"\nqualifier = "exact"\nperiod = "~2014"\nscope = "city"\nsource = "src-c"',
        'value = 800\nunit = "mu"\nqualifier = "exact"\nperiod = "~2014"\nscope = "city"\nsource = "src-a"',
    ),
]


def edited(old: str, new: str) -> str:
    assert MINI_TEXT.count(old) == 1, f"the fixture must hold {old!r} exactly once"
    return MINI_TEXT.replace(old, new)


def problems(tmp_path: Path, text: str) -> list[tuple[str, str]]:
    """(code, path) of every error and warning `hechi validate --json` reports, in its order."""
    p = tmp_path / "edited.toml"
    p.write_text(text, encoding="utf-8")
    result = invoke("validate", "--json", str(p))
    doc = json.loads(result.stdout)
    return [(e["code"], e["path"]) for e in doc["errors"] + doc.get("warnings", [])]


def test_the_fixture_is_valid(tmp_path: Path) -> None:
    assert problems(tmp_path, MINI_TEXT) == []


def _id(case: Case) -> str:
    return f"{case.code}:{case.path}"


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_rule_accepts_a_near_miss(tmp_path: Path, case: Case) -> None:
    assert problems(tmp_path, edited(case.old, case.good)) == []


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_rule_reports_exactly_its_problem(tmp_path: Path, case: Case) -> None:
    assert problems(tmp_path, edited(case.old, case.bad)) == [(case.code, case.path)]


# ---------------------------------------------------------------- the file itself

FILE_CASES = {
    "empty": b" \n\t\n",
    "binary": b"schema_version = 1\x00\n",
    "not-utf8": b'title = "\xff"\n',
    "syntax": b"schema_version = = 1\n",
}


@pytest.mark.parametrize("code", FILE_CASES)
def test_file_level_problem(tmp_path: Path, code: str) -> None:
    p = tmp_path / "bad.toml"
    p.write_bytes(FILE_CASES[code])
    result = invoke("validate", "--json", str(p))
    doc = json.loads(result.stdout)
    assert (result.exit_code, [e["code"] for e in doc["errors"]]) == (1, [code])


def test_file_level_missing_and_directory(tmp_path: Path) -> None:
    for path, code in ((tmp_path / "nope.toml", "not-found"), (tmp_path, "is-directory")):
        doc = json.loads(invoke("validate", "--json", str(path)).stdout)
        assert [e["code"] for e in doc["errors"]] == [code]


# ---------------------------------------------------------------- references

# Every field that names another record, and a value that names nothing.
REFERENCES = [
    (
        "programme.source",
        'period_source = "src-a"\nsource = "src-a"',
        'period_source = "src-a"\nsource = "nope"',
        "unknown-source",
    ),
    ("programme.period_source", 'period_source = "src-a"', 'period_source = "nope"', "unknown-source"),
    ("programme.name_zh_source", 'name_zh_source = "src-a"', 'name_zh_source = "nope"', "unknown-source"),
    ("industries[1].related[0]", 'related = ["apple-streak"]', 'related = ["nope"]', "unknown-reference"),
    ("counties[0].source", 'kind = "county"\nsource = "src-a"', 'kind = "county"\nsource = "nope"', "unknown-source"),
    ("industries[0].source", 'major = true\nsource = "src-a"', 'major = true\nsource = "nope"', "unknown-source"),
    ("industries[0].measure", 'measure = "apple-area"\nmajor', 'measure = "nope"\nmajor', "unknown-reference"),
    ("figures[2].source", 'scope = "east"\nsource = "src-a"', 'scope = "east"\nsource = "nope"', "unknown-source"),
    ("figures[2].scope", 'scope = "east"', 'scope = "nope"', "unknown-scope"),
    ("figures[2].site", 'site = "hill"', 'site = "nope"', "unknown-reference"),
    ("sites[0].county", 'county = "east"', 'county = "nope"', "unknown-scope"),
    ("sites[0].source", 'county = "east"\nsource = "src-a"', 'county = "east"\nsource = "nope"', "unknown-source"),
    (
        "rankings[0].source",
        'scope = "city"\nsource = "src-a"\nstreak',
        'scope = "city"\nsource = "nope"\nstreak',
        "unknown-source",
    ),
    (
        "rankings[0].scope",
        'period = "2022"\nscope = "city"\nsource = "src-a"\nstreak',
        'period = "2022"\nscope = "nope"\nsource = "src-a"\nstreak',
        "unknown-scope",
    ),
    ("rankings[0].streak", 'streak = "apple-streak"', 'streak = "nope"', "unknown-reference"),
]
COMMANDS = [
    ["industries"],
    ["rankings"],
    ["resettlement"],
    ["sources"],
    ["summary"],
    ["counties"],
    ["show", "apples"],
    ["search", "apple"],
    ["series", "apples"],
    ["series", "apple-first"],
]


@pytest.mark.parametrize(
    ("path", "old", "bad", "code"),
    REFERENCES,
    ids=[r[0] for r in REFERENCES],
)
def test_dangling_reference_is_reported_and_stops_every_command(
    tmp_path: Path, path: str, old: str, bad: str, code: str
) -> None:
    found = problems(tmp_path, edited(old, bad))
    assert (code, path) in found
    data = str(tmp_path / "edited.toml")
    for args in COMMANDS:
        result = invoke("--data", data, *args)
        assert (result.exit_code, result.stdout) == (1, ""), args
        assert f"{path}: " in result.stderr, args


def test_validate_a_missing_file_says_not_found_in_one_line(tmp_path: Path) -> None:
    result = invoke("validate", str(tmp_path / "nope.toml"))
    assert (result.exit_code, result.stdout) == (1, f"{tmp_path / 'nope.toml'}: not-found: no such file\n")


def test_an_expectation_whose_measure_is_a_table_is_a_type_error_not_a_crash(tmp_path: Path) -> None:
    # Found by test_properties: the expectation rule made a set of measures, and a table is unhashable.
    old = 'id = "apple-area-2014"\nmeasure = "apple-area"\nlabel = "Apple orchard area"\nlabel_zh = "苹果园面积"\n'
    old += 'topic = "industry"\nkind = "stock"'
    new = old.replace('measure = "apple-area"', "measure = { a = 1 }").replace('"stock"', '"expectation"')
    found = problems(tmp_path, edited(old, new))
    assert found == [("wrong-type", "figures[0].measure")]
