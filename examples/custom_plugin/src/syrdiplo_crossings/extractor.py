"""Find what happened to humanitarian border crossings, sentence by sentence.

For every body sentence that names a crossing (from the ``crossings`` lexicon
table) and a status cue (فتح، إغلاق، تمديد، انتهاء):

* the crossing takes the nearest cue before it, else the nearest after it
  ("إعادة فتح معبري باب السلامة والراعي", "معبر اليعربية مغلق");
* a veto or refusal shortly before an opening or extension cue makes it
  ``blocked`` ("استخدمت روسيا الفيتو ضد تمديد ...");
* the date is the dated timex in the sentence nearest the cue, and the
  duration comes from "لمدة ستة أشهر" after the cue.

Matching runs on the normalised text, and every span is mapped back to the
original article text, as the built-in extractors do.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, NamedTuple

import regex
import syrdiplo
from syrdiplo.text import PROCLITIC, WORD_END, WORD_START, compile_pattern, normalize_word

from .model import CrossingEvent, CrossingStatus

__all__ = ["CrossingsExtractor"]

TABLE = "crossings"


class _Patterns(NamedTuple):
    names: regex.Pattern[str]
    cues: regex.Pattern[str]
    negators: regex.Pattern[str]
    duration: regex.Pattern[str]
    crossings: dict[str, tuple[str, str | None, bool]]  # normalised name -> (name, country, marked)
    statuses: dict[str, str]  # normalised cue -> status
    numbers: dict[str, int]
    window: int


class _Mention(NamedTuple):
    crossing: str
    country: str | None
    start: int  # normalised offsets
    end: int


def _key(text: str) -> str:
    return regex.sub(r"\s+", " ", normalize_word(text))


def _compile(lexicon: syrdiplo.Lexicon) -> _Patterns:
    """Build the patterns from the lexicon once (raises DataFileError on bad data)."""
    crossings: dict[str, tuple[str, str | None, bool]] = {}
    for name in lexicon.table(TABLE, "crossing"):
        country = lexicon.table(TABLE, "crossing", name).get("country")
        for marked, column in ((False, "names"), (True, "marked_names")):
            for word in lexicon.words(TABLE, "crossing", name, column, required=False):
                crossings[_key(word)] = (name, country, marked)
    if not crossings:
        raise syrdiplo.DataFileError(TABLE, "no crossing has any names", key="crossing")

    statuses: dict[str, str] = {}
    for status in CrossingStatus:
        for word in lexicon.words(TABLE, "cues", status.value, required=False):
            statuses[_key(word)] = status.value

    numbers = {_key(w): int(n) for w, n in lexicon.table(TABLE, "duration", "numbers").items()}
    numbers.update({_key(w): int(n) for w, n in lexicon.table(TABLE, "duration", "dual").items()})

    names = compile_pattern(
        WORD_START
        + r"(?:"
        + PROCLITIC
        + r"(?P<marker>\L<markers>)\s+)?(?P<and>[وف])?(?P<name>\L<names>)"
        + WORD_END,
        markers=lexicon.words(TABLE, "markers", "words"),
        names=list(crossings),
    )
    cues = compile_pattern(
        WORD_START + PROCLITIC + r"(?P<cue>\L<cues>)" + WORD_END, cues=list(statuses)
    )
    negators = compile_pattern(
        WORD_START + PROCLITIC + r"(?:\L<words>)" + WORD_END,
        words=lexicon.words(TABLE, "negators", "words"),
    )
    duration = compile_pattern(
        WORD_START
        + r"\L<lead>\s+(?:(?P<n>\d+|\L<numbers>)\s+(?:(?P<m>\L<months>)|\L<years>)|(?P<one_m>\L<months>)|\L<years>|(?P<dual>\L<dual>))"
        + WORD_END,
        lead=lexicon.words(TABLE, "duration", "lead"),
        numbers=list(lexicon.table(TABLE, "duration", "numbers")),
        months=lexicon.words(TABLE, "duration", "months"),
        years=lexicon.words(TABLE, "duration", "years"),
        dual=list(lexicon.table(TABLE, "duration", "dual")),
    )
    window = lexicon.table(TABLE, "negators").get("window", 60)
    if not isinstance(window, int) or window < 0:
        raise syrdiplo.DataFileError(
            TABLE, f"window must be a whole number, not {window!r}", key="negators.window"
        )
    return _Patterns(names, cues, negators, duration, crossings, statuses, numbers, window)


class CrossingsExtractor:
    """The ``crossings`` extractor: one :class:`CrossingEvent` per crossing and status."""

    name = "crossings"

    def extract(self, doc: syrdiplo.Document) -> Iterator[CrossingEvent]:
        patterns = doc.lexicon.cached("syrdiplo_crossings.patterns", _compile)
        norm = doc.normalized
        seen: set[tuple[Any, ...]] = set()
        for sentence in doc.body_sentences():
            start, end = norm.to_normalized(sentence.start), norm.to_normalized(sentence.end)
            mentions = _mentions(patterns, norm.text, start, end)
            if not mentions:
                continue
            cues = [
                (m.start("cue"), m.end("cue"), patterns.statuses[_key(m["cue"])])
                for m in patterns.cues.finditer(norm.text, start, end)
            ]
            for mention in mentions:
                cue = _cue_for(mention, cues)
                if cue is None:
                    continue
                event = _event(doc, patterns, sentence, mention, cue, start)
                key = (event.crossing, event.status, event.date, event.months)
                if key not in seen:
                    seen.add(key)
                    yield event


def _mentions(patterns: _Patterns, text: str, start: int, end: int) -> list[_Mention]:
    found: list[_Mention] = []
    for match in patterns.names.finditer(text, start, end, overlapped=False):
        name, country, marked = patterns.crossings[_key(match["name"])]
        # "معبري باب السلامة والراعي": a name joined by و to the crossing just before it
        listed = bool(match["and"] and found and not text[found[-1].end : match.start()].strip())
        if marked and match["marker"] is None and not listed:
            continue
        found.append(_Mention(name, country, match.start("name"), match.end("name")))
    return found


def _cue_for(mention: _Mention, cues: list[tuple[int, int, str]]) -> tuple[int, int, str] | None:
    before = [c for c in cues if c[1] <= mention.start]
    if before:
        return max(before, key=lambda c: c[1])
    after = [c for c in cues if c[0] >= mention.end]
    return min(after, key=lambda c: c[0]) if after else None


def _event(
    doc: syrdiplo.Document,
    patterns: _Patterns,
    sentence: syrdiplo.Sentence,
    mention: _Mention,
    cue: tuple[int, int, str],
    sentence_start: int,
) -> CrossingEvent:
    norm = doc.normalized
    cue_start, cue_end, status = cue
    if status in (CrossingStatus.OPENED, CrossingStatus.EXTENDED):
        lookback = max(sentence_start, cue_start - patterns.window)
        if patterns.negators.search(norm.text, lookback, cue_start):
            status = CrossingStatus.BLOCKED

    evidence = [
        doc.span(*norm.original_span(cue_start, cue_end), role="trigger"),
        doc.span(*norm.original_span(mention.start, mention.end), role="crossing"),
    ]
    trigger = evidence[0]

    dated = [
        t for t in doc.timexes_in(sentence.start, sentence.end) if t.value and t.value[:4].isdigit()
    ]
    timex = min(dated, key=lambda t: abs(t.start - trigger.start), default=None)
    if timex is not None:
        evidence.append(doc.span(timex.start, timex.end, role="date"))

    months = None
    sentence_end = norm.to_normalized(sentence.end)
    duration = patterns.duration.search(norm.text, cue_end, sentence_end)
    if duration is not None and status not in (CrossingStatus.CLOSED, CrossingStatus.EXPIRED):
        months = _months(duration, patterns.numbers)
        evidence.append(
            doc.span(*norm.original_span(duration.start(), duration.end()), role="duration")
        )

    return CrossingEvent(
        crossing=mention.crossing,
        country=mention.country,
        status=status,
        date=timex.value if timex else None,
        months=months,
        evidence=sorted(evidence, key=lambda s: (s.start, s.end)),
        claim=doc.claim_for(trigger.start, evidence[-1].end),
    )


def _months(match: regex.Match[str], numbers: dict[str, int]) -> int:
    if match["dual"]:
        return numbers[_key(match["dual"])]
    if match["n"]:
        count = int(match["n"]) if match["n"].isdigit() else numbers[_key(match["n"])]
        return count if match["m"] else 12 * count
    return 1 if match["one_m"] else 12
