"""Helpers for testing extractors and plugins (ours and third parties').

    from syrdiplo.testing import make_pipeline

    def test_my_plugin():
        pipeline = make_pipeline(MyPlugin(), builtins=False)
        result = pipeline.run("...", published="2021-07-28")
        assert [e.type for e in result.events] == ["crossing"]

Every helper builds a fresh pipeline: no global plugin manager to register
into and clean up.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from .document import Document
from .model import Actor, Claim, Event, Result, Span, Timex
from .pipeline import Pipeline
from .plugins import builtin_plugin_names

__all__ = ["assert_spans_valid", "make_document", "make_pipeline", "run_extractor"]


def make_pipeline(
    *plugins: object, builtins: bool = True, strict: bool = True, disable: Iterable[str] = ()
) -> Pipeline:
    """A fresh pipeline with ``plugins`` registered and no third-party entry points.

    :param builtins: keep the built-in extractors (meetings, troops, deconfliction).
    :param strict: raise extractor failures instead of recording them.
    """
    blocked = set(disable)
    if not builtins:
        blocked.update(builtin_plugin_names())
    return Pipeline(plugins=plugins, entrypoints=False, disable=blocked, strict=strict)


def make_document(
    text: str,
    published: dt.date | str | None = None,
    *,
    id: str = "test",
    timexes: Iterable[Timex] | None = None,
    actors: Iterable[Actor] | None = None,
    claims: Iterable[Claim] | None = None,
    pipeline: Pipeline | None = None,
    plugins: Iterable[object] = (),
) -> Document:
    """The :class:`Document` an extractor would receive for ``text``.

    The core stages run as usual, with the language data of the built-in
    plugins and of ``plugins`` (or of ``pipeline``, if given). Pass
    ``timexes``, ``actors`` or ``claims`` to replace what the stages found, to
    test an extractor in isolation.
    """
    pipeline = pipeline or make_pipeline(*plugins)
    doc = pipeline.analyze({"id": id, "text": text, "published": published})
    changes: dict[str, Any] = {}
    if timexes is not None:
        changes["timexes"] = tuple(timexes)
    if actors is not None:
        changes["actors"] = tuple(actors)
    if claims is not None:
        changes["claims"] = tuple(claims)
    return attrs.evolve(doc, **changes) if changes else doc


def run_extractor(
    extractor: Any, text: str, published: dt.date | str | None = None, **document: Any
) -> list[Event]:
    """Run one extractor on ``text``; return its events.

    ``document`` keywords go to :func:`make_document` (``timexes=``, ``plugins=`` ...).
    """
    return list(extractor.extract(make_document(text, published, **document)))


def _spans(value: Any) -> Iterable[tuple[int, int, str | None]]:
    if isinstance(value, Span | Timex):
        yield value.start, value.end, value.text
    elif isinstance(value, Actor):
        if value.start is not None and value.end is not None:
            yield value.start, value.end, None
    if attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            yield from _spans(getattr(value, field.name))
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _spans(item)
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from _spans(item)


def assert_spans_valid(result: Result) -> None:
    """Every span in ``result`` lies inside the text, and its ``text`` is the slice it names."""
    text = result.article.text
    for start, end, snippet in _spans(
        (result.timexes, result.actors, result.claims, result.events)
    ):
        assert 0 <= start <= end <= len(text), (
            f"span {start}:{end} outside text of length {len(text)}"
        )
        if snippet is not None:
            assert text[start:end] == snippet, (
                f"span {start}:{end} is {text[start:end]!r}, not {snippet!r}"
            )
