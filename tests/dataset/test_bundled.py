"""The bundled dataset: every figure sourced, every source used, the numbers the issue names."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import DATA, Run
from hechi_cli.dataset.areas import to_hectares
from hechi_cli.dataset.load import load
from hechi_cli.dataset.model import Dataset
from hechi_cli.reports import industries


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return load(DATA)


def fig(ds: Dataset, fid: str) -> tuple[Any, str, str, str, str]:
    f = next(f for f in ds.figures if f.id == fid)
    return f.value, f.unit, f.qualifier, f.period.text, f.scope


def test_every_record_cites_an_existing_source(ds: Dataset) -> None:
    ids = {s.id for s in ds.sources}
    for group in (ds.figures, ds.industries, ds.rankings, ds.counties, ds.sites):
        for rec in group:
            assert rec.source in ids, rec.id
    assert ds.programme.source in ids


def test_every_source_is_cited(ds: Dataset) -> None:
    cited = {r.source for g in (ds.figures, ds.industries, ds.rankings, ds.counties, ds.sites) for r in g}
    p = ds.programme
    assert {s.id for s in ds.sources} - cited - {p.source, p.name_zh_source, p.period_source} == set()


def test_ids_are_unique_across_the_file(ds: Dataset) -> None:
    ids = [r.id for g in (ds.sources, ds.counties, ds.industries, ds.figures, ds.sites, ds.rankings) for r in g]
    assert len(ids) == len(set(ids))


def test_every_source_has_grade_date_and_address(ds: Dataset) -> None:
    for s in ds.sources:
        assert s.grade in ("A", "B", "C")
        assert s.url.startswith(("http://", "https://"))
        assert s.date


def test_ten_programme_targets(ds: Dataset) -> None:
    targets = {i.id: (i.target, i.unit) for i in ds.industries}
    assert targets == {
        "walnut": (3000000, "mu"),
        "pigs": (2000000, "head"),
        "cattle-sheep": (1500000, "head"),
        "oil-tea": (1500000, "mu"),
        "fruit": (1000000, "mu"),
        "sugarcane": (1000000, "mu"),
        "mulberry": (1000000, "mu"),
        "chestnut": (1000000, "mu"),
        "freshwater-base": (None, None),
        "selenium-base": (None, None),
    }
    assert {i.id for i in ds.industries if i.major} == {
        "walnut",
        "cattle-sheep",
        "oil-tea",
        "mulberry",
        "freshwater-base",
    }
    assert ds.programme.claimed_achieved is True


@pytest.mark.parametrize(
    ("fid", "expected"),
    [
        ("walnut-area-2002-2020", (2600000, "mu", "exact", "2002/2020", "city")),
        ("walnut-dried-output-2023", (8200, "t", "exact", "2023", "city")),
        ("oil-tea-area-2024", (1910000, "mu", "exact", "2024-02", "city")),
        ("oil-tea-demo-bases-2024", (1170, "bases", "exact", "2024-02", "city")),
        ("oil-tea-output-value-2024", (3560000000, "yuan", "exact", "2024-02", "city")),
        ("oil-tea-seed-output-2023", (122600, "t", "exact", "2023", "city")),
        ("oil-tea-new-area-2023", (86500, "mu", "exact", "2023", "city")),
        ("mulberry-area-2019-ed", (940000, "mu", "exact", "2019-12", "city")),
        ("mulberry-area-2020-cri", (966200, "mu", "exact", "~2020", "city")),
        ("mulberry-area-2020-pd", (931400, "mu", "exact", "2020", "city")),
        ("mulberry-area-2021", (944200, "mu", "exact", "2021-12", "city")),
        ("cocoon-output-2019-ed", (138000, "t", "exact", "2019", "city")),
        ("cocoon-output-2019-cri", (133000, "t", "exact", "2019", "city")),
        ("cocoon-output-2020", (139800, "t", "exact", "2020", "city")),
        ("cocoon-output-2021", (160000, "t", "exact", "2021", "city")),
        ("sugarcane-area-2014", (1274000, "mu", "exact", "~2014", "city")),
        ("fruit-area-2014", (807000, "mu", "exact", "~2014", "city")),
        ("mulberry-area-2014", (785500, "mu", "exact", "~2014", "city")),
        ("pig-farms-2021h1", (54, "farms", "exact", "2021-H1", "city")),
        ("resettlement-housing-2022", (40000, "sets", "more_than", "2022-10", "city")),
        ("relocated-people-2022", (170000, "people", "more_than", "2022-10", "city")),
        ("relocated-people-2016-2020", (176209, "people", "exact", "2016/2020", "city")),
        ("relocated-people-2016-2020-numbers", (176200, "people", "about", "2016/2020", "city")),
        ("resettlement-sites-2016-2020", (121, "sites", "exact", "2016/2020", "city")),
        ("resettlement-funds-2016-2020", (11590000000, "yuan", "exact", "2016/2020", "city")),
        ("follow-up-categories", (7, "categories", "exact", "2021/2022-06", "city")),
        ("follow-up-plan-projects", (43, "projects", "exact", "2021/2025", "city")),
        ("follow-up-plan-investment", (4800000000, "yuan", "exact", "2021/2025", "city")),
        ("follow-up-2022-investment", (192000000, "yuan", "exact", "2022", "city")),
        ("follow-up-2022-projects", (15, "projects", "exact", "2022", "city")),
        ("follow-up-2022-households", (22600, "households", "exact", "2022", "city")),
        ("follow-up-2022-people", (112200, "people", "exact", "2022", "city")),
        ("relocated-income-2022", (12156, "yuan", "exact", "2021-10/2022-07", "city")),
        ("relocated-income-growth-2022", (28.12, "percent_change", "exact", "2021-10/2022-07", "city")),
        ("jobs-events-2022h1", (35, "events", "exact", "2022-H1", "city")),
        ("jobs-positions-2022h1", (45000, "positions", "exact", "2022-H1", "city")),
        ("jobs-people-2022h1", (80700, "people", "exact", "2022-H1", "city")),
        ("demo-zones-2022", (2000, "zones", "more_than", "2022-10", "city")),
        ("rural-income-2012", (5193, "yuan", "exact", "2012", "city")),
        ("rural-income-2020", (10141, "yuan", "exact", "2020", "city")),
        ("gujiang-people", (10000, "people", "more_than", "2020-05", "dahua")),
        ("duonu-people", (6840, "people", "exact", "unknown", "nandan")),
        ("lajie-people", (5945, "people", "exact", "2022-08", "nandan")),
    ],
)
def test_figure_as_reported(ds: Dataset, fid: str, expected: tuple[Any, ...]) -> None:
    assert fig(ds, fid) == expected


def test_streak_series_as_reported(ds: Dataset) -> None:
    points = [(f.period.text, f.value, ds.grade(f.source)) for f in ds.series("silkworm-rank-streak")]
    assert points == [
        ("2019", 14, "C"),
        ("2020", 15, "A"),
        ("2021", 16, "A"),
        ("2022", 17, "A"),
        ("2022", 17, "B"),
        ("2023-09", 19, "A"),
        ("2025-09", 20, "B"),
    ]


def test_conflicting_2019_cocoon_figures_both_kept(ds: Dataset) -> None:
    both = [(f.value, f.source) for f in ds.series("cocoon-output", "city") if f.period.text == "2019"]
    assert sorted(both) == [(133000, "cri-2020-11-26-silk-capital"), (138000, "ed-2019-12-23-silk")]


def test_eleven_counties_with_chinese_names(ds: Dataset) -> None:
    assert [(c.id, c.name_zh) for c in ds.counties] == [
        ("jinchengjiang", "金城江区"),
        ("yizhou", "宜州区"),
        ("nandan", "南丹县"),
        ("tiane", "天峨县"),
        ("fengshan", "凤山县"),
        ("donglan", "东兰县"),
        ("luocheng", "罗城仫佬族自治县"),
        ("huanjiang", "环江毛南族自治县"),
        ("bama", "巴马瑶族自治县"),
        ("duan", "都安瑶族自治县"),
        ("dahua", "大化瑶族自治县"),
    ]


def test_named_sites_and_counties(ds: Dataset) -> None:
    assert [(s.id, s.county) for s in ds.sites] == [
        ("balie", "fengshan"),
        ("duonu", "nandan"),
        ("lajie", "nandan"),
        ("wangshang", "nandan"),
        ("gujiang", "dahua"),
        ("damou", "dahua"),
        ("huanjiang-west", "huanjiang"),
    ]


@pytest.mark.parametrize(("mu", "ha"), [(3000000, 200000), (1500000, 100000), (15, 1)])
def test_mu_to_hectares_is_exact(mu: int, ha: int) -> None:
    assert to_hectares(mu, "mu") == ha


def test_percent_of_target(ds: Dataset) -> None:
    rows = {r["id"]: r for r in industries.build(ds).rows}
    got = {k: (rows[k]["percent_of_target"], rows[k]["status"], rows[k]["contradicts_claim"]) for k in rows}
    assert got == {
        # cumulative area planted is not the standing area the goal counts: shown, never compared
        "walnut": (None, "no_comparable_figure", False),
        "pigs": (None, "no_reported_figure", False),
        # slaughter figures exist, but none counts what the goal counts: not "no figure at all"
        "cattle-sheep": (None, "no_comparable_figure", False),
        # judged on the 2019 figure, inside 2016-20, not on the 1.91 million of 2024
        "oil-tea": (100.7, "above_target", False),
        # a grade C figure of about 2014 is a baseline, not evidence against a 2016-2020 goal
        "fruit": (None, "no_comparable_figure", False),
        "sugarcane": (None, "no_comparable_figure", False),
        # judged on 931,400 mu of 2020 (A), not on 944,200 of 2021
        "mulberry": (93.1, "below_target", True),
        "chestnut": (None, "no_reported_figure", False),
        "freshwater-base": (None, "no_numeric_target", False),
        "selenium-base": (None, "no_numeric_target", False),
    }
    assert [k for k in rows if rows[k]["grade_c_only"]] == []
    baselines = {k: (r["baseline_figure"], r["baseline_grade"]) for k, r in rows.items() if r["baseline_figure"]}
    assert baselines == {
        "fruit": ("fruit-area-2014", "C"),
        # among figures from before the period, grade A or B before a later grade C
        "sugarcane": ("sugarcane-area-2013", "B"),
        "mulberry": ("mulberry-area-2013", "B"),
    }
    assert rows["walnut"]["why_not_compared"] == (
        "it is a running total (cumulative), while the goal counts a level at a date (stock)"
    )
    assert (rows["walnut"]["reported_figure"], rows["walnut"]["comparable"]) == ("walnut-area-2002-2020", False)


def test_a_claim_is_judged_at_the_time_it_speaks_of(ds: Dataset) -> None:
    rows = {r["id"]: r for r in industries.build(ds).rows}
    # Mulberry: the 2020 A figure, nearest the end of 2016-20; the B figure of the same year disagrees;
    # the 2021 figure is the latest, beside the verdict, never in its place.
    mulberry = rows["mulberry"]
    assert (mulberry["reported_figure"], mulberry["reported_grade"], mulberry["reported_within_period"]) == (
        "mulberry-area-2020-pd",
        "A",
        True,
    )
    assert mulberry["reported_disputed_by"] == ["mulberry-area-2020-cri"]
    assert (mulberry["latest_figure"], mulberry["latest_value"]) == ("mulberry-area-2021", 944200)
    oil = rows["oil-tea"]
    assert (oil["reported_figure"], oil["reported_value"], oil["latest_figure"]) == (
        "oil-tea-area-2019",
        1510000,
        "oil-tea-area-2024",
    )
    # A target without a number has nothing to compare with: comparable is null, not true.
    assert (rows["freshwater-base"]["comparable"], rows["selenium-base"]["comparable"]) == (None, None)


def test_the_nearest_figure_after_the_period_is_used_only_when_none_is_inside(tmp_path: Path) -> None:
    # The 2019 oil-tea area moved to 2021: no figure inside 2016-20, so the nearest after it judges, and says so.
    old = 'period = "2019"\nscope = "city"\nsource = "nfga-2020-03-05-forestry"'
    new = 'period = "2021"\nscope = "city"\nsource = "cd-2024-02-23-oiltea"'  # a figure never postdates its source
    text = DATA.read_text(encoding="utf-8").replace(old, new, 1)
    path = tmp_path / "after.toml"
    path.write_text(text, encoding="utf-8")
    oil = next(r for r in industries.build(load(str(path))).rows if r["id"] == "oil-tea")
    assert (oil["reported_figure"], oil["reported_period"], oil["reported_within_period"]) == (
        "oil-tea-area-2019",
        "2021",
        False,
    )


def test_no_reported_figure_is_never_zero(run: Run) -> None:
    doc = json.loads(run("industries", "--json").stdout)
    pigs = next(r for r in doc["industries"] if r["id"] == "pigs")
    assert (pigs["reported_value"], pigs["percent_of_target"], pigs["status"]) == (None, None, "no_reported_figure")
    table = run("industries").stdout
    # An empty cell, never a zero: pigs and chestnut say "no figure" (cattle and sheep have slaughter
    # figures, which count something else: "not comparable").
    assert table.count("no figure") == 2 and " 0 " not in table


def test_streak_years_agree(run: Run) -> None:
    doc = json.loads(run("rankings", "--json").stdout)
    silk = doc["streaks"][0]
    # The 2023 report (19 years, grade A) implies 2005; every other city report implies 2006. Never "consistent".
    assert (silk["ranking"], silk["consistent"], silk["implied_start_years"]) == (
        "silkworm-first-china",
        False,
        [2005, 2006],
    )


def test_people_agreement(run: Run) -> None:
    doc = json.loads(run("resettlement", "--json").stdout)
    assert doc["people_agreement"] == {
        "figures": ["relocated-people-2016-2020", "relocated-people-2016-2020-numbers", "relocated-people-2022"],
        "agree": True,  # 176,200 is 176,209 rounded to the hundred
        "differences": [],
    }


def test_second_round_figures_as_reported(ds: Dataset) -> None:
    # hechi-figures-2.md N1-N3, N19-N23, N26, N7-N10, N29-N30, N11: value, unit, qualifier, period, kind
    expected = {
        "beef-cattle-slaughtered-2022h1": (140300, "head", "exact", "2022-H1", "flow"),
        "mutton-sheep-slaughtered-2022h1": (481500, "head", "exact", "2022-H1", "flow"),
        "meat-output-2022h1": (134800, "t", "exact", "2022-H1", "flow"),
        "poverty-people-lifted-2012-2022": (765200, "people", "exact", "2012/2022", "cumulative"),
        "poverty-villages-lifted-2012-2022": (817, "villages", "exact", "2012/2022", "cumulative"),
        "poverty-counties-lifted-2012-2022": (10, "counties", "exact", "2012/2022", "cumulative"),
        "houses-renovated-2012-2022": (75200, "houses", "exact", "2012/2022", "cumulative"),
        "people-new-houses-2012-2022": (301000, "people", "exact", "2012/2022", "cumulative"),
        "water-projects-2012-2022": (38800, "projects", "exact", "2012/2022", "cumulative"),
        "demo-zones-2022-exact": (2184, "zones", "exact", "2022-10", "stock"),
        "programme-income-effect-2020": (5000, "yuan", "at_least", "2020", "expectation"),
        "programme-people-effect-2020": (550000, "people", "exact", "2020", "expectation"),
        "sugarcane-area-2013": (1333300, "mu", "exact", "2013-05-02", "stock"),
        "fruit-new-area-2013": (31000, "mu", "exact", "2013-05-02", "flow"),
        "mulberry-area-2013": (762000, "mu", "exact", "2013-05-02", "stock"),
        "rural-income-2021h1": (5895, "yuan", "exact", "2021-H1", "flow"),
        "rural-income-2022h1": (6278, "yuan", "exact", "2022-H1", "flow"),
        "cocoon-output-2021h1": (66600, "t", "exact", "2021-H1", "flow"),
    }
    found = {f.id: (f.value, f.unit, f.qualifier, f.period.text, f.kind) for f in ds.figures if f.id in expected}
    assert found == expected
    assert ds.programme.name_zh_source == "std-2020-09-16-programme"
    assert (ds.programme.period.text if ds.programme.period else None) == "2016/2020"


def test_every_note_a_chinese_view_prints_is_in_chinese(ds: Dataset) -> None:
    # show prints a record's note; without note_zh a Chinese reader gets English marked （英文）
    groups = (ds.sources, ds.counties, ds.industries, ds.figures, ds.sites, ds.rankings)
    untranslated = [r.id for group in groups for r in group if r.note and not r.note_zh]
    assert untranslated == []
