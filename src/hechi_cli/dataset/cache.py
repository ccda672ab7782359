"""A cache of parsed data files, so a run need not parse TOML again.

Safety, in order of importance:
- Never stale: an entry holds the file's exact bytes and is used only when they
  equal the bytes just read. Its name comes from the path, size and mtime, and
  the entry also records hechi's and Python's versions (marshal's format is
  Python's own); any mismatch is a miss.
- Never trusted: what the cache returns goes through every validation rule,
  exactly as a freshly parsed file does.
- Never in the way: a missing, read-only or full cache directory, or a corrupt
  entry, is a miss; writing never fails a command. HECHI_NO_CACHE=1 turns it off.
- Bounded: it keeps at most MAX_ENTRIES entries, none larger than MAX_ENTRY_BYTES
  (so at most 384 MiB, and a few MB in practice); each write removes the oldest
  beyond that (a hit writes nothing, so the hot path pays nothing for this).
- Only what hechi wrote: an entry must be a regular file; one whose document
  breaks a rule is a miss, and the file is parsed again (a valid file is never
  called invalid because of the cache).

It lives in $HECHI_CACHE_DIR, else $XDG_CACHE_HOME/hechi, else the platform's
cache directory: ~/.cache/hechi, ~/Library/Caches/hechi on macOS,
%LOCALAPPDATA%\\hechi\\Cache on Windows.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
from datetime import date, datetime, time
from typing import Any, Callable

from hechi_cli import __version__

# marshal's format is Python's own, so the Python version is part of the key.
_VERSION = f"hechi {__version__} python {sys.version_info[0]}.{sys.version_info[1]} marshal {marshal.version}"
_TAG = "\x00toml-"
MAX_ENTRIES = 16  # each holds a file's bytes and its parsed form: about 0.2 MB for the bundled dataset
MAX_ENTRY_BYTES = 24 * 2**20  # an entry is at most this large: a larger file is parsed each time, not cached
_SUFFIX = ".marshal"  # marks a tuple that stands for a date or time (TOML never yields tuples)


def cache_dir() -> str | None:
    """The directory, or None when caching is off or there is no home."""
    if os.environ.get("HECHI_NO_CACHE"):
        return None
    base = os.environ.get("HECHI_CACHE_DIR")
    if base:
        return base
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg and os.path.isabs(xdg):  # the XDG spec: a relative path is invalid and is ignored
        return os.path.join(xdg, "hechi")
    if sys.platform == "win32":
        root = os.environ.get("LOCALAPPDATA")
        return os.path.join(root, "hechi", "Cache") if root else None
    if sys.platform == "darwin":
        return os.path.expanduser("~/Library/Caches/hechi")
    home = os.path.expanduser("~")
    # An empty or relative HOME (root's HOME="" gives "" or "/") is no home: no cache, not /.cache or ./.cache.
    return os.path.join(home, ".cache", "hechi") if os.path.isabs(home) and home != "/" else None


def _fnv1a(text: str) -> int:
    h = 0xCBF29CE484222325
    for byte in text.encode("utf-8", "surrogatepass"):
        h = ((h ^ byte) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def _entry_path(directory: str, path: str, stat: os.stat_result) -> str:
    key = f"{os.path.abspath(path)}\x00{stat.st_size}\x00{stat.st_mtime_ns}\x00{_VERSION}"
    return os.path.join(directory, f"{_fnv1a(key):016x}{_SUFFIX}")


def _walk(value: Any, leaf: Callable[[Any], Any]) -> Any:
    """The document with `leaf` applied to every value that is not a table or an array."""
    if isinstance(value, dict):
        return {k: _walk(v, leaf) for k, v in value.items()}
    if isinstance(value, list):
        return [_walk(v, leaf) for v in value]
    return leaf(value)


def _encode(value: Any) -> Any:
    """A TOML date or time as a tagged tuple, which marshal can hold; anything else as it is."""
    for kind in (datetime, date, time):  # datetime first: it is also a date
        if isinstance(value, kind):
            return (_TAG + kind.__name__, value.isoformat())
    return value


_DECODE = {
    _TAG + "datetime": datetime.fromisoformat,
    _TAG + "date": date.fromisoformat,
    _TAG + "time": time.fromisoformat,
}


def _decode(value: Any) -> Any:
    return _DECODE[value[0]](value[1]) if isinstance(value, tuple) else value


def get(path: str, raw: bytes) -> dict[str, Any] | None:
    """The parsed document of these exact bytes, or None."""
    directory = cache_dir()
    if directory is None:
        return None
    try:
        from hechi_cli.dataset.read import read_regular

        entry = _entry_path(directory, path, os.stat(path))
        # A regular file of bounded size only: a FIFO in its place would block for ever.
        version, source, doc = marshal.loads(read_regular(entry, MAX_ENTRY_BYTES))
        if version != _VERSION or source != raw or not isinstance(doc, dict):
            return None
        decoded: dict[str, Any] = _walk(doc, _decode)
        return decoded
    except Exception:  # a missing, unreadable or corrupt entry is a miss, whatever the error
        return None


def put(path: str, raw: bytes, doc: dict[str, Any]) -> None:
    """Store a parsed document; any failure is ignored (the cache is optional)."""
    directory = cache_dir()
    if directory is None or len(raw) > MAX_ENTRY_BYTES // 3:  # bytes, parsed form and more: bounded
        return
    tmp = None
    try:
        entry = _entry_path(directory, path, os.stat(path))
        os.makedirs(directory, exist_ok=True)
        tmp = f"{entry}.{os.getpid()}.tmp"
        with open(tmp, "wb") as f:
            marshal.dump((_VERSION, raw, _walk(doc, _encode)), f)
        os.replace(tmp, entry)  # atomic: a reader sees the old entry or the new one
        evict(directory)
    except Exception:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def evict(directory: str, keep: int = MAX_ENTRIES) -> None:
    """Remove the oldest entries (by modification time) beyond `keep`; a file that vanished meanwhile is skipped."""
    entries = []
    for entry in os.scandir(directory):
        if entry.name.endswith(_SUFFIX):
            with contextlib.suppress(OSError):
                entries.append((entry.stat().st_mtime_ns, entry.path))
    entries.sort(reverse=True)
    for _, path in entries[keep:]:
        with contextlib.suppress(OSError):
            os.unlink(path)
