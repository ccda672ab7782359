"""The README is tested: its console examples are real output, and every command is documented.

HECHI_UPDATE_GOLDEN=1 rewrites the README's example outputs from real runs.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import click
import pytest

from conftest import ROOT, UPDATE_GOLDEN, subprocess_env
from hechi_cli.cli import cli
from hechi_cli.commands import COMMANDS

README = ROOT / "README.md"
BLOCK = re.compile(r"```console\n\$ (?P<cmd>[^\n]+)\n(?P<out>.*?)```", re.S)
# The README shows what a reader sees in a classic 80-column terminal.
ENV = subprocess_env(COLUMNS="80", PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")


def _run(cmd: str) -> str:
    proc = subprocess.run(["sh", "-c", cmd], capture_output=True, text=True, encoding="utf-8", cwd=ROOT, env=ENV)
    return proc.stdout + proc.stderr


def _examples() -> list[str]:
    return [m.group("cmd") for m in BLOCK.finditer(README.read_text(encoding="utf-8"))]


def test_readme_examples_exist() -> None:
    assert len(_examples()) >= 7


@pytest.mark.parametrize("cmd", _examples())
def test_readme_example_is_real_output(cmd: str) -> None:
    if "jq" in cmd.split() and shutil.which("jq") is None:
        pytest.skip("jq is not installed")
    text = README.read_text(encoding="utf-8")
    match = next(m for m in BLOCK.finditer(text) if m.group("cmd") == cmd)
    actual = _run(cmd)
    if UPDATE_GOLDEN:
        start, end = match.span("out")
        README.write_text(text[:start] + actual + text[end:], encoding="utf-8")
        return
    assert match.group("out") == actual


def _commands() -> list[str]:
    return [c.name for c in COMMANDS]


@pytest.mark.parametrize("name", _commands())
def test_every_command_has_help_with_examples(name: str) -> None:
    with click.Context(cli) as group:
        command = cli.get_command(group, name)
    assert command is not None and command.help, name
    with click.Context(command, info_name=name) as ctx:
        text = command.get_help(ctx)
    assert "Examples:" in text
    assert f"hechi {name}" in text


@pytest.mark.parametrize("name", _commands())
def test_every_command_is_in_the_readme(name: str) -> None:
    assert f"### `hechi {name}`" in README.read_text(encoding="utf-8")


def test_readme_test_command_is_what_ci_runs() -> None:
    readme = README.read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    command = "python -m pip install -q -e '.[test]' && python -m pytest"
    assert command in ci
    assert command.replace(" -q", "") in readme
