"""JSON Lines: one object per record, the very fields of the JSON rows, for tools that read a
line at a time (pandas `read_json(lines=True)`, polars, duckdb, jq -c).

Each line matches the items of the rows array in `hechi schema COMMAND`; the envelope (what the
rows are about, notes) stays in `--json`.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from hechi_cli.reports.report import Report

if TYPE_CHECKING:
    from hechi_cli.env import Environment
    from hechi_cli.reports.view import View


def render(report: Report, view: View, env: Environment) -> str:
    """A line per row; `view` is not used: JSON Lines are the same in every language."""
    return "".join(json.dumps(row, ensure_ascii=False, allow_nan=False) + "\n" for row in report.rows)
