"""The dataset as a Frictionless Data Package: datapackage.json and one CSV per table.

Deterministic: the same data gives the same bytes (keys and rows in a fixed
order, no timestamps), so an export diffs cleanly in git.
"""

from __future__ import annotations

import csv
import json
import os
from typing import Any

from hechi_cli import __version__
from hechi_cli.dataset.model import Dataset
from hechi_cli.export.tables import TABLES, Table, rows

LICENSE = {"name": "MIT", "path": "https://opensource.org/licenses/MIT", "title": "MIT License"}


def _cell(value: Any) -> str:
    """A CSV cell as the Table Schema reads it: empty for none, true/false, numbers as written."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(value) if isinstance(value, float) else str(value)


def _schema(table: Table) -> dict[str, Any]:
    fields = []
    for col in table.columns:
        field: dict[str, Any] = {"name": col.name, "type": col.type, "description": col.description}
        if col.required:
            field["constraints"] = {"required": True}
        fields.append(field)
    foreign = [
        {"fields": col, "reference": {"resource": ref, "fields": "id"}} for col, ref in table.foreign_keys.items()
    ]
    return {"fields": fields, "primaryKey": ["id"], "foreignKeys": foreign, "missingValues": [""]}


def descriptor(ds: Dataset) -> dict[str, Any]:
    """datapackage.json: the package, its licence, its sources, and a resource per table."""
    return {
        "profile": "tabular-data-package",
        "name": "hechi",
        "title": ds.title,
        "description": "Hechi's poverty-alleviation and rural-vitalization figures, each with its unit, "
        "qualifier, period, scope and source. Exported by hechi.",
        "version": __version__,
        "licenses": [LICENSE],
        "sources": [{"title": f"{s.publisher}: {s.title}", "path": s.url} for s in ds.sources],
        "resources": [
            {
                "name": t.name,
                "path": f"{t.name}.csv",
                "profile": "tabular-data-resource",
                "description": t.description,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": _schema(t),
            }
            for t in TABLES
        ],
    }


def write(ds: Dataset, directory: str) -> None:
    """Write the package into `directory`, which must not exist yet."""
    os.mkdir(directory)
    for table in TABLES:
        with open(os.path.join(directory, f"{table.name}.csv"), "w", encoding="utf-8", newline="") as f:
            out = csv.writer(f, lineterminator="\r\n")
            out.writerow([c.name for c in table.columns])
            out.writerows([_cell(v) for v in row.values()] for row in rows(ds, table))
    with open(os.path.join(directory, "datapackage.json"), "w", encoding="utf-8", newline="\n") as f:
        f.write(json.dumps(descriptor(ds), ensure_ascii=False, indent=2) + "\n")
