"""For scale: the naive way to draw the industries table with click and rich.

Reads the same TOML and draws a rich table of the targets: no validation, no
sources, no notes. It is what a table costs before hechi does anything.
"""

import sys

import click
from rich.console import Console
from rich.table import Table

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib


@click.command()
@click.argument("path")
def main(path: str) -> None:
    with open(path, "rb") as f:
        data = tomllib.load(f)
    table = Table(title="Targets")
    for name in ("Target", "Goal", "Unit", "Source", "Major"):
        table.add_column(name)
    for ind in data["industries"]:
        table.add_row(ind["name"], str(ind.get("target", "")), ind.get("unit", ""), ind["source"], str(ind["major"]))
    Console().print(table)


if __name__ == "__main__":
    main()
