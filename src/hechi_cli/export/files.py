"""Writing an export whole or not at all: into a temporary path beside the target, then renamed.

- Checked first: every target of a run is checked before anything is written (`check`).
- Exclusive: without --force, the target is created only if nothing took its name meanwhile (a
  hard link for a file, a rename onto no directory for a package), so of eight exports racing to
  one new name exactly one wins and the others say it exists.
- --force replaces only what hechi writes: a directory holding a datapackage.json, or a SQLite file.
- Clean on a signal: SIGTERM or SIGHUP while writing removes the temporary files, as Ctrl-C does.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import tempfile
from collections.abc import Iterator
from typing import Any, Callable

from hechi_cli.errors import HechiError

SQLITE_HEADER = b"SQLite format 3\x00"


class ExportError(HechiError):
    """The export cannot be written where the user asked (exit 1, nothing half-written)."""


class Stopped(BaseException):
    """A signal (SIGTERM, SIGHUP) ended the run; raised so that cleanup runs (app.guarded: 128 + n)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def check(target: str, force: bool, directory: bool, replaceable: Callable[[str], bool] | None = None) -> None:
    """Whether `target` may be written: refused where it exists (unless --force, and then only
    what hechi wrote) or where its directory does not."""
    from hechi_cli.textsafe import printable

    shown = printable(target)
    parent = os.path.dirname(os.path.abspath(target))
    if os.path.lexists(target):
        if os.path.isdir(target) != directory:
            what = "a directory" if os.path.isdir(target) else "a file"
            raise ExportError(f"{shown} is {what}; --force replaces only {'a directory' if directory else 'a file'}")
        if not directory and not os.path.isfile(target):  # a device, a FIFO (reading it waits for ever)
            raise ExportError(f"{shown} is not a regular file; hechi writes only to a file")
        if not force:
            raise ExportError(f"{shown} already exists; use --force to replace it")
        if not (replaceable or (lambda t: _written_by_hechi(t, directory)))(target):
            what = "a Data Package (no datapackage.json in it)" if directory else "a SQLite database"
            raise ExportError(f"{shown} is not {what}; --force replaces only what hechi writes")
    if not os.path.isdir(parent):
        raise ExportError(f"{printable(parent)} is not a directory")


def _written_by_hechi(target: str, directory: bool) -> bool:
    if directory:
        return os.path.isfile(os.path.join(target, "datapackage.json"))
    try:
        with open(target, "rb") as f:
            return f.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def write_whole(
    target: str,
    write: Callable[[str], None],
    force: bool,
    directory: bool,
    replaceable: Callable[[str], bool] | None = None,
) -> None:
    """Call `write(path)` on a temporary path next to `target`, then move it into place; `replaceable`
    says what --force may replace (by default only what an export writes)."""
    from hechi_cli.textsafe import printable

    check(target, force, directory, replaceable)
    parent = os.path.dirname(os.path.abspath(target))
    try:
        work = tempfile.mkdtemp(prefix=".hechi-export-", dir=parent)
    except OSError as e:
        raise ExportError(f"cannot write in {printable(parent)}: {e.strerror or e}") from None
    try:
        with _cleaned_on_signal():
            fresh = os.path.join(work, "new")
            write(fresh)
            _place(fresh, target, work, force and os.path.lexists(target), directory)
    except FileExistsError:
        raise ExportError(f"{printable(target)} already exists; use --force to replace it") from None
    except OSError as e:
        raise ExportError(f"cannot write {printable(target)}: {e.strerror or e}") from None
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _place(fresh: str, target: str, work: str, replace: bool, directory: bool) -> None:
    """Move the finished export to its name: over what hechi wrote there (--force), else only where
    the name is still free."""
    if replace:
        if directory:
            os.rename(target, os.path.join(work, "old"))  # removed with the work directory
        os.replace(fresh, target)
    elif directory:
        try:
            os.rename(fresh, target)  # fails where another run's package took the name meanwhile
        except OSError as e:
            if os.path.lexists(target):
                raise FileExistsError(target) from e
            raise
    else:
        os.link(fresh, target)  # an exclusive create: FileExistsError where the name was taken


@contextlib.contextmanager
def _cleaned_on_signal() -> Iterator[None]:
    """SIGTERM and SIGHUP raise Stopped while the export is written, so `finally` cleans up."""

    def stop(signum: int, frame: Any) -> None:
        raise Stopped(signum)

    wanted = [getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)]
    previous = {}
    for signum in wanted:
        with contextlib.suppress(ValueError, OSError):  # not the main thread: leave them be
            previous[signum] = signal.signal(signum, stop)
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
