"""The one place that knows the JSON shape.

:func:`to_dict` turns a :class:`~syrdiplo.Result` (or any model object) into
plain JSON-ready data, :func:`dumps` into one line of JSON, and
:func:`from_dict` loads it back: ``from_dict(to_dict(result)) == result``.
The CLI's ``--jsonl`` writer and :meth:`Result.to_dict` both come here.

Output is deterministic: fields in definition order (an event's ``type`` first,
its own fields, then ``evidence``, ``claim`` and ``extractor``), enums as their
values, dates as ISO strings, ``null`` kept wherever the schema has the key,
and Arabic written as is (``ensure_ascii=False``). The shape is documented in
``docs/output.md``; the TypedDicts below follow it.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import types
import typing
from collections.abc import Mapping
from typing import Any, NotRequired, TypedDict, Union

import attrs

from .errors import InputError
from .model import (
    Actor,
    Article,
    Claim,
    Event,
    ProcessingError,
    Result,
    Timex,
    event_types,
)

__all__ = [
    "ActorDict",
    "ClaimDict",
    "ErrorDict",
    "ResultDict",
    "SpanDict",
    "TimexDict",
    "dumps",
    "from_dict",
    "loads",
    "to_dict",
]


# --------------------------------------------------------------------------- the documented shape


class SpanDict(TypedDict):
    start: int
    end: int
    text: str
    role: str | None


class TimexDict(TypedDict):
    start: int
    end: int
    text: str
    value: str | None
    precision: str
    modifier: str | None
    anchor: str | None
    flags: list[str]


class ActorDict(TypedDict):
    name: str
    canonical: str | None
    country: str | None
    type: str
    role: str | None
    start: int | None
    end: int | None


class ClaimDict(TypedDict):
    speaker: ActorDict
    cue: SpanDict
    content: SpanDict | None
    source_chain: list[ActorDict]
    date: str | None


class ErrorDict(TypedDict):
    stage: str
    message: str
    plugin: str | None
    extractor: str | None


class ResultDict(TypedDict):
    id: str
    published: str | None
    source: NotRequired[str | None]
    url: NotRequired[str | None]
    title: NotRequired[str | None]
    timexes: list[TimexDict]
    actors: list[ActorDict]
    claims: list[ClaimDict]
    events: list[dict[str, Any]]
    errors: list[ErrorDict]


# --------------------------------------------------------------------------- out

_EVENT_TAIL = ("evidence", "claim", "extractor")


def _value(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if attrs.has(type(value)):
        return _object(value)
    if isinstance(value, tuple | list):
        return [_value(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): _value(v) for k, v in value.items()}
    return value


def _object(obj: Any) -> dict[str, Any]:
    fields = attrs.fields(type(obj))
    if isinstance(obj, Event):
        names = (
            ["type"]
            + [f.name for f in fields if f.name != "type" and f.name not in _EVENT_TAIL]
            + list(_EVENT_TAIL)
        )
    else:
        names = [f.name for f in fields]
    return {name: _value(getattr(obj, name)) for name in names}


def to_dict(obj: Any) -> Any:
    """JSON-ready data for a :class:`Result` or any model object."""
    if isinstance(obj, Result):
        article = obj.article
        out: dict[str, Any] = {"id": article.id, "published": _value(article.published)}
        for name in ("source", "url", "title"):
            if getattr(article, name) is not None:
                out[name] = getattr(article, name)
        out["timexes"] = _value(obj.timexes)
        out["actors"] = _value(obj.actors)
        out["claims"] = _value(obj.claims)
        out["events"] = _value(obj.events)
        out["errors"] = _value(obj.errors)
        return out
    return _value(obj)


def dumps(obj: Any, *, indent: int | None = None) -> str:
    """JSON text for ``obj`` (one line unless ``indent`` is given), Arabic unescaped."""
    return json.dumps(to_dict(obj), ensure_ascii=False, indent=indent)


# --------------------------------------------------------------------------- in


def _structure(value: Any, hint: Any, where: str) -> Any:
    origin = typing.get_origin(hint)
    if origin in (Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if value is None:
            return None
        return _structure(value, args[0], where) if len(args) == 1 else value
    if origin is tuple:
        args = typing.get_args(hint)
        if not isinstance(value, list | tuple):
            raise InputError(f"expected a list, got {type(value).__name__}", where=where)
        return tuple(_structure(v, args[0], f"{where}[{i}]") for i, v in enumerate(value))
    if isinstance(hint, type) and attrs.has(hint):
        return _build(hint, value, where)
    if hint is dt.date and isinstance(value, str):
        return dt.date.fromisoformat(value)
    return value


@typing.no_type_check
def _build(cls: type, data: Any, where: str) -> Any:
    if not isinstance(data, Mapping):
        raise InputError(
            f"expected an object for {cls.__name__}, got {type(data).__name__}", where=where
        )
    hints = typing.get_type_hints(cls)
    kwargs = {}
    for field in attrs.fields(cls):
        if not field.init or field.name not in data:
            continue
        kwargs[field.name] = _structure(
            data[field.name], hints[field.name], f"{where}.{field.name}"
        )
    try:
        return cls(**kwargs)
    except (TypeError, ValueError) as error:
        raise InputError(f"cannot build {cls.__name__}: {error}", where=where) from None


def _event(data: Any, where: str) -> Event:
    if not isinstance(data, Mapping) or "type" not in data:
        raise InputError("an event needs a 'type'", where=where)
    cls = event_types().get(data["type"])
    if cls is None:
        raise InputError(
            f"unknown event type {data['type']!r}; is the plugin that defines it installed and imported?",
            where=where,
        )
    return _build(cls, data, where)


def from_dict(data: Mapping[str, Any], *, text: str | None = None) -> Result:
    """Load a :class:`Result` from :func:`to_dict` output.

    The output does not repeat the article text; pass ``text`` to restore it.
    """
    if not isinstance(data, Mapping):
        raise InputError(f"a result must be a JSON object, not {type(data).__name__}")
    ident = str(data.get("id"))
    article = Article.from_dict(
        {
            "id": ident,
            "text": text or "",
            "published": data.get("published"),
            "source": data.get("source"),
            "url": data.get("url"),
            "title": data.get("title"),
        },
        where=f"result {ident}",
    )
    where = f"result {ident}"
    return Result(
        article=article,
        timexes=[
            _build(Timex, t, f"{where}.timexes[{i}]") for i, t in enumerate(data.get("timexes", []))
        ],
        actors=[
            _build(Actor, a, f"{where}.actors[{i}]") for i, a in enumerate(data.get("actors", []))
        ],
        claims=[
            _build(Claim, c, f"{where}.claims[{i}]") for i, c in enumerate(data.get("claims", []))
        ],
        events=[_event(e, f"{where}.events[{i}]") for i, e in enumerate(data.get("events", []))],
        errors=[
            _build(ProcessingError, e, f"{where}.errors[{i}]")
            for i, e in enumerate(data.get("errors", []))
        ],
    )


def loads(line: str, *, text: str | None = None) -> Result:
    """:func:`from_dict` of one JSON line."""
    return from_dict(json.loads(line), text=text)
