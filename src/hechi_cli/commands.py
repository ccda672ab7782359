"""The registry: every command once, with its group, its help and how to build its report.

cli.py makes the click commands from it, `hechi schema` reads it, and the
docs test checks it against the README. Adding a report is a module
reports/<name>.py with a `build` function, an entry here, and a line in
_BUILDERS (so mypy checks its signature). Builders are imported only when
their command runs.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Callable, NamedTuple

from hechi_cli.dataset.vocab import AREA_UNITS

if TYPE_CHECKING:
    from hechi_cli.dataset.model import Dataset
    from hechi_cli.reports import counties, industries, rankings, resettlement, search, series, show, sources, summary
    from hechi_cli.reports.report import Query, Report

    Builder = Callable[[Dataset, Query], Report]
    # mypy checks here that every builder the registry names has the one signature.
    _BUILDERS: list[Builder] = [
        industries.build,
        rankings.build,
        resettlement.build,
        sources.build,
        summary.build,
        counties.build,
        show.build,
        search.build,
        series.build,
    ]

LANGS = ("en", "zh")
__all__ = ["AREA_UNITS", "COMMANDS", "LANGS", "SCHEMA_COMMANDS", "Command", "command"]


class Command(NamedTuple):
    name: str
    group: str  # where the top-level help lists it
    help: str  # a summary line, then examples (click's \b keeps them as written)
    report: bool = True  # its report is built by hechi_cli.reports.<name>.build; not: validate, schema, completion
    has_schema: bool = True  # `hechi schema NAME` knows its --json output

    def builder(self) -> Builder:
        """The command's report builder, imported now: only the command that runs pays for its module."""
        assert self.report, f"{self.name} is not a report command"
        module = importlib.import_module(f"hechi_cli.reports.{self.name}")
        build: Builder = module.build
        return build


COMMANDS = (
    Command(
        "industries",
        "reports",
        """Programme targets against the latest reported figures.

    \b
    Examples:
      hechi industries
      hechi industries --format csv > targets.csv
    """,
    ),
    Command(
        "rankings",
        "reports",
        """Rankings, honours, shares and ranking streaks (each streak's latest report; --all: every one).

    \b
    Examples:
      hechi rankings
      hechi rankings --json | jq '.streaks[0].consistent'
    """,
    ),
    Command(
        "resettlement",
        "reports",
        """Relocation from deep mountain areas: people, housing, sites, funds.

    \b
    Examples:
      hechi resettlement
      hechi resettlement --json | jq '.people_agreement'
    """,
    ),
    Command(
        "sources",
        "reports",
        """Every source by grade, with its date, publisher, title and address.

    \b
    Examples:
      hechi sources
      hechi sources --format csv | grep ',C,'
    """,
    ),
    Command(
        "summary",
        "reports",
        """One screen of headline figures.

    \b
    Examples:
      hechi summary
      hechi summary --format markdown >> report.md
    """,
    ),
    Command(
        "counties",
        "reports",
        """The eleven county-level divisions: a line each, or every figure with --all.

    \b
    Examples:
      hechi counties --lang zh
      hechi counties --all
      hechi counties --json | jq '.counties[] | select(.county == "yizhou")'
    """,
    ),
    Command(
        "show",
        "look-up",
        """Everything known about one record: a target, figure, ranking, site, county or source.

    \b
    Examples:
      hechi show walnut
      hechi show cd-2022-10-12-rural --json

    ID is any id in the data file; `hechi search` finds one.
    """,
    ),
    Command(
        "search",
        "look-up",
        """Find records by id, English or Chinese name, unit, note or source title.

    \b
    Examples:
      hechi search 核桃
      hechi search cocoon --json | jq -r '.results[].id'

    Best matches come first. Nothing found: a line on stderr and exit 1, as grep does.
    """,
    ),
    Command(
        "series",
        "look-up",
        """A measure over time, with a bar per point; conflicting figures are marked.

    \b
    Examples:
      hechi series mulberry-area
      hechi series silkworm-rank-streak --json

    ID is a measure, a figure, a target or a ranking with a streak.
    """,
    ),
    Command(
        "cite",
        "look-up",
        """A citation to paste: a figure in one sentence, then its source; or a source alone.

    \b
    Examples:
      hechi cite walnut-area-2002-2020
      hechi cite cocoon-output-2021 mulberry-area-2021 --style bibtex >> hechi.bib

    --style text (the default), bibtex (@misc entries), csl-json (Zotero) or ris
    (EndNote). Several ids give one entry per source, however often it is cited.
    """,
        report=False,
        has_schema=False,
    ),
    Command(
        "chart",
        "look-up",
        """A publishable chart of a series, a target or a streak: SVG, or PNG with --png.

    \b
    Examples:
      hechi chart mulberry -o mulberry.svg
      hechi chart silkworm-first-china --png -o streak.png --with-data
      hechi chart oil-tea-area --lang zh > oil-tea.svg

    Title, unit, scope, source, grade and notes are on the chart; --with-data
    writes its points as CSV beside it. PNG needs: pip install 'hechi[charts]'.
    """,
        report=False,
        has_schema=False,
    ),
    Command(
        "validate",
        "data files",
        """Check a data file against the schema and every rule; list every error and warning.

    \b
    Examples:
      hechi validate my-hechi.toml
      hechi validate --json my-hechi.toml | jq '.counts'

    Checks PATH, or else the file --data or HECHI_DATA names, or else the
    bundled dataset. Each problem reads `file:line:column: code: key.path:
    message (value)`, with `warning:` before the code of a warning; a count
    per code comes last. Exit 0 when there is no error (and, with --strict,
    no warning); 1 otherwise.
    """,
        report=False,
    ),
    Command(
        "export",
        "data files",
        """The whole dataset as a Frictionless Data Package or as SQLite for Datasette.

    \b
    Examples:
      hechi export --datapackage hechi-data
      frictionless validate hechi-data/datapackage.json
      hechi export --sqlite hechi.db && datasette hechi.db

    Exports the dataset in use (--data, HECHI_DATA). The same data gives the same
    bytes. Nothing is half-written: the export goes to a temporary path and is
    renamed into place. An existing target is refused (exit 1) unless --force.
    """,
        report=False,
        has_schema=False,
    ),
    Command(
        "schema",
        "data files",
        """The JSON Schema (draft 2020-12) of a command's --json output.

    \b
    Examples:
      hechi schema industries
      hechi schema series > series.schema.json
    """,
        report=False,
        has_schema=False,
    ),
    Command(
        "completion",
        "shell",
        """A shell completion script, to save once and source (no eval in your shell's rc file).

    \b
    Examples:
      hechi completion bash > ~/.hechi-complete.bash
      . ~/.hechi-complete.bash
      hechi completion fish > ~/.config/fish/completions/hechi.fish
    """,
        report=False,
        has_schema=False,
    ),
    Command(
        "help",
        "shell",
        """The help of hechi, or of one command (the same as --help).

    \b
    Examples:
      hechi help
      hechi help show
    """,
        report=False,
        has_schema=False,
    ),
)
_BY_NAME = {c.name: c for c in COMMANDS}
SCHEMA_COMMANDS = tuple(c.name for c in COMMANDS if c.has_schema)


def command(name: str) -> Command:
    """The registry entry of a command."""
    return _BY_NAME[name]
