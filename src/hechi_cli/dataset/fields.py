"""The input schema: every key of every table of a data file, its kind, and what it refers to.

The rules (rules.py) and the builder (build.py) both read this one table, so
a new key is added here and in model.py, nowhere else.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Callable, NamedTuple

Kind = Callable[[Any], bool]


def is_str(v: Any) -> bool:
    return isinstance(v, str)


def is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def is_number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def is_bool(v: Any) -> bool:
    return isinstance(v, bool)


def is_date_or_str(v: Any) -> bool:
    return isinstance(v, str) or (isinstance(v, date) and not isinstance(v, datetime))


def is_str_list(v: Any) -> bool:
    return isinstance(v, list) and all(isinstance(x, str) for x in v)


KIND_NAMES: dict[Kind, str] = {
    is_str: "a string",
    is_int: "a whole number",
    is_number: "a number",
    is_bool: "true or false",
    is_date_or_str: "a date or a string",
    is_str_list: "a list of strings",
}


class Field(NamedTuple):
    kind: Kind
    required: bool = False
    refers_to: str | None = None  # 'source', 'scope' ('city' or a county), 'county', 'site' or 'measure'


TEXT = Field(is_str, required=True)
OPTIONAL_TEXT = Field(is_str)
DATE = Field(is_date_or_str, required=True)
SOURCE = Field(is_str, required=True, refers_to="source")
SCOPE = Field(is_str, required=True, refers_to="scope")

# array of tables -> key -> Field
ARRAYS: dict[str, dict[str, Field]] = {
    "sources": {
        "id": TEXT,
        "title": TEXT,
        "publisher": TEXT,
        "date": DATE,
        "url": TEXT,
        "grade": TEXT,
        "note": OPTIONAL_TEXT,
        "publisher_short": OPTIONAL_TEXT,
        "publisher_zh": OPTIONAL_TEXT,
        "note_zh": OPTIONAL_TEXT,
    },
    "counties": {
        "id": TEXT,
        "name": TEXT,
        "name_zh": OPTIONAL_TEXT,
        "kind": TEXT,
        "source": SOURCE,
        "note": OPTIONAL_TEXT,
        "note_zh": OPTIONAL_TEXT,
        "zh_note": OPTIONAL_TEXT,
    },
    "industries": {
        "id": TEXT,
        "name": TEXT,
        "short": OPTIONAL_TEXT,
        "name_zh": OPTIONAL_TEXT,
        "short_zh": OPTIONAL_TEXT,
        "zh_note": OPTIONAL_TEXT,
        "target": Field(is_number),
        "unit": OPTIONAL_TEXT,
        "unit_zh": OPTIONAL_TEXT,
        "kind": OPTIONAL_TEXT,
        "measure": Field(is_str, refers_to="measure"),
        "related": Field(is_str_list, refers_to="measure"),
        "major": Field(is_bool, required=True),
        "source": SOURCE,
        "note": OPTIONAL_TEXT,
        "note_zh": OPTIONAL_TEXT,
    },
    "figures": {
        "id": TEXT,
        "measure": TEXT,
        "label": TEXT,
        "short": OPTIONAL_TEXT,
        "label_zh": OPTIONAL_TEXT,
        "short_zh": OPTIONAL_TEXT,
        "zh_note": OPTIONAL_TEXT,
        "topic": TEXT,
        "kind": OPTIONAL_TEXT,
        "value": Field(is_number, required=True),
        "unit": TEXT,
        "unit_zh": OPTIONAL_TEXT,  # how Chinese statistics count it where the unit's word is not right: 只
        "qualifier": TEXT,
        "period": DATE,
        "scope": SCOPE,
        "source": SOURCE,
        "note": OPTIONAL_TEXT,
        "note_zh": OPTIONAL_TEXT,
        "site": Field(is_str, refers_to="site"),
        "items": Field(is_str_list),
        "items_zh": Field(is_str_list),
        "headline": Field(is_bool),
    },
    "sites": {
        "id": TEXT,
        "name": TEXT,
        "county": Field(is_str, required=True, refers_to="county"),
        "source": SOURCE,
        "note": OPTIONAL_TEXT,
        "note_zh": OPTIONAL_TEXT,
        "name_zh": OPTIONAL_TEXT,
        "zh_note": OPTIONAL_TEXT,
    },
    "rankings": {
        "id": TEXT,
        "kind": TEXT,
        "name": TEXT,
        "short": OPTIONAL_TEXT,
        "name_zh": OPTIONAL_TEXT,
        "short_zh": OPTIONAL_TEXT,
        "zh_note": OPTIONAL_TEXT,
        "rank": Field(is_int),
        "among": OPTIONAL_TEXT,
        "period": DATE,
        "scope": SCOPE,
        "source": SOURCE,
        "streak": Field(is_str, refers_to="measure"),
        "note": OPTIONAL_TEXT,
        "note_zh": OPTIONAL_TEXT,
        "among_zh": OPTIONAL_TEXT,
    },
    # A series' own name, where its figures' labels differ (a county's, a page's wording):
    # `series` and `show MEASURE` use it instead of the latest figure's label.
    "measures": {
        "measure": Field(is_str, required=True, refers_to="measure"),
        "name": TEXT,
        "name_zh": OPTIONAL_TEXT,
        "zh_note": OPTIONAL_TEXT,
    },
}
REQUIRED_ARRAYS = ("sources", "industries", "figures")

# single tables -> key -> Field
TABLES: dict[str, dict[str, Field]] = {
    "dataset": {"title": TEXT, "compiled": Field(is_date_or_str)},
    "programme": {
        "name": TEXT,
        "name_zh": OPTIONAL_TEXT,
        "name_zh_note": OPTIONAL_TEXT,
        "name_zh_source": Field(is_str, refers_to="source"),
        "period": Field(is_date_or_str),
        "period_source": Field(is_str, refers_to="source"),
        "period_note": OPTIONAL_TEXT,
        "source": SOURCE,
        "claimed_achieved": Field(is_bool, required=True),
        "claim_note": OPTIONAL_TEXT,
    },
}
TOP_KEYS = {"schema_version", *TABLES, *ARRAYS}

SHORT_WIDTH = 28  # terminal columns a table's row label may take; a longer label needs `short`
# table -> (its label, its Chinese label): the labels that a `short` / `short_zh` stands for in tables
LABELS = {"figures": ("label", "label_zh"), "industries": ("name", "name_zh"), "rankings": ("name", "name_zh")}
# The Chinese name of each kind of record that has one; a missing one is a warning.
CHINESE_NAMES = {
    "counties": "name_zh",
    "industries": "name_zh",
    "figures": "label_zh",
    "rankings": "name_zh",
    "sites": "name_zh",
}
