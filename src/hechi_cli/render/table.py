"""The table for people, fitted to the terminal: no word broken, no line too wide, ids and numbers whole.

hechi lays the table out and draws it itself. Every column gets at least the
width of its widest word (ids, numbers and other `whole` cells: their whole
width); what is left of the terminal goes to the columns that can wrap, widest
first; every cell is wrapped at word boundaries (render/wrap.py), and widths
are counted in terminal cells (cells.cell_len: a Chinese character takes
two). Under the table come the numbered sources (footnotes), then the notes,
wrapped to the width. A terminal too narrow even for the narrowest grid gets
one block of lines per record instead. No third-party code draws it: rich cost
more start-up time than everything else a table needs (README: Performance).
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Callable

from hechi_cli.cells import cell_len
from hechi_cli.env import Environment
from hechi_cli.messages import N_, tr
from hechi_cli.render.wrap import widest_word, wrap
from hechi_cli.reports.report import Column, Report, Row, Words
from hechi_cli.textsafe import lines, printable

if TYPE_CHECKING:
    from hechi_cli.reports.view import View

CellLen = Callable[[str], int]
GAP = 2  # between two columns: the box's blank divider and one space hechi puts before each later cell
GRADE_C = "C!"  # a grade C source, marked the same way in every report
GRADE_C_NOTE = N_("C! = grade C: a low-quality mirror, forum or aggregator; treat its figures with care.")
SOURCES = N_("Sources:")
SOURCES_SHORT = N_("Sources (hechi show ID gives the title and address):")


def render(report: Report, view: View, env: Environment) -> str:
    """The report in `view`'s words as text at env.width: title, table (or records), sources, notes."""
    out = io.StringIO()
    width = max(env.width, 20)
    w, rows = report.words(view), report.rows
    markers = footnote_markers(w, rows)
    out.write(_title(w.title, width, env, cell_len))
    for key, value in w.details:  # `label: value` lines, wrapped under the label
        text = tr(w.lang, "{label}: {value}", label=printable(key), value=" ".join(lines(value)))
        out.writelines(line + "\n" for line in wrap(text, width, "    ", cell_len))
    if w.details and rows:  # else the footnotes' blank line follows
        out.write("\n")
    grid = [c for c in w.columns if not (c.below or c.heading)]
    widths = None
    while widths is None:
        cells = [[_cell(c, row, w, markers) for c in grid] for row in rows]
        headers = [printable(c.header) for c in grid]
        widths = fit(grid, headers, cells, width, cell_len)
        optional = [c for c in grid if c.optional]
        if widths is not None or not optional:
            break
        grid.remove(optional[-1])  # too narrow: leave out an optional column, then try again
    if not rows:
        pass  # no table at all: a note says there is nothing to show
    elif widths is None:
        out.write(records(w, grid, cells, width, cell_len))
    else:
        out.write(_grid(w, rows, grid, headers, cells, widths, env, cell_len))
    for block in (_below(w, rows), footnotes(w, markers, width, cell_len), _notes(w, width, cell_len)):
        if block:
            out.write("\n" + "".join(line + "\n" for line in block))
    return out.getvalue()


def _notes(w: Words, width: int, cell_len: CellLen) -> list[str]:
    return [line for note in w.notes for line in wrap(printable(note), width, "  ", cell_len)]


def footnote_markers(w: Words, rows: list[Row]) -> dict[str, int]:
    """Source id -> footnote number, in the order the rows first cite them."""
    markers: dict[str, int] = {sid: n for n, sid in enumerate(w.cited, 1)}
    for col in w.columns:
        if col.footnote:
            for row in rows:
                sid = col.cell(row)
                if sid and sid in w.sources:
                    markers.setdefault(sid, len(markers) + 1)
    return markers


def _cell(col: Column, row: Row, w: Words, markers: dict[str, int]) -> str:
    text = col.cell(row)
    if col.footnote and text in markers:
        grade = w.sources[text].grade
        return f"[{markers[text]}] {GRADE_C if grade == 'C' else grade}"
    return "\n".join(lines(text))


def fit(
    grid: list[Column], headers: list[str], cells: list[list[str]], width: int, cell_len: CellLen
) -> list[int] | None:
    """Column widths that fit `width`, or None when even the narrowest layout does not."""
    mins, naturals = [], []
    for i, col in enumerate(grid):
        texts = [headers[i], *(row[i] for row in cells)]
        natural = max((cell_len(x) for t in texts for x in t.split("\n")), default=1)
        naturals.append(max(natural, 1))
        mins.append(natural if col.whole else max(widest_word(t, cell_len) for t in texts))
    gaps = GAP * (len(grid) - 1)
    if sum(mins) + gaps > width:
        return None
    widths = naturals
    for _ in range(sum(widths) + gaps - width):
        # take one cell from the widest column that can still wrap
        i = max((i for i in range(len(grid)) if widths[i] > mins[i]), key=lambda i: widths[i])
        widths[i] -= 1
    return widths


def _grid(
    w: Words,
    rows: list[Row],
    grid: list[Column],
    headers: list[str],
    cells: list[list[str]],
    widths: list[int],
    env: Environment,
    cell_len: CellLen,
) -> str:
    """The table: a header, a rule, then the rows, each cell wrapped to its column; headings in bold."""
    out: list[str] = []

    def add(texts: list[str], styles: list[str], bottom: bool = False) -> None:
        cols = [
            text.split("\n")
            if col.whole
            else [x for line in text.split("\n") for x in (wrap(line, w, "", cell_len) or [""])]
            for col, text, w in zip(grid, texts, widths)
        ]
        height = max(len(c) for c in cols)
        if bottom:  # headers stand on the rule, as a yearbook sets them
            cols = [[""] * (height - len(c)) + c for c in cols]
        for k in range(height):
            parts = []
            for col, lines_, w, style in zip(grid, cols, widths, styles):
                text = lines_[k] if k < len(lines_) else ""
                room = " " * (w - cell_len(text))
                cell = room + text if col.numeric else text + room
                parts.append(_sgr(style, cell) if style and text else cell)
            out.append((" " * GAP).join(parts).rstrip())

    bold = "bold" if env.color else ""
    add(headers, [bold] * len(grid), bottom=True)
    out.append(("─" if env.utf8 else "-") * (sum(widths) + GAP * (len(grid) - 1)))
    heading = next((c for c in w.columns if c.heading), None)
    current = None
    for row, texts in zip(rows, cells):
        if heading is not None and heading.cell(row) != current:
            if current is not None:
                out.append("")
            current = heading.cell(row)
            out += [_sgr(bold, x) if bold else x for x in wrap(printable(current), widths[0], "", cell_len)]
        add(texts, [col.style(row) if col.style and env.color else "" for col in grid])
    return "".join(line + "\n" for line in out)


SGR = {"bold": "1", "red": "31", "green": "32", "yellow": "33"}


def _sgr(style: str, text: str) -> str:
    """Text in a colour or weight ('bold red'), reset after it; only ever called when colour is on."""
    codes = ";".join(SGR[word] for word in style.split() if word in SGR)
    return f"\x1b[{codes}m{text}\x1b[0m" if codes else text


def _title(title: str, width: int, env: Environment, cell_len: CellLen) -> str:
    wrapped = wrap(printable(title), width, "", cell_len)
    if env.color:
        wrapped = [f"\x1b[1m{line}\x1b[0m" for line in wrapped]
    return "\n".join(wrapped) + "\n\n"


def _below(w: Words, rows: list[Row]) -> list[str]:
    """Columns too long for a grid (addresses), listed under it: `key  value`, the value whole."""
    out: list[str] = []
    key = w.columns[0]
    for col in (c for c in w.columns if c.below):
        out.append(printable(tr(w.lang, "{header}:", header=col.header)))
        for row in rows:
            out.append(f"  {printable(key.cell(row).split(chr(10))[0])}  {printable(col.cell(row))}")
    return out


def source_date(lang: str, date: str) -> str:
    """A source's date in a footnote, as written (2022-10-12); one not known says so in `lang`."""
    return tr(lang, "unknown") if date == "unknown" else date


def footnotes(w: Words, markers: dict[str, int], width: int, cell_len: CellLen) -> list[str]:
    """`[n] grade  id, publisher, date`, and the address too where the whole line fits the width
    (`hechi show ID` gives every source's address and title)."""
    if not markers:
        return []
    out = [tr(w.lang, SOURCES if w.full_sources else SOURCES_SHORT)]
    for sid, n in markers.items():
        s = w.sources[sid]
        grade = GRADE_C if s.grade == "C" else s.grade
        line = printable(f"[{n}] {grade}  {sid}, {s.publisher}, {source_date(w.lang, s.date)}")
        with_url = f"{line}  {printable(s.url)}"
        if w.full_sources:  # the title and the whole address too, each on lines of its own
            out += wrap(line, width, "    ", cell_len)
            out += wrap(printable(s.title), width - 4, "", cell_len) and [
                "    " + x for x in wrap(printable(s.title), width - 4, "", cell_len)
            ]
            out.append("    " + printable(s.url))
        else:
            out += [with_url] if cell_len(with_url) <= width else wrap(line, width, "        ", cell_len)
    if any(w.sources[sid].grade == "C" for sid in markers):
        out += wrap(tr(w.lang, GRADE_C_NOTE), width, "  ", cell_len)
    return out


def records(w: Words, grid: list[Column], cells: list[list[str]], width: int, cell_len: CellLen) -> str:
    """One block per record, `header: value` lines, for terminals too narrow for any grid."""
    blocks = []
    for texts in cells:
        first, *rest = texts
        block = wrap(first.replace("\n", " "), width, "  ", cell_len)
        for col, text in zip(grid[1:], rest):
            if text:
                line = tr(w.lang, "{label}: {value}", label=printable(col.header), value=text.replace("\n", " "))
                block += wrap(line, width, "      ", cell_len)
        blocks.append("\n".join("  " + line if i else line for i, line in enumerate(block)))
    return "\n\n".join(blocks) + "\n"
