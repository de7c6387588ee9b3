"""The meetings lexicon compiled into matchers and lookup tables, once per lexicon.

The words live in ``data/meetings.toml`` (and, for places and states, in the
core ``places`` and ``countries`` tables); this module only gives them shape:
it inflects the trigger words (pronoun suffixes, tanween alef, duals), sets
which attached prefixes each list takes, and builds one
:class:`~._matcher.PhraseMatcher` per list. :func:`rules_for` caches the
result on the lexicon, so a pipeline builds them once however many articles it
reads.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs
import regex

import syrdiplo
from syrdiplo.matching import CONJUNCTIONS, NOUN_PREFIXES, MatcherSet, PhraseMatcher
from syrdiplo.text import normalize_word

__all__ = ["FormatInfo", "Rules", "TriggerInfo", "rules_for"]

KINDS = ("call", "meeting", "talks")  # the order in which a form listed twice is read
FORMS = (
    "past",
    "present",
    "nouns",
    "past_with",
    "present_with",
    "nouns_with",
    "past_modified",
    "present_modified",
    "nouns_modified",
)
STATUSES = ("cancelled", "proposed", "planned", "ongoing", "occurred")
_PRONOUNS = ("ه", "ها", "هما", "هم", "هن", "نا", "كم")
_VERB_OBJECTS = ("ه", "ها", "هما", "هم", "نا")


@attrs.frozen
class TriggerInfo:
    """What a matched trigger word is.

    :param form: ``"noun"``, ``"past"`` or ``"present"``.
    :param needs_with: counts only with a مع/بين phrase after it ("بحث ... مع").
    :param base: the lexicon entry the surface form was made from.
    :param suffixed: the form carries a pronoun suffix (so it is definite).
    """

    kind: str
    form: str
    needs_with: bool
    base: str
    needs_modifier: bool = False
    suffixed: bool = False


@attrs.frozen
class FormatInfo:
    """A multilateral format (Astana, Geneva ...) as listed in the lexicon."""

    key: str
    parties: tuple[str, ...]
    kind: str | None
    location: str | None
    assembly: bool = False  # a body whose own sessions are no meeting of the states named


@attrs.frozen
class Place:
    canonical: str
    kind: str | None


@attrs.frozen
class StateWord:
    """A word that names a state: a name, capital or people (``role``)."""

    country: str
    role: str


@attrs.frozen(kw_only=True)
class Rules:
    """Every matcher, pattern and lookup table the extractor uses."""

    triggers: PhraseMatcher  # surface form -> tuple[TriggerInfo, ...]
    not_triggers: frozenset[str]
    not_conjunction: frozenset[str]
    manner: PhraseMatcher  # "، وذلك في اتصال هاتفي": no clause of its own
    pair_words: frozenset[str]
    subject_between: frozenset[str]  # "بينه": the sentence's subject is a side
    verb_homographs: frozenset[str]  # talks nouns that are also verbs ("تواصل")
    state_pair_words: frozenset[str]
    visits: frozenset[str]
    call_modifiers: PhraseMatcher
    call_light_verbs: frozenset[str]
    singular_contacts: frozenset[str]
    anaphor_determiners: frozenset[str]
    anaphors: Mapping[str, tuple[str, ...]]
    not_before: frozenset[str]
    not_after: PhraseMatcher
    setting_before: PhraseMatcher
    in_person: PhraseMatcher  # "تحدث ... على هامش": a meeting without a call word
    boundaries: PhraseMatcher
    complementizers: PhraseMatcher
    attributions: PhraseMatcher
    place_before: frozenset[str]
    side_before: frozenset[str]
    side_prepositions: frozenset[str]
    earlier_event: frozenset[str]
    topic_before: frozenset[str]
    media: tuple[str, ...]
    media_words: frozenset[str]  # the one-word media names, to look up a word before a name
    stateless: frozenset[str]
    stateless_names: tuple[str, ...]  # the same, for str.startswith
    stateless_beginnings: frozenset[str]  # every beginning of a stateless name
    sources: frozenset[str]
    speaking_sources: frozenset[str]  # sources only as a claim's speaker ("خبراء")
    international: frozenset[str]
    topic_states: frozenset[str]  # states named mostly as the topic ("بشأن سوريا")
    own_country: PhraseMatcher
    status: PhraseMatcher  # cue -> (status, near only)
    status_order: tuple[str, ...]
    not_cues: frozenset[str]
    verbal_nouns: frozenset[str]  # occurrence cues that are also nouns ("عقد")
    noun_before: frozenset[str]  # ... read as nouns after these ("إلى عقد")
    not_events: frozenset[str]  # ... or before these ("عقد صفقة")
    places: PhraseMatcher  # name -> Place
    formats: PhraseMatcher  # name -> FormatInfo
    states: PhraseMatcher  # name, capital or people -> StateWord
    state_words: Mapping[str, StateWord]
    roles: PhraseMatcher  # role noun -> True for a person, False for a side
    adjectives: Mapping[str, str]
    adjective_forms: Mapping[str, str]  # an adjective as written, with or without ال -> country
    conjoined_adjectives: Mapping[str, str]  # the same with و attached ("والأمريكي")
    with_words: frozenset[str]
    between_words: frozenset[str]
    modal: frozenset[str]
    past_particles: frozenset[str]
    sequence: frozenset[str]
    since: frozenset[str]
    relatives: frozenset[str]  # "الذي"، "التي"
    join_verbs: frozenset[str]  # "شارك في الاجتماع X": X joins the meeting named before
    contrast: PhraseMatcher  # "بينما": a clause that borrows no party from before it
    sizes: dict[str, int]  # "رباعي": an event of four sides
    relation_nouns: frozenset[str]  # "العلاقات بين": the بين-phrase is the relation's
    prepositions: frozenset[str]  # before a relative, it tells of another noun
    since_forms: frozenset[str]  # since words, with و or ف attached or not
    destination: frozenset[str]
    location_intro: frozenset[str]
    location_between: frozenset[str]
    city_words: frozenset[str]  # "في مدينة": a city follows, listed or not
    nisba_endings: tuple[str, ...]  # "الفنلندية": endings of a nationality adjective
    # "كل من" (read from the core cues table): each of a list follows; as word tuples
    listed: frozenset[tuple[str, ...]]
    listed_tails: frozenset[str]  # the last word of each ("من")
    unbroken: frozenset[str]  # "لم يقطعوا الاتصالات": a channel kept open, no event
    setting: frozenset[str]  # "نفى الكرملين خلال لقاء ...": the event is when, not what, is denied
    before_only: frozenset[str]  # status cues that count only before the trigger ("رفض")
    generic_after: frozenset[str]  # "مباحثات دبلوماسية": talks of no one in particular
    country_names: Mapping[str, str]
    scan: MatcherSet  # the matchers run over the whole text, in one pass


# --------------------------------------------------------------------------- inflection


def _norm(word: str) -> str:
    return regex.sub(r"\s+", " ", normalize_word(word))


def noun_forms(word: str, *, pronouns: bool = True) -> dict[str, bool]:
    """Surface forms of a noun (or adjective): ``{form: carries a pronoun suffix}``.

    Adds the tanween alef (حوارا), pronoun suffixes with the bound stem of ة
    (مكالمته) and of a final hamza (لقائهما، لقاؤه), and the dual endings.
    A multi-word entry (a noun and its adjectives) gets the tanween alef on every
    word that takes one ("مؤتمرا صحفيا مشتركا").
    """
    word = _norm(word)
    forms: dict[str, bool] = {word: False}
    if " " in word:
        accusative = " ".join(
            part if part.endswith(("ه", "ا", "اء", "ات")) else part + "ا"
            for part in word.split(" ")
        )
        forms.setdefault(accusative, False)
        return forms
    if word.endswith("ه"):  # ة, normalised
        stems = [word[:-1] + "ت"]
        forms[word[:-1] + "تان"] = False
        forms[word[:-1] + "تين"] = False
    elif word.endswith("اء"):
        stems = [word, word[:-1] + "ئ", word[:-1] + "ؤ"]
        forms[word + "ين"] = False
        forms[word + "ان"] = False
    else:
        stems = [word]
        if not word.endswith(("ا", "ي", "ات")):
            forms.setdefault(word + "ا", False)
        if not word.endswith("ات"):
            forms.setdefault(word + "ين", False)
            forms.setdefault(word + "ان", False)
    if pronouns:
        for stem in stems:
            for pronoun in _PRONOUNS:
                forms.setdefault(stem + pronoun, True)
    return forms


def verb_forms(word: str) -> dict[str, bool]:
    """Surface forms of a listed verb form: itself and with object pronouns."""
    word = _norm(word)
    forms = {word: False}
    if not word.endswith(("ا", "ي", "و")):
        for pronoun in _VERB_OBJECTS:
            forms.setdefault(word + pronoun, True)
    return forms


# --------------------------------------------------------------------------- building

#: Prefixes a trigger may carry: those of nouns, and the future س of verbs.
TRIGGER_PREFIXES = tuple(sorted({*NOUN_PREFIXES, "س", "وس", "فس"}, key=len))
#: Prefixes of a state's name: conjunction and preposition, not the article
#: ("السورية" is an adjective, not "سورية").
STATE_PREFIXES = tuple(
    sorted({c + p for c in CONJUNCTIONS for p in ("", "ب", "ل", "ك", "لل")}, key=len)
)


def _norm_set(words: list[str]) -> frozenset[str]:
    return frozenset(_norm(w) for w in words)


def _words(lexicon: syrdiplo.Lexicon, *path: str, required: bool = True) -> list[str]:
    return lexicon.words("meetings", *path, required=required)


def _matcher(words: list[str], prefixes: tuple[str, ...] = ("",)) -> PhraseMatcher:
    return PhraseMatcher({_norm(w): True for w in words}, prefixes)


def _triggers(lexicon: syrdiplo.Lexicon) -> dict[str, tuple[TriggerInfo, ...]]:
    table = lexicon.table("meetings", "kinds")
    found: dict[str, list[TriggerInfo]] = {}
    for kind in KINDS:
        if kind not in table:
            raise syrdiplo.DataFileError("meetings", "missing trigger kind", key=f"kinds.{kind}")
        for form_key in FORMS:
            entries = _words(lexicon, "kinds", kind, form_key, required=False)
            form = form_key.removesuffix("_with").removesuffix("_modified")
            form = "noun" if form == "nouns" else form
            for entry in entries:
                surfaces = noun_forms(entry) if form == "noun" else verb_forms(entry)
                for surface, suffixed in surfaces.items():
                    info = TriggerInfo(
                        kind=kind,
                        form=form,
                        needs_with=form_key.endswith("_with"),
                        needs_modifier=form_key.endswith("_modified"),
                        base=_norm(entry),
                        suffixed=suffixed,
                    )
                    found.setdefault(surface, []).append(info)

    def rank(info: TriggerInfo) -> tuple[int, int, int, int]:
        return (info.needs_modifier, info.form == "noun", info.suffixed, KINDS.index(info.kind))

    return {surface: tuple(sorted(infos, key=rank)) for surface, infos in found.items()}


def _status(lexicon: syrdiplo.Lexicon) -> tuple[PhraseMatcher, tuple[str, ...]]:
    order = tuple(_words(lexicon, "status", "order"))
    if len(order) != len(STATUSES) or set(order) != set(STATUSES):
        raise syrdiplo.DataFileError(
            "meetings", f"status order must list exactly {', '.join(STATUSES)}", key="status.order"
        )
    near = {_norm(w) for w in _words(lexicon, "status", "near")}
    near_forms = near | {f for w in near for f, suffixed in noun_forms(w).items() if suffixed}
    nouns = {_norm(w) for w in _words(lexicon, "status", "nouns")}
    status_of: dict[str, str] = {}
    # Weaker statuses first, so that a word listed twice keeps the stronger one.
    for status in reversed(order):
        for word in _words(lexicon, "status", status):
            word = _norm(word)
            status_of[word] = status
            if word in near or word in nouns:  # nouns also with a pronoun: "إلغاؤه"، "استعدادها"
                for form, suffixed in noun_forms(word).items():
                    if suffixed:
                        status_of[form] = status
    for word in _words(lexicon, "status", "negation"):
        status_of.setdefault(_norm(word), "negation")
    entries = {form: (status, form in near_forms) for form, status in status_of.items()}
    return PhraseMatcher(entries, NOUN_PREFIXES), order


def _sizes(lexicon: syrdiplo.Lexicon) -> dict[str, int]:
    """``[merge] sizes``, with the article, the feminine and the tanween alef added."""
    table = lexicon.table("meetings", "merge").get("sizes", {})
    out: dict[str, int] = {}
    for word, size in table.items():
        if not isinstance(size, int) or size < 2:
            raise syrdiplo.DataFileError(
                "meetings", f"{size!r} is not a number of sides", key=f"merge.sizes.{word}"
            )
        base = _norm(word)
        for form in (base, base + "ه", base + "ا"):
            out[form] = out["ال" + form] = size
    return out


def _places(lexicon: syrdiplo.Lexicon) -> PhraseMatcher:
    places: dict[str, Place] = {}
    for canonical, entry in lexicon.table("places").items():
        if not isinstance(entry, dict):
            raise syrdiplo.DataFileError("places", "expected a table", key=canonical)
        for name in lexicon.words("places", canonical, "names"):
            places.setdefault(_norm(name), Place(canonical=canonical, kind=entry.get("kind")))
    return PhraseMatcher(places, NOUN_PREFIXES)


def _formats(lexicon: syrdiplo.Lexicon) -> PhraseMatcher:
    """Format names (quotes may stand between their words: "بصيغة “أستانة”")."""
    entries: dict[str, FormatInfo] = {}
    for key, entry in lexicon.table("meetings", "formats").items():
        if not isinstance(entry, dict):
            raise syrdiplo.DataFileError("meetings", "expected a table", key=f"formats.{key}")
        names = _words(lexicon, "formats", key, "names")
        parties = tuple(_words(lexicon, "formats", key, "parties", required=False))
        for party in parties:
            if not regex.fullmatch(r"[A-Z]{2}", party):
                raise syrdiplo.DataFileError(
                    "meetings",
                    f"{party!r} is not an ISO 3166-1 alpha-2 code",
                    key=f"formats.{key}.parties",
                )
        kind = entry.get("kind")
        if kind is not None and kind not in KINDS:
            raise syrdiplo.DataFileError(
                "meetings", f"unknown kind {kind!r}", key=f"formats.{key}.kind"
            )
        assembly = entry.get("assembly", False)
        if not isinstance(assembly, bool):
            raise syrdiplo.DataFileError(
                "meetings", "expected true or false", key=f"formats.{key}.assembly"
            )
        info = FormatInfo(
            key=key, parties=parties, kind=kind, location=entry.get("location"), assembly=assembly
        )
        for name in names:
            entries.setdefault(" ".join(regex.findall(r"[\p{L}\p{M}\p{N}]+", _norm(name))), info)
    return PhraseMatcher(entries, NOUN_PREFIXES, loose=True)


def _states(
    lexicon: syrdiplo.Lexicon,
) -> tuple[dict[str, StateWord], dict[str, str], dict[str, str]]:
    words: dict[str, StateWord] = {}
    adjectives: dict[str, str] = {}
    names: dict[str, str] = {
        code: name
        for code, name in lexicon.table("meetings", "country_names").items()
        if isinstance(name, str)
    }
    for code, entry in lexicon.table("countries").items():
        if not isinstance(entry, dict):
            continue
        english = entry.get("canonical") or entry.get("english") or entry.get("name_en")
        if isinstance(english, str):
            names[code] = english
        names.setdefault(code, code)
        for key, role in (("names", "name"), ("capitals", "capital"), ("people", "people")):
            if key == "capitals" and entry.get("capital_is_government") is False:
                continue
            for word in lexicon.words("countries", code, key, required=False):
                words.setdefault(_norm(word), StateWord(country=code, role=role))
        for key in ("adjectives", "people"):
            for word in lexicon.words("countries", code, key, required=False):
                word = _norm(word)
                adjectives.setdefault(word, code)
                if (
                    key == "people"
                    and not word.startswith("ال")
                    and not word.endswith(("ه", "ا", "ي"))
                ):
                    adjectives.setdefault(word + "ا", code)  # "مسؤولين أمريكيين وروسًا"
    for code, extra in lexicon.table("meetings").get("adjectives", {}).items():
        for word in extra if isinstance(extra, list) else ():
            adjectives.setdefault(_norm(word), code)
    return words, adjectives, names


def _anaphors(lexicon: syrdiplo.Lexicon) -> dict[str, tuple[str, ...]]:
    anaphors = {}
    for key, kinds in lexicon.table("meetings", "merge", "anaphors").items():
        values = tuple(kinds) if isinstance(kinds, list) else ()
        if not values or any(k not in KINDS for k in values):
            raise syrdiplo.DataFileError(
                "meetings", "expected a list of kinds", key=f"merge.anaphors.{key}"
            )
        anaphors[key] = values
    for key in ("meeting", "call", "talks", "talks_singular"):
        if key not in anaphors:
            raise syrdiplo.DataFileError("meetings", "missing", key=f"merge.anaphors.{key}")
    return anaphors


def build_rules(lexicon: syrdiplo.Lexicon) -> Rules:
    """Build the matchers for the meetings lexicon (and the places and countries tables)."""
    status, order = _status(lexicon)
    state_words, adjectives, country_names = _states(lexicon)
    modifiers: dict[str, bool] = {}
    for word in _words(lexicon, "call", "modifiers"):
        modifiers.update(noun_forms(word, pronouns=False))
    roles = {_norm(w): True for w in _words(lexicon, "fallback", "person_roles")}
    for word in _words(lexicon, "fallback", "side_roles"):
        roles.setdefault(_norm(word), False)
    # "الروسي" is read as روسي when it is not listed itself
    adjective_forms = {"ال" + word: code for word, code in adjectives.items()} | adjectives
    since = _norm_set(_words(lexicon, "grammar", "since"))
    stateless = _norm_set(_words(lexicon, "parties", "stateless"))
    # one definition of "كل من", shared with the claims stage
    listed = frozenset(
        tuple(_norm(w).split())
        for w in lexicon.words("cues", "particles", "listed", required=False)
    )
    matchers = {
        "triggers": PhraseMatcher(_triggers(lexicon), TRIGGER_PREFIXES),
        "call_modifiers": PhraseMatcher(modifiers, NOUN_PREFIXES, loose=True),  # عبر “…”
        "boundaries": _matcher(_words(lexicon, "clauses", "boundaries"), CONJUNCTIONS),
        "complementizers": _matcher(_words(lexicon, "clauses", "complementizers")),
        "attributions": _matcher(_words(lexicon, "clauses", "attribution"), CONJUNCTIONS),
        "own_country": _matcher(_words(lexicon, "parties", "own_country"), NOUN_PREFIXES),
        "status": status,
        "places": _places(lexicon),
        "formats": _formats(lexicon),
        "states": PhraseMatcher(state_words, STATE_PREFIXES),
        "roles": PhraseMatcher(roles, STATE_PREFIXES),
    }
    return Rules(
        **matchers,
        scan=MatcherSet(matchers),
        not_triggers=_norm_set(_words(lexicon, "context", "not_triggers")),
        not_conjunction=_norm_set(_words(lexicon, "clauses", "not_conjunction")),
        manner=_matcher(_words(lexicon, "clauses", "manner", required=False)),
        pair_words=_norm_set(_words(lexicon, "merge", "pair_words")),
        subject_between=_norm_set(_words(lexicon, "merge", "subject_between", required=False)),
        verb_homographs=_norm_set(_words(lexicon, "context", "verb_homographs", required=False)),
        state_pair_words=_norm_set(_words(lexicon, "merge", "state_pair_words", required=False)),
        visits=_norm_set(_words(lexicon, "kinds", "meeting", "visits", required=False)),
        call_light_verbs=_norm_set(_words(lexicon, "call", "light_verbs")),
        singular_contacts=_norm_set(_words(lexicon, "call", "singular_nouns")),
        anaphor_determiners=_norm_set(_words(lexicon, "merge", "anaphor_determiners")),
        anaphors=_anaphors(lexicon),
        not_before=_norm_set(_words(lexicon, "context", "not_before")),
        not_after=_matcher(_words(lexicon, "context", "not_after")),
        setting_before=_matcher(_words(lexicon, "context", "setting_before")),
        in_person=_matcher(_words(lexicon, "call", "in_person", required=False)),
        place_before=_norm_set(_words(lexicon, "parties", "place_before")),
        side_before=_norm_set(_words(lexicon, "parties", "side_before", required=False)),
        side_prepositions=_norm_set(
            _words(lexicon, "parties", "side_prepositions", required=False)
        ),
        earlier_event=_norm_set(_words(lexicon, "context", "earlier_event", required=False)),
        topic_before=_norm_set(_words(lexicon, "parties", "topic_before")),
        media=tuple(_norm(w).casefold() for w in _words(lexicon, "parties", "media")),
        media_words=frozenset(
            _norm(w) for w in _words(lexicon, "parties", "media") if " " not in w.strip()
        ),
        stateless=stateless,
        stateless_names=tuple(sorted(stateless)),
        stateless_beginnings=frozenset(
            name[:size] for name in stateless for size in range(1, len(name) + 1)
        ),
        sources=_norm_set(_words(lexicon, "parties", "sources")),
        speaking_sources=_norm_set(_words(lexicon, "parties", "speaking_sources", required=False)),
        international=frozenset(_words(lexicon, "parties", "international", required=False)),
        topic_states=frozenset(_words(lexicon, "parties", "topic_states", required=False)),
        status_order=order,
        not_cues=_norm_set(_words(lexicon, "status", "not_cues", required=False)),
        verbal_nouns=_norm_set(_words(lexicon, "status", "verbal_nouns", required=False)),
        noun_before=_norm_set(_words(lexicon, "status", "noun_before", required=False)),
        not_events=_norm_set(_words(lexicon, "status", "not_events", required=False)),
        state_words=state_words,
        adjectives=adjectives,
        adjective_forms=adjective_forms,
        conjoined_adjectives={"و" + word: code for word, code in adjective_forms.items()},
        with_words=_norm_set(_words(lexicon, "grammar", "with")),
        between_words=_norm_set(_words(lexicon, "grammar", "between", required=False)),
        modal=_norm_set(_words(lexicon, "grammar", "modal")),
        past_particles=_norm_set(_words(lexicon, "grammar", "past_particles", required=False)),
        sequence=_norm_set(_words(lexicon, "clauses", "sequence", required=False)),
        since=since,
        relatives=_norm_set(_words(lexicon, "grammar", "relatives", required=False)),
        join_verbs=_norm_set(_words(lexicon, "merge", "join_verbs", required=False)),
        contrast=_matcher(_words(lexicon, "clauses", "contrast", required=False), CONJUNCTIONS),
        sizes=_sizes(lexicon),
        relation_nouns=_norm_set(_words(lexicon, "grammar", "relation_nouns", required=False)),
        prepositions=_norm_set(_words(lexicon, "grammar", "prepositions", required=False)),
        since_forms=since | {conj + word for conj in ("و", "ف") for word in since},
        destination=_norm_set(_words(lexicon, "grammar", "destination")),
        location_intro=_norm_set(_words(lexicon, "grammar", "in")),
        location_between=_norm_set(_words(lexicon, "location", "between")),
        city_words=_norm_set(_words(lexicon, "location", "city", required=False)),
        nisba_endings=tuple(_norm(w) for w in _words(lexicon, "location", "nisba_endings")),
        listed=listed,
        listed_tails=frozenset(phrase[-1] for phrase in listed),
        unbroken=_norm_set(_words(lexicon, "status", "unbroken", required=False)),
        setting=_norm_set(_words(lexicon, "status", "setting", required=False)),
        before_only=_norm_set(_words(lexicon, "status", "before_only", required=False)),
        generic_after=_norm_set(_words(lexicon, "context", "generic_after", required=False)),
        country_names=country_names,
    )


def rules_for(lexicon: syrdiplo.Lexicon) -> Rules:
    """The compiled rules for ``lexicon``, built on first use and kept on it."""
    return lexicon.cached("syrdiplo_meetings.rules", build_rules)
