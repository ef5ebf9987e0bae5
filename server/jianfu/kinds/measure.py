"""Durations written as ranges: "9:00—10:30", "3月31日至4月2日", "2025年1月至12月".

A ``measured`` pattern of a phrase rule names the parts of the range with groups, and the
match counts only when the range is longer than the rule's limit:

- ``minutes``: ``sh`` ``sm`` (start hour, minute), ``eh`` ``em`` or ``ehalf`` (end; 半 = 30);
  a 12-hour end earlier than the start ("下午3:00—5:00" written as 3—5) is read in the afternoon.
- ``days``: ``y1 m1 d1`` to ``y2 m2 d2``, both days counted; ``h1`` = 下午 or ``h2`` = 上午 take
  half a day off; a ``less`` group (e.g. "5日报到") takes one day off: the arrival day is not met.
- ``months``: as days, divided by the mean month; a missing start day is the 1st, a missing end
  day (or 底) the month's last.

Missing years are taken from the other end (or a leap year, so 2月29日 is valid); a range
that runs backwards across a year end ("12月30日至1月2日") ends in the next year.
"""

from __future__ import annotations

import calendar
from datetime import date

UNITS = ("minutes", "days", "months")
_DAYS_PER_MONTH = 365.25 / 12
_ANY_LEAP_YEAR = 2024


def measure(unit: str, groups: dict[str, str | None]) -> float | None:
    """The range's length in ``unit``, or None when the groups do not make a valid range."""
    try:
        if unit == "minutes":
            return _minutes(groups)
        span = _dates(groups, whole_months=unit == "months")
    except (TypeError, ValueError):
        return None
    if span is None:
        return None
    start, end = span
    days = (end - start).days + 1
    if unit == "months":
        return days / _DAYS_PER_MONTH
    days -= 0.5 * (groups.get("h1") == "下午") + 0.5 * (groups.get("h2") == "上午")
    return days - (1 if groups.get("less") is not None else 0)  # an empty group: it marks, it holds no text


def _minutes(groups: dict[str, str | None]) -> float | None:
    start_hour, end_hour = int(groups["sh"] or ""), int(groups["eh"] or "")
    start = start_hour * 60 + int(groups.get("sm") or 0)
    end_minute = 30 if groups.get("ehalf") else int(groups.get("em") or 0)
    end = end_hour * 60 + end_minute
    if end <= start and end_hour < 12:
        end += 12 * 60
    if not (0 <= start < 24 * 60 and 0 < end <= 24 * 60 and end > start):
        return None
    return end - start


def _dates(groups: dict[str, str | None], whole_months: bool) -> tuple[date, date] | None:
    y1, y2 = groups.get("y1"), groups.get("y2")
    year2 = int(y2 or y1 or _ANY_LEAP_YEAR)
    year1 = int(y1 or year2)
    m1, m2 = groups.get("m1"), groups.get("m2")
    if not (m1 or m2):
        return None
    month1, month2 = int(m1 or m2 or ""), int(m2 or m1 or "")
    d1, d2 = groups.get("d1"), groups.get("d2")
    if not whole_months and not (d1 and d2):
        return None
    start = date(year1, month1, int(d1 or 1))
    end = date(year2, month2, int(d2) if d2 else calendar.monthrange(year2, month2)[1])
    if end < start and not y2:
        end = date(year2 + 1, month2, end.day)
    return (start, end) if end >= start else None
