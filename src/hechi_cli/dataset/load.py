"""The loader's two pipelines: `load` for every command, `check_file` for `hechi validate`.

Both read, parse and run every rule (rules.RULES); `load` stops on an error
and builds the Dataset, `check_file` reports errors and warnings alike.
"""

from __future__ import annotations

import os
from typing import NamedTuple

from hechi_cli.dataset import cache
from hechi_cli.dataset.build import build
from hechi_cli.dataset.fields import ARRAYS
from hechi_cli.dataset.model import Dataset
from hechi_cli.dataset.problems import Problem, sort_problems
from hechi_cli.dataset.read import bundled_path, decode, parse, read_bytes
from hechi_cli.dataset.rules import check
from hechi_cli.errors import DataError


def load(path: str | os.PathLike[str] | None = None) -> Dataset:
    """Read, check and build a dataset; raises DataError with every error (warnings do not stop it).

    A parse cache (cache.py) may stand in for the TOML parser; whatever it
    returns is checked by every rule all the same.
    """
    name = os.fspath(path) if path is not None else bundled_path()
    raw = read_bytes(name)
    doc = cache.get(name, raw)
    text = None  # decoded only when the cache misses or something must be placed
    if doc is None:
        text = decode(raw, name)
        doc = parse(text, name)
    errors = [p for p in check(doc) if p.severity == "error"]
    if errors:
        raise DataError(name, placed(text if text is not None else decode(raw, name), errors))
    if text is not None:
        cache.put(name, raw, doc)
    return build(doc)


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


def placed(text: str, problems: list[Problem]) -> list[Problem]:
    """The problems with the line and column of their key in the text, where it can be found."""
    from hechi_cli.dataset.positions import locate  # only needed when something is wrong

    out = []
    for p in problems:
        pos = locate(text, p.path)
        out.append(p._replace(line=pos[0], column=pos[1]) if pos else p)
    return out
