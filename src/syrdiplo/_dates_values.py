"""TIMEX value strings: the one place they are built.

``2021``, ``2021-07``, ``2021-07-27``, ``2016-W33``, ``2016-08-26/2016-08-27``
and ``2024-11-13T18:37``. Everything that turns a calendar position into a
value string goes through here, so the shape is decided once.
"""

from __future__ import annotations

import datetime as dt

__all__ = [
    "add_months",
    "day_value",
    "month_value",
    "range_value",
    "time_value",
    "week_value",
    "year_value",
]

_FIRST_YEAR = 1
_LAST_YEAR = 9999


def year_value(year: int) -> str | None:
    """``2021``; ``None`` for a year TIMEX cannot write in four digits."""
    if not 1000 <= year <= _LAST_YEAR:
        return None
    return f"{year:04d}"


def month_value(year: int, month: int) -> str | None:
    """``2021-07``."""
    if year_value(year) is None or not 1 <= month <= 12:
        return None
    return f"{year:04d}-{month:02d}"


def day_value(date: dt.date) -> str | None:
    """``2021-07-27``."""
    if year_value(date.year) is None:
        return None
    return date.isoformat()


def week_value(date: dt.date) -> str | None:
    """The ISO week holding ``date``: ``2016-W33``."""
    year, week, _ = date.isocalendar()
    if year_value(year) is None:
        return None
    return f"{year:04d}-W{week:02d}"


def time_value(date: dt.date, hour: int, minute: int) -> str | None:
    """A time of day on a day: ``2024-11-13T18:37``."""
    day = day_value(date)
    if day is None or not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    return f"{day}T{hour:02d}:{minute:02d}"


def range_value(first: str | None, last: str | None) -> str | None:
    """``first/last`` (``2016-08-26/2016-08-27``); ``None`` if either end is unknown."""
    if first is None or last is None:
        return None
    return f"{first}/{last}"


def add_months(year: int, month: int, months: int) -> tuple[int, int]:
    """``(year, month)`` moved by ``months`` (negative goes back)."""
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1
