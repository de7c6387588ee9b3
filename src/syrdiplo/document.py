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

    def timexes_in(self, start: int, end: int) -> tuple[Timex, ...]:
        """The timexes lying wholly within ``[start, end)``."""
        return tuple(t for t in self.timexes if start <= t.start and t.end <= end)

    def actors_in(self, start: int, end: int) -> tuple[Actor, ...]:
        """The actor mentions lying wholly within ``[start, end)``."""
        return tuple(
            a
            for a in self.actors
            if a.start is not None and a.end is not None and start <= a.start and a.end <= end
        )

    def claim_for(self, start: int, end: int) -> Claim | None:
        """The claim whose content span covers ``[start, end)``, or whose sentence holds it."""
        best: Claim | None = None
        for claim in self.claims:
            content = claim.content
            if content is not None and content.start <= start and end <= content.end:
                if (
                    best is None
                    or best.content is None
                    or content.end - content.start < best.content.end - best.content.start
                ):
                    best = claim
        if best is not None:
            return best
        sentence = self.sentence_at(start)
        if sentence is None:
            return None
        for claim in self.claims:
            if sentence.start <= claim.cue.start < sentence.end:
                return claim
        return None
