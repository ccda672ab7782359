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
from hechi_cli.reports import humanize as h
from hechi_cli.reports.humanize import QUALIFIERS_ZH, UNITS_ZH, period_zh
from hechi_cli.reports.suggest import suggestions

STYLES = ("text", "bibtex", "csl-json", "ris")
GRADE_WORDS = {"A": "official or major media", "B": "a reputable re-host or wire release", "C": "a low-quality mirror"}


def cite(ds: Dataset, ids: list[str], style: str, lang: str) -> str:
    """The citation text of the records with these ids, in one style."""
    records = []
    for rid in ids:
        found = ds.records().get(rid)
        if found is None:
            raise UnknownRecord(rid, suggestions(rid, ds.records()))
        records.append(found)
    if style == "text":
        return "".join(_sentence(ds, kind, rec, lang) + "\n" for kind, rec in records)
    sources: list[Source] = list(
        dict.fromkeys(rec if isinstance(rec, Source) else ds.source_by_id[rec.source] for _, rec in records)
    )
    if style == "bibtex":
        return "\n".join(bibtex(s) for s in sources)
    if style == "ris":
        return "".join(ris(s) for s in sources)
    return json.dumps([csl(s) for s in sources], ensure_ascii=False, indent=2) + "\n"


# ---------------------------------------------------------------- text


def _sentence(ds: Dataset, kind: str, rec: Any, lang: str) -> str:
    if kind == "source":
        return _source_text(rec, lang)
    zh = lang == "zh"
    if isinstance(rec, Figure):
        place = _place(ds, rec.scope, zh)
        if zh:
            value = QUALIFIERS_ZH.get(rec.qualifier, "") + h.number(rec.value) + UNITS_ZH.get(rec.unit, rec.unit)
            what = f"{rec.label_zh or rec.label}（{place}，{period_zh(rec.period.text)}）：{value}。"
        else:
            what = f"{rec.label}, {place}, {h.period(rec.period.text)}: {h.amount(rec.value, rec.unit, rec.qualifier)}."
    else:
        name = (getattr(rec, "name_zh", None) or rec.name) if zh else rec.name
        what = f"{name}。" if zh else f"{name}."
    return f"{what}{'来源：' if zh else ' Source: '}{_source_text(ds.source_by_id[rec.source], lang)}"


def _place(ds: Dataset, scope: str, zh: bool) -> str:
    if scope == "city":
        return "河池市" if zh else "Hechi city"
    county = ds.county_by_id[scope]
    return (county.name_zh or county.name) if zh else f"{county.name}, Hechi"


def _source_text(s: Source, lang: str) -> str:
    if lang == "zh":
        return f"{s.publisher}，《{s.title}》，{period_zh(s.date)}，{s.url}（{s.grade}级来源；hechi {s.id}）。"
    date = "date unknown" if s.date == "unknown" else h.period(s.date)
    return f"{s.publisher}, “{s.title}”, {date}, {s.url} (grade {s.grade}: {GRADE_WORDS[s.grade]}; hechi {s.id})."


# ---------------------------------------------------------------- BibTeX, CSL-JSON, RIS


def _date_parts(date: str) -> list[int] | None:
    """[2022, 10, 12], [2014] for '~2014', None for 'unknown'."""
    if date == "unknown":
        return None
    return [int(x) for x in date.lstrip("~").split("-")]


def _bib(text: str) -> str:
    """A BibTeX field value: braces balanced by escaping, LaTeX's special characters escaped."""
    out = re.sub(r"([\\{}])", r"\\\1", text)
    return re.sub(r"([%&#_$])", r"\\\1", out)


def bibtex(s: Source) -> str:
    """A biblatex @online entry; Chinese titles are kept as they are."""
    fields = [("title", _bib(s.title)), ("organization", _bib(s.publisher))]
    parts = _date_parts(s.date)
    if parts:
        fields.append(("date", "-".join(f"{p:02d}" for p in parts) + ("~" if s.date.startswith("~") else "")))
    fields += [("url", s.url), ("note", _bib(f"Grade {s.grade} source (hechi)"))]
    body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields)
    return f"@online{{{s.id},\n{body}\n}}\n"


def csl(s: Source) -> dict[str, Any]:
    """A CSL-JSON item, as Zotero imports it."""
    item: dict[str, Any] = {"id": s.id, "type": "webpage", "title": s.title, "publisher": s.publisher}
    item["container-title"] = s.publisher
    parts = _date_parts(s.date)
    if parts:
        item["issued"] = {"date-parts": [parts], **({"circa": True} if s.date.startswith("~") else {})}
    item["URL"] = s.url
    item["note"] = f"Grade {s.grade} source (hechi)"
    return item


def ris(s: Source) -> str:
    """A RIS record (ELEC: a web page), as EndNote imports it: TY first, the other tags in the order
    of the specification's tag list (alphabetical), ER last."""
    tags: dict[str, str] = {"ID": s.id, "N1": f"Grade {s.grade} source (hechi)", "PB": s.publisher}
    parts = _date_parts(s.date)
    if parts:  # DA is YYYY/MM/DD/other, with empty parts where the date has none
        tags["DA"] = "/".join([f"{parts[0]}", *(f"{p:02d}" for p in parts[1:])]) + "/" * (3 - len(parts)) + "/"
        tags["PY"] = str(parts[0])
    tags.update({"TI": s.title, "UR": s.url})
    lines = [("TY", "ELEC"), *sorted(tags.items()), ("ER", "")]
    return "".join(f"{tag}  - {value}\n" for tag, value in lines)
