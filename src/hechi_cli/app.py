"""The glue between the click commands and the library: load, build, render, write.

Everything heavy is imported here, inside functions, so `hechi --help` and the
JSON path pay only for what they use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, Callable

from hechi_cli.env import Environment

if TYPE_CHECKING:
    from hechi_cli.reports import Report


class State:
    """What the group hands its commands: the environment and the chosen data file."""

    def __init__(self, env: Environment, data_path: str | None = None) -> None:
        self.env = env
        self.data_path = data_path


class Output:
    """The output options every command takes, gathered in one object."""

    def __init__(self, fmt: str, lang: str, area_unit: str | None) -> None:
        self.fmt = fmt
        self.lang = lang
        self.area_unit = area_unit


def render(report: Report, fmt: str, env: Environment) -> None:
    """Write a Report to stdout in one format."""
    if fmt == "json":
        from hechi_cli.render import json_out

        env.write_machine(json_out.render(report))
    elif fmt == "csv":
        from hechi_cli.render import csv_out

        env.write_machine(csv_out.render(report))
    elif fmt == "markdown":
        from hechi_cli.render import markdown

        env.write_text(markdown.render(report))
    else:
        from hechi_cli.render import table

        env.write_text(table.render(report, env))


def show(state: State, command: str, out: Output, *args: Any) -> None:
    """Load the data, run the command's report builder, and render it."""
    from hechi_cli.load import load
    from hechi_cli.reports.view import Options

    dataset = load(state.data_path)
    builder: Callable[..., Any] = importlib.import_module(f"hechi_cli.reports.{command}").build
    opts = Options(out.lang, out.area_unit, ascii=not state.env.utf8)
    render(builder(dataset, opts, *args), out.fmt, state.env)


def validate(state: State, path: str | None, as_json: bool) -> int:
    """Check a data file and write the report to stdout; the exit code says valid (0) or not (1)."""
    from hechi_cli import exitcodes
    from hechi_cli.errors import counts, problem_json, problem_line, sort_problems, summary
    from hechi_cli.load import check_file

    name, problems, records = check_file(path if path is not None else state.data_path)
    problems = sort_problems(problems)
    if as_json:
        from hechi_cli.render.json_out import SCHEMA_VERSION, dumps

        doc = {
            "schema_version": SCHEMA_VERSION,
            "command": "validate",
            "file": name,
            "valid": not problems,
            "errors": [problem_json(name, p) for p in problems],
            "counts": counts(problems),
            "records": records,
        }
        state.env.write_machine(dumps(doc))
    elif problems:
        lines = [problem_line(name, p) for p in problems]
        state.env.write_text("\n".join([*lines, f"{name}: invalid: {summary(problems)}"]) + "\n")
    else:
        what = ", ".join(f"{n} {key}" for key, n in records.items())
        state.env.write_text(f"{name}: valid: {what}\n")
    return exitcodes.DATA_ERROR if problems else exitcodes.OK


def record_ids(data_path: str | None) -> list[str]:
    """Every record id, for shell completion; none when the data cannot be loaded."""
    from hechi_cli.errors import DataError
    from hechi_cli.load import load

    try:
        return sorted(load(data_path).records())
    except DataError:
        return []


def print_schema(state: State, command: str) -> None:
    """Write the JSON Schema of a command's --json output."""
    from hechi_cli.render.json_out import dumps
    from hechi_cli.schemas import schema_for

    state.env.write_machine(dumps(schema_for(command)))
