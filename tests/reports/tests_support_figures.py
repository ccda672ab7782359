"""A figure for report tests: only what conflicts and judging read."""

from __future__ import annotations

from hechi_cli.dataset.model import Figure
from hechi_cli.dataset.periods import parse_period


def fig(fid: str, value: float, qualifier: str = "exact", period: str = "2020", unit: str = "people") -> Figure:
    return Figure(
        id=fid,
        measure="m",
        label="l",
        label_zh=None,
        topic="resettlement",
        value=value,
        unit=unit,
        qualifier=qualifier,
        period=parse_period(period),
        scope="city",
        source=f"s-{fid}",
    )
