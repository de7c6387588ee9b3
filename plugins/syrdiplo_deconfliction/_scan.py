"""Running word-list patterns only where they can match.

The patterns of this plugin are ``regex`` patterns over long word lists with
attached prefixes. Searching a text with one is slow (every position is tried
against every entry), but matching one at a given position is fast. Every one
of them matches from the start of a word (a run of letters, marks and digits,
as in :attr:`syrdiplo.Document.tokens`), and the first word of a match is the
first word of an entry with a prefix and, for a one-word entry, a pronoun
suffix attached. :class:`Keyed` runs its pattern only at words that can be
such a word, which gives exactly the matches ``pattern.finditer`` would give,
in a fraction of the time.

Which words can be is decided by their *shape*: the word cut into the
run of prefix letters it starts with, a *key*, and the run of suffix letters it
ends with ("والتزامها" is و-ال + تزام + ها). Every prefix (و ف س ب ك ل ال لل)
and suffix (ه ها هما هم نا) is made of :data:`PREFIX_LETTERS` and
:data:`SUFFIX_LETTERS` only, and no suffix starts with a prefix letter, so
``prefix + entry + suffix`` has the key of ``entry``, and its runs extend
those of ``entry`` outwards by the prefix and the suffix.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

import attrs
import regex

from syrdiplo.text import normalize_word

if TYPE_CHECKING:
    from syrdiplo.matching import Tokens

__all__ = ["Keyed", "Snippet", "StartIndex", "Words", "plain_entries", "shapes"]

#: A word, as in :class:`syrdiplo.matching.Tokens`.
TOKEN = regex.compile(r"[\p{L}\p{M}\p{N}]+")
#: The letters attached prefixes are made of (و ف س ب ك ل ال لل).
PREFIX_LETTERS = "وفسبكال"
#: The letters pronoun suffixes are made of (ه ها هما هم نا).
SUFFIX_LETTERS = "همان"
#: The longest prefix any pattern allows ("وس" + "بال"), and the longest suffix ("هما").
LONGEST_PREFIX = 6
LONGEST_SUFFIX = 3
_PLAIN = regex.compile(r"[\p{L}\p{M}\p{N}]+(?: [\p{L}\p{M}\p{N}]+)*")

#: For each key, the prefix-letter and suffix-letter runs of the entries with that key.
Shapes = Mapping[str, tuple[tuple[str, str], ...]]


def plain_entries(entries: Iterable[str]) -> list[str] | None:
    """The entries normalised as :func:`syrdiplo.text.compile_pattern` does, if all are plain.

    Plain: words of letters, marks and digits joined by single spaces. ``None``
    when one is not (a hyphen, a quote): then the words a match starts with are unknown.
    """
    out = []
    for entry in entries:
        norm = normalize_word(entry)
        if not norm:
            continue
        if not _PLAIN.fullmatch(norm):
            return None
        out.append(norm)
    return out


def _split(word: str) -> tuple[str, str, str]:
    """``word`` as (prefix letters, key, suffix letters), each run taken greedily."""
    rest = word.lstrip(PREFIX_LETTERS)
    key = rest.rstrip(SUFFIX_LETTERS)
    return word[: len(word) - len(rest)], key, rest[len(key) :]


def shapes(entries: Iterable[str] | None, *extra: str) -> Shapes | None:
    """The shapes of the first words of ``entries`` (plain, normalised) and of ``extra`` words."""
    if entries is None:
        return None
    out: dict[str, set[tuple[str, str]]] = {}
    for entry in (*entries, *extra):
        left, key, right = _split(entry.split(" ")[0])
        out.setdefault(key, set()).add((left, right))
    return {key: tuple(sorted(found)) for key, found in out.items()}


class StartIndex:
    """Which patterns can start at a word, for a set of :class:`Keyed` patterns.

    A pattern whose first words are spelt out (:attr:`Keyed.forms`) is looked
    for in the whole article at once (:meth:`Words.spelt`), as are the words of
    ``spelt``. Every other pattern gets a bit (:attr:`Keyed.bit`): :meth:`mask`
    gives a word's bits, remembered for the next time (up to ``limit`` words,
    then forgotten all at once).
    """

    def __init__(
        self, patterns: Iterable[Keyed], spelt: Iterable[frozenset[str]], limit: int = 50_000
    ) -> None:
        self._shapes: dict[str, list[tuple[Keyed, str, str]]] = {}
        self.spelt = list(spelt)
        number = 0
        for keyed in patterns:
            if keyed.forms is not None:
                self.spelt.append(keyed.forms)
                continue
            keyed.bit = 1 << number
            number += 1
            for key, known in (keyed.shapes or {}).items():
                for left, right in known:
                    self._shapes.setdefault(key, []).append((keyed, left, right))
        self.any_spelt = frozenset().union(*self.spelt)
        self._memo: dict[str, int] = {}
        self._limit = limit

    def mask(self, word: str) -> int:
        """The bits of the patterns a match of which can start at ``word``.

        A word that can start no entry of several words is matched alone: then
        the bit says whether the pattern matches there (whatever follows the
        word, a match cannot go past it).
        """
        mask = self._memo.get(word)
        if mask is None:
            mask = 0
            left, key, right = _split(word)
            for keyed, entry_left, entry_right in self._shapes.get(key, ()):
                if not mask & keyed.bit and _fits(left, right, entry_left, entry_right):
                    if keyed.opens_phrase(left, key, right) or keyed.pattern.match(word):
                        mask |= keyed.bit
            if len(self._memo) >= self._limit:
                self._memo.clear()
            self._memo[word] = mask
        return mask


def _fits(left: str, right: str, entry_left: str, entry_right: str) -> bool:
    """Whether a word cut as ``left`` + key + ``right`` is an entry cut so, with affixes."""
    return (
        left.endswith(entry_left)
        and len(left) - len(entry_left) <= LONGEST_PREFIX
        and right.startswith(entry_right)
        and len(right) - len(entry_right) <= LONGEST_SUFFIX
    )


class Words:
    """The words of one normalised text, with the bits of the patterns each can start.

    The bits are looked up for a stretch of words when first asked for
    (:meth:`masks`): most of an article is never looked at.
    """

    def __init__(
        self,
        text: str,
        tokens: Tokens,
        index: StartIndex,
        dates: Iterable[tuple[int, int]] = (),
    ) -> None:
        self.text = text
        #: The spans of the text's date expressions, in order: a comma-enclosed one is a
        #: time adverb a cue may reach across ("علقت روسيا، في الرابع من أيار، العمل ...").
        self.dates = sorted(dates)
        self.starts = tokens.starts
        self.ends = tokens.ends
        self.words = words = tokens.words
        self.index = index
        self._masks: list[int | None] = [None] * len(words)
        self._spelt: dict[int, list[int]] = {}
        hits = index.any_spelt.intersection(words)
        positions = [i for i, w in enumerate(words) if w in hits] if hits else []
        for forms in index.spelt:
            mine = hits & forms
            self._spelt[id(forms)] = [i for i in positions if words[i] in mine] if mine else []

    def spelt(self, forms: frozenset[str]) -> list[int]:
        """The words spelt as in ``forms`` (one of ``index.spelt``), in order."""
        return self._spelt[id(forms)]

    def masks(self, first: int, stop: int) -> list[int]:
        """The bits of words ``first`` to ``stop - 1``."""
        masks = self._masks[first:stop]
        if None in masks:
            masks = list(map(self.index._memo.get, self.words[first:stop]))
            if None in masks:
                mask, words = self.index.mask, self.words
                masks = [mask(words[first + k]) if m is None else m for k, m in enumerate(masks)]
            self._masks[first:stop] = masks
        return masks  # type: ignore[return-value]

    def first_at(self, offset: int) -> int:
        """The index of the first word starting at or after ``offset``."""
        return bisect.bisect_left(self.starts, offset)

    def cuts(self, offset: int) -> bool:
        """Whether ``offset`` falls inside a word (not at its start or end)."""
        text = self.text
        if not 0 < offset < len(text) or text[offset].isspace() or text[offset - 1].isspace():
            return False
        i = bisect.bisect_right(self.starts, offset) - 1
        return i >= 0 and self.starts[i] < offset < self.ends[i]


class Snippet:
    """A string (not the article text) to look for word-list patterns in, word by word."""

    def __init__(self, string: str, index: StartIndex) -> None:
        self.string = string
        self.index = index
        self._words: list[tuple[int, int, int]] | None = None
        self._source: tuple[Words, int, int, tuple[tuple[int, int], ...]] | None = None

    @classmethod
    def of_text(
        cls, words: Words, start: int, end: int, blanked: Iterable[tuple[int, int]] = ()
    ) -> Snippet:
        """``words.text[start:end]`` with the stretches ``blanked`` (relative offsets,
        whole words) turned to spaces; its words are then found among the article's.
        """
        string = words.text[start:end]
        blanked = tuple(blanked)
        for blank_start, blank_end in blanked:
            string = string[:blank_start] + " " * (blank_end - blank_start) + string[blank_end:]
        snippet = cls(string, words.index)
        snippet._source = (words, start, end, blanked)
        return snippet

    @property
    def listed(self) -> bool:
        """Whether :attr:`words` lists only the words some pattern can start at."""
        return self._source is not None

    @property
    def words(self) -> list[tuple[int, int, int]]:
        """Each word's start, end and start bits (for a snippet of the article, only
        the words some pattern can start at).
        """
        if self._words is None:
            if self._source is None:
                mask = self.index.mask
                self._words = [
                    (w.start(), w.end(), mask(w.group())) for w in TOKEN.finditer(self.string)
                ]
            else:
                self._words = _article_words(*self._source)
        return self._words


def _article_words(
    words: Words, start: int, end: int, blanked: tuple[tuple[int, int], ...]
) -> list[tuple[int, int, int]]:
    """The words of ``words.text[start:end]`` some pattern can start at, outside ``blanked``."""
    text, starts, ends = words.text, words.starts, words.ends
    first = bisect.bisect_right(ends, start)  # the first word ending after ``start``
    stop = bisect.bisect_left(starts, end, first)
    found = []
    for offset, mask in enumerate(words.masks(first, stop)):
        i = first + offset
        word_start, word_end = max(starts[i], start), min(ends[i], end)
        if word_start != starts[i] or word_end != ends[i]:  # cut short: another word
            mask = words.index.mask(text[word_start:word_end])
        word_start -= start
        word_end -= start
        if mask and not any(s <= word_start and word_end <= e for s, e in blanked):
            found.append((word_start, word_end, mask))
    return found


@attrs.define(eq=False)
class Keyed:
    """A pattern whose every match starts at a word of one of ``shapes``.

    :param shapes: the shapes of the first words of the entries (see :func:`shapes`);
        ``None`` when unknown: the pattern is then searched for as usual.
    :param phrases: the shapes of the words a match of several words can start
        with; ``None`` when any word can (a match never ends with its first word).
    :param forms: every word a match can start with, spelt out (a short list):
        then the article's words are looked up in it all at once.
    :param bit: the pattern's bit in its :class:`StartIndex` (without ``forms``).
    """

    pattern: regex.Pattern[str]
    shapes: Shapes | None
    phrases: Shapes | None = None
    forms: frozenset[str] | None = None
    bit: int = 0

    @classmethod
    def of(
        cls,
        pattern: regex.Pattern[str],
        entries: Iterable[str],
        *,
        openers: Iterable[str] = (),
        alone: bool = True,
    ) -> Keyed:
        """``pattern`` over ``entries`` (or preceded by ``openers``, words that open a phrase).

        With ``alone`` a one-word entry is matched by the word alone; without,
        a match always goes on past its first word.
        """
        plain = plain_entries(entries)
        if plain is None:
            return cls(pattern, None)
        openers = tuple(openers)
        phrases = shapes([e for e in plain if " " in e], *openers) if alone else None
        return cls(pattern, shapes(plain, *openers), phrases)

    def opens_phrase(self, left: str, key: str, right: str) -> bool:
        """Whether a word cut so may start a match of more than one word."""
        if self.phrases is None:
            return True
        return any(_fits(left, right, el, er) for el, er in self.phrases.get(key, ()))

    def candidates(self, words: Words, start: int, end: int) -> list[int]:
        """The words in ``[start, end)`` a match may start at (the last one perhaps cut by ``end``)."""
        starts, bit, forms = words.starts, self.bit, self.forms
        first = bisect.bisect_left(starts, start)
        stop = bisect.bisect_left(starts, end, first)
        if forms is None:
            found = [first + k for k, mask in enumerate(words.masks(first, stop)) if mask & bit]
        else:
            spelt = words.spelt(forms)
            lo = bisect.bisect_left(spelt, first)
            found = spelt[lo : bisect.bisect_left(spelt, stop, lo)]
        # The last word, cut short by ``end``, is another word.
        last = stop - 1
        if last >= first and words.ends[last] > end:
            if found and found[-1] == last:
                found.pop()
            cut = words.text[starts[last] : end]
            if cut in forms if forms is not None else words.index.mask(cut) & bit:
                found.append(last)
        return found

    def findall(self, words: Words, start: int, end: int) -> list[regex.Match[str]]:
        """The matches ``pattern.finditer(words.text, start, end)`` gives."""
        text = words.text
        if self.shapes is None:
            return list(self.pattern.finditer(text, start, end))
        match, starts = self.pattern.match, words.starts
        out = []
        last = start
        for i in self.candidates(words, start, end):
            if starts[i] >= last:
                found = match(text, starts[i], end)
                if found is not None:
                    out.append(found)
                    last = found.end()
        return out

    def search(self, words: Words, start: int, end: int) -> regex.Match[str] | None:
        """What ``pattern.search(words.text, start, end)`` gives."""
        text = words.text
        if self.shapes is None:
            return self.pattern.search(text, start, end)
        match, starts = self.pattern.match, words.starts
        for i in self.candidates(words, start, end):
            found = match(text, starts[i], end)
            if found is not None:
                return found
        return None

    def search_in(self, snippet: Snippet, end: int | None = None) -> regex.Match[str] | None:
        """What ``pattern.search(snippet.string, 0, end)`` gives."""
        string = snippet.string
        stop = len(string) if end is None else end
        if self.shapes is None or self.forms is not None or (end and snippet.listed):
            # Unknown first words, or words the snippet does not list.
            return self.pattern.search(string, 0, stop)
        bit, match = self.bit, self.pattern.match
        for at, word_end, mask in snippet.words:
            if at >= stop:
                break
            if word_end > stop:  # cut short by ``end``: another word
                mask = snippet.index.mask(string[at:stop])
            if mask & bit:
                found = match(string, at, stop)
                if found is not None:
                    return found
        return None
