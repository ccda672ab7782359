"""Rules on names, labels and wording: what is incomplete or reads wrong, more than what is false.

Part of RULES (rules.py); they read the document through context.py as every rule does.
"""

from __future__ import annotations

from collections.abc import Iterator

from hechi_cli.cells import cell_len
from hechi_cli.dataset.context import Context, Path, records, strings
from hechi_cli.dataset.fields import ARRAYS, CHINESE_NAMES, LABELS, SHORT_WIDTH, TABLES
from hechi_cli.dataset.problems import Problem


def unused_sources(ctx: Context) -> Iterator[Problem]:
    keys = [
        (table, key)
        for table, spec in {**TABLES, **ARRAYS}.items()
        for key, f in spec.items()
        if f.refers_to == "source"
    ]
    cited = {sid for table, key in keys for _, sid in strings(ctx.doc, table, key)}
    for path, sid in strings(ctx.doc, "sources", "id"):
        if sid not in cited:
            yield Problem("unused-source", path, "no record cites this source", sid, severity="warning")


def chinese_names(ctx: Context) -> Iterator[Problem]:
    for table, key in CHINESE_NAMES.items():
        for path, rec in records(ctx.doc, table):
            if key not in rec:
                message = "no Chinese name; --lang zh shows the English one"
                yield Problem("missing-zh", path + (key,), message, severity="warning")


def distinct_chinese_names(ctx: Context) -> Iterator[Problem]:
    """Records the English tells apart are told apart in Chinese too: two records may share a
    Chinese name only where they share the English one (figures of one measure, say)."""
    seen: dict[str, tuple[Path, str]] = {}
    for table, key in CHINESE_NAMES.items():
        english = "label" if key == "label_zh" else "name"
        for path, rec in records(ctx.doc, table):
            zh, en = rec.get(key), rec.get(english)
            if not (isinstance(zh, str) and isinstance(en, str)):
                continue
            first = seen.setdefault(zh, (path, en))
            if first[1] != en:
                where = f"{first[0][0]}[{first[0][1]}]"
                message = f"also the Chinese name of {where} ('{first[1]}'), which the English tells apart"
                yield Problem("duplicate-zh", path + (key,), message, zh)


def short_labels(ctx: Context) -> Iterator[Problem]:
    """A row label fits SHORT_WIDTH columns: the record's `short` (or `short_zh`), or its label itself."""
    for table, (label_en, label_zh) in LABELS.items():
        yield from _short_labels(ctx, table, ((label_en, "short"), (label_zh, "short_zh")))


def _short_labels(ctx: Context, table: str, keys: tuple[tuple[str, str], ...]) -> Iterator[Problem]:
    for path, rec in records(ctx.doc, table):
        for label_key, short_key in keys:
            label, short = rec.get(label_key), rec.get(short_key)
            if isinstance(short, str) and cell_len(short) > SHORT_WIDTH:
                message = f"a short label fits {SHORT_WIDTH} columns; this takes {cell_len(short)}"
                yield Problem("long-short", path + (short_key,), message, short, severity="warning")
            elif short is None and isinstance(label, str) and cell_len(label) > SHORT_WIDTH:
                message = f"the label takes {cell_len(label)} columns; give a short one of {SHORT_WIDTH} at most"
                yield Problem("missing-short", path + (short_key,), message, severity="warning")


# Words that make a label read as something planned or forecast, not something achieved. Matched
# as words, not by a regular expression: compiling one cost every command milliseconds, since the
# rules run on every load. "Five-Year Plan" names a period, not an aim.
AIM_WORDS = frozenset({"aim", "aims", "aimed", "target", "targets", "planned", "expected", "forecast", "forecasts"})


def reads_as_aim(label: str) -> bool:
    """'Pigs to be slaughtered…', 'planned', 'aims for': an aim; 'the 13th Five-Year Plan': not one."""
    words = [w.strip(".,;:()'\"").lower() for w in label.split()]
    if AIM_WORDS & set(words) or " to be " in f" {label.lower()} ":
        return True
    return any(w in ("plan", "plans") and (i == 0 or words[i - 1] != "five-year") for i, w in enumerate(words))


def aims_are_expectations(ctx: Context) -> Iterator[Problem]:
    """A figure whose label reads as an aim, a plan or a forecast has the kind `expectation`, so it is
    never read, or judged, as an outcome."""
    for path, rec in records(ctx.doc, "figures"):
        label, kind = rec.get("label"), rec.get("kind")
        if isinstance(label, str) and isinstance(kind, str) and kind != "expectation" and reads_as_aim(label):
            message = "the label reads as an aim, a plan or a forecast, but the kind is not 'expectation'"
            yield Problem("aim-not-expectation", path + ("kind",), message, kind, severity="warning")


# C0 and C1 controls (a tab, a newline, ESC, BEL, NUL…) and the bidirectional controls that can
# reorder what a reader sees (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C).
UNSAFE = frozenset(
    [chr(c) for c in range(0x20)]
    + [chr(c) for c in range(0x7F, 0xA0)]
    + [chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C)]
)


def safe_text(ctx: Context) -> Iterator[Problem]:
    """No string of the file holds a control or bidirectional-override character: every writer
    (tables, Markdown, citations, RIS, BibTeX, CSV, exports) can then carry every string as it is."""
    if _all_text(ctx.doc).isprintable():  # the usual case, checked in C: no control, no override
        return

    def walk(value: object, path: Path) -> Iterator[Problem]:
        if isinstance(value, dict):
            for key, item in value.items():
                yield from walk(item, (*path, key))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                yield from walk(item, (*path, i))
        elif isinstance(value, str) and (found := next((ch for ch in value if ch in UNSAFE), None)):
            message = f"holds the control character U+{ord(found):04X}: write it out or leave it out"
            yield Problem("unsafe-text", path, message, value)

    yield from walk(ctx.doc, ())


def _all_text(value: object) -> str:
    """Every string of the document, keys too, in one text, joined by a space."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return " ".join([*map(str, value), *map(_all_text, value.values())])
    if isinstance(value, list):
        return " ".join(map(_all_text, value))
    return ""
