"""The deconfliction extractor: is the Russia-US military channel in Syria working?

For every sentence outside boilerplate it finds where the channel is named or
described (:mod:`._mentions`), reads the status from the cue beside each
mention with its negation and modality (:mod:`._status`), checks that the
mention is about Russia and the US (:mod:`._parties`), and dates it with a
date expression in the same sentence (one after the cue only up to the next
clause break; a mechanism's own date, "الموقعة في 2015", only for active).

Merging. The task counts each status once per article, and an article often
says the same thing several times (the headline, the lead, a quotation). Mentions
are merged into one :class:`syrdiplo.Deconfliction` per status and date:

* mentions of a status with the same date are one event;
* a month and a day inside it ("تموز الماضي", "3 من تموز") are one event,
  carrying the more precise date;
* undated mentions join the status's only dated event, if it has exactly one;
  otherwise they make one undated event.

Each event keeps every mention's spans as evidence (roles ``trigger``,
``mechanism`` and ``date``), the mechanism key of its first mention and the
first claim any of its mentions was asserted in.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import attrs
import regex

import syrdiplo

from ._mentions import PUNCT, Clause, Mention, after_last, find_mentions, words_between
from ._parties import PartyFinder
from ._patterns import Patterns, patterns
from ._scan import Words
from ._status import Reading, read_status

__all__ = ["DeconflictionExtractor"]

_DATED = regex.compile(r"^\d{4}")
_SINCE = regex.compile(r"(?<![\p{L}])[وف]?منذ(?![\p{L}])")
#: A timex this many words after منذ gives the start of a period, not the status date; one
#: this many words after an attributive participle ("الموقعة في") is a mechanism's own date.
_OPENER_REACH = 8


@attrs.frozen
class _Finding:
    status: str
    parties: tuple[str, ...]
    date: str | None
    mechanism: str
    claim: syrdiplo.Claim | None
    evidence: tuple[syrdiplo.Span, ...]
    start: int


class DeconflictionExtractor:
    """Reports the status of the Russia-US deconfliction channel (see the module docstring)."""

    name = "deconfliction"

    def extract(self, doc: syrdiplo.Document) -> Iterator[syrdiplo.Event]:
        pats = patterns(doc.lexicon)
        if not doc.sentences:
            return iter(())
        norm = doc.normalized
        dates = [(norm.to_normalized(t.start), norm.to_normalized(t.end)) for t in doc.timexes]
        words = Words(norm.text, doc.tokens, pats.starts, dates)
        clauses = _clauses(doc, words)
        if not clauses:
            return iter(())
        finder = PartyFinder(doc, pats, clauses, words)
        readings = []
        for mention in find_mentions(words, pats, clauses):
            reading = read_status(words, pats, mention)
            if reading is not None:
                readings.append((mention, reading))
        # A weak word ("في إطار") only frames a mechanism when nothing else in the
        # sentence has a status: in "الحفاظ على الخط الساخن ... في إطار مذكرة التفاهم"
        # the memorandum is the hotline's frame, and the hotline carries the status.
        strong = {m.clause.index for m, r in readings if not r.weak}
        findings = []
        dates: dict[int, list[tuple[syrdiplo.Timex, bool]]] = {}
        for mention, reading in readings:
            if reading.weak and mention.clause.index in strong:
                continue
            parties = finder.parties(mention)
            if parties is None:
                continue
            cut = _next_break(doc, words, pats, mention, reading)
            findings.append(_finding(doc, pats, mention, reading, parties, dates, cut))
        return iter(_merge(findings))


def _clauses(doc: syrdiplo.Document, words: Words) -> list[Clause]:
    """The sentences outside boilerplate, with their normalised bounds."""
    to_normalized = doc.normalized.to_normalized
    boilerplate, title = syrdiplo.Zone.BOILERPLATE, syrdiplo.Zone.TITLE
    out = []
    for index, sentence in enumerate(doc.sentences):
        zone = sentence.zone
        if zone is boilerplate:
            continue
        start, end = to_normalized(sentence.start), to_normalized(sentence.end)
        cut = words.cuts(start) or words.cuts(end)
        out.append(Clause(index, start, end, zone is title, cut))
    return out


def _next_break(
    doc: syrdiplo.Document, words: Words, pats: Patterns, mention: Mention, reading: Reading
) -> int | None:
    """Where (original offset) the first clause break after the cue begins, if any."""
    found = pats.breaks.search(words, reading.cue_end, mention.clause.end)
    return None if found is None else doc.normalized.original_span(*found.span())[0]


def _finding(
    doc: syrdiplo.Document,
    pats: Patterns,
    mention: Mention,
    reading: Reading,
    parties: tuple[str, ...],
    dates: dict[int, list[tuple[syrdiplo.Timex, bool]]],
    cut: int | None = None,
) -> _Finding:
    """One mention's finding; ``dates`` keeps each clause's usable timexes, and a date
    after the cue counts only before ``cut`` (the next clause break). A mechanism's own
    date ("بروتوكولات منع الاشتباك المعتمدة في آذار 2017") dates only its being active.
    """
    norm = doc.normalized
    cue = norm.original_span(reading.cue_start, reading.cue_end)
    where = norm.original_span(mention.start, mention.end)
    if mention.clause.index not in dates:
        clause = norm.original_span(mention.clause.start, mention.clause.end)
        dates[mention.clause.index] = _dated(doc, pats, clause)
    evidence = [doc.span(*cue, role="trigger"), doc.span(*where, role="mechanism")]
    usable = [t for t, own in dates[mention.clause.index] if reading.status == "active" or not own]
    timex = _date_for(usable, cue[0], cut)
    if timex is not None:
        evidence.append(doc.span(timex.start, timex.end, role="date"))
    claim = doc.claim_for(*cue) or doc.claim_for(*where)
    date = timex.value if timex is not None else (claim.date if claim is not None else None)
    return _Finding(
        status=reading.status,
        parties=parties,
        date=date,
        mechanism=mention.key,
        claim=claim,
        evidence=tuple(sorted(set(evidence), key=lambda s: (s.start, s.end))),
        start=min(cue[0], where[0]),
    )


def _date_for(
    candidates: list[syrdiplo.Timex], cue: int, cut: int | None = None
) -> syrdiplo.Timex | None:
    """The timex of ``candidates`` nearest the cue, before it if any; one after it only
    before ``cut``: past a clause break it dates another clause ("جمدت الاتصالات العسكرية،
    لكن الوزير اتصل بنظيره في 3 أيار").
    """
    before = [t for t in candidates if t.start <= cue]
    if before:
        return before[-1]
    after = [t for t in candidates if cut is None or t.start < cut]
    return after[0] if after else None


def _dated(
    doc: syrdiplo.Document, pats: Patterns, clause: tuple[int, int]
) -> list[tuple[syrdiplo.Timex, bool]]:
    """The dated timexes of the sentence, but not one shortly after منذ; each says whether
    it is a mechanism's own date ("المذكرة الموقعة في 2015", see ``[dates].attributive``).
    """
    text = doc.normalized.text
    candidates = []
    for timex in doc.timexes_in(*clause):
        if timex.value is None or not _DATED.match(timex.value):
            continue
        start = doc.normalized.to_normalized(timex.start)
        lo = max(0, start - 80)
        if _shortly_after(text, _SINCE, lo, start):
            continue
        candidates.append((timex, _shortly_after(text, pats.attributive, lo, start)))
    return candidates


def _shortly_after(text: str, pattern: regex.Pattern[str], lo: int, start: int) -> bool:
    """Whether ``pattern`` matches at most :data:`_OPENER_REACH` words before ``start``,
    with no punctuation between.
    """
    found = after_last(pattern, text, lo, start)
    return (
        found > lo
        and not PUNCT.search(text, found, start)
        and words_between(text, found, start) <= _OPENER_REACH
    )


def _nested(a: str, b: str) -> bool:
    """One TIMEX value lies inside the other ("2024-07" and "2024-07-03")."""
    return a.startswith(b + "-") or b.startswith(a + "-") or a == b


def _merge(findings: Sequence[_Finding]) -> list[syrdiplo.Deconfliction]:
    groups: list[list[_Finding]] = []
    for status in dict.fromkeys(f.status for f in findings):
        mine = [f for f in findings if f.status == status]
        dated: list[list[_Finding]] = []
        for finding in (f for f in mine if f.date is not None):
            for group in dated:
                if any(_nested(finding.date or "", g.date or "") for g in group):
                    group.append(finding)
                    break
            else:
                dated.append([finding])
        undated = [f for f in mine if f.date is None]
        if undated and len(dated) == 1:
            dated[0].extend(undated)
        elif undated:
            dated.append(undated)
        groups.extend(dated)
    return [_event(group) for group in groups]


def _event(group: list[_Finding]) -> syrdiplo.Deconfliction:
    group = sorted(group, key=lambda f: f.start)
    dates = [f.date for f in group if f.date is not None]
    evidence = sorted({s for f in group for s in f.evidence}, key=lambda s: (s.start, s.end))
    return syrdiplo.Deconfliction(
        status=group[0].status,
        parties=group[0].parties,
        date=max(dates, key=len) if dates else None,
        mechanism=group[0].mechanism,
        claim=next((f.claim for f in group if f.claim is not None), None),
        evidence=tuple(evidence),
    )
