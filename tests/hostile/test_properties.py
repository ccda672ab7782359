"""Property-based tests: mutate the real dataset and check that hechi never crashes.

Any input ends either in a loaded dataset (and then every report renders in
every format) or in hechi's own DataError whose problems carry positions.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import DATA, HYPOTHESIS_EXAMPLES
from hechi_cli.dataset.load import load
from hechi_cli.dataset.problems import DataError, problem_line
from hechi_cli.env import Environment
from hechi_cli.render import csv_out, json_out, markdown, table
from hechi_cli.reports import counties, industries, rankings, resettlement, sources, summary
from hechi_cli.reports.view import ENGLISH, Options, View

TEXT = DATA.read_text(encoding="utf-8")
LINES = TEXT.splitlines(keepends=True)
KEY_LINES = [i for i, line in enumerate(LINES) if re.match(r"^[a-z_]+ = ", line)]
HEADERS = [i for i, line in enumerate(LINES) if line.startswith("[")]
# 60 examples a test keeps CI short; HECHI_HYPOTHESIS_EXAMPLES=2000 makes a thorough run.
SETTINGS = settings(
    max_examples=HYPOTHESIS_EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)

OTHER_VALUES = ['"text"', "123", "-1", "1.5e300", "true", "[1, 2]", "{ a = 1 }", "1979-05-27", "nan", "inf", '""', "[]"]


def toml_string(s: str) -> str:
    return json.dumps(s)  # JSON escapes are TOML basic-string escapes (surrogates: a syntax error)


def _key(i: int) -> str:
    return LINES[i].split(" = ", 1)[0]


@st.composite
def mutated(draw: st.DrawFn) -> str:
    lines = list(LINES)
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["drop", "swap", "inject", "nest", "duplicate", "drop-header"]))
        i = draw(st.sampled_from(KEY_LINES))
        if kind == "drop":
            lines[i] = ""
        elif kind == "swap":
            lines[i] = f"{_key(i)} = {draw(st.sampled_from(OTHER_VALUES))}\n"
        elif kind == "inject":
            lines[i] = f"{_key(i)} = {toml_string(draw(st.text(max_size=30)))}\n"
        elif kind == "nest":
            value = LINES[i].split(" = ", 1)[1].strip()
            lines[i] = f"{_key(i)} = {{ a = {{ b = [{value}] }} }}\n"
        elif kind == "duplicate":
            h = draw(st.sampled_from(HEADERS))
            end = next((j for j in HEADERS if j > h), len(LINES))
            lines.insert(h, "".join(LINES[h:end]))
        else:
            lines[draw(st.sampled_from(HEADERS))] = ""
    return "".join(lines)


def check(path: Path) -> None:
    try:
        ds = load(path)
    except DataError as e:
        assert e.problems
        for p in e.problems:
            assert problem_line(str(path), p)
            if p.code in ("syntax", "not-utf8", "binary"):
                assert p.line is not None and p.column is not None
            elif p.code == "empty":
                pass
            elif not (p.code == "missing-key" and len(p.path) == 1):
                # A rule error: placed at its key, or at its table's header.
                assert p.line is not None, p
        return
    env = Environment(stdout=None, stderr=None, stdout_isatty=False, color=False, width=100, encoding="utf-8")  # type: ignore[arg-type]
    for module in (industries, rankings, resettlement, sources, summary, counties):
        report = module.build(ds)
        for view in (ENGLISH, View(Options("zh"))):
            json.loads(json_out.render(report, view, env))
            csv_out.render(report, view, env)
            markdown.render(report, view, env)
            table.render(report, view, env)


@SETTINGS
@given(text=mutated())
def test_mutated_dataset_loads_or_fails_cleanly(tmp_path_factory: object, text: str) -> None:
    path = Path(tmp_path_factory.mktemp("m")) / "data.toml"  # type: ignore[attr-defined]
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    check(path)


@SETTINGS
@given(data=st.data())
def test_corrupted_bytes_load_or_fail_cleanly(tmp_path_factory: object, data: st.DataObject) -> None:
    raw = bytearray(TEXT.encode("utf-8"))
    for _ in range(data.draw(st.integers(1, 8))):
        raw[data.draw(st.integers(0, len(raw) - 1))] = data.draw(st.integers(0, 255))
    path = Path(tmp_path_factory.mktemp("b")) / "data.toml"  # type: ignore[attr-defined]
    path.write_bytes(bytes(raw))
    check(path)


@SETTINGS
@given(label=st.text(max_size=40))
def test_any_label_survives_every_format(tmp_path_factory: object, label: str) -> None:
    text = TEXT.replace('label = "Walnut area planted, cumulative over 19 years"', f"label = {toml_string(label)}", 1)
    path = Path(tmp_path_factory.mktemp("l")) / "data.toml"  # type: ignore[attr-defined]
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    check(path)
