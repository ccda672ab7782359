"""The parse cache: used only for the exact bytes it was made from, never in the way."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from conftest import DATA, invoke, subprocess_env
from hechi_cli.dataset import cache, load


@pytest.fixture
def cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private cache directory, turned on; and a copy of the data file to edit."""
    monkeypatch.delenv("HECHI_NO_CACHE", raising=False)
    monkeypatch.setenv("HECHI_CACHE_DIR", str(tmp_path / "cache"))
    copy = tmp_path / "data.toml"
    copy.write_bytes(DATA.read_bytes())
    return copy


def count_parses(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    calls = {"parse": 0}
    real = load.parse

    def parse(text: str, path: str) -> Any:
        calls["parse"] += 1
        return real(text, path)

    monkeypatch.setattr(load, "parse", parse)
    return calls


def run_json(path: Path) -> str:
    result = invoke("--data", str(path), "summary", "--json", env={"HECHI_NO_CACHE": None})
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_second_run_does_not_parse(cached: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = count_parses(monkeypatch)
    first = run_json(cached)
    second = run_json(cached)
    assert first == second
    assert calls["parse"] == 1
    assert len(list((cached.parent / "cache").glob("*.marshal"))) == 1


def test_same_size_and_mtime_but_new_bytes_is_a_miss(cached: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The worst case for a (path, size, mtime) key: an edit that keeps both. The bytes decide.
    run_json(cached)
    st = os.stat(cached)
    text = cached.read_text(encoding="utf-8")
    edited = text.replace("value = 10141\n", "value = 10142\n")
    assert len(edited) == len(text)
    cached.write_text(edited, encoding="utf-8")
    os.utime(cached, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert os.stat(cached).st_size == st.st_size
    assert "10142" in run_json(cached)


def test_cache_entry_for_other_bytes_is_never_used(cached: Path) -> None:
    raw = cached.read_bytes()
    cache.put(str(cached), raw, {"forged": True})
    assert cache.get(str(cached), raw + b"\n") is None
    assert cache.get(str(cached), raw) == {"forged": True}


def test_an_entry_sealed_under_another_key_is_a_miss_never_a_verdict_on_the_file(
    cached: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A well-formed entry that breaks every rule, sealed with a key that is not this cache's: hechi did
    # not write it, so the file is parsed again (and it is valid).
    directory = cached.parent / "cache"
    cache.put(str(cached), cached.read_bytes(), {"schema_version": 1})
    (directory / "key").write_bytes(os.urandom(cache.KEY_BYTES))
    (directory / "key").chmod(0o600)
    calls = count_parses(monkeypatch)
    assert run_json(cached) == run_json(DATA)
    assert calls["parse"] == 2  # the forged entry, then the bundled file: both parsed


def test_a_hit_runs_no_rule(cached: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # hechi sealed the entry only after every rule passed on these bytes, under this code.
    from hechi_cli.dataset import rules

    checks = {"n": 0}
    real = rules.check

    def check(doc: Any) -> Any:
        checks["n"] += 1
        return real(doc)

    monkeypatch.setattr(rules, "check", check)
    first = run_json(cached)
    assert checks["n"] == 1
    assert run_json(cached) == first
    assert checks["n"] == 1


def test_a_hit_does_not_import_the_rules(cached: Path) -> None:
    env = subprocess_env(HECHI_CACHE_DIR=str(cached.parent / "cache"))
    env.pop("HECHI_NO_CACHE", None)
    script = (
        "import sys\n"
        "from hechi_cli.dataset.load import load\n"
        f"load({str(cached)!r})\n"
        "print('hechi_cli.dataset.rules' in sys.modules)\n"
    )
    runs = [subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env) for _ in "ab"]
    assert [(r.returncode, r.stdout, r.stderr) for r in runs] == [(0, "True\n", ""), (0, "False\n", "")]


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_a_key_others_can_read_seals_nothing_and_is_replaced(cached: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run_json(cached)
    key = cached.parent / "cache" / "key"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    key.chmod(0o644)
    calls = count_parses(monkeypatch)
    run_json(cached)  # a miss: anyone could have read that key and sealed an entry with it
    run_json(cached)  # a hit, under a new private key
    assert calls["parse"] == 1
    assert stat.S_IMODE(key.stat().st_mode) == 0o600


@pytest.mark.skipif(os.name == "nt", reason="FIFOs")
def test_a_key_that_is_a_fifo_is_no_key(cached: Path) -> None:
    run_json(cached)
    key = cached.parent / "cache" / "key"
    key.unlink()
    os.mkfifo(key)
    assert cache.get(str(cached), cached.read_bytes()) is None  # at once: a FIFO is never opened for a read that waits


def test_an_edit_to_the_data_code_is_a_miss(cached: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A checkout keeps its version number while its rules change: the code's newest mtime is in the key.
    code = tmp_path / "code" / "dataset"
    code.mkdir(parents=True)
    for name in ("cache.py", "rules.py"):
        (code / name).write_text("")
    (code.parent / "cells.py").write_text("")
    monkeypatch.setattr(cache, "__file__", str(code / "cache.py"))
    raw = cached.read_bytes()
    cache.put(str(cached), raw, {"a": 1})
    assert cache.get(str(cached), raw) == {"a": 1}
    later = (code / "rules.py").stat().st_mtime_ns + 10**9
    os.utime(code / "rules.py", ns=(later, later))
    assert cache.get(str(cached), raw) is None


@pytest.mark.parametrize("garbage", [b"", b"not marshal", b"\xff" * 50])
def test_corrupt_entry_is_a_miss(cached: Path, garbage: bytes) -> None:
    run_json(cached)
    (entry,) = (cached.parent / "cache").glob("*.marshal")
    entry.write_bytes(garbage)
    assert '"schema_version": 1' in run_json(cached)


def test_dates_survive_the_cache(cached: Path) -> None:
    raw = cached.read_bytes()
    doc = load.parse(raw.decode("utf-8"), str(cached))
    cache.put(str(cached), raw, doc)
    assert cache.get(str(cached), raw) == doc


def test_every_kind_of_toml_date_and_time_survives_the_cache_wherever_it_sits(cached: Path) -> None:
    text = (
        "a = 1979-05-27T07:32:00Z\nb = 1979-05-27T00:32:00.999999-07:00\nc = 1979-05-27T07:32:00\n"
        "d = 1979-05-27\ne = 00:32:00.5\nf = [[1979-05-27, 07:32:00], []]\n"
        "[[t]]\ng = {h = [1979-05-27T07:32:00+08:00]}\n[[t]]\ns = '1979-05-27'\n"
    )
    cached.write_text(text, encoding="utf-8")
    raw = cached.read_bytes()
    doc = load.parse(text, str(cached))
    cache.put(str(cached), raw, doc)
    back = cache.get(str(cached), raw)
    assert back == doc
    assert back is not None and [type(back[k]).__name__ for k in "abcde"] == ["datetime"] * 3 + ["date", "time"]
    assert back["t"][1]["s"] == "1979-05-27"  # a string that looks like a date stays a string


def test_missing_parent_is_created_and_unwritable_dir_is_ignored(cached: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HECHI_CACHE_DIR", str(cached.parent / "a" / "b" / "c"))
    run_json(cached)
    assert list((cached.parent / "a" / "b" / "c").glob("*.marshal"))
    blocker = cached.parent / "file-not-dir"
    blocker.write_text("x")
    monkeypatch.setenv("HECHI_CACHE_DIR", str(blocker / "cache"))  # cannot be created
    assert '"schema_version": 1' in run_json(cached)


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_read_only_cache_dir(cached: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if os.geteuid() == 0:  # root ignores permission bits; /proc refuses new files even to root
        if not os.path.isdir("/proc/self"):
            pytest.skip("no read-only directory that binds root")
        monkeypatch.setenv("HECHI_CACHE_DIR", "/proc/self")
        assert '"schema_version": 1' in run_json(cached)
        return
    d = cached.parent / "cache"
    d.mkdir()
    d.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        assert '"schema_version": 1' in run_json(cached)
        assert not list(d.glob("*"))
    finally:
        d.chmod(stat.S_IRWXU)


def test_no_cache_env_turns_it_off(cached: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HECHI_NO_CACHE", "1")
    assert cache.cache_dir() is None
    result = invoke("--data", str(cached), "summary", "--json", env={"HECHI_NO_CACHE": "1"})
    assert result.exit_code == 0
    assert not (cached.parent / "cache").exists()


def test_cache_keeps_at_most_max_entries_and_drops_the_oldest(cached: Path) -> None:
    directory = cached.parent / "cache"
    raw = cached.read_bytes()
    base = time.time_ns() - 10**12
    copies = []
    for i in range(cache.MAX_ENTRIES + 3):
        copy = cached.parent / f"data-{i}.toml"
        copy.write_bytes(raw)
        os.utime(copy, ns=(10**18 + i, 10**18 + i))  # distinct keys
        copies.append(copy)
        cache.put(str(copy), raw, {"i": i})
        entry = cache._entry_path(str(directory), str(copy), cache._version())
        os.utime(entry, ns=(base + i, base + i))  # written in this order, one tick apart, all in the past
    assert len(list(directory.glob("*.marshal"))) == cache.MAX_ENTRIES
    kept = [i for i, copy in enumerate(copies) if cache.get(str(copy), raw) is not None]
    assert kept == list(range(3, cache.MAX_ENTRIES + 3))


def test_cache_dir_order(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("HECHI_NO_CACHE", raising=False)
    monkeypatch.setenv("HECHI_CACHE_DIR", str(tmp_path / "own"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.cache_dir() == str(tmp_path / "own")
    monkeypatch.delenv("HECHI_CACHE_DIR")
    assert cache.cache_dir() == str(tmp_path / "xdg" / "hechi")
