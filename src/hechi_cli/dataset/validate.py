"""`hechi validate`'s pipeline: every error and warning of a file, placed at its line."""

from __future__ import annotations

from typing import NamedTuple

from hechi_cli.dataset.fields import ARRAYS
from hechi_cli.dataset.load import placed
from hechi_cli.dataset.problems import DataError, Problem, sort_problems
from hechi_cli.dataset.read import bundled_path, decode, parse, read_bytes
from hechi_cli.dataset.rules import check


class Validation(NamedTuple):
    """What `hechi validate` reports on one file."""

    file: str
    errors: list[Problem]  # placed at their lines, sorted
    warnings: list[Problem]
    records: dict[str, int]  # array of tables -> how many records; empty when the file is not TOML


def check_file(path: str | None) -> Validation:
    """Every error and warning of a file, each placed at its line, and its record counts."""
    name = path if path is not None else bundled_path()
    try:
        text = decode(read_bytes(name), name)
        doc = parse(text, name)
    except DataError as e:
        return Validation(name, e.problems, [], {})
    found = sort_problems(placed(text, check(doc)))
    records = {key: len(doc[key]) for key in ARRAYS if isinstance(doc.get(key), list)}
    errors = [p for p in found if p.severity == "error"]
    return Validation(name, errors, [p for p in found if p.severity == "warning"], records)
