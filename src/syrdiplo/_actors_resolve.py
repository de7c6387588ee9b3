"""From pattern matches to actor mentions: names, titles, counterparts, pointers back.

The matches of the gazetteer pattern are read left to right, keeping what the
article has said so far (who was named, which institution was last mentioned),
because Arabic news copy names a person once in full and then by surname, by
title ("الوزير") or by relation ("نظيره الأمريكي").

How a title is given a person, in order:

1. a name right after it ("وزير الخارجية الروسي، سيرغي لافروف");
2. "السابق"/"المنتخب": the holder before or after the event date;
3. a date written in the same sentence: the holder on that date
   ("وكان وزيرا الدفاع الروسي والأمريكي تحدثا في آب من العام المنصرم");
4. the last person in the article who held that office;
5. the holder on the publication date.
"""

from __future__ import annotations

import bisect
import datetime as dt
import operator
from collections.abc import Iterator

import attrs
import regex

from ._actors_data import Gazetteer, Title, key
from ._actors_pattern import lookup
from ._actors_words import shared_words
from ._claims_text import quote_spans
from .document import Document
from .model import Actor, ActorType, Timex
from .text import compile_pattern

__all__ = ["resolve_mentions", "timex_date"]

_START_END = operator.attrgetter("start", "end")
_STATE_KINDS = frozenset(("country", "capital", "people", "side"))
_SECOND_ADJECTIVE = regex.compile(r"[\s,]*و(?P<adj>\S+)")
_KINDS = {
    "dual": "role",
    "spokesperson": "role",
    "fixed": "role",
    "host_adjective": "role",
    "host_construct": "role",
    "adjective": "role",
    "construct": "role",
    "institution_host": "institution",
}


@attrs.define
class Mention:
    """One match, before and after resolution (normalised offsets)."""

    kind: str
    nstart: int
    nend: int
    match: regex.Match[str]
    part: int = 0  # 0, or 1 for the second holder of "وزيرا الخارجية الروسي والأمريكي"
    resolved: bool = False
    canonical: str | None = None
    country: str | None = None
    type: ActorType = ActorType.PERSON
    role: str | None = None
    at: str | None = None
    emit: bool = True
    #: a name read with attached letters ("برايس" as a whole, not "ب" + "رايس"), and the
    #: start of the reading without them, tried when the whole word names no one
    whole: str | None = None
    bare_start: int | None = None


class _Groups(dict[str, str | None]):
    """A match's groups; groups of other families read as ``None``."""

    def __missing__(self, name: str) -> None:
        return None


def _groups(match: regex.Match[str]) -> _Groups:
    return _Groups(match.groupdict())


def timex_date(value: str | None, published: dt.date | None) -> dt.date | None:
    """A representative day for a TIMEX value (the start of a range, mid-month for a month)."""
    if not value:
        return None
    value = value.split("/")[0]
    try:
        if "W" in value:
            year, week = value.split("-W")
            return dt.date.fromisocalendar(int(year), int(week[:2]), 1)
        parts = value[:10].split("-")
        year = int(parts[0])
        if len(parts) >= 3:
            return dt.date(year, int(parts[1]), int(parts[2]))
        if len(parts) == 2:
            return dt.date(year, int(parts[1]), 15)
        if published is not None and published.year == year:
            return published
        return dt.date(year, 7, 1)
    except ValueError:
        return None


#: families whose match is dropped when followed by a word of ``not_followed_by``
_LONGER_NAMED = ("name", "country")


class _Resolver:
    def __init__(self, doc: Document, g: Gazetteer) -> None:
        self.doc = doc
        self.g = g
        self.norm = doc.normalized
        self.text = doc.normalized.text
        self.published = doc.article.published
        self.openers = _openers(doc)
        self.sentence_starts = [doc.normalized.to_normalized(s.start) for s in doc.sentences]
        self.timexes = [
            (self.norm.to_normalized(t.start), self.norm.to_normalized(t.end), t)
            for t in doc.timexes
            if t.value
        ]
        self.timex_starts = [t[0] for t in self.timexes]
        self.timexes_ordered = self.timex_starts == sorted(self.timex_starts)
        self.dates: dict[tuple[int, int], tuple[dt.date | None, bool]] = {}
        self.mentions: list[Mention] = []
        self.named: dict[str, int] = {}  # canonical -> position of its latest mention
        self.persons: list[Mention] = []  # resolved person mentions so far
        self._quotes: list[tuple[int, int]] | None = None  # quotation spans, when first asked
        self._quote_starts: list[int] = []
        self.institutions: list[Mention] = []  # organisation mentions so far

    # ------------------------------------------------------------------ collecting

    def collect(self) -> None:
        hits = shared_words(self.doc.lexicon).hits(self.text)
        for family, match in self.g.matcher.scan(self.text, hits):
            start = match.end("pre")
            if family == "dual" and match["du_a2"]:
                self.mentions.append(Mention("role", start, match.end("du_a"), match))
                self.mentions.append(
                    Mention("role", match.start("du_a2"), match.end(), match, part=1)
                )
                continue
            if family == "side" and match["sd_a2"]:
                self.mentions.append(Mention("side", start, match.end("sd_a"), match))
                self.mentions.append(
                    Mention("side", match.start("sd_a2"), match.end(), match, part=1)
                )
                continue
            if family in _LONGER_NAMED and self.longer_name(match.end()):
                continue  # "مجلس الأمن القومي": another body than the UN's council
            mention = Mention(_KINDS.get(family, family), start, match.end(), match)
            if family == "name" and match["pre"]:
                self.whole_word(mention)
            self.mentions.append(mention)

    def longer_name(self, end: int) -> bool:
        """Whether a word of ``not_followed_by`` follows ``end``, one space between."""
        if self.text[end : end + 1] != " ":
            return False
        nxt = self.text.find(" ", end + 1)
        word = self.text[end + 1 : nxt if nxt >= 0 else len(self.text)].rstrip(".,،:;")
        return key(word) in self.g.not_followed_by

    def whole_word(self, m: Mention) -> None:
        """A name whose attached letters may be its own ("برايس"، "بوتين"): read whole first."""
        pre, name = m.match["pre"], m.match["nm"]
        for cut in range(len(pre)):
            whole = pre[cut:] + name
            if lookup(self.g.surfaces, whole):
                m.whole, m.bare_start = whole, m.nstart
                m.nstart = m.match.start("pre") + cut
                return

    # ------------------------------------------------------------------ context

    def sentence_of(self, position: int) -> int:
        return bisect.bisect_right(self.sentence_starts, position) - 1

    def sentence_bounds(self, position: int) -> tuple[int, int]:
        i = self.sentence_of(position)
        if i < 0:
            return 0, len(self.text)
        start = self.sentence_starts[i]
        end = self.sentence_starts[i + 1] if i + 1 < len(self.sentence_starts) else len(self.text)
        return start, end

    def date_for(self, m: Mention) -> tuple[dt.date | None, bool]:
        """The date a mention is about: a date in its sentence (explicit) or the publication date."""
        span = (m.nstart, m.nend)
        found = self.dates.get(span)
        if found is None:
            found = self.dates[span] = self._date_for(m)
        return found

    def _date_for(self, m: Mention) -> tuple[dt.date | None, bool]:
        start, end = self.sentence_bounds(m.nstart)
        best: tuple[int, Timex] | None = None
        timexes = self.timexes
        if self.timexes_ordered:  # only those starting in the sentence can count
            first = bisect.bisect_left(self.timex_starts, start)
            timexes = timexes[first : bisect.bisect_right(self.timex_starts, end, first)]
        for tstart, tend, timex in timexes:
            if tstart < start or tend > end or (m.nstart <= tstart < m.nend):
                continue
            if tstart >= m.nend and self.openers.search(self.text, m.nend, tstart):
                continue  # the date belongs to the reported words, not to this mention
            distance = tstart - m.nend if tstart >= m.nend else m.nstart - tend
            if best is None or distance < best[0]:
                best = (distance, timex)
        if best is not None:
            day = timex_date(best[1].value, self.published)
            if day is not None:
                return day, True
        return self.published, False

    def gap(self, a: int, b: int) -> str:
        return self.text[a:b]

    # ------------------------------------------------------------------ names

    def resolve_name(self, m: Mention) -> None:
        if m.resolved:
            return
        m.resolved = True
        day = self.date_for(m)[0]
        candidates = self.name_candidates(m.whole or m.match["nm"], day)
        if not candidates and m.whole is not None and m.bare_start is not None:
            m.nstart, m.whole = m.bare_start, None  # "ب" + "رايس" after all
            candidates = self.name_candidates(m.match["nm"], day)
        if len(candidates) > 1:
            seen = [c for c in candidates if c in self.named]
            if seen:
                candidates = [max(seen, key=lambda c: self.named[c])]
            else:
                active = [c for c in candidates if day and self.g.offices.held(c, day)]
                candidates = active if len(active) == 1 else []
        if not candidates:
            m.emit = False
            return
        entry = self.g.entries[candidates[0]]
        m.canonical = entry.canonical
        m.country = entry.country
        m.type = entry.type
        if entry.type is ActorType.ORGANIZATION:
            m.role = entry.kind
            return
        terms = self.g.offices.held(entry.canonical, day) if day else []
        if terms:
            m.role, m.at = terms[0].office, terms[0].at

    def name_candidates(self, surface: str, day: dt.date | None = None) -> list[str]:
        """Who a written name may be: forms that need the full name first only once it came.

        The surname of one person that is only the first name of someone else ("جيفري":
        James Jeffrey's surname, Jeffrey Feltman's first name) also stands alone while its
        owner holds an office on the article's date: nobody is called by his first name.
        """
        k = lookup(self.g.surfaces, surface)
        candidates: list[str] = []
        for form in self.g.surfaces.get(k or "", []):
            if (
                form.how == "after"
                and form.canonical not in self.named
                and not (
                    k in self.g.given_surnames
                    and day is not None
                    and self.g.offices.held(form.canonical, day)
                )
            ):
                continue
            if form.canonical not in candidates:
                candidates.append(form.canonical)
        return candidates

    def apposed(self, index: int, country: str | None) -> Mention | None:
        """The named person standing right after mention ``index``, if any.

        A bracket may come between ("المتحدثة باسم وزارة الدفاع الأميركية (بنتاغون)، جيسيكا ماكنولتي").
        """
        here = self.mentions[index]
        ranks: list[Mention] = []  # "قائد القيادة المركزية، الجنرال كينيث ماكنزي"
        for there in self.mentions[index + 1 : index + 4]:
            if there.nstart < here.nend:
                continue
            if there.kind == "anaphor":
                ranks.append(there)
                continue
            if there.kind != "name":
                continue
            self.resolve_name(there)
            if not there.emit or there.type is not ActorType.PERSON:
                continue
            gap = self.gap(here.nend, there.nstart)
            for rank in reversed(ranks):  # the title of the name itself
                a, b = rank.nstart - here.nend, rank.nend - here.nend
                gap = gap[:a] + " " * (b - a) + gap[b:]
            if not self.g.apposition_gap.fullmatch(gap):
                return None
            if country and there.country and there.country != country:
                return None
            return there
        return None

    # ------------------------------------------------------------------ offices

    def holds(
        self, p: Mention, offices: frozenset[str] | set[str], country: str | None, at: str | None
    ) -> bool:
        if country and p.country != country:
            return False
        if not offices:
            return True
        if p.role in offices and (at is None or p.at == at):
            return True
        return any(
            t.office in offices
            and (at is None or t.at == at)
            and (country is None or t.country == country)
            for t in self.g.offices.held(p.canonical or "")
        )

    def antecedent(
        self, offices: frozenset[str] | set[str], country: str | None, at: str | None, before: int
    ) -> Mention | None:
        """The latest person named before ``before`` who holds one of ``offices``; not one
        named only inside a quotation the mention at ``before`` is not in ("قال تشوركين:
        «… بوغدانوف …». وأضاف الدبلوماسي الروسي" is Churkin)."""
        here = self.quote_of(before)
        for p in reversed(self.persons):
            if p.nstart < before and p.canonical and self.holds(p, offices, country, at):
                if self.quote_of(p.nstart) not in (None, here):
                    continue
                return p
        return None

    def quote_of(self, position: int) -> tuple[int, int] | None:
        """The innermost quotation holding ``position``, if any."""
        if self._quotes is None:
            self._quotes = quote_spans(self.text)
            self._quote_starts = [q[0] for q in self._quotes]
        i = bisect.bisect_right(self._quote_starts, position) - 1
        while i >= 0:
            start, end = self._quotes[i]
            if start < position < end:
                return self._quotes[i]
            i -= 1
            if i >= 0 and self._quotes[i][1] < position - 2000:
                break
        return None

    def sole_holder(
        self, offices: frozenset[str] | set[str], country: str | None, before: int
    ) -> Mention | None:
        """The latest holder named before ``before`` when the article named only one so far."""
        found = None
        for p in reversed(self.persons):
            if p.nstart < before and p.canonical and self.holds(p, offices, country, None):
                if found is None:
                    found = p
                elif p.canonical != found.canonical:
                    return None
        return found

    def fill_office(
        self,
        index: int,
        m: Mention,
        office: str,
        country: str | None,
        at: str | None,
        modifier: str | None,
    ) -> None:
        m.role, m.country, m.at = office, country, at
        name = self.apposed(index, country)
        if name is not None:
            m.canonical = name.canonical
            m.country = m.country or name.country
            name.role, name.at = office, at if at else name.at
            return
        if country is None:
            found = self.antecedent({office}, None, at, m.nstart)
            m.canonical = found.canonical if found else None
            return
        day, explicit = self.date_for(m)
        offices = self.g.offices
        if modifier == "former":
            m.canonical = offices.previous(office, country, day, at) if day else None
            return
        if modifier == "elect":
            m.canonical = offices.following(office, country, day, at) if day else None
            return
        if explicit and day:
            holder = offices.holder(office, country, day, at)
            if holder:
                m.canonical = holder
                return
        found = self.antecedent({office}, country, at, m.nstart)
        if found is not None:
            m.canonical = found.canonical
            m.at = m.at or found.at
            return
        m.canonical = offices.holder(office, country, day, at) if day else None

    def host(self, match: regex.Match[str], group: str) -> str | None:
        g = self.g
        if match[f"{group}_hn"]:
            return g.role_names.get(lookup(g.role_names, match[f"{group}_hn"]) or "")
        if match[f"{group}_hl"]:
            found = lookup(g.role_names, match[f"{group}_hl"]) or lookup(
                g.role_names, "ا" + match[f"{group}_hl"]
            )
            return g.role_names.get(found or "")
        if match[f"{group}_hb"]:
            return g.role_names.get(lookup(g.role_names, match[f"{group}_hb"]) or "")
        if match[f"{group}_hta"]:
            return g.adjectives.get(key(match[f"{group}_hta"]))
        return None

    def modifier(self, text: str | None) -> str | None:
        for word in (text or "").split():
            kind = self.g.modifiers.get(key(word))
            if kind in ("former", "elect"):
                return kind
        return None

    def resolve_role(self, index: int, m: Mention) -> None:
        g, match = self.g, m.match
        groups = _groups(match)
        title: Title | None
        if groups["du_t"]:
            title = g.titles["dual"][lookup(g.titles["dual"], groups["du_t"]) or ""]
            adjective = groups["du_a2"] if m.part else groups["du_a"]
            self.fill_office(
                index, m, title.office, g.role_adjectives.get(key(adjective)), None, None
            )
            if m.part == 0 and not groups["du_a2"]:
                self.second_holder(index, m, title)
            return
        if groups["ri_t"]:
            self.resolve_spokesperson(index, m)
            return
        if groups["rf_t"]:
            title = g.titles["fixed"][lookup(g.titles["fixed"], groups["rf_t"]) or ""]
            at = self.host(match, "rf") or title.default_host
            self.fill_office(
                index, m, title.office, title.country, at, self.modifier(groups["rf_m"])
            )
            return
        if groups["rh_t"] or groups["rhc_t"]:
            form, group = ("adjective", "rh") if groups["rh_t"] else ("construct", "rhc")
            title = g.host_titles[form][lookup(g.host_titles[form], groups[f"{group}_t"]) or ""]
            country = (
                g.role_adjectives.get(key(groups["rh_a"]))
                if groups["rh_t"]
                else g.role_names.get(lookup(g.role_names, groups["rhc_n"]) or "")
            )
            at = self.host(match, group) or title.default_host
            if at == country:
                at = None
            self.fill_office(
                index, m, title.office, country, at, self.modifier(groups[f"{group}_m"])
            )
            return
        form, group = ("adjective", "ra") if groups["ra_t"] else ("construct", "rc")
        title = g.titles[form][lookup(g.titles[form], groups[f"{group}_t"]) or ""]
        country = (
            g.role_adjectives.get(key(groups["ra_a"]))
            if groups["ra_t"]
            else g.role_names.get(lookup(g.role_names, groups["rc_n"]) or "")
        )
        self.fill_office(index, m, title.office, country, None, self.modifier(groups[f"{group}_m"]))

    def second_holder(self, index: int, m: Mention, title: Title) -> None:
        """The second holder in "وزيري الخارجية الروسي سيرغي لافروف والأميركي جون كيري"."""
        _start, end = self.sentence_bounds(m.nstart)
        after = m.nend
        if index + 1 < len(self.mentions) and self.mentions[index + 1].kind == "name":
            after = self.mentions[index + 1].nend
        found = _SECOND_ADJECTIVE.match(self.text, after, end)
        if not found:
            return
        code = self.g.role_adjectives.get(key(found["adj"]))
        if code is None:
            return
        extra = Mention("role", found.start("adj"), found.end("adj"), m.match, part=2)
        self.fill_office_extra(extra, title.office, code)

    def fill_office_extra(self, extra: Mention, office: str, country: str) -> None:
        position = bisect.bisect_left([x.nstart for x in self.mentions], extra.nstart)
        self.mentions.insert(position, extra)
        self.fill_office(position, extra, office, country, None, None)
        extra.resolved = True

    def resolve_spokesperson(self, index: int, m: Mention) -> None:
        g, groups = self.g, _groups(m.match)
        titles = g.spokesperson_titles
        title = titles[lookup(titles, groups["ri_t"]) or ""]
        kind: str | None = None
        country: str | None = None
        if groups["ri_it"]:
            kind = g.institution_titles["adjective"].get(
                lookup(g.institution_titles["adjective"], groups["ri_it"]) or ""
            )
            country = g.adjectives.get(key(groups["ri_ia"]))
        elif groups["ri_ict"]:
            kind = g.institution_titles["construct"].get(
                lookup(g.institution_titles["construct"], groups["ri_ict"]) or ""
            )
            country = g.role_names.get(lookup(g.role_names, groups["ri_icn"]) or "")
        elif groups["ri_org"]:
            forms = g.surfaces.get(lookup(g.surfaces, groups["ri_org"]) or "", [])
            entry = next(
                (
                    g.entries[f.canonical]
                    for f in forms
                    if g.entries[f.canonical].type is ActorType.ORGANIZATION
                ),
                None,
            )
            if entry is not None:
                kind, country = entry.kind, entry.country
                if entry.kind == "un":
                    kind = "secretariat"
        else:
            wanted = None
            if groups["ri_bare"]:
                wanted = g.institution_titles["adjective"].get(
                    lookup(g.institution_titles["adjective"], groups["ri_bare"]) or ""
                )
            found = self.pointed_institution(m, wanted)
            if found is not None:
                kind, country = found.role, found.country
            else:
                kind = wanted
        self.fill_office(index, m, title.office, country, kind, None)

    def pointed_institution(self, m: Mention, wanted: str | None) -> Mention | None:
        """The institution "باسم الوزارة" points back to: the last one named before, unless
        that one sits in the reported words of its sentence ("أعلنت وزارة الدفاع الروسية أن
        البنتاغون وافق ... وقال المتحدث باسم الوزارة") and one before it does not."""
        last = None
        for inst in reversed(self.institutions):
            if inst.nstart >= m.nstart or (wanted is not None and inst.role != wanted):
                continue
            if last is None:
                last = inst
            start, _end = self.sentence_bounds(inst.nstart)
            if start == self.sentence_bounds(m.nstart)[0]:
                return inst  # named earlier in the same sentence
            if not self.openers.search(self.text, start, inst.nstart):
                return inst
            if start < self.sentence_bounds(last.nstart)[0]:
                break  # only the sentence of the last one is searched
        return last

    # ------------------------------------------------------------------ counterparts and pointers back

    def resolve_counterpart(self, index: int, m: Mention) -> None:
        g = self.g
        country = g.role_adjectives.get(key(m.match["cp_a"] or "")) if m.match["cp_a"] else None
        name = self.apposed(index, country)
        start_sentence = self.sentence_of(m.nstart)
        ante = None
        for p in reversed(self.persons):
            if p.nstart >= m.nstart or self.sentence_of(p.nstart) < start_sentence - 1:
                continue
            if p.role and p.canonical:
                ante = p
                break
        office = ante.role if ante else None
        at = None
        if ante is not None and office is not None:
            at = ante.at
            if office in g.host_offices and ante.at == country:
                at = ante.country
        if name is not None:
            m.canonical, m.country, m.role, m.at = name.canonical, name.country, office, at
            if office:
                name.role, name.at = office, at
            return
        m.country, m.role, m.at = country, office, at
        if office is None or country is None:
            m.emit = country is not None
            return
        day = self.date_for(m)[0]
        m.canonical = g.offices.holder(office, country, day, at) if day else None

    def resolve_anaphor(self, index: int, m: Mention) -> None:
        g = self.g
        word = lookup(g.anaphors, m.match["ana"]) or ""
        if word in g.anaphor_adjectives and self.after_definite_noun(m.nstart):
            m.emit = False  # "الاستحقاق الدبلوماسي"، "الطرف المسؤول": an adjective
            return
        allowed = g.anaphors.get(word, frozenset())
        country = g.role_adjectives.get(key(m.match["ana_a"])) if m.match["ana_a"] else None
        name = self.apposed(index, country)
        if name is not None:
            m.canonical, m.country, m.role, m.at = name.canonical, name.country, name.role, name.at
            return
        if word in g.source_anaphors:
            found = None
        elif not allowed and self.text[m.nend : m.nend + 4] in (" في ", " لدى"):
            # "وأوضح المسؤول في البنتاغون": the official described by where they serve is
            # the anonymous one named so before, not the last person named
            found = None
        elif word in g.sole_anaphors:
            # "وزير الخارجية" with no state: only when one holder was named
            found = self.sole_holder(allowed, country, m.nstart)
        else:
            found = self.antecedent(allowed, country, None, m.nstart)
        if found is None:
            if not allowed:
                # "قال مسؤول أميركي ... وذكر المسؤول الأميركي": back to an anonymous source
                source = self.last_anonymous(country, m.nstart)
                if source is not None:
                    m.type, m.country = ActorType.ANONYMOUS, source.country
                    return
            m.emit = False
            return
        m.canonical, m.country, m.role, m.at = found.canonical, found.country, found.role, found.at

    def after_definite_noun(self, start: int) -> bool:
        """Whether a definite noun stands right before ``start``, one space between."""
        text = self.text
        if start < 2 or text[start - 1] != " " or not text[start - 2].isalpha():
            return False
        begin = max(text.rfind(" ", 0, start - 1), text.rfind("\n", 0, start - 1)) + 1
        word = text[begin : start - 1]
        if word[:1] in ("و", "ف") and key(word[1:]) not in self.g.definite_not_nouns:
            word = word[1:]
        if key(word) in self.g.definite_not_nouns or not word.isalpha():
            return False
        return word.startswith(("ال", "بال", "كال", "لل"))

    def last_anonymous(self, country: str | None, before: int) -> Mention | None:
        for m in reversed(self.mentions):
            if (
                m.nstart >= before
                or not m.resolved
                or not m.emit
                or m.type is not ActorType.ANONYMOUS
            ):
                continue
            if country is None or m.country == country:
                return m
        return None

    # ------------------------------------------------------------------ organisations, sources, states

    def resolve_institution(self, m: Mention) -> None:
        g, groups = self.g, _groups(m.match)
        if groups["ih_t"]:
            kind = g.institution_host_titles.get(
                lookup(g.institution_host_titles, groups["ih_t"]) or ""
            )
            country = g.adjectives.get(key(groups["ih_a"]))
            m.at = self.host(m.match, "ih")
        elif groups["in_t"]:
            kind = g.institution_titles["adjective"].get(
                lookup(g.institution_titles["adjective"], groups["in_t"]) or ""
            )
            country = g.adjectives.get(key(groups["in_a"]))
        else:
            kind = g.institution_titles["construct"].get(
                lookup(g.institution_titles["construct"], groups["inc_t"]) or ""
            )
            country = g.role_names.get(lookup(g.role_names, groups["inc_n"]) or "")
        m.type, m.role, m.country = ActorType.ORGANIZATION, kind, country
        label = g.institution_labels.get(kind or "", "{country}")
        m.canonical = label.format(country=g.country_name(country)) if country else None

    def resolve_qualified(self, m: Mention) -> None:
        forms = self.g.qualified.get(lookup(self.g.qualified, m.match["mq"]) or "", [])
        if not forms:
            m.emit = False
            return
        entry = self.g.entries[forms[0].canonical]
        m.type, m.canonical, m.country, m.role = (
            entry.type,
            entry.canonical,
            entry.country,
            entry.kind,
        )

    def resolve_anonymous(self, index: int, m: Mention) -> None:
        g, groups = self.g, _groups(m.match)
        head = key(groups["an_h"])
        qualified = bool(
            (groups["an_q"] or "").strip() or (groups["an_q2"] or "").strip() or groups["an_a"]
        )
        m.type = ActorType.ANONYMOUS
        m.country = g.role_adjectives.get(key(groups["an_a"])) if groups["an_a"] else None
        linked = self.linked_country(index)
        if m.country is None:
            m.country = linked
        if head not in g.anonymous_standalone and not qualified and linked is None:
            m.emit = False

    def linked_country(self, index: int) -> str | None:
        """The country of what follows "في/من/لدى" right after an anonymous source."""
        if index + 1 >= len(self.mentions):
            return None
        here, there = self.mentions[index], self.mentions[index + 1]
        words = self.gap(here.nend, there.nstart).split()
        prefix = there.match["pre"] or ""
        linking = self.g.anonymous_linking
        if len(words) > 2 or not (
            any(key(w) in linking for w in words) or (not words and "ب" in prefix)
        ):
            return None
        if there.kind == "name":
            self.resolve_name(there)
            return there.country
        if there.kind == "capital":
            return self.g.capitals.get(lookup(self.g.capitals, there.match["cap"]) or "")
        if there.kind == "country":
            return self.g.state_names.get(lookup(self.g.state_names, there.match["sn"]) or "")
        if there.kind in ("institution", "role", "qualified"):
            self.resolve_at(index + 1)
            return there.country
        return None

    def resolve_state(self, m: Mention) -> None:
        g, match = self.g, m.match  # the kind is the family: its groups are these
        m.type = ActorType.STATE
        if m.kind == "side":
            m.country = g.adjectives.get(key(match["sd_a2"] if m.part else match["sd_a"]))
            m.role = "side"
        elif m.kind == "people":
            m.country = g.people.get(lookup(g.people, match["pp"]) or "")
            m.role = "people"
            if self.is_adjective(m):
                m.emit = False
        elif m.kind == "country":
            m.country = g.state_names.get(lookup(g.state_names, match["sn"]) or "")
            m.role = "name"
        else:
            m.country = g.capitals.get(lookup(g.capitals, match["cap"]) or "")
            m.role = "capital"
            if "ب" in (match["pre"] or "") or key(self.word_before(m)) in g.place_prepositions:
                m.emit = False
        m.canonical = g.country_name(m.country)

    def word_before(self, m: Mention) -> str:
        start = m.match.start("pre")
        words = self.text[max(0, start - 30) : start].split()
        if not words or not self.text[start - 1 : start].isspace():
            return ""
        return words[-1]

    def is_adjective(self, m: Mention) -> bool:
        """A plural nationality after a definite noun describes it ("العسكريين الروس")."""
        previous = self.word_before(m)
        if not previous:
            return False
        start = m.match.start("pre")
        last = next((x for x in reversed(self.mentions) if x.nend <= start), None)
        if last is not None and last.kind == "people" and not self.text[last.nend : start].strip():
            return not last.emit  # "الأميركيين والروس" share the reading of the first
        bare = previous.lstrip("وف")
        return (
            bare.startswith(("ال", "لل", "بال")) and key(previous) not in self.g.place_prepositions
        )

    # ------------------------------------------------------------------ driving

    def resolve_at(self, index: int) -> None:
        m = self.mentions[index]
        if m.resolved:
            return
        if m.kind == "name":
            self.resolve_name(m)
            return
        m.resolved = True
        if m.kind in _STATE_KINDS:
            self.resolve_state(m)
        elif m.kind == "role":
            self.resolve_role(index, m)
        elif m.kind == "counterpart":
            self.resolve_counterpart(index, m)
        elif m.kind == "anaphor":
            self.resolve_anaphor(index, m)
        elif m.kind == "institution":
            self.resolve_institution(m)
        elif m.kind == "qualified":
            self.resolve_qualified(m)
        elif m.kind == "anonymous":
            self.resolve_anonymous(index, m)

    def run(self) -> Iterator[Actor]:
        self.collect()
        index = 0
        while index < len(self.mentions):
            self.resolve_at(index)
            m = self.mentions[index]
            if m.emit:
                if m.canonical:
                    self.named[m.canonical] = m.nstart
                if m.type is ActorType.PERSON and m.canonical:
                    self.persons.append(m)
                if m.type is ActorType.ORGANIZATION and m.role:
                    self.institutions.append(m)
            index += 1
        original_span, text = self.norm.original_span, self.doc.article.text
        for m in self.mentions:
            if not m.emit:
                continue
            start, end = original_span(m.nstart, m.nend)
            yield Actor(
                name=text[start:end],
                canonical=m.canonical,
                country=m.country,
                type=m.type,
                role=m.role,
                start=start,
                end=end,
            )


def _openers(doc: Document) -> regex.Pattern[str]:
    def build(lexicon: object) -> regex.Pattern[str]:
        words = doc.lexicon.words("cues", "content", "openers") if "cues" in doc.lexicon else []
        return compile_pattern(
            r"(?<![\p{L}\p{M}\p{N}])(?:\L<w>)(?![\p{L}\p{M}\p{N}])|[“«:]", w=words or ["\uffff"]
        )

    return doc.lexicon.cached("actors.openers", build)


def resolve_mentions(doc: Document, g: Gazetteer) -> tuple[Actor, ...]:
    """Every actor mention of ``doc``, ordered by start."""
    actors = list(_Resolver(doc, g).run())
    return tuple(sorted(actors, key=_START_END))  # every mention has its offsets
