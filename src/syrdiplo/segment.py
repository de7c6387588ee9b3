"""Sentence splitting and page zones (title, headings, body, captions, boilerplate).

Scraped articles carry more than the story: headlines repeated, photo captions,
lists of related articles, share buttons. Each line is split into sentences and
each sentence gets a :class:`~syrdiplo.Zone`, so extractors can ignore what is
not the article body. The boilerplate markers are data (``boilerplate.toml``).
"""

from __future__ import annotations

import re

import regex

from .lexicon import Lexicon
from .model import Article, Sentence, Zone
from .text import NormalizedText, normalize_word

__all__ = ["split_sentences"]

# Candidate sentence ends: . ! ? (normalised ؟) or … followed by white space.
_END_CANDIDATE = re.compile(r"[.!?…]+[\"'”»)]*(?=\s)")
# ... but not the period of an initial ("J. Kerry") or of a list number at the line start ("1. ").
_INITIAL = regex.compile(r"(?:^|[^\p{L}])\p{Lu}$")
_LINE = re.compile(r"[^\S\n]*([^\n]*\S)")  # group 1: the line without surrounding space
_SPACE = re.compile(r"\s*")
_HEADING_WORDS = 14
_CAPTION_WORDS = 20
_PARAGRAPH_WORDS = 25  # related-article titles are shorter than this
_TRAILING = " \t:：.…-–—|•*·"
_LATIN = re.compile(r"[A-Za-z]")
_ARABIC = re.compile(r"[\u0600-\u06FF]")
_LIST_ITEM = re.compile(r"^\s*(?:\d+[.)-]|[•*·▪►-])\s*")
_CREDIT = re.compile(r"\(([^()]{1,40})\)\s*$")
_SENTENCE_PUNCT = re.compile(r"[.!?:]")


#: (agency and outlet names, words of a photo note such as "صورة"/"Photo")
_Credits = tuple[frozenset[str], frozenset[str]]
_Markers = tuple[frozenset[str], frozenset[str], frozenset[str], _Credits]


def _markers(lexicon: Lexicon) -> _Markers:
    def build(lex: Lexicon) -> _Markers:
        def words(key: str) -> frozenset[str]:
            return frozenset(
                normalize_word(w).strip(_TRAILING).casefold() for w in lex.words("boilerplate", key)
            )

        return (
            words("tail"),
            words("next_line"),
            words("line"),
            (
                words("credits"),
                words("credit_words"),
            ),
        )

    return lexicon.cached("segment.markers", build)


def _is_sentence_end(text: str, sentence_start: int, at: int) -> bool:
    """Whether the punctuation at ``at`` ends a sentence (not "J." nor the "1." of a list)."""
    if text[at] != ".":
        return True
    before = text[max(sentence_start, at - 2) : at]
    if before and _INITIAL.search(before):
        return False
    if at > sentence_start and text[at - 1].isdigit():
        # "عام 2015. وقال" ends a sentence; a list number "1." at the start does not
        return not text[sentence_start:at].isdigit()
    return True


def _is_paragraph(line: str) -> bool:
    """A line of running prose: long, and closed by sentence punctuation."""
    return line.count(" ") >= _PARAGRAPH_WORDS and line.rstrip().endswith(
        (".", "!", "?", "…", '"', "”", "»")
    )


def _is_marker(key: str, markers: frozenset[str]) -> bool:
    """The line is a marker, or a short line that begins with one ("المزيد من سوريا")."""
    if key in markers:
        return True
    if len(key) > 60:  # markers are a few words; longer lines are not "marker + link"
        return False
    words = key.split()
    return len(words) <= 5 and any(" ".join(words[:n]) in markers for n in range(1, len(words)))


def _credit_kind(inside: str, credits: _Credits) -> str | None:
    """What the words in a line's closing parentheses are: a ``"photo"`` note, an ``"agency"``, or neither."""
    agencies, photo_words = credits
    key = inside.strip(_TRAILING).casefold()
    if any(w in key for w in photo_words):
        return "photo"
    return "agency" if key in agencies else None


def _zone_of_line(line: str, *, first: bool, credits: _Credits) -> Zone:
    """Title, heading, caption or body, from the shape of the normalised line."""
    stripped = line.strip()
    if _LATIN.search(stripped):
        letters_latin = len(_LATIN.findall(stripped))
        letters_arabic = len(_ARABIC.findall(stripped))
        if letters_latin > 3 * max(letters_arabic, 1):
            return Zone.CAPTION
    words = stripped.split()
    credit = _CREDIT.search(stripped) if stripped.endswith(")") else None
    if credit and len(words) <= _CAPTION_WORDS:
        kind = _credit_kind(credit[1], credits)
        # A photo note always makes a caption. An agency name also closes short news
        # paragraphs ("... أمس. (سانا)"): a caption is a phrase, with no sentence end before it.
        if kind == "photo" or (
            kind == "agency" and not _SENTENCE_PUNCT.search(stripped, 0, credit.start())
        ):
            return Zone.CAPTION
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
    tail, next_line, single, credits = _markers(lexicon)
    text = normalized.text
    sentences: list[Sentence] = []
    in_tail = False
    skip_next = False
    first = True
    for line in _LINE.finditer(text):
        content = line[1]
        key = _LIST_ITEM.sub("", content).strip(_TRAILING).casefold()
        if in_tail and _is_paragraph(content):
            in_tail = False  # a list of links ended and prose resumed (a sidebar before the story)
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
            zone = _zone_of_line(content, first=first, credits=credits)
            first = False
        # split the line into sentences
        start, line_end = line.span(1)
        pieces = []
        for end_match in _END_CANDIDATE.finditer(text, start, line_end):
            if not _is_sentence_end(text, start, end_match.start()):
                continue
            pieces.append((start, end_match.end()))
            start = _SPACE.match(text, end_match.end(), line_end).end()
        if line_end > start:
            pieces.append((start, line_end))
        for piece_start, piece_end in pieces:
            ostart, oend = normalized.original_span(piece_start, piece_end)
            sentences.append(
                Sentence(start=ostart, end=oend, text=article.text[ostart:oend], zone=zone)
            )
    return tuple(sentences)
