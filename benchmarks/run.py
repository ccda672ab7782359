"""hechi against the floor, side by side in one run; standard library only.

    python benchmarks/run.py            # start-up ratios, peak memory, growth table
    python benchmarks/run.py --rounds 60 --no-growth

Each round runs the floor (benchmarks/floor.py: a bare click command that reads
the same TOML and prints it as JSON) and each hechi command, alternating which
goes first, and takes the ratio hechi / floor within the round. The median of
those per-round ratios is what is reported: on a shared, noisy machine it is
far steadier than any absolute time. Peak memory is each process's max RSS.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE.parent / "data" / "hechi.toml"
BIN = Path(sys.executable).parent
HECHI = str(BIN / "hechi")
ENV = {**os.environ, "NO_COLOR": "1"}
ENV.pop("HECHI_DATA", None)
# Users' installs have compiled .pyc files; a shell that forbids writing them would
# make every run compile hechi from source and measure that instead.
ENV.pop("PYTHONDONTWRITEBYTECODE", None)

FLOOR = [sys.executable, str(HERE / "floor.py"), str(DATA)]
COMMANDS = {
    "hechi industries --json": [HECHI, "industries", "--json"],
    "hechi industries --format csv": [HECHI, "industries", "--format", "csv"],
    "hechi --help": [HECHI, "--help"],
    "hechi industries --format table": [HECHI, "industries", "--format", "table"],
    "hechi industries --lang zh (table)": [HECHI, "industries", "--lang", "zh"],
    "hechi chart mulberry (SVG)": [HECHI, "chart", "mulberry"],
    "python -c pass (for scale)": [sys.executable, "-c", "pass"],
    "naive click+rich table (for scale)": [sys.executable, str(HERE / "naive_table.py"), str(DATA)],
    "import click+rich only (for scale)": [
        sys.executable,
        "-c",
        "import click, json, tomllib; import rich.console, rich.table, rich.text"
        if sys.version_info >= (3, 11)
        else "import click, json, tomli; import rich.console, rich.table, rich.text",
    ],
}
if importlib.util.find_spec("resvg_py"):  # the charts extra (Python 3.10 and later)
    COMMANDS["hechi chart mulberry --png"] = [HECHI, "chart", "mulberry", "--png"]
GOALS = {  # time ratio, memory ratio: the goals of issue 23 (speed, round 2); CSV and --help as JSON and the table
    "hechi industries --json": (0.95, 1.05),
    "hechi industries --format csv": (1.00, 1.05),
    "hechi --help": (1.00, 1.05),
    "hechi industries --format table": (1.00, 1.05),
    "hechi industries --lang zh (table)": (1.00, 1.05),
}


def measure(argv: list[str], env: dict[str, str] | None = None, ok: tuple[int, ...] = (0,)) -> tuple[float, int]:
    """Wall time in seconds and peak RSS in KiB of one run."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env or ENV)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in ok:
        sys.exit(f"{' '.join(argv)} exited {proc.returncode}")
    return elapsed, usage.ru_maxrss


def startup(rounds: int) -> None:
    for argv in [FLOOR, *COMMANDS.values()]:  # warm-up: .pyc files written, caches warm
        measure(argv)
    ratios: dict[str, list[float]] = {name: [] for name in COMMANDS}
    mem: dict[str, list[float]] = {name: [] for name in COMMANDS}
    floor_times: list[float] = []
    for i in range(rounds):
        for name, argv in COMMANDS.items():
            if i % 2:
                t, m = measure(argv)
                ft, fm = measure(FLOOR)
            else:
                ft, fm = measure(FLOOR)
                t, m = measure(argv)
            ratios[name].append(t / ft)
            mem[name].append(m / fm)
            floor_times.append(ft)
    print(f"Start-up against the floor: median of {rounds} per-round ratios (Python {sys.version.split()[0]})")
    print(f"floor median {statistics.median(floor_times) * 1000:.0f} ms on this machine (a hint only)\n")
    print(f"{'command':34} {'time':>6} {'goal':>6} {'memory':>7} {'goal':>6}")
    for name in COMMANDS:
        t_goal, m_goal = GOALS.get(name, (None, None))
        t = statistics.median(ratios[name])
        m = statistics.median(mem[name])
        print(
            f"{name:34} {t:6.2f} {(f'{t_goal:.2f}' if t_goal else '-'):>6} "
            f"{m:7.2f} {(f'{m_goal:.2f}' if m_goal else '-'):>6}"
        )


def growth(sizes: list[int]) -> None:
    print("\nGrowth: median seconds on datasets N times the bundled one (benchmarks/grow.py)")
    print("cold = no parse cache (HECHI_NO_CACHE=1); cached = the second run of a file")
    print(f"{'N':>6} {'json cold':>10} {'x prev':>7} {'json cached':>12} {'x prev':>7} {'validate':>9} {'x prev':>7}")
    prev: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        cold_env = {**ENV, "HECHI_NO_CACHE": "1"}
        warm_env = {**ENV, "HECHI_CACHE_DIR": os.path.join(tmp, "cache")}
        for n in sizes:
            path = Path(tmp) / f"x{n}.toml"
            with open(path, "w", encoding="utf-8") as f:
                subprocess.run([sys.executable, str(HERE / "grow.py"), str(n)], stdout=f, check=True)
            runs = 5 if n <= 100 else 1
            json_argv = [HECHI, "--data", str(path), "industries", "--json"]
            cold = statistics.median(measure(json_argv, cold_env)[0] for _ in range(runs))
            measure(json_argv, warm_env)  # writes the cache entry
            warm = statistics.median(measure(json_argv, warm_env)[0] for _ in range(runs))
            valid = statistics.median(measure([HECHI, "validate", str(path)])[0] for _ in range(runs))
            now = [cold, warm, valid]
            cells = [
                f"{t:{w}.3f} {(f'{t / p:7.1f}' if prev else ''):>7}" for t, p, w in zip(now, prev or now, (10, 12, 9))
            ]
            print(f"{n:>6} " + " ".join(cells))
            prev = now


def shapes(counts: list[int]) -> None:
    """The two shapes that were quadratic: one long series (conflicts compared within a measure) and
    a file with many errors (each placed at its line): each tenfold step should cost about tenfold."""
    print("\nLong shapes: median seconds (benchmarks/grow.py --series N, --errors N; no parse cache)")
    print(f"{'N':>6} {'series':>10} {'x prev':>7} {'validate':>9} {'x prev':>7}")
    prev: list[float] = []
    env = {**ENV, "HECHI_NO_CACHE": "1"}
    with tempfile.TemporaryDirectory() as tmp:
        for n in counts:
            now = []
            for shape, command, code in (
                ("--series", ["series", "long-series", "--json"], 0),
                ("--errors", ["validate"], 1),
            ):
                path = Path(tmp) / f"{shape[2:]}-{n}.toml"
                with open(path, "w", encoding="utf-8") as f:
                    subprocess.run([sys.executable, str(HERE / "grow.py"), shape, str(n)], stdout=f, check=True)
                argv = [HECHI, "--data", str(path), *command] if code == 0 else [HECHI, *command, str(path)]
                runs = 5 if n <= 3000 else 1
                now.append(statistics.median(measure(argv, env, ok=(code,))[0] for _ in range(runs)))
            cells = [f"{t:{w}.3f} {(f'{t / p:7.1f}' if prev else ''):>7}" for t, p, w in zip(now, prev or now, (10, 9))]
            print(f"{n:>6} " + " ".join(cells))
            prev = now


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--no-growth", action="store_true")
    parser.add_argument("--sizes", default="1,10,100,1000")
    parser.add_argument("--shapes", default="300,3000,30000", help="points of the long series, errors of the bad file")
    args = parser.parse_args()
    startup(args.rounds)
    if not args.no_growth:
        growth([int(s) for s in args.sizes.split(",")])
        shapes([int(s) for s in args.shapes.split(",")])


if __name__ == "__main__":
    main()
