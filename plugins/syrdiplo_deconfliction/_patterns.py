"""Compiled patterns for the deconfliction extractor, built once per lexicon.

The words live in ``data/deconfliction.toml`` (lexicon table ``deconfliction``)
and the core ``countries`` table; this module only turns them into ``regex``
patterns that run on the normalised article text. :func:`patterns` builds them
through :meth:`syrdiplo.Lexicon.cached`, so a pipeline compiles them once.

The word-list patterns come as :class:`._scan.Keyed`: with the keys of the words
a match can start with, so that they are run only at those words. Each mechanism
also lists the words a mention of it can end with (:attr:`MechanismPattern.ends`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

import attrs
import regex

import syrdiplo
from syrdiplo.text import PROCLITIC, WORD_END, WORD_START, compile_pattern, normalize_word

from ._scan import Keyed, StartIndex, plain_entries, shapes

__all__ = ["CUE_KINDS", "STATUSES", "CuePatterns", "MechanismPattern", "Patterns", "patterns"]

TABLE = "deconfliction"
STATUSES = ("active", "suspended", "violated", "resumed", "proposed")
#: Cue kinds: the statuses, "comply" (keeping to a mechanism: active, or violated when
#: negated), "establish" (setting one up: proposed or nothing) and "sign" (signing or
#: approving one: active, or proposed when only planned).
CUE_KINDS = (*STATUSES, "comply", "establish", "sign")
NEEDS = ("none", "head", "military", "governor", "parties")

#: A pronoun suffix on a noun or verb (تنسيقها، خرقه، اتصالاتهما).
SUFFIX = r"(?:هما|هم|ها|نا|ه)?"
#: Spaces and quotation marks between the words of a mention ("آلية “منع الاصطدام”").
GAP = r"[\s\"'«»“”„‟\u2039\u203a]+"
#: The gap after a filler word of a mention: a date among the fillers may be closed by a
#: comma after its number ("مذكرة تفاهم في تشرين الأول 2015، بشأن منع وقوع حوادث الطيران").
FILLER_GAP = r"(?:(?<=\p{N})\s*,)?" + GAP
#: The definite article with its proclitics, required (التنسيق، بالاتصال، للمذكرة).
DEFINITE = r"(?:[وف]?(?:[بك]?ال|لل))"
#: Every string ``PROCLITIC`` matches, and every string ``SUFFIX`` matches.
PROCLITICS = tuple(
    c + p for c in ("", "و", "ف") for p in ("", "ب", "ل", "ك", "ال", "بال", "كال", "لل")
)
SUFFIXES = ("", "هما", "هم", "ها", "نا", "ه")
#: The lists of cue words for each kind: ``next`` and ``near`` words govern only their own
#: complement (see :attr:`CuePatterns.close`).
CUE_SIDES = ("before", "next", "near")
#: The most words (``[close]`` bridges aside) a ``near`` cue may stand before its mechanism.
NEAR_REACH = 2


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
    pattern: Keyed
    blockers: regex.Pattern[str] | None
    #: Every word a match can end with (prefixes attached), with the words that can
    #: stand right before it (``None``: any); ``None`` when unknown.
    ends: Mapping[str, frozenset[str] | None] | None
    #: The most words a match can span.
    reach: int
    #: The words a match's head can start with, and those its core can start
    #: with (``None``: unknown); the core starts at most ``head_reach`` words
    #: after the head.
    heads: Keyed | None
    cores: Keyed | None
    head_reach: int
    governor: Keyed | None = None
    #: The cue kind a mention's core says itself (``status`` in the entry), if any.
    status: str | None = None


@attrs.frozen
class CuePatterns:
    """Status cues.

    ``before`` and ``after`` match any cue word (the longest one at a place) in
    a group ``word``; :meth:`kind` says which kind it is. ``before`` also has the
    groups ``fut`` (the future prefix س) and ``pfx`` (a preposition or article).
    """

    before: Keyed
    after: Keyed
    weak: Keyed
    not_followed_by: Mapping[str, regex.Pattern[str]]
    before_kinds: Mapping[str, str]
    after_kinds: Mapping[str, str]
    #: The ``before`` words that govern only their own complement, with the most words
    #: that may stand between them and the mechanism (0 for ``next``, :data:`NEAR_REACH`
    #: for ``near``), ``bridges`` not counted and no ``stops`` among them.
    close: Mapping[str, int] = attrs.field(factory=dict)
    bridges: frozenset[str] = frozenset()
    stops: frozenset[str] = frozenset()

    def kind(self, match: regex.Match[str]) -> str:
        """The cue kind (a status, "comply", "establish" or "sign") of a ``before``/``after`` match."""
        kinds = self.before_kinds if match.re is self.before.pattern else self.after_kinds
        return kinds[match.group("word")]


@attrs.frozen
class Patterns:
    mechanisms: tuple[MechanismPattern, ...]
    anaphora: Keyed
    anaphora_blockers: regex.Pattern[str]
    #: A pronoun on the object of a cue ("تعليقه", "وقف العمل به", "الالتزام بها"): group
    #: ``own`` (on the cue itself), ``bridged`` or ``direct`` (on ب after it) spans the pronoun.
    pronoun: Keyed
    #: What may follow a cue carrying the pronoun itself (see ``[pronouns].followers``).
    pronoun_followers: regex.Pattern[str]
    #: An agreement noun right after a signing cue ("تم توقيع اتفاق"), named in what follows.
    signed: regex.Pattern[str]
    #: A fast test for a stretch that may hold a ``signed`` noun: any of them, article
    #: dropped, as a plain substring (a superset of what ``signed`` finds).
    signed_probe: re.Pattern[str]
    governor: Keyed
    military: regex.Pattern[str]
    cues: CuePatterns
    negation: regex.Pattern[str]
    #: A word that negates only the word right after it ("غير مفعلة", but not the cue after
    #: "غير المهنية" or "دون طيار"; see ``[negation].narrow``).
    narrow_negation: regex.Pattern[str]
    denial: Keyed
    again: Keyed
    after_pause: Keyed
    not_negation: regex.Pattern[str]
    proposing: Keyed
    hedging: Keyed
    #: Approving or deciding ("وافق على", "قررت"): an ``establish`` or ``sign`` cue after
    #: one is a plan.
    deciding: Keyed
    may: regex.Pattern[str]
    #: Words that put a verb in the future ("سوف").
    future: regex.Pattern[str]
    perfect: Keyed
    breaks: Keyed
    gap_breaks: regex.Pattern[str]
    #: A participle that gives a mechanism its own date ("المؤرخة في", "الموقعة في").
    attributive: regex.Pattern[str]
    #: A comma-enclosed time adverb ("، الثلاثاء،") a cue may reach across.
    parenthetical: regex.Pattern[str]
    #: Words after an ``after`` cue among a head's fillers that make it a purpose ("تعمل على").
    inside_blockers: regex.Pattern[str]
    #: Verbs of effect among a head's fillers ("قنوات الاتصال تسمح بتقليص خطر ..."): active.
    inside_effects: Keyed
    unrelated: Keyed
    countries: Keyed
    #: The words a country name of several words can start with (``None``: unknown).
    country_phrases: frozenset[str] | None
    between_stops: regex.Pattern[str]
    theatre: frozenset[str]
    pair: tuple[str, str]
    labels: Mapping[str, str]
    #: Which of the word-list patterns can start at a word.
    starts: StartIndex
    #: For each word a mechanism mention can end with, the mechanisms (their index)
    #: and the words that can stand before it there (``None``: any).
    ends: Mapping[str, tuple[tuple[int, frozenset[str] | None], ...]]
    end_words: frozenset[str]
    #: What ``countries`` gives on a word alone, for words that start no longer name:
    #: the country code, "" for a match without one, ``None`` for no match.
    country_of: dict[str, str | None] = attrs.field(factory=dict, eq=False)


def _words(lexicon: syrdiplo.Lexicon, *path: str, required: bool = True) -> list[str]:
    """The words at ``path``; an entry "@name" stands for the words of table ``name``."""
    out = []
    for word in lexicon.words(TABLE, *path, required=required):
        if word.startswith("@"):
            if word[1:] in path[:1]:
                raise _fail(".".join(path), f"{word!r} refers to itself")
            out += _words(lexicon, word[1:], "words")
        else:
            out.append(word)
    return out


def _fail(key: str, message: str) -> syrdiplo.DataFileError:
    return syrdiplo.DataFileError(TABLE, message, key=key)


def _forms(entries: list[str] | None, suffixes: Iterable[str] = ("",)) -> frozenset[str] | None:
    """Every word a match of ``PROCLITIC (?:entries) [suffix]`` can start with, spelt out."""
    if entries is None:
        return None
    firsts = set()
    for entry in entries:
        first, space, _ = entry.partition(" ")
        firsts.update((first,) if space else (first + s for s in suffixes))
    return frozenset(p + f for p in PROCLITICS for f in firsts)


def _word_list_pattern(
    words: Iterable[str], *, article: bool = True, future: bool = False, spelt: bool = False
) -> Keyed:
    """Any of ``words`` as whole words, proclitics allowed, pronoun suffix allowed.

    With ``future`` a verb may carry the future prefix س ("سنبحث", "ستنظر"). With
    ``spelt`` (for a short list) the words a match can start with are spelt out.
    """
    prefix = r"(?:[وف]?س(?=[يتنا]))?" if future else ""
    entries = _entries(words, article=article)
    pattern = compile_pattern(
        WORD_START + prefix + PROCLITIC + r"(?:\L<w>)" + SUFFIX + WORD_END, w=entries
    )
    keyed = Keyed.of(pattern, entries)
    if spelt and not future and keyed.shapes is not None:
        keyed.forms = _forms(plain_entries(entries), SUFFIXES)
    return keyed


def _after_pause(lexicon: syrdiplo.Lexicon) -> Keyed:
    """The "after it had stopped" pattern: an opener, up to three words, then a pause noun with a
    pronoun suffix ("بعد أسابيع من تعليقها") or أن and a pause verb ("بعد أن توقفت").
    """
    openers = _entries(_words(lexicon, "after_pause", "openers"), article=False)
    pattern = compile_pattern(
        WORD_START
        + r"[وف]?(?:\L<openers>)(?:\s+[\p{L}\p{N}]+){0,3}?\s+"
        + r"(?:[وفبل]?(?:\L<nouns>)(?:هما|هم|ها|ه)|(?<=(?:^|\s)ان\s+)(?:\L<verbs>))"
        + WORD_END,
        openers=openers,
        nouns=_entries(_words(lexicon, "after_pause", "nouns"), article=False),
        verbs=_entries(_words(lexicon, "after_pause", "verbs"), article=False),
    )
    return Keyed.of(pattern, openers, alone=False)


def _pronoun(lexicon: syrdiplo.Lexicon, cues: CuePatterns) -> Keyed:
    """The pronoun pattern of ``[pronouns]``; every cue word there must be a cue word."""
    lists = {
        name: _words(lexicon, "pronouns", name) for name in ("on_cue", "after_bridge", "after_cue")
    }
    for name, words in lists.items():
        for word in words:
            if normalize_word(word) not in cues.before_kinds:
                raise _fail(f"pronouns.{name}", f"{word!r} is not a cue word of [cues]")
    entries = {name: _entries(words) for name, words in lists.items()}
    pronoun = r"(?:هما|ها|ه)"
    own = r"(?:\L<on_cue>)(?P<own>" + pronoun + ")"
    bridged = r"(?:\L<after_bridge>)\s+(?:\L<bridges>)\s+(?P<bridged>ب" + pronoun + ")"
    direct = r"(?:\L<after_cue>)\s+(?P<direct>ب" + pronoun + ")"
    pattern = compile_pattern(
        WORD_START
        + r"[وف]??(?:س(?=[يتنا]))??(?:[بك]?ال|لل|[بلك])??"
        + f"(?:{own}|{bridged}|{direct})"
        + WORD_END,
        bridges=_entries(_words(lexicon, "pronouns", "bridges"), article=False),
        **entries,
    )
    return Keyed.of(pattern, [w for words in entries.values() for w in words], alone=False)


def _substring_probe(words: Iterable[str]) -> re.Pattern[str]:
    """Any of ``words`` (normalised, a leading ال dropped) anywhere, as a plain ``re`` search."""
    stems = {normalize_word(w).removeprefix("ال") for w in words} - {""}
    if not stems:
        return re.compile(r"(?!)")
    return re.compile("|".join(re.escape(w) for w in sorted(stems, key=len, reverse=True)))


def _plain_pattern(words: Iterable[str]) -> regex.Pattern[str]:
    """Any of ``words`` as whole words, exactly (no proclitics)."""
    return compile_pattern(WORD_START + r"(?:\L<w>)" + WORD_END, w=_entries(words, article=False))


def _mechanism(
    lexicon: syrdiplo.Lexicon,
    key: str,
    spec: Mapping[str, Any],
    heads: list[str],
    stops: list[str],
    purpose: list[str],
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
        "purpose": _entries(purpose, article=False),
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
    stop = r"(?!(?:\L<stops>)" + WORD_END + r")|(?<=(?:\L<purpose>)" + GAP + r")"
    filler = FILLER_GAP + r"(?:" + stop + r")[\p{L}\p{N}]+"
    head = (
        r"(?:(?P<head>(?P<hpfx>" + PROCLITIC + r")(?:\L<heads>)" + SUFFIX + r")"
        r"(?:" + filler + r"){0,5}?" + FILLER_GAP + r")?"
    )
    core = r"(?P<core>(?P<cpfx>" + PROCLITIC + r")(?:" + "|".join(cores) + r"))"
    pattern = compile_pattern(WORD_START + head + core + WORD_END, **lists)
    # A match starts with a head, a phrase or an aim.
    starts = [lists["heads"], lists.get("phrases", []), lists.get("aims", [])]
    blockers = _words(lexicon, "mechanisms", key, "after_blockers", required=False)
    governors = _words(lexicon, "mechanisms", key, "governors", required=False)
    canonical = spec.get("key", key)
    if not isinstance(canonical, str) or not canonical.strip():
        raise _fail(where, "key must be a non-empty string")
    status = spec.get("status")
    if status is not None and status not in CUE_KINDS:
        raise _fail(where, f"status must be one of {', '.join(CUE_KINDS)}, not {status!r}")
    return MechanismPattern(
        key=canonical,
        needs=needs,
        ends=_ends(lists),
        reach=_reach(lists),
        heads=_first_words(lists["heads"], suffix=True),
        cores=_first_words([*lists.get("phrases", []), *lists.get("aims", [])]),
        head_reach=max(len(h.split()) for h in lists["heads"]) + 5,
        governor=_word_list_pattern(governors) if governors else None,
        status=status,
        pattern=Keyed.of(pattern, [w for ws in starts for w in ws], alone=False),
        blockers=compile_pattern(r"\s*(?:\L<b>)" + WORD_END, b=_entries(blockers, article=False))
        if blockers
        else None,
    )


def _first_words(entries: list[str], *, suffix: bool = False) -> Keyed | None:
    """A pattern for a word that begins one of ``entries``: with proclitics, and a
    pronoun suffix (with ``suffix``) when the entry is that one word.
    """
    plain = plain_entries(entries)
    if plain is None:
        return None
    single = [e for e in plain if " " not in e]
    first = sorted({e.split(" ")[0] for e in plain if " " in e})
    parts, lists = [], {}
    if single:
        parts.append(r"(?:\L<single>)" + (SUFFIX if suffix else ""))
        lists["single"] = single
    if first:
        parts.append(r"(?:\L<first>)")
        lists["first"] = first
    pattern = compile_pattern(PROCLITIC + "(?:" + "|".join(parts) + ")" + WORD_END, **lists)
    return Keyed(pattern, shapes(plain), phrases={})


def _ends(lists: Mapping[str, list[str]]) -> dict[str, frozenset[str] | None] | None:
    """Every word a mechanism match can end with, and the words that can stand before it.

    A match ends with the last word of a phrase or an object. A one-word phrase
    or object carries its proclitics ("بالاصطدام"); the word before a one-word
    phrase can be anything (``None``), the word before a one-word object is the
    end of an aim, an occurrence word or أي, and the word before the last word
    of a longer entry is that entry's word (with proclitics, if it is the
    first). ``None`` when an entry is not plain words (then the sentence is
    searched as it is).
    """
    plain = {name: plain_entries(entries) for name, entries in lists.items()}
    if any(entries is None for entries in plain.values()):
        return None

    def last_words(name: str, proclitics: bool = True) -> set[str]:
        out = set()
        for entry in plain.get(name) or ():
            *_, last = entry.split(" ")
            single = proclitics and " " not in entry
            out.update(p + last for p in PROCLITICS) if single else out.add(last)
        return out

    before_object = frozenset(last_words("aims") | last_words("occ", False) | {"اي"})
    ends: dict[str, set[str] | None] = {}

    def add(word: str, before: Iterable[str] | None) -> None:
        known = ends.get(word, set())
        ends[word] = None if before is None or known is None else known | set(before)

    for name in ("phrases", "objects"):
        for entry in plain.get(name) or ():
            words = entry.split(" ")
            if len(words) > 1:
                pre = words[-2]
                add(words[-1], [p + pre for p in PROCLITICS] if len(words) == 2 else [pre])
            else:
                for p in PROCLITICS:
                    add(p + entry, None if name == "phrases" else before_object)
    return {word: None if b is None else frozenset(b) for word, b in ends.items()}


def _reach(lists: Mapping[str, list[str]]) -> int:
    """The most words a mechanism match can span: head, five fillers and the core."""

    def longest(name: str) -> int:
        return max((len(e.split()) for e in lists.get(name, ())), default=0)

    described = longest("aims") + longest("occ") + 1 + longest("objects")  # منع وقوع أي حوادث
    return longest("heads") + 5 + max(longest("phrases"), described)


def _kinds(lexicon: syrdiplo.Lexicon, sides: tuple[str, ...]) -> dict[str, str]:
    """Each normalised cue word on ``sides`` (("after",) or :data:`CUE_SIDES`) and its kind.

    A word listed under two kinds is a data error; a form derived by dropping
    the article yields to a word listed as it is.
    """
    kinds: dict[str, str] = {}
    derived: dict[str, str] = {}
    for kind in CUE_KINDS:
        for side in sides:
            for word in _words(lexicon, "cues", kind, side, required=side == "before"):
                norm = normalize_word(word)
                if kinds.get(norm, kind) != kind:
                    raise _fail(f"cues.{kind}.{side}", f"{word!r} is also a {kinds[norm]} cue")
                kinds[norm] = kind
                if side != "after":
                    derived.setdefault(_strip_article(norm), kind)
    return {**derived, **kinds}


def _close(lexicon: syrdiplo.Lexicon) -> dict[str, int]:
    """The ``next`` and ``near`` cue words (normalised, with their article-less forms) and
    their reach; a word listed both as one of them and as a plain ``before`` word is an error.
    """
    close: dict[str, int] = {}
    for kind in CUE_KINDS:
        plain = {normalize_word(w) for w in _words(lexicon, "cues", kind, "before")}
        for side, reach in (("next", 0), ("near", NEAR_REACH)):
            for word in _words(lexicon, "cues", kind, side, required=False):
                norm = normalize_word(word)
                if norm in plain:
                    raise _fail(f"cues.{kind}.{side}", f"{word!r} is also a plain before cue")
                close[norm] = close[_strip_article(norm)] = reach
    return close


def _cues(lexicon: syrdiplo.Lexicon) -> CuePatterns:
    table = lexicon.table(TABLE, "cues")
    unknown = set(table) - set(CUE_KINDS)
    if unknown:
        raise _fail("cues", f"unknown cue kinds {sorted(unknown)}; use {', '.join(CUE_KINDS)}")
    before_kinds = _kinds(lexicon, CUE_SIDES)
    after_kinds = _kinds(lexicon, ("after",))
    # words that only look like a cue ("العادة" is not ال + عاد + ه)
    not_cues = r"(?!(?:\L<not_cues>)" + WORD_END + ")"
    before = Keyed.of(
        compile_pattern(
            WORD_START
            + not_cues
            + r"[وف]??(?P<fut>س(?=[يتنا]))??(?P<pfx>(?:[بك]?ال|لل|[بلك])??)(?P<word>\L<before>)"
            + SUFFIX
            + WORD_END,
            before=list(before_kinds),
            not_cues=_entries(_words(lexicon, "not_cues", "words"), article=False),
        ),
        before_kinds,
    )
    after = Keyed.of(
        compile_pattern(
            WORD_START + r"[وف]?(?P<word>\L<after>)" + WORD_END, after=list(after_kinds)
        ),
        after_kinds,
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
        close=_close(lexicon),
        bridges=frozenset(map(normalize_word, _words(lexicon, "close", "bridges"))),
        stops=frozenset(map(normalize_word, _words(lexicon, "close", "stops"))),
    )


def _countries(
    lexicon: syrdiplo.Lexicon,
) -> tuple[Keyed, frozenset[str] | None, frozenset[str]]:
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
    plain = plain_entries(w for entries in lists.values() for w in entries)
    keyed = Keyed.of(pattern, [w for entries in lists.values() for w in entries])
    keyed.forms = _forms(plain)
    phrases = _forms(None if plain is None else [e for e in plain if " " in e])
    return keyed, phrases, frozenset(words)


def build(lexicon: syrdiplo.Lexicon) -> Patterns:
    """Compile every pattern from ``lexicon``; raise :class:`syrdiplo.DataFileError` on bad data."""
    mechanisms = lexicon.table(TABLE, "mechanisms")
    if not mechanisms:
        raise _fail("mechanisms", "no mechanisms defined")
    heads = _words(lexicon, "heads", "words")
    stops = _words(lexicon, "heads", "filler_stops")
    purpose = _words(lexicon, "heads", "purpose")
    built = []
    for key, spec in mechanisms.items():
        if not isinstance(spec, dict):
            raise _fail(f"mechanisms.{key}", "expected a table")
        built.append(_mechanism(lexicon, key, spec, heads, stops, purpose))
    definite = _entries(_words(lexicon, "anaphora", "definite"), article=False)
    possessive = _entries(_words(lexicon, "anaphora", "possessive"), article=False)
    demonstratives = _entries(_words(lexicon, "anaphora", "demonstratives"), article=False)
    # "التنسيق" takes its article (and بال، لل ...); a construct "قنوات الاتصال" is definite already.
    with_article = [w[2:] for w in definite if w.startswith("ال")]
    constructs = [w for w in definite if not w.startswith("ال")]
    anaphora_pattern = compile_pattern(
        WORD_START
        + r"(?P<cpfx>(?:(?:\L<demonstratives>)\s+)?)"
        + r"(?:"
        + DEFINITE
        + r"(?:\L<with_article>)|[وف]?[بلك]?(?:\L<constructs>)|(?:"
        + PROCLITIC
        + r")(?:\L<possessive>)(?:هما|هم|ها|نا|ه))"
        + WORD_END,
        with_article=with_article,
        constructs=constructs or ["\x00"],  # a word no text holds, when the list is empty
        possessive=possessive,
        demonstratives=demonstratives,
    )
    anaphora = (
        Keyed.of(
            anaphora_pattern, [*with_article, *constructs, *possessive], openers=demonstratives
        )
        if constructs
        else Keyed(anaphora_pattern, None)
    )
    if anaphora.shapes is not None:
        anaphora.forms = _anaphora_forms(with_article, constructs, possessive, demonstratives)
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
    countries, country_phrases, known = _countries(lexicon)
    theatre = frozenset(_words(lexicon, "parties", "theatre"))
    pair = tuple(_words(lexicon, "parties", "pair"))
    if len(pair) != 2:
        raise _fail("parties.pair", "name exactly two countries")
    for code in (*theatre, *pair):
        if code not in known:
            raise _fail("parties", f"{code!r} is neither in the countries table nor an alias")
    cues = _cues(lexicon)
    keyed = {
        "pronoun": _pronoun(lexicon, cues),
        "anaphora": anaphora,
        "governor": _word_list_pattern(_words(lexicon, "governors", "words")),
        "denial": _word_list_pattern(_words(lexicon, "negation", "denial"), article=False),
        "again": _word_list_pattern(_words(lexicon, "modality", "again"), article=False),
        "after_pause": _after_pause(lexicon),
        "proposing": _word_list_pattern(
            _words(lexicon, "modality", "proposing"), article=False, future=True
        ),
        "hedging": _word_list_pattern(
            _words(lexicon, "modality", "hedging"), article=False, future=True
        ),
        "perfect": _word_list_pattern(_words(lexicon, "modality", "perfect"), article=False),
        "deciding": _word_list_pattern(
            _words(lexicon, "modality", "deciding"), article=False, future=True
        ),
        "unrelated": _word_list_pattern(
            _words(lexicon, "unrelated", "words"), article=False, spelt=True
        ),
        "countries": countries,
        "inside_effects": _word_list_pattern(_words(lexicon, "inside", "effects"), article=False),
    }
    breaks_words = _entries(_words(lexicon, "modality", "clause_breaks"), article=False)
    breaks = Keyed.of(_plain_pattern(breaks_words), breaks_words)
    every = [*keyed.values(), breaks, cues.before, cues.after, cues.weak]
    end_words = frozenset(_end_index(built))
    for mechanism in built:
        every += [mechanism.pattern, mechanism.governor, mechanism.heads, mechanism.cores]
    every = [k for k in every if k is not None]
    return Patterns(
        mechanisms=tuple(built),
        signed=compile_pattern(
            WORD_START + r"(?:\L<w>)" + WORD_END,
            w=_entries(_words(lexicon, "anaphora", "signed")),
        ),
        signed_probe=_substring_probe(_words(lexicon, "anaphora", "signed")),
        anaphora_blockers=compile_pattern(
            r"(?:\s+[\p{L}]+){0,2}?\s*(?:\L<b>)" + WORD_END,
            b=_entries(_words(lexicon, "anaphora", "blockers"), article=False),
        ),
        military=military,
        cues=cues,
        negation=_plain_pattern(_words(lexicon, "negation", "words")),
        narrow_negation=_plain_pattern(_words(lexicon, "negation", "narrow")),
        not_negation=_plain_pattern(_words(lexicon, "negation", "not_negation")),
        may=_plain_pattern(_words(lexicon, "modality", "may")),
        future=_plain_pattern(_words(lexicon, "modality", "future")),
        breaks=breaks,
        gap_breaks=_plain_pattern(
            _words(lexicon, "modality", "clause_breaks")
            + _words(lexicon, "modality", "complementisers")
        ),
        parenthetical=_parenthetical(lexicon),
        attributive=_word_list_pattern(
            _words(lexicon, "dates", "attributive"), article=False
        ).pattern,
        pronoun_followers=compile_pattern(
            r"[\s\"'«»“”]*(?:[,;:.!?()\[\]\n|•]|$|[وف]?(?:\L<w>)" + WORD_END + ")",
            w=_entries(_words(lexicon, "pronouns", "followers"), article=False),
        ),
        inside_blockers=compile_pattern(
            r"\s+(?:\L<w>)" + WORD_END,
            w=_entries(_words(lexicon, "inside", "words"), article=False),
        ),
        between_stops=_plain_pattern(_words(lexicon, "parties", "between_stops")),
        theatre=theatre,
        pair=(pair[0], pair[1]),
        labels={key: spec["label"] for key, spec in mechanisms.items()},
        ends=_end_index(built),
        end_words=end_words,
        starts=StartIndex(every, [end_words]),
        country_phrases=country_phrases,
        **keyed,
    )


#: The most words a comma-enclosed time adverb may have ("، اعتبارا من 5 آب/أغسطس،").
PARENTHETICAL_WORDS = 6
#: The month families of the core ``months`` table whose names a time adverb may hold.
MONTH_FAMILIES = ("gregorian", "hijri")


def _parenthetical(lexicon: syrdiplo.Lexicon) -> regex.Pattern[str]:
    """A time adverb between two commas: ``[modality].parenthetical`` words, the month names
    of the core ``months`` table and numbers, joined by spaces, "/" or "-".
    """
    words = _words(lexicon, "modality", "parenthetical")
    for family in MONTH_FAMILIES:
        for names in lexicon.table("months", family).values():
            words += names
    word = r"(?:(?:\L<w>)|\p{N}+)"
    return compile_pattern(
        r",\s*(?:" + word + r"[\s/-]+){0," + str(PARENTHETICAL_WORDS - 1) + "}" + word + r"\s*,",
        w=_entries(words, article=False),
    )


def _anaphora_forms(
    with_article: list[str], constructs: list[str], possessive: list[str], openers: list[str]
) -> frozenset[str] | None:
    """Every word a match of the anaphora pattern can start with, spelt out."""
    plain = [plain_entries(ws) for ws in (with_article, constructs, possessive)]
    if any(p is None for p in plain):
        return None
    definite, construct = (
        {entry.split(" ")[0] for entry in entries or ()} for entries in plain[:2]
    )
    # A possessive suffix goes on the last word: on the first only when it is the last.
    stems = {
        first + suffix
        for entry in plain[2] or ()
        for first, space, _ in [entry.partition(" ")]
        for suffix in (("",) if space else SUFFIXES[1:])
    }
    conj = ("", "و", "ف")
    forms = set(openers)
    forms.update(c + p + w for c in conj for p in ("ال", "بال", "كال", "لل") for w in definite)
    forms.update(c + p + w for c in conj for p in ("", "ب", "ل", "ك") for w in construct)
    forms.update(p + w for p in PROCLITICS for w in stems)
    return frozenset(forms)


def _end_index(
    mechanisms: Iterable[MechanismPattern],
) -> dict[str, tuple[tuple[int, frozenset[str] | None], ...]]:
    """For each end word, the mechanisms (their index) it can end, with the words before it."""
    index: dict[str, tuple[tuple[int, frozenset[str] | None], ...]] = {}
    for number, mechanism in enumerate(mechanisms):
        for word, before in (mechanism.ends or {}).items():
            index[word] = (*index.get(word, ()), (number, before))
    return index


def patterns(lexicon: syrdiplo.Lexicon) -> Patterns:
    """The compiled patterns for ``lexicon``, built on first use and cached on it."""
    return lexicon.cached("syrdiplo_deconfliction.patterns", build)
