"""JSON: one object per command, keys in a fixed order, numbers as numbers."""

from __future__ import annotations

import json
from typing import Any

from hechi_cli.env import Environment
from hechi_cli.reports.report import Report
from hechi_cli.reports.view import ENGLISH, View

SCHEMA_VERSION = 1


def document(report: Report) -> dict[str, Any]:
    """schema_version, command, what the rows are about, the rows, the parts after them, then notes."""
    doc: dict[str, Any] = {"schema_version": SCHEMA_VERSION, "command": report.command}
    doc.update(report.json_before)
    doc[report.json_key] = report.rows
    doc.update(report.json_after)
    if report.notes_in_json:
        words = report.words(ENGLISH)  # the one place JSON meets words: always English, every note
        doc["notes"] = [*words.notes, *words.more]
    return doc


def dumps(obj: Any) -> str:
    """UTF-8 rather than \\u escapes; NaN or Infinity is an error, never output."""
    return json.dumps(obj, ensure_ascii=False, allow_nan=False, indent=2) + "\n"


def render(report: Report, view: View, env: Environment) -> str:
    """The report's facts; `view` is not used: JSON is the same in every language."""
    return dumps(document(report))
