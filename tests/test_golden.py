"""Every command in every format, pinned byte for byte (NO_COLOR, 120 columns)."""

from __future__ import annotations

import pytest

from conftest import Run, assert_golden

COMMANDS = ["industries", "rankings", "resettlement", "sources", "summary"]
EXT = {"table": "txt", "json": "json", "csv": "csv", "markdown": "md"}


@pytest.mark.parametrize("fmt", list(EXT))
@pytest.mark.parametrize("command", COMMANDS)
def test_golden_output(run: Run, command: str, fmt: str) -> None:
    result = run(command, "--format", fmt)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert_golden(f"{command}.{EXT[fmt]}", result.stdout)


@pytest.mark.parametrize("command", COMMANDS)
def test_json_flag_is_format_json(run: Run, command: str) -> None:
    assert run(command, "--json").stdout == run(command, "--format", "json").stdout
