"""How many terminal cells text takes: the one count that the table layout and the label rules share.

A module of its own, with nothing to compile at import: the rules run it on every load.
"""

from __future__ import annotations


def cell_len(text: str) -> int:
    """Terminal cells a string takes: two for a wide (Chinese, full-width) character, none for a combining mark."""
    if text.isascii():  # no ASCII character is wide or combining: most cells of an English table, no look-ups
        return len(text)
    import unicodedata

    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width
