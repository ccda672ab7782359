"""Citations through pandoc's citeproc, a client nobody here wrote: every style it reads, both languages.

CI installs Debian's pandoc where the machine allows; where pandoc is missing, the test is skipped
and says why (pytest -ra prints the reason).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import DATA, Run
from hechi_cli.dataset.load import load

PANDOC = shutil.which("pandoc")
IDS = ["cocoon-output-2021", "std-2020-09-16-programme", "cd-2022-10-20-yizhou", "walnut-area-2002-2020"]


@pytest.mark.skipif(PANDOC is None, reason="pandoc is not installed (.ci/run installs Debian's pandoc)")
@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(("style", "suffix"), [("csl-json", "json"), ("bibtex", "bib")])
def test_pandoc_citeproc_reads_every_source_once(run: Run, tmp_path: Path, style: str, suffix: str, lang: str) -> None:
    refs = tmp_path / f"refs.{suffix}"
    refs.write_text(run("cite", *IDS, "--style", style, "--lang", lang).stdout, encoding="utf-8")
    doc = tmp_path / "doc.md"
    doc.write_text('---\nnocite: "@*"\n---\n', encoding="utf-8")
    assert PANDOC is not None
    proc = subprocess.run(
        [PANDOC, str(doc), "--citeproc", f"--bibliography={refs}", "-t", "plain", "--wrap=none"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (proc.returncode, proc.stderr) == (0, ""), proc.stderr
    ds = load(str(DATA))
    sources = {
        ds.source_by_id[ds.records()[i][1].source] if i not in ds.source_by_id else ds.source_by_id[i] for i in IDS
    }
    entries = [line for line in proc.stdout.splitlines() if line.strip()]
    assert len(entries) == len(sources)
    for s in sources:
        (entry,) = [e for e in entries if s.url in e]
        assert entry.count(s.publisher) == 1, entry  # once: never as publisher and container or organization
        assert "title not recorded" not in entry  # a placeholder is never cited as the title
        if s.known_title and s.known_title.isascii():
            assert s.known_title.split(":")[0] in entry
