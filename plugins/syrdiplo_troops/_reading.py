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

from collections.abc import Iterator

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


class _DocumentReader:
    def __init__(self, doc: syrdiplo.Document, lex: TroopLexicon) -> None:
        self.doc = doc
        self.lex = lex
        self.text = doc.normalized.text
        self.non_state = [(m.start(), m.end()) for m in lex.non_state.finditer(self.text)]
        self.seen: list[tuple[int, int]] = []  # every country word judged from the data
        self.owners = self._owners()
        self.places = self._places()

    # ------------------------------------------------------------------ mentions

    def _inside_non_state(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self.non_state)

    def _owner_noun(self, position: int, gap: int = 2) -> str | None:
        """The class of the owner noun standing just before ``position`` (0 to ``gap`` words between)."""
        low = max(0, position - _OWNER_GAP)
        for pattern in self.lex.owner_noun[: gap + 1]:
            match = pattern.search(self.text, low, position)
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

    def _owners(self) -> list[_Owner]:
        text, lex = self.text, self.lex
        owners: list[_Owner] = []
        excluded_end = -10
        for match in lex.country.finditer(text):
            form = lex.country_form(match)
            if form is None or self._inside_non_state(match.start(), match.end()):
                continue
            self.seen.append((match.start(), match.end()))
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
        owners.extend(self._actor_owners())
        return sorted(owners, key=lambda o: (o.start, o.end))

    def _actor_owners(self) -> Iterator[_Owner]:
        """Actor mentions from the core stage that carry a country."""
        normalized = self.doc.normalized
        for actor in self.doc.actors:
            if actor.country is None or actor.start is None or actor.end is None:
                continue
            start = normalized.to_normalized(actor.start)
            end = normalized.to_normalized(actor.end)
            if end <= start or self._inside_non_state(start, end):
                continue
            if actor.type is syrdiplo.ActorType.STATE:
                # a country word judged from the data already (an adjective after a
                # media noun is no owner, even if the actor stage calls it a state)
                if any(s < end and start < e for s, e in self.seen):
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
                kind = "person"
            yield _Owner(start=start, end=end, code=actor.country, kind=kind)

    def _places(self) -> list[_Place]:
        places = []
        for match in self.lex.place.finditer(self.text):
            found = self.lex.place_of(match)
            if found is None or self._inside_non_state(match.start(), match.end()):
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
        previous: tuple[int, int, int] | None = None  # normalised span and original end
        # Short lines after the last body sentence are link lists more often than
        # subheadings ("واشنطن ترسل 1500 جندي إلى الخليج" under the story).
        body = [i for i, s in enumerate(self.doc.sentences) if s.zone is syrdiplo.Zone.BODY]
        last_body = body[-1] if body else len(self.doc.sentences)
        for index, sentence in enumerate(self.doc.sentences):
            start = normalized.to_normalized(sentence.start)
            end = normalized.to_normalized(sentence.end)
            trailing = index > last_body and sentence.zone is syrdiplo.Zone.HEADING
            if sentence.zone in _SKIPPED_ZONES or trailing:
                previous = None
                continue
            before = None
            if previous is not None and "\n" not in self.doc.text[previous[2] : sentence.start]:
                before = previous[:2]  # the sentence before, on the same line
            inside = [f for f in figures if start <= f.start and f.end <= end]
            if inside:
                yield from _SentenceReader(self, sentence, start, end, inside, before).read()
            previous = (start, end, sentence.end)


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
        self.qualifiers = [self._qualifier_before(f) for f in figures]
        self.ranges = self._ranges()
        # the troop figures read so far in this sentence, by figure index
        self.read_so_far: dict[int, tuple[Occurrence, _Unit]] = {}

    # ------------------------------------------------------------------ helpers

    def _qualifier_before(self, figure: Figure) -> regex.Match[str] | None:
        return self.lex.qualifier_before.search(
            self.text, max(self.start, figure.start - 30), figure.start
        )

    def _lead(self, index: int) -> int:
        """Where the figure's phrase starts: its qualifier, else the figure."""
        qualifier = self.qualifiers[index]
        return qualifier.start() if qualifier else self.figures[index].start

    def _ranges(self) -> dict[int, tuple[str, int, str]]:
        """Figures that are the ends of a range: index -> (first|second, other index, between|from)."""
        ranges: dict[int, tuple[str, int, str]] = {}
        for i in range(len(self.figures) - 1):
            first, second = self.figures[i], self.figures[i + 1]
            gap = self.lex.range_gap.fullmatch(self.text, first.end, self._lead(i + 1))
            if gap is None:
                continue
            join = (gap.group("join") or "").strip()
            if not join and second.proclitic.startswith("و"):
                join = "و"
            if not join:
                continue
            lead = self._lead(i)
            before = self.lex.range_before.search(self.text, max(self.start, lead - 12), lead)
            if join in self.lex.range_joins_need_before:
                if before is None:
                    continue
                from_to = (
                    join in self.lex.range_to and before.group().strip() in self.lex.range_from
                )
                kind = "from" if from_to else "between"
            else:
                kind = "between"
            ranges[i] = ("first", i + 1, kind)
            ranges[i + 1] = ("second", i, kind)
        return ranges

    def _words_between(self, start: int, end: int) -> int:
        return len(self.text[start:end].split())

    # ------------------------------------------------------------------ the unit

    def _unit(self, index: int) -> _Unit | None:
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

    def _number_of_before(self, index: int) -> bool:
        """A phrase like "عدد القوات" or "قوامها" before the figure, in the sentence.

        "عدد الجنود الذين أصيبوا ... إلى 34" counts casualties: a casualty word
        between the phrase and the figure makes it no troop figure.
        """
        lead = self._lead(index)
        text, lex = self.text, self.lex
        found = None
        for match in lex.number_of.finditer(text, max(self.start, lead - lex.window), lead):
            found = match
        return found is not None and not lex.blocker_any.search(text, found.start(), lead)

    def _number_of_context(self, index: int) -> bool:
        """A bare figure after "عدد القوات ..." with a level word right before it."""
        figure, lead = self.figures[index], self._lead(index)
        text, lex = self.text, self.lex
        if not self._number_of_before(index):
            return False
        levelled = (
            self.qualifiers[index] is not None
            or figure.proclitic.strip() in ("ب", "ال", "بال")
            or lex.level_word_before.search(text, max(self.start, lead - 20), lead)
        )
        return bool(levelled) and bool(lex.bare_after.match(text, figure.end, self.end))

    def _elliptic(self, index: int) -> tuple[Occurrence, _Unit] | None:
        """ "و2500 آخرين في العراق" after a troop figure: the antecedent's reading."""
        figure, qualifier = self.figures[index], self.qualifiers[index]
        antecedent = self.read_so_far.get(index - 1)
        joined = figure.proclitic.startswith("و") or (
            qualifier is not None and qualifier.group().startswith("و")
        )
        if antecedent is None or not joined:
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
            if match is not None and previous_word != "من":
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
        for place in self.reader.places:
            if position <= place.start <= position + 25 and (
                "ب" in place.pre
                or self.lex.location_before.search(self.text, position, place.start)
            ):
                return True
        return False

    def _owner_before(self, lead: int) -> tuple[_Owner | None, bool]:
        """The nearest owner before ``lead`` in the sentence: ``(owner, ambiguous)``."""
        text, lex = self.text, self.lex
        candidates = [o for o in self.reader.owners if self.start <= o.start and o.end <= lead]
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
            for other in self.reader.owners:
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

        Only when this sentence names no possible owner at all, and every owner
        in the sentence before is of the same country ("أعلنت القوات الأمريكية
        ... . ويتمركز نحو 900 جندي ...").
        """
        if self.previous is None:
            return None
        if any(self.start <= o.start and o.end <= self.end for o in self.reader.owners):
            return None
        start, end = self.previous
        found = [o for o in self.reader.owners if start <= o.start and o.end <= end]
        if len({o.code for o in found}) != 1 or not any(o.kind == "military" for o in found):
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
        for match in lex.trigger.finditer(text, low, lead):
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
        for place in self.reader.places:
            if after <= place.start < limit and self._is_locative(place):
                return place
        for place in reversed(self.reader.places):
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
        match = self.qualifiers[index]
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
        in_range = self.ranges.get(index)
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
        lead = self._lead(index)
        in_range = self.ranges.get(index)
        if in_range is not None and in_range[2] == "between":
            return None

        # 1. the unit
        unit = self._unit(index)
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
        if lex.blocker_before.search(text, max(self.start, lead - 40), lead):
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


def read_document(doc: syrdiplo.Document, lex: TroopLexicon) -> Iterator[Occurrence]:
    """Every troop figure in the body of ``doc``, in text order (not merged)."""
    return _DocumentReader(doc, lex).read()
