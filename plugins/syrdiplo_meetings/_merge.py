"""One event per real-world event: mentions merged across the article.

Mentions are read in text order. A mention with its own parties joins the
latest earlier event it agrees with (same kind, the same set of countries, no
clash of date, place, people or status) or starts a new one. A definite or
demonstrative mention without parties of its own ("أثناء المكالمة"، "هذه
المحادثات") joins the latest earlier event of a kind it can refer to. Talks
mentions naming the same two people as a call or meeting ("المحادثات بين شويغو
وكارتر") join that call or meeting. A demonstrative mention ("هذه المكالمة")
joins the event named before even when its clause names parties of its own, and
a mention marked as earlier ("محادثات هاتفية سابقة") joins only an event of its
own date. Events that rest on headings alone (often related-article links inside
the page) are dropped.
"""

from __future__ import annotations

import attrs

import syrdiplo

from ._context import Party
from ._mentions import Mention, party_key, timex_bounds

__all__ = ["Group", "merge_mentions"]

_PAIR_REACH = 600  # characters back to the event whose parties "الرئيسان" refers to
_ONE_DAY = (syrdiplo.Precision.DAY, syrdiplo.Precision.TIME, syrdiplo.Precision.RANGE)
_STATUS_FAMILIES = ({"occurred", "ongoing"}, {"planned", "proposed", "cancelled"})


_RANKS = {syrdiplo.Zone.TITLE: 1, syrdiplo.Zone.HEADING: 2}  # body 0, then title, headings


@attrs.define(eq=False)
class Group:
    """The mentions of one event, and what they agree on.

    Add mentions with :meth:`add` (and reorder them with :meth:`sort`): the
    group keeps running summaries, so asking for its date or people while
    merging does not reread every mention.
    """

    mentions: list[Mention]
    kind: str
    countries: frozenset[str]
    # running summaries of ``mentions``
    _ranked: tuple[list[Mention], list[Mention], list[Mention]] = attrs.field(init=False)
    _body_date: syrdiplo.Timex | None = attrs.field(init=False, default=None)
    _report_date: syrdiplo.Timex | None = attrs.field(init=False, default=None)
    _body_location: str | None = attrs.field(init=False, default=None)
    _persons: set[str] = attrs.field(init=False, factory=set)
    _explicit: set[str] = attrs.field(init=False, factory=set)
    last_start: int = attrs.field(init=False, default=-1)  # the last trigger's start

    def __attrs_post_init__(self) -> None:
        mentions, self.mentions = self.mentions, []
        self._ranked = ([], [], [])
        self.add(*mentions)

    def add(self, *mentions: Mention) -> None:
        for mention in mentions:
            self.mentions.append(mention)
            rank = _RANKS.get(mention.zone, 0)
            if mention.report_date is not None and self._report_date is None:
                self._report_date = mention.report_date[2]
            self._ranked[rank].append(mention)
            if rank == 0:
                if mention.date is not None:
                    self._body_date = _better_date(self._body_date, mention.date[2])
                if self._body_location is None and mention.location is not None:
                    self._body_location = mention.location[2]
            self._persons |= _persons(mention)
            if mention.explicit:
                self._explicit.add(mention.status)
            self.last_start = max(self.last_start, mention.trigger.start)

    def sort(self) -> None:
        """Put the mentions in text order."""
        mentions = sorted(self.mentions, key=lambda m: m.trigger.start)
        self.mentions = []
        self._ranked = ([], [], [])
        self._body_date = self._body_location = self._report_date = None
        self._persons, self._explicit, self.last_start = set(), set(), -1
        self.add(*mentions)

    @property
    def body(self) -> list[Mention]:
        return list(self._ranked[0])

    @property
    def ranked(self) -> list[Mention]:
        """Body mentions first, then the title, then headings."""
        body, title, headings = self._ranked
        return [*body, *title, *headings]

    @property
    def date(self) -> syrdiplo.Timex | None:
        """The event's own date, else the day of the statement that reported it."""
        real = self.real_date
        return real if real is not None else self._report_date

    @property
    def report_date(self) -> syrdiplo.Timex | None:
        return self._report_date

    @property
    def real_date(self) -> syrdiplo.Timex | None:
        best = self._body_date
        for mention in (*self._ranked[1], *self._ranked[2]):
            if mention.date is not None:
                best = _better_date(best, mention.date[2])
        return best

    @property
    def location(self) -> str | None:
        if self._body_location is not None:
            return self._body_location
        return next(
            (m.location[2] for m in (*self._ranked[1], *self._ranked[2]) if m.location is not None),
            None,
        )

    @property
    def persons(self) -> set[str]:
        return set(self._persons)

    @property
    def explicit_statuses(self) -> set[str]:
        """The statuses its mentions state outright (by a cue or a verb's tense)."""
        return set(self._explicit)

    @property
    def status(self) -> str:
        statuses = [m.status for m in self.ranked if m.explicit]
        if self.kind != "talks" and "cancelled" in statuses:
            return "cancelled"
        if statuses:
            return statuses[0]
        return self.ranked[0].status

    @property
    def claim(self) -> syrdiplo.Claim | None:
        return next((m.claim for m in self.ranked if m.claim is not None), None)

    @property
    def headings_only(self) -> bool:
        return all(m.zone is syrdiplo.Zone.HEADING for m in self.mentions)


def _better_date(best: syrdiplo.Timex | None, other: syrdiplo.Timex) -> syrdiplo.Timex:
    """The date of an event so far, given one more date of it: a day beats the
    month it lies in, otherwise the first date stands."""
    if best is None:
        return other
    if (
        other.value
        and best.value
        and len(other.value) > len(best.value)
        and _compatible_dates(other, best)
    ):
        return other
    return best


def _countries(mention: Mention) -> frozenset[str]:
    return frozenset(p.actor.country for p in mention.parties if p.actor.country)


def _persons(mention: Mention) -> set[str]:
    return {
        p.actor.canonical
        for p in mention.parties
        if p.actor.type is syrdiplo.ActorType.PERSON and p.actor.canonical
    }


def _compatible_dates(a: syrdiplo.Timex | None, b: syrdiplo.Timex | None) -> bool:
    if a is None or b is None or a.value == b.value:
        return True
    if a.value is None or b.value is None:
        return True
    one, two = timex_bounds(a.value), timex_bounds(b.value)
    if one is None or two is None:
        return False
    return (one[0] <= two[0] and two[1] <= one[1]) or (two[0] <= one[0] and one[1] <= two[1])


def _dates_agree(group: Group, mention: Mention) -> bool:
    """Whether a mention's date fits the event's: own dates must agree, and an own date
    must not fall after the day a statement reported the event on."""
    mine = mention.date[2] if mention.date else None
    theirs = group.real_date
    if mine is not None and theirs is not None:
        return _compatible_dates(theirs, mine)
    if mine is not None:
        return _not_after(mine, group.report_date)
    if theirs is not None:
        return _not_after(theirs, mention.report_date[2] if mention.report_date else None)
    return True


def _not_after(event: syrdiplo.Timex, report: syrdiplo.Timex | None) -> bool:
    """Whether an event's date can precede (or be) the day it was reported on."""
    if report is None or not event.value or not report.value:
        return True
    one, two = timex_bounds(event.value), timex_bounds(report.value)
    return one is None or two is None or one[0] <= two[1]


def _compatible_status(group: Group, mention: Mention) -> bool:
    if (
        group.kind == "talks"
        and mention.kind == "talks"
        and mention.date is None
        and group.date is None
    ):
        return True  # an undated dialogue is one dialogue, whatever is said of it
    statuses = group.explicit_statuses
    if not mention.explicit:
        # "خلال لقائه وكيل الخارجية الأمريكي توماس شانون" after "إمكانية عقد لقاء روسي
        # أمريكي": a mention naming its own two people keeps its status even unstated
        named = len(_persons(mention)) >= 2 and not group.persons
        return not named or _same_family(mention.status, statuses)
    return _same_family(mention.status, statuses)


def _same_family(status: str, statuses: set[str]) -> bool:
    """Whether ``status`` belongs with every one of ``statuses`` (held or not held)."""
    return all(
        any(status in family and other in family for family in _STATUS_FAMILIES)
        for other in statuses
    )


def _agrees(group: Group, mention: Mention) -> bool:
    """Whether ``mention`` can be one more mention of ``group``'s event."""
    if _countries(mention) != group.countries:
        return False
    mine, theirs = _persons(mention), group.persons
    if group.kind != mention.kind:
        if "talks" not in (group.kind, mention.kind) or len(mine & theirs) < 2:
            return False
    elif group.kind != "talks" and mine and theirs and not mine & theirs:
        return False  # two meetings between different people
    if not _dates_agree(group, mention):
        return False
    location = mention.location[2] if mention.location else None
    if location and group.location and location != group.location:
        return False
    return _compatible_status(group, mention)


def _anaphor_kinds(
    mention: Mention, anaphors: dict[str, tuple[str, ...]], singular: frozenset[str]
) -> tuple[str, ...]:
    if mention.kind == "talks":
        return anaphors["talks_singular" if mention.info.base in singular else "talks"]
    return anaphors[mention.kind]


def merge_mentions(
    mentions: list[Mention], anaphors: dict[str, tuple[str, ...]], singular: frozenset[str]
) -> list[Group]:
    """Group ``mentions`` (in text order) into events."""
    groups: list[Group] = []
    by_countries: dict[frozenset[str], list[Group]] = {}  # a mention agrees only with these
    for mention in mentions:
        if not mention.valid and mention.pair_reference:
            kinds = _anaphor_kinds(mention, anaphors, singular)
            if not mention.definite or not any(g.kind in kinds for g in groups):
                # "ناقش الزعيمان خلال الاتصال الهاتفي" after "أجرى ترمب محادثات مع بوتين":
                # a definite mention with no event of its kind before it takes the pair
                _borrow_pair(groups, mention)
            elif _ongoing_state_talks(mention):
                # "وجاء اللقاء في الوقت الذي يواصل فيه البلدان التفاوض": the two states'
                # negotiation goes on beyond the meeting just named
                _borrow_pair(groups, mention, states=True)
        if mention.demonstrative and mention.valid:
            # "وتتزامن هذه المكالمة مع إعلان شويغو ... تسليم سوريا": the call named before
            host = _anaphor_host(groups, mention, anaphors, singular)
            if host is not None and not (_countries(mention) - host.countries):
                mention.parties = []  # the event's parties are those named before
                mention.keys = set()
                host.add(mention)
                continue
        if mention.joins and groups:
            host = _anaphor_host(groups, mention, anaphors, singular, any_status=True)
            if host is not None and _same_family(mention.status, {host.status}):
                # "كما شارك في الاجتماع ولي العهد السعودي": more people at the meeting
                by_countries[host.countries].remove(host)
                host.add(mention)
                host.countries = host.countries | _countries(mention)
                by_countries.setdefault(host.countries, []).append(host)
                continue
            if host is not None:
                # "بدأ كيري ولافروف محادثاتهما، وسينضم إلى اللقاء لاحقا وزيرا خارجية تركيا
                # والسعودية": a larger meeting to come, of the first one's people and these
                mention.parties = [*_parties_of(host), *mention.parties]
                mention.keys = {c for c in (party_key(p.actor) for p in mention.parties) if c}
        if mention.valid:
            candidates = by_countries.get(_countries(mention), [])
            agreeing = [g for g in reversed(candidates) if _agrees(g, mention)]
            if mention.earlier_event:
                # "محادثات هاتفية سابقة": another event, unless it has the same date
                value = mention.date[2].value if mention.date else None
                agreeing = [g for g in agreeing if value and g.date and g.date.value == value]
            # an undated mention joins an undated event before a dated one
            date = mention.date[2].value if mention.date else None
            same_date = [g for g in agreeing if (g.date.value if g.date else None) == date]
            host = next(iter(same_date or agreeing), None)
            if host is None:
                group = Group(mentions=[mention], kind=mention.kind, countries=_countries(mention))
                groups.append(group)
                by_countries.setdefault(group.countries, []).append(group)
            else:
                host.add(mention)
                if host.kind == "talks" and mention.kind != "talks":
                    host.kind = mention.kind
        elif mention.size is not None and not mention.parties:
            # "ومن المنتظر أن يعقد اجتماع رباعي ... بمشاركة الوزراء الأربعة"
            host = next(
                (
                    g
                    for g in reversed(groups)
                    if len(g.countries) == mention.size
                    and _dates_agree(g, mention)
                    and _compatible_status(g, mention)
                ),
                None,
            )
            if host is not None:
                host.add(mention)
        elif mention.definite:
            host = _anaphor_host(groups, mention, anaphors, singular)
            if host is not None:
                mention.parties = []  # a lone party next to "المكالمة" is not the call's
                mention.keys = set()
                host.add(mention)
    groups = _fold_named_talks(_fold_dated_talks(groups))
    return [g for g in groups if not g.headings_only]


def _parties_of(group: Group) -> list[Party]:
    """The parties of a group's mentions, each actor once."""
    seen: set[tuple[str | None, ...]] = set()
    out = []
    for mention in group.mentions:
        for party in mention.parties:
            identity = (party.actor.canonical, party.actor.name, party.actor.country)
            if identity not in seen:
                seen.add(identity)
                out.append(party)
    return out


def _anaphor_host(
    groups: list[Group],
    mention: Mention,
    anaphors: dict[str, tuple[str, ...]],
    singular: frozenset[str],
    *,
    any_status: bool = False,
) -> Group | None:
    """The latest event a definite mention without parties can refer to (whatever its
    status, with ``any_status``)."""
    kinds = _anaphor_kinds(mention, anaphors, singular)
    return next(
        (
            g
            for g in reversed(groups)
            if g.kind in kinds
            and _dates_agree(g, mention)
            and (any_status or _compatible_status(g, mention))
        ),
        None,
    )


def _fold_named_talks(groups: list[Group]) -> list[Group]:
    """Undated talks naming people of one call or meeting are that event.

    "وصف الكرملين المحادثات بين بوتين وترامب بأنها بناءة" after "أجرى ترمب وبوتين
    اتصالا هاتفيا": the talks join the call when it is the only event of those people
    and states, even when they name only one of the people ("بحث جيفري مع نائب وزير
    الخارجية الروسي"، "ونظيره الأمريكي جوزيف ناقشا").
    """
    out = list(groups)
    for talks in groups:
        persons = talks.persons
        if talks.kind != "talks" or talks.date is not None:
            continue
        if not persons:
            continue
        hosts = [
            g
            for g in out
            if g.kind != "talks" and g.countries == talks.countries and persons <= g.persons
        ]
        if len(persons) < 2 and len(hosts) == 1 and hosts[0].status != talks.status:
            continue  # "نواصل اتصالاتنا" (ongoing) is more than the meeting of one of them
        if len(hosts) == 1 and _compatible_status(hosts[0], talks.mentions[0]):
            hosts[0].add(*talks.mentions)
            hosts[0].sort()
            out.remove(talks)
    return out


def _ongoing_state_talks(mention: Mention) -> bool:
    return (
        mention.kind == "talks"
        and mention.state_pair is not None
        and mention.explicit
        and mention.status == "ongoing"
        and mention.date is None
    )


def _borrow_pair(groups: list[Group], mention: Mention, *, states: bool = False) -> None:
    """ "وكان الرئيسان قد أجريا اتصالا هاتفيا": the two are the parties of the event
    just named, if it was named close before."""
    start = mention.trigger.start
    near = [g for g in groups if 0 <= start - g.last_start <= _PAIR_REACH]
    if not near:
        return
    # the pair the article is about ("وزيرا خارجية البلدين"), not one named in passing
    # just before ("بعد لقاء بوتين والأسد"): the nearby event named most often, else
    # the latest one
    group = max(reversed(near), key=lambda g: len(g.mentions))
    if len(group.mentions) == 1:
        group = near[-1]
    parties = [p for m in group.mentions for p in m.parties if p.actor.country]
    if states and mention.state_pair is not None:
        # "البلدان" names the states, not the people who met
        start, end, name = mention.state_pair
        codes = dict.fromkeys(p.actor.country for p in parties if p.actor.country)
        parties = [
            Party(
                syrdiplo.Actor(name=name, country=code, type=syrdiplo.ActorType.STATE),
                start,
                end,
                "pair",
            )
            for code in codes
        ]
    if len({p.actor.country for p in parties}) >= 2:
        mention.parties = parties
        mention.keys = {p.actor.country for p in parties if p.actor.country}


def _fold_dated_talks(groups: list[Group]) -> list[Group]:
    """Talks on a given day are the call or meeting held that day.

    "جدد الوزيران الاتصالات بينهما الجمعة" and "أجريا مكالمة هاتفية" report one
    encounter: dated talks join the one call or meeting between the same
    countries whose date agrees, unless one was held and the other is only
    planned ("سيبحثان اليوم" and "أنهوا اليوم محادثاتهم").
    """
    out = list(groups)
    for talks in groups:
        date = talks.date
        if talks.kind != "talks" or date is None or date.precision not in _ONE_DAY:
            continue
        hosts = [
            g
            for g in out
            if g.kind != "talks"
            and g.countries == talks.countries
            and _compatible_dates(g.date, date)
            and all(_same_family(s, g.explicit_statuses) for s in talks.explicit_statuses)
        ]
        if len(hosts) == 1:
            hosts[0].add(*talks.mentions)
            hosts[0].sort()
            out.remove(talks)
    return out
