"""The rich table for people. The only module that imports rich, and only when called."""

from __future__ import annotations

import io
from typing import Any, Callable

from hechi_cli.env import Environment
from hechi_cli.reports.report import Column, Report
from hechi_cli.textsafe import lines, printable


def render(report: Report, env: Environment) -> str:
    """The report as a rich table at env.width, or as records where even that is too narrow."""
    from rich.cells import cell_len
    from rich.console import Console
    from rich.text import Text

    buf = io.StringIO()
    if report.people_details:  # plain `label: value` lines, so a long value stays whole when copied
        buf.write(printable(report.title) + "\n\n")
        buf.writelines(f"{printable(k)}: {' '.join(lines(v))}\n" for k, v in report.people_details)
        buf.write("\n")
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
    grid = [c for c in report.columns if not c.below]
    if needed_width(report, grid, cell_len) > env.width:
        # Too narrow for the grid: one block per record, so nothing is cropped.
        console.print(Text(records(report)), soft_wrap=True)
    else:
        console.print(_table(report, grid, env))
        key = report.columns[0]
        for col in (c for c in report.columns if c.below):
            console.print(Text(f"{printable(col.header)}:"))
            for row in report.rows:
                # soft_wrap: a long address stays one line, so it can be copied whole.
                console.print(Text(f"  {printable(key.cell(row))}  {printable(col.cell(row))}"), soft_wrap=True)
    # Notes are plain lines, not wrapped by rich: the terminal wraps them, and a copy stays whole.
    return buf.getvalue() + "".join(printable(note) + "\n" for note in report.notes)


def _table(report: Report, grid: list[Column], env: Environment) -> Any:
    """The rich Table of the grid columns (typed Any: rich is imported only here and in render)."""
    from rich import box
    from rich.cells import cell_len
    from rich.table import Table
    from rich.text import Text

    table = Table(
        title=Text(printable(report.title)),
        box=box.SQUARE if env.utf8 else box.ASCII,
        header_style="bold" if env.color else "",
        title_style="bold" if env.color else "",
    )
    for col in grid:
        # fold, never "…": a table must not hide part of a figure or an id.
        cells = (cell_len(x) for r in report.rows for x in lines(col.cell(r)))
        widest = max(cells, default=0) if col.whole else None
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
                for col in grid
            )
        )
    return table


FOLDED_MIN = 8  # narrowest useful width of a column whose text may wrap


def needed_width(report: Report, grid: list[Column], cell_len: Callable[[str], int] = len) -> int:
    """Narrowest grid that shows every unwrappable cell whole: borders, padding, columns."""
    width = 1
    for col in grid:
        if col.whole:
            width += max((cell_len(x) for r in report.rows for x in lines(col.cell(r))), default=0)
        else:
            width += FOLDED_MIN
        width += 3
    return width


def records(report: Report) -> str:
    """The report as blocks of `header: value` lines, for terminals too narrow for the table."""
    first, *rest = report.columns
    blocks = []
    for row in report.rows:
        block = [" ".join(lines(first.cell(row)))]
        block += [f"  {printable(c.header)}: {' '.join(lines(c.cell(row)))}" for c in rest if c.cell(row)]
        blocks.append("\n".join(block))
    return printable(report.title) + "\n\n" + "\n\n".join(blocks) + "\n"
