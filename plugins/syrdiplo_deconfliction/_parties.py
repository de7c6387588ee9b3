"""Who the mechanism is between.

The extractor reports the Russia-US channel only. A mention is taken to be
about it when:

1. it is followed by "بين X و Y" naming two states: those are the parties (Syria
   included: "التنسيق العسكري بين دمشق وموسكو" is another channel);
2. a state other than the pair named right after it ("التنسيق العسكري الروسي
   السوري", "الخط الساخن الروسي الإسرائيلي") makes it another channel;
3. else its sentence names both Russia and the US (by name, capital,
   adjective, people, an alias such as "التحالف الدولي", or an actor's country);
4. else its sentence names one of them or neither, and no third state, and the
   two sentences before it (or the title) supply the rest;
5. else the article as a whole names both (not for ``needs = "parties"``
   mechanisms such as "التنسيق العسكري", which must name them close by).

A sentence that pairs one of them with a third state ("آلية منع الاحتكاك بين
روسيا وإسرائيل", "التنسيق العسكري الروسي التركي") is about another channel.
Syria is the theatre, never a party.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Sequence

import attrs
import regex

import syrdiplo

from ._mentions import PUNCT, Clause, Mention
from ._patterns import Patterns
from ._scan import Words

__all__ = ["PartyFinder"]

_BETWEEN = regex.compile(r"\G[\s\"'«»“”]*(?:[\p{L}]+\s+){0,2}?بين\s+")
#: How many characters after "بين" are read for the states it names (up to a
#: preposition or punctuation).
_BETWEEN_REACH = 60
#: A word right after a mention, read for a state adjective ("الروسي السوري").
_NEXT_WORD = regex.compile(r"\G\s+([\p{L}]+)")


@attrs.define
class PartyFinder:
    """Countries per clause of one document, computed lazily and kept."""

    doc: syrdiplo.Document
    pats: Patterns
    clauses: Sequence[Clause]
    words: Words
    _cache: dict[int, frozenset[str]] = attrs.field(factory=dict)

    def countries(self, start: int, end: int, *, theatre: bool = False) -> frozenset[str]:
        """States named in the normalised stretch ``[start, end)``; Syria only with ``theatre``."""
        codes = self._named(start, end)
        starts, ends, countries = self._actors
        if starts:
            ostart, oend = self.doc.normalized.original_span(start, end)
            for i in range(bisect.bisect_left(starts, ostart), bisect.bisect_right(starts, oend)):
                if ends[i] <= oend:
                    codes.add(countries[i])
        return frozenset(codes) if theatre else frozenset(codes) - self.pats.theatre

    def _named(self, start: int, end: int) -> set[str]:
        """The codes of the country names in ``[start, end)`` (what a search with
        ``pats.countries`` finds there); a word that starts no longer name is
        looked up in ``pats.country_of``.
        """
        pats, words = self.pats, self.words
        keyed, memo, phrases = pats.countries, pats.country_of, pats.country_phrases
        if phrases is None:
            return {m.lastgroup[2:] for m in keyed.findall(words, start, end) if m.lastgroup}
        text, starts, ends, spelling = words.text, words.starts, words.ends, words.words
        codes = set()
        last = start
        for i in keyed.candidates(words, start, end):
            at = starts[i]
            if at < last:
                continue
            word = spelling[i]
            if ends[i] <= end and word not in phrases:
                if word not in memo:
                    alone = keyed.pattern.match(word)
                    memo[word] = None if alone is None else (alone.lastgroup or "")[2:]
                code = memo[word]
                if code is not None:
                    last = ends[i]
                    if code:
                        codes.add(code)
                continue
            match = keyed.pattern.match(text, at, end)
            if match is not None:
                last = match.end()
                if match.lastgroup:
                    codes.add(match.lastgroup[2:])
        return codes

    @functools.cached_property
    def _actors(self) -> tuple[list[int], list[int], list[str]]:
        """The actors with a country, by start: starts, ends and countries."""
        found = sorted(
            (a.start, a.end, a.country)
            for a in self.doc.actors
            if a.start is not None and a.end is not None and a.country
        )
        return [s for s, _, _ in found], [e for _, e, _ in found], [c for _, _, c in found]

    def of_clause(self, position: int) -> frozenset[str]:
        if position not in self._cache:
            clause = self.clauses[position]
            self._cache[position] = self.countries(clause.start, clause.end)
        return self._cache[position]

    @functools.cached_property
    def _positions(self) -> dict[int, int]:
        return {clause.index: i for i, clause in enumerate(self.clauses)}

    @functools.cached_property
    def article_pair(self) -> bool:
        """Whether the article names both Russia and the US somewhere outside boilerplate."""
        found: set[str] = set()
        for position in range(len(self.clauses)):
            found |= self.of_clause(position)
        return set(self.pats.pair) <= found

    def _between(self, mention: Mention) -> frozenset[str]:
        text = self.doc.normalized.text
        match = _BETWEEN.match(text, mention.end, mention.clause.end)
        if match is None:
            return frozenset()
        end = min(mention.clause.end, match.end() + _BETWEEN_REACH)
        for pattern in (self.pats.between_stops, PUNCT):
            found = pattern.search(text, match.end(), end)
            if found is not None:
                end = found.start()
        return self.countries(match.end(), end, theatre=True)

    def _adjacent(self, mention: Mention) -> frozenset[str]:
        """States named inside the mention, or by the adjectives right after it.

        "قناة الاتصال مع إسرائيل لمنع الاصطدام", "التنسيق العسكري الروسي السوري":
        an adjective attached to the mechanism names its parties, Syria included.
        """
        text = self.doc.normalized.text
        codes = set(self.countries(mention.start, mention.end))
        position = mention.end
        for _ in range(2):
            word = _NEXT_WORD.match(text, position, mention.clause.end)
            if word is None or not word.group(1).startswith("ال"):
                break
            country = self.pats.countries.pattern.fullmatch(text, word.start(1), word.end(1))
            if country is None or country.lastgroup is None:
                break
            codes.add(country.lastgroup[2:])
            position = word.end()
        return frozenset(codes)

    def parties(self, mention: Mention) -> tuple[str, ...] | None:
        """The pair the mention is about, or ``None`` when it is not the Russia-US channel."""
        pair = frozenset(self.pats.pair)
        between = self._between(mention)
        if len(between) >= 2:
            return self._pair_or_none(between)
        if self._adjacent(mention) - pair:
            return None
        position = self._positions[mention.clause.index]
        here = self.of_clause(position)
        if pair <= here:
            return self.pats.pair
        if here - pair:
            return None  # one side with a third state, or other states only
        near = set(here)
        reach = 1 if mention.needs == "parties" else 2
        for back in range(1, reach + 1):
            if position - back >= 0:
                near |= self.of_clause(position - back)
        if mention.needs != "parties":
            for title in (i for i, c in enumerate(self.clauses) if c.title):
                near |= self.of_clause(title)
        if pair <= near:
            return self.pats.pair
        if mention.needs != "parties" and self.article_pair:
            return self.pats.pair
        return None

    def _pair_or_none(self, codes: frozenset[str]) -> tuple[str, ...] | None:
        return self.pats.pair if codes == frozenset(self.pats.pair) else None
