"""hechi's own errors. Each carries its exit code and the lines it prints, so main() maps them in one place."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from hechi_cli import exitcodes
from hechi_cli.messages import RECORD_KINDS, tr

if TYPE_CHECKING:
    from hechi_cli.dataset.problems import Problem


class HechiError(Exception):
    """An expected failure: a message on stderr, then its exit code (the click ClickException pattern)."""

    exit_code = exitcodes.DATA_ERROR
    lang = "en"  # the language of the messages; app.run_report sets the reader's

    def lines(self) -> list[str]:
        """What to print on stderr, one line each, already made printable."""
        return [self.error(_printable(str(self)))]

    def error(self, message: str) -> str:
        return tr(self.lang, "hechi: error: {message}", message=message)


class DataError(HechiError):
    """The data file cannot be used: it is unreadable, not TOML, or breaks a rule."""

    def __init__(self, file: str, problems: Sequence[Problem]) -> None:
        super().__init__(f"{file}: {len(problems)} problem(s)")
        self.file = file
        self.problems = list(problems)

    def lines(self) -> list[str]:
        from hechi_cli.dataset.problems import FILE_CODES, problem_line, sort_problems, summary

        if len(self.problems) == 1 and self.problems[0].code in FILE_CODES:
            return [self.error(problem_line(self.file, self.problems[0]))]
        found = [problem_line(self.file, p) for p in sort_problems(self.problems)]
        invalid = tr(
            self.lang,
            "{file} is not a valid hechi data file: {problems}",
            file=self.file,
            problems=summary(self.problems),
        )
        return [*found, self.error(invalid)]


class UnknownRecord(HechiError):
    """No record has the id a user asked for."""

    def __init__(self, wanted: str, suggestions: Sequence[str]) -> None:
        super().__init__(wanted)
        self.wanted = wanted
        self.suggestions = list(suggestions)

    def lines(self) -> list[str]:
        wanted = _printable(self.wanted)
        if not self.suggestions:
            return [self.error(tr(self.lang, "no record has the id '{id}'", id=wanted))]
        ids = tr(self.lang, " or ").join(self.suggestions)
        return [self.error(tr(self.lang, "no record has the id '{id}'; did you mean {ids}?", id=wanted, ids=ids))]


class UnknownScope(HechiError):
    """A measure has no figures in the scope a user asked for."""

    def __init__(self, measure: str, scope: str, known: Sequence[str]) -> None:
        super().__init__(scope)
        self.measure, self.scope, self.known = measure, scope, list(known)

    def lines(self) -> list[str]:
        known = tr(self.lang, " or ").join(f"--scope {s}" for s in self.known)
        measure, scope = _printable(self.measure), _printable(self.scope)
        text = tr(
            self.lang,
            "{measure} has no figures in scope '{scope}'; use {known}",
            measure=measure,
            scope=scope,
            known=known,
        )
        return [self.error(text)]


class NoSeries(HechiError):
    """A record that exists but has no figures over time to chart (a base, a site, a source)."""

    def __init__(self, wanted: str, kind: str) -> None:
        super().__init__(wanted)
        self.wanted, self.kind = wanted, kind

    def lines(self) -> list[str]:
        wanted = _printable(self.wanted)
        text = tr(
            self.lang,
            "{id} is a {kind} with no series of figures; hechi show {id} shows it",
            id=wanted,
            kind=tr(self.lang, RECORD_KINDS.get(self.kind, self.kind)),
        )
        return [self.error(text)]


class NoMatch(HechiError):
    """A search found nothing (exit 1, as grep does)."""

    def lines(self) -> list[str]:
        return [tr(self.lang, "hechi: no records match '{text}'", text=_printable(str(self)))]


def _printable(text: str) -> str:
    from hechi_cli.textsafe import printable  # only when there is an error to print: a run without one skips it

    return printable(text)
