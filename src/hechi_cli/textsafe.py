"""Make untrusted strings from data files safe to show on a terminal."""

from __future__ import annotations

import re

# C0 controls (tab and newline too: a cell must stay on its line), DEL, C1
# controls, and the bidi overrides that can reorder what a reader sees.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _escape(m: re.Match[str]) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """Replace control characters with visible escapes such as \\x1b."""
    return _UNSAFE.sub(_escape, text)


def message(text: str) -> str:
    """A message that may span lines (click's usage errors do): line breaks and tabs kept as
    layout, every other control character made visible."""
    return "\n".join(printable(line) for line in text.expandtabs(4).split("\n"))


def lines(text: str) -> list[str]:
    """A cell's lines, each made printable; a newline is a line break, never an escape."""
    return [printable(line) for line in text.split("\n")]
