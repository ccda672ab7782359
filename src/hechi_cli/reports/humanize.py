"""Numbers, amounts and periods as people read them. Pure functions."""

from __future__ import annotations

import re
from typing import Any

from hechi_cli.dataset.vocab import QUALIFIERS

UNIT_WORDS = {"percent": "%", "percent_change": "%", "km2": "km²", "acre": "acres"}


def number(value: float | int, places: int | None = None) -> str:
    """Thousands separators; floats keep their digits unless `places` is given."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int):
        return f"{value:,}"
    if places is not None:
        return f"{value:,.{places}f}"
    if value.is_integer():
        return f"{int(value):,}"
    whole, _, frac = repr(value).partition(".")
    if "e" in frac or "e" in whole:  # very large or small floats: leave as written
        return repr(value)
    return f"{int(whole):,}.{frac}" if whole not in ("-0",) else f"-0.{frac}"


def _yuan(value: float | int) -> str:
    """11590000000 -> '11.59 bn'; only when the shorter form is exact."""
    if isinstance(value, int) and value >= 10**6:
        for size, word in ((10**9, "bn"), (10**6, "mn")):
            whole, rest = divmod(value, size)
            digits = f"{rest:0{len(str(size)) - 1}d}".rstrip("0")
            if whole and len(digits) <= 3:
                return f"{whole:,}{'.' + digits if digits else ''} {word}"
    return number(value)


def qualifier_words(qualifier: str | None) -> str:
    return QUALIFIERS.get(qualifier or "exact", qualifier or "")


def number_part(value: Any, unit: str | None, places: int | None = None) -> str:
    """The digits of an amount, as its own table cell: '40,000', '11,590,000,000', '+28.12'. Every
    digit, as a yearbook sets a value column: 'bn' would be a second unit beside the Unit column."""
    if value is None:
        return ""
    shown = number(value, places)
    return ("+" if unit == "percent_change" and value > 0 else "") + shown


def unit_word(unit: str | None) -> str:
    """A unit as a reader writes it: 'mu', '%', 'km²'."""
    return UNIT_WORDS.get(unit or "", unit or "")


def amount(value: Any, unit: str | None, qualifier: str | None = "exact", places: int | None = None) -> str:
    """'more than 40,000 sets', '3.56 bn yuan', '31.23%'."""
    if value is None:
        return ""
    shown = _yuan(value) if unit == "yuan" and places is None else number(value, places)
    sign = "+" if unit == "percent_change" and value > 0 else ""
    u = UNIT_WORDS.get(unit or "", unit or "")
    text = f"{sign}{shown}{u}" if u == "%" else f"{shown} {u}".rstrip()
    words = qualifier_words(qualifier)
    return f"{words} {text}" if words else text


def period(text: str | None) -> str:
    """'2002/2020' -> '2002–2020', '~2014' -> 'c. 2014', 'unknown' -> 'date unknown'."""
    if text is None:
        return ""
    if text == "unknown":
        return "date unknown"
    approx = text.startswith("~")
    body = text[1:] if approx else text
    body = "–".join(body.split("/"))  # an en dash, as style guides set a range
    return f"c. {body}" if approx else body


def percent(value: float | None, qualifier: str | None = "exact") -> str:
    if value is None:
        return ""
    words = qualifier_words(qualifier)
    return f"{words} {value:.1f}%" if words else f"{value:.1f}%"


# ---------------------------------------------------------------- Chinese, as Chinese statistical publications write it

UNITS_ZH = {
    "mu": "亩", "ha": "公顷", "km2": "平方公里", "t": "吨", "yuan": "元", "percent": "%", "percent_change": "%",
    "years": "年", "head": "头", "people": "人", "households": "户", "sets": "套", "projects": "个项目",
    "sites": "个", "farms": "个", "zones": "个", "events": "场", "positions": "个岗位", "bases": "个",
    "groups": "个", "categories": "类", "counties": "个县", "towns": "个乡镇", "villages": "个村", "houses": "户",
    "enterprises": "家", "cages": "个", "pieces": "件",
}  # fmt: skip
QUALIFIERS_ZH = {"exact": "", "more_than": "超过", "about": "约", "at_least": "至少"}


def period_zh(text: str) -> str:
    """'2002/2020' -> '2002—2020年', '2021-H1' -> '2021年上半年', '~2014' -> '约2014年',
    '2022-10-12' -> '2022年10月12日', as Chinese statistical publications write them."""
    if text == "unknown":
        return "日期不详"
    approx, body = text.startswith("~"), text.lstrip("~")
    if re.fullmatch(r"\d{4}/\d{4}", body):
        shown = body.replace("/", "—") + "年"
    else:
        shown = "—".join(_date_zh(p) for p in body.split("/"))
    return f"约{shown}" if approx else shown


def _date_zh(part: str) -> str:
    m = re.match(r"^(\d{4})(?:-(H[12]|\d{2})(?:-(\d{2}))?)?$", part)
    if not m:
        return part
    year, mid, day = m.groups()
    if mid in ("H1", "H2"):
        return f"{year}年{'上' if mid == 'H1' else '下'}半年"
    if mid is None:
        return f"{year}年"
    return f"{year}年{int(mid)}月" + (f"{int(day)}日" if day else "")


def number_zh(value: float | int) -> str:
    """260万, 94.42万, 115.9亿: the yearbook's form where it is exact to two decimals; else every digit."""
    if isinstance(value, bool) or not float(value).is_integer() or abs(value) < 10000:
        return number(value)
    whole = int(value)
    for size, word in ((10**8, "亿"), (10**4, "万")):
        if abs(whole) >= size and (whole * 100) % size == 0:
            return f"{whole / size:,.2f}".rstrip("0").rstrip(".") + word
    return number(whole)
