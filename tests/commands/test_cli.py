"""How the CLI behaves before any data is shown: bare `hechi`, help, option positions, typos, terminals, the pager."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from conftest import MINI, Run
from hechi_cli.env import DEFAULT_WIDTH, Environment


def test_bare_hechi_prints_the_help_and_succeeds(run: Run) -> None:
    result = run()
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.startswith("Usage: hechi [OPTIONS] ")  # click 8.1 and 8.2+ word the rest differently
    assert "\nReports:\n" in result.stdout


def test_help_groups_the_commands_in_order_of_use_with_whole_summaries(run: Run) -> None:
    out = run("--help").stdout
    sections = [line for line in out.splitlines() if line.endswith(":") and not line.startswith(" ")]
    assert sections == ["Options:", "Reports:", "Look-up:", "Data files:", "Shell:"]
    assert "..." not in out.split("\n", 1)[1]  # the usage line has its own "[ARGS]..."
    assert out.index("  industries ") < out.index("  summary ") < out.index("  show ") < out.index("  validate ")


def test_data_works_after_the_command_too(run: Run) -> None:
    before = run("--data", str(MINI), "summary", "--json").stdout
    after = run("summary", "--json", "--data", str(MINI)).stdout
    assert before == after and '"apple-area-2021"' in after


@pytest.mark.parametrize(
    ("args", "hint"),
    [
        (["industries", "--format", "jsn"], "Did you mean 'json'?"),
        (["industries", "--lang", "zn"], None),
        (["schema", "industires"], "Did you mean 'industries'?"),
        (["industries", "--area-unit", "acres"], "Did you mean 'acre'?"),
    ],
)
def test_a_bad_choice_gets_a_did_you_mean(run: Run, args: list[str], hint: str | None) -> None:
    result = run(*args)
    last = result.stderr.rstrip("\n").splitlines()[-1]
    assert (result.exit_code, result.stdout) == (2, "")
    assert last.startswith("Error: Invalid value for ")
    assert last.endswith(hint) if hint else "Did you mean" not in last


def system(monkeypatch: pytest.MonkeyPatch, **environ: str) -> Environment:
    monkeypatch.setattr(sys, "stdout", io.StringIO())  # a pipe: not a terminal
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    monkeypatch.setattr(sys, "stdin", io.StringIO())
    return Environment.from_system(environ)


def test_a_pipe_takes_columns_else_80(monkeypatch: pytest.MonkeyPatch) -> None:
    assert system(monkeypatch, COLUMNS="100").width == 100
    assert system(monkeypatch).width == DEFAULT_WIDTH == 80
    assert system(monkeypatch, COLUMNS="abc").width == 80


@pytest.mark.parametrize(
    ("environ", "color"),
    [
        ({}, False),
        ({"FORCE_COLOR": "1"}, True),
        ({"CLICOLOR_FORCE": "1"}, True),
        ({"FORCE_COLOR": "0"}, False),
        ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
        ({"CLICOLOR_FORCE": "1", "TERM": "dumb"}, False),
    ],
)
def test_colour_through_a_pipe_only_when_forced(
    monkeypatch: pytest.MonkeyPatch, environ: dict[str, str], color: bool
) -> None:
    assert system(monkeypatch, **environ).color is color


def test_never_a_pager_on_a_pipe(monkeypatch: pytest.MonkeyPatch) -> None:
    assert system(monkeypatch, PAGER="less").pager is None


def env_with_pager(pager: str) -> tuple[Environment, io.StringIO]:
    out = io.StringIO()
    return Environment(out, io.StringIO(), True, False, 80, "utf-8", pager=pager, height=3), out


def test_long_output_goes_through_the_pager(tmp_path: Path) -> None:
    paged = tmp_path / "paged.txt"
    env, out = env_with_pager(f"cat > '{paged}'")
    env.write_text("1\n2\n3\n4\n")
    assert (out.getvalue(), paged.read_text(encoding="utf-8")) == ("", "1\n2\n3\n4\n")
    env.write_text("short\n")  # fits the screen: written directly
    assert out.getvalue() == "short\n"


def test_a_pager_that_is_not_there_is_no_failure() -> None:
    env, out = env_with_pager("no-such-pager-hechi")
    env.write_text("1\n2\n3\n4\n")
    assert out.getvalue() == "1\n2\n3\n4\n"


def test_no_pager_option(run: Run) -> None:
    assert run("--no-pager", "sources", "--json").exit_code == 0


def test_colour_means_one_thing_and_the_words_say_it_too(run: Run) -> None:
    out = run("industries", env={"NO_COLOR": None, "FORCE_COLOR": "1"}).stdout
    lines: dict[str, str] = {}
    for line in out.splitlines():  # a table row, not a note under the table that names the same target
        if line.split():
            lines.setdefault(line.split()[0], line)
    assert "\x1b[1;31m93.1% below" in lines["Mulberry*"]  # below a goal that was called achieved
    assert "\x1b[32m100.7% above" in lines["Oil"]  # at or above the goal
    assert "\x1b[33mnot comparable" in lines["Walnut*"] and "\x1b[33mno figure" in lines["Pigs"]  # no usable figure
    plain = run("industries").stdout
    assert "\x1b" not in plain and "below, called met" in plain and "not comparable" in plain


def test_one_colour_one_meaning_conflicts_are_not_red(run: Run) -> None:
    # Red is a goal called met that was not; reports that disagree are magenta, in every report.
    for args in (["series", "cocoon-output"], ["show", "mulberry"]):
        out = run(*args, env={"NO_COLOR": None, "FORCE_COLOR": "1", "COLUMNS": "120"}).stdout
        conflict_lines = [line for line in out.splitlines() if "conflict\x1b" in line]
        assert conflict_lines and all("\x1b[35mconflict\x1b[0m" in line for line in conflict_lines), args
        assert "\x1b[1;31m" not in out and "\x1b[31m" not in out


def test_no_pager_after_the_command_too(run: Run) -> None:
    assert run("sources", "--no-pager", "--json").stdout == run("--no-pager", "sources", "--json").stdout
    assert run("cite", "walnut", "--no-pager").exit_code == 0


def test_choices_take_any_case(run: Run) -> None:
    assert run("industries", "--lang", "ZH", "--format", "JSON").stdout == run("industries", "--json").stdout
    assert (
        run("industries", "--lang", "ZH", "--area-unit", "HA").stdout
        == run("industries", "--lang", "zh", "--area-unit", "ha").stdout
    )
    assert run("summary", env={"HECHI_LANG": "ZH"}).stdout == run("summary", "--lang", "zh").stdout


def test_a_bad_environment_variable_is_named_not_the_option(run: Run) -> None:
    result = run("summary", env={"HECHI_LANG": "fr"})
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "Error: Invalid value for environment variable HECHI_LANG: 'fr' is not one of 'en', 'zh'."
    )
    assert run("summary", "--lang", "fr").stderr.splitlines()[-1].startswith("Error: Invalid value for '--lang': ")


def test_help_as_a_command(run: Run) -> None:
    assert run("help").stdout == run("--help").stdout
    assert run("help", "show").stdout == run("show", "--help").stdout
    assert run("help", "show").stdout.startswith("Usage: hechi show [OPTIONS] ID\n")
    assert run("help", "nope").exit_code == 2


def test_ids_are_read_in_any_case(run: Run) -> None:
    assert run("show", "Walnut").stdout == run("show", "walnut").stdout
    assert run("series", "Mulberry-Area", "--json").stdout == run("series", "mulberry-area", "--json").stdout
    assert run("cite", "WALNUT").stdout == run("cite", "walnut").stdout
    missing = run("show", "Walnutt")  # the error names what was typed
    assert missing.stderr == "hechi: error: no record has the id 'Walnutt'; did you mean walnut or walnut-area?\n"


@pytest.mark.parametrize("name", ["show", "series", "chart"])
def test_a_look_up_of_several_words_points_to_search(run: Run, name: str) -> None:
    result = run(name, "oil", "tea")
    assert (result.exit_code, result.stdout) == (2, "")
    assert (
        result.stderr.splitlines()[-1] == f"Error: {name} takes one ID, not 2 words; to find one: hechi search oil tea"
    )


def test_a_scope_that_does_not_exist_is_not_called_empty(run: Run) -> None:
    nowhere = run("series", "mulberry-area", "--scope", "nowhere").stderr
    assert nowhere == "hechi: error: there is no scope 'nowhere'; use --scope city or --scope dahua or --scope yizhou\n"
    bama = run("series", "mulberry-area", "--scope", "bama").stderr
    assert bama.startswith("hechi: error: mulberry-area has no figures in scope 'bama'; use --scope city")


def test_lang_before_the_command_too(run: Run) -> None:
    zh = run("industries", "--lang", "zh").stdout
    assert run("--lang", "zh", "industries").stdout == zh
    assert run("--lang", "ZH", "industries", env={"HECHI_LANG": "en"}).stdout == zh  # typed beats the variable
    assert run("--lang", "zh", "industries", "--lang", "en").stdout == run("industries").stdout  # its own wins
