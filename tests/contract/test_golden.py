"""Every command in every format, pinned byte for byte (NO_COLOR; tables at 80, 100 and 120 columns)."""

from __future__ import annotations

import pytest

from conftest import Run, assert_golden

COMMANDS = ["industries", "rankings", "resettlement", "sources", "summary", "counties"]
# golden name -> arguments, for the commands that take one
LOOKUPS = {
    "show-walnut": ["show", "walnut"],
    "show-cocoon-output-2019-ed": ["show", "cocoon-output-2019-ed"],
    "show-source": ["show", "cd-2022-10-12-rural"],
    "search-hetao": ["search", "核桃"],
    "series-mulberry-area": ["series", "mulberry-area"],
    "series-streak": ["series", "silkworm-first-china"],
}
EXT = {"table": "txt", "json": "json", "csv": "csv", "markdown": "md"}
CASES = {**{c: [c] for c in COMMANDS}, **LOOKUPS}


@pytest.mark.parametrize("fmt", list(EXT))
@pytest.mark.parametrize("name", list(CASES))
def test_golden_output(run: Run, name: str, fmt: str) -> None:
    result = run(*CASES[name], "--format", fmt)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert_golden(f"{name}.{EXT[fmt]}", result.stdout)


@pytest.mark.parametrize("width", [80, 100])
@pytest.mark.parametrize("name", list(CASES))
def test_golden_table_at_narrower_widths(run: Run, name: str, width: int) -> None:
    result = run(*CASES[name], env={"COLUMNS": str(width)})
    assert (result.exit_code, result.stderr) == (0, "")
    assert_golden(f"{name}-{width}.txt", result.stdout)


@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize("name", list(CASES))
def test_golden_chinese_table(run: Run, name: str, width: int) -> None:
    result = run(*CASES[name], "--lang", "zh", env={"COLUMNS": str(width)})
    assert (result.exit_code, result.stderr) == (0, "")
    assert_golden(f"{name}-zh.txt" if width == 120 else f"{name}-zh-{width}.txt", result.stdout)


@pytest.mark.parametrize("name", list(CASES))
def test_golden_chinese_markdown(run: Run, name: str) -> None:
    result = run(*CASES[name], "--lang", "zh", "--format", "markdown")
    assert (result.exit_code, result.stderr) == (0, "")
    assert_golden(f"{name}-zh.md", result.stdout)


@pytest.mark.parametrize("command", COMMANDS)
def test_json_flag_is_format_json(run: Run, command: str) -> None:
    assert run(command, "--json").stdout == run(command, "--format", "json").stdout
