"""`hechi rankings`: rankings, honours, shares of output, and the ranking streaks."""

from __future__ import annotations

from typing import Any

from hechi_cli.dataset.model import Dataset, Figure, Ranking
from hechi_cli.reports import humanize as h
from hechi_cli.reports.report import NO_QUERY, Column, Heading, Query, Report, Row
from hechi_cli.reports.rows import figure_row, provenance, row_label
from hechi_cli.reports.view import DEFAULT, Options, View

HEADING = Heading("rankings", "rankings", "Hechi's rankings and honours")


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
    }


def streak_analysis(ds: Dataset, measure: str) -> dict[str, Any]:
    """Each report of a 'N years in a row' streak, and whether they imply one start year."""
    points = []
    for f in ds.series(measure):
        year = f.period.end.year if f.period.end else None
        start = year - int(f.value) + 1 if year is not None else None
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
        place = _place(r["among"])
        # a ranking without a rank is a claim to lead: "leads the region and the country"
        return f"{_ordinal(r['value'])} {place}" if r["value"] else f"leads {r['among']}"
    if r["kind"] == "honour":
        return "awarded"
    if r["kind"] == "streak":
        return f"{h.number(r['value'])} years in a row"
    return v.amount(r["value"], r["unit"], r["qualifier"])


def _place(among: str | None) -> str:
    """'in Guangxi' for a place (one word), 'among cities in China' for a group of peers."""
    if not among:
        return ""
    return f"in {among}" if len(among.split()) == 1 else f"among {among}"


KINDS = {"ranking": "Rankings", "honour": "Honours", "streak": "Streaks: years in a row", "share": "Shares of output"}


def columns(v: View, ds: Dataset) -> list[Column]:
    return [
        Column(v.header("Kind"), lambda r: KINDS[r["kind"]], heading=True),
        Column(v.header("What"), lambda r: f"{row_label(v, ds, r['id'])}\n{r['id']}"),
        Column(v.header("Result"), lambda r: result(v, r)),
        Column(v.header("As of"), lambda r: v.period(r["period"])),
        Column(v.header("Scope"), lambda r: r["scope"], whole=True),
        Column(v.header("Src"), lambda r: r["source"], whole=True, footnote=True),
    ]


def streak_words(s: dict[str, Any]) -> str:
    """The reports of a streak and what they imply, in words."""
    pts = "; ".join(f"{h.number(p['years'])} in {p['year']} ({p['source']}, {p['grade']})" for p in s["points"])
    if s["consistent"]:
        first = s["implied_start_years"][0]
        either = f"{first} ({first - 1} if the count stops the year before the report)"
        verdict = (
            f"one report: it implies a first year of {either}"
            if s["reports"] == 1
            else (f"consistent: every report implies a first year of {either}")
        )
    else:
        verdict = "INCONSISTENT: the reports imply first years of " + ", ".join(map(str, s["implied_start_years"]))
    return f"{pts}. {verdict}."


def _streak_note(name: str, s: dict[str, Any]) -> str:
    return f"{name} streak: {streak_words(s)}"


def build(ds: Dataset, opts: Options = DEFAULT, query: Query = NO_QUERY) -> Report:
    """Rankings and honours, then streak reports, then shares of Guangxi's, China's and the world's output."""
    rows = [ranking_row(ds, r) for r in ds.rankings]
    streaks = []
    notes = []
    for r in ds.rankings:
        if r.streak:
            s = streak_analysis(ds, r.streak)
            streaks.append({"ranking": r.id, **s})
            rows.extend(_figure_as_ranking(ds, f, "streak") for f in ds.series(r.streak))
            notes.append(_streak_note(r.name, s))
    rows.extend(_figure_as_ranking(ds, f, "share") for f in ds.figures if f.topic == "share")
    cols = columns(View(opts), ds)
    after = {"streaks": streaks}
    return Report(heading=HEADING, rows=rows, columns=cols, notes=notes, json_after=after, sources=ds.source_by_id)
