"""The one object that holds the streams and terminal facts (the httpie pattern).

Tests build an Environment with their own streams instead of patching sys.
"""

from __future__ import annotations

import codecs
import os
import sys
from collections.abc import Mapping
from typing import IO, NamedTuple

DEFAULT_WIDTH = 80  # when neither COLUMNS nor any terminal says otherwise
DEFAULT_PAGER = "less -FRX"  # as git: quit if one screen, keep colour, leave the text on screen


class OutputClosed(Exception):
    """The reader of stdout has gone (EPIPE). Raised instead of OSError so that
    click's own EPIPE handling (exit 1) does not decide the exit code."""


class OutputFailed(Exception):
    """stdout cannot take the output: it is closed, or its device is full (ENOSPC) or failing."""


class Environment(NamedTuple):
    """Streams and terminal facts; a test builds its own (or `_replace`s one field) instead of patching sys."""

    stdout: IO[str]
    stderr: IO[str]
    stdout_isatty: bool
    color: bool
    width: int
    encoding: str
    pager: str | None = None  # a shell command for long human output on a terminal; None: write directly
    height: int = 24  # the terminal's lines: output longer than this goes through the pager

    @classmethod
    def from_system(cls, environ: Mapping[str, str] | None = None) -> Environment:
        """The facts of this process: colour, width, encoding and pager, as gh and git decide them."""
        env = os.environ if environ is None else environ
        out = sys.stdout
        tty = bool(getattr(out, "isatty", lambda: False)())
        size = _terminal_size((out, sys.stderr, sys.stdin) if tty else (sys.stderr, sys.stdin))
        columns = env.get("COLUMNS", "")
        # ASCII digits only: '١٢٠'.isdigit() is true, and int() of some digit characters fails.
        given = int(columns) if columns.isascii() and columns.isdigit() else 0
        width = min(given, 10_000) if given > 0 else size[0] if size else DEFAULT_WIDTH
        pager = None
        if tty:
            pager = env.get("HECHI_PAGER", env.get("PAGER", DEFAULT_PAGER)).strip() or None
        height = size[1] if tty and size else 24
        return cls(out, sys.stderr, tty, _color(env, tty), width, _encoding(out), pager, height)

    @property
    def utf8(self) -> bool:
        return self.encoding == "utf-8"

    def write_text(self, text: str) -> None:
        """Human output: characters the stream cannot encode become '?'; a long text on a terminal
        goes through the pager."""
        if not self.utf8:
            text = text.encode(self.encoding, "replace").decode(self.encoding)
        if self.pager and text.count("\n") >= self.height and _page(self.pager, text, self.encoding):
            return
        try:
            if self.stdout is None:  # started with stdout closed (`>&-`)
                raise OutputFailed("standard output is closed")
            self.stdout.write(text)
            self.stdout.flush()
        except BrokenPipeError:
            raise OutputClosed from None
        except OSError as e:
            raise OutputFailed(e.strerror or type(e).__name__) from None

    def write_machine(self, text: str) -> None:
        """JSON and CSV: always UTF-8 bytes, whatever the locale, so no value changes."""
        self.write_bytes(text.encode("utf-8"))

    def write_bytes(self, data: bytes) -> None:
        """Bytes as they are (UTF-8 text, an SVG, a PNG) to stdout; a stream without a byte buffer
        (a test's StringIO) gets them decoded as UTF-8."""
        buffer = getattr(self.stdout, "buffer", None)
        try:
            if self.stdout is None:
                raise OutputFailed("standard output is closed")
            if buffer is None:
                self.stdout.write(data.decode("utf-8", "replace"))
                self.stdout.flush()
            else:
                self.stdout.flush()
                buffer.write(data)
                buffer.flush()
        except BrokenPipeError:
            raise OutputClosed from None
        except OSError as e:
            raise OutputFailed(e.strerror or type(e).__name__) from None

    def flush(self) -> None:
        """Flush stdout now, so that a full device or a closed pipe is found here, in hechi's hands,
        and not by the interpreter at exit ("Exception ignored", exit 120)."""
        if self.stdout is None:
            return
        try:
            self.stdout.flush()
        except BrokenPipeError:
            raise OutputClosed from None
        except OSError as e:
            raise OutputFailed(e.strerror or type(e).__name__) from None

    def error(self, line: str) -> None:
        """A message on stderr; never markup, never colour. A closed or full stderr loses it, quietly:
        there is nowhere else to say it."""
        try:
            self.stderr.write(line + "\n")
            self.stderr.flush()
        except (OSError, ValueError, AttributeError):
            pass


def _encoding(stream: IO[str]) -> str:
    name = getattr(stream, "encoding", None) or "utf-8"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return "ascii"


def _color(env: Mapping[str, str], tty: bool) -> bool:
    """NO_COLOR (or TERM=dumb) turns colour off; FORCE_COLOR or CLICOLOR_FORCE turns it on through a pipe."""
    if env.get("NO_COLOR") or env.get("TERM") == "dumb":
        return False
    forced = env.get("FORCE_COLOR", "") not in ("", "0") or env.get("CLICOLOR_FORCE", "") not in ("", "0")
    return tty or forced


def _terminal_size(streams: tuple[IO[str], ...]) -> tuple[int, int] | None:
    """(columns, lines) of the first stream that is a terminal: stdout, else stderr or stdin (a pipe's neighbours)."""
    for stream in streams:
        try:
            size = os.get_terminal_size(stream.fileno())
        except (OSError, ValueError, AttributeError):
            continue
        if size.columns > 0:
            return size.columns, size.lines
    return None


def _page(command: str, text: str, encoding: str) -> bool:
    """Show text through the pager; False when the pager cannot be started (then hechi writes it itself)."""
    import subprocess

    env = {**os.environ, "LESS": os.environ.get("LESS", "FRX"), "LV": os.environ.get("LV", "-c")}
    try:
        proc = subprocess.Popen(command, shell=True, stdin=subprocess.PIPE, env=env)
    except OSError:
        return False
    try:
        assert proc.stdin is not None
        proc.stdin.write(text.encode(encoding, "replace"))
        proc.stdin.close()
    except BrokenPipeError:  # the reader quit the pager early: that is not a failure
        pass
    proc.wait()
    return proc.returncode != 127  # 127: the shell did not find the pager
