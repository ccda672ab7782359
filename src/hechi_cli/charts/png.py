"""PNG from the chart's SVG, with resvg (the `charts` extra) and the font shipped beside this module.

The font is a subset of Noto Sans CJK SC (SIL Open Font License, OFL.txt beside it) holding the
characters hechi can print (scripts/subset_font.py rebuilds it when the data's characters change).
System fonts are never used, so the same SVG gives the same bytes on every machine, and a
character the font lacks is an error, never a box.
"""

from __future__ import annotations

import os

from hechi_cli.errors import HechiError

FONT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "NotoSansSC-hechi.otf")


class PngError(HechiError):
    """PNG cannot be made here: the extra is missing, or the font lacks a character."""


def png(svg: str, text: str) -> bytes:
    """The PNG of `svg`; `text` is every string drawn, checked against the font first."""
    try:
        import resvg_py
    except ImportError:
        raise PngError("--png needs the charts extra: pip install 'hechi[charts]' (SVG needs nothing)") from None
    missing = sorted(set(text) - _covered())
    if missing:
        shown = "".join(missing[:10])
        raise PngError(f"the chart's font has no glyph for {shown!r}; rebuild it with scripts/subset_font.py")
    data: bytes = resvg_py.svg_to_bytes(
        svg_string=svg, skip_system_fonts=True, font_files=[FONT], font_family="Noto Sans CJK SC", background="#ffffff"
    )
    return data


def _covered() -> set[str]:
    """The characters the shipped font holds (its cmap), read once per run."""
    from fontTools.ttLib import TTFont  # shipped with the extra

    with TTFont(FONT, lazy=True) as font:
        return {chr(c) for c in font.getBestCmap()} | {" ", "\n"}
