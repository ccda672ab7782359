"""Numbers, periods and units as readers of each language write them."""

from __future__ import annotations

import pytest

from hechi_cli.reports.humanize import number_zh, period_zh


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (2600000, "260万"),
        (944200, "94.42万"),
        (11590000000, "115.9亿"),
        (1023000000, "10.23亿"),
        (40000, "4万"),
        (176209, "176,209"),  # 17.6209万 would need four decimals: every digit instead
        (12156, "12,156"),
        (9999, "9,999"),
        (28.12, "28.12"),
    ],
)
def test_chinese_numbers_never_round_a_digit_away(value: float, shown: str) -> None:
    assert number_zh(value) == shown


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("2002/2020", "2002—2020年"),
        ("2021-H1", "2021年上半年"),
        ("~2014", "约2014年"),
        ("2022-10-12", "2022年10月12日"),
        ("2021-10/2022-07", "2021年10月—2022年7月"),
        ("unknown", "日期不详"),
    ],
)
def test_chinese_periods(text: str, shown: str) -> None:
    assert period_zh(text) == shown
