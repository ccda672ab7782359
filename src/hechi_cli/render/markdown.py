"""Markdown: a GitHub-flavoured table, then the notes as a list."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hechi_cli.env import Environment
from hechi_cli.messages import tr
from hechi_cli.render.table import GRADE_C, GRADE_C_NOTE, SOURCES, footnote_markers, shown_rows, source_date, with_ids
from hechi_cli.reports.report import Column, Report, Row, Words
from hechi_cli.textsafe import lines

if TYPE_CHECKING:
    from hechi_cli.reports.view import View


def _line(text: str) -> str:
    for ch in ("\\", "|", "*", "_", "`", "<", ">", "[", "]"):
        text = text.replace(ch, "\\" + ch)
    return text


def _cell(text: str, join: str = "<br>") -> str:
    """Escape what would end a cell or start markup; control characters become visible."""
    return join.join(_line(x) for x in lines(text))


def render(report: Report, view: View, env: Environment) -> str:
    """A heading, the details, the table (sections as bold rows), the numbered sources, the notes."""
    view = view.whole()  # a report to publish: titles, addresses and every note
    w = report.words(view)
    rows = shown_rows(report, w)
    markers = footnote_markers(w, rows)
    # A report has room: the id is always a column of its own (in the label's place under --ids).
    cols = [c._replace(optional=False) for c in with_ids(w, view, [c for c in w.columns if not c.heading])]
    heading = next((c for c in w.columns if c.heading), None)
    out = [f"## {_cell(w.title)}", ""]
    if w.details:
        out.extend(f"- **{_cell(k)}**: {_cell(v)}" for k, v in w.details)
        out.append("")
    out.append("| " + " | ".join(_cell(c.header) for c in cols) + " |")
    out.append("|" + "|".join("---:" if c.numeric else "---" for c in cols) + "|")
    current = None
    for row in rows:
        if heading is not None and heading.cell(row) != current:
            current = heading.cell(row)
            out.append("| " + " | ".join([f"**{_cell(current)}**", *[""] * (len(cols) - 1)]) + " |")
        out.append("| " + " | ".join(_value(c, row, w, markers, c is cols[0]) for c in cols) + " |")
    if markers:
        out += ["", tr(w.lang, SOURCES), ""]
        for sid, n in markers.items():
            s = w.sources[sid]
            grade = GRADE_C if s.grade == "C" else s.grade
            date = source_date(w.lang, s.date)
            publisher, url = _cell(s.publisher_named(w.lang)), autolink(s.url)
            out.append(
                tr(
                    w.lang,
                    "{n}. {grade} `{id}`, {publisher}, {date}, <{url}>",
                    n=n,
                    grade=grade,
                    id=_line(sid),
                    publisher=publisher,
                    date=_cell(date),
                    url=url,
                )
            )
        if any(w.sources[sid].grade == "C" for sid in markers):
            out += ["", _cell(tr(w.lang, GRADE_C_NOTE))]
    notes = [*w.notes, *w.more, *([tr(w.lang, "; ").join(w.legend)] if w.legend else [])]
    if notes:  # a report keeps every note: nothing is held back as in a terminal
        out.append("")
        out.extend(f"- {_cell(n)}" for n in notes)
    return "\n".join(out) + "\n"


def autolink(url: str) -> str:
    """An address inside <…>, as it is: CommonMark takes no backslash escapes there, so only what
    would end the link (spaces, <, >, control characters) is percent-encoded."""
    return "".join(ch if ch > " " and ch not in "<>\x7f" else f"%{ord(ch):02X}" for ch in url)


def _value(col: Column, row: Row, w: Words, markers: dict[str, int], first: bool) -> str:
    text = col.cell(row)
    if col.footnote and text in markers:
        grade = w.sources[text].grade
        return f"[{markers[text]}] {GRADE_C if grade == 'C' else grade}"
    # A table cell is one line: the first column's lines (a name, then its id) keep their break;
    # elsewhere they read as one phrase ("more than 40,000").
    return _cell(text, "<br>" if first else " ")
