"""Figures in digits and in words: ``900``, ``2,000``, ``3 آلاف``, ``ثلاثة آلاف``, ``ألفي``.

Works on normalised text (:func:`syrdiplo.text.normalize`), where Eastern
Arabic and Persian digits are already Western and ``٬``/``٫`` are ``,``/``.``.
The number words come from the ``numbers`` part of the ``troops`` lexicon
table; this module holds only the grammar that combines them:

* digits, with thousands separators (``2,000``, ``2.000``) or a decimal part
  before a scale word (``2.5 ألف``);
* ones and tens joined by ``و`` (``خمسة وعشرون``), hundreds (``ثلاث مئة``,
  ``ثلاثمئة``), scales (``ألف``, ``مليون``) multiplying what comes before
  (``20 ألف``, ``عشرة آلاف``), duals (``ألفين``), and a smaller part after
  ``و`` (``ألف وخمسمئة``, ``3 آلاف و500``);
* a plural scale with no multiplier (``آلاف الجنود``) is vague: its value is
  ``None``.

Two figures joined by ``و`` where the second is not smaller than the first's
scale are kept apart (``بين 900 و1000`` is two figures, not 1900).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from typing import NamedTuple

import attrs
import regex

import syrdiplo
from syrdiplo.text import WORD_END, WORD_START, compile_pattern, normalize_word

from ._scan import StartFinder, matches_at, strings_of, word_start_body

__all__ = ["Figure", "NumberReader"]

_KINDS = ("ones", "tens", "hundred", "hundreds", "scales", "duals", "plural_scales")
# Digits: grouped thousands first (2,000 / 2.000 / 1,250,000), then plain or decimal digits.
_DIGITS = r"\d{1,3}(?:[,.]\d{3})+(?![\d]|[.,]\d)|\d+(?:[.,]\d+)?"
# Letters attached before digits; "الـ 900" and "بـ 900" lose their tatweel and keep the space.
_DIGITS_PREFIX = r"[وف]?(?:(?:بال|وال|لل|ال|[بلك]) ?)?"
# Letters attached before a number word.
_WORD_PREFIX = r"[وف]?(?:[بلك] ?)?"
_DIGIT_RUN = regex.compile(r"\d+")
_GROUPED = regex.compile(r"\d{1,3}(?:[,.]\d{3})+")
_DIGIT = regex.compile(r"\d")
_SEPARATOR = regex.compile(r"[,.]")


@attrs.frozen
class Figure:
    """A figure found in the normalised text.

    :param start: where the figure starts, attached proclitic included (``بـ900``).
    :param number_start: where the number itself starts.
    :param value: the value, or ``None`` for a vague figure (``آلاف``).
    :param proclitic: the letters attached before the first token (``و``, ``ب``, ``ال``).
    """

    start: int
    number_start: int
    end: int
    value: int | None
    proclitic: str = ""


class _Token(NamedTuple):
    start: int
    number_start: int
    end: int
    proclitic: str
    kind: str  # "digits" or one of _KINDS
    value: Decimal
    word: str  # the normalised word, "" for digits


class NumberReader:
    """Finds figures in normalised text, using the number words of a lexicon."""

    def __init__(self, lexicon: syrdiplo.Lexicon) -> None:
        table = lexicon.table("troops", "numbers")
        self._words: dict[str, tuple[str, Decimal]] = {}
        self._duals: dict[str, Decimal] = {}
        for kind in _KINDS:
            section = table.get(kind, {})
            if not isinstance(section, dict):
                raise syrdiplo.DataFileError("troops", "expected a table", key=f"numbers.{kind}")
            for key in section:
                try:
                    value = Decimal(key)
                except InvalidOperation:
                    raise syrdiplo.DataFileError(
                        "troops", f"{key!r} is not a number", key=f"numbers.{kind}"
                    ) from None
                for word in lexicon.words("troops", "numbers", kind, key):
                    normal = " ".join(normalize_word(word).split())
                    if kind == "duals":
                        self._duals[normal] = value
                        self._words.setdefault(normal, (kind, value))
                    else:
                        self._words[normal] = (kind, value)
        self._token = compile_pattern(
            WORD_START
            + r"(?:(?P<pre>"
            + _DIGITS_PREFIX
            + r")(?P<digits>"
            + _DIGITS
            + r")(?!\d)|(?P<wpre>"
            + _WORD_PREFIX
            + r")(?P<word>\L<numwords>)"
            + WORD_END
            + ")",
            numwords=list(self._words),
        )
        # where a token may start: number words found cheaply, digits with their prefixes
        self._word_starts = StartFinder(
            *word_start_body(strings_of(_WORD_PREFIX), self._token.named_lists["numwords"])
        )
        self._digits_prefixes = strings_of(_DIGITS_PREFIX)
        self._digits_prefix_letters = frozenset("".join(self._digits_prefixes))
        self._digits_prefix_longest = max(map(len, self._digits_prefixes))

    # ------------------------------------------------------------------ tokens

    def _starts(self, text: str, start: int, end: int) -> list[int]:
        """Every position in ``[start, end)`` where a token may start (a superset), in order."""
        starts = set(self._word_starts.starts(text, start, end))
        letters, prefixes = self._digits_prefix_letters, self._digits_prefixes
        for run in _DIGIT_RUN.finditer(text, start, end):
            digits = run.start()
            starts.add(digits)
            if digits > start and text[digits - 1] in letters:
                for length in range(1, min(self._digits_prefix_longest, digits - start) + 1):
                    if text[digits - length : digits] in prefixes:
                        starts.add(digits - length)
        return sorted(starts)

    def _matches(self, text: str, start: int, end: int) -> Iterator[regex.Match[str]]:
        """``self._token.finditer(text, start, end)``, tried only where a token may start."""
        return matches_at(self._token, text, self._starts(text, start, end), start, end)

    def _tokens(self, text: str, start: int, end: int) -> Iterator[_Token]:
        for match in self._matches(text, start, end):
            if match.group("digits") is not None:
                raw = match.group("digits")
                value = _digits_value(raw)
                if value is None:
                    continue
                yield _Token(
                    start=match.start(),
                    number_start=match.start("digits"),
                    end=match.end(),
                    proclitic=match.group("pre") or "",
                    kind="digits",
                    value=value,
                    word="",
                )
            else:
                word = " ".join(match.group("word").split())
                kind, value = self._words[word]
                yield _Token(
                    start=match.start(),
                    number_start=match.start("word"),
                    end=match.end(),
                    proclitic=match.group("wpre") or "",
                    kind=kind,
                    value=value,
                    word=word,
                )

    # ------------------------------------------------------------------ figures

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Figure]:
        """Every figure in ``text[start:end]``, in order."""
        stop = len(text) if end is None else end
        figures: list[Figure] = []
        group: list[_Token] = []
        for token in self._tokens(text, start, stop):
            if group and self._joins(group, token, text):
                group.append(token)
                continue
            if group:
                figures.append(self._figure(group))
            group = [token]
        if group:
            figures.append(self._figure(group))
        return figures

    def _joins(self, group: list[_Token], token: _Token, text: str) -> bool:
        """Whether ``token`` continues the figure ``group`` (``3 آلاف``, ``ألف و500``)."""
        last = group[-1]
        gap = text[last.end : token.start]
        if gap not in (" ", "") or (gap == "" and token.proclitic == ""):
            return False
        if token.proclitic not in ("", "و"):
            return False
        if token.proclitic == "":
            # "3 آلاف", "ثلاث مئة", "عشرين ألف", "ثلاثمئة ألف"
            return (
                token.kind in ("hundred", "scales", "plural_scales")
                and last.kind
                in (
                    "digits",
                    "ones",
                    "tens",
                    "hundred",
                    "hundreds",
                )
                and not (last.kind == "hundred" and token.kind == "hundred")
            )
        # joined by و: a smaller part after a scale or a hundred, or tens after ones
        if last.kind in ("scales", "duals", "plural_scales"):
            magnitude = last.value / 2 if last.kind == "duals" else last.value
            return (
                token.kind not in ("scales", "duals", "plural_scales") and token.value < magnitude
            )
        if last.kind in ("hundred", "hundreds"):
            return token.kind in ("ones", "tens", "digits") and token.value < 100
        if last.kind == "ones":
            return token.kind == "tens"
        return False

    def _figure(self, group: list[_Token]) -> Figure:
        first, last = group[0], group[-1]
        return Figure(
            start=first.start,
            number_start=first.number_start,
            end=last.end,
            value=self._evaluate(group),
            proclitic=first.proclitic,
        )

    def _evaluate(self, group: list[_Token]) -> int | None:
        total = Decimal(0)
        current = Decimal(0)
        for position, token in enumerate(group):
            if token.kind in ("digits", "ones", "tens", "hundreds"):
                current += token.value
            elif token.kind == "hundred":
                current = (current or 1) * token.value
            elif token.kind == "scales":
                # "ألفا" alone is the dual (ألفا جندي = 2000); with a part after it,
                # the singular (ألفا وخمسمئة = 1500)
                last = position == len(group) - 1
                if current == 0 and token.word in self._duals and last:
                    total += self._duals[token.word]
                else:
                    total += (current or 1) * token.value
                current = Decimal(0)
            elif token.kind == "duals":
                if current:
                    return None
                total += token.value
            elif token.kind == "plural_scales":
                if not (3 <= current <= 10) or current != int(current):
                    return None  # آلاف with no multiplier: vague
                total += current * token.value
                current = Decimal(0)
        value = total + current
        if value != int(value):
            return None
        return int(value)


def _digits_value(raw: str) -> Decimal | None:
    """``2,000`` and ``2.000`` are 2000; ``2.5`` and ``2,5`` are 2.5."""
    separated = "," in raw or "." in raw
    if separated and _GROUPED.fullmatch(raw) and len(set(_DIGIT.sub("", raw))) == 1:
        return Decimal(_SEPARATOR.sub("", raw))  # one kind of separator, between groups
    try:
        return Decimal(raw.replace(",", ".") if separated else raw)
    except InvalidOperation:
        return None
