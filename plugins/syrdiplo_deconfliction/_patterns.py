"""Compiled patterns for the deconfliction extractor, built once per lexicon.

The words live in ``data/deconfliction.toml`` (lexicon table ``deconfliction``)
and the core ``countries`` table; this module only turns them into ``regex``
patterns that run on the normalised article text. :func:`patterns` builds them
through :meth:`syrdiplo.Lexicon.cached`, so a pipeline compiles them once.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs
import regex

import syrdiplo
from syrdiplo.text import PROCLITIC, WORD_END, WORD_START, compile_pattern, normalize_word

__all__ = ["CUE_KINDS", "STATUSES", "CuePatterns", "MechanismPattern", "Patterns", "patterns"]

TABLE = "deconfliction"
STATUSES = ("active", "suspended", "violated", "resumed", "proposed")
#: Cue kinds: the statuses, "comply" (keeping to a mechanism: active, or violated when
#: negated) and "establish" (setting one up: proposed or nothing).
CUE_KINDS = (*STATUSES, "comply", "establish")
NEEDS = ("none", "head", "military", "governor", "parties")

#: A pronoun suffix on a noun or verb (تنسيقها، خرقه، اتصالاتهما).
SUFFIX = r"(?:هما|هم|ها|نا|ه)?"
#: Spaces and quotation marks between the words of a mention ("آلية “منع الاصطدام”").
GAP = r"[\s\"'«»“”„‟\u2039\u203a]+"
#: The definite article with its proclitics, required (التنسيق، بالاتصال، للمذكرة).
DEFINITE = r"(?:[وف]?(?:[بك]?ال|لل))"


def _strip_article(word: str) -> str:
    """The entry without a leading ال, so that ``PROCLITIC`` can supply it (and بال، لل ...).

    Both forms are kept (see :func:`_entries`): in "التزام" the ال is no article.
    """
    first, _, rest = word.partition(" ")
    if first.startswith("ال") and len(first) > 3:
        first = first[2:]
    return f"{first} {rest}" if rest else first


def _entries(words: Iterable[str], *, article: bool = True) -> list[str]:
    out = []
    for word in words:
        norm = normalize_word(word)
        out.append(norm)
        if article:
            out.append(_strip_article(norm))
    return sorted(set(out), key=lambda w: (-len(w), w))


def _with_possessive(words: Iterable[str]) -> list[str]:
    """Add "تنسيقها العسكري" for "التنسيق العسكري": a possessive replaces the article."""
    out = list(words)
    for word in words:
        first, _, rest = normalize_word(word).partition(" ")
        if rest and first.startswith("ال") and len(first) > 3:
            out.extend(f"{first[2:]}{suffix} {rest}" for suffix in ("ها", "هما", "ه", "هم", "نا"))
    return out


@attrs.frozen
class MechanismPattern:
    """One canonical mechanism: its key, what makes a mention count, and its pattern.

    The pattern has groups ``head`` (the head noun, if any), ``hpfx``/``cpfx``
    (the proclitics of the head and of the core), ``core``, and ``phrase`` when
    the core is one of the mechanism's fixed phrases.
    """

    key: str
    needs: str
    pattern: regex.Pattern[str]
    blockers: regex.Pattern[str] | None
    #: Any word a mention of this mechanism ends in: a sentence without one is skipped.
    anchor: regex.Pattern[str]
    governor: regex.Pattern[str] | None = None


@attrs.frozen
class CuePatterns:
    """Status cues.

    ``before`` and ``after`` match any cue word (the longest one at a place) in
    a group ``word``; :meth:`kind` says which kind it is. ``before`` also has the
    groups ``fut`` (the future prefix س) and ``pfx`` (a preposition or article).
    """

    before: regex.Pattern[str]
    after: regex.Pattern[str]
    weak: regex.Pattern[str]
    not_followed_by: Mapping[str, regex.Pattern[str]]
    before_kinds: Mapping[str, str]
    after_kinds: Mapping[str, str]

    def kind(self, match: regex.Match[str]) -> str:
        """The cue kind (a status, "comply" or "establish") of a ``before``/``after`` match."""
        kinds = self.before_kinds if match.re is self.before else self.after_kinds
        return kinds[match.group("word")]


@attrs.frozen
class Patterns:
    mechanisms: tuple[MechanismPattern, ...]
    anaphora: regex.Pattern[str]
    anaphora_blockers: regex.Pattern[str]
    governor: regex.Pattern[str]
    military: regex.Pattern[str]
    cues: CuePatterns
    negation: regex.Pattern[str]
    denial: regex.Pattern[str]
    again: regex.Pattern[str]
    not_negation: regex.Pattern[str]
    proposing: regex.Pattern[str]
    hedging: regex.Pattern[str]
    may: regex.Pattern[str]
    perfect: regex.Pattern[str]
    breaks: regex.Pattern[str]
    gap_breaks: regex.Pattern[str]
    unrelated: regex.Pattern[str]
    countries: regex.Pattern[str]
    between_stops: regex.Pattern[str]
    theatre: frozenset[str]
    pair: tuple[str, str]
    labels: Mapping[str, str]


def _words(lexicon: syrdiplo.Lexicon, *path: str, required: bool = True) -> list[str]:
    return lexicon.words(TABLE, *path, required=required)


def _fail(key: str, message: str) -> syrdiplo.DataFileError:
    return syrdiplo.DataFileError(TABLE, message, key=key)


def _word_list_pattern(
    words: Iterable[str], *, article: bool = True, future: bool = False
) -> regex.Pattern[str]:
    """Any of ``words`` as whole words, proclitics allowed, pronoun suffix allowed.

    With ``future`` a verb may carry the future prefix س ("سنبحث", "ستنظر").
    """
    prefix = r"(?:[وف]?س(?=[يتنا]))?" if future else ""
    return compile_pattern(
        WORD_START + prefix + PROCLITIC + r"(?:\L<w>)" + SUFFIX + WORD_END,
        w=_entries(words, article=article),
    )


def _plain_pattern(words: Iterable[str]) -> regex.Pattern[str]:
    """Any of ``words`` as whole words, exactly (no proclitics)."""
    return compile_pattern(WORD_START + r"(?:\L<w>)" + WORD_END, w=_entries(words, article=False))


def _mechanism(
    lexicon: syrdiplo.Lexicon, key: str, spec: Mapping[str, Any], heads: list[str], stops: list[str]
) -> MechanismPattern:
    where = f"mechanisms.{key}"
    needs = spec.get("needs", "none")
    if needs not in NEEDS:
        raise _fail(where, f"needs must be one of {', '.join(NEEDS)}, not {needs!r}")
    if not isinstance(spec.get("label"), str):
        raise _fail(where, "every mechanism needs a label")
    aims = _words(lexicon, "mechanisms", key, "aims", required=False)
    objects = _words(lexicon, "mechanisms", key, "objects", required=False)
    phrases = _words(lexicon, "mechanisms", key, "phrases", required=False)
    if bool(aims) != bool(objects):
        raise _fail(where, "aims and objects go together: give both or neither")
    if not aims and not phrases:
        raise _fail(where, "a mechanism needs phrases, or aims and objects")
    own_heads = _words(lexicon, "mechanisms", key, "heads", required=False) or heads
    cores = []
    lists: dict[str, list[str]] = {
        "heads": _entries(own_heads),
        "stops": _entries(stops, article=False),
    }
    if phrases:
        lists["phrases"] = _entries(_with_possessive(phrases))
        cores.append(r"(?P<phrase>\L<phrases>)")
    if aims:
        lists["occ"] = _entries(_words(lexicon, "occurrence", "words"))
        lists["aims"] = _entries(aims)
        lists["objects"] = _entries(objects)
        cores.append(
            r"(?:\L<aims>)(?:\s+(?:\L<occ>))?(?:\s+اي)?\s+" + PROCLITIC + r"(?:\L<objects>)"
        )
    head = (
        r"(?:(?P<head>(?P<hpfx>" + PROCLITIC + r")(?:\L<heads>)" + SUFFIX + r")"
        r"(?:" + GAP + r"(?!(?:\L<stops>)" + WORD_END + r")[\p{L}\p{N}]+){0,5}?" + GAP + r")?"
    )
    core = r"(?P<core>(?P<cpfx>" + PROCLITIC + r")(?:" + "|".join(cores) + r"))"
    pattern = compile_pattern(WORD_START + head + core + WORD_END, **lists)
    blockers = _words(lexicon, "mechanisms", key, "after_blockers", required=False)
    governors = _words(lexicon, "mechanisms", key, "governors", required=False)
    canonical = spec.get("key", key)
    if not isinstance(canonical, str) or not canonical.strip():
        raise _fail(where, "key must be a non-empty string")
    anchors = {_strip_article(normalize_word(w).split()[-1]) for w in (*objects, *phrases)}
    return MechanismPattern(
        key=canonical,
        needs=needs,
        anchor=compile_pattern(r"\L<anchors>", anchors=sorted(anchors)),
        governor=_word_list_pattern(governors) if governors else None,
        pattern=pattern,
        blockers=compile_pattern(r"\s*(?:\L<b>)" + WORD_END, b=_entries(blockers, article=False))
        if blockers
        else None,
    )


def _kinds(lexicon: syrdiplo.Lexicon, side: str) -> dict[str, str]:
    """Each normalised cue word on ``side`` ("before"/"after") and its kind.

    A word listed under two kinds is a data error; a form derived by dropping
    the article yields to a word listed as it is.
    """
    kinds: dict[str, str] = {}
    derived: dict[str, str] = {}
    for kind in CUE_KINDS:
        for word in _words(lexicon, "cues", kind, side, required=side == "before"):
            norm = normalize_word(word)
            if kinds.get(norm, kind) != kind:
                raise _fail(f"cues.{kind}.{side}", f"{word!r} is also a {kinds[norm]} cue")
            kinds[norm] = kind
            if side == "before":
                derived.setdefault(_strip_article(norm), kind)
    return {**derived, **kinds}


def _cues(lexicon: syrdiplo.Lexicon) -> CuePatterns:
    table = lexicon.table(TABLE, "cues")
    unknown = set(table) - set(CUE_KINDS)
    if unknown:
        raise _fail("cues", f"unknown cue kinds {sorted(unknown)}; use {', '.join(CUE_KINDS)}")
    before_kinds = _kinds(lexicon, "before")
    after_kinds = _kinds(lexicon, "after")
    before = compile_pattern(
        WORD_START
        + r"[وف]??(?P<fut>س(?=[يتنا]))??(?P<pfx>(?:[بك]?ال|لل|[بلك])??)(?P<word>\L<before>)"
        + SUFFIX
        + WORD_END,
        before=list(before_kinds),
    )
    after = compile_pattern(
        WORD_START + r"[وف]?(?P<word>\L<after>)" + WORD_END, after=list(after_kinds)
    )
    weak = _word_list_pattern(_words(lexicon, "cues", "active", "weak"))
    not_followed = {}
    for status in CUE_KINDS:
        words = _words(lexicon, "cues", status, "not_followed_by", required=False)
        if words:
            not_followed[status] = compile_pattern(
                r"\s+" + PROCLITIC + r"(?:\L<w>)" + WORD_END, w=_entries(words)
            )
    return CuePatterns(
        before=before,
        after=after,
        weak=weak,
        not_followed_by=not_followed,
        before_kinds=before_kinds,
        after_kinds=after_kinds,
    )


def _countries(lexicon: syrdiplo.Lexicon) -> tuple[regex.Pattern[str], frozenset[str]]:
    """One pattern with a group ``c_XX`` per country; words from ``countries`` plus our aliases."""
    table = lexicon["countries"]
    aliases = lexicon.table(TABLE, "parties", "aliases")
    words: dict[str, list[str]] = {}
    for code, entry in table.items():
        if not isinstance(entry, dict) or not regex.fullmatch(r"[A-Z]{2}", code):
            continue
        found = []
        for field in ("names", "adjectives", "people"):
            found += lexicon.words("countries", code, field, required=False)
        if entry.get("capital_is_government", True) is not False:
            found += lexicon.words("countries", code, "capitals", required=False)
        words[code] = found
    for code in aliases:
        if not regex.fullmatch(r"[A-Z]{2}", code):
            raise _fail(f"parties.aliases.{code}", "keys must be ISO 3166-1 alpha-2 codes")
        words.setdefault(code, []).extend(_words(lexicon, "parties", "aliases", code))
    parts, lists = [], {}
    for code, found in sorted(words.items()):
        if found:
            lists[f"c_{code}"] = _entries(found)
            parts.append(rf"(?P<c_{code}>\L<c_{code}>)")
    pattern = compile_pattern(
        WORD_START + PROCLITIC + "(?:" + "|".join(parts) + ")" + WORD_END, **lists
    )
    return pattern, frozenset(words)


def build(lexicon: syrdiplo.Lexicon) -> Patterns:
    """Compile every pattern from ``lexicon``; raise :class:`syrdiplo.DataFileError` on bad data."""
    mechanisms = lexicon.table(TABLE, "mechanisms")
    if not mechanisms:
        raise _fail("mechanisms", "no mechanisms defined")
    heads = _words(lexicon, "heads", "words")
    stops = _words(lexicon, "heads", "filler_stops")
    built = []
    for key, spec in mechanisms.items():
        if not isinstance(spec, dict):
            raise _fail(f"mechanisms.{key}", "expected a table")
        built.append(_mechanism(lexicon, key, spec, heads, stops))
    definite = _entries(_words(lexicon, "anaphora", "definite"), article=False)
    possessive = _entries(_words(lexicon, "anaphora", "possessive"), article=False)
    # "التنسيق" takes its article (and بال، لل ...); a construct "قنوات الاتصال" is definite already.
    with_article = [w[2:] for w in definite if w.startswith("ال")]
    constructs = [w for w in definite if not w.startswith("ال")]
    anaphora = compile_pattern(
        WORD_START
        + r"(?P<cpfx>(?:(?:هذا|هذه|تلك|ذلك)\s+)?)"
        + r"(?:"
        + DEFINITE
        + r"(?:\L<with_article>)|[وف]?[بلك]?(?:\L<constructs>)|(?:"
        + PROCLITIC
        + r")(?:\L<possessive>)(?:هما|هم|ها|نا|ه))"
        + WORD_END,
        with_article=with_article,
        constructs=constructs or ["\x00"],  # a word no text holds, when the list is empty
        possessive=possessive,
    )
    links = _entries(_words(lexicon, "military", "links"), article=False)
    partners = _entries(_words(lexicon, "military", "partners"))
    military = compile_pattern(
        r"(?:"
        + GAP
        + r"[\p{L}\p{N}]+){0,3}?"
        + GAP
        + r"(?:\L<links>)\s+"
        + PROCLITIC
        + r"(?:\L<partners>)"
        + WORD_END,
        links=links,
        partners=partners,
    )
    countries, known = _countries(lexicon)
    theatre = frozenset(_words(lexicon, "parties", "theatre"))
    pair = tuple(_words(lexicon, "parties", "pair"))
    if len(pair) != 2:
        raise _fail("parties.pair", "name exactly two countries")
    for code in (*theatre, *pair):
        if code not in known:
            raise _fail("parties", f"{code!r} is neither in the countries table nor an alias")
    return Patterns(
        mechanisms=tuple(built),
        anaphora=anaphora,
        anaphora_blockers=compile_pattern(
            r"(?:\s+[\p{L}]+){0,2}?\s*(?:\L<b>)" + WORD_END,
            b=_entries(_words(lexicon, "anaphora", "blockers"), article=False),
        ),
        governor=_word_list_pattern(_words(lexicon, "governors", "words")),
        military=military,
        cues=_cues(lexicon),
        negation=_plain_pattern(_words(lexicon, "negation", "words")),
        denial=_word_list_pattern(_words(lexicon, "negation", "denial"), article=False),
        again=_word_list_pattern(_words(lexicon, "modality", "again"), article=False),
        not_negation=_plain_pattern(_words(lexicon, "negation", "not_negation")),
        proposing=_word_list_pattern(
            _words(lexicon, "modality", "proposing"), article=False, future=True
        ),
        hedging=_word_list_pattern(
            _words(lexicon, "modality", "hedging"), article=False, future=True
        ),
        may=_plain_pattern(_words(lexicon, "modality", "may")),
        perfect=_word_list_pattern(_words(lexicon, "modality", "perfect"), article=False),
        breaks=_plain_pattern(_words(lexicon, "modality", "clause_breaks")),
        gap_breaks=_plain_pattern(
            _words(lexicon, "modality", "clause_breaks")
            + _words(lexicon, "modality", "complementisers")
        ),
        unrelated=_word_list_pattern(_words(lexicon, "unrelated", "words"), article=False),
        countries=countries,
        between_stops=_plain_pattern(_words(lexicon, "parties", "between_stops")),
        theatre=theatre,
        pair=(pair[0], pair[1]),
        labels={key: spec["label"] for key, spec in mechanisms.items()},
    )


def patterns(lexicon: syrdiplo.Lexicon) -> Patterns:
    """The compiled patterns for ``lexicon``, built on first use and cached on it."""
    return lexicon.cached("syrdiplo_deconfliction.patterns", build)
