"""Markdown read by a real CommonMark parser: footnotes 1..n, and every link exactly its source's address.

A Markdown renderer renumbers an ordered list from its first number, so a list with a gap points
rows at the wrong source; and a backslash inside <…> is not an escape but part of the address.
"""

from __future__ import annotations

import re

import pytest
from markdown_it import MarkdownIt

from conftest import DATA, VIEWS, Run
from hechi_cli.dataset.load import load

MD = MarkdownIt("commonmark").enable("table")
ADDRESSES = {s.id: s.url for s in load(str(DATA)).sources}


def _tokens(text: str) -> list:  # type: ignore[type-arg]
    return MD.parse(text)


@pytest.mark.parametrize("args", [*VIEWS, ["show", "mulberry"], ["show", "yizhou"]], ids=" ".join)
def test_footnotes_run_one_to_n_and_links_are_the_addresses(run: Run, args: list[str]) -> None:
    text = run(*args, "--format", "markdown").stdout
    tokens = _tokens(text)
    starts = [int(t.attrGet("start") or 1) for t in tokens if t.type == "ordered_list_open"]
    items = [len(re.findall(r"^\d+\. ", block, re.M)) for block in text.split("\n\n") if re.match(r"^1\. ", block)]
    assert starts in ([], [1]), starts  # one list of sources, numbered from 1
    numbers = [int(n) for n in re.findall(r"^(\d+)\. ", text, re.M)]
    assert numbers == list(range(1, len(numbers) + 1))  # 1..n, never a gap
    cited = {int(n) for n in re.findall(r"\[(\d+)\] (?:A|B|C!)", text)}
    assert cited <= set(numbers), cited - set(numbers)
    assert sum(items) == len(numbers)
    links = [c.attrGet("href") for t in tokens if t.children for c in t.children if c.type == "link_open"]
    for line in re.findall(r"^\d+\. .*$", text, re.M):
        sid = re.search(r"`([^`]+)`", line).group(1)  # type: ignore[union-attr]
        assert ADDRESSES[sid] in links, (sid, ADDRESSES[sid])


def test_an_address_with_underscores_is_one_working_link(run: Run) -> None:
    text = run("show", "cd-2022-10-12-rural", "--format", "markdown").stdout
    assert "\\_" not in "".join(re.findall(r"<(http[^>]+)>", text))
    sources = [s for s in ADDRESSES.values() if "_" in s]
    assert sources  # the data has such addresses; each comes out whole wherever it is cited
    out = run("sources", "--format", "markdown").stdout
    links = {c.attrGet("href") for t in _tokens(out) if t.children for c in t.children if c.type == "link_open"}
    assert all(url in links or url not in out for url in sources)
