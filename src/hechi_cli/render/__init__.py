"""One renderer per format, all with one signature: render(report, view, env) -> the text to write.

The view is the reader's language, area unit and bar characters; the table and Markdown
ask the report for its words in it (`report.words(view)`), JSON and CSV never do.

Choosing one is a look-up in RENDERERS; each module is imported only when its
format is asked for.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Callable, NamedTuple

if TYPE_CHECKING:
    from hechi_cli.env import Environment
    from hechi_cli.render import csv_out, json_out, jsonl_out, markdown, table
    from hechi_cli.reports.report import Report
    from hechi_cli.reports.view import View

    Render = Callable[[Report, View, Environment], str]
    # mypy checks here that every renderer has the one signature.
    _RENDERERS: list[Render] = [table.render, json_out.render, jsonl_out.render, csv_out.render, markdown.render]


class Renderer(NamedTuple):
    module: str  # under hechi_cli.render
    machine: bool  # JSON and CSV: UTF-8 bytes whatever the locale, never shaped for a terminal

    def render(self) -> Render:
        """The module's render function, imported now."""
        render: Render = importlib.import_module(f"hechi_cli.render.{self.module}").render
        return render


RENDERERS = {
    "table": Renderer("table", machine=False),
    "json": Renderer("json_out", machine=True),
    "jsonl": Renderer("jsonl_out", machine=True),
    "csv": Renderer("csv_out", machine=True),
    "markdown": Renderer("markdown", machine=False),
}
FORMATS = tuple(RENDERERS)
