"""The Arabic date resolver.

Finds every date expression in a text, with its span in the original text,
and resolves it against the publication date to a TIMEX3-style value at the
expression's own precision::

    >>> [(t.text, t.value) for t in resolve("التقى لافروف كيري أمس الثلاثاء", "2016-08-24")]
    [('أمس الثلاثاء', '2016-08-23')]

Two entry points:

* :func:`find_timexes` is the pipeline stage: it reads the article, its
  normalised text and the lexicon in force (core data plus plugins) from a
  :class:`~syrdiplo.Document`, and leaves out expressions inside boilerplate
  (related-article lists and the like).
* :func:`resolve` is the standalone API: a string and an anchor date in, the
  expressions out.

The words (month names of every regional family, weekdays, relative words,
modifiers ...) are data in ``months.toml``, ``weekdays.toml`` and
``dates.toml``; plugins extend them through ``syrdiplo_register_lexicons``.
The resolver never reads the clock: without a publication date, expressions
that need one get ``value=None``.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ._dates_lexicon import load_date_words
from ._dates_patterns import DatePatterns, build_patterns
from ._dates_reader import Reader
from .errors import InputError
from .lexicon import Lexicon, core_lexicon
from .model import Timex
from .text import NormalizedText, normalize

if TYPE_CHECKING:
    from .document import Document

__all__ = ["find_timexes", "resolve"]

_CACHE_KEY = ("syrdiplo.dates", "patterns", 1)
_TATWEEL = "\u0640"


def _patterns(lexicon: Lexicon) -> DatePatterns:
    return lexicon.cached(_CACHE_KEY, lambda lex: build_patterns(load_date_words(lex)))


def _anchor(published: dt.date | str | None) -> dt.date | None:
    if published is None or published == "":
        return None
    if isinstance(published, dt.datetime):
        return published.date()
    if isinstance(published, dt.date):
        return published
    if isinstance(published, str):
        try:
            return dt.date.fromisoformat(published.strip()[:10])
        except ValueError:
            raise InputError(
                f"publication date {published!r} is not in YYYY-MM-DD form", field="published"
            ) from None
    raise InputError(
        f"publication date must be a date or a YYYY-MM-DD string, not {type(published).__name__}",
        field="published",
    )


def _timexes(
    patterns: DatePatterns, normalized: NormalizedText, anchor: dt.date | None
) -> list[Timex]:
    original = normalized.original
    out = []
    for found in Reader(patterns, normalized, anchor).read():
        start, end = normalized.original_span(found.start, found.end)
        while end < len(original) and original[end] == _TATWEEL:  # "1445 هـ"
            end += 1
        out.append(
            Timex(
                start=start,
                end=end,
                text=original[start:end],
                value=found.value,
                precision=found.precision,
                modifier=found.modifier,
                anchor=found.anchor,
                flags=found.flags,
            )
        )
    return out


def find_timexes(doc: Document) -> tuple[Timex, ...]:
    """The date expressions of an analysed article, in text order (the pipeline stage).

    Relative expressions are resolved against ``doc.article.published``.
    Expressions in boilerplate lines (related-article lists, share bars) are
    left out: they belong to other articles.
    """
    patterns = _patterns(doc.lexicon)
    found = _timexes(patterns, doc.normalized, doc.article.published)
    return tuple(t for t in found if not doc.in_boilerplate(t.start))


def resolve(
    text: str, published: dt.date | str | None = None, *, lexicon: Lexicon | None = None
) -> list[Timex]:
    """Find and resolve the date expressions in ``text``.

    :param text: any text (Arabic, with English dates understood too).
    :param published: the anchor for relative expressions ("أمس", "تموز الماضي"):
        a ``date`` or a ``YYYY-MM-DD`` string. ``None`` leaves them unresolved
        (``value=None``); absolute dates still resolve.
    :param lexicon: the language data to use; the shipped data by default.
    :raises InputError: ``published`` is not a date.
    """
    anchor = _anchor(published)
    patterns = _patterns(lexicon if lexicon is not None else core_lexicon())
    return _timexes(patterns, normalize(text), anchor)
