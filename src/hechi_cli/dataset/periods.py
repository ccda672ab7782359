"""Periods as sources give them: a day, a month, a half-year, a year, a span, approximate or unknown."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import NamedTuple


class Period(NamedTuple):
    """A date or span as the source gives it, with its earliest and latest day."""

    text: str
    start: date | None
    end: date | None
    approximate: bool = False


_PART = re.compile(r"^(\d{4})(?:-(H[12]|\d{2})(?:-(\d{2}))?)?$")


def _bounds(part: str) -> tuple[date, date]:
    m = _PART.match(part)
    if not m:
        raise ValueError(f"not a date: {part!r}")
    year, mid, day = int(m.group(1)), m.group(2), m.group(3)
    if mid is None:
        return date(year, 1, 1), date(year, 12, 31)
    if mid in ("H1", "H2"):
        if day is not None:
            raise ValueError(f"not a date: {part!r}")
        return (date(year, 1, 1), date(year, 6, 30)) if mid == "H1" else (date(year, 7, 1), date(year, 12, 31))
    month = int(mid)
    if not 1 <= month <= 12:
        raise ValueError(f"month out of range: {part!r}")
    if day is None:
        following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
        return date(year, month, 1), following - timedelta(days=1)
    d = date(year, month, int(day))  # raises ValueError on 2023-02-30
    return d, d


def parse_period(text: str) -> Period:
    """Parse 'YYYY', 'YYYY-MM', 'YYYY-MM-DD', 'YYYY-H1', 'A/B', '~A' or 'unknown'.

    Raises ValueError with a short reason when the text is not a period.
    """
    if text == "unknown":
        return Period(text, None, None)
    body = text[1:] if text.startswith("~") else text
    parts = body.split("/")
    if len(parts) > 2:
        raise ValueError(f"not a period: {text!r}")
    start = _bounds(parts[0])[0]
    end = _bounds(parts[-1])[1]
    if start > end:
        raise ValueError(f"period ends before it starts: {text!r}")
    return Period(text, start, end, approximate=body != text)
