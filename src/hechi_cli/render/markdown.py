"""Markdown: a GitHub-flavoured table, then the notes as a list."""

from __future__ import annotations

from hechi_cli.env import Environment
from hechi_cli.reports.report import Report
from hechi_cli.textsafe import lines


def _line(text: str) -> str:
    for ch in ("\\", "|", "*", "_", "`", "<", ">", "[", "]"):
        text = text.replace(ch, "\\" + ch)
    return text


def _cell(text: str) -> str:
    """Escape what would end a cell or start markup; control characters become visible."""
    return "<br>".join(_line(x) for x in lines(text))


def render(report: Report, env: Environment) -> str:
    cols = report.columns
    out = [f"## {_cell(report.title)}", ""]
    if report.people_details:
        out.extend(f"- **{_cell(k)}**: {_cell(v)}" for k, v in report.people_details)
        out.append("")
    out.append("| " + " | ".join(_cell(c.header) for c in cols) + " |")
    out.append("|" + "|".join("---:" if c.numeric else "---" for c in cols) + "|")
    for row in report.rows:
        out.append("| " + " | ".join(_cell(c.cell(row)) for c in cols) + " |")
    if report.notes:
        out.append("")
        out.extend(f"- {_cell(n)}" for n in report.notes)
    return "\n".join(out) + "\n"
