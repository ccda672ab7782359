"""The options every command shares, as sqlite-utils shares them: one decorator for the output
flags, one for the reader's, and a choice type that says "did you mean" and names its source."""

from __future__ import annotations

import functools
from typing import Any, Callable, TypeVar

import click
from click.core import ParameterSource

from hechi_cli.app import Output, State
from hechi_cli.commands import AREA_UNITS, LANGS
from hechi_cli.render import FORMATS

F = TypeVar("F", bound=Callable[..., Any])


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
