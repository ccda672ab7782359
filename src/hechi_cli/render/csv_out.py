"""CSV: RFC 4180, one header row, a row per record, raw numbers."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING, Any

from hechi_cli.env import Environment
from hechi_cli.reports.report import Report

if TYPE_CHECKING:
    from hechi_cli.reports.view import View

# OWASP: a text cell starting with one of these can run as a spreadsheet formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def cell(value: Any) -> str:
    """One CSV cell: numbers as written, lists joined by '; ', text made formula-safe."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, list) and any(isinstance(v, dict) for v in value):
        import json  # records in a cell (industries' related figures): as JSON, so nothing is lost

        value = json.dumps(value, ensure_ascii=False)
    elif isinstance(value, list):
        value = "; ".join(map(str, value))
    # NUL cannot stand in a CSV field (Python before 3.11 refuses to write it): show it as \x00.
    text = str(value).replace("\x00", "\\x00")
    return "'" + text if text.startswith(FORMULA_START) else text


def render(report: Report, view: View, env: Environment) -> str:
    """The report's rows; `view` is not used: CSV is the same in every language."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    header = list(report.rows[0]) if report.rows else []
    writer.writerow(header)
    for row in report.rows:
        writer.writerow([cell(row.get(k)) for k in header])
    return out.getvalue()
