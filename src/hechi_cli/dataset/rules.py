"""Every validation rule, each a small function over a parsed document, run in the order of RULES.

The rules on names, labels and wording are in wording.py; what every rule reads is in context.py.

`validate` and every command run the same list. A rule yields Problems; an
"error" stops every command, a "warning" (something incomplete) only shows in
`validate`. Rules read the key table in fields.py, so a key's kind and what it
refers to are declared once.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from typing import Any, Callable

from hechi_cli.dataset.context import Context, Doc, Path, as_period, context, records, strings
from hechi_cli.dataset.fields import (
    ARRAYS,
    KIND_NAMES,
    REQUIRED_ARRAYS,
    TABLES,
    TOP_KEYS,
    Field,
    is_date_or_str,
    is_int,
    is_number,
)
from hechi_cli.dataset.periods import Period
from hechi_cli.dataset.problems import Problem
from hechi_cli.dataset.vocab import (
    FIGURE_KINDS,
    GRADES,
    NON_NEGATIVE,
    QUALIFIERS,
    RANKING_KINDS,
    SCHEMA_VERSION,
    TOPICS,
    UNITS,
)
from hechi_cli.dataset.wording import (
    aims_are_expectations,
    chinese_names,
    distinct_chinese_names,
    safe_text,
    short_labels,
    unused_sources,
)

# ---------------------------------------------------------------- shape: keys, tables, kinds

_ID = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")
_URL = re.compile(r"^https?://\S+$")


def schema_version(ctx: Context) -> Iterator[Problem]:
    if "schema_version" not in ctx.doc:
        yield Problem("missing-key", ("schema_version",), "required key is missing")
        return
    version = ctx.doc["schema_version"]
    if not is_int(version) or version != SCHEMA_VERSION:
        yield Problem(
            "bad-schema-version", ("schema_version",), f"this hechi reads schema_version {SCHEMA_VERSION}", version
        )


def top_level(ctx: Context) -> Iterator[Problem]:
    doc = ctx.doc
    for key in doc:
        if key not in TOP_KEYS:
            yield Problem("unknown-key", (key,), "not a top-level key of a hechi data file")
    for name, spec in TABLES.items():
        if name not in doc:
            yield Problem("missing-key", (name,), "required table is missing")
        else:
            yield from _fields(doc[name], (name,), spec)
    for name, spec in ARRAYS.items():
        if name not in doc:
            if name in REQUIRED_ARRAYS:
                yield Problem("missing-key", (name,), "required array of tables is missing")
        elif not isinstance(doc[name], list):
            yield Problem("wrong-type", (name,), f"must be an array of tables ([[{name}]])", doc[name])
        else:
            for i, rec in enumerate(doc[name]):
                yield from _fields(rec, (name, i), spec)


def _fields(rec: Any, path: Path, spec: dict[str, Field]) -> Iterator[Problem]:
    """Presence and kind of every key of one record."""
    if not isinstance(rec, dict):
        yield Problem("wrong-type", path, "must be a table", rec)
        return
    for key, field in spec.items():
        if key not in rec:
            if field.required:
                yield Problem("missing-key", path + (key,), "required key is missing")
        elif not field.kind(rec[key]):
            yield Problem("wrong-type", path + (key,), f"must be {KIND_NAMES[field.kind]}", rec[key])
        elif isinstance(rec[key], str) and field.required and not rec[key].strip():
            yield Problem("empty", path + (key,), "must not be empty", rec[key])
    for key in rec:
        if key not in spec:
            yield Problem("unknown-key", path + (key,), "not a key of this table")


def ids(ctx: Context) -> Iterator[Problem]:
    """Well-formed and unique across the whole file, so `show ID` is never ambiguous."""
    seen: dict[str, Path] = {}
    for table in ARRAYS:
        for path, rid in strings(ctx.doc, table, "id"):
            if not _ID.fullmatch(rid):  # fullmatch: '$' would let a trailing newline through
                message = "ids are 1-64 of a-z, 0-9, '.', '_' or '-', starting with a letter or digit"
                yield Problem("bad-id", path, message, rid)
            elif rid in seen:
                first = seen[rid]
                yield Problem("duplicate-id", path, f"already used at {first[0]}[{first[1]}]", rid)
            else:
                seen[rid] = path


# ---------------------------------------------------------------- sources


def grades(ctx: Context) -> Iterator[Problem]:
    for path, grade in strings(ctx.doc, "sources", "grade"):
        if grade not in GRADES:
            yield Problem("bad-grade", path, "must be A, B or C", grade)


def urls(ctx: Context) -> Iterator[Problem]:
    for path, url in strings(ctx.doc, "sources", "url"):
        if not _URL.fullmatch(url):  # no whitespace anywhere, a trailing newline included
            yield Problem("bad-url", path, "must be an http or https address with no whitespace", url)


# ---------------------------------------------------------------- dates and references


def dates(ctx: Context) -> Iterator[Problem]:
    """Source dates and record periods parse; a record's period does not start after its source's date."""
    for table, key in (("sources", "date"), ("figures", "period"), ("rankings", "period"), ("programme", "period")):
        for path, rec in records(ctx.doc, table):
            raw = rec.get(key)
            if not is_date_or_str(raw):
                continue
            period = as_period(raw)
            if not isinstance(period, Period):
                yield Problem("bad-date", path + (key,), period, raw)
                continue
            source = rec.get("source")
            end = ctx.source_ends.get(source) if table != "sources" and isinstance(source, str) else None
            if period.start is not None and end is not None and period.start > end:
                yield Problem("date-after-source", path + (key,), f"starts after its source's date ({end})", raw)


DANGLING = {
    "source": ("unknown-source", "no source has this id"),
    "scope": ("unknown-scope", "must be 'city' or the id of a county"),
    "county": ("unknown-scope", "no county has this id"),
    "site": ("unknown-reference", "no site has this id"),
    "measure": ("unknown-reference", "no figure has this measure"),
}


def references(ctx: Context) -> Iterator[Problem]:
    """Every key that names another record (Field.refers_to) names one that exists."""
    for table, spec in {**TABLES, **ARRAYS}.items():
        for key, field in spec.items():
            if field.refers_to is None:
                continue
            code, message = DANGLING[field.refers_to]
            for path, rec in records(ctx.doc, table):
                value = rec.get(key)
                named = [(path + (key,), value)] if isinstance(value, str) else []
                if isinstance(value, list):  # a list of references: each one checked
                    named = [(path + (key, i), v) for i, v in enumerate(value) if isinstance(v, str)]
                for where, name in named:
                    if name not in ctx.known[field.refers_to]:
                        yield Problem(code, where, message, name)


# ---------------------------------------------------------------- amounts and vocabulary


def target_and_unit(ctx: Context) -> Iterator[Problem]:
    for path, rec in records(ctx.doc, "industries"):
        if ("target" in rec) != ("unit" in rec):
            missing = "unit" if "target" in rec else "target"
            yield Problem("missing-key", path + (missing,), "target and unit go together")


def units(ctx: Context) -> Iterator[Problem]:
    for table in ("industries", "figures"):
        for path, unit in strings(ctx.doc, table, "unit"):
            if unit not in UNITS:
                yield Problem("unknown-unit", path, "not a known unit (see README: Data files)", unit)


MAX_AMOUNT = 10**15  # below 2**53, so a float holds it exactly, and its conversion to acres is finite


def amounts(ctx: Context) -> Iterator[Problem]:
    """Finite and within MAX_AMOUNT; not negative for counts, sizes and amounts; a share within 0-100."""
    for table, key in (("industries", "target"), ("figures", "value")):
        for path, rec in records(ctx.doc, table):
            value: Any = rec.get(key)
            unit = rec.get("unit")
            if not is_number(value):
                continue
            where = path + (key,)
            dimension = UNITS.get(unit) if isinstance(unit, str) else None
            if not math.isfinite(value):
                yield Problem("not-finite", where, "must be a finite number", value)
            elif abs(value) > MAX_AMOUNT:
                message = (
                    f"must be within ±{MAX_AMOUNT:,}: every output carries it exactly (JSON, SQLite, areas in acres)"
                )
                yield Problem("out-of-range", where, message, value)
            elif dimension in NON_NEGATIVE and value < 0:
                yield Problem("negative", where, f"must not be negative for unit '{unit}'", value)
            elif dimension == "share" and not 0 <= value <= 100:
                yield Problem("out-of-range", where, "a share must be within 0-100 percent", value)


def qualifiers(ctx: Context) -> Iterator[Problem]:
    for path, q in strings(ctx.doc, "figures", "qualifier"):
        if q not in QUALIFIERS:
            yield Problem("unknown-qualifier", path, f"must be one of {', '.join(QUALIFIERS)}", q)


def topics(ctx: Context) -> Iterator[Problem]:
    for path, topic in strings(ctx.doc, "figures", "topic"):
        if topic not in TOPICS:
            yield Problem("unknown-topic", path, f"must be one of {', '.join(sorted(TOPICS))}", topic)


def kinds(ctx: Context) -> Iterator[Problem]:
    """Figure and goal kinds from FIGURE_KINDS; an expectation never counts toward a target."""
    for table in ("figures", "industries"):
        for path, kind in strings(ctx.doc, table, "kind"):
            if kind not in FIGURE_KINDS:
                yield Problem("bad-value", path, f"must be one of {', '.join(FIGURE_KINDS)}", kind)
    # A measure of the wrong type (a table, a list) is the types rule's to report; it is no key here.
    expected = {
        m
        for _, rec in records(ctx.doc, "figures")
        if rec.get("kind") == "expectation" and isinstance(m := rec.get("measure"), str)
    }
    for path, measure in strings(ctx.doc, "industries", "measure"):
        if measure in expected:
            message = (
                "a target's measure has an expectation among its figures; give the expectation a measure of its own"
            )
            yield Problem("expectation-as-reported", path, message, measure)
    for path, rec in records(ctx.doc, "figures"):
        if "kind" not in rec:
            message = f"no kind ({', '.join(FIGURE_KINDS)}): the figure is never compared with a goal"
            yield Problem("missing-kind", path + ("kind",), message, severity="warning")


def rankings(ctx: Context) -> Iterator[Problem]:
    for path, kind in strings(ctx.doc, "rankings", "kind"):
        if kind not in RANKING_KINDS:
            yield Problem("bad-value", path, "must be 'ranking' or 'honour'", kind)
    for path, rec in records(ctx.doc, "rankings"):
        rank: Any = rec.get("rank")
        if is_int(rank) and rank < 1:
            yield Problem("out-of-range", path + ("rank",), "a rank starts at 1", rank)


Rule = Callable[[Context], Iterator[Problem]]
RULES: list[Rule] = [
    schema_version,
    top_level,
    ids,
    grades,
    urls,
    dates,
    references,
    target_and_unit,
    units,
    amounts,
    qualifiers,
    topics,
    kinds,
    rankings,
    unused_sources,
    chinese_names,
    distinct_chinese_names,
    short_labels,
    aims_are_expectations,
    safe_text,
]
# Each code's severity, for the README and `validate`; a test keeps it in step with the rules.
WARNINGS = ("unused-source", "missing-zh", "missing-short", "long-short", "missing-kind", "aim-not-expectation")


def check(doc: Doc) -> list[Problem]:
    """Every problem in a parsed document, errors and warnings; no errors means it can be loaded."""
    ctx = context(doc)
    return [problem for rule in RULES for problem in rule(ctx)]
