"""PNG from the chart's SVG, with resvg (the `charts` extra) and the font shipped beside this module.

The font is a subset of Noto Sans CJK SC (SIL Open Font License, OFL.txt beside it) holding the
characters hechi can print (scripts/subset_font.py rebuilds it when the data's characters change).
System fonts are never used, so the same SVG gives the same bytes on every machine, and a
character the font lacks is an error, never a box.
"""

from __future__ import annotations

import os

from hechi_cli.errors import HechiError, error
from hechi_cli.messages import N_, tr

FONT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "NotoSansSC-hechi.otf")
CHARS = os.path.splitext(FONT)[0] + ".chars"  # the characters FONT holds, one file of text


class PngError(HechiError):
    """PNG cannot be made here: the extra is missing, or the font lacks a character (exit 1)."""

    def __init__(self, message: str, **fields: str) -> None:
        super().__init__(message)
        self.message, self.fields = message, fields

    def lines(self, lang: str) -> list[str]:
        return [error(lang, tr(lang, self.message, **_printable_fields(self.fields)))]


def _printable_fields(fields: dict[str, str]) -> dict[str, str]:
    from hechi_cli.textsafe import printable

    return {k: printable(v) for k, v in fields.items()}


def png(svg: str, text: str) -> bytes:
    """The PNG of `svg`; `text` is every string drawn, checked against the font first."""
    try:
        import resvg_py
    except ImportError:
        raise PngError(
            N_("--png needs the charts extra, on Python 3.10 or later: pip install 'hechi[charts]' (SVG needs nothing)")
        ) from None
    missing = sorted(set(text) - covered())
    if missing:
        raise PngError(
            N_("the chart's font lacks {chars}: rebuild it with scripts/subset_font.py, or write SVG"),
            chars="".join(missing[:10]),
        )
    data: bytes = resvg_py.svg_to_bytes(
        svg_string=svg, skip_system_fonts=True, font_files=[FONT], font_family="Noto Sans CJK SC", background="#ffffff"
    )
    return data


def covered() -> set[str]:
    """The characters the shipped font holds: its cmap, listed beside it by scripts/subset_font.py
    (reading the cmap with fontTools here cost a third of a PNG's run; a test keeps the two equal)."""
    with open(CHARS, encoding="utf-8") as f:
        return set(f.read()) | {" ", "\n"}
