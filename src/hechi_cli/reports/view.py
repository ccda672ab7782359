"""How a person wants to read a report: language and area unit. Used by the human columns only;
JSON and CSV rows never change with these options."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from hechi_cli.dataset.areas import convert
from hechi_cli.messages import tr
from hechi_cli.reports import humanize as h

if TYPE_CHECKING:
    from hechi_cli.reports.reason import Late

# After a Chinese name of our own translation, in tables. Not '#': in a statistical yearbook '#'
# marks an "of which" item (其中项); '※', a reference mark, sends the reader to the legend.
OWN_MARK = "※"


class Style(NamedTuple):
    """How a column writes its numbers, so that every row of it looks alike (View.column_style)."""

    places: int = 0  # decimals of a converted area: 2 for all when any needs them
    wan: bool = True  # Chinese: 万 and 亿 (only where every value of the column can be so written)


NO_STYLE = Style()


class Options(NamedTuple):
    lang: str = "en"
    area_unit: str | None = None  # None: areas as reported
    ascii: bool = False  # the terminal cannot show block characters: draw bars with '#'
    ids: bool = False  # `--ids`: a row's record id in place of its label
    notes: bool = False  # `--notes`: the notes kept back under a table (method, related figures)
    long: bool = False  # `--long`: `sources` with titles and addresses
    every: bool = False  # `--all`: a list that shows a digest shows every record instead
    marks: bool = True  # key notes to rows with a mark (¹ ²); JSON's notes carry none


DEFAULT = Options()


class View:
    """Picks names and headers by language and converts areas for the human columns."""

    def __init__(self, opts: Options, keep: frozenset[str] = frozenset()) -> None:
        self.opts = opts
        self.keep = keep  # Chinese names a table never breaks across lines (Dataset.proper_names_zh)
        self.lang = opts.lang
        self.area_unit = opts.area_unit
        self.ids, self.all_notes, self.long, self.marks = opts.ids, opts.notes, opts.long, opts.marks
        self.every = opts.every
        self.bar_char = "#" if opts.ascii else "█"
        # eighths of a cell, for bars finer than a whole cell; none where only ASCII can be shown
        self.bar_parts = " " * 8 if opts.ascii else " ▏▎▍▌▋▊▉"

    def t(self, msgid: str, **fields: object) -> str:
        """A message from the catalogue (hechi_cli.messages) in this view's language."""
        return tr(self.lang, msgid, **fields)

    def whole(self) -> View:
        """This view with nothing kept back (`--long`, `--notes`, `--all`): a report to publish has room for all."""
        return View(self.opts._replace(long=True, notes=True, every=True), self.keep)

    def mark(self, n: int) -> str:
        """The mark that keys a note to its row: ¹, or (1) where only ASCII can be shown; none in JSON."""
        if not self.marks:
            return ""
        if self.lang == "zh" and n <= 20:  # a bulletin's 注：① ②
            return chr(0x2460 + n - 1)
        return f"({n})" if self.bar_char == "#" or n > 9 else "⁰¹²³⁴⁵⁶⁷⁸⁹"[n]

    def marked(self, mark: str, text: str) -> str:
        """A note with its mark in front, where it has one."""
        return f"{mark} {text}" if mark else text

    def say(self, late: Late) -> str:
        """A sentence or value kept late by a builder (reports.reason), in this view's language."""
        return late.shown(self)

    def header(self, en: str) -> str:
        """A column header; a method of its own so the catalogue test finds every header."""
        return tr(self.lang, en)

    def join(self, items: list[str]) -> str:
        """A list in a sentence: 'a, b, c' or 'a、b、c'."""
        return ("、" if self.lang == "zh" else ", ").join(items)

    def name(self, row: dict[str, Any], key: str = "name") -> str:
        """The Chinese name where the dataset has one and --lang zh asks for it; else English."""
        zh = row.get(f"{key}_zh")
        return str(zh) if self.lang == "zh" and zh else str(row.get(key) or "")

    def short(self, row: dict[str, Any], key: str = "label") -> str:
        """A record's row label: its short label where it has one, Chinese first under --lang zh."""
        keys = ("short_zh", f"{key}_zh", "short", key) if self.lang == "zh" else ("short", key)
        found = next((k for k in keys if row.get(k)), None)
        if found is None:
            return ""
        # A Chinese name that no page gives is marked as ours, so a reader never takes it for the
        # source's; the table's notes explain the mark (rows.own_names).
        ours = found.endswith("_zh") and row.get("zh_note")
        return str(row[found]) + (OWN_MARK if ours else "")

    def parts(
        self, value: Any, unit: str | None, style: Style = NO_STYLE, unit_zh: str | None = None
    ) -> tuple[str, str]:
        """(digits, unit) for a table's Value and Unit columns, areas in the chosen unit; in Chinese,
        numbers in the yearbook's 万 and 亿 where that is exact, and Chinese units. `style` is the
        column's: one number form for every row of a column (Style, column_style). `unit_zh` is the
        record's own Chinese unit (只 for sheep), which Chinese takes over the unit's usual word."""
        if value is None:
            return "", ""
        converted = convert(value, unit, self.area_unit)
        places = None if converted is None else max(converted.places, style.places)
        if self.lang == "zh" and unit == "percent_change":  # a bulletin writes no plus sign: 增长28.12%
            return h.number(value), "%"
        if self.lang == "zh":
            shown, shown_unit = (value, unit) if converted is None else (converted.value, converted.unit)
            digits = (h.number_zh(shown) if style.wan else h.number(shown)) if not places else h.number(shown, places)
            if converted is None and unit_zh:
                return digits, unit_zh
            return digits, h.UNITS_ZH.get(shown_unit or "", h.unit_word(shown_unit))
        if converted is None:
            return h.number_part(value, unit), h.unit_word(unit)
        return h.number_part(converted.value, converted.unit, places), h.unit_word(converted.unit)

    def column_style(self, amounts: list[tuple[Any, str | None]]) -> Style:
        """One number form for a column of (value, unit): two decimals for all when any converted
        area needs them; under zh, 万 and 亿 only when every value can be written so."""
        places, wan = 0, self.lang == "zh"
        for value, unit in amounts:
            if value is None:
                continue
            converted = convert(value, unit, self.area_unit)
            places = max(places, converted.places if converted else 0)
            shown = converted.value if converted else value
            if unit == "percent_change" or not h.number_zh(shown).endswith(("万", "亿")):
                wan = False
        return Style(places, wan)

    def period(self, text: str | None) -> str:
        """A period as readers of the language write it: '2002 to 2020' or '2002—2020年'."""
        if text is None:
            return ""
        if self.lang == "zh":
            return h.period_zh(text)
        # An en dash between the ends of a range, where the terminal can show one.
        return h.period(text).replace("–", " to ") if self.bar_char == "#" else h.period(text)

    def qualifier(self, qualifier: str | None) -> str:
        """'more than' or 超过; nothing for an exact figure."""
        if self.lang == "zh":
            return h.QUALIFIERS_ZH.get(qualifier or "exact", "")
        return h.qualifier_words(qualifier)

    def amount(self, value: Any, unit: str | None, qualifier: str | None = "exact", unit_zh: str | None = None) -> str:
        """An amount in words, areas in the chosen unit; the qualifier carries through."""
        if value is None:
            return ""
        converted = convert(value, unit, self.area_unit)
        if self.lang == "zh":
            digits, word = self.parts(value, unit, unit_zh=unit_zh)
            return f"{self.qualifier(qualifier)}{digits}{word}"
        if converted is None:
            return h.amount(value, unit, qualifier)
        return h.amount(converted.value, converted.unit, qualifier, places=converted.places)

    def in_unit(self, value: float, unit: str, places: int) -> str:
        """An amount in this very unit, never converted (show's '= 66,666.67 ha' beside a goal in mu)."""
        if self.lang == "zh":
            digits = h.number_zh(value) if places == 0 else h.number(value, places)
            return digits + h.UNITS_ZH.get(unit, h.unit_word(unit))
        return h.amount(value, unit, places=places)

    def percent(self, value: float | None, qualifier: str | None = "exact") -> str:
        """'94.4%', 'more than 94.4%' or 超过94.4%."""
        if value is None:
            return ""
        return f"{self.qualifier(qualifier)}{value:.1f}%" if self.lang == "zh" else h.percent(value, qualifier)


ENGLISH = View(DEFAULT._replace(marks=False, every=True))
"""The view that JSON's notes are written in: they never change with the language."""
