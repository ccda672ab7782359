"""`hechi search TEXT`: records that mention TEXT, best matches first."""

from __future__ import annotations

import re
from typing import Any

from hechi_cli.dataset.model import Dataset
from hechi_cli.errors import NoMatch
from hechi_cli.messages import N_, RECORD_KINDS
from hechi_cli.reports.report import Column, Heading, Query, Report, Row, Words
from hechi_cli.reports.view import View

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
FIELD_WORDS = {
    "id": N_("id"),
    "name": N_("name"),
    "label": N_("label"),
    "name_zh": N_("Chinese name"),
    "label_zh": N_("Chinese label"),
    "title": N_("title"),
    "measure": N_("measure"),
    "unit": N_("unit"),
    "note": N_("note"),
    "fields": N_("several fields"),
}
KIND_ORDER = ("industry", "figure", "measure", "ranking", "site", "county", "source")
_SEPARATORS = re.compile(r"[\s\-_/]+")


def normal(text: str) -> str:
    """Case folded, with '-', '_', '/' and runs of spaces as one space: "Oil-tea" and "oil tea" are alike."""
    return _SEPARATORS.sub(" ", text.casefold()).strip()


def _field_score(text: str, needle: str, words: list[str], weight: int) -> int:
    if text == needle:
        return weight + 40
    if text.startswith(needle):
        return weight + 20
    if needle in text:
        return weight
    if all(w in text for w in words):  # every word, in any order
        return weight - 5
    return 0


def _score(values: dict[str, str], needle: str) -> tuple[int, str]:
    """The best field's score and name; a record whose words are spread over fields scores lowest."""
    words = needle.split()
    best, where = 0, ""
    for field, weight in FIELDS:
        text = values.get(field)
        if text is None:
            continue
        score = _field_score(text, needle, words, weight)
        if score > best:
            best, where = score, field
    if not best and all(any(w in t for t in values.values()) for w in words):
        best, where = 5, "fields"
    return best, where


def _fields(rec: Any) -> dict[str, str]:
    return {f: normal(v) for f, _ in FIELDS if isinstance(v := getattr(rec, f, None), str)}


def _measures(ds: Dataset) -> dict[str, tuple[str, str | None]]:
    """measure -> (label, Chinese label) of its latest figure: measures are searchable too (`hechi series`)."""
    latest: dict[str, tuple[str, str | None]] = {}
    for measure in dict.fromkeys(f.measure for f in ds.figures):
        f = (ds.series(measure, "city") or ds.series(measure))[-1]  # the city's latest, else any scope's
        latest[measure] = (f.label, f.label_zh)
    return latest


def build(ds: Dataset, query: Query) -> Report:
    """Every record with TEXT in one of its fields; NoMatch when there is none."""
    text = query.id
    needle = normal(text)
    hits: list[tuple[int, int, str, Row]] = []

    def consider(kind: str, rid: str, name: str, name_zh: str | None, values: dict[str, str]) -> None:
        score, where = _score(values, needle)
        if score:
            row = {"kind": kind, "id": rid, "name": name, "name_zh": name_zh, "matched_in": where, "score": score}
            hits.append((-score, KIND_ORDER.index(kind), rid, row))

    if needle:
        for rid, (kind, rec) in ds.records().items():
            name = str(getattr(rec, "name", None) or getattr(rec, "label", None) or getattr(rec, "title", ""))
            consider(kind, rid, name, getattr(rec, "name_zh", None) or getattr(rec, "label_zh", None), _fields(rec))
        for measure, (label, label_zh) in _measures(ds).items():
            values = {
                "id": normal(measure),
                "label": normal(label),
                **({"label_zh": normal(label_zh)} if label_zh else {}),
            }
            consider("measure", measure, label, label_zh, values)
    if not hits:
        raise NoMatch(text)
    rows = [row for *_, row in sorted(hits, key=lambda t: t[:3])]
    return Report(HEADING, rows, lambda v: words(v, text, rows), json_before={"query": text})


HEADING = Heading("search", "results", N_("Records matching '{text}'"))


def words(v: View, text: str, rows: list[Row]) -> Words:
    """The matches, each with the field it matched in, in `v`'s words."""
    columns = [
        Column(v.header("Kind"), lambda r: v.t(RECORD_KINDS[r["kind"]]), whole=True),
        Column(v.header("ID"), lambda r: r["id"], whole=True),
        Column(v.header("Name"), lambda r: v.name(r)),
        Column(v.header("Matched in"), lambda r: v.t(FIELD_WORDS[r["matched_in"]])),
    ]
    return Words(v.lang, v.t(HEADING.title, text=text), columns, _notes(v, len(rows)))


def _notes(v: View, n: int) -> list[str]:
    one = N_("{n} record; hechi show ID shows one whole.")
    return [v.t(one if n == 1 else N_("{n} records; hechi show ID shows each whole."), n=n)]
