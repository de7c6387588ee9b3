"""Sentence splitting and page zones (title, headings, body, captions, boilerplate).

Scraped articles carry more than the story: headlines repeated, photo captions,
lists of related articles, share buttons. Each line is split into sentences and
each sentence gets a :class:`~syrdiplo.Zone`, so extractors can ignore what is
not the article body. The boilerplate markers are data (``boilerplate.toml``).
"""

from __future__ import annotations

import regex

from .lexicon import Lexicon
from .model import Article, Sentence, Zone
from .text import NormalizedText, normalize_word

__all__ = ["split_sentences"]

# A sentence ends at . ! ? (normalised ؟) or … followed by space, or at a line end.
_SENTENCE_END = regex.compile(
    r"(?<!\b\p{Lu}|\d)[.!?…]+[\"'”»)]*(?=\s)|(?<=\p{L}[^\n]*\d)\.(?=\s+\D)"
)
_LINE = regex.compile(r"[^\n]+")
_HEADING_WORDS = 14
_TRAILING = " \t:：.…-–—|•*·"
_LATIN = regex.compile(r"\p{Latin}")
_ARABIC = regex.compile(r"\p{Arabic}")
_LIST_ITEM = regex.compile(r"^\s*(?:\d+[.)-]|[•*·▪►-])\s*")


def _markers(lexicon: Lexicon) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    def build(lex: Lexicon) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
        def words(key: str) -> frozenset[str]:
            return frozenset(
                normalize_word(w).strip(_TRAILING).casefold() for w in lex.words("boilerplate", key)
            )

        return words("tail"), words("next_line"), words("line")

    return lexicon.cached("segment.markers", build)


def _is_marker(key: str, markers: frozenset[str]) -> bool:
    """The line is a marker, or a short line that begins with one ("المزيد من سوريا")."""
    if key in markers:
        return True
    words = key.split()
    return len(words) <= 5 and any(" ".join(words[:n]) in markers for n in range(1, len(words)))


def _zone_of_line(line: str, *, first: bool) -> Zone:
    """Title, heading, caption or body, from the shape of the normalised line."""
    stripped = line.strip()
    letters_latin = len(_LATIN.findall(stripped))
    letters_arabic = len(_ARABIC.findall(stripped))
    if letters_latin > 3 * max(letters_arabic, 1):
        return Zone.CAPTION
    words = stripped.split()
    closed = stripped.endswith((".", "!", "?", "…", '"', "”", "»", ")"))
    if len(words) <= _HEADING_WORDS and not closed:
        return Zone.TITLE if first else Zone.HEADING
    return Zone.BODY


def split_sentences(
    article: Article, normalized: NormalizedText, lexicon: Lexicon
) -> tuple[Sentence, ...]:
    """Split the article into sentences with their page zones.

    Sentences never cross a line break. Offsets are into ``article.text``.
    """
    tail, next_line, single = _markers(lexicon)
    text = normalized.text
    sentences: list[Sentence] = []
    in_tail = False
    skip_next = False
    first = True
    for line in _LINE.finditer(text):
        content = line.group().strip()
        if not content:
            continue
        key = _LIST_ITEM.sub("", content).strip(_TRAILING).casefold()
        if in_tail or _is_marker(key, tail):
            in_tail = True
            zone = Zone.BOILERPLATE
        elif skip_next:
            skip_next = False
            zone = Zone.BOILERPLATE
        elif _is_marker(key, next_line):
            skip_next = True
            zone = Zone.BOILERPLATE
        elif key in single or (len(key) < 3 and not any(c.isdigit() for c in key)):
            zone = Zone.BOILERPLATE
        else:
            zone = _zone_of_line(content, first=first)
            first = False
        # split the line into sentences
        start = line.start()
        while start < line.end() and text[start].isspace():
            start += 1
        pieces = []
        for end_match in _SENTENCE_END.finditer(text, start, line.end()):
            pieces.append((start, end_match.end()))
            start = end_match.end()
            while start < line.end() and text[start].isspace():
                start += 1
        end = line.end()
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            pieces.append((start, end))
        for piece_start, piece_end in pieces:
            ostart, oend = normalized.original_span(piece_start, piece_end)
            sentences.append(
                Sentence(start=ostart, end=oend, text=article.text[ostart:oend], zone=zone)
            )
    return tuple(sentences)
