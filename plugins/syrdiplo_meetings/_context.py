"""One article prepared for the meetings extractor: every pattern run once.

All positions here are offsets into the *normalised* text
(``doc.normalized.text``); they are mapped back to the original text only when
events are built. Actors from the core actor stage are used as they are; where
that stage found nothing, a small fallback names the side from a role and a
nationality adjective ("وزير الدفاع الروسي", "بنظيره الأمريكي"), or a state by its
name or capital, so that a meeting is not lost to a gap in the gazetteer.
"""

from __future__ import annotations

import bisect
import functools
import itertools
from collections.abc import Iterator
from itertools import compress, count
from typing import Any

import attrs
import regex

import syrdiplo
from syrdiplo.matching import Hit, Tokens

from ._rules import FormatInfo, Place, Rules, TriggerInfo

__all__ = ["Context", "Party", "RawTrigger"]

_PUNCTUATION = regex.compile(r"[;:!?]")
_RUN_GAP = regex.compile(r"^ *[-–/]? *$")
_GAP = regex.compile(r"^[\s\"'“”«»„\u2018\u2019]*$")
_ATTACHED = regex.compile(r"^(?P<conj>[وف]?)(?P<prep>[بلك]?)(?P<art>ال|ل)?$")
_SOFT_CUT = regex.compile(r",\s*(?=و\p{L}{2})")
_ATTRIBUTION_END = regex.compile(r"[,.;:\n]")
_ATTRIBUTION_TOKENS = 8


@attrs.frozen
class Party:
    """An actor mention that may take part in an event, with normalised offsets.

    :param prefix: a preposition written into the mention itself ("للولايات المتحدة").
    """

    actor: syrdiplo.Actor
    start: int
    end: int
    source: str  # "actors" (the core stage), "fallback", "own_country", "speaker", "format"
    prefix: str = ""


_SAID_REACH = 40  # characters after a source's name where the day it spoke may start


class _Spans:
    """Items sorted by start offset, looked up by range with bisect."""

    def __init__(self, items: list[Any]) -> None:
        self.items = sorted(items, key=lambda item: (item[0], item[1]))
        self.starts = [item[0] for item in self.items]

    def within(self, start: int, end: int) -> list[Any]:
        """Items that start in ``[start, end)`` and end by ``end``."""
        i = bisect.bisect_left(self.starts, start)
        j = bisect.bisect_left(self.starts, end)
        return [item for item in self.items[i:j] if item[1] <= end]


class _Overlaps:
    """Whether a span overlaps any of some spans."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self.starts = [start for start, _end in spans]
        self.reach = list(itertools.accumulate((end for _start, end in spans), max))

    def __call__(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, end)  # the spans that start before ``end``
        return i > 0 and self.reach[i - 1] > start


class _Claims:
    """:meth:`syrdiplo.Document.claim_for`, answered from an index of the claims
    rather than by reading every claim (which grows with the square of a long
    article's length)."""

    def __init__(self, doc: syrdiplo.Document) -> None:
        self.doc = doc
        contents = sorted(
            (c.content.start, c.content.end, i)
            for i, c in enumerate(doc.claims)
            if c.content is not None
        )
        self.contents = contents
        self.content_starts = [start for start, _end, _i in contents]
        self.reach = list(itertools.accumulate((end for _start, end, _i in contents), max))
        self.cues = sorted((c.cue.start, i) for i, c in enumerate(doc.claims))
        self.cue_starts = [start for start, _i in self.cues]

    def __call__(self, start: int, end: int) -> syrdiplo.Claim | None:
        """The claim whose content covers ``[start, end)`` most narrowly (the first
        of equals), else the first claim whose cue is in the sentence at ``start``."""
        best: tuple[int, int] | None = None  # (length, index)
        i = bisect.bisect_right(self.content_starts, start)  # contents starting by ``start``
        while i > 0 and self.reach[i - 1] >= end:  # one of them may still reach ``end``
            i -= 1
            c_start, c_end, index = self.contents[i]
            if best is not None and c_start < end - best[0]:
                break  # this one and all before it are longer than the best
            if c_end >= end and (best is None or (c_end - c_start, index) < best):
                best = (c_end - c_start, index)
        if best is not None:
            return self.doc.claims[best[1]]
        sentence = self.doc.sentence_at(start)
        if sentence is None:
            return None
        first = bisect.bisect_left(self.cue_starts, sentence.start)
        last = bisect.bisect_left(self.cue_starts, sentence.end)
        if first == last:
            return None
        return self.doc.claims[min(index for _start, index in self.cues[first:last])]


#: An actor to make with :meth:`Context._make_actor`: start, end, country, type, role, prefix.
_Pending = tuple[int, int, str, syrdiplo.ActorType, str | None, str]


@attrs.frozen
class RawTrigger:
    start: int
    end: int
    prefix: str
    word: str
    info: TriggerInfo


class Context:
    """The article's text, actors and pattern matches, ready for mention finding."""

    def __init__(self, doc: syrdiplo.Document, rules: Rules, tokens: Tokens | None = None) -> None:
        self.doc = doc
        self.rules = rules
        self.norm = doc.normalized
        self.text = doc.normalized.text
        self.tokens = tokens = tokens or Tokens.of(self.text)
        self._found = found = rules.scan.find(tokens)
        self.token_starts = tokens.starts
        self.token_ends = tokens.ends
        self.triggers = [t for hit in found["triggers"] if (t := self._trigger(hit)) is not None]
        self.trigger_starts = [t.start for t in self.triggers]
        self.modifiers = _Spans(
            [
                (h.start, h.end)
                for h in found["call_modifiers"]
                if not self.stems(self.before(h.start)[0]) & rules.not_before  # "خطا هاتفيا"
            ]
        )
        self.cues = [
            (h.word_start, h.end, *h.value)
            for h in found["status"]
            if h.prefix + h.entry not in rules.not_cues  # "بحث" is not ب + "حث"
            and not (h.entry in rules.verbal_nouns and self._noun_cue(h))
        ]
        self.cue_starts = [c[0] for c in self.cues]
        self.places = _Spans([(h.word_start, h.end, h.prefix, h.value) for h in found["places"]])
        self.formats = _Spans([(h.word_start, h.end, h.value) for h in found["formats"]])
        self.boundaries = _Spans(
            [(h.start, h.end) for h in found["boundaries"]]
            + [(m.start(), m.end()) for m in _PUNCTUATION.finditer(self.text)]
        )
        self.complementizers = _Spans(
            [(h.start, h.end) for h in found["complementizers"]]
            + [  # "منذ تولي الأخير منصبه في شباط": a date after منذ is not the event's
                (tokens.starts[i], tokens.ends[i])
                for i in compress(count(), map(rules.since_forms.__contains__, tokens.words))
            ]
        )
        self.soft_cuts: set[int] = set()  # clause starts that only ", و" opens
        self._date_clauses: dict[tuple[int, int], list[tuple[int, int]]] = {}
        self.speaker_spans = {
            (self.to_norm(c.speaker.start), self.to_norm_end(c.speaker.end))
            for c in doc.claims
            if c.speaker.start is not None and c.speaker.end is not None
        }
        #: as :meth:`syrdiplo.Document.claim_for` (original offsets)
        self.claim_for = _Claims(doc)
        self.parties = self._parties()
        self.party_starts = [p.start for p in self.parties]
        self.party_ends = frozenset(p.end for p in self.parties)
        self.timexes = _Spans(
            [(self.to_norm(t.start), self.to_norm_end(t.end), t) for t in doc.timexes if t.value]
        )
        self.attributions = _Spans(self._attributions())
        self.party_facts: dict[tuple[int, int], Any] = {}  # for _mentions, by (start, end)

    def _trigger(self, hit: Hit) -> RawTrigger | None:
        """A trigger hit, read as the first fitting entry; verbs take no ال، ب or ك."""
        if hit.prefix + hit.entry in self.rules.not_triggers:
            return None
        for info in hit.value:
            if info.form != "noun" and _noun_prefix(hit.prefix):
                continue
            return RawTrigger(hit.start, hit.end, hit.prefix, hit.entry, info)
        return None

    def _noun_cue(self, hit: Hit) -> bool:
        """Whether a cue that can be a verb or a noun ("عقد") is the noun here: "لعقد"،
        "إلى عقد قمة"، "عقد صفقة"، "وقعا عقدا"."""
        if hit.prefix.strip("وف"):
            return True
        tokens = self.tokens
        if hit.first > 0 and tokens.spaced[hit.first - 1]:
            if _stems(tokens.words[hit.first - 1]) & self.rules.noun_before:
                return True
        following = hit.last + 1
        return (
            following < len(tokens)
            and tokens.spaced[hit.last]
            and bool(_stems(tokens.words[following]) & self.rules.not_events)
        )

    # ------------------------------------------------------------------ offsets and tokens

    def to_norm(self, offset: int) -> int:
        return self.norm.to_normalized(offset)

    def to_norm_end(self, offset: int) -> int:
        """The normalised end offset for an original end offset."""
        if offset <= 0:
            return 0
        return self.norm.to_normalized(offset - 1) + 1

    def original(self, start: int, end: int) -> tuple[int, int]:
        return self.norm.original_span(start, end)

    def token_index(self, offset: int) -> int:
        """How many tokens start before ``offset``."""
        return bisect.bisect_left(self.token_starts, offset)

    def token_distance(self, a: tuple[int, int], b: tuple[int, int]) -> int:
        """Tokens between two spans (0 when they touch or overlap)."""
        if a[1] <= b[0]:
            return max(0, self.token_index(b[0]) - self.token_index(a[1]))
        if b[1] <= a[0]:
            return max(0, self.token_index(a[0]) - self.token_index(b[1]))
        return 0

    def before(self, offset: int) -> tuple[str | None, str]:
        """The word before ``offset`` and the letters attached in front of it.

        ``("في", "")`` for "في سوريا" at سوريا; ``(None, "ب")`` for "بسوريا" when the
        mention starts after the ب. The word is ``None`` when punctuation (other
        than quotes) stands between.
        """
        i = bisect.bisect_right(self.token_starts, offset) - 1
        attached = ""
        if i >= 0 and self.token_starts[i] < offset < self.token_ends[i]:
            attached = self.text[self.token_starts[i] : offset]
            i -= 1
        elif i >= 0 and self.token_starts[i] == offset:
            i -= 1
        if i < 0:
            return None, attached
        gap = self.text[self.token_ends[i] : offset - len(attached)]
        if gap != " " and not _GAP.match(gap):
            return None, attached
        return self.tokens.words[i], attached

    def has_word(self, words: frozenset[str], start: int, end: int) -> bool:
        """Whether one of ``words`` (with و/ف attached or not) stands in ``[start, end)``."""
        return self.find_word(words, start, end) is not None

    def find_word(self, words: frozenset[str], start: int, end: int) -> tuple[int, int] | None:
        """The first of ``words`` (with و/ف attached or not) in ``[start, end)``."""
        i = self.token_index(start)
        while i < len(self.token_starts) and self.token_starts[i] < end:
            word = self.tokens.words[i]
            if word in words or (word[:1] in ("و", "ف") and word[1:] in words):
                return self.token_starts[i], self.token_ends[i]
            i += 1
        return None

    def previous_words(self, offset: int, count: int) -> list[str]:
        """Up to ``count`` words before ``offset``, nearest last, stopping at punctuation."""
        words: list[str] = []
        i = bisect.bisect_left(self.token_starts, offset) - 1
        position = offset
        while i >= 0 and len(words) < count:
            gap = self.text[self.token_ends[i] : position]
            if gap != " " and not _GAP.match(gap):
                break
            words.insert(0, self.tokens.words[i])
            position = self.token_starts[i]
            i -= 1
        return words

    def word_at(self, offset: int) -> tuple[int, int] | None:
        i = bisect.bisect_right(self.token_starts, offset) - 1
        if i >= 0 and self.token_starts[i] <= offset < self.token_ends[i]:
            return self.token_starts[i], self.token_ends[i]
        return None

    @staticmethod
    def stems(word: str | None) -> frozenset[str]:
        """A word with its attached prefixes stripped in every plausible way."""
        return _stems(word) if word else frozenset()

    @staticmethod
    @functools.lru_cache(maxsize=256)
    def attached_preposition(attached: str) -> bool:
        """Whether letters attached before a name hold ب، ل or ك ("بسوريا"، "لموسكو")."""
        if not attached:
            return False
        match = _ATTACHED.match(attached)
        if match is None:
            return True
        return bool(match["prep"]) or match["art"] == "ل"

    # ------------------------------------------------------------------ lookups by range

    def triggers_in(self, start: int, end: int) -> list[RawTrigger]:
        i = bisect.bisect_left(self.trigger_starts, start)
        out = []
        while i < len(self.triggers) and self.triggers[i].start < end:
            out.append(self.triggers[i])
            i += 1
        return out

    def parties_in(self, start: int, end: int) -> list[Party]:
        i = bisect.bisect_left(self.party_starts, start)
        out = []
        while i < len(self.parties) and self.parties[i].start < end:
            if self.parties[i].end <= end:
                out.append(self.parties[i])
            i += 1
        return out

    def party_starting_in(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.party_starts, start)
        return i < len(self.parties) and self.parties[i].start < end

    def cues_in(self, start: int, end: int) -> Iterator[tuple[int, int, str, bool]]:
        i = bisect.bisect_left(self.cue_starts, start)
        while i < len(self.cues) and self.cues[i][0] < end:
            if self.cues[i][1] <= end:
                yield self.cues[i]
            i += 1

    def modifiers_in(self, start: int, end: int) -> list[tuple[int, int]]:
        return self.modifiers.within(start, end)

    def places_in(self, start: int, end: int) -> list[tuple[int, int, str, Place]]:
        return self.places.within(start, end)

    def formats_in(self, start: int, end: int) -> list[tuple[int, int, FormatInfo]]:
        return self.formats.within(start, end)

    def timexes_in(self, start: int, end: int) -> list[tuple[int, int, syrdiplo.Timex]]:
        i = bisect.bisect_left(self.timexes.starts, start)
        j = bisect.bisect_left(self.timexes.starts, end)
        return self.timexes.items[i:j]

    def in_attribution(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.attributions.starts, start)
        for a, b in self.attributions.items[max(0, i - 3) : i]:
            if a <= start and end <= b:
                return True
        return False

    # ------------------------------------------------------------------ clauses

    def clauses(self, start: int, end: int) -> list[tuple[int, int]]:
        """The sentence ``[start, end)`` cut at clause boundaries."""
        cuts = {start, end}
        for b_start, _b_end in self.boundaries.within(start + 1, end):
            cuts.add(b_start)
        for match in _SOFT_CUT.finditer(self.text[start:end]):
            cut = start + match.end()
            word = self.word_at(cut)
            # "بوتين، ونظيره الأمريكي": the و-word starts a party, not a clause;
            # "وفدا" and "وزير" do not start with the conjunction at all
            if word and self.party_starting_in(word[0], word[1]):
                continue
            if word and self.text[word[0] : word[1]] in self.rules.not_conjunction:
                continue
            if word and self.rules.manner.at(self.tokens, self.token_index(word[0])):
                continue  # "، وذلك في اتصال هاتفي": the same event, told how
            # "بين لافروف ونظيريه السوري وليد المعلم، والإيراني محمد جواد ظريف"
            if word and self.text[word[0] : word[1]] in self.rules.conjoined_adjectives:
                continue
            cuts.add(start + match.start())
            self.soft_cuts.add(start + match.start())
        points = sorted(cuts)
        return [(a, b) for a, b in itertools.pairwise(points) if b > a]

    def date_clauses(self, clause: tuple[int, int]) -> list[tuple[int, int]]:
        """A clause further cut at complementisers (أن، إن) and at منذ.

        The reported part stands alone, and a date after منذ tells when something
        else began.
        """
        found = self._date_clauses.get(clause)
        if found is None:
            cuts = {clause[0], clause[1]}
            for c_start, _c_end in self.complementizers.within(clause[0] + 1, clause[1]):
                cuts.add(c_start)
            points = sorted(cuts)
            found = [(a, b) for a, b in itertools.pairwise(points) if b > a]
            self._date_clauses[clause] = found
        return found

    # ------------------------------------------------------------------ building the actor list

    def _actor_party(self, actor: syrdiplo.Actor) -> Party | None:
        if actor.start is None or actor.end is None or actor.end <= actor.start:
            return None
        start, end = self.to_norm(actor.start), self.to_norm_end(actor.end)
        return Party(actor, start, end, "actors", self._written_prefix(self.text[start:end]))

    def _written_prefix(self, name: str) -> str:
        """A preposition the mention's own text starts with: "بسوريا" → "ب"."""
        if name[:1] not in ("ب", "ل", "ك", "و"):
            return ""
        first = name.split(" ")[0]
        for size in (1, 2):
            head, rest = first[:size], first[size:]
            if head in ("ب", "ل", "ك", "وب", "ول") and len(rest) > 2:
                candidates = {
                    rest,
                    "ال" + rest[1:] if head.endswith("ل") and rest.startswith("ل") else rest,
                }
                if any(
                    " ".join([c, *name.split(" ")[1:]]) in self.rules.state_words
                    for c in candidates
                ):
                    return head
        return ""

    def _make_actor(
        self,
        start: int,
        end: int,
        country: str,
        kind: syrdiplo.ActorType,
        role: str | None,
        prefix: str = "",
    ) -> Party:
        ostart, oend = self.original(start, end)
        actor = syrdiplo.Actor(
            name=self.doc.text[ostart:oend],
            canonical=self.rules.country_names.get(country)
            if kind is syrdiplo.ActorType.STATE
            else None,
            country=country,
            type=kind,
            role=role,
            start=ostart,
            end=oend,
        )
        return Party(actor, start, end, "fallback", prefix)

    def _fallback(self) -> list[_Pending]:
        """Actors the core stage may have missed, as arguments to :meth:`_make_actor`.

        They are made into actors only if no core actor overlaps them.
        """
        tokens = self.tokens
        words, spaced, size = tokens.words, tokens.spaced, len(tokens)
        plain, conjoined = self.rules.adjective_forms, self.rules.conjoined_adjectives
        found: list[_Pending] = []
        for hit in self._found["states"]:
            word = hit.value
            prefix = "ل" if hit.word_start == hit.start and hit.prefix.endswith("ل") else ""
            found.append(
                (hit.word_start, hit.end, word.country, syrdiplo.ActorType.STATE, word.role, prefix)
            )
        for hit in self._found["roles"]:
            # "وزير الدفاع الروسي"، "بنظيره الأمريكي"، "وزيري الخارجية الروسي ... والأميركي"
            kind = syrdiplo.ActorType.PERSON if hit.value else syrdiplo.ActorType.STATE
            role = None if hit.value else "side"
            j = hit.last
            country = None
            for _ in range(3):
                if not spaced[j] or j + 1 >= size:
                    break
                j += 1
                if country := plain.get(words[j]):
                    break
                if self.stems(words[j]) & self.rules.place_before:
                    break  # "تناول الطرفان التسوية السورية": the adjective is the topic's
            if country is None:
                continue
            found.append((hit.word_start, tokens.ends[j], country, kind, role, ""))
            while True:
                more = None
                k = j
                for _ in range(4):
                    if not spaced[k] or k + 1 >= size:
                        break
                    k += 1
                    if more := conjoined.get(words[k]):
                        break
                if more is None:
                    break
                found.append((tokens.starts[k] + 1, tokens.ends[k], more, kind, role, ""))
                j = k
        found.extend(self._adjective_runs())
        for trigger in self.triggers:
            # "المحادثات الروسية مع الجانب الأمريكي"
            i = self.token_index(trigger.start)
            if trigger.info.form != "noun" or not spaced[i] or i + 1 >= size:
                continue
            if words[i + 1].startswith("ال") and (country := plain.get(words[i + 1])):
                found.append(
                    (
                        tokens.starts[i + 1],
                        tokens.ends[i + 1],
                        country,
                        syrdiplo.ActorType.STATE,
                        "adjective",
                        "",
                    )
                )
        return found

    def _after_trigger_noun(self, i: int) -> bool:
        """Whether token ``i`` follows a trigger noun, with at most one word between
        ("اللقاء الثلاثي الروسي السوري التركي")."""
        for back in (1, 2):
            j = i - back
            if j < 0 or not self.tokens.spaced[j]:
                return False
            word_start = self.tokens.starts[j]
            for trigger in self.triggers_in(max(0, word_start - 12), self.tokens.ends[j]):
                if trigger.info.form == "noun" and trigger.start <= word_start < trigger.end:
                    return True
        return False

    def _adjective_runs(self) -> list[_Pending]:
        """Runs of nationality adjectives: "المشاورات الروسية الأمريكية"، "القمة الروسية-التركية"."""
        words, starts, ends = self.tokens.words, self.tokens.starts, self.tokens.ends
        plain, conjoined = self.rules.adjective_forms, self.rules.conjoined_adjectives
        found: list[_Pending] = []
        resume = 0  # the token after the last run
        for i in compress(count(), map(plain.__contains__, words)):
            if i < resume:
                continue
            k = i + 1
            while (
                k < len(words)
                and (words[k] in plain or words[k] in conjoined)
                and _RUN_GAP.match(self.text[ends[k - 1] : starts[k]])
            ):
                k += 1
            resume = k
            if k - i < 2 or not self._after_trigger_noun(i):
                continue  # one adjective, or a run about something else ("العقوبات الأمريكية الروسية")
            for j in range(i, k):
                country = plain.get(words[j])
                start = starts[j] if country else starts[j] + 1
                country = country or conjoined[words[j]]
                found.append((start, ends[j], country, syrdiplo.ActorType.STATE, "adjective", ""))
        return found

    def _own_country(self, known: list[Party]) -> list[Party]:
        out = []
        for hit in self._found["own_country"]:
            start, end = hit.word_start, hit.end
            ostart, oend = self.original(start, end)
            country = None
            claim = self.claim_for(ostart, oend)
            if claim is not None and claim.speaker.country:
                country = claim.speaker.country
            else:
                sentence = self.doc.sentence_at(ostart)
                floor = self.to_norm(sentence.start) if sentence else max(0, start - 300)
                earlier = [
                    p
                    for p in known
                    if floor <= p.start
                    and p.end <= start
                    and p.actor.country
                    and (
                        p.actor.type in (syrdiplo.ActorType.PERSON, syrdiplo.ActorType.ORGANIZATION)
                        or p.actor.role == "side"
                    )
                ]
                if earlier:
                    country = earlier[-1].actor.country
            if country is None:
                continue
            actor = syrdiplo.Actor(
                name=self.doc.text[ostart:oend],
                canonical=self.rules.country_names.get(country),
                country=country,
                type=syrdiplo.ActorType.STATE,
                role="own_country",
                start=ostart,
                end=oend,
            )
            out.append(Party(actor, start, end, "own_country"))
        return out

    def _parties(self) -> list[Party]:
        core = [p for p in map(self._actor_party, self.doc.actors) if p is not None]

        def free(candidate: Party, taken: list[Party]) -> bool:
            return not any(candidate.start < p.end and p.start < candidate.end for p in taken)

        merged = list(core)
        overlaps_core = _Overlaps([(p.start, p.end) for p in core])
        for extra in self._fallback():
            if not overlaps_core(extra[0], extra[1]):
                merged.append(self._make_actor(*extra))
        merged.sort(key=lambda p: (p.start, -p.end))
        added = False
        for extra in self._own_country(merged):
            if free(extra, merged):
                merged.append(extra)
                added = True
        if added:
            merged.sort(key=lambda p: (p.start, -p.end))
        outermost: list[Party] = []
        for party in merged:
            if outermost and party.end <= outermost[-1].end and party.start >= outermost[-1].start:
                continue  # nested inside a longer mention ("السفير الروسي لدى الولايات المتحدة")
            if outermost and party.start < outermost[-1].end:
                # partial overlap: keep the longer of the two
                if party.end - party.start > outermost[-1].end - outermost[-1].start:
                    outermost[-1] = party
                continue
            outermost.append(party)
        return outermost

    def _attributions(self) -> list[tuple[int, int]]:
        """Stretches that name a source ("حسبما أفادت وزارة الدفاع الروسية")."""
        out = []
        for hit in self._found["attributions"]:
            start = hit.start
            limit = _ATTRIBUTION_END.search(self.text, hit.end)
            end = limit.start() if limit else len(self.text)
            # "كما ذكرت أن المكالمة جرت أمس": what follows أن is reported, not a source
            reported = self.complementizers.within(hit.end, end)
            if reported:
                end = min(end, reported[0][0])
            stop = end
            cap = hit.last + _ATTRIBUTION_TOKENS
            if cap < len(self.token_ends):
                end = min(end, self.token_ends[cap])
            i = bisect.bisect_left(self.party_starts, hit.end)
            if i < len(self.parties) and self.parties[i].start < end:
                end = min(stop, self._source_end(i))
            out.append((start, end))
        return out

    def _source_end(self, i: int) -> int:
        """Where the source named by party ``i`` ends: with its name after its title and
        when it spoke ("المتحدثة باسم الخارجية الروسية ماريا زاخاروفا أمس الخميس")."""
        end = self.parties[i].end
        while i + 1 < len(self.parties) and not self.text[end : self.parties[i + 1].start].strip():
            i += 1
            end = self.parties[i].end
        said = self.timexes.within(end, end + _SAID_REACH)
        if said and not self.text[end : said[0][0]].strip():
            end = said[0][1]
        return end


def _noun_prefix(prefix: str) -> bool:
    """Whether attached letters hold the article, ب or ك, which only nouns take."""
    return "ال" in prefix or "ب" in prefix or "ك" in prefix or "لل" in prefix


@functools.lru_cache(maxsize=16384)
def _stems(word: str) -> frozenset[str]:
    out = {word}
    for prefix in ("و", "ف"):
        if word.startswith(prefix) and len(word) > 2:
            out.add(word[1:])
    for item in list(out):
        for prefix in ("ب", "ل", "ك"):
            if item.startswith(prefix) and len(item) > 2:
                out.add(item[1:])
    for item in list(out):
        if item.startswith("ال") and len(item) > 3:
            out.add(item[2:])
        if item.startswith("ل") and len(item) > 2:  # لل = ل + ال
            out.add("ال" + item[1:])
    return frozenset(out)
