"""hechi's own errors. Each carries its exit code and its facts; `lines(lang)` words them for stderr.

app.guarded is the one place that turns a failure into lines and an exit code, in the
reader's language. The loader's DataError lives in dataset/problems.py (the loader
imports nothing above it); `data_error_lines` words it here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from hechi_cli import exitcodes
from hechi_cli.messages import RECORD_KINDS, tr

if TYPE_CHECKING:
    from hechi_cli.dataset.problems import DataError


class HechiError(Exception):
    """An expected failure: a message on stderr, then its exit code (the click ClickException pattern)."""

    exit_code = exitcodes.DATA_ERROR

    def lines(self, lang: str) -> list[str]:
        """What to print on stderr in `lang`, one line each, already made printable."""
        return [error(lang, _printable(str(self)))]


def error(lang: str, message: str) -> str:
    """'hechi: error: …' in `lang`."""
    return tr(lang, "hechi: error: {message}", message=message)


def data_error_lines(e: DataError, lang: str) -> list[str]:
    """A data file's problems, one line each, then what they mean; a file not read at all, one line."""
    from hechi_cli.dataset.problems import FILE_CODES, problem_line, sort_problems, summary

    if len(e.problems) == 1 and e.problems[0].code in FILE_CODES:
        return [error(lang, problem_line(e.file, e.problems[0]))]
    found = [problem_line(e.file, p) for p in sort_problems(e.problems)]
    invalid = tr(lang, "{file} is not a valid hechi data file: {problems}", file=e.file, problems=summary(e.problems))
    return [*found, error(lang, invalid)]


class UnknownRecord(HechiError):
    """No record has the id a user asked for."""

    def __init__(self, wanted: str, suggestions: Sequence[str]) -> None:
        super().__init__(wanted)
        self.wanted = wanted
        self.suggestions = list(suggestions)

    def lines(self, lang: str) -> list[str]:
        wanted = _printable(self.wanted)
        if not self.suggestions:
            return [error(lang, tr(lang, "no record has the id '{id}'", id=wanted))]
        ids = tr(lang, " or ").join(self.suggestions)
        return [error(lang, tr(lang, "no record has the id '{id}'; did you mean {ids}?", id=wanted, ids=ids))]


class UnknownScope(HechiError):
    """A measure has no figures in the scope a user asked for."""

    def __init__(self, measure: str, scope: str, known: Sequence[str], exists: bool = True) -> None:
        super().__init__(scope)
        self.measure, self.scope, self.known = measure, scope, list(known)
        self.exists = exists  # city or a county id: it has no figures of this measure; else no such scope

    def lines(self, lang: str) -> list[str]:
        known = tr(lang, " or ").join(f"--scope {s}" for s in self.known)
        measure, scope = _printable(self.measure), _printable(self.scope)
        if not self.exists:
            return [error(lang, tr(lang, "there is no scope '{scope}'; use {known}", scope=scope, known=known))]
        text = tr(
            lang,
            "{measure} has no figures in scope '{scope}'; use {known}",
            measure=measure,
            scope=scope,
            known=known,
        )
        return [error(lang, text)]


class NoSeries(HechiError):
    """A record that exists but has no figures over time to chart (a base, a site, a source)."""

    def __init__(self, wanted: str, kind: str) -> None:
        super().__init__(wanted)
        self.wanted, self.kind = wanted, kind

    def lines(self, lang: str) -> list[str]:
        wanted = _printable(self.wanted)
        text = tr(
            lang,
            "{id} is a {kind} with no series of figures; hechi show {id} shows it",
            id=wanted,
            kind=tr(lang, RECORD_KINDS.get(self.kind, self.kind)),
        )
        return [error(lang, text)]


class NoMatch(HechiError):
    """A search found nothing (exit 1, as grep does)."""

    def lines(self, lang: str) -> list[str]:
        return [tr(lang, "hechi: no records match '{text}'", text=_printable(str(self)))]


def _printable(text: str) -> str:
    from hechi_cli.textsafe import printable  # only when there is an error to print: a run without one skips it

    return printable(text)
