"""syrdiplo.matching: tokens, phrase matchers and matcher sets.

The matchers look tokens up in tables of every listed word with every prefix,
built once; they are checked here against a slow, plain reading of the same
rules (strip each allowed prefix in turn, join the following words), on
examples and on random tables and texts.
"""

from __future__ import annotations

from typing import Any

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from syrdiplo.matching import NOUN_PREFIXES, MatcherSet, PhraseMatcher, Tokens

# --------------------------------------------------------------------------- the plain reading

_WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+")
_LOOSE = regex.compile(r"^[ \"'“”«»„\u2018\u2019\-–]*$")


def _plain_tokens(text: str) -> tuple[list[tuple[int, int]], list[bool], list[bool]]:
    spans = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    gaps = [text[spans[i][1] : spans[i + 1][0]] for i in range(len(spans) - 1)]
    spaced = [g.strip(" ") == "" for g in gaps] + [False]
    loose = [bool(_LOOSE.match(g)) for g in gaps] + [False]
    return spans, spaced, loose


def _plain_at(matcher: PhraseMatcher, tokens: Tokens, i: int) -> tuple[Any, ...] | None:
    """The longest entry at token ``i`` (then the shortest prefix), read the slow way."""
    word = tokens.words[i]
    joined = tokens.loose if matcher.loose else tokens.spaced
    best = None
    for size in range(min(matcher.longest_prefix, len(word) - 2) + 1):
        prefix = word[:size]
        if prefix not in matcher.prefixes:
            continue
        readings = [(word[size:], size, prefix)]
        if prefix.endswith("لل"):
            readings.append(("ال" + word[size:], size - 2, prefix[:-2] + "ل"))
        for phrase, offset, shown in readings:
            last, found = i, None
            while True:
                if phrase in matcher.entries:
                    found = (phrase, last)
                if last - i + 1 >= matcher.longest or not joined[last]:
                    break
                last += 1
                phrase += " " + tokens.words[last]
            if found is not None and (best is None or found[1] > best[4]):
                start = tokens.starts[i]
                best = (start, tokens.ends[found[1]], start + offset, i, found[1], shown, found[0])
    return best


def _row(hit: Any) -> tuple[Any, ...] | None:
    if hit is None:
        return None
    return (hit.start, hit.end, hit.word_start, hit.first, hit.last, hit.prefix, hit.entry)


# --------------------------------------------------------------------------- examples


def test_tokens_offsets_and_gaps() -> None:
    text = "التقى بوتين، «أردوغان»\nفي سوتشي"
    tokens = Tokens.of(text)
    assert tokens.words == ("التقى", "بوتين", "أردوغان", "في", "سوتشي")
    assert [text[s:e] for s, e in zip(tokens.starts, tokens.ends, strict=True)] == list(
        tokens.words
    )
    assert tokens.spaced == (True, False, False, True, False)
    assert tokens.loose == (True, False, True, True, False)  # "» \n" is only quotes and a line end
    assert len(tokens) == 5
    assert Tokens.of("").words == ()


def test_article_merged_into_li_is_reported_as_li() -> None:
    matcher = PhraseMatcher({"الولايات المتحده": "US"}, NOUN_PREFIXES)
    tokens = Tokens.of("وصل للولايات المتحده")
    hit = matcher.at(tokens, 1)
    assert hit is not None
    assert (hit.prefix, hit.entry, hit.value) == ("ل", "الولايات المتحده", "US")
    assert hit.word_start == tokens.starts[1]
    assert (hit.first, hit.last) == (1, 2)


def test_longest_entry_then_shortest_prefix() -> None:
    matcher = PhraseMatcher({"وزير": 1, "وزير الخارجيه": 2, "زير": 3}, ("", "و"))
    tokens = Tokens.of("وزير الخارجيه")
    hit = matcher.at(tokens, 0)
    assert hit is not None
    assert (hit.entry, hit.prefix) == ("وزير الخارجيه", "")
    alone = matcher.at(Tokens.of("وزير."), 0)
    assert alone is not None
    assert (alone.entry, alone.prefix) == ("وزير", "")


def test_phrase_stops_at_punctuation_unless_loose() -> None:
    entries = {"صيغه استانه": True}
    strict, loose = PhraseMatcher(entries), PhraseMatcher(entries, loose=True)
    tokens = Tokens.of("صيغه “استانه”")
    assert strict.at(tokens, 0) is None
    assert _row(loose.at(tokens, 0)) == (0, len("صيغه “استانه"), 0, 0, 1, "", "صيغه استانه")


def test_a_head_keeps_two_letters_and_unknown_prefixes_do_not_match() -> None:
    matcher = PhraseMatcher({"مع": True, "م": True}, ("", "و"))
    assert _row(matcher.at(Tokens.of("ومع"), 0)) == (0, 3, 1, 0, 0, "و", "مع")
    assert matcher.at(Tokens.of("م"), 0) is None
    assert matcher.at(Tokens.of("بمع"), 0) is None


def test_matcher_set_gives_each_matchers_own_hits() -> None:
    roles = PhraseMatcher({"وزير الدفاع": True}, ("", "و"))
    words = PhraseMatcher({"الدفاع": True, "وزير": True})
    tokens = Tokens.of("ووزير الدفاع وزير")
    found = MatcherSet({"roles": roles, "words": words}).find(tokens)
    assert [h.entry for h in found["roles"]] == ["وزير الدفاع"]
    assert [h.entry for h in found["words"]] == ["الدفاع", "وزير"]
    assert [_row(h) for h in found["roles"]] == [_row(h) for h in roles.find(tokens)]


# --------------------------------------------------------------------------- random tables

_LETTERS = "الوفبكسمن"
_PREFIXES = ["", "و", "ف", "ب", "ل", "ك", "ال", "بال", "لل", "ولل", "س", "وس", "وال"]
_GAPS = [" ", " ", " ", "  ", "\n", " «", "» ", ", ", "-", " \n", "،"]

_words = st.text(_LETTERS, min_size=1, max_size=5)
_entry_words = st.tuples(st.sampled_from(["", "ال"]), _words).map("".join)
_entries = st.dictionaries(
    st.lists(_entry_words, min_size=1, max_size=3).map(" ".join), st.integers(), max_size=10
)


@st.composite
def _case(draw: st.DrawFn) -> tuple[dict[str, int], list[str], bool, str]:
    entries = draw(_entries)
    prefixes = draw(st.lists(st.sampled_from(_PREFIXES), min_size=1, max_size=6, unique=True))
    pieces = []
    for _ in range(draw(st.integers(0, 14))):
        if entries and draw(st.booleans()):
            entry = draw(st.sampled_from(sorted(entries)))
            if entry.startswith("ال") and draw(st.booleans()):
                entry = "ل" + entry[1:]  # "للولايات"
            pieces.append(draw(st.sampled_from(_PREFIXES)) + entry)
        else:
            pieces.append(draw(_words))
        pieces.append(draw(st.sampled_from(_GAPS)))
    return entries, prefixes, draw(st.booleans()), "".join(pieces)


@given(_case())
@settings(max_examples=200, deadline=None)
def test_matchers_agree_with_the_plain_reading(case: tuple[dict, list, bool, str]) -> None:
    entries, prefixes, loose, text = case
    matcher = PhraseMatcher(entries, prefixes, loose=loose)
    tokens = Tokens.of(text)
    for i in range(len(tokens)):
        assert _row(matcher.at(tokens, i)) == _plain_at(matcher, tokens, i)
    expected, i = [], 0
    while i < len(tokens):
        row = _plain_at(matcher, tokens, i)
        if row is None:
            i += 1
        else:
            expected.append(row)
            i = row[4] + 1
    assert [_row(h) for h in matcher.find(tokens)] == expected
    other = PhraseMatcher({e.split(" ")[-1]: 0 for e in entries}, ("", "و"))
    found = MatcherSet({"a": matcher, "b": other}).find(tokens)
    assert [_row(h) for h in found["a"]] == expected
    assert [_row(h) for h in found["b"]] == [_row(h) for h in other.find(tokens)]


@given(st.text(st.characters(blacklist_characters="\x00"), max_size=40))
@settings(max_examples=200, deadline=None)
def test_tokens_agree_with_the_plain_reading(text: str) -> None:
    tokens = Tokens.of(text)
    spans, spaced, loose = _plain_tokens(text)
    assert list(zip(tokens.starts, tokens.ends, strict=True)) == spans
    assert tokens.words == tuple(text[s:e] for s, e in spans)
    assert list(tokens.spaced) == spaced
    assert list(tokens.loose) == loose


@given(
    st.lists(
        st.sampled_from(
            [*"ابجدوهزةىءآ", "ً", "ٰ", "٣", "3", "_", "é", "ª", "–", "“", " ", "\n", ".", "ـ"]
        ),
        max_size=40,
    ).map("".join)
)
@settings(max_examples=200, deadline=None)
def test_tokens_of_arabic_and_latin_text(text: str) -> None:
    tokens = Tokens.of(text)
    spans, spaced, loose = _plain_tokens(text)
    assert list(zip(tokens.starts, tokens.ends, strict=True)) == spans
    assert (list(tokens.spaced), list(tokens.loose)) == (spaced, loose)
