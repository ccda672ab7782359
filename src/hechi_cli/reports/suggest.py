"""'Did you mean ...?' for ids that do not exist."""

from __future__ import annotations

from collections.abc import Iterable


def suggestions(wanted: str, known: Iterable[str], n: int = 3) -> list[str]:
    """The closest known ids, best first."""
    import difflib  # only on this error path

    if not wanted.strip():
        return []
    pool = sorted(set(known))
    close = difflib.get_close_matches(wanted.casefold(), pool, n=n, cutoff=0.6)
    if not close:  # a prefix or a part of an id, as a person types it
        close = [k for k in pool if wanted.casefold() in k][:n]
    return close
