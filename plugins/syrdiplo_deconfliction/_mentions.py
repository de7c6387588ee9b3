"""Finding where the deconfliction channel is named or described.

A *named* mention is one of the mechanisms in the lexicon ("آلية منع الاصطدام",
"الخط الساخن", "مذكرة التفاهم ... سلامة الطيران"), checked against what its
entry ``needs`` (a head noun, a military partner, a governing contact word).
An *anaphoric* mention is a bare contact word ("التنسيق", "الاتصال", "المذكرة")
that counts only when a named mention comes before it, in the same sentence or
the one before; it takes that mention's key. A *pronoun* mention is a pronoun
on the object of a cue ("تعليقه", "وقف العمل به", "الالتزام بها") that stands
for the nearest mention before it, in its sentence or the two before (see
:func:`_pronouns`).

Mechanism patterns are slow to search a sentence with, so they are run only
around the words a mention can end with (:attr:`._patterns.MechanismPattern.ends`,
found by dictionary lookup), from as many words before it as a mention can
span: that finds exactly the mentions a search of the sentence would.

All offsets here are into the normalised text.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Sequence
from typing import NamedTuple

import attrs
import regex

from ._patterns import MechanismPattern, Patterns
from ._scan import Keyed, Words

__all__ = [
    "Clause",
    "Mention",
    "after_last",
    "after_punct",
    "find_mentions",
    "last_words_start",
    "words_between",
]

_WORD = regex.compile(r"[\p{L}\p{N}]+")
#: Punctuation that ends the stretch a cue or governor may reach across (a
#: plain character class: the standard ``re`` scans for it faster).
PUNCT = re.compile(r"[,;:.!?()\[\]\n|•]")
_LAST_PUNCT = regex.compile(r"(?r)[,;:.!?()\[\]\n|•]")
_ANY_WORD_CHAR = regex.compile(r"(?r)[\p{L}\p{N}]")
#: The gap before the next word.
_NEXT_WORD = regex.compile(r"[\s\"'«»“”]+(?=[\p{L}\p{N}])")
#: How many words a governing contact word may stand before a described mechanism.
GOVERNOR_REACH = 5
#: What may stand between a cue and the word after it: spaces and quotation marks.
_GAP_CHARS = " \t\n\"'«»“”„‟\u2039\u203a"
#: How far before an agreement noun a signing cue is looked for ("جرى التوقيع على").
_SIGN_REACH = 30
#: How many sentences before its own a pronoun's mechanism may be named in ("وقف العمل به").
PRONOUN_REACH = 2


class Clause(NamedTuple):
    """A sentence as the extractor sees it: its index and normalised bounds.

    :param cut: a bound falls inside a word (the sentence is then searched whole).
    """

    index: int
    start: int
    end: int
    title: bool = False
    cut: bool = False


@attrs.frozen
class Mention:
    """A mechanism mention in the normalised text.

    :param start: where the mention begins (its head or governing word included).
    :param core_start: where the mechanism words themselves begin.
    :param conj: the mention opens with the conjunction و ("والخط الساخن").
    :param head_end: where its head noun ends, when it has one (the words from
        there to ``core_start`` are fillers: "قنوات الاتصال مع روسيا تعمل ... لتجنب").
    :param status: the cue kind its core says itself, for a mechanism whose entry has a
        ``status`` ("دون تنسيق": violated); ``None`` when a cue beside it must say it.
    """

    start: int
    end: int
    core_start: int
    key: str
    anaphoric: bool
    conj: bool
    needs: str
    clause: Clause
    head_end: int | None = None
    status: str | None = None


def words_between(text: str, start: int, end: int) -> int:
    """How many words lie in ``text[start:end]``."""
    return len(_WORD.findall(text, start, end)) if end > start else 0


def after_punct(text: str, start: int, end: int) -> int:
    """Where the last punctuation mark in ``text[start:end]`` ends, else ``start``."""
    found = _LAST_PUNCT.search(text, start, end)
    return start if found is None else found.end()


@functools.cache
def _last_words_pattern(count: int) -> regex.Pattern[str]:
    """``count`` words and what follows them, matched backwards from the end."""
    return regex.compile(
        r"(?r)[\p{L}\p{N}]+(?:[^\p{L}\p{N}]+[\p{L}\p{N}]+){" + str(count - 1) + r"}[^\p{L}\p{N}]*"
    )


def last_words_start(text: str, start: int, end: int, count: int) -> int:
    """Where the last ``count`` words of ``text[start:end]`` begin, if it has more; else ``start``.

    What ``_WORD.finditer(text, start, end)`` gives as ``words[-count].start()``
    when there are more than ``count`` words, found from the end.
    """
    found = _last_words_pattern(count).match(text, start, end)
    if found is None or _ANY_WORD_CHAR.search(text, start, found.start()) is None:
        return start
    return found.start()


def after_last(pattern: regex.Pattern[str], text: str, start: int, end: int) -> int:
    """Where the last match of ``pattern`` in ``text[start:end]`` ends, else ``start``."""
    last = start
    for match in pattern.finditer(text, start, end):
        last = match.end()
    return last


def _governor_start(words: Words, governor: Keyed, clause: Clause, core_start: int) -> int | None:
    """Where a contact or coordination word governing the mechanism begins, if there is one."""
    text = words.text
    lo = after_punct(text, max(clause.start, core_start - 90), core_start)
    for match in governor.findall(words, lo, core_start):
        if words_between(text, match.end(), core_start) <= GOVERNOR_REACH:
            return match.start()
    return None


def _matches(
    words: Words, mechanism: MechanismPattern, window: tuple[int, int], whole: bool
) -> list[regex.Match[str]]:
    """What ``mechanism.pattern`` finds in ``window`` (``whole``: a whole sentence).

    A window is made of whole words, and a match in it starts with a word that
    can begin a core, or with one that can begin a head and has such a word
    within ``head_reach`` words after it: the pattern is tried only there.
    """
    heads, cores = mechanism.heads, mechanism.cores
    if whole or heads is None or cores is None:
        return mechanism.pattern.findall(words, *window)
    start, end = window
    starts = words.starts
    first = bisect.bisect_left(starts, start)
    masks = words.masks(first, bisect.bisect_left(starts, end, first))
    head_bit, core_bit, reach = heads.bit, cores.bit, mechanism.head_reach
    core_at = [k for k, mask in enumerate(masks) if mask & core_bit]
    if not core_at:
        return []
    text, match = words.text, mechanism.pattern.pattern.match
    out = []
    last = start
    for k, mask in enumerate(masks):
        if mask & core_bit or (mask & head_bit and any(k < c <= k + reach for c in core_at)):
            at = starts[first + k]
            if at >= last:
                found = match(text, at, end)
                if found is not None:
                    out.append(found)
                    last = found.end()
    return out


def _named(
    words: Words,
    pats: Patterns,
    mechanism: MechanismPattern,
    clause: Clause,
    window: tuple[int, int],
    whole: bool,
) -> list[Mention]:
    """The mentions of ``mechanism`` found by searching ``window`` of ``clause``."""
    text = words.text
    found = []
    for match in _matches(words, mechanism, window, whole):
        head = match.group("head")
        core_start = match.start("core")
        start = match.start()
        needs = mechanism.needs
        if mechanism.blockers is not None and mechanism.blockers.match(
            text, match.end(), clause.end
        ):
            continue
        if needs == "head" and head is None and match.groupdict().get("phrase") is None:
            continue
        if needs in ("military", "governor") and head is None:
            if not (needs == "military" and pats.military.match(text, match.end(), clause.end)):
                governor = _governor_start(
                    words, mechanism.governor or pats.governor, clause, core_start
                )
                if governor is None:
                    continue
                start = governor
        prefix = match.group("hpfx") if head is not None else match.group("cpfx")
        found.append(
            Mention(
                start=start,
                end=match.end(),
                core_start=core_start,
                key=mechanism.key,
                anaphoric=False,
                conj=(prefix or "").startswith("و") and start == match.start(),
                needs=needs,
                clause=clause,
                head_end=match.end("head") if head is not None else None,
                status=mechanism.status,
            )
        )
    return found


def _drop_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Keep the longest of overlapping mentions (the earliest on a tie)."""
    kept: list[Mention] = []
    for mention in sorted(mentions, key=lambda m: (-(m.end - m.start), m.start)):
        if all(mention.end <= k.start or k.end <= mention.start for k in kept):
            kept.append(mention)
    return sorted(kept, key=lambda m: m.start)


def _windows(
    words: Words, pats: Patterns, clauses: Sequence[Clause]
) -> dict[int, list[tuple[int, list[tuple[int, int]], bool]]]:
    """Per clause, the mechanisms that may be mentioned in it and where to search for them.

    A mention ends with one of its mechanism's end words, at most ``reach``
    words after its start; windows that overlap or touch are joined. A clause
    whose bounds cut a word in two, and a mechanism with no known end words,
    are searched whole.
    """
    starts, ends, spelling = words.starts, words.ends, words.words
    hits = words.spelt(pats.end_words)
    hit_starts = [starts[i] for i in hits]
    whole = [n for n, m in enumerate(pats.mechanisms) if m.ends is None]
    out = {}
    for clause in clauses:
        if clause.cut:
            out[clause.index] = [
                (n, [(clause.start, clause.end)], True) for n in range(len(pats.mechanisms))
            ]
            continue
        k = bisect.bisect_left(hit_starts, clause.start)
        if not whole and (k == len(hits) or ends[hits[k]] > clause.end):
            continue  # no end word here
        first = words.first_at(clause.start)
        found: dict[int, list[int]] = {n: [] for n in whole}
        for i in hits[bisect.bisect_left(hits, first) :]:
            if ends[i] > clause.end:
                break
            for number, before in pats.ends[spelling[i]]:
                if before is None or (i > first and spelling[i - 1] in before):
                    found.setdefault(number, []).append(i)
        plan = []
        for number in sorted(found):
            if number in whole:
                plan.append((number, [(clause.start, clause.end)], True))
                continue
            mechanism = pats.mechanisms[number]
            windows: list[tuple[int, int]] = []
            for i in found[number]:
                lo = starts[max(i - mechanism.reach + 1, first)]
                if windows and lo <= windows[-1][1]:
                    windows[-1] = (windows[-1][0], ends[i])
                else:
                    windows.append((lo, ends[i]))
            plan.append((number, windows, False))
        if plan:
            out[clause.index] = plan
    return out


def find_mentions(words: Words, pats: Patterns, clauses: Sequence[Clause]) -> list[Mention]:
    """Every named and anaphoric mechanism mention in ``clauses``, in text order."""
    unrelated: dict[int, bool] = {}

    def skipped(clause: Clause) -> bool:
        """The clause is about something else ("حوادث السير")."""
        if clause.index not in unrelated:
            found = pats.unrelated.search(words, clause.start, clause.end)
            unrelated[clause.index] = found is not None
        return unrelated[clause.index]

    plans = _windows(words, pats, clauses)
    named: list[Mention] = []
    for clause in clauses:
        plan = plans.get(clause.index)
        if not plan or skipped(clause):
            continue
        for number, windows, whole in plan:
            for window in windows:
                named.extend(_named(words, pats, pats.mechanisms[number], clause, window, whole))
    named = _drop_overlaps(named)
    by_clause: dict[int, list[Mention]] = {}
    for mention in named:
        by_clause.setdefault(mention.clause.index, []).append(mention)
    anaphoric: list[Mention] = []
    # Clauses in order, so that an anaphoric mention can be the antecedent of the
    # next one ("... بالمذكرة" then "أوقفت روسيا العمل بالمذكرة").
    text = words.text
    for position, clause in enumerate(clauses):
        earlier = by_clause.get(clauses[position - 1].index, []) if position > 0 else []
        here = list(by_clause.get(clause.index, []))
        if not earlier and not here:
            continue
        if skipped(clause):
            continue
        for match in pats.anaphora.findall(words, clause.start, clause.end):
            if pats.anaphora_blockers.match(text, match.end(), clause.end):
                continue
            if any(match.start() < m.end and m.start < match.end() for m in named):
                continue
            # Anaphora points back: the nearest mention before the word, in its
            # sentence or the one before. A mention after it is another thing
            # ("استمرار الاتصالات ... من أجل بحث آليات وقف النزاع").
            before = [m for m in (*earlier, *here) if m.end <= match.start()]
            if not before:
                continue
            antecedent = max(before, key=lambda m: m.end)
            found = Mention(
                start=match.start(),
                end=match.end(),
                core_start=match.start(),
                key=antecedent.key,
                anaphoric=True,
                conj=text.startswith("و", match.start()) and not match.group("cpfx"),
                needs="none",
                clause=clause,
            )
            anaphoric.append(found)
            here.append(found)
        by_clause[clause.index] = here
    taken = named + anaphoric
    taken += _pronouns(words, pats, clauses, by_clause, taken, skipped)
    signed = _signed(words, pats, clauses, by_clause, taken, skipped)
    return sorted(taken + signed, key=lambda m: m.start)


def _pronouns(
    words: Words,
    pats: Patterns,
    clauses: Sequence[Clause],
    by_clause: dict[int, list[Mention]],
    taken: list[Mention],
    skipped: Callable[[Clause], bool],
) -> list[Mention]:
    """Pronouns on the object of a cue that stand for a mechanism named shortly before
    ("... الخط الساخن ... . أُعلن عن وقف العمل به", "أعلنت موسكو تعليقه بعد الضربة").

    The pronoun points back to the nearest mention before it, in its sentence or the
    :data:`PRONOUN_REACH` before, and takes that mention's key; not when an agreement
    noun that is no mention stands between ("... الخط الساخن. ووقعت اتفاقا ثم أعلنت
    تعليقه"). A pronoun on the cue itself is its object only when no object follows
    the cue (``[pronouns].followers``): in "تعليقها العمل بالمذكرة" it is the subject.
    "After its suspension" ("بعد أسابيع من تعليقها") dates a resumption (see
    ``[after_pause]``) and is no mention. The mention spans the pronoun ("ه", "به"), so the cue before it gives the status.
    """
    text = words.text
    found: list[Mention] = []
    for position, clause in enumerate(clauses):
        near = [
            m
            for back in range(min(position, PRONOUN_REACH), -1, -1)
            for m in by_clause.get(clauses[position - back].index, ())
        ]
        if not near or skipped(clause):
            continue
        pauses: set[int] | None = None
        for match in pats.pronoun.findall(words, clause.start, clause.end):
            group = next(g for g in ("own", "bridged", "direct") if match.group(g) is not None)
            start, end = match.span(group)
            if group == "own" and not _no_object_after(pats, text, end, clause.end):
                continue
            if pauses is None:
                found_pauses = pats.after_pause.findall(words, clause.start, clause.end)
                pauses = {pause.end() for pause in found_pauses}
            if end in pauses:
                continue  # "فعّلت القناة بعد أسابيع من تعليقها": the time before, no status
            if any(match.start() < m.end and m.start < match.end() for m in taken):
                continue
            before = [m for m in near if m.end <= match.start()]
            if not before:
                continue
            antecedent = max(before, key=lambda m: m.end)
            if any(
                not any(noun.start() < m.end and m.start < noun.end() for m in taken)
                for noun in pats.signed.finditer(text, antecedent.end, match.start())
            ):
                continue
            found.append(
                Mention(
                    start=start,
                    end=end,
                    core_start=start,
                    key=antecedent.key,
                    anaphoric=True,
                    conj=False,
                    needs="none",
                    clause=clause,
                )
            )
    return found


def _no_object_after(pats: Patterns, text: str, at: int, end: int) -> bool:
    """Whether the cue ending at ``at`` takes no object after it: the clause ends, or
    punctuation, a follower word or a country (the verb's subject) comes next.
    """
    if pats.pronoun_followers.match(text, at, end):
        return True
    space = _NEXT_WORD.match(text, at, end)
    return space is not None and pats.countries.pattern.match(text, space.end(), end) is not None


def _signed(
    words: Words,
    pats: Patterns,
    clauses: Sequence[Clause],
    by_clause: dict[int, list[Mention]],
    taken: list[Mention],
    skipped: Callable[[Clause], bool],
) -> list[Mention]:
    """Agreement nouns right after a signing cue, named later ("تم توقيع اتفاق ... .
    ... مذكرة التفاهم جاءت لضمان تنظيم حركة الطائرات"): they point forward, to the
    nearest named mention after them in their sentence or the next one.
    """
    text = words.text
    found: list[Mention] = []
    if not by_clause or not pats.signed_probe.search(text):
        return found
    for position, clause in enumerate(clauses):
        if not pats.signed_probe.search(text, clause.start, clause.end):
            continue
        later = [m for m in by_clause.get(clause.index, ()) if not m.anaphoric]
        if position + 1 < len(clauses):
            following = by_clause.get(clauses[position + 1].index, ())
            later += [m for m in following if not m.anaphoric]
        if not later or skipped(clause):
            continue
        for noun in pats.signed.finditer(text, clause.start, clause.end):
            start, end = noun.span()
            if any(start < m.end and m.start < end for m in taken):
                continue
            lo = max(clause.start, start - _SIGN_REACH)
            if not any(
                pats.cues.kind(cue) == "sign"
                and cue.end() < start
                and not text[cue.end() : start].strip(_GAP_CHARS)
                for cue in pats.cues.before.findall(words, lo, start)
            ):
                continue
            after = [m for m in later if m.start >= end]
            if not after:
                continue
            found.append(
                Mention(
                    start=start,
                    end=end,
                    core_start=start,
                    key=min(after, key=lambda m: m.start).key,
                    anaphoric=True,
                    conj=False,
                    needs="none",
                    clause=clause,
                )
            )
    return found
