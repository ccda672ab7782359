"""`hechi sources`: every source, its grade and how many records cite it."""

from __future__ import annotations

from collections import Counter

from hechi_cli.dataset.model import Dataset
from hechi_cli.messages import N_
from hechi_cli.reports.report import NO_QUERY, Column, Heading, Query, Report, Row, Words
from hechi_cli.reports.view import View

HEADING = Heading("sources", "sources", N_("Sources of Hechi's figures"))


def citations(ds: Dataset) -> Counter[str]:
    """How many records (figures, targets, rankings, counties, sites, programme) cite each source."""
    cited: Counter[str] = Counter()
    for group in (ds.figures, ds.industries, ds.rankings, ds.counties, ds.sites):
        cited.update(rec.source for rec in group)
    cited[ds.programme.source] += 1
    return cited


def date(v: View, text: str) -> str:
    """A source's date as the reader's language writes it (2022-10-12, 2022年10月12日); one not known
    says so."""
    if text == "unknown":
        return v.t("unknown")
    return v.period(text) if v.lang == "zh" else text


GRADE_HEADINGS = {
    "A": N_("Grade A ({n}): official or major media"),
    "B": N_("Grade B ({n}): reputable re-host or wire release"),
    "C": N_("Grade C ({n}): low-quality mirror, forum or aggregator; use with care"),
}


def grade_heading(v: View, grade: str, n: int) -> str:
    """The heading over a grade's sources: what the grade means, and how many sources have it."""
    return v.t(GRADE_HEADINGS[grade], n=n) if grade in GRADE_HEADINGS else grade


def columns(v: View, by_grade: Counter[str]) -> list[Column]:
    """One line per source under its grade: id, date, publisher, how often cited; `--long` adds the
    full publisher, the title and the address (every format but the table has them always)."""
    publisher = Column(
        v.header("Publisher"),
        lambda r: (v.lang == "zh" and r["publisher_zh"]) or r["publisher_short"] or r["publisher"],
    )
    if v.long:
        publisher = Column(v.header("Publisher and title"), lambda r: f"{r['publisher']}\n{r['title']}")
    return [
        Column(v.header("Grade"), lambda r: grade_heading(v, r["grade"], by_grade[r["grade"]]), heading=True),
        Column(v.header("ID"), lambda r: r["id"], whole=True),
        Column(v.header("Date"), lambda r: date(v, r["date"]), whole=True),
        publisher,
        Column(v.header("URL"), lambda r: r["url"], below=True),
        Column(v.header("Cited"), lambda r: str(r["cited_by"]), numeric=True),
    ]


def build(ds: Dataset, query: Query = NO_QUERY) -> Report:
    """Sources in dataset order."""
    cited = citations(ds)
    rows = [
        {
            "id": s.id,
            "grade": s.grade,
            "date": s.date,
            "publisher": s.publisher,
            "title": s.title,
            "url": s.url,
            "note": s.note,
            "cited_by": cited[s.id],
            "publisher_short": s.publisher_short,
            "publisher_zh": s.publisher_zh,
            "note_zh": s.note_zh,
        }
        for s in ds.sources
    ]
    by_grade = Counter(s.grade for s in ds.sources)

    # People read them by grade, the most cited first, then the newest; JSON keeps the data's order.
    shown = sorted(rows, key=_date, reverse=True)
    shown.sort(key=lambda r: (str(r["grade"]), -cited[str(r["id"])]))  # stable: the dates' order holds

    def words(v: View) -> Words:
        # The headings say what each grade means and how many have it: those notes are kept back.
        held = "" if v.long else v.t("--long: each source's title and address.")
        return Words(v.lang, v.t(HEADING.title), columns(v, by_grade), more=notes(v, by_grade), digest=shown, held=held)

    return Report(HEADING, rows, words)


def _date(row: Row) -> str:
    """A source's date as a sort key: '~2014' as 2014, and 'unknown' before every date."""
    date = str(row["date"]).lstrip("~")
    return date if date[:1].isdigit() else ""


def notes(v: View, by_grade: Counter[str]) -> list[str]:
    return [
        v.t(
            "Grades: A = official or major media; B = reputable re-host or wire release; "
            "C = low-quality mirror, forum or aggregator (shown with a warning)."
        ),
        v.t("Sources by grade: A {a}, B {b}, C {c}.", a=by_grade["A"], b=by_grade["B"], c=by_grade["C"]),
    ]
