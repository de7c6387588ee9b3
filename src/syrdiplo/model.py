"""The value types: articles, spans, dates, actors, claims and events.

Every type is an immutable, hashable ``attrs`` class built with keyword
arguments only. Collections are tuples (lists are accepted and converted), so
events can be put in sets and compared. Offsets (``start``/``end``) are Python
``str`` indices into :attr:`Article.text`, the text exactly as it was given.

Validation happens at the boundary: :meth:`Article.from_dict`, the serializer's
``from_dict``, and the pipeline when it collects what plugins return
(:func:`check_event`). The constructors only reshape (list to tuple, str to enum).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterator, Mapping
from typing import Any

import attrs
import regex

from .errors import InputError

__all__ = [
    "Actor",
    "ActorType",
    "Article",
    "Claim",
    "Deconfliction",
    "DeconflictionStatus",
    "Event",
    "Meeting",
    "MeetingKind",
    "MeetingStatus",
    "Modifier",
    "Precision",
    "ProcessingError",
    "Result",
    "Sentence",
    "Span",
    "Timex",
    "TroopChange",
    "TroopCount",
    "Zone",
    "event_types",
]

_TIMEX_VALUE = regex.compile(
    r"""^(?:
        \d{4}(?:-(?:\d{2}(?:-\d{2}(?:T\d{2}:\d{2})?)?|W\d{2}))?      # 2021, 2021-07, 2021-07-27(T18:37), 2016-W33
        (?:/\d{4}(?:-(?:\d{2}(?:-\d{2}(?:T\d{2}:\d{2})?)?|W\d{2}))?)?  # an optional /end of a range
    )$""",
    regex.VERBOSE,
)
_COUNTRY = regex.compile(r"^[A-Z]{2}$")


# --------------------------------------------------------------------------- vocabularies


class Precision(enum.StrEnum):
    """How precise a date value is."""

    TIME = "time"
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"
    RANGE = "range"
    DECADE = "decade"
    NONE = "none"  # a date expression that names no calendar value ("في وقت سابق")


class Modifier(enum.StrEnum):
    """Where in the named period: مطلع/أوائل (start), منتصف (mid), أواخر/نهاية (end)."""

    START = "start"
    MID = "mid"
    END = "end"
    APPROX = "approx"  # نحو، حوالي before a date


class ActorType(enum.StrEnum):
    PERSON = "person"
    ORGANIZATION = "organization"
    STATE = "state"
    ANONYMOUS = "anonymous"


class Zone(enum.StrEnum):
    """Which part of a scraped page a sentence belongs to."""

    TITLE = "title"  # the headline, usually the first line
    HEADING = "heading"  # a short line with no closing punctuation: subheading or link text
    BODY = "body"
    CAPTION = "caption"
    BOILERPLATE = "boilerplate"  # related-article lists, share buttons, "اقرأ أيضا"


class MeetingKind(enum.StrEnum):
    MEETING = "meeting"  # people in one place
    CALL = "call"  # phone or video
    TALKS = "talks"  # dialogue, consultations, negotiations with no single encounter


class MeetingStatus(enum.StrEnum):
    OCCURRED = "occurred"
    PLANNED = "planned"
    ONGOING = "ongoing"
    PROPOSED = "proposed"
    CANCELLED = "cancelled"


class DeconflictionStatus(enum.StrEnum):
    ACTIVE = "active"
    SUSPENDED = "suspended"
    VIOLATED = "violated"
    PROPOSED = "proposed"
    RESUMED = "resumed"


class TroopChange(enum.StrEnum):
    """Whether a troop figure is a level or a change."""

    LEVEL = "level"
    DEPLOY = "deploy"  # sending N more
    WITHDRAW = "withdraw"  # pulling N out
    INCREASE_TO = "increase_to"  # raising the level to N
    DECREASE_TO = "decrease_to"  # cutting the level to N


def _opt_enum(enum_type: type[enum.StrEnum]) -> Any:
    def convert(value: Any) -> Any:
        return None if value is None else enum_type(value)

    return convert


def _opt_str(value: Any) -> str | None:
    return None if value is None else str(value)


# --------------------------------------------------------------------------- spans


@attrs.frozen(kw_only=True)
class Span:
    """A stretch of :attr:`Article.text`: ``text == article.text[start:end]``.

    :param role: optional label saying what the span is evidence of
        (``"trigger"``, ``"date"``, ``"participant"``, ``"count"`` ...).
    """

    start: int
    end: int = attrs.field()
    text: str
    role: str | None = None

    @end.validator
    def _check(self, _attribute: attrs.Attribute[int], end: int) -> None:
        if not 0 <= self.start <= end:
            raise ValueError(f"bad span {self.start}:{end}")


@attrs.frozen(kw_only=True)
class Sentence:
    """A sentence or line of the article, with the page zone it sits in."""

    start: int
    end: int
    text: str
    zone: Zone = attrs.field(default=Zone.BODY, converter=Zone)


# --------------------------------------------------------------------------- articles


def _parse_published(value: Any, where: str | None) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise InputError(
            f"publication date must be a YYYY-MM-DD string, not {type(value).__name__}",
            where=where,
            field="published",
        )
    text = value.strip()
    match = regex.match(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.+\-Z]*)?$", text)
    if not match:
        raise InputError(
            f"publication date {value!r} is not in YYYY-MM-DD form", where=where, field="published"
        )
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError as error:
        raise InputError(
            f"publication date {value!r} is not a real date ({error})",
            where=where,
            field="published",
        ) from None


@attrs.frozen(kw_only=True)
class Article:
    """One news article: the text exactly as given, and what is known about it.

    :param published: the publication date; relative dates ("أمس") are anchored to it.
        ``None`` means unknown, and relative dates then resolve to ``None``.
    """

    id: str
    text: str
    published: dt.date | None = None
    source: str | None = None
    url: str | None = None
    title: str | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, where: str | None = None) -> Article:
        """Build an article from a JSON-like mapping, validating every field.

        Expects ``text`` (str) and optionally ``id``, ``published`` (``YYYY-MM-DD``),
        ``source``, ``url`` and ``title``. Raises :class:`~syrdiplo.InputError`
        naming ``where`` and the field at fault.
        """
        if not isinstance(data, Mapping):
            raise InputError(
                f"an article must be a JSON object, not {type(data).__name__}", where=where
            )
        if "text" not in data:
            raise InputError("missing the article text", where=where, field="text")
        text = data["text"]
        if not isinstance(text, str):
            raise InputError(
                f"text must be a string, not {type(text).__name__}", where=where, field="text"
            )
        if "\x00" in text:
            raise InputError("text contains NUL bytes", where=where, field="text")
        ident = data.get("id")
        if ident is None:
            raise InputError("missing the article id", where=where, field="id")
        if not isinstance(ident, str | int) or isinstance(ident, bool):
            raise InputError(
                f"id must be a string or an integer, not {type(ident).__name__}",
                where=where,
                field="id",
            )
        for name in ("source", "url", "title"):
            if data.get(name) is not None and not isinstance(data[name], str):
                raise InputError(f"{name} must be a string", where=where, field=name)
        return cls(
            id=str(ident),
            text=text,
            published=_parse_published(data.get("published"), where),
            source=data.get("source"),
            url=data.get("url"),
            title=data.get("title"),
        )

    def span(self, start: int, end: int, role: str | None = None) -> Span:
        """The :class:`Span` of ``text[start:end]``; raises ``ValueError`` outside the text."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span {start}:{end} lies outside the text (length {len(self.text)})")
        return Span(start=start, end=end, text=self.text[start:end], role=role)


# --------------------------------------------------------------------------- dates


@attrs.frozen(kw_only=True)
class Timex:
    """A date expression found in the text, resolved to a TIMEX3-style value.

    :param value: ``2021``, ``2021-07``, ``2021-07-27``, ``2016-W33``,
        ``2016-08-26/2016-08-27`` or ``2024-11-13T18:37``; ``None`` when the
        expression cannot be placed on the calendar (no anchor, or vague).
    :param anchor: what the value was computed from: ``"absolute"`` when the text
        gives the year itself, ``"published"`` when the publication date was used,
        ``"previous"`` when an earlier date of the text was ("من العام نفسه"),
        ``None`` when nothing anchored it.
    :param flags: remarks such as ``"weekday-mismatch"`` (the weekday named next
        to a date does not fall on that date) or ``"hijri"``.
    """

    start: int
    end: int
    text: str
    value: str | None = attrs.field()
    precision: Precision = attrs.field(converter=Precision)
    modifier: Modifier | None = attrs.field(default=None, converter=_opt_enum(Modifier))
    anchor: str | None = None
    flags: tuple[str, ...] = attrs.field(default=(), converter=tuple)

    @value.validator
    def _check_value(self, _attribute: attrs.Attribute[str | None], value: str | None) -> None:
        if value is not None and not _TIMEX_VALUE.match(value):
            raise ValueError(f"{value!r} is not a TIMEX value (2021, 2021-07, 2021-07-27 ...)")


# --------------------------------------------------------------------------- actors and claims


@attrs.frozen(kw_only=True)
class Actor:
    """A person, institution, state or anonymous source, as mentioned in the text.

    :param name: the name as written in the text (``"أنتونوف"``, ``"نظيره الأمريكي"``).
    :param canonical: the canonical English name (``"Anatoly Antonov"``), or ``None``.
    :param country: ISO 3166-1 alpha-2 code of the state the actor belongs to or is.
    :param role: the office held, as a key (``"ambassador"``, ``"defence_minister"``).
    :param start: offset of the mention, ``None`` for an actor that was inferred.
    """

    name: str
    canonical: str | None = None
    country: str | None = attrs.field(default=None, converter=_opt_str)
    type: ActorType = attrs.field(default=ActorType.PERSON, converter=ActorType)
    role: str | None = None
    start: int | None = None
    end: int | None = None

    @country.validator
    def _check_country(self, _attribute: attrs.Attribute[str | None], value: str | None) -> None:
        if value is not None and not _COUNTRY.match(value):
            raise ValueError(f"country {value!r} is not an ISO 3166-1 alpha-2 code")


@attrs.frozen(kw_only=True)
class Claim:
    """An attributed statement: who said what, how we know, and when it was said.

    :param speaker: who made the statement.
    :param cue: the reporting verb or noun (``قال``، ``أكد``، ``بيان``).
    :param content: the reported content (the أن-clause or the quotation), if found.
    :param source_chain: the outlets the statement is relayed through, nearest
        first ("according to Sputnik").
    :param date: TIMEX value of when it was said, if the text says.
    """

    speaker: Actor
    cue: Span
    content: Span | None = None
    source_chain: tuple[Actor, ...] = attrs.field(default=(), converter=tuple)
    date: str | None = None


# --------------------------------------------------------------------------- events


@attrs.frozen(kw_only=True)
class Event:
    """Base class of everything an extractor reports.

    A plugin that reports a new kind of fact subclasses ``Event`` and gives the
    ``type`` field its own default::

        @attrs.frozen(kw_only=True)
        class Crossing(syrdiplo.Event):
            type: str = attrs.field(init=False, default="crossing")
            name: str

    :param evidence: the spans of text the event rests on, each with a ``role``.
    :param claim: the claim the event was asserted in, where there is one.
    :param extractor: the name of the extractor that produced it (set by the pipeline).
    """

    type: str = attrs.field(init=False, default="event")
    evidence: tuple[Span, ...] = attrs.field(default=(), converter=tuple)
    claim: Claim | None = None
    extractor: str | None = None

    @property
    def start(self) -> int:
        return min((s.start for s in self.evidence), default=0)

    @property
    def end(self) -> int:
        return max((s.end for s in self.evidence), default=0)


@attrs.frozen(kw_only=True)
class Meeting(Event):
    """A meeting, phone or video call, or talks between parties."""

    type: str = attrs.field(init=False, default="meeting")
    kind: MeetingKind = attrs.field(converter=MeetingKind)
    status: MeetingStatus = attrs.field(default=MeetingStatus.OCCURRED, converter=MeetingStatus)
    date: str | None = None
    participants: tuple[Actor, ...] = attrs.field(default=(), converter=tuple)
    location: str | None = None


@attrs.frozen(kw_only=True)
class TroopCount(Event):
    """How many troops a country has, sends or withdraws.

    :param approximate: the figure is hedged (نحو، حوالي) or a bound.
    :param bound: ``"lower"`` for أكثر من / ما يزيد على, ``"upper"`` for أقل من.
    """

    type: str = attrs.field(init=False, default="troop_count")
    country: str | None = attrs.field(converter=_opt_str)
    count: int
    approximate: bool = False
    bound: str | None = None
    location: str | None = None
    change: TroopChange = attrs.field(default=TroopChange.LEVEL, converter=TroopChange)
    date: str | None = None

    @country.validator
    def _check_country(self, _attribute: attrs.Attribute[str | None], value: str | None) -> None:
        if value is not None and not _COUNTRY.match(value):
            raise ValueError(f"country {value!r} is not an ISO 3166-1 alpha-2 code")


@attrs.frozen(kw_only=True)
class Deconfliction(Event):
    """The state of the Russia-US military deconfliction channel, as reported."""

    type: str = attrs.field(init=False, default="deconfliction")
    status: DeconflictionStatus = attrs.field(converter=DeconflictionStatus)
    parties: tuple[str, ...] = attrs.field(default=(), converter=tuple)
    date: str | None = None
    mechanism: str | None = None


def event_types() -> dict[str, type[Event]]:
    """Every known :class:`Event` subclass by its ``type`` tag (plugins' included)."""
    found: dict[str, type[Event]] = {"event": Event}

    def walk(cls: type[Event]) -> Iterator[type[Event]]:
        for sub in cls.__subclasses__():
            yield sub
            yield from walk(sub)

    for cls in walk(Event):
        if attrs.has(cls):
            tag = attrs.fields_dict(cls)["type"].default
            if isinstance(tag, str):
                found[tag] = cls
    return found


# --------------------------------------------------------------------------- results


@attrs.frozen(kw_only=True)
class ProcessingError:
    """Something that went wrong for one article, kept in its result.

    :param stage: ``"input"``, ``"extractor"``, ``"plugin"`` or a core stage name.
    :param plugin: the plugin at fault, if one is.
    :param extractor: the extractor at fault, if one is.
    """

    stage: str
    message: str
    plugin: str | None = None
    extractor: str | None = None


@attrs.frozen(kw_only=True)
class Result:
    """Everything found in one article."""

    article: Article
    timexes: tuple[Timex, ...] = attrs.field(default=(), converter=tuple)
    actors: tuple[Actor, ...] = attrs.field(default=(), converter=tuple)
    claims: tuple[Claim, ...] = attrs.field(default=(), converter=tuple)
    events: tuple[Event, ...] = attrs.field(default=(), converter=tuple)
    errors: tuple[ProcessingError, ...] = attrs.field(default=(), converter=tuple)

    @property
    def id(self) -> str:
        return self.article.id

    @property
    def ok(self) -> bool:
        return not self.errors

    def events_of(self, type_: str) -> tuple[Event, ...]:
        """The events whose ``type`` tag is ``type_``."""
        return tuple(e for e in self.events if e.type == type_)

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready dict (see :mod:`syrdiplo.serialize`)."""
        from .serialize import to_dict

        return to_dict(self)

    def to_json(self) -> str:
        from .serialize import dumps

        return dumps(self)
