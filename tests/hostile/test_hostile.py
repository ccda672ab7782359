"""Hostile input and hostile environments: a table of cases, one test per case.

Each case names what it feeds hechi and asserts the exact exit code and the
shape of what reaches stdout and stderr.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pytest

from conftest import DATA, invoke, subprocess_env

TEXT = DATA.read_text(encoding="utf-8")
# The first figure's label and its short row label: tables show the short one.
LABEL = 'label = "Walnut area planted, cumulative over 19 years"\nshort = "Walnut area, cumulative"'
BIN = Path(sys.executable).parent
HECHI = str(BIN / "hechi")


def with_label(label: str) -> str:
    """The real dataset with the first figure's label and short label replaced (TOML basic-string escaped)."""
    assert LABEL in TEXT
    return TEXT.replace(LABEL, f"label = {json.dumps(label)}\nshort = {json.dumps(label)}", 1)


@dataclass
class Case:
    id: str
    args: list[str]
    exit: int
    data: str | None = None  # TOML text written to a file passed with --data
    stdout: Callable[[str], bool] = lambda out: True
    stderr: Callable[[str], bool] = lambda err: err == ""
    env: dict[str, str | None] = field(default_factory=dict)


def no_esc(out: str) -> bool:
    return "\x1b" not in out and "\x07" not in out and "\x9b" not in out


CASES = [
    Case("markup-bold-shown-literally", ["summary"], 0, with_label("[bold]x[/]"), stdout=lambda o: "[bold]x[/]" in o),
    Case(
        "markup-unmatched-close-tag",
        ["summary", "--format", "markdown"],
        0,
        with_label("closing [/bold] tag"),
        stdout=lambda o: "closing \\[/bold\\] tag" in o,
    ),
    Case(
        "markup-link-not-a-link",
        ["summary"],
        0,
        with_label("[link=x]y[/link]"),
        stdout=lambda o: "[link=x]y[/link]" in o and "\x1b]8" not in o,
    ),
    # A control or bidirectional-override character in any string: validate and every command refuse the
    # file in one line (unsafe-text); the writers neutralise them all the same (tests/hostile/test_writers.py).
    *(
        Case(
            f"refused-{name}",
            ["summary"],
            1,
            with_label(label),
            stdout=lambda o: o == "",
            stderr=lambda e: (
                "unsafe-text: figures[0].label: holds the control character" in e and no_esc(e) and "\u202e" not in e
            ),
        )
        for name, label in [
            ("esc-csi", "A\x1b[2JB"),
            ("osc-title-and-bel", "\x1b]0;pwned\x07!"),
            ("c1-csi", "\x9b31mred"),
            ("bidi-override", "abc\u202edef"),
            ("carriage-return", "safe\rEVIL"),
            ("nul", "a\x00b"),
            ("tab", "\tSUM(A1)"),
        ]
    ),
    *(
        Case(
            f"csv-formula-{name}",
            ["industries", "--format", "csv"],
            0,
            with_label(start + "SUM(A1)"),
            stdout=lambda o, s=start: f",'{s}SUM(A1)," in o or f',"\'{s}SUM(A1)",' in o,
        )
        for name, start in [("equals", "="), ("plus", "+"), ("minus", "-"), ("at", "@")]
    ),
    Case(
        "csv-negative-number-stays-a-number",
        ["summary", "--format", "csv"],
        0,
        TEXT.replace("value = 10141\n", "value = -10141.5\n").replace(
            'unit = "yuan"\nqualifier = "exact"\nperiod = "2020"',
            'unit = "percent_change"\nqualifier = "exact"\nperiod = "2020"',
        ),
        stdout=lambda o: ",-10141.5,percent_change," in o,
    ),
    Case(
        "narrow-terminal",
        ["industries"],
        0,
        env={"COLUMNS": "30"},
        stdout=lambda o: "93.1%" in o and "[3] 2021-12-16" in o and "…" not in o,
    ),
    Case(
        "deeply-nested-toml",
        ["industries"],
        1,
        "x = " + "[" * 3000 + "]" * 3000 + "\n",
        stderr=lambda e: e.startswith("hechi: error: ") and ": syntax: not valid TOML" in e and e.count("\n") == 1,
    ),
    Case(
        "infinite-number",
        ["industries"],
        1,
        TEXT.replace("value = 2600000\n", "value = inf\n", 1),
        stderr=lambda e: ": not-finite: figures[0].value: must be a finite number (inf)" in e,
    ),
    Case(
        "nan-number",
        ["industries"],
        1,
        TEXT.replace("value = 2600000\n", "value = nan\n", 1),
        stderr=lambda e: ": not-finite: figures[0].value: must be a finite number (nan)" in e,
    ),
    Case(
        "datetime-instead-of-date",
        ["sources"],
        1,
        TEXT.replace("date = 2022-10-12\n", "date = 2022-10-12T08:00:00\n", 1),
        stderr=lambda e: ": wrong-type: sources[0].date: must be a date or a string (2022-10-12T08:00:00)" in e,
    ),
    Case(
        "duplicate-id",
        ["sources"],
        1,
        TEXT.replace('id = "pd-2021-12-16-silk"', 'id = "cd-2022-10-12-rural"', 1),
        stderr=lambda e: (
            ': duplicate-id: sources[2].id: already used at sources[0] ("cd-2022-10-12-rural")' in e
            and "sources[2].id" in e
        ),
    ),
    Case(
        "table-where-array-expected",
        ["summary"],
        1,
        "schema_version = 1\n[figures]\nid = 1\n",
        stderr=lambda e: ":2:1: wrong-type: figures: must be an array of tables ([[figures]])" in e,
    ),
    Case(
        "control-char-in-id",
        ["summary"],
        1,
        TEXT.replace('id = "walnut"', 'id = "wal\\u001bnut"', 1),
        stderr=lambda e: "bad-id: industries[0].id: " in e and '"wal\\u001bnut"' in e and "\x1b" not in e,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_hostile_input(case: Case, tmp_path: Path) -> None:
    args = list(case.args)
    if case.data is not None:
        path = tmp_path / "data.toml"
        path.write_bytes(case.data.encode("utf-8"))
        args = ["--data", str(path), *args]
    result = invoke(*args, env=case.env)
    assert result.exit_code == case.exit, result.stderr
    assert case.stdout(result.stdout), result.stdout
    assert case.stderr(result.stderr), result.stderr
    assert "Traceback" not in result.stderr
    if case.exit != 0:
        assert result.stdout == ""


# ---------------------------------------------------------------- data paths that are not data files


@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        ("missing", lambda p: None, "not-found: no such file"),
        ("directory", lambda p: p.mkdir(), "is-directory: is a directory, not a data file"),
        ("empty", lambda p: p.write_bytes(b""), "empty: the file is empty"),
        ("blank", lambda p: p.write_bytes(b"  \n\n"), "empty: the file is empty"),
        (
            "binary",
            lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00"),
            ":3:1: binary: a binary file (it has NUL bytes), not TOML text",
        ),
    ],
)
def test_bad_data_path(tmp_path: Path, name: str, make: Callable[[Path], object], message: str) -> None:
    p = tmp_path / "data.toml"
    make(p)
    result = invoke("--data", str(p), "industries")
    sep = "" if message.startswith(":") else ": "
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", f"hechi: error: {p}{sep}{message}\n")


def test_not_utf8(tmp_path: Path) -> None:
    p = tmp_path / "latin1.toml"
    p.write_bytes('schema_version = 1\n[dataset]\ntitle = "Hé"\n'.encode("latin-1"))
    result = invoke("--data", str(p), "industries")
    expected = f"hechi: error: {p}:3:11: not-utf8: not UTF-8 text: byte 0xe9 cannot be decoded\n"
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", expected)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs /proc")
def test_unreadable(tmp_path: Path) -> None:
    # /proc/self/mem cannot be read from offset 0, even by root, so this holds in CI too.
    result = invoke("--data", "/proc/self/mem", "industries")
    expected = "hechi: error: /proc/self/mem: unreadable: Input/output error\n"
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", expected)


def test_syntax_error_line_and_column(tmp_path: Path) -> None:
    p = tmp_path / "dup.toml"
    p.write_text("schema_version = 1\n[dataset]\ntitle = 'a'\ntitle = 'b'\n", encoding="utf-8")
    result = invoke("--data", str(p), "industries")
    expected = f"hechi: error: {p}:4:12: syntax: not valid TOML: Cannot overwrite a value\n"
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", expected)


# ---------------------------------------------------------------- stdout that is not UTF-8


def run_encoded(encoding: str, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([HECHI, *args], capture_output=True, env=subprocess_env(PYTHONIOENCODING=encoding))


@pytest.mark.parametrize("encoding", ["ascii", "latin-1", "cp1252", "cp437"])
@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_human_formats_degrade_on_legacy_encodings(encoding: str, fmt: str) -> None:
    proc = run_encoded(encoding, "sources", "--long", "--format", fmt)
    assert (proc.returncode, proc.stderr) == (0, b"")
    text = proc.stdout.decode(encoding)
    assert "http://gx.people.com.cn/n2/2021/1216/c390645-35054131.html" in text
    assert "??????" in text  # the Chinese title, degraded, not a crash
    assert "广西" not in text


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_figures_intact_on_legacy_encoding(encoding: str) -> None:
    proc = run_encoded(encoding, "industries")
    assert proc.returncode == 0
    text = proc.stdout.decode(encoding)
    for figure in ("3,000,000", "2,600,000", "1,510,000", "100.7%", "931,400", "93.1%"):
        assert figure in text


@pytest.mark.parametrize("encoding", ["ascii", "latin-1", "cp1252"])
@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_machine_formats_are_utf8_whatever_the_locale(encoding: str, fmt: str) -> None:
    proc = run_encoded(encoding, "industries", "--format", fmt)
    assert (proc.returncode, proc.stderr) == (0, b"")
    assert "核桃" in proc.stdout.decode("utf-8")


# ---------------------------------------------------------------- Ctrl-C


def test_ctrl_c_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    from hechi_cli.dataset import load

    def interrupted(*a: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(load, "read_bytes", interrupted)
    result = invoke("industries")
    assert result.exit_code == 130
    assert result.stdout == ""
    assert result.stderr.strip("\n") == "hechi: interrupted"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc to see hechi waiting")
def test_ctrl_c_real_signal(tmp_path: Path) -> None:
    # hechi waits reading its data from a pipe nobody writes to; then it gets SIGINT.
    env = subprocess_env()
    proc = subprocess.Popen(
        [HECHI, "--data", "-", "industries"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            if "pipe" in Path(f"/proc/{proc.pid}/wchan").read_text():
                break
        except OSError:
            pass
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=20)
    assert proc.returncode == 130
    assert out == b""
    assert err.decode().strip("\n") == "hechi: interrupted"


# ---------------------------------------------------------------- a bug in hechi itself


def test_internal_error_is_one_line_and_exit_70(monkeypatch: pytest.MonkeyPatch) -> None:
    from hechi_cli.reports import summary

    def broken(*a: object) -> None:
        raise ValueError("boom \x1b[2J")

    monkeypatch.setattr(summary, "build", broken)
    result = invoke("summary")
    assert (result.exit_code, result.stdout) == (70, "")
    assert result.stderr.splitlines() == [
        "hechi: internal error: ValueError: boom \\x1b[2J",
        "hechi: this is a bug; run again with HECHI_DEBUG=1 for the traceback and report it",
    ]
