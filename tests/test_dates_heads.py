"""The heads of date expressions: found without the heads pattern, with the same result."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from syrdiplo._dates_heads import Head, HeadFinder
from syrdiplo.dates import _patterns
from syrdiplo.lexicon import core_lexicon
from syrdiplo.text import normalize

PATTERNS = _patterns(core_lexicon())


def heads_of_pattern(text: str) -> list[Head]:
    """What the reader took from ``heads.finditer`` before :class:`HeadFinder`."""
    return [
        Head(
            m.start(),
            m.end(),
            m.group("word"),
            -1 if m.group("word") is not None else m.start("number"),
        )
        for m in PATTERNS.heads.finditer(text)
    ]


def heads_found(text: str) -> list[Head]:
    return list(PATTERNS.head_finder.find(text))


def test_the_core_head_words_can_be_looked_up():
    assert PATTERNS.head_finder.usable


def test_sample_articles(sample_articles):
    for article in sample_articles:
        for text in (article["text"], normalize(article["text"]).text):
            expected = heads_of_pattern(text)
            assert heads_found(text) == expected
            assert len(expected) >= 3


@pytest.mark.parametrize(
    "text",
    [
        "التقى لافروف كيري أمس الثلاثاء في 28 تموز 2021.",
        "وفي 2015، وبالأمس وال28 من آب (أغسطس) ب2016 و2017م",
        "الـ28 من تموز، 13/11/2024 18:37، ١٢ أيار",
        "Jul 27, 2021 (JULY) july_2021 x2021 2021x تموز_",
        "فالجمعة،والسبت-الأحد«الاثنين»:الثلاثاء",
        "",
        "و",
        "ال",
        "تموزَ الماضي",
    ],
)
def test_words_numbers_and_punctuation(text):
    assert heads_found(text) == heads_of_pattern(text)


# head words, their attached letters, numbers and what separates them
PIECES = [
    *sorted(PATTERNS.head_kinds)[::3],
    "2021",
    "28",
    "ال28",
    "٢٠٢١",
    "x",
    "_",
    "ال",
    "الـ",
    "½",
    "َ",
]
SEPARATORS = [" ", ", ", ".", "-", "«", "»", "(", ")", "/", "\n", "", "_", ":", "،", "\u200f"]


def _texts(count: int, seed: int) -> list[str]:
    pick = random.Random(seed)
    return [
        "".join(
            pick.choice(["", "و", "ف", "ب", "ل", "ال", "x", "1"])
            + pick.choice(PIECES)
            + pick.choice(SEPARATORS)
            for _ in range(pick.randint(1, 8))
        )
        for _ in range(count)
    ]


def test_many_made_up_texts():
    for text in _texts(3000, 11):
        assert heads_found(text) == heads_of_pattern(text), text


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES + SEPARATORS + ["و", "ب", "ل"]), max_size=20).map("".join))
def test_any_mix(text):
    assert heads_found(text) == heads_of_pattern(text)


def test_head_words_with_other_characters_use_the_pattern():
    finder = HeadFinder(PATTERNS.heads, {"a-b": "x", "تموز": "x"})
    assert not finder.usable
    text = "في تموز 2021"
    assert list(finder.find(text)) == heads_of_pattern(text)
