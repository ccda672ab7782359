"""hechi cite: a sentence for a figure, its source in four styles, each read back by a real parser."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import Run
from hechi_cli.cite import bibtex, csl, ris
from hechi_cli.dataset.model import Source


def test_text_gives_the_figure_in_one_sentence_then_its_source(run: Run) -> None:
    result = run("cite", "resettlement-housing-2022")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "Resettlement housing sets built, Hechi city, 2022-10: more than 40,000 sets. Source: China Daily, "
        "Hechi channel (Hechi Updates), “Hechi contributes experience to rural vitalization efforts”, 2022-10-12, "
        "http://guangxi.chinadaily.com.cn/hechi/2022-10/12/c_819472.htm (grade A: official or major media; "
        "hechi cd-2022-10-12-rural).\n"
    )


def test_text_in_chinese(run: Run) -> None:
    out = run("cite", "walnut-area-2002-2020", "--lang", "zh").stdout
    assert out.startswith("核桃累计种植面积（河池市，2002—2020年）：260万亩。来源：广西日报，《河池市以石漠化")
    assert "2021年1月20日" in out and "（B级来源；hechi gxd-2021-01-20-walnut）。" in out


def test_the_locale_chooses_chinese_as_for_every_other_command_errors_too(run: Run) -> None:
    out = run("cite", "meat-output-2022h1", env={"LANG": "zh_CN.UTF-8"}).stdout
    assert out.startswith("上半年肉类总产量（河池市，2022年上半年）：13.48万吨。来源：")
    result = run("cite", "walnt", env={"LANG": "zh_CN.UTF-8"})
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == "hechi：错误：没有编号为“walnt”的记录；是否要找 walnut？\n"


def test_areas_follow_area_unit(run: Run) -> None:
    out = run("cite", "walnut-area-2002-2020", "--area-unit", "ha").stdout
    assert out.startswith(
        "Walnut area planted, cumulative over 19 years, Hechi city, 2002–2020: 173,333.33 ha. Source: "
    )


def test_a_source_alone(run: Run) -> None:
    out = run("cite", "duhuoa-2014-agri").stdout
    assert out.startswith("Forum repost (bbs.duhuoa.com), “") and "c. 2014" in out and "grade C" in out


def test_unknown_id(run: Run) -> None:
    result = run("cite", "walnt")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == "hechi: error: no record has the id 'walnt'; did you mean walnut?\n"


def test_bibtex_one_entry_per_source_read_by_bibtexparser(run: Run) -> None:
    bibtexparser = pytest.importorskip("bibtexparser")
    ids = ["walnut-area-2002-2020", "gxd-2021-01-20-walnut", "cocoon-output-2021", "fruit-area-2014"]
    library = bibtexparser.parse_string(run("cite", *ids, "--style", "bibtex").stdout)
    assert not library.failed_blocks
    entries = {e.key: e for e in library.entries}
    assert list(entries) == ["gxd-2021-01-20-walnut", "prn-2022-12-01-index", "duhuoa-2014-agri"]
    walnut = entries["gxd-2021-01-20-walnut"]
    assert walnut.entry_type == "misc"  # BibTeX, biblatex and citeproc-py all read @misc; not @online
    assert walnut["title"] == "{河池市以石漠化治理实现生态向好}"  # braced whole: styles keep its capitals
    assert walnut["publisher"] == "{Guangxi Daily via CRI}"
    assert (walnut["date"], walnut["url"]) == (
        "2021-01-20",
        "http://gx.cri.cn/n/20210120/5495c402-546b-a0e2-caa9-441c4d0d4697.html",
    )
    assert entries["duhuoa-2014-agri"]["date"] == "2014~"
    assert "title" not in entries["prn-2022-12-01-index"] or not entries["prn-2022-12-01-index"]["title"].startswith(
        "{(title not recorded)"
    )


def test_csl_json_rendered_by_citeproc(run: Run) -> None:
    pytest.importorskip("citeproc")
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    items = json.loads(run("cite", "cocoon-output-2021", "xh-2012-05-fengshan", "--style", "csl-json").stdout)
    assert [i["id"] for i in items] == ["prn-2022-12-01-index", "xh-2012-05-fengshan"]
    assert items[1]["issued"] == {"date-parts": [[2012, 5]]}
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    for item in items:
        bibliography.register(Citation([CitationItem(item["id"])]))
    rendered = [str(entry) for entry in bibliography.bibliography()]
    assert len(rendered) == 2
    assert any("Xinhua via yybnet.net" in r and "2012" in r for r in rendered)


def test_ris_keeps_the_tag_order_of_the_spec(run: Run) -> None:
    # The RIS specification lists TY first, then the tags alphabetically, and ER last.
    out = run("cite", "fruit-area-2014", "sugarcane-area-2014", "relocated-people-2022", "--style", "ris").stdout
    records = out.split("ER  - \n")
    assert records[-1] == "" and len(records) == 3  # one record per source, each closed by ER
    for record in records[:-1]:
        lines = record.splitlines()
        assert all(line[2:6] == "  - " for line in lines)
        tags = [line[:2] for line in lines]
        assert tags[0] == "TY" and tags[1:] == sorted(tags[1:])
    assert "DA  - 2014///\n" in out and "DA  - 2022/10/12/\n" in out


# ---------------------------------------------------------------- what real clients read (issue: trust, round 3)


def _source(**changes: str) -> Source:
    base = Source("s-1", "A title", "Science and Technology Daily", "2020-09-16", "http://example.org/a_b", "A")
    return base._replace(**changes)


def test_an_unrecorded_title_is_never_cited_as_the_title(run: Run) -> None:
    # 57 figures once cited "(title not recorded) …" as their article's title, in every style.
    for style in ("text", "bibtex", "csl-json", "ris"):
        out = run("cite", "cd-2022-10-20-yizhou", "--style", style).stdout
        assert "title not recorded)" not in out, style
        assert "not recorded" in out.lower(), style  # said as a note instead
    assert "title" not in json.loads(run("cite", "cd-2022-10-20-yizhou", "--style", "csl-json").stdout)[0]


def test_bibtex_keeps_a_publisher_with_and_whole_for_every_client() -> None:
    pytest.importorskip("bibtexparser")
    import bibtexparser
    from bibtexparser.middlewares import SeparateCoAuthors

    entry = bibtex(_source())
    assert "publisher = {{Science and Technology Daily}}" in entry
    library = bibtexparser.parse_string(entry, append_middleware=[SeparateCoAuthors()])
    assert library.entries[0]["publisher"] == "{Science and Technology Daily}"  # one name, not two


def test_a_url_with_braces_cannot_inject_a_second_bibtex_entry() -> None:
    pytest.importorskip("bibtexparser")
    import bibtexparser

    entry = bibtex(_source(url="http://x.org/}\n@misc{evil, title={pwned}"))
    library = bibtexparser.parse_string(entry)
    assert [e.key for e in library.entries] == ["s-1"] and not library.failed_blocks
    assert library.entries[0]["url"].startswith("http://x.org/%7D%0A@misc%7Bevil,%20title=%7Bpwned%7D")


def test_bibtex_leaves_an_address_as_it_is() -> None:
    pytest.importorskip("bibtexparser")
    import bibtexparser

    assert bibtexparser.parse_string(bibtex(_source())).entries[0]["url"] == "http://example.org/a_b"


def test_a_newline_in_a_title_cannot_forge_a_second_ris_record() -> None:
    out = ris(_source(title="One\nER  - \nTY  - ELEC\nTI  - forged"))
    starts = [line[:6] for line in out.splitlines()]
    assert starts.count("ER  - ") == 1 and starts.count("TY  - ") == 1
    assert all(line[2:6] == "  - " for line in out.splitlines())


def test_csl_json_names_the_publisher_once() -> None:
    item = csl(_source())
    assert "container-title" not in item and item["publisher"] == "Science and Technology Daily"


def test_citeproc_py_reads_the_bibtex(tmp_path: Path, run: Run) -> None:
    pytest.importorskip("citeproc")
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.bibtex import BibTeX

    path = tmp_path / "refs.bib"
    path.write_text(run("cite", "cocoon-output-2021", "std-2020-09-16-programme", "--style", "bibtex").stdout)
    source = BibTeX(str(path), encoding="utf-8")  # KeyError: 'online' before @misc
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = CitationStylesBibliography(style, source, formatter.plain)
    for key in source:
        bibliography.register(Citation([CitationItem(key)]))
    rendered = [str(entry) for entry in bibliography.bibliography()]
    assert len(rendered) == 2 and any("Science and Technology Daily" in r for r in rendered)


def test_cite_text_makes_control_characters_visible() -> None:
    from hechi_cli.cite import _source_text
    from hechi_cli.reports.view import ENGLISH
    from hechi_cli.textsafe import printable

    text = printable(_source_text(_source(publisher="Evil\x1b[2J\u202eNews"), ENGLISH))
    assert "\x1b" not in text and "\u202e" not in text and "Evil\\x1b[2J" in text
