"""hechi export: a valid Data Package and SQLite database, deterministic, never half-written."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DATA, MINI, ROOT, invoke, subprocess_env
from hechi_cli.dataset.load import load

TABLES = ["sources", "counties", "industries", "sites", "figures", "rankings"]


def export(*args: str) -> None:
    result = invoke("export", *args)
    assert (result.exit_code, result.stdout) == (0, ""), result.stderr


def test_datapackage_is_valid_for_frictionless(tmp_path: Path) -> None:
    frictionless = pytest.importorskip("frictionless")
    export("--datapackage", str(tmp_path / "pkg"))
    report = frictionless.validate(str(tmp_path / "pkg" / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_datapackage_has_a_table_per_kind_with_keys_units_sources_and_licence(tmp_path: Path) -> None:
    export("--datapackage", str(tmp_path / "pkg"))
    package = json.loads((tmp_path / "pkg" / "datapackage.json").read_text(encoding="utf-8"))
    assert [r["name"] for r in package["resources"]] == TABLES
    assert package["licenses"][0]["name"] == "MIT"
    assert len(package["sources"]) == len(load(DATA).sources) == 63
    figures = next(r for r in package["resources"] if r["name"] == "figures")["schema"]
    names = [f["name"] for f in figures["fields"]]
    assert {"value", "unit", "qualifier", "period", "period_start", "period_end", "scope", "source"} <= set(names)
    assert figures["primaryKey"] == ["id"]
    assert {(k["fields"], k["reference"]["resource"]) for k in figures["foreignKeys"]} == {
        ("county", "counties"),
        ("source", "sources"),
        ("site", "sites"),
    }
    header = (tmp_path / "pkg" / "figures.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.split(",") == names


def test_sqlite_keys_counts_and_view(tmp_path: Path) -> None:
    db = tmp_path / "hechi.db"
    export("--sqlite", str(db))
    ds = load(DATA)
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    for table in TABLES:
        assert con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] == len(getattr(ds, table)), table
    row = con.execute(
        "SELECT value, unit, qualifier, source_grade FROM figures_with_sources WHERE id = 'resettlement-housing-2022'"
    ).fetchone()
    assert row == (40000, "sets", "more_than", "A")
    fks = {(r[2], r[3]) for r in con.execute("PRAGMA foreign_key_list(figures)")}
    assert fks == {("counties", "county"), ("sources", "source"), ("sites", "site")}


@pytest.mark.parametrize("kind", ["--datapackage", "--sqlite"])
def test_same_data_same_bytes(tmp_path: Path, kind: str) -> None:
    export(kind, str(tmp_path / "a"))
    export(kind, str(tmp_path / "b"))

    def files(p: Path) -> dict[str, bytes]:
        return {f.name: f.read_bytes() for f in sorted(p.iterdir())} if p.is_dir() else {"": p.read_bytes()}

    assert files(tmp_path / "a") == files(tmp_path / "b")


@pytest.mark.parametrize("kind", ["--datapackage", "--sqlite"])
def test_an_existing_target_is_refused_unless_force(tmp_path: Path, kind: str) -> None:
    target = tmp_path / "out"
    target.mkdir() if kind == "--datapackage" else target.write_text("keep me")
    result = invoke("export", kind, str(target))
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == f"hechi: error: {target} already exists; use --force to replace it\n"
    export(kind, str(target), "--force")
    assert (target / "datapackage.json").exists() if kind == "--datapackage" else target.read_bytes()[:6] == b"SQLite"


def test_a_failed_export_leaves_nothing_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from hechi_cli.export import sqlite

    def broken(ds: object, path: str) -> None:
        Path(path).write_text("half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(sqlite, "write", broken)
    result = invoke("export", "--sqlite", str(tmp_path / "h.db"))
    assert (result.exit_code, result.stderr) == (
        1,
        f"hechi: error: cannot write {tmp_path / 'h.db'}: No space left on device\n",
    )
    assert list(tmp_path.iterdir()) == []


def test_export_uses_the_data_in_use(tmp_path: Path) -> None:
    result = invoke("--data", str(MINI), "export", "--sqlite", str(tmp_path / "mini.db"))
    assert result.exit_code == 0, result.stderr
    con = sqlite3.connect(tmp_path / "mini.db")
    assert con.execute("SELECT id FROM industries").fetchall() == [("apples",), ("goats",)]


def test_export_needs_a_target(tmp_path: Path) -> None:
    result = invoke("export")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == "Error: say what to write: --datapackage DIR, --sqlite FILE, or both."


def test_export_and_cite_code_is_imported_only_when_they_run() -> None:
    code = (
        "import sys; sys.argv = ['hechi', 'industries', '--json']\n"
        "from hechi_cli.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "lazy = ('hechi_cli.export', 'hechi_cli.cite', 'sqlite3')\n"
        "sys.stderr.write(','.join(sorted(m for m in sys.modules if m.startswith(lazy))))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=subprocess_env(), cwd=ROOT)
    assert proc.stderr == ""


@pytest.mark.parametrize("kind", ["--datapackage", "--sqlite"])
def test_force_never_swaps_a_file_for_a_directory(tmp_path: Path, kind: str) -> None:
    target = tmp_path / "out"
    target.write_text("keep me") if kind == "--datapackage" else target.mkdir()
    result = invoke("export", kind, str(target), "--force")
    what, replaces = ("a file", "a directory") if kind == "--datapackage" else ("a directory", "a file")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == f"hechi: error: {target} is {what}; --force replaces only {replaces}\n"
    assert target.exists()
