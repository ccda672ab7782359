"""Writing an export whole or not at all: into a temporary path beside the target, then renamed."""

from __future__ import annotations

import os
import shutil
import tempfile
from typing import Callable

from hechi_cli.errors import HechiError


class ExportError(HechiError):
    """The export cannot be written where the user asked (exit 1, nothing half-written)."""


def write_whole(target: str, write: Callable[[str], None], force: bool, directory: bool) -> None:
    """Call `write(path)` on a temporary path next to `target`, then rename it into place.

    An existing target is refused unless `force`, and a directory is never replaced by a file
    or a file by a directory, even with `force`; a failure leaves the target as it was.
    """
    parent = os.path.dirname(os.path.abspath(target))
    if os.path.lexists(target) and os.path.isdir(target) != directory:
        what = "a directory" if os.path.isdir(target) else "a file"
        raise ExportError(f"{target} is {what}; --force replaces only {'a directory' if directory else 'a file'}")
    if os.path.lexists(target) and not force:
        raise ExportError(f"{target} already exists; use --force to replace it")
    if not os.path.isdir(parent):
        raise ExportError(f"{parent} is not a directory")
    try:
        work = tempfile.mkdtemp(prefix=".hechi-export-", dir=parent)
    except OSError as e:
        raise ExportError(f"cannot write in {parent}: {e.strerror or e}") from None
    try:
        fresh = os.path.join(work, "new")
        write(fresh)
        if os.path.isdir(target) and not os.path.islink(target):
            os.rename(target, os.path.join(work, "old"))  # removed with the work directory below
        os.replace(fresh, target)
    except OSError as e:
        raise ExportError(f"cannot write {target}: {e.strerror or e}") from None
    finally:
        shutil.rmtree(work, ignore_errors=True)
