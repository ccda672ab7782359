"""The Chinese of a statistics bulletin, pinned: what an editor would otherwise correct first."""

from __future__ import annotations

from conftest import Run


def test_our_translations_are_marked_with_a_sign_no_yearbook_uses(run: Run) -> None:
    out = run("summary", "--lang", "zh").stdout
    assert "核桃累计种植面积※" in out and "※ = 本数据集自译" in out
    assert "#" not in out  # in a yearbook '#' marks an "of which" item


def test_ranks_read_as_places(run: Run) -> None:
    out = run("rankings", "--lang", "zh").stdout
    assert "广西第1位" in out and "广西第1 " not in out


def test_growth_has_no_plus_sign_and_dates_are_written_out(run: Run) -> None:
    out = run("resettlement", "--lang", "zh").stdout
    assert "28.12" in out and "+28.12" not in out
    assert "资料来源：中国日报网 [1] 2022年10月12日" in out  # footnote dates as the table writes them


def test_sources_are_named_in_chinese_in_a_chinese_view(run: Run) -> None:
    out = run("summary", "--lang", "zh").stdout
    assert "资料来源：广西日报 [1] 2021年1月20日；中国日报网" in out
    assert "China Daily" not in out


def test_terms_of_a_statistics_bulletin(run: Run) -> None:
    notes = run("industries", "--lang", "zh", "--notes").stdout
    assert "时点数" in notes and "时点存量" not in notes
    assert "实施期" in notes and "工程期" not in notes


def test_cite_writes_amounts_as_the_tables_do(run: Run) -> None:
    out = run("cite", "meat-output-2022h1", "--lang", "zh").stdout
    assert "13.48万吨" in out and "134,800" not in out


def test_notes_begin_zhu_with_circled_marks(run: Run) -> None:
    out = run("industries", "--lang", "zh").stdout
    assert (
        "\n注：据2022年报道（cd-2022-10-12-rural），2016—2020年目标均已实现。" in out
        and "① 所列数据为累计值" in out
        and "无可比数据①" in out
    )


def test_sheep_and_goats_are_counted_in_zhi(run: Run) -> None:
    assert "数值：超过6,600只" in run("show", "nandan-sheep-2021", "--lang", "zh").stdout
    assert "超过6,600只。" in run("cite", "nandan-sheep-2021", "--lang", "zh").stdout
    assert "目标值：150万头（只）" in run("show", "cattle-sheep", "--lang", "zh").stdout
    rows = {line.split()[0]: line.split()[2] for line in run("industries", "--lang", "zh").stdout.splitlines()[4:6]}
    assert rows == {"生猪※": "头", "肉牛肉羊*": "头（只）"}
    assert "Value: more than 6,600 head" in run("show", "nandan-sheep-2021").stdout  # English keeps its word


def test_a_source_is_cited_in_chinese_and_its_missing_title_said_in_chinese(run: Run) -> None:
    out = run("show", "yyb-2017-03-rocky", "--lang", "zh").stdout
    assert out.startswith("来源 yyb-2017-03-rocky：（标题未记录）\n")
    assert "Feature on" not in out
    assert "[1] A cd-2022-10-12-rural，中国日报网，2022年10月12日" in run("show", "walnut", "--lang", "zh").stdout


def test_a_column_of_one_unit_in_wan_puts_the_unit_in_its_header(run: Run) -> None:
    lines = run("series", "mulberry-area", "--lang", "zh").stdout.splitlines()
    assert "数值（万亩）" in lines[1] and "单位" not in lines[1]
    assert lines[3].split()[:2] == ["2007年6月", "63.1"]
    mixed = run("summary", "--lang", "zh").stdout.splitlines()[1]  # several units: each row keeps its own
    assert "数值" in mixed and "单位" in mixed
    assert "Unit" in run("series", "mulberry-area").stdout.splitlines()[1]


def test_growth_on_the_same_period_is_tongbi_and_dates_are_never_iso(run: Run) -> None:
    notes = run("show", "cocoon-output-2021h1", "--lang", "zh").stdout
    assert "同比增长23.4%" in notes
    sources = run("sources", "--lang", "zh").stdout.splitlines()
    assert sources[3] == "A级（32个）：官方或主要媒体"  # the grade heads its sources
    assert sources[4].split()[:2] == ["cd-2022-10-12-rural", "2022年10月12日"]
    assert "县（区）：凤山县\n" in run("show", "balie", "--lang", "zh").stdout  # no ASCII-bracketed id beside Chinese


def test_a_row_label_that_names_its_county_does_not_name_it_again(run: Run) -> None:
    # 南丹白裤瑶安置住房 and 巴马县油茶种植面积 begin with their county's two characters (names_county)
    resettlement = run("resettlement", "--lang", "zh", env={"COLUMNS": "120"}).stdout
    assert "南丹白裤瑶安置住房※ " in resettlement and "Duonu社区户数※（南丹县）" in resettlement  # this one needs it
    card = run("show", "bama-oil-tea-area-2023", "--lang", "zh", env={"COLUMNS": "120"}).stdout
    assert "巴马县油茶种植面积※  " in card and "面积※（巴马瑶族自治县）" not in card
    assert "Baiku Yao homes, Nandan " in run("resettlement", env={"COLUMNS": "120"}).stdout  # English unchanged


def test_a_count_says_it_is_a_count(run: Run) -> None:
    # As the editor's 引用次数: a header over a count names the count, not the thing counted.
    out = run("counties", "--lang", "zh").stdout
    assert "数据条数  安置点个数" in out
    card = run("show", "mulberry-area", "--lang", "zh").stdout
    assert "数据条数：13，范围：全市" in card and "共13个" not in card


def test_a_name_stays_on_one_line_where_its_column_has_room(run: Run) -> None:
    # zh-review-3 S13 and item 10: not （大化瑶族自治 / 县）, not 板 / 栗.
    out = run("resettlement", "--lang", "zh", env={"COLUMNS": "80"}).stdout
    assert "\n（大化瑶族自治县）\n" in out and "（大化瑶族自治\n" not in out
    summary = run("summary", "--lang", "zh", env={"COLUMNS": "80"}).stdout
    assert "无全市数据：生猪、\n  板栗。" in summary
