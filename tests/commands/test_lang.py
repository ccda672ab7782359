"""Which language people get: --lang, then HECHI_LANG, then the locale, then English; never a broken table."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import VIEWS, Run, subprocess_env

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


REPORTS = [*VIEWS.values(), ["show", "relocated-people-2022"], ["search", "核桃"]]


@pytest.mark.parametrize("fmt", ["json", "csv"])
@pytest.mark.parametrize("args", REPORTS, ids=" ".join)
def test_machine_output_never_changes_with_the_language(run: Run, args: list[str], fmt: str) -> None:
    english = run(*args, "--format", fmt, "--lang", "en")
    assert english.exit_code == 0
    assert run(*args, "--format", fmt, "--lang", "zh").stdout == english.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "walnt"], "hechi：错误：没有编号为“walnt”的记录；是否要找 walnut 或 walnut-area？"),
        (["show", "zzzzzz"], "hechi：错误：没有编号为“zzzzzz”的记录"),
        (["series", "balie"], "hechi：错误：balie 是安置点，没有数据序列；可用 hechi show balie 查看"),
        (
            ["series", "mulberry-area", "--scope", "bama"],
            "hechi：错误：mulberry-area 在“bama”没有数据；可用范围：--scope city 或 --scope dahua 或 --scope yizhou",
        ),
        (["search", "zzzz"], "hechi：没有与“zzzz”匹配的记录"),
    ],
)
def test_hechis_own_errors_in_chinese(run: Run, args: list[str], message: str) -> None:
    result = run(*args, "--lang", "zh")
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", message + "\n")


def test_a_broken_data_file_is_reported_in_chinese(run: Run, tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("schema_version = 1\n", encoding="utf-8")
    result = run("summary", "--lang", "zh", "--data", str(broken))
    assert result.exit_code == 1
    # The problems themselves are for whoever edits the file, in English as the keys are (README).
    assert result.stderr.splitlines()[-1].startswith(f"hechi：错误：{broken} 不是有效的 hechi 数据文件：")


def test_a_terminal_that_cannot_show_chinese_gets_english_and_a_note() -> None:
    proc = subprocess.run(
        [HECHI, "industries", "--lang", "zh"], capture_output=True, env=subprocess_env(PYTHONIOENCODING="ascii")
    )
    assert proc.returncode == 0
    assert proc.stdout.decode("ascii").startswith("Hechi's ten industries of a million")
    assert proc.stderr == b"hechi: this terminal's encoding (ascii) cannot show Chinese; writing English\n"


@pytest.mark.parametrize("encoding", ["big5", "gb2312"])
def test_a_terminal_that_shows_some_chinese_but_not_all_gets_english(encoding: str) -> None:
    # Big5 has 河池 but not 产 or 数; Python's GB2312 has no em dash (2002—2020年). Question marks
    # would break the table, so the rendered text itself is checked, not a sample.
    env = subprocess_env(PYTHONIOENCODING=encoding, COLUMNS="80")
    proc = subprocess.run([HECHI, "industries", "--lang", "zh"], capture_output=True, env=env)
    assert proc.returncode == 0
    assert proc.stdout.decode(encoding).startswith("Hechi's ten industries of a million")
    assert (
        proc.stderr.decode() == f"hechi: this terminal's encoding ({encoding}) cannot show Chinese; writing English\n"
    )


def test_a_gbk_terminal_gets_chinese() -> None:
    env = subprocess_env(PYTHONIOENCODING="gbk", COLUMNS="80")
    proc = subprocess.run([HECHI, "industries", "--lang", "zh"], capture_output=True, env=env)
    assert (proc.returncode, proc.stderr) == (0, b"")
    assert proc.stdout.decode("gbk").startswith("河池市农业“十大百万”产业")


def test_an_error_the_terminal_cannot_show_in_chinese_comes_in_english() -> None:
    env = subprocess_env(PYTHONIOENCODING="big5")
    proc = subprocess.run([HECHI, "show", "walnt", "--lang", "zh"], capture_output=True, env=env)
    assert (proc.returncode, proc.stdout) == (1, b"")
    assert proc.stderr == b"hechi: error: no record has the id 'walnt'; did you mean walnut or walnut-area?\n"


def test_machine_output_in_chinese_on_such_a_terminal_is_untouched() -> None:
    env = subprocess_env(PYTHONIOENCODING="ascii")
    proc = subprocess.run([HECHI, "industries", "--lang", "zh", "--json"], capture_output=True, env=env)
    assert (proc.returncode, proc.stderr) == (0, b"")
    assert "核桃" in proc.stdout.decode("utf-8")
