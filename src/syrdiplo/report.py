"""A readable, plain-text summary of a result (``syrdiplo extract --format text``)."""

from __future__ import annotations

from .model import Actor, Deconfliction, Event, Meeting, Result, TroopCount

__all__ = ["format_result"]


def _who(actor: Actor) -> str:
    name = actor.canonical or actor.name
    return f"{name} ({actor.country})" if actor.country else name


def _event_line(event: Event) -> str:
    if isinstance(event, Meeting):
        people = ", ".join(_who(p) for p in event.participants) or "?"
        where = f" in {event.location}" if event.location else ""
        return f"{event.kind} [{event.status}] {event.date or 'date unknown'}{where}: {people}"
    if isinstance(event, TroopCount):
        about = "about " if event.approximate else ""
        where = f" in {event.location}" if event.location else ""
        change = "" if event.change == "level" else f" ({event.change})"
        return f"troops: {event.country or '?'} {about}{event.count:,}{where}{change}"
    if isinstance(event, Deconfliction):
        parties = "-".join(event.parties) or "?"
        return f"deconfliction {parties}: {event.status} ({event.date or 'date unknown'})"
    return f"{event.type}: " + ", ".join(s.text for s in event.evidence[:2])


def format_result(result: Result) -> str:
    """A few lines per article: dates, who said what, and the events."""
    article = result.article
    lines = [f"== {article.id} (published {article.published or 'unknown'})"]
    for error in result.errors:
        where = f" [{error.plugin}/{error.extractor}]" if error.plugin else ""
        lines.append(f"  ! {error.stage}{where}: {error.message}")
    if result.timexes:
        dated = [f"{t.text} = {t.value}" for t in result.timexes if t.value]
        if dated:
            lines.append("  dates:  " + " | ".join(dated))
    for claim in result.claims:
        source = (
            f" (via {', '.join(s.canonical or s.name for s in claim.source_chain)})"
            if claim.source_chain
            else ""
        )
        lines.append(f"  claim:  {_who(claim.speaker)} {claim.cue.text}{source}")
    for event in result.events:
        claim = f"  <- {_who(event.claim.speaker)}" if event.claim else ""
        lines.append(f"  event:  {_event_line(event)}{claim}")
    if len(lines) == 1:
        lines.append("  (nothing found)")
    return "\n".join(lines)
