"""Files that are not files, streams that cannot be written, odd environments, a parse cache that
hechi did not write: each ends in one line and a documented exit code, never a hang or exit 70."""

from __future__ import annotations

import marshal
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DATA, invoke, subprocess_env
from hechi_cli.dataset import cache
from hechi_cli.env import Environment

HECHI = str(Path(sys.executable).parent / "hechi")
POSIX = pytest.mark.skipif(os.name != "posix", reason="POSIX files and descriptors")


def hechi(*args: str, stdout: object = subprocess.PIPE, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [HECHI, *args], stdout=stdout, stderr=subprocess.PIPE, text=True, env=subprocess_env(**env), timeout=60
    )


@POSIX
@pytest.mark.parametrize("command", [["--data", "{}", "industries"], ["validate", "{}"]])
def test_a_fifo_is_refused_not_waited_on(tmp_path: Path, command: list[str]) -> None:
    fifo = tmp_path / "data.toml"
    os.mkfifo(fifo)
    proc = hechi(*[a.format(fifo) for a in command])  # before the fix this waited for a writer for ever
    assert proc.returncode == 1
    assert "not-a-file: not a regular file (a pipe, a device or a socket)" in proc.stdout + proc.stderr


@POSIX
def test_a_device_is_refused() -> None:
    proc = hechi("--data", "/dev/zero", "industries")
    assert proc.returncode == 1
    assert proc.stderr == (
        "hechi: error: /dev/zero: not-a-file: not a regular file (a pipe, a device or a socket);"
        " - reads standard input\n"
    )


def test_a_file_past_the_size_limit_is_refused_unread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from hechi_cli.dataset import read

    monkeypatch.setattr(read, "MAX_BYTES", 1000)
    big = tmp_path / "big.toml"
    with open(big, "wb") as f:  # sparse: its size says it all, nothing needs reading
        f.truncate(4 * 2**30)
    result = invoke("--data", str(big), "industries")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == f"hechi: error: {big}: too-large: larger than 0 MiB, the most a data file may hold\n"


@POSIX
def test_stdout_closed_is_an_output_error() -> None:
    proc = subprocess.run(
        [HECHI, "industries"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=subprocess_env()
    )
    assert proc.returncode == 0  # a sanity check of the command itself
    closed = subprocess.run(
        f"{HECHI} industries >&-", shell=True, stderr=subprocess.PIPE, text=True, env=subprocess_env()
    )
    assert (closed.returncode, closed.stderr) == (74, "hechi: cannot write the output: standard output is closed\n")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("args", [["industries"], ["industries", "--json"], ["--help"], ["--version"]])
def test_a_full_device_is_an_output_error_not_a_bug(args: list[str]) -> None:
    with open("/dev/full", "w") as full:
        proc = hechi(*args, stdout=full)
    assert (proc.returncode, proc.stderr) == (74, "hechi: cannot write the output: No space left on device\n")


@POSIX
@pytest.mark.parametrize("args", [["--help"], ["--version"], ["sources"]])
def test_a_closed_pipe_is_exit_0_for_help_and_version_too(args: list[str]) -> None:
    proc = subprocess.run(
        f"{HECHI} {' '.join(args)} | true; echo ${{PIPESTATUS[0]}}",
        shell=True,
        executable="/bin/bash",
        capture_output=True,
        text=True,
        env=subprocess_env(),
    )
    assert proc.stdout.strip().splitlines()[-1] == "0", proc.stderr


@pytest.mark.parametrize("columns", ["١٢٠", "１２０", "²", "-5", "99999999999"])
def test_odd_columns_never_end_in_a_traceback(columns: str) -> None:
    env = Environment.from_system({"COLUMNS": columns})
    assert 20 <= env.width <= 10_000
    proc = hechi("summary", COLUMNS=columns)
    assert (proc.returncode, proc.stderr) == (0, "")


def test_a_relative_xdg_cache_home_or_an_empty_home_is_no_cache_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    for key in ("HECHI_NO_CACHE", "HECHI_CACHE_DIR"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    monkeypatch.setenv("HOME", "")
    if sys.platform.startswith("linux"):
        assert cache.cache_dir() is None  # not ./relative/cache/hechi, not /.cache/hechi
    monkeypatch.setenv("XDG_CACHE_HOME", "/abs/cache")
    assert cache.cache_dir() == os.path.join("/abs/cache", "hechi")


def _entry(directory: Path) -> Path:
    (found,) = [p for p in directory.iterdir() if p.suffix == ".marshal"]
    return found


def test_a_cache_entry_hechi_did_not_write_is_a_miss(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HECHI_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("HECHI_NO_CACHE")
    data = tmp_path / "data.toml"
    data.write_bytes(DATA.read_bytes())
    assert invoke("--data", str(data), "summary", "--json").exit_code == 0  # writes the entry
    entry = _entry(tmp_path)
    seal, payload = marshal.loads(entry.read_bytes())
    version, raw, doc, dates = marshal.loads(payload)
    doc["figures"] = "not a list"  # right version, right bytes, wrong shape, and hechi's seal of the old payload
    entry.write_bytes(marshal.dumps((seal, marshal.dumps((version, raw, doc, dates)))))
    result = invoke("--data", str(data), "summary", "--json")
    assert (result.exit_code, result.stderr) == (0, "")


@POSIX
def test_a_cache_entry_that_is_a_fifo_is_a_miss(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HECHI_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("HECHI_NO_CACHE")
    data = tmp_path / "data.toml"
    data.write_bytes(DATA.read_bytes())
    invoke("--data", str(data), "summary", "--json")
    entry = _entry(tmp_path)
    entry.unlink()
    os.mkfifo(entry)
    env = {k: v for k, v in subprocess_env(HECHI_CACHE_DIR=str(tmp_path)).items() if k != "HECHI_NO_CACHE"}
    proc = subprocess.run(
        [HECHI, "--data", str(data), "summary", "--json"], capture_output=True, text=True, env=env, timeout=60
    )
    assert (proc.returncode, proc.stderr) == (0, "")


@POSIX
def test_the_cache_never_writes_through_a_link_left_at_its_temporary_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A shared cache directory: another user leaves links where hechi will write its key and an entry.
    directory = tmp_path / "cache"
    directory.mkdir()
    monkeypatch.setenv("HECHI_CACHE_DIR", str(directory))
    monkeypatch.delenv("HECHI_NO_CACHE")
    data = tmp_path / "data.toml"
    data.write_bytes(DATA.read_bytes())
    victim = tmp_path / "victim"
    victim.write_text("mine")
    entry = cache._entry_path(str(directory), str(data), cache._version())
    for tmp in (str(directory / f"key.{os.getpid()}.tmp"), f"{entry}.{os.getpid()}.tmp"):  # the key is made first
        os.symlink(victim, tmp)
        cache.put(str(data), data.read_bytes(), {"a": 1})
        assert victim.read_text() == "mine"
        assert not os.path.lexists(tmp)  # the link is removed, so the next run can write


def test_the_cache_is_bounded_in_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HECHI_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("HECHI_NO_CACHE")
    monkeypatch.setattr(cache, "MAX_ENTRY_BYTES", 3 * 1000)
    data = tmp_path / "data.toml"
    data.write_bytes(DATA.read_bytes())  # far more than a third of 3,000 bytes
    assert invoke("--data", str(data), "summary", "--json").exit_code == 0
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".marshal"]


def test_data_from_standard_input(tmp_path: Path) -> None:
    proc = subprocess.run(
        [HECHI, "--data", "-", "summary", "--json"],
        input=DATA.read_text(encoding="utf-8"),
        capture_output=True,
        text=True,
        env=subprocess_env(),
        timeout=60,
    )
    assert (proc.returncode, proc.stderr) == (0, "")
    assert proc.stdout == hechi("summary", "--json").stdout


@pytest.mark.parametrize(
    ("old", "new", "code"),
    [
        (
            'url = "http://guangxi.chinadaily.com.cn/hechi/2022-10/12/c_819472.htm"',
            'url = "http://x.org/a b"',
            "bad-url",
        ),
        ("value = 10141\n", "value = 100000000000000000000\n", "out-of-range"),  # beyond 64 bits
        ("value = 10141\n", "value = 1.7e308\n", "out-of-range"),  # to acres it would be infinite
    ],
)
def test_validate_rejects_what_an_output_could_not_carry(tmp_path: Path, old: str, new: str, code: str) -> None:
    text = DATA.read_text(encoding="utf-8")
    assert old in text
    bad = tmp_path / "bad.toml"
    bad.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = invoke("validate", str(bad))
    assert result.exit_code == 1 and f": {code}: " in result.stdout
    for args in (["show", "rural-income-2020"], ["export", "--sqlite", str(tmp_path / "x.db")]):
        refused = invoke("--data", str(bad), *args)
        assert refused.exit_code == 1 and "internal error" not in refused.stderr  # never exit 70


def test_the_wrote_line_makes_a_file_name_printable(tmp_path: Path) -> None:
    target = tmp_path / "evil\x1b[2J.db"
    result = invoke("export", "--sqlite", str(target))
    assert result.exit_code == 0 and target.exists()
    assert "\x1b" not in result.stderr and "evil\\x1b[2J.db" in result.stderr
