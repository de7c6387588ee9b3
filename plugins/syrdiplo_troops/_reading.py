"""Reading troop figures in one document: which figures are troops, whose, where, what change.

Everything works on the normalised text (``doc.normalized.text``); offsets are
mapped back to the original text only when spans are made. The steps for each
figure in a body sentence:

1. the **unit** after it: a troop noun (``900 جندي``, ``2000 من القوات``), a
   weak noun that something military licenses (``عنصر من الشرطة العسكرية``,
   ``مستشار عسكري``), a "number of troops" phrase before a bare figure
   (``عدد القوات الأمريكية نحو 900``), or "and N more" after a troop figure
   (``و2500 آخرين في العراق``). Figures without one are not troops.
2. **not troops**: casualties, captives and trainees (``مقتل 4 جنود``), armed
   groups that are no state (``عنصر من قسد``), ranges (``بين 500 و600``),
   vague figures (``آلاف الجنود``) and small ones (below ``min_count``).
3. the **country**: a nationality word right after the unit (``جندي أمريكي``),
   else the nearest possible owner before the figure in the sentence (see
   ``[owners]`` in the data), else an unambiguous military owner in the sentence
   before on the same line.
4. the **qualifier**, **change**, **location**, **date** and **claim**.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator

import attrs
import regex

import syrdiplo

from ._lexicon import NAME_KINDS, TroopLexicon
from ._numbers import Figure

__all__ = ["Occurrence", "read_document"]

_SKIPPED_ZONES = frozenset({syrdiplo.Zone.BOILERPLATE, syrdiplo.Zone.CAPTION})
_CHANGE = syrdiplo.TroopChange
_OWNER_GAP = 60  # how far back an owner noun may stand before its adjective
_TRIGGER_TOKENS = 6  # how many words may stand between a change word and the figure
_COORDINATION = regex.compile(r"[\s,و]*")
_NEAR = 4  # owners this close to the sentence may be coordinated with one inside it
_PLACE_REACH = 26  # a place may stand up to 25 characters after a figure
_CLOSING = frozenset(".!?؟:;؛")  # marks that end a line as a sentence or a heading
_NON_STATE_MARGIN = 60  # non-state groups are looked for this far around what is asked


@attrs.frozen
class Occurrence:
    """One troop figure read from the text (normalised offsets in ``spans``)."""

    country: str | None
    count: int
    approximate: bool
    bound: str | None
    location: str | None
    change: syrdiplo.TroopChange
    date: str | None
    claim: syrdiplo.Claim | None
    spans: tuple[tuple[int, int, str], ...]


@attrs.frozen
class _Owner:
    """A mention that can own troops (normalised offsets)."""

    start: int
    end: int
    code: str
    kind: str  # military | official | civil | person


@attrs.frozen
class _Place:
    start: int
    end: int
    canonical: str
    kind: str
    pre: str


@attrs.frozen
class _Unit:
    start: int
    end: int
    kind: str  # strong | weak | force | definite | borrowed | elliptic | number_of
    force_start: int | None = None


class _ActorIndex:
    """Actor mentions that carry a country, found by their original offsets."""

    def __init__(self, actors: Iterable[syrdiplo.Actor]) -> None:
        rows = [
            (a.start, a.end, i, a)
            for i, a in enumerate(actors)
            if a.country is not None and a.start is not None and a.end is not None
        ]
        rows.sort(key=lambda r: (r[0], r[2]))
        self._rows = rows
        self._starts = [r[0] for r in rows]
        self._longest = max((r[1] - r[0] for r in rows), default=0)

    def overlapping(
        self, first: int | None, last: int | None
    ) -> list[tuple[int, int, syrdiplo.Actor]]:
        """Mentions starting at or before ``last`` and ending after ``first`` (``None``: no limit)."""
        low = 0 if first is None else bisect.bisect_right(self._starts, first - self._longest)
        high = len(self._rows) if last is None else bisect.bisect_right(self._starts, last)
        rows = [r for r in self._rows[low:high] if first is None or r[1] > first]
        rows.sort(key=lambda r: r[2])  # back in the order of the actors
        return [(s, e, a) for s, e, _, a in rows]


class _DocumentReader:
    """The document-wide part of reading: figures, and owners and places near them.

    Owners and places are found only in the sentences that need them (around a
    troop figure), and give the same mentions a scan of the whole text would.
    """

    def __init__(self, doc: syrdiplo.Document, lex: TroopLexicon) -> None:
        self.doc = doc
        self.lex = lex
        self.text = doc.normalized.text
        self._owners: dict[tuple[int, int], list[_Owner]] = {}
        self._places: dict[tuple[int, int], list[_Place]] = {}
        self._actors: _ActorIndex | None = None
        self._non_states: list[tuple[int, int, list[tuple[int, int]]]] = []
        #: The country of the last troop figure read with one: "the forces" of a later
        #: "بلغت أعداد القوات 900" with no owner of their own are those.
        self.last_country: str | None = None

    # ------------------------------------------------------------------ mentions

    def _non_state(self, start: int, end: int) -> list[tuple[int, int]]:
        """The armed groups that are no state ("قسد") overlapping ``[start, end)`` (and maybe more).

        Found for a wider stretch and kept: owners and places of a sentence
        ask for nearly the same stretch.
        """
        for low, high, spans in self._non_states[-2:]:  # asked for in text order
            if low <= start and end <= high:
                return spans
        low, high = start - _NON_STATE_MARGIN, end + _NON_STATE_MARGIN
        found = self.lex.non_state_finder.overlapping(self.text, low, high)
        spans = [(m.start(), m.end()) for m in found]
        self._non_states.append((low, high, spans))
        return spans

    def _owner_noun(self, position: int, gap: int = 2) -> str | None:
        """The class of the owner noun standing just before ``position`` (0 to ``gap`` words between)."""
        low = max(0, position - _OWNER_GAP)
        # where a noun may start: the patterns differ only after the noun
        starts = self.lex.owner_noun_finder.starts(self.text, low, position)
        for pattern in self.lex.owner_noun[: gap + 1]:
            match = _first_match(pattern, self.text, starts, position)
            if match:
                for kind in ("military", "official", "civil", "media"):
                    if match.group(kind):
                        return kind
        return None

    def _not_owner_place(self, start: int, pre: str) -> bool:
        """A name used as a place or another party: "في سوريا", "مع روسيا", "بسوريا"."""
        if "ب" in pre or "ك" in pre:
            return True
        return bool(self.lex.not_owner_before.search(self.text, max(0, start - 25), start))

    def owners(self, start: int, end: int) -> list[_Owner]:
        """Every possible owner overlapping ``[start, end)``, ordered by position."""
        key = (start, end)
        if key not in self._owners:
            self._owners[key] = self._find_owners(start, end)
        return self._owners[key]

    def _find_owners(self, start: int, end: int) -> list[_Owner]:
        actors = self._actors_overlapping(start, end)
        low = min([start, *(a[0] for a in actors)])
        high = max([end, *(a[1] for a in actors)])
        matches = self._country_matches(low, high)
        if matches:
            low, high = min(low, matches[0].start()), max(high, matches[-1].end())
        non_state = self._non_state(low, high)
        owners, seen = self._country_owners(matches, non_state)
        found = [o for o in owners if o.start < end and start < o.end]
        found.extend(self._actor_owners(actors, seen, non_state))
        return sorted(found, key=lambda o: (o.start, o.end))

    def _country_matches(self, start: int, end: int) -> list[regex.Match[str]]:
        """The country words overlapping ``[start, end)``, with enough before them to judge them.

        Whether a name is coordinated with an excluded one ("في روسيا وإيران")
        depends on the country word just before it, so the scan starts where
        the first word found stands clear of anything before the cut.
        """
        finder = self.lex.country_finder
        cut = finder.safe_cut(self.text, start)
        matches = list(finder.from_cut(self.text, cut, end))
        while cut > 0 and matches and matches[0].start() - cut < 3:
            earlier = finder.safe_cut(self.text, max(0, cut - 3))
            matches[:0] = finder.from_cut(self.text, earlier, cut)
            cut = earlier
        return matches

    def _country_owners(
        self, matches: list[regex.Match[str]], non_state: list[tuple[int, int]]
    ) -> tuple[list[_Owner], list[tuple[int, int]]]:
        """The owners among consecutive country words, and every country word judged from the data."""
        lex = self.lex
        owners: list[_Owner] = []
        seen: list[tuple[int, int]] = []
        excluded_end = -10
        for match in matches:
            form = lex.country_form(match)
            if form is None or _inside(non_state, match.start(), match.end()):
                continue
            seen.append((match.start(), match.end()))
            start, pre = match.start(), match.group("pre")
            kind: str | None
            if form.kinds & NAME_KINDS or any(k.startswith("institution") for k in form.kinds):
                # a name owns by itself, unless it is a place or another party
                coordinated = pre.startswith("و") and start - excluded_end <= 2
                noun = self._owner_noun(start, gap=0)
                if coordinated or noun == "media" or self._not_owner_place(start, pre):
                    kind = None
                elif "institution_military" in form.kinds:
                    kind = "military"
                else:
                    kind = noun or "civil"
            else:
                # an adjective owns after an owner noun: القوات الأمريكية، مسؤولون أمريكيون
                noun = self._owner_noun(start)
                kind = None if noun == "media" else noun
            if kind is None:
                excluded_end = match.end()
                continue
            owners.append(_Owner(start=start, end=match.end(), code=form.code, kind=kind))
        return owners, seen

    def _actors_overlapping(self, start: int, end: int) -> list[tuple[int, int, syrdiplo.Actor]]:
        """Actor mentions that carry a country and overlap ``[start, end)``, in normalised offsets.

        Told in original offsets first, so that only the few near ones are mapped:
        a mention starts before normalised ``end`` iff it starts at or before the
        original offset of ``end - 1``, and ends after normalised ``start`` iff it
        ends after the original offset of ``start``. In the order of ``doc.actors``.
        """
        if self._actors is None:
            self._actors = _ActorIndex(self.doc.actors)
        normalized, size = self.doc.normalized, len(self.text)
        if end <= 0 or start >= size:
            return []
        last = normalized.original_offset(end - 1) if end <= size else None
        first = normalized.original_offset(start) if start >= 0 else None
        found = []
        for ostart, oend, actor in self._actors.overlapping(first, last):
            nstart, nend = normalized.to_normalized(ostart), normalized.to_normalized(oend)
            if nend > nstart:
                found.append((nstart, nend, actor))
        return found

    def _actor_owners(
        self,
        actors: list[tuple[int, int, syrdiplo.Actor]],
        seen: list[tuple[int, int]],
        non_state: list[tuple[int, int]],
    ) -> Iterator[_Owner]:
        """The owners among actor mentions (``seen``: the country words judged already)."""
        for start, end, actor in actors:
            if _inside(non_state, start, end):
                continue
            code = actor.country
            assert code is not None
            if actor.type is syrdiplo.ActorType.STATE:
                # a country word judged from the data already (an adjective after a
                # media noun is no owner, even if the actor stage calls it a state)
                if any(s < end and start < e for s, e in seen):
                    continue
                if self._not_owner_place(start, "") or self._owner_noun(start, gap=0) == "media":
                    continue
                kind = "civil"
            elif actor.type is syrdiplo.ActorType.ORGANIZATION:
                # only military bodies: an outlet ("سبوتنيك") reports, it owns no troops;
                # civil institutions are found from the data (الكرملين، البيت الأبيض)
                if self.lex.media_start.match(
                    self.text, start
                ) or not self.lex.military_noun.search(self.text, start, end):
                    continue
                kind = "military"
            elif actor.type is syrdiplo.ActorType.ANONYMOUS:
                kind = "official"
            else:
                # a person named as an ally or another party ("حليفة لعائلة الأسد",
                # "إلى جانب نظام الأسد", "بالتنسيق مع بوتين") owns nothing here
                if self._not_owner_place(start, ""):
                    continue
                kind = "person"
            yield _Owner(start=start, end=end, code=code, kind=kind)

    def places(self, start: int, end: int) -> list[_Place]:
        """Every place name overlapping ``[start, end)``, in order."""
        key = (start, end)
        if key not in self._places:
            self._places[key] = self._find_places(start, end)
        return self._places[key]

    def _find_places(self, start: int, end: int) -> list[_Place]:
        matches = self.lex.place_finder.overlapping(self.text, start, end)
        if not matches:
            return []
        non_state = self._non_state(matches[0].start(), matches[-1].end())
        places = []
        for match in matches:
            found = self.lex.place_of(match)
            if found is None or _inside(non_state, match.start(), match.end()):
                continue
            canonical, kind = found
            places.append(
                _Place(
                    start=match.start(),
                    end=match.end(),
                    canonical=canonical,
                    kind=kind,
                    pre=match.group("pre"),
                )
            )
        return places

    # ------------------------------------------------------------------ sentences

    def read(self) -> Iterator[Occurrence]:
        normalized = self.doc.normalized
        figures = self.lex.reader.find(self.text)
        if not figures:
            return
        # where each figure starts and ends in the original text, to find its sentence
        firsts = [normalized.original_offset(f.start) for f in figures]
        lasts = [normalized.original_offset(f.end - 1) for f in figures]
        sentences = self.doc.sentences
        # Short lines after the last body sentence are link lists more often than
        # subheadings ("واشنطن ترسل 1500 جندي إلى الخليج" under the story).
        body = [i for i, s in enumerate(sentences) if s.zone is syrdiplo.Zone.BODY]
        last_body = body[-1] if body else len(sentences)

        def skipped(index: int) -> bool:
            sentence = sentences[index]
            trailing = index > last_body and sentence.zone is syrdiplo.Zone.HEADING
            return sentence.zone in _SKIPPED_ZONES or trailing

        for index, sentence in enumerate(sentences):
            first = bisect.bisect_left(firsts, sentence.start)
            if first == len(figures) or firsts[first] >= sentence.end or skipped(index):
                continue
            inside = [
                figures[i]
                for i in range(first, bisect.bisect_left(firsts, sentence.end))
                if lasts[i] < sentence.end
            ]
            if not inside:
                continue
            start = normalized.to_normalized(sentence.start)
            end = normalized.to_normalized(sentence.end)
            before = None
            previous = sentences[index - 1] if index > 0 and not skipped(index - 1) else None
            if previous is not None and _continues(self.doc.text, previous, sentence):
                # the sentence before, on the same line or hard-wrapped into this one
                before = (
                    normalized.to_normalized(previous.start),
                    normalized.to_normalized(previous.end),
                )
            for occurrence in _SentenceReader(self, sentence, start, end, inside, before).read():
                if occurrence.country is not None:
                    self.last_country = occurrence.country
                yield occurrence


class _SentenceReader:
    def __init__(
        self,
        reader: _DocumentReader,
        sentence: syrdiplo.Sentence,
        start: int,
        end: int,
        figures: list[Figure],
        previous: tuple[int, int] | None,
    ) -> None:
        self.reader = reader
        self.doc = reader.doc
        self.lex = reader.lex
        self.text = reader.text
        self.sentence = sentence
        self.start = start
        self.end = end
        self.figures = figures
        self.previous = previous
        # computed when first asked for, by figure index: most figures are no troops
        self._qualifiers: dict[int, regex.Match[str] | None] = {}
        self._units: dict[int, _Unit | None] = {}
        self._pairs: dict[int, str | None] = {}
        self._numbers_of: dict[int, bool] = {}
        self._phrase_starts: list[int] | None = None
        # the troop figures read so far in this sentence, by figure index
        self.read_so_far: dict[int, tuple[Occurrence, _Unit]] = {}

    # ------------------------------------------------------------------ helpers

    def _qualifier(self, index: int) -> regex.Match[str] | None:
        """The qualifier right before the figure ("نحو", "أكثر من")."""
        if index not in self._qualifiers:
            figure = self.figures[index]
            self._qualifiers[index] = self.lex.qualifier_before_finder.search(
                self.text, max(self.start, figure.start - 30), figure.start
            )
        return self._qualifiers[index]

    def _lead(self, index: int) -> int:
        """Where the figure's phrase starts: its qualifier, else the figure."""
        qualifier = self._qualifier(index)
        return qualifier.start() if qualifier else self.figures[index].start

    def _range(self, index: int) -> tuple[str, int, str] | None:
        """If the figure is an end of a range: (first|second, other index, between|from).

        A figure that would close one range and open the next opens the next.
        """
        if index + 1 < len(self.figures):
            kind = self._pair(index)
            if kind is not None:
                return ("first", index + 1, kind)
        if index > 0:
            kind = self._pair(index - 1)
            if kind is not None:
                return ("second", index - 1, kind)
        return None

    def _pair(self, i: int) -> str | None:
        """Whether figures ``i`` and ``i + 1`` make a range: its kind, between or from."""
        if i not in self._pairs:
            self._pairs[i] = self._pair_kind(i)
        return self._pairs[i]

    def _pair_kind(self, i: int) -> str | None:
        first, second = self.figures[i], self.figures[i + 1]
        gap = self.lex.range_gap.fullmatch(self.text, first.end, self._lead(i + 1))
        if gap is None:
            return None
        join = (gap.group("join") or "").strip()
        if not join and second.proclitic.startswith("و"):
            join = "و"
        if not join:
            return None
        lead = self._lead(i)
        before = self.lex.range_before.search(self.text, max(self.start, lead - 12), lead)
        if join in self.lex.range_joins_need_before:
            if before is None:
                return None
            from_to = join in self.lex.range_to and before.group().strip() in self.lex.range_from
            return "from" if from_to else "between"
        return "between"

    def _owners(self) -> list[_Owner]:
        """The possible owners in the sentence and within a few characters of it."""
        return self.reader.owners(self.start - _NEAR, self.end + _NEAR)

    def _places(self) -> list[_Place]:
        """The place names in the sentence and just after it (a place may follow the figure)."""
        return self.reader.places(self.start, self.end + _PLACE_REACH)

    def _words_between(self, start: int, end: int) -> int:
        return len(self.text[start:end].split())

    # ------------------------------------------------------------------ the unit

    def _unit(self, index: int) -> _Unit | None:
        if index not in self._units:
            self._units[index] = self._find_unit(index)
        return self._units[index]

    def _find_unit(self, index: int) -> _Unit | None:
        figure, text, lex = self.figures[index], self.text, self.lex
        match = lex.unit.match(text, figure.end)
        if match is None:
            return None
        if match.group("strong"):
            kind = "strong"
        elif match.group("weak"):
            kind = "weak"
        elif match.group("force"):
            kind = "force"
        else:
            kind = "definite"
        return _Unit(
            start=match.start() + len(match.group()) - len(match.group().lstrip()),
            end=match.end(),
            kind=kind,
            force_start=match.start("force") if kind == "force" else None,
        )

    def _may_stand_bare(self, index: int) -> bool:
        """Whether a figure with no unit after it may still be read as troops (a quick test).

        Only if a neighbour has a unit to lend (a range), the figure before was
        read (an ellipsis), it stands after "عدد القوات", or it is "الـ900".
        """
        return (
            (index > 0 and self._unit(index - 1) is not None)
            or (index + 1 < len(self.figures) and self._unit(index + 1) is not None)
            or index - 1 in self.read_so_far
            or self.figures[index].proclitic.strip() in ("ال", "بال")
            or self._number_of_context(index)
        )

    def _number_of_starts(self) -> list[int]:
        """Where a "number of troops" phrase may start in the sentence (a superset)."""
        if self._phrase_starts is None:
            self._phrase_starts = self.lex.number_of_finder.starts(self.text, self.start, self.end)
        return self._phrase_starts

    def _number_of_before(self, index: int) -> bool:
        """A phrase like "عدد القوات" or "قوامها" before the figure, in the sentence.

        "عدد الجنود الذين أصيبوا ... إلى 34" counts casualties: a casualty word
        between the phrase and the figure makes it no troop figure.
        """
        return self._number_of_phrase(index) is not None

    def _number_of_phrase(self, index: int) -> regex.Match[str] | None:
        """The last "عدد القوات" phrase before the figure, unless a casualty word follows it."""
        lead = self._lead(index)
        text, lex = self.text, self.lex
        found = None
        low = max(self.start, lead - lex.window)
        for match in lex.number_of_finder.finditer(text, low, lead):
            found = match
        if found is None or lex.blocker_any.search(text, found.start(), lead):
            return None
        return found

    def _levelled_subject(self, index: int) -> bool:
        """ "بلغت أعداد القوات وفق المعلن 900": a level verb before the phrase, the
        figure the first one after it (the predicate, with a source or place between).
        """
        text, lex = self.text, self.lex
        phrase = self._number_of_phrase(index)
        if phrase is None:
            return False
        if index > 0 and self.figures[index - 1].start >= phrase.start():
            return False
        return bool(
            lex.level_word_before.search(text, max(self.start, phrase.start() - 20), phrase.start())
        )

    def _number_of_context(self, index: int) -> bool:
        """A bare figure after "عدد القوات ..." with a level word right before it."""
        if index not in self._numbers_of:
            self._numbers_of[index] = self._find_number_of_context(index)
        return self._numbers_of[index]

    def _find_number_of_context(self, index: int) -> bool:
        figure, text, lex = self.figures[index], self.text, self.lex
        # the cheap tests first: a place where the phrase may start before the
        # figure, and what follows the figure; the phrase itself is searched for last
        phrases = self._number_of_starts()
        if not phrases or phrases[0] >= figure.start:
            return False
        if not lex.bare_after.match(text, figure.end, self.end):
            return False
        lead = self._lead(index)
        levelled = (
            self._qualifier(index) is not None
            or figure.proclitic.strip() in ("ب", "ال", "بال")
            or lex.level_word_before.search(text, max(self.start, lead - 20), lead)
        )
        if levelled:
            return self._number_of_before(index)
        return self._levelled_subject(index)

    def _elliptic(self, index: int) -> tuple[Occurrence, _Unit] | None:
        """ "و2500 آخرين في العراق" after a troop figure: the antecedent's reading."""
        figure = self.figures[index]
        antecedent = self.read_so_far.get(index - 1)
        if antecedent is None:
            return None
        qualifier = self._qualifier(index)
        joined = figure.proclitic.startswith("و") or (
            qualifier is not None and qualifier.group().startswith("و")
        )
        if not joined:
            return None
        if figure.start - self.figures[index - 1].end > self.lex.window:
            return None
        if (
            self.lex.others.match(self.text, figure.end)
            or self._locative_follows(figure.end)
            or self._adjective_after(figure.end)[0] is not None  # "و900 بريطاني"
        ):
            return antecedent
        return None

    # ------------------------------------------------------------------ whose

    def _adjective_after(
        self, position: int
    ) -> tuple[str | None, tuple[int, int] | None, int, bool]:
        """A nationality word after the unit: ``(code, span, end of the scan, ambiguous)``.

        Military words may come between (``500 جندي مظلي روسي``, ``عنصر من الشرطة
        العسكرية الروسية``); a country name counts only right after the unit
        (``جنود روسيا``) or with ``ل`` (``تابعين للولايات المتحدة``), never after
        ``من`` (``سحب 900 جندي من سوريا`` names a place).
        """
        text, lex = self.text, self.lex
        codes: list[tuple[str, int, int]] = []
        p = position
        previous_word: str | None = None
        for _ in range(8):
            q = p
            while q < self.end and text[q] == " ":
                q += 1
            match = lex.country.match(text, q, self.end)
            if match is not None and previous_word not in lex.place_before:
                form = lex.country_form(match)
                pre = match.group("pre")
                if form is not None and "ب" not in pre and "ك" not in pre:
                    as_name = bool(form.kinds & {"name", "people"}) and (
                        p == position or "ل" in pre
                    )
                    if "adjective" in form.kinds or as_name:
                        codes.append((form.code, match.start("form"), match.end()))
                        p, previous_word = match.end(), None
                        continue
            if codes:
                break
            modifier = lex.modifier.match(text, p, self.end)
            if modifier is None:
                break
            previous_word = modifier.group().strip().lstrip("و") or "و"
            p = modifier.end()
        if not codes:
            return None, None, p, False
        distinct = {code for code, _, _ in codes}
        span = (codes[0][1], codes[0][2])
        if len(distinct) > 1:
            return None, None, p, True
        return codes[0][0], span, p, False

    def _locative_follows(self, position: int) -> bool:
        """A place right after ``position``, as a place ("في العراق", "بسوريا")."""
        for place in self._places():
            if position <= place.start <= position + 25 and (
                "ب" in place.pre
                or self.lex.location_before.search(self.text, position, place.start)
            ):
                return True
        return False

    def _owner_before(self, lead: int) -> tuple[_Owner | None, bool]:
        """The nearest owner before ``lead`` in the sentence: ``(owner, ambiguous)``."""
        text, lex = self.text, self.lex
        owners = self._owners()
        candidates = [o for o in owners if self.start <= o.start and o.end <= lead]
        for owner in reversed(candidates):
            between = text[owner.end : lead]
            if ";" in between:
                break
            said = lex.complementizer.search(between)
            if (
                said is not None
                and owner.kind not in ("military", "official")
                and not lex.resumptive.search(text, said.end(), lead)
            ):
                continue
            for other in owners:
                if other.code == owner.code:
                    continue
                gap = (
                    text[other.end : owner.start]
                    if other.end <= owner.start
                    else text[owner.end : other.start]
                )
                if (
                    len(gap) <= 3
                    and _COORDINATION.fullmatch(gap)
                    and ("و" in gap or text[max(other.start, owner.start)] == "و")
                ):
                    return None, True
            return owner, False
        return None, False

    def _owner_in_previous(self) -> _Owner | None:
        """The owner of the sentence before, on the same line, when it is one military one.

        Only when every owner in the sentence before is of the same country
        ("أعلنت القوات الأمريكية ... . ويتمركز نحو 900 جندي ..."), and this
        sentence names no possible owner of another country.
        """
        if self.previous is None:
            return None
        start, end = self.previous
        found = [o for o in self.reader.owners(start, end) if start <= o.start and o.end <= end]
        codes = {o.code for o in found}
        if len(codes) != 1 or not any(o.kind == "military" for o in found):
            return None
        if any(
            self.start <= o.start and o.end <= self.end and o.code not in codes
            for o in self._owners()
        ):
            return None
        return found[-1]

    # ------------------------------------------------------------------ change, place, date

    def _change(
        self, lead: int, reach: int = _TRIGGER_TOKENS
    ) -> tuple[syrdiplo.TroopChange | None, tuple[int, int] | None, str | None]:
        """The change word nearest before the figure: ``(change, span, raw kind)``."""
        text, lex = self.text, self.lex
        low = max(self.start, lead - 90)
        last = None
        for match in lex.trigger_finder.finditer(text, low, lead):
            last = match
        if last is None or self._words_between(last.end(), lead) > reach:
            return None, None, None
        kind = last.lastgroup or "level"
        span = (last.start(), last.end())
        if kind in ("deploy", "withdraw") and lex.head.search(text, last.end(), lead):
            return _CHANGE.LEVEL, None, "level"
        if kind in ("increase", "decrease"):
            to = lex.to_before.search(text, max(self.start, lead - 8), lead)
            if to:
                change = _CHANGE.INCREASE_TO if kind == "increase" else _CHANGE.DECREASE_TO
            else:
                change = _CHANGE.DEPLOY if kind == "increase" else _CHANGE.WITHDRAW
            return change, span, kind
        if kind == "level":
            return _CHANGE.LEVEL, None, kind
        return (_CHANGE.DEPLOY if kind == "deploy" else _CHANGE.WITHDRAW), span, kind

    def _is_locative(self, place: _Place) -> bool:
        if "ب" in place.pre or place.kind in ("base", "region"):
            return True
        return bool(
            self.lex.location_before.search(self.text, max(0, place.start - 20), place.start)
        )

    def _location(self, after: int, lead: int) -> _Place | None:
        limit = min(self.end, after + self.lex.window)
        places = self._places()
        for place in places:
            if after <= place.start < limit and self._is_locative(place):
                return place
        for place in reversed(places):
            if self.start <= place.start and place.end <= lead and self._is_locative(place):
                return place
        return None

    def _date(self, start: int, end: int) -> str | None:
        dated = [
            t
            for t in self.doc.timexes_in(self.sentence.start, self.sentence.end)
            if t.value is not None
        ]
        if not dated:
            return None
        nearest = min(dated, key=lambda t: min(abs(t.start - end), abs(t.end - start)))
        return nearest.value

    # ------------------------------------------------------------------ figures

    def read(self) -> Iterator[Occurrence]:
        for index in range(len(self.figures)):
            found = self._read_figure(index)
            if found is not None:
                yield found[0]

    def _qualification(
        self, index: int, scan_end: int
    ) -> tuple[bool, str | None, tuple[int, int] | None]:
        """``(approximate, bound, span)`` from a qualifier before the figure or after its unit."""
        match = self._qualifier(index)
        if match is None:
            match = self.lex.qualifier_after.match(self.text, scan_end, self.end)
        if match is None:
            return False, None, None
        bound = "lower" if match.group("lower") else "upper" if match.group("upper") else None
        words = match.group()
        start = match.start() + len(words) - len(words.lstrip())
        return True, bound, (start, match.start() + len(words.rstrip()))

    def _change_of(
        self, index: int, unit: _Unit, antecedent: tuple[Occurrence, _Unit] | None
    ) -> tuple[syrdiplo.TroopChange | None, tuple[int, int] | None]:
        """The change and its trigger span; ``None`` for a range that is no change."""
        in_range = self._range(index)
        if in_range is None:
            change, span, _kind = self._change(self._lead(index))
            if change is None and antecedent is not None:
                change = antecedent[0].change
            change = change or _CHANGE.LEVEL
            if change is _CHANGE.LEVEL and self.lex.deploy_after.match(
                self.text, unit.end, self.end
            ):
                change = _CHANGE.DEPLOY
            return change, span
        # "من 2000 إلى 1400 جندي" after a word of raising or cutting: the first figure
        # is the level before, the second the level after; governed from before the first
        change, span, kind = self._change(self._lead(min(index, in_range[1])), 9)
        if kind not in ("increase", "decrease"):
            return None, None
        if in_range[0] == "first":
            return _CHANGE.LEVEL, None
        return (_CHANGE.INCREASE_TO if kind == "increase" else _CHANGE.DECREASE_TO), span

    def _read_figure(self, index: int) -> tuple[Occurrence, _Unit] | None:
        figure, text, lex = self.figures[index], self.text, self.lex
        if figure.value is None or figure.value < lex.min_count:
            return None
        unit = self._unit(index)
        if unit is None and not self._may_stand_bare(index):
            return None
        lead = self._lead(index)
        in_range = self._range(index)
        if in_range is not None and in_range[2] == "between":
            return None

        # 1. the unit
        antecedent: tuple[Occurrence, _Unit] | None = None
        if unit is None and in_range is not None:
            borrowed = self._unit(in_range[1])
            if borrowed is not None:
                unit = attrs.evolve(borrowed, kind="borrowed")
        if unit is None:
            antecedent = self._elliptic(index)
            if antecedent is not None:
                unit = _Unit(start=figure.end, end=figure.end, kind="elliptic")
            elif self._number_of_context(index):
                unit = _Unit(start=figure.end, end=figure.end, kind="number_of")
            elif (
                figure.proclitic.strip() in ("ال", "بال")
                and self.reader._owner_noun(lead) == "military"
            ):
                unit = _Unit(start=figure.end, end=figure.end, kind="number_of")
            else:
                return None

        # 2. not troops
        if lex.non_state_at.match(text, unit.end) or (
            unit.force_start is not None and lex.non_state_at.match(text, unit.force_start)
        ):
            return None
        if lex.blocker_before_finder.search(text, max(self.start, lead - 40), lead):
            return None

        # 3. whose
        code, country_span, scan_end, ambiguous = self._adjective_after(unit.end)
        if ambiguous:
            return None
        if unit.kind == "weak" and code is None:
            licensed = lex.weak_license.match(text, unit.end) or self._number_of_before(index)
            if not licensed:
                return None
        if lex.blocker_after.match(text, scan_end, self.end):
            return None
        if code is None and antecedent is not None:
            code = antecedent[0].country
        if code is None:
            owner, ambiguous = self._owner_before(lead)
            if ambiguous:
                return None
            if owner is None and unit.kind != "weak":
                owner = self._owner_in_previous()
            if owner is not None:
                code = owner.code
                if self.start <= owner.start:
                    country_span = (owner.start, owner.end)
            elif unit.kind == "number_of" and not ambiguous:
                # "بلغت أعداد القوات 900": the forces the article has been counting
                code = self.reader.last_country

        # 4. qualifier, change, place, date, claim
        approximate, bound, qualifier_span = self._qualification(index, scan_end)
        change, trigger_span = self._change_of(index, unit, antecedent)
        if change is None:
            return None

        place = self._location(scan_end, lead)
        spans: list[tuple[int, int, str]] = [(figure.number_start, figure.end, "count")]
        if qualifier_span is not None:
            spans.append((*qualifier_span, "qualifier"))
        if unit.end > unit.start:
            spans.append((unit.start, unit.end, "unit"))
        if country_span is not None:
            spans.append((*country_span, "country"))
        if place is not None:
            spans.append((place.start + len(place.pre), place.end, "location"))
        if trigger_span is not None:
            spans.append((*trigger_span, "trigger"))

        ostart, oend = self.doc.normalized.original_span(figure.number_start, figure.end)
        occurrence = Occurrence(
            country=code,
            count=figure.value,
            approximate=approximate,
            bound=bound,
            location=place.canonical if place is not None else None,
            change=change,
            date=self._date(ostart, oend),
            claim=self.doc.claim_for(ostart, oend),
            spans=tuple(sorted(spans)),
        )
        self.read_so_far[index] = (occurrence, unit)
        return occurrence, unit


def _first_match(
    pattern: regex.Pattern[str], text: str, starts: list[int], end: int
) -> regex.Match[str] | None:
    """``pattern.search(text, starts[0], end)`` when ``starts`` holds every place it could match."""
    for start in starts:
        match = pattern.match(text, start, end)
        if match is not None:
            return match
    return None


def _continues(text: str, previous: syrdiplo.Sentence, sentence: syrdiplo.Sentence) -> bool:
    """Whether ``sentence`` goes on from ``previous``: on the same line, or on the next
    line of a hard-wrapped paragraph (one line break, no closing mark before it).
    """
    gap = text[previous.end : sentence.start]
    if "\n" not in gap:
        return True
    last = text[previous.start : previous.end].rstrip()
    return gap.count("\n") == 1 and not gap.strip() and bool(last) and last[-1] not in _CLOSING


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def read_document(doc: syrdiplo.Document, lex: TroopLexicon) -> Iterator[Occurrence]:
    """Every troop figure in the body of ``doc``, in text order (not merged)."""
    return _DocumentReader(doc, lex).read()
