"""A cache of checked data files, so a run need not parse TOML or check the rules again.

Safety, in order of importance:
- Never stale: an entry holds the file's exact bytes and is used only when they
  equal the bytes just read. Its name comes from the path, size and mtime, and
  the entry also records hechi's and Python's versions (marshal's format is
  Python's own) and when hechi's data code last changed (an edited checkout keeps
  its version number); any mismatch is a miss.
- Only what hechi wrote: an entry is sealed with a keyed hash (BLAKE2b) under a
  random key kept in the cache directory, readable by its owner only. An entry
  whose seal does not match, or any entry when the key is missing, not a regular
  file, or open to other users, is a miss. hechi writes an entry only after every
  rule passed on those bytes, so a sealed entry is built without checking the
  rules again (about 6 ms, the largest cost of a run after importing click).
- Never in the way: a missing, read-only or full cache directory, or a corrupt
  entry, is a miss; writing never fails a command. HECHI_NO_CACHE=1 turns it off.
- Bounded: it keeps at most MAX_ENTRIES entries, none larger than MAX_ENTRY_BYTES
  (so at most 384 MiB, and a few MB in practice); each write removes the oldest
  beyond that (a hit writes nothing, so the hot path pays nothing for this).
- Never blocking: an entry or key that is a FIFO or device is refused unread.

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
from typing import Any

from hechi_cli import __version__
from hechi_cli.dataset.read import open_regular, read_regular

try:  # hashlib's own BLAKE2b, without the 10 ms hashlib spends importing OpenSSL
    from _blake2 import blake2b
except ImportError:  # pragma: no cover (not CPython)
    from hashlib import blake2b

MAX_ENTRIES = 16  # each holds a file's bytes and its parsed form: about 0.3 MB for the bundled dataset
MAX_ENTRY_BYTES = 24 * 2**20  # an entry is at most this large: a larger file is parsed each time, not cached
KEY_BYTES = 32
_KEY = "key"  # the sealing key's file name in the cache directory
_SUFFIX = ".marshal"
_DATES = {"datetime": datetime.fromisoformat, "date": date.fromisoformat, "time": time.fromisoformat}


def _version() -> str:
    """hechi's and Python's versions, and the newest change to the code that checks and builds a document."""
    here = os.path.dirname(os.path.abspath(__file__))
    code = [e.path for e in os.scandir(here) if e.name.endswith(".py")]
    code.append(os.path.join(os.path.dirname(here), "cells.py"))  # the rules measure labels with it
    stamp = max(os.stat(p).st_mtime_ns for p in code)
    # marshal's format is Python's own, so the Python version is part of the key.
    python = f"{sys.version_info[0]}.{sys.version_info[1]}"
    return f"hechi {__version__} code {stamp} python {python} marshal {marshal.version}"


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


def _entry_path(directory: str, path: str, version: str) -> str:
    info = os.stat(path)
    key = f"{os.path.abspath(path)}\x00{info.st_size}\x00{info.st_mtime_ns}\x00{version}"
    return os.path.join(directory, f"{_fnv1a(key):016x}{_SUFFIX}")


def _private(info: os.stat_result) -> bool:
    """Owned by this user and closed to everyone else (Windows: the profile's own ACLs decide)."""
    if not hasattr(os, "geteuid"):
        return True
    return info.st_uid == os.geteuid() and info.st_mode & 0o077 == 0


def _key(directory: str) -> bytes | None:
    """The sealing key, or None when there is none this user alone could have written."""
    try:
        fd, info = open_regular(os.path.join(directory, _KEY))
        try:
            key = os.read(fd, KEY_BYTES + 1) if _private(info) else b""
        finally:
            os.close(fd)
    except OSError:
        return None
    return key if len(key) == KEY_BYTES else None


def _write_new(path: str, data: bytes) -> None:
    """Write a file that did not exist, private to this user (never through a link left in its place)."""
    fd, _ = open_regular(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(data)


def _new_key(directory: str) -> bytes:
    """A fresh random key, written whole under a temporary name and moved into place."""
    key = os.urandom(KEY_BYTES)
    tmp = os.path.join(directory, f"{_KEY}.{os.getpid()}.tmp")
    try:
        _write_new(tmp, key)
        os.replace(tmp, os.path.join(directory, _KEY))  # a racing writer's key wins or loses whole
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
    return key


def _seal(key: bytes, payload: bytes) -> bytes:
    return blake2b(payload, key=key, person=b"hechi-cache").digest()


def _without_dates(value: Any, path: tuple[str | int, ...], found: list[tuple[tuple[str | int, ...], str]]) -> Any:
    """The document with each TOML date or time as its ISO text (marshal holds neither), noting where it was."""
    if isinstance(value, dict):
        return {k: _without_dates(v, (*path, k), found) for k, v in value.items()}
    if isinstance(value, list):
        return [_without_dates(v, (*path, i), found) for i, v in enumerate(value)]
    for kind in (datetime, date, time):  # datetime first: it is also a date
        if isinstance(value, kind):
            found.append((path, kind.__name__))
            return value.isoformat()
    return value


def _put_dates(doc: Any, dates: list[tuple[tuple[str | int, ...], str]]) -> None:
    """Turn the noted ISO texts back into dates and times, in place: a few values, not a walk of the document."""
    for path, kind in dates:
        parent = doc
        for part in path[:-1]:
            parent = parent[part]
        parent[path[-1]] = _DATES[kind](parent[path[-1]])


def get(path: str, raw: bytes) -> dict[str, Any] | None:
    """The checked document of these exact bytes, as hechi wrote it; else None."""
    directory = cache_dir()
    if directory is None:
        return None
    try:
        key = _key(directory)
        if key is None:
            return None
        version = _version()
        entry = _entry_path(directory, path, version)
        # A regular file of bounded size only: a FIFO in its place would block for ever.
        seal, payload = marshal.loads(read_regular(entry, MAX_ENTRY_BYTES))
        if seal != _seal(key, payload):  # a 64-byte memcmp: no timing oracle worth hmac's 6 ms import
            return None
        written, source, doc, dates = marshal.loads(payload)
        if written != version or source != raw or not isinstance(doc, dict):
            return None
        _put_dates(doc, dates)
        return doc
    except Exception:  # a missing, unreadable or corrupt entry is a miss, whatever the error
        return None


def put(path: str, raw: bytes, doc: dict[str, Any]) -> None:
    """Store a document that passed every rule, sealed; any failure is ignored (the cache is optional).

    Whatever is stored here is built without checking the rules again.
    """
    directory = cache_dir()
    if directory is None or len(raw) > MAX_ENTRY_BYTES // 3:  # bytes, parsed form and more: bounded
        return
    tmp = None
    try:
        version = _version()
        entry = _entry_path(directory, path, version)
        os.makedirs(directory, mode=0o700, exist_ok=True)
        key = _key(directory) or _new_key(directory)
        dates: list[tuple[tuple[str | int, ...], str]] = []
        payload = marshal.dumps((version, raw, _without_dates(doc, (), dates), dates))
        tmp = f"{entry}.{os.getpid()}.tmp"
        _write_new(tmp, marshal.dumps((_seal(key, payload), payload)))
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
