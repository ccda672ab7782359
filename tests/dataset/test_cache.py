"""The parse cache: used only for the exact bytes it was made from, never in the way."""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path
from typing import Any

import pytest

from conftest import DATA, invoke
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


def test_a_forged_entry_is_a_miss_never_a_verdict_on_the_file(cached: Path) -> None:
    # An entry that breaks a rule is one hechi did not write: the file is parsed again, and it is valid.
    cache.put(str(cached), cached.read_bytes(), {"schema_version": 1})
    result = invoke("--data", str(cached), "summary", "--json", env={"HECHI_NO_CACHE": None})
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == invoke("--data", str(cached), "summary", "--json").stdout


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
        entry = cache._entry_path(str(directory), str(copy), os.stat(copy))
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
