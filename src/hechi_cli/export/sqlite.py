"""The dataset as one SQLite database, for Datasette or any SQL client (standard library only).

Every table has its primary key and foreign keys; the view figures_with_sources
joins each figure with its source. The same data gives the same bytes.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from hechi_cli.dataset.model import Dataset
from hechi_cli.export.tables import TABLES, Table, rows

SQL_TYPES = {"string": "TEXT", "number": "NUMERIC", "integer": "INTEGER", "boolean": "INTEGER", "date": "TEXT"}
VIEW = """CREATE VIEW figures_with_sources AS
SELECT figures.*, sources.title AS source_title, sources.publisher AS source_publisher,
       sources.date AS source_date, sources.url AS source_url, sources.grade AS source_grade
FROM figures JOIN sources ON sources.id = figures.source"""


def _create(table: Table) -> str:
    cols = [f'"{c.name}" {SQL_TYPES[c.type]}{" NOT NULL" if c.required else ""}' for c in table.columns]
    cols.append('PRIMARY KEY ("id")')
    cols += [f'FOREIGN KEY ("{col}") REFERENCES "{ref}" ("id")' for col, ref in table.foreign_keys.items()]
    return f'CREATE TABLE "{table.name}" (\n  ' + ",\n  ".join(cols) + "\n)"


# Full-text search over names, labels and notes in both languages, as Datasette looks for it: a
# table <name>_fts that is an external-content FTS5 index of <name> (its search box then uses it).
SEARCHED = {
    "figures": ("label", "label_zh", "measure", "note", "note_zh"),
    "industries": ("name", "name_zh", "note", "note_zh"),
    "rankings": ("name", "name_zh", "among", "among_zh", "note", "note_zh"),
    "sources": ("title", "publisher", "note"),
}


def _full_text(con: sqlite3.Connection) -> None:
    """An FTS5 index per searched table, with the trigram tokenizer where SQLite has it (3.34 and
    later): it finds any three characters in a row, in Chinese as in English (核桃累, walnut); the
    default tokenizer would take a whole Chinese label for one word. None where there is no FTS5."""
    tokenizer = None
    for candidate in ("trigram", "unicode61"):
        try:
            con.execute(f"CREATE VIRTUAL TABLE temp.probe USING fts5(x, tokenize='{candidate}')")
            con.execute("DROP TABLE temp.probe")
        except sqlite3.OperationalError:
            continue
        tokenizer = candidate
        break
    if tokenizer is None:
        return
    for table, cols in SEARCHED.items():
        names = ", ".join(f'"{c}"' for c in cols)
        con.execute(
            f'CREATE VIRTUAL TABLE "{table}_fts" USING fts5({names}, content="{table}", tokenize=\'{tokenizer}\')'
        )
        con.execute(f'INSERT INTO "{table}_fts" (rowid, {names}) SELECT rowid, {names} FROM "{table}"')


def _value(value: Any) -> Any:
    return int(value) if isinstance(value, bool) else value


def write(ds: Dataset, path: str) -> None:
    """Write the database to `path`, which must not exist yet."""
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA foreign_keys = ON")
        for table in TABLES:
            con.execute(_create(table))
            marks = ", ".join("?" for _ in table.columns)
            con.executemany(
                f'INSERT INTO "{table.name}" VALUES ({marks})',
                ([_value(v) for v in row.values()] for row in rows(ds, table)),
            )
        con.execute(VIEW)
        _full_text(con)
        con.commit()
        con.execute("VACUUM")  # a compact file, the same bytes for the same data
    finally:
        con.close()
