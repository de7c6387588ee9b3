"""Actor families that are one word list, matched by dictionary lookup instead of ``regex``.

Names, state names, capitals and peoples are each one pattern
``(?P<pre>[وف]?[بكل]?)(?P<group>\\L<list>)`` followed by a word end, compiled
case-insensitively, and together they are tried at most of the words the
actor stage looks at (with about a thousand names of up to forty-odd
letters, the ``regex`` module spends microseconds on an attempt).
:class:`ListFinder` gives the same match: for each reading of the attached
letters (longest first, as the pattern backtracks), the entries that can
start with the word that follows, longest first, compared with the text.
What to try at each word is worked out once and kept.

It stands in for the pattern only where the comparison is exact: the entries
must hold no letter with case outside ASCII (:attr:`ListFinder.usable`), and
the text no letter that ``regex`` equates with an ASCII one under case
folding (``_CASE_TWINS``); elsewhere the pattern is used.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import TypeVar

import regex

from ._actors_words import WORD
from .text import normalize_word

_K = TypeVar("_K")
_T = TypeVar("_T")

__all__ = ["ListFinder", "ListMatch", "is_word_char", "plan_for"]

#: letters outside ASCII that ``regex`` case-insensitively equates with an ASCII letter
_CASE_TWINS = "\u0130\u0131\u017f\u212a"  # dotted I, dotless i, long s, Kelvin sign
_WORD_CHAR = regex.compile(r"[\p{L}\p{M}\p{N}]")
_MAX_PLANS = 50_000


def plan_for(
    plans: dict[_K, _T], token: _K, make: Callable[[_K], _T], limit: int = _MAX_PLANS
) -> _T:
    """``make(token)``, remembered in ``plans`` (emptied when it outgrows ``limit``).

    Finders work out once per distinct word how an entry could start there; the claim
    finder remembers its answers about short stretches the same way.
    """
    plan = plans.get(token)
    if plan is None:
        if len(plans) >= limit:
            plans.clear()
        plan = plans[token] = make(token)
    return plan


#: per reading of the attached letters: their length; the entries going on past the word,
#: by the two characters after it (one for an entry one longer), then by length, longest
#: first; the length of a sure match within the word
_Longer = dict[str, tuple[tuple[int, frozenset[str]], ...]]
_Plan = tuple[tuple[int, _Longer, int | None], ...]


@functools.lru_cache(maxsize=4096)
def is_word_char(char: str) -> bool:
    """``[\\p{L}\\p{M}\\p{N}]`` as the patterns' word end reads it (cached per character)."""
    return _WORD_CHAR.match(char) is not None


def _caseless(char: str) -> bool:
    return char.lower() == char and char.upper() == char and char.casefold() == char


class ListMatch:
    """The parts of a match the resolver reads: groups ``pre`` and the list's, and offsets."""

    __slots__ = ("_end", "_group", "_start", "_text", "_word")

    def __init__(self, text: str, group: str, start: int, word: int, end: int) -> None:
        self._text, self._group, self._start, self._word, self._end = text, group, start, word, end

    def start(self, group: int | str = 0) -> int:
        return self._word if group == self._group else self._start

    def end(self, group: int | str = 0) -> int:
        return self._word if group == "pre" else self._end

    def span(self, group: int | str = 0) -> tuple[int, int]:
        return self.start(group), self.end(group)

    def group(self, group: int | str = 0) -> str | None:
        return self[group]

    def __getitem__(self, group: int | str) -> str | None:
        if group == "pre":
            return self._text[self._start : self._word]
        if group == self._group:
            return self._text[self._word : self._end]
        if group == 0:
            return self._text[self._start : self._end]
        raise IndexError("no such group")

    def groupdict(self) -> dict[str, str | None]:
        return {"pre": self["pre"], self._group: self[self._group]}


class ListFinder:
    """Matches the entries of a list at a word, as the family's pattern would.

    :param group: the name of the pattern's group holding the entry (``"nm"``).
    """

    def __init__(self, group: str, words: Iterable[str]) -> None:
        self.group = group
        # normalised as compile_pattern does, then folded as the pattern compares
        entries = {normalize_word(n).lower() for n in words} - {""}
        self.usable = all(
            WORD.match(entry) is not None and all(c.isascii() or _caseless(c) for c in entry)
            for entry in entries
        )
        by_first: dict[str, list[str]] = {}
        for entry in entries:
            head = WORD.match(entry)
            if head is not None:
                by_first.setdefault(head.group(), []).append(entry)
        self.by_first = {
            head: tuple(sorted(found, key=len, reverse=True)) for head, found in by_first.items()
        }
        self.entries = frozenset(entries)
        self._plans: dict[str, _Plan] = {}

    @staticmethod
    def exact_for(text: str) -> bool:
        """Whether a :attr:`usable` finder gives the pattern's answer on ``text``."""
        return not any(twin in text for twin in _CASE_TWINS)

    def match(self, text: str, start: int, token_end: int) -> ListMatch | None:
        """The entry at ``start`` (the word ``text[start:token_end]``), with its attached letters."""
        token = text[start:token_end]
        plan = plan_for(self._plans, token, self._plan)
        size = len(text)
        for length, longer, cut in plan:
            at = start + length
            if longer:
                # entries going on past the word, picked by the two characters after it
                following = text[token_end : token_end + 2].lower()
                for span, entries in (*longer.get(following, ()), *longer.get(following[:1], ())):
                    end = at + span
                    if text[at:end].lower() in entries and (
                        end >= size or not is_word_char(text[end])
                    ):
                        return ListMatch(text, self.group, start, at, end)
            if cut is not None:
                return ListMatch(text, self.group, start, at, at + cut)
        return None

    def _plan(self, token: str) -> _Plan:
        """What to try at a word, in the pattern's order: for each reading of the attached
        letters, the entries going on past the word by length, longest first (to compare
        with the text), then the length of an entry that ends within it (a sure match: a
        word ends at a separator)."""
        prefixes = []
        if token[:1] in ("و", "ف"):
            if token[1:2] in ("ب", "ك", "ل"):
                prefixes.append(2)
            prefixes.append(1)
        elif token[:1] in ("ب", "ك", "ل"):
            prefixes.append(1)
        prefixes.append(0)
        plan = []
        for length in prefixes:
            rest = token[length:].lower()
            if not rest:
                continue
            grouped: dict[str, dict[int, set[str]]] = {}
            for entry in self.by_first.get(rest, ()):
                if len(entry) > len(rest):
                    following = entry[len(rest) : len(rest) + 2]
                    grouped.setdefault(following, {}).setdefault(len(entry), set()).add(entry)
            longer = {
                following: tuple((n, frozenset(by[n])) for n in sorted(by, reverse=True))
                for following, by in grouped.items()
            }
            cut: int | None = None
            if rest in self.entries:
                cut = len(rest)
            elif not rest.isalpha():  # a one-word entry before a hyphen or the like
                cut = next(
                    (
                        c
                        for c in range(len(rest) - 1, 0, -1)
                        if not is_word_char(rest[c]) and rest[:c] in self.entries
                    ),
                    None,
                )
            if longer or cut is not None:
                plan.append((length, longer, cut))
        return tuple(plan)
