"""Plugins that misbehave in every way the pipeline must survive."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs

import syrdiplo


@attrs.frozen(kw_only=True)
class Marker(syrdiplo.Event):
    """A test event: one per occurrence of a word."""

    type: str = attrs.field(init=False, default="marker")
    word: str


class WordExtractor:
    """Reports every occurrence of ``word`` as a Marker event."""

    def __init__(self, word: str, name: str = "words") -> None:
        self.word = word
        self.name = name

    def extract(self, doc: syrdiplo.Document) -> Iterator[syrdiplo.Event]:
        start = doc.text.find(self.word)
        while start >= 0:
            yield Marker(
                word=self.word, evidence=[doc.span(start, start + len(self.word), "trigger")]
            )
            start = doc.text.find(self.word, start + 1)


class GoodPlugin:
    name = "good"

    def __init__(self, word: str = "سوريا") -> None:
        self.word = word

    @syrdiplo.hookimpl
    def syrdiplo_register_extractors(self, register: Any) -> None:
        register(WordExtractor(self.word, name="good-words"))


class RaisingExtractor:
    name = "explodes"

    def extract(self, doc: syrdiplo.Document) -> list[syrdiplo.Event]:
        raise RuntimeError(f"boom in {doc.article.id}")


class RaisingPlugin:
    name = "raising"

    @syrdiplo.hookimpl
    def syrdiplo_register_extractors(self, register: Any) -> None:
        register(RaisingExtractor())


class BadSpanExtractor:
    name = "badspans"

    def extract(self, doc: syrdiplo.Document) -> list[Any]:
        return [
            Marker(word="x", evidence=[syrdiplo.Span(start=0, end=3, text="not the text")]),
            Marker(word="y", evidence=[syrdiplo.Span(start=0, end=10_000, text="x")]),
            "not an event",
            Marker(word="ok", evidence=[doc.span(0, 1)]),
        ]


class MalformedPlugin:
    name = "malformed"

    @syrdiplo.hookimpl
    def syrdiplo_register_extractors(self, register: Any) -> None:
        register(BadSpanExtractor())


class BrokenRegistrationPlugin:
    name = "broken-registration"

    @syrdiplo.hookimpl
    def syrdiplo_register_extractors(self, register: Any) -> None:
        register(object())  # no name, no extract()


class BadLexiconPlugin:
    name = "bad-lexicon"

    @syrdiplo.hookimpl
    def syrdiplo_register_lexicons(self, register: Any) -> None:
        register("months", {"gregorian": {"8": [""]}})


class MisspeltHookPlugin:
    name = "misspelt"

    @syrdiplo.hookimpl
    def syrdiplo_register_extractor(self, register: Any) -> None:  # missing the final "s"
        raise AssertionError("never called")


class TimexPlugin:
    """Finds "يوم الجلاء" (Syria's Evacuation Day, 17 April) as a date."""

    name = "evacuation-day"

    @syrdiplo.hookimpl
    def syrdiplo_find_timexes(self, doc: syrdiplo.Document) -> list[syrdiplo.Timex]:
        start = doc.text.find("يوم الجلاء")
        if start < 0 or doc.article.published is None:
            return []
        year = doc.article.published.year
        return [
            syrdiplo.Timex(
                start=start,
                end=start + len("يوم الجلاء"),
                text="يوم الجلاء",
                value=f"{year}-04-17",
                precision="day",
                anchor="published",
            )
        ]


class RaisingTimexPlugin:
    name = "raising-timex"

    @syrdiplo.hookimpl
    def syrdiplo_find_timexes(self, doc: syrdiplo.Document) -> list[syrdiplo.Timex]:
        raise ValueError("no dates today")
