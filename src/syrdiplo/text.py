"""Arabic text helpers that keep offsets true: normalisation with an offset map.

Patterns are matched against a *normalised* copy of the article (no diacritics
or tatweel, one alef, ي for ى, ه for ة, Western digits, Latin punctuation), and
every match is mapped back to the original text, so spans always point into
:attr:`Article.text` exactly as given::

    >>> norm = normalize("قالَ أنتونوف، ٢٨ تموز")
    >>> norm.text
    'قال انتونوف, 28 تموز'
    >>> m = regex.search("انتونوف", norm.text)
    >>> norm.original_span(m.start(), m.end())
    (5, 12)

This module is public so that plugins can match the way the built-ins do.
"""

from __future__ import annotations

import bisect
import functools
import html
import re
from collections.abc import Iterable, Iterator
from typing import Any

import attrs
import regex

__all__ = [
    "PROCLITIC",
    "WORD_END",
    "WORD_START",
    "NormalizedText",
    "compile_pattern",
    "normalize",
    "normalize_word",
]

# One character becomes one character: str.translate keeps offsets.
_MAP: dict[int, str] = {
    **{ord(c): "ا" for c in "أإآٱٲٳ"},
    ord("ى"): "ي",
    ord("ی"): "ي",  # Persian yeh
    ord("ک"): "ك",  # Persian kaf
    ord("ة"): "ه",
    **{0x0660 + i: str(i) for i in range(10)},  # Eastern Arabic digits
    **{0x06F0 + i: str(i) for i in range(10)},  # Persian digits
    ord("٫"): ".",  # Arabic decimal separator
    ord("٬"): ",",  # Arabic thousands separator
    ord("،"): ",",
    ord("؛"): ";",
    ord("؟"): "?",
    ord("٪"): "%",
    0x00A0: " ",  # no-break space
    0x2007: " ",
    0x202F: " ",
    ord("\t"): " ",
}
_TABLE = str.maketrans(_MAP)
# Finding which mapped characters occur, then str.replace for each, is ~5x faster
# than str.translate with a dict table on Arabic text.
_MAPPED = re.compile("[" + "".join(re.escape(chr(c)) for c in _MAP) + "]")

# Characters dropped from the normalised copy: harakat, superscript alef,
# Quranic marks, tatweel, invisible direction and width marks, soft hyphens.
_DROP_CLASS = r"[\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF\u061C\u00AD]"
# Runs of spaces collapse to one, and carriage returns go, so "a  b" matches "a b".
_DROP = re.compile(_DROP_CLASS + r"|\r| {2,}")
_MARKS = re.compile(_DROP_CLASS)
_LONE_TATWEEL = re.compile(r"(?<!\S)\u0640+(?!\S)")
# Marks that belong to the letter before them: a match ending on the letter takes them along.
_TRAILING_MARK = regex.compile(r"[\u064B-\u065F\u0670]+")

#: Zero-width assertion: no letter, mark or digit before this point.
WORD_START = r"(?<![\p{L}\p{M}\p{N}])"
#: Zero-width assertion: no letter, mark or digit after this point.
WORD_END = r"(?![\p{L}\p{M}\p{N}])"
#: Optional attached prefixes: conjunction و/ف, preposition ب/ل/ك, article ال (لل after ل).
PROCLITIC = r"(?:[وف]?(?:[بك]?ال|لل|[بلك])?)"


@attrs.frozen
class NormalizedText:
    """A normalised copy of ``original`` with the map back to original offsets.

    The normalised text is ``original`` with some characters dropped, so it is a
    series of *segments* copied one to one. ``segments`` holds, for each, the
    normalised offset where it starts and how far its characters have moved
    (original offset minus normalised offset); ``None`` when nothing was dropped.
    """

    original: str
    text: str
    segments: tuple[tuple[int, ...], tuple[int, ...]] | None = None

    @property
    def offsets(self) -> tuple[int, ...] | None:
        """``offsets[i]`` is the offset in ``original`` of ``text[i]``; ``None`` when aligned."""
        if self.segments is None:
            return None
        starts, shifts = self.segments
        ends = (*starts[1:], len(self.text))
        return tuple(
            i + shift for a, b, shift in zip(starts, ends, shifts, strict=True) for i in range(a, b)
        )

    def original_offset(self, index: int) -> int:
        """The original offset of normalised offset ``index`` (a start position)."""
        if self.segments is None:
            return index
        if index >= len(self.text):
            return len(self.original)
        starts, shifts = self.segments
        return index + shifts[bisect.bisect_right(starts, index) - 1]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised ``[start, end)`` to the original text.

        The end takes along diacritics that follow the last letter, so a match on
        ``قال`` in ``قالَ`` spans all four characters.
        """
        if self.segments is None:
            ostart, oend = start, end
        else:
            ostart = self.original_offset(start)
            oend = self.original_offset(end - 1) + 1 if end > start else ostart
        if oend < len(self.original) and end > start:
            mark = _TRAILING_MARK.match(self.original, oend)
            if mark:
                oend = mark.end()
        return ostart, oend

    def finditer(
        self, pattern: regex.Pattern[str], start: int = 0, end: int | None = None
    ) -> Iterator[tuple[int, int, regex.Match[str]]]:
        """Search the normalised text; yield ``(original_start, original_end, match)``."""
        stop = len(self.text) if end is None else end
        for match in pattern.finditer(self.text, start, stop):
            ostart, oend = self.original_span(match.start(), match.end())
            yield ostart, oend, match

    def to_normalized(self, original_index: int) -> int:
        """The normalised offset of an original offset (first kept character at or after it)."""
        if self.segments is None:
            return original_index
        starts, shifts = self.segments
        k = bisect.bisect_right(self._original_starts, original_index) - 1
        if k < 0:
            return 0
        index = original_index - shifts[k]
        end = starts[k + 1] if k + 1 < len(starts) else len(self.text)
        return index if index < end else end

    @functools.cached_property
    def _original_starts(self) -> list[int]:
        starts, shifts = self.segments or ((), ())
        return [a + shift for a, shift in zip(starts, shifts, strict=True)]


# Markup in scraped text: scripts and styles, comments, tags, character references.
_HTML = re.compile(
    r"<(script|style)\b[^>]*>.*?</\1\s*>|<!--.*?-->|</?[A-Za-z][A-Za-z0-9]*\b[^<>]*>"
    r"|&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z]{2,8});",
    re.DOTALL | re.IGNORECASE,
)
_BLOCK_TAGS = frozenset(
    "p br div li ul ol h1 h2 h3 h4 h5 h6 tr table section article header footer blockquote title figcaption".split()
)
_HIDDEN = "\u200b"  # a character the normaliser drops


def _blank_markup(match: re.Match[str]) -> str:
    """Same-length stand-in for markup: one separator (or the referenced character), then hidden filler."""
    markup = match.group()
    if markup[0] == "&":
        char = html.unescape(markup)
        first = char if len(char) == 1 else " "
    else:
        name = regex.match(r"</?([A-Za-z0-9]+)", markup)
        first = "\n" if name and name[1].lower() in _BLOCK_TAGS else " "
    return first + _HIDDEN * (len(markup) - 1)


def normalize(text: str) -> NormalizedText:
    """Normalise Arabic ``text`` for matching, keeping the map back to it.

    Scraped HTML is tolerated: tags, comments, scripts and styles become a
    space (or a line break for block tags) and character references the
    character they stand for, so the words around them match as in plain text.
    """
    mapped = text
    if ("<" in text or "&" in text) and _HTML.search(text):
        mapped = _HTML.sub(_blank_markup, text)
    for char in set(_MAPPED.findall(mapped)):
        mapped = mapped.replace(char, _MAP[ord(char)])
    if "\u0640" in mapped:  # a tatweel standing alone is a dash ("موسكو ـ سانا"), not a stretch
        mapped = _LONE_TATWEEL.sub(lambda m: "-" * len(m.group()), mapped)
    if not _DROP.search(mapped):
        return NormalizedText(text, mapped, None)
    kept: list[str] = []
    starts: list[int] = []  # where each kept segment starts in the normalised text
    shifts: list[int] = []  # and how far its characters moved from the original
    size = 0
    position = 0
    for match in _DROP.finditer(mapped):
        drop_from = match.start() + 1 if mapped[match.start()] == " " else match.start()
        if drop_from > position:
            kept.append(mapped[position:drop_from])
            starts.append(size)
            shifts.append(position - size)
            size += drop_from - position
        position = match.end()
    if position < len(mapped) or not starts:
        kept.append(mapped[position:])
        starts.append(size)
        shifts.append(position - size)
    return NormalizedText(text, "".join(kept), (tuple(starts), tuple(shifts)))


def normalize_word(word: str) -> str:
    """Normalise a lexicon entry the same way article text is normalised."""
    return " ".join(_MARKS.sub("", word.translate(_TABLE)).split())


def _flexible_space(word: str) -> str:
    return regex.sub(r"\s+", " ", word)


def compile_pattern(pattern: str, flags: int = 0, **lists: Iterable[str]) -> regex.Pattern[str]:
    """Compile ``pattern`` with named word lists (``\\L<name>``), normalising the words.

    Words are normalised with :func:`normalize_word` and the ``regex`` module picks
    the longest alternative (``كانون الثاني`` over ``كانون``). Inner spaces in a
    multi-word entry match one space in the normalised text.
    """
    named: dict[str, Any] = {}
    for name, words in lists.items():
        cleaned = {_flexible_space(normalize_word(w)) for w in words}
        cleaned.discard("")
        named[name] = sorted(cleaned, key=lambda w: (-len(w), w))
    return regex.compile(pattern, flags, **named)
