"""Which language people get: --lang, then HECHI_LANG, then the locale, then English; never a broken table."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import Run, subprocess_env

ZH_HEADER = "编号"  # the ID header of `hechi sources` in Chinese
HECHI = str(Path(sys.executable).parent / "hechi")


@pytest.mark.parametrize(
    ("env", "args", "chinese"),
    [
        ({}, [], False),
        ({"LANG": "zh_CN.UTF-8"}, [], True),
        ({"LANG": "zh_TW.UTF-8"}, [], True),
        ({"LC_MESSAGES": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, [], True),
        ({"LC_ALL": "C", "LANG": "zh_CN.UTF-8"}, [], False),  # LC_ALL comes first, as POSIX says
        ({"LANG": "en_GB.UTF-8"}, [], False),
        ({"LANG": "zh_CN.UTF-8", "HECHI_LANG": "en"}, [], False),
        ({"HECHI_LANG": "zh"}, [], True),
        ({"HECHI_LANG": "zh"}, ["--lang", "en"], False),
    ],
)
def test_language_order(run: Run, env: dict[str, str], args: list[str], chinese: bool) -> None:
    result = run("sources", *args, env=env)
    assert result.exit_code == 0
    assert (ZH_HEADER in result.stdout) is chinese


def test_json_ignores_the_locale(run: Run) -> None:
    assert run("industries", "--json", env={"LANG": "zh_CN.UTF-8"}).stdout == run("industries", "--json").stdout


def test_a_terminal_that_cannot_show_chinese_gets_english_and_a_note() -> None:
    proc = subprocess.run(
        [HECHI, "industries", "--lang", "zh"], capture_output=True, env=subprocess_env(PYTHONIOENCODING="ascii")
    )
    assert proc.returncode == 0
    assert proc.stdout.decode("ascii").startswith("Hechi's 10-million-level programme")
    assert proc.stderr == b"hechi: this terminal's encoding (ascii) cannot show Chinese; writing English\n"


def test_machine_output_in_chinese_on_such_a_terminal_is_untouched() -> None:
    env = subprocess_env(PYTHONIOENCODING="ascii")
    proc = subprocess.run([HECHI, "industries", "--lang", "zh", "--json"], capture_output=True, env=env)
    assert (proc.returncode, proc.stderr) == (0, b"")
    assert "核桃" in proc.stdout.decode("utf-8")
