"""The heads of date expressions, found without a regex pass over the whole text.

:mod:`syrdiplo._dates_patterns` describes a head as a match of

    (?<!\\w)[وفبل]?(?:(?P<word>HEAD WORDS)(?!\\w)|(?:ال)?(?P<number>\\d))

scanned over the whole text. As every head word is made of word characters,
a head starts where a run of word characters (``\\w+``) starts and is read
off that run alone: the run less an attached و/ف/ب/ل, or the run itself, is
a head word, or after them (and an article) comes a digit. :class:`HeadFinder`
gives the same matches from ``str.split`` and set lookups, looking at the
runs of the few chunks that are not plain words, and locating only the runs
that make a head. The patterns' scan stays the reference (and the fallback
when a head word has other characters).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import NamedTuple

__all__ = ["Head", "HeadFinder"]

_RUN = re.compile(r"\w+")
_PROCLITICS = ("و", "ف", "ب", "ل")
# punctuation that often clings to a word; never a word character
_CLINGING = "\"'“”«»()[]{}<>.,;:!?…-–—/|*•"


class Head(NamedTuple):
    """What the reader uses of a head match."""

    start: int
    end: int
    word: str | None
    number: int  # where the digit is, -1 for a head word


class HeadFinder:
    """The head matches of a text, as the heads pattern's ``finditer`` gives them."""

    def __init__(self, pattern: re.Pattern[str], kinds: Mapping[str, object]) -> None:
        self.pattern = pattern
        self.kinds = frozenset(k for k in kinds if k)
        self.usable = all(_RUN.fullmatch(k) for k in self.kinds)
        self.forms = self.kinds | {p + k for p in _PROCLITICS for k in self.kinds}

    def find(self, text: str) -> Iterator[Head]:
        """The heads of ``text``, left to right."""
        if not self.usable:
            for m in self.pattern.finditer(text):
                word = m.group("word")
                yield Head(m.start(), m.end(), word, -1 if word is not None else m.start("number"))
            return
        forms = self.forms
        picked = []
        for chunk in [c for c in text.split() if c in forms or not c.isalpha()]:
            if chunk in forms:
                picked.append(chunk)  # one run: head words are word characters only
                continue
            core = chunk.strip(_CLINGING)
            if core in forms:
                picked.append(core)  # one run between punctuation
                continue
            if core.isalpha():
                continue  # one run of letters, no head word
            runs = [core] if core.isalnum() else _RUN.findall(chunk)
            picked += [run for run in runs if self._read(run) is not None]
        cursor = 0
        size = len(text)
        for run in picked:
            # the first occurrence standing as a whole run is this one: an earlier one
            # would have been picked before it
            start = text.find(run, cursor)
            while not (
                (start == 0 or not _is_word(text[start - 1]))
                and (start + len(run) == size or not _is_word(text[start + len(run)]))
            ):
                start = text.find(run, start + 1)
            word, number = self._read(run)  # type: ignore[misc]
            if word is not None:
                yield Head(start, start + len(run), word, -1)
            else:
                yield Head(start, start + number + 1, None, start + number)
            cursor = start + len(run)

    def _read(self, run: str) -> tuple[str | None, int] | None:
        """The head a whole run makes: ``(word, -1)``, ``(None, digit offset)`` or ``None``.

        In the pattern's order: with the attached letter (if any), then without it,
        a head word, else a digit after an optional article.
        """
        for attached in (1, 0) if run[0] in _PROCLITICS else (0,):
            rest = run[attached:]
            if rest in self.kinds:
                return rest, -1
            if rest[:2] == "ال" and rest[2:3].isdecimal():
                return None, attached + 2
            if rest[:1].isdecimal():
                return None, attached
        return None


def _is_word(char: str) -> bool:
    """``\\w`` as ``re`` reads it."""
    return char.isalnum() or char == "_"
