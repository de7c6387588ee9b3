"""The claim cues of ``cues.toml`` compiled once per lexicon.

:func:`cues` returns a :class:`Cues` with the verb forms (tense, agreement,
flags) and a handful of patterns: one for every cue (verbs, statement nouns and
source-chain markers, in one alternation), and small ones for the words the
claim finder looks at around a cue (content openers, fillers, relative
pronouns, the words before a subject written first ...).

Most of the time goes to a few of these patterns, so :class:`Cues` also keeps
what lets the finder skip them without changing an answer: the cue pattern
read off the words (:class:`~syrdiplo._claims_match.CueFinder`), and the
words or first letters an entry of a list must start with (:func:`heads`,
``statement_starts`` ...), so a pattern is only run where it can match.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import attrs
import regex

from ._actors_data import key
from ._actors_lists import is_word_char
from ._actors_words import WORD, word_hits
from ._claims_match import CueFinder, CueMatch
from .errors import DataFileError
from .lexicon import Lexicon
from .text import WORD_END, WORD_START, compile_pattern, normalize_word

__all__ = ["Cues", "VerbForm", "cues"]

_TENSES = ("past", "present", "participle")
_MARKS = re.compile('[“«":]')
_SUFFIXES = ("", "ه", "ها", "هم", "هما")
_GENDERS = ("m", "f", "pl")
_NEVER = "\uffff\uffff"


@attrs.frozen
class VerbForm:
    """One written form of a reporting verb."""

    lemma: str
    tense: str  # past, present or participle
    gender: str  # m, f or pl
    continues: bool
    needs_content: bool
    #: also an adverb ("مجددا" = again): a cue only with its object right after it
    takes_object: bool = False


def _words(lexicon: Lexicon, *path: str) -> list[str]:
    return [key(w) for w in lexicon.words("cues", *path, required=False)] or [_NEVER]


def _impersonal(phrases: list[str]) -> dict[str, tuple[str, ...]]:
    """``[impersonal]`` phrases by their first word: "يتوقع أن" is the verb يتوقع
    followed by أن ("it is expected that"); "يتوقع" alone may have a subject."""
    out: dict[str, tuple[str, ...]] = {}
    for phrase in phrases:
        head, _, rest = phrase.partition(" ")
        out[head] = (*out.get(head, ()), rest)
    return out


@attrs.frozen
class Cues:
    """The compiled cues; :meth:`find` lists every cue of a text."""

    forms: dict[str, VerbForm]
    nouns: frozenset[str]
    #: impersonal verbs ("يذكر"، "يتوقع أن"): the verb, and the words that must follow it
    #: ("" when it is impersonal whatever follows)
    impersonal: dict[str, tuple[str, ...]]
    cue: regex.Pattern[str]
    opener: regex.Pattern[str]
    filler: regex.Pattern[str]
    relative: regex.Pattern[str]
    no_subject: frozenset[str]
    subject_first: frozenset[str]
    statement: regex.Pattern[str]
    chain_tail: regex.Pattern[str]
    chain_self: regex.Pattern[str]
    first_words: frozenset[str]
    opener_words: frozenset[str]
    not_in_title: frozenset[str]
    #: openers carrying the subject of a verb right after them ("أنه أبلغ")
    pronoun_subjects: frozenset[str]
    #: words that open a topic ("أما روسيا، فقد ...")
    topic: frozenset[str]
    #: the most characters a filler word spans
    filler_reach: int
    #: the first word (up to white space) of every filler: no filler starts at any other word
    filler_heads: frozenset[str] | None
    #: the first two letters of every statement noun: no ``statement`` match starts otherwise
    #: (``None`` when a noun is shorter)
    statement_starts: frozenset[str] | None
    #: the first two letters of every relative word, as ``statement_starts``
    relative_starts: frozenset[str] | None
    #: ``cue`` matched from the words themselves where it can be
    finder: CueFinder
    #: "أما روسيا، فقد أكدت": the gap between a topic and its verb
    topic_gap: regex.Pattern[str]
    #: "وكان شويغو قد كشف"، "أن سوليفان، صرح": the gap between a subject written first and
    #: its verb; the group ``comma`` is a comma, ``particle`` the particle
    svo_gap: regex.Pattern[str]
    #: "نقلت وكالة ... عن زاخاروفا": up to two words, then the preposition of the source
    about: regex.Pattern[str]
    #: "نسبت وكالة إنترفاكس إلى ريابكوف": the same for a verb of attributing
    to: regex.Pattern[str]
    #: "نقلت وكالة الإعلام الروسية عن ماريا": one to six words, then the preposition
    relayed: regex.Pattern[str]
    #: what may follow a name closing a title when no content opener follows
    title_close: regex.Pattern[str]
    #: a preposition opening an adjunct after a name ("في"، "خلال")
    adjunct: regex.Pattern[str]
    #: "كل من": each of a list of speakers follows
    listed: regex.Pattern[str]
    #: markers ending the sentence part they report ("حسبما"، "وفق ما"), normalised
    chain_before: tuple[str, ...]
    #: markers naming who spoke ("على لسان"): that one speaks, the verb's subject is a source
    mouth: frozenset[str]
    #: stems of "counterpart" whose final ه is a pronoun, not a feminine ending ("نظيره")
    counterpart_stems: tuple[str, ...]
    #: stems of "counterpart" that are feminine ("نظيرته")
    feminine_counterpart_stems: tuple[str, ...]
    #: first words of known people's names that are also common words ("علي" is "على"):
    #: never read as the given name of a person the gazetteer does not know
    not_given: frozenset[str] = frozenset()
    #: verb forms listed ending in "ى" ("رأى"): written with a final "ي" they are a noun
    #: ("رأي اليوم" is an outlet, "رأي" an opinion), as normalisation hides
    maqsura: frozenset[str] = frozenset()
    #: first words of titles ("نائب"، "رئيس"، "مديرة"): a name after a title opened by
    #: one of them closes it even with no content opener ("واعتبرت نائبة مدير ... فلانة هذا ...")
    title_heads: frozenset[str] = frozenset()
    #: how a definite noun opens ("ال"، "لل"): one may end a title before its name and verb
    definite: tuple[str, ...] = ()
    #: relative pronouns ("الذي"، "التي"): they may open a relative clause on a statement
    relative_pronouns: frozenset[str] = frozenset()
    #: the relative words meaning "in it" ("فيها"): a verb before one, in a relative clause
    #: on a statement noun, has the statement's author for subject
    in_statement: frozenset[str] = frozenset()
    #: the gender and number of each relative pronoun (m, f, pl): the verb after one agrees
    #: with it when the pronoun is its subject
    relative_genders: dict[str, str] = attrs.field(factory=dict)
    #: the words :meth:`scan` looks for: ``first_words`` and ``opener_words``
    scan_words: frozenset[str] = attrs.field(init=False)

    @scan_words.default
    def _scan_words(self) -> frozenset[str]:
        return frozenset(w for w in self.first_words | self.opener_words if WORD.fullmatch(w))

    def scan(
        self, text: str, hits: list[tuple[int, int, str]] | None = None
    ) -> tuple[list[regex.Match[str] | CueMatch], list[int]]:
        """:meth:`find` and :meth:`openers` of ``text`` in one pass over its words.

        :param hits: the words of ``text`` (:func:`word_hits`), at least those in
            ``scan_words``; found here when not given.
        """
        found = []
        openers = []
        free = 0
        scan_words = self.scan_words
        if hits is None:
            hits = word_hits(text, scan_words)
        for start, end, word in hits:
            if word not in scan_words:
                continue
            if word in self.opener_words:
                openers.append(start)
            if start < free or word not in self.first_words:
                continue
            match = self.finder.match(text, start, end)
            if match is not None:
                found.append(match)
                free = match.end()
        openers += [m.start() for m in _MARKS.finditer(text)]
        return found, sorted(openers)

    def find(self, text: str) -> list[regex.Match[str] | CueMatch]:
        """Every cue in normalised ``text``, in order: only words that can start one are tried."""
        return self.scan(text)[0]

    def openers(self, text: str) -> list[int]:
        """Where the reported content may open: إن/أن words, quotation marks and colons."""
        return self.scan(text)[1]


def _build(lexicon: Lexicon) -> Cues:
    where = " + ".join(lexicon.origins("cues")) or "cues"
    verbs = lexicon.table("cues", "verbs")
    forms: dict[str, VerbForm] = {}
    maqsura: set[str] = set()
    for lemma, spec in verbs.items():
        if not isinstance(spec, dict):
            raise DataFileError(where, "expected a table", key=f"verbs.{lemma}")
        unknown = set(spec) - {*_TENSES, "continues", "needs_content", "takes_object"}
        if unknown:
            raise DataFileError(where, f"unknown keys {sorted(unknown)}", key=f"verbs.{lemma}")
        for tense in _TENSES:
            table = spec.get(tense, {})
            if not isinstance(table, dict) or set(table) - set(_GENDERS):
                raise DataFileError(
                    where,
                    "expected { m = [...], f = [...], pl = [...] }",
                    key=f"verbs.{lemma}.{tense}",
                )
            for gender in _GENDERS:
                for word in lexicon.words("cues", "verbs", lemma, tense, gender, required=False):
                    if word.endswith("ى"):
                        maqsura.add(key(word))
                    forms.setdefault(
                        key(word),
                        VerbForm(
                            lemma=lemma,
                            tense=tense,
                            gender=gender,
                            continues=bool(spec.get("continues", False)),
                            needs_content=bool(spec.get("needs_content", False)),
                            takes_object=bool(spec.get("takes_object", False)),
                        ),
                    )
    if not forms:
        raise DataFileError(where, "no reporting verbs", key="verbs")
    nouns = _words(lexicon, "nouns", "words")
    mouth = [w for w in _words(lexicon, "chain", "mouth") if w != _NEVER]
    markers = [*_words(lexicon, "chain", "markers"), *mouth]
    cue = compile_pattern(
        WORD_START
        + r"(?P<conj>[وف]?)(?:"
        + r"(?P<chain>\L<markers>)"
        + r"|(?P<verb>\L<verbs>)(?P<suffix>ه|ها|هم|هما)?"
        + r"|(?P<npre>[بل]?)(?P<noun>\L<nouns>)"
        + r")"
        + WORD_END,
        verbs=list(forms),
        nouns=nouns,
        markers=markers,
    )
    opener = compile_pattern(
        WORD_START + r"(?:\L<w>)" + WORD_END + r"|[“«\"]|:", w=_words(lexicon, "content", "openers")
    )
    fillers = _words(lexicon, "fillers", "words")
    filler = compile_pattern(WORD_START + r"(?:\L<w>)" + WORD_END, w=fillers)
    relatives = _words(lexicon, "relative", "words")
    relative = compile_pattern(r" *(?:\L<w>)" + WORD_END, w=relatives)
    statement = compile_pattern(
        r"\s*(?:\L<n>)(?:\s+(?:\L<l>))?\s*",
        n=_words(lexicon, "statement_links", "nouns"),
        l=_words(lexicon, "statement_links", "links"),
    )
    about = _words(lexicon, "particles", "about")
    chain_tail = compile_pattern(
        # "ما" in "بحسب ما نقلته" may be written attached ("بحسبما نقلته"): \s* covers both
        r"(?:\s*(?:\L<what>)\s*(?:\L<relay>)(?:\s+(?:\L<it>))?|\s+ل(?=\S)|\s*(?:\L<about>))?"
        r"\s*[“\"«]?\s*",
        what=_words(lexicon, "chain", "relay_heads"),
        it=_words(lexicon, "chain", "relay_objects"),
        relay=_words(lexicon, "chain", "relay"),
        about=about,
    )
    chain_self = compile_pattern(r"\s*(?:\L<w>)" + WORD_END, w=_words(lexicon, "chain", "self"))
    first_words = set()
    for form in forms:
        for conj in ("", "و", "ف"):
            first_words.update(conj + form + suffix for suffix in _SUFFIXES)
    for noun in nouns:
        for conj in ("", "و", "ف"):
            first_words.update(conj + pre + noun for pre in ("", "ب", "ل"))
    for marker in markers:
        first = marker.split(" ")[0]
        first_words.update((first, "و" + first, "ف" + first))
    return Cues(
        forms=forms,
        nouns=frozenset(nouns),
        impersonal=_impersonal(_words(lexicon, "impersonal", "words")),
        cue=cue,
        opener=opener,
        filler=filler,
        finder=CueFinder(cue, markers, list(forms), nouns),
        relative_starts=_starts(relatives, 2),
        filler_reach=max(len(normalize_word(w)) for w in fillers),
        filler_heads=heads(fillers),
        statement_starts=_starts(_words(lexicon, "statement_links", "nouns"), 2),
        relative=relative,
        no_subject=frozenset(_words(lexicon, "no_subject", "words")),
        subject_first=frozenset(_words(lexicon, "subject_first", "words")),
        statement=statement,
        chain_tail=chain_tail,
        chain_self=chain_self,
        first_words=frozenset(first_words),
        opener_words=frozenset(_words(lexicon, "content", "openers")),
        not_in_title=frozenset(_words(lexicon, "not_in_title", "words")),
        pronoun_subjects=frozenset(_words(lexicon, "content", "pronoun_subjects")),
        topic=frozenset(_words(lexicon, "topic", "words")),
        not_given=frozenset(_words(lexicon, "unknown_people", "not_given")),
        maqsura=frozenset(maqsura),
        title_heads=frozenset(_words(lexicon, "title_heads", "words")),
        definite=tuple(w for w in _words(lexicon, "title_heads", "definite") if w != _NEVER),
        relative_pronouns=frozenset(_words(lexicon, "relative", "pronouns")),
        in_statement=frozenset(_words(lexicon, "relative", "in_statement")),
        relative_genders={
            key(k): str(v) for k, v in lexicon.table("cues", "relative").get("genders", {}).items()
        },
        topic_gap=compile_pattern(
            r"\s*[،,]?\s*(?:\L<w>)\s+", w=_words(lexicon, "particles", "topic_verb")
        ),
        svo_gap=compile_pattern(
            # an opening mark too: "أن لافروف “حذر” بومبيو" quotes the verb after its subject
            r"[\s)”\"»“«]*(?P<comma>[،,]\s*)?(?:(?P<particle>\L<w>)\s+)?",
            w=_words(lexicon, "particles", "subject_verb"),
        ),
        about=compile_pattern(r"[\s”\"»]*(?:\S+\s+){0,2}?(?:\L<w>)\s*[“\"«]?\s*", w=about),
        to=compile_pattern(
            r"[\s”\"»]*(?:\S+\s+){0,2}?(?:\L<w>)\s*[“\"«(]?\s*",
            w=_words(lexicon, "particles", "attributed_to"),
        ),
        relayed=compile_pattern(r"(?:\s+\S+){1,6}?\s+(?:\L<w>)\s*[“\"«]?\s*", w=about),
        title_close=compile_pattern(
            r"\s*(?:[،,:()]|(?:\L<w>)\s|(?:\L<p>)|$)",
            w=_words(lexicon, "particles", "title_close"),
            p=_words(lexicon, "particles", "title_close_attached"),
        ),
        adjunct=compile_pattern(r"[\s,]*(?:\L<w>)\s", w=_words(lexicon, "particles", "adjunct")),
        listed=compile_pattern(r"(?<!\S)(?:\L<w>)(?!\S)", w=_words(lexicon, "particles", "listed")),
        chain_before=tuple(_words(lexicon, "chain", "before")),
        mouth=frozenset(mouth),
        counterpart_stems=tuple(_words(lexicon, "gender", "counterpart_stems")),
        feminine_counterpart_stems=tuple(_words(lexicon, "gender", "feminine_counterpart_stems")),
    )


def _starts(words: list[str], size: int) -> frozenset[str] | None:
    normalised = [normalize_word(w) for w in words]
    if any(len(w) < size for w in normalised):
        return None
    return frozenset(w[:size] for w in normalised)


def heads(words: Iterable[str]) -> frozenset[str] | None:
    """The first part (up to white space) of each normalised word or phrase.

    A pattern ``\\L<words>`` between word boundaries can only match where the
    text's next word is one of these. ``None`` when an entry does not start
    with a letter, mark or digit (it could start elsewhere).
    """
    out = set()
    for word in words:
        parts = normalize_word(word).split()
        if not parts:
            continue
        if not is_word_char(parts[0][0]):
            return None
        out.add(parts[0])
    return frozenset(out)


def cues(lexicon: Lexicon) -> Cues:
    """The compiled cues of ``lexicon`` (built once and cached on it)."""
    return lexicon.cached("claims.cues", _build)
