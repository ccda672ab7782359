"""The one object that holds the streams and terminal facts (the httpie pattern).

Tests build an Environment with their own streams instead of patching sys.
"""

from __future__ import annotations

import codecs
import os
import sys
from collections.abc import Mapping
from typing import IO, NamedTuple

DEFAULT_WIDTH = 120  # for tables written to a pipe or file, so cells rarely wrap


class OutputClosed(Exception):
    """The reader of stdout has gone (EPIPE). Raised instead of OSError so that
    click's own EPIPE handling (exit 1) does not decide the exit code."""


class Environment(NamedTuple):
    """Streams and terminal facts; a test builds its own (or `_replace`s one field) instead of patching sys."""

    stdout: IO[str]
    stderr: IO[str]
    stdout_isatty: bool
    color: bool
    width: int
    encoding: str

    @classmethod
    def from_system(cls, environ: Mapping[str, str] | None = None) -> Environment:
        env = os.environ if environ is None else environ
        out = sys.stdout
        tty = bool(getattr(out, "isatty", lambda: False)())
        no_color = bool(env.get("NO_COLOR")) or env.get("TERM") == "dumb"
        columns = env.get("COLUMNS", "")
        if columns.isdigit() and int(columns) > 0:
            width = int(columns)
        elif tty:
            try:
                width = os.get_terminal_size(out.fileno()).columns
            except (OSError, ValueError, AttributeError):
                width = 80
        else:
            width = DEFAULT_WIDTH
        return cls(out, sys.stderr, tty, tty and not no_color, width, _encoding(out))

    @property
    def utf8(self) -> bool:
        return self.encoding == "utf-8"

    def write_text(self, text: str) -> None:
        """Human output: characters the stream cannot encode become '?'."""
        if not self.utf8:
            text = text.encode(self.encoding, "replace").decode(self.encoding)
        try:
            self.stdout.write(text)
            self.stdout.flush()
        except BrokenPipeError:
            raise OutputClosed from None

    def write_machine(self, text: str) -> None:
        """JSON and CSV: always UTF-8 bytes, whatever the locale, so no value changes."""
        buffer = getattr(self.stdout, "buffer", None)
        try:
            if buffer is None:
                self.stdout.write(text)
            else:
                self.stdout.flush()
                buffer.write(text.encode("utf-8"))
                buffer.flush()
            self.stdout.flush()
        except BrokenPipeError:
            raise OutputClosed from None

    def error(self, line: str) -> None:
        """A message on stderr; never markup, never colour."""
        self.stderr.write(line + "\n")
        self.stderr.flush()


def _encoding(stream: IO[str]) -> str:
    name = getattr(stream, "encoding", None) or "utf-8"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return "ascii"
