"""The words of a text that belong to a set, with their offsets, found quickly.

The actor and claim stages try their patterns only at words that can start a
form (a name's first word, a cue verb), and those are a few dozen of the
hundreds of words in an article. :func:`word_hits` finds them without a
Python step per word of the article: ``str.split`` cuts the text at white
space, set lookups pick the chunks that are or may hold a wanted word (a
chunk with punctuation attached is cut again), and ``str.find`` locates only
the words picked.

A word is a maximal run of characters that are neither white space nor one of
``SEPARATORS`` (the ``_WORD`` of :mod:`syrdiplo._actors_pattern`): hyphens and
apostrophes stay inside it.
"""

from __future__ import annotations

import re
from collections.abc import Container
from typing import TYPE_CHECKING

from .errors import DataFileError

if TYPE_CHECKING:
    from .lexicon import Lexicon

__all__ = ["SEPARATORS", "WORD", "SharedWords", "shared_words", "word_hits"]

#: the punctuation that ends a word besides white space
SEPARATORS = '"“”«»()[]{}<>.,;:!?…'
#: a word of normalised text, cut at white space and at ``SEPARATORS``
WORD = re.compile(r"[^\s\"“”«»()\[\]{}<>.,;:!?…]+")


_SEPARATOR_SET = frozenset(SEPARATORS + " \n")


def word_hits(
    text: str, wanted: Container[str], *, fold_ascii: bool = False
) -> list[tuple[int, int, str]]:
    """``(start, end, word)`` for every word of ``text`` in ``wanted``, in order.

    With ``fold_ascii``, an ASCII word also counts when its case-folded form is
    wanted (the word is given as written). ``wanted`` should hold words only:
    an entry with white space or a separator in it is never a word of the text.
    """
    picked: list[str] = []
    for chunk in text.split():
        if chunk in wanted:
            picked.append(chunk)
            continue
        if chunk.isalpha() and not (fold_ascii and chunk.isascii()):
            continue
        # punctuation, digits or Latin letters: the words in it
        core = chunk.strip(SEPARATORS)  # "لافروف," "«سبوتنيك»"
        words = [core] if core.isalnum() else WORD.findall(chunk)  # letters and digits: one word
        for word in words:
            if word in wanted or (fold_ascii and word.isascii() and word.casefold() in wanted):
                picked.append(word)
    hits = []
    size = len(text)
    separators = _SEPARATOR_SET
    cursor = 0
    for word in picked:
        # the first occurrence standing as a whole word is this one: an earlier
        # whole-word occurrence would have been picked before it
        start = text.find(word, cursor)
        while True:
            end = start + len(word)
            before = text[start - 1] if start else " "
            after = text[end] if end < size else " "
            if (before in separators or before.isspace()) and (
                after in separators or after.isspace()
            ):
                break
            start = text.find(word, start + 1)
        hits.append((start, end, word))
        cursor = end
    return hits


class SharedWords:
    """The words the actor and the claim stages look for, found in one pass per text.

    The actor stage reads an article's words first and the claim stage reads
    the same normalised text right after, so the hits of the last text are kept
    (:meth:`hits` returns them again for the same string object).
    """

    def __init__(self, wanted: frozenset[str]) -> None:
        self.wanted = wanted
        self._last: tuple[str, list[tuple[int, int, str]]] | None = None

    def hits(self, text: str) -> list[tuple[int, int, str]]:
        """:func:`word_hits` of ``text`` for every wanted word, ASCII words folded."""
        last = self._last
        if last is not None and last[0] is text:
            return last[1]
        found = word_hits(text, self.wanted, fold_ascii=True)
        self._last = (text, found)
        return found


def shared_words(lexicon: Lexicon) -> SharedWords:
    """The :class:`SharedWords` of ``lexicon``: the first words of actor forms and of cues."""

    def build(lex: Lexicon) -> SharedWords:
        from ._actors_data import gazetteer
        from ._claims_cues import cues

        wanted = set(gazetteer(lex).matcher.index)
        try:
            wanted |= cues(lex).scan_words
        except DataFileError:
            pass  # the claim stage reports broken cues itself
        return SharedWords(frozenset(wanted))

    return lexicon.cached("syrdiplo.shared_words", build)
