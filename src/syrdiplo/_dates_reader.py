"""Reading pattern matches into calendar values.

:class:`Reader` holds one normalised text and its anchor (the publication
date, or ``None``) and turns each match of :mod:`._dates_patterns` into a
:class:`Found`: a normalised span with its value, precision, modifier and
flags. It never reads the clock: with no anchor, every value that needs one
is ``None``.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable
from typing import NamedTuple

from . import _calendar
from ._dates_lexicon import DIRECTIONS, DateWords, word_key
from ._dates_patterns import DatePatterns
from ._dates_values import (
    add_months,
    day_value,
    month_value,
    range_value,
    time_value,
    week_value,
    year_value,
)
from .model import Modifier, Precision
from .text import NormalizedText

__all__ = ["Found", "Reader"]

ABSOLUTE = "absolute"
PUBLISHED = "published"
PREVIOUS = "previous"  # placed by an earlier date of the text ("من العام نفسه")
MISMATCH = "weekday-mismatch"
SHIFT = "weekday-shift"  # a relative day moved to the weekday named with it
HIJRI = "hijri"

_BOUNDARY = re.compile(r"[.!?;\n]")
_TIME_GAP = re.compile(r"^[\sT•·|,،\-–—/()\[\]]*$")
_FUTURE_WINDOW = 80
_TIME_REACH = 25
# How far a family's window reaches around a head, in words before and after.
# Enough for the longest expression of the family around that head, plus the
# words its checks look at (the "من" of "قبل يوم من التصعيد").
_REACH: dict[str, tuple[int, int]] = {
    "calendar": (6, 5),
    "cross_range": (5, 5),
    "numeric": (4, 2),
    "year": (5, 4),
    "word_year": (5, 8),
    "relative": (3, 4),
    "duration": (4, 3),
    "vague": (4, 3),
    "hijri": (6, 4),
    "english": (2, 4),
    "time": (2, 2),
}
# a numeric date may carry its clock time ("2024-11-13T18:37", "13/11/2024 18:37")
_NUMBER_FAMILIES = {"numeric": frozenset(("numeric", "time"))}
# how close (in characters) two month names must be for a range across months
_RANGE_REACH = 60
# A day or month named without a year, in a text that does not point forward, is
# placed ahead of the publication date only when it is this much nearer than the
# one behind it: "توصلت الأطراف في أيار إلى اتفاق" written in December is last May.
_AHEAD_DAYS = 120
_AHEAD_MONTHS = 4
# how far (in characters) around a date word an outlet name holding it is looked for
_OUTLET_REACH = 20
# "اليوم الجمعة" in a text published on Saturday was written the day before: a
# relative day whose weekday is at most this many days away goes to that weekday
_WEEKDAY_SHIFT = 1
# how an outlet name is told from the same words in a sentence: always an outlet,
# only when marked as one, or when marked or written with ل or ب
_ALWAYS, _MARKED, _PREFIXED = range(3)
# a name standing alone, as a dateline's credit: after a comma, colon, bar or dash or at
# the start of a line, and before a dash, bar or colon or at the end of a line
_CREDIT_BEFORE = re.compile(r"(?:^|[،,:|\-–—])[^\S\n]*\Z", re.MULTILINE)
_CREDIT_AFTER = re.compile(r"[^\S\n]*(?:[-–—|:]|$)", re.MULTILINE)
_OPENING_QUOTES = frozenset("«\"\u201c\u201d'\u2018(")
# the year, month and day at the start of a value ("2015", "2015-11", "2015-11-03/...")
_VALUE_PARTS = re.compile(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?(?![\d-]*W)")


class Found(NamedTuple):
    """A date expression found in the normalised text, before mapping back."""

    start: int
    end: int
    value: str | None
    precision: Precision
    modifier: Modifier | None = None
    anchor: str | None = None
    flags: tuple[str, ...] = ()
    rank: int = 0  # lower wins a tie in length (before the family's own order)
    day: dt.date | None = None  # the day a clock time next to it falls on
    #: what an expression pointing back to an earlier date needs from it: ``("year",)``,
    #: ``("month",)``, ``("day",)``, or ``("in_year", month, day1, day2)`` for a month
    #: (and days) "من العام نفسه" (a day of 0 for none)
    back: tuple[str, int, int, int] | tuple[str] | None = None


class Reader:
    """Read the matches of one text against one anchor."""

    def __init__(self, patterns: DatePatterns, normalized: NormalizedText, anchor: dt.date | None):
        self.patterns = patterns
        self.words: DateWords = patterns.words
        self.normalized = normalized
        self.text = normalized.text
        self.anchor = anchor
        self._handlers: dict[str, Callable[[re.Match[str]], Found | None]] = {
            "calendar": self._calendar,
            "cross_range": self._cross_range,
            "numeric": self._numeric,
            "year": self._year,
            "word_year": self._word_year,
            "relative": self._relative,
            "duration": self._duration,
            "vague": self._vague,
            "hijri": self._hijri,
            "english": self._english,
        }

    # ------------------------------------------------------------------ driving

    def read(self) -> list[Found]:
        """Every expression in the text, overlaps resolved (longest first), in order."""
        found: list[tuple[Found, int]] = []
        times: list[re.Match[str]] = []
        windows = self._windows()
        for rank, (family, pattern) in enumerate(self.patterns.families):
            handler = self._handlers[family]
            for start, end in windows.get(family, ()):
                for match in pattern.finditer(self.text, start, end):
                    try:
                        item = handler(match)
                    except OverflowError:  # counting past year 1 or 9999 from the anchor
                        continue
                    if item is not None and item.end > item.start:
                        found.append((item, rank))
        for start, end in windows.get("time", ()):
            times.extend(self.patterns.time.finditer(self.text, start, end))
        chosen = _longest_first(found)
        if any(f.back is not None for f in chosen):
            chosen = self._point_back(chosen)
        return self._with_times(chosen, times) if times else chosen

    def _windows(self) -> dict[str, list[tuple[int, int]]]:
        """For each family, the stretches of text around its heads where it may match."""
        text = self.text
        kinds = self.patterns.head_kinds
        shape = self.patterns.number_shape
        windows: dict[str, list[tuple[int, int]]] = {}
        last_month = -1_000
        for head in self.patterns.head_finder.find(text):
            word = head.word
            if word is not None:
                wanted = kinds.get(word)
                if not wanted:
                    continue
            else:
                number = shape.match(text, head.number)
                if number is None or number.lastgroup is None:
                    continue
                wanted = _NUMBER_FAMILIES.get(number.lastgroup) or frozenset((number.lastgroup,))
            for family in wanted:
                if family == "cross_range":
                    # a range across months needs a second month name close before this one
                    if head.start - last_month > _RANGE_REACH:
                        continue
                    start = _words_back(text, last_month, _REACH["cross_range"][0])
                else:
                    start = _words_back(text, head.start, _REACH[family][0])
                end = _words_ahead(text, head.end, _REACH[family][1])
                spans = windows.setdefault(family, [])
                if spans and start <= spans[-1][1]:
                    spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
                else:
                    spans.append((start, end))
            if "cross_range" in wanted:
                last_month = head.start
        return windows

    # ------------------------------------------------------------------ context

    def _meaning(self, name: str, word: str | None) -> object:
        return None if word is None else self.words.meaning(name, word)

    def _start(self, match: re.Match[str], *leading: str) -> int:
        """The start of the expression proper, past cue words that only license it."""
        start = match.start()
        for group in leading:
            if match.start(group) == start and match.group(group) is not None:
                start = match.end(group)
                while start < len(self.text) and self.text[start].isspace():
                    start += 1
        return start

    def _previous_token(self, start: int) -> str:
        """The word right before ``start`` on its line, without opening punctuation."""
        text = self.text
        end = start
        while end > 0 and text[end - 1] == " ":
            end -= 1
        begin = max(text.rfind(" ", 0, end), text.rfind("\n", 0, end)) + 1
        return text[begin:end].lstrip("«\"“'([")

    def _preceded_by(self, start: int, words: frozenset[str]) -> bool:
        """Whether the word before ``start`` is one of ``words`` (maybe after و or ف)."""
        token = self._previous_token(start)
        return token in words or (token[:1] in ("و", "ف") and token[1:] in words)

    def _followed_by(self, end: int, words: re.Pattern[str]) -> bool:
        """Whether one of the words of the pattern ``words`` follows ``end``."""
        return words.match(self.text, end) is not None

    def _points_forward(self, start: int) -> bool:
        """Whether the clause before ``start`` is in the future tense."""
        window_start = max(0, start - _FUTURE_WINDOW)
        window = self.text[window_start:start]
        boundaries = _BOUNDARY.findall(window)
        if boundaries:
            window = window[max(window.rfind(b) for b in set(boundaries)) + 1 :]
        return self.patterns.future.search(window) is not None

    # ------------------------------------------------------------------ calendar arithmetic

    def _nearest_day(
        self, month: int, day: int, forward: bool, lean_back: bool = True
    ) -> dt.date | None:
        anchor = self.anchor
        if anchor is None:
            return None
        candidates = []
        for year in (anchor.year - 1, anchor.year, anchor.year + 1):
            try:
                candidates.append(dt.date(year, month, day))
            except ValueError:
                continue
        if not candidates:
            return None
        if forward:
            ahead = [d for d in candidates if d >= anchor]
            candidates = ahead or candidates
            candidates.sort(key=lambda d: (abs((d - anchor).days), d > anchor))
        else:
            # news tells of what happened: a date ahead must be much nearer to win
            ahead = _AHEAD_DAYS if lean_back else 0
            candidates.sort(
                key=lambda d: (abs((d - anchor).days) + ahead * (d > anchor), d > anchor)
            )
        return candidates[0]

    def _nearest_month(self, month: int, forward: bool, lean_back: bool = True) -> int | None:
        """The year of the ``month`` nearest the anchor."""
        anchor = self.anchor
        if anchor is None:
            return None
        here = anchor.year * 12 + anchor.month - 1
        options = [
            (y * 12 + month - 1 - here, y) for y in (anchor.year - 1, anchor.year, anchor.year + 1)
        ]
        if forward:
            options = [o for o in options if o[0] >= 0] or options
            options.sort(key=lambda o: (abs(o[0]), o[0] > 0))
        else:
            ahead = _AHEAD_MONTHS if lean_back else 0
            options.sort(key=lambda o: (abs(o[0]) + ahead * (o[0] > 0), o[0] > 0))
        return options[0][1]

    def _month_year(self, month: int, direction: str, day: int | None = None) -> int | None:
        """The year of ``month`` named with a direction word ("تموز الماضي"); with a day,
        of that day ("7 ديسمبر الماضي" two days after it is this year's)."""
        anchor = self.anchor
        if anchor is None:
            return None
        here = (anchor.month, anchor.day if day is not None else 0)
        when = (month, day if day is not None else 0)
        if direction in ("past", "before_past"):
            year = anchor.year if when < here else anchor.year - 1
            return year - (direction == "before_past")
        if direction in ("next", "after_next"):
            later = when > here if day is not None else month > anchor.month
            year = anchor.year if later else anchor.year + 1
            return year + (direction == "after_next")
        return anchor.year

    def _weekday_date(self, weekday: int, direction: str | None, forward: bool) -> dt.date | None:
        anchor = self.anchor
        if anchor is None:
            return None
        today = anchor.isoweekday()
        if direction in ("past", "before_past"):
            back = (today - weekday) % 7 or 7
            return anchor - dt.timedelta(days=back + 7 * (direction == "before_past"))
        if direction in ("next", "after_next"):
            ahead = (weekday - today) % 7 or 7
            return anchor + dt.timedelta(days=ahead + 7 * (direction == "after_next"))
        if direction == "current":
            year, week, _ = anchor.isocalendar()
            return dt.date.fromisocalendar(year, week, weekday)
        if forward:
            return anchor + dt.timedelta(days=(weekday - today) % 7)
        return anchor - dt.timedelta(days=(today - weekday) % 7)

    # ------------------------------------------------------------------ pieces of matches

    def _day_number(self, match: re.Match[str], tag: str) -> int | None:
        digits = match.group(f"d{tag}")
        if digits is not None:
            return int(digits)
        word = match.group(f"o{tag}")
        if word is not None:
            value = self.words.meaning("ordinal", word)
            return value if isinstance(value, int) else None
        return None

    def _weekday(self, match: re.Match[str], group: str = "wd") -> int | None:
        value = self._meaning("weekday", match.group(group))
        return value if isinstance(value, int) else None

    def _direction(self, word: str | None) -> str | None:
        value = self._meaning("direction", word)
        return value if isinstance(value, str) else None

    def _modifier(self, word: str | None) -> Modifier | None:
        value = self._meaning("modifier", word)
        return Modifier(value) if isinstance(value, str) else None

    def _named_year(
        self, match: re.Match[str], tag: str = ""
    ) -> tuple[int | None, str | None, bool]:
        """The year a month expression names: ``(year, anchor kind, named?)``."""
        if match.group(f"y{tag}") is not None:
            return int(match.group(f"y{tag}")), ABSOLUTE, True
        if match.group(f"ysame{tag}") is not None:
            return None, PREVIOUS, True  # "من العام نفسه": a year the text named before
        if match.group(f"ypa{tag}") is not None or match.group(f"ypb{tag}") is not None:
            if match.group(f"ythis{tag}") is not None:
                offset = 0
            else:
                offset = DIRECTIONS.get(self._direction(match.group(f"ydir{tag}")) or "", 0)
            if self.anchor is None:
                return None, None, True
            return self.anchor.year + offset, PUBLISHED, True
        return None, None, False

    def _check_weekday(self, date: dt.date | None, weekday: int | None) -> tuple[str, ...]:
        if date is None or weekday is None or date.isoweekday() == weekday:
            return ()
        return (MISMATCH,)

    def _clear_month(self, match: re.Match[str], group: str) -> bool:
        """Whether a bare month name is a month whatever its context (not آب read as أب)."""
        if word_key(match.group(group)) not in self.words.ambiguous:
            return True
        start, end = self.normalized.original_span(match.start(group), match.end(group))
        return self.normalized.original[start:end] in self.words.clear_as_written

    def _until(self, match: re.Match[str]) -> bool:
        """Whether the date is a limit ("حتى 10 يناير"): then it may as well lie ahead."""
        cue = match.group("cue")
        return cue is not None and word_key(cue) in self.words.keys["c_to"]

    def _in_outlet(self, start: int, end: int) -> bool:
        """Whether ``start:end`` lies inside the name of a news outlet."""
        low, high = max(0, start - _OUTLET_REACH), min(len(self.text), end + _OUTLET_REACH)
        patterns = self.patterns
        for pattern, marked in (
            (patterns.outlets, _ALWAYS),
            (patterns.outlets_marked, _MARKED),
            (patterns.outlets_prefixed, _PREFIXED),
        ):
            for name in pattern.finditer(self.text, low, high):
                group = "name" if name.group("name") is not None else "short"
                if not name.start(group) <= start < end <= name.end(group):
                    continue
                if marked == _ALWAYS or self._marked_name(name.start(), name.end()):
                    return True
                prefix = self.text[name.start() : name.start(group)]
                if marked == _PREFIXED and ("ل" in prefix or "ب" in prefix):
                    return True  # "في حديث لروسيا اليوم"
        return False

    def _marked_name(self, start: int, end: int) -> bool:
        """Whether a name at ``start:end`` is marked as an outlet's.

        It is when quoted, standing alone between punctuation marks as a dateline's
        credit, after a media noun ("موقع ...") or a cue ("بحسب ..."),
        before a cue ("... الإخبارية"), or between a verb of quoting and "عن"
        ("نقلت ... عن").
        """
        text = self.text
        if start > 0 and text[start - 1] in _OPENING_QUOTES:
            return True
        opened = _CREDIT_BEFORE.search(text, max(0, start - _OUTLET_REACH), start)
        closed = _CREDIT_AFTER.match(text, end) if opened else None
        if opened and closed and (opened.group().strip() or closed.group().strip()):
            # a dateline's credit: "دبي، 13 يناير 2014، روسيا اليوم –"; a line that is
            # nothing but the two words ("سوريا اليوم") has no mark and reads as a date
            return True
        token = self._previous_token(start)
        nouns = self.patterns.before["media_nouns"]
        if any(token[i:] in nouns for i in range(3) if all(c in "وفبل" for c in token[:i])):
            return True
        after = self.patterns.after
        if self.patterns.outlet_before.search(self.text, max(0, start - _OUTLET_REACH), start):
            return True
        if self._followed_by(end, after["outlet_cues_after"]):
            return True
        return self._followed_by(end, after["quoted_from"]) and self._preceded_by(
            start, self.patterns.before["quoting_verbs"]
        )

    def _names_event(self, start: int) -> bool:
        return self._preceded_by(start, self.patterns.before["event_names"])

    # ------------------------------------------------------------------ families

    def _calendar(self, match: re.Match[str]) -> Found | None:
        if match.group("m") is None:
            return self._day_of_period(match)
        month = self._meaning("gmonth", match.group("m"))
        if not isinstance(month, int):
            return None
        second = match.group("mb") or match.group("mc")
        if second is not None and self._meaning("gmonth", second) != month:
            return None
        day1 = self._day_number(match, "1")
        day2 = self._day_number(match, "2")
        if match.group("dx") is not None:  # the month first: "أبريل 19 2024"
            if day1 is not None:
                return None
            day1 = int(match.group("dx"))
        is_range = day2 is not None
        if is_range:
            start = self._start(match, "pro", "cue")
        else:
            start = self._start(match, "pro", "cue", "rfrom")
        end = match.end()
        weekday = self._weekday(match) if match.group("wd") is not None else None
        modifier = self._modifier(match.group("mod")) if day1 is None else None
        year, anchor_kind, named = self._named_year(match)
        if match.group("yx") is not None:
            year, anchor_kind, named = int(match.group("yx")), ABSOLUTE, True
        direction = self._direction(match.group("mdir"))

        if day1 is None and not named and direction is None:
            # a bare month name: only with something that makes it a date
            strong = (
                match.group("mw") is not None
                or match.group("mod") is not None
                or second is not None
            )
            weak = match.group("cue") is not None and self._clear_month(match, "m")
            if not (strong or weak):
                return None
        if day1 is not None and not 1 <= day1 <= 31:
            return None
        if day2 is not None and (day1 is None or not day1 < day2 <= 31):
            return None
        if day1 is not None and not named and direction is None and self._names_event(start):
            return None

        forward = False
        if not named:
            if direction is not None:
                year = self._month_year(month, direction, day1)
            elif day1 is None:
                forward = self._points_forward(start)
                year = self._nearest_month(month, forward, not self._until(match))
            anchor_kind = PUBLISHED if self.anchor is not None else None

        if day1 is None:
            if year is None and anchor_kind == PREVIOUS:
                back = ("in_year", month, 0, 0)
                return Found(start, end, None, Precision.MONTH, modifier, None, back=back)
            value = month_value(year, month) if year is not None else None
            return Found(start, end, value, Precision.MONTH, modifier, anchor_kind)

        if year is None and not named and direction is None:
            forward = self._points_forward(start)
            if self.anchor is not None:
                nearest = self._nearest_day(month, day1, forward, not self._until(match))
                if nearest is None:
                    return None  # no such day in any year near the anchor (31 نيسان)
                year = nearest.year
        if year is None:
            precision = Precision.RANGE if is_range else Precision.DAY
            if anchor_kind == PREVIOUS:
                back = ("in_year", month, day1, day2 or 0)
                return Found(start, end, None, precision, None, None, back=back)
            return Found(start, end, None, precision, None, anchor_kind)
        try:
            first = dt.date(year, month, day1)
            last = dt.date(year, month, day2) if is_range and day2 is not None else None
        except ValueError:
            return None
        if last is not None:
            value = range_value(day_value(first), day_value(last))
            return Found(start, end, value, Precision.RANGE, None, anchor_kind)
        flags = self._check_weekday(first, weekday)
        return Found(
            start, end, day_value(first), Precision.DAY, None, anchor_kind, flags, day=first
        )

    def _day_of_period(self, match: re.Match[str]) -> Found | None:
        """A day of a month named relatively: "العاشر من الشهر الجاري"."""
        day1 = self._day_number(match, "1")
        day2 = self._day_number(match, "2")
        if day1 is None or not 1 <= day1 <= 31 or (day2 is not None and not day1 < day2 <= 31):
            return None
        if match.group("ddir") is not None and match.group("d1") is None:
            return None  # "في 12 الجاري" needs digits: "الثاني الجاري" is no date
        start = (
            self._start(match, "pro", "cue") if day2 else self._start(match, "pro", "cue", "rfrom")
        )
        end = match.end()
        precision = Precision.RANGE if day2 else Precision.DAY
        if self.anchor is None:
            return Found(start, end, None, precision)
        if match.group("mpthis") or match.group("ddir"):
            offset = 0
        else:
            offset = DIRECTIONS.get(self._direction(match.group("mpdir")) or "", 0)
        year, month = add_months(self.anchor.year, self.anchor.month, offset)
        try:
            first = dt.date(year, month, day1)
            last = dt.date(year, month, day2) if day2 else None
        except ValueError:
            return None
        if last is not None:
            return Found(
                start,
                end,
                range_value(day_value(first), day_value(last)),
                precision,
                None,
                PUBLISHED,
            )
        weekday = self._weekday(match) if match.group("wd") is not None else None
        flags = self._check_weekday(first, weekday)
        return Found(start, end, day_value(first), precision, None, PUBLISHED, flags, day=first)

    def _cross_range(self, match: re.Match[str]) -> Found | None:
        month1 = self._meaning("gmonth", match.group("m1"))
        month2 = self._meaning("gmonth", match.group("m"))
        day1 = self._day_number(match, "1")
        day2 = self._day_number(match, "2")
        if not (isinstance(month1, int) and isinstance(month2, int) and day1 and day2):
            return None
        second = match.group("mb") or match.group("mc")
        if second is not None and self._meaning("gmonth", second) != month2:
            return None
        start, end = self._start(match, "pro"), match.end()
        year2, anchor_kind, named = self._named_year(match)
        direction = self._direction(match.group("mdir"))
        if not named:
            if direction is not None:
                year2 = self._month_year(month2, direction)
            else:
                last = self._nearest_day(month2, day2, self._points_forward(start))
                year2 = last.year if last is not None else None
            anchor_kind = PUBLISHED if self.anchor is not None else None
        if match.group("y1") is not None:
            year1: int | None = int(match.group("y1"))
        elif year2 is not None:
            year1 = year2 if (month1, day1) <= (month2, day2) else year2 - 1
        else:
            year1 = None
        if year1 is None or year2 is None:
            return Found(start, end, None, Precision.RANGE, None, anchor_kind)
        try:
            first, last = dt.date(year1, month1, day1), dt.date(year2, month2, day2)
        except ValueError:
            return None
        if last <= first:
            return None
        return Found(
            start,
            end,
            range_value(day_value(first), day_value(last)),
            Precision.RANGE,
            None,
            anchor_kind,
        )

    def _numeric(self, match: re.Match[str]) -> Found | None:
        if match.group("ya") is not None:
            year, month, day = (
                int(match.group("ya")),
                int(match.group("ma")),
                int(match.group("da")),
            )
        else:
            year, month, day = (
                int(match.group("yb")),
                int(match.group("mb")),
                int(match.group("db")),
            )
        if month > 12 and day <= 12:  # 11/13/2024, month first
            month, day = day, month
        try:
            date = dt.date(year, month, day)
        except ValueError:
            return None
        weekday = self._weekday(match) if match.group("wd") is not None else None
        flags = self._check_weekday(date, weekday)
        start = self._start(match, "pro")
        return Found(
            start, match.end(), day_value(date), Precision.DAY, None, ABSOLUTE, flags, day=date
        )

    def _year(self, match: re.Match[str]) -> Found | None:
        year = int(match.group("y"))
        year2 = int(match.group("y2")) if match.group("y2") is not None else None
        strong = any(match.group(g) is not None for g in ("ycue", "mod", "season"))
        weak = match.group("wcue") is not None
        era = match.group("era") is not None
        ranged = year2 is not None and match.group("rfrom") is not None
        if not (strong or weak or era or ranged):
            return None
        if not strong and not 1900 <= year <= 2100:
            return None
        if year2 is not None and year2 <= year:
            year2 = None
        if not strong and self._followed_by(match.end(), self.patterns.after["count_nouns"]):
            return None
        leading = ("pro", "rfrom", "wcue") if year2 is None else ("pro", "wcue")
        start = self._start(match, *leading)
        end = match.end()
        if year2 is None and match.group("y2") is not None:
            end = match.end("era") if match.group("era") is not None else match.end("y")
        modifier = self._modifier(match.group("mod"))
        if year2 is not None:
            value = range_value(year_value(year), year_value(year2))
            return Found(start, end, value, Precision.RANGE, modifier, ABSOLUTE)
        return Found(start, end, year_value(year), Precision.YEAR, modifier, ABSOLUTE)

    def _word_year(self, match: re.Match[str]) -> Found | None:
        """A year written in words: "عام ألفين وخمسة عشر" is 2015."""
        parts = re.split(r"[^\S\n]+و[^\S\n]*", match.group("wy"))
        year = 0
        for i, part in enumerate(parts):
            value = self._meaning("year_thousands" if i == 0 else "year_part", part)
            if not isinstance(value, int):
                return None
            year += value
        if not 1800 <= year <= 2199:
            return None
        modifier = self._modifier(match.group("mod"))
        start = self._start(match, "pro")
        return Found(start, match.end(), year_value(year), Precision.YEAR, modifier, ABSOLUTE)

    def _same_period(self, match: re.Match[str]) -> Found | None:
        """A year, month or day pointing back: "في العام نفسه", "في الشهر ذاته"."""
        word = match.group("same") or match.group("sameb")
        if word_key(word) in self.words.keys["today"]:
            kind, precision = "day", Precision.DAY
        else:
            period = self._meaning("period", word)
            if period == "year":
                kind, precision = "year", Precision.YEAR
            elif period == "month":
                kind, precision = "month", Precision.MONTH
            else:
                return None  # "الأسبوع نفسه": left alone
            if match.group("same") is not None and self._preceded_by(
                match.start("same"), self.patterns.before["before_general"]
            ):
                return None  # "الأمين العام نفسه": the secretary-general himself
        start = self._start(match, "pro")
        return Found(start, match.end(), None, precision, back=(kind,))

    def _point_back(self, chosen: list[Found]) -> list[Found]:
        """Give the expressions that point back ("من العام نفسه") the date they point to.

        The year is that of the nearest date before that names its year (an absolute
        one, one placed this way, or a year or month named from the publication date:
        "العام الماضي"); the month and the day are those of the nearest date before
        with that precision. With none, a month keeps a null value ("نوفمبر من العام
        نفسه") and a bare period ("في الشهر نفسه") is no date at all.
        """
        year: int | None = None
        month: tuple[int, int] | None = None
        day: dt.date | None = None
        out = []
        for item in chosen:
            if item.back is not None:
                bare = item.back[0] != "in_year"
                item = _placed(item, year, month, day)
                if bare and item.value is None:
                    continue  # "في الشهر نفسه" with nothing before it: no date at all
            parts = _VALUE_PARTS.match(item.value) if item.value and item.anchor else None
            if parts is not None:
                names_year = item.anchor in (ABSOLUTE, PREVIOUS) or item.precision in (
                    Precision.YEAR,
                    Precision.MONTH,
                )
                if names_year:
                    year = int(parts.group(1))
                if parts.group(2):
                    month = (int(parts.group(1)), int(parts.group(2)))
                    if parts.group(3):
                        day = dt.date(month[0], month[1], int(parts.group(3)))
            out.append(item)
        return out

    def _relative(self, match: re.Match[str]) -> Found | None:
        if match.group("same") is not None or match.group("sameb") is not None:
            return self._same_period(match)
        if match.group("pera") is not None or match.group("perb") is not None:
            return self._period(match)
        if match.group("rd") is not None:
            return self._relative_day(match)
        if match.group("wr1") is not None:
            return self._weekday_range(match)
        return self._bare_weekday(match)

    def _period(self, match: re.Match[str]) -> Found | None:
        period = self._meaning("period", match.group("pera") or match.group("perb"))
        modifier = self._modifier(match.group("mod"))
        if (
            period == "year"
            and match.group("perb") is not None
            and match.start() == match.start("perb")
            and self._preceded_by(match.start("perb"), self.patterns.before["before_general"])
        ):
            return None  # "الأمين العام المقبل": the next secretary-general
        if match.group("this") is not None:
            offset = 0
        elif match.group("dir") is not None:
            offset = DIRECTIONS.get(self._direction(match.group("dir")) or "", 0)
        elif modifier is not None:
            offset = 0  # "نهاية العام": the one we are in
        else:
            return None
        precision = {"week": Precision.WEEK, "month": Precision.MONTH, "year": Precision.YEAR}[
            str(period)
        ]
        anchor = self.anchor
        start = self._start(match, "pro")
        if anchor is None:
            return Found(start, match.end(), None, precision, modifier)
        if period == "week":
            value = week_value(anchor + dt.timedelta(weeks=offset))
        elif period == "month":
            value = month_value(*add_months(anchor.year, anchor.month, offset))
        else:
            value = year_value(anchor.year + offset)
        return Found(start, match.end(), value, precision, modifier, PUBLISHED)

    def _relative_day(self, match: re.Match[str]) -> Found | None:
        offset = self._meaning("relday", match.group("rd"))
        if not isinstance(offset, int):
            return None
        named = next(
            (g for g in ("rwd", "rwp", "rws", "rwc", "rwh") if match.group(g) is not None), "rwd"
        )
        weekday = self._weekday(match, named) if match.group(named) is not None else None
        start, end = self._start(match, "pro"), match.end()
        word = match.group("rd")
        if (
            weekday is None
            and match.group("part") is None
            and word.lstrip("وف") in self.words.keys["today"]
        ):
            if self._in_outlet(match.start("rd"), match.end("rd")):
                return None  # "رأي اليوم", "قناة مصر اليوم": a news outlet
            if self._preceded_by(match.start("rd"), self.patterns.before["before_today"]):
                return None
            if self._followed_by(end, self.patterns.after["after_today"]):
                return None
        if weekday is None and self._followed_by(end, self.patterns.after["after_relative_day"]):
            return None
        if self.anchor is None:
            return Found(start, end, None, Precision.DAY)
        date = self.anchor + dt.timedelta(days=offset)
        flags = self._check_weekday(date, weekday)
        if flags and weekday is not None:
            shift = (weekday - date.isoweekday() + 3) % 7 - 3  # nearest, -3 to 3
            if abs(shift) <= _WEEKDAY_SHIFT:
                date += dt.timedelta(days=shift)
                flags = (SHIFT,)
        return Found(start, end, day_value(date), Precision.DAY, None, PUBLISHED, flags, day=date)

    def _bare_weekday(self, match: re.Match[str]) -> Found | None:
        weekday = self._weekday(match)
        if weekday is None:
            return None
        start, end = self._start(match, "pro"), match.end()
        word_start = match.start("wd")
        if (
            match.group("dw") is not None
            and match.group("dw") in self.patterns.weekday_before[weekday]
        ):
            return None  # "أيام الجمعة": Fridays
        joined = self._followed_by(end, self.patterns.after["joined_weekday"])
        if match.group("dw") is None and match.group("wpart") is None and not joined:
            if self._preceded_by(word_start, self.patterns.weekday_before[weekday]):
                return None
            if match.group("wdir") is None and match.group("wper") is None:
                if self._followed_by(end, self.patterns.weekday_after[weekday]):
                    return None
                endings = self.words.weekday_dual_noun.get(weekday, ())
                previous = self._previous_token(word_start)
                if previous.startswith("ال") and any(previous.endswith(e) for e in endings):
                    return None
        if self.anchor is None:
            return Found(start, end, None, Precision.DAY)
        if match.group("wper") is not None:
            offset = DIRECTIONS.get(self._direction(match.group("wpdir")) or "", 0)
            year, week, _ = (self.anchor + dt.timedelta(weeks=offset)).isocalendar()
            date = dt.date.fromisocalendar(year, week, weekday)
        else:
            direction = self._direction(match.group("wdir"))
            forward = direction is None and self._points_forward(start)
            found = self._weekday_date(weekday, direction, forward)
            if found is None:
                return None
            date = found
        return Found(start, end, day_value(date), Precision.DAY, None, PUBLISHED, day=date)

    def _weekday_range(self, match: re.Match[str]) -> Found | None:
        first = self._weekday(match, "wr1")
        second = self._weekday(match, "wr2")
        if first is None or second is None or first == second:
            return None
        start, end = self._start(match, "pro"), match.end()
        if self.anchor is None:
            return Found(start, end, None, Precision.RANGE)
        direction = self._direction(match.group("wrdir"))
        forward = direction is None and self._points_forward(start)
        begin = self._weekday_date(first, direction, forward)
        if begin is None:
            return None
        finish = begin + dt.timedelta(days=(second - first) % 7)
        value = range_value(day_value(begin), day_value(finish))
        return Found(start, end, value, Precision.RANGE, None, PUBLISHED)

    def _duration(self, match: re.Match[str]) -> Found | None:
        unit_meaning = self._meaning("unit", match.group("unit"))
        if not isinstance(unit_meaning, tuple):
            return None
        unit, count = unit_meaning
        direction = self._meaning("dur_dir", match.group("ddir"))
        modifier = Modifier.APPROX if match.group("approx") is not None else None
        start, end = self._start(match, "pro"), match.end()
        number = match.group("num")
        if number is not None:
            count = int(number) if number.isdigit() else self._meaning("number", number)
        precision = {
            "day": Precision.DAY,
            "week": Precision.WEEK,
            "month": Precision.MONTH,
            "year": Precision.YEAR,
        }[unit]
        if match.group("vc") is not None or not isinstance(count, int):
            return Found(start, end, None, Precision.NONE)
        if count <= 0:
            return None
        anchor = self.anchor
        if anchor is None:
            return Found(start, end, None, precision, modifier)
        if direction == "future":
            if not self._points_forward(start):
                return Found(start, end, None, precision, modifier)
            sign = 1
        else:
            sign = -1
        if unit == "day":
            date = anchor + dt.timedelta(days=sign * count)
            return Found(start, end, day_value(date), precision, modifier, PUBLISHED, day=date)
        if unit == "week":
            value = week_value(anchor + dt.timedelta(weeks=sign * count))
        elif unit == "month":
            value = month_value(*add_months(anchor.year, anchor.month, sign * count))
        else:
            value = year_value(anchor.year + sign * count)
        return Found(start, end, value, precision, modifier, PUBLISHED)

    def _vague(self, match: re.Match[str]) -> Found | None:
        return Found(self._start(match, "pro"), match.end(), None, Precision.NONE, rank=99)

    def _hijri(self, match: re.Match[str]) -> Found | None:
        start, end = self._start(match, "pro"), match.end()
        flags = (HIJRI,)
        if match.group("hyo") is not None:
            year = int(match.group("hyo"))
            days = _calendar.hijri_year_days(year)
            value = range_value(day_value(days[0]), day_value(days[1])) if days else None
            return Found(start, end, value, Precision.RANGE, None, ABSOLUTE, flags)
        if match.group("hmd") is not None:
            return self._hijri_month_named(match, start, end)
        year = int(match.group("hy"))
        month = self._meaning("hmonth", match.group("hm"))
        if not isinstance(month, int):
            return None
        day = self._day_number(match, "1")
        if day is None:
            days = _calendar.hijri_month_days(year, month)
            value = range_value(day_value(days[0]), day_value(days[1])) if days else None
            return Found(start, end, value, Precision.RANGE, None, ABSOLUTE, flags)
        if not 1 <= day <= 30:
            return None
        date = _calendar.hijri_to_gregorian(year, month, day)
        weekday = self._weekday(match) if match.group("wd") is not None else None
        flags = flags + self._check_weekday(date, weekday)
        return Found(
            start,
            end,
            day_value(date) if date else None,
            Precision.DAY,
            None,
            ABSOLUTE,
            flags,
            day=date,
        )

    def _hijri_month_named(self, match: re.Match[str], start: int, end: int) -> Found | None:
        """A Hijri month with a direction word: "رمضان الماضي" is the last Ramadan."""
        month = self._meaning("hmonth", match.group("hmd"))
        direction = self._direction(match.group("hdir"))
        if not isinstance(month, int) or direction is None:
            return None
        modifier = self._modifier(match.group("hmod"))
        today = _calendar.to_hijri(self.anchor) if self.anchor is not None else None
        if today is None:
            return Found(start, end, None, Precision.RANGE, modifier, None, (HIJRI,))
        year, current, _ = today
        if direction in ("past", "before_past"):
            year = (year if month < current else year - 1) - (direction == "before_past")
        elif direction in ("next", "after_next"):
            year = (year if month > current else year + 1) + (direction == "after_next")
        days = _calendar.hijri_month_days(year, month)
        value = range_value(day_value(days[0]), day_value(days[1])) if days else None
        return Found(start, end, value, Precision.RANGE, modifier, PUBLISHED, (HIJRI,))

    def _english(self, match: re.Match[str]) -> Found | None:
        tag = next(t for t in "123" if match.group(f"em{t}") is not None)
        month = self._meaning("emonth", match.group(f"em{tag}"))
        if not isinstance(month, int):
            return None
        year = int(match.group(f"ey{tag}"))
        start, end = match.start(), match.end()
        if tag == "3":
            return Found(start, end, month_value(year, month), Precision.MONTH, None, ABSOLUTE)
        try:
            date = dt.date(year, month, int(match.group(f"ed{tag}")))
        except ValueError:
            return None
        weekday = self._meaning("eweekday", match.group("ewd"))
        flags = self._check_weekday(date, weekday if isinstance(weekday, int) else None)
        return Found(start, end, day_value(date), Precision.DAY, None, ABSOLUTE, flags, day=date)

    # ------------------------------------------------------------------ clock times

    def _with_times(self, chosen: list[Found], times: list[re.Match[str]]) -> list[Found]:
        """Add the clock times that stand next to a day ("2024/11/13 • 6:37 م")."""
        days = [f for f in chosen if f.day is not None]
        if not days:
            return chosen
        taken = [(f.start, f.end) for f in chosen]
        out = list(chosen)
        for match in times:
            start = self._start(match, "hw")
            end = match.end()
            if any(s < end and start < e for s, e in taken):
                continue
            beside = self._day_beside(days, match.start(), end)
            if beside is None or beside.day is None:
                continue
            hour, minute = int(match.group("h")), int(match.group("mi"))
            hour = _clock_hour(hour, self._meaning("ampm", match.group("ap")))
            value = time_value(beside.day, hour, minute) if hour is not None else None
            if value is None:
                continue
            out.append(
                Found(start, end, value, Precision.TIME, None, beside.anchor, day=beside.day)
            )
        out.sort(key=lambda f: (f.start, f.end))
        return out

    def _day_beside(self, days: list[Found], start: int, end: int) -> Found | None:
        """The day expression closest to a clock time, with only separators between them."""
        best: tuple[int, Found] | None = None
        for found in days:
            if found.end <= start:
                gap = self.text[found.end : start]
            elif found.start >= end:
                gap = self.text[end : found.start]
            else:
                continue
            if len(gap) > _TIME_REACH or not _TIME_GAP.match(gap):
                continue
            if best is None or len(gap) < best[0]:
                best = (len(gap), found)
        return best[1] if best else None


def _words_back(text: str, position: int, count: int) -> int:
    """The start of the ``count``-th word before ``position``, not crossing a line break."""
    line_start = text.rfind("\n", 0, position) + 1
    start = position
    for _ in range(count):
        space = text.rfind(" ", line_start, max(line_start, start - 1))
        if space < 0:
            return line_start
        start = space + 1
    return start


def _words_ahead(text: str, position: int, count: int) -> int:
    """The end of the ``count``-th word after ``position``, not crossing a line break."""
    line_end = text.find("\n", position)
    if line_end < 0:
        line_end = len(text)
    end = position
    for _ in range(count):
        space = text.find(" ", end + 1, line_end)
        if space < 0:
            return line_end
        end = space
    return end


def _clock_hour(hour: int, half: object) -> int | None:
    if half == "pm" and hour < 12:
        hour += 12
    elif half == "am" and hour == 12:
        hour = 0
    elif half == "noon" and 1 <= hour <= 6:
        hour += 12
    return hour if 0 <= hour <= 23 else None


def _longest_first(found: list[tuple[Found, int]]) -> list[Found]:
    """Keep the longest of overlapping expressions (then the earlier family, then the leftmost)."""
    chosen: list[Found] = []  # kept sorted by start; never overlapping
    starts: list[int] = []
    ordered = sorted(found, key=lambda f: (-(f[0].end - f[0].start), f[0].rank, f[1], f[0].start))
    for item, _rank in ordered:
        i = bisect.bisect_left(starts, item.start)
        if i > 0 and chosen[i - 1].end > item.start:
            continue
        if i < len(chosen) and chosen[i].start < item.end:
            continue
        chosen.insert(i, item)
        starts.insert(i, item.start)
    return chosen


def _placed(
    item: Found, year: int | None, month: tuple[int, int] | None, day: dt.date | None
) -> Found:
    """``item``, which points back, with the value the date before gives it (if any)."""
    back = item.back or ("",)
    value: str | None = None
    found_day: dt.date | None = None
    try:
        if back[0] == "year" and year is not None:
            value = year_value(year)
        elif back[0] == "month" and month is not None:
            value = month_value(*month)
        elif back[0] == "day" and day is not None:
            value, found_day = day_value(day), day
        elif back[0] == "in_year" and year is not None and len(back) == 4:
            _, number, first, last = back
            if not first:
                value = month_value(year, number)
            elif last:
                value = range_value(
                    day_value(dt.date(year, number, first)), day_value(dt.date(year, number, last))
                )
            else:
                found_day = dt.date(year, number, first)
                value = day_value(found_day)
    except ValueError:  # 29 February of a year that has none
        value, found_day = None, None
    if value is None:
        return item._replace(back=None)
    return item._replace(value=value, anchor=PREVIOUS, day=found_day, back=None)
