"""Problems found in a data file, and how they read."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Union

from hechi_cli.textsafe import printable

PathPart = Union[str, int]


@dataclass(frozen=True)
class Problem:
    """One error: a stable code, where it is, what is wrong, and the value."""

    code: str
    path: tuple[PathPart, ...]
    message: str
    value: Any = None
    has_value: bool = False
    line: int | None = None
    column: int | None = None

    @property
    def dotted(self) -> str:
        out = ""
        for part in self.path:
            out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
        return out


class DataError(Exception):
    """The data file cannot be used: it is unreadable, not TOML, or invalid."""

    def __init__(self, file: str, problems: Sequence[Problem]) -> None:
        super().__init__(f"{file}: {len(problems)} problem(s)")
        self.file = file
        self.problems = list(problems)

    @property
    def file_level(self) -> bool:
        """True when the file could not be read as TOML at all: one problem, said in one line."""
        return len(self.problems) == 1 and self.problems[0].code in FILE_CODES


class UnknownRecord(Exception):
    """No record has the id a user asked for."""

    def __init__(self, wanted: str, suggestions: Sequence[str]) -> None:
        super().__init__(wanted)
        self.wanted = wanted
        self.suggestions = list(suggestions)


FILE_CODES = {"not-found", "is-directory", "unreadable", "empty", "binary", "not-utf8", "syntax"}


def shown_value(value: Any) -> str:
    """A value as it stands in a message: JSON-like, escaped, at most 60 chars."""
    if hasattr(value, "isoformat"):
        text = value.isoformat()
    else:
        try:
            text = json.dumps(value, ensure_ascii=False, default=str)
        except ValueError:  # nan or inf
            text = repr(value)
    text = printable(text)
    return text if len(text) <= 60 else text[:57] + "..."


def problem_line(file: str, p: Problem) -> str:
    """`file:line:column: code: key.path: message (value)`; parts that are unknown are left out."""
    where = f"{file}:{p.line}:{p.column}" if p.line is not None else file
    parts = [where, p.code]
    if p.path:
        parts.append(printable(p.dotted))
    text = ": ".join(parts) + ": " + p.message
    if p.has_value:
        text += f" ({shown_value(p.value)})"
    return text


def counts(problems: Sequence[Problem]) -> dict[str, int]:
    """Errors per code, most frequent first, then by code."""
    c = Counter(p.code for p in problems)
    return dict(sorted(c.items(), key=lambda kv: (-kv[1], kv[0])))


def summary(problems: Sequence[Problem]) -> str:
    n = len(problems)
    by_code = ", ".join(f"{code}: {k}" for code, k in counts(problems).items())
    return f"{n} error{'s' if n != 1 else ''} ({by_code})"


def report_lines(err: DataError) -> list[str]:
    """Every problem, sorted by position, then the per-code summary."""
    ordered = sorted(err.problems, key=lambda p: (p.line or 0, p.column or 0))
    return [problem_line(err.file, p) for p in ordered]
