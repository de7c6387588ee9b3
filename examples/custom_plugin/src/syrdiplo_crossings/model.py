"""The event type this plugin adds: what happened to a border crossing."""

from __future__ import annotations

import enum

import attrs
import syrdiplo

__all__ = ["CrossingEvent", "CrossingStatus"]


class CrossingStatus(enum.StrEnum):
    """What the text says happened to the crossing."""

    OPENED = "opened"  # opened or reopened for aid
    CLOSED = "closed"  # closed, or reported closed
    EXTENDED = "extended"  # its authorisation renewed or extended
    EXPIRED = "expired"  # its authorisation ran out
    BLOCKED = "blocked"  # an opening or extension was vetoed or refused


@attrs.frozen(kw_only=True)
class CrossingEvent(syrdiplo.Event):
    """A humanitarian border crossing opened, closed, extended, expired or blocked.

    Serialised as ``{"type": "crossing", "crossing": ..., "country": ...,
    "status": ..., "date": ..., "months": ..., "evidence": [...], "claim": ...,
    "extractor": "crossings"}``.

    :param crossing: the crossing's English name from the lexicon (``"Bab al-Hawa"``).
    :param country: ISO code of the neighbour it leads to (``"TR"``).
    :param date: TIMEX value of the date given in the same sentence, if any.
    :param months: how long the opening or extension is (or would have been) for, when the text says.
    """

    type: str = attrs.field(init=False, default="crossing")
    crossing: str
    country: str | None = None
    status: CrossingStatus = attrs.field(converter=CrossingStatus)
    date: str | None = None
    months: int | None = None
