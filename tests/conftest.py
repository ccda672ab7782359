"""One test environment for every test, in process and in subprocesses.

The shell that runs pytest must not change a result: at import, before any test
module builds its own environment, every variable that hechi, click or rich
reads is removed, and the parse cache is pointed at a private directory.
Tests that want a variable set it themselves (`run(..., env=...)`, monkeypatch).
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path
from typing import Callable

import pytest
from click.testing import CliRunner, Result

# The suite's own knobs, read before the environment is cleared.
UPDATE_GOLDEN = os.environ.get("HECHI_UPDATE_GOLDEN") == "1"
_examples = os.environ.get("HECHI_HYPOTHESIS_EXAMPLES", "").strip()
HYPOTHESIS_EXAMPLES = int(_examples) if _examples.isdigit() else 60

# What hechi, click and rich read from the environment; none may leak in from the shell.
CLEARED = (
    "COLUMNS",
    "LINES",
    "NO_COLOR",
    "FORCE_COLOR",
    "CLICOLOR",
    "CLICOLOR_FORCE",
    "TERM",
    "COLORTERM",
    "LANG",
    "LANGUAGE",
    "LC_ALL",
    "LC_MESSAGES",
    "LC_CTYPE",
    "PAGER",
    "PYTHONIOENCODING",
    "XDG_CACHE_HOME",
)
for _name in list(os.environ):
    if _name.startswith("HECHI_") or _name in CLEARED:
        del os.environ[_name]
_CACHE = tempfile.mkdtemp(prefix="hechi-test-cache-")
atexit.register(shutil.rmtree, _CACHE, True)
os.environ["HECHI_CACHE_DIR"] = _CACHE  # never the user's cache, even where a test turns caching on
os.environ["HECHI_NO_CACHE"] = "1"  # tests/dataset/test_cache.py turns the cache on where it is tested

from hechi_cli.cli import cli  # noqa: E402  (after the environment is fixed)

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data" / "hechi.toml"
MINI = Path(__file__).parent / "data" / "mini.toml"
GOLDEN = Path(__file__).parent / "golden"
# The views of the bundled data that people read, by name (issue 9's list less `search`, whose
# text each test picks): the tests of layout, of Chinese and of language-proof JSON share them.
VIEWS = {
    "industries": ["industries"],
    "rankings": ["rankings"],
    "resettlement": ["resettlement"],
    "sources": ["sources"],
    "summary": ["summary"],
    "counties": ["counties"],
    "show": ["show", "walnut"],
    "series": ["series", "mulberry-area"],
}
# Each in-process run has a fixed width and no colour.
FIXED_ENV: dict[str, str | None] = {"NO_COLOR": "1", "COLUMNS": "120"}

Run = Callable[..., Result]


def subprocess_env(**extra: str) -> dict[str, str]:
    """The environment for a real `hechi` process: the cleared one, no colour, 120 columns, UTF-8."""
    return {**os.environ, "NO_COLOR": "1", "COLUMNS": "120", "PYTHONIOENCODING": "utf-8", **extra}


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
    if UPDATE_GOLDEN:
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
        return
    assert path.exists(), f"no golden file {name}; run with HECHI_UPDATE_GOLDEN=1 to create it"
    assert text == path.read_text(encoding="utf-8"), f"output differs from tests/golden/{name}"
