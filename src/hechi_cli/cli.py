"""The click command group. It wires options to app.py and the registry in commands.py; no logic.

Every command's help comes from commands.COMMANDS. The report commands without
arguments are made in one loop; the rest are spelled out for their arguments.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Sequence
from typing import Any, Callable, NoReturn, TypeVar

import click
from click.core import ParameterSource

from hechi_cli import __version__
from hechi_cli.app import Output, State, guarded, run_report
from hechi_cli.commands import AREA_UNITS, COMMANDS, LANGS, SCHEMA_COMMANDS, command
from hechi_cli.env import Environment
from hechi_cli.render import FORMATS

F = TypeVar("F", bound=Callable[..., Any])
GROUP_TITLES = {"reports": "Reports", "look-up": "Look-up", "data files": "Data files", "shell": "Shell"}


class Choice(click.Choice):  # type: ignore[type-arg]  # generic only from click 8.2
    """A choice that says "did you mean ...?" for a near miss, as click does for a mistyped command."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter as e:
            import difflib

            close = difflib.get_close_matches(str(value), [str(c) for c in self.choices], n=1, cutoff=0.6)
            message = f"{e.message} Did you mean '{close[0]}'?" if close else e.message
            raise click.BadParameter(message, ctx, param, _hint(param, ctx)) from None


def _hint(param: click.Parameter | None, ctx: click.Context | None) -> str | None:
    """The name to blame: the environment variable where the value came from one (HECHI_LANG=fr),
    never an option the user did not type; else click's own (the option)."""
    if param is None or ctx is None or param.name is None:
        return None
    env = getattr(param, "envvar", None)
    if ctx.get_parameter_source(param.name) is ParameterSource.ENVIRONMENT and isinstance(env, str):
        return f"environment variable {env}"
    return None


class HechiGroup(click.Group):
    """A group whose main() always exits through app.guarded: one message and a documented exit code.

    Its help lists the commands in the registry's groups and order, each summary whole.
    """

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [c.name for c in COMMANDS]

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        groups: dict[str, list[tuple[str, str]]] = {}
        for entry in COMMANDS:
            groups.setdefault(entry.group, []).append((entry.name, entry.help.split("\n", 1)[0]))
        for group, rows in groups.items():
            with formatter.section(GROUP_TITLES[group]):
                formatter.write_dl(rows)

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> NoReturn:
        # standalone_mode is ignored: click must not print or exit itself; guarded() does both.
        env = Environment.from_system()
        state = extra.setdefault("obj", State(env))
        code = guarded(
            env,
            lambda: super(HechiGroup, self).main(args, prog_name or "hechi", complete_var, False, **extra),
            lambda: state.lang,
        )
        sys.exit(code)


def output_options(f: F) -> F:
    """The same output flags on every command (the sqlite-utils pattern), passed on as `out`."""

    inner = view_options(f)

    @functools.wraps(inner)
    def wrapper(*args: Any, fmt: str, as_json: bool, **kwargs: Any) -> Any:
        if as_json and fmt not in ("table", "json"):
            raise click.UsageError(f"--json and --format {fmt} ask for different formats; use one.")
        return inner(*args, fmt="json" if as_json else fmt, **kwargs)

    options = [
        click.option(
            "--format",
            "fmt",
            type=Choice(FORMATS, case_sensitive=False),
            default="table",
            show_default=True,
            help="table for people; json, jsonl (a record a line) and csv for scripts; markdown for reports.",
        ),
        click.option("--json", "as_json", is_flag=True, help="Short for --format json."),
        click.option("--ids", is_flag=True, help="Tables: each row's record id in place of its label."),
        click.option("--notes", is_flag=True, help="Tables: every note, with those kept back (JSON has them all)."),
    ]
    for option in reversed(options):
        wrapper = option(wrapper)
    return wrapper  # type: ignore[return-value]


def view_options(f: F) -> F:
    """The reader's flags, on every command that shows data (cite too): language, area unit, data file."""

    @functools.wraps(f)
    def wrapper(
        *args: Any,
        lang: str | None,
        area_unit: str | None,
        data_path: str | None,
        fmt: str = "table",
        ids: bool = False,
        notes: bool = False,
        long: bool = False,
        every: bool = False,
        no_pager: bool = False,
        **kwargs: Any,
    ) -> Any:
        ctx = click.get_current_context()
        state: State = ctx.obj
        if no_pager:  # as the group's --no-pager: after the command too, as --data is
            state.env = state.env._replace(pager=None)
        if state.asked_lang and ctx.get_parameter_source("lang") is not ParameterSource.COMMANDLINE:
            lang = state.asked_lang  # the group's --lang, typed, wins over HECHI_LANG
        return f(*args, out=Output(fmt, lang, area_unit, data_path, ids, notes, long, every), **kwargs)

    options = [
        click.option(
            "--lang",
            type=Choice(LANGS, case_sensitive=False),
            default=None,
            envvar="HECHI_LANG",
            help="en or zh: names, headers and words (also HECHI_LANG; else the locale, zh_* meaning Chinese;"
            " else en). JSON and CSV never change.",
        ),
        click.option(
            "--area-unit",
            type=Choice(AREA_UNITS, case_sensitive=False),
            default=None,
            help="Show areas in this unit (default: as reported).",
        ),
        # Also here, so that `hechi industries --data FILE` works as `hechi --data FILE industries` does.
        click.option(
            "--data", "data_path", metavar="PATH", default=None, help="Read this data file (as hechi --data)."
        ),
        click.option("--no-pager", is_flag=True, help="Never page long output (as hechi --no-pager)."),
    ]
    for option in reversed(options):
        wrapper = option(wrapper)
    return wrapper  # type: ignore[return-value]


def _complete_ids(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[Any]:
    from click.shell_completion import CompletionItem

    from hechi_cli.app import record_ids

    data = ctx.find_root().params.get("data_path")
    return [CompletionItem(i) for i in record_ids(data) if i.startswith(incomplete)]


@click.group(
    name="hechi", cls=HechiGroup, invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]}
)
@click.option(
    "--data",
    "data_path",
    metavar="PATH",
    envvar="HECHI_DATA",
    help="Read this data file instead of the bundled one (also HECHI_DATA).",
)
@click.option("--no-pager", is_flag=True, help="Never page long output (also: HECHI_PAGER= or PAGER=cat).")
@click.option(
    "--lang",
    type=Choice(LANGS, case_sensitive=False),
    default=None,
    help="en or zh, for the command that follows (its own --lang wins).",
)
@click.version_option(__version__, "-V", "--version", prog_name="hechi")
@click.pass_context
def cli(ctx: click.Context, data_path: str | None, no_pager: bool, lang: str | None) -> None:
    """Hechi's poverty-alleviation and rural-vitalization record in numbers.

    \b
    Examples:
      hechi industries
      hechi industries --json | jq '.industries[] | {id, percent_of_target}'

    Every figure comes with its unit, qualifier, date, scope and source.
    """
    state: State = ctx.obj
    state.data_path = data_path
    state.asked_lang = lang
    if no_pager:
        state.env = state.env._replace(pager=None)
    if ctx.invoked_subcommand is None:  # bare `hechi`: the help, on stdout, and success
        state.env.write_text(ctx.get_help() + "\n")


DIGESTS = {
    "counties": "Tables: every figure, a line each, under its county (the default is a line per county).",
    "rankings": "Tables: every report of a streak (the default is the latest of each).",
}


def _report_command(name: str) -> None:
    @output_options
    @click.pass_obj
    def report(state: State, out: Output) -> None:
        run_report(state, name, out)

    if name == "sources":  # the one listing with a long form: titles and addresses
        report = click.option("--long", is_flag=True, help="Each source's title and address too.")(report)
    if name in DIGESTS:  # lists whose table is a digest by default
        report = click.option("--all", "every", is_flag=True, help=DIGESTS[name])(report)
    cli.command(name=name, help=command(name).help)(report)


for _entry in COMMANDS:
    if _entry.group == "reports":
        _report_command(_entry.name)
del _entry


def _one_id(name: str, words: tuple[str, ...]) -> str:
    """The one id a look-up takes; several words are a search (`hechi show oil tea`), so say which."""
    if len(words) > 1:
        import shlex

        raise click.UsageError(
            f"{name} takes one ID, not {len(words)} words; to find one: hechi search {shlex.join(words)}"
        )
    return words[0]


@cli.command(name="show", help=command("show").help)
@click.argument("words", metavar="ID", nargs=-1, required=True, shell_complete=_complete_ids)
@output_options
@click.pass_obj
def show(state: State, out: Output, words: tuple[str, ...]) -> None:
    run_report(state, "show", out, _one_id("show", words))


@cli.command(name="search", help=command("search").help)
@click.argument("words", metavar="TEXT...", nargs=-1, required=True)
@output_options
@click.pass_obj
def search(state: State, out: Output, words: tuple[str, ...]) -> None:
    run_report(state, "search", out, " ".join(words))  # `hechi search oil tea` needs no quotes


@cli.command(name="series", help=command("series").help)
@click.argument("words", metavar="ID", nargs=-1, required=True, shell_complete=_complete_ids)
@click.option("--scope", default=None, help="city or a county id (default: city where it has figures).")
@output_options
@click.pass_obj
def series(state: State, out: Output, words: tuple[str, ...], scope: str | None) -> None:
    run_report(state, "series", out, _one_id("series", words), scope)


@cli.command(name="cite", help=command("cite").help)
@click.argument("record_ids", metavar="ID...", nargs=-1, required=True, shell_complete=_complete_ids)
@click.option("--style", type=Choice(("text", "bibtex", "csl-json", "ris")), default="text", show_default=True)
@view_options
@click.pass_obj
def cite(state: State, out: Output, record_ids: tuple[str, ...], style: str) -> None:
    from hechi_cli.app import run_cite

    run_cite(state, list(record_ids), style, out)


@cli.command(name="chart", help=command("chart").help)
@click.argument("words", metavar="ID", nargs=-1, required=True, shell_complete=_complete_ids)
@click.option(
    "-o", "--output", metavar="FILE", default=None, help="Write here (default: stdout, when it is not a terminal)."
)
@click.option("--png", "as_png", is_flag=True, help="PNG instead of SVG (the charts extra).")
@click.option("--with-data", is_flag=True, help="Also write the chart's points as CSV beside FILE.")
@click.option("--force", is_flag=True, help="Replace FILE if it exists.")
@click.option("--scope", default=None, help="city or a county id (default: city where it has figures).")
@view_options
@click.pass_obj
def chart(
    state: State,
    out: Output,
    words: tuple[str, ...],
    output: str | None,
    as_png: bool,
    with_data: bool,
    force: bool,
    scope: str | None,
) -> None:
    from hechi_cli.app import run_chart

    run_chart(state, out, _one_id("chart", words), scope, output, as_png, with_data, force)


@cli.command(name="validate", help=command("validate").help)
@click.argument("path", required=False, metavar="[PATH]")
@click.option("--json", "as_json", is_flag=True, help="The report as a JSON object.")
@click.option("--strict", is_flag=True, help="Warnings count as errors: exit 1 when there is any.")
@click.pass_obj
def validate(state: State, path: str | None, as_json: bool, strict: bool) -> int:
    from hechi_cli.app import run_validate

    return run_validate(state, path, as_json, strict)


@cli.command(name="export", help=command("export").help)
@click.option("--datapackage", "package_dir", metavar="DIR", default=None, help="Write a Data Package into DIR.")
@click.option("--sqlite", "sqlite_file", metavar="FILE", default=None, help="Write a SQLite database to FILE.")
@click.option("--force", is_flag=True, help="Replace DIR or FILE if it exists.")
@click.option("--data", "data_path", metavar="PATH", default=None, help="Read this data file (as hechi --data).")
@click.pass_obj
def export(state: State, package_dir: str | None, sqlite_file: str | None, force: bool, data_path: str | None) -> None:
    if not package_dir and not sqlite_file:
        raise click.UsageError("say what to write: --datapackage DIR, --sqlite FILE, or both.")
    from hechi_cli.app import run_export

    run_export(state, package_dir, sqlite_file, force, data_path)


@cli.command(name="schema", help=command("schema").help)
@click.argument("name", metavar="COMMAND", type=Choice(SCHEMA_COMMANDS))
@click.pass_obj
def schema(state: State, name: str) -> None:
    from hechi_cli.app import print_schema

    print_schema(state, name)


@cli.command(name="completion", help=command("completion").help)
@click.argument("shell", type=Choice(["bash", "zsh", "fish"]))
@click.pass_obj
def completion(state: State, shell: str) -> None:
    from click.shell_completion import get_completion_class

    cls = get_completion_class(shell)
    assert cls is not None  # the Choice above admits only shells click knows
    state.env.write_text(cls(cli, {}, "hechi", "_HECHI_COMPLETE").source() + "\n")


@cli.command(name="help", help=command("help").help)
@click.argument("name", metavar="[COMMAND]", required=False, type=Choice([c.name for c in COMMANDS]))
@click.pass_context
def help_(ctx: click.Context, name: str | None) -> None:
    group = ctx.find_root()
    target: click.Command = cli if name is None else cli.commands[name]
    shown = group if name is None else click.Context(target, info_name=name, parent=group)
    ctx.obj.env.write_text(target.get_help(shown) + "\n")


def main() -> NoReturn:
    """The console-script entry point."""
    cli.main(prog_name="hechi")
