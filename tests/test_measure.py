"""Ranges measured by ``measured`` patterns: clock times, dates across months and years, whole months."""

from __future__ import annotations

import re

import pytest
import yaml

from jianfu.kinds.measure import measure
from jianfu.rules import RuleError, bundled_rules_dir, parse_rule


def groups(pattern: str, text: str) -> dict[str, str | None]:
    match = re.search(pattern, text)
    assert match, text
    return match.groupdict()


CLOCK = r"(?P<sh>\d{1,2})[:：时](?P<sm>\d{2})?分?[—至-](?P<eh>\d{1,2})[:：时](?:(?P<em>\d{2})分?|(?P<ehalf>半))?"
DATES = (
    r"(?:(?P<y1>\d{4})年)?(?:(?P<m1>\d{1,2})月)?(?P<d1>\d{1,2})日(?P<h1>[上下]午)?[至—]"
    r"(?:(?P<y2>\d{4})年)?(?:(?P<m2>\d{1,2})月)?(?P<d2>\d{1,2})日(?P<h2>[上下]午)?(?:(?=.{0,6}报到)(?P<less>))?"
)
MONTHS = r"(?P<y1>\d{4})年(?P<m1>\d{1,2})月(?:(?P<d1>\d{1,2})日)?至(?:(?P<y2>\d{4})年)?(?P<m2>\d{1,2})月(?:(?P<d2>\d{1,2})日|底)?"


@pytest.mark.parametrize(
    ("text", "minutes"),
    [("9:00—10:30", 90), ("9时至10时半", 90), ("14:30-15:20", 50), ("2:30-4:00", 90), ("11:00-1:00", 120)],
)
def test_clock_ranges(text: str, minutes: float) -> None:
    assert measure("minutes", groups(CLOCK, text)) == minutes


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("3月5日至7日", 3),
        ("3月31日至4月2日", 3),
        ("2024年12月30日至2025年1月1日", 3),
        ("12月30日至1月2日", 4),  # no years: runs into the next one
        ("4月10日下午至11日上午", 1),
        ("3月5日至6日（5日报到）", 1),
        ("2月28日至2月29日", 2),  # no year: any leap year
    ],
)
def test_date_ranges(text: str, days: float) -> None:
    assert measure("days", groups(DATES, text)) == days


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("2025年1月1日至2025年12月31日", 12.0),
        ("2025年3月至8月", 6.0),
        ("2025年3月至8月底", 6.0),
        ("2025年3月至9月", 7.0),
    ],
)
def test_month_ranges(text: str, months: float) -> None:
    assert measure("months", groups(MONTHS, text)) == pytest.approx(months, abs=0.1)


@pytest.mark.parametrize(
    ("unit", "pattern", "text"),
    [
        ("days", DATES, "2月30日至3月2日"),
        ("days", DATES, "2025年3月7日至2025年3月5日"),
        ("minutes", CLOCK, "25:00-26:00"),
    ],
)
def test_impossible_ranges_measure_nothing(unit: str, pattern: str, text: str) -> None:
    assert measure(unit, groups(pattern, text)) is None


@pytest.mark.parametrize(
    ("measured", "problem"),
    [
        ([{"pattern": "x", "unit": "weeks", "over": 1}], "unit 应为"),
        ([{"pattern": "x", "unit": "days"}], "over 应为数字"),
        ([{"pattern": "(", "unit": "days", "over": 1}], "正则表达式"),
        ("x", "应为列表"),
    ],
)
def test_a_bad_measured_key_names_the_rule_and_key(measured: object, problem: str) -> None:
    data = yaml.safe_load((bundled_rules_dir() / "meetings" / "JF602.yaml").read_text("utf-8"))
    data["measured"] = measured
    with pytest.raises(RuleError) as error:
        parse_rule(data, "JF602.yaml", "JF602")
    assert "JF602" in str(error.value) and "measured" in str(error.value) and problem in str(error.value)
