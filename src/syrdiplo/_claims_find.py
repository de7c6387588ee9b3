"""Finding claims: a cue, its speaker, the reported content, the source chain and the date.

Sentence by sentence (boilerplate skipped), in this order:

1. source-chain markers ("بحسب ما نقلته وكالة سبوتنيك عن أنتونوف"، "حسب صحيفة ...")
   give outlets for the sentence's claims and, sometimes, a speaker;
2. statement nouns followed by their author ("تصريحات شويغو"، "إعلان أحد كبار
   المسؤولين ... أن") make a claim when content follows, and offer a speaker to
   a later verb of the sentence ("... ريابكوف، في تموز الماضي، حين أكد أن"); a
   verb in a relative clause "in which" on such a noun has the author for subject
   ("كلمة بوتين، التي أكد فيها أن");
3. reporting verbs find their speaker after them ("قال لافروف")، before them
   ("ماكنولتي قالت"، "وكان شويغو كشف"، "أن مستشار الأمن القومي جيك سوليفان،
   صرح"، "أن مدير المركز ...، أوليغ فلانوف، كشف")، in a source clause of
   the sentence, or else continue the previous speaker ("وأضاف"، "..., مضيفا")
   when nothing in the words after the verb could be a subject of its own; a
   marker naming who spoke right after the verb and its subject ("أعلنته واشنطن
   على لسان المتحدث باسم البنتاغون ...") gives the speaker, the subject becoming
   a source; and a person named right before a past-tense verb in someone's
   إن/أن clause ("ذكرت الخارجية أن لافروف حذر"، "ذكرت الوكالة أن مدير
   المركز ...، فلان، كشف") speaks, relayed by them (a state there does not);
4. a headline "لافروف: ..." is a claim of the person before the colon;
5. a source-chain marker with a speaker and no verb ("وحسب تونير، فإن ...").

A cue inside quotation marks is someone else's words and never a claim, except
a past-tense verb quoted with or after the person named right before it in an
إن/أن clause ("أن لافروف “حذر” بومبيو"); a name that is only mentioned (the
object of "دعا"، the subject of "التقى") is never a speaker, because speakers are
taken only from these positions.

Speed: the cues and the words they need come from one pass over the article's
words shared with the actor stage; mentions, dates and quotations are looked
up by bisection; and each check that runs a word-list pattern first asks
whether the list can match there at all (:func:`~syrdiplo._claims_text.stays`,
the ``*_starts`` of :class:`~syrdiplo._claims_cues.Cues`), remembering answers
about short strings.
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections.abc import Callable, Iterator
from itertools import accumulate

import attrs
import regex

from ._actors_data import Gazetteer, key
from ._actors_words import shared_words
from ._claims_cues import Cues, VerbForm, heads
from ._claims_text import (
    LEAD,
    PUNCT_GAP,
    blank,
    lead_end,
    punct_gap,
    quote_spans,
    remembered,
    stays,
)
from .document import Document
from .model import Actor, ActorType, Claim, Span, Zone
from .text import WORD_END, WORD_START, compile_pattern

__all__ = ["find"]

# a title apposed to a name, between commas: "جون ماكين، رئيس لجنة القوات المسلحة، إن"
_APPOSITION = regex.compile(r"\s*[،,]\s*(?P<words>[^،,.:;!?؟\n“”\"«»()]{2,90}?)\s*[،,]\s*")
_APPOSITION_WORDS = 8
_QUOTES = regex.compile(r"[\s“\"«]*")
_CLOSE = regex.compile(r"\s*\)")
_FIRST_WORD = regex.compile(r"[وف]?\S+\s+")
_COLON = regex.compile(r"\s*:")
_COMMAS = regex.compile(r"[\s,]*")
_NON_SPACE = re.compile(r"\S+")
_SPEAKER_TYPES = (ActorType.PERSON, ActorType.ORGANIZATION, ActorType.ANONYMOUS, ActorType.STATE)
_CONTINUATION_SENTENCES = 2
_CONTENT_WINDOW = 160
_TITLE_WORDS = 12  # the most words of a title before the name it ends in
_LISTED_AND = regex.compile(r"\s*[،,]?\s*و")
# titles that name whom their holder serves: "نائب لافروف" is a title, not a second person
_DEPUTY = frozenset({"نائب", "مساعد", "مستشار", "مبعوث", "مساعده", "مستشاره"})
# between a title and the unknown name in apposition to it
_NAME_GAP = regex.compile(r"[\s,،:\-–]*")
# how alike an unknown surname and a holder's surname must be to be one spelling of it
_SPELLING_RATIO = 0.75
# between a subject and its verb quoted after it, or before a subject quoted with its verb
_QUOTE_GAP = regex.compile(r"[\s\"“«]*")


@attrs.define
class _Mention:
    nstart: int
    nend: int
    actor: Actor


@attrs.define
class _Found:
    speaker: Actor
    cue: tuple[int, int]
    content: tuple[int, int] | None
    chain: list[Actor]
    date: str | None
    sentence: int


@attrs.define
class _Chain:
    start: int
    end: int  # end of the marker clause (after the outlet and speaker)
    outlets: list[Actor]
    speaker: _Mention | None
    #: a marker naming who spoke ("على لسان"): its speaker takes the verb right before it
    mouth: bool = False


@attrs.frozen
class _Sentence:
    """What the verbs of one sentence share: where it is, where its claims start in
    the list found so far, and the speaker and outlets of its source chains."""

    index: int
    start: int
    end: int
    first_claim: int
    chain_speaker: _Mention | None
    chain_outlets: list[Actor]
    #: the markers naming who spoke ("على لسان ..."), in order
    mouths: tuple[_Chain, ...] = ()


class _Finder:
    def __init__(self, doc: Document, c: Cues, g: Gazetteer) -> None:
        self.doc, self.c, self.g = doc, c, g
        self.norm = doc.normalized
        self.text = doc.normalized.text
        to_norm = self.norm.to_normalized
        self.mentions = [
            _Mention(to_norm(a.start), to_norm(a.end), a)
            for a in doc.actors
            if a.start is not None and a.end is not None and a.end > a.start
        ]
        self.starts = [m.nstart for m in self.mentions]
        self.ordered = self.starts == sorted(self.starts)
        # the furthest end among the first i + 1 mentions
        self.mention_reach = list(accumulate((m.nend for m in self.mentions), max))
        self.index_of = _first_equal(self.mentions)
        self.np_ends: dict[int, int] = {}
        #: where a subject's noun phrase opens when not at the mention (:meth:`np_start`)
        self.np_starts: dict[int, tuple[_Mention, int]] = {}
        self.sentences = [(to_norm(s.start), to_norm(s.end), s) for s in doc.sentences]
        self.timexes = [(to_norm(t.start), to_norm(t.end), t) for t in doc.timexes]
        self.timex_starts = [t[0] for t in self.timexes]
        self.timex_ends = [t[1] for t in self.timexes]
        # ordered one after the other (as the date stage gives them): found by bisection
        self.timexes_ordered = self.timex_starts == sorted(self.timex_starts) and (
            self.timex_ends == sorted(self.timex_ends)
        )
        self.quotes = quote_spans(self.text)  # sorted
        self.quote_starts = [a for a, _ in self.quotes]
        self.quote_reach = list(accumulate((b for _, b in self.quotes), max))
        self.cues, self.opener_positions = c.scan(
            self.text, shared_words(doc.lexicon).hits(self.text)
        )
        self.cue_starts = [m.start() for m in self.cues]
        self.found: list[_Found] = []
        # the content spans of the claims found, by start, to answer ``nested`` by bisection
        self.contents: list[tuple[int, int]] = []
        self.content_starts: list[int] = []
        self.longest_content = 0
        self.media_nouns = _media_nouns(doc, g)
        self.media_heads = doc.lexicon.cached("claims.media_heads", lambda _: heads(g.media_nouns))
        # answers about short strings that depend only on the lexicon, kept across articles
        self.memo: dict[tuple[str, str], bool] = doc.lexicon.cached("claims.memo", lambda _: {})
        self.strangers: dict[str, Actor] = {}  # surname key -> an unknown person named so far
        self.addressee = _media_nouns(doc, g, attached=True)

    # ------------------------------------------------------------------ small helpers

    def cues_in(self, start: int, end: int) -> list[regex.Match[str]]:
        return self.cues[
            bisect.bisect_left(self.cue_starts, start) : bisect.bisect_left(self.cue_starts, end)
        ]

    def opener_at(self, start: int, end: int) -> regex.Match[str] | None:
        """The first content opener in ``[start, end)``."""
        i = bisect.bisect_left(self.opener_positions, start)
        while i < len(self.opener_positions) and self.opener_positions[i] < end:
            found = self.c.opener.match(self.text, self.opener_positions[i])
            if found is not None:
                return found
            i += 1
        return None

    def in_quote(self, position: int) -> bool:
        """Strictly inside a quotation: some quote opening before ``position`` closes after it."""
        i = bisect.bisect_left(self.quote_starts, position)
        return i > 0 and self.quote_reach[i - 1] > position

    def quote_around(self, position: int) -> tuple[int, int] | None:
        """The innermost quotation ``position`` is strictly inside, if any."""
        i = bisect.bisect_left(self.quote_starts, position) - 1
        while i >= 0 and self.quote_reach[i] > position:
            if self.quotes[i][1] > position:
                return self.quotes[i]
            i -= 1
        return None

    def quote_at(self, position: int) -> tuple[int, int] | None:
        for a, b in self.quotes:
            if a == position:
                return a, b
        return None

    def mentions_between(self, start: int, end: int) -> list[_Mention] | Iterator[_Mention]:
        """The mentions from the first starting at or after ``start`` while they start before ``end``."""
        i = bisect.bisect_left(self.starts, start)
        if self.ordered:
            return self.mentions[i : bisect.bisect_left(self.starts, end, i)]
        return self._mentions_from(i, end)

    def _mentions_from(self, i: int, end: int) -> Iterator[_Mention]:
        while i < len(self.mentions) and self.mentions[i].nstart < end:
            yield self.mentions[i]
            i += 1

    def first_between(self, start: int, end: int) -> _Mention | None:
        """The first of :meth:`mentions_between`, if any."""
        i = bisect.bisect_left(self.starts, start)
        if i < len(self.mentions) and self.mentions[i].nstart < end:
            return self.mentions[i]
        return None

    def prefix(self, m: _Mention) -> str:
        """The letters attached before a mention ("ب" in "بنظيره", "و" in "ولافروف")."""
        i = m.nstart
        while i > 0 and self.text[i - 1].isalpha():
            i -= 1
        return self.text[i : m.nstart]

    def oblique(self, m: _Mention) -> bool:
        """Governed by an attached preposition: "لوكالة سبوتنيك"، "بنظيره"، "للرئيس"."""
        return (
            any(ch in "بلك" for ch in self.prefix(m)) or self.text[m.nstart : m.nstart + 2] == "لل"
        )

    def head(self, m: _Mention) -> _Mention:
        """The first mention of an apposition ("وزير الخارجية الروسي، سيرغي لافروف")."""
        i = self.index_of[id(m)]
        while i > 0:
            prev, here = self.mentions[i - 1], self.mentions[i]
            gap = self.text[prev.nend : here.nstart]
            same = prev.actor.canonical and prev.actor.canonical == here.actor.canonical
            bracket = gap.strip() == "(" and here.actor.type is ActorType.ORGANIZATION
            if not (same or bracket) or not punct_gap(gap):
                break
            i -= 1
        return self.mentions[i]

    def np_end(self, m: _Mention) -> int:
        """The end of the speaker's noun phrase, apposed names and brackets included."""
        if id(m) not in self.index_of:
            return m.nend  # a person the gazetteer does not know (:meth:`stranger_at`)
        known = self.np_ends.get(id(m))
        if known is None:
            known = self.np_ends[id(m)] = self._np_end(m)
        return known

    def _np_end(self, m: _Mention) -> int:
        if id(m) not in self.index_of:
            return m.nend  # a person the gazetteer does not know (:meth:`stranger_at`)
        i = self.index_of[id(m)]
        end = m.nend
        while i + 1 < len(self.mentions):
            nxt = self.mentions[i + 1]
            gap = self.text[end : nxt.nstart]
            same = nxt.actor.canonical is not None and nxt.actor.canonical == m.actor.canonical
            bracket = gap.strip() == "(" and nxt.actor.type is ActorType.ORGANIZATION
            if not ((same or bracket) and punct_gap(gap)):
                break
            end = nxt.nend
            i += 1
        if self.text.count("(", m.nstart, end) <= self.text.count(")", m.nstart, end):
            return end
        close = _CLOSE.match(self.text, end)
        return close.end() if close else end

    def strip(self, start: int, end: int, *, skip: list[_Mention] = ()) -> str:
        """The text between two points with dates and the given mentions blanked out."""
        if end <= start:
            return ""
        timexes = self.timexes
        if self.timexes_ordered:  # only those from the first ending after start
            first = bisect.bisect_right(self.timex_ends, start)
            timexes = timexes[first : bisect.bisect_left(self.timex_starts, end, first)]
        blanks = [(a, b) for a, b, _ in timexes if a < end and b > start]
        blanks += [(m.nstart, m.nend) for m in skip if m.nstart < end and m.nend > start]
        if not blanks:
            return self.text[start:end]
        pieces = []
        position = start
        for a, b in sorted(blanks):
            a, b = max(a, start), min(b, end)
            if a > position:
                pieces.append(self.text[position:a])
                position = a
            if b > position:
                pieces.append(" " * (b - position))
                position = b
        pieces.append(self.text[position:end])
        return "".join(pieces)

    def clean(self, text: str) -> bool:
        """Only punctuation, dates and filler words ("قال أمس، الثلاثاء، لافروف")."""
        if punct_gap(text):
            return True  # nothing for the fillers to take
        if stays(text.split(maxsplit=1)[0], self.c.filler_heads, self.media_heads):
            return False  # a word that no filler or outlet noun takes stays
        return remembered(self.memo, ("clean", text), self._clean)

    def _clean(self, key: tuple[str, str]) -> bool:
        text = key[1]
        rest = self.c.filler.sub(" ", text)
        rest = self.media_nouns.sub(" ", rest)
        return PUNCT_GAP.fullmatch(rest) is not None

    def gender(self, actor: Actor) -> str | None:
        if actor.type is not ActorType.PERSON:
            return None
        known = self.g.gender_of(actor.canonical)
        words = actor.name.split()
        if known and (not words or words[0] not in self.g.counterparts):
            return known
        first = key(words[0]) if words else ""
        if first.endswith("ه") and not first.startswith(self.c.counterpart_stems):
            return "f"
        if first.startswith(self.c.feminine_counterpart_stems):
            return "f"
        return known

    def agrees(self, form: VerbForm, actor: Actor) -> bool:
        if form.gender == "pl":
            return True
        gender = self.gender(actor)
        return gender is None or gender == form.gender

    # ------------------------------------------------------------------ speakers

    def after(
        self, start: int, end: int, form: VerbForm | None
    ) -> tuple[_Mention | None, list[Actor]]:
        """The subject right after a verb: "قال (أمس) لافروف"، "قال بيان صادر عن الخارجية"."""
        skipped: list[_Mention] = []
        statement = self.statement_at(start)
        link = statement is not None and statement.end() > start and bool(statement.group().strip())
        scan_from = statement.end() if link else start
        for m in self.mentions_between(scan_from, end):
            gap = self.strip(scan_from, m.nstart, skip=skipped)
            if self.g.is_media(m.actor.canonical) and self.addressee.search(gap):
                skipped.append(m)  # "قال لوكالة سبوتنيك مسؤول روسي": the outlet he spoke to
                scan_from = m.nend
                continue
            if not self.clean(gap) and not self.ranked(gap, m):
                return None, []
            if m.actor.type not in _SPEAKER_TYPES:
                return None, []
            if self.oblique(m) and not link:
                if self.g.is_media(m.actor.canonical):
                    skipped.append(m)  # "قال لوكالة سبوتنيك إن": the outlet he spoke to
                    continue
                return None, []
            if form is not None and not self.agrees(form, m.actor):
                return None, []
            chain = [s.actor for s in skipped]
            if self.g.is_media(m.actor.canonical):
                about = (
                    self.c.to if form is not None and form.lemma == "attribute" else self.c.about
                ).match(self.text, m.nend)
                if about:
                    source = self.first_between(about.end(), about.end() + 1)
                    if source is not None and source.nstart == about.end():
                        return source, [m.actor, *chain]
            return m, chain
        return None, []

    def ranked(self, gap: str, m: _Mention) -> bool:
        """Only a military rank before a person's name: "قال النقيب أليكسوس ..."."""
        return (
            m.actor.type is ActorType.PERSON
            and bool(gap.strip())
            and self.g.apposition_gap.fullmatch(gap.lstrip()) is not None
        )

    def relative_at(self, position: int) -> bool:
        """A relative pronoun right after a verb ("اتصال أكد فيه ..."): ``relative`` matches."""
        starts = self.c.relative_starts
        if starts is not None:
            at = position
            while self.text[at : at + 1] == " ":
                at += 1
            if self.text[at : at + 2] not in starts:
                return False
        return self.c.relative.match(self.text, position) is not None

    def statement_at(self, start: int) -> regex.Match[str] | None:
        """``statement`` matched at ``start``, skipping the pattern where no noun can start."""
        starts = self.c.statement_starts
        if starts is not None:
            at = start
            while at < len(self.text) and self.text[at].isspace():
                at += 1
            if self.text[at : at + 2] not in starts:
                return None
        return self.c.statement.match(self.text, start)

    def titled(self, start: int, end: int, form: VerbForm) -> _Mention | None:
        """A name at the end of a title the gazetteer does not know:
        "قال قائد القيادة المركزية للقوات الأميركية الجنرال مايكل كوريلا: ..."،
        "أعلن منسق الاتصالات الاستراتيجية ...، جون كيربي، أن"."""
        opener = self.opener_at(start, min(end, start + _CONTENT_WINDOW))
        stop = opener.start() if opener else min(end, start + 90)
        words = self.text[start:stop].split()
        if not words or key(words[0].strip(",")) in self.c.no_subject:
            return None
        if self.cues_in(start, stop):
            return None
        people = [m for m in self.mentions_between(start, stop) if m.actor.type is ActorType.PERSON]
        for i, m in enumerate(people):
            named = key(m.actor.name) in self.g.surfaces
            if not named:
                # "الجنرال مايكل كوريلا": a title standing before the name it belongs to
                following = people[i + 1] if i + 1 < len(people) else None
                if following is not None and following.actor.canonical == m.actor.canonical:
                    continue
                return None
            if len(self.text[start : m.nstart].split()) > _TITLE_WORDS:
                return None
            if self.oblique(m) or not self.agrees(form, m.actor):
                return None
            if any(key(w) in self.c.not_in_title for w in self.text[start : m.nstart].split()):
                return None
            if (
                opener is None
                and not self.c.title_close.match(self.text, self.np_end(m), end)
                and not self.title_closes(start, m)
            ):
                return None  # "أعلن عزمه زيارة موسكو ولقاء لافروف": no name closing a title
            if not punct_gap(self.text[self.np_end(m) : stop]) and opener is not None:
                rest = self.strip(self.np_end(m), stop)
                if (
                    not self.clean(rest)
                    and not self.c.adjunct.match(rest)
                    and not self.apposition(self.np_end(m), stop)
                    and not self.title_closes(start, m)
                ):
                    return None
            return m
        return None

    def title_closes(self, start: int, m: _Mention) -> bool:
        """``[start, m)`` is a title the gazetteer does not know, closed by the full name
        ``m``: opened by a title word, ending in a state or an institution, naming no one
        else and holding no cue: "نائبة مدير دائرة الإعلام بوزارة الخارجية الروسية ماريا
        زاخاروفا"، "رئيس لجنة الدفاع في مجلس الاتحاد الروسي فيكتور أوزيروف"."""
        return self.full_name(m) and self.title_ends_at(start, m.nstart)

    def full_name(self, m: _Mention) -> bool:
        """Written as a full name, not a surname alone."""
        return any(s.how == "name" for s in self.g.surfaces.get(key(m.actor.name), ()))

    def title_ends_at(self, start: int, end: int, *, before_verb: bool = False) -> bool:
        """``[start, end)`` is a title the gazetteer does not know, before a name at ``end``
        (:meth:`title_closes`). With ``before_verb`` (the name is a subject written before
        its verb) the title may also close with a comma (the name in an aside), end in a
        definite noun ("مستشار الأمن القومي") and end in a title the gazetteer reads as a
        person, and no relative pronoun stands in it."""
        stop = end
        if before_verb:
            written = self.text[start:end].rstrip()
            if written.endswith(("،", ",")):
                stop = start + len(written) - 1  # "مدير المركز ...، أوليغ فلانوف"
        words = self.text[start:stop].split()
        if not words or len(words) > _TITLE_WORDS:
            return False
        first = key(words[0])
        if first not in self.c.title_heads and first[1:] not in self.c.title_heads:
            return False
        for w in words:
            k = key(w.strip("،,"))
            if k in self.c.not_in_title or key(w) in self.c.nouns:
                return False
            if before_verb and k in self.c.relative_pronouns:
                return False  # "أن الوزير الذي التقى لافروف": a relative clause, no title
        if self.cues_in(start, stop):
            return False
        last = None
        for other in self.mentions_between(start, stop):
            if other.nend > stop:
                return False
            if other.actor.type is ActorType.PERSON and (
                not before_verb
                or key(other.actor.name) in self.g.surfaces
                or not punct_gap(self.text[other.nend : end])
            ):
                return False  # someone else is named, unless a title right before the name
            last = other
        if last is not None and last.nend < end and not self.text[last.nend : stop].strip():
            return last.actor.type in (ActorType.ORGANIZATION, ActorType.STATE) or (
                before_verb and last.actor.type is ActorType.PERSON
            )
        final = key(words[-1])
        return final in self.g.adjectives or (before_verb and final.startswith(self.c.definite))

    # ------------------------------------------------------------------ unknown people

    def surname_like(self, word: str) -> bool:
        """A word that may be a foreign surname: no article, no function or cue word."""
        k = key(word)
        return (
            len(k) > 2
            and k.isalpha()
            and not k.startswith("ال")
            and k not in self.c.no_subject
            and k not in self.c.not_in_title
            and k not in self.c.subject_first
            and k not in self.c.not_given
            and k not in self.c.forms
            and k not in self.c.nouns
            and k not in self.g.adjectives
            and k not in self.g.state_names
            and not self.c.opener.fullmatch(k)
            and not self.c.filler.fullmatch(k)
        )

    def stranger_at(self, position: int, end: int, title: Actor | None) -> _Mention | None:
        """A person the gazetteer does not know, written at ``position`` as a given name it
        knows ("جون"، "إيغور") and a surname, and closing a title: "نائب مستشار الأمن
        القومي الأميركي، جون فاينر، أن". ``title`` lends its country and office."""
        words = list(_NON_SPACE.finditer(self.text, position, min(end, position + 60)))
        if len(words) < 2 or words[0].start() != position:
            return None
        first = key(words[0].group())
        if first not in self.g.given_names or first in self.c.not_given:
            return None
        if self.covered(position):
            return None
        for size in (2, 3):
            if len(words) < size:
                return None
            last = words[size - 1]
            bare = last.group().rstrip("،,:؛;.")
            if not self.surname_like(bare) or self.covered(last.start()):
                return None
            name_end = last.start() + len(bare)
            if bare != last.group() or name_end >= end:
                break  # a comma, colon or full stop closes the name
            after = name_end + 1 if self.text[name_end : name_end + 1] == " " else name_end
            if (
                self.c.opener.match(self.text, after, end)
                or self.c.title_close.match(self.text, name_end, end)
                or self.c.adjunct.match(self.text, name_end, end)
            ):
                break
        else:
            return None
        surname = key(self.text[last.start() : name_end])
        if title is not None and title.canonical and self.spelt_like(surname, title.canonical):
            self.strangers[surname] = title  # another spelling of the holder the title names
            return None
        ostart, oend = self.norm.original_span(position, name_end)
        actor = Actor(
            name=self.norm.original[ostart:oend],
            canonical=None,
            country=title.country if title is not None else None,
            type=ActorType.PERSON,
            start=ostart,
            end=oend,
        )
        self.strangers[surname] = actor
        return _Mention(position, name_end, actor)

    def spelt_like(self, surname: str, canonical: str) -> bool:
        """Whether ``surname`` looks like another spelling of a short form of ``canonical``."""
        forms = self.g.surnames.get(canonical, ())
        return any(
            difflib.SequenceMatcher(None, surname, f).ratio() >= _SPELLING_RATIO for f in forms
        )

    def stranger_after(self, m: _Mention, end: int) -> _Mention | None:
        """An unknown person in apposition to a title: "المتحدث باسم الوزارة إيغور ..."."""
        if m.actor.type is not ActorType.PERSON or key(m.actor.name) in self.g.surfaces:
            return None
        gap = _NAME_GAP.match(self.text, m.nend, end)
        return self.stranger_at(gap.end(), end, m.actor) if gap else None

    def aside_named(self, m: _Mention, end: int) -> _Mention | None:
        """The person named in a comma aside right after a title, a rank allowed before the
        name: "عن قائد القوات الجوية الأميركية، الجنرال جيفري هاريجيان، قوله"; one the
        gazetteer does not know is a stranger, never the title's holder."""
        if m.actor.type is not ActorType.PERSON or key(m.actor.name) in self.g.surfaces:
            return None
        aside = _APPOSITION.match(self.text, m.nend, end)
        if aside is None or self.cues_in(aside.start(), aside.end()):
            return None
        words_start, words_end = aside.start("words"), aside.end("words")
        rank = self.g.apposition_gap.match(self.text, words_start, words_end)
        at = rank.end() if rank is not None else words_start
        named = self.first_between(at, at + 1)
        if named is not None and named.nstart == at:
            if (
                named.actor.type is ActorType.PERSON
                and key(named.actor.name) in self.g.surfaces
                and named.nend == words_end
            ):
                return named
            return None
        stranger = self.stranger_at(at, aside.end(), m.actor)
        return stranger if stranger is not None and stranger.nend == words_end else None

    def stranger_in_title(self, start: int, end: int) -> _Mention | None:
        """An unknown person closing the title after a verb with no speaker found:
        "وأعلن الأسبوع الماضي، نائب مستشار الأمن القومي الأميركي، جون فاينر، أن"."""
        opener = self.opener_at(start, min(end, start + _CONTENT_WINDOW))
        stop = opener.start() if opener else min(end, start + 90)
        title: Actor | None = None
        for word in _NON_SPACE.finditer(self.text, start, stop):
            if word.start() - start > 120:
                return None
            k = key(word.group().strip("،,"))
            if k in self.c.not_in_title:
                return None
            m = self.first_between(word.start(), word.start() + 1)
            if m is not None and m.nstart == word.start():
                if m.actor.type is not ActorType.PERSON or key(m.actor.name) in self.g.surfaces:
                    return None  # someone else is named first
                title = m.actor
                continue
            if k in self.g.given_names:
                if self.cues_in(start, word.start()):
                    return None
                return self.stranger_at(word.start(), end, title)
        return None

    def stranger_named(self, start: int, end: int) -> _Mention | None:
        """An unknown person named earlier, by surname, right after a verb ("وأضاف فاينر")."""
        if not self.strangers:
            return None
        word = self.first_word(start, end)
        if word is None:
            return None
        bare = word.strip(',،;:"“”«»()')
        k = key(bare)
        if k not in self.strangers and k[:1] in ("و", "ف"):
            k = k[1:]
        known = self.strangers.get(k)
        if known is None:
            return None
        at = self.text.find(bare, start, end)
        if at < 0 or self.covered(at):
            return None
        ostart, oend = self.norm.original_span(at, at + len(bare))
        actor = attrs.evolve(known, name=self.norm.original[ostart:oend], start=ostart, end=oend)
        return _Mention(at, at + len(bare), actor)

    def apposition(self, start: int, end: int, *, deputy: bool = False) -> bool:
        """``[start, end)`` is a title between commas naming no one else, and no cue; with
        ``deputy`` it may name the one the title serves ("، نائب لافروف،")."""
        found = _APPOSITION.fullmatch(self.text, start, end)
        if found is None or len(found["words"].split()) > _APPOSITION_WORDS:
            return False
        if self.cues_in(start, end):
            return False
        if deputy and key(found["words"].split()[0]) in _DEPUTY:
            return True
        return not any(m.actor.type is ActorType.PERSON for m in self.mentions_between(start, end))

    def relayed(self, start: int, end: int) -> tuple[_Mention | None, list[Actor]]:
        """The source after "عن": "نقلت وكالة الإعلام الروسية عن ماريا زاخاروفا"."""
        about = self.c.relayed.match(self.text, start, end)
        if about is None:
            return None, []
        source = self.first_between(about.end(), about.end() + 1)
        if (
            source is None
            or source.nstart != about.end()
            or source.actor.type not in _SPEAKER_TYPES
        ):
            return None, []
        outlets = [
            m.actor
            for m in self.mentions_between(start, about.end())
            if self.g.is_media(m.actor.canonical)
        ]
        return source, outlets

    def mouth_speaker(self, start: int, end: int) -> _Mention | None:
        """Who is named after "على لسان": a name ("على لسان لافروف")، a title the gazetteer
        resolves, with the name of an aside or after it winning ("على لسان المتحدث باسم
        البنتاغون، جون كيربي")، or a title it does not know closed by a name ("على لسان
        مساعد وزير خارجيتها، سيرغي ريابكوف"). ``None`` when no one is named ("على لسان
        الجميع") or the one named is an outlet (a source chain as any other)."""
        while start < end and self.text[start].isspace():
            start += 1
        opener = self.opener_at(start, min(end, start + _CONTENT_WINDOW))
        stop = opener.start() if opener else min(end, start + 120)
        person = None
        for m in self.mentions_between(start, stop):
            if m.actor.type is ActorType.PERSON:
                person = m
                break
            if m.nstart - len(self.prefix(m)) == start:
                if m.actor.type not in _SPEAKER_TYPES or self.g.is_media(m.actor.canonical):
                    return None
                return m  # "على لسان الخارجية الروسية"، "على لسان مصدر"
            if m.actor.type not in (ActorType.ORGANIZATION, ActorType.STATE):
                return None  # only an institution may stand in a title before the name
        if person is not None and person.nstart == start:
            if key(person.actor.name) in self.g.surfaces:
                return person
            return self.aside_named(person, end) or self.stranger_after(person, end) or person
        title_end = person.nstart if person is not None else stop
        words = self.text[start:title_end].split()
        if not words or len(words) > _TITLE_WORDS or key(words[0]) not in self.c.title_heads:
            return None
        if self.cues_in(start, title_end) or any(
            key(w.strip("،,")) in self.c.not_in_title for w in words
        ):
            return None
        if person is None:
            return self.stranger_in_title(start, end)
        if key(person.actor.name) in self.g.surfaces:
            return person
        return self.aside_named(person, end) or self.stranger_after(person, end) or person

    def mouth_of(
        self, cue: regex.Match[str], speaker: _Mention | None, mouths: tuple[_Chain, ...]
    ) -> _Chain | None:
        """A marker naming who spoke right after a verb and its subject: "أعلنته واشنطن على
        لسان ..."، "قالت الخارجية، أمس، على لسان ..."، "وأكد على لسان ..."."""
        start = cue.end()
        if speaker is not None and speaker.nstart > cue.start():
            start = self.np_end(speaker)
        for ch in mouths:
            if ch.start < start:
                continue
            if not self.clean(self.strip(start, ch.start)):
                return None
            return ch
        return None

    def coordinated(self, m: _Mention, *, listed: bool = False) -> list[_Mention]:
        """More speakers joined by "و": "قال لافروف وكيري"، "أكد الرئيسان الروسي والأمريكي";
        with ``listed`` (after "كل من") a comma may come first: "كل من بوتين، ونظيره ..."."""
        found = []
        end = self.np_end(m)
        for nxt in self.mentions_between(end, end + 4):
            gap = self.text[end : nxt.nstart]
            joined = gap.strip() == "و" or (listed and _LISTED_AND.fullmatch(gap) is not None)
            if not joined or nxt.actor.type is not m.actor.type:
                break
            if nxt.actor.canonical != m.actor.canonical:
                found.append(nxt)
            end = self.np_end(nxt)
        return found

    def before(
        self, cue: regex.Match[str], sentence_start: int, send: int, form: VerbForm
    ) -> _Mention | None:
        """A subject written before its verb: "ماكنولتي قالت"، "أن كارتر أشار"، "وكان شويغو كشف"،
        "أن مستشار الأمن القومي جيك سوليفان، صرح"، "أن مدير المركز ...، أوليغ فلانوف، كشف".

        A comma alone between the subject and the verb is read before a past-tense verb
        only (:meth:`svo_gap`); at the head of a sentence, only when nothing after the verb
        may be a subject of its own ("روسيا، قالت المتحدثة باسم الخارجية الأمريكية إن" is
        a topic). Where the subject's noun phrase opens (its title) is kept for
        :meth:`np_start`.
        """
        cue_start, suffixed = cue.start(), bool(cue["suffix"])
        stranger = self.stranger_before(cue_start, sentence_start, form)
        if stranger is not None:
            return stranger
        candidates = [
            m for m in self.mentions_between(sentence_start, cue_start) if m.nend <= cue_start
        ]
        if not candidates:
            return None
        deputy = False
        last = candidates[-1]
        if len(candidates) > 1 and candidates[-2].actor.type is ActorType.PERSON:
            # "ميخائيل بوغدانوف، نائب لافروف، قال": the one served is part of the title
            aside = _APPOSITION.match(self.text, candidates[-2].nend, cue_start)
            if (
                aside is not None
                and aside.start("words") < last.nstart
                and last.nend <= aside.end("words")
                and self.apposition(candidates[-2].nend, aside.end(), deputy=True)
            ):
                last = candidates[-2]
                deputy = True
        if self.c.topic_gap.fullmatch(self.text[last.nend : cue_start]):
            # "أما لافروف، فقد حذر": the topic speaks unless the verb points back to it
            head = self.head(last)
            words = self.text[sentence_start : head.nstart - len(self.prefix(head))].split()
            if (
                not suffixed
                and words
                and key(words[-1]) in self.c.topic
                and head.actor.type in _SPEAKER_TYPES
                and not self.oblique(head)
                and self.agrees(form, head.actor)
            ):
                return head
            return None
        gap = self.svo_gap(last.nend, cue_start, form)
        if gap is None:
            # "جون ماكين، رئيس لجنة القوات المسلحة، قال": a title apposed to the name
            appositive = _APPOSITION.match(self.text, last.nend, cue_start)
            if appositive is None or not self.apposition(
                last.nend, appositive.end(), deputy=deputy
            ):
                return None
            gap = self.svo_gap(appositive.end(), cue_start, form)
            if gap is None:
                return None
        head = self.head(last)
        if (
            head.actor.type not in _SPEAKER_TYPES
            or self.oblique(head)
            or not self.agrees(form, head.actor)
        ):
            return None
        lead_start = head.nstart - len(self.prefix(head))
        before = self.text[sentence_start:lead_start]
        if LEAD.fullmatch(before):
            if gap["comma"] and not gap["particle"] and not self.no_subject_after(cue.end(), send):
                return None  # "روسيا، قالت المتحدثة ...": a topic, the subject follows
            return head
        bare = before.rstrip('"“«')  # "إن “لافروف حذر”": the subject quoted with its verb
        words = bare.split()
        if not words or not bare[-1].isspace():
            return None
        title_start = self.titled_before(sentence_start, lead_start, head)
        if title_start is None and head is not last:
            # "أن مساعد وزير الخارجية، سيرغي ريابكوف، أكد": a title the gazetteer reads as
            # the name's holder, inside the one written before it
            title_start = self.titled_before(
                sentence_start, last.nstart - len(self.prefix(last)), last
            )
        if title_start is not None:
            # "وكان رئيس لجنة الدفاع ... فيكتور أوزيروف قد أكد"
            self.np_starts[id(head)] = (head, title_start)
            return head
        if self.after_subject_first(words):
            return head
        return None

    def after_subject_first(self, words: list[str]) -> bool:
        """The last of ``words`` (or the last two) may stand before a subject written before
        its verb ("أن"، "وكان"، "إلا أن")."""
        previous = key(words[-1].strip('،,"“”«»'))
        two = key(" ".join(words[-2:])) if len(words) > 1 else previous
        return (
            previous in self.c.subject_first
            or two in self.c.subject_first
            or previous.lstrip("و") in self.c.subject_first
        )

    def svo_gap(self, start: int, cue_start: int, form: VerbForm) -> regex.Match[str] | None:
        """What stands between a subject written before its verb and the verb, when it may:
        a particle ("وكان شويغو قد كشف")، a comma and a particle, or a comma alone before a
        past-tense verb ("أن سوليفان، صرح")."""
        gap = self.c.svo_gap.fullmatch(self.text, start, cue_start)
        if gap is None or (gap["comma"] and not gap["particle"] and form.tense != "past"):
            return None
        return gap

    def stranger_before(
        self, cue_start: int, sentence_start: int, form: VerbForm
    ) -> _Mention | None:
        """A person the gazetteer does not know written right before a past-tense verb
        (:meth:`stranger_at`), after a word that may stand before a subject or the title
        the name closes, in an aside or not: "وكان أوليغ فلانوف قد قال"، "أن مدير
        المركز ...، أوليغ فلانوف، كشف"."""
        if form.tense != "past":
            return None
        window = max(sentence_start, cue_start - 80)
        cut = window > sentence_start and not self.text[window - 1].isspace()
        words = list(_NON_SPACE.finditer(self.text, window, cue_start))
        # the name's last word: right before the verb, or before a particle ("قد")
        for last in range(len(words) - 1, max(len(words) - 3, 0), -1):
            name_end = words[last].start() + len(words[last].group().rstrip("،,"))
            if self.svo_gap(name_end, cue_start, form) is None:
                continue
            for size in (2, 3):
                first = last - size + 1
                if first < 0 or (first == 0 and cut):
                    break  # the window may have cut the first word
                position = words[first].start()
                if key(words[first].group()) not in self.g.given_names:
                    continue
                opened = self.subject_opens(sentence_start, position)
                if opened is None:
                    continue
                start, title = opened
                stranger = self.stranger_at(position, name_end, title)
                if stranger is not None and stranger.nend == name_end:
                    self.np_starts[id(stranger)] = (stranger, start)
                    return stranger
        return None

    def subject_opens(self, sentence_start: int, position: int) -> tuple[int, Actor | None] | None:
        """Where the noun phrase of a subject named at ``position`` opens, and the title
        before the name when written: right there after the sentence's start or a word that
        may stand before a subject ("أن"، "وكان")، or where a title closing on the name
        opens (:meth:`title_start_before`); ``None`` when neither."""
        before = self.text[sentence_start:position]
        if LEAD.fullmatch(before):
            return position, None
        words = before.split()
        if not words or not before[-1].isspace():
            return None
        if self.after_subject_first(words):
            return position, None
        start = self.title_start_before(sentence_start, position)
        if start is None:
            return None
        titles = [
            m.actor
            for m in self.mentions_between(start, position)
            if m.actor.type is ActorType.PERSON and key(m.actor.name) not in self.g.surfaces
        ]
        return start, titles[-1] if titles else None

    def complement_opener(self, m: _Mention, sentence_start: int) -> int | None:
        """Where the إن/أن word ends that the subject ``m`` stands right after, opening
        quotation marks allowed between them ("أن لافروف"، "إن “لافروف"), or before the title
        that opens its noun phrase (:meth:`np_start`); ``None`` when ``m`` opens no such
        clause."""
        lead_start = self.np_start(m)
        before = self.text[sentence_start:lead_start].rstrip().rstrip('"“«').rstrip()
        words = before.rsplit(maxsplit=1)
        if not words or not words[-1] or self.c.opener.fullmatch(key(words[-1])) is None:
            return None
        if not words[-1][0].isalpha():
            return None  # a quotation mark or a colon is no إن/أن
        return sentence_start + len(before)

    def np_start(self, m: _Mention) -> int:
        """Where the noun phrase of a subject written before its verb opens: at its title
        (:meth:`before`), else at the mention and the letters attached before it."""
        known = self.np_starts.get(id(m))
        if known is not None and known[0] is m:
            return known[1]
        return m.nstart - len(self.prefix(m))

    def titled_before(self, sentence_start: int, lead_start: int, head: _Mention) -> int | None:
        """Where a title the gazetteer does not know opens, between a clause's start and the
        subject ``head`` before its verb, a full name (:meth:`title_closes`); ``None`` when
        there is none."""
        if not self.full_name(head):
            return None
        return self.title_start_before(sentence_start, lead_start)

    def title_start_before(self, sentence_start: int, lead_start: int) -> int | None:
        """Where a title opens that the name of a subject at ``lead_start``, written before
        its verb, closes: after the last word of the clause that may stand before a subject,
        or at the sentence's start (:meth:`title_ends_at`, ``before_verb``)."""
        title_start = None
        for word in _NON_SPACE.finditer(self.text, sentence_start, lead_start):
            k = key(word.group().strip('،,"“”«»'))
            if k in self.c.subject_first or k.lstrip("و") in self.c.subject_first:
                title_start = word.end()
        if title_start is None:
            lead = self.text[sentence_start:lead_start].split()
            if not lead or not self.c.title_heads & {key(lead[0])}:
                return None
            title_start = sentence_start
        while title_start < lead_start and self.text[title_start].isspace():
            title_start += 1
        if title_start > sentence_start and not LEAD.fullmatch(
            self.text[sentence_start:title_start]
        ):
            words = self.text[sentence_start:title_start].split()
            if key(words[-1].strip('،,"“”«»')).lstrip("و") not in self.c.subject_first:
                return None
        return (
            title_start if self.title_ends_at(title_start, lead_start, before_verb=True) else None
        )

    def unknown_subject(self, cue_start: int, sstart: int) -> bool:
        """Words before a verb in its clause that may be its subject: not only fillers and
        dates, nor a clause opened by a preposition or a conjunction ("وفي السياق ذاته أكد")."""
        clause = lead_end(self.text, sstart)
        for mark in ',،;:)”»"':
            clause = max(clause, self.text.rfind(mark, clause, cue_start) + 1)
        words = self.c.filler.sub(blank, self.strip(clause, cue_start)).split()
        if not words:
            return False
        first = key(words[0].strip('"“”«»()'))
        bare = first[1:] if first[:1] in ("و", "ف") else first
        return not any(
            w in self.c.no_subject or w in self.c.subject_first or self.c.opener.fullmatch(w)
            for w in (first, bare)
        )

    def object_follows(self, start: int, end: int, sstart: int, send: int) -> bool:
        """A verb's object is its next word, and no verb stands right before it."""
        after = self.text[end : min(send, end + 40)].split(maxsplit=1)
        if not after or not after[0][0].isalpha():
            return False
        word = key(after[0].strip(',;:"“”«»()'))
        if word in self.c.no_subject or self.c.opener.fullmatch(word):
            return False
        if self.c.filler.fullmatch(word):
            return False
        clause = sstart
        for mark in ",،;:":
            clause = max(clause, self.text.rfind(mark, sstart, start) + 1)
        verbs = [c for c in self.cues_in(clause, start) if c["verb"]]
        # "أكد (لافروف) مجددا التزام ...": "again" modifying a verb with no content yet
        return not verbs or self.opener_at(verbs[-1].end(), start) is not None

    def taa_marbuta(self, end: int) -> bool:
        """Whether the letter before normalised offset ``end`` is written "ة" in the article."""
        at = self.norm.original_offset(end - 1)
        return self.norm.original[at : at + 1] == "ة"

    def dotted_ya(self, end: int) -> bool:
        """Whether the letter before normalised offset ``end`` is written "ي" in the article."""
        at = self.norm.original_offset(end - 1)
        return self.norm.original[at : at + 1] == "ي"

    def after_statement_noun(self, cue_start: int, sentence_start: int) -> bool:
        """The word before a verb is a statement noun ("تصريحات نقلتها")."""
        words = self.text[max(sentence_start, cue_start - 16) : cue_start].split()
        return len(words) > 1 and words[-1] in self.c.nouns

    def pronoun_subject(self, cue_start: int, sentence_start: int) -> bool:
        """The word before a verb is an opener carrying its subject ("أنه"، "بأنها")."""
        start = max(sentence_start, cue_start - 12)
        before = self.text[start:cue_start]
        if not before or not before[-1].isspace():
            return False
        words = before.split()
        if not words or (len(words) == 1 and start > sentence_start and not before[0].isspace()):
            return False  # the window may have cut a longer word
        return words[-1] in self.c.pronoun_subjects

    def no_subject_after(self, start: int, end: int) -> bool:
        """Nothing after the verb could be its own subject ("وأضاف في حديثه"، "وتابع، “...")."""
        word = self.first_word(start, end)
        if word is None:
            return True
        first = key(word.strip(',;:"“”«»()'))
        if not first or word[0] in ',;:"“”«»(':
            return True
        if first in self.c.no_subject or self.c.opener.fullmatch(first):
            return True
        if remembered(self.memo, ("chain", first), self._is_chain):
            return True
        if first.startswith(("بال", "لل")):
            return True  # "مشيدا بالتعاون": a definite noun governed by a preposition
        return first.endswith("ا") and first not in self.g.surfaces

    def _is_chain(self, key: tuple[str, str]) -> bool:
        """Whether a word read alone is a source-chain marker ("بحسب")."""
        marker = self.c.cue.fullmatch(key[1])
        return marker is not None and bool(marker["chain"])

    def first_word(self, start: int, end: int) -> str | None:
        """The first word between two points once dates and filler words are taken out.

        Read from a window: a filler match depends on at most ``filler_reach``
        characters after it starts, so a first word ending that far before the
        window's end is the first word of the whole stretch.
        """
        reach = self.c.filler_reach + 1
        stop = min(end, start + 64 + reach)
        window = self.strip(start, stop)
        words = window.split(maxsplit=1)
        if words and (len(words) > 1 or stop == end or window[-1].isspace()):
            # a whole word first: when no filler takes it, it stays first
            if stays(words[0], self.c.filler_heads):
                return words[0]
        while True:
            blanked = self.c.filler.sub(blank, self.strip(start, stop))
            word = _NON_SPACE.search(blanked)
            if stop >= end or (word is not None and start + word.end() + reach <= stop):
                return word.group() if word is not None else None
            stop = end

    # ------------------------------------------------------------------ content, date, chain

    def content(self, start: int, end: int) -> tuple[int, int] | None:
        position = start
        while True:
            found = self.opener_at(position, min(end, start + _CONTENT_WINDOW))
            if not found:
                return None
            if found.group() not in '“«"':
                break
            quote = self.quote_at(found.start())
            if quote is None:
                position = found.end()  # a stray or closing mark
                continue
            if self.names_only(quote):
                position = quote[1] + 1  # "وكالة “نوفوستي”": a quoted name, not a quotation
                continue
            return quote[0] + 1, quote[1]
        if found.group() == ":":
            after = found.end()
            while after < end and self.text[after] == " ":
                after += 1
            quote = self.quote_at(after)
            if quote is not None:
                return quote[0] + 1, quote[1]
            return self.trim(after, end)
        return self.trim(found.start(), end)

    def names_only(self, quote: tuple[int, int]) -> bool:
        inside = self.text[quote[0] + 1 : quote[1]]
        blanked = self.strip(
            quote[0] + 1, quote[1], skip=list(self.mentions_between(quote[0] + 1, quote[1]))
        )
        short = len(inside.split()) <= 2 and quote[1] - quote[0] < 25 and ":" not in inside
        return not blanked.strip() or short

    def trim(self, start: int, end: int) -> tuple[int, int] | None:
        for cue in self.cues_in(start + 1, end):
            if cue["chain"]:  # "..., حسب صحيفة POLITICO": the source, not the content
                end = cue.start()
                break
        while end > start and self.text[end - 1] in " .,;:!?\n":
            end -= 1
        return (start, end) if end > start else None

    def date(
        self, sentence: int, cue: tuple[int, int], content: tuple[int, int] | None
    ) -> str | None:
        start, end, _ = self.sentences[sentence]
        limit = content[0] if content else end
        best: tuple[int, str] | None = None
        timexes = self.timexes
        if self.timexes_ordered:  # only those starting inside the sentence
            lo = bisect.bisect_left(self.timex_starts, start)
            timexes = timexes[lo : bisect.bisect_left(self.timex_starts, limit, lo)]
        for tstart, tend, timex in timexes:
            if tstart < start or tend > limit or not timex.value or self.in_quote(tstart):
                continue
            if self.nested(tstart):
                continue
            distance = abs(tstart - cue[1]) if tstart >= cue[0] else cue[0] - tend
            if best is None or distance < best[0]:
                best = (distance, timex.value)
        return best[1] if best else None

    def outlets(
        self, start: int, end: int, speaker: Actor, content: tuple[int, int] | None
    ) -> list[Actor]:
        found = []
        for m in self.mentions_between(start, end):
            if content and content[0] <= m.nstart < content[1]:
                continue
            if (
                self.g.is_media(m.actor.canonical)
                and m.actor is not speaker
                and m.actor not in found
            ):
                found.append(m.actor)
        return found

    # ------------------------------------------------------------------ the sentence loop

    def run(self) -> None:
        for index, (sstart, send, sentence) in enumerate(self.sentences):
            if sentence.zone is Zone.BOILERPLATE:
                continue
            self.sentence(index, sstart, send)

    def chains(self, sstart: int, send: int) -> list[_Chain]:
        out = []
        for cue in self.cues_in(sstart, send):
            if not cue["chain"] or self.in_quote(cue.start()):
                continue
            position = cue.end()
            if self.c.chain_self.match(self.text, position):
                out.append(_Chain(cue.start(), cue.end(), [], None))
                continue
            if key(cue["chain"]) in self.c.mouth:
                speaker = self.mouth_speaker(position, send)
                if speaker is not None:
                    out.append(_Chain(cue.start(), self.np_end(speaker), [], speaker, mouth=True))
                    continue
            tail = self.c.chain_tail.match(self.text, position)
            position = tail.end() if tail else position
            noun = self.media_nouns.match(self.text, position)
            if noun is not None:
                position = _QUOTES.match(self.text, noun.end()).end()
            first = self.first_between(position, position + 1)
            if (
                noun is not None
                and first is not None
                and not self.g.is_media(first.actor.canonical)
            ):
                first = None  # "بحسب قناة القاهرة الإخبارية": an outlet the gazetteer does not know
            if first is None or first.nstart != position or first.actor.type not in _SPEAKER_TYPES:
                out.append(_Chain(cue.start(), position, [], None))
                continue
            if self.g.is_media(first.actor.canonical):
                about = self.c.about.match(self.text, first.nend)
                source = None
                if about:
                    source = self.first_between(about.end(), about.end() + 1)
                    if source is not None and source.nstart != about.end():
                        source = None
                end = source.nend if source else first.nend
                out.append(_Chain(cue.start(), end, [first.actor], source))
            else:
                out.append(_Chain(cue.start(), self.np_end(first), [], first))
        return out

    def sentence(self, index: int, sstart: int, send: int) -> None:
        chains = self.chains(sstart, send)
        chain_outlets = [a for ch in chains for a in ch.outlets]
        chain_speaker = next((ch.speaker for ch in chains if ch.speaker is not None), None)
        in_chain = [(ch.start, ch.end) for ch in chains]
        noun_speakers: list[tuple[int, _Mention]] = []
        first_claim = len(self.found)
        self.headline(index, sstart, send)
        mouths = tuple(ch for ch in chains if ch.mouth)
        for cue in self.cues_in(sstart, send):
            if cue["chain"] or (self.in_quote(cue.start()) and not self.quoted_report(cue, sstart)):
                continue
            if any(a <= cue.start() < b for a, b in in_chain):
                continue
            if cue["noun"]:
                self.noun(index, cue, send, noun_speakers, chain_outlets)
            else:
                self.verb(
                    _Sentence(
                        index, sstart, send, first_claim, chain_speaker, chain_outlets, mouths
                    ),
                    cue,
                    noun_speakers,
                )
        self.standalone_chains(index, chains, first_claim, send)

    # ------------------------------------------------------------------ reporting verbs

    def quoted_report(self, cue: regex.Match[str], sstart: int) -> bool:
        """A verb in quotation marks that is still a report: a past-tense verb whose subject,
        a person named right before it, opens an إن/أن clause, the quotation opening inside
        that clause: "وذكرت الخارجية أن لافروف “حذر” بومبيو"، "بأن “بوتين شدد على ..."".
        The one quoting relays that person's words (:meth:`reporter`)."""
        if not cue["verb"] or self.c.forms[key(cue["verb"])].tense != "past":
            return False
        quote = self.quote_around(cue.start())
        if quote is None:
            return False
        people = [m for m in self.mentions_between(sstart, cue.start()) if m.nend <= cue.start()]
        if not people:
            return False
        m = people[-1]
        if m.actor.type is not ActorType.PERSON or key(m.actor.name) not in self.g.surfaces:
            return False
        if not _QUOTE_GAP.fullmatch(self.text, m.nend, cue.start()):
            return False
        opener_end = self.complement_opener(self.head(m), sstart)
        return opener_end is not None and opener_end <= quote[0]

    def rejected(self, cue: regex.Match[str], form: VerbForm, sstart: int, send: int) -> str | None:
        """The name of the first check in :data:`_VERB_CHECKS` by which ``cue`` reports
        nothing, or ``None`` when it may be a reporting verb."""
        for name, check in _VERB_CHECKS:
            if check(self, cue, form, sstart, send):
                return name
        return None

    def _impersonal(self, cue: regex.Match[str], form: VerbForm, sstart: int, send: int) -> bool:
        """ "يذكر أن"، "قيل إن"، "يعتبر من أبرز": reported by no one."""
        tails = self.c.impersonal.get(key(cue["verb"]))
        if tails is None:
            return False
        after = self.text[cue.end("verb") : cue.end("verb") + 40].split()
        return any(not tail or after[: len(tail.split())] == tail.split() for tail in tails)

    def _relative(self, cue: regex.Match[str], form: VerbForm, sstart: int, send: int) -> bool:
        """ "اتصال أكد فيه ...": the verb's subject is elsewhere, except in a relative clause
        on a statement noun that names its author (:meth:`statement_owner`). A verb with و or
        ف attached opens a clause of its own: in "فرد عليه كيري" the pronoun is its object."""
        return (
            not cue["conj"]
            and self.relative_at(cue.end())
            and self.statement_owner(cue, form, sstart, send) is None
        )

    def relative_subject(self, cue_start: int, sstart: int, form: VerbForm) -> _Mention | None:
        """The person or body a relative pronoun right before the verb points back to,
        named right before it: "لافروف، الذي قال إن"، "بوغدانوف نائب وزير الخارجية الروسي
        الذي صرح". The verb must agree with them."""
        before = self.text[max(sstart, cue_start - 12) : cue_start]
        words = before.split()
        if not words or not before.endswith(" ") or key(words[-1]) not in self.c.relative_pronouns:
            return None
        if self.c.relative_genders.get(key(words[-1]), form.gender) != form.gender:
            return None  # "بيان الخارجية الذي أكدت": the pronoun is the verb's object
        at = cue_start - len(before) + before.rindex(words[-1])
        found = [m for m in self.mentions_between(sstart, at) if m.nend <= at]
        if not found:
            return None
        last = found[-1]
        if not punct_gap(self.text[last.nend : at]) or self.text[last.nend : at].strip(" ،,"):
            return None
        if last.actor.type not in _SPEAKER_TYPES or last.actor.type is ActorType.ANONYMOUS:
            return None
        head = self.head(last)
        if last.actor.type is ActorType.STATE and self.oblique(head):
            return None  # "الحرب في سوريا التي ...": a place, not who speaks
        return head if self.agrees(form, head.actor) else None

    def statement_owner(
        self, cue: regex.Match[str], form: VerbForm, sstart: int, send: int
    ) -> _Mention | None:
        """The author of a statement noun (:meth:`noun`) on which the verb opens a relative
        clause "in which": "كلمة الرئيس الروسي، فلاديمير بوتين، التي أكد فيها أن"،
        "بيان الخارجية الذي أكدت فيه أن"; a name after "in which" is the verb's object
        ("بيان الخارجية الذي اتهمت فيه واشنطن بـ"). ``None`` when the clause hangs on
        another noun, the relative word points to what was said ("الذي رحبت به واشنطن") or
        the verb does not agree with the author."""
        if cue["conj"] or cue["suffix"] or form.tense == "participle":
            return None
        relative = self.c.relative.match(self.text, cue.end())
        if relative is None or key(relative.group()) not in self.c.in_statement:
            return None
        before = self.text[sstart : cue.start()]
        words = before.split()
        if not words or not before[-1].isspace() or key(words[-1]) not in self.c.relative_pronouns:
            return None
        pronoun = sstart + len(before.rstrip()) - len(words[-1])
        nouns = [c for c in self.cues_in(sstart, pronoun) if c["noun"]]
        if not nouns:
            return None
        position = nouns[-1].end()
        m = self.first_between(position, position + 3)
        if (
            m is None
            or not punct_gap(self.text[position : m.nstart])
            or len(self.text[position : m.nstart]) > 2
            or m.actor.type not in _SPEAKER_TYPES
            or (self.oblique(m) and "ل" not in self.prefix(m))
            or not self.agrees(form, m.actor)
        ):
            return None
        end = self.np_end(m)
        if end > pronoun or not self.clean(self.strip(end, pronoun)):
            return None  # "رسالة ترامب إلى بوتين التي": the clause is on another noun
        return m

    def _noun_in_taa(self, cue: regex.Match[str], form: VerbForm, sstart: int, send: int) -> bool:
        """ "200 إفادة": a noun, not "أفاده"."""
        return cue["suffix"] == "ه" and self.taa_marbuta(cue.end("suffix"))

    def _noun_in_ya(self, cue: regex.Match[str], form: VerbForm, sstart: int, send: int) -> bool:
        """ "المصدر: رأي اليوم": the noun "رأي", not the verb "رأى"."""
        return (
            key(cue["verb"]) in self.c.maqsura
            and not cue["suffix"]
            and self.dotted_ya(cue.end("verb"))
            and self.first_between(cue.end(), cue.end() + 2) is None
        )

    def _on_statement(self, cue: regex.Match[str], form: VerbForm, sstart: int, send: int) -> bool:
        """ "في تصريحات نقلتها وكالة تاس": a relative clause on the statement."""
        return bool(cue["suffix"]) and self.after_statement_noun(cue.start(), sstart)

    def _pronoun_subject(
        self, cue: regex.Match[str], form: VerbForm, sstart: int, send: int
    ) -> bool:
        """ "أكد أنه أبلغ الأمين العام": the name after the verb is its object."""
        return not cue["conj"] and self.pronoun_subject(cue.start(), sstart)

    def _no_object(self, cue: regex.Match[str], form: VerbForm, sstart: int, send: int) -> bool:
        """ "أكد مجددا أن": "again", not "renewing"."""
        return form.takes_object and not self.object_follows(cue.start(), cue.end(), sstart, send)

    def _described(self, cue: regex.Match[str], form: VerbForm, sstart: int, send: int) -> bool:
        """ "... أن كيري يؤكد على هذا": a description inside someone's words."""
        return form.tense == "present" and self.nested(cue.start())

    def verb_speaker(
        self, cue: regex.Match[str], form: VerbForm, sstart: int, send: int
    ) -> tuple[_Mention | None, list[Actor]]:
        """Who a reporting verb's subject is, written before or after it, and the outlets
        relaying them; ``None`` when no subject is written."""
        speaker: _Mention | None = None
        chain: list[Actor] = []
        if form.tense == "participle":
            return None, []
        if not cue["conj"] and self.relative_at(cue.end()):
            # "كلمة بوتين التي أكد فيها": the statement's author (:meth:`_relative`)
            return self.statement_owner(cue, form, sstart, send), []
        if not cue["conj"]:
            named = self.relative_subject(cue.start(), sstart, form)
            if named is not None:
                # "بوغدانوف نائب وزير الخارجية الذي صرح"; with a subject after the verb
                # ("الحرب التي قالت الأمم المتحدة إنها"), the pronoun is its object
                follows, chain = self.after(cue.end(), send, form)
                return (follows, chain) if follows is not None else (named, [])
        if not cue["conj"]:
            speaker = self.before(cue, sstart, send, form)
        if speaker is None or self.g.is_media(speaker.actor.canonical):
            # "رويترز حذرت روسيا ...": an outlet heading the sentence is a dateline
            follows, chain = self.after(cue.end(), send, form)
            if follows is not None and not self.g.is_media(follows.actor.canonical):
                if speaker is not None:
                    chain = [speaker.actor, *chain]
                speaker = follows
            elif speaker is None:
                speaker = follows
        if (
            speaker is not None
            and speaker.actor.type is ActorType.PERSON
            and not speaker.actor.canonical
        ):
            speaker = self.titled(cue.end(), send, form) or speaker
        if speaker is None and form.lemma == "relay":
            speaker, chain = self.relayed(cue.end(), send)
        if speaker is None:
            speaker = self.titled(cue.end(), send, form)
        if speaker is not None and speaker.nstart > cue.start():
            # "قال المتحدث باسم الوزارة إيغور ...": the name written wins over the title,
            # as in an aside ("عن قائد القوات الجوية، الجنرال ...، قوله")
            speaker = (
                self.aside_named(speaker, send) or self.stranger_after(speaker, send) or speaker
            )
        elif speaker is None:
            speaker = self.stranger_in_title(cue.end(), send) or self.stranger_named(
                cue.end(), send
            )
        return speaker, chain

    def verb(
        self,
        here: _Sentence,
        cue: regex.Match[str],
        noun_speakers: list[tuple[int, _Mention]],
    ) -> None:
        """A claim reported with a verb ("قال"، "أكدت"، "مضيفا")."""
        sstart, send = here.start, here.end
        form = self.c.forms[key(cue["verb"])]
        if self.rejected(cue, form, sstart, send) is not None:
            return
        speaker, chain = self.verb_speaker(cue, form, sstart, send)
        if self.in_quote(cue.start()) and (speaker is None or speaker.nstart > cue.start()):
            return  # quoted (:meth:`quoted_report`), it is only the subject's before it
        mouth = self.mouth_of(cue, speaker, here.mouths)
        if mouth is not None:
            # "أعلنته واشنطن على لسان المتحدث باسم البنتاغون ...": he speaks, for Washington
            chain = [speaker.actor, *chain] if speaker is not None else chain
            speaker = mouth.speaker
        elif speaker is not None and speaker.nstart < cue.start():
            reporter = self.reporter(cue.start(), speaker, sstart)
            if reporter is not None:
                if speaker.actor.type is ActorType.STATE:
                    return  # "أكد لافروف أن روسيا حذرت مرارا": his account of a state's policy
                # "ذكرت الوزارة أن لافروف حذر": his claim, relayed by the ministry
                chain = [reporter.speaker, *reporter.chain, *chain]
        if speaker is None and here.chain_speaker is not None:
            if here.chain_speaker.nstart < cue.start():
                speaker = here.chain_speaker
        if speaker is None:
            if (
                form.tense == "past"
                and not cue["conj"]
                and self.unknown_subject(cue.start(), sstart)
            ):
                return  # "المحلل أكثم سليمان اعتبر أن": someone the gazetteer does not know
            if form.tense == "present" or not (
                form.takes_object or self.no_subject_after(cue.end(), send)
            ):
                return
            previous = self.continued(
                here.index, cue.start(), here.first_claim, noun_speakers, form, sstart
            )
            if previous is None:
                return
            speaker_actor = previous
        else:
            speaker_actor = speaker.actor
        named_after = speaker is not None and speaker.nstart > cue.start()
        content = self.content(self.np_end(speaker) if named_after else cue.end(), send)
        quote = self.quote_around(cue.start())
        if quote is not None:  # a verb quoted with its words: "أن لافروف “أشار إلى ...”"
            content = self.content(cue.end(), quote[1]) or self.trim(
                _COMMAS.match(self.text, cue.end()).end(), quote[1]
            )
        if content is None:
            content = self.content_before(cue.start(), sstart)
        if form.needs_content and content is None:
            return
        outlets = list(
            dict.fromkeys(
                [
                    *chain,
                    *here.chain_outlets,
                    *self.outlets(sstart, send, speaker_actor, content),
                ]
            )
        )
        cue_span = (cue.start("verb"), cue.end("verb"))
        self.add(speaker_actor, cue_span, content, outlets, here.index)
        if named_after:
            listed = self.c.listed.search(self.text, cue.end(), speaker.nstart) is not None
            for other in self.coordinated(speaker, listed=listed):
                self.add(other.actor, cue_span, content, outlets, here.index)

    def add(
        self,
        speaker: Actor,
        cue: tuple[int, int],
        content: tuple[int, int] | None,
        chain: list[Actor],
        index: int,
    ) -> None:
        date = self.date(index, cue, content)
        self.found.append(
            _Found(speaker, cue, content, [a for a in chain if a is not speaker], date, index)
        )
        if content and content[1] > content[0]:
            i = bisect.bisect_right(self.content_starts, content[0])
            self.content_starts.insert(i, content[0])
            self.contents.insert(i, content)
            self.longest_content = max(self.longest_content, content[1] - content[0])

    def reporter(self, position: int, subject: _Mention, sstart: int) -> _Found | None:
        """The claim whose content holds a verb at ``position`` with its own ``subject``
        right after an إن/أن word ("ذكرت الوزارة أن لافروف حذر"): the one relaying it,
        innermost first; ``None`` when there is none or it is the subject's own."""
        if not self.nested(position) or self.complement_opener(subject, sstart) is None:
            return None
        for f in reversed(self.found):
            if f.content is not None and f.content[0] <= position < f.content[1]:
                if f.speaker is subject.actor or (
                    f.speaker.canonical is not None
                    and f.speaker.canonical == subject.actor.canonical
                ):
                    return None
                return f
        return None

    def nested(self, position: int) -> bool:
        """Inside the content of a claim already found ("ذكرت مصادر أن كارتر أشار ...")."""
        i = bisect.bisect_right(self.content_starts, position) - 1
        while i >= 0 and self.contents[i][0] > position - self.longest_content:
            if position < self.contents[i][1]:
                return True
            i -= 1
        return False

    def covered(self, position: int) -> bool:
        """Whether a mention spans ``position``."""
        if not self.ordered:
            return any(x.nstart <= position < x.nend for x in self.mentions)
        i = bisect.bisect_right(self.starts, position)  # those starting at or before it
        return i > 0 and self.mention_reach[i - 1] > position

    def main_subject(self, sstart: int, position: int) -> _Mention | None:
        """The subject of the verb opening the sentence ("شككت وزارة الدفاع ... معتبرة")."""
        first_word = _FIRST_WORD.match(self.text, lead_end(self.text, sstart))
        if first_word is None:
            return None
        m = self.first_between(first_word.end(), position)
        if m is None or not self.clean(self.strip(first_word.end(), m.nstart)) or self.oblique(m):
            return None
        if self.covered(first_word.start()):
            return None
        if key(first_word.group().strip()) in self.c.topic:
            # "أما روسيا، فقد حذرها ...": the topic is the object of the verb after it
            verb = next((c for c in self.cues_in(m.nend, position) if c["verb"]), None)
            if verb is None or verb["suffix"]:
                return None
        return m if m.actor.type in _SPEAKER_TYPES else None

    def continued(
        self,
        index: int,
        position: int,
        first_claim: int,
        noun_speakers: list[tuple[int, _Mention]],
        form: VerbForm,
        sstart: int,
    ) -> Actor | None:
        """Who a verb without a subject continues: this sentence's speaker, else the last one.

        The verb must agree: "..., مضيفة" continues "مصادر"، not the "كارتر" quoted by them.
        """
        here = [
            f.speaker
            for f in self.found[first_claim:]
            if f.cue[0] < position and not self.nested(f.cue[0])
        ]
        main = self.main_subject(sstart, position)
        if main is not None:
            here.append(main.actor)
        here += [m.actor for at, m in noun_speakers if at < position]
        for speaker in here:
            if self.agrees(form, speaker):
                return speaker
        if here:
            return None
        if form.tense == "participle":
            # "بينما أعرب القائد ... غرينكويتش، عن قلقه ...، محذرا": the person of this sentence
            people = [
                m
                for m in self.mentions_between(sstart, position)
                if m.nend <= position and m.actor.type is ActorType.PERSON
            ]
            if people:
                m = self.head(people[-1])
                if (
                    self.agrees(form, m.actor)
                    and not self.oblique(m)
                    and not self.in_quote(m.nstart)
                ):
                    return m.actor
                return None
        for f in reversed(self.found):
            if index - f.sentence > _CONTINUATION_SENTENCES:
                break
            if self.agrees(form, f.speaker):
                return f.speaker
            if not self.nested(f.cue[0]):
                break
            # "ذكرت الوزارة أن لافروف حذر. وأضافت ...": one reported in another's words who
            # does not agree gives way to the one reporting him
        return None

    def content_before(self, cue_start: int, sstart: int) -> tuple[int, int] | None:
        """After "حسبما أفادت وزارة الدفاع" the reported part is the sentence before the marker."""
        before = self.text[sstart:cue_start].rstrip()
        for marker in self.c.chain_before:
            if before.endswith(marker):
                return self.trim(sstart, sstart + len(before) - len(marker))
        return None

    def noun(
        self,
        index: int,
        cue: regex.Match[str],
        send: int,
        noun_speakers: list[tuple[int, _Mention]],
        chain_outlets: list[Actor],
    ) -> None:
        position = cue.end()
        m = self.first_between(position, position + 3)
        if (
            m is None
            or not punct_gap(self.text[position : m.nstart])
            or len(self.text[position : m.nstart]) > 2
        ):
            return
        if m.actor.type not in _SPEAKER_TYPES or (self.oblique(m) and "ل" not in self.prefix(m)):
            return
        noun_speakers.append((cue.start(), m))
        end = self.np_end(m)
        rest = self.strip(
            end, min(send, end + _CONTENT_WINDOW), skip=list(self.mentions_between(end, send))
        )
        opener = self.c.opener.search(rest)
        if opener is None:
            return
        before = rest[: opener.start()]
        if m.actor.type is ActorType.ANONYMOUS:
            # "إعلان أحد كبار مسؤولي إدارة الرئيس ..., أن": the source's own description
            before = " ".join(
                w for w in before.split() if key(w.strip(",")) not in self.g.anonymous_linking
            )
        if not self.clean(before):
            return
        content = self.content(end + opener.start(), send)
        if content is None:
            return
        cue_span = (cue.start("noun"), cue.end("noun"))
        sstart = self.sentences[index][0]
        outlets = list(
            dict.fromkeys([*chain_outlets, *self.outlets(sstart, send, m.actor, content)])
        )
        self.add(m.actor, cue_span, content, outlets, index)

    def headline(self, index: int, sstart: int, send: int) -> None:
        """A headline claim: "لافروف: لن نسمح ..." at the head of a line."""
        position = lead_end(self.text, sstart)
        first = self.first_between(position, position + 3)
        if first is None or first.actor.type not in _SPEAKER_TYPES or self.oblique(first):
            return
        if first.actor.type is ActorType.ANONYMOUS or (
            first.actor.type is ActorType.PERSON and key(first.actor.name) not in self.g.surfaces
        ):
            return  # "المصدر : وكالات" is a credit line; a headline names its speaker
        if first.nstart - len(self.prefix(first)) != position:
            return
        end = self.np_end(first)
        colon = _COLON.match(self.text, end)
        if colon is None:
            return
        cue = (colon.end() - 1, colon.end())
        content = self.trim(colon.end(), send)
        if content is not None:
            while content[0] < content[1] and self.text[content[0]] == " ":
                content = (content[0] + 1, content[1])
        self.add(first.actor, cue, content, [], index)

    def standalone_chains(
        self, index: int, chains: list[_Chain], first_claim: int, send: int
    ) -> None:
        """A source-chain marker with no verb ("وحسب تونير، فإن ..."): the marker is the cue."""
        if len(self.found) > first_claim:
            return
        for ch in chains:
            speaker = (
                ch.speaker.actor
                if ch.speaker is not None
                else (ch.outlets[0] if ch.outlets else None)
            )
            if speaker is None:
                continue
            sstart = self.sentences[index][0]
            if ch.start - sstart < 3:
                after = _COMMAS.match(self.text, ch.end)
                content = self.trim(after.end() if after else ch.end, send)
            else:
                content = self.trim(sstart, ch.start)
            outlets = ch.outlets if ch.speaker is not None else ch.outlets[1:]
            marker_end = ch.start + len(self.text[ch.start : ch.end].split()[0])
            self.add(speaker, (ch.start, marker_end), content, list(outlets), index)
            return

    # ------------------------------------------------------------------ output

    def claims(self) -> tuple[Claim, ...]:
        out = []
        for f in sorted(self.found, key=lambda f: f.cue):
            cue = self.span(*f.cue)
            content = self.span(*f.content) if f.content else None
            out.append(
                Claim(
                    speaker=f.speaker,
                    cue=cue,
                    content=content,
                    source_chain=tuple(f.chain),
                    date=f.date,
                )
            )
        return tuple(out)

    def span(self, start: int, end: int) -> Span:
        ostart, oend = self.norm.original_span(start, end)
        return self.doc.article.span(ostart, oend)


#: The checks by which a reporting verb's match reports nothing, in the order tried
#: (:meth:`_Finder.rejected`): each names what the words are instead.
_VERB_CHECKS: tuple[tuple[str, Callable[..., bool]], ...] = (
    ("impersonal", _Finder._impersonal),
    ("relative", _Finder._relative),
    ("noun_in_taa", _Finder._noun_in_taa),
    ("noun_in_ya", _Finder._noun_in_ya),
    ("on_statement", _Finder._on_statement),
    ("pronoun_subject", _Finder._pronoun_subject),
    ("no_object", _Finder._no_object),
    ("described", _Finder._described),
)


def _first_equal(mentions: list[_Mention]) -> dict[int, int]:
    """For each mention (by ``id``), the index ``mentions.index`` gives: the first equal one."""
    spans = [(m.nstart, m.nend) for m in mentions]
    if len(set(spans)) == len(spans):  # equal mentions have the same span
        return {id(m): i for i, m in enumerate(mentions)}
    same_span: dict[tuple[int, int], list[int]] = {}
    out = {}
    for i, m in enumerate(mentions):
        earlier = same_span.setdefault((m.nstart, m.nend), [])
        out[id(m)] = next((j for j in earlier if mentions[j] == m), i)
        earlier.append(i)
    return out


def _media_nouns(doc: Document, g: Gazetteer, *, attached: bool = False) -> regex.Pattern[str]:
    """Nouns before an outlet's name ("وكالة"، "صحيفة"); with ``attached``, after a ل ("لوكالة")."""

    def build(_lexicon: object) -> regex.Pattern[str]:
        words = sorted(g.media_nouns) or ["\uffff"]
        lead = WORD_START + ("[وف]?ل" if attached else "")
        return compile_pattern(lead + r"(?:\L<w>)" + WORD_END + r"[\s“\"«]*$" * attached, w=words)

    return doc.lexicon.cached(("claims.media_nouns", attached), build)


def find(doc: Document, c: Cues, g: Gazetteer) -> tuple[Claim, ...]:
    finder = _Finder(doc, c, g)
    finder.run()
    return finder.claims()
