"""Read a data file: bytes, then UTF-8 text, then a TOML document; each failure is a one-line DataError."""

from __future__ import annotations

import os
import re
import sys
from typing import Any

from hechi_cli.dataset.problems import DataError, Problem

_PACKAGE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def bundled_path() -> str:
    """The dataset shipped in the wheel, or data/ of a source checkout."""
    packaged = os.path.join(_PACKAGE, "data", "hechi.toml")
    if os.path.isfile(packaged):
        return packaged
    return os.path.join(os.path.dirname(os.path.dirname(_PACKAGE)), "data", "hechi.toml")


MAX_BYTES = 256 * 2**20  # a data file is at most 256 MiB (the bundled one is about 0.15 MiB)


def open_regular(path: str, flags: int = os.O_RDONLY, mode: int = 0o600) -> tuple[int, os.stat_result]:
    """A descriptor of a regular file, and its status. A FIFO, a device or a socket is refused before
    anything is read (opening a FIFO without O_NONBLOCK waits for a writer for ever)."""
    import stat

    fd = os.open(path, flags | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0), mode)
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(path)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegular(path)
    except BaseException:
        os.close(fd)
        raise
    return fd, info


def read_regular(path: str, limit: int) -> bytes:
    """The bytes of a regular file (open_regular) of at most `limit` bytes."""
    fd, info = open_regular(path)
    try:
        if info.st_size > limit:
            raise TooLarge(path)
        with os.fdopen(os.dup(fd), "rb") as f:
            raw = f.read(limit + 1)
    finally:
        os.close(fd)
    if len(raw) > limit:  # it grew while being read
        raise TooLarge(path)
    return raw


def _stdin(limit: int) -> bytes:
    """Standard input (`--data -`), read to its end, at most `limit` bytes."""
    raw = sys.stdin.buffer.read(limit + 1)
    if len(raw) > limit:
        raise TooLarge("-")
    return raw


class NotRegular(OSError):
    """A FIFO, a device, a socket: not a file whose bytes can be read and end."""


class TooLarge(OSError):
    """More bytes than a data file may have (MAX_BYTES)."""


def read_bytes(path: str) -> bytes:
    """The file's bytes, or a DataError that says in one line why not."""

    def fail(code: str, message: str) -> DataError:
        return DataError(path, [Problem(code, (), message)])

    try:
        raw = _stdin(MAX_BYTES) if path == "-" else read_regular(path, MAX_BYTES)
    except NotRegular:
        raise fail("not-a-file", "not a regular file (a pipe, a device or a socket); - reads standard input") from None
    except TooLarge:
        raise fail("too-large", f"larger than {MAX_BYTES // 2**20} MiB, the most a data file may hold") from None
    except FileNotFoundError:
        raise fail("not-found", "no such file") from None
    except IsADirectoryError:
        raise fail("is-directory", "is a directory, not a data file") from None
    except PermissionError:
        raise fail("unreadable", "permission denied") from None
    except OSError as e:
        if os.path.isdir(path):  # Windows reports a directory as PermissionError/OSError
            raise fail("is-directory", "is a directory, not a data file") from None
        raise fail("unreadable", e.strerror or type(e).__name__) from None
    if not raw.strip():
        raise fail("empty", "the file is empty")
    return raw


def decode(raw: bytes, path: str) -> str:
    """UTF-8 text of a file's bytes; a NUL or an undecodable byte is a DataError with its position."""
    nul = raw.find(b"\x00")
    if nul >= 0:
        message = "a binary file (it has NUL bytes), not TOML text"
        raise DataError(path, [Problem("binary", (), message, line=_line_of(raw, nul), column=_column_of(raw, nul))])
    if raw.startswith(b"\xef\xbb\xbf"):  # a UTF-8 byte-order mark
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as e:
        message = f"not UTF-8 text: byte 0x{raw[e.start]:02x} cannot be decoded"
        line, column = _line_of(raw, e.start), _column_of(raw, e.start)
        raise DataError(path, [Problem("not-utf8", (), message, line=line, column=column)]) from None


def read_text(path: str) -> str:
    """The file's text, or a DataError that says in one line why not."""
    return decode(read_bytes(path), path)


def _line_of(raw: bytes, index: int) -> int:
    return raw.count(b"\n", 0, index) + 1


def _column_of(raw: bytes, index: int) -> int:
    """Column in bytes from 1: the reader cannot see characters in a file that will not decode."""
    return index - (raw.rfind(b"\n", 0, index) + 1) + 1


# tomllib gives lineno and colno from Python 3.14 and tomli from 2.1; before that they are
# only in the message, "... (at line 4, column 12)", so they are read from there.
_AT = re.compile(r"\(at line (\d+), column (\d+)\)")


def parse(text: str, path: str) -> dict[str, Any]:
    """TOML text to a dict; a syntax error carries its line and column.

    The parser is imported here, not at the top: a run that the parse cache serves never needs it.
    """
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised by CI on 3.9 and 3.10
        import tomli as tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        line, col = getattr(e, "lineno", None), getattr(e, "colno", None)
        msg = str(getattr(e, "msg", "") or e)
        m = _AT.search(str(e))
        if line is None and m:
            line, col = int(m.group(1)), int(m.group(2))
        msg = _AT.sub("", msg).strip()
        raise DataError(path, [Problem("syntax", (), f"not valid TOML: {msg}", line=line, column=col)]) from None
    except RecursionError:
        raise DataError(path, [Problem("syntax", (), "not valid TOML: nested too deeply")]) from None
