"""Tables as people read them: at 60 to 120 columns no line is too wide and no word is broken."""

from __future__ import annotations

import re

import pytest
from rich.cells import cell_len

import conftest
from conftest import invoke

CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"
# A word: a run of other text, or one Chinese character (Chinese may break between any two);
# a dash between two dates is where a range may break (2021年10月— / 2022年7月, 2021-10– / 2022-07).
WORD = re.compile(f"[{CJK}]|[^\\s{CJK}—–]+")

VIEWS = {
    **conftest.VIEWS,
    "search": ["search", "walnut"],
    "search-silk": ["search", "silk"],  # long names: past 60 columns in the record layout before
    "sources-long": ["sources", "--long"],
    "show-measure": ["show", "mulberry-area"],
}
VIEWS.update({f"{name}-zh": [*args, "--lang", "zh"] for name, args in list(VIEWS.items())})
WIDTHS = [80, 100, 120]
# 60 and 70: the record layout and the narrowest grids, for the views with the longest cells
NARROW = [
    (view, width)
    for view in ("search-silk", "search-silk-zh", "sources-long", "sources-long-zh", "industries", "counties-zh")
    for width in (60, 70)
]
URL = re.compile(r"https?://\S+")


def table(args: list[str], width: int) -> str:
    result = invoke(*args, env={"COLUMNS": str(width)})
    assert (result.exit_code, result.stderr) == (0, "")
    return result.stdout


def words(text: str) -> set[str]:
    """Every word, with each Chinese character a word of its own (Chinese may break anywhere)."""
    return {w.strip(".,;:：()[]|*") for w in WORD.findall(text) if w.strip("─-")} - {""}  # a record line adds a colon


@pytest.mark.parametrize(("view", "width"), [(v, w) for w in WIDTHS for v in VIEWS] + NARROW)
def test_no_line_is_wider_than_the_terminal(view: str, width: int) -> None:
    for line in table(VIEWS[view], width).splitlines():
        assert cell_len(line) <= width or URL.search(line), line


@pytest.mark.parametrize(("view", "width"), [(v, w) for w in WIDTHS for v in VIEWS] + NARROW)
def test_no_word_is_broken(view: str, width: int) -> None:
    # Drawn 400 columns wide nothing wraps: every word of the narrow table must be a word there too.
    whole = words(table(VIEWS[view], 400))
    broken = words(table(VIEWS[view], width)) - whole
    assert not broken, sorted(broken)


@pytest.mark.parametrize("view", [v for v in VIEWS if v.split("-")[0] not in ("show", "series", "search")])
def test_a_table_not_records_at_80_columns(view: str) -> None:
    text = table(VIEWS[view], 80)
    assert not any(f"\n  {header}" in text for header in ("Value: ", "Src: ", "数值：", "来源："))


def test_cell_widths_agree_with_rich() -> None:
    # hechi counts cells itself (render/wrap.cell_len); rich's count is the reference.
    from conftest import DATA
    from hechi_cli.cells import cell_len as own

    for line in DATA.read_text(encoding="utf-8").splitlines():
        assert own(line) == cell_len(line), line


def test_a_range_of_dates_breaks_only_after_its_dash() -> None:
    from hechi_cli.render.wrap import widest_word, wrap

    assert wrap("2021-10–2022-07", 10) == ["2021-10–", "2022-07"]
    assert wrap("2021-10–2022-07", 15) == ["2021-10–2022-07"]
    assert widest_word("2021-10–2022-07") == 8
    assert wrap("pre–war", 4) == ["pre–war"]  # a dash between words is no break
    assert wrap("2021年10月—2022年7月", 12) == ["2021年10月—", "2022年7月"]


def test_chinese_flows_on_but_a_qualifier_keeps_its_number() -> None:
    from hechi_cli.render.wrap import wrap

    # 24 cells of Chinese after a short word: the line fills up rather than start a new one
    assert wrap("hechi 编号：查看完整记录。另有4条注释。", 20) == ["hechi 编号：查看完整", "记录。另有4条注释。"]
    assert wrap("来源：bbs.duhuoa.com 约2014年（C!）", 24) == ["来源：bbs.duhuoa.com", "约2014年（C!）"]


def test_the_fitter_looks_past_one_wrapped_line() -> None:
    from hechi_cli.render.table import fit
    from hechi_cli.reports.report import Column

    # Three cells too many. Each cell the labels give wraps one more of them (three lines in all);
    # the dates' first cell wraps both ranges (two lines) and their next two cost nothing. Cell by
    # cell, the labels looked cheaper ([17, 15]); looking ahead, the dates give all three.
    grid = [Column("Label", str), Column("As of", str)]
    labels = ["abcd efgh ijkl mnopq", "abcd efgh ijkl mnop", "abcd efgh ijkl mno", "x", "y"]
    dates = ["2022", "2022", "2022", "2021-10–2022-07", "2021-10–2022-07"]
    cells = [list(pair) for pair in zip(labels, dates)]
    assert fit(grid, ["Label", "As of"], cells, 20 + 2 + 15 - 3, cell_len) == [20, 12]


@pytest.mark.parametrize(
    ("token", "units"),
    [
        ("约2014年（C!）", ["约2014年", "（C!）"]),  # an opening mark goes with what follows
        ("2021年上半年增长", ["2021年上半年", "增", "长"]),
        ("超过4万亩", ["超过4万", "亩"]),
        ("（“河池”）", ["（“河", "池”）"]),
        ("北部湾之声／国际在线", ["北", "部", "湾", "之", "声", "／", "国", "际", "在", "线"]),
    ],
)
def test_chinese_breaks_only_where_a_line_may(token: str, units: list[str]) -> None:
    from hechi_cli.render.wrap import _units

    assert list(_units(token)) == units


NAMES = frozenset({"大化瑶族自治县", "板栗", "北部湾之声", "国际在线"})


@pytest.mark.parametrize(
    ("token", "units"),
    [
        ("Gujiang安置区人口※（大化瑶族自治县）", ["Gujiang安", "置", "区", "人", "口※", "（大化瑶族自治县）"]),
        ("生猪、板栗。", ["生", "猪、", "板栗。"]),  # the name takes its closing mark with it
        ("北部湾之声／国际在线", ["北部湾之声", "／", "国际在线"]),  # a joint publisher breaks at its ／
        ("板栗板栗", ["板栗", "板栗"]),  # every time the name appears
    ],
)
def test_chinese_never_breaks_inside_a_name_it_keeps(token: str, units: list[str]) -> None:
    from hechi_cli.render.wrap import _units

    assert list(_units(token, NAMES)) == units


def test_a_kept_name_wider_than_its_line_breaks_as_before() -> None:
    from hechi_cli.render.wrap import wrap

    # Never at the cost of the grid: a name its column cannot hold is broken as any Chinese is.
    text = "（大化瑶族自治县）"
    assert wrap(text, 10, "", cell_len, NAMES) == wrap(text, 10, "", cell_len) == ["（大化瑶族", "自治县）"]
    assert wrap("无全市数据：生猪、板栗、核桃。", 20, "", cell_len, NAMES) == ["无全市数据：生猪、", "板栗、核桃。"]
    assert wrap("无全市数据：生猪、板栗、核桃。", 20, "", cell_len) == ["无全市数据：生猪、板", "栗、核桃。"]


@pytest.mark.parametrize(
    ("text", "width", "lines"),
    [
        # zh-review-3 O6 and Q4: a paragraph does not end on one character (告, 重)
        ("全市油茶产业“双千”项目推进情况报告", 32, ["全市油茶产业“双千”项目推进情况", "报告"]),
        ("搬迁人口占全市贫困人口比重。", 24, ["搬迁人口占全市贫困人口", "比重。"]),
        ("全市油茶产业“双千”项目推进情况报告", 34, ["全市油茶产业“双千”项目推进情况报告"]),  # it fits
        ("hechi 重", 7, ["hechi", "重"]),  # a word before it, not a run of Chinese: nothing to bring down
        ("报告 告", 5, ["报告", "告"]),
    ],
)
def test_chinese_never_ends_on_a_line_of_one_character(text: str, width: int, lines: list[str]) -> None:
    from hechi_cli.render.wrap import wrap

    assert wrap(text, width, "", cell_len) == lines


def test_a_record_whose_label_wraps_stays_within_the_width() -> None:
    # The label's later lines are indented by two: they must be wrapped two narrower, not pushed past.
    from hechi_cli.render.table import records
    from hechi_cli.reports.report import Column, Words

    grid = [Column("Label", str), Column("Value", str)]
    label = "大化瑶族自治县" * 6
    out = records(Words("zh", "t", grid), grid, [[label, "1"]], 40, cell_len, frozenset())
    assert (
        out
        == "大化瑶族自治县大化瑶族自治县大化瑶族自治\n  县大化瑶族自治县大化瑶族自治县大化瑶族\n  自治县\n  Value：1\n"
    )
    assert max(cell_len(line) for line in out.split("\n")) == 40
