"""The registry in commands.py is the one list of commands: the CLI, schemas, builders and README follow it."""

from __future__ import annotations

import ast
import inspect
import re
import subprocess
import sys

import click
import pytest

from conftest import ROOT
from hechi_cli.cli import BUILDERS, cli
from hechi_cli.commands import COMMANDS, SCHEMA_COMMANDS
from hechi_cli.dataset.problems import FILE_CODES
from hechi_cli.dataset.rules import DANGLING, RULES, WARNINGS
from hechi_cli.render import RENDERERS
from hechi_cli.schemas import BODIES

SRC = ROOT / "src" / "hechi_cli"
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_cli_has_exactly_the_registered_commands() -> None:
    assert list(BUILDERS) == [c.name for c in COMMANDS]
    with click.Context(cli) as ctx:
        assert cli.list_commands(ctx) == [c.name for c in COMMANDS]
        assert [cli.get_command(ctx, c.name).name for c in COMMANDS] == [c.name for c in COMMANDS]  # type: ignore[union-attr]


def test_every_command_takes_its_help_from_the_registry() -> None:
    with click.Context(cli) as ctx:
        for entry in COMMANDS:
            assert cli.get_command(ctx, entry.name).help == entry.help, entry.name  # type: ignore[union-attr]


def test_a_command_is_built_only_when_it_runs() -> None:
    # Building all sixteen cost about 1 ms of every start-up (cli.BUILDERS); a fresh process builds one.
    code = "import sys; from hechi_cli.cli import cli; sys.argv = ['hechi', 'industries', '--json']\n"
    code += "from hechi_cli.app import State\nimport io, contextlib\n"
    code += "out = io.StringIO()\nwith contextlib.redirect_stdout(out):\n    try: cli.main(prog_name='hechi')\n"
    code += "    except SystemExit: pass\nprint(sorted(cli.commands))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip().splitlines()[-1] == "['industries']"


@pytest.mark.parametrize("entry", [c for c in COMMANDS if c.report], ids=lambda c: c.name)
def test_every_report_builder_has_the_one_signature(entry: object) -> None:
    build = entry.builder()  # type: ignore[attr-defined]
    assert list(inspect.signature(build).parameters) == ["ds", "query"]


def test_every_report_module_is_registered() -> None:
    modules = {p.stem for p in (SRC / "reports").glob("*.py") if "def build(" in p.read_text(encoding="utf-8")}
    assert modules == {c.name for c in COMMANDS if c.report}


def test_schemas_are_the_registered_ones() -> None:
    assert set(BODIES) == set(SCHEMA_COMMANDS)


def test_every_renderer_has_the_one_signature() -> None:
    for name, renderer in RENDERERS.items():
        assert list(inspect.signature(renderer.render()).parameters) == ["report", "view", "env"], name


def test_every_problem_code_is_in_the_readme_with_its_severity() -> None:
    rules = "".join((SRC / "dataset" / f).read_text(encoding="utf-8") for f in ("rules.py", "wording.py"))
    codes = set(re.findall(r'Problem\(\s*"([a-z-]+)"', rules)) | {code for code, _ in DANGLING.values()} | FILE_CODES
    table = dict(re.findall(r"^\| `([a-z0-9-]+)` \| (error|warning) \|", README, re.M))
    assert set(table) == codes
    assert {c for c, severity in table.items() if severity == "warning"} == set(WARNINGS)
    assert len(RULES) >= 15


def test_modules_and_functions_stay_small() -> None:
    for path in SRC.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert len(text.splitlines()) <= 400, path
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef):
                assert node.end_lineno is not None
                assert node.end_lineno - node.lineno + 1 <= 60, f"{path}: {node.name}"


def _imports(path: object) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))  # type: ignore[attr-defined]
    return {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}


def test_the_loader_imports_nothing_above_it() -> None:
    # dataset/ may use the small leaf helpers beside it, never the errors, reports or CLI layers.
    leaves = {"hechi_cli", "hechi_cli.cells", "hechi_cli.textsafe"}
    for path in sorted((SRC / "dataset").glob("*.py")):
        above = {m for m in _imports(path) if m.startswith("hechi_cli")} - leaves
        assert {m for m in above if not m.startswith("hechi_cli.dataset")} == set(), path.name


def test_words_are_made_at_the_edge() -> None:
    # A report builder knows no language: no view defaults to English, and no notes are written twice.
    for path in sorted((SRC / "reports").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for fn in (n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)):
            defaults = [d.id for d in fn.args.defaults + fn.args.kw_defaults if isinstance(d, ast.Name)]
            assert not {"ENGLISH", "DEFAULT"} & set(defaults), f"{path.name}: {fn.name}"
    for path in sorted(SRC.rglob("*.py")):
        assert "people_notes" not in path.read_text(encoding="utf-8"), path.name
