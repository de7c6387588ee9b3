"""The analysed article handed to extractors."""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterator

import attrs

from .lexicon import Lexicon
from .matching import Tokens
from .model import Actor, Article, Claim, Sentence, Span, Timex, Zone
from .text import NormalizedText

__all__ = ["Document"]


@attrs.frozen(kw_only=True)
class Document:
    """An article and everything the core stages found in it.

    Extractors receive a ``Document``; it is frozen, so one extractor cannot
    change what the next one sees. All offsets point into ``article.text``.

    :param normalized: the normalised text with its offset map (see :mod:`syrdiplo.text`).
    :param sentences: the sentences and lines, in order, each with its page zone.
    :param timexes: the date expressions, in order.
    :param actors: the actor mentions, in order.
    :param claims: the attributed statements, in order of their cue.
    :param lexicon: the language data in force (core plus plugins).
    """

    article: Article
    normalized: NormalizedText = attrs.field(eq=False, repr=False)
    sentences: tuple[Sentence, ...] = attrs.field(default=(), converter=tuple)
    timexes: tuple[Timex, ...] = attrs.field(default=(), converter=tuple)
    actors: tuple[Actor, ...] = attrs.field(default=(), converter=tuple)
    claims: tuple[Claim, ...] = attrs.field(default=(), converter=tuple)
    lexicon: Lexicon = attrs.field(eq=False, repr=False)

    @property
    def text(self) -> str:
        """The original article text."""
        return self.article.text

    def span(self, start: int, end: int, role: str | None = None) -> Span:
        """The :class:`Span` of ``text[start:end]``."""
        return self.article.span(start, end, role)

    @functools.cached_property
    def tokens(self) -> Tokens:
        """The words of the normalised text with their (normalised) offsets, built once.

        Look words up with :class:`syrdiplo.matching.PhraseMatcher` or
        :class:`~syrdiplo.matching.MatcherSet`; map offsets back with
        ``doc.normalized.original_span``.
        """
        return Tokens.of(self.normalized.text)

    # -- sentences

    @functools.cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence containing ``offset``, if any."""
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and self.sentences[i].start <= offset < max(
            self.sentences[i].end, self.sentences[i].start + 1
        ):
            return self.sentences[i]
        return None

    def body_sentences(self) -> Iterator[Sentence]:
        """The sentences outside boilerplate (title, headings and body)."""
        return (s for s in self.sentences if s.zone is not Zone.BOILERPLATE)

    def in_boilerplate(self, offset: int) -> bool:
        sentence = self.sentence_at(offset)
        return sentence is not None and sentence.zone is Zone.BOILERPLATE

    # -- things inside a stretch of text

    @functools.cached_property
    def _timex_starts(self) -> list[int]:
        return [t.start for t in self.timexes]

    def timexes_in(self, start: int, end: int) -> tuple[Timex, ...]:
        """The timexes lying wholly within ``[start, end)``."""
        lo = bisect.bisect_left(self._timex_starts, start)
        hi = bisect.bisect_left(self._timex_starts, end)
        return tuple(t for t in self.timexes[lo:hi] if t.end <= end)

    @functools.cached_property
    def _placed_actors(self) -> tuple[list[int], list[Actor]]:
        placed = sorted(
            (a for a in self.actors if a.start is not None and a.end is not None),
            key=lambda a: a.start or 0,
        )
        return [a.start or 0 for a in placed], placed

    def actors_in(self, start: int, end: int) -> tuple[Actor, ...]:
        """The actor mentions lying wholly within ``[start, end)``."""
        starts, placed = self._placed_actors
        lo = bisect.bisect_left(starts, start)
        hi = bisect.bisect_left(starts, end)
        return tuple(a for a in placed[lo:hi] if a.end is not None and a.end <= end)

    @functools.cached_property
    def _claim_contents(self) -> tuple[list[int], list[tuple[int, int, int]], int]:
        """Content spans as (start, end, index in claims), by start; and the longest length."""
        contents = sorted(
            (c.content.start, c.content.end, i)
            for i, c in enumerate(self.claims)
            if c.content is not None
        )
        longest = max((e - s for s, e, _ in contents), default=0)
        return [s for s, _, _ in contents], contents, longest

    @functools.cached_property
    def _cue_starts(self) -> tuple[list[int], list[int]]:
        cues = sorted((c.cue.start, i) for i, c in enumerate(self.claims))
        return [s for s, _ in cues], [i for _, i in cues]

    def claim_for(self, start: int, end: int) -> Claim | None:
        """The claim whose content span covers ``[start, end)``, or whose sentence holds it.

        Where several contents cover it, the narrowest wins (then the earliest claim).
        """
        starts, contents, longest = self._claim_contents
        best: tuple[int, int] | None = None  # (content length, claim index)
        i = bisect.bisect_right(starts, start) - 1
        while i >= 0 and contents[i][0] >= start - longest:
            cstart, cend, index = contents[i]
            if cstart <= start and end <= cend:
                key = (cend - cstart, index)
                if best is None or key < best:
                    best = key
            i -= 1
        if best is not None:
            return self.claims[best[1]]
        sentence = self.sentence_at(start)
        if sentence is None:
            return None
        cue_starts, indexes = self._cue_starts
        lo = bisect.bisect_left(cue_starts, sentence.start)
        hi = bisect.bisect_left(cue_starts, sentence.end)
        if lo >= hi:
            return None
        return self.claims[min(indexes[lo:hi])]
