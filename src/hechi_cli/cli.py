"""The click command group. It wires options to report builders and renderers; no logic.

Exit codes are in exitcodes.py; errors are turned into one clear message in
HechiGroup.main, so nothing a user types or puts in a data file ends in a traceback.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Callable, NoReturn, TypeVar

import click

from hechi_cli import __version__, exitcodes
from hechi_cli.app import Output, State, show
from hechi_cli.choices import AREA_UNITS, LANGS, SCHEMA_COMMANDS
from hechi_cli.env import Environment, OutputClosed
from hechi_cli.render import FORMATS

if TYPE_CHECKING:
    from hechi_cli.errors import DataError

F = TypeVar("F", bound=Callable[..., Any])


def _report_data_error(env: Environment, err: DataError) -> None:
    from hechi_cli.errors import problem_line, report_lines, summary

    if err.file_level:
        env.error(f"hechi: error: {problem_line(err.file, err.problems[0])}")
        return
    for line in report_lines(err):
        env.error(line)
    env.error(f"hechi: error: {err.file} is not a valid hechi data file: {summary(err.problems)}")


def _report_usage_error(env: Environment, e: click.UsageError) -> None:
    # click's own layout, but the message is made printable: it can echo what the user typed.
    from hechi_cli.textsafe import message

    if e.ctx is not None:
        env.error(e.ctx.get_usage())
        env.error(f"Try '{e.ctx.command_path} {e.ctx.help_option_names[0]}' for help.\n")
    env.error(f"Error: {message(e.format_message())}")


def _silence_stdout() -> None:
    # The reader has gone: point stdout at devnull so the flush at exit cannot fail again.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


class HechiGroup(click.Group):
    """A group whose main() maps every failure to a message and an exit code."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> NoReturn:
        from hechi_cli.errors import DataError, NoMatch, UnknownRecord
        from hechi_cli.textsafe import printable

        env = Environment.from_system()
        extra.setdefault("obj", State(env))
        try:
            rv = super().main(args, prog_name or "hechi", complete_var, standalone_mode=False, **extra)
            code = rv if isinstance(rv, int) else exitcodes.OK
        except click.UsageError as e:
            _report_usage_error(env, e)
            code = exitcodes.USAGE
        except click.ClickException as e:
            e.show(file=env.stderr)
            code = e.exit_code
        except (click.Abort, KeyboardInterrupt):
            env.error("hechi: interrupted")
            code = exitcodes.INTERRUPTED
        except DataError as e:
            _report_data_error(env, e)
            code = exitcodes.DATA_ERROR
        except UnknownRecord as e:
            hint = f"; did you mean {' or '.join(e.suggestions)}?" if e.suggestions else ""
            env.error(f"hechi: error: no record has the id '{printable(e.wanted)}'{hint}")
            code = exitcodes.DATA_ERROR
        except NoMatch as e:
            env.error(f"hechi: no records match '{printable(str(e))}'")
            code = exitcodes.DATA_ERROR
        except OutputClosed:
            _silence_stdout()
            code = exitcodes.BROKEN_PIPE
        except Exception as e:  # a bug: one line, not a traceback, unless asked for
            if os.environ.get("HECHI_DEBUG"):
                raise
            env.error(f"hechi: internal error: {type(e).__name__}: {printable(str(e))}")
            env.error("hechi: this is a bug; run again with HECHI_DEBUG=1 for the traceback and report it")
            code = exitcodes.INTERNAL
        sys.exit(code)


def output_options(f: F) -> F:
    """The same output flags on every command (the sqlite-utils pattern), passed on as `out`."""

    @functools.wraps(f)
    def wrapper(*args: Any, fmt: str, as_json: bool, lang: str, area_unit: str | None, **kwargs: Any) -> Any:
        if as_json and fmt not in ("table", "json"):
            raise click.UsageError(f"--json and --format {fmt} ask for different formats; use one.")
        return f(*args, out=Output("json" if as_json else fmt, lang, area_unit), **kwargs)

    options = [
        click.option(
            "--format",
            "fmt",
            type=click.Choice(FORMATS),
            default="table",
            show_default=True,
            help="table for people; json and csv for scripts; markdown for reports.",
        ),
        click.option("--json", "as_json", is_flag=True, help="Short for --format json."),
        click.option(
            "--lang",
            type=click.Choice(LANGS),
            default="en",
            envvar="HECHI_LANG",
            show_default=True,
            help="Names and headers in English or Chinese (also HECHI_LANG); JSON never changes.",
        ),
        click.option(
            "--area-unit",
            type=click.Choice(AREA_UNITS),
            default=None,
            help="Show areas in this unit (default: as reported, mu, with hectares alongside goals).",
        ),
    ]
    for option in reversed(options):
        wrapper = option(wrapper)
    return wrapper  # type: ignore[return-value]


def _complete_ids(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[Any]:
    from click.shell_completion import CompletionItem

    from hechi_cli.app import record_ids

    data = ctx.find_root().params.get("data_path")
    return [CompletionItem(i) for i in record_ids(data) if i.startswith(incomplete)]


@click.group(name="hechi", cls=HechiGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--data",
    "data_path",
    metavar="PATH",
    envvar="HECHI_DATA",
    help="Read this data file instead of the bundled one (also HECHI_DATA).",
)
@click.version_option(__version__, "-V", "--version", prog_name="hechi")
@click.pass_obj
def cli(state: State, data_path: str | None) -> None:
    """Hechi's poverty-alleviation and rural-vitalization record in numbers.

    \b
    Examples:
      hechi industries
      hechi industries --json | jq '.industries[] | {id, percent_of_target}'

    Every figure comes with its unit, qualifier, date, scope and source.
    """
    state.data_path = data_path


# The report commands: name -> help (a summary line, then examples). Each is the
# same thin command: load, run reports/<name>.py, render.
REPORTS = {
    "industries": """Programme targets against the latest reported figures.

    \b
    Examples:
      hechi industries
      hechi industries --format csv > targets.csv
    """,
    "rankings": """Rankings, honours, shares and ranking streaks.

    \b
    Examples:
      hechi rankings
      hechi rankings --json | jq '.streaks[0].consistent'
    """,
    "resettlement": """Relocation from deep mountain areas: people, housing, sites, funds.

    \b
    Examples:
      hechi resettlement
      hechi resettlement --json | jq '.people_agreement'
    """,
    "sources": """Every source with its grade, date, publisher, title and address.

    \b
    Examples:
      hechi sources
      hechi sources --format csv | grep ',C,'
    """,
    "summary": """One screen of headline figures.

    \b
    Examples:
      hechi summary
      hechi summary --format markdown >> report.md
    """,
    "counties": """The eleven county-level divisions and each one's figures.

    \b
    Examples:
      hechi counties --lang zh
      hechi counties --json | jq '.counties[] | select(.county == "yizhou")'
    """,
}


def _report_command(name: str, help_text: str) -> None:
    @output_options
    @click.pass_obj
    def command(state: State, out: Output) -> None:
        show(state, name, out)

    cli.command(name=name, help=help_text)(command)


for _name, _help in REPORTS.items():
    _report_command(_name, _help)


@cli.command(name="show")
@click.argument("record_id", metavar="ID", shell_complete=_complete_ids)
@output_options
@click.pass_obj
def show_record(state: State, out: Output, record_id: str) -> None:
    """Everything known about one record: a target, figure, ranking, site, county or source.

    \b
    Examples:
      hechi show walnut
      hechi show cd-2022-10-12-rural --json

    ID is any id in the data file; `hechi search` finds one.
    """
    show(state, "show", out, record_id)


@cli.command()
@click.argument("text")
@output_options
@click.pass_obj
def search(state: State, out: Output, text: str) -> None:
    """Find records by id, English or Chinese name, unit, note or source title.

    \b
    Examples:
      hechi search 核桃
      hechi search cocoon --json | jq -r '.results[].id'

    Best matches come first. Nothing found: a line on stderr and exit 1, as grep does.
    """
    show(state, "search", out, text)


@cli.command()
@click.argument("record_id", metavar="ID", shell_complete=_complete_ids)
@click.option("--scope", default=None, help="city or a county id (default: city where it has figures).")
@output_options
@click.pass_obj
def series(state: State, out: Output, record_id: str, scope: str | None) -> None:
    """A measure over time, with a bar per point; conflicting figures are marked.

    \b
    Examples:
      hechi series mulberry-area
      hechi series silkworm-rank-streak --json

    ID is a measure, a figure, a target or a ranking with a streak.
    """
    show(state, "series", out, record_id, scope)


@cli.command()
@click.argument("path", required=False, metavar="[PATH]")
@click.option("--json", "as_json", is_flag=True, help="The report as a JSON object.")
@click.pass_obj
def validate(state: State, path: str | None, as_json: bool) -> int:
    """Check a data file against the schema and every rule; list every error.

    \b
    Examples:
      hechi validate my-hechi.toml
      hechi validate --json my-hechi.toml | jq '.counts'

    Checks PATH, or else the file --data or HECHI_DATA names, or else the
    bundled dataset. Each error reads `file:line:column: code: key.path:
    message (value)`; a count per code comes last. Exit 0 when valid, 1 when not.
    """
    from hechi_cli.app import validate as run_validate

    return run_validate(state, path, as_json)


@cli.command()
@click.argument("command", type=click.Choice(SCHEMA_COMMANDS))
@click.pass_obj
def schema(state: State, command: str) -> None:
    """The JSON Schema (draft 2020-12) of a command's --json output.

    \b
    Examples:
      hechi schema industries
      hechi schema series > series.schema.json
    """
    from hechi_cli.app import print_schema

    print_schema(state, command)


@cli.command()
@click.argument("shell", type=click.Choice(["bash", "zsh", "fish"]))
@click.pass_obj
def completion(state: State, shell: str) -> None:
    """A shell completion script, to save once and source (no eval in your shell's rc file).

    \b
    Examples:
      hechi completion bash > ~/.hechi-complete.bash   # then: . ~/.hechi-complete.bash
      hechi completion fish > ~/.config/fish/completions/hechi.fish
    """
    from click.shell_completion import get_completion_class

    cls = get_completion_class(shell)
    assert cls is not None  # the Choice above admits only shells click knows
    state.env.write_text(cls(cli, {}, "hechi", "_HECHI_COMPLETE").source() + "\n")


def main() -> NoReturn:
    """The console-script entry point."""
    cli.main(prog_name="hechi")
