"""The troops extractor: how many troops a country has, sends or withdraws.

    >>> import syrdiplo
    >>> result = syrdiplo.extract("ولدى الولايات المتحدة نحو 900 جندي في سوريا.")
    >>> [(e.country, e.count, e.approximate, e.location) for e in result.events]
    [('US', 900, True, 'Syria')]

What counts as a troop figure, and what does not, is described in
:mod:`syrdiplo_troops._reading`; the words are in ``data/troops.toml``.

Choices made for precision:

* A figure whose country cannot be told with confidence is dropped, not
  reported with ``country=None``: a count without a country answers no
  question a reader asks ("how many US troops?"), and it is always wrong
  against an annotation that names the country. ``TroopsExtractor(
  emit_unknown_country=True)`` keeps them.
* Vague plurals (``مئات الجنود``, ``آلاف الجنود``, ``عشرات العسكريين``) and
  ranges (``بين 500 و600 جندي``) are not counts and give no event. Bounds
  that are stated (``أكثر من 2000``, ``أقل من 1000``) are counts with
  ``approximate=True`` and ``bound="lower"``/``"upper"``.
* A figure with no country of its own, in an article whose other figures all
  belong to one country, is that country's ("وجود 5262 جنديا في العراق و503
  جنديا في سوريا" in a report on US troop numbers). ``TroopsExtractor(
  article_owner=False)`` turns this off.
* One event per ``(country, count)`` in an article: repeated mentions of the
  same figure (headline and body, or "sent 500 ... the 500 soldiers") are
  merged, keeping every mention's evidence spans. The first mention gives the
  qualifier and change; later ones fill in a missing location, date or claim.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

import syrdiplo

from ._lexicon import troop_lexicon
from ._reading import Occurrence, read_document

__all__ = ["TroopsExtractor"]


class TroopsExtractor:
    """Finds troop levels and changes (:class:`syrdiplo.TroopCount`) in an article.

    :param emit_unknown_country: also report figures whose country is unknown
        (``country=None``); off by default, for precision.
    :param article_owner: give a figure with no country the one country every other
        figure of the article belongs to.
    """

    name = "troops"

    def __init__(self, *, emit_unknown_country: bool = False, article_owner: bool = True) -> None:
        self.emit_unknown_country = emit_unknown_country
        self.article_owner = article_owner

    def extract(self, doc: syrdiplo.Document) -> Iterator[syrdiplo.TroopCount]:
        lex = troop_lexicon(doc.lexicon)
        merged: dict[tuple[str | None, int], tuple[Occurrence, list[syrdiplo.Span]]] = {}
        kept: dict[tuple[str | None, int], set[syrdiplo.Span]] = {}  # the evidence, for lookups
        occurrences = list(read_document(doc, lex))
        owners = {o.country for o in occurrences if o.country is not None}
        if self.article_owner and len(owners) == 1:
            (owner,) = owners
            occurrences = [
                o if o.country is not None else attrs.evolve(o, country=owner) for o in occurrences
            ]
        for occurrence in occurrences:
            if occurrence.country is None and not self.emit_unknown_country:
                continue
            spans = _spans(doc, occurrence)
            key = (occurrence.country, occurrence.count)
            if key not in merged:
                merged[key] = (occurrence, spans)
                kept[key] = set(spans)
                continue
            first, evidence = merged[key]
            for span in spans:
                if span not in kept[key]:
                    evidence.append(span)
                    kept[key].add(span)
            merged[key] = (
                Occurrence(
                    country=first.country,
                    count=first.count,
                    approximate=first.approximate,
                    bound=first.bound,
                    location=first.location or occurrence.location,
                    change=first.change,
                    date=first.date or occurrence.date,
                    claim=first.claim or occurrence.claim,
                    spans=first.spans,
                ),
                evidence,
            )
        for occurrence, evidence in merged.values():
            yield syrdiplo.TroopCount(
                country=occurrence.country,
                count=occurrence.count,
                approximate=occurrence.approximate,
                bound=occurrence.bound,
                location=occurrence.location,
                change=occurrence.change,
                date=occurrence.date,
                claim=occurrence.claim,
                evidence=tuple(evidence),
            )


def _spans(doc: syrdiplo.Document, occurrence: Occurrence) -> list[syrdiplo.Span]:
    """The evidence spans of one reading, mapped back to the original text."""
    spans = []
    for start, end, role in occurrence.spans:
        ostart, oend = doc.normalized.original_span(start, end)
        if oend > ostart:
            spans.append(doc.span(ostart, oend, role))
    return spans
