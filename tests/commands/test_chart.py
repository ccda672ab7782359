"""`hechi chart`: an SVG that parses, carries the figures it draws, loads nothing and is the same
every time; PNG where the charts extra is installed; one-line errors for what cannot be charted."""

from __future__ import annotations

import csv
import io
import os
import pty
import re
import stat
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import Run, assert_golden, subprocess_env

SVG = "{http://www.w3.org/2000/svg}"


def svg_of(run: Run, *args: str) -> ET.Element:
    result = run("chart", *args)
    assert (result.exit_code, result.stderr) == (0, ""), result.stderr
    return ET.fromstring(result.stdout)


def texts(root: ET.Element) -> list[str]:
    return [t.text or "" for t in root.iter(f"{SVG}text")]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_target_chart_is_pinned(run: Run, lang: str) -> None:
    result = run("chart", "mulberry", "--lang", lang)
    assert (result.exit_code, result.stderr) == (0, "")
    assert_golden(f"chart-mulberry-{lang}.svg", result.stdout)


def test_every_point_carries_its_figure_and_exact_value(run: Run) -> None:
    root = svg_of(run, "mulberry")
    marks = {e.get("data-figure"): e.get("data-value") for e in root.iter() if e.get("data-figure")}
    assert marks == {
        "mulberry-area-2007h1": "631000",
        "mulberry-area-2013": "762000",
        "mulberry-area-2014": "785500",
        "mulberry-area-2019-ed": "940000",
        "mulberry-area-2020-cri": "966200",
        "mulberry-area-2020-pd": "931400",
        "mulberry-area-2021": "944200",
    }


def test_title_alt_text_source_note_and_credit_are_on_the_chart(run: Run) -> None:
    root = svg_of(run, "oil-tea")
    assert root.findtext(f"{SVG}title") == "Oil tea, Hechi city"
    assert root.findtext(f"{SVG}desc") == (
        "A chart of Oil tea, Hechi city: 2 reports from 2019 to 2024-02; the latest is 1,910,000 mu "
        "(China Daily, grade A)."
    )
    shown = texts(root)
    assert shown[:2] == ["Oil tea, Hechi city", "unit: mu; verdict: 100.7% above"]
    assert "goal: 1,500,000 mu" in shown and "judged on" in shown
    assert [t for t in shown if t.startswith(("Source:", "Note:"))] == [
        "Source: China Daily 2022-10-12 (A); National Forestry Administration 2020-03-05 (A); "
        "China Daily 2024-02-23 (A).",
        "Note: the black ring marks the figure that judges the goal; the shaded band is the programme's period.",
    ]
    assert shown[-1].startswith("hechi ")
    assert shown[-1].endswith(", compiled 2026-11-29 · MIT licence · hechi chart oil-tea")  # the data's version


def test_a_chinese_chart_has_no_english_words_but_names_and_ids(run: Run) -> None:
    shown = texts(svg_of(run, "oil-tea", "--lang", "zh"))
    assert shown[:2] == ["油茶（全市）", "单位：亩；评判：100.7% 超过目标"]
    assert "目标：150万亩" in shown and "评判依据" in shown and "2020年" in shown
    assert [t[:5] for t in shown if t.startswith(("资料来源：", "注："))] == ["资料来源：", "注：黑色圆"]


def test_a_streak_shows_the_first_year_each_report_implies(run: Run) -> None:
    shown = texts(svg_of(run, "silkworm-first-china"))
    assert shown[0] == "Years in a row first among China's cities in sericulture, Hechi city"  # the series' name
    assert shown[1] == "unit: years; the reports disagree on the first year: 2005, 2006"
    assert sorted({t for t in shown if t.startswith("from ")}) == ["from 2005", "from 2006"]


def test_the_svg_loads_nothing_and_runs_nothing(run: Run) -> None:
    for lang in ("en", "zh"):
        text = run("chart", "mulberry", "--lang", lang).stdout
        found = [b for b in ("<script", "href", "@import", "url(", "<image", "<foreignObject", "<style") if b in text]
        assert found == []
        assert re.search(r"\son[a-z]+=", text) is None  # no event handlers


def test_the_same_data_gives_the_same_bytes(run: Run) -> None:
    assert run("chart", "walnut").stdout == run("chart", "walnut").stdout


def test_with_data_writes_the_points_beside_the_chart(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "m.svg"
    result = run("chart", "mulberry", "-o", str(out), "--with-data")
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == f"hechi: wrote {out}\nhechi: wrote {tmp_path / 'm.csv'}\n"
    rows = list(csv.DictReader(io.StringIO((tmp_path / "m.csv").read_text(encoding="utf-8"))))
    judged = [(r["figure"], r["value"], r["conflicts_with"]) for r in rows if r["judged"] == "true"]
    assert judged == [("mulberry-area-2020-pd", "931400", "mulberry-area-2020-cri")]
    assert len(rows) == 7
    ET.fromstring(out.read_text(encoding="utf-8"))


def test_an_existing_file_is_refused_whole_without_force(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "m.svg"
    (tmp_path / "m.csv").write_text("mine\n", encoding="utf-8")
    result = run("chart", "mulberry", "-o", str(out), "--with-data")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == f"hechi: error: {tmp_path / 'm.csv'} already exists; use --force to replace it\n"
    assert not out.exists()  # neither file is written when one is refused
    assert run("chart", "mulberry", "-o", str(out), "--with-data", "--force").exit_code == 0
    assert (tmp_path / "m.csv").read_text(encoding="utf-8").startswith("figure,label,")


@pytest.mark.parametrize(
    ("wanted", "message"),
    [
        (
            "cd-2022-10-12-rural",
            "hechi: error: cd-2022-10-12-rural cannot be charted: chart a measure, a figure, a target or a "
            "ranking with a streak\n",
        ),
        ("mulbery", "hechi: error: no record has the id 'mulbery'; did you mean mulberry or mulberry-area?\n"),
    ],
)
def test_what_cannot_be_charted_is_one_line_and_exit_1(run: Run, wanted: str, message: str) -> None:
    result = run("chart", wanted)
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", message)


def test_the_error_is_in_the_readers_language(run: Run) -> None:
    result = run("chart", "cd-2022-10-12-rural", "--lang", "zh")
    assert (result.exit_code, result.stderr) == (
        1,
        "hechi：错误：cd-2022-10-12-rural无法绘图：可绘制的是指标、数据、目标，或有连续居首记录的排名\n",
    )


def test_a_terminal_gets_no_svg_text() -> None:
    leader, follower = pty.openpty()
    proc = subprocess.run(
        [sys.executable, "-m", "hechi_cli", "chart", "mulberry"],
        stdout=follower,
        stderr=subprocess.PIPE,
        text=True,
        env=subprocess_env(),
        timeout=60,
    )
    os.close(follower)
    os.close(leader)
    assert proc.returncode == 2
    assert proc.stderr.splitlines()[-1] == (
        "Error: say where the chart goes: -o FILE, or pipe it (--with-data needs -o FILE)"
    )


def test_png_is_deterministic_and_draws_chinese(run: Run, tmp_path: Path) -> None:
    pytest.importorskip("resvg_py")
    a, b = tmp_path / "a.png", tmp_path / "b.png"
    for path in (a, b):
        assert run("chart", "mulberry", "--png", "--lang", "zh", "-o", str(path)).exit_code == 0
    assert a.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", a.read_bytes()[16:24]) == (800, 540)  # IHDR: the SVG's size
    assert a.read_bytes() == b.read_bytes()


def test_png_refuses_characters_its_font_lacks(run: Run, tmp_path: Path) -> None:
    pytest.importorskip("resvg_py")
    data = Path(__file__).resolve().parents[2] / "data" / "hechi.toml"
    text = data.read_text(encoding="utf-8").replace('name_zh = "油茶"', 'name_zh = "油茶𠀋"', 1)
    assert "𠀋" in text
    (tmp_path / "d.toml").write_text(text, encoding="utf-8")
    result = run("--data", str(tmp_path / "d.toml"), "chart", "oil-tea", "--png", "--lang", "zh")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == "hechi：错误：图表字体缺少𠀋：请用 scripts/subset_font.py 重建字体，或输出 SVG\n"


def test_the_fonts_character_list_is_its_cmap() -> None:
    # `--png` checks text against the .chars file, not the font (fontTools is slow to import).
    ttlib = pytest.importorskip("fontTools.ttLib")
    from hechi_cli.charts.png import CHARS, FONT

    with ttlib.TTFont(FONT, lazy=True) as font:
        cmap = {chr(c) for c in font.getBestCmap() if chr(c).isprintable() and not chr(c).isspace()}
    assert set(Path(CHARS).read_text(encoding="utf-8")) == cmap
    assert {"河", "池", "万", "亩", "①"} <= cmap


def test_a_goal_no_figure_is_compared_with_marks_none_and_says_why(run: Run) -> None:
    root = svg_of(run, "walnut")
    shown = texts(root)
    assert shown[1] == "unit: mu; verdict: not comparable"
    assert "judged on" not in shown
    assert [t for t in shown if t.startswith("Note:")] == [
        "Note: no figure is compared with the goal: it is a running total (cumulative), while the goal counts a "
        "level at a date"
    ]
    # the cumulative figure of 2002-2020 spans its years rather than standing at their middle
    assert [e.get("d") for e in root.iter(f"{SVG}path")] == [
        "M 92.0 184.4 V 192.4 M 92.0 188.4 H 769.9 M 769.9 184.4 V 192.4"
    ]


def test_strings_from_the_data_are_escaped(run: Run, tmp_path: Path) -> None:
    data = Path(__file__).resolve().parents[2] / "data" / "hechi.toml"
    text = data.read_text(encoding="utf-8").replace('name = "Oil tea"', 'name = "Oil <script>&amp; tea"', 1)
    assert "<script>" in text
    (tmp_path / "d.toml").write_text(text, encoding="utf-8")
    root = svg_of(run, "--data", str(tmp_path / "d.toml"), "oil-tea")
    assert root.findtext(f"{SVG}title") == "Oil <script>&amp; tea, Hechi city"
    assert list(root.iter(f"{SVG}script")) == []


def test_png_without_the_extra_says_how_to_install_it(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "resvg_py", None)  # what an import finds where the extra is not installed
    result = run("chart", "mulberry", "--png")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        "hechi: error: --png needs the charts extra, on Python 3.10 or later: pip install 'hechi[charts]' "
        "(SVG needs nothing)\n"
    )


def test_a_county_of_a_target_is_a_series_without_the_citys_goal(run: Run) -> None:
    shown = texts(svg_of(run, "mulberry", "--scope", "dahua"))
    assert shown[:2] == ["Mulberry area, Dahua", "unit: mu"]
    assert not [t for t in shown if t.startswith(("goal", "programme period", "judged"))]
    assert shown[-1].endswith(" · hechi chart mulberry-area --scope dahua")  # the command that draws it again


def test_a_chart_is_chinese_whatever_the_terminals_encoding(run: Run, tmp_path: Path) -> None:
    # the SVG is a UTF-8 file: an ASCII terminal neither turns it English nor its marks into '#'
    out = tmp_path / "c.svg"
    proc = subprocess.run(
        [sys.executable, "-m", "hechi_cli", "chart", "mulberry", "--lang", "zh", "-o", str(out)],
        capture_output=True,
        env=subprocess_env(PYTHONIOENCODING="ascii"),
        timeout=60,
    )
    assert proc.returncode == 0
    assert b"writing English" not in proc.stderr
    assert texts(ET.fromstring(out.read_text(encoding="utf-8")))[0] == "蚕桑（全市）"


def test_a_long_source_list_grows_the_chart_and_is_never_cut(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    from hechi_cli.charts import svg

    monkeypatch.setattr(svg, "CHARS_PER_LINE", 40)  # as a chart citing many sources would wrap
    root = svg_of(run, "mulberry")
    shown = texts(root)
    assert int(root.get("height") or 0) > 540
    assert shown[-2].endswith("period.")  # the last line of Note, just above the credit
    assert " ".join(shown).count("Daily") >= 6  # every source named


def test_a_credit_too_long_for_its_line_drops_the_data_title(run: Run) -> None:
    credit = texts(svg_of(run, "rocky-desertification-share"))[-1]
    assert credit.endswith(" · data compiled 2026-11-29 · MIT licence · hechi chart rocky-desertification-share")


def test_an_axis_has_one_number_style(run: Run) -> None:
    ends = [
        e.text
        for e in svg_of(run, "bama-wagyu-aim", "--lang", "zh").iter(f"{SVG}text")
        if e.get("text-anchor") == "end"
    ]
    assert ends[:6] == ["0", "2,400", "4,800", "7,200", "9,600", "12,000"]  # not 9,600 beside 1.2万


def test_force_replaces_a_file_never_a_device_or_a_fifo(run: Run, tmp_path: Path) -> None:
    # a chart written over /dev/full would have replaced the device node with a PNG
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    result = run("chart", "mulberry", "-o", str(fifo), "--force")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == f"hechi: error: {fifo} is not a regular file; hechi writes only to a file\n"
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    mine = tmp_path / "mine.svg"
    mine.write_text("old", encoding="utf-8")
    assert run("chart", "mulberry", "-o", str(mine), "--force").exit_code == 0  # a file of any kind is replaced
    assert mine.read_text(encoding="utf-8").startswith("<svg ")


def test_a_chinese_chart_never_breaks_a_publisher_s_name(run: Run) -> None:
    svg = run("chart", "yizhou-county-rank-streak", "--lang", "zh").stdout
    assert 'text-anchor="start">新华丝路 2025年3月27日' in svg and "新华丝</text>" not in svg
