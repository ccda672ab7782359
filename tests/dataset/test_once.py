"""The data file is read and parsed once per run."""

from __future__ import annotations

from typing import Any

import pytest

from conftest import Run
from hechi_cli.dataset import load


@pytest.mark.parametrize("command", ["industries", "rankings", "resettlement", "sources", "summary"])
def test_data_read_and_parsed_once(run: Run, monkeypatch: pytest.MonkeyPatch, command: str) -> None:
    calls = {"read": 0, "parse": 0}
    real_read, real_parse = load.read_bytes, load.parse

    def read(path: str) -> bytes:
        calls["read"] += 1
        return real_read(path)

    def parse(text: str, path: str) -> Any:
        calls["parse"] += 1
        return real_parse(text, path)

    monkeypatch.setattr(load, "read_bytes", read)
    monkeypatch.setattr(load, "parse", parse)
    assert run(command, "--json").exit_code == 0
    assert calls == {"read": 1, "parse": 1}
