"""`hechi cite ID...`: a sentence to paste for a figure, and its source as text, BibTeX, CSL-JSON or RIS.

Bibliographic styles give one entry per source, however many of the ids cite it.
Imported only when `cite` runs.
"""

from __future__ import annotations

import json
import re
from typing import Any

from hechi_cli.dataset.model import Dataset, Figure, Source
from hechi_cli.errors import UnknownRecord
from hechi_cli.messages import N_
from hechi_cli.reports.suggest import suggestions
from hechi_cli.reports.view import View

STYLES = ("text", "bibtex", "csl-json", "ris")
GRADE_WORDS = {
    "A": N_("official or major media"),
    "B": N_("a reputable re-host or wire release"),
    "C": N_("a low-quality mirror"),
}


def cite(ds: Dataset, ids: list[str], style: str, v: View) -> str:
    """The citation text of the records with these ids, in one style; `v` words the text style."""
    records = []
    for rid in map(ds.canonical, ids):
        found = ds.records().get(rid)
        if found is None:
            raise UnknownRecord(rid, suggestions(rid, ds.records()))
        records.append(found)
    if style == "text":  # text for a terminal: control characters made visible, as in every table
        from hechi_cli.textsafe import printable

        return "".join(printable(_sentence(ds, kind, rec, v)) + "\n" for kind, rec in records)
    sources: list[Source] = list(
        dict.fromkeys(rec if isinstance(rec, Source) else ds.source_by_id[rec.source] for _, rec in records)
    )
    if style == "bibtex":
        return "\n".join(bibtex(s) for s in sources)
    if style == "ris":
        return "".join(ris(s) for s in sources)
    return json.dumps([csl(s) for s in sources], ensure_ascii=False, indent=2) + "\n"


# ---------------------------------------------------------------- text


def _sentence(ds: Dataset, kind: str, rec: Any, v: View) -> str:
    """'Label, place, when: amount. Source: …', the amount as the tables write it (16万吨 in Chinese)."""
    if kind == "source":
        return _source_text(rec, v)
    if isinstance(rec, Figure):
        what = v.t(
            "{label}, {place}, {when}: {amount}.",
            label=v.name(rec._asdict(), "label"),
            place=_place(ds, rec.scope, v),
            when=v.period(rec.period.text),
            amount=v.amount(rec.value, rec.unit, rec.qualifier, rec.unit_zh),
        )
    else:
        what = v.t("{name}.", name=v.name(rec._asdict()))
    return v.t("{what} Source: {source}", what=what, source=_source_text(ds.source_by_id[rec.source], v))


def _place(ds: Dataset, scope: str, v: View) -> str:
    if scope == "city":
        return v.t("Hechi city")
    return v.t("{county}, Hechi", county=v.name(ds.county_by_id[scope]._asdict()))


def _source_text(s: Source, v: View) -> str:
    fields = {
        "publisher": s.publisher_named(v.lang),
        "date": v.t("date unknown") if s.date == "unknown" else v.period(s.date),
        "url": s.url,
        "grade": s.grade,
        "grade_words": v.t(GRADE_WORDS[s.grade]),
        "id": s.id,
    }
    if not s.known_title:  # a placeholder is never cited as the page's title
        return v.t(
            "{publisher}, {date}, {url} (title not recorded; grade {grade}: {grade_words}; hechi {id}).", **fields
        )
    return v.t(
        "{publisher}, “{title}”, {date}, {url} (grade {grade}: {grade_words}; hechi {id}).",
        title=s.known_title,
        **fields,
    )


# ---------------------------------------------------------------- BibTeX, CSL-JSON, RIS


def _date_parts(date: str) -> list[int] | None:
    """[2022, 10, 12], [2014] for '~2014', None for 'unknown'."""
    if date == "unknown":
        return None
    return [int(x) for x in date.lstrip("~").split("-")]


def _bib(text: str) -> str:
    """A BibTeX field value: braces balanced by escaping, LaTeX's special characters escaped, and no
    line break (a newline cannot end a field early, but it is no part of a title either)."""
    out = re.sub(r"([\\{}])", r"\\\1", _one_line(text))
    return re.sub(r"([%&#_$~^])", r"\\\1", out)


def _one_line(text: str) -> str:
    """Any control character as a space: a newline in a title would forge a second RIS record."""
    return re.sub(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]", " ", text)


def _url(url: str) -> str:
    """An address as it is, but for what would end a BibTeX field or a line: braces, backslash,
    whitespace and controls are percent-encoded (an address never needs them raw)."""
    return "".join(f"%{ord(c):02X}" if c in "{}\\" or c.isspace() or ord(c) < 32 else c for c in url)


def bibtex(s: Source) -> str:
    """A @misc entry, which BibTeX, biblatex and citeproc-py all read (citeproc-py has no @online).
    Title and publisher are braced whole, so that a style keeps their capitals and never splits
    "Science and Technology Daily" into two names; an unrecorded title is no title, only a note."""
    fields = []
    if s.known_title:
        fields.append(("title", "{" + _bib(s.known_title) + "}"))
    fields.append(("publisher", "{" + _bib(s.publisher) + "}"))  # once: pandoc printed publisher and organization
    parts = _date_parts(s.date)
    if parts:
        fields.append(("year", str(parts[0])))
        fields.append(("date", "-".join(f"{p:02d}" for p in parts) + ("~" if s.date.startswith("~") else "")))
    fields += [("url", _url(s.url)), ("note", _bib(_note(s)))]
    body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields)
    return f"@misc{{{s.id},\n{body}\n}}\n"


def _note(s: Source) -> str:
    untitled = "" if s.known_title else "Title not recorded. "
    return f"{untitled}Grade {s.grade} source (hechi)"


def csl(s: Source) -> dict[str, Any]:
    """A CSL-JSON item, as Zotero imports it; the publisher once (as container-title too, pandoc
    printed it twice), and no title where none was recorded."""
    item: dict[str, Any] = {"id": s.id, "type": "webpage"}
    if s.known_title:
        item["title"] = s.known_title
    item["publisher"] = s.publisher
    parts = _date_parts(s.date)
    if parts:
        item["issued"] = {"date-parts": [parts], **({"circa": True} if s.date.startswith("~") else {})}
    item["URL"] = s.url
    item["note"] = _note(s)
    return item


def ris(s: Source) -> str:
    """A RIS record (ELEC: a web page), as EndNote imports it: TY first, the other tags in the order
    of the specification's tag list (alphabetical), ER last; every value on one line."""
    tags: dict[str, str] = {"ID": s.id, "N1": _note(s), "PB": s.publisher}
    parts = _date_parts(s.date)
    if parts:  # DA is YYYY/MM/DD/other, with empty parts where the date has none
        tags["DA"] = "/".join([f"{parts[0]}", *(f"{p:02d}" for p in parts[1:])]) + "/" * (3 - len(parts)) + "/"
        tags["PY"] = str(parts[0])
    if s.known_title:
        tags["TI"] = s.known_title
    tags["UR"] = _url(s.url)
    lines = [("TY", "ELEC"), *sorted(tags.items()), ("ER", "")]
    return "".join(f"{tag}  - {_one_line(value)}\n" for tag, value in lines)
