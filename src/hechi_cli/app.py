"""The glue between the click commands and the library: load, build, render, write.

Everything heavy is imported here, inside functions, so `hechi --help` and the
JSON path pay only for what they use.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Any, Callable

from hechi_cli.env import Environment


@dataclass
class State:
    """What the group hands its commands: the environment and the chosen data file."""

    env: Environment
    data_path: str | None = None
    options: dict[str, Any] = field(default_factory=dict)


def render(report: Any, fmt: str, env: Environment) -> None:
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


def show(state: State, command: str, fmt: str, *args: Any) -> None:
    """Load the data, run the command's report builder, and render it."""
    from hechi_cli.load import load

    dataset = load(state.data_path)
    builder: Callable[..., Any] = importlib.import_module(f"hechi_cli.reports.{command}").build
    render(builder(dataset, *args), fmt, state.env)
