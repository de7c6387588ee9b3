"""The actor gazetteer compiled from the lexicon: lookups, offices and one pattern.

:func:`gazetteer` reads ``actors`` (actors.tsv plus plugin rows), ``offices``,
``roles``, ``anonymous`` and ``countries`` once per lexicon, checks them (raising
:class:`~syrdiplo.DataFileError` naming the file or plugin, the row and the
column) and compiles every surface form into one ``regex`` pattern
(:mod:`syrdiplo._actors_pattern`). Everything is keyed by normalised text
(:func:`key`), the form matches are made in.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Mapping
from typing import Any

import attrs
import regex

from ._actors_offices import Offices, Term, parse_bound, parse_term_spec
from .errors import DataFileError
from .lexicon import Lexicon
from .model import ActorType
from .text import compile_pattern, normalize_word

__all__ = ["Entry", "Gazetteer", "Title", "fused", "gazetteer", "key"]

ACTOR_COLUMNS = (
    "canonical",
    "type",
    "country",
    "gender",
    "kind",
    "names",
    "short",
    "after",
    "qualified",
    "offices",
)
_ALIASES = {"roles": "offices"}
_COUNTRY = regex.compile(r"^[A-Z]{2}$")
_OFFICE_FORMS = ("adjective", "construct", "dual", "institution", "fixed")


@functools.lru_cache(maxsize=16384)
def key(word: str) -> str:
    """The lookup key of a word or phrase: normalised, single-spaced, case-folded.

    Cached: the stages look the same few hundred words up in every article.
    """
    return " ".join(normalize_word(word).split()).casefold()


def fused(keys: Iterable[str]) -> dict[str, str]:
    """Each key, plus its form after an attached ل ("الكرملين" → "للكرملين"), mapped to the key."""
    out: dict[str, str] = {}
    for k in keys:
        out.setdefault(k, k)
        if k.startswith("ال"):
            out.setdefault("ل" + k[1:], k)
    return out


@attrs.frozen
class Entry:
    """One row of the actors table."""

    canonical: str
    type: ActorType
    country: str | None
    gender: str | None
    kind: str | None


@attrs.frozen
class Title:
    """A written title of an office ("وزير الخارجية")."""

    office: str
    feminine: bool
    default_host: str | None = None
    country: str | None = None  # for titles that name the state ("المبعوث الأممي")


@attrs.frozen
class Surface:
    """A surface form of a named actor: ``how`` is name, short, after or qualified."""

    canonical: str
    how: str


class Gazetteer:
    """Every lookup the actor and claim stages need, built once per lexicon."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._load_countries(lexicon)
        self._load_roles(lexicon)
        self._load_actors(lexicon)
        owners: dict[str, int] = {}
        for names in self.surnames.values():
            for k in names:
                owners[k] = owners.get(k, 0) + 1
        #: surnames of exactly one person that are also someone else's first name
        #: ("جيفري": James Jeffrey, and Jeffrey Feltman's first name)
        self.given_surnames = {k for k in self.given_names if owners.get(k) == 1}
        self._load_offices(lexicon)
        self._load_anonymous(lexicon)
        from ._actors_pattern import build_matcher

        self.matcher = build_matcher(self)

    # ------------------------------------------------------------------ countries

    def _load_countries(self, lexicon: Lexicon) -> None:
        self.adjectives: dict[str, str] = {}  # nationality adjectives, countries only
        self.state_names: dict[str, str] = {}
        self.capitals: dict[str, str] = {}
        self.government_capitals: dict[str, str] = {}
        self.people: dict[str, str] = {}
        table = lexicon.table("countries")
        for code, entry in table.items():
            if not isinstance(entry, dict):
                raise DataFileError(_where(lexicon, "countries"), "expected a table", key=code)
            if not _COUNTRY.match(code):
                raise DataFileError(
                    _where(lexicon, "countries"), "keys must be ISO 3166-1 alpha-2 codes", key=code
                )
            for word in lexicon.words("countries", code, "names", required=False):
                self.state_names.setdefault(key(word), code)
            for word in lexicon.words("countries", code, "capitals", required=False):
                self.capitals.setdefault(key(word), code)
                if entry.get("capital_is_government", True) is not False:
                    self.government_capitals.setdefault(key(word), code)
            for word in lexicon.words("countries", code, "adjectives", required=False):
                self.adjectives.setdefault(key(word), code)
            for word in lexicon.words("countries", code, "people", required=False):
                self.people.setdefault(key(word), code)

    # ------------------------------------------------------------------ roles.toml

    def _load_roles(self, lexicon: Lexicon) -> None:
        where = _where(lexicon, "roles")
        roles = lexicon.table("roles")
        self.english: dict[str, str] = {str(k): str(v) for k, v in roles.get("english", {}).items()}
        intl = lexicon.table("roles", "international")
        un = str(intl.get("code", "UN"))
        self.un_code = un
        self.un_adjectives = {
            key(w): un for w in lexicon.words("roles", "international", "adjectives")
        }
        self.un_names = {key(w): un for w in lexicon.words("roles", "international", "names")}
        #: words after which a name is another body's ("مجلس الأمن القومي" is no UN body)
        self.not_followed_by = {
            key(w)
            for w in lexicon.words("roles", "international", "not_followed_by", required=False)
        }
        for code, words in roles.get("extra_adjectives", {}).items():
            for word in _str_list(words, where, f"extra_adjectives.{code}"):
                self.adjectives.setdefault(key(word), code)
        # adjectives in role phrases include the UN's ("المبعوث الأممي")
        self.role_adjectives = {**self.un_adjectives, **self.adjectives}
        extra: dict[str, str] = {}
        for code, words in roles.get("extra_names", {}).items():
            for word in _str_list(words, where, f"extra_names.{code}"):
                extra.setdefault(key(word), code)
        # names that may follow a title in construct or a host preposition
        self.role_names = {**self.un_names, **self.capitals, **extra, **self.state_names}

        self.modifiers: dict[str, str] = {}
        for kind in ("former", "elect", "neutral"):
            for word in lexicon.words("roles", "modifiers", kind, required=False):
                self.modifiers.setdefault(key(word), kind)
        self.host_prepositions = [key(w) for w in lexicon.words("roles", "hosts", "prepositions")]
        self.host_attached = [
            key(w) for w in lexicon.words("roles", "hosts", "attached", required=False)
        ]
        self.host_topics = [
            key(w) for w in lexicon.words("roles", "hosts", "topics", required=False)
        ]

        offices = lexicon.table("roles", "offices")
        self.office_keys: tuple[str, ...] = tuple(offices)
        self.host_offices: set[str] = set()
        self.titles: dict[str, dict[str, Title]] = {form: {} for form in _OFFICE_FORMS}
        self.host_titles: dict[str, dict[str, Title]] = {"adjective": {}, "construct": {}}
        seen: dict[tuple[str, str], str] = {}
        for office, spec in offices.items():
            if not isinstance(spec, dict):
                raise DataFileError(where, "expected a table", key=f"offices.{office}")
            host = bool(spec.get("host", False))
            if host:
                self.host_offices.add(office)
            defaults = {key(k): str(v) for k, v in spec.get("default_host", {}).items()}
            for form in _OFFICE_FORMS:
                if form == "fixed":
                    fixed = spec.get("fixed", {})
                    if not isinstance(fixed, dict):
                        raise DataFileError(
                            where,
                            "expected a table of title = country",
                            key=f"offices.{office}.fixed",
                        )
                    pairs: list[tuple[str, str | None]] = [(k, str(v)) for k, v in fixed.items()]
                else:
                    pairs = [
                        (w, None)
                        for w in _str_list(spec.get(form, []), where, f"offices.{office}.{form}")
                    ]
                for word, country in pairs:
                    k = key(word)
                    if seen.setdefault((form, k), office) != office:
                        raise DataFileError(
                            where,
                            f"title {word!r} is listed for both {seen[(form, k)]!r} and {office!r}",
                            key=f"offices.{office}.{form}",
                        )
                    if country is not None and not _COUNTRY.match(country):
                        raise DataFileError(
                            where,
                            f"{country!r} is not a country code",
                            key=f"offices.{office}.fixed",
                        )
                    title = Title(
                        office=office,
                        feminine=word.split()[0].endswith("ة"),
                        default_host=defaults.get(k),
                        country=country,
                    )
                    bucket = self.host_titles if host and form in self.host_titles else self.titles
                    bucket[form][k] = title
        # spokesperson titles as matched, without the ل they take ("المتحدث باسم ل")
        self.spokesperson_titles = {
            k[:-2] if k.endswith(" ل") else k: t for k, t in self.titles["institution"].items()
        }
        #: what may stand between a title and the name it introduces: commas, dashes,
        #: quotes, one bracket, and military ranks ("الكابتن"، "اللواء")
        self.apposition_gap = compile_pattern(
            r"[\s,:\-–\"“”«»]*(?:\([^()\n]{0,60}\)[\s,]*)?"
            r"(?:(?:\L<ranks>)(?=[\s,:\-–\"“”«»])[\s,:\-–\"“”«»]*)*",
            ranks=lexicon.words("roles", "ranks", "words", required=False) or ["\uffff"],
        )
        self.counterparts: dict[str, bool] = {}
        for word in lexicon.words("roles", "counterpart", "words"):
            self.counterparts[key(word)] = "نظيرت" in word or "نظيرة" in word
        self.anaphors: dict[str, frozenset[str]] = {}
        #: anaphors that point back only to the one holder of their offices the article named
        self.sole_anaphors: set[str] = set()
        for name, spec in roles.get("anaphors", {}).items():
            allowed = frozenset(
                _str_list(spec.get("offices", []), where, f"anaphors.{name}.offices")
            )
            unknown = allowed - set(self.office_keys)
            if unknown:
                raise DataFileError(
                    where, f"unknown offices {sorted(unknown)}", key=f"anaphors.{name}.offices"
                )
            for word in _str_list(spec.get("words", []), where, f"anaphors.{name}.words"):
                self.anaphors.setdefault(key(word), allowed)
                if spec.get("sole", False):
                    self.sole_anaphors.add(key(word))

        #: anaphors that are adjectives after a definite noun ("الاستحقاق الدبلوماسي"), and
        #: words in ال that are no nouns ("التقى"، "إلى")
        self.anaphor_adjectives = {
            key(w) for w in lexicon.words("roles", "anaphor_adjectives", "words", required=False)
        }
        self.definite_not_nouns = {
            key(w)
            for w in lexicon.words("roles", "anaphor_adjectives", "not_nouns", required=False)
        }
        self.source_anaphors = {
            key(w) for w in lexicon.words("roles", "source_anaphors", "words", required=False)
        }
        for word in self.source_anaphors:
            self.anaphors.setdefault(word, frozenset())
        self.institution_titles: dict[str, dict[str, str]] = {"adjective": {}, "construct": {}}
        self.institution_host_titles: dict[str, str] = {}
        self.institution_labels: dict[str, str] = {}
        guards: set[str] = set()
        for kind, spec in roles.get("institutions", {}).items():
            if not isinstance(spec, dict) or "label" not in spec:
                raise DataFileError(
                    where, "an institution needs a label", key=f"institutions.{kind}"
                )
            self.institution_labels[kind] = str(spec["label"])
            for form in ("adjective", "construct"):
                for word in _str_list(spec.get(form, []), where, f"institutions.{kind}.{form}"):
                    if spec.get("host") and form == "adjective":
                        self.institution_host_titles.setdefault(key(word), kind)
                    else:
                        self.institution_titles[form].setdefault(key(word), kind)
            guards.update(
                key(w)
                for w in _str_list(spec.get("guard", []), where, f"institutions.{kind}.guard")
            )
        self.institution_guards = sorted(guards)
        self.institution_anaphors = {
            key(w) for w in lexicon.words("roles", "institution_anaphors", "words", required=False)
        }
        self.media_nouns = {key(w) for w in lexicon.words("roles", "media", "nouns")}
        self.media_kinds = frozenset(lexicon.words("roles", "media", "kinds"))
        self.sides = {key(w) for w in lexicon.words("roles", "states", "sides")}
        self.place_prepositions = {
            key(w) for w in lexicon.words("roles", "states", "place_prepositions")
        }

    # ------------------------------------------------------------------ actors table

    def _load_actors(self, lexicon: Lexicon) -> None:
        self.entries: dict[str, Entry] = {}
        self.surfaces: dict[str, list[Surface]] = {}
        self.qualified: dict[str, list[Surface]] = {}
        self.inline_terms: list[Term] = []
        #: first words of people's full names ("سيرغي"، "جون"): a claim speaker written as
        #: such a word and one more, after a title, is a person the gazetteer does not know
        self.given_names: set[str] = set()
        #: each person's surname keys: the `short` and `after` forms, and the last word of a name
        self.surnames: dict[str, set[str]] = {}
        variants = SpellingVariants.load(lexicon)
        #: generated spelling variants (canonical, type, column, key), added after every row
        pending: list[tuple[str, ActorType, str, str, str]] = []
        rows = lexicon.rows("actors")
        origins = lexicon.origins("actors") or ["actors"]
        core = _core_row_count(lexicon)
        for index, raw in enumerate(rows):
            where = origins[0] if index < core or len(origins) == 1 else origins[-1]
            row_key = f"row {index + 2}" if index < core else f"row {index - core + 1} registered"
            row = {
                _ALIASES.get(k, k): ("" if v is None else str(v).strip()) for k, v in raw.items()
            }

            def fail(
                column: str, message: str, *, where: str = where, row_key: str = row_key
            ) -> DataFileError:
                return DataFileError(where, message, key=f"{row_key}, column {column!r}")

            unknown = sorted(set(row) - set(ACTOR_COLUMNS))
            if unknown:
                raise fail(
                    unknown[0], f"unknown column; the columns are {', '.join(ACTOR_COLUMNS)}"
                )
            canonical = row.get("canonical", "")
            if not canonical:
                raise fail("canonical", "an actor needs a canonical English name")
            if canonical in self.entries:
                raise fail("canonical", f"{canonical!r} is listed twice")
            try:
                kind = ActorType(row.get("type") or "person")
            except ValueError:
                raise fail("type", f"{row.get('type')!r} is not person or organization") from None
            if kind not in (ActorType.PERSON, ActorType.ORGANIZATION):
                raise fail("type", "the gazetteer holds persons and organizations only")
            country = row.get("country") or None
            if country is not None and not _COUNTRY.match(country):
                raise fail("country", f"{country!r} is not an ISO 3166-1 alpha-2 code")
            gender = row.get("gender") or None
            if gender not in (None, "m", "f"):
                raise fail("gender", f"{gender!r} is not m or f")
            self.entries[canonical] = Entry(
                canonical, kind, country, gender, row.get("kind") or None
            )
            forms = 0
            for how in ("names", "short", "after", "qualified"):
                for word in _split(row.get(how, "")):
                    k = key(word)
                    if not k:
                        raise fail(how, f"{word!r} is empty once normalised")
                    self._add_surface(canonical, kind, how, k)
                    if variants.applies(country):
                        for v in variants.forms(k, canonical):
                            pending.append((canonical, kind, how, k, v))
                    forms += 1
            if not forms:
                raise fail("names", "an actor needs at least one Arabic name")
            for spec in _split(row.get("offices", "")):
                try:
                    office, at, start, end = parse_term_spec(spec)
                    term = Term(
                        office=office,
                        country=country or "",
                        at=at,
                        holder=canonical,
                        start=parse_bound(start, end=False) if start else dt.date.min,
                        end=parse_bound(end, end=True) if end else None,
                    )
                except ValueError as error:
                    raise fail("offices", str(error)) from None
                if office not in self.office_keys:
                    raise fail(
                        "offices",
                        f"unknown office {office!r}; offices are keys of roles.toml [offices]",
                    )
                if term.end is not None and term.end < term.start:
                    raise fail("offices", f"{spec!r} ends before it starts")
                if not country:
                    raise fail("country", "an actor with offices needs a country")
                self.inline_terms.append(term)

        self.variant_collisions = self._add_variants(variants, pending)

    def _add_surface(self, canonical: str, kind: ActorType, how: str, k: str) -> None:
        target = self.qualified if how == "qualified" else self.surfaces
        surface = Surface(canonical, "name" if how == "names" else how)
        if surface not in target.setdefault(k, []):
            target[k].append(surface)
        if kind is ActorType.PERSON and how != "qualified":
            self.surnames.setdefault(canonical, set()).add(k.split()[-1])
            if how == "names" and " " in k:
                self.given_names.add(k.split()[0])

    def _add_variants(
        self, variants: SpellingVariants, pending: list[tuple[str, ActorType, str, str, str]]
    ) -> dict[str, str]:
        """Add the generated spelling variants that collide with nothing; return the rest.

        A variant is skipped when it is already a surface form or outlet-qualified name
        (of anyone), a phrase of the other data tables or holds a changed word of them (titles, cues, places,
        states ...), a word of ``[variants] skip``, or generated for two actors.
        """
        owners: dict[str, set[str]] = {}
        for canonical, _kind, _how, _source, k in pending:
            owners.setdefault(k, set()).add(canonical)
        collisions: dict[str, str] = {}
        for canonical, kind, how, source, k in pending:
            if k in self.surfaces or k in self.qualified:
                if all(s.canonical != canonical for s in self.surfaces.get(k, ())):
                    collisions[k] = "another actor's name"
                continue
            if len(owners[k]) > 1:
                collisions[k] = "generated for " + ", ".join(sorted(owners[k]))
                continue
            changed = set(k.split()) - set(source.split())
            if k in variants.common or changed & variants.common:
                collisions[k] = "a common word"
                continue
            self._add_surface(canonical, kind, how, k)
        return collisions

    # ------------------------------------------------------------------ offices.tsv

    def _load_offices(self, lexicon: Lexicon) -> None:
        terms = list(self.inline_terms)
        where = _where(lexicon, "offices")
        rows = lexicon.rows("offices") if "offices" in lexicon else ()
        for index, row in enumerate(rows):
            row_key = f"row {index + 2}"

            def fail(column: str, message: str, *, row_key: str = row_key) -> DataFileError:
                return DataFileError(where, message, key=f"{row_key}, column {column!r}")

            for column in ("office", "country", "holder", "start"):
                if not row.get(column):
                    raise fail(column, "must not be empty")
            if row["office"] not in self.office_keys:
                raise fail(
                    "office",
                    f"unknown office {row['office']!r}; offices are keys of roles.toml [offices]",
                )
            if not _COUNTRY.match(row["country"]):
                raise fail("country", f"{row['country']!r} is not an ISO 3166-1 alpha-2 code")
            if row["holder"] not in self.entries:
                raise fail(
                    "holder", f"{row['holder']!r} is not a canonical name in the actors table"
                )
            try:
                start = parse_bound(row["start"], end=False)
            except ValueError as error:
                raise fail("start", str(error)) from None
            end = None
            if row.get("end"):
                try:
                    end = parse_bound(row["end"], end=True)
                except ValueError as error:
                    raise fail("end", str(error)) from None
                if end < start:
                    raise fail("end", f"ends ({row['end']}) before it starts ({row['start']})")
            terms.append(
                Term(
                    office=row["office"],
                    country=row["country"],
                    at=row.get("at") or None,
                    holder=row["holder"],
                    start=start,
                    end=end,
                )
            )
        self.offices = Offices(terms, self.office_keys)

    # ------------------------------------------------------------------ anonymous.toml

    def _load_anonymous(self, lexicon: Lexicon) -> None:
        self.anonymous_heads = {key(w) for w in lexicon.words("anonymous", "heads")}
        self.anonymous_standalone = {key(w) for w in lexicon.words("anonymous", "standalone")}
        self.anonymous_qualifiers = {key(w) for w in lexicon.words("anonymous", "qualifiers")}
        self.anonymous_linking = {key(w) for w in lexicon.words("anonymous", "linking")}

    # ------------------------------------------------------------------ lookups

    def gender_of(self, canonical: str | None) -> str | None:
        entry = self.entries.get(canonical or "")
        return entry.gender if entry else None

    def is_media(self, canonical: str | None) -> bool:
        entry = self.entries.get(canonical or "")
        return entry is not None and entry.kind in self.media_kinds

    def country_name(self, code: str | None) -> str | None:
        return self.english.get(code or "", code)


@attrs.frozen
class SpellingVariants:
    """``[variants]`` of roles.toml: letter pairs foreign names are written with either way.

    Egyptian copy writes the hard Latin "g" as ج where Levantine copy writes غ
    ("بوجدانوف"، "بوغدانوف"). Each pair ``[from, to]`` makes, for every name holding
    ``from``, the name with all of them replaced and, for names of several words, each
    word replaced alone. ``reverse`` pairs go back only where the English word has a hard
    "g" (not before e, i, y) and no "j", "zh" or "dzh", for as many as the Arabic word
    has. Names of actors of the ``native`` countries (Arabic names, a real غ) are left alone.
    """

    enabled: bool = False
    pairs: tuple[tuple[str, str], ...] = ()
    reverse: tuple[tuple[str, str], ...] = ()
    native: frozenset[str] = frozenset()
    common: frozenset[str] = frozenset()

    @classmethod
    def load(cls, lexicon: Lexicon) -> SpellingVariants:
        if "roles" not in lexicon or "variants" not in lexicon["roles"]:
            return cls()
        table = lexicon.table("roles", "variants")
        where = _where(lexicon, "roles")

        def pairs(name: str) -> tuple[tuple[str, str], ...]:
            out = []
            for pair in table.get(name, []):
                if (
                    not isinstance(pair, list)
                    or len(pair) != 2
                    or not all(isinstance(p, str) and len(key(p)) == 1 for p in pair)
                ):
                    raise DataFileError(where, "expected pairs of letters", key=f"variants.{name}")
                out.append((key(pair[0]), key(pair[1])))
            return tuple(out)

        common = {key(w) for w in lexicon.words("roles", "variants", "skip", required=False)}
        for name in ("roles", "cues", "countries", "anonymous", "places"):
            if name in lexicon:
                common.update(_all_words(lexicon[name]))
        return cls(
            enabled=bool(table.get("enabled", True)),
            pairs=pairs("letters"),
            reverse=pairs("reverse"),
            native=frozenset(lexicon.words("roles", "variants", "native", required=False)),
            common=frozenset(common),
        )

    def applies(self, country: str | None) -> bool:
        return self.enabled and (country or "") not in self.native

    def forms(self, k: str, canonical: str) -> list[str]:
        """The variants of the name key ``k`` of ``canonical`` (without ``k`` itself)."""
        words = k.split()
        english = canonical.casefold().replace("-", " ").split()
        choices: list[list[str]] = []
        for i, word in enumerate(words):
            alts = [word]
            for a, b in self.pairs:
                if a in word:
                    alts.append(word.replace(a, b))
            # align with the English word: the same position from the end
            eng = english[i - len(words)] if len(words) <= len(english) else ""
            for a, b in self.reverse:
                if a in word and _hard_g_count(eng) >= word.count(a):
                    alts.append(word.replace(a, b))
            choices.append(alts)
        out: list[str] = []
        full = " ".join(alts[-1] for alts in choices)
        if full != k:
            out.append(full)
        if len(words) > 1:
            for i, alts in enumerate(choices):
                for alt in alts[1:]:
                    form = " ".join([*words[:i], alt, *words[i + 1 :]])
                    if form not in out:
                        out.append(form)
        return out


def _hard_g_count(word: str) -> int:
    """How many hard "g"s an English word has, or 0 when it has a "j" or "zh" sound too."""
    if not word or "j" in word or "zh" in word:
        return 0
    return len(regex.findall(r"g(?![eiyh])", word))


def _all_words(node: Any) -> set[str]:
    """Every Arabic string of a TOML table, and each word of it, as keys."""
    out: set[str] = set()
    if isinstance(node, str):
        if regex.search(r"\p{Arabic}", node):
            k = key(node)
            out.add(k)
            out.update(k.split())
    elif isinstance(node, dict):
        for value in node.values():
            out.update(_all_words(value))
    elif isinstance(node, (list, tuple)):
        for value in node:
            out.update(_all_words(value))
    return out


def _where(lexicon: Lexicon, name: str) -> str:
    origins = lexicon.origins(name)
    return " + ".join(origins) if origins else name


def _core_row_count(lexicon: Lexicon) -> int:
    """How many rows of the actors table come from the shipped file."""
    origins = lexicon.origins("actors")
    if not origins or not origins[0].endswith(".tsv"):
        return 0 if origins and origins[0].startswith("plugin") else len(lexicon["actors"])
    from .lexicon import core_lexicon

    core = core_lexicon()
    if "actors" in core and core.origins("actors")[:1] == origins[:1]:
        return min(len(core["actors"]), len(lexicon["actors"]))
    return len(lexicon["actors"])


def _split(cell: str) -> list[str]:
    return [w.strip() for w in cell.split("|") if w.strip()]


def _str_list(value: Any, where: str, at: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DataFileError(where, "expected a list of strings", key=at)
    return list(value)


_TABLES = ("actors", "offices", "roles", "anonymous", "countries", "cues")
_SHARED: dict[tuple[int, ...], tuple[tuple[Any, ...], Gazetteer]] = {}


def gazetteer(lexicon: Lexicon) -> Gazetteer:
    """The compiled gazetteer of ``lexicon`` (built once and cached on it).

    Lexicons that share the same actor tables (every pipeline without plugins
    that add actors) share one gazetteer: building it takes a fraction of a second.
    """

    def build(lex: Lexicon) -> Gazetteer:
        tables = tuple(lex[name] if name in lex else None for name in _TABLES)
        ident = tuple(id(t) for t in tables)
        if ident in _SHARED:
            return _SHARED[ident][1]
        built = Gazetteer(lex)
        if len(_SHARED) >= 8:
            _SHARED.pop(next(iter(_SHARED)))
        _SHARED[ident] = (tables, built)  # the tables are kept, so their ids stay theirs
        return built

    return lexicon.cached("actors.gazetteer", build)


def mapping_keys(*maps: Mapping[str, Any]) -> list[str]:
    out: list[str] = []
    for m in maps:
        out.extend(m)
    return out
