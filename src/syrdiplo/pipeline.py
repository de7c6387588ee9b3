"""The pipeline: normalise, split, find dates, actors and claims, run extractors, merge.

A :class:`Pipeline` is built once (plugins loaded, lexicons merged, extractors
registered) and then run on many articles. Every extractor runs inside its own
``try``: one that raises or returns malformed data is recorded in the result's
``errors`` with its plugin and extractor name, and the other extractors' output
is kept. With ``strict=True`` the failure is raised instead (tests and CI).
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import sys
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

import attrs
import pluggy

from . import actors as _actors
from . import claims as _claims
from . import dates as _dates
from .document import Document
from .errors import ExtractorError, InputError, PluginError, SyrdiploError, SyrdiploWarning
from .extractor import Extractor
from .lexicon import Lexicon, core_lexicon
from .model import Actor, Article, Claim, Event, ProcessingError, Result, Span, Timex
from .plugins import PluginInfo, load_plugins
from .segment import split_sentences
from .text import normalize

__all__ = ["Pipeline", "extract"]

ArticleLike = Article | Mapping[str, Any] | str


@attrs.frozen
class _Registered:
    plugin: str
    extractor: Extractor


class Pipeline:
    """Loads plugins once and runs articles through every stage.

    :param disable: names of plugins not to load (built-ins included), like
        ``syrdiplo extract --disable NAME``.
    :param entrypoints: load third-party plugins installed in the environment.
    :param plugins: plugin objects or modules to register in addition (their
        name is their ``name`` attribute, else their module or class name).
    :param strict: raise :class:`~syrdiplo.ExtractorError` (or an
        ``ExceptionGroup`` of them) instead of recording extractor failures.
    """

    def __init__(
        self,
        *,
        disable: Iterable[str] = (),
        entrypoints: bool = True,
        plugins: Iterable[object] = (),
        strict: bool = False,
    ) -> None:
        self._config = {
            "disable": tuple(disable),
            "entrypoints": entrypoints,
            "plugins": tuple(plugins),
            "strict": strict,
        }
        self.strict = strict
        self._build()

    @classmethod
    def from_plugins(
        cls,
        *,
        disable: Iterable[str] = (),
        entrypoints: bool = True,
        plugins: Iterable[object] = (),
        strict: bool = False,
    ) -> Pipeline:
        """Same as the constructor; reads well at call sites."""
        return cls(disable=disable, entrypoints=entrypoints, plugins=plugins, strict=strict)

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        config = self._config
        pm, infos = load_plugins(
            disable=config["disable"], entrypoints=config["entrypoints"], plugins=config["plugins"]
        )
        self._pm: pluggy.PluginManager = pm
        self._trace = bool(os.environ.get("SYRDIPLO_TRACE_PLUGINS"))
        self._infos: dict[str, PluginInfo] = {info.name: info for info in infos}
        self.lexicon: Lexicon = self._collect_lexicons(core_lexicon())
        self._extractors: list[_Registered] = self._collect_extractors()
        self._timex_hook = bool(self._pm.hook.syrdiplo_find_timexes.get_hookimpls())

    def _each_impl(
        self, hook_name: str
    ) -> Iterator[tuple[str, Callable[..., Any], tuple[str, ...]]]:
        """Every implementation of ``hook_name`` in plugin load order.

        Built-ins come first (by name), then third-party entry points (by name),
        then plugins passed in code; pluggy's own call order is the reverse. With
        ``SYRDIPLO_TRACE_PLUGINS=1`` each call is printed to stderr.
        """
        hook = getattr(self._pm.hook, hook_name)
        for impl in hook.get_hookimpls():
            function = impl.function
            if self._trace:
                function = _traced(hook_name, impl.plugin_name, function)
            yield impl.plugin_name, function, tuple(impl.argnames)

    def _plugin_failed(self, name: str, error: BaseException | str) -> None:
        """A plugin failed while registering: drop all of it and report it."""
        message = error if isinstance(error, str) else f"{type(error).__name__}: {error}"
        plugin = self._pm.get_plugin(name)
        if plugin is not None:
            self._pm.unregister(plugin)
        info = self._infos.get(name) or PluginInfo(name=name, source="explicit", status="failed")
        self._infos[name] = attrs.evolve(
            info, status="failed", error=message, hooks=(), extractors=()
        )
        if self.strict:
            raise PluginError(name, message, distribution=info.distribution)
        warnings.warn(
            str(PluginError(name, message, distribution=info.distribution)),
            SyrdiploWarning,
            stacklevel=4,
        )

    def _collect_lexicons(self, lexicon: Lexicon) -> Lexicon:
        for hook_name, to_table in (
            ("syrdiplo_register_lexicons", None),
            ("syrdiplo_register_actors", "actors"),
        ):
            for name, function, argnames in list(self._each_impl(hook_name)):
                pending: list[tuple[str, Any]] = []
                if to_table is None:

                    def register(
                        table: str, source: Any, _pending: list[tuple[str, Any]] = pending
                    ) -> None:
                        if not isinstance(table, str) or not table:
                            raise TypeError(f"register() needs a table name, got {table!r}")
                        _pending.append((table, source))
                else:

                    def register(_pending: list[tuple[str, Any]] = pending, **columns: Any) -> None:
                        row = {
                            key: "|".join(map(str, value))
                            if isinstance(value, list | tuple)
                            else ("" if value is None else str(value))
                            for key, value in columns.items()
                        }
                        _pending.append(("actors", [row]))

                try:
                    function(**{a: register for a in argnames if a == "register"})
                    candidate = lexicon
                    for table, source in pending:
                        candidate = candidate.extended(table, source, origin=f"plugin {name}")
                    if pending and to_table == "actors":
                        _actors.check_gazetteer(candidate)
                except Exception as error:  # noqa: BLE001 - a plugin's bad data fails that plugin only
                    self._plugin_failed(name, error)
                    continue
                lexicon = candidate
        return lexicon

    def _collect_extractors(self) -> list[_Registered]:
        registered: list[_Registered] = []
        names: set[str] = set()
        for plugin_name, function, argnames in list(
            self._each_impl("syrdiplo_register_extractors")
        ):
            mine: list[_Registered] = []

            def register(
                extractor: Any, _mine: list[_Registered] = mine, _plugin: str = plugin_name
            ) -> None:
                name = getattr(extractor, "name", None)
                if not isinstance(name, str) or not name:
                    raise TypeError(f"extractor {extractor!r} has no `name` string")
                if not callable(getattr(extractor, "extract", None)):
                    raise TypeError(f"extractor {name!r} has no extract(doc) method")
                if name in names or any(r.extractor.name == name for r in _mine):
                    raise ValueError(f"an extractor named {name!r} is already registered")
                _mine.append(_Registered(_plugin, extractor))

            try:
                function(**{a: register for a in argnames if a == "register"})
            except Exception as error:  # noqa: BLE001 - a failing registration fails that plugin only
                self._plugin_failed(plugin_name, error)
                continue
            registered.extend(mine)
            names.update(r.extractor.name for r in mine)
            info = self._infos.get(plugin_name)
            if info is not None:
                self._infos[plugin_name] = attrs.evolve(
                    info, extractors=info.extractors + tuple(r.extractor.name for r in mine)
                )
        return registered

    # ------------------------------------------------------------------ pickling (for process pools and Dask)

    def __getstate__(self) -> dict[str, Any]:
        return {"config": self._config}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._config = state["config"]
        self.strict = self._config["strict"]
        self._build()

    # ------------------------------------------------------------------ introspection

    @property
    def plugins(self) -> list[PluginInfo]:
        """One :class:`PluginInfo` per plugin seen, sorted by name."""
        return [self._infos[name] for name in sorted(self._infos)]

    @property
    def extractors(self) -> list[tuple[str, str]]:
        """``(plugin name, extractor name)`` for every extractor, in running order."""
        return [(r.plugin, r.extractor.name) for r in self._extractors]

    @property
    def plugin_manager(self) -> pluggy.PluginManager:
        return self._pm

    # ------------------------------------------------------------------ running

    def analyze(self, article: ArticleLike, *, published: dt.date | str | None = None) -> Document:
        """Run the core stages only; return the :class:`Document` extractors would see."""
        return self._analyze(article, published, [])

    def _analyze(
        self, article: ArticleLike, published: dt.date | str | None, errors: list[ProcessingError]
    ) -> Document:
        art = _coerce(article, published)
        normalized = normalize(art.text)
        doc = Document(
            article=art,
            normalized=normalized,
            sentences=split_sentences(art, normalized, self.lexicon),
            lexicon=self.lexicon,
        )
        timexes = _dates.find_timexes(doc)
        doc = attrs.evolve(doc, timexes=timexes)
        if self._timex_hook:
            doc = attrs.evolve(doc, timexes=self._plugin_timexes(doc, errors))
        doc = attrs.evolve(doc, actors=_actors.find_actors(doc))
        return attrs.evolve(doc, claims=_claims.find_claims(doc))

    def run(self, article: ArticleLike, *, published: dt.date | str | None = None) -> Result:
        """Extract everything from one article.

        :param article: an :class:`Article`, a mapping shaped like a JSONL input
            line (``{"id", "text", "published"}``), or the text itself.
        :param published: the publication date, when ``article`` is a text or
            lacks one (``date`` or ``"YYYY-MM-DD"``).
        :raises InputError: the article is unusable (no text, bad date ...).
        """
        errors: list[ProcessingError] = []
        doc = self._analyze(article, published, errors)
        events: list[Event] = []
        failures: list[ExtractorError] = []
        for registered in self._extractors:
            name = registered.extractor.name
            try:
                produced = list(registered.extractor.extract(doc) or ())
            except Exception as error:  # noqa: BLE001 - isolation: one extractor must not take the others down
                message = f"{type(error).__name__}: {error}"
                if self.strict:
                    failure = ExtractorError(
                        registered.plugin, name, message, article_id=doc.article.id
                    )
                    failure.add_note(
                        f"article {doc.article.id!r}, extractor {name!r} of plugin {registered.plugin!r}"
                    )
                    failure.__cause__ = error
                    failures.append(failure)
                errors.append(
                    ProcessingError(
                        stage="extractor", message=message, plugin=registered.plugin, extractor=name
                    )
                )
                continue
            for event in produced:
                problem = check_event(event, doc.article)
                if problem is not None:
                    message = f"returned malformed data: {problem}"
                    if self.strict:
                        failures.append(
                            ExtractorError(
                                registered.plugin, name, message, article_id=doc.article.id
                            )
                        )
                    errors.append(
                        ProcessingError(
                            stage="extractor",
                            message=message,
                            plugin=registered.plugin,
                            extractor=name,
                        )
                    )
                    continue
                events.append(event if event.extractor else attrs.evolve(event, extractor=name))
        if failures:
            if len(failures) == 1:
                raise failures[0]
            raise ExceptionGroup(
                f"{len(failures)} extractors failed on article {doc.article.id!r}", failures
            )
        return Result(
            article=doc.article,
            timexes=doc.timexes,
            actors=doc.actors,
            claims=doc.claims,
            events=merge_events(events),
            errors=tuple(errors),
        )

    def run_many(self, articles: Iterable[ArticleLike | BaseException]) -> Iterator[Result]:
        """Run many articles, one result each, in order; a bad one never stops the rest.

        An article that is unusable, or on which a core stage fails, gives a
        result whose ``errors`` say why (in strict mode the error is raised).
        An exception object in ``articles`` stands for an input that could not be
        read; it becomes an error result in its place.
        """
        for index, article in enumerate(articles):
            yield self.run_safely(article, index=index)

    def run_safely(self, article: ArticleLike | BaseException, *, index: int = 0) -> Result:
        """:meth:`run`, turning any failure into an error result (unless strict)."""
        if isinstance(article, BaseException):
            return error_result(article, fallback_id=str(index))
        try:
            return self.run(article)
        except SyrdiploError as error:
            if self.strict:
                raise
            return error_result(error, article=article, fallback_id=str(index))
        except Exception as error:
            if self.strict:
                raise
            return error_result(error, article=article, fallback_id=str(index), stage="internal")

    def _plugin_timexes(self, doc: Document, errors: list[ProcessingError]) -> tuple[Timex, ...]:
        timexes = list(doc.timexes)
        for plugin, function, argnames in self._each_impl("syrdiplo_find_timexes"):
            try:
                found = list(function(**{a: doc for a in argnames if a == "doc"}) or ())
            except Exception as error:
                if self.strict:
                    raise
                errors.append(
                    ProcessingError(
                        stage="timexes", message=f"{type(error).__name__}: {error}", plugin=plugin
                    )
                )
                continue
            for timex in found:
                problem = _check_timex(timex, doc.article)
                if problem is not None:
                    message = f"syrdiplo_find_timexes returned malformed data: {problem}"
                    if self.strict:
                        raise PluginError(plugin, message)
                    errors.append(ProcessingError(stage="timexes", message=message, plugin=plugin))
                    continue
                clashes = [t for t in timexes if t.start < timex.end and timex.start < t.end]
                if all(timex.end - timex.start >= t.end - t.start for t in clashes):
                    timexes = [t for t in timexes if t not in clashes]
                    timexes.append(timex)
        return tuple(sorted(timexes, key=lambda t: (t.start, t.end)))

    def __repr__(self) -> str:
        return f"Pipeline(extractors={[name for _, name in self.extractors]})"


# ---------------------------------------------------------------------- helpers


def _coerce(article: ArticleLike, published: dt.date | str | None) -> Article:
    if isinstance(article, Article):
        if published is not None and article.published is None:
            return attrs.evolve(
                article,
                published=Article.from_dict(
                    {"id": "x", "text": "", "published": published}
                ).published,
            )
        return article
    if isinstance(article, str):
        return Article.from_dict({"id": "article", "text": article, "published": published})
    if isinstance(article, Mapping):
        data = dict(article)
        if published is not None and data.get("published") is None:
            data["published"] = published
        data.setdefault("id", "article")
        return Article.from_dict(data)
    raise InputError(f"cannot read an article from {type(article).__name__}")


def _traced(hook_name: str, plugin: str, function: Callable[..., Any]) -> Callable[..., Any]:
    def call(**kwargs: Any) -> Any:
        print(f"syrdiplo: {plugin}.{hook_name}({', '.join(kwargs)})", file=sys.stderr)
        try:
            result = function(**kwargs)
        except Exception as error:
            print(f"syrdiplo: {plugin}.{hook_name} raised {error!r}", file=sys.stderr)
            raise
        print(f"syrdiplo: {plugin}.{hook_name} returned {result!r}"[:300], file=sys.stderr)
        return result

    return call


def error_result(
    error: BaseException,
    *,
    article: Any = None,
    fallback_id: str = "?",
    stage: str | None = None,
) -> Result:
    """An empty result carrying ``error``, standing in for an unusable article."""
    ident = getattr(article, "id", None)
    if ident is None and isinstance(article, Mapping):
        ident = article.get("id")
    if ident is None:
        ident = getattr(error, "article_id", None)
    text = getattr(article, "text", "") if isinstance(article, Article) else ""
    stage = stage or ("input" if isinstance(error, InputError) else "pipeline")
    message = str(error) if isinstance(error, SyrdiploError) else f"{type(error).__name__}: {error}"
    placeholder = Article(id=str(ident) if ident is not None else fallback_id, text=text)
    return Result(article=placeholder, errors=(ProcessingError(stage=stage, message=message),))


def _check_span(span: Span | None, article: Article, what: str) -> str | None:
    if span is None:
        return None
    if not isinstance(span, Span):
        return f"{what} is a {type(span).__name__}, not a Span"
    if not 0 <= span.start <= span.end <= len(article.text):
        return f"{what} {span.start}:{span.end} lies outside the text (length {len(article.text)})"
    if article.text[span.start : span.end] != span.text:
        return f"{what} text {span.text!r} is not the text at {span.start}:{span.end}"
    return None


def _check_actor(actor: Actor, article: Article, what: str) -> str | None:
    if not isinstance(actor, Actor):
        return f"{what} is a {type(actor).__name__}, not an Actor"
    if actor.start is not None and actor.end is not None:
        if not 0 <= actor.start <= actor.end <= len(article.text):
            return f"{what} {actor.start}:{actor.end} lies outside the text"
    return None


def _check_timex(timex: Timex, article: Article) -> str | None:
    if not isinstance(timex, Timex):
        return f"a {type(timex).__name__} is not a Timex"
    return _check_span(Span(start=timex.start, end=timex.end, text=timex.text), article, "timex")


def _check_claim(claim: Claim | None, article: Article) -> str | None:
    if claim is None:
        return None
    if not isinstance(claim, Claim):
        return f"claim is a {type(claim).__name__}, not a Claim"
    return (
        _check_actor(claim.speaker, article, "claim speaker")
        or _check_span(claim.cue, article, "claim cue")
        or _check_span(claim.content, article, "claim content")
    )


def check_event(event: Any, article: Article) -> str | None:
    """Why ``event`` is malformed for ``article``, or ``None`` when it is fine."""
    if not isinstance(event, Event):
        return f"a {type(event).__name__} is not a syrdiplo.Event"
    for i, span in enumerate(event.evidence):
        problem = _check_span(span, article, f"evidence[{i}]")
        if problem:
            return problem
    for i, actor in enumerate(getattr(event, "participants", ()) or ()):
        problem = _check_actor(actor, article, f"participants[{i}]")
        if problem:
            return problem
    return _check_claim(event.claim, article)


def _event_key(event: Event) -> tuple[Any, ...]:
    return (event.start, event.end, event.type)


def merge_events(events: Iterable[Event]) -> tuple[Event, ...]:
    """Drop exact duplicates and order events by ``(start, end, type)``."""
    unique = list(dict.fromkeys(events))
    return tuple(sorted(unique, key=_event_key))


@functools.cache
def _default_pipeline() -> Pipeline:
    return Pipeline()


def extract(
    text: str | Article | Mapping[str, Any],
    published: dt.date | str | None = None,
    *,
    id: str = "article",
    source: str | None = None,
) -> Result:
    """Extract everything from one article with the default pipeline.

    The default pipeline (built-ins plus installed plugins) is built on the
    first call and reused. Build a :class:`Pipeline` yourself to choose plugins.
    """
    if isinstance(text, str):
        article: ArticleLike = {"id": id, "text": text, "published": published, "source": source}
        return _default_pipeline().run(article)
    return _default_pipeline().run(text, published=published)
