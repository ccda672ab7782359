"""The loader's pipeline for every command: read (or take from the parse cache), check every rule, build.

`hechi validate` runs the same rules through validate.check_file, which reports
warnings too.
"""

from __future__ import annotations

import os

from hechi_cli.dataset import cache
from hechi_cli.dataset.build import build
from hechi_cli.dataset.model import Dataset
from hechi_cli.dataset.problems import DataError, Problem
from hechi_cli.dataset.read import bundled_path, decode, parse, read_bytes


def load(path: str | os.PathLike[str] | None = None) -> Dataset:
    """Read, check and build a dataset; raises DataError with every error (warnings do not stop it).

    A sealed entry of the parse cache (cache.py) stands for the parser and the
    rules: hechi wrote it only after every rule passed on those exact bytes.
    """
    name = os.fspath(path) if path is not None else bundled_path()
    raw = read_bytes(name)
    doc = cache.get(name, raw)
    if doc is None:
        from hechi_cli.dataset.rules import check  # a hit needs no rules, and no import of them

        text = decode(raw, name)
        doc = parse(text, name)
        errors = [p for p in check(doc) if p.severity == "error"]
        if errors:
            raise DataError(name, placed(text, errors))
        cache.put(name, raw, doc)
    return build(doc)


def placed(text: str, problems: list[Problem]) -> list[Problem]:
    """The problems with the line and column of their key in the text, where it can be found."""
    from hechi_cli.dataset.positions import Locator  # only needed when something is wrong

    where = Locator(text)  # the text split once for every problem
    out = []
    for p in problems:
        pos = where.locate(p.path)
        out.append(p._replace(line=pos[0], column=pos[1]) if pos else p)
    return out
