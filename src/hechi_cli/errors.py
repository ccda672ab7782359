"""Problems found in a data file, and how they read."""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Sequence
from typing import Any, NamedTuple, Union

PathPart = Union[str, int]


class Problem(NamedTuple):
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


class NoMatch(Exception):
    """A search found nothing (exit 1, as grep does)."""


FILE_CODES = {"not-found", "is-directory", "unreadable", "empty", "binary", "not-utf8", "syntax"}


def shown_value(value: Any) -> str:
    """A value as it stands in a message: JSON-like, escaped, at most 60 chars."""
    from hechi_cli.textsafe import printable  # only when there is something to report

    if hasattr(value, "isoformat"):
        text = value.isoformat()
    elif isinstance(value, float) and not math.isfinite(value):
        text = repr(value)  # inf, nan: as TOML writes them
    else:
        text = json.dumps(json_value(value), ensure_ascii=False, default=str)
    text = printable(text)
    return text if len(text) <= 60 else text[:57] + "..."


def problem_line(file: str, p: Problem) -> str:
    """`file:line:column: code: key.path: message (value)`; parts that are unknown are left out."""
    from hechi_cli.textsafe import printable

    where = printable(f"{file}:{p.line}:{p.column}" if p.line is not None else file)
    parts = [where, p.code]
    if p.path:
        parts.append(printable(p.dotted))
    text = ": ".join(parts) + ": " + p.message
    if p.has_value:
        text += f" ({shown_value(p.value)})"
    return text


def json_value(value: Any) -> Any:
    """A value from a TOML file as JSON can hold it: dates as ISO text, inf and nan as text."""
    if isinstance(value, float) and not math.isfinite(value):
        return repr(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, list):
        return [json_value(v) for v in value]
    if isinstance(value, dict):
        return {str(k): json_value(v) for k, v in value.items()}
    return value


def problem_json(file: str, p: Problem) -> dict[str, Any]:
    """One error, field by field, for `hechi validate --json`."""
    return {
        "file": file,
        "line": p.line,
        "column": p.column,
        "code": p.code,
        "path": p.dotted,
        "message": p.message,
        "value": json_value(p.value) if p.has_value else None,
    }


def counts(problems: Sequence[Problem]) -> dict[str, int]:
    """Errors per code, most frequent first, then by code."""
    c = Counter(p.code for p in problems)
    return dict(sorted(c.items(), key=lambda kv: (-kv[1], kv[0])))


def summary(problems: Sequence[Problem]) -> str:
    n = len(problems)
    by_code = ", ".join(f"{code}: {k}" for code, k in counts(problems).items())
    return f"{n} error{'s' if n != 1 else ''} ({by_code})"


def sort_problems(problems: Sequence[Problem]) -> list[Problem]:
    """By line and column; problems without a position first, in the order found."""
    return sorted(problems, key=lambda p: (p.line or 0, p.column or 0))


def report_lines(err: DataError) -> list[str]:
    """Every problem, one a line, sorted by position."""
    return [problem_line(err.file, p) for p in sort_problems(err.problems)]
