"""What a report builder returns: rows for scripts, columns and notes for people."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Callable, NamedTuple

if TYPE_CHECKING:
    from hechi_cli.dataset.model import Source

Row = dict[str, Any]


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


class Report:
    """What a builder returns; renderers read it, nothing changes it.

    Each field says who reads it: `rows` go to JSON and CSV (under `json_key`),
    `columns`, `people_details` and `sources` (footnotes) to the table and Markdown, `notes` to JSON
    (when `notes_in_json`) in English, and to the table and Markdown too unless `people_notes` gives
    them in the reader's language; `json_before`/`json_after` go to JSON only. `lang` is the language
    of everything a person reads (hechi_cli.messages).
    """

    def __init__(
        self,
        *,
        heading: Heading,
        rows: list[Row],
        columns: list[Column],
        notes: list[str] | None = None,
        json_before: dict[str, Any] | None = None,
        json_after: dict[str, Any] | None = None,
        people_details: list[tuple[str, str]] | None = None,
        notes_in_json: bool = True,
        sources: Mapping[str, Source] | None = None,
        cited: list[str] | None = None,
        full_sources: bool = False,
        people_notes: list[str] | None = None,
        lang: str = "en",
        title: str | None = None,
    ) -> None:
        self.command, self.json_key, self.title = heading
        self.title = title or self.title  # in the reader's language; the heading's is English
        self.rows = rows
        self.columns = columns
        self.notes = notes or []
        self.json_before = json_before or {}  # what the rows are about, before them
        self.json_after = json_after or {}  # structured parts after the rows
        self.people_details = people_details or []  # `label: value` lines before the table
        self.notes_in_json = notes_in_json
        self.sources = sources or {}  # for the footnotes under a table: the dataset's sources by id
        self.cited = cited or []  # sources numbered first, in this order (the details cite them)
        self.full_sources = full_sources  # footnotes with title and address, each on its own line
        self.people_notes = self.notes if people_notes is None else people_notes
        self.lang = lang


NO_QUERY = Query()
