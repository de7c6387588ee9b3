"""Finding where the deconfliction channel is named or described.

A *named* mention is one of the mechanisms in the lexicon ("آلية منع الاصطدام",
"الخط الساخن", "مذكرة التفاهم ... سلامة الطيران"), checked against what its
entry ``needs`` (a head noun, a military partner, a governing contact word).
An *anaphoric* mention is a bare contact word ("التنسيق", "الاتصال", "المذكرة")
that counts only when a named mention comes before it, in the same sentence or
the one before; it takes that mention's key.

All offsets here are into the normalised text.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import regex

from ._patterns import MechanismPattern, Patterns

__all__ = ["Clause", "Mention", "after_last", "find_mentions", "words_between"]

_WORD = regex.compile(r"[\p{L}\p{N}]+")
#: Punctuation that ends the stretch a cue or governor may reach across.
PUNCT = regex.compile(r"[,;:.!?()\[\]\n|•]")
#: How many words a governing contact word may stand before a described mechanism.
GOVERNOR_REACH = 5


@attrs.frozen
class Clause:
    """A sentence as the extractor sees it: its index and normalised bounds."""

    index: int
    start: int
    end: int
    title: bool = False


@attrs.frozen
class Mention:
    """A mechanism mention in the normalised text.

    :param start: where the mention begins (its head or governing word included).
    :param core_start: where the mechanism words themselves begin.
    :param conj: the mention opens with the conjunction و ("والخط الساخن").
    """

    start: int
    end: int
    core_start: int
    key: str
    anaphoric: bool
    conj: bool
    needs: str
    clause: Clause


def words_between(text: str, start: int, end: int) -> int:
    """How many words lie in ``text[start:end]``."""
    return len(_WORD.findall(text, start, end)) if end > start else 0


def after_last(pattern: regex.Pattern[str], text: str, start: int, end: int) -> int:
    """Where the last match of ``pattern`` in ``text[start:end]`` ends, else ``start``."""
    last = start
    for match in pattern.finditer(text, start, end):
        last = match.end()
    return last


def _governor_start(
    text: str, governor: regex.Pattern[str], clause: Clause, core_start: int
) -> int | None:
    """Where a contact or coordination word governing the mechanism begins, if there is one."""
    lo = after_last(PUNCT, text, max(clause.start, core_start - 90), core_start)
    for match in governor.finditer(text, lo, core_start):
        if words_between(text, match.end(), core_start) <= GOVERNOR_REACH:
            return match.start()
    return None


def _named(text: str, pats: Patterns, mechanism: MechanismPattern, clause: Clause) -> list[Mention]:
    found = []
    for match in mechanism.pattern.finditer(text, clause.start, clause.end):
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
                    text, mechanism.governor or pats.governor, clause, core_start
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


def find_mentions(text: str, pats: Patterns, clauses: Sequence[Clause]) -> list[Mention]:
    """Every named and anaphoric mechanism mention in ``clauses``, in text order."""
    named: list[Mention] = []
    for clause in clauses:
        if pats.unrelated.search(text, clause.start, clause.end):
            continue
        for mechanism in pats.mechanisms:
            if mechanism.anchor.search(text, clause.start, clause.end):
                named.extend(_named(text, pats, mechanism, clause))
    named = _drop_overlaps(named)
    by_clause: dict[int, list[Mention]] = {}
    for mention in named:
        by_clause.setdefault(mention.clause.index, []).append(mention)
    anaphoric: list[Mention] = []
    # Clauses in order, so that an anaphoric mention can be the antecedent of the
    # next one ("... بالمذكرة" then "أوقفت روسيا العمل بالمذكرة").
    for position, clause in enumerate(clauses):
        if pats.unrelated.search(text, clause.start, clause.end):
            continue
        earlier = by_clause.get(clauses[position - 1].index, []) if position > 0 else []
        here = list(by_clause.get(clause.index, []))
        if not earlier and not here:
            continue
        for match in pats.anaphora.finditer(text, clause.start, clause.end):
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
    return sorted(named + anaphoric, key=lambda m: m.start)
