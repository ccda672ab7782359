"""The floor: a bare click command that reads the same TOML file and prints it as JSON.

hechi's start-up is measured against this program, run the same way in the same loop.
"""

import json
import sys

import click

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib


@click.command()
@click.argument("path")
def main(path: str) -> None:
    with open(path, "rb") as f:
        data = tomllib.load(f)
    click.echo(json.dumps(data, default=str, ensure_ascii=False))


if __name__ == "__main__":
    main()
