"""Finding listed words and phrases in normalised text, one token at a time.

Public so that every stage and plugin can share one tokenisation of an article
(:attr:`syrdiplo.Document.tokens`) and look words up in dictionaries instead of
running large regex alternations over the whole text.

Large word lists (every inflected trigger, every status cue) are looked up in
dictionaries rather than compiled into one regex alternation: the text is cut
into tokens once, and each token is looked up, as written, in a table of every
listed word with every attached prefix the matcher was given (و، ف، ب، ل، ك،
ال، س ...), built once per matcher. Only the tokens found there look further,
joining the next tokens for multi-word entries. The longest entry wins, then
the shortest prefix.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from itertools import accumulate, compress, count
from operator import not_
from typing import Any

import attrs
import regex

__all__ = ["CONJUNCTIONS", "NOUN_PREFIXES", "Hit", "MatcherSet", "PhraseMatcher", "Tokens"]

_TOKEN = regex.compile(r"[\p{L}\p{M}\p{N}]+")
_SPLIT = regex.compile(r"([\p{L}\p{M}\p{N}]+)")  # gap, word, gap, ..., word, gap
#: Blocks (Latin, Arabic, punctuation) where the stdlib ``re`` may split instead of
#: ``regex``, which is twice as slow; the letters in them are those ``_TOKEN`` matches.
_COMMON_BLOCKS = ((0x0000, 0x02FF), (0x0600, 0x077F), (0x2000, 0x206F))
_LOOSE_GAP = regex.compile(r"^[ \"'“”«»„\u2018\u2019\-–]*$")

#: Conjunctions attached to a word: و، ف.
CONJUNCTIONS = ("", "و", "ف")
#: Conjunction, preposition and article attached to a noun (the core PROCLITIC).
NOUN_PREFIXES = tuple(
    sorted(
        {
            conj + rest
            for conj in CONJUNCTIONS
            for rest in ("", "ب", "ل", "ك", "ال", "بال", "كال", "لل")
        },
        key=lambda p: (len(p), p),
    )
)

#: One way to read a token: (listed head word, where it starts in the token, prefix reported).
_Reading = tuple[str, int, str]


@attrs.frozen
class Tokens:
    """The words of a text with their offsets.

    :param spaced: ``spaced[i]`` is true when only spaces (no newline or
        punctuation) separate word ``i`` from word ``i + 1``.
    :param loose: the same, allowing quotes and dashes too ("بصيغة “أستانة”").
    """

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    words: tuple[str, ...]
    spaced: tuple[bool, ...]
    loose: tuple[bool, ...]

    @classmethod
    def of(cls, text: str) -> Tokens:
        outside, split = _common_split()
        if outside.search(text):
            split = _SPLIT.split
        parts = split(text)  # the words at odd positions, the gaps around them at even
        offsets = tuple(accumulate(map(len, parts)))
        gaps = parts[2:-1:2]
        spaced = [*map(" ".__eq__, gaps), False]
        loose = spaced.copy()  # a gap of spaces is loose too
        match = _LOOSE_GAP.match
        for i in compress(count(), map(not_, spaced[:-1])):  # gaps other than one space
            gap = gaps[i]
            spaced[i] = loose[i] = not gap.strip(" ")
            if not spaced[i]:
                loose[i] = bool(match(gap))
        return cls(
            text,
            offsets[0::2][:-1],
            offsets[1::2],
            tuple(parts[1::2]),
            tuple(spaced),
            tuple(loose),
        )

    def __len__(self) -> int:
        return len(self.words)


@functools.cache
def _common_split() -> tuple[re.Pattern[str], Callable[[str], list[str]]]:
    """A pattern finding characters outside ``_COMMON_BLOCKS``, and a ``re`` split
    that cuts text inside them exactly as ``_SPLIT`` does."""
    codes = [code for first, last in _COMMON_BLOCKS for code in range(first, last + 1)]
    letters = _char_class([code for code in codes if _TOKEN.match(chr(code))])
    return re.compile(f"[^{_char_class(codes)}]"), re.compile(f"([{letters}]+)").split


def _char_class(codes: list[int]) -> str:
    """The inside of a character class holding the (sorted) code points ``codes``."""
    runs: list[list[int]] = []
    for code in codes:
        if runs and runs[-1][1] == code - 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    return "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in runs
    )


@attrs.frozen
class Hit:
    """One entry found: tokens ``first..last``, characters ``start..end``.

    :param word_start: where the entry itself starts, after the attached prefix.
    :param prefix: the attached letters (``"و"``، ``"بال"``); an article merged
        into ``لل`` ("للولايات") is reported as ``"ل"`` with ``word_start`` at the word.
    """

    start: int
    end: int
    word_start: int
    first: int
    last: int
    prefix: str
    entry: str
    value: Any


class PhraseMatcher:
    """Finds the entries of a table (normalised phrases of one or more words).

    :param entries: phrase (words joined by single spaces) -> value reported in the hit.
    :param prefixes: the letters that may be attached to the first word (``""``
        for none); a listed head word keeps at least two letters of its own.
    :param loose: let quotes and dashes stand between the words of a phrase.

    ``forms`` maps every token a head word may be written as (prefix + head,
    and ``لل`` + a head that starts with ``ال``) to the ways of reading it,
    shortest prefix first.
    """

    def __init__(
        self, entries: Mapping[str, Any], prefixes: Iterable[str] = ("",), *, loose: bool = False
    ) -> None:
        self.entries = dict(entries)
        self.prefixes = frozenset(prefixes)
        self.longest_prefix = max((len(p) for p in self.prefixes), default=0)
        self.longest = max((e.count(" ") + 1 for e in self.entries), default=1)
        self.heads = {e.split(" ")[0] for e in self.entries}
        self.loose = loose
        # the first words of the longer entries: "وزير" and "وزير الخارجية" for "وزير الخارجية الروسي"
        self._unfinished = {
            " ".join(words[:size])
            for words in (e.split(" ") for e in self.entries)
            for size in range(1, len(words))
        }
        self.forms = _forms(self.prefixes, self.heads)
        # the tokens that may start a longer entry
        self._longer_forms = frozenset(_forms(self.prefixes, self.heads & self._unfinished))

    def __contains__(self, entry: object) -> bool:
        return entry in self.entries

    def at(self, tokens: Tokens, i: int) -> Hit | None:
        """The longest entry starting at token ``i``, if any."""
        readings = self.forms.get(tokens.words[i])
        return None if readings is None else self._read(tokens, i, readings)

    def _read(self, tokens: Tokens, i: int, readings: tuple[_Reading, ...]) -> Hit | None:
        entries = self.entries
        best: tuple[str, int, int, str] | None = None  # entry, last token, offset, prefix
        for head, offset, shown in readings:
            if head in self._unfinished:
                entry, last = self._longest(tokens, i, head)
                if entry is None:
                    continue
            elif head in entries:
                entry, last = head, i
            else:
                continue
            if best is None or last > best[1]:
                best = (entry, last, offset, shown)
        if best is None:
            return None
        entry, last, offset, shown = best
        start = tokens.starts[i]
        return Hit(
            start=start,
            end=tokens.ends[last],
            word_start=start + offset,
            first=i,
            last=last,
            prefix=shown,
            entry=entry,
            value=entries[entry],
        )

    def _longest(self, tokens: Tokens, i: int, head: str) -> tuple[str | None, int]:
        """The longest entry that starts with ``head`` at token ``i``, and its last token."""
        joined = tokens.loose if self.loose else tokens.spaced
        words, entries, unfinished = tokens.words, self.entries, self._unfinished
        limit = i + self.longest - 1
        found: tuple[str | None, int] = (None, i)
        phrase, last = head, i
        while True:
            if phrase in entries:
                found = (phrase, last)
            if last >= limit or not joined[last] or phrase not in unfinished:
                return found
            last += 1
            phrase = phrase + " " + words[last]

    def find(self, tokens: Tokens, first: int = 0, last: int | None = None) -> Iterator[Hit]:
        """Entries in tokens ``first..last``, left to right, not overlapping."""
        stop = len(tokens) if last is None else min(last, len(tokens))
        forms, words = self.forms, tokens.words
        i = first
        while i < stop:
            readings = forms.get(words[i])
            hit = None if readings is None else self._read(tokens, i, readings)
            if hit is None:
                i += 1
                continue
            yield hit
            i = hit.last + 1


def _forms(prefixes: frozenset[str], heads: set[str]) -> dict[str, tuple[_Reading, ...]]:
    """Every token a head may be written as, with the ways to read it, shortest prefix first."""
    found: dict[str, tuple[_Reading, ...]] = {}
    long_heads = [head for head in heads if len(head) >= 2]
    articled = [head for head in heads if len(head) >= 4 and head.startswith("ال")]
    # one prefix per length fits a given token, so going by length keeps the order
    for prefix in sorted(prefixes, key=len):
        size = len(prefix)
        _merge(found, {prefix + head: ((head, size, prefix),) for head in long_heads})
        if prefix.endswith("لل"):  # ل + the article: "للولايات المتحدة"
            shown = prefix[:-2] + "ل"
            _merge(found, {prefix + h[2:]: ((h, size - 2, shown),) for h in articled})
    return found


def _merge(into: dict[str, tuple[Any, ...]], more: dict[str, tuple[Any, ...]]) -> None:
    """Add ``more`` to ``into``, putting the values of a key already there after its old ones."""
    for key in more.keys() & into.keys():
        more[key] = into[key] + more[key]
    into.update(more)


class MatcherSet:
    """Several matchers run over a text in one pass.

    Each token is looked up once in the union of the matchers' ``forms``, and
    only the matchers that can read it look further, so the cost hardly grows
    with the number of lists.
    """

    def __init__(self, matchers: Mapping[str, PhraseMatcher]) -> None:
        self.matchers = dict(matchers)
        self.index: dict[str, set[str]] = {}
        for name, matcher in self.matchers.items():
            for head in matcher.heads:
                self.index.setdefault(head, set()).add(name)
        self.longest_prefix = max((m.longest_prefix for m in self.matchers.values()), default=0)
        # token -> the matchers that can read it (one shared tuple per matcher, as
        # most tokens have only one)
        self.forms: dict[str, tuple[tuple[str, PhraseMatcher], ...]] = {}
        for name, matcher in self.matchers.items():
            _merge(self.forms, dict.fromkeys(matcher.forms, ((name, matcher),)))

    def find(self, tokens: Tokens) -> dict[str, list[Hit]]:
        """Every matcher's hits, as :meth:`PhraseMatcher.find` would give them."""
        found: dict[str, list[Hit]] = {name: [] for name in self.matchers}
        free = dict.fromkeys(self.matchers, 0)  # the first token each matcher may start at
        forms, words, starts, ends = self.forms, tokens.words, tokens.starts, tokens.ends
        for i in compress(count(), map(forms.__contains__, words)):
            word = words[i]
            for name, matcher in forms[word]:
                if i < free[name]:
                    continue
                readings = matcher.forms[word]
                if word in matcher._longer_forms:
                    hit = matcher._read(tokens, i, readings)
                    if hit is None:
                        continue
                else:  # no longer entry to try: the first reading (shortest prefix) wins
                    head, offset, shown = readings[0]
                    start = starts[i]
                    value = matcher.entries[head]
                    hit = Hit(start, ends[i], start + offset, i, i, shown, head, value)
                found[name].append(hit)
                free[name] = hit.last + 1
        return found
