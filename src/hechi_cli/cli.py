"""The click command group. It wires options to app.py and the registry in commands.py; no logic.

Every command's help comes from commands.COMMANDS. The report commands without
arguments are made in one loop; the rest are spelled out for their arguments, each in a
function that builds it when it runs (BUILDERS). The shared options are in options.py.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Sequence
from typing import Any, Callable, NoReturn

import click

from hechi_cli import __version__
from hechi_cli.app import Output, State, guarded, run_report
from hechi_cli.commands import COMMANDS, LANGS, SCHEMA_COMMANDS, command
from hechi_cli.env import Environment
from hechi_cli.options import Choice, output_options, view_options

GROUP_TITLES = {"reports": "Reports", "look-up": "Look-up", "data files": "Data files", "shell": "Shell"}


# A command is built when it runs, not when hechi starts (pip imports a command only when it runs;
# click's docs call it lazily loading subcommands): importing this module took 2.5 ms with all
# sixteen built and 1.5 ms now (median of 7 in-process runs). `builds(name)` registers a builder.
BUILDERS: dict[str, Callable[[], click.Command]] = {}


def builds(name: str) -> Callable[[Callable[[], click.Command]], Callable[[], click.Command]]:
    """Registers the function that builds command `name`; HechiGroup.get_command calls it once."""

    def register(build: Callable[[], click.Command]) -> Callable[[], click.Command]:
        BUILDERS[name] = build
        return build

    return register


class HechiGroup(click.Group):
    """A group whose main() always exits through app.guarded: one message and a documented exit code.

    Its help lists the commands in the registry's groups and order, each summary whole, and it
    builds a command only when it is asked for (BUILDERS).
    """

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in BUILDERS:
            self.add_command(BUILDERS[cmd_name](), cmd_name)
        return super().get_command(ctx, cmd_name)

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


def _report_command(name: str) -> click.Command:
    @output_options
    @click.pass_obj
    def report(state: State, out: Output) -> None:
        run_report(state, name, out)

    if name == "sources":  # the one listing with a long form: titles and addresses
        report = click.option("--long", is_flag=True, help="Each source's title and address too.")(report)
    if name in DIGESTS:  # lists whose table is a digest by default
        report = click.option("--all", "every", is_flag=True, help=DIGESTS[name])(report)
    return click.command(name=name, help=command(name).help)(report)


for _entry in COMMANDS:
    if _entry.group == "reports":
        BUILDERS[_entry.name] = functools.partial(_report_command, _entry.name)
del _entry


def _one_id(name: str, words: tuple[str, ...]) -> str:
    """The one id a look-up takes; several words are a search (`hechi show oil tea`), so say which."""
    if len(words) > 1:
        import shlex

        raise click.UsageError(
            f"{name} takes one ID, not {len(words)} words; to find one: hechi search {shlex.join(words)}"
        )
    return words[0]


@builds("show")
def _show_command() -> click.Command:
    @click.command(name="show", help=command("show").help)
    @click.argument("words", metavar="ID", nargs=-1, required=True, shell_complete=_complete_ids)
    @output_options
    @click.pass_obj
    def show(state: State, out: Output, words: tuple[str, ...]) -> None:
        run_report(state, "show", out, _one_id("show", words))

    return show


@builds("search")
def _search_command() -> click.Command:
    @click.command(name="search", help=command("search").help)
    @click.argument("words", metavar="TEXT...", nargs=-1, required=True)
    @output_options
    @click.pass_obj
    def search(state: State, out: Output, words: tuple[str, ...]) -> None:
        run_report(state, "search", out, " ".join(words))  # `hechi search oil tea` needs no quotes

    return search


@builds("series")
def _series_command() -> click.Command:
    @click.command(name="series", help=command("series").help)
    @click.argument("words", metavar="ID", nargs=-1, required=True, shell_complete=_complete_ids)
    @click.option("--scope", default=None, help="city or a county id (default: city where it has figures).")
    @output_options
    @click.pass_obj
    def series(state: State, out: Output, words: tuple[str, ...], scope: str | None) -> None:
        run_report(state, "series", out, _one_id("series", words), scope)

    return series


@builds("cite")
def _cite_command() -> click.Command:
    @click.command(name="cite", help=command("cite").help)
    @click.argument("record_ids", metavar="ID...", nargs=-1, required=True, shell_complete=_complete_ids)
    @click.option("--style", type=Choice(("text", "bibtex", "csl-json", "ris")), default="text", show_default=True)
    @view_options
    @click.pass_obj
    def cite(state: State, out: Output, record_ids: tuple[str, ...], style: str) -> None:
        from hechi_cli.app import run_cite

        run_cite(state, list(record_ids), style, out)

    return cite


@builds("chart")
def _chart_command() -> click.Command:
    @click.command(name="chart", help=command("chart").help)
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

    return chart


@builds("validate")
def _validate_command() -> click.Command:
    @click.command(name="validate", help=command("validate").help)
    @click.argument("path", required=False, metavar="[PATH]")
    @click.option("--json", "as_json", is_flag=True, help="The report as a JSON object.")
    @click.option("--strict", is_flag=True, help="Warnings count as errors: exit 1 when there is any.")
    @click.pass_obj
    def validate(state: State, path: str | None, as_json: bool, strict: bool) -> int:
        from hechi_cli.app import run_validate

        return run_validate(state, path, as_json, strict)

    return validate


@builds("export")
def _export_command() -> click.Command:
    @click.command(name="export", help=command("export").help)
    @click.option("--datapackage", "package_dir", metavar="DIR", default=None, help="Write a Data Package into DIR.")
    @click.option("--sqlite", "sqlite_file", metavar="FILE", default=None, help="Write a SQLite database to FILE.")
    @click.option("--force", is_flag=True, help="Replace DIR or FILE if it exists.")
    @click.option("--data", "data_path", metavar="PATH", default=None, help="Read this data file (as hechi --data).")
    @click.pass_obj
    def export(
        state: State, package_dir: str | None, sqlite_file: str | None, force: bool, data_path: str | None
    ) -> None:
        if not package_dir and not sqlite_file:
            raise click.UsageError("say what to write: --datapackage DIR, --sqlite FILE, or both.")
        from hechi_cli.app import run_export

        run_export(state, package_dir, sqlite_file, force, data_path)

    return export


@builds("schema")
def _schema_command() -> click.Command:
    @click.command(name="schema", help=command("schema").help)
    @click.argument("name", metavar="COMMAND", type=Choice(SCHEMA_COMMANDS))
    @click.pass_obj
    def schema(state: State, name: str) -> None:
        from hechi_cli.app import print_schema

        print_schema(state, name)

    return schema


@builds("completion")
def _completion_command() -> click.Command:
    @click.command(name="completion", help=command("completion").help)
    @click.argument("shell", type=Choice(["bash", "zsh", "fish"]))
    @click.pass_obj
    def completion(state: State, shell: str) -> None:
        from click.shell_completion import get_completion_class

        cls = get_completion_class(shell)
        assert cls is not None  # the Choice above admits only shells click knows
        state.env.write_text(cls(cli, {}, "hechi", "_HECHI_COMPLETE").source() + "\n")

    return completion


@builds("help")
def _help_command() -> click.Command:
    @click.command(name="help", help=command("help").help)
    @click.argument("name", metavar="[COMMAND]", required=False, type=Choice([c.name for c in COMMANDS]))
    @click.pass_context
    def help_(ctx: click.Context, name: str | None) -> None:
        group = ctx.find_root()
        target = cli if name is None else cli.get_command(group, name)
        assert target is not None  # the Choice above admits only registered commands
        shown = group if name is None else click.Context(target, info_name=name, parent=group)
        ctx.obj.env.write_text(target.get_help(shown) + "\n")

    return help_


def main() -> NoReturn:
    """The console-script entry point."""
    cli.main(prog_name="hechi")
