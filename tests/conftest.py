"""Shared helpers: run the CLI in-process at a fixed width with no colour, and golden files."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

import pytest
from click.testing import CliRunner, Result

from hechi_cli.cli import cli

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data" / "hechi.toml"
GOLDEN = Path(__file__).parent / "golden"
# Each test runs with a fixed width, no colour and the bundled data.
FIXED_ENV: dict[str, str | None] = {
    "NO_COLOR": "1",
    "COLUMNS": "120",
    "HECHI_DATA": None,
    "HECHI_LANG": None,
    "HECHI_NO_CACHE": "1",  # tests/test_cache.py turns the parse cache on where it is tested
}

Run = Callable[..., Result]


def invoke(*args: str, env: dict[str, str | None] | None = None, input: str | None = None) -> Result:
    environ = {**FIXED_ENV, **(env or {})}
    try:  # click < 8.2 (the newest on Python 3.9) mixes stderr into stdout unless told not to
        runner = CliRunner(env=environ, mix_stderr=False)  # type: ignore[call-arg]
    except TypeError:
        runner = CliRunner(env=environ)
    return runner.invoke(cli, list(args), input=input)


@pytest.fixture
def run() -> Run:
    return invoke


def assert_golden(name: str, text: str) -> None:
    """Compare with tests/golden/NAME; HECHI_UPDATE_GOLDEN=1 rewrites the file instead."""
    path = GOLDEN / name
    if os.environ.get("HECHI_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
        return
    assert path.exists(), f"no golden file {name}; run with HECHI_UPDATE_GOLDEN=1 to create it"
    assert text == path.read_text(encoding="utf-8"), f"output differs from tests/golden/{name}"
