"""The meetings extractor: who met, phoned or negotiated with whom, when, where.

For every sentence outside boilerplate and captions (and photo captions left in
the body, "... (رويترز)") it finds trigger words by kind (``meeting``: التقى،
لقاء، اجتماع، قمة، زيارة، استقبل; ``call``: اتصال هاتفي، مكالمة، هاتفيا، عبر
الفيديو; ``talks``: حوار، مشاورات، مفاوضات، مباحثات، بحث ... مع), collects the
parties from the actors around each trigger, its own date, place and status,
and merges the mentions of one real-world event into one
:class:`~syrdiplo.Meeting` with every piece of evidence kept.

An event needs at least two distinct parties, one of them a state (two
countries, or a country and a stateless person such as a UN envoy), or a
multilateral format with listed parties ("بصيغة أستانة": Russia, Turkey, Iran).
A definite mention with no parties of its own ("أثناء المكالمة") only adds
evidence to an event named earlier; "الرئيسان" or a dual verb with no party
named takes the pair of the event just before. Events that rest on headings
alone are dropped: inside a page they are mostly links to other articles.

The words are in ``data/meetings.toml`` (registered as the lexicon table
``meetings``); places and states come from the core ``places`` and
``countries`` tables.
"""

from __future__ import annotations

from collections.abc import Iterator

import syrdiplo

from ._context import Context
from ._mentions import find_mentions
from ._merge import Group, merge_mentions
from ._rules import rules_for

__all__ = ["MeetingsExtractor"]


class MeetingsExtractor:
    """Finds meetings, calls and talks (see the module docstring)."""

    name = "meetings"

    def extract(self, doc: syrdiplo.Document) -> Iterator[syrdiplo.Event]:
        rules = rules_for(doc.lexicon)
        tokens = doc.tokens
        if next(rules.triggers.find(tokens), None) is None:
            return
        ctx = Context(doc, rules, tokens)
        mentions = [m for sentence in doc.sentences for m in find_mentions(ctx, sentence)]
        groups = merge_mentions(mentions, dict(rules.anaphors), rules.singular_contacts)
        for group in groups:
            yield _meeting(ctx, group)


def _identity(actor: syrdiplo.Actor) -> tuple[str | None, ...]:
    if actor.type is syrdiplo.ActorType.PERSON:
        return ("person", actor.canonical or actor.name, actor.country)
    return (actor.type.value, actor.country or actor.canonical or actor.name)


def _meeting(ctx: Context, group: Group) -> syrdiplo.Meeting:
    doc = ctx.doc
    spans: dict[tuple[int, int, str], syrdiplo.Span] = {}
    participants: dict[tuple[str | None, ...], syrdiplo.Actor] = {}

    def add(start: int, end: int, role: str, *, normalised: bool = True) -> None:
        if normalised:
            start, end = ctx.original(start, end)
        if 0 <= start < end <= len(doc.text) and (start, end, role) not in spans:
            spans[start, end, role] = doc.span(start, end, role)

    for mention in sorted(group.mentions, key=lambda m: m.trigger.start):
        for trigger in mention.triggers:
            add(trigger.start, trigger.end, "trigger")
        for modifier in mention.modifiers:
            add(*modifier, "trigger")
        for party in mention.parties:
            actor = party.actor
            participants.setdefault(_identity(actor), actor)
            if actor.start is not None and actor.end is not None:
                add(actor.start, actor.end, "participant", normalised=False)
            elif party.start >= 0:
                add(party.start, party.end, "participant")
        dated = mention.date or (mention.report_date if group.real_date is None else None)
        if dated is not None:
            timex = dated[2]
            add(timex.start, timex.end, "date", normalised=False)
        if mention.location is not None:
            add(mention.location[0], mention.location[1], "location")
    date = group.date
    return syrdiplo.Meeting(
        kind=group.kind,
        status=group.status,
        date=date.value if date is not None else None,
        participants=tuple(participants.values()),
        location=group.location,
        evidence=tuple(sorted(spans.values(), key=lambda s: (s.start, s.end, s.role or ""))),
        claim=group.claim,
    )
