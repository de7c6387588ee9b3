"""The date words, read from the lexicon tables and checked.

:func:`load_date_words` reads ``months``, ``weekdays`` and ``dates`` (core data
plus whatever plugins registered) into :class:`DateWords`: the word lists the
patterns are compiled from, and for each list a map from the normalised word
to what it means (a month number, an offset in days, a direction ...).
Malformed data raises :class:`~syrdiplo.DataFileError` naming the file and key.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import attrs

from .errors import DataFileError
from .lexicon import Lexicon
from .text import normalize_word

__all__ = [
    "DIRECTIONS",
    "MODIFIERS",
    "PERIODS",
    "UNITS",
    "DateWords",
    "load_date_words",
    "word_key",
]

#: Direction words and how many periods they move (``None``: the text's own tense decides).
DIRECTIONS: dict[str, int] = {
    "past": -1,
    "next": 1,
    "current": 0,
    "before_past": -2,
    "after_next": 2,
}
MODIFIERS = ("start", "mid", "end")
PERIODS = ("week", "month", "year")
UNITS = ("day", "week", "month", "year")
_UNIT_FORMS = {"one": 1, "two": 2, "many": None}


def word_key(word: str) -> str:
    """The key a word is looked up by: normalised, inner spaces collapsed, lower case."""
    return " ".join(normalize_word(word).split()).lower()


@attrs.frozen
class DateWords:
    """Word lists for the patterns and their meanings.

    :param lists: list name -> words (as written in the data; the pattern
        compiler normalises them).
    :param meanings: list name -> ``word_key(word)`` -> meaning.
    :param weekday_not_before: ISO weekday (0 for every day) -> words that make
        a following weekday word something else.
    :param weekday_not_after: the same for words after the weekday word.
    :param weekday_dual_noun: ISO weekday -> noun endings before it that make it a number.
    :param ambiguous: normalised month names that need a strong cue when bare.
    :param clear_as_written: ambiguous names that are clear when the text has them
        in exactly this spelling (آب with its madda).
    """

    lists: Mapping[str, tuple[str, ...]]
    meanings: Mapping[str, Mapping[str, Any]]
    weekday_not_before: Mapping[int, tuple[str, ...]]
    weekday_not_after: Mapping[int, tuple[str, ...]]
    weekday_dual_noun: Mapping[int, tuple[str, ...]]
    ambiguous: frozenset[str]
    clear_as_written: frozenset[str]
    keys: Mapping[str, tuple[str, ...]] = attrs.field(init=False)

    @keys.default
    def _keys(self) -> dict[str, tuple[str, ...]]:
        return {
            name: tuple(sorted({word_key(w) for w in words})) for name, words in self.lists.items()
        }

    def meaning(self, name: str, word: str) -> Any:
        """What ``word`` (as matched) means in list ``name``; ``None`` if it is not listed."""
        table = self.meanings[name]
        found = table.get(word)
        return found if found is not None else table.get(word_key(word))


def _where(lexicon: Lexicon, table: str) -> str:
    return " + ".join(lexicon.origins(table)) or f"{table}.toml"


class _Builder:
    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        self.lists: dict[str, list[str]] = {}
        self.meanings: dict[str, dict[str, Any]] = {}

    # -- reading

    def words(self, table: str, *path: str) -> list[str]:
        words = self.lexicon.words(table, *path)
        if not words:
            raise DataFileError(
                _where(self.lexicon, table), "empty list of words", key=".".join(path)
            )
        return words

    def table(self, table: str, *path: str) -> dict[str, Any]:
        return self.lexicon.table(table, *path)

    def numbered(
        self, table: str, *path: str, low: int, high: int, complete: bool
    ) -> dict[int, list[str]]:
        """A table keyed by numbers (months, weekdays, ordinals ...), checked."""
        where = _where(self.lexicon, table)
        found: dict[int, list[str]] = {}
        for key in self.table(table, *path):
            dotted = ".".join((*path, str(key)))
            try:
                number = int(key)
            except ValueError:
                raise DataFileError(where, f"key {key!r} is not a number", key=dotted) from None
            if not low <= number <= high:
                raise DataFileError(
                    where, f"key {key!r} is outside {low}..{high}", key=dotted
                ) from None
            found[number] = self.words(table, *path, key)
        if complete:
            missing = sorted(set(range(low, high + 1)) - set(found))
            if missing:
                raise DataFileError(
                    where, f"no words for {', '.join(map(str, missing))}", key=".".join(path)
                )
        return found

    def named(self, table: str, *path: str, allowed: tuple[str, ...]) -> dict[str, list[str]]:
        """A table keyed by names from a closed set (directions, modifiers ...)."""
        where = _where(self.lexicon, table)
        found: dict[str, list[str]] = {}
        for key in self.table(table, *path):
            if key not in allowed:
                raise DataFileError(
                    where,
                    f"unknown key {key!r}; expected one of {', '.join(allowed)}",
                    key=".".join((*path, key)),
                )
            found[key] = self.words(table, *path, key)
        return found

    # -- storing

    def add(
        self,
        name: str,
        groups: Mapping[Any, list[str]],
        *,
        table: str,
        path: str,
        meaning: Callable[[Any], Any] = lambda key: key,
    ) -> None:
        """Store list ``name`` and the meaning of each word; clashing meanings are an error."""
        words = self.lists.setdefault(name, [])
        meanings = self.meanings.setdefault(name, {})
        for key, group in groups.items():
            value = meaning(key)
            for word in group:
                normal = word_key(word)
                if not normal:
                    raise DataFileError(
                        _where(self.lexicon, table),
                        f"{word!r} is empty once normalised",
                        key=f"{path}.{key}",
                    )
                if normal in meanings and meanings[normal] != value:
                    raise DataFileError(
                        _where(self.lexicon, table),
                        f"{word!r} is listed with two meanings ({meanings[normal]!r} and {value!r})",
                        key=f"{path}.{key}",
                    )
                meanings[normal] = value
                words.append(word)

    def plain(self, name: str, table: str, *path: str) -> None:
        self.add(name, {True: self.words(table, *path)}, table=table, path=".".join(path))


def load_date_words(lexicon: Lexicon) -> DateWords:
    """Read and check the date tables of ``lexicon``."""
    b = _Builder(lexicon)

    # months
    b.add(
        "gmonth",
        b.numbered("months", "gregorian", low=1, high=12, complete=True),
        table="months",
        path="gregorian",
    )
    b.add(
        "hmonth",
        b.numbered("months", "hijri", low=1, high=12, complete=True),
        table="months",
        path="hijri",
    )
    b.add(
        "emonth",
        b.numbered("months", "english", low=1, high=12, complete=True),
        table="months",
        path="english",
    )
    ambiguous = {
        word_key(w) for w in lexicon.words("months", "ambiguous", "gregorian", required=False)
    }
    ambiguous |= {
        word_key(w) for w in lexicon.words("months", "ambiguous", "hijri", required=False)
    }
    clear = frozenset(lexicon.words("months", "ambiguous", "clear_as_written", required=False))
    b.lists["hijri_epithet"] = lexicon.words("months", "hijri_epithets", "words", required=False)

    # weekdays
    b.add(
        "weekday",
        b.numbered("weekdays", "arabic", low=1, high=7, complete=True),
        table="weekdays",
        path="arabic",
    )
    b.add(
        "eweekday",
        b.numbered("weekdays", "english", low=1, high=7, complete=True),
        table="weekdays",
        path="english",
    )
    not_a_day: dict[str, dict[int, tuple[str, ...]]] = {}
    for side in ("before", "after", "dual_noun"):
        per_day: dict[int, tuple[str, ...]] = {}
        node = lexicon["weekdays"].get("not_a_day", {}).get(side, {})
        for key in node:
            day = 0 if key == "all" else None
            if day is None:
                try:
                    day = int(key)
                except ValueError:
                    day = -1
            if not 0 <= day <= 7:
                raise DataFileError(
                    _where(lexicon, "weekdays"),
                    f"key {key!r} is not a weekday number or 'all'",
                    key=f"not_a_day.{side}.{key}",
                )
            per_day[day] = tuple(
                word_key(w) for w in lexicon.words("weekdays", "not_a_day", side, key)
            )
        not_a_day[side] = per_day

    # days and parts of days
    days = b.numbered("dates", "days", low=-31, high=31, complete=False)
    b.add("relday", days, table="dates", path="days")
    b.plain("part", "dates", "day_phrases", "parts_of_day")
    b.plain("dayword", "dates", "day_phrases", "day_words")
    b.plain("corresp", "dates", "day_phrases", "corresponding")
    b.add(
        "ordinal",
        b.numbered("dates", "ordinals", low=1, high=31, complete=False),
        table="dates",
        path="ordinals",
    )
    b.lists["today"] = list(days.get(0, []))

    # periods, directions, modifiers
    periods = b.named("dates", "periods", allowed=PERIODS)
    b.add("period", periods, table="dates", path="periods")
    b.lists["week_period"] = list(periods.get("week", []))
    b.lists["month_period"] = list(periods.get("month", []))
    b.lists["year_period"] = list(periods.get("year", []))
    if not (b.lists["week_period"] and b.lists["month_period"] and b.lists["year_period"]):
        raise DataFileError(
            _where(lexicon, "dates"), "needs words for week, month and year", key="periods"
        )
    directions = b.named("dates", "directions", allowed=(*DIRECTIONS, "this"))
    b.add(
        "direction",
        {k: v for k, v in directions.items() if k != "this"},
        table="dates",
        path="directions",
    )
    b.plain("this", "dates", "directions", "this")
    b.lists["same_after"] = lexicon.words("dates", "same_year", "after", required=False)
    b.lists["same_before"] = lexicon.words("dates", "same_year", "before", required=False)
    b.lists["same_bare_before"] = lexicon.words("dates", "same_year", "bare_before", required=False)
    b.add(
        "year_thousands",
        b.numbered("dates", "year_words", "thousands", low=1000, high=2000, complete=False),
        table="dates",
        path="year_words.thousands",
    )
    b.add(
        "year_part",
        b.numbered("dates", "year_words", "parts", low=1, high=900, complete=False),
        table="dates",
        path="year_words.parts",
    )
    b.plain("month_of_day", "dates", "month_of_day", "current")
    modifiers = b.named("dates", "modifiers", allowed=(*MODIFIERS, "approx", "seasons"))
    b.add(
        "modifier",
        {k: v for k, v in modifiers.items() if k in MODIFIERS},
        table="dates",
        path="modifiers",
    )
    b.plain("approx", "dates", "modifiers", "approx")
    b.plain("season", "dates", "modifiers", "seasons")

    # cues and connectors
    for name in ("year", "year_weak", "month_word", "month_weak"):
        b.plain(f"cue_{name}", "dates", "cues", name)
    for name in ("of", "and", "to", "from", "between"):
        b.plain(f"c_{name}", "dates", "connectors", name)
    b.plain("era_g", "dates", "era", "gregorian")
    b.plain("era_h", "dates", "era", "hijri")

    # clock times
    b.add(
        "ampm",
        {k: b.words("dates", "time", k) for k in ("am", "pm", "noon")},
        table="dates",
        path="time",
    )
    b.plain("hour_word", "dates", "time", "hour_words")

    # durations
    b.add(
        "dur_dir",
        {k: b.words("dates", "durations", k) for k in ("past", "future")},
        table="dates",
        path="durations",
    )
    b.plain("rel_event", "dates", "durations", "relative_to_event")
    b.plain("vague_count", "dates", "durations", "vague_counts")
    units: dict[tuple[str, int | None], list[str]] = {}
    for unit in b.table("dates", "durations", "units"):
        if unit not in UNITS:
            raise DataFileError(
                _where(lexicon, "dates"),
                f"unknown unit {unit!r}; expected one of {', '.join(UNITS)}",
                key=f"durations.units.{unit}",
            )
        for form, words in b.named(
            "dates", "durations", "units", unit, allowed=tuple(_UNIT_FORMS)
        ).items():
            units[unit, _UNIT_FORMS[form]] = words
    b.add("unit", units, table="dates", path="durations.units")
    b.add(
        "number",
        b.numbered("dates", "numbers", low=1, high=1000, complete=False),
        table="dates",
        path="numbers",
    )

    # vague expressions
    b.plain("vague", "dates", "vague", "phrases")
    b.plain("plural_period", "dates", "vague", "plural_periods")
    b.plain("filler", "dates", "vague", "fillers")
    b.plain("vague_dir", "dates", "vague", "directions")

    # tense
    b.plain("future_word", "dates", "future", "words")
    b.plain("future_stem", "dates", "future", "stems")
    b.plain("present_stem", "dates", "future", "present_stems")

    # where a date is no date
    for name in (
        "before_today",
        "after_today",
        "after_relative_day",
        "before_general",
        "event_names",
        "count_nouns",
        "outlets",
        "outlets_marked",
        "outlets_prefixed",
        "media_nouns",
        "outlet_cues_before",
        "outlet_cues_after",
        "quoting_verbs",
        "quoted_from",
    ):
        b.plain(name, "dates", "not_a_date", name)
    for name in ("before_today", "before_general", "event_names", "media_nouns", "quoting_verbs"):
        for word in b.lists[name]:
            if " " in word_key(word):
                raise DataFileError(
                    _where(lexicon, "dates"),
                    f"{word!r}: words checked before a date must be single words",
                    key=f"not_a_date.{name}",
                )
    b.lists["after_today"] = b.lists["after_today"] + b.lists["ordinal"]
    b.lists["joined_weekday"] = [
        f"{and_} {day}" for and_ in b.lists["c_and"] for day in b.lists["weekday"]
    ]
    b.lists["joined_weekday"] += [
        f"{and_}{day}" for and_ in b.lists["c_and"] for day in b.lists["weekday"]
    ]

    return DateWords(
        lists={k: tuple(v) for k, v in b.lists.items()},
        meanings=b.meanings,
        weekday_not_before=not_a_day["before"],
        weekday_not_after=not_a_day["after"],
        weekday_dual_noun=not_a_day["dual_noun"],
        ambiguous=frozenset(ambiguous),
        clear_as_written=clear,
    )
