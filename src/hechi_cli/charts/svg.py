"""The chart as SVG: real text in a font stack that covers Chinese, nothing loaded from outside, no
script, the same bytes for the same data. Every string from the data is escaped for XML.

On every chart: a title; a subtitle with the unit, scope and qualifiers (and a target's verdict);
the axes with numbers in the reader's style; "Source:" with each publisher, date and grade (C
marked); "Note:" for aims, conflicts and what is not compared; a footer naming hechi, the data
and the licence; and <title>/<desc> as alt text.
"""

from __future__ import annotations

import math
from datetime import date
from html import escape as _escape
from typing import TYPE_CHECKING, NamedTuple

from hechi_cli import __version__
from hechi_cli.cells import cell_len
from hechi_cli.charts.facts import Chart, Point
from hechi_cli.dataset.areas import convert
from hechi_cli.render.wrap import wrap
from hechi_cli.reports import humanize as h

if TYPE_CHECKING:
    from hechi_cli.dataset.model import Dataset
    from hechi_cli.dataset.periods import Period
    from hechi_cli.reports.view import View

WIDTH, HEIGHT = 800, 540
LEFT, RIGHT, TOP, BOTTOM = 92, 770, 96, 360  # the plot area
FONTS = "'Noto Sans SC', 'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif"
INK, GREY, BLUE, ORANGE, MAGENTA, BAND = "#222222", "#666666", "#1f5fa8", "#c05a00", "#b0168c", "#eeeeee"
CHARS_PER_LINE = 118  # a 12 px line of the footer, counted in cells (a Chinese character takes two)
CREDIT_CELLS = 138  # the 11 px credit line: about 5.4 px a cell, 752 px wide
LINE = 16  # between two lines of the footer, px


class Frame(NamedTuple):
    """Where a date and a value stand on the plot."""

    first: date
    last: date
    top: float

    def x(self, d: date) -> float:
        return round(LEFT + (d - self.first).days / (self.last - self.first).days * (RIGHT - LEFT), 1)

    def y(self, value: float) -> float:
        return round(BOTTOM - value / self.top * (BOTTOM - TOP), 1)


def render(chart: Chart, ds: Dataset, v: View) -> str:
    """The chart in `v`'s language and area unit."""
    values = [_shown(p.figure.value, p.figure.unit, v) for p in chart.points]
    goal = _goal(chart, v)
    band = _period(chart, ds)
    periods = [p.figure.period for p in chart.points] + ([band] if band else [])
    dates = [d for q in periods for d in (q.start, q.end) if d]
    f = Frame(  # whole years, so that the axis begins and ends on a tick
        date(min(dates, default=date(2000, 1, 1)).year, 1, 1),
        date(max(dates, default=date(2000, 1, 1)).year + 1, 1, 1),
        _nice_top(max([*values, goal or 0, 1])),
    )
    footer = _footer(chart, ds, v)
    title = _title(chart, ds, v)
    height = max(HEIGHT, BOTTOM + 50 + LINE * len(footer) + 24)  # every line of Source and Note, never cut
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" '
        f'font-family="{FONTS}" role="img" aria-labelledby="title desc">',
        f'<title id="title">{escape(title)}</title>',
        f'<desc id="desc">{escape(_alt(chart, ds, v, title))}</desc>',
        f'<rect width="{WIDTH}" height="{height}" fill="#ffffff"/>',
        _text(24, 36, title, 20, INK),
        _text(24, 62, _subtitle(chart, ds, v), 13, GREY),
        *_band(chart, ds, f, v),
        *_axes(f, v),
        *_goal_line(chart, goal, f, v),
        *_marks(chart.points, values, f, v),
        *[_text(24, BOTTOM + 50 + LINE * i, line, 12, INK) for i, line in enumerate(footer)],
        _text(24, height - 14, _credit(chart, ds, v), 11, GREY),
        "</svg>",
    ]
    return "\n".join(out) + "\n"


def _band(chart: Chart, ds: Dataset, f: Frame, v: View) -> list[str]:
    """A target's programme period as a grey band, named at its top."""
    period = _period(chart, ds)
    if period is None:
        return []
    assert period.start is not None and period.end is not None  # _period gives only such a period
    x0, x1 = f.x(period.start), f.x(period.end)
    label = v.t("programme period {period}", period=v.period(period.text))
    return [
        f'<rect x="{x0}" y="{TOP}" width="{round(x1 - x0, 1)}" height="{BOTTOM - TOP}" fill="{BAND}"/>',
        _text(x0 + 4, TOP + 14, label, 11, GREY),
    ]


def _goal_line(chart: Chart, goal: float | None, f: Frame, v: View) -> list[str]:
    """A target's goal, dashed across the plot and named at its left."""
    target = chart.target
    if goal is None or target is None:
        return []
    label = v.t("goal: {amount}", amount=v.amount(target.target, target.unit))
    return [
        f'<line x1="{LEFT}" x2="{RIGHT}" y1="{f.y(goal)}" y2="{f.y(goal)}" stroke="{INK}" stroke-dasharray="6 4"/>',
        _text(LEFT + 6, f.y(goal) - 6, label, 12, INK),
    ]


def _marks(points: list[Point], values: list[float], f: Frame, v: View) -> list[str]:
    """The line through the outcomes of grade A and B, then every point with its labels."""
    out = []
    outcomes = [(p, val) for p, val in zip(points, values) if p.figure.kind != "expectation" and p.grade != "C"]
    if len(outcomes) > 1:
        line = " ".join(f"{f.x(p.when)},{f.y(val)}" for p, val in outcomes)
        out.append(f'<polyline points="{line}" fill="none" stroke="{BLUE}" stroke-width="2"/>')
    labelled: set[tuple[float, float]] = set()  # two reports at one spot get one label
    for p, val in zip(points, values):
        px, py = f.x(p.when), f.y(val)
        start, end = p.figure.period.start, p.figure.period.end
        if start and end and (end - start).days > 400:  # a figure over several years spans them
            x0, x1 = f.x(start), f.x(end)
            out.append(
                f'<path d="M {x0} {py - 4} V {py + 4} M {x0} {py} H {x1} M {x1} {py - 4} V {py + 4}" '
                f'fill="none" stroke="{BLUE}" stroke-width="1.5"/>'
            )
        out.append(_mark(p, px, py))
        if p.first_year is not None and (px, py) not in labelled:
            labelled.add((px, py))
            near_edge = px > RIGHT - 80  # a label at the right edge runs leftwards
            label = v.t("from {year}", year=p.first_year)
            out.append(
                _text(px - 8 if near_edge else px + 8, py + 16, label, 11, GREY, "end" if near_edge else "start")
            )
        if p.judged:
            out.append(_text(px, py + 26, v.t("judged on"), 11, INK, "middle"))
    return out


def _shown(value: float, unit: str | None, v: View) -> float:
    """A value where the chart draws it: in the reader's area unit."""
    converted = convert(value, unit, v.area_unit)
    return float(converted.value if converted else value)


def _goal(chart: Chart, v: View) -> float | None:
    target = chart.target
    return None if target is None or target.target is None else _shown(target.target, target.unit, v)


def _period(chart: Chart, ds: Dataset) -> Period | None:
    """A target's programme period, with both its ends, for the band and the time axis."""
    period = ds.programme.period
    if chart.target is None or period is None or period.start is None or period.end is None:
        return None
    return period


def _nice_top(value: float) -> float:
    """The axis top: the value with a tenth of room above, rounded up to a step that five gridlines
    divide into round numbers (1.2 million gives 240,000 a line; 2 million, 400,000)."""
    raw = value * 1.1
    power = 10.0 ** math.floor(math.log10(raw))
    return float(next(m * power for m in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10) if m * power >= raw))


def _axes(f: Frame, v: View) -> list[str]:
    """Five gridlines with their numbers in the reader's style, and a tick a year (or every few)."""
    out = [f'<line x1="{LEFT}" x2="{RIGHT}" y1="{BOTTOM}" y2="{BOTTOM}" stroke="{GREY}"/>']
    ticks = [f.top * i / 5 for i in range(6)]
    # one number style on an axis: 万 under zh only where every tick can be so written
    wan = v.lang == "zh" and all(t == 0 or h.number_zh(t).endswith(("万", "亿")) for t in ticks)
    for tick in ticks:
        py = f.y(tick)
        label = h.number_zh(tick) if wan else h.number(int(tick) if float(tick).is_integer() else tick)
        out.append(f'<line x1="{LEFT}" x2="{RIGHT}" y1="{py}" y2="{py}" stroke="#dddddd"/>')
        out.append(_text(LEFT - 8, py + 4, label, 11, GREY, "end"))
    years = list(range(f.first.year, f.last.year + 1))
    step = max(1, math.ceil(len(years) / 10))
    for year in years[::step]:
        px = f.x(date(year, 1, 1))
        out.append(f'<line x1="{px}" x2="{px}" y1="{BOTTOM}" y2="{BOTTOM + 5}" stroke="{GREY}"/>')
        out.append(_text(px, BOTTOM + 20, v.t("{year}", year=year), 11, GREY, "middle"))
    return out


def _mark(p: Point, px: float, py: float) -> str:
    """A point: filled for grade A or B, hollow for C, a hollow diamond for an aim; a magenta ring
    where reports disagree, a black ring on the figure that judges a goal. Each carries its value."""
    data = f'data-figure="{_escape(p.figure.id)}" data-value="{_escape(repr(p.figure.value))}"'
    if p.figure.kind == "expectation":
        shape = (
            f'<path d="M {px} {py - 6} L {px + 6} {py} L {px} {py + 6} L {px - 6} {py} Z" fill="#ffffff" '
            f'stroke="{ORANGE}" stroke-width="2" {data}/>'
        )
    else:
        fill = "#ffffff" if p.grade == "C" else BLUE
        shape = f'<circle cx="{px}" cy="{py}" r="4.5" fill="{fill}" stroke="{BLUE}" stroke-width="2" {data}/>'
    rings = ""
    if p.clashes:
        rings += f'<circle cx="{px}" cy="{py}" r="8" fill="none" stroke="{MAGENTA}" stroke-width="2"/>'
    if p.judged:
        rings += f'<circle cx="{px}" cy="{py}" r="11" fill="none" stroke="{INK}" stroke-width="1.5"/>'
    return shape + rings


def escape(text: str) -> str:
    """Text for an element's content: & < > escaped (html, not xml.sax.saxutils, which imports
    urllib.request and cost a third of a chart's start-up)."""
    return _escape(text, quote=False)


def _text(px: float, py: float, text: str, size: int, color: str, anchor: str = "start") -> str:
    return (
        f'<text x="{round(px, 1)}" y="{round(py, 1)}" font-size="{size}" fill="{color}" '
        f'text-anchor="{anchor}">{escape(text)}</text>'
    )


def _label(chart: Chart, ds: Dataset, v: View) -> str:
    if chart.target is not None:
        return v.name(chart.target._asdict())
    # a streak is titled by what its axis counts ("years in a row first ..."), not the ranking's name
    from hechi_cli.reports.series import series_name

    return series_name(v, ds, chart.points[-1].figure if chart.points else ds.series(chart.measure, chart.scope)[-1])


def _scope(chart: Chart, ds: Dataset, v: View) -> str:
    from hechi_cli.reports.rows import scope_name

    county = ds.county_by_id.get(chart.scope)
    if v.lang == "zh":
        return scope_name(v, ds, chart.scope)
    return county.name if county else v.t("Hechi city")


def _title(chart: Chart, ds: Dataset, v: View) -> str:
    from hechi_cli.reports.rows import names_county

    label, scope = _label(chart, ds, v), _scope(chart, ds, v)
    if names_county(ds, label, chart.scope):
        return label
    return v.t("{label}, {scope}", label=label, scope=scope)


def _subtitle(chart: Chart, ds: Dataset, v: View) -> str:
    figures = [p.figure for p in chart.points]
    unit = v.parts(1, figures[0].unit)[1] if figures else ""
    if v.area_unit and figures and convert(1, figures[0].unit, v.area_unit):
        unit = v.parts(1, v.area_unit)[1]
    parts = [v.t("unit: {unit}", unit=unit)]
    qualified = sorted({v.qualifier(f.qualifier) for f in figures if f.qualifier != "exact"})
    if qualified:
        parts.append(v.t("some values are bounds or rounded ({words})", words=v.join(qualified)))
    if chart.target is not None:
        from hechi_cli.reports.industries import industry_row, verdict

        assert chart.verdict is not None
        row = industry_row(ds, chart.target, chart.verdict)
        pct = v.percent(row["percent_of_target"], row["reported_qualifier"])
        parts.append(v.t("verdict: {verdict}", verdict=f"{pct} {verdict(v, row)}".strip()))
    if chart.ranking is not None:
        years = sorted({p.first_year for p in chart.points if p.first_year is not None})
        if len(years) > 1:
            parts.append(v.t("the reports disagree on the first year: {years}", years=v.join([str(y) for y in years])))
    return v.t("; ").join(parts)


def _alt(chart: Chart, ds: Dataset, v: View, title: str) -> str:
    """What the chart shows, for a screen reader: the measure, how many reports, the latest value."""
    if not chart.points:
        return title
    latest = chart.points[-1].figure
    return v.t(
        "A chart of {title}: {n} reports from {first} to {last}; the latest is {amount} ({source}, grade {grade}).",
        title=title,
        n=len(chart.points),
        first=v.period(chart.points[0].figure.period.text),
        last=v.period(latest.period.text),
        amount=v.amount(latest.value, latest.unit, latest.qualifier),
        source=ds.source_by_id[latest.source].publisher_in(v.lang),
        grade=ds.grade(latest.source),
    )


def _footer(chart: Chart, ds: Dataset, v: View) -> list[str]:
    """The lines of Source and Note, wrapped to the chart's width."""
    from hechi_cli.render.table import source_date

    cited = list(dict.fromkeys(p.figure.source for p in chart.points))
    if chart.target is not None:
        cited.insert(0, chart.target.source)
        cited = list(dict.fromkeys(cited))
    sources = v.t("; ").join(
        v.t(
            "{publisher} {date} ({grade})",
            publisher=ds.source_by_id[s].publisher_in(v.lang),
            date=source_date(v.lang, ds.source_by_id[s].date),
            grade="C!" if ds.grade(s) == "C" else ds.grade(s),
        )
        for s in cited
    )
    notes = []
    if any(p.figure.kind == "expectation" for p in chart.points):
        notes.append(v.t("hollow diamonds are aims or forecasts, not outcomes"))
    if any(p.grade == "C" for p in chart.points):
        notes.append(v.t("hollow circles come from grade C sources (C!), outside the line"))
    if any(p.clashes for p in chart.points):
        notes.append(v.t("a magenta ring marks reports of the same time that disagree"))
    if any(p.judged for p in chart.points):
        notes.append(v.t("the black ring marks the figure that judges the goal"))
    elif chart.verdict is not None and chart.verdict.why_not is not None:
        notes.append(v.t("no figure is compared with the goal: {why}", why=v.say(chart.verdict.why_not)))
    if _period(chart, ds) is not None:
        notes.append(v.t("the shaded band is the programme's period"))
    lines = wrap(v.t("Source: {sources}.", sources=sources), CHARS_PER_LINE, "", cell_len, v.keep)
    if notes:
        lines += wrap(v.t("Note: {notes}.", notes=v.t("; ").join(notes)), CHARS_PER_LINE, "", cell_len, v.keep)
    return lines


def _credit(chart: Chart, ds: Dataset, v: View) -> str:
    """hechi's version, the data's title and compile date, the licence and the command; a data title
    too long for the line gives way, never the rest."""
    fields = {
        "version": __version__,
        "compiled": v.period(ds.compiled) if ds.compiled else v.t("date unknown"),
        "id": (chart.target.id if chart.target else chart.ranking.id if chart.ranking else chart.measure)
        + ("" if chart.scope == "city" else f" --scope {chart.scope}"),  # the command that draws it again
    }
    credit = v.t(
        "hechi {version} · {dataset}, compiled {compiled} · MIT licence · hechi chart {id}", dataset=ds.title, **fields
    )
    if cell_len(credit) <= CREDIT_CELLS:
        return credit
    return v.t("hechi {version} · data compiled {compiled} · MIT licence · hechi chart {id}", **fields)
