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


def _is_cjk(ch: str) -> bool:
    return ord(ch) >= 0x2E80 and any(lo <= ord(ch) <= hi for lo, hi in _CJK_RANGES)


def _has_cjk(text: str) -> bool:
    # Comparisons, not a regular expression: compiling a character class this wide costs
    # milliseconds at every start-up, and English tables never need it.
    return any(_is_cjk(ch) for ch in text)


# Chinese is split into pieces by a pattern over one letter per character, not over the characters
# themselves: a pattern with the CJK ranges in it took 7.5 ms to compile, on every Chinese run.
# o/p an opening mark (in/out of the CJK ranges), x/y a closing one, w a Chinese character, a any
# other character but a space, s a space; the letters below stand for the characters of 约, 超过
# and 至少 (a qualifier stays with its number) and of 上半年, 下半年.
_SPECIAL = {"约": "Y", "超": "C", "过": "G", "至": "Z", "少": "S", "上": "U", "下": "D", "半": "B", "年": "N"}
_WORD_KINDS = "wYCGZSUDBN"
_WORD = f"[{_WORD_KINDS}]"  # a Chinese character that is not a mark


def _kind(ch: str) -> str:
    if ch in _OPEN:
        return "o" if _is_cjk(ch) else "p"
    if ch in _CLOSE:
        return "x" if _is_cjk(ch) else "y"
    if _is_cjk(ch):
        return _SPECIAL.get(ch, "w")
    return "s" if ch.isspace() and ch != "\u00a0" else "a"


@lru_cache(maxsize=1)
def _piece() -> re.Pattern[str]:
    numbers = f"(?:Y|CG|ZS)?(?:a+{_WORD}(?:[UD]BN)?)+"  # 2021年10月, 14.03万, 2021年上半年, 约2014年
    return re.compile(f"[op]*(?:{numbers}|[ox]|{_WORD}|a+)[xy]*|[^s]")


def _units(token: str, keep: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The pieces of a token that must not be broken: the token itself, unless it has Chinese in it
    or is a range of dates, which may break after its dash (2021-10– / 2022-07), as in Chinese.
    Chinese never breaks inside a name in `keep` (南丹县, 中国日报网), as a bulletin sets names."""
    if _has_cjk(token):
        return _chinese_units(token, keep)
    dash = token.find("–")
    if 0 < dash < len(token) - 1 and token[dash - 1].isdigit() and token[dash + 1].isdigit():
        return (token[: dash + 1], token[dash + 1 :])
    return (token,)


@lru_cache(maxsize=4096)  # the fitter wraps each cell at many widths: split each token once
def _chinese_units(token: str, keep: frozenset[str]) -> tuple[str, ...]:
    ends = [m.end() for m in _piece().finditer("".join(map(_kind, token)))]
    inside = {i for name in keep for start in _found(token, name) for i in range(start + 1, start + len(name))}
    cuts = [0, *(end for end in ends if end not in inside)]
    if cuts[-1] != len(token):
        cuts.append(len(token))
    return tuple(token[a:b] for a, b in zip(cuts, cuts[1:]))


def _found(text: str, name: str) -> list[int]:
    """Where `name` starts in `text`, every time."""
    at, starts = text.find(name), []
    while at != -1:
        starts.append(at)
        at = text.find(name, at + 1)
    return starts


NBSP = "\u00a0"  # a space that never breaks: "[7]\u00a02020-11-05" stays on one line


def _tokens(text: str) -> list[str]:
    """The words of a text: split at spaces, tabs and newlines, never at a no-break space."""
    return [t.replace("\x00", NBSP) for t in text.replace(NBSP, "\x00").split()]


def widest_word(text: str, cell_len: Callable[[str], int] = cell_len) -> int:
    """The width of the widest piece of the text that must not be broken (a name kept whole is not
    such a piece: it breaks where its column is too narrow for it)."""
    return max((cell_len(u) for token in _tokens(text) for u in _units(token)), default=0)


def _pieces(token: str, width: int, cell_len: Callable[[str], int], keep: frozenset[str]) -> tuple[str, ...]:
    # A token with no Chinese in it (a word, a number, a URL) stays whole where it fits; Chinese
    # flows on from the end of the line, as a Chinese paragraph does, rather than start a new one.
    if cell_len(token) <= width and not _has_cjk(token):
        return (token,)
    units = _units(token, keep)
    if keep and any(cell_len(u) > width for u in units):  # a name wider than its column breaks as before
        return tuple(p for u in units for p in (_units(u) if cell_len(u) > width else (u,)))
    return units


def wrap(
    text: str,
    width: int,
    indent: str = "",
    cell_len: Callable[[str], int] = cell_len,
    keep: frozenset[str] = frozenset(),
) -> list[str]:
    """Lines no wider than `width`, broken only between words (or Chinese characters, never inside a
    name in `keep`); a word wider than a line, such as a URL, gets a line of its own, whole. Later
    lines start with `indent`."""
    lines: list[list[tuple[str, str]]] = []  # each line as (separator, piece) pairs, to mend a widow
    parts: list[tuple[str, str]] = []
    line = ""
    inside = False  # whether the last break fell inside a run of Chinese (no space lost there)
    for token in _tokens(text):
        for i, piece in enumerate(_pieces(token, width - cell_len(indent), cell_len, keep)):
            sep = " " if i == 0 and line.strip() else ""
            if line.strip() and cell_len(line + sep + piece) > width:
                lines.append(parts)
                parts, line, inside = [(indent, piece)], indent + piece, not sep
            else:
                parts.append((sep, piece))
                line = line + sep + piece
    if line.strip():
        lines.append(parts)
    if inside:
        _mend_widow(lines, width, cell_len)
    return [_text(x).replace(NBSP, " ") for x in lines]  # the no-break space has done its work: never written


def _text(line: list[tuple[str, str]]) -> str:
    return "".join(sep + piece for sep, piece in line)


def _mend_widow(lines: list[list[tuple[str, str]]], width: int, cell_len: Callable[[str], int]) -> None:
    """A paragraph of Chinese does not end on a line of one character (报 / 告): the character before
    it comes down too, where the line above keeps something and both came from one run of Chinese."""
    if len(lines) < 2 or len(lines[-1]) != 1 or len(lines[-2]) < 2:
        return
    (indent, last), (sep, before) = lines[-1][0], lines[-2][-1]
    word = last.rstrip(_CLOSE)
    if sep or len(word) != 1 or _kind(word) not in _WORD_KINDS or not _has_cjk(before[-1:]):
        return
    if cell_len(indent + before + last) <= width:
        lines[-2] = lines[-2][:-1]
        lines[-1] = [(indent, before + last)]
