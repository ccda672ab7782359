"""show, search, series, counties; --lang and --area-unit; schemas; shell completion."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from conftest import Run, subprocess_env
from hechi_cli.commands import SCHEMA_COMMANDS
from hechi_cli.schemas import schema_for

# ---------------------------------------------------------------- show and series


def test_show_unknown_id_suggests(run: Run) -> None:
    result = run("show", "walnt")
    assert (result.exit_code, result.stdout) == (1, "")
    assert (
        result.stderr == "hechi: error: no record has the id 'walnt'; did you mean walnut or walnut-area?\n"
    )  # measures too: show gives them a card


@pytest.mark.parametrize("blank", ["", "   "])
def test_show_blank_id_suggests_nothing(run: Run, blank: str) -> None:
    result = run("show", blank)
    assert (result.exit_code, result.stderr) == (1, f"hechi: error: no record has the id '{blank}'\n")


def test_show_unknown_id_without_suggestion(run: Run) -> None:
    result = run("show", "qqqqqq")
    assert (result.exit_code, result.stderr) == (1, "hechi: error: no record has the id 'qqqqqq'\n")


@pytest.mark.parametrize(
    ("rid", "kind"),
    [
        ("walnut", "industry"),
        ("cocoon-output-2021", "figure"),
        ("silkworm-first-china", "ranking"),
        ("gujiang", "site"),
        ("nandan", "county"),
        ("cd-2022-10-12-rural", "source"),
    ],
)
def test_show_every_kind(run: Run, rid: str, kind: str) -> None:
    doc = json.loads(run("show", rid, "--json").stdout)
    assert (doc["kind"], doc["record"]["id"]) == (kind, rid)


def test_show_figure_has_conversions_and_its_series(run: Run) -> None:
    doc = json.loads(run("show", "walnut-area-2002-2020", "--json").stdout)
    assert doc["record"]["conversions"] == {
        "mu": 2600000.0,
        "ha": 2600000 / 15,
        "km2": 2600000 / 15 / 100,
        "acre": 2600000 / 15 * 2.471053814671653,
    }
    assert [f["id"] for f in doc["figures"]] == ["walnut-area-2002-2020"]
    assert doc["related"] == [{"kind": "industry", "id": "walnut", "name": "Walnut"}]


def test_show_source_lists_what_cites_it(run: Run) -> None:
    doc = json.loads(run("show", "cdg-2021-08-11-h1", "--json").stdout)
    assert [f["id"] for f in doc["figures"]][:2] == ["fruit-new-area-2021h1", "fruit-output-2021h1"]
    assert doc["related"] == [
        {
            "kind": "ranking",
            "id": "agri-output-growth-first-guangxi",
            "name": "Gross agricultural output value, first half-year (+13.5%)",
        }
    ]


def test_series_marks_the_conflicting_2019_cocoon_figures(run: Run) -> None:
    doc = json.loads(run("series", "cocoon-output", "--json").stdout)
    assert list(doc) == ["schema_version", "command", "measure", "scope", "points", "streak"]
    points = [(p["figure"], p["value"], p["conflicts_with"]) for p in doc["points"]]
    assert points == [
        ("cocoon-output-2019-ed", 138000, ["cocoon-output-2019-cri"]),
        ("cocoon-output-2019-cri", 133000, ["cocoon-output-2019-ed"]),
        ("cocoon-output-2020", 139800, []),
        ("cocoon-output-2021", 160000, []),
    ]
    assert run("series", "cocoon-output").stdout.count(" conflict") == 2


@pytest.mark.parametrize(
    ("rid", "kind"), [("cattle-sheep", "target"), ("gujiang", "site"), ("nandan", "county or district")]
)
def test_series_of_a_record_without_figures_over_time(run: Run, rid: str, kind: str) -> None:
    result = run("series", rid)
    expected = f"hechi: error: {rid} is a {kind} with no series of figures; hechi show {rid} shows it\n"
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", expected)


def test_series_by_scope(run: Run) -> None:
    doc = json.loads(run("series", "mulberry-area", "--scope", "yizhou", "--json").stdout)
    # 2022-10 ends before 2022; the two December 2019 reports disagree and both stay
    assert [p["value"] for p in doc["points"]] == [372000, 361900, 380000, 392000, 395000]
    assert doc["points"][1]["conflicts_with"] == ["yizhou-mulberry-area-2019"]


def test_series_unknown_scope(run: Run) -> None:
    result = run("series", "walnut-area", "--scope", "bama")
    assert result.exit_code == 1
    hint = "use --scope city or --scope fengshan"
    assert result.stderr == f"hechi: error: walnut-area has no figures in scope 'bama'; {hint}\n"


def test_series_bars_are_ascii_on_an_ascii_terminal() -> None:
    env = subprocess_env(PYTHONIOENCODING="ascii")
    hechi = str(Path(sys.executable).parent / "hechi")
    out = subprocess.run([hechi, "series", "cocoon-output"], capture_output=True, env=env)
    assert out.returncode == 0
    assert b"#" * 30 + b" " in out.stdout  # the longest bar
    assert b"?" * 30 not in out.stdout


# ---------------------------------------------------------------- search


def test_search_chinese_name(run: Run) -> None:
    doc = json.loads(run("search", "核桃", "--json").stdout)
    assert [(r["kind"], r["id"]) for r in doc["results"]][:2] == [
        ("industry", "walnut"),
        ("figure", "walnut-area-2002-2020"),
    ]


def test_search_is_case_insensitive_and_best_first(run: Run) -> None:
    doc = json.loads(run("search", "WALNUT", "--json").stdout)
    assert doc["results"][0] == {
        "kind": "industry",
        "id": "walnut",
        "name": "Walnut",
        "name_zh": "核桃",
        "matched_in": "id",
        "score": 100,
    }


def search_ids(run: Run, text: str) -> list[str]:
    return [r["id"] for r in json.loads(run("search", text, "--json").stdout)["results"]]


def test_search_words_in_any_order_and_dash_as_space(run: Run) -> None:
    found = search_ids(run, "oil tea")
    assert found[:3] == ["oil-tea", "oil-tea-area-2019", "oil-tea-area-2024"]
    assert found == search_ids(run, "oil-tea") == search_ids(run, "Oil_Tea")
    assert set(search_ids(run, "tea oil")) == set(found)


def test_search_words_need_no_quotes(run: Run) -> None:
    assert run("search", "oil", "tea", "--json").stdout == run("search", "oil tea", "--json").stdout


def test_search_finds_measures(run: Run) -> None:
    doc = json.loads(run("search", "mulberry area", "--json").stdout)
    first = doc["results"][0]
    assert (first["kind"], first["id"], first["name"]) == ("measure", "mulberry-area", "Mulberry garden area")


def test_search_names_the_field_in_words(run: Run) -> None:
    out = run("search", "核桃").stdout
    assert "Chinese name" in out and "Chinese label" in out and "label_zh" not in out


def test_search_source_titles(run: Run) -> None:
    ids = [r["id"] for r in json.loads(run("search", "agro-product fair", "--json").stdout)["results"]]
    assert ids == ["cd-2020-12-29-fair"]


@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_search_nothing_found_is_exit_1_like_grep(run: Run, fmt: str) -> None:
    result = run("search", "no such thing", "--format", fmt)
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", "hechi: no records match 'no such thing'\n")


# ---------------------------------------------------------------- counties, --lang, --area-unit


def test_counties_cover_all_eleven(run: Run) -> None:
    rows = json.loads(run("counties", "--json").stdout)["counties"]
    assert len({r["county"] for r in rows}) == 11
    assert {r["id"] for r in rows if r["county"] == "donglan"} == {
        "donglan-chestnut-area-1999",
        "donglan-chestnut-area-2010",
        "donglan-oil-tea-area-2017",
        "donglan-oil-tea-area-2022",
        "donglan-oil-tea-pre-2010",
        "donglan-oil-tea-new-2011-2017",
        "donglan-oil-tea-bases-2022",
        "donglan-oil-tea-households-2022",
        "donglan-oil-tea-value-2017",
        "donglan-oil-tea-value-2021",
        "donglan-oil-tea-seed-2017",
        "donglan-camellia-oil-2017",
    }
    assert [r["label"] for r in rows if r["county"] == "tiane"] == [None]


@pytest.mark.parametrize("command", ["industries", "summary", "counties", "rankings"])
def test_json_never_changes_with_language_or_area_unit(run: Run, command: str) -> None:
    plain = run(command, "--json").stdout
    assert run(command, "--json", "--lang", "zh", "--area-unit", "acre").stdout == plain
    assert run(command, "--json", env={"HECHI_LANG": "zh"}).stdout == plain


def test_lang_from_environment(run: Run) -> None:
    assert "核桃" in run("industries", env={"HECHI_LANG": "zh"}).stdout
    assert (
        "| 产业（\\*主要） | 编号 | 单位 | 目标值 |" in run("industries", "--format", "markdown", "--lang", "zh").stdout
    )


def test_lang_falls_back_to_english_per_item(run: Run) -> None:
    out = run("summary", "--lang", "zh", "--format", "markdown").stdout
    assert "| 核桃累计种植面积※ | walnut-area-2002-2020 |" in out  # a Chinese label of ours, marked as ours
    assert "| Cocoon output |" not in out and "| 蚕茧产量 |" in out
    assert "| Per-capita net income of relocated people |" not in out
    assert "| 搬迁群众人均纯收入※ |" in out
    assert "| Resettlement housing sets built |" not in out


@pytest.mark.parametrize(
    ("unit", "goal", "reported"),
    [
        ("ha", "| ha | 200,000.00 |", "| 173,333.33 |"),  # one number form per column
        ("km2", "| km² | 2,000.00 |", "| 1,733.33 |"),
        ("acre", "| acres | 494,210.76 |", "| 428,315.99 |"),
        ("mu", "| mu | 3,000,000 |", "| 2,600,000 |"),
    ],
)
def test_area_unit(run: Run, unit: str, goal: str, reported: str) -> None:
    out = run("industries", "--format", "markdown", "--area-unit", unit).stdout
    walnut = next(line for line in out.splitlines() if line.startswith("| Walnut"))  # one row: | Walnut\* | walnut | …
    assert goal in walnut and reported in walnut


def test_qualifier_carries_through_conversion(run: Run) -> None:
    out = run("show", "fengshan-walnut-area-2012", "--area-unit", "ha", "--format", "markdown").stdout
    assert "| more than 6,666.67 | ha |" in out
    out = run("show", "walnut", "--area-unit", "ha", "--format", "markdown").stdout
    assert "| more than 6,666.67 | ha |" in out


@pytest.mark.parametrize(
    ("args", "goal"),
    [
        ([], "Goal: 1,000,000 mu (= 66,666.67 ha) [1] A cd-2022-10-12-rural"),
        (["--area-unit", "acre"], "Goal: 164,736.92 acres (= 66,666.67 ha) [1] A cd-2022-10-12-rural"),
        (["--lang", "zh"], "目标值：100万亩（折合66,666.67公顷） [1] A cd-2022-10-12-rural"),
        (["--lang", "zh", "--area-unit", "ha"], "目标值：66,666.67公顷 [1] A cd-2022-10-12-rural"),
    ],
)
def test_show_gives_the_goal_in_hectares_too(run: Run, args: list[str], goal: str) -> None:
    # The hectares beside a goal are hectares whatever --area-unit says, rounded to two places.
    out = run("show", "mulberry", *args, env={"COLUMNS": "120"}).stdout
    assert goal in out.splitlines()


def test_land_area_in_mu(run: Run) -> None:
    out = run("show", "city-land-area", "--area-unit", "mu", "--format", "markdown").stdout
    assert "| 50,214,000 | mu |" in out


# ---------------------------------------------------------------- JSON Schemas

SCHEMA_CASES = {
    "industries": [],
    "rankings": [],
    "resettlement": [],
    "sources": [],
    "summary": [],
    "counties": [],
    "show": ["walnut"],
    "search": ["silk"],
    "series": ["mulberry-area"],
    "validate": [],
}


def test_every_schema_command_has_a_case() -> None:
    assert sorted(SCHEMA_CASES) == sorted(SCHEMA_COMMANDS)


@pytest.mark.parametrize("command", SCHEMA_COMMANDS)
def test_real_output_matches_its_schema(run: Run, command: str) -> None:
    schema = json.loads(run("schema", command).stdout)
    Draft202012Validator.check_schema(schema)
    doc = json.loads(run(command, *SCHEMA_CASES[command], "--json").stdout)
    assert list(Draft202012Validator(schema).iter_errors(doc)) == []


@pytest.mark.parametrize(
    ("rid", "kind"),
    [
        ("cocoon-output-2021", "figure"),
        ("silkworm-first-china", "ranking"),
        ("balie", "site"),
        ("nandan", "county"),
        ("lt-duonu", "source"),
    ],
)
def test_show_matches_its_schema_for_every_kind(run: Run, rid: str, kind: str) -> None:
    doc = json.loads(run("show", rid, "--json").stdout)
    assert list(Draft202012Validator(schema_for("show")).iter_errors(doc)) == []


def test_schema_fails_on_wrong_type_and_missing_field(run: Run) -> None:
    doc = json.loads(run("industries", "--json").stdout)
    validator = Draft202012Validator(schema_for("industries"))
    wrong = json.loads(json.dumps(doc))
    wrong["industries"][0]["target"] = "3000000"
    assert [e.json_path for e in validator.iter_errors(wrong)] == ["$.industries[0].target"]
    missing = json.loads(json.dumps(doc))
    del missing["industries"][0]["reported_qualifier"]
    assert [e.validator for e in validator.iter_errors(missing)] == ["required"]
    bad_unit = json.loads(json.dumps(doc))
    bad_unit["industries"][0]["unit"] = "acres"
    assert len(list(validator.iter_errors(bad_unit))) == 1


def test_schema_unknown_command_is_usage_error(run: Run) -> None:
    assert run("schema", "nosuch").exit_code == 2


# ---------------------------------------------------------------- shell completion


def complete(words: str, cword: int) -> list[str]:
    env = subprocess_env(_HECHI_COMPLETE="bash_complete", COMP_WORDS=words, COMP_CWORD=str(cword))
    hechi = str(Path(sys.executable).parent / "hechi")
    out = subprocess.run([hechi], capture_output=True, text=True, env=env)
    assert out.returncode == 0, out.stderr
    return out.stdout.splitlines()


def test_completion_of_commands() -> None:
    assert "plain,series" in complete("hechi ser", 1)


@pytest.mark.parametrize("command", ["show", "series"])
def test_completion_of_record_ids(command: str) -> None:
    assert complete(f"hechi {command} waln", 2) == [
        "plain,walnut",
        "plain,walnut-area-2002-2020",
        "plain,walnut-dried-output-2023",
        "plain,walnut-dried-output-growth-2023",
    ]


@pytest.mark.parametrize(
    ("shell", "marker"),
    [("bash", "complete -o nosort -F"), ("zsh", "#compdef hechi"), ("fish", "complete --no-files --command hechi")],
)
def test_completion_script(run: Run, shell: str, marker: str) -> None:
    result = run("completion", shell)
    assert result.exit_code == 0
    assert marker in result.stdout
    assert "_HECHI_COMPLETE" in result.stdout


def test_series_of_a_streak_says_its_reports_disagree(run: Run) -> None:
    doc = json.loads(run("series", "silkworm-first-china", "--json").stdout)
    assert (doc["streak"]["consistent"], doc["streak"]["implied_start_years"]) == (False, [2005, 2006])
    assert "Inconsistent: the reports imply first years of 2005, 2006." in run("series", "silkworm-first-china").stdout
    assert json.loads(run("series", "walnut-area", "--json").stdout)["streak"] is None


def test_show_gives_a_measure_a_card(run: Run) -> None:
    # search lists measures; show gives each a card instead of refusing it.
    assert ("measure", "oil-tea-area") in {
        (r["kind"], r["id"]) for r in json.loads(run("search", "oil tea", "--json").stdout)["results"]
    }
    doc = json.loads(run("show", "oil-tea-area", "--json").stdout)
    assert (doc["kind"], doc["record"]["latest_figure"], doc["record"]["scopes"]) == (
        "measure",
        "oil-tea-area-2024",
        ["city", "bama", "donglan"],
    )
    out = run("show", "oil-tea-area").stdout
    assert "Latest: 1,910,000 mu, 2024-02: Oil-tea camellia planting area (oil-tea-area-2024) [1] A" in out


def test_a_column_has_one_number_form(run: Run) -> None:
    # Under zh a column is all 万 or all digits, never both; converted areas all to two decimals.
    zh = run("summary", "--lang", "zh", "--format", "markdown").stdout
    values = [line.split(" | ")[2] for line in zh.splitlines() if line.startswith("| ") and "---" not in line][1:]
    assert not any("万" in x for x in values) and "2,600,000" in zh
    assert "| 150万 |" in run("industries", "--lang", "zh", "--format", "markdown").stdout  # every goal is 万-exact


@pytest.mark.parametrize("command", ["industries", "summary", "rankings", "sources"])
def test_jsonl_is_the_json_rows_a_line_each(run: Run, command: str) -> None:
    doc = json.loads(run(command, "--json").stdout)
    key = {"summary": "figures"}.get(command, command)
    lines = run(command, "--format", "jsonl").stdout.splitlines()
    assert [json.loads(line) for line in lines] == doc[key]
    items = schema_for(command)["properties"][key]["items"]
    assert all(Draft202012Validator(items).is_valid(json.loads(line)) for line in lines)
    assert run(command, "--format", "jsonl", "--lang", "zh").stdout == "\n".join(lines) + "\n"


def test_a_series_is_titled_by_its_own_name_where_the_data_gives_one(run: Run) -> None:
    # relocated-people's figures are labelled as each page words them; [[measures]] names the series
    assert run("series", "relocated-people", "--lang", "zh").stdout.startswith("易地扶贫搬迁人口（全市）\n")
    assert run("series", "relocated-people").stdout.startswith(
        "People relocated from deep mountain areas: relocated-people (city)\n"
    )
    assert run("show", "relocated-people").stdout.startswith(
        "measure relocated-people: People relocated from deep mountain areas\n"
    )
    # a county's series keeps its figures' label, which names the county, and names it once
    assert run("series", "mulberry-area", "--scope", "yizhou", "--lang", "zh").stdout.startswith("宜州区桑园面积\n")
    assert run("series", "walnut-area").stdout.startswith("Walnut area planted, cumulative over 19 years: ")


def test_an_aim_says_so_once_and_a_county_card_names_its_county_once(run: Run) -> None:
    out = run("show", "bama", env={"COLUMNS": "120"}).stdout.splitlines()
    rows = {line.split("  ")[0] for line in out}
    assert "Oil-tea park oil aim" in rows  # no "(aim)" after the word aim
    assert "Bama ranch: cattle a year (aim)" in rows  # an aim whose label does not say so
    assert "Out of poverty by oil tea" in rows  # not "... (Bama)" on Bama's own card
    zh = run("show", "bama", "--lang", "zh", env={"COLUMNS": "120"}).stdout
    assert "巴马和牛场年出栏目标※ " in zh and "目标※（预期）" not in zh
