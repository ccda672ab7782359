"""The message catalogue: one Python module (hechi_cli/messages/zh.py) against gettext, side by side.

    python benchmarks/catalogue.py [--rounds 40]

Writes the same messages as a gettext .mo file in a temporary directory, then, in
alternating order each round, starts Python to (a) import the module and look a
message up, (b) load the .mo through gettext and look it up, and (c) do nothing.
Reports the median of (a - c) / (b - c) per round: below 1, the module is faster.
"""

from __future__ import annotations

import argparse
import statistics
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from hechi_cli.messages.zh import MESSAGES


def write_mo(messages: dict[str, str], path: Path) -> None:
    """A GNU .mo file (the format msgfmt writes): header, two tables, then the strings."""
    messages = {"": "Content-Type: text/plain; charset=UTF-8\n", **messages}  # the header entry
    ids = sorted(messages)
    keys = [m.encode() for m in ids]
    values = [messages[m].encode() for m in ids]
    n = len(ids)
    start = 7 * 4 + 16 * n
    offsets, blob = [], b""
    for s in keys + values:
        offsets.append((len(s), start + len(blob)))
        blob += s + b"\0"
    header = struct.pack("Iiiiiii", 0x950412DE, 0, n, 7 * 4, 7 * 4 + 8 * n, 0, 0)
    table = b"".join(struct.pack("ii", length, offset) for length, offset in offsets)
    path.write_bytes(header + table + blob)


def run(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=40)
    rounds = parser.parse_args().rounds
    with tempfile.TemporaryDirectory() as tmp:
        mo = Path(tmp) / "zh" / "LC_MESSAGES" / "hechi.mo"
        mo.parent.mkdir(parents=True)
        write_mo(MESSAGES, mo)
        codes = {
            "module": "from hechi_cli.messages import tr; tr('zh', 'above goal')",
            "gettext": f"import gettext; gettext.translation('hechi', {tmp!r}, ['zh']).gettext('above goal')",
            "nothing": "pass",
        }
        ratios = []
        for i in range(rounds):
            order = list(codes) if i % 2 else list(reversed(codes))
            t = {name: run(codes[name]) for name in order}
            ratios.append((t["module"] - t["nothing"]) / max(t["gettext"] - t["nothing"], 1e-6))
    median = statistics.median(ratios)
    print(f"{len(MESSAGES)} messages; module / gettext, start-up beyond a bare python: median {median:.2f}")


if __name__ == "__main__":
    main()
