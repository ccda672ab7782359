"""`hechi show ID`: one record whole: its fields, its figures over time, what cites it."""

from __future__ import annotations

from typing import Any

from hechi_cli.dataset.areas import conversions
from hechi_cli.dataset.model import County, Dataset, Figure, Site, Source
from hechi_cli.errors import UnknownRecord
from hechi_cli.messages import RECORD_KINDS
from hechi_cli.reports.card import card
from hechi_cli.reports.conflicts import CONFLICT_STYLE, conflicts
from hechi_cli.reports.industries import industry_row
from hechi_cli.reports.judge import judge
from hechi_cli.reports.rankings import ranking_row, streak_analysis
from hechi_cli.reports.report import Column, Heading, Query, Report, Row, Words
from hechi_cli.reports.rows import figure_columns, figure_row, own_names, record_id, source_title, trend_column
from hechi_cli.reports.suggest import suggestions
from hechi_cli.reports.view import ENGLISH, View


def _citers(ds: Dataset, source_id: str) -> list[dict[str, str]]:
    out: list[dict[str, str]] = []
    for kind, group in (
        ("industry", ds.industries),
        ("ranking", ds.rankings),
        ("site", ds.sites),
        ("county", ds.counties),
    ):
        out.extend({"kind": kind, "id": r.id, "name": r.name} for r in group if r.source == source_id)
    if ds.programme.source == source_id:
        out.append({"kind": "programme", "id": "programme", "name": ds.programme.name})
    return out


def _record(ds: Dataset, kind: str, rec: Any) -> tuple[dict[str, Any], list[Figure], list[dict[str, str]]]:
    """The record's fields (field by field), its figures, and related records."""
    if kind == "figure":
        f: Figure = rec
        fields = {
            **figure_row(ds, f),
            "topic": f.topic,
            "note": f.note,
            "site": f.site,
            "items": list(f.items),
            "conversions": conversions(f.value, f.unit),
            "kind": f.kind,
            "zh_note": f.zh_note,
            "note_zh": f.note_zh,
            "items_zh": list(f.items_zh),
        }
        related = [{"kind": "industry", "id": i.id, "name": i.name} for i in ds.industries if i.measure == f.measure]
        related += [{"kind": "ranking", "id": r.id, "name": r.name} for r in ds.rankings if r.streak == f.measure]
        if f.site:
            related.append({"kind": "site", "id": f.site, "name": next(s.name for s in ds.sites if s.id == f.site)})
        return fields, ds.series(f.measure, f.scope), related
    if kind == "industry":
        fields = {
            **industry_row(ds, rec, judge(ds, rec)),
            "measure": rec.measure,
            "note": rec.note,
            "target_conversions": conversions(rec.target, rec.unit) if rec.target is not None else None,
            "zh_note": rec.zh_note,
            "note_zh": rec.note_zh,
        }
        return fields, ds.series(rec.measure) if rec.measure else [], []
    if kind == "ranking":
        fields = {
            **ranking_row(ds, rec),
            "note": rec.note,
            "streak": streak_analysis(ds, rec.streak) if rec.streak else None,
            "zh_note": rec.zh_note,
            "note_zh": rec.note_zh,
        }
        return fields, ds.series(rec.streak) if rec.streak else [], []
    if kind == "site":
        return _with_grade(ds, rec), [f for f in ds.figures if f.site == rec.id], []
    if kind == "county":
        fields = _with_grade(ds, rec)
        related = [{"kind": "site", "id": s.id, "name": s.name} for s in ds.sites if s.county == rec.id]
        return fields, [f for f in ds.figures if f.scope == rec.id], related
    return _with_grade(ds, rec), [f for f in ds.figures if f.source == rec.id], _citers(ds, rec.id)


def _measure(ds: Dataset, measure: str) -> tuple[dict[str, Any], list[Figure], list[dict[str, str]]]:
    """A measure as a record: its label, its latest figure (the city's where it has one), its scopes."""
    figs = ds.series(measure)
    latest = (ds.series(measure, "city") or figs)[-1]
    named = ds.measure_named(measure)  # the series' own name, else its latest figure's label
    fields = {
        "id": measure,
        "label": named.name if named else latest.label,
        "label_zh": named.name_zh if named else latest.label_zh,
        "zh_note": named.zh_note if named else latest.zh_note,
        "latest_figure": latest.id,
        "scopes": sorted({f.scope for f in figs}, key=lambda s: (s != "city", s)),
        "figures": len(figs),
    }
    related = [{"kind": "industry", "id": i.id, "name": i.name} for i in ds.industries if i.measure == measure]
    return fields, figs, related


def _with_grade(ds: Dataset, rec: Site | County | Source) -> dict[str, Any]:
    """A site's, county's or source's own fields in model order, with its source's grade after `source`."""
    fields: dict[str, Any] = {}
    for key, value in rec._asdict().items():
        fields[key] = value
        if key == "source":
            fields["grade"] = ds.grade(value)
    return fields


def _related(ds: Dataset, v: View, r: dict[str, str]) -> str:
    """'site lajie: Lajie community, Baxu Yao township', the name in the reader's language."""
    found = ds.records().get(r["id"])
    record = found[1] if found else ds.programme if r["kind"] == "programme" else None  # not a record of its own
    name = v.name(record._asdict()) if record else r["name"]
    return v.t("{kind} {id}: {name}", kind=v.t(RECORD_KINDS[r["kind"]]), id=r["id"], name=name)


def _notes(v: View, has_figures: bool, clash: bool) -> list[str]:
    notes = [] if has_figures else [v.t("No figures belong to this record.")]
    if clash:
        notes.append(v.t("Conflict: figures of the same measure, scope and period that disagree."))
    return notes


def build(ds: Dataset, query: Query) -> Report:
    """The record with id `wanted`, or UnknownRecord with the closest ids."""
    wanted = ds.canonical(query.id)
    found = ds.records().get(wanted)
    if found is None and wanted in ds.by_measure:  # `search` lists measures: show gives each a card
        kind, (fields, figs, related) = "measure", _measure(ds, wanted)
    elif found is None:
        raise UnknownRecord(wanted, suggestions(wanted, [*ds.records(), *ds.by_measure]))
    else:
        kind, rec = found
        fields, figs, related = _record(ds, kind, rec)
    found_conflicts = conflicts(figs)
    clash = {c.a.id for c in found_conflicts} | {c.b.id for c in found_conflicts}
    rows = [{**figure_row(ds, f), "conflict": f.id in clash} for f in figs]
    # The sources in the order the card cites them, then the figures': the same in every language,
    # so the English card gives the order for JSON.
    cited: list[str] = []

    def mark(source_id: str) -> str:  # only the order is kept, not the English card
        if source_id not in cited:
            cited.append(source_id)
        return ""

    card(ds, kind, fields, ENGLISH, mark)
    cited += [f.source for f in figs if f.source not in cited]
    sources = [_with_grade(ds, ds.source_by_id[sid]) for sid in cited]

    def words(v: View) -> Words:
        return _words(v, ds, wanted, (kind, fields, related), rows, cited)

    return Report(
        Heading("show", "figures", ""),
        rows,
        words,
        json_before={"kind": kind, "record": fields},
        json_after={"related": related, "sources": sources},
    )


def _words(
    v: View,
    ds: Dataset,
    wanted: str,
    record: tuple[str, dict[str, Any], list[dict[str, str]]],
    rows: list[Row],
    cited: list[str],
) -> Words:
    """The card, the figures with a trend bar, and every cited source in full, in `v`'s words."""
    kind, fields, related = record

    def cite(source_id: str) -> str:
        grade = ds.grade(source_id)
        return f"[{cited.index(source_id) + 1}] {'C!' if grade == 'C' else grade} {source_id}"

    details = card(ds, kind, fields, v, cite)
    details += [(v.t("Related"), _related(ds, v, r)) for r in related]
    clash = any(r["conflict"] for r in rows)
    # a county's card: every row is that county's, so no row names it again
    cols = [*figure_columns(v, ds, [], rows, scope=kind != "county"), trend_column(v, rows)]
    if clash:  # the column only where there is something to mark
        cols.append(
            Column(
                v.header("Conflict"), lambda r: v.t("conflict") if r["conflict"] else "", style=lambda r: CONFLICT_STYLE
            )
        )
    if "name" in fields:
        name = v.name(fields)
    elif "label" in fields:
        name = v.name(fields, "label")
    else:  # a source
        name = source_title(v.lang, ds.source_by_id[wanted])
    shown_kind = "honour" if kind == "ranking" and fields.get("kind") == "honour" else kind
    title = v.t("{kind} {id}: {name}", kind=v.t(RECORD_KINDS[shown_kind]), id=wanted, name=name)
    notes = _notes(v, bool(rows), clash) + own_names(v, ds, [r["id"] for r in rows])
    return Words(v.lang, title, cols, notes, details, ds.source_by_id, cited, full_sources=True, record_id=record_id)
