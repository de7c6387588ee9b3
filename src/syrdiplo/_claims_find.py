"""Finding claims: a cue, its speaker, the reported content, the source chain and the date.

Sentence by sentence (boilerplate skipped), in this order:

1. source-chain markers ("بحسب ما نقلته وكالة سبوتنيك عن أنتونوف"، "حسب صحيفة ...")
   give outlets for the sentence's claims and, sometimes, a speaker;
2. statement nouns followed by their author ("تصريحات شويغو"، "إعلان أحد كبار
   المسؤولين ... أن") make a claim when content follows, and offer a speaker to
   a later verb of the sentence ("... ريابكوف، في تموز الماضي، حين أكد أن");
3. reporting verbs find their speaker after them ("قال لافروف")، before them
   ("ماكنولتي قالت"، "وكان شويغو كشف")، in a source clause of the sentence, or
   else continue the previous speaker ("وأضاف"، "..., مضيفا") when nothing in
   the words after the verb could be a subject of its own;
4. a headline "لافروف: ..." is a claim of the person before the colon;
5. a source-chain marker with a speaker and no verb ("وحسب تونير، فإن ...").

A cue inside quotation marks is someone else's words and never a claim; a
name that is only mentioned (the object of "دعا"، the subject of "التقى") is
never a speaker, because speakers are taken only from these positions.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator

import attrs
import regex

from ._actors_data import Gazetteer, key
from ._claims_cues import Cues, VerbForm
from .document import Document
from .model import Actor, ActorType, Claim, Span, Zone
from .text import WORD_END, WORD_START, compile_pattern

__all__ = ["find"]

_PUNCT_GAP = regex.compile(r"[\s,;()\-–\"“”«»]*")
_SVO_GAP = regex.compile(r"[\s)”\"»]*(?:قد\s+)?")
_ABOUT = regex.compile(r"[\s”\"»]*(?:\S+\s+){0,2}?عن\s*[“\"«]?\s*")
_ADJUNCT = regex.compile(r"[\s,]*(?:في|خلال|عبر|أثناء|اثناء)\s")
_QUOTES = regex.compile(r"[\s“\"«]*")
_CLOSE = regex.compile(r"\s*\)")
_RELAYED = regex.compile(r"(?:\s+\S+){1,6}?\s+عن\s*[“\"«]?\s*")
_FIRST_WORD = regex.compile(r"[وف]?\S+\s+")
_COLON = regex.compile(r"\s*:")
_COMMAS = regex.compile(r"[\s,]*")
_QUOTE_MARK = regex.compile(r"[“”«»\"]")
_LEAD = regex.compile(r"[\s“\"«\-–•*]*")
_SPEAKER_TYPES = (ActorType.PERSON, ActorType.ORGANIZATION, ActorType.ANONYMOUS, ActorType.STATE)
_CONTINUATION_SENTENCES = 2
_CONTENT_WINDOW = 160


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
        self.sentences = [(to_norm(s.start), to_norm(s.end), s) for s in doc.sentences]
        self.timexes = [(to_norm(t.start), to_norm(t.end), t) for t in doc.timexes]
        self.quotes = _quote_spans(self.text)
        self.cues = c.find(self.text)
        self.cue_starts = [m.start() for m in self.cues]
        self.opener_positions = c.openers(self.text)
        self.found: list[_Found] = []
        self.media_nouns = _media_nouns(doc, g)
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
        return any(a < position < b for a, b in self.quotes)

    def quote_at(self, position: int) -> tuple[int, int] | None:
        for a, b in self.quotes:
            if a == position:
                return a, b
        return None

    def mentions_between(self, start: int, end: int) -> Iterator[_Mention]:
        i = bisect.bisect_left(self.starts, start)
        while i < len(self.mentions) and self.mentions[i].nstart < end:
            yield self.mentions[i]
            i += 1

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
        i = self.mentions.index(m)
        while i > 0:
            prev, here = self.mentions[i - 1], self.mentions[i]
            gap = self.text[prev.nend : here.nstart]
            same = prev.actor.canonical and prev.actor.canonical == here.actor.canonical
            bracket = gap.strip() == "(" and here.actor.type is ActorType.ORGANIZATION
            if not (same or bracket) or not _PUNCT_GAP.fullmatch(gap):
                break
            i -= 1
        return self.mentions[i]

    def np_end(self, m: _Mention) -> int:
        """The end of the speaker's noun phrase, apposed names and brackets included."""
        i = self.mentions.index(m)
        end = m.nend
        while i + 1 < len(self.mentions):
            nxt = self.mentions[i + 1]
            gap = self.text[end : nxt.nstart]
            same = nxt.actor.canonical is not None and nxt.actor.canonical == m.actor.canonical
            bracket = gap.strip() == "(" and nxt.actor.type is ActorType.ORGANIZATION
            if not (_PUNCT_GAP.fullmatch(gap) and (same or bracket)):
                break
            end = nxt.nend
            i += 1
        close = _CLOSE.match(self.text, end)
        return (
            close.end()
            if close and self.text.count("(", m.nstart, end) > self.text.count(")", m.nstart, end)
            else end
        )

    def strip(self, start: int, end: int, *, skip: list[_Mention] = ()) -> str:
        """The text between two points with dates and the given mentions blanked out."""
        chars = list(self.text[start:end])
        for tstart, tend, _ in self.timexes:
            for i in range(max(tstart, start), min(tend, end)):
                chars[i - start] = " "
        for m in skip:
            for i in range(max(m.nstart, start), min(m.nend, end)):
                chars[i - start] = " "
        return "".join(chars)

    def clean(self, text: str) -> bool:
        """Only punctuation, dates and filler words ("قال أمس، الثلاثاء، لافروف")."""
        rest = self.c.filler.sub(" ", text)
        rest = self.media_nouns.sub(" ", rest)
        return _PUNCT_GAP.fullmatch(rest) is not None

    def gender(self, actor: Actor) -> str | None:
        if actor.type is not ActorType.PERSON:
            return None
        known = self.g.gender_of(actor.canonical)
        if known and actor.name.split()[0] not in self.g.counterparts:
            return known
        first = key(actor.name.split()[0]) if actor.name else ""
        if first.endswith("ه") and not first.startswith("نظير"):
            return "f"
        if first.startswith("نظيرت"):
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
        statement = self.c.statement.match(self.text, start)
        link = statement is not None and statement.end() > start and bool(statement.group().strip())
        scan_from = statement.end() if link else start
        for m in self.mentions_between(scan_from, end):
            gap = self.strip(scan_from, m.nstart, skip=skipped)
            if self.g.is_media(m.actor.canonical) and self.addressee.search(gap):
                skipped.append(m)  # "قال لوكالة سبوتنيك مسؤول روسي": the outlet he spoke to
                scan_from = m.nend
                continue
            if not self.clean(gap):
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
                about = _ABOUT.match(self.text, m.nend)
                if about:
                    source = next(iter(self.mentions_between(about.end(), about.end() + 1)), None)
                    if source is not None and source.nstart == about.end():
                        return source, [m.actor, *chain]
            return m, chain
        return None, []

    def titled(self, start: int, end: int, form: VerbForm) -> _Mention | None:
        """A name at the end of a title the gazetteer does not know:
        "قال قائد القيادة المركزية للقوات الأميركية الجنرال مايكل كوريلا: ..."،
        "أعلن منسق الاتصالات الاستراتيجية ...، جون كيربي، أن"."""
        opener = self.opener_at(start, min(end, start + _CONTENT_WINDOW))
        stop = opener.start() if opener else min(end, start + 90)
        words = self.text[start:stop].split()
        if not words or len(words) > 14 or key(words[0].strip(",")) in self.c.no_subject:
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
            if self.oblique(m) or not self.agrees(form, m.actor):
                return None
            if any(key(w) in self.c.not_in_title for w in self.text[start : m.nstart].split()):
                return None
            if not _PUNCT_GAP.fullmatch(self.text[self.np_end(m) : stop]) and opener is not None:
                rest = self.strip(self.np_end(m), stop)
                if not self.clean(rest) and not _ADJUNCT.match(rest):
                    return None
            return m
        return None

    def relayed(self, start: int, end: int) -> tuple[_Mention | None, list[Actor]]:
        """The source after "عن": "نقلت وكالة الإعلام الروسية عن ماريا زاخاروفا"."""
        about = _RELAYED.match(self.text, start, end)
        if about is None:
            return None, []
        source = next(iter(self.mentions_between(about.end(), about.end() + 1)), None)
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

    def coordinated(self, m: _Mention) -> list[_Mention]:
        """More speakers joined by "و": "قال لافروف وكيري"، "أكد الرئيسان الروسي والأمريكي"."""
        found = []
        end = self.np_end(m)
        for nxt in self.mentions_between(end, end + 4):
            gap = self.text[end : nxt.nstart]
            if gap.strip() != "و" or nxt.actor.type is not m.actor.type:
                break
            if nxt.actor.canonical != m.actor.canonical:
                found.append(nxt)
            end = self.np_end(nxt)
        return found

    def before(self, cue_start: int, sentence_start: int, form: VerbForm) -> _Mention | None:
        """A subject written before its verb: "ماكنولتي قالت"، "أن كارتر أشار"، "وكان شويغو كشف"."""
        candidates = [
            m for m in self.mentions_between(sentence_start, cue_start) if m.nend <= cue_start
        ]
        if not candidates:
            return None
        last = candidates[-1]
        if not _SVO_GAP.fullmatch(self.text[last.nend : cue_start]):
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
        if _LEAD.fullmatch(before):
            return head
        words = before.split()
        if not words or not before[-1].isspace():
            return None
        previous = key(words[-1].strip('،,"“”«»'))
        two = key(" ".join(words[-2:])) if len(words) > 1 else previous
        if (
            previous in self.c.subject_first
            or two in self.c.subject_first
            or previous.lstrip("و") in self.c.subject_first
        ):
            return head
        return None

    def no_subject_after(self, start: int, end: int) -> bool:
        """Nothing after the verb could be its own subject ("وأضاف في حديثه"، "وتابع، “...")."""
        rest = self.strip(start, end)
        words = self.c.filler.sub(" ", rest).split()
        if not words:
            return True
        first = key(words[0].strip(',;:"“”«»()'))
        if not first or words[0][0] in ',;:"“”«»(':
            return True
        if first in self.c.no_subject or self.c.opener.fullmatch(first):
            return True
        marker = self.c.cue.fullmatch(first)
        if marker is not None and marker["chain"]:
            return True
        return first.endswith("ا") and first not in self.g.surfaces

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
        for tstart, tend, timex in self.timexes:
            if tstart < start or tend > limit or not timex.value or self.in_quote(tstart):
                continue
            if any(f.content and f.content[0] <= tstart < f.content[1] for f in self.found):
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
            tail = self.c.chain_tail.match(self.text, position)
            position = tail.end() if tail else position
            noun = self.media_nouns.match(self.text, position)
            if noun is not None:
                position = _QUOTES.match(self.text, noun.end()).end()
            first = next(iter(self.mentions_between(position, position + 1)), None)
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
                about = _ABOUT.match(self.text, first.nend)
                source = None
                if about:
                    source = next(iter(self.mentions_between(about.end(), about.end() + 1)), None)
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
        for cue in self.cues_in(sstart, send):
            if cue["chain"] or self.in_quote(cue.start()):
                continue
            if any(a <= cue.start() < b for a, b in in_chain):
                continue
            if cue["noun"]:
                self.noun(index, cue, send, noun_speakers, chain_outlets)
                continue
            form = self.c.forms[key(cue["verb"])]
            cue_span = (cue.start("verb"), cue.end("verb"))
            if key(cue["verb"]) in self.c.impersonal or self.c.relative.match(self.text, cue.end()):
                continue
            nested = self.nested(cue.start())
            if nested and form.tense == "present":
                continue  # "... أن كيري يؤكد على هذا": a description inside someone's words
            speaker, chain = None, []
            if form.tense != "participle":
                if not cue["conj"]:
                    speaker = self.before(cue.start(), sstart, form)
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
            if speaker is None and chain_speaker is not None and chain_speaker.nstart < cue.start():
                speaker = chain_speaker
            if speaker is None:
                if form.tense == "present" or not self.no_subject_after(cue.end(), send):
                    continue
                previous = self.continued(
                    index, cue.start(), first_claim, noun_speakers, form, sstart
                )
                if previous is None:
                    continue
                speaker_actor = previous
            else:
                speaker_actor = speaker.actor
            content_from = (
                self.np_end(speaker)
                if speaker is not None and speaker.nstart > cue.start()
                else cue.end()
            )
            content = self.content(content_from, send)
            if content is None:
                content = self.content_before(cue.start(), sstart)
            if form.needs_content and content is None:
                continue
            outlets = list(
                dict.fromkeys(
                    [*chain, *chain_outlets, *self.outlets(sstart, send, speaker_actor, content)]
                )
            )
            self.add(speaker_actor, cue_span, content, outlets, index)
            if speaker is not None and speaker.nstart > cue.start():
                for other in self.coordinated(speaker):
                    self.add(other.actor, cue_span, content, outlets, index)
        self.standalone_chains(index, chains, first_claim, send)

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

    def nested(self, position: int) -> bool:
        """Inside the content of a claim already found ("ذكرت مصادر أن كارتر أشار ...")."""
        return any(f.content and f.content[0] <= position < f.content[1] for f in self.found)

    def main_subject(self, sstart: int, position: int) -> _Mention | None:
        """The subject of the verb opening the sentence ("شككت وزارة الدفاع ... معتبرة")."""
        lead = _LEAD.match(self.text, sstart)
        first_word = _FIRST_WORD.match(self.text, lead.end() if lead else sstart)
        if first_word is None:
            return None
        m = next(iter(self.mentions_between(first_word.end(), position)), None)
        if m is None or not self.clean(self.strip(first_word.end(), m.nstart)) or self.oblique(m):
            return None
        if any(x.nstart <= first_word.start() < x.nend for x in self.mentions):
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
        for f in reversed(self.found):
            if index - f.sentence <= _CONTINUATION_SENTENCES and self.agrees(form, f.speaker):
                return f.speaker
            break
        return None

    def content_before(self, cue_start: int, sstart: int) -> tuple[int, int] | None:
        """After "حسبما أفادت وزارة الدفاع" the reported part is the sentence before the marker."""
        before = self.text[sstart:cue_start].rstrip()
        for marker in ("حسبما", "وفق ما", "بحسب ما", "حسب ما", "وفقا لما", "طبقا لما"):
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
        m = next(iter(self.mentions_between(position, position + 3)), None)
        if (
            m is None
            or not _PUNCT_GAP.fullmatch(self.text[position : m.nstart])
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
        lead = _LEAD.match(self.text, sstart)
        position = lead.end() if lead else sstart
        first = next(iter(self.mentions_between(position, position + 3)), None)
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


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """Quotations as (opening mark, closing mark) offsets, within a line.

    “…” and «…» pair up with a stack. A straight quote opens when a letter follows
    it and no letter precedes it, and closes in the mirror case; one left open at
    the end of the line is taken as a stray mark, not as a quotation.
    """
    spans: list[tuple[int, int]] = []
    closers = {"”": "“", "»": "«"}
    stack: list[tuple[str, int]] = []
    line_end = -1
    for mark in _QUOTE_MARK.finditer(text):
        i, ch = mark.start(), mark.group()
        if i > line_end:
            # an unclosed “ or « runs to the end of its line; an unclosed " is a stray mark
            spans.extend((position, line_end) for kind, position in stack if kind != '"')
            stack = []
            newline = text.find("\n", i)
            line_end = newline if newline >= 0 else len(text)
        if ch in "“«":
            stack.append((ch, i))
        elif ch in closers:
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == closers[ch]:
                    spans.append((stack[depth][1], i))
                    del stack[depth:]
                    break
        else:
            before = text[i - 1] if i > 0 and text[i - 1] != "\n" else " "
            if before in "لبو" and (i < 2 or not text[i - 2].isalnum()):
                before = " "  # "لـ\"الحرة\"": an attached preposition before the opening mark
            after = text[i + 1] if i + 1 < len(text) and text[i + 1] != "\n" else " "
            opening = not before.isalnum() and (after.isalnum() or after in "“«")
            if opening and not (stack and stack[-1][0] == '"' and not after.isalnum()):
                stack.append(('"', i))
                continue
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == '"':
                    spans.append((stack[depth][1], i))
                    del stack[depth:]
                    break
    spans.extend((position, line_end) for kind, position in stack if kind != '"')
    return sorted(spans)


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
