"""Offices and terms of office: who held which office on a given date.

A :class:`Term` is one holder's time in one office (``offices.tsv`` rows, or the
``offices`` column of an actor registered by a plugin). :class:`Offices` indexes
them by office and by holder and answers "who was the US Secretary of State on
2016-08-24?" (:meth:`Offices.holder`), "who held it before?" (``previous``) and
"who takes it next?" (``following``).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

import attrs
import regex

__all__ = ["Offices", "Term", "parse_bound", "parse_term_spec"]

_PARTIAL_DATE = regex.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
# "ambassador@US:2017-08-21/2024-10" in the actors table's `offices` column
_TERM_SPEC = regex.compile(
    r"^(?P<office>[a-z_]+)(?:@(?P<at>[A-Za-z_]+))?:(?P<start>[0-9-]*)/(?P<end>[0-9-]*)$"
)


def parse_bound(text: str, *, end: bool) -> dt.date:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` as a date: the first day of the
    period for a start, the last day for an end. Raises ``ValueError``."""
    match = _PARTIAL_DATE.match(text.strip())
    if not match:
        raise ValueError(f"{text!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    year = int(match[1])
    if match[3]:
        return dt.date(year, int(match[2]), int(match[3]))
    if match[2]:
        month = int(match[2])
        day = calendar.monthrange(year, month)[1] if end else 1
        return dt.date(year, month, day)
    return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)


def parse_term_spec(spec: str) -> tuple[str, str | None, str, str]:
    """Split ``office[@at]:start/end`` into its parts; raises ``ValueError``."""
    match = _TERM_SPEC.match(spec.strip())
    if not match:
        raise ValueError(
            f"{spec!r} is not office[@at]:start/end (e.g. ambassador@US:2017-08-21/2024-10)"
        )
    return match["office"], match["at"], match["start"], match["end"]


@attrs.frozen(kw_only=True)
class Term:
    """One holder's term in one office.

    :param at: where the holder serves (an ambassador's host country, ``UN``) or the
        institution a spokesperson speaks for; ``None`` for offices with one seat.
    :param end: the last day in office; ``None`` while in office.
    """

    office: str
    country: str
    at: str | None
    holder: str
    start: dt.date
    end: dt.date | None = None

    def covers(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


class Offices:
    """Terms of office indexed by office and by holder."""

    def __init__(self, terms: Iterable[Term], priority: Iterable[str] = ()) -> None:
        self._by_seat: dict[tuple[str, str], list[Term]] = defaultdict(list)
        self._by_holder: dict[str, list[Term]] = defaultdict(list)
        self._rank = {office: i for i, office in enumerate(priority)}
        for term in terms:
            self._by_seat[(term.office, term.country)].append(term)
            self._by_holder[term.holder].append(term)
        for seat in self._by_seat.values():
            seat.sort(key=lambda t: t.start)
        for held in self._by_holder.values():
            held.sort(key=lambda t: (self._rank.get(t.office, len(self._rank)), t.start))

    def _seat(self, office: str, country: str, at: str | None) -> list[Term]:
        terms = self._by_seat.get((office, country), [])
        if at is None:
            return terms
        return [t for t in terms if t.at == at]

    def holder(self, office: str, country: str, day: dt.date, at: str | None = None) -> str | None:
        """The holder of ``office`` in ``country`` on ``day`` (the latest appointed
        where terms overlap). With ``at=None`` the answer must be the same whatever
        the seat (an office with several seats, such as ambassador, gives ``None``)."""
        current = [t for t in self._seat(office, country, at) if t.covers(day)]
        if not current:
            return None
        if at is None and len({t.at for t in current}) > 1:
            return None
        return max(current, key=lambda t: t.start).holder

    def previous(
        self, office: str, country: str, day: dt.date, at: str | None = None
    ) -> str | None:
        """Who held the office before the holder on ``day`` ("الرئيس الأمريكي السابق")."""
        terms = self._seat(office, country, at)
        if at is None and len({t.at for t in terms}) > 1:
            return None
        current = self.holder(office, country, day, at)
        before = [t for t in terms if t.start <= day and t.holder != current and not t.covers(day)]
        if not before:
            return None
        return max(before, key=lambda t: (t.end or t.start, t.start)).holder

    def following(
        self, office: str, country: str, day: dt.date, at: str | None = None
    ) -> str | None:
        """Who next takes the office after ``day`` ("الرئيس الأمريكي المنتخب")."""
        terms = self._seat(office, country, at)
        if at is None and len({t.at for t in terms}) > 1:
            return None
        later = [t for t in terms if t.start > day]
        if not later:
            return None
        return min(later, key=lambda t: t.start).holder

    def held(self, holder: str, day: dt.date | None = None) -> list[Term]:
        """The terms ``holder`` served, or those covering ``day``, most important office first."""
        terms = self._by_holder.get(holder, [])
        return [t for t in terms if day is None or t.covers(day)]

    def seats(self, office: str, country: str) -> set[str | None]:
        """The distinct ``at`` values known for an office."""
        return {t.at for t in self._by_seat.get((office, country), [])}

    def holders(self) -> set[str]:
        return set(self._by_holder)
