"""The installed `hechi`, run as a real process: entry points, pipes, imports, the wheel."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, subprocess_env

BIN = Path(sys.executable).parent
HECHI = str(BIN / ("hechi.exe" if os.name == "nt" else "hechi"))
ENV = subprocess_env()


def hechi(*args: str, cwd: Path | None = None, **kw: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([HECHI, *args], capture_output=True, text=True, encoding="utf-8", env=ENV, cwd=cwd, **kw)  # type: ignore[call-overload, no-any-return]


def test_console_script_and_module_agree(tmp_path: Path) -> None:
    script = hechi("industries", "--json", cwd=tmp_path)
    module = subprocess.run(
        [sys.executable, "-m", "hechi_cli", "industries", "--json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=ENV,
        cwd=tmp_path,
    )
    assert (script.returncode, script.stderr) == (0, "")
    assert script.stdout == module.stdout
    assert json.loads(script.stdout)["schema_version"] == 1


def test_reader_that_closes_at_once(tmp_path: Path) -> None:
    # The read end is closed before hechi writes: every write fails with EPIPE.
    for args in (["industries"], ["sources", "--json"], ["resettlement", "--format", "csv"]):
        r, w = os.pipe()
        os.close(r)
        proc = subprocess.run([HECHI, *args], stdout=w, stderr=subprocess.PIPE, env=ENV, cwd=tmp_path)
        os.close(w)
        assert (proc.returncode, proc.stderr) == (0, b""), args


def test_pipe_into_head() -> None:
    out = subprocess.run(
        ["sh", "-c", f"'{HECHI}' sources --format csv | head -1; echo \"rc=$?\""],
        capture_output=True,
        text=True,
        env=ENV,
    )
    assert out.stdout == "id,grade,date,publisher,title,url,note,cited_by,publisher_short,publisher_zh,note_zh\nrc=0\n"
    assert out.stderr == ""


@pytest.mark.parametrize(
    "args",
    [
        ["industries", "--json"],
        ["industries", "--format", "csv"],
        ["--help"],
        ["industries"],
        ["show", "walnut"],
        ["chart", "--help"],
    ],
)
def test_no_path_imports_rich_or_the_charts(args: list[str]) -> None:
    # hechi draws its own tables (render/table.py): rich's import cost more than the rest of a table.
    # Only `hechi chart` pays for the charts package.
    code = (
        "import sys\n"
        f"sys.argv = ['hechi'] + {args!r}\n"
        "from hechi_cli.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "sys.stderr.write(','.join(sorted(m for m in sys.modules if m.split('.')[0] == 'rich'"
        " or m.startswith('hechi_cli.charts'))))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=ENV)
    assert proc.stderr == ""


def test_wheel_carries_the_data_and_runs_from_another_directory(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(wheels), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = wheels.glob("hechi-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "hechi_cli/data/hechi.toml" in names
    font = {
        "hechi_cli/charts/NotoSansSC-hechi.otf",
        "hechi_cli/charts/NotoSansSC-hechi.chars",
        "hechi_cli/charts/OFL.txt",
    }
    assert font <= set(names)  # the chart font, its character list and its licence
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = (
        "import sys, hechi_cli\n"
        "sys.stderr.write(hechi_cli.__file__ + '\\n')\n"
        "sys.argv = ['hechi', 'industries', '--json']\n"
        "from hechi_cli.cli import main\nmain()\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=elsewhere,
        env={**ENV, "PYTHONPATH": str(target)},
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.startswith(str(target))  # the wheel's copy, not the source tree
    assert (ROOT / "data" / "hechi.toml").read_bytes() == (target / "hechi_cli" / "data" / "hechi.toml").read_bytes()
    assert json.loads(proc.stdout)["industries"][0]["id"] == "walnut"
