"""Actor recognition: who and what an article mentions, linked to canonical identities.

:func:`find_actors` is the pipeline stage (after dates, before claims). It
finds every mention of a person, organisation, state or anonymous source in one
pass of one compiled pattern and resolves it:

* names and surnames from the gazetteer ("سيرغي لافروف", "لافروف");
* titles composed with a state ("وزير الدفاع الروسي", "وزير خارجية روسيا",
  "السفير الروسي لدى الولايات المتحدة") and counterparts ("بنظيره الأمريكي"),
  given the person who held the office on the date of the event;
* institutions and outlets ("البنتاغون", "وزارة الخارجية الروسية", "وكالة سبوتنيك");
* states: names, capitals standing for governments ("موسكو وواشنطن تجريان
  حوارا"), sides and peoples ("الجانب الأمريكي", "الروس");
* anonymous sources with their country ("مصدر دبلوماسي روسي").

The data lives in ``actors.tsv``, ``offices.tsv``, ``roles.toml`` and
``anonymous.toml`` (see ``docs/gazetteer.md``); plugins add actors through the
``syrdiplo_register_actors`` hook. :func:`office_holder` and
:func:`country_of` answer the same questions for plugin authors.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ._actors_data import gazetteer, key
from ._actors_resolve import resolve_mentions
from .lexicon import Lexicon, core_lexicon

if TYPE_CHECKING:
    from .document import Document
    from .model import Actor

__all__ = ["check_gazetteer", "country_of", "find_actors", "office_holder", "offices_held"]


def find_actors(doc: Document) -> tuple[Actor, ...]:
    """Every actor mention in ``doc``, one :class:`~syrdiplo.Actor` each, ordered by start.

    Uses ``doc.timexes`` to date the events titles refer to (the holder of
    "وزير الدفاع الأمريكي" in a sentence dated August 2014 is Chuck Hagel), and the
    publication date otherwise. Mentions in boilerplate are kept; extractors decide.
    """
    return resolve_mentions(doc, gazetteer(doc.lexicon))


def check_gazetteer(lexicon: Lexicon) -> None:
    """Check the actor tables of ``lexicon`` and compile them.

    Raises :class:`~syrdiplo.DataFileError` naming the file or plugin, the row
    and the column of the first problem (an unknown column, a duplicate
    canonical name, a country that is not an ISO code, a term of office that
    ends before it starts, a holder missing from the actors table ...). The
    pipeline calls it after plugins register actors.
    """
    gazetteer(lexicon)


def office_holder(
    office: str,
    country: str,
    date: dt.date,
    *,
    at: str | None = None,
    lexicon: Lexicon | None = None,
) -> str | None:
    """The canonical name of who held ``office`` for ``country`` on ``date``.

    ``office`` is a key of ``roles.toml`` (``"president"``, ``"foreign_minister"``,
    ``"ambassador"`` ...). ``at`` picks the seat of offices with several: the host
    of an ambassador or envoy (``"US"``, ``"UN"``, ``"SY"``) or the institution of
    a spokesperson (``"foreign_ministry"``, ``"defence_ministry"``, ``"presidency"``).
    ``None`` when the gazetteer does not know.

        >>> office_holder("defence_minister", "US", dt.date(2015, 9, 18))
        'Ashton Carter'
        >>> office_holder("ambassador", "RU", dt.date(2021, 7, 28), at="US")
        'Anatoly Antonov'
    """
    return gazetteer(lexicon or core_lexicon()).offices.holder(office, country, date, at)


def offices_held(
    canonical: str, date: dt.date | None = None, *, lexicon: Lexicon | None = None
) -> list[tuple[str, str, str | None]]:
    """``(office, country, at)`` for each office ``canonical`` held on ``date`` (or ever)."""
    terms = gazetteer(lexicon or core_lexicon()).offices.held(canonical, date)
    return [(t.office, t.country, t.at) for t in terms]


def country_of(word: str, lexicon: Lexicon | None = None) -> str | None:
    """The ISO code a state name, capital, nationality adjective or people stands for.

    >>> country_of("الأميركيين")
    'US'
    >>> country_of("موسكو")
    'RU'
    """
    g = gazetteer(lexicon or core_lexicon())
    k = key(word)
    for table in (g.state_names, g.adjectives, g.people, g.capitals, g.un_adjectives, g.un_names):
        if k in table:
            return table[k]
    return None
