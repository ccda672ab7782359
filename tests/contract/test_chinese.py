"""Under --lang zh a person reads Chinese: no English word is left in any of the nine views.

What may stay as published: ids, measures, addresses, source titles, the domain names of the
sites no page names in Chinese (publisher_short; every other publisher is named in Chinese), the
names of commands, the English name that a Chinese name of ours translates (`show` gives it
beside the translation), and the pinyin of a place no page gives in Chinese characters (a
Chinese name of ours that keeps it is marked, View.short). Issue 10 allowed 15 words.
"""

from __future__ import annotations

import re

import pytest

import conftest
from conftest import DATA, invoke
from hechi_cli.dataset.read import parse

# the nine views of issue 10, and show for a county, a figure and a source (issue 20)
VIEWS = [
    *conftest.VIEWS.values(),
    ["search", "核桃"],
    ["show", "dahua"],
    ["show", "nandan-sheep-2021"],
    ["show", "cd-2022-10-12-rural"],
    ["show", "yyb-2017-03-rocky"],
    ["cite", "resettlement-housing-2022"],
]
LATIN = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]")


def _kept() -> tuple[list[str], set[str]]:
    """Strings that stay as published (longest first), and the pinyin inside our Chinese names."""
    doc = parse(DATA.read_text(encoding="utf-8"), str(DATA))
    kept: set[str] = {"programme"}  # the programme's id
    pinyin: set[str] = set()
    for table in ("sources", "counties", "industries", "figures", "sites", "rankings"):
        for rec in doc[table]:
            kept.update(str(rec[k]) for k in ("id", "measure", "url", "title", "publisher_short") if k in rec)
            if rec.get("zh_note"):
                kept.update(str(rec[k]) for k in ("name", "label") if k in rec)
            for key in ("name_zh", "label_zh", "short_zh"):
                pinyin.update(LATIN.findall(rec.get(key, "")))
    return sorted(kept, key=len, reverse=True), pinyin


def english_words(text: str) -> list[str]:
    kept, pinyin = _kept()
    for s in kept:
        text = text.replace(s, " ")
    text = re.sub(r"https?://\S+|\bhechi( [a-z]+)?|--\w+", " ", text)  # addresses, commands, options
    return [w for w in LATIN.findall(text) if w not in pinyin]


@pytest.mark.parametrize("args", VIEWS, ids=" ".join)
def test_no_english_word_is_left(args: list[str]) -> None:
    result = invoke(*args, "--lang", "zh", env={"COLUMNS": "160"})
    assert result.exit_code == 0
    assert english_words(result.stdout) == []


def test_the_counter_finds_english() -> None:
    assert english_words("核桃 walnut-area-2002-2020 below goal 亩") == ["below", "goal"]
    assert english_words(invoke("summary", env={"COLUMNS": "160"}).stdout) != []


def test_every_unit_has_a_chinese_form() -> None:
    from hechi_cli.dataset.vocab import UNITS
    from hechi_cli.reports.humanize import UNITS_ZH

    assert sorted(set(UNITS) - set(UNITS_ZH)) == []
