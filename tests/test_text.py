"""Normalisation keeps a true map back to the original text."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import arabic_text

from syrdiplo.text import compile_pattern, normalize, normalize_word


def test_normalize_unifies_forms() -> None:
    norm = normalize("إسرائيل أمريكا آب مستشفى مدرسة ٢٠٢١ ۱۹ ،؛؟")
    assert norm.text == "اسرائيل امريكا اب مستشفي مدرسه 2021 19 ,;?"


def test_normalize_drops_marks_and_keeps_offsets() -> None:
    original = "قالَ  الـــوزيرُ\u200f، ٢٨"
    norm = normalize(original)
    assert norm.text == "قال الوزير, 28"
    match = regex.search("الوزير", norm.text)
    start, end = norm.original_span(match.start(), match.end())
    assert original[start:end] == "الـــوزيرُ"  # tatweel inside, damma taken along at the end


def test_a_lone_tatweel_is_a_dash_and_a_stretching_one_is_dropped() -> None:
    norm = normalize("موسكو ـ سانا: الحـــوار")
    assert norm.text == "موسكو - سانا: الحوار"
    assert norm.original_span(6, 7) == (6, 7)


def test_identity_when_nothing_is_dropped() -> None:
    norm = normalize("نص عادي")
    assert norm.offsets is None
    assert norm.original_span(0, 2) == (0, 2)


def test_carriage_returns_and_space_runs() -> None:
    norm = normalize("أ   ب\r\nج")
    assert norm.text == "ا ب\nج"
    assert norm.original_span(4, 5) == (7, 8)


@settings(max_examples=200, deadline=None)
@given(arabic_text)
def test_every_normalised_character_maps_back(text: str) -> None:
    norm = normalize(text)
    for i, char in enumerate(norm.text):
        start, end = norm.original_span(i, i + 1)
        assert 0 <= start < end <= len(text)
        assert normalize(text[start:end]).text == char


@settings(max_examples=200, deadline=None)
@given(arabic_text, st.integers(0, 50))
def test_to_normalized_inverts_original_offset(text: str, k: int) -> None:
    norm = normalize(text)
    if not norm.text:
        return
    i = k % len(norm.text)
    assert norm.to_normalized(norm.original_offset(i)) == i


@settings(max_examples=200, deadline=None)
@given(arabic_text)
def test_offsets_agree_with_the_segment_lookups(text: str) -> None:
    # ``offsets`` spells the map out per character; the lookups use segments and bisection.
    norm = normalize(text)
    offsets = norm.offsets
    if offsets is None:
        assert norm.text == text or len(norm.text) == len(text)
        return
    assert len(offsets) == len(norm.text)
    assert list(offsets) == sorted(set(offsets))
    for i, offset in enumerate(offsets):
        assert norm.original_offset(i) == offset
    for original in range(len(text) + 1):
        # the first kept character at or after ``original``
        expected = next((i for i, o in enumerate(offsets) if o >= original), len(norm.text))
        assert norm.to_normalized(original) == expected


def test_compile_pattern_normalises_words_and_prefers_the_longest() -> None:
    pattern = compile_pattern(r"\L<months>", months=["كانون", "كانون الثاني", "أيار"])
    norm = normalize("في كانون الثاني وأيار")
    assert [m.group() for m in pattern.finditer(norm.text)] == ["كانون الثاني", "ايار"]


def test_normalize_word_collapses_inner_space() -> None:
    assert normalize_word("  كانون   الثاني ") == "كانون الثاني"
