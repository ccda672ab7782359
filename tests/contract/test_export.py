"""hechi export: a valid Data Package and SQLite database, deterministic, never half-written."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DATA, MINI, ROOT, invoke, subprocess_env
from hechi_cli.dataset.load import load

TABLES = ["sources", "programme", "counties", "industries", "sites", "figures", "measures", "rankings"]


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
        expected = 1 if table == "programme" else len(getattr(ds, table))
        assert con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] == expected, table
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
    export(kind, str(target))  # what hechi wrote
    result = invoke("export", kind, str(target))
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == f"hechi: error: {target} already exists; use --force to replace it\n"
    export(kind, str(target), "--force")
    assert (target / "datapackage.json").exists() if kind == "--datapackage" else target.read_bytes()[:6] == b"SQLite"


@pytest.mark.parametrize("kind", ["--datapackage", "--sqlite"])
def test_force_replaces_only_what_hechi_wrote(tmp_path: Path, kind: str) -> None:
    target = tmp_path / "out"
    if kind == "--datapackage":
        target.mkdir()
        (target / "thesis.tex").write_text("keep me")
    else:
        target.write_text("keep me")
    result = invoke("export", kind, str(target), "--force")
    assert (result.exit_code, result.stdout) == (1, "")
    what = "a Data Package (no datapackage.json in it)" if kind == "--datapackage" else "a SQLite database"
    assert result.stderr == f"hechi: error: {target} is not {what}; --force replaces only what hechi writes\n"
    assert (target / "thesis.tex").exists() if kind == "--datapackage" else target.read_text() == "keep me"


def test_force_never_replaces_a_fifo_nor_waits_on_it(tmp_path: Path) -> None:
    # reading a FIFO to see whether hechi wrote it would wait for a writer for ever
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    result = invoke("export", "--sqlite", str(fifo), "--force")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == f"hechi: error: {fifo} is not a regular file; hechi writes only to a file\n"
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_every_target_is_checked_before_anything_is_written(tmp_path: Path) -> None:
    taken = tmp_path / "db"
    taken.write_text("keep me")
    result = invoke("export", "--datapackage", str(tmp_path / "pkg"), "--sqlite", str(taken))
    assert result.exit_code == 1 and not (tmp_path / "pkg").exists()  # the package was never written
    same = invoke("export", "--datapackage", str(tmp_path / "x"), "--sqlite", str(tmp_path / "x"))
    assert same.exit_code == 1 and "asked for twice" in same.stderr and not (tmp_path / "x").exists()


@pytest.mark.parametrize("kind", ["--datapackage", "--sqlite"])
def test_of_concurrent_exports_to_one_new_name_exactly_one_wins(tmp_path: Path, kind: str) -> None:
    import subprocess
    import sys

    hechi = str(Path(sys.executable).parent / "hechi")
    target = tmp_path / "out"
    procs = [
        subprocess.Popen([hechi, "export", kind, str(target)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(8)
    ]
    codes = [p.wait(timeout=120) for p in procs]
    assert sorted(codes) == [0] + [1] * 7, codes
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".hechi-export-")]


@pytest.mark.skipif(not hasattr(__import__("signal"), "SIGTERM") or __import__("os").name != "posix", reason="POSIX")
@pytest.mark.parametrize("signame", ["SIGTERM", "SIGHUP"])
def test_a_signal_during_an_export_leaves_nothing_behind(tmp_path: Path, signame: str) -> None:
    import signal
    import subprocess
    import sys
    import time

    code = (
        "import time, hechi_cli.export.datapackage as d\n"
        "real = d.write\n"
        "def slow(ds, path):\n"
        "    real(ds, path); open('" + str(tmp_path / "ready") + "', 'w').close(); time.sleep(30)\n"
        "d.write = slow\n"
        "from hechi_cli.cli import main; main()\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code, "export", "--datapackage", str(tmp_path / "pkg")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while not (tmp_path / "ready").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(getattr(signal, signame))
    _, err = proc.communicate(timeout=60)
    signum = int(getattr(signal, signame))
    assert (proc.returncode, err.decode()) == (128 + signum, f"hechi: stopped by signal {signum}\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ready"]  # no package, no temporary directory


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


def test_an_export_carries_every_field_of_the_data(tmp_path: Path) -> None:
    from hechi_cli.dataset import model

    db = tmp_path / "hechi.db"
    export("--sqlite", str(db))
    con = sqlite3.connect(db)
    kinds = {
        "sources": model.Source,
        "programme": model.Programme,
        "counties": model.County,
        "industries": model.Industry,
        "sites": model.Site,
        "figures": model.Figure,
        "rankings": model.Ranking,
    }
    for table, kind in kinds.items():
        columns = {r[1] for r in con.execute(f'PRAGMA table_info("{table}")')}
        assert set(kind._fields) <= columns, (table, set(kind._fields) - columns)


def test_sqlite_full_text_search_in_both_languages(tmp_path: Path) -> None:
    db = tmp_path / "hechi.db"
    export("--sqlite", str(db))
    con = sqlite3.connect(db)
    if not con.execute("SELECT name FROM sqlite_master WHERE name = 'figures_fts'").fetchone():
        pytest.skip("this SQLite has no FTS5")

    def found(text: str) -> set[str]:
        query = "SELECT id FROM figures WHERE rowid IN (SELECT rowid FROM figures_fts WHERE figures_fts MATCH ?)"
        return {r[0] for r in con.execute(query, (f'"{text}"',))}

    assert "walnut-area-2002-2020" in found("核桃累") and "walnut-area-2002-2020" in found("walnut")
