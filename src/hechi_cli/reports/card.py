"""The `label: value` lines at the top of `hechi show`, as a person reads them.

The JSON keeps the record's own fields (show.py); this is the card for people:
human labels, values with their qualifier and unit, rounded conversions, and a
footnote marker for every source it cites.
"""

from __future__ import annotations

from typing import Any, Callable

from hechi_cli.dataset.areas import conversions, is_whole
from hechi_cli.dataset.model import Dataset
from hechi_cli.reports import humanize as h
from hechi_cli.reports.report import Row
from hechi_cli.reports.view import View

Lines = list[tuple[str, str]]
Marker = Callable[[str], str]  # source id -> "[n] A"


def card(ds: Dataset, kind: str, fields: Row, v: View, cite: Marker) -> Lines:
    """The card of one record; `fields` is the record's JSON object from show.py."""
    lines = CARDS[kind](ds, fields, v, cite)
    return [(label, value) for label, value in lines if value]


def _zh(r: Row, key: str) -> str:
    """A Chinese name, with where it comes from when it is ours."""
    name = r.get(key) or ""
    return f"{name} ({r['zh_note']})" if name and r.get("zh_note") else name


def _area_also(value: Any, unit: str | None) -> str:
    """' (= 200,000 ha)' for an area as reported in mu; '' otherwise."""
    found = conversions(value, unit) if value is not None and unit else None
    if not found or unit == "ha":
        return ""
    ha = found["ha"]
    return f" (= {h.amount(ha, 'ha', places=0 if is_whole(ha) else 2)})"


def _industry(ds: Dataset, r: Row, v: View, cite: Marker) -> Lines:
    from hechi_cli.reports.industries import bar, verdict

    goal = "none (a base, not a number)"
    if r["target"] is not None:
        goal = v.amount(r["target"], r["unit"]) + _area_also(r["target"], r["unit"])
    goal += f" {cite(r['target_source'])}"  # cited first: the card reads top down
    claim = f"goals achieved, says {cite(ds.programme.source)}" if r["claimed_achieved"] else ""
    latest = "none reported: no city-wide figure in the goal's unit" if r["target"] is not None else ""
    if r["target"] is not None and r["baseline_figure"]:
        latest = "none since the programme's period began"
    if r["reported_value"] is not None:
        amount = v.amount(r["reported_value"], r["reported_unit"], r["reported_qualifier"])
        period = h.period(r["reported_period"])
        latest = f"{amount}, {period}: {r['reported_label']} ({r['reported_figure']}) {cite(r['reported_source'])}"
    percent = ""
    if r["percent_of_target"] is not None:
        percent = f"{h.percent(r['percent_of_target'], r['reported_qualifier'])}  {bar(v, r)}  {verdict(r)}"
    return [
        ("Target", v.name(r) + (" (one of the five major industries)" if r["major"] else "")),
        ("Chinese name", _zh(r, "name_zh")),
        ("Goal", goal),
        ("Claim", claim),
        ("Latest reported", latest),
        ("Percent of goal", percent or (verdict(r) if r["target"] is not None else "")),
        ("Not compared", r["why_not_compared"] or ""),
        ("Baseline", _baseline(r, v, cite)),
        ("Measure", f"{r['measure']} (hechi series {r['id']})" if r["measure"] else ""),
        ("Note", r["note"] or ""),
    ]


def _baseline(r: Row, v: View, cite: Marker) -> str:
    """The latest figure from before the programme's period, with its date and source."""
    if r["baseline_figure"] is None:
        return ""
    amount = v.amount(r["baseline_value"], r["baseline_unit"], r["baseline_qualifier"])
    return f"{amount}, {h.period(r['baseline_period'])} ({r['baseline_figure']}) {cite(r['baseline_source'])}"


def _figure(ds: Dataset, r: Row, v: View, cite: Marker) -> Lines:
    scope = "the city" if r["scope"] == "city" else ds.county_by_id[r["scope"]].name
    return [
        ("Figure", r["label"]),
        ("Chinese label", _zh(r, "label_zh")),
        ("Value", v.amount(r["value"], r["unit"], r["qualifier"]) + _area_also(r["value"], r["unit"])),
        ("As of", h.period(r["period"])),
        ("Scope", f"{scope} ({r['scope']})"),
        ("Measure", f"{r['measure']} (hechi series {r['measure']})"),
        ("Site", r["site"] or ""),
        ("Items", "; ".join(r["items"])),
        ("Note", r["note"] or ""),
        ("Source", cite(r["source"])),
    ]


def _ranking(ds: Dataset, r: Row, v: View, cite: Marker) -> Lines:
    from hechi_cli.reports.rankings import result, streak_words

    streak = r["streak"]
    return [
        ("Ranking", r["name"]),
        ("Chinese name", _zh(r, "name_zh")),
        ("Result", result(v, r)),
        ("As of", h.period(r["period"])),
        ("Scope", r["scope"]),
        ("Streak", streak_words(streak) if streak else ""),
        ("Note", r["note"] or ""),
        ("Source", cite(r["source"])),
    ]


def _site(ds: Dataset, r: Row, v: View, cite: Marker) -> Lines:
    county = ds.county_by_id[r["county"]]
    return [
        ("Site", r["name"]),
        ("County", f"{county.name} ({county.id})"),
        ("Note", r["note"] or ""),
        ("Source", cite(r["source"])),
    ]


def _county(ds: Dataset, r: Row, v: View, cite: Marker) -> Lines:
    return [
        ("County", r["name"]),
        ("Chinese name", r["name_zh"] or ""),
        ("Kind", r["kind"]),
        ("Note", r["note"] or ""),
        ("Source", cite(r["source"])),
    ]


def _source(ds: Dataset, r: Row, v: View, cite: Marker) -> Lines:
    grade = {"A": "A: official or major media", "B": "B: a reputable re-host or wire release"}.get(
        r["grade"], "C!: a low-quality mirror, forum or aggregator; treat its figures with care"
    )
    return [
        ("Title", r["title"]),
        ("Publisher", r["publisher"]),
        ("Date", h.period(r["date"]) if r["date"] != "unknown" else "unknown"),
        ("Grade", grade),
        ("Address", r["url"]),
        ("Note", r["note"] or ""),
    ]


CARDS: dict[str, Callable[[Dataset, Row, View, Marker], Lines]] = {
    "industry": _industry,
    "figure": _figure,
    "ranking": _ranking,
    "site": _site,
    "county": _county,
    "source": _source,
}
