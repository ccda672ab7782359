"""Make a dataset N times the bundled one: every record copied N times, ids made unique.

Each copy renames its ids and every reference to them (sources, counties, sites, measures),
so the copies are independent slices and every rule still holds.

    python benchmarks/grow.py 100 > hechi-x100.toml
    python benchmarks/grow.py --series 3000 > long-series.toml   # hechi series long-series
    python benchmarks/grow.py --errors 3000 > many-errors.toml   # hechi validate many-errors.toml
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data" / "hechi.toml"
ARRAY = re.compile(r"^\[\[(\w+)\]\]\s*$")
# Keys whose string value is an id, or refers to one, and so gets the copy's suffix.
RENAMED = ("id", "source", "scope", "county", "site", "measure", "streak")


def grow(text: str, times: int) -> str:
    head, _, body = text.partition("\n[[sources]]")
    body = "[[sources]]" + body
    blocks = re.split(r"\n(?=\[\[)", body)
    head_lines = head.splitlines()
    out = list(head_lines)
    for n in range(times):
        for block in blocks:
            out.append(_renamed(block, n) if n else block)
    return "\n".join(out) + "\n"


def _renamed(block: str, n: int) -> str:
    lines = []
    for line in block.splitlines():
        key, sep, value = line.partition(" = ")
        if sep and key in RENAMED and value.startswith('"') and value != '"city"':
            line = f"{key} = {json.dumps(json.loads(value) + f'-x{n}')}"
        lines.append(line)
    return "\n".join(lines)


def long_series(text: str, points: int, bad_unit: bool = False) -> str:
    """The bundled data and one measure of `points` daily figures (a long series for `series`), or
    with `bad_unit`, that many figures each with an unknown unit (many errors for `validate`)."""
    from datetime import date, timedelta

    unit = "furlongs" if bad_unit else "t"
    blocks = []
    first = date(2022, 10, 12) - timedelta(days=points - 1)  # the last day is the source's date, never after it
    for i in range(points):
        day = (first + timedelta(days=i)).isoformat()
        blocks.append(
            f'[[figures]]\nid = "long-{i}"\nmeasure = "long-series"\nlabel = "Long series"\n'
            f'label_zh = "长序列"\ntopic = "industry"\nkind = "flow"\nvalue = {i}\nunit = "{unit}"\n'
            f'qualifier = "exact"\nperiod = "{day}"\nscope = "city"\nsource = "cd-2022-10-12-rural"\n'
        )
    head, sep, tail = text.partition("# ---------------------------------------------------------------- sites")
    return head + "\n".join(blocks) + "\n" + sep + tail


def main() -> None:
    # grow.py N: N copies; grow.py --series N: N daily figures of one measure; --errors N: N errors.
    text = DATA.read_text(encoding="utf-8")
    if sys.argv[1] in ("--series", "--errors"):
        sys.stdout.write(long_series(text, int(sys.argv[2]), bad_unit=sys.argv[1] == "--errors"))
        return
    # The programme's source is in the head; it stays the original's, which copy 0 keeps.
    sys.stdout.write(grow(text, int(sys.argv[1])))


if __name__ == "__main__":
    main()
