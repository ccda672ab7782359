"""Find the line of a key path in TOML text, for messages about valid TOML.

tomllib returns plain dicts with no positions, so rule errors are placed by
scanning the text: the Nth [[table]] header, then the key inside that block.
When the key is not found, the table's header line is used; when even that
is not found, no position is given rather than a wrong one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Optional

from hechi_cli.dataset.problems import PathPart

Position = Optional[tuple[int, int]]

_HEADER = re.compile(r"^\s*\[")


def _key_re(key: str) -> re.Pattern[str]:
    k = re.escape(key)
    return re.compile(rf"^\s*(?:{k}|\"{k}\"|'{k}')\s*=")


def _at(lines: Sequence[str], i: int) -> tuple[int, int]:
    return i + 1, len(lines[i]) - len(lines[i].lstrip()) + 1


def _find_key(lines: Sequence[str], start: int, key: str) -> int | None:
    """Index of `key = ...` in the block that starts at `start`."""
    pattern = _key_re(key)
    for i in range(start, len(lines)):
        if i > start and _HEADER.match(lines[i]):
            return None
        if pattern.match(lines[i]):
            return i
    return None


def locate(text: str, path: Sequence[PathPart]) -> Position:
    """(line, column), both from 1, of the key path in the text, or None."""
    if not path:
        return None
    lines = text.splitlines()
    head = str(path[0])
    rest = list(path[1:])
    header: int | None = None
    if rest and isinstance(rest[0], int):
        wanted, seen = rest.pop(0), -1
        pattern = re.compile(rf"^\s*\[\[\s*{re.escape(head)}\s*\]\]")
        for i, line in enumerate(lines):
            if pattern.match(line):
                seen += 1
                if seen == wanted:
                    header = i
                    break
    elif rest:
        pattern = re.compile(rf"^\s*\[\s*{re.escape(head)}\s*\]")
        header = next((i for i, line in enumerate(lines) if pattern.match(line)), None)
    elif not rest:
        # The whole table or array of tables: its first header.
        pattern = re.compile(rf"^\s*\[\[?\s*{re.escape(head)}\s*\]")
        header = next((i for i, line in enumerate(lines) if pattern.match(line)), None)
    if header is None:
        # A top-level key, or a table written inline: find `head = ` before any header.
        found = _find_key(lines, 0, head)
        return _at(lines, found) if found is not None else None
    if rest and isinstance(rest[0], str):
        found = _find_key(lines, header, rest[0])
        if found is not None:
            return _at(lines, found)
    return _at(lines, header)
