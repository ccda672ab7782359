"""`hechi rankings`: rankings, honours, shares of output, and the ranking streaks."""

from __future__ import annotations

from typing import Any

from hechi_cli.dataset.model import Dataset, Figure, Ranking
from hechi_cli.messages import N_
from hechi_cli.reports import humanize as h
from hechi_cli.reports.report import NO_QUERY, Column, Heading, Query, Report, Row, Words
from hechi_cli.reports.rows import figure_row, provenance, row_label, scope_name, table_words
from hechi_cli.reports.view import View

HEADING = Heading("rankings", "rankings", N_("Hechi's rankings and honours"))


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def ranking_row(ds: Dataset, r: Ranking) -> Row:
    """The JSON/CSV fields of a ranking or honour; a rank is a value in the unit 'rank'."""
    rank = dict.fromkeys(("value", "unit", "qualifier"))
    if r.rank is not None:
        rank = {"value": r.rank, "unit": "rank", "qualifier": "exact"}
    return {
        "id": r.id,
        "kind": r.kind,
        "name": r.name,
        "name_zh": r.name_zh,
        **rank,
        "among": r.among,
        **provenance(ds, r),
        "among_zh": r.among_zh,
    }


def _figure_as_ranking(ds: Dataset, f: Figure, kind: str) -> Row:
    """A streak or share figure in the shape of a ranking row."""
    value = {k: v for k, v in figure_row(ds, f).items() if k in ("value", "unit", "qualifier")}
    return {
        "id": f.id,
        "kind": kind,
        "name": f.label,
        "name_zh": f.label_zh,
        **value,
        "among": None,
        **provenance(ds, f),
        "among_zh": None,
    }


def first_year(f: Figure) -> int | None:
    """The first year an 'N years in a row' report implies: the year it counts to, less N, plus one."""
    return f.period.end.year - int(f.value) + 1 if f.period.end else None


def streak_analysis(ds: Dataset, measure: str) -> dict[str, Any]:
    """Each report of a 'N years in a row' streak, and whether they imply one start year."""
    points = []
    for f in ds.series(measure):
        year = f.period.end.year if f.period.end else None
        start = first_year(f)
        points.append(
            {
                "figure": f.id,
                "year": year,
                "years": f.value,
                "implied_start_year": start,
                "source": f.source,
                "implied_start_year_if_count_ends_year_before": start - 1 if start is not None else None,
                "grade": ds.grade(f.source),
            }
        )
    starts = sorted({p["implied_start_year"] for p in points if p["implied_start_year"] is not None})
    return {
        "measure": measure,
        "points": points,
        "consistent": len(starts) == 1,
        "implied_start_years": starts,
        "reports": len(points),
    }


def result(v: View, r: Row) -> str:
    """What a ranking, honour, streak or share says, in words."""
    if r["kind"] == "ranking":
        # a ranking without a rank is a claim to lead: "leads the region and the country"
        return _place(v, r) if r["value"] else v.t("leads {among}", among=v.name(r, "among"))
    if r["kind"] == "honour":
        return v.t("awarded")
    if r["kind"] == "streak":
        return v.t("{n} years", n=h.number(r["value"]))
    return v.amount(r["value"], r["unit"], r["qualifier"])


def _place(v: View, r: Row) -> str:
    """'1st in Guangxi' for a place (one word), '1st among cities in China' for a group of peers; 广西第1."""
    n, among = r["value"], r["among"]
    if v.lang == "zh":
        return v.t("{among} No. {n}", among=v.name(r, "among"), n=n)
    if not among:
        return _ordinal(n)
    return f"{_ordinal(n)} in {among}" if len(among.split()) == 1 else f"{_ordinal(n)} among {among}"


KINDS = {
    "ranking": N_("Rankings"),
    "honour": N_("Honours"),
    "streak": N_("Streaks: years in a row"),
    "share": N_("Shares of output"),
}


def columns(v: View, ds: Dataset, streaks: dict[str, str] | None = None) -> list[Column]:
    """The table's columns; `streaks` names the row that stands for a whole streak (the digest's)."""
    named = streaks or {}
    return [
        Column(v.header("Kind"), lambda r: v.t(KINDS[r["kind"]]), heading=True),
        Column(v.header("What"), lambda r: named.get(r["id"]) or row_label(v, ds, r["id"])),
        Column(v.header("Result"), lambda r: result(v, r)),
        Column(v.header("As of"), lambda r: v.period(r["period"])),
        Column(v.header("Scope"), lambda r: scope_name(v, ds, r["scope"]), whole=True),
        Column(v.header("Src"), lambda r: r["source"], whole=True, footnote=True),
    ]


def streak_words(v: View, s: dict[str, Any]) -> str:
    """The reports of a streak and what they imply, in words."""
    pts = v.t("; ").join(
        v.t(
            "{years} in {year} ({source}, {grade})",
            years=h.number(p["years"]),
            year=p["year"],
            source=p["source"],
            grade=p["grade"],
        )
        for p in s["points"]
    )
    if s["consistent"]:
        first = s["implied_start_years"][0]
        either = v.t("{first} ({before} if the count stops the year before the report)", first=first, before=first - 1)
        verdict = v.t(
            N_("One report: it implies a first year of {year}")
            if s["reports"] == 1
            else N_("Consistent: every report implies a first year of {year}"),
            year=either,
        )
    else:
        years = v.join([str(y) for y in s["implied_start_years"]])
        verdict = v.t("Inconsistent: the reports imply first years of {years}", years=years)
    return v.t("{points}. {verdict}.", points=pts, verdict=verdict)


def notes(ds: Dataset, v: View) -> tuple[list[str], list[str]]:
    """Streaks whose reports disagree, in a line each; every streak's reports in full (kept back)."""
    short, full = [], []
    for r in ds.rankings:
        if not r.streak:
            continue
        s = streak_analysis(ds, r.streak)
        name = v.name(r._asdict())
        full.append(v.t("{name} streak: {words}", name=name, words=streak_words(v, s)))
        if not s["consistent"]:
            years = v.join([str(y) for y in s["implied_start_years"]])
            short.append(
                v.t(
                    "{name} streak: its {n} reports disagree, implying first years of {years} (hechi series {id}).",
                    name=name,
                    n=s["reports"],
                    years=years,
                    id=r.id,
                )
            )
    return short, full


def build(ds: Dataset, query: Query = NO_QUERY) -> Report:
    """Rankings and honours, then streak reports, then shares of Guangxi's, China's and the world's output."""
    rows = [ranking_row(ds, r) for r in ds.rankings]
    streaks = []
    for r in ds.rankings:
        if r.streak:
            streaks.append({"ranking": r.id, **streak_analysis(ds, r.streak)})
            rows.extend(_figure_as_ranking(ds, f, "streak") for f in ds.series(r.streak))
    rows.extend(_figure_as_ranking(ds, f, "share") for f in ds.figures if f.topic == "share")
    return Report(HEADING, rows, lambda v: words(v, ds, rows), json_after={"streaks": streaks})


def streak_digest(v: View, ds: Dataset) -> tuple[set[str], dict[str, str]]:
    """The streak reports that a later report of the same streak restates (series are oldest first),
    and the latest report of each streak of several -> the ranking's short name, which its row takes
    in the digest, so that it and the note on the streak name the same thing."""
    earlier: set[str] = set()
    names: dict[str, str] = {}
    for r in ds.rankings:
        series = ds.series(r.streak) if r.streak else []
        if len(series) > 1:
            earlier.update(f.id for f in series[:-1])
            names[series[-1].id] = row_label(v, ds, r.id)
    return earlier, names


def words(v: View, ds: Dataset, rows: list[Row]) -> Words:
    """The rankings under their kinds, and what each streak implies, in `v`'s words. A table shows
    each streak's latest report only, unless `--all`: every report restates the one streak, and the
    notes say where they disagree on when it began."""
    short, full = notes(ds, v)
    earlier, names = (set(), {}) if v.every else streak_digest(v, ds)
    base = table_words(v, ds, HEADING, columns(v, ds, names), short, rows)._replace(more=full)
    if not earlier:
        return base
    held = v.t("--all: {n} earlier reports.", n=len(earlier))
    return base._replace(digest=[r for r in rows if r["id"] not in earlier], held=held)
