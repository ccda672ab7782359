"""Make a dataset N times the bundled one: every record copied N times, ids made unique.

Each copy renames its ids and every reference to them (sources, counties, sites, measures),
so the copies are independent slices and every rule still holds.

    python benchmarks/grow.py 100 > hechi-x100.toml
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


def main() -> None:
    times = int(sys.argv[1])
    text = DATA.read_text(encoding="utf-8")
    # The programme's source is in the head; it stays the original's, which copy 0 keeps.
    sys.stdout.write(grow(text, times))


if __name__ == "__main__":
    main()
