"""Markdown: a GitHub-flavoured table, then the notes as a list."""

from __future__ import annotations

from hechi_cli.reports import Report
from hechi_cli.textsafe import lines


def _line(text: str) -> str:
    for ch in ("\\", "|", "*", "_", "`", "<", ">", "[", "]"):
        text = text.replace(ch, "\\" + ch)
    return text


def _cell(text: str) -> str:
    """Escape what would end a cell or start markup; control characters become visible."""
    return "<br>".join(_line(x) for x in lines(text))


def render(report: Report) -> str:
    cols = report.columns
    lines = [f"## {_cell(report.title)}", ""]
    if report.details:
        lines.extend(f"- **{_cell(k)}**: {_cell(v)}" for k, v in report.details)
        lines.append("")
    lines.append("| " + " | ".join(_cell(c.header) for c in cols) + " |")
    lines.append("|" + "|".join("---:" if c.numeric else "---" for c in cols) + "|")
    for row in report.rows:
        lines.append("| " + " | ".join(_cell(c.cell(row)) for c in cols) + " |")
    if report.notes:
        lines.append("")
        lines.extend(f"- {_cell(n)}" for n in report.notes)
    return "\n".join(lines) + "\n"
