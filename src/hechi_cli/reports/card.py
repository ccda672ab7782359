"""The `label: value` lines at the top of `hechi show`, as a person reads them.

The JSON keeps the record's own fields (show.py); this is the card for people:
human labels, values with their qualifier and unit, rounded conversions, and a
footnote marker for every source it cites.
"""

from __future__ import annotations

from typing import Any, Callable

from hechi_cli.dataset.areas import conversions, is_whole
from hechi_cli.dataset.model import Dataset, Figure, Industry
from hechi_cli.messages import N_
from hechi_cli.reports.report import Row
from hechi_cli.reports.rows import scope_name, source_title, unit_zh
from hechi_cli.reports.view import View

Lines = list[tuple[str, str]]
Marker = Callable[[str], str]  # source id -> "[n] A"


def card(ds: Dataset, kind: str, fields: Row, v: View, cite: Marker) -> Lines:
    """The card of one record; `fields` is the record's JSON object from show.py."""
    lines = CARDS[kind](ds, fields, v, cite)
    return [(v.t(label), value) for label, value in lines if value]


def _zh(v: View, r: Row, key: str) -> str:
    """A Chinese name, with where it comes from when it is ours; in Chinese, marked as ours."""
    name = r.get(key) or ""
    if not (name and r.get("zh_note")):
        return name
    return v.t("{name} (our translation)", name=name) if v.lang == "zh" else f"{name} ({r['zh_note']})"


def _names(v: View, r: Row, key: str = "name") -> tuple[str, tuple[str, str]]:
    """The record's name in the reader's language, and the line that gives it in the other one; in
    Chinese, the English only where the Chinese is our translation of it (what the source says)."""
    zh = _zh(v, r, f"{key}_zh")
    if v.lang == "zh" and zh:
        return zh, (N_("English name"), r[key] if r.get("zh_note") else "")
    return r[key], (N_("Chinese name") if key == "name" else N_("Chinese label"), zh)


def _note(v: View, r: Row) -> str:
    """A record's note, in Chinese where the data has it (`note_zh`); else in English, marked as such."""
    if not r.get("note"):
        return ""
    if v.lang == "zh":
        return str(r["note_zh"]) if r.get("note_zh") else v.t("{note} (in English)", note=r["note"])
    return str(r["note"])


def _area_also(v: View, value: Any, unit: str | None) -> str:
    """' (= 200,000 ha)' for an area as reported in mu; '' otherwise, and where the view already
    shows it in hectares."""
    found = conversions(value, unit) if value is not None and unit else None
    if not found or unit == "ha" or v.area_unit == "ha":
        return ""
    ha = found["ha"]
    return v.t(" (= {amount})", amount=v.in_unit(ha, "ha", places=0 if is_whole(ha) else 2))


def _industry(ds: Dataset, r: Row, v: View, cite: Marker) -> Lines:
    from hechi_cli.reports.industries import bar, verdict
    from hechi_cli.reports.judge import judge

    goal = v.t("none (a base, not a number)")
    if r["target"] is not None:
        goal = v.amount(r["target"], r["unit"], unit_zh=unit_zh(ds, r["id"])) + _area_also(v, r["target"], r["unit"])
    goal += f" {cite(r['target_source'])}"  # cited first: the card reads top down
    claim = v.t("goals achieved, says {source}", source=cite(ds.programme.source)) if r["claimed_achieved"] else ""
    latest = v.t("none reported: no city-wide figure in the goal's unit") if r["target"] is not None else ""
    if r["target"] is not None and r["baseline_figure"]:
        latest = v.t("none since the programme's period began")
    if r["reported_value"] is not None:
        latest = _figure_line(ds, v, cite, r["reported_figure"])
        if r["reported_within_period"] is False:
            latest += v.t(" (from after the programme's period: none inside it)")
    newest = r["latest_figure"] if r["latest_figure"] not in (None, r["reported_figure"]) else None
    percent = ""
    if r["percent_of_target"] is not None:
        percent = f"{v.percent(r['percent_of_target'], r['reported_qualifier'])}  {bar(v, r)}  {verdict(v, r)}"
    ind = ds.records()[r["id"]][1]
    assert isinstance(ind, Industry)
    name, other = _names(v, r)
    major = v.t("{name} (one of the five major industries)", name=name) if r["major"] else name
    return [
        (N_("Target"), major),
        other,
        (N_("Goal"), goal),
        (N_("Claim"), claim),
        (N_("Judged on") if r["comparable"] else N_("Latest reported"), latest),
        (N_("Percent of goal"), percent or (verdict(v, r) if r["target"] is not None else "")),
        (N_("Latest"), _figure_line(ds, v, cite, newest) if newest else ""),
        *[(N_("Disagrees"), _figure_line(ds, v, cite, fid)) for fid in r["reported_disputed_by"]],
        (N_("Not compared"), v.say(why) if (why := judge(ds, ind).why_not) else ""),
        (N_("Baseline"), _figure_line(ds, v, cite, r["baseline_figure"]) if r["baseline_figure"] else ""),
        (N_("Measure"), v.t("{measure} (hechi series {id})", measure=r["measure"], id=r["id"]) if r["measure"] else ""),
        (N_("Note"), _note(v, r)),
    ]


def _figure_line(ds: Dataset, v: View, cite: Marker, fid: str) -> str:
    """A figure set beside a goal: amount, date, label and id, then its source's marker."""
    f = ds.records()[fid][1]
    assert isinstance(f, Figure)
    return v.t(
        "{amount}, {when}: {label} ({id}) {source}",
        amount=v.amount(f.value, f.unit, f.qualifier),
        when=v.period(f.period.text),
        label=v.name(f._asdict(), "label"),
        id=fid,
        source=cite(f.source),
    )


def _figure(ds: Dataset, r: Row, v: View, cite: Marker) -> Lines:
    scope = v.t("the city") if r["scope"] == "city" else v.name(ds.county_by_id[r["scope"]]._asdict())
    items = r["items_zh"] if v.lang == "zh" and r.get("items_zh") else r["items"]
    label, other = _names(v, r, "label")
    return [
        (N_("Figure"), label),
        other,
        (
            N_("Value"),
            v.amount(r["value"], r["unit"], r["qualifier"], unit_zh(ds, r["id"]))
            + _area_also(v, r["value"], r["unit"]),
        ),
        (N_("As of"), v.period(r["period"])),
        (N_("Scope"), v.t("{scope} ({id})", scope=scope, id=r["scope"])),
        (N_("Measure"), v.t("{measure} (hechi series {measure})", measure=r["measure"])),
        (N_("Site"), r["site"] or ""),
        (N_("Items"), v.t("; ").join(items)),
        (N_("Note"), _note(v, r)),
        (N_("Source"), cite(r["source"])),
    ]


def _ranking(ds: Dataset, r: Row, v: View, cite: Marker) -> Lines:
    from hechi_cli.reports.rankings import result, streak_words

    streak = r["streak"]
    name, other = _names(v, r)
    return [
        (N_("Ranking"), name),
        other,
        (N_("Result"), result(v, r)),
        (N_("As of"), v.period(r["period"])),
        (N_("Scope"), scope_name(v, ds, r["scope"])),
        (N_("Streak"), streak_words(v, streak) if streak else ""),
        (N_("Note"), _note(v, r)),
        (N_("Source"), cite(r["source"])),
    ]


def _site(ds: Dataset, r: Row, v: View, cite: Marker) -> Lines:
    county = ds.county_by_id[r["county"]]
    name, other = _names(v, r)
    return [
        (N_("Site"), name),
        other,
        (N_("County"), v.t("{scope} ({id})", scope=v.name(county._asdict()), id=county.id)),
        (N_("Note"), _note(v, r)),
        (N_("Source"), cite(r["source"])),
    ]


def _county(ds: Dataset, r: Row, v: View, cite: Marker) -> Lines:
    name, other = _names(v, r)
    return [
        (N_("County"), name),
        other,
        (N_("Kind"), v.t(COUNTY_KINDS[r["kind"]]) if r["kind"] in COUNTY_KINDS else r["kind"]),
        (N_("Note"), _note(v, r)),
        (N_("Source"), cite(r["source"])),
    ]


COUNTY_KINDS = {"district": N_("district"), "county": N_("county"), "autonomous county": N_("autonomous county")}
GRADES = {
    "A": N_("A: official or major media"),
    "B": N_("B: a reputable re-host or wire release"),
    "C": N_("C!: a low-quality mirror, forum or aggregator; treat its figures with care"),
}


def _source(ds: Dataset, r: Row, v: View, cite: Marker) -> Lines:
    s = ds.source_by_id[r["id"]]
    return [
        (N_("Title"), source_title(v.lang, s)),
        (N_("Publisher"), s.publisher_named(v.lang)),
        (N_("Date"), v.period(r["date"])),
        (N_("Grade"), v.t(GRADES.get(r["grade"], GRADES["C"]))),
        (N_("Address"), r["url"]),
        (N_("Note"), _note(v, r)),
    ]


def _measure(ds: Dataset, r: Row, v: View, cite: Marker) -> Lines:
    """A measure: what it counts, its latest figure, and where its figures are."""
    label, other = _names(v, r, "label")
    scopes = v.join([scope_name(v, ds, s) for s in r["scopes"]])
    return [
        (N_("Measure"), label),
        other,
        (N_("Latest"), _figure_line(ds, v, cite, r["latest_figure"])),
        (N_("Figures"), v.t("{n} in {scopes} (hechi series {id})", n=r["figures"], scopes=scopes, id=r["id"])),
    ]


CARDS: dict[str, Callable[[Dataset, Row, View, Marker], Lines]] = {
    "industry": _industry,
    "figure": _figure,
    "ranking": _ranking,
    "site": _site,
    "county": _county,
    "source": _source,
    "measure": _measure,
}
