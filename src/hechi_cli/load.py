"""Read a data file, check every rule, and build the typed Dataset.

Every command goes through `load`, so a broken file stops every command with
the same report. `check` collects all problems rather than stopping at the first.
"""

from __future__ import annotations

import math
import os
import re
import sys
from collections.abc import Iterator, Mapping
from datetime import date, datetime
from typing import Any, Callable

from hechi_cli.errors import DataError, PathPart, Problem
from hechi_cli.model import County, Dataset, Figure, Industry, Programme, Ranking, Site, Source
from hechi_cli.units import GRADES, NON_NEGATIVE, QUALIFIERS, UNITS, parse_period

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised by CI on 3.9 and 3.10
    import tomli as tomllib

SCHEMA_VERSION = 1
_HERE = os.path.dirname(os.path.abspath(__file__))


def bundled_path() -> str:
    """The dataset shipped in the wheel, or data/ of a source checkout."""
    packaged = os.path.join(_HERE, "data", "hechi.toml")
    if os.path.isfile(packaged):
        return packaged
    return os.path.join(os.path.dirname(os.path.dirname(_HERE)), "data", "hechi.toml")


# ------------------------------------------------------------------ reading


def read_bytes(path: str) -> bytes:
    """The file's bytes, or a DataError that says in one line why not."""

    def fail(code: str, message: str) -> DataError:
        return DataError(path, [Problem(code, (), message)])

    try:
        with open(path, "rb") as f:
            raw = f.read()
    except FileNotFoundError:
        raise fail("not-found", "no such file") from None
    except IsADirectoryError:
        raise fail("is-directory", "is a directory, not a data file") from None
    except PermissionError:
        raise fail("unreadable", "permission denied") from None
    except OSError as e:
        if os.path.isdir(path):  # Windows reports a directory as PermissionError/OSError
            raise fail("is-directory", "is a directory, not a data file") from None
        raise fail("unreadable", e.strerror or type(e).__name__) from None
    if not raw.strip():
        raise fail("empty", "the file is empty")
    return raw


def decode(raw: bytes, path: str) -> str:
    """UTF-8 text of a file's bytes; a NUL or an undecodable byte is a DataError with its position."""
    nul = raw.find(b"\x00")
    if nul >= 0:
        message = "a binary file (it has NUL bytes), not TOML text"
        raise DataError(path, [Problem("binary", (), message, line=_line_of(raw, nul), column=_column_of(raw, nul))])
    if raw.startswith(b"\xef\xbb\xbf"):  # a UTF-8 byte-order mark
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as e:
        message = f"not UTF-8 text: byte 0x{raw[e.start]:02x} cannot be decoded"
        line, column = _line_of(raw, e.start), _column_of(raw, e.start)
        raise DataError(path, [Problem("not-utf8", (), message, line=line, column=column)]) from None


def read_text(path: str) -> str:
    """The file's text, or a DataError that says in one line why not."""
    return decode(read_bytes(path), path)


def _line_of(raw: bytes, index: int) -> int:
    return raw.count(b"\n", 0, index) + 1


def _column_of(raw: bytes, index: int) -> int:
    """Column in bytes from 1: the reader cannot see characters in a file that will not decode."""
    return index - (raw.rfind(b"\n", 0, index) + 1) + 1


_AT = re.compile(r"\(at line (\d+), column (\d+)\)")


def parse(text: str, path: str) -> dict[str, Any]:
    """TOML text to a dict; a syntax error carries its line and column."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        line, col = getattr(e, "lineno", None), getattr(e, "colno", None)
        msg = str(getattr(e, "msg", "") or e)
        m = _AT.search(str(e))
        if line is None and m:
            line, col = int(m.group(1)), int(m.group(2))
        msg = _AT.sub("", msg).strip()
        raise DataError(path, [Problem("syntax", (), f"not valid TOML: {msg}", line=line, column=col)]) from None
    except RecursionError:
        raise DataError(path, [Problem("syntax", (), "not valid TOML: nested too deeply")]) from None


# ------------------------------------------------------------------ schema

Kind = Callable[[Any], bool]


def _is_str(v: Any) -> bool:
    return isinstance(v, str)


def _is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _is_number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _is_bool(v: Any) -> bool:
    return isinstance(v, bool)


def _is_date_or_str(v: Any) -> bool:
    return isinstance(v, str) or (isinstance(v, date) and not isinstance(v, datetime))


def _is_str_list(v: Any) -> bool:
    return isinstance(v, list) and all(isinstance(x, str) for x in v)


KIND_NAMES: dict[Kind, str] = {
    _is_str: "a string",
    _is_int: "a whole number",
    _is_number: "a number",
    _is_bool: "true or false",
    _is_date_or_str: "a date or a string",
    _is_str_list: "a list of strings",
}

# table -> field -> (kind, required)
Fields = Mapping[str, "tuple[Kind, bool]"]
S, REQ, OPT = _is_str, True, False
ARRAYS: dict[str, Fields] = {
    "sources": {
        "id": (S, REQ),
        "title": (S, REQ),
        "publisher": (S, REQ),
        "date": (_is_date_or_str, REQ),
        "url": (S, REQ),
        "grade": (S, REQ),
        "note": (S, OPT),
    },
    "counties": {
        "id": (S, REQ),
        "name": (S, REQ),
        "name_zh": (S, OPT),
        "kind": (S, REQ),
        "source": (S, REQ),
        "note": (S, OPT),
    },
    "industries": {
        "id": (S, REQ),
        "name": (S, REQ),
        "name_zh": (S, OPT),
        "target": (_is_number, OPT),
        "unit": (S, OPT),
        "measure": (S, OPT),
        "major": (_is_bool, REQ),
        "source": (S, REQ),
        "note": (S, OPT),
    },
    "figures": {
        "id": (S, REQ),
        "measure": (S, REQ),
        "label": (S, REQ),
        "label_zh": (S, OPT),
        "topic": (S, REQ),
        "value": (_is_number, REQ),
        "unit": (S, REQ),
        "qualifier": (S, REQ),
        "period": (_is_date_or_str, REQ),
        "scope": (S, REQ),
        "source": (S, REQ),
        "note": (S, OPT),
        "site": (S, OPT),
        "items": (_is_str_list, OPT),
        "headline": (_is_bool, OPT),
    },
    "sites": {"id": (S, REQ), "name": (S, REQ), "county": (S, REQ), "source": (S, REQ), "note": (S, OPT)},
    "rankings": {
        "id": (S, REQ),
        "kind": (S, REQ),
        "name": (S, REQ),
        "name_zh": (S, OPT),
        "rank": (_is_int, OPT),
        "among": (S, OPT),
        "period": (_is_date_or_str, REQ),
        "scope": (S, REQ),
        "source": (S, REQ),
        "streak": (S, OPT),
        "note": (S, OPT),
    },
}
REQUIRED_ARRAYS = ("sources", "industries", "figures")
TABLES: dict[str, Fields] = {
    "dataset": {"title": (S, REQ), "compiled": (_is_date_or_str, OPT)},
    "programme": {
        "name": (S, REQ),
        "name_zh": (S, OPT),
        "name_zh_note": (S, OPT),
        "source": (S, REQ),
        "claimed_achieved": (_is_bool, REQ),
        "claim_note": (S, OPT),
    },
}
TOP_KEYS = {"schema_version", *TABLES, *ARRAYS}
TOPICS = {"industry", "silk", "livestock", "share", "ranking", "resettlement", "income", "programme", "county"}
RANKING_KINDS = {"ranking", "honour"}
_ID = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")
_URL = re.compile(r"^https?://\S+$")


def _text(v: Any) -> str:
    return v.isoformat() if isinstance(v, date) else str(v)


class _Checker:
    """Collects problems for one parsed document."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, code: str, path: tuple[PathPart, ...], message: str, *value: Any) -> None:
        self.problems.append(Problem(code, path, message, value[0] if value else None, bool(value)))

    def fields(self, rec: Any, path: tuple[PathPart, ...], spec: Fields) -> bool:
        """Types and presence; False when the record is not a table at all."""
        if not isinstance(rec, dict):
            self.add("wrong-type", path, "must be a table", rec)
            return False
        for key, (kind, required) in spec.items():
            if key not in rec:
                if required:
                    self.add("missing-key", path + (key,), "required key is missing")
            elif not kind(rec[key]):
                self.add("wrong-type", path + (key,), f"must be {KIND_NAMES[kind]}", rec[key])
            elif isinstance(rec[key], str) and required and not rec[key].strip():
                self.add("empty", path + (key,), "must not be empty", rec[key])
        for key in rec:
            if key not in spec:
                self.add("unknown-key", path + (key,), "not a key of this table")
        return True

    def str_field(self, rec: dict[str, Any], key: str) -> str | None:
        v = rec.get(key)
        return v if isinstance(v, str) else None


def _records(doc: dict[str, Any], name: str) -> Iterator[tuple[int, dict[str, Any]]]:
    items = doc.get(name)
    if isinstance(items, list):
        for i, rec in enumerate(items):
            if isinstance(rec, dict):
                yield i, rec


def check(doc: dict[str, Any]) -> list[Problem]:
    """Every problem in a parsed document; an empty list means it is valid."""
    c = _Checker()
    version = doc.get("schema_version")
    if "schema_version" not in doc:
        c.add("missing-key", ("schema_version",), "required key is missing")
    elif not _is_int(version) or version != SCHEMA_VERSION:
        c.add("bad-schema-version", ("schema_version",), f"this hechi reads schema_version {SCHEMA_VERSION}", version)
    for key in doc:
        if key not in TOP_KEYS:
            c.add("unknown-key", (key,), "not a top-level key of a hechi data file")
    for name, spec in TABLES.items():
        if name not in doc:
            c.add("missing-key", (name,), "required table is missing")
        else:
            c.fields(doc[name], (name,), spec)
    for name, spec in ARRAYS.items():
        if name not in doc:
            if name in REQUIRED_ARRAYS:
                c.add("missing-key", (name,), "required array of tables is missing")
            continue
        if not isinstance(doc[name], list):
            c.add("wrong-type", (name,), f"must be an array of tables ([[{name}]])", doc[name])
            continue
        for i, rec in enumerate(doc[name]):
            c.fields(rec, (name, i), spec)

    # ids: well-formed and unique across the whole file, so `show ID` is never ambiguous.
    seen: dict[str, tuple[PathPart, ...]] = {}
    for name in ARRAYS:
        for i, rec in _records(doc, name):
            rid = c.str_field(rec, "id")
            if rid is None:
                continue
            if not _ID.match(rid):
                c.add(
                    "bad-id",
                    (name, i, "id"),
                    "ids are 1-64 of a-z, 0-9, '.', '_' or '-', starting with a letter or digit",
                    rid,
                )
            elif rid in seen:
                first = seen[rid]
                c.add("duplicate-id", (name, i, "id"), f"already used at {first[0]}[{first[1]}]", rid)
            else:
                seen[rid] = (name, i)

    sources = {rid: rec for _, rec in _records(doc, "sources") if isinstance(rid := rec.get("id"), str)}
    counties = {rec["id"] for _, rec in _records(doc, "counties") if isinstance(rec.get("id"), str)}
    sites = {rec["id"] for _, rec in _records(doc, "sites") if isinstance(rec.get("id"), str)}
    measures = {rec["measure"] for _, rec in _records(doc, "figures") if isinstance(rec.get("measure"), str)}
    used: set[str] = set()
    source_ends: dict[str, date] = {}

    for i, rec in _records(doc, "sources"):
        grade = c.str_field(rec, "grade")
        if grade is not None and grade not in GRADES:
            c.add("bad-grade", ("sources", i, "grade"), "must be A, B or C", grade)
        url = c.str_field(rec, "url")
        if url is not None and not _URL.match(url):
            c.add("bad-url", ("sources", i, "url"), "must be an http or https address", url)
        if _is_date_or_str(rec.get("date")):
            try:
                p = parse_period(_text(rec["date"]))
            except ValueError as e:
                c.add("bad-date", ("sources", i, "date"), str(e).split(":")[0], rec["date"])
            else:
                if p.end is not None and isinstance(rec.get("id"), str):
                    source_ends[rec["id"]] = p.end

    def cite(path: tuple[PathPart, ...], rec: dict[str, Any]) -> str | None:
        sid = c.str_field(rec, "source")
        if sid is None:
            return None
        used.add(sid)
        if sid not in sources:
            c.add("unknown-source", path + ("source",), "no source has this id", sid)
            return None
        return sid

    def scope(path: tuple[PathPart, ...], value: str | None) -> None:
        if value is not None and value != "city" and value not in counties:
            c.add("unknown-scope", path, "must be 'city' or the id of a county", value)

    def period(path: tuple[PathPart, ...], raw: Any, sid: str | None) -> None:
        if not _is_date_or_str(raw):
            return
        try:
            p = parse_period(_text(raw))
        except ValueError as e:
            c.add("bad-date", path, str(e).split(":")[0], raw)
            return
        end = source_ends.get(sid or "")
        if p.start is not None and end is not None and p.start > end:
            c.add("date-after-source", path, f"starts after its source's date ({end.isoformat()})", raw)

    def amount(path: tuple[PathPart, ...], value: Any, unit: str | None) -> None:
        if not _is_number(value):
            return
        if not math.isfinite(value):
            c.add("not-finite", path, "must be a finite number", value)
            return
        dim = UNITS.get(unit or "")
        if dim in NON_NEGATIVE and value < 0:
            c.add("negative", path, f"must not be negative for unit '{unit}'", value)
        if dim == "share" and not 0 <= value <= 100:
            c.add("out-of-range", path, "a share must be within 0-100 percent", value)

    def unit(path: tuple[PathPart, ...], value: str | None) -> None:
        if value is not None and value not in UNITS:
            c.add("unknown-unit", path, "not a known unit (see README: Data files)", value)

    for i, rec in _records(doc, "counties"):
        cite(("counties", i), rec)
    for name in ("programme",):
        if isinstance(doc.get(name), dict):
            cite((name,), doc[name])
    for i, rec in _records(doc, "industries"):
        path = ("industries", i)
        cite(path, rec)
        u = c.str_field(rec, "unit")
        unit(path + ("unit",), u)
        if ("target" in rec) != ("unit" in rec):
            c.add("missing-key", path + ("unit" if "target" in rec else "target",), "target and unit go together")
        amount(path + ("target",), rec.get("target"), u)
    for i, rec in _records(doc, "figures"):
        path = ("figures", i)
        sid = cite(path, rec)
        u = c.str_field(rec, "unit")
        unit(path + ("unit",), u)
        amount(path + ("value",), rec.get("value"), u)
        q = c.str_field(rec, "qualifier")
        if q is not None and q not in QUALIFIERS:
            c.add("unknown-qualifier", path + ("qualifier",), f"must be one of {', '.join(QUALIFIERS)}", q)
        t = c.str_field(rec, "topic")
        if t is not None and t not in TOPICS:
            c.add("unknown-topic", path + ("topic",), f"must be one of {', '.join(sorted(TOPICS))}", t)
        scope(path + ("scope",), c.str_field(rec, "scope"))
        period(path + ("period",), rec.get("period"), sid)
        site = c.str_field(rec, "site")
        if site is not None and site not in sites:
            c.add("unknown-reference", path + ("site",), "no site has this id", site)
    for i, rec in _records(doc, "sites"):
        cite(("sites", i), rec)
        county = c.str_field(rec, "county")
        if county is not None and county not in counties:
            c.add("unknown-scope", ("sites", i, "county"), "no county has this id", county)
    for i, rec in _records(doc, "rankings"):
        path = ("rankings", i)
        sid = cite(path, rec)
        kind = c.str_field(rec, "kind")
        if kind is not None and kind not in RANKING_KINDS:
            c.add("bad-value", path + ("kind",), "must be 'ranking' or 'honour'", kind)
        rank = rec.get("rank")
        if isinstance(rank, int) and not isinstance(rank, bool) and rank < 1:
            c.add("out-of-range", path + ("rank",), "a rank starts at 1", rank)
        scope(path + ("scope",), c.str_field(rec, "scope"))
        period(path + ("period",), rec.get("period"), sid)
        streak = c.str_field(rec, "streak")
        if streak is not None and streak not in measures:
            c.add("unknown-reference", path + ("streak",), "no figure has this measure", streak)
    for i, rec in _records(doc, "sources"):
        rid = rec.get("id")
        if isinstance(rid, str) and rid not in used:
            c.add("unused-source", ("sources", i, "id"), "no record cites this source", rid)
    return c.problems


# ------------------------------------------------------------------ building


def _opt(rec: Mapping[str, Any], key: str) -> Any:
    return rec.get(key)


def build(doc: dict[str, Any]) -> Dataset:
    """The typed Dataset of a document that `check` passed."""
    src = [
        Source(r["id"], r["title"], r["publisher"], _text(r["date"]), r["url"], r["grade"], _opt(r, "note"))
        for r in doc["sources"]
    ]
    cty = [
        County(r["id"], r["name"], _opt(r, "name_zh"), r["kind"], r["source"], _opt(r, "note"))
        for r in doc.get("counties", [])
    ]
    ind = [
        Industry(
            r["id"],
            r["name"],
            _opt(r, "name_zh"),
            _opt(r, "target"),
            _opt(r, "unit"),
            _opt(r, "measure"),
            r["major"],
            r["source"],
            _opt(r, "note"),
        )
        for r in doc["industries"]
    ]
    fig = [
        Figure(
            r["id"],
            r["measure"],
            r["label"],
            _opt(r, "label_zh"),
            r["topic"],
            r["value"],
            r["unit"],
            r["qualifier"],
            parse_period(_text(r["period"])),
            r["scope"],
            r["source"],
            _opt(r, "note"),
            _opt(r, "site"),
            tuple(r.get("items", ())),
            bool(r.get("headline", False)),
        )
        for r in doc["figures"]
    ]
    sit = [Site(r["id"], r["name"], r["county"], r["source"], _opt(r, "note")) for r in doc.get("sites", [])]
    rnk = [
        Ranking(
            r["id"],
            r["kind"],
            r["name"],
            _opt(r, "name_zh"),
            _opt(r, "rank"),
            _opt(r, "among"),
            parse_period(_text(r["period"])),
            r["scope"],
            r["source"],
            _opt(r, "streak"),
            _opt(r, "note"),
        )
        for r in doc.get("rankings", [])
    ]
    p = doc["programme"]
    prog = Programme(
        p["name"],
        _opt(p, "name_zh"),
        _opt(p, "name_zh_note"),
        p["source"],
        p["claimed_achieved"],
        _opt(p, "claim_note"),
    )
    return Dataset(doc["dataset"]["title"], prog, src, cty, ind, fig, sit, rnk)


def check_file(path: str | None) -> tuple[str, list[Problem], dict[str, int]]:
    """The file's name, every problem (placed at its line), and its record counts."""
    name = path if path is not None else bundled_path()
    try:
        text = read_text(name)
        doc = parse(text, name)
    except DataError as e:
        return name, e.problems, {}
    counts = {key: len(doc[key]) for key in ARRAYS if isinstance(doc.get(key), list)}
    return name, _placed(text, check(doc)), counts


def _placed(text: str, problems: list[Problem]) -> list[Problem]:
    from hechi_cli.positions import locate  # only needed when something is wrong

    out = []
    for p in problems:
        pos = locate(text, p.path)
        out.append(p._replace(line=pos[0], column=pos[1]) if pos else p)
    return out


def load(path: str | os.PathLike[str] | None = None) -> Dataset:
    """Read, check and build a dataset; raises DataError with every problem.

    A parse cache (cache.py) may stand in for the TOML parser; whatever it
    returns is checked by every rule all the same.
    """
    from hechi_cli import cache

    name = os.fspath(path) if path is not None else bundled_path()
    raw = read_bytes(name)
    doc = cache.get(name, raw)
    text = None  # decoded only when the cache misses or something must be placed
    if doc is None:
        text = decode(raw, name)
        doc = parse(text, name)
    problems = check(doc)
    if problems:
        raise DataError(name, _placed(text if text is not None else decode(raw, name), problems))
    if text is not None:
        cache.put(name, raw, doc)
    return build(doc)
