"""Usage and data errors: exact exit codes, messages on stderr only, nothing on stdout."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from conftest import DATA, Run

TEXT = DATA.read_text(encoding="utf-8")


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


# ---------------------------------------------------------------- usage errors (exit 2)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nosuch"], "No such command 'nosuch'"),
        (["industries", "--format", "xml"], "'xml' is not one of"),
        (["industries", "--bogus"], "No such option"),
        (["industries", "--json", "--format", "csv"], "--json and --format csv ask for different formats; use one."),
        (["--data"], "requires an argument"),
    ],
)
def test_usage_error_exits_2(run: Run, args: list[str], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    # click's shape: a usage line first, the error last; wording varies a little across click versions.
    for line in result.stderr.splitlines()[:-1]:
        assert line == "" or line.startswith(("Usage: hechi", "Try 'hechi"))
    last = result.stderr.rstrip("\n").splitlines()[-1]
    assert last.startswith("Error: ")
    assert message in last


def test_usage_error_keeps_clicks_line_breaks(run: Run) -> None:
    result = run("schema")
    assert result.exit_code == 2
    assert "\\x0a" not in result.stderr and "\\x09" not in result.stderr
    assert "Choose from:\n" in result.stderr


def test_usage_error_escapes_what_the_user_typed(run: Run) -> None:
    result = run("no\x1b[2Jsuch")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == "Error: No such command 'no\\x1b[2Jsuch'."


def test_help_and_version(run: Run) -> None:
    assert run("--help").exit_code == 0
    version = run("--version")
    assert (version.exit_code, version.stdout) == (0, "hechi, version 1.0.0\n")


# ---------------------------------------------------------------- data file errors (exit 1)


def test_hechi_data_env_var(run: Run, tmp_path: Path) -> None:
    p = str(tmp_path / "nope.toml")
    result = run("summary", env={"HECHI_DATA": p})
    assert (result.exit_code, result.stderr) == (1, f"hechi: error: {p}: not-found: no such file\n")


def test_data_option_reads_another_file(run: Run, tmp_path: Path) -> None:
    p = tmp_path / "copy.toml"
    p.write_text(TEXT.replace("value = 10141\n", "value = 10142\n"), encoding="utf-8")
    assert "10,142" in run("--data", str(p), "summary").stdout


# ---------------------------------------------------------------- rule errors: every one, with its line


def test_invalid_data_reports_every_error_with_position(run: Run, tmp_path: Path) -> None:
    text = TEXT.replace("value = 2600000\n", "value = -5\n").replace('unit = "sets"', 'unit = "flats"', 1)
    p = tmp_path / "bad.toml"
    p.write_text(text, encoding="utf-8")
    result = run("--data", str(p), "industries")
    assert result.exit_code == 1
    assert result.stdout == ""
    neg, unit = line_of(text, "value = -5"), line_of(text, 'unit = "flats"')
    assert result.stderr.splitlines() == [
        f"{p}:{neg}:1: negative: figures[0].value: must not be negative for unit 'mu' (-5)",
        f'{p}:{unit}:1: unknown-unit: figures[68].unit: not a known unit (see README: Data files) ("flats")',
        f"hechi: error: {p} is not a valid hechi data file: 2 errors (negative: 1, unknown-unit: 1)",
    ]


@pytest.mark.skipif(os.name == "nt", reason="POSIX paths")
def test_no_traceback_for_any_data_error(run: Run, tmp_path: Path) -> None:
    p = tmp_path / "weird.toml"
    p.write_text("schema_version = 'one'\nfigures = 5\n", encoding="utf-8")
    result = run("--data", str(p), "sources")
    assert result.exit_code == 1
    assert "Traceback" not in result.stderr
    assert re.search(r"is not a valid hechi data file: \d+ errors \(", result.stderr.splitlines()[-1])
