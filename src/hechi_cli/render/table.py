"""The rich table for people. The only module that imports rich, and only when called."""

from __future__ import annotations

import io

from hechi_cli.env import Environment
from hechi_cli.reports import Report
from hechi_cli.textsafe import lines, printable


def render(report: Report, env: Environment) -> str:
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    buf = io.StringIO()
    console = Console(
        file=buf,
        width=env.width,
        force_terminal=env.color,
        no_color=not env.color,
        color_system="standard" if env.color else None,
        markup=False,
        highlight=False,
        emoji=False,
        legacy_windows=False,
        _environ={},  # width and colour come from env, not from rich's own look at os.environ
    )
    table = Table(
        title=Text(printable(report.title)),
        box=box.SQUARE if env.utf8 else box.ASCII,
        header_style="bold" if env.color else "",
        title_style="bold" if env.color else "",
    )
    for col in report.columns:
        # fold, never "…": a table must not hide part of a figure or an id.
        widest = max((len(x) for r in report.rows for x in lines(col.cell(r))), default=0) if col.whole else None
        table.add_column(
            Text(printable(col.header)),
            justify="right" if col.numeric else "left",
            overflow="fold",
            no_wrap=col.whole,
            min_width=widest,
        )
    for row in report.rows:
        table.add_row(
            *(
                # Text(), never a str: data is never read as rich markup.
                Text("\n".join(lines(col.cell(row))), style=(col.style(row) if col.style and env.color else ""))
                for col in report.columns
            )
        )
    console.print(table)
    for note in report.notes:
        console.print(Text(printable(note)))
    return buf.getvalue()
