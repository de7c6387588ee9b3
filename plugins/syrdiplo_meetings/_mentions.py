"""Mentions: one trigger word in one sentence, with its parties, date, place and status.

A sentence is cut into clauses (at فيما، في حين، ";" and ", و" ...). A trigger
takes its parties from its own clause (the reported part after أن/إن first),
then from the clauses before it, nearest first, until it has two: coordinated
clauses share their subject ("وتلت اللقاء مكالمة هاتفية ناقشا خلالها"). Its
date comes from its own clause on its own side of any أن/إن or منذ (so "قال ...
أمس إن" dates the statement, not the event), its status from cue words a few
words around it, else from its tense. Talks words in a clause that also names a
meeting or a call are folded into it ("بحث شويغو مع نظيره ... في اتصال هاتفي"
is one call); when a clause names two events, each keeps the parties nearer to it.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from typing import NamedTuple

import attrs

import syrdiplo
from syrdiplo.text import normalize_word

from ._context import Context, Party, RawTrigger
from ._rules import FormatInfo, TriggerInfo

__all__ = ["Mention", "find_mentions", "party_key", "timex_bounds"]

_CUE_BEFORE = 8  # tokens a status cue may stand before its trigger ("دعا الرئيس ... إلى عقد قمة")
_CUE_AFTER = 15  # ... and after it
_NEGATION_BEFORE = 3
_NOUN_MODIFIER = 6  # tokens between a noun and "هاتفي" ("محادثات مع نظيره الأمريكي عبر الفيديو")
_LIGHT_VERB = 8  # tokens between "أجرى" and "اتصالا" (the subject may stand between)
_VENUES = ("city", "venue", "base")  # a meeting is held in a city, not in a country or region
_PLACE_DISTANCE = 15  # tokens between a trigger and its place
_UNHELD = ("planned", "proposed", "cancelled")
_LONGER_NAME = 40  # characters a format name may run past a place it starts with
_AFTER_PARTY = 60  # characters after an event's last party where its city may stand
_HELD_IN = 4  # tokens between talks and the city that makes them a meeting
_CREDIT = re.compile(r"\(([^()]{1,40})\)\s*$")
_SKIPPED_ZONES = (syrdiplo.Zone.BOILERPLATE, syrdiplo.Zone.CAPTION)


@attrs.define(eq=False)
class Mention:
    """One trigger (plus any talks words folded into it) with what was found around it."""

    trigger: RawTrigger
    kind: str
    form: str  # noun, past, present, future
    definite: bool
    sentence: syrdiplo.Sentence
    clause: tuple[int, int]
    absorbed: list[RawTrigger] = attrs.field(factory=list)
    folded: list[RawTrigger] = attrs.field(
        factory=list
    )  # talks words folded into a meeting or call
    modifiers: list[tuple[int, int]] = attrs.field(factory=list)
    parties: list[Party] = attrs.field(factory=list)
    keys: set[str] = attrs.field(factory=set)
    format: tuple[int, int, FormatInfo] | None = None
    date: tuple[int, int, syrdiplo.Timex] | None = None
    # the day of the statement that reports an undated event ("قالت الوزارة، الخميس 20
    # تشرين الأول، إن الوزيرين ناقشا ..."): the latest day the event can have taken place
    report_date: tuple[int, int, syrdiplo.Timex] | None = None
    location: tuple[int, int, str] | None = None
    status: str = "occurred"
    explicit: bool = False  # status from a cue or a verb's tense, not a default
    claim: syrdiplo.Claim | None = None
    # other events' triggers in the clause
    rivals: list[tuple[int, int]] = attrs.field(factory=list)
    same_kind_rivals: list[tuple[int, int]] = attrs.field(factory=list)
    negated_discussion: bool = False  # "لم يناقش مع ترامب العقوبات" names no event
    assembly_session: bool = False  # "اجتماع مجلس الأمن": a session of the body, no event
    pair_reference: bool = False  # "الرئيسان"، "أجريا": the parties are a pair named before
    # "البلدان": the pair named before are states; the word's span and text
    state_pair: tuple[int, int, str] | None = None
    earlier_event: bool = False  # "محادثات هاتفية سابقة": not the event just named
    joins: bool = False  # "شارك في الاجتماع X": X joins the event named before
    size: int | None = None  # "اجتماع رباعي": how many sides the event word says it has
    demonstrative: bool = False  # "هذه المكالمة": the event named before

    @property
    def zone(self) -> syrdiplo.Zone:
        return self.sentence.zone

    @property
    def info(self) -> TriggerInfo:
        return self.trigger.info

    @property
    def triggers(self) -> list[RawTrigger]:
        return [self.trigger, *self.absorbed]

    @property
    def valid(self) -> bool:
        """Enough parties to be an event on its own: two, one of them a state."""
        if self.format and self.format[2].parties:
            return True
        return len(self.keys) >= 2 and any(p.actor.country for p in self.parties)


def party_key(actor: syrdiplo.Actor) -> str | None:
    """What makes a party distinct: its country, or a stateless person's name."""
    if actor.country:
        return actor.country
    if actor.type is syrdiplo.ActorType.PERSON:
        return actor.canonical or actor.name
    return None


@functools.lru_cache(maxsize=1024)
def timex_bounds(value: str) -> tuple[dt.date, dt.date] | None:
    """First and last day covered by a TIMEX value (``2021-07`` → July 1 and 31)."""
    parts = value.split("/")
    first = _bounds(parts[0])
    last = _bounds(parts[-1])
    if first is None or last is None:
        return None
    return first[0], last[1]


def _bounds(value: str) -> tuple[dt.date, dt.date] | None:
    value = value.split("T")[0]
    try:
        if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
            start = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return start, start + dt.timedelta(days=6)
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value):
            day = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return day, day
        if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
            start = dt.date(int(m[1]), int(m[2]), 1)
            following = dt.date(start.year + start.month // 12, start.month % 12 + 1, 1)
            return start, following - dt.timedelta(days=1)
        if m := re.fullmatch(r"(\d{4})", value):
            return dt.date(int(m[1]), 1, 1), dt.date(int(m[1]), 12, 31)
    except ValueError:
        return None
    return None


# --------------------------------------------------------------------------- finding


def is_credit_caption(sentence: syrdiplo.Sentence) -> bool:
    """A photo caption left in the body: a line ending in a short credit "(سبوتنيك)"."""
    if ")" not in sentence.text:
        return False
    text = sentence.text.strip()
    match = _CREDIT.search(text)
    if match is None or len(match[1].split()) > 4:
        return False
    return "." not in text[: match.start()] and len(text.split()) <= 30


def find_mentions(ctx: Context, sentence: syrdiplo.Sentence) -> list[Mention]:
    """The mentions of meetings, calls and talks in one sentence."""
    if sentence.zone in _SKIPPED_ZONES or is_credit_caption(sentence):
        return []
    start, end = ctx.to_norm(sentence.start), ctx.to_norm_end(sentence.end)
    raw = [t for t in ctx.triggers_in(start, end) if t.end <= end and _keep(ctx, t)]
    if not raw:
        return []
    clauses = ctx.clauses(start, end)
    mentions = []
    for trigger in raw:
        clause = next((c for c in clauses if c[0] <= trigger.start < c[1]), (start, end))
        mention = _mention(ctx, trigger, sentence, clause, raw)
        if mention is not None:
            mentions.append(mention)
    mentions = _fold_talks(ctx, mentions)
    for mention in mentions:
        rivals = [o for o in mentions if o is not mention and o.clause == mention.clause]
        mention.rivals = [
            (t.start, t.end) for o in rivals if o.kind != mention.kind for t in o.triggers
        ]
        mention.same_kind_rivals = [
            (t.start, t.end) for o in rivals if o.kind == mention.kind for t in o.triggers
        ]
        earlier = [c for c in clauses if c[1] <= mention.clause[0]]
        later = _soft_followers(ctx, clauses, mention.clause)
        _describe(ctx, mention, earlier[::-1], (start, end), later)
    return [m for m in mentions if not m.negated_discussion and not m.assembly_session]


def _soft_followers(
    ctx: Context, clauses: list[tuple[int, int]], clause: tuple[int, int]
) -> list[tuple[int, int]]:
    """The clauses right after ``clause`` that only a comma and و separate from it."""
    out = []
    current = clause
    for nxt in clauses:
        if nxt[0] < current[1]:
            continue
        if nxt[0] != current[1] or nxt[0] not in ctx.soft_cuts:
            break
        out.append(nxt)
        current = nxt
    return out


def _keep(ctx: Context, trigger: RawTrigger) -> bool:
    """Drop triggers in contexts that name no event: "قنوات الاتصال"، "لقاء صحفي"."""
    rules, tokens = ctx.rules, ctx.tokens
    word, _attached = ctx.before(trigger.start)
    if ctx.stems(word) & rules.not_before:
        return False
    first = ctx.token_index(trigger.start)
    last = ctx.token_index(trigger.end) - 1
    if last + 1 < len(tokens) and tokens.spaced[last] and rules.not_after.at(tokens, last + 1):
        return False
    for back in range(1, 4):  # "على هامش قمة العشرين"
        i = first - back
        if i < 0 or not tokens.spaced[i]:
            break
        hit = rules.setting_before.at(tokens, i)
        if hit is not None and hit.last == first - 1:
            return False
    return True


def _mention(
    ctx: Context,
    trigger: RawTrigger,
    sentence: syrdiplo.Sentence,
    clause: tuple[int, int],
    raw: list[RawTrigger],
) -> Mention | None:
    info = trigger.info
    previous, _attached = ctx.before(trigger.start)
    if (
        trigger.word in ctx.rules.verb_homographs
        and not trigger.prefix.strip("وف")
        and not ctx.stems(previous) & ctx.rules.modal  # "وقد تواصل مسؤولون": "communicated"
        and not ctx.has_word(ctx.rules.with_words, trigger.end, clause[1])
    ):
        return None  # "روسيا تواصل حماية النظام": the verb "continues"
    form = info.form
    if form == "present" and ("س" in trigger.prefix or previous in ctx.rules.modal):
        form = "future"
    elif form == "present" and previous in ctx.rules.past_particles:
        form = "past"  # "لم يلتقيا"
    kind = info.kind
    modifiers: list[tuple[int, int]] = []
    if kind != "call" or info.needs_modifier:
        kind = "talks" if info.needs_modifier else kind
        following = [t.start for t in raw if t.start > trigger.start and t.start < clause[1]]
        stop = min(following, default=clause[1])
        for modifier in ctx.modifiers_in(trigger.end, stop):
            if (
                info.form != "noun"
                or ctx.token_distance((trigger.start, trigger.end), modifier) <= _NOUN_MODIFIER
            ):
                modifiers.append(modifier)
                kind = "call"
                break
        singular = info.base in ctx.rules.singular_contacts and trigger.word in (
            info.base,
            info.base + "ا",
        )
        if kind != "call" and singular:
            kind = _light_verb_call(ctx, trigger, clause) or kind
    if info.needs_modifier and not modifiers:
        setting = _in_person(ctx, trigger.end, clause[1])
        if setting is None or not (
            _coordinated_subject(ctx, trigger, clause)
            or ctx.has_word(ctx.rules.with_words, trigger.end, setting)
        ):
            return None
        kind = "meeting"  # "تحدث ترامب وبوتين على هامش القمة"
    if info.needs_with and kind != "call" and not _partner_follows(ctx, trigger.end, clause[1]):
        plural = (
            info.form != "noun"
            and not info.suffixed
            and info.base.endswith(("ا", "وا", "ان", "ون"))
        )
        if not plural and not _coordinated_subject(ctx, trigger, clause):
            return None  # "بحث الوضع" names no talks; "بحث ... مع" and "بحثا" do
    demonstrative = info.form == "noun" and previous in ctx.rules.anaphor_determiners
    if kind == "talks" and _generic_talks(ctx, trigger, clause):
        return None  # "قبل بدء مباحثات دبلوماسية": talks of no one in particular
    definite = info.form == "noun" and (
        "ال" in trigger.prefix or trigger.prefix.endswith("لل") or info.suffixed or demonstrative
    )
    return Mention(
        trigger=trigger,
        kind=kind,
        form=form,
        definite=definite,
        sentence=sentence,
        clause=clause,
        modifiers=modifiers,
        claim=ctx.claim_for(*ctx.original(trigger.start, trigger.end)),
        earlier_event=_earlier_event(ctx, trigger, modifiers),
        joins=definite and _joined(ctx, trigger),
        size=_size(ctx, trigger),
        demonstrative=demonstrative and "ال" in trigger.prefix,
    )


def _partner_follows(ctx: Context, start: int, end: int) -> bool:
    """Whether a مع/بين-phrase in ``[start, end)`` may name the talks' partner: not one
    right after a noun of relation ("تطبيع العلاقات بين واشنطن ودمشق")."""
    rules = ctx.rules
    while (found := ctx.find_word(rules.with_words, start, end)) is not None:
        word, _attached = ctx.before(found[0])
        if not ctx.stems(word) & rules.relation_nouns:
            return True
        start = found[1]
    return False


def _coordinated_subject(ctx: Context, trigger: RawTrigger, clause: tuple[int, int]) -> bool:
    """A verb before two sides joined by و: "ناقش لافروف وكيري ..." (a verb before
    its subject stays singular in Arabic, however many the subject names)."""
    if trigger.info.form == "noun" or trigger.info.suffixed:
        return False
    parties = ctx.parties_in(trigger.end, clause[1])
    if len(parties) < 2:
        return False
    if ctx.token_distance((trigger.start, trigger.end), (parties[0].start, parties[0].end)) > 0:
        return False
    first, rest = parties[0], parties[1:]
    while rest and not ctx.text[first.end : rest[0].start].strip():
        first, rest = rest[0], rest[1:]  # "وزير الخارجية الروسي سيرغي لافروف": title, name
    if not rest or ctx.text[first.end : rest[0].start].strip() + rest[0].prefix != "و":
        return False
    second = rest[0]
    countries = {p.actor.country for p in (first, second)}
    return None not in countries and len(countries) == 2


def _in_person(ctx: Context, start: int, end: int) -> int | None:
    """Where a phrase of ``in_person`` ("على هامش") stands between ``start`` and ``end``."""
    tokens = ctx.tokens
    for i in range(ctx.token_index(start), min(ctx.token_index(end), len(tokens))):
        if ctx.rules.in_person.at(tokens, i) is not None:
            return ctx.token_starts[i]
    return None


def _size(ctx: Context, trigger: RawTrigger) -> int | None:
    """How many sides the word right after the trigger gives it ("اجتماع رباعي")."""
    i = ctx.token_index(trigger.end)
    if i >= len(ctx.tokens) or not ctx.tokens.spaced[i - 1]:
        return None
    return ctx.rules.sizes.get(ctx.tokens.words[i])


def _joined(ctx: Context, trigger: RawTrigger) -> bool:
    """Whether a participation verb stands right before the trigger, or before في or إلى
    before it ("شارك في الاجتماع"، "سينضم إلى اللقاء"، "وحضر اللقاء")."""
    rules = ctx.rules
    words = ctx.previous_words(trigger.start - len(trigger.prefix), 2)
    if words and ctx.stems(words[-1]) & rules.join_verbs:
        return True
    return (
        len(words) == 2
        and bool(ctx.stems(words[-1]) & (rules.location_intro | rules.destination))
        and bool(ctx.stems(words[-2]) & rules.join_verbs)
    )


def _generic_talks(ctx: Context, trigger: RawTrigger, clause: tuple[int, int]) -> bool:
    """ "مباحثات دبلوماسية" with no article, suffix, مع or بين: talks in general."""
    info = trigger.info
    if info.form != "noun" or info.suffixed or trigger.prefix.endswith(("ال", "لل")):
        return False
    i = ctx.token_index(trigger.end)
    if i >= len(ctx.tokens) or not ctx.tokens.spaced[i - 1]:
        return False
    if ctx.tokens.words[i] not in ctx.rules.generic_after:
        return False
    return not ctx.has_word(ctx.rules.with_words, trigger.end, clause[1])


def _earlier_event(ctx: Context, trigger: RawTrigger, modifiers: list[tuple[int, int]]) -> bool:
    """ "محادثات هاتفية سابقة": an adjective after the trigger (and its call word)."""
    end = max([trigger.end, *(m[1] for m in modifiers if m[0] - trigger.end < 40)])
    tokens = ctx.tokens
    i = ctx.token_index(end)
    for j in range(i, min(i + 2, len(tokens))):
        if j == 0 or not tokens.spaced[j - 1]:
            return False
        if ctx.stems(tokens.words[j]) & ctx.rules.earlier_event:
            return True
    return False


def _light_verb_call(ctx: Context, trigger: RawTrigger, clause: tuple[int, int]) -> str | None:
    """ "أجرى اتصالا"، "تلقى اتصالا": a single contact made or received is a call."""
    index = ctx.token_index(trigger.start)
    for i in range(max(0, index - _LIGHT_VERB), index):
        if ctx.token_starts[i] < clause[0]:
            continue
        word = ctx.text[ctx.token_starts[i] : ctx.token_ends[i]]
        if ctx.stems(word) & ctx.rules.call_light_verbs:
            return "call"
    return None


def _fold_compounds(ctx: Context, group: list[Mention]) -> list[Mention]:
    """Adjacent triggers of one kind name one event: "اجتماع القمة"، "اجتماعات ومشاورات"."""
    out: list[Mention] = []
    for mention in group:
        last = out[-1] if out else None
        if (
            last is not None
            and last.kind == mention.kind
            and ctx.token_distance(
                (last.triggers[-1].start, last.triggers[-1].end),
                (mention.trigger.start, mention.trigger.end),
            )
            <= 1
        ):
            last.absorbed.append(mention.trigger)
            last.modifiers.extend(mention.modifiers)
            continue
        out.append(mention)
    return out


def _fold_talks(ctx: Context, mentions: list[Mention]) -> list[Mention]:
    """Talks words in a clause with a meeting or call become part of it."""
    kept: list[Mention] = []
    by_clause: dict[tuple[int, int], list[Mention]] = {}
    for mention in mentions:
        by_clause.setdefault(mention.clause, []).append(mention)
    for group in by_clause.values():
        group = _fold_compounds(ctx, group)
        hosts = [m for m in group if m.kind != "talks"]
        for mention in group:
            span = (mention.trigger.start, mention.trigger.end)
            near = [h for h in hosts if not _sequenced(ctx, span, (h.trigger.start, h.trigger.end))]
            if mention.kind == "talks" and near:
                host = min(
                    near, key=lambda h: ctx.token_distance(span, (h.trigger.start, h.trigger.end))
                )
                host.absorbed.append(mention.trigger)
                host.folded.append(mention.trigger)
                if host.form == "noun" and mention.form != "noun":
                    host.form = mention.form  # "بحث ... في اتصال هاتفي": the verb's tense
            else:
                kept.append(mention)
    kept.sort(key=lambda m: m.trigger.start)
    return kept


def _sequenced(ctx: Context, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether a word ordering two events in time (بعد، عقب ...) stands between two spans."""
    start, end = (a[1], b[0]) if a[1] <= b[0] else (b[1], a[0])
    return ctx.has_word(ctx.rules.sequence, start, end)


# --------------------------------------------------------------------------- describing


def _describe(
    ctx: Context,
    mention: Mention,
    earlier: list[tuple[int, int]],
    sentence: tuple[int, int],
    later: list[tuple[int, int]],
) -> None:
    """Parties, format, date, place and status of a mention.

    Parties come from the trigger's clause, then from the clauses before it in
    the sentence, nearest first, until two are found: coordinated clauses share
    their subject ("التقى بوتين بايدن ...، وتلت اللقاء مكالمة هاتفية ناقشا خلالها").
    """
    if _assembly_session(ctx, mention):
        mention.assembly_session = True
        return
    content = _claim_content(ctx, mention)
    mention.parties = _gather(ctx, mention, earlier, later, content)
    mention.keys = _keys(mention.parties)
    sides = _between_sides(ctx, mention, content)
    pair = _named_pair(ctx, mention, content) if sides is None else None
    if sides is not None:
        # "انتقدت موسكو اللقاء بين كيري والمعارضة": the بين-phrase names every side
        mention.parties = [p for p in mention.parties if p.start >= sides]
        mention.keys = _keys(mention.parties)
    elif pair is not None:
        # "بعد لقاء راتني – بوغدانوف ... لا يشمل الرئيس السوري": the pair named by the
        # noun is the event's; other actors in the clause are not
        mention.parties, mention.keys = pair, _keys(pair)
    elif len(mention.keys) < 2 and content is not None:
        # the claim's content span may be too short: look past it before giving up
        wider = _gather(ctx, mention, earlier, later, None)
        if len(_keys(wider)) > len(mention.keys):
            mention.parties, mention.keys = wider, _keys(wider)
    # Who reports an event is not one of its parties ("قال المتحدث التركي تعليقا على
    # المحادثات بين بوتين وبايدن"), unless the event needs them ("قال لافروف بعد لقائه كيري").
    speakers = ctx.speaker_spans
    if any((p.start, p.end) in speakers for p in mention.parties):
        others = [p for p in mention.parties if (p.start, p.end) not in speakers]
        if len(_keys(others)) >= 2:
            mention.parties, mention.keys = others, _keys(others)
    # "بينه وبين": the sentence's subject, even when it is the one reporting
    subject = _subject_side(ctx, mention, sentence)
    if subject is not None and party_key(subject.actor) not in mention.keys:
        mention.parties.append(subject)
        mention.keys = _keys(mention.parties)
    if (
        len(mention.keys) < 2
        and content is not None
        and mention.claim is not None
        and sides is None
    ):
        speaker = mention.claim.speaker
        if speaker.country in ctx.rules.international:
            speaker = attrs.evolve(speaker, country=None)  # a UN envoy speaks for no state
        key = party_key(speaker)
        name = normalize_word(speaker.name)
        media = _media(name, ctx.stems(name.split(" ")[0]), ctx.rules.media)
        if (
            key
            and not media  # "قالت إنترفاكس إن ..." reports, it takes no part
            and speaker.type is not syrdiplo.ActorType.ANONYMOUS
            and key not in mention.keys
        ):
            start = ctx.to_norm(speaker.start) if speaker.start is not None else -1
            end = ctx.to_norm_end(speaker.end) if speaker.end is not None else -1
            if start < 0 or not ctx.in_attribution(start, end):  # "بحسب ما ذكرت زاخاروفا"
                mention.parties.append(Party(speaker, start, end, "speaker"))
                mention.keys.add(key)
    if len(mention.keys) < 2:
        mention.pair_reference = _own_pair_word(ctx, mention)
        states = ctx.find_word(ctx.rules.state_pair_words, *mention.clause)
        if mention.pair_reference and states is not None:
            ostart, oend = ctx.original(*states)
            mention.state_pair = (*states, ctx.doc.text[ostart:oend])
    _apply_format(ctx, mention, sentence)
    mention.date = _date(ctx, mention, content)
    if mention.date is None and mention.kind != "talks" and mention.form != "future":
        mention.date = _carried_date(ctx, mention, sentence)
    if mention.date is None and mention.kind != "talks" and mention.form != "future":
        mention.report_date = _report_date(ctx, mention)
    mention.location = _location(ctx, mention)
    mention.status, mention.explicit = _status(ctx, mention)
    if mention.kind == "talks" and _held_in_place(ctx, mention):
        mention.kind = "meeting"  # "محادثات ثنائية في مدينة بيرن": talks held in a city


def _held_in_place(ctx: Context, mention: Mention) -> bool:
    """Talks held in a named city are an in-person meeting ("اجتماعات تعقد في عمان").

    The place must follow the trigger closely and come from the text, not from a
    format's usual seat; "في مدينة" before an unlisted name counts too.
    """
    if mention.format is not None or mention.status in _UNHELD:
        return False  # "المحادثات المقررة في سوتشي" may yet be held elsewhere, or by others
    trigger = mention.trigger
    location = mention.location
    if location is not None:
        if location[0] > trigger.end and _named_venue_talks(ctx, mention, location):
            return True  # "المباحثات بين ترامب ولافروف في البيت الأبيض"
        if location[0] > trigger.end and _talked_in_city(ctx, mention, location):
            return True  # "بحث بوتين مع نظيره التركي أردوغان في سوتشي"
        return (
            location[0] > trigger.end
            and not any(p.start < location[1] and location[0] < p.end for p in mention.parties)
            and ctx.token_distance((trigger.start, trigger.end), location[:2]) <= _HELD_IN
        )
    rules = ctx.rules
    first = ctx.token_index(trigger.end)
    words = ctx.tokens.words
    for i in range(first, min(first + _HELD_IN + 1, len(words))):
        if ctx.token_starts[i] >= mention.clause[1]:
            break
        word = words[i]
        if word[:1] == "ب" and word[1:] in rules.city_words:
            return True
        if word in rules.city_words and i > 0 and ctx.stems(words[i - 1]) & rules.location_intro:
            return True
    return False


def _own_pair_word(ctx: Context, mention: Mention) -> bool:
    """Whether a pair word ("الرئيسان") stands in the mention's clause with no other event's
    word between: in "سيزور الإمارات ... لحضور اجتماع بين الرئيسين الروسي والأوكراني" the
    pair is the other meeting's."""
    span = (mention.trigger.start, mention.trigger.end)
    others = mention.rivals + mention.same_kind_rivals
    start, end = mention.clause
    while (found := ctx.find_word(ctx.rules.pair_words, start, end)) is not None:
        low, high = min(span[1], found[0]), max(span[0], found[1])
        if not any(low <= o[0] and o[1] <= high for o in others):
            return True
        start = found[1]
    return False


def _talked_in_city(ctx: Context, mention: Mention, location: tuple[int, int, str]) -> bool:
    """Talks whose two named people of two states are followed straight by the city
    they talked in, a date aside ("ناقش غيراسيموف مع نظيره دانفورد في باكو"،
    "المحادثات التي جرت بين بوتين وأردوغان أمس في سوتشي"). A noun must name talks
    that took place: "المحادثات الجارية بين … في أستانا" are a process, not a meeting."""
    if mention.form == "noun" and mention.status != "occurred":
        return False
    if not any(place.kind == "city" for _s, _e, _p, place in ctx.places_in(*location[:2])):
        return False
    people = [
        p
        for p in mention.parties
        if p.actor.type is syrdiplo.ActorType.PERSON and p.actor.country and p.end <= location[0]
    ]
    if len({p.actor.country for p in people}) < 2:
        return False
    last = max(people, key=lambda p: p.end)
    dated = sum(
        ctx.token_index(tend) - ctx.token_index(tstart)
        for tstart, tend, _timex in ctx.timexes_in(last.end, location[0])
    )
    return ctx.token_distance((last.start, last.end), location[:2]) - dated <= 1


def _named_venue_talks(ctx: Context, mention: Mention, location: tuple[int, int, str]) -> bool:
    """Talks between named people of two states at a named venue (a palace, a ministry)."""
    if not any(place.kind == "venue" for _s, _e, _p, place in ctx.places_in(*location[:2])):
        return False
    countries = {
        p.actor.country
        for p in mention.parties
        if p.actor.type is syrdiplo.ActorType.PERSON
        and p.actor.country
        and not (p.start < location[1] and location[0] < p.end)
    }
    return len(countries) >= 2


_BETWEEN_AFTER = 2  # words between a trigger and its بين ("اللقاء الثلاثي بين")
_PAIR_GAP = re.compile(r"^\s*(?:و|[-–—/])?\s*$")


def _subject_side(ctx: Context, mention: Mention, sentence: tuple[int, int]) -> Party | None:
    """The sentence's first party, when بين with a singular pronoun follows the trigger
    ("ذكر لافروف ... حيث تم اللقاء الثلاثي بينه وبين الإبراهيمي وكلينتون")."""
    tokens = ctx.tokens
    i = ctx.token_index(mention.trigger.end)
    for j in range(i, min(i + _BETWEEN_AFTER + 1, len(tokens))):
        if j == 0 or not tokens.spaced[j - 1] or tokens.starts[j] >= mention.clause[1]:
            return None
        if tokens.words[j] in ctx.rules.subject_between:
            break
    else:
        return None
    for party in _parties(ctx, mention, (sentence[0], mention.trigger.start), None):
        if party.actor.type in (syrdiplo.ActorType.PERSON, syrdiplo.ActorType.STATE):
            return party
    return None


def _named_pair(
    ctx: Context, mention: Mention, content: tuple[int, int] | None
) -> list[Party] | None:
    """The parties a trigger noun names right after it, joined by و or a dash ("لقاء راتني –
    بوغدانوف"، "قمة بوتين وأردوغان"), when they are two sides or more; else ``None``."""
    if mention.info.form != "noun":
        return None
    trigger = mention.trigger
    found = _parties(ctx, mention, (trigger.end, _own_part(ctx, mention)[1]), content)
    if (
        not found
        or ctx.token_distance((trigger.start, trigger.end), (found[0].start, found[0].end)) > 1
    ):
        return None
    run = [found[0]]
    for party in found[1:]:
        if not _PAIR_GAP.match(ctx.text[run[-1].end : party.start]):
            break
        run.append(party)
    return run if len(_keys(run)) >= 2 else None


def _between_sides(ctx: Context, mention: Mention, content: tuple[int, int] | None) -> int | None:
    """Where the sides start when a بين-phrase right after the trigger names two of them
    ("المحادثات بين لافروف ونظيريه السوري"), else ``None``."""
    tokens, rules = ctx.tokens, ctx.rules
    i = ctx.token_index(mention.trigger.end)
    for j in range(i, min(i + _BETWEEN_AFTER + 1, len(tokens))):
        if not tokens.spaced[j - 1] or tokens.starts[j] >= mention.clause[1]:
            return None
        if tokens.words[j] in rules.between_words:
            break
    else:
        return None
    after = tokens.ends[j]
    part = _own_part(ctx, mention)
    sides = [
        p
        for p in _parties(ctx, mention, (after, part[1]), content)
        if ctx.token_distance((after, after), (p.start, p.end)) <= 6
    ]
    if not sides or ctx.token_distance((after, after), (sides[0].start, sides[0].end)) > 2:
        return None
    if len(sides) >= 2:
        near = (sides[0].start, sides[0].end), (sides[1].start, sides[1].end)
        return after if ctx.token_distance(*near) <= 2 else None
    # one side known, the other one joined by و: "بين كيري والمعارضة"
    k = ctx.token_index(sides[0].end)
    if k >= len(tokens) or not tokens.spaced[k - 1]:
        return None
    word = tokens.words[k]
    joined = word.startswith("و") and len(word) > 3 and word not in rules.not_conjunction
    return after if joined else None


_ASSEMBLY_DISTANCE = (
    2  # words between a trigger noun and the body's name ("اجتماعا طارئا لمجلس الأمن")
)


def _assembly_session(ctx: Context, mention: Mention) -> bool:
    """Whether a trigger noun names a session of a body such as the Security Council:
    "اجتماع مجلس الأمن"، "عقد مجلس الأمن اجتماعا طارئا" (but not "لقاء في مقر مجلس الأمن")."""
    if mention.info.form != "noun":
        return False
    span = (mention.trigger.start, mention.trigger.end)
    rules = ctx.rules
    for start, end, info in ctx.formats_in(*mention.clause):
        if not info.assembly or ctx.token_distance(span, (start, end)) > _ASSEMBLY_DISTANCE:
            continue
        gap = (span[1], start) if span[1] <= start else (end, span[0])
        first, last = ctx.token_index(gap[0]), ctx.token_index(gap[1])
        words = ctx.tokens.words[first:last]
        if not any(
            ctx.stems(w) & (rules.location_intro | rules.location_between | rules.with_words)
            for w in words
        ):
            return True
    return False


def _gather(
    ctx: Context,
    mention: Mention,
    earlier: list[tuple[int, int]],
    later: list[tuple[int, int]],
    content: tuple[int, int] | None,
) -> list[Party]:
    """Parties from the reported part of the clause, the clause, the clauses before it,
    then those only ", و" separates from it ("استقبل الأسد اليوم، وفدا روسيا")."""
    # the reported part first: "أعلنت الخارجية التركية أن لافروف وبلينكن بحثا ..."
    reported = _own_part(ctx, mention)
    parties = _owned(ctx, mention, _parties(ctx, mention, reported, content))
    if len(_keys(parties)) < 2 and reported != mention.clause:
        # what a statement made at the event says ("قال الكرملين إثر الاتصال إن ...
        # تحركات الولايات المتحدة وروسيا") names no parties of it
        frame = (mention.clause[0], reported[1])
        parties = _owned(ctx, mention, _parties(ctx, mention, frame, content))
    own = bool(_keys(parties))
    if _contrasted(ctx, mention.clause):
        earlier = []  # "بينما يعتزم الوزراء البريطانيون الاجتماع"
    for clause in earlier:
        if len(_keys(parties)) >= 2:
            break
        found = _parties(ctx, mention, clause, content)
        if own:
            # with a side of its own, an event borrows only the subject of the clauses
            # before it, not another event's objects ("ستشمل زيارة موسكو الرياض، حيث
            # سيلتقي كبار المسؤولين السعوديين": Moscow is not met in Riyadh)
            other = ctx.triggers_in(*clause)
            if other:
                found = [p for p in found if p.end <= other[0].start]
        parties = found + parties
    for clause in later:
        if len(_keys(parties)) >= 2:
            break
        parties = parties + _parties(ctx, mention, clause, content)
    return _visit_hosts(ctx, mention, parties)


def _contrasted(ctx: Context, clause: tuple[int, int]) -> bool:
    """Whether ``clause`` opens with a word of ``contrast`` ("بينما"، "في حين")."""
    i = ctx.token_index(clause[0])
    return i < len(ctx.tokens) and ctx.rules.contrast.at(ctx.tokens, i) is not None


def _visit_hosts(ctx: Context, mention: Mention, parties: list[Party]) -> list[Party]:
    """A visit's parties after its word: the visitor and the one host it goes to.

    After إلى only the party right after it is the host ("زيارته إلى القاعدة الروسية
    بعد الانتصار الذي حققه الجيش السوري": none); with no إلى the first state named is
    ("يزور الرياض ثم أنقرة": Riyadh), later stops of the itinerary are not.
    """
    trigger = mention.trigger
    if trigger.info.base not in ctx.rules.visits:
        return parties
    before = [p for p in parties if p.start < trigger.end]
    after = [p for p in parties if p.start >= trigger.end]
    destination = ctx.find_word(ctx.rules.destination, trigger.end, mention.clause[1])
    kept: list[Party] = []
    for party in after:
        if destination is not None and party.start >= destination[1]:
            if ctx.token_distance(destination, (party.start, party.end)) <= _HOST_AFTER:
                kept.append(party)
            break
        kept.append(party)
        if destination is None and _place_like(party.actor):
            break
    return before + kept


_HOST_AFTER = 3  # words between إلى and the host ("إلى العاصمة الروسية موسكو")


def _place_like(actor: syrdiplo.Actor) -> bool:
    """A state named by its name or capital, which a visit goes to."""
    return actor.type is syrdiplo.ActorType.STATE and actor.role in (None, "name", "capital")


def _owned(ctx: Context, mention: Mention, parties: list[Party]) -> list[Party]:
    """The parties that belong to this mention rather than to another event in its clause.

    "ويأتي الاجتماع بعد أسبوع من اتصال هاتفي بين بوتين وأردوغان": the two are the
    call's parties, not the meeting's.
    """
    mine = [(t.start, t.end) for t in mention.triggers]

    def nearest(rivals: list[tuple[int, int]], pool: list[Party]) -> list[Party]:
        # a party belongs to the last event word before it ("اجتماع بين أ وب يليه لقاء
        # بين ج ود"), or, standing before them all, to the first one ("روسيا وتركيا
        # تجريان محادثات")
        marks = sorted([(t, True) for t in mine] + [(r, False) for r in rivals])
        out = []
        for party in pool:
            before = [is_mine for span, is_mine in marks if span[0] < party.start]
            if before[-1] if before else marks[0][1]:
                out.append(party)
        return out

    if mention.rivals:
        parties = nearest(mention.rivals, parties)
    if mention.same_kind_rivals:
        # two meetings in one clause ("الاجتماع ... بين واشنطن والرياض وأنقرة يليه لقاء
        # بين كيري ولافروف") part their parties, unless an indefinite mention would be
        # left without two ("تواصل موسكو وأنقرة المشاورات" is one dialogue)
        split = nearest(mention.same_kind_rivals, parties)
        if len(_keys(split)) >= 2 or mention.definite:
            parties = split
    return parties


def _own_part(ctx: Context, mention: Mention) -> tuple[int, int]:
    """The part of the trigger's clause on its side of any أن/إن."""
    start = mention.trigger.start
    return next(
        (c for c in ctx.date_clauses(mention.clause) if c[0] <= start < c[1]), mention.clause
    )


def _claim_content(ctx: Context, mention: Mention) -> tuple[int, int] | None:
    """The claim content holding the trigger, in normalised offsets, if any."""
    claim = mention.claim
    if claim is None or claim.content is None:
        return None
    ostart, oend = ctx.original(mention.trigger.start, mention.trigger.end)
    if claim.content.start <= ostart and oend <= claim.content.end:
        return ctx.to_norm(claim.content.start), ctx.to_norm_end(claim.content.end)
    return None


def _keys(parties: list[Party]) -> set[str]:
    return {k for k in (party_key(p.actor) for p in parties) if k}


def _parties(
    ctx: Context, mention: Mention, span: tuple[int, int], content: tuple[int, int] | None
) -> list[Party]:
    visit = any(t.info.base in ctx.rules.visits for t in mention.triggers)
    kept = []
    dropped: set[int] = set()  # ends of places and topics, so "في سورية والعراق" drops both
    for party in ctx.parties_in(*span):
        facts = _facts(ctx, party)
        if facts.ignored:
            continue
        if content is not None and not (content[0] <= party.start and party.end <= content[1]):
            continue
        if facts.topic or (
            facts.conjoined_to is not None
            and (facts.conjoined_to in dropped or _after_dropped(ctx, party.start, dropped))
        ):
            dropped.add(party.end)
            continue
        if facts.placed and not (visit and facts.destination):
            dropped.add(party.end)
            continue
        kept.append(facts.party)
    return kept


_CHAIN = 4  # tokens back through unknown conjuncts ("سوريا وإيران وكوريا الشمالية وأوكرانيا")


def _after_dropped(ctx: Context, offset: int, dropped: set[int]) -> bool:
    """Whether a conjunct at ``offset`` follows a dropped place or topic through a chain
    of conjuncts the tables do not know: "قضايا سوريا وإيران وكوريا الشمالية وأوكرانيا"."""
    if not dropped:
        return False
    tokens = ctx.tokens
    k = bisect.bisect_right(ctx.token_starts, offset) - 1
    for j in range(k - 1, max(-1, k - 1 - _CHAIN), -1):
        if not tokens.spaced[j]:
            return False
        if tokens.ends[j] in dropped:
            return True
        word, before = tokens.words[j], tokens.words[j - 1] if j > 0 else ""
        if not (word.startswith("و") or before.startswith("و")):
            return False  # the chain is broken: "الوضع في سوريا صعب وروسيا ..."
    return False


class _Facts(NamedTuple):
    """What decides whether a party takes part in an event, whatever the event.

    :param ignored: a source that reports ("مصادر دبلوماسية"), a party inside an
        attribution, or a news outlet.
    :param topic: a topic noun stands before it ("الوضع في سوريا").
    :param conjoined_to: where the word before ends, when the party is joined to it by و.
    :param placed: a place-like party introduced as a place ("في موسكو").
    :param destination: introduced as where a visit goes ("إلى موسكو"، "لموسكو").
    :param party: the party as kept (stateless and international actors lose their country).
    """

    ignored: bool
    topic: bool
    conjoined_to: int | None
    placed: bool
    destination: bool
    party: Party


def _facts(ctx: Context, party: Party) -> _Facts:
    """The :class:`_Facts` of a party, worked out once per article."""
    key = (party.start, party.end)
    facts = ctx.party_facts.get(key)
    if facts is None:
        facts = ctx.party_facts[key] = _find_facts(ctx, party)
    return facts


def _title_start(ctx: Context, party: Party) -> int:
    """Where a name's title starts, when the title stands right before the name and is
    the same person ("بنظام الرئيس بشار الأسد": the name is in the title's slot)."""
    start = party.start
    if party.actor.type is not syrdiplo.ActorType.PERSON:
        return start
    i = bisect.bisect_left(ctx.party_starts, start) - 1
    while i >= 0:
        before = ctx.parties[i]
        same = (
            before.actor.canonical is not None and before.actor.canonical == party.actor.canonical
        )
        if not same or ctx.text[before.end : start].strip():
            break
        start = before.start
        i -= 1
    return start


@functools.lru_cache(maxsize=4096)
def _media(name: str, stems: frozenset[str], media: tuple[str, ...]) -> bool:
    """Whether a name is a news outlet's ("وكالة سبوتنيك")."""
    return any(s.casefold().startswith(media) for s in stems | {name})


def _find_facts(ctx: Context, party: Party) -> _Facts:
    rules = ctx.rules
    actor = party.actor
    name = ctx.text[party.start : party.end]
    stems = ctx.stems(name.split(" ")[0])
    word, attached = ctx.before(_title_start(ctx, party))
    ignored = (
        (
            actor.type is syrdiplo.ActorType.ANONYMOUS
            and bool(
                stems & rules.sources
                or (
                    stems & rules.speaking_sources and (party.start, party.end) in ctx.speaker_spans
                )
            )
        )
        or ctx.in_attribution(party.start, party.end)
        or _media(name, stems, rules.media)
        or bool(ctx.stems(word) & rules.media_words)  # "قناة القاهرة الإخبارية"
    )
    attached = attached + party.prefix
    previous = ctx.stems(word)
    placey = actor.type is syrdiplo.ActorType.ORGANIZATION or (
        actor.type is syrdiplo.ActorType.STATE
        and actor.role in (None, "name", "capital", "own_country", "adjective")
    )
    placed = False
    if placey:
        lead = ctx.previous_words(party.start - len(attached), 5)
        if ctx.attached_preposition(attached):
            # "مندوبين للولايات المتحدة" is a side, "لموسكو" a place
            placed = not (ctx.stems(lead[-1] if lead else None) & rules.side_before)
        elif word is not None and _placed_after(ctx, lead):
            placed = True
        elif previous & rules.place_before:
            placed = False  # a role before the preposition: "وفود من روسيا"
        else:  # "في العاصمة الروسية موسكو"
            placed = _introduced(ctx, ctx.previous_words(party.start, 4))
        if not placed and attached.startswith("و") and len(lead) >= 2:
            # "في كل من اليمن وأوكرانيا": the first conjunct, even unknown, was a place
            placed = _placed_after(ctx, lead[:-1])
    # the name begins with a stateless actor's name, or is the beginning of one
    stateless = len(name) > 2 and (
        name.startswith(rules.stateless_names) or name in rules.stateless_beginnings
    )
    if stateless or actor.country in rules.international:
        party = attrs.evolve(party, actor=attrs.evolve(actor, country=None))
    return _Facts(
        ignored,
        bool(previous & rules.topic_before) or _topic_state(ctx, party, word, attached),
        _previous_end(ctx, party.start) if attached.startswith("و") else _listed_after(ctx, party),
        placed,
        bool(previous & rules.destination) or attached.endswith("ل"),
        party,
    )


_TOPIC_STATE_ROLES = (None, "name", "capital", "adjective")


def _topic_state(ctx: Context, party: Party, word: str | None, attached: str) -> bool:
    """Whether a state named mostly as a topic ("بشأن سوريا"، "الأزمة السورية") stands
    outside a party's slot here (see ``topic_states`` in the lexicon)."""
    actor, rules = party.actor, ctx.rules
    if (
        actor.country not in rules.topic_states
        or actor.type is not syrdiplo.ActorType.STATE
        or actor.role not in _TOPIC_STATE_ROLES
        or party.source == "speaker"
    ):
        return False
    if word is None:
        return False  # opening the sentence or a list: "دمشق وموسكو تبحثان"
    stems = ctx.stems(word)
    if stems & rules.with_words or word in rules.listed_tails:  # "مع دمشق"، "بين روسيا وسوريا"
        return False
    if attached.startswith("و") and _previous_end(ctx, party.start) in ctx.party_ends:
        return False  # "روسيا وسوريا": joined to another party
    tokens = ctx.tokens
    i = ctx.token_index(party.start)
    last = ctx.token_index(party.end) - 1
    if actor.role == "adjective":
        # a run of adjectives names the sides: "القمة الروسية السورية"
        forms = (rules.adjective_forms, rules.conjoined_adjectives)
        after = tokens.words[last + 1] if last + 1 < len(tokens) and tokens.spaced[last] else None
        return not any(w in f for w in (word, after) for f in forms if w)
    # the subject or object right beside a meeting verb: "استقبلت دمشق"، "دمشق تستقبل"
    beside = [(tokens.starts[i - 1], tokens.ends[i - 1])] if i > 0 else []
    if last + 1 < len(tokens) and tokens.spaced[last]:
        beside.append((tokens.starts[last + 1], tokens.ends[last + 1]))
    for start, end in beside:
        for trigger in ctx.triggers_in(start, end):
            if trigger.info.form != "noun" and not trigger.info.needs_with:
                return False
    return True


def _placed_after(ctx: Context, lead: list[str]) -> bool:
    """Whether the words before a name (nearest last) introduce it as a place or topic:
    a place word ("في"، "بشأن"، "من") with no role noun before it ("وفود من"), read
    through "كل من" ("في كل من سوريا والعراق" but "بين كل من روسيا وتركيا")."""
    for phrase in ctx.rules.listed:  # "كل من": read through to the word before it
        if len(lead) >= len(phrase) and tuple(lead[-len(phrase) :]) == phrase:
            lead = lead[: -len(phrase)]
            break
    if not lead or not ctx.stems(lead[-1]) & ctx.rules.place_before:
        return False
    return not (
        len(lead) >= 2
        and lead[-1] in ctx.rules.side_prepositions
        and ctx.stems(lead[-2]) & ctx.rules.side_before
    )


def _listed_after(ctx: Context, party: Party) -> int | None:
    """Where the item before ends, when a comma alone lists the party after it
    ("قضايا أبرزها سوريا، أوكرانيا"): a comma joins a list as و does."""
    end = _title_start(ctx, party)
    while end and ctx.text[end - 1] == " ":
        end -= 1
    if not end or ctx.text[end - 1] not in "،,":
        return None
    end -= 1
    while end and ctx.text[end - 1] == " ":
        end -= 1
    return end if end and ctx.text[end - 1].isalpha() else None


def _previous_end(ctx: Context, offset: int) -> int | None:
    """The end of the word before the one holding ``offset`` (across spaces only)."""
    word = ctx.word_at(offset)
    start = word[0] if word else offset
    words = ctx.previous_words(start, 1)
    if not words:
        return None
    while start and ctx.text[start - 1].isspace():  # as len(text[:start].rstrip())
        start -= 1
    return start


def _apply_format(ctx: Context, mention: Mention, sentence: tuple[int, int]) -> None:
    own = ctx.formats_in(*mention.clause)
    if not own and len(mention.keys) >= 2:
        return  # "وكذلك القمة التي جمعت بوتين بأردوغان" after "لقاءات الدول الضامنة"
    formats = own or ctx.formats_in(*sentence)
    if not formats:
        return
    span = (mention.trigger.start, mention.trigger.end)
    found = min(formats, key=lambda f: ctx.token_distance(span, (f[0], f[1])))
    mention.format = found
    info = found[2]
    if not own and info.location:
        # a format named in another clause lends its parties, not its place
        info = attrs.evolve(info, location=None)
        mention.format = (found[0], found[1], info)
    if info.kind and mention.kind == "talks":
        mention.kind = info.kind
    if not info.parties:
        return
    allowed = set(info.parties)
    mention.parties = [
        p for p in mention.parties if p.actor.country in allowed or p.actor.country is None
    ]
    present = {p.actor.country for p in mention.parties}
    ostart, oend = ctx.original(found[0], found[1])
    for code in info.parties:
        if code in present:
            continue
        actor = syrdiplo.Actor(
            name=ctx.doc.text[ostart:oend],
            canonical=ctx.rules.country_names.get(code),
            country=code,
            type=syrdiplo.ActorType.STATE,
            role="format",
        )
        mention.parties.append(Party(actor, found[0], found[1], "format"))
    mention.keys = _keys(mention.parties)


def _date(
    ctx: Context, mention: Mention, content: tuple[int, int] | None
) -> tuple[int, int, syrdiplo.Timex] | None:
    span = (mention.trigger.start, mention.trigger.end)
    clause = _own_part(ctx, mention)
    candidates = []
    others = mention.rivals + mention.same_kind_rivals
    for timex in ctx.timexes_in(*clause):
        if content is not None and not (content[0] <= timex[0] and timex[1] <= content[1]):
            continue
        if any(
            (span[1] <= o[0] and o[1] <= timex[0]) or (timex[1] <= o[0] and o[1] <= span[0])
            for o in others
        ):
            continue  # past another event's word: "نواصل اتصالاتنا … المناقشات التي جرت قبل أسبوعين"
        if ctx.in_attribution(timex[0], timex[1]):
            continue
        word, _attached = ctx.before(timex[0])
        if ctx.stems(word) & ctx.rules.since:
            continue
        if timex[0] >= span[1] and _in_other_relative(ctx, span[1], timex[0]):
            continue
        if timex[1] <= span[0] and _in_person_relative(ctx, timex[0]):
            continue  # "لنظيره بوتين الذي أعيد انتخابه الأحد ... خلال اتصال هاتفي"
        candidates.append(timex)
    if not candidates and content is None:
        return _aside_date(ctx, mention, clause)
    if not candidates:
        return None
    report = _report_stretch(ctx, mention, clause)
    return min(
        candidates,
        key=lambda t: (
            report[0] <= t[0] and t[1] <= report[1],  # the report's date, only as a last resort
            ctx.token_distance(span, (t[0], t[1])),
            t[0] < span[0],
        ),
    )


_ASIDE = 2  # tokens between a clause's end and a date in the aside after it


def _aside_date(
    ctx: Context, mention: Mention, clause: tuple[int, int]
) -> tuple[int, int, syrdiplo.Timex] | None:
    """A date opening the comma aside right after the trigger's clause: "يعقد اجتماع
    رباعي، عقب ظهر اليوم، في فيينا"."""
    end = clause[1]
    back = ctx.text[max(0, end - 8) : end].rstrip(" ")[-1:]
    ahead = ctx.text[end : end + 8].lstrip(" ")[:1]
    if back not in ("،", ",") and ahead not in ("،", ","):
        return None
    for timex in ctx.timexes_in(end, end + 40):
        if ctx.token_distance((end, end), timex[:2]) > _ASIDE:
            break
        if ctx.triggers_in(end, timex[0]):
            break
        return timex
    return None


def _in_other_relative(ctx: Context, start: int, end: int) -> bool:
    """Whether a relative pronoun after a preposition, or after a person's name, stands
    between ``start`` (the trigger's end) and ``end``: its clause tells of another noun."""
    rules = ctx.rules
    words = ctx.tokens.words
    seen_preposition = False
    for i in range(ctx.token_index(start), ctx.token_index(end)):
        word = words[i]
        if word in rules.prepositions:
            seen_preposition = True
        elif word in rules.relatives and (seen_preposition or _about_person(ctx, i)):
            return True
    return False


_PERSON_RELATIVE = 4  # tokens back from a date to the relative pronoun that opens its clause


def _in_person_relative(ctx: Context, start: int) -> bool:
    """Whether the date at ``start`` closes a relative clause about a person opened a
    few words before it ("بوتين الذي أعيد انتخابه الأحد")."""
    i = ctx.token_index(start) - 1
    for j in range(i, max(-1, i - _PERSON_RELATIVE), -1):
        if ctx.tokens.words[j] in ctx.rules.relatives:
            return _about_person(ctx, j)
        if j == 0 or not ctx.tokens.spaced[j - 1]:
            return False
    return False


def _about_person(ctx: Context, i: int) -> bool:
    """Whether the relative pronoun at token ``i`` follows a person's name and opens a
    clause about that person ("بوتين الذي أعيد انتخابه الأحد"), not about the event
    ("بين بوتين وأردوغان الذي جرى أمس": a status word follows)."""
    if i == 0 or i + 1 >= len(ctx.tokens) or not ctx.tokens.spaced[i - 1]:
        return False
    end = ctx.token_ends[i - 1]
    j = bisect.bisect_left(ctx.party_starts, end) - 1
    while j >= 0 and ctx.parties[j].end > end:
        j -= 1
    if j < 0 or ctx.parties[j].end != end:
        return False
    if ctx.parties[j].actor.type is not syrdiplo.ActorType.PERSON:
        return False
    return not any(True for _cue in ctx.cues_in(ctx.token_starts[i + 1], ctx.token_ends[i + 1]))


_REPORT_PRECISIONS = (syrdiplo.Precision.DAY, syrdiplo.Precision.TIME)


def _carried_date(
    ctx: Context, mention: Mention, sentence: tuple[int, int]
) -> tuple[int, int, syrdiplo.Timex] | None:
    """The day of the sentence just before, when this sentence has none and that one
    tells of the same states with no event word of its own: "اتفق رئيسا الأركان الروسي
    والأمريكي السبت على ..." then "وبحثا في اتصال هاتفي ..."."""
    if ctx.timexes_in(*sentence):
        return None
    countries = {p.actor.country for p in mention.parties if p.actor.country}
    if len(countries) < 2:
        return None
    sentences = ctx.doc.sentences
    index = next((i for i, s in enumerate(sentences) if s is mention.sentence), 0)
    if index == 0:
        return None
    previous = sentences[index - 1]
    if (
        previous.zone is not mention.sentence.zone
        or ctx.doc.text[previous.end : mention.sentence.start].strip()
    ):
        return None
    start, end = ctx.to_norm(previous.start), ctx.to_norm_end(previous.end)
    if any(
        not t.info.needs_modifier and not t.info.needs_with for t in ctx.triggers_in(start, end)
    ):
        return None  # an event of its own, with its own date
    named = {p.actor.country for p in ctx.parties_in(start, end) if p.actor.country}
    days = [
        t
        for t in ctx.timexes_in(start, end)
        if t[2].precision in _REPORT_PRECISIONS
        and not ctx.stems(ctx.before(t[0])[0]) & ctx.rules.since
    ]
    return days[0] if len(days) == 1 and countries <= named else None


def _report_date(ctx: Context, mention: Mention) -> tuple[int, int, syrdiplo.Timex] | None:
    """The day of the statement before the أن/إن that reports the event, if dated."""
    part = _own_part(ctx, mention)
    if part[0] <= mention.clause[0]:
        return None
    for timex in ctx.timexes_in(mention.clause[0], part[0]):
        if timex[2].precision not in _REPORT_PRECISIONS or ctx.in_attribution(timex[0], timex[1]):
            continue
        word, _attached = ctx.before(timex[0])
        if not ctx.stems(word) & ctx.rules.since:
            return timex
    return None


def _report_stretch(ctx: Context, mention: Mention, clause: tuple[int, int]) -> tuple[int, int]:
    """From a reporting cue to the trigger, when both stand in the trigger's clause with
    no أن/إن between: "كشف غاتيلوف أمس عن لقاء ... اليوم" (أمس dates the report)."""
    claim = mention.claim
    if claim is None:
        return (0, 0)
    cue_start = ctx.to_norm(claim.cue.start)
    cue_end = ctx.to_norm_end(claim.cue.end)
    if clause[0] <= cue_start and cue_end <= mention.trigger.start:
        return cue_end, mention.trigger.start
    return (0, 0)


def _location(ctx: Context, mention: Mention) -> tuple[int, int, str] | None:
    span = (mention.trigger.start, mention.trigger.end)
    clause = _own_part(ctx, mention)
    candidates = []
    others = mention.rivals + mention.same_kind_rivals
    for start, end, prefix, place in ctx.places_in(*clause):
        if place.kind not in _VENUES or ctx.token_distance(span, (start, end)) > _PLACE_DISTANCE:
            continue
        longer = ctx.formats_in(start, start + 1 + _LONGER_NAME)
        if any(fs == start and end < fe for fs, fe, _info in longer):
            continue  # "مجلس الأمن القومي": a longer name, not the place named by its start
        low, high = min(span[0], start), max(span[1], end)
        if any(low <= o[0] and o[1] <= high for o in others):
            continue  # another event's place: "الاتصال ... بعد المحادثات التي عقدت في موسكو"
        construct = start - len(prefix) == _next_word_start(ctx, span[1])  # "قمة هلسنكي"
        if (
            "ب" not in prefix
            and not construct
            and not _introduced(ctx, ctx.previous_words(start - len(prefix), 5))
        ):
            continue
        candidates.append((start, end, place.canonical))
    if candidates:
        return min(candidates, key=lambda p: ctx.token_distance(span, (p[0], p[1])))
    after = _place_after_parties(ctx, mention)
    if after is not None:
        return after
    if any(t.info.base in ctx.rules.visits for t in mention.triggers):
        # a visit takes place where it goes: "زيارة إلى موسكو"
        for start, end, prefix, place in ctx.places_in(span[1], clause[1]):
            words = ctx.previous_words(start - len(prefix), 1)
            if prefix.endswith("ل") or (words and ctx.stems(words[-1]) & ctx.rules.destination):
                return start, end, place.canonical
    if mention.format and mention.format[2].location:
        return mention.format[0], mention.format[1], mention.format[2].location
    return None


def _place_after_parties(ctx: Context, mention: Mention) -> tuple[int, int, str] | None:
    """A city right after the event's last party, however far from the trigger, a date
    aside: "المناقشات …، التي جرت على مستوى بوتين ولافروف قبل أسبوعين في سوتشي"."""
    span = (mention.trigger.start, mention.trigger.end)
    people = [p for p in mention.parties if p.start >= span[1]]
    if not people:
        return None
    last = max(people, key=lambda p: p.end)
    for start, end, prefix, place in ctx.places_in(last.end, last.end + _AFTER_PARTY):
        if place.kind != "city" or not _introduced(ctx, ctx.previous_words(start - len(prefix), 1)):
            continue
        dated = sum(
            ctx.token_index(tend) - ctx.token_index(tstart)
            for tstart, tend, _timex in ctx.timexes_in(last.end, start)
        )
        if ctx.token_distance((last.start, last.end), (start, end)) - dated <= 1:
            return start, end, place.canonical
    return None


def _next_word_start(ctx: Context, offset: int) -> int | None:
    """The start of the word right after ``offset``, if only spaces stand between."""
    i = ctx.token_index(offset)
    if i < len(ctx.tokens) and ctx.text[offset : ctx.token_starts[i]].strip(" ") == "":
        return ctx.token_starts[i]
    return None


def _introduced(ctx: Context, words: list[str]) -> bool:
    """Whether a place is introduced by في or بـ: "في جنيف"، "بالعاصمة الفنلندية هلسنكي".

    Only place nouns and article-bearing adjectives may stand between, and a
    topic noun before في makes the place a topic ("الوضع في حلب").
    """
    rules = ctx.rules
    for i in range(len(words) - 1, -1, -1):
        stems = ctx.stems(words[i])
        intro = stems & rules.location_intro or (
            words[i].startswith("ب") and stems & rules.location_between
        )
        if intro:
            return not (i > 0 and ctx.stems(words[i - 1]) & rules.place_before)
        if stems & rules.location_between:
            continue
        if words[i].startswith("ال") and words[i].endswith(rules.nisba_endings):
            continue
        return False
    return False


def _unbroken(ctx: Context, start: int, end: int) -> bool:
    """Whether a verb of cutting stands between a negation and its trigger."""
    i = ctx.token_index(start)
    while i < len(ctx.token_starts) and ctx.token_starts[i] < end:
        if ctx.stems(ctx.tokens.words[i]) & ctx.rules.unbroken:
            return True
        i += 1
    return False


def _status(ctx: Context, mention: Mention) -> tuple[str, bool]:
    """The status from cue words around the trigger, else from its tense, else a default.

    A cue counts for the trigger nearest to it, within a few words before or
    after it; negation counts only right before it. Cues of talks words folded
    into a meeting or call count only when the meeting's own words have none
    ("ويجري التحضير لمزيد من الاتصالات بعد اللقاء الثلاثي": the meeting took place).
    """
    order = ctx.rules.status_order
    own = [(t.start, t.end) for t in mention.triggers if t not in mention.folded]
    folded = [(t.start, t.end) for t in mention.folded]
    others = [
        (t.start, t.end) for t in ctx.triggers_in(*mention.clause) if t not in mention.triggers
    ]
    found: set[str] = set()
    found_folded: set[str] = set()
    for start, end, status, near in ctx.cues_in(*mention.clause):
        cue = (start, end)
        spans = own + folded
        if any(s[0] < cue[1] and cue[0] < s[1] for s in spans):
            continue
        nearest = min(spans, key=lambda s: ctx.token_distance(cue, s))
        distance = ctx.token_distance(cue, nearest)
        if others and min(ctx.token_distance(cue, o) for o in others) < distance:
            continue  # a nearer trigger owns this cue
        into = found if nearest in own else found_folded
        before = cue[1] <= nearest[0]
        if near and not (before and distance <= 1):
            continue
        if status == "negation":
            if nearest not in own:
                continue  # "لم يبحثا خلال لقائهما": the meeting took place
            if before and distance <= _NEGATION_BEFORE:
                if _unbroken(ctx, cue[1], nearest[0]):
                    mention.negated_discussion = True  # "لم يقطعوا الاتصالات": no event
                    continue
                into.add("cancelled")
                if nearest == own[0] and mention.info.needs_with and mention.info.form != "noun":
                    mention.negated_discussion = True  # "لم يناقش مع ترامب العقوبات"
            continue
        if not before and ctx.stems(ctx.text[start:end]) & ctx.rules.before_only:
            continue
        if status == "cancelled" and before and _in_setting(ctx, nearest):
            continue  # "نفى الكرملين خلال لقاء بين بوتين وترامب أن ...": the meeting took place
        if (
            not before
            and status in ("proposed", "planned")
            and nearest in own
            and _past_verb(ctx, mention)
        ):
            continue  # "اتصل كيري بلافروف وطلب منه حث النظام": the call took place
        if (before and distance <= _CUE_BEFORE) or (not before and distance <= _CUE_AFTER):
            into.add(status)
    # the folded talks words' cues speak for the event only when its own words have none
    found = found or found_folded
    if found:
        status = next(s for s in order if s in found)
        return _dated(ctx, mention, status, source="cue")
    tense = _tense(mention, _headline(ctx, mention))
    if tense is not None:
        # a future verb ("سيلتقي") is as firm as a cue; a past one is explicit; a bare
        # present one says little ("كيري يتصل بلافروف" heads the report of a past call)
        forms = (mention.form, *(t.info.form for t in mention.absorbed))
        source = "cue" if "future" in forms else "tense" if "past" in forms else "default"
        return _dated(ctx, mention, tense, source=source)
    default = "ongoing" if mention.kind == "talks" else "occurred"
    return _dated(ctx, mention, default, source="default")


def _in_setting(ctx: Context, trigger: tuple[int, int]) -> bool:
    """Whether a word of ``setting`` ("خلال"، "أثناء") stands right before the trigger."""
    word, attached = ctx.before(trigger[0])
    return not attached and word is not None and word in ctx.rules.setting


def _past_verb(ctx: Context, mention: Mention) -> bool:
    """Whether the event's own word is a past-tense verb ("التقى"، "اتصل")."""
    return mention.info.form == "past" and mention.trigger.word not in ctx.rules.modal


_HEADLINE_REACH = 400  # characters from the start of the text a headline line may begin


def _headline(ctx: Context, mention: Mention) -> bool:
    """Whether the trigger stands in a headline: the title, a heading, or a line near the
    top of the text that no full stop comes before or ends ("كيري يتصل بلافروف")."""
    if mention.zone in (syrdiplo.Zone.TITLE, syrdiplo.Zone.HEADING):
        return True
    start, _end = ctx.original(mention.trigger.start, mention.trigger.end)
    text = ctx.doc.text
    if start > _HEADLINE_REACH or "." in text[:start]:
        return False
    line_end = text.find("\n", start)
    return line_end >= 0 and "." not in text[start:line_end]


def _tense(mention: Mention, headline: bool = False) -> str | None:
    forms = [mention.form] + [t.info.form for t in mention.absorbed]
    if "future" in forms:
        return "planned"
    if "past" in forms:
        return "occurred"
    if "present" in forms:
        if headline:
            return "occurred" if mention.kind != "talks" else "ongoing"  # "بوتين يلتقي أردوغان"
        return "ongoing" if mention.kind == "talks" else "planned"
    return None


def _unanchored_future(ctx: Context, mention: Mention) -> bool:
    """Whether the mention's part of the clause holds a date with no value (there is no
    publication date to count from) that points forward ("الأسبوع المقبل"، "الشهر القادم"):
    one of the planned status cues is inside it."""
    start, end = _own_part(ctx, mention)
    for timex in ctx.doc.timexes:
        if timex.value is not None:
            continue
        tstart, tend = ctx.to_norm(timex.start), ctx.to_norm_end(timex.end)
        if start <= tstart and tend <= end:
            if any(status == "planned" for _s, _e, status, _n in ctx.cues_in(tstart, tend)):
                return True
    return False


def _dated(ctx: Context, mention: Mention, status: str, *, source: str) -> tuple[str, bool]:
    """Let the event's own date correct a status read from tense or default."""
    explicit = source != "default"
    published = ctx.doc.article.published
    if published is None and status in ("occurred", "ongoing") and source != "cue":
        if _unanchored_future(ctx, mention):
            status = "planned"  # "يعقد … اجتماعا … الأسبوع المقبل" with no publication date
    if mention.date is not None and published is not None and mention.date[2].value:
        bounds = timex_bounds(mention.date[2].value)
        if bounds is not None:
            if bounds[0] > published and status in ("occurred", "ongoing"):
                status = "planned"
            elif (
                bounds[1] < published
                and source != "cue"
                and status in ("planned", "ongoing")
                and mention.kind != "talks"
            ):
                status = "occurred"
    if mention.zone is syrdiplo.Zone.TITLE:
        explicit = False  # headlines use the present for past events
    return status, explicit
