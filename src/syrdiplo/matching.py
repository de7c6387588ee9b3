"""Finding listed words and phrases in normalised text, one token at a time.

Public so that every stage and plugin can share one tokenisation of an article
(:attr:`syrdiplo.Document.tokens`) and look words up in dictionaries instead of
running large regex alternations over the whole text.

Large word lists (every inflected trigger, every status cue) are looked up in
dictionaries rather than compiled into one regex alternation: the text is cut
into tokens once, and at each token the matcher strips the attached prefixes it
was given (و، ف، ب، ل، ك، ال، س ...) and looks the rest up, joining the next
tokens for multi-word entries. The longest entry wins, then the shortest prefix.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import attrs
import regex

__all__ = ["CONJUNCTIONS", "NOUN_PREFIXES", "Hit", "MatcherSet", "PhraseMatcher", "Tokens"]

_TOKEN = regex.compile(r"[\p{L}\p{M}\p{N}]+")
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
        matches = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
        starts = tuple(s for s, _ in matches)
        ends = tuple(e for _, e in matches)
        words = tuple(text[s:e] for s, e in matches)
        gaps = [text[ends[i] : starts[i + 1]] for i in range(len(matches) - 1)]
        spaced = (*(g.strip(" ") == "" for g in gaps), False)
        loose = (*(bool(_LOOSE_GAP.match(g)) for g in gaps), False)
        return cls(text, starts, ends, words, spaced, loose)

    def __len__(self) -> int:
        return len(self.words)


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
    """Finds the entries of a table (normalised phrases of one or more words)."""

    def __init__(
        self, entries: Mapping[str, Any], prefixes: Iterable[str] = ("",), *, loose: bool = False
    ) -> None:
        self.entries = dict(entries)
        self.prefixes = frozenset(prefixes)
        self.longest_prefix = max((len(p) for p in self.prefixes), default=0)
        self.longest = max((e.count(" ") + 1 for e in self.entries), default=1)
        self.heads = {e.split(" ")[0] for e in self.entries}
        self.loose = loose

    def __contains__(self, entry: object) -> bool:
        return entry in self.entries

    def at(self, tokens: Tokens, i: int) -> Hit | None:
        """The longest entry starting at token ``i``, if any."""
        word = tokens.words[i]
        joined = tokens.loose if self.loose else tokens.spaced
        best: Hit | None = None
        for size in range(min(self.longest_prefix, len(word) - 2) + 1):
            prefix = word[:size]
            if prefix not in self.prefixes:
                continue
            heads = [(word[size:], size, prefix)]
            if prefix.endswith("لل"):  # ل + the article: "للولايات المتحدة"
                heads.append(("ال" + word[size:], size - 2, prefix[:-2] + "ل"))
            for head, offset, shown in heads:
                if head not in self.heads:
                    continue
                phrase = head
                last = i
                candidate = None
                while True:
                    if phrase in self.entries:
                        candidate = (phrase, last)
                    if last - i + 1 >= self.longest or not joined[last]:
                        break
                    last += 1
                    phrase = phrase + " " + tokens.words[last]
                if candidate is None:
                    continue
                entry, end_token = candidate
                if best is not None and end_token <= best.last:
                    continue
                best = Hit(
                    start=tokens.starts[i],
                    end=tokens.ends[end_token],
                    word_start=tokens.starts[i] + offset,
                    first=i,
                    last=end_token,
                    prefix=shown,
                    entry=entry,
                    value=self.entries[entry],
                )
        return best

    def find(self, tokens: Tokens, first: int = 0, last: int | None = None) -> Iterator[Hit]:
        """Entries in tokens ``first..last``, left to right, not overlapping."""
        stop = len(tokens) if last is None else min(last, len(tokens))
        i = first
        while i < stop:
            hit = self.at(tokens, i)
            if hit is None:
                i += 1
                continue
            yield hit
            i = hit.last + 1


class MatcherSet:
    """Several matchers run over a text in one pass.

    Each token is split once into (prefix, head) pairs, and only the matchers
    holding that head look further, so the cost hardly grows with the number
    of lists.
    """

    def __init__(self, matchers: Mapping[str, PhraseMatcher]) -> None:
        self.matchers = dict(matchers)
        self.index: dict[str, set[str]] = {}
        for name, matcher in self.matchers.items():
            for head in matcher.heads:
                self.index.setdefault(head, set()).add(name)
        self.longest_prefix = max((m.longest_prefix for m in self.matchers.values()), default=0)

    def find(self, tokens: Tokens) -> dict[str, list[Hit]]:
        """Every matcher's hits, as :meth:`PhraseMatcher.find` would give them."""
        found: dict[str, list[Hit]] = {name: [] for name in self.matchers}
        free = dict.fromkeys(self.matchers, 0)  # the first token each matcher may start at
        index = self.index
        for i, word in enumerate(tokens.words):
            names: set[str] = set()
            for size in range(min(self.longest_prefix, len(word) - 2) + 1):
                head = word[size:]
                if head in index:
                    names |= index[head]
                if size >= 2 and word[size - 2 : size] == "لل" and "ال" + head in index:
                    names |= index["ال" + head]
            for name in names:
                if i < free[name]:
                    continue
                hit = self.matchers[name].at(tokens, i)
                if hit is not None:
                    found[name].append(hit)
                    free[name] = hit.last + 1
        return found
