"""The Hijri calendar: the one module that talks to ``hijridate``.

``hijridate`` (the renamed successor of hijri-converter, same API) converts
with the Umm al-Qura tables, which cover 1343-1500 AH (1924-2077 CE). Outside
that range the functions here return ``None`` rather than raise.
"""

from __future__ import annotations

import datetime as dt

from hijridate import Gregorian, Hijri

__all__ = [
    "HIJRI_FIRST_YEAR",
    "HIJRI_LAST_YEAR",
    "hijri_month_days",
    "hijri_to_gregorian",
    "hijri_year_days",
    "to_hijri",
]

#: The first and last Hijri years the conversion tables cover.
HIJRI_FIRST_YEAR = 1343
HIJRI_LAST_YEAR = 1500


def hijri_to_gregorian(year: int, month: int, day: int) -> dt.date | None:
    """The Gregorian date of a Hijri date, or ``None`` if it is not a real date in range."""
    if not HIJRI_FIRST_YEAR <= year <= HIJRI_LAST_YEAR:
        return None
    try:
        converted = Hijri(year, month, day, validate=True).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return dt.date(converted.year, converted.month, converted.day)


def hijri_month_days(year: int, month: int) -> tuple[dt.date, dt.date] | None:
    """The first and last Gregorian day of a Hijri month, or ``None`` out of range."""
    if not HIJRI_FIRST_YEAR <= year <= HIJRI_LAST_YEAR or not 1 <= month <= 12:
        return None
    try:
        first = Hijri(year, month, 1)
        length = first.month_length()
    except (ValueError, OverflowError):
        return None
    start = hijri_to_gregorian(year, month, 1)
    end = hijri_to_gregorian(year, month, length)
    if start is None or end is None:
        return None
    return start, end


def hijri_year_days(year: int) -> tuple[dt.date, dt.date] | None:
    """The first and last Gregorian day of a Hijri year, or ``None`` out of range."""
    first = hijri_month_days(year, 1)
    last = hijri_month_days(year, 12)
    if first is None or last is None:
        return None
    return first[0], last[1]


def to_hijri(date: dt.date) -> tuple[int, int, int] | None:
    """The Hijri ``(year, month, day)`` of a Gregorian date, or ``None`` out of range."""
    try:
        converted = Gregorian(date.year, date.month, date.day).to_hijri()
    except (ValueError, OverflowError):
        return None
    return converted.year, converted.month, converted.day
