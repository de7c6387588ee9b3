"""Finding the matches of a word-list pattern in part of a text, as a whole-text scan would.

A ``regex`` pattern built from long word lists (``\\L<forms>``) is slow to run
over a whole article, and the troops reader needs its matches only near the
few troop figures. :class:`WordFinder` gives exactly the matches that
``pattern.finditer(text)`` would give in a stretch of the text, at a fraction
of the cost:

1. a cheap stdlib ``re`` scan finds every position where a match could start:
   after a character that is no letter or digit, a run of the pattern's
   prefix letters (``و``, ``بال`` ...), then the start of a listed word. This
   is a superset of the real starts, never fewer.
2. the ``regex`` pattern is then tried, anchored, at those positions only, in
   order, skipping positions inside the previous match: the same leftmost,
   non-overlapping matches ``finditer`` finds.
3. a stretch starts at a *safe cut*, a place where no match can straddle: next
   to a character that no prefix and no listed word contains (a full stop, a
   newline, a digit ...).

The pattern must be shaped ``WORD_START <prefix> <word from the list> ...``:
every match starts after a character that is not a letter, mark or digit,
with one of ``prefixes``, then one of ``words``.

Why the cheap scan never misses a start: ``WORD_START`` asks for a character
that is no letter, mark or digit (or the text start) before the match. Every
such character is a space, or lies outside the class :data:`_ALNUM` of
characters the stdlib calls letters or digits in a few common blocks (those
are letters and digits to ``regex`` too). The scan then looks ahead for any
run of prefix letters and the leading letters of a listed word: everything a
real match starts with.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import regex

__all__ = [
    "StartFinder",
    "WordFinder",
    "matches_at",
    "strings_of",
    "trie_pattern",
    "word_start_body",
]


def matches_at(
    pattern: regex.Pattern[str], text: str, starts: Iterable[int], pos: int, endpos: int
) -> Iterator[regex.Match[str]]:
    """``pattern.finditer(text, pos, endpos)``, tried only at ``starts`` (ascending), where a
    match may begin; a match hides the starts inside it, as ``finditer`` would."""
    last = pos
    for position in starts:
        if position < last:
            continue
        match = pattern.match(text, position, endpos)
        if match is not None:
            last = match.end()
            yield match


# The leading letters and digits of a listed word: what follows a prefix at a match start.
_LEADING_ALNUM = re.compile(r"[^\W_]*")
_MAX_PREFIX = 8
# Prefixes are written into the trie (faster to scan, slower to compile) when that
# keeps it this small.
_FOLDED_TRIE = 600
# Blocks of letters common in the text, for a class of characters that are surely
# letters or digits: a match can never start right after one of them. A class of
# code points is much faster for ``re`` than ``\w``; characters outside these
# blocks are treated as if they could come before a match, which only costs time.
_LETTER_BLOCKS = ((0x30, 0x7A), (0xC0, 0x24F), (0x600, 0x6FF), (0x750, 0x77F), (0x8A0, 0x8FF))


def _alnum_class() -> str:
    """The inside of a ``re`` class of the letters and digits in :data:`_LETTER_BLOCKS`."""
    ranges: list[tuple[int, int]] = []
    for low, high in _LETTER_BLOCKS:
        for code in range(low, high + 1):
            if chr(code).isalnum():
                if ranges and ranges[-1][1] == code - 1:
                    ranges[-1] = (ranges[-1][0], code)
                else:
                    ranges.append((code, code))
    return "".join(
        re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "") for a, b in ranges
    )


_ALNUM = _alnum_class()


def strings_of(pattern: str) -> frozenset[str]:
    """Every string a small finite pattern matches in full (``[وف]?ب?`` gives 6).

    Built from the letters and spaces written in the pattern, extending only
    strings the pattern could still match (``partial``); the pattern must spell
    its letters out (no escapes).
    """
    if "\\" in pattern:
        raise ValueError(f"pattern {pattern!r} must spell its letters out")
    compiled = regex.compile(pattern)
    alphabet = sorted({c for c in pattern if c.isalpha() or c == " "})
    found: set[str] = set()
    frontier = [""]
    for _ in range(_MAX_PREFIX + 1):
        grown = []
        for text in frontier:
            if compiled.fullmatch(text):
                found.add(text)
            grown.extend(text + c for c in alphabet if compiled.fullmatch(text + c, partial=True))
        frontier = grown
    if frontier:
        raise ValueError(f"pattern {pattern!r} matches strings longer than {_MAX_PREFIX}")
    return frozenset(found)


def trie_pattern(words: Iterable[str]) -> str:
    """A stdlib ``re`` alternation of ``words`` shaped as a trie (fast to try at each position)."""
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _emit(root) or "(?!)"


def _emit(node: dict[str, dict]) -> str:
    branches = [re.escape(char) + _emit(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return "(?:" + body + ")?" if "" in node else body


class StartFinder:
    """Where something described by a ``re`` pattern ``body`` may begin a word.

    Positions ``p`` where ``body`` matches and the character before (if any)
    is no letter or digit. Two scans: after a space (the most common case,
    found fastest as a literal) and after any other character outside a class
    of sure letters and digits.
    """

    def __init__(self, body: str, reach: int) -> None:
        self._after_space = re.compile(" (?=" + body + ")")
        self._after_other = re.compile("[^ " + _ALNUM + "](?=" + body + ")")
        self._reach = reach  # how far past a start ``body`` may look, plus one

    def starts(self, text: str, start: int, end: int) -> list[int]:
        """Positions in ``[start, end)`` where a word may start with ``body``, in order."""
        low, stop = max(0, start - 1), min(len(text), end + self._reach)
        found = [m.start() + 1 for m in self._after_space.finditer(text, low, stop)]
        other = [m.start() + 1 for m in self._after_other.finditer(text, low, stop)]
        if other:
            found = sorted(found + other)
        if start == 0 and self._after_space.match(" " + text[: self._reach]):
            found.insert(0, 0)  # at the very start, as if after a space
        return [p for p in found if start <= p < end]


def word_start_body(prefixes: Iterable[str], words: Iterable[str]) -> tuple[str, int]:
    """A ``re`` pattern for one of ``prefixes`` then the start of one of ``words``, and its reach."""
    prefix_set = set(prefixes) | {""}
    starts = {_LEADING_ALNUM.match(w).group() for w in words}  # type: ignore[union-attr]
    longest = max(len(p) for p in prefix_set)
    if len(prefix_set) * len(starts) <= _FOLDED_TRIE:
        body = trie_pattern({p + s for p in prefix_set for s in starts})
    else:
        letters = "".join(map(re.escape, sorted({c for p in prefix_set for c in p})))
        body = "[" + letters + "]{0," + str(longest) + "}" + trie_pattern(starts)
    return body, 1 + longest + max((len(s) for s in starts), default=0)


class WordFinder:
    """The matches of a word-list ``pattern`` in part of a text (see the module doc).

    :param pattern: the ``regex`` pattern, used exactly as compiled.
    :param prefixes: every string that may stand between a match start and the word.
    :param words: the listed words the pattern matches after a prefix.
    """

    def __init__(self, pattern: regex.Pattern[str], prefixes: Iterable[str], words: Iterable[str]):
        self.pattern = pattern
        prefix_set, word_set = set(prefixes), set(words)
        self._starts = StartFinder(*word_start_body(prefix_set, word_set))
        inner = {c for s in prefix_set | word_set for c in s}
        self._inner = frozenset(inner)
        # searching backwards: the last character that no match can hold
        self._outside_before = (
            regex.compile("(?r)[^" + "".join(map(re.escape, sorted(inner))) + "]")
            if inner
            else None
        )

    # ------------------------------------------------------------------ positions

    def safe_cut(self, text: str, position: int) -> int:
        """The nearest position at or before ``position`` that no match straddles."""
        if position <= 0:
            return 0
        position = min(position, len(text))
        if self._outside_before is None or position == len(text):
            return position
        if text[position] not in self._inner:
            return position
        found = self._outside_before.search(text, 0, position)
        return 0 if found is None else found.end()

    def starts(self, text: str, start: int, end: int) -> list[int]:
        """Positions in ``[start, end)`` where a match may start (a superset), in order."""
        return self._starts.starts(text, start, end)

    # ------------------------------------------------------------------ matches

    def from_cut(self, text: str, cut: int, end: int) -> Iterator[regex.Match[str]]:
        """The whole-text matches starting in ``[cut, end)``; ``cut`` must be a safe cut."""
        last = cut
        for position in self.starts(text, cut, end):
            if position < last:
                continue
            match = self.pattern.match(text, position)
            if match is not None:
                last = match.end()
                yield match

    def overlapping(self, text: str, start: int, end: int) -> list[regex.Match[str]]:
        """The whole-text matches that overlap ``[start, end)``, in order."""
        return [m for m in self.from_cut(text, self.safe_cut(text, start), end) if m.end() > start]

    def finditer(self, text: str, pos: int, endpos: int) -> Iterator[regex.Match[str]]:
        """``pattern.finditer(text, pos, endpos)``."""
        return matches_at(self.pattern, text, self.starts(text, pos, endpos), pos, endpos)

    def search(self, text: str, pos: int, endpos: int) -> regex.Match[str] | None:
        """``pattern.search(text, pos, endpos)``."""
        for position in self.starts(text, pos, endpos):
            match = self.pattern.match(text, position, endpos)
            if match is not None:
                return match
        return None
