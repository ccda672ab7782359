"""`hechi search TEXT`: records that mention TEXT, best matches first."""

from __future__ import annotations

from typing import Any

from hechi_cli.dataset.model import Dataset
from hechi_cli.errors import NoMatch
from hechi_cli.reports.report import Column, Query, Report, Row
from hechi_cli.reports.view import Options, View

# field -> weight; the best field a record matches in decides its score
FIELDS = (
    ("id", 60),
    ("name", 50),
    ("label", 50),
    ("name_zh", 50),
    ("label_zh", 50),
    ("title", 40),
    ("measure", 30),
    ("unit", 20),
    ("note", 10),
)
KIND_ORDER = ("industry", "figure", "ranking", "site", "county", "source")


def _score(rec: Any, needle: str) -> tuple[int, str]:
    best, where = 0, ""
    for field, weight in FIELDS:
        value = getattr(rec, field, None)
        if not isinstance(value, str):
            continue
        text = value.casefold()
        if text == needle:
            score = weight + 40
        elif text.startswith(needle):
            score = weight + 20
        elif needle in text:
            score = weight
        else:
            continue
        if score > best:
            best, where = score, field
    return best, where


def build(ds: Dataset, opts: Options, query: Query) -> Report:
    """Every record with TEXT in one of its fields; NoMatch when there is none."""
    text = query.id
    needle = text.casefold().strip()
    hits: list[tuple[int, int, str, Row]] = []
    if needle:
        for rid, (kind, rec) in ds.records().items():
            score, where = _score(rec, needle)
            if score:
                name = getattr(rec, "name", None) or getattr(rec, "label", None) or getattr(rec, "title", "")
                name_zh = getattr(rec, "name_zh", None) or getattr(rec, "label_zh", None)
                row = {"kind": kind, "id": rid, "name": name, "name_zh": name_zh, "matched_in": where, "score": score}
                hits.append((-score, KIND_ORDER.index(kind), rid, row))
    if not hits:
        raise NoMatch(text)
    rows = [row for *_, row in sorted(hits, key=lambda t: t[:3])]
    v = View(opts)
    columns = [
        Column(v.header("Kind"), lambda r: r["kind"]),
        Column(v.header("ID"), lambda r: r["id"], whole=True),
        Column(v.header("Name"), lambda r: v.name(r)),
        Column(v.header("Matched in"), lambda r: r["matched_in"]),
    ]
    notes = [f"{len(rows)} record{'s' if len(rows) != 1 else ''}; `hechi show ID` shows one whole."]
    return Report(
        command="search",
        title=f"Records matching '{text}'",
        json_key="results",
        rows=rows,
        columns=columns,
        notes=notes,
        json_before={"query": text},
    )
