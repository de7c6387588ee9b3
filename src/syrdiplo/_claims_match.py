"""The claim cue pattern answered by dictionary lookup where that gives the same match.

The cue pattern of :mod:`syrdiplo._claims_cues` is, between word boundaries::

    (?P<conj>[وف]?)(?: (?P<chain>\\L<markers>)
                     | (?P<verb>\\L<verbs>)(?P<suffix>ه|ها|هم|هما)?
                     | (?P<npre>[بل]?)(?P<noun>\\L<nouns>) )

Thousands of verb forms make every attempt of the ``regex`` module cost
microseconds. At a word of letters only, the match can only end where the
word ends (or, for a marker of several words, further on), so
:class:`CueFinder` reads it off the word: for each reading of the
conjunction, as the pattern backtracks, a marker going on past the word
(compared with the text), a marker, a verb form with one of the suffixes, a
statement noun with its preposition. Each word's readings are worked out
once and kept. At other words the pattern is used.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from ._actors_lists import is_word_char, plan_for
from .text import normalize_word

__all__ = ["CueFinder", "CueMatch"]

_SUFFIXES = ("", "ه", "ها", "هم", "هما")
#: one reading: (kind, conjunction length, parts) where kind is "chain+" (a marker going on
#: past the word: parts = ((length, markers), ...)) or a sure match ("chain", "verb" with
#: the verb's length, "noun" with the preposition's length)
_Step = tuple[str, int, object]


_GROUPS = frozenset(("conj", "chain", "verb", "suffix", "npre", "noun"))


class CueMatch:
    """The groups and offsets of a cue match, as the claim finder reads them."""

    __slots__ = ("_end", "_spans", "_start", "_text")

    def __init__(self, text: str, start: int, end: int, spans: dict[str, tuple[int, int]]) -> None:
        self._text, self._start, self._end, self._spans = text, start, end, spans

    @classmethod
    def of(cls, text: str, kind: str, start: int, part: int, mid: int, end: int) -> CueMatch:
        """conj = [start, part); for a verb, verb = [part, mid) and a suffix [mid, end) if
        any; for a noun, npre = [part, mid) and noun = [mid, end); chain = [part, end)."""
        spans = {"conj": (start, part)}
        if kind == "verb":
            spans["verb"] = (part, mid)
            if mid < end:
                spans["suffix"] = (mid, end)
        elif kind == "noun":
            spans["npre"] = (part, mid)
            spans["noun"] = (mid, end)
        else:
            spans["chain"] = (part, end)
        return cls(text, start, end, spans)

    def _span(self, group: int | str) -> tuple[int, int]:
        if group == 0:
            return self._start, self._end
        span = self._spans.get(group)  # type: ignore[call-overload]
        if span is not None:
            return span  # type: ignore[no-any-return]
        if group in _GROUPS:
            return -1, -1
        raise IndexError("no such group")

    def start(self, group: int | str = 0) -> int:
        return self._start if group == 0 else self._span(group)[0]

    def end(self, group: int | str = 0) -> int:
        return self._end if group == 0 else self._span(group)[1]

    def span(self, group: int | str = 0) -> tuple[int, int]:
        return self._span(group)

    def group(self, group: int | str = 0) -> str | None:
        return self[group]

    def __getitem__(self, group: int | str) -> str | None:
        span = self._spans.get(group)  # type: ignore[call-overload]
        if span is not None:
            return self._text[span[0] : span[1]]
        start, end = self._span(group)
        return None if start < 0 else self._text[start:end]


class CueFinder:
    """The cue pattern's match at a word, from the word itself where possible."""

    def __init__(
        self,
        pattern: regex.Pattern[str],
        markers: Iterable[str],
        verbs: Iterable[str],
        nouns: Iterable[str],
    ) -> None:
        self.pattern = pattern
        # normalised as compile_pattern writes them into the pattern
        self.markers = frozenset(normalize_word(w) for w in markers) - {""}
        self.verbs = frozenset(normalize_word(w) for w in verbs) - {""}
        self.nouns = frozenset(normalize_word(w) for w in nouns) - {""}
        self.verb_lengths = sorted({len(v) for v in self.verbs}, reverse=True)
        self._plans: dict[str, tuple[_Step, ...]] = {}

    def match(self, text: str, start: int, end: int) -> regex.Match[str] | CueMatch | None:
        """The cue at ``start``, the word ``text[start:end]`` (a word start, a separator after it)."""
        token = text[start:end]
        if not token.isalpha():
            return self.pattern.match(text, start)
        plan = plan_for(self._plans, token, self._plan)
        size = len(text)
        for kind, conj, parts in plan:
            part = start + conj
            if kind == "chain+":
                for length, markers in parts:  # type: ignore[attr-defined]
                    stop = part + length
                    if text[part:stop] in markers and (
                        stop >= size or not is_word_char(text[stop])
                    ):
                        return CueMatch.of(text, "chain", start, part, stop, stop)
                continue
            if kind == "chain":
                return CueMatch.of(text, "chain", start, part, end, end)
            return CueMatch.of(text, kind, start, part, part + parts, end)  # type: ignore[operator]
        return None

    def _plan(self, token: str) -> tuple[_Step, ...]:
        steps: list[_Step] = []
        for conj in (1, 0) if token[0] in ("و", "ف") else (0,):
            rest = token[conj:]
            if not rest:
                continue
            by_length: dict[int, set[str]] = {}
            for marker in self.markers:
                if len(marker) > len(rest) and marker.startswith(rest):
                    by_length.setdefault(len(marker), set()).add(marker)
            if by_length:
                longer = tuple(
                    (n, frozenset(by_length[n])) for n in sorted(by_length, reverse=True)
                )
                steps.append(("chain+", conj, longer))
            if rest in self.markers:
                steps.append(("chain", conj, None))
                break
            verb = next(
                (
                    n
                    for n in self.verb_lengths
                    if n <= len(rest) and rest[:n] in self.verbs and rest[n:] in _SUFFIXES
                ),
                None,
            )
            if verb is not None:
                steps.append(("verb", conj, verb))
                break
            preposition = next(
                (p for p in ((1, 0) if rest[0] in ("ب", "ل") else (0,)) if rest[p:] in self.nouns),
                None,
            )
            if preposition is not None:
                steps.append(("noun", conj, preposition))
                break
        return tuple(steps)
