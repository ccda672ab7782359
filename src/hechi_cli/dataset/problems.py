"""Problems found in a data file, and how they read in `validate` and in error messages."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from typing import Any, NamedTuple, Union

PathPart = Union[str, int]
NO_VALUE: Any = object()  # a problem about a key's absence has no value to show, not even None

# The file could not be read as TOML at all: one problem, said in one line.
FILE_CODES = frozenset(
    {"not-found", "is-directory", "not-a-file", "too-large", "unreadable", "empty", "binary", "not-utf8", "syntax"}
)


class DataError(Exception):
    """The data file cannot be used: it is unreadable, not TOML, or breaks a rule.

    It carries the file and its problems, no words and no exit code: app.guarded
    maps it to exit 1 and writes its lines in the reader's language (errors.data_error_lines).
    """

    def __init__(self, file: str, problems: Sequence[Problem]) -> None:
        super().__init__(f"{file}: {len(problems)} problem(s)")
        self.file = file
        self.problems = list(problems)


class Problem(NamedTuple):
    """One finding: a stable code, where it is, what is wrong, the value, and how grave it is.

    An "error" means the data cannot be trusted and stops every command; a
    "warning" means something is incomplete, and only `validate` shows it.
    """

    code: str
    path: tuple[PathPart, ...]
    message: str
    value: Any = NO_VALUE
    severity: str = "error"
    line: int | None = None
    column: int | None = None

    @property
    def has_value(self) -> bool:
        return self.value is not NO_VALUE

    @property
    def dotted(self) -> str:
        out = ""
        for part in self.path:
            out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
        return out


def shown_value(value: Any) -> str:
    """A value as it stands in a message: JSON-like, escaped, at most 60 chars."""
    import json  # this module is on every run's path; its formatting only on the error path

    from hechi_cli.textsafe import printable

    if hasattr(value, "isoformat"):
        text = value.isoformat()
    elif isinstance(value, float) and not math.isfinite(value):
        text = repr(value)  # inf, nan: as TOML writes them
    else:
        text = json.dumps(json_value(value), ensure_ascii=False, default=str)
    text = printable(text)
    return text if len(text) <= 60 else text[:57] + "..."


def problem_line(file: str, p: Problem) -> str:
    """`file:line:column: [warning: ]code: key.path: message (value)`; unknown parts are left out."""
    from hechi_cli.textsafe import printable

    where = printable(f"{file}:{p.line}:{p.column}" if p.line is not None else file)
    parts = [where, *(["warning"] if p.severity == "warning" else []), p.code]
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
    """One problem, field by field, for `hechi validate --json`."""
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
    """Problems per code, most frequent first, then by code."""
    c = Counter(p.code for p in problems)
    return dict(sorted(c.items(), key=lambda kv: (-kv[1], kv[0])))


def summary(problems: Sequence[Problem], noun: str = "error") -> str:
    """'3 errors (bad-url: 2, unknown-unit: 1)'."""
    n = len(problems)
    by_code = ", ".join(f"{code}: {k}" for code, k in counts(problems).items())
    return f"{n} {noun}{'s' if n != 1 else ''} ({by_code})"


def sort_problems(problems: Sequence[Problem]) -> list[Problem]:
    """By line and column; problems without a position first, in the order found."""
    return sorted(problems, key=lambda p: (p.line or 0, p.column or 0))
