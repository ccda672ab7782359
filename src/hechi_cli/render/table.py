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
from hechi_cli.render.wrap import NBSP, widest_word, wrap
from hechi_cli.reports.report import Column, Report, Row, Words
from hechi_cli.textsafe import lines, printable

if TYPE_CHECKING:
    from hechi_cli.reports.view import View

CellLen = Callable[[str], int]
LOOKAHEAD = 4  # cells a column may give at once (fit), to see past one wrapped line to the free ones after it
GAP = 2  # between two columns: the box's blank divider and one space hechi puts before each later cell
GRADE_C = "C!"  # a grade C source, marked the same way in every report
GRADE_C_NOTE = N_("C! = grade C: a low-quality mirror, forum or aggregator; use with care.")  # one line at 80
SOURCES = N_("Sources:")
MORE_NOTE = N_("hechi show ID: a record in full. --notes: {n} more note.")
MORE_NOTES = N_("hechi show ID: a record in full. --notes: {n} more notes.")


def render(report: Report, view: View, env: Environment) -> str:
    """The report in `view`'s words as text at env.width: title, table (or records), sources, notes."""
    out = io.StringIO()
    width = max(env.width, 20)
    w = report.words(view)
    rows = shown_rows(report, w)
    markers = footnote_markers(w, rows)
    out.write(_title(w.title, width, env, cell_len, view.keep))
    if w.details:  # a card: a blank line under the title, and under the card where a table follows
        out.write("\n")
    for key, value in w.details:  # `label: value` lines, wrapped under the label
        text = tr(w.lang, "{label}: {value}", label=printable(key), value=" ".join(lines(value)))
        out.writelines(line + "\n" for line in wrap(text, width, "    ", cell_len, view.keep))
    if w.details and rows:  # else the footnotes' blank line follows
        out.write("\n")
    grid = with_ids(w, view, [c for c in w.columns if not (c.below or c.heading)])
    # Optional columns (the id, bars) only where no cell has to wrap for them: the last goes first.
    while any(c.optional for c in grid) and not _fits_whole(
        grid, [[_cell(c, r, w, markers) for c in grid] for r in rows], width
    ):
        grid.remove([c for c in grid if c.optional][-1])
    widths = None
    while widths is None:
        cells = [[_cell(c, row, w, markers) for c in grid] for row in rows]
        headers = [printable(c.header) for c in grid]
        widths = fit(grid, headers, cells, width, cell_len, view.keep)
        optional = [c for c in grid if c.optional]
        if widths is not None or not optional:
            break
        grid.remove(optional[-1])  # too narrow: leave out an optional column, then try again
    if not rows:
        pass  # no table at all: a note says there is nothing to show
    elif widths is None:
        out.write(records(w, grid, cells, width, cell_len, view.keep))
    else:
        out.write(_grid(w, rows, grid, headers, cells, widths, env, cell_len, view.keep))
    below = _below(w, rows) if view.long else []  # addresses: `sources --long`; `show ID` gives each
    if w.full_sources:  # one record: its sources in full, each with its title and address
        blocks = [below, footnotes(w, markers, width, cell_len, view.keep), _notes(w, view, width, cell_len)]
    else:  # a list: under the table, only what applies, one block: notes, legend, sources, hint
        blocks = [below, _notes(w, view, width, cell_len, markers)]
    for block in blocks:
        if block:
            out.write("\n" + "".join(line + "\n" for line in block))
    return out.getvalue()


def shown_rows(report: Report, w: Words) -> list[Row]:
    """The rows a table or Markdown shows: a digest where the words give one, less those `keep` leaves out."""
    rows = list(w.digest) if w.digest is not None else report.rows
    return [r for r in rows if w.keep(r)] if w.keep else rows


def with_ids(w: Words, view: View, grid: list[Column]) -> list[Column]:
    """The record id as a column of its own after the label, left out first when the terminal is
    narrow; under `--ids`, in the label's place. JSON and CSV carry both whatever the table shows."""
    record_id = w.record_id
    if record_id is None or not grid:
        return grid
    first = next(i for i, c in enumerate(grid) if not c.heading)

    def rid(row: Row) -> str:
        return record_id(row) or ""

    if view.ids:
        label = grid[first]
        return [*grid[:first], label._replace(cell=lambda r: rid(r) or label.cell(r), whole=True), *grid[first + 1 :]]
    return [*grid[: first + 1], Column(tr(w.lang, "ID"), rid, whole=True, optional=True), *grid[first + 1 :]]


def _fits_whole(grid: list[Column], cells: list[list[str]], width: int) -> bool:
    """Every column at its natural width, headers included, within `width`: nothing wraps."""
    naturals = [
        max(
            [cell_len(x) for x in printable(col.header).split("\n")]
            + [cell_len(x) for row in cells for x in row[i].split("\n")]
        )
        for i, col in enumerate(grid)
    ]
    return sum(naturals) + GAP * (len(grid) - 1) <= width


def _notes(w: Words, view: View, width: int, cell_len: CellLen, markers: dict[str, int] | None = None) -> list[str]:
    """The notes that explain what is on screen (those kept back under `--notes`), the legend of the
    symbols on screen on one line, the sources the rows cite (a list's), and one hint line."""
    shown = [*w.notes, *w.more] if view.all_notes else list(w.notes)
    if shown and w.lang == "zh":  # a Chinese table's notes begin 注：, as a bulletin sets them
        shown[0] = tr(w.lang, "Notes:") + shown[0]
    legend = list(w.legend)
    if markers and any(w.sources[sid].grade == "C" for sid in markers):
        legend.append(tr(w.lang, GRADE_C_NOTE))
    if legend:
        shown.append(tr(w.lang, "; ").join(legend))
    if markers:
        shown.append(_by_publisher(w, markers))
    hint = []
    if w.more and not view.all_notes:
        hint.append(tr(w.lang, MORE_NOTES if len(w.more) > 1 else MORE_NOTE, n=len(w.more)))
    if w.held:
        hint.append(w.held)
    if hint:
        shown.append(("" if w.lang == "zh" else " ").join(hint))
    return [line for note in shown for line in wrap(printable(note), width, "  ", cell_len, view.keep)]


def footnote_markers(w: Words, rows: list[Row]) -> dict[str, int]:
    """Source id -> footnote number, in the order the rows first cite them."""
    markers: dict[str, int] = {}
    for sid in w.cited:  # numbered 1..n in order of first citation, in every format: never a gap
        markers.setdefault(sid, len(markers) + 1)
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
    grid: list[Column],
    headers: list[str],
    cells: list[list[str]],
    width: int,
    cell_len: CellLen,
    keep: frozenset[str] = frozenset(),
) -> list[int] | None:
    """Column widths that fit `width`, or None when even the narrowest layout does not."""
    mins, naturals = [], []
    for i, col in enumerate(grid):
        texts = [headers[i], *(row[i] for row in cells)]
        natural = max((cell_len(x) for t in texts for x in t.split("\n")), default=1)
        naturals.append(max(natural, 1))
        # Not `keep`: a name is kept whole where its column has room, never at the cost of the grid.
        mins.append(natural if col.whole else max(widest_word(t, cell_len) for t in texts))
    gaps = GAP * (len(grid) - 1)
    if sum(mins) + gaps > width:
        return None
    widths = naturals
    columns = [[row[i] for row in cells] for i in range(len(grid))]

    lines = [[(x, cell_len(x)) for t in col for x in t.split("\n")] for col in columns]
    heights: dict[tuple[int, int], int] = {}

    def height(i: int, w: int) -> int:  # the lines column i's cells take at width w (a short line: one)
        if (i, w) not in heights:
            heights[i, w] = sum(1 if n <= w else len(wrap(x, w, "", cell_len, keep) or [""]) for x, n in lines[i])
        return heights[i, w]

    excess = sum(widths) + gaps - width
    while excess > 0:
        # Take cells from the column that wraps least for them (the widest, between equals), looking
        # a few cells ahead: narrowing a date column by three may cost two lines where narrowing the
        # label column by one costs one, and then the date column's next two cells cost nothing.
        def rate(i: int, excess: int = excess) -> tuple[float, int, int]:
            base = height(i, widths[i])
            steps = range(1, min(excess, widths[i] - mins[i], LOOKAHEAD) + 1)
            return min(((height(i, widths[i] - k) - base) / k, -widths[i], k) for k in steps)

        best = min((rate(i), i) for i in range(len(grid)) if widths[i] > mins[i])
        (_, _, k), i = best
        widths[i] -= k
        excess -= k
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
    keep: frozenset[str],
) -> str:
    """The table: a header, a rule, then the rows, each cell wrapped to its column; headings in bold."""
    out: list[str] = []

    def add(texts: list[str], styles: list[str], bottom: bool = False) -> None:
        cols = [
            text.split("\n")
            if col.whole
            else [x for line in text.split("\n") for x in (wrap(line, w, "", cell_len, keep) or [""])]
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
    full = sum(widths) + GAP * (len(grid) - 1)
    out.append(("─" if env.utf8 else "-") * full)
    heading = next((c for c in w.columns if c.heading), None)
    current = None
    for row, texts in zip(rows, cells):
        if heading is not None and heading.cell(row) != current:
            current = heading.cell(row)
            # a heading has a line to itself, so it may run across the columns
            out += [_sgr(bold, x) if bold else x for x in wrap(printable(current), full, "", cell_len, keep)]
        add(texts, [col.style(row) if col.style and env.color else "" for col in grid])
    return "".join(line + "\n" for line in out)


SGR = {"bold": "1", "red": "31", "green": "32", "yellow": "33", "magenta": "35"}


def _sgr(style: str, text: str) -> str:
    """Text in a colour or weight ('bold red'), reset after it; only ever called when colour is on."""
    codes = ";".join(SGR[word] for word in style.split() if word in SGR)
    return f"\x1b[{codes}m{text}\x1b[0m" if codes else text


def _title(title: str, width: int, env: Environment, cell_len: CellLen, keep: frozenset[str]) -> str:
    wrapped = wrap(printable(title), width, "", cell_len, keep)
    if env.color:
        wrapped = [f"\x1b[1m{line}\x1b[0m" for line in wrapped]
    return "\n".join(wrapped) + "\n"


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
    """A source's date in a footnote: 2022-10-12, or 2022年10月12日 and 约2014年 under zh; one not
    known says so in `lang`."""
    if date == "unknown":
        return tr(lang, "unknown")
    if lang == "zh":
        from hechi_cli.reports.humanize import period_zh

        return period_zh(date)
    return date


def footnotes(w: Words, markers: dict[str, int], width: int, cell_len: CellLen, keep: frozenset[str]) -> list[str]:
    """One record's sources (`show`), each in full: grade, id, publisher, date, title and address."""
    if not markers:
        return []
    from hechi_cli.reports.rows import source_title  # show's own: other tables never import it

    out = [tr(w.lang, SOURCES)]
    for sid, n in markers.items():
        s = w.sources[sid]
        grade = GRADE_C if s.grade == "C" else s.grade
        head = printable(
            tr(
                w.lang,
                "[{n}] {grade}  {id}, {publisher}, {date}",
                n=n,
                grade=grade,
                id=sid,
                publisher=s.publisher_named(w.lang),
                date=source_date(w.lang, s.date),
            )
        )
        out += wrap(head, width, "    ", cell_len, keep)
        out += ["    " + x for x in wrap(printable(source_title(w.lang, s)), width - 4, "", cell_len, keep)]
        out.append("    " + printable(s.url))
    if any(w.sources[sid].grade == "C" for sid in markers):
        out += wrap(tr(w.lang, GRADE_C_NOTE), width, "  ", cell_len, keep)
    return out


def _by_publisher(w: Words, markers: dict[str, int]) -> str:
    """'Sources (…): China Daily [1] 2022-10-12, [3] 2024-02-23; Guangxi Daily [2] 2021-01-20.',
    publishers in the order they are first cited; `hechi show ID` gives the rest."""
    groups: dict[str, list[str]] = {}
    for sid, n in markers.items():
        s = w.sources[sid]
        groups.setdefault(s.publisher_in(w.lang), []).append(f"[{n}]{NBSP}{source_date(w.lang, s.date)}")
    comma = "，" if w.lang == "zh" else ", "
    parts = [f"{publisher.replace(' ', NBSP)} {comma.join(cited)}" for publisher, cited in groups.items()]
    return printable(tr(w.lang, "{sources} {list}.", sources=tr(w.lang, SOURCES), list=tr(w.lang, "; ").join(parts)))


def records(
    w: Words, grid: list[Column], cells: list[list[str]], width: int, cell_len: CellLen, keep: frozenset[str]
) -> str:
    """One block per record, `header: value` lines, for terminals too narrow for any grid."""
    blocks = []
    for texts in cells:
        first, *rest = texts
        block = wrap(first.replace("\n", " "), width, "  ", cell_len, keep) or [""]  # later lines indented, within
        for col, text in zip(grid[1:], rest):  # each `header: value` line indented by two, within the width
            if text:
                line = tr(w.lang, "{label}: {value}", label=printable(col.header), value=text.replace("\n", " "))
                block += ["  " + x for x in wrap(line, width - 2, "      ", cell_len, keep)]
        blocks.append("\n".join(block))
    return "\n\n".join(blocks) + "\n"
