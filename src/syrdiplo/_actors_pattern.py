"""The patterns that find actor mentions, and the token index that runs them quickly.

All surface forms (names, titles composed with nationality adjectives and
state names, institutions, outlets, anonymous sources, sides, capitals) are
named word lists (``\\L<name>``) in a handful of compiled patterns, one per
family, tried in this order at a position so the more specific reading wins:

1. an outlet name that needs its noun ("صحيفة الشرق الأوسط")
2. two holders of one title ("وزيرا الخارجية الروسي والأمريكي")
3. a spokesperson and the institution ("المتحدث باسم وزارة الخارجية الأمريكية")
4. titles that name their state ("المبعوث الأممي"), with a host
5. ambassadors and envoys, with an optional host ("السفير الروسي لدى الولايات المتحدة")
6. other titles with an adjective or a state's name ("وزير الدفاع الروسي", "وزير خارجية روسيا")
7. counterparts ("نظيره الأمريكي")
8. institutions ("السفارة الروسية في واشنطن", "مجلس الأمن القومي الأمريكي")
9. names of people and organisations
10. anonymous sources ("مصادر دبلوماسية")
11. sides, peoples, state names and capitals
12. definite nouns pointing back ("المسؤول الروسي", "الوزير")

Running every pattern at every word of an article would cost most of the
pipeline's time, so :class:`Matcher` keeps an index from the first word of
every form (with its attached و/ف/ب/ل/ك) to the families that can start
with it: one pass over the article's words finds the few places worth trying
(:func:`~syrdiplo._actors_words.word_hits`). The families that are one word list
(names, peoples, state names, capitals), tried at most of those words, are
looked up in dictionaries (:class:`~syrdiplo._actors_lists.ListFinder`) rather
than matched with their patterns.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

import attrs
import regex

from ._actors_lists import ListFinder, ListMatch
from ._actors_words import WORD, word_hits
from .text import WORD_END, compile_pattern

if TYPE_CHECKING:
    from ._actors_data import Gazetteer

__all__ = ["FAMILIES", "Matcher", "build_matcher", "lookup"]

_NEVER = "\uffff\uffff"  # stands in for an empty word list
_QUOTE = r"[“\"«]"
_LIST_NAME = re.compile(r"\\L<(\w+)>")
#: what may be attached before a word: a conjunction, then a preposition
_PROCLITICS = ("", "و", "ف", "ب", "ك", "ل", "وب", "وك", "ول", "فب", "فك", "فل")

#: the families, in the order they are tried, with the word lists their forms start with
FAMILIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("qualified", ("media_nouns",)),
    ("dual", ("dual",)),
    ("spokesperson", ("inst_titles",)),
    ("fixed", ("fixed",)),
    ("host_adjective", ("host_adj",)),
    ("host_construct", ("host_con",)),
    ("adjective", ("adj_titles",)),
    ("construct", ("con_titles",)),
    ("counterpart", ("counterparts",)),
    ("institution_host", ("inst_host",)),
    ("institution", ("in_adj", "in_con")),
    ("name", ("names",)),
    ("anonymous", ("anon_heads",)),
    ("side", ("sides",)),
    ("people", ("people",)),
    ("country", ("state_names",)),
    ("capital", ("gov_caps",)),
    ("anaphor", ("anaphors",)),
)


#: the families that are one word list: family -> (group, list)
_LIST_FAMILIES = {
    "name": ("nm", "names"),
    "people": ("pp", "people"),
    "country": ("sn", "state_names"),
    "capital": ("cap", "gov_caps"),
}


def lookup(table: dict[str, object], matched: str) -> str | None:
    """The key of ``table`` that ``matched`` (normalised text) stands for, undoing a fused ل."""
    k = matched.casefold() if matched.isalpha() else " ".join(matched.split()).casefold()
    if k in table:
        return k
    if k.startswith("لل") and "ال" + k[2:] in table:
        return "ال" + k[2:]
    return None


def _with_fused(words: Iterable[str]) -> list[str]:
    out = []
    for w in words:
        out.append(w)
        if w.startswith("ال"):
            out.append("ل" + w[1:])
    return out


def _strip_attached_lam(words: Iterable[str]) -> list[str]:
    return [w[:-2] if w.endswith(" ل") else w for w in words]


def _lists(g: Gazetteer) -> dict[str, list[str]]:
    hosts = list(g.role_names)
    org_names = [
        k
        for k, forms in g.surfaces.items()
        if any(g.entries[s.canonical].type == "organization" for s in forms)
    ]
    lists = {
        "adj": list(g.role_adjectives),
        "cadj": list(g.adjectives),
        "cname": list(g.role_names),
        "mods": list(g.modifiers),
        "hprep": list(g.host_prepositions),
        "hostn": hosts,
        "hostn_l": [h[1:] if h.startswith("ال") else h for h in hosts],
        "topics": _with_fused(g.host_topics),
        "media_nouns": list(g.media_nouns),
        "qualified": list(g.qualified),
        "dual": _with_fused(g.titles["dual"]),
        "inst_titles": _with_fused(_strip_attached_lam(g.titles["institution"])),
        "in_adj": _with_fused(g.institution_titles["adjective"]),
        "in_con": _with_fused(g.institution_titles["construct"]),
        "inst_host": _with_fused(g.institution_host_titles),
        "org_names": _with_fused(org_names),
        "inst_ana": _with_fused(g.institution_anaphors),
        "fixed": _with_fused(g.titles["fixed"]),
        "host_adj": _with_fused(g.host_titles["adjective"]),
        "host_con": _with_fused(g.host_titles["construct"]),
        "adj_titles": _with_fused(g.titles["adjective"]),
        "con_titles": _with_fused(g.titles["construct"]),
        "counterparts": list(g.counterparts),
        "guards": list(g.institution_guards),
        "longer": sorted(g.not_followed_by) or ["\uffff"],
        "anon_heads": list(g.anonymous_heads | g.anonymous_standalone),
        "anon_quals": list(g.anonymous_qualifiers),
        "names": _with_fused(g.surfaces),
        "sides": _with_fused(g.sides),
        "people": _with_fused(g.people),
        "state_names": _with_fused(g.state_names),
        "gov_caps": list(g.government_capitals),
        "anaphors": _with_fused(g.anaphors),
    }
    return {name: words or [_NEVER] for name, words in lists.items()}


def _host(group: str) -> str:
    """Where an ambassador or envoy serves: "لدى واشنطن"، "لسوريا"، "للتسوية السورية"."""
    return (
        rf"(?: (?P<{group}_hp>\L<hprep>) (?P<{group}_hn>\L<hostn>)"
        rf"| ل(?P<{group}_hl>\L<hostn_l>)"
        rf"| ب(?P<{group}_hb>\L<hostn>)"
        rf"| (?:\L<hprep> )?(?P<{group}_ht>\L<topics>) (?P<{group}_hta>\L<cadj>))"
    )


def _sources() -> dict[str, str]:
    q = _QUOTE
    mods = r"(?: \L<mods>)*"
    return {
        "qualified": rf"(?P<mq_noun>\L<media_nouns>) ?{q}? ?(?P<mq>\L<qualified>)",
        "dual": r"(?P<du_t>\L<dual>) (?P<du_a>\L<adj>)(?: و(?P<du_a2>\L<adj>))?",
        "spokesperson": rf"(?P<ri_t>\L<inst_titles>) (?:ل)?{q}?"
        r"(?:(?P<ri_it>\L<in_adj>) (?P<ri_ia>\L<cadj>)|(?P<ri_ict>\L<in_con>) (?P<ri_icn>\L<cname>)"
        r"|(?P<ri_org>\L<org_names>)(?! \L<longer>)|(?P<ri_ana>\L<inst_ana>)|(?P<ri_bare>\L<in_adj>))",
        "fixed": rf"(?P<rf_t>\L<fixed>)(?P<rf_m>{mods}){_host('rf')}?",
        "host_adjective": rf"(?P<rh_t>\L<host_adj>) (?P<rh_a>\L<adj>)(?P<rh_m>{mods}){_host('rh')}?",
        "host_construct": rf"(?P<rhc_t>\L<host_con>) (?P<rhc_n>\L<cname>)(?P<rhc_m>{mods}){_host('rhc')}?",
        "adjective": rf"(?P<ra_t>\L<adj_titles>) (?P<ra_a>\L<adj>)(?P<ra_m>{mods})",
        "construct": rf"(?P<rc_t>\L<con_titles>) (?P<rc_n>\L<cname>)(?P<rc_m>{mods})",
        "counterpart": r"(?P<cp>\L<counterparts>)(?: (?P<cp_a>\L<adj>))?",
        "institution_host": rf"(?P<ih_t>\L<inst_host>) (?P<ih_a>\L<cadj>){_host('ih')}?",
        "institution": r"(?<!(?:\L<guards>) )(?:(?P<in_t>\L<in_adj>) (?P<in_a>\L<cadj>)"
        r"|(?P<inc_t>\L<in_con>) (?P<inc_n>\L<cname>))",
        "name": r"(?P<nm>\L<names>)",
        "anonymous": r"(?P<an_h>\L<anon_heads>)(?P<an_q>(?: \L<anon_quals>)*)"
        r"(?: (?P<an_a>\L<adj>))?(?P<an_q2>(?: \L<anon_quals>)*)",
        "side": r"(?P<sd>\L<sides>) (?P<sd_a>\L<cadj>)(?: و(?P<sd_a2>\L<cadj>))?",
        "people": r"(?P<pp>\L<people>)",
        "country": r"(?P<sn>\L<state_names>)",
        "capital": r"(?P<cap>\L<gov_caps>)",
        "anaphor": r"(?P<ana>\L<anaphors>)(?: (?P<ana_a>\L<adj>))?",
    }


@attrs.frozen
class Matcher:
    """One compiled pattern per family, and the index of the words each can start with.

    ``lists[i]``, for the families that are one word list, finds their forms
    without the pattern ``families[i]``, wherever it can do so exactly.
    """

    families: tuple[tuple[str, regex.Pattern[str]], ...]
    index: dict[str, tuple[int, ...]]
    lists: tuple[ListFinder | None, ...]

    def scan(
        self, text: str, hits: list[tuple[int, int, str]] | None = None
    ) -> Iterator[tuple[str, regex.Match[str] | ListMatch]]:
        """Every mention in ``text``, left to right, not overlapping: ``(family, match)``.

        :param hits: the words of ``text`` to try (:func:`word_hits`), at least
            those in the index; found here when not given.
        """
        free = 0
        index, families = self.index, self.families
        lists = self.lists if ListFinder.exact_for(text) else (None,) * len(families)
        if hits is None:
            hits = word_hits(text, index, fold_ascii=True)
        for start, end, token in hits:
            if start < free:
                continue
            tried = index.get(token)
            if tried is None and token.isascii():
                tried = index.get(token.casefold())
            if tried is None:
                continue
            for position in tried:
                finder = lists[position]
                if finder is not None:
                    match: regex.Match[str] | ListMatch | None = finder.match(text, start, end)
                else:
                    match = families[position][1].match(text, start)
                if match is not None:
                    yield families[position][0], match
                    free = match.end()
                    break


def build_matcher(g: Gazetteer) -> Matcher:
    """Compile the gazetteer's patterns and index their first words."""
    lists = _lists(g)
    sources = _sources()
    families = []
    index: dict[str, set[int]] = {}
    for position, (kind, starts) in enumerate(FAMILIES):
        pattern = r"(?P<pre>[وف]?[بكل]?)(?:" + sources[kind] + ")" + WORD_END
        used = {name: lists[name] for name in set(_LIST_NAME.findall(pattern))}
        families.append((kind, compile_pattern(pattern, regex.IGNORECASE, **used)))
        for name in starts:
            for phrase in lists[name]:
                head = WORD.match(phrase)  # a word as word_hits cuts them
                if head is None:
                    continue
                first = head.group().casefold()
                for proclitic in _PROCLITICS:
                    index.setdefault(proclitic + first, set()).add(position)
    return Matcher(
        families=tuple(families),
        index={word: tuple(sorted(found)) for word, found in index.items()},
        lists=tuple(_list_finder(kind, lists) for kind, _ in FAMILIES),
    )


def _list_finder(kind: str, lists: dict[str, list[str]]) -> ListFinder | None:
    """The dictionary finder of a family that is one word list, if it can stand in exactly."""
    if kind not in _LIST_FAMILIES:
        return None
    group, name = _LIST_FAMILIES[kind]
    finder = ListFinder(group, lists[name])
    return finder if finder.usable else None
