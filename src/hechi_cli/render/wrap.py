"""Word wrapping by terminal cells: words stay whole, Chinese may break between characters.

rich folds a word that is wider than its column, which breaks "Resettlement"
into "Resettleme|nt"; the table renderer therefore gives every column at least
the width of its widest word (`widest_word`), and notes are wrapped here.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

from hechi_cli.cells import cell_len

# Chinese may break between any two characters, as Chinese typesetting does, except that a
# line never starts with a closing mark (，。）) nor ends with an opening one (（“), a date or an
# amount stays whole (2021年10月, 14.03万, 2021年上半年), and a range breaks after its dash.
_CJK_RANGES = ((0x2E80, 0x9FFF), (0xF900, 0xFAFF), (0xFF00, 0xFFEF), (0x3000, 0x303F))
_OPEN = "（“《〈【「‘"
_CLOSE = "）”》〉】」’，。；：、！？—※"  # and the mark of a name of ours (View.short)


def _has_cjk(text: str) -> bool:
    # Comparisons, not a regular expression: compiling a character class this wide costs
    # milliseconds at every start-up, and English tables never need it.
    return any(ord(ch) >= 0x2E80 and any(lo <= ord(ch) <= hi for lo, hi in _CJK_RANGES) for ch in text)


@lru_cache(maxsize=1)
def _piece() -> re.Pattern[str]:
    cjk = "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in _CJK_RANGES)
    other = f"(?:[^\\s{cjk}{_OPEN}{_CLOSE}]|\u00a0)+"  # a run of digits or Latin letters (a no-break space holds)
    word = f"(?![{_OPEN}{_CLOSE}])[{cjk}]"  # a Chinese character that is not a mark
    # 2021年10月, 14.03万, 2021年上半年; a qualifier stays with its number (约2014年, 超过4万)
    numbers = f"(?:约|超过|至少)?(?:{other}{word}(?:[上下]半年)?)+"
    return re.compile(f"[{_OPEN}]*(?:{numbers}|[{cjk}]|{other})[{_CLOSE}]*|\\S")


def _units(token: str) -> list[str]:
    """The pieces of a token that must not be broken: the token itself, unless it has Chinese in it
    or is a range of dates, which may break after its dash (2021-10– / 2022-07), as in Chinese."""
    if _has_cjk(token):
        return _piece().findall(token)
    dash = token.find("–")
    if 0 < dash < len(token) - 1 and token[dash - 1].isdigit() and token[dash + 1].isdigit():
        return [token[: dash + 1], token[dash + 1 :]]
    return [token]


NBSP = "\u00a0"  # a space that never breaks: "[7]\u00a02020-11-05" stays on one line


def _tokens(text: str) -> list[str]:
    """The words of a text: split at spaces, tabs and newlines, never at a no-break space."""
    return [t.replace("\x00", NBSP) for t in text.replace(NBSP, "\x00").split()]


def widest_word(text: str, cell_len: Callable[[str], int] = cell_len) -> int:
    """The width of the widest piece of the text that must not be broken."""
    return max((cell_len(u) for token in _tokens(text) for u in _units(token)), default=0)


def _pieces(token: str, width: int, cell_len: Callable[[str], int]) -> list[str]:
    # A token with no Chinese in it (a word, a number, a URL) stays whole where it fits; Chinese
    # flows on from the end of the line, as a Chinese paragraph does, rather than start a new one.
    if cell_len(token) <= width and not _has_cjk(token):
        return [token]
    return _units(token)


def wrap(text: str, width: int, indent: str = "", cell_len: Callable[[str], int] = cell_len) -> list[str]:
    """Lines no wider than `width`, broken only between words (or Chinese characters); a word wider
    than a line, such as a URL, gets a line of its own, whole. Later lines start with `indent`."""
    lines: list[str] = []
    line = ""
    for token in _tokens(text):
        for i, piece in enumerate(_pieces(token, width - cell_len(indent), cell_len)):
            sep = " " if i == 0 and line.strip() else ""
            if line.strip() and cell_len(line + sep + piece) > width:
                lines.append(line)
                line = indent + piece
            else:
                line = line + sep + piece
    if line.strip():
        lines.append(line)
    return [x.replace(NBSP, " ") for x in lines]  # the no-break space has done its work: never written
