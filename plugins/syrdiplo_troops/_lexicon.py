"""The troop-count patterns, compiled once per lexicon.

Everything here is built from data: the ``troops`` table (this plugin's
``data/troops.toml``) and the core ``countries`` and ``places`` tables. Patterns
run on normalised text. The "before" patterns are anchored at the end of the
text they are searched in (``pattern.search(text, lo, hi)`` with ``$`` at
``hi``); the "at" patterns are used with ``pattern.match(text, position)``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TypeVar

import attrs
import regex

import syrdiplo
from syrdiplo.text import PROCLITIC, WORD_END, WORD_START, compile_pattern, normalize_word

from ._numbers import NumberReader
from ._scan import WordFinder, strings_of

__all__ = ["CountryForm", "TroopLexicon", "troop_lexicon"]

T = TypeVar("T")

_TABLE = "troops"
# A word that is not a figure and not punctuation.
_WORD = r"[^\s\d,.;:!?()«»\"“”'،؛]+"
# Name kinds that stand for the state itself; adjectives need a noun before them.
NAME_KINDS = frozenset({"name", "capital", "people"})
# Letters attached before a word: a conjunction, then a preposition (or the article).
_CONJ = r"[وف]?"
_CONJ_PREP = r"[وف]?[بل]?"
_CONJ_PREP_ARTICLE = r"[وف]?(?:[بل]|لل|ال|بال)?"


@attrs.frozen
class CountryForm:
    """What a matched country word means: ISO code and kind (name, adjective ...)."""

    code: str
    kinds: frozenset[str]


def _article_split(words: Iterable[str]) -> set[tuple[str, bool]]:
    """Normalised words without a leading article, each with whether it had one.

    ``الروسي`` becomes ``("روسي", True)`` and ``روسي`` ``("روسي", False)``; patterns
    put :data:`~syrdiplo.text.PROCLITIC` before the key, so ``للولايات`` and
    ``بالقوات`` are found too. Only a written ``ال`` is split off (``ألمانيا`` keeps
    its letters).
    """
    keys: set[tuple[str, bool]] = set()
    for word in words:
        normal = " ".join(normalize_word(word).split())
        if not normal:
            continue
        if word.strip().startswith("ال") and len(normal) > 3:
            keys.add((normal[2:], True))
        else:
            keys.add((normal, False))
    return keys


def _normal_set(words: Iterable[str]) -> frozenset[str]:
    return frozenset(" ".join(normalize_word(w).split()) for w in words)


def _keys(words: Iterable[str]) -> list[str]:
    """The pattern keys of :func:`_article_split`."""
    return sorted({key for key, _ in _article_split(words)})


def _int_setting(lexicon: syrdiplo.Lexicon, key: str, default: int) -> int:
    settings = lexicon[_TABLE].get("settings", {})
    value = settings.get(key, default) if isinstance(settings, dict) else default
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise syrdiplo.DataFileError(
            _TABLE, "expected a non-negative integer", key=f"settings.{key}"
        )
    return value


class TroopLexicon:
    """Compiled patterns and lookup tables for one :class:`syrdiplo.Lexicon`."""

    def __init__(self, lexicon: syrdiplo.Lexicon) -> None:
        def words(*path: str, required: bool = True) -> list[str]:
            return lexicon.words(_TABLE, *path, required=required)

        self.reader = NumberReader(lexicon)
        self.min_count = _int_setting(lexicon, "min_count", 10)
        self.window = _int_setting(lexicon, "window", 90)

        # -- qualifiers
        self.qualifier_before = compile_pattern(
            WORD_START
            + "(?:"
            + _CONJ_PREP
            + r")(?:(?P<approximate>\L<approx>)|(?P<lower>\L<lower>)|(?P<upper>\L<upper>))\s*$",
            approx=words("qualifiers", "approximate"),
            lower=words("qualifiers", "lower"),
            upper=words("qualifiers", "upper"),
        )
        self.qualifier_after = compile_pattern(
            r"\s*(?:(?P<approximate>\L<approx>)|(?P<lower>\L<lower>)|(?P<upper>\L<upper>))"
            + WORD_END,
            approx=words("qualifiers", "after_approximate"),
            lower=words("qualifiers", "after_lower"),
            upper=words("qualifiers", "after_upper"),
        )

        # -- units
        force = words("units", "force")
        members = words("units", "members")
        partitive = words("units", "partitive")
        license_prepositions = words("units", "license_prepositions")
        self.unit = compile_pattern(
            r"\s+(?:(?P<strong>\L<strong>)|(?P<weak>\L<weak>)"
            r"|(?:\L<partitive>)\s+(?:(?P<members>\L<members>)\s+)?(?P<force>\L<force>)"
            r"|(?:\L<partitive>)\s+(?P<definite>\L<definite>))" + WORD_END,
            partitive=partitive,
            strong=words("units", "strong"),
            weak=words("units", "weak"),
            members=members,
            force=force,
            definite=words("units", "definite"),
        )
        self.weak_license = compile_pattern(
            # "عنصر من القوات"، "عنصر بالجيش الروسي"، "عنصر في الجيش"
            r"\s+(?:\L<military>|(?:(?:\L<preps>)\s+|ب)(?:\L<members>\s+)?\L<force>)" + WORD_END,
            preps=license_prepositions,
            military=words("units", "military"),
            members=members,
            force=force,
        )
        self.modifier = compile_pattern(
            r"\s*[وب]?(?:\L<modifiers>)" + WORD_END, modifiers=words("units", "modifiers")
        )
        # "سحب 900 جندي من سوريا": a country after these words is a place, not the owner.
        self.place_before = _normal_set(words("units", "place_before"))
        self.others = compile_pattern(
            r"\s+(?:\L<others>)" + WORD_END, others=words("units", "others")
        )
        self.non_state_at = compile_pattern(
            r"\s*(?:(?:\L<preps>)\s+|ب)?(?:\L<members>\s+)?(?:\L<non_state>)" + WORD_END,
            preps=license_prepositions,
            members=members,
            non_state=words("not_troops", "non_state"),
        )
        self.non_state = compile_pattern(
            WORD_START + PROCLITIC + r"(?:\L<non_state>)" + WORD_END,
            non_state=_keys(words("not_troops", "non_state")) + words("not_troops", "non_state"),
        )

        # -- not troop levels
        self.blocker_before = compile_pattern(
            WORD_START
            + _CONJ_PREP_ARTICLE
            + r"(?:\L<before>)"
            + WORD_END
            + r"(?:\s+"
            + _WORD
            + r"){0,2}\s*$",
            before=words("not_troops", "before"),
        )
        self.blocker_after = compile_pattern(
            r"(?:\s+" + _WORD + r"){0,3}?\s+[وف]?(?:\L<after>)" + WORD_END,
            after=words("not_troops", "after"),
        )
        self.blocker_any = compile_pattern(
            WORD_START + r"[وف]?(?:[بل]|لل|ال|بال)?(?:\L<w>)" + WORD_END,
            w=words("not_troops", "before") + words("not_troops", "after"),
        )
        self.range_before = compile_pattern(
            WORD_START + r"(?:\L<before>)\s*$", before=words("not_troops", "range_before")
        )
        self.range_joins_need_before = _normal_set(words("not_troops", "range_joins_need_before"))
        self.range_from = _normal_set(words("not_troops", "range_from"))
        self.range_to = _normal_set(words("not_troops", "range_to"))
        self.range_gap = compile_pattern(
            r"(?:\s+(?:\L<units>))?\s*(?P<join>\L<joins>)?\s*(?:(?:\L<quals>)\s*)?$",
            units=words("units", "strong") + words("units", "weak"),
            joins=words("not_troops", "range_joins"),
            quals=words("qualifiers", "approximate")
            + words("qualifiers", "lower")
            + words("qualifiers", "upper"),
        )

        # -- number of troops
        heads = words("number_of", "heads")
        self.number_of = compile_pattern(
            WORD_START
            + _CONJ_PREP
            + r"(?:\L<heads>)\s+(?:\L<troops>)"
            + WORD_END
            + "|"
            + WORD_START
            + _CONJ
            + r"(?:\L<own>)"
            + WORD_END,
            heads=heads,
            troops=words("number_of", "troops"),
            own=words("number_of", "own_count"),
        )
        self.head = compile_pattern(WORD_START + r"[وف]?[بل]?(?:\L<heads>)" + WORD_END, heads=heads)
        self.level_word_before = compile_pattern(
            WORD_START + r"[وف]?(?:\L<level>)\s*$", level=words("number_of", "level_words")
        )
        self.bare_after = compile_pattern(
            r"\s*(?:$|[,.;:!?()«»\"“”'\n]|[وف]?(?:\L<after>)" + WORD_END + ")",
            after=words("number_of", "bare_after"),
        )

        # -- changes
        self.trigger = compile_pattern(
            WORD_START
            + _CONJ_PREP_ARTICLE
            + r"(?:(?P<level>\L<level>)|(?P<deploy>\L<deploy>)|(?P<withdraw>\L<withdraw>)"
            r"|(?P<increase>\L<increase>)|(?P<decrease>\L<decrease>))" + WORD_END,
            level=words("changes", "level"),
            deploy=words("changes", "deploy"),
            withdraw=words("changes", "withdraw"),
            increase=words("changes", "increase"),
            decrease=words("changes", "decrease"),
        )
        self.deploy_after = compile_pattern(
            r"(?:\s+" + _WORD + r")?\s+(?:\L<after>)" + WORD_END,
            after=words("changes", "deploy_after"),
        )
        self.to_before = compile_pattern(WORD_START + r"(?:\L<to>)\s*$", to=words("changes", "to"))

        # where the "before" patterns may start, to try them only there
        self.qualifier_before_finder = WordFinder(
            self.qualifier_before, strings_of(_CONJ_PREP), _listed(self.qualifier_before)
        )
        self.blocker_before_finder = WordFinder(
            self.blocker_before, strings_of(_CONJ_PREP_ARTICLE), _listed(self.blocker_before)
        )
        self.number_of_finder = WordFinder(
            self.number_of,
            strings_of(_CONJ_PREP) | strings_of(_CONJ),
            _listed(self.number_of, "heads", "own"),
        )
        self.trigger_finder = WordFinder(
            self.trigger, strings_of(_CONJ_PREP_ARTICLE), _listed(self.trigger)
        )

        # -- owners
        self.complementizer = compile_pattern(
            WORD_START + r"(?:\L<c>)" + WORD_END, c=words("owners", "complementizers")
        )
        self.resumptive = compile_pattern(
            WORD_START + r"[وف]?(?:\L<r>)" + WORD_END, r=words("owners", "resumptive")
        )
        nouns = {
            kind: _keys(words("owners", kind))
            for kind in ("military", "official", "civil", "media")
        }
        # An owner noun, then 0-2 words that are not prepositions, then the adjective:
        # "القوات الأمريكية", "الوجود العسكري الأمريكي", not "القوات ... في سوريا".
        gap_word = r"(?:\s+(?!(?:\L<stop>)(?!\S))" + _WORD + ")"
        self.owner_noun = [
            compile_pattern(
                WORD_START
                + PROCLITIC
                + r"(?:(?P<military>\L<military>)|(?P<official>\L<official>)|(?P<civil>\L<civil>)|(?P<media>\L<media>))"
                + WORD_END
                + gap_word
                + "{"
                + str(gap)
                + "}"
                + r"\s+$",
                stop=words("owners", "not_owner_before"),
                **nouns,
            )
            for gap in range(3)
        ]
        self.owner_noun_finder = WordFinder(
            self.owner_noun[0],
            strings_of(PROCLITIC),
            [w for kind in nouns for w in self.owner_noun[0].named_lists[kind]],
        )
        self.not_owner_before = compile_pattern(
            WORD_START + r"[وف]?(?:\L<w>)\s*$", w=words("owners", "not_owner_before")
        )
        self.media_start = compile_pattern(
            WORD_START + PROCLITIC + r"(?:\L<media>)" + WORD_END, media=nouns["media"]
        )
        self.military_noun = compile_pattern(
            WORD_START + PROCLITIC + r"(?:\L<military>)" + WORD_END, military=nouns["military"]
        )

        # -- countries: names, capitals, people, adjectives and institutions
        self.country_forms, self.country = self._country_pattern(lexicon)

        # -- places
        self.places, self.place = self._place_pattern(lexicon)

        # the whole-text patterns, run only near troop figures
        proclitics = strings_of(PROCLITIC)
        self.non_state_finder = WordFinder(
            self.non_state, proclitics, self.non_state.named_lists["non_state"]
        )
        self.country_finder = WordFinder(
            self.country, proclitics, self.country.named_lists["forms"]
        )
        self.place_finder = WordFinder(self.place, proclitics, self.place.named_lists["forms"])
        self.location_before = compile_pattern(
            WORD_START + r"[وف]?(?:\L<w>)\s*$", w=words("locations", "before")
        )

    # ------------------------------------------------------------------ tables

    def _country_pattern(
        self, lexicon: syrdiplo.Lexicon
    ) -> tuple[dict[tuple[str, bool], CountryForm], regex.Pattern[str]]:
        found: dict[tuple[str, bool], dict[str, set[str]]] = {}

        def add(word_list: Iterable[str], code: str, kind: str) -> None:
            for key, article in _article_split(word_list):
                found.setdefault((key, article), {}).setdefault(code, set()).add(kind)

        countries = lexicon["countries"] if "countries" in lexicon else {}
        for code, entry in countries.items():
            if not isinstance(entry, dict):
                continue
            add(_strings(entry.get("names")), code, "name")
            if entry.get("capital_is_government", True) is not False:
                add(_strings(entry.get("capitals")), code, "capital")
            add(_strings(entry.get("people")), code, "people")
            add(_strings(entry.get("adjectives")), code, "adjective")
        owners = lexicon.table(_TABLE, "owners")
        for section, kinds in (
            ("institutions", ("military", "civil")),
            ("extra", ("adjectives", "people")),
        ):
            entries = owners.get(section, {})
            if not isinstance(entries, dict):
                raise syrdiplo.DataFileError(_TABLE, "expected a table", key=f"owners.{section}")
            for code in entries:
                for kind in kinds:
                    listed = lexicon.words(_TABLE, "owners", section, code, kind, required=False)
                    label = f"institution_{kind}" if section == "institutions" else kind
                    add(listed, code, {"adjectives": "adjective"}.get(label, label))
        forms: dict[tuple[str, bool], CountryForm] = {}
        for key, codes in found.items():
            if len(codes) == 1:  # a word shared by two countries names neither
                ((code, kinds),) = codes.items()
                forms[key] = CountryForm(code=code, kinds=frozenset(kinds))
        pattern = compile_pattern(
            WORD_START + r"(?P<pre>" + PROCLITIC + r")(?P<form>\L<forms>)" + WORD_END,
            forms=sorted({key for key, _ in forms}),
        )
        return forms, pattern

    def _place_pattern(
        self, lexicon: syrdiplo.Lexicon
    ) -> tuple[dict[tuple[str, bool], tuple[str, str]], regex.Pattern[str]]:
        places: dict[tuple[str, bool], tuple[str, str]] = {}
        table = lexicon["places"] if "places" in lexicon else {}
        for canonical, entry in table.items():
            if not isinstance(entry, dict):
                continue
            for key, article in _article_split(_strings(entry.get("names"))):
                places.setdefault((key, article), (canonical, str(entry.get("kind", ""))))
        pattern = compile_pattern(
            WORD_START + r"(?P<pre>" + PROCLITIC + r")(?P<form>\L<forms>)" + WORD_END,
            forms=sorted({key for key, _ in places}) or ["\uffff"],
        )
        return places, pattern

    def country_form(self, match: regex.Match[str]) -> CountryForm | None:
        """The meaning of a :attr:`country` match, or ``None`` if its article does not fit."""
        return _lookup(self.country_forms, match)

    def place_of(self, match: regex.Match[str]) -> tuple[str, str] | None:
        """``(canonical name, kind)`` of a :attr:`place` match."""
        return _lookup(self.places, match)


def _lookup(table: Mapping[tuple[str, bool], T], match: regex.Match[str]) -> T | None:
    """The entry for a match: the article in the proclitic must agree with the entry."""
    form = " ".join(match.group("form").split())
    pre = match.group("pre")
    return table.get((form, "ال" in pre or pre.endswith("لل")))


def _listed(pattern: regex.Pattern[str], *names: str) -> list[str]:
    """The words of the named lists of ``pattern`` (all of them if no name is given)."""
    lists = pattern.named_lists
    return [w for name in names or lists for w in lists[name]]


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


def troop_lexicon(lexicon: syrdiplo.Lexicon) -> TroopLexicon:
    """The :class:`TroopLexicon` of ``lexicon``, built on first use and kept."""
    return lexicon.cached("syrdiplo_troops.lexicon", TroopLexicon)
