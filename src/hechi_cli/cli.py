"""The click command group. It wires options to report builders and renderers; no logic.

Exit codes are in exitcodes.py; errors are turned into one clear message in
HechiGroup.main, so nothing a user types or puts in a data file ends in a traceback.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import Any, Callable, NoReturn, TypeVar

import click

from hechi_cli import __version__, exitcodes
from hechi_cli.app import State, show
from hechi_cli.env import Environment, OutputClosed
from hechi_cli.render import FORMATS

F = TypeVar("F", bound=Callable[..., Any])


def _report_data_error(env: Environment, err: Any) -> None:
    from hechi_cli.errors import problem_line, report_lines, summary

    if err.file_level:
        env.error(f"hechi: error: {problem_line(err.file, err.problems[0])}")
        return
    for line in report_lines(err):
        env.error(line)
    env.error(f"hechi: error: {err.file} is not a valid hechi data file: {summary(err.problems)}")


def _report_usage_error(env: Environment, e: click.UsageError) -> None:
    # click's own layout, but the message is made printable: it can echo what the user typed.
    from hechi_cli.textsafe import printable

    if e.ctx is not None:
        env.error(e.ctx.get_usage())
        env.error(f"Try '{e.ctx.command_path} {e.ctx.help_option_names[0]}' for help.\n")
    env.error(f"Error: {printable(e.format_message())}")


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
        from hechi_cli.errors import DataError

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
        except OutputClosed:
            _silence_stdout()
            code = exitcodes.BROKEN_PIPE
        sys.exit(code)


def output_options(f: F) -> F:
    """The same output flags on every command (the sqlite-utils pattern)."""
    f = click.option("--json", "as_json", is_flag=True, help="Short for --format json.")(f)
    f = click.option(
        "--format",
        "fmt",
        type=click.Choice(FORMATS),
        default="table",
        show_default=True,
        help="table for people; json and csv for scripts; markdown for reports.",
    )(f)
    return f


def _fmt(fmt: str, as_json: bool) -> str:
    if as_json and fmt not in ("table", "json"):
        raise click.UsageError(f"--json and --format {fmt} ask for different formats; use one.")
    return "json" if as_json else fmt


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
      hechi --data my.toml summary --format markdown
    """
    state.data_path = data_path


@cli.command()
@output_options
@click.pass_obj
def industries(state: State, fmt: str, as_json: bool) -> None:
    """Programme targets against the latest reported figures.

    \b
    Examples:
      hechi industries
      hechi industries --format csv > targets.csv
    """
    show(state, "industries", _fmt(fmt, as_json))


@cli.command()
@output_options
@click.pass_obj
def rankings(state: State, fmt: str, as_json: bool) -> None:
    """Rankings, honours, shares and ranking streaks.

    \b
    Examples:
      hechi rankings
      hechi rankings --json | jq '.streaks[0].consistent'
    """
    show(state, "rankings", _fmt(fmt, as_json))


@cli.command()
@output_options
@click.pass_obj
def resettlement(state: State, fmt: str, as_json: bool) -> None:
    """Relocation from deep mountain areas: people, housing, sites, funds.

    \b
    Examples:
      hechi resettlement
      hechi resettlement --json | jq '.people_agreement'
    """
    show(state, "resettlement", _fmt(fmt, as_json))


@cli.command()
@output_options
@click.pass_obj
def sources(state: State, fmt: str, as_json: bool) -> None:
    """Every source with its grade, date, publisher, title and address.

    \b
    Examples:
      hechi sources
      hechi sources --format csv | grep ',C,'
    """
    show(state, "sources", _fmt(fmt, as_json))


@cli.command()
@output_options
@click.pass_obj
def summary(state: State, fmt: str, as_json: bool) -> None:
    """One screen of headline figures.

    \b
    Examples:
      hechi summary
      hechi summary --format markdown >> report.md
    """
    show(state, "summary", _fmt(fmt, as_json))


@cli.command()
@click.argument("path", required=False, metavar="[PATH]")
@click.option("--json", "as_json", is_flag=True, help="The report as a JSON object.")
@click.pass_obj
def validate(state: State, path: str | None, as_json: bool) -> int:
    """Check a data file against the schema and every rule; list every error.

    Checks PATH, or else the file --data or HECHI_DATA names, or else the
    bundled dataset. Each error reads `file:line:column: code: key.path:
    message (value)`; a count per code comes last. Exit 0 when valid, 1 when not.

    \b
    Examples:
      hechi validate my-hechi.toml
      hechi validate --json my-hechi.toml | jq '.counts'
    """
    from hechi_cli.app import validate as run_validate

    return run_validate(state, path, as_json)


def main() -> NoReturn:
    """The console-script entry point."""
    cli.main(prog_name="hechi")
