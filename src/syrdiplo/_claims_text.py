"""Small readings of normalised text for the claim finder, and the shortcuts it takes.

Quotation spans; whether a stretch is only spaces and punctuation; where a
sentence's leading quotes and bullets end; and the tests that let the finder
skip a word-list pattern where it cannot match (:func:`stays`), with a memo
for answers about short strings.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import regex

from ._actors_lists import is_word_char, plan_for

__all__ = [
    "LEAD",
    "PUNCT_GAP",
    "blank",
    "lead_end",
    "punct_gap",
    "quote_spans",
    "remembered",
    "stays",
]

PUNCT_GAP = regex.compile(r"[\s,;()\-–\"“”«»]*")
_QUOTE_MARK = re.compile(r"[“”«»\"]")
LEAD = regex.compile(r"[\s“\"«\-–•*]*")
_MEMO_SIZE = 8192


def stays(chunk: str, *lists: frozenset[str] | None) -> bool:
    """Whether removing the entries of ``\\L<…>`` lists leaves ``chunk`` as it is.

    ``chunk`` is a whole run of non-space characters, and ``lists`` the
    :func:`~syrdiplo._claims_cues.heads` of word lists matched between word
    boundaries: an entry can only start at its first letter, and only when
    the letters from there to the end of the chunk are an entry's first word.
    """
    if any(heads is None for heads in lists):
        return False
    i = 0
    while i < len(chunk) and not is_word_char(chunk[i]):
        i += 1
    rest = chunk[i:]
    return not rest or (rest.isalpha() and not any(rest in heads for heads in lists))  # type: ignore[operator]


def remembered(
    memo: dict[tuple[str, str], bool],
    key: tuple[str, str],
    compute: Callable[[tuple[str, str]], bool],
) -> bool:
    """``compute(key)``, remembered in ``memo`` (emptied when it grows past ``_MEMO_SIZE``)."""
    return plan_for(memo, key, compute, _MEMO_SIZE)


def punct_gap(text: str) -> bool:
    """``PUNCT_GAP`` matches all of ``text`` (nothing but spaces and punctuation)."""
    return text in ("", " ") or PUNCT_GAP.fullmatch(text) is not None


def lead_end(text: str, start: int) -> int:
    """Where ``LEAD`` (spaces, quotes, dashes, bullets) starting at ``start`` ends."""
    if text[start : start + 1].isalpha():
        return start
    return LEAD.match(text, start).end()  # type: ignore[union-attr]


def blank(match: regex.Match[str]) -> str:
    return " " * len(match.group())


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Quotations as (opening mark, closing mark) offsets, within a line.

    “…” and «…» pair up with a stack; an opening mark with no letter after it closes
    the same mark left open ("«هلسنكي 2018 «"). A straight quote opens when a letter
    follows it and no letter precedes it, and closes in the mirror case; one left open
    at the end of the line is taken as a stray mark, not as a quotation.
    """
    spans: list[tuple[int, int]] = []
    closers = {"”": "“", "»": "«"}
    stack: list[tuple[str, int]] = []
    line_end = -1
    for mark in _QUOTE_MARK.finditer(text):
        i, ch = mark.start(), mark.group()
        if i > line_end:
            # an unclosed “ or « runs to the end of its line; an unclosed " is a stray mark
            spans.extend((position, line_end) for kind, position in stack if kind != '"')
            stack = []
            newline = text.find("\n", i)
            line_end = newline if newline >= 0 else len(text)
        if ch in "“«":
            after = text[i + 1] if i + 1 < len(text) else " "
            if not after.isalnum() and stack and stack[-1][0] == ch:
                # "قمة «هلسنكي 2018 « بعد": an opening mark typed for the closing one
                spans.append((stack.pop()[1], i))
                continue
            stack.append((ch, i))
        elif ch in closers:
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == closers[ch]:
                    spans.append((stack[depth][1], i))
                    del stack[depth:]
                    break
        else:
            before = text[i - 1] if i > 0 and text[i - 1] != "\n" else " "
            if before in "لبو" and (i < 2 or not text[i - 2].isalnum()):
                before = " "  # "لـ\"الحرة\"": an attached preposition before the opening mark
            after = text[i + 1] if i + 1 < len(text) and text[i + 1] != "\n" else " "
            opening = not before.isalnum() and (after.isalnum() or after in "“«")
            if opening and not (stack and stack[-1][0] == '"' and not after.isalnum()):
                stack.append(('"', i))
                continue
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == '"':
                    spans.append((stack[depth][1], i))
                    del stack[depth:]
                    break
    spans.extend((position, line_end) for kind, position in stack if kind != '"')
    return sorted(spans)
