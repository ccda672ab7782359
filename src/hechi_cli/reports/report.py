"""What a report builder returns: facts for scripts (rows), and a function that words them for people."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Callable, NamedTuple

if TYPE_CHECKING:
    from hechi_cli.dataset.model import Source
    from hechi_cli.reports.view import View

Row = dict[str, Any]
EMPTY: Mapping[str, Any] = MappingProxyType({})


class Column(NamedTuple):
    """How a person reads one field of a row (table and Markdown only)."""

    header: str
    cell: Callable[[Row], str]
    numeric: bool = False  # right-aligned
    whole: bool = False  # never wrapped (ids, source ids), so it can be copied
    below: bool = False  # too long for a terminal grid (URLs): listed under the table instead
    style: Callable[[Row], str] | None = None  # "bold", "red", "green", "yellow" or two of them; emphasis only
    footnote: bool = False  # the cell is a source id: shown as a numbered marker and its grade, listed below
    heading: bool = False  # not a column: rows are grouped under a heading line with this value
    optional: bool = False  # left out, before anything else, when the terminal is too narrow for it


class Query(NamedTuple):
    """What a look-up command was asked for; reports over the whole dataset ignore it."""

    id: str = ""  # a record id, a measure, or search text
    scope: str | None = None  # `series --scope`


class Heading(NamedTuple):
    """What a report is: its command, the JSON key of its rows, and its title for people."""

    command: str
    json_key: str
    title: str


class Words(NamedTuple):
    """What a person reads of a report, in one language: made by the report's `words(view)` when it
    is shown, never when it is built (README: Design)."""

    lang: str
    title: str
    columns: list[Column]
    notes: Sequence[str] = ()  # under the table; JSON's notes are the English view's
    details: Sequence[tuple[str, str]] = ()  # `label: value` lines before the table (show's card)
    sources: Mapping[str, Source] = EMPTY  # for the footnotes: the dataset's sources by id
    cited: Sequence[str] = ()  # sources numbered first, in this order (the details cite them)
    full_sources: bool = False  # footnotes with title and address, each on its own line
    record_id: Callable[[Row], str | None] | None = None  # a row's record id: its own column, or `--ids`
    more: Sequence[str] = ()  # notes a table keeps back unless `--notes` (method, related figures); JSON has all
    legend: Sequence[str] = ()  # what the symbols on screen mean ('* = …'), on one line under the notes
    keep: Callable[[Row], bool] | None = None  # the rows a table shows (a note names those it leaves out)
    digest: Sequence[Row] | None = None  # rows a table shows in place of the report's, unless `--all`
    held: str = ""  # what `--all` would show, for the hint line under a digest


class Report(NamedTuple):
    """What a builder returns: facts, and a function that puts them into a reader's words.

    `rows` go to JSON and CSV (under the heading's `json_key`), with `json_before` and
    `json_after` around them in JSON. Nothing here depends on the reader's language: the
    table and Markdown renderers call `words(view)`, and JSON takes its notes from
    `words(ENGLISH)` (when `notes_in_json`).
    """

    heading: Heading
    rows: list[Row]
    words: Callable[[View], Words]
    json_before: Mapping[str, Any] = EMPTY  # what the rows are about, before them
    json_after: Mapping[str, Any] = EMPTY  # structured parts after the rows
    notes_in_json: bool = True

    @property
    def command(self) -> str:
        return self.heading.command

    @property
    def json_key(self) -> str:
        return self.heading.json_key


NO_QUERY = Query()
