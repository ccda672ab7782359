"""The published JSON Schemas cannot drift from the output: every key hechi writes is declared.

The schemas allow extra keys on purpose (changes within a schema_version are additive), so a
plain check passes output that has keys the schema never mentions. Here every object schema
that lists its properties is closed, and the real output of every command must still match.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from conftest import DATA, Run
from hechi_cli.commands import SCHEMA_COMMANDS
from hechi_cli.dataset.load import load
from hechi_cli.schemas import RECORDS, schema_for


def closed(schema: Any) -> Any:
    """The schema with `additionalProperties: false` on every object that lists its properties."""
    if isinstance(schema, list):
        return [closed(x) for x in schema]
    if not isinstance(schema, dict):
        return schema
    out = {k: closed(v) for k, v in schema.items()}
    if "properties" in out and "additionalProperties" not in out:
        out["additionalProperties"] = False
    return out


CASES = [
    ("industries",),
    ("rankings",),
    ("resettlement",),
    ("sources",),
    ("summary",),
    ("counties",),
    ("search", "silk"),
    ("series", "mulberry-area"),
    ("series", "silkworm-first-china"),
    ("validate",),
]


def _one_of_each_kind() -> list[str]:
    """A record id of every kind show knows, and a target without a number (a base) too."""
    ds = load(str(DATA))
    bases = [i.id for i in ds.industries if i.target is None]
    ids = [group[0].id for group in (ds.industries, ds.figures, ds.rankings, ds.sites, ds.counties, ds.sources)]
    streaks = [r.id for r in ds.rankings if r.streak]
    return ids + bases[:1] + streaks[:1]


def test_every_schema_command_has_a_case() -> None:
    assert sorted({c[0] for c in CASES} | {"show"}) == sorted(SCHEMA_COMMANDS)


@pytest.mark.parametrize("args", CASES, ids=" ".join)
def test_every_key_of_the_output_is_declared(run: Run, args: tuple[str, ...]) -> None:
    result = run(*args, "--json")
    assert result.exit_code == 0, result.stderr
    errors = Draft202012Validator(closed(schema_for(args[0]))).iter_errors(json.loads(result.stdout))
    assert [f"{list(e.absolute_path)}: {e.message}" for e in errors] == []


@pytest.mark.parametrize("rid", _one_of_each_kind())
def test_every_key_of_show_is_declared_for_every_kind(run: Run, rid: str) -> None:
    doc = json.loads(run("show", rid, "--json").stdout)
    errors = Draft202012Validator(closed(schema_for("show"))).iter_errors(doc)
    assert [f"{list(e.absolute_path)}: {e.message}" for e in errors] == []
    assert Draft202012Validator(closed({"anyOf": [{"type": "object", "properties": RECORDS[doc["kind"]]}]})).is_valid(
        doc["record"]
    ), doc["kind"]


def test_a_key_the_schema_does_not_declare_fails(run: Run) -> None:
    doc = json.loads(run("rankings", "--json").stdout)
    doc["rankings"][0]["undeclared"] = 1
    assert not Draft202012Validator(closed(schema_for("rankings"))).is_valid(doc)
    assert Draft202012Validator(schema_for("rankings")).is_valid(doc)  # open as published: additive changes
