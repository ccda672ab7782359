"""The glue between the click commands and the library: load, build, render, write; and exit codes.

Everything heavy is imported inside functions, so `hechi --help` and the JSON
path pay only for what they use. `guarded` is the one place where a failure
becomes a message and an exit code.
"""

from __future__ import annotations

import functools
import os
import sys
from typing import TYPE_CHECKING, Any, Callable

import click

from hechi_cli import exitcodes
from hechi_cli.commands import command
from hechi_cli.env import Environment, OutputClosed, OutputFailed
from hechi_cli.errors import HechiError
from hechi_cli.messages import tr
from hechi_cli.render import RENDERERS

if TYPE_CHECKING:
    from hechi_cli.dataset.problems import DataError
    from hechi_cli.reports.view import View


class State:
    """What the group hands its commands: the environment, the chosen data file, and the reader's
    language once a command has chosen it (guarded writes errors in it)."""

    def __init__(self, env: Environment, data_path: str | None = None) -> None:
        self.env = env
        self.data_path = data_path
        self.lang = "en"
        self.asked_lang: str | None = None  # `hechi --lang zh CMD`: a command's own --lang wins over it


class Output:
    """The output options every command takes, gathered in one object."""

    def __init__(
        self,
        fmt: str,
        lang: str | None,
        area_unit: str | None,
        data_path: str | None = None,
        ids: bool = False,
        notes: bool = False,
        long: bool = False,
        every: bool = False,
    ) -> None:
        self.fmt = fmt
        self.lang = lang  # None: not asked for; choose_lang decides
        self.area_unit = area_unit
        self.data_path = data_path  # --data after the command; it wins over the group's
        self.ids, self.notes, self.long = ids, notes, long  # what a table shows (reports.view.Options)
        self.every = every


def run_report(state: State, name: str, out: Output, record_id: str = "", scope: str | None = None) -> None:
    """Load the data, build the command's report once, render it in the reader's words and write it."""
    from hechi_cli.dataset.load import load
    from hechi_cli.reports.report import Query

    build = command(name).builder()
    renderer = RENDERERS[out.fmt]
    state.lang = choose_lang(out.lang)  # before loading: a data error is written in it too
    ds = load(out.data_path or state.data_path)
    report = build(ds, Query(record_id, scope))
    render = renderer.render()
    people = not renderer.machine
    text = in_shown_language(state, out, lambda v: render(report, v, state.env), people, ds.proper_names_zh())
    if renderer.machine:
        state.env.write_machine(text)
    else:
        state.env.write_text(text)


def choose_lang(asked: str | None) -> str:
    """--lang (or HECHI_LANG), else the locale (LC_ALL, LC_MESSAGES, LANG: zh_* is Chinese), else English."""
    if asked is not None:
        return asked
    locale = next((v for v in (os.environ.get(k) for k in ("LC_ALL", "LC_MESSAGES", "LANG")) if v), "")
    return "zh" if locale.lower().startswith("zh") else "en"


def in_shown_language(
    state: State, out: Output, write: Callable[[View], str], people: bool = True, keep: frozenset[str] = frozenset()
) -> str:
    """`write(view)` in the reader's view, unless it is Chinese for people that the terminal's
    encoding cannot show whole: then the same report again in English, and one line on stderr
    saying so. The text itself is checked, not a sample: a Big5 terminal shows 河池 but not 产 or
    数, and question marks would break the table."""
    from hechi_cli.reports.view import Options, View

    env = state.env

    def view(lang: str) -> View:
        return View(Options(lang, out.area_unit, not env.utf8, out.ids, out.notes, out.long, every=out.every), keep)

    text = write(view(state.lang))
    if state.lang == "zh" and people and not _can_show(text, env.encoding):
        env.error(f"hechi: this terminal's encoding ({env.encoding}) cannot show Chinese; writing English")
        text = write(view("en"))
    return text


def _can_show(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def run_validate(state: State, path: str | None, as_json: bool, strict: bool) -> int:
    """Check a data file and write the report to stdout; exit 0 when it has no error (no warning either, if strict)."""
    from hechi_cli.dataset.problems import FILE_CODES, counts, problem_json, problem_line, sort_problems, summary
    from hechi_cli.dataset.validate import check_file

    checked = check_file(path if path is not None else state.data_path)
    name, errors, warnings = checked.file, checked.errors, checked.warnings
    valid = not errors and not (strict and warnings)
    if as_json:
        from hechi_cli.render import json_out
        from hechi_cli.reports.report import Heading, Report, Words
        from hechi_cli.reports.view import ENGLISH

        report = Report(
            Heading("validate", "errors", "validate"),
            [problem_json(name, p) for p in errors],
            lambda v: Words(v.lang, "validate", []),  # validate's words are its lines below, never a table
            json_before={"file": name, "valid": valid},
            json_after={
                "counts": counts(errors),
                "records": checked.records,
                "strict": strict,
                "warnings": [problem_json(name, p) for p in warnings],
                "warning_counts": counts(warnings),
            },
            notes_in_json=False,
        )
        state.env.write_machine(json_out.render(report, ENGLISH, state.env))
        return exitcodes.OK if valid else exitcodes.DATA_ERROR
    lines = [problem_line(name, p) for p in sort_problems([*errors, *warnings])]
    tail = f"; {summary(warnings, 'warning')}" if warnings else ""
    unread = len(errors) == 1 and errors[0].code in FILE_CODES and not errors[0].path
    if unread:  # not read as TOML at all: its one line says why ("no such file"), not "invalid"
        lines = lines[:1]
    elif errors:
        lines.append(f"{name}: invalid: {summary(errors)}{tail}")
    elif not valid:
        lines.append(f"{name}: invalid under --strict: {summary(warnings, 'warning')}")
    else:
        what = ", ".join(f"{n} {key}" for key, n in checked.records.items())
        lines.append(f"{name}: valid: {what}{tail}")
    state.env.write_text("\n".join(lines) + "\n")
    return exitcodes.OK if valid else exitcodes.DATA_ERROR


def run_cite(state: State, ids: list[str], style: str, out: Output) -> None:
    """Write the citations of the records with these ids; BibTeX, CSL-JSON and RIS are files, so UTF-8."""
    from hechi_cli.cite import cite
    from hechi_cli.dataset.load import load

    state.lang = choose_lang(out.lang)
    dataset = load(out.data_path or state.data_path)
    text = in_shown_language(state, out, lambda view: cite(dataset, ids, style, view), people=style == "text")
    if style == "text":
        state.env.write_text(text)
    else:
        state.env.write_machine(text)


def run_export(state: State, package_dir: str | None, sqlite_file: str | None, force: bool, data: str | None) -> None:
    """Write the dataset in use as a Data Package and/or a SQLite file, each whole or not at all."""
    from hechi_cli.dataset.load import load
    from hechi_cli.export import datapackage, sqlite
    from hechi_cli.export.files import ExportError, check, write_whole
    from hechi_cli.textsafe import printable

    ds = load(data or state.data_path)
    if package_dir and sqlite_file and os.path.abspath(package_dir) == os.path.abspath(sqlite_file):
        raise ExportError(f"{printable(package_dir)} is asked for twice; give the package and the database two names")
    # Every target is checked before anything is written: never one export written, then a failure.
    for target, directory in ((package_dir, True), (sqlite_file, False)):
        if target:
            check(target, force, directory)
    if package_dir:
        write_whole(package_dir, lambda path: datapackage.write(ds, path), force, directory=True)
        state.env.error(
            tr(state.lang, "hechi: wrote the Data Package {dir}/datapackage.json", dir=printable(package_dir))
        )
    if sqlite_file:
        write_whole(sqlite_file, lambda path: sqlite.write(ds, path), force, directory=False)
        state.env.error(tr(state.lang, "hechi: wrote the SQLite database {file}", file=printable(sqlite_file)))


def run_chart(
    state: State,
    out: Output,
    wanted: str,
    scope: str | None,
    output: str | None,
    as_png: bool,
    with_data: bool,
    force: bool,
) -> None:
    """Draw the chart of a record and write it to FILE (whole, or not at all) or to a piped stdout."""
    from hechi_cli.charts import facts, svg
    from hechi_cli.dataset.load import load

    state.lang = choose_lang(out.lang)
    ds = load(out.data_path or state.data_path)
    chart = facts.chart_of(ds, wanted, scope)
    if output is None and (state.env.stdout_isatty or with_data):
        raise click.UsageError("say where the chart goes: -o FILE, or pipe it (--with-data needs -o FILE)")
    data = os.path.splitext(output)[0] + ".csv" if output and with_data else None
    if output:  # only a file pays for the safe writer
        from hechi_cli.export.files import check

        for target in filter(None, (output, data)):
            check(target, force, False, replaceable=lambda p: True)  # both or neither: nothing written yet
    from hechi_cli.reports.view import Options, View

    # A chart is a UTF-8 file, never shown on the terminal: its language and characters do not
    # depend on the terminal's encoding.
    text = svg.render(chart, ds, View(Options(state.lang, out.area_unit), ds.proper_names_zh()))
    body = text.encode("utf-8")
    if as_png:
        from hechi_cli.charts.png import png

        body = png(text, "".join(_svg_text(text)))
    if output is None:
        state.env.write_bytes(body)
        return
    from hechi_cli.export.files import write_whole
    from hechi_cli.textsafe import printable

    files = [(output, body)]
    if data:
        from hechi_cli.render.csv_out import render as csv_text
        from hechi_cli.reports.report import Heading, Report, Words
        from hechi_cli.reports.view import ENGLISH

        points = Report(Heading("chart", "points", ""), facts.chart_rows(ds, chart), lambda v: Words(v.lang, "", []))
        files.append((data, csv_text(points, ENGLISH, state.env).encode("utf-8")))
    for path, content in files:
        write_whole(path, functools.partial(_write, body=content), force, False, replaceable=lambda p: True)
        state.env.error(tr(state.lang, "hechi: wrote {file}", file=printable(path)))


def _write(path: str, body: bytes) -> None:
    with open(path, "wb") as f:
        f.write(body)


def _svg_text(svg: str) -> list[str]:
    """The text an SVG draws: what the PNG's font must hold."""
    import re
    from html import unescape

    return [unescape(t) for t in re.findall(r">([^<>]+)</text>", svg)]


def record_ids(data_path: str | None) -> list[str]:
    """Every record id, for shell completion; none when the data cannot be loaded."""
    from hechi_cli.dataset.load import load
    from hechi_cli.dataset.problems import DataError

    try:
        return sorted(load(data_path).records())
    except DataError:
        return []


def print_schema(state: State, name: str) -> None:
    """Write the JSON Schema of a command's --json output."""
    from hechi_cli.render.json_out import dumps
    from hechi_cli.schemas import schema_for

    state.env.write_machine(dumps(schema_for(name)))


def guarded(env: Environment, run: Callable[[], Any], lang: Callable[[], str] = lambda: "en") -> int:
    """Run a command and turn what it returns or raises into an exit code, with one clear message.

    Nothing a user types or puts in a data file ends in a traceback; a bug in
    hechi prints one line and exits 70 (HECHI_DEBUG=1 shows the traceback).
    hechi's own errors are written in `lang()`, the language the command chose,
    or in English where the terminal cannot show them whole.
    """
    from hechi_cli.dataset.problems import DataError

    try:
        rv = run()
        env.flush()  # click's help and version are written by click: find a write failure here
        return rv if isinstance(rv, int) else exitcodes.OK
    except click.UsageError as e:
        _usage_error(env, e)
        return exitcodes.USAGE
    except click.ClickException as e:
        e.show(file=env.stderr)
        return e.exit_code
    except (click.Abort, KeyboardInterrupt):
        env.error("hechi: interrupted")
        return exitcodes.INTERRUPTED
    except (HechiError, DataError) as e:
        for line in _error_lines(e, lang(), env.encoding):
            env.error(line)
        return e.exit_code if isinstance(e, HechiError) else exitcodes.DATA_ERROR
    except (OutputClosed, BrokenPipeError):
        _silence_stdout()
        return exitcodes.BROKEN_PIPE
    except SystemExit:
        # click answers a closed pipe under --help or --version itself: it wraps stdout and exits 1.
        # The reader chose to stop; that is exit 0 here, as everywhere in hechi.
        if type(sys.stdout).__name__.lstrip("_") == "PacifyFlushWrapper":
            _silence_stdout()
            return exitcodes.BROKEN_PIPE
        raise
    except OutputFailed as e:
        _silence_stdout()
        env.error(f"hechi: cannot write the output: {e}")
        return exitcodes.OUTPUT_ERROR
    except OSError as e:
        if not _is_write_failure(e):
            return _internal(env, e)
        _silence_stdout()  # click wrote (help, version) to a full device or a closed stream
        env.error(f"hechi: cannot write the output: {e.strerror or type(e).__name__}")
        return exitcodes.OUTPUT_ERROR
    except Exception as e:  # a bug: one line, not a traceback, unless asked for
        return _internal(env, e)
    except BaseException as e:  # SIGTERM or SIGHUP while an export was written (export.files.Stopped)
        if type(e).__name__ != "Stopped":
            raise
        signum = getattr(e, "signum", 15)
        env.error(f"hechi: stopped by signal {signum}")
        return 128 + signum


def _internal(env: Environment, e: Exception) -> int:
    if os.environ.get("HECHI_DEBUG"):
        raise e
    from hechi_cli.textsafe import printable

    env.error(f"hechi: internal error: {type(e).__name__}: {printable(str(e))}")
    env.error("hechi: this is a bug; run again with HECHI_DEBUG=1 for the traceback and report it")
    return exitcodes.INTERNAL


def _is_write_failure(e: OSError) -> bool:
    """A device that is full or failing, or a stream that is closed: the output's fault, not hechi's."""
    import errno

    return e.errno in {errno.ENOSPC, errno.EDQUOT, errno.EIO, errno.EBADF, errno.EFBIG, errno.EROFS}


def _error_lines(e: HechiError | DataError, lang: str, encoding: str) -> list[str]:
    """An error's lines in `lang`, or in English where the terminal cannot show them whole."""
    from hechi_cli.errors import data_error_lines

    def lines(lang: str) -> list[str]:
        return e.lines(lang) if isinstance(e, HechiError) else data_error_lines(e, lang)

    found = lines(lang)
    return found if lang == "en" or _can_show("\n".join(found), encoding) else lines("en")


def _usage_error(env: Environment, e: click.UsageError) -> None:
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
